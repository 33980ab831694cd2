package session_test

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/charter-tool/charter/session"
)

func TestCleanText(t *testing.T) {
	t.Parallel()
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
		{"zero-width characters", "pen\u200Btest\u200C\u200D\u2060 \uFEFFok\u00AD", "pentest ok"},
		{"tag characters hide words", "all good\U000E0020\U000E0066\U000E0069\U000E0072\U000E0065\U000E007F", "all good"},
		{"hangul fillers draw blank", "\u3164\u3164", ""},
		{"hangul filler between words", "fine\u3164\u115F\u1160\uFFA0word", "fine word"},
		{"blank braille", "\u2800", ""},
		{"variation selectors smuggle data", "hi\U000E0100\U000E0101\uFE00", "hi"},
		{"an emoji keeps its one selector", "ok \u2764\uFE0F\uFE0F", "ok \u2764\uFE0F"},
		{"mongolian vowel separator", "a\u180Eb", "ab"},
		{"emoji joined", "\U0001F469\U0001F3FD\u200D\U0001F4BB ok", "\U0001F469\U0001F3FD\u200D\U0001F4BB ok"},
		{"joiners beside letters", "\u200Da\u200D\u200Db\u200D", "ab"},
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
	t.Parallel()
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
	for _, s := range []string{"hello", "\x1b[31mx", "\x1b]0;t\x07", "\x1bP$q\x1b\\", "a\u202eb", "\u009b2J", "\xff", "a\u200bb", "\U000E0041", "\u3164", "x\uFE0F\uFE0F"} {
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
			if (unicode.Is(unicode.Cf, r) && r != 0x200D) || unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r) ||
				(r >= 0xE0000 && r <= 0xE0FFF) || r == 0x3164 || r == 0x115F || r == 0x1160 || r == 0xFFA0 {
				t.Fatalf("invisible %U left in %q (from %q)", r, out, s)
			}
		}
		if session.CleanText(out) != out {
			t.Fatalf("not idempotent: %q -> %q", out, session.CleanText(out))
		}
	})
}
