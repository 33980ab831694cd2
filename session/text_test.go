package session_test

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/charter-tool/charter/session"
)

func TestCleanText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "more threat modelling", "more threat modelling"},
		{"csi colour", "\x1b[31mred\x1b[0m alert", "red alert"},
		{"clear screen", "hi\x1b[2J\x1b[H there", "hi there"},
		{"osc title", "\x1b]0;pwned\x07note", "note"},
		{"osc hyperlink", "\x1b]8;;http://evil\x1b\\click\x1b]8;;\x1b\\", "click"},
		{"dcs", "a\x1bP1$r\x1b\\b", "ab"},
		{"c0 and del", "a\x00b\x07c\x08d\x7fe", "abcde"},
		{"c1 csi loses its control byte", "x\u009b31my", "x31my"},
		{"newlines become spaces", "line one\nline two\r\n\tthree", "line one line two three"},
		{"bidi override", "abc\u202Edef", "abcdef"},
		{"trim", "   padded   ", "padded"},
		{"wide and emoji kept", "セキュリティ 🔒 ok", "セキュリティ 🔒 ok"},
		{"invalid utf8", "ok\xff\xfe!", "ok!"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := session.CleanText(tt.in); got != tt.want {
				t.Errorf("CleanText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestValidText(t *testing.T) {
	if _, err := session.ValidText(" \x1b[2J ", 10, "A note", true); session.ErrorCode(err) != session.EInvalid {
		t.Errorf("empty after cleaning: got %v, want invalid", err)
	}
	long := strings.Repeat("é", 11)
	_, err := session.ValidText(long, 10, "A note", true)
	if session.ErrorCode(err) != session.EInvalid || !strings.Contains(session.ErrorMessage(err), "at most 10") {
		t.Errorf("too long: got %v", err)
	}
	if got, err := session.ValidText(strings.Repeat("é", 10), 10, "A note", true); err != nil || got != strings.Repeat("é", 10) {
		t.Errorf("at limit: got %q, %v", got, err)
	}
}

func FuzzCleanText(f *testing.F) {
	for _, s := range []string{"hello", "\x1b[31mx", "\x1b]0;t\x07", "\x1bP$q\x1b\\", "a\u202eb", "\u009b2J", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := session.CleanText(s)
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 out of %q", s)
		}
		for _, r := range out {
			if unicode.IsControl(r) {
				t.Fatalf("control %U left in %q (from %q)", r, out, s)
			}
		}
		if session.CleanText(out) != out {
			t.Fatalf("not idempotent: %q -> %q", out, session.CleanText(out))
		}
	})
}
