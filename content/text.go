package content

import (
	"html"
	"strings"
	"unicode"
)

// cleanText removes HTML from a feed's free text: tags are dropped (with the
// contents of script and style), entities are unescaped, and whitespace is
// collapsed. Text with no markup comes back unchanged. changed reports
// whether anything was removed.
func cleanText(s string) (out string, changed bool) {
	if !strings.ContainsAny(s, "<&") {
		return s, false
	}
	stripped, tags := stripTags(s)
	out = html.UnescapeString(stripped)
	if !tags && out == s {
		return s, false
	}
	out = strings.Join(strings.FieldsFunc(out, unicode.IsSpace), " ")
	return out, out != s
}

// stripTags drops HTML tags from s, putting a space where a tag was so words
// either side stay apart. A '<' that does not open a tag ("ages <5") is kept.
func stripTags(s string) (string, bool) {
	var b strings.Builder
	found := false
	for i := 0; i < len(s); {
		c := s[i]
		if c != '<' || i+1 >= len(s) || !opensTag(s[i+1]) {
			b.WriteByte(c)
			i++
			continue
		}
		end := strings.IndexByte(s[i:], '>')
		if end < 0 {
			b.WriteString(s[i:])
			break
		}
		found = true
		name := tagName(s[i+1 : i+end])
		i += end + 1
		if name == "script" || name == "style" {
			if j := strings.Index(strings.ToLower(s[i:]), "</"+name); j >= 0 {
				i += j
				if k := strings.IndexByte(s[i:], '>'); k >= 0 {
					i += k + 1
				} else {
					i = len(s)
				}
			} else {
				i = len(s)
			}
		}
		b.WriteByte(' ')
	}
	return b.String(), found
}

// opensTag reports whether the byte after '<' starts a tag, a closing tag,
// a comment or a doctype.
func opensTag(c byte) bool {
	return c == '/' || c == '!' || c == '?' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')
}

// tagName is the lower-cased element name inside "<...>".
func tagName(inner string) string {
	inner = strings.TrimPrefix(inner, "/")
	end := strings.IndexFunc(inner, func(r rune) bool { return unicode.IsSpace(r) || r == '/' })
	if end >= 0 {
		inner = inner[:end]
	}
	return strings.ToLower(inner)
}
