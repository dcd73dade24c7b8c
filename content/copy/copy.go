// Package copy holds what hubbot says to families: every message is a named
// Go text/template in the embedded messages.tmpl, kept apart from the dialog
// logic so it can be read and reworded on its own. The copy is short, warm,
// plain English (a reading age of about 9), ASCII only so an SMS stays in the
// GSM-7 alphabet, and each reply aims to fit two SMS segments (306
// characters); service details may run longer.
package copy

import (
	"bytes"
	"embed"
	"fmt"
	"sort"
	"strings"
	"text/template"
)

// files holds the message templates.
//
//go:embed messages.tmpl
var files embed.FS

// Copy renders the message templates. It is safe for concurrent use.
type Copy struct {
	t *template.Template
}

// New parses the embedded message templates.
func New() (*Copy, error) {
	t, err := template.New("copy").
		Option("missingkey=error").
		Funcs(template.FuncMap{"inc": func(i int) int { return i + 1 }}).
		ParseFS(files, "messages.tmpl")
	if err != nil {
		return nil, fmt.Errorf("copy: parse: %w", err)
	}
	return &Copy{t: t}, nil
}

// Render executes the named message with data (usually a Data) and returns
// it with surrounding blank space trimmed and runs of blank lines folded.
func (c *Copy) Render(name string, data any) (string, error) {
	if c.t.Lookup(name) == nil {
		return "", fmt.Errorf("copy: no message %q", name)
	}
	var b bytes.Buffer
	if err := c.t.ExecuteTemplate(&b, name, data); err != nil {
		return "", fmt.Errorf("copy: render %s: %w", name, err)
	}
	return tidy(b.String()), nil
}

// Lines renders the named message and returns its non-blank lines, each
// trimmed: the labels of numbered options and buttons are kept this way.
func (c *Copy) Lines(name string, data any) ([]string, error) {
	s, err := c.Render(name, data)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out, nil
}

// Names lists every message the templates define, sorted; parts of
// messages (named "_...") are left out.
func (c *Copy) Names() []string {
	var out []string
	for _, t := range c.t.Templates() {
		if n := t.Name(); n != "copy" && n != "messages.tmpl" && !strings.HasPrefix(n, "_") {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

// tidy trims each line's trailing spaces, drops blank lines at either end and
// folds runs of blank lines into one.
func tidy(s string) string {
	lines := strings.Split(s, "\n")
	out := lines[:0]
	blank := false
	for _, l := range lines {
		l = strings.TrimRight(l, " \t\r")
		if l == "" {
			if !blank && len(out) > 0 {
				out = append(out, "")
			}
			blank = true
			continue
		}
		blank = false
		out = append(out, l)
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}
