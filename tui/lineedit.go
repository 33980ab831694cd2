package tui

import (
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/rivo/uniseg"
)

// lineEdit is the text a note box holds and the cursor in it, edited with the keys
// of bubbles' text input (its default key map, without its paste key and its
// suggestions): characters, paste, backspace and delete, left and right, a word at a
// time with alt or ctrl, home and end, ctrl+k and ctrl+u. A character is one as a
// person sees it (see charBefore), not a rune.
//
// It is not bubbles' textinput.Model, which the note box held before: that is a
// 5 KB value, copied in and out of every Update, and a new one was made for each
// note. The stack of a participant's connection grew again for it after every
// collection had shrunk it, which in the burst of notes at the end of the writing
// was a tenth of the server's CPU (docs/BENCHMARKS.md, "Issue 14 at stop 39").
type lineEdit struct {
	value []rune
	pos   int
	// limit is the most runes the text may hold (0: no limit).
	limit int
	focus bool
	// dropped is how many runes pastes or typing lost at the limit since the
	// text last changed otherwise: the person is told, not left to find out.
	dropped int
}

// editKeys are the keys lineEdit answers to, as bubbles' text input binds them.
var editKeys = textinput.DefaultKeyMap

// oneLine makes what is typed or pasted one line, as the note will be stored
// (session.CleanText): a tab, a line break or other white space but the space is
// one space with the spaces beside it, and other control characters are dropped.
// Spaces typed in a row stay as typed (the count says what will be stored), but a
// line break and the tab after it showed as two spaces where the note kept one.
// Such white space is brk until joinBreaks has put the text in place.
func oneLine(runes []rune) []rune {
	out := make([]rune, 0, len(runes))
	// joined: the spaces that follow are one with the brk before them.
	joined := false
	for _, r := range runes {
		switch {
		case r == ' ':
			if !joined {
				out = append(out, r)
			}
		case unicode.IsSpace(r):
			for len(out) > 0 && (out[len(out)-1] == ' ' || out[len(out)-1] == brk) {
				out = out[:len(out)-1]
			}
			out, joined = append(out, brk), true
		case r == utf8.RuneError || unicode.IsControl(r):
		default:
			out, joined = append(out, r), false
		}
	}
	return out
}

// brk stands for white space other than a space while oneLine's text is put in
// place; no text a box holds keeps it.
const brk = '\n'

// joinBreaks makes each run of spaces in v that holds a brk one space, in place;
// pos, a place in v, moves with the text around it. A paste comes in several reads,
// and a line break at the end of one meets the tab that starts the next.
func joinBreaks(v []rune, pos int) ([]rune, int) {
	if !slices.Contains(v, brk) {
		return v, pos
	}
	out, at := v[:0], -1
	for i := 0; i < len(v); {
		if i == pos {
			at = len(out)
		}
		if v[i] != ' ' && v[i] != brk {
			out = append(out, v[i])
			i++
			continue
		}
		j := i
		for j < len(v) && (v[j] == ' ' || v[j] == brk) {
			j++
		}
		if !slices.Contains(v[i:j], brk) {
			if i < pos && pos < j {
				at = len(out) + pos - i
			}
			out = append(out, v[i:j]...)
		} else {
			if i < pos && pos < j {
				at = len(out) + 1
			}
			out = append(out, ' ')
		}
		i = j
	}
	if at < 0 {
		at = len(out)
	}
	return out, at
}

func (e *lineEdit) Focus()          { e.focus = true }
func (e *lineEdit) Blur()           { e.focus = false }
func (e *lineEdit) Focused() bool   { return e.focus }
func (e *lineEdit) Position() int   { return e.pos }
func (e *lineEdit) Value() string   { return string(e.value) }
func (e *lineEdit) SetCursor(p int) { e.pos = max(min(p, len(e.value)), 0) }
func (e *lineEdit) CursorEnd()      { e.pos = len(e.value) }

// SetValue replaces the text with s, made one line and cut at the limit; the
// cursor stays where it was, or at the end if that is past it.
func (e *lineEdit) SetValue(s string) {
	r := oneLine([]rune(s))
	if e.limit > 0 && len(r) > e.limit {
		r = r[:wholeChars(r, e.limit)]
	}
	e.value, _ = joinBreaks(r, 0)
	e.SetCursor(e.pos)
}

