package report_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/report"
)

func TestEscape(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in, want string
	}{
		{"plain words, don't change", "plain words, don't change"},
		{"# heading", `\# heading`},
		{"- item", `\- item`},
		{"+ item", `\+ item`},
		{"1. first", `1\. first`},
		{"2026) year", `2026\) year`},
		{"version 1.2 stays", "version 1.2 stays"},
		{"a - b + c = d", "a - b + c = d"},
		{"> quote", "&gt; quote"},
		{"=== setext", `\=== setext`},
		{"<b>bold</b> & co", "&lt;b&gt;bold&lt;/b&gt; & co"},
		{"&lt; stays text", "&amp;lt; stays text"},
		{"Testing & threat modelling, AT&T", "Testing & threat modelling, AT&T"},
		{"&#124; and &x; and & ; stay text", "&amp;#124; and &amp;x; and & ; stay text"},
		{"a | b", "a &#124; b"},
		{"*em* _em_ `code` ~~del~~", "\\*em\\* \\_em\\_ \\`code\\` \\~\\~del\\~\\~"},
		{"[link](http://x) ![img](y)", `\[link\](http://x) !\[img\](y)`},
		{"tools (Go, Kubernetes)!", "tools (Go, Kubernetes)!"},
		{"issue #42 in C#", "issue #42 in C#"},
		{"closing ##", `closing \##`},
		{"1) first", `1\) first`},
		{`back\slash\`, `back\\slash\\`},
		{"two\nlines\r\nhere", "two lines here"},
		{"    indented code", "indented code"},
		{"\x1b[31mred\x1b[0m", "red"},
		{"", ""},
		{"ünïcödé – “quotes” 🔒", "ünïcödé – “quotes” 🔒"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := report.Escape(tt.in); got != tt.want {
				t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

var (
	orderedStart = regexp.MustCompile(`^[0-9]+[.)]`)
	// unescaped finds a structural character not preceded by a backslash; the
	// backslash pairs before it are consumed first so that \\* counts as unescaped.
	unescaped = regexp.MustCompile("(?:^|[^\\\\])(?:\\\\\\\\)*(?:[`*_\\[\\]~]|^#| #+$)")
)

// unescape undoes Escape, as a Markdown renderer would for inline text.
func unescape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
			b.WriteByte(s[i])
			continue
		}
		b.WriteByte(s[i])
	}
	return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&#124;", "|", "&amp;", "&").Replace(b.String())
}

func FuzzEscape(f *testing.F) {
	for _, s := range []string{"# h", "| a | b |", "<img src=x onerror=alert(1)>", "1. x", "- [ ] task", "a\\|b", "`code`", "\n\n---\n", "> q", "&amp;", "**b**", "\\"} {
		f.Add(s, "second cell")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		ea, eb := report.Escape(a), report.Escape(b)
		for _, e := range []string{ea, eb} {
			if strings.ContainsAny(e, "\n\r<>|") {
				t.Fatalf("Escape left a line break, tag or pipe: %q", e)
			}
			if e != "" && strings.ContainsRune("-+=", rune(e[0])) {
				t.Fatalf("Escape starts with a block marker: %q", e)
			}
			if orderedStart.MatchString(e) {
				t.Fatalf("Escape starts an ordered list: %q", e)
			}
			if m := unescaped.FindString(strings.ReplaceAll(e, "&#124;", "P")); m != "" {
				t.Fatalf("unescaped %q in %q", m, e)
			}
			if e != "" && (e[0] == ' ' || e[len(e)-1] == ' ') {
				t.Fatalf("Escape kept edge spaces (code block or hard break): %q", e)
			}
		}
		// In a table row, escaped text adds no cell and no row.
		row := "| " + ea + " | " + eb + " |"
		if n := strings.Count(row, "|"); n != 3 {
			t.Fatalf("row has %d pipes, want 3: %q", n, row)
		}
		// Nothing is lost: the rendered text is the cleaned input.
		if got, want := unescape(ea), session.CleanText(a); got != want {
			t.Fatalf("unescape(Escape(%q)) = %q, want %q", a, got, want)
		}
	})
}
