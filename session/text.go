package session

import (
	"bufio"
	"errors"
	"io"
	"slices"
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
// overrides and other invisible characters too (zero-width ones, tag characters,
// variation selectors beyond the one an emoji takes), characters that draw as blank
// count as white space, and runs of white space become one space. What a person reads
// is then all that a note says.
func CleanText(s string) string {
	if cleanASCII(s) {
		// What the rest would make of it, without a copy: most notes, and every
		// text read back from the database is cleaned again.
		return s
	}
	return cleanText(s)
}

// cleanASCII reports whether s is already what cleanText makes of it, cheaply:
// printable ASCII, one space between words and none at either end.
func cleanASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ':
			if i == 0 || i == len(s)-1 || s[i-1] == ' ' {
				return false
			}
		case c < 0x21 || c > 0x7e:
			return false
		}
	}
	return true
}

// cleanText is CleanText done in full.
func cleanText(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "")
	}
	s = ansi.Strip(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	var prev rune
	for i, r := range s {
		switch {
		case r == zwj:
			// A joiner between two emoji draws them as one (👩‍💻); anywhere else it
			// is invisible.
			next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
			if !isEmoji(prev) || !unicode.Is(unicode.So, next) {
				continue
			}
		case unicode.IsSpace(r), isBlank(r):
			space = b.Len() > 0
			prev = ' '
			continue
		case unicode.IsControl(r), isBidiControl(r), r == utf8.RuneError, isInvisible(r):
			continue
		case isVariationSelector(r):
			// One emoji presentation selector right after a visible character is how
			// emoji are written; anything more can only carry hidden data.
			if (r != 0xFE0E && r != 0xFE0F) || prev == 0 || prev == ' ' || isVariationSelector(prev) {
				continue
			}
		}
		prev = r
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Hidden reports the characters CleanText drops wherever they stand: those that
// reorder text on screen and the invisible ones, but for the joiner that makes two
// emoji one. Text boxes leave them out as they are typed, so that a box shows, and
// counts, what will be stored.
func Hidden(r rune) bool {
	return r != zwj && (isBidiControl(r) || isInvisible(r))
}

// isBidiControl reports the characters that reorder text on screen, so a note cannot
// pretend to say something else.
func isBidiControl(r rune) bool {
	return (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) || r == 0x200E || r == 0x200F || r == 0x061C
}

// isInvisible reports characters that take no room on screen, so that text could hide
// in them: the format characters (zero-width space and joiners, soft hyphen, word
// joiner, the tag characters of U+E0000...) and the other default-ignorable ones.
func isInvisible(r rune) bool {
	switch {
	case unicode.Is(unicode.Cf, r):
		return true
	case r == 0x034F, r == 0x17B4, r == 0x17B5, r >= 0x180B && r <= 0x180F,
		r >= 0x2060 && r <= 0x206F, r >= 0xFFF0 && r <= 0xFFF8, r >= 0xE0000 && r <= 0xE0FFF,
		r >= 0x1D173 && r <= 0x1D17A:
		return true
	}
	return false
}

// zwj is the zero-width joiner.
const zwj = 0x200D

// isEmoji reports what an emoji sequence may have just before a joiner: a symbol, a
// skin tone or the emoji presentation selector.
func isEmoji(r rune) bool {
	return unicode.Is(unicode.So, r) || unicode.Is(unicode.Sk, r) || r == 0xFE0F
}

// isBlank reports characters that are not white space to Unicode but draw as an empty
// cell: the Hangul fillers and the blank braille pattern.
func isBlank(r rune) bool {
	return r == 0x115F || r == 0x1160 || r == 0x3164 || r == 0xFFA0 || r == 0x2800
}

// isVariationSelector reports the selectors that pick a glyph's variant.
func isVariationSelector(r rune) bool {
	return (r >= 0xFE00 && r <= 0xFE0F) || (r >= 0xE0100 && r <= 0xE01EF)
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

// NotUTF8 is the problem of a row with bytes that are not UTF-8: a file saved in
// another encoding (Excel's plain "CSV" is Windows-1252), whose accented letters
// would otherwise be dropped without a word.
const NotUTF8 = "not UTF-8 text (the file is in another encoding, such as Windows-1252); save it as UTF-8 (in Excel: \"CSV UTF-8\") and import it again"

// ValidUTF8 says every field is UTF-8.
func ValidUTF8(fields []string) bool {
	return !slices.ContainsFunc(fields, func(f string) bool { return !utf8.ValidString(f) })
}

// UTF8Input refuses a file in UTF-16 (a byte order mark, or one NUL in its first
// two bytes, as an ASCII letter has in UTF-16 without a mark), which would
// otherwise be read as one long garbled column name or line. The reader it
// returns reads r from its start. Import and roster import read through it.
func UTF8Input(r io.Reader) (io.Reader, error) {
	br := bufio.NewReader(r)
	p, _ := br.Peek(2)
	if len(p) == 2 && (p[0] == 0xff && p[1] == 0xfe || p[0] == 0xfe && p[1] == 0xff || (p[0] == 0) != (p[1] == 0)) {
		return nil, errors.New("the file is UTF-16 text; charter reads UTF-8: save it as UTF-8 (in Excel: \"CSV UTF-8\") and import it again")
	}
	return br, nil
}