// Update edits the text for a key; it does nothing while the box is not focused.
func (e *lineEdit) Update(msg tea.Msg) {
	k, ok := msg.(tea.KeyMsg)
	if !ok || !e.focus {
		return
	}
	m := editKeys
	switch {
	case matches(k, m.DeleteWordBackward):
		to := e.pos
		e.wordBackward()
		e.cut(e.pos, to)
	case matches(k, m.DeleteCharacterBackward):
		if e.pos > 0 {
			e.cut(e.charBefore(), e.pos)
		}
	case matches(k, m.WordBackward):
		e.wordBackward()
	case matches(k, m.CharacterBackward):
		e.pos = e.charBefore()
	case matches(k, m.WordForward):
		e.wordForward()
	case matches(k, m.CharacterForward):
		e.pos = e.charAfter()
	case matches(k, m.LineStart):
		e.pos = 0
	case matches(k, m.DeleteCharacterForward):
		if e.pos < len(e.value) {
			e.cut(e.pos, e.charAfter())
		}
	case matches(k, m.LineEnd):
		e.CursorEnd()
	case matches(k, m.DeleteAfterCursor):
		e.cut(e.pos, len(e.value))
	case matches(k, m.DeleteBeforeCursor):
		e.cut(0, e.pos)
	case matches(k, m.DeleteWordForward):
		from := e.pos
		e.wordForward()
		e.cut(from, e.pos)
	case k.Type == tea.KeyRunes || k.Type == tea.KeySpace:
		e.insert(k.Runes, k.Paste || len(k.Runes) > 1)
	}
}

// charBefore is where the character before the cursor starts, and charAfter where
// the one after it ends: a character as a person sees it (an emoji with its skin
// tone, a flag, a family, a letter and an accent typed apart), which is one or more
// runes. Stepping by rune split them: a letter typed between a thumb and its skin
// tone, half a flag deleted (a tester's finding).
func (e *lineEdit) charBefore() int { return e.boundary(max(e.pos-1, 0), false) }

func (e *lineEdit) charAfter() int { return e.boundary(e.pos+1, true) }

// wholeChars is how many of r's first runes make whole characters (see
// charBefore) within n runes: a limit cuts between characters, never inside one
// (half a flag pasted at the limit reached the board as a stray regional letter).
func wholeChars(r []rune, n int) int {
	at := 0
	g := uniseg.NewGraphemes(string(r))
	for g.Next() {
		if at+len(g.Runes()) > n {
			break
		}
		at += len(g.Runes())
	}
	return at
}

// insert puts runes at the cursor, as many as the limit leaves room for; pasted
// says they came as a paste (what is lost of one is counted in dropped).
func (e *lineEdit) insert(runes []rune, pasted bool) {
	r := oneLine(runes)
	if e.limit > 0 && len(r) > e.limit-len(e.value) {
		kept := wholeChars(r, max(e.limit-len(e.value), 0))
		if pasted {
			// A paste may arrive in several reads: what each lost adds up.
			e.dropped += len(r) - kept
		}
		// A key typed into a full box is not a paste: the count says the box is
		// full, and what a paste lost before stays said.
		r = r[:kept]
	} else {
		e.dropped = 0
	}
	if len(r) == 0 {
		return
	}
	v := make([]rune, 0, len(e.value)+len(r))
	v = append(append(append(v, e.value[:e.pos]...), r...), e.value[e.pos:]...)
	e.value, e.pos = joinBreaks(v, e.pos+len(r))
}

// cut removes the runes from from to to and leaves the cursor at from.
func (e *lineEdit) cut(from, to int) {
	e.dropped = 0
	from, to = max(from, 0), min(to, len(e.value))
	if from >= to {
		e.SetCursor(from)
		return
	}
	e.value = append(e.value[:from:from], e.value[to:]...)
	e.pos = from
}

// wordBackward moves the cursor to the start of the word before it, past the
// spaces between, and never inside a character (a space and an accent typed after
// it are one).
func (e *lineEdit) wordBackward() {
	for e.pos > 0 && unicode.IsSpace(e.value[e.pos-1]) {
		e.pos--
	}
	for e.pos > 0 && !unicode.IsSpace(e.value[e.pos-1]) {
		e.pos--
	}
	e.pos = e.boundary(e.pos, false)
}

// wordForward moves the cursor to the end of the word after it, past the spaces
// between, and never inside a character.
func (e *lineEdit) wordForward() {
	for e.pos < len(e.value) && unicode.IsSpace(e.value[e.pos]) {
		e.pos++
	}
	for e.pos < len(e.value) && !unicode.IsSpace(e.value[e.pos]) {
		e.pos++
	}
	e.pos = e.boundary(e.pos, true)
}

// boundary is pos if a character starts there, else the start of the character
// it is in, or its end if forward.
func (e *lineEdit) boundary(pos int, forward bool) int {
	at := 0
	g := uniseg.NewGraphemes(string(e.value))
	for g.Next() {
		end := at + len(g.Runes())
		if pos == at || pos < end {
			if pos == at || !forward {
				return at
			}
			return end
		}
		at = end
	}
	return len(e.value)
}
