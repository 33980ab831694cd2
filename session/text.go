package session

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Length limits of user text, in characters.
const (
	MaxNoteLen  = 280
	MaxNameLen  = 40
	MaxTopicLen = 60
	MaxTitleLen = 80
)

// CleanText makes user text safe to store and to show on anyone's terminal: escape
// sequences (CSI, OSC, DCS, ...) and control characters are removed, bidirectional
// overrides too, and runs of white space become one space.
func CleanText(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "")
	}
	s = ansi.Strip(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case unicode.IsControl(r), isBidiControl(r), r == utf8.RuneError, r == 0xFEFF:
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isBidiControl reports the characters that reorder text on screen, so a note cannot
// pretend to say something else.
func isBidiControl(r rune) bool {
	return (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) || r == 0x200E || r == 0x200F || r == 0x061C
}

// ValidText cleans s and checks it against max characters. what names the field in the
// message, e.g. "A note".
func ValidText(s string, max int, what string, required bool) (string, error) {
	s = CleanText(s)
	if required && s == "" {
		return "", Errorf(EInvalid, "%s cannot be empty.", what)
	}
	if n := utf8.RuneCountInString(s); n > max {
		return "", Errorf(EInvalid, "%s can be at most %d characters (this one has %d).", what, max, n)
	}
	return s, nil
}
