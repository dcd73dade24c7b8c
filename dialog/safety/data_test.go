package safety

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// TestEmbeddedData guards NewDetector's panic: the embedded rule files
// load and check cleanly.
func TestEmbeddedData(t *testing.T) {
	d, err := builtinData()
	if err != nil {
		t.Fatal(err)
	}
	if len(d.rules) == 0 || len(d.idioms) == 0 || len(d.context.topic) == 0 || len(d.expansions) == 0 ||
		len(d.lexicon) == 0 || len(d.persons) == 0 || len(d.latins) == 0 || len(d.scripts) == 0 ||
		len(d.laughEmoji) == 0 || len(d.emojiWords) == 0 || len(d.english) == 0 {
		t.Fatal("a table is empty")
	}
	NewDetector()
}

// rulesFS copies the embedded rules/ folder so a test can change it.
func rulesFS(t *testing.T) fstest.MapFS {
	t.Helper()
	sub, err := fs.Sub(embeddedRules, "rules")
	if err != nil {
		t.Fatal(err)
	}
	m := fstest.MapFS{}
	err = fs.WalkDir(sub, ".", func(p string, de fs.DirEntry, err error) error {
		if err != nil || de.IsDir() {
			return err
		}
		b, err := fs.ReadFile(sub, p)
		if err != nil {
			return err
		}
		m[p] = &fstest.MapFile{Data: b}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestLoadDataErrors: a mistake in a file is an error naming the file and
// the rule (or entry), not a panic or a silent change.
func TestLoadDataErrors(t *testing.T) {
	if _, err := loadData(rulesFS(t)); err != nil {
		t.Fatalf("unchanged files: %v", err)
	}
	for _, c := range []struct {
		name, file, old, new string
		want                 []string
	}{
		{"category", "rules.yaml", "    category: suicide\n", "    category: suicidal\n",
			[]string{"rules.yaml", `rule "suicide-term"`, `unknown category "suicidal"`}},
		{"flag", "rules.yaml", "flags: [topic-cancels]", "flags: [topic-cancel]",
			[]string{"rules.yaml", `rule "suicide-term"`, `unknown flag "topic-cancel"`}},
		{"tag", "rules.yaml", `"suicide|suicidal|suicidally"`, `"@SUICIDE|suicidal"`,
			[]string{"rules.yaml", `rule "suicide-term"`, `unknown tag "@SUICIDE"`}},
		{"pattern", "rules.yaml", `"suicide|suicidal|suicidally"`, `"suicide ~x"`,
			[]string{"rules.yaml", `rule "suicide-term"`, `bad gap "~x"`}},
		{"group", "rules.yaml", `"suicide|suicidal|suicidally"`, `"suicide (a|b"`,
			[]string{"rules.yaml", `rule "suicide-term"`, "unbalanced ("}},
		{"field", "rules.yaml", "  - name: suicide-term\n", "  - name: suicide-term\n    severity: high\n",
			[]string{"rules.yaml", `unknown field "severity"`}},
		{"duplicate", "rules.yaml", "  - name: suicide-personal\n", "  - name: suicide-term\n",
			[]string{"rules.yaml", `rule "suicide-term": name used twice`}},
		{"context", "context.yaml", `"@TOPIC"`, `"@TOPICS"`,
			[]string{"context.yaml", `unknown tag "@TOPICS"`}},
		{"idiom", "idioms.yaml", `"kill|killing|kills me !now"`, `"kill|killing|kills me !@NOWW"`,
			[]string{"idioms.yaml", `idiom "killing-me"`, `unknown tag "@NOWW"`}},
		{"word class", "lexicon.yaml", "  HURT: >-\n", "  HARM: >-\n",
			[]string{"lexicon.yaml", `unknown word class "HARM"`}},
		{"gender", "lexicon.yaml", "    gender: male\n", "    gender: boy\n",
			[]string{"lexicon.yaml", "person_nouns[0]", `unknown gender "boy"`}},
		{"script", "languages/09-arabic-script.yaml", "script: Arabic\n", "script: Arabik\n",
			[]string{"languages/09-arabic-script.yaml", `unknown script "Arabik"`}},
		{"accents", "languages/01-polish.yaml", "gloss:\n", "gloss:\n  corka: son\n",
			[]string{"languages/01-polish.yaml", "folds onto another key"}},
		{"mark", "languages/01-polish.yaml", "  syn: son\n", "  syn: {noun: son}\n",
			[]string{"languages/01-polish.yaml", `"syn": noun and verb marks are for other scripts`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := rulesFS(t)
			f := m[c.file]
			if f == nil {
				t.Fatalf("no file %s", c.file)
			}
			src := string(f.Data)
			if !strings.Contains(src, c.old) {
				t.Fatalf("%s has no %q", c.file, c.old)
			}
			m[c.file] = &fstest.MapFile{Data: []byte(strings.Replace(src, c.old, c.new, 1))}
			_, err := loadData(m)
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}
