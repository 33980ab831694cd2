package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/mattn/go-runewidth"
)

// noteBox is the box a participant writes a note in: one paragraph, wrapped at the
// box's width, a few lines high, scrolled to keep the cursor in sight. The editing
// (keys, words, limits, what a paste may hold) is bubbles' textinput; the box only
// wraps what it holds and moves the cursor up and down its lines.
//
// It is not bubbles' textarea, which does the same and more: a textarea allocates
// a slice for 10,000 lines (240 KB) when it is made and each time it is emptied,
// and the burst of notes at the end of the writing made one for each person at
// once: three quarters of what the server allocated in that second, and the
// collections that followed (docs/BENCHMARKS.md, "Issue 14, sixth round").
type noteBox struct {
	in            textinput.Model
	width, height int
	// top is the first wrapped line shown, kept between drawings so that the box
	// scrolls only as far as the cursor needs.
	top int
}

// newNoteBox is an empty, blurred box of up to limit runes, height lines high.
func newNoteBox(limit, height int, sty *Styles) *noteBox {
	in := newTextInput(sty)
	in.Prompt = ""
	in.CharLimit = limit
	return &noteBox{in: in, width: 20, height: max(height, 1)}
}

// newTextInput is bubbles' textinput without its paste key: ctrl+v there reads the
// clipboard of the machine the program runs on, which for charter is the server,
// not the person's. A person's terminal pastes by itself (bracketed paste). Its
// cursor does not blink: a blinking cursor draws the screen twice a second for
// everyone typing, and waits in a goroutine of its own between blinks. It draws
// with sty (see styleInput); nil leaves that to the caller, before each View.
func newTextInput(sty *Styles) textinput.Model {
	in := textinput.New()
	in.KeyMap.Paste.SetEnabled(false)
	in.Cursor.SetMode(cursor.CursorStatic)
	if sty != nil {
		styleInput(&in, sty)
	}
	return in
}

// styleInput makes in draw with sty, the styles of the person's terminal. bubbles
// draws a text field, its cursor included, with lipgloss's default renderer, whose
// colours are those of the server's own output: when that is a log file, not a
// terminal, the cursor (a reversed character) was not drawn at all.
func styleInput(in *textinput.Model, sty *Styles) {
	in.Cursor.Style, in.Cursor.TextStyle = sty.Plain, sty.Plain
	in.PromptStyle, in.TextStyle = sty.Plain, sty.Plain
	in.PlaceholderStyle, in.CompletionStyle = sty.Muted, sty.Muted
}

func (b *noteBox) Focus() tea.Cmd    { return b.in.Focus() }
func (b *noteBox) Blur()             { b.in.Blur() }
func (b *noteBox) Value() string     { return b.in.Value() }
func (b *noteBox) SetValue(s string) { b.in.SetValue(s); b.in.CursorEnd() }
func (b *noteBox) Height() int       { return b.height }
func (b *noteBox) SetHeight(h int)   { b.height = max(h, 1) }
func (b *noteBox) SetWidth(w int)    { b.width = max(w, 2) }
func (b *noteBox) Position() int     { return b.in.Position() }
func (b *noteBox) wrapWidth() int    { return max(b.width-1, 1) }
func (b *noteBox) runes() []rune     { return []rune(b.in.Value()) }

// Update takes a key: up and down move the cursor a wrapped line, at about the same
// column; the rest goes to the textinput.
func (b *noteBox) Update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyMsg); ok && b.in.Focused() && (k.Type == tea.KeyUp || k.Type == tea.KeyDown) {
		r := b.runes()
		starts := wrapStarts(r, b.wrapWidth())
		pos := b.in.Position()
		line := lineOf(starts, pos)
		to := line - 1
		if k.Type == tea.KeyDown {
			to = line + 1
		}
		switch {
		case to < 0:
			b.in.SetCursor(0)
		case to >= len(starts):
			b.in.SetCursor(len(r))
		default:
			col := runewidth.StringWidth(string(r[starts[line]:pos]))
			b.in.SetCursor(atColumn(r, starts, to, col))
		}
		return nil
	}
	var cmd tea.Cmd
	b.in, cmd = b.in.Update(msg)
	return cmd
}

// View draws the box's lines, height of them, the cursor among them when the box
// is focused. Lines are not padded to the width.
func (b *noteBox) View() string {
	r := b.runes()
	starts := wrapStarts(r, b.wrapWidth())
	pos := b.in.Position()
	cur := lineOf(starts, pos)
	if cur < b.top {
		b.top = cur
	}
	if cur >= b.top+b.height {
		b.top = cur - b.height + 1
	}
	b.top = max(min(b.top, len(starts)-b.height), 0)
	var out strings.Builder
	for i := b.top; i < b.top+b.height; i++ {
		if i > b.top {
			out.WriteByte('\n')
		}
		if i >= len(starts) {
			continue
		}
		end := len(r)
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		line := r[starts[i]:end]
		if i != cur || !b.in.Focused() {
			out.WriteString(fitLine(line, b.width))
			continue
		}
		at := pos - starts[i]
		before := fitLine(line[:at], b.width-1)
		out.WriteString(before)
		ch := " "
		if at < len(line) {
			ch = string(line[at])
		}
		b.in.Cursor.SetChar(ch)
		out.WriteString(b.in.Cursor.View())
		if at+1 < len(line) {
			out.WriteString(fitLine(line[at+1:], b.width-1-runewidth.StringWidth(before)-runewidth.StringWidth(ch)))
		}
	}
	return out.String()
}

// fitLine is line without the spaces that would take it past w cells, and cut at w
// cells if a word still does.
func fitLine(line []rune, w int) string {
	s := string(line)
	if w <= 0 {
		return ""
	}
	if runewidth.StringWidth(s) <= w {
		return s
	}
	s = strings.TrimRight(s, " ")
	if runewidth.StringWidth(s) <= w {
		return s
	}
	return runewidth.Truncate(s, w, "")
}

// wrapStarts is where each line of r starts when r is wrapped at w cells: after a
// space where a line can break, inside a word longer than a line where it must.
// Spaces at the end of a line stay on it (past the width if need be), so that
// every rune is on exactly one line. There is always one line.
func wrapStarts(r []rune, w int) []int {
	starts := []int{0}
	col := 0      // cells used on the line so far
	breakAt := -1 // the rune after the last space on this line: a place to break
	for i, c := range r {
		cw := runewidth.RuneWidth(c)
		if c == ' ' {
			col += cw
			breakAt = i + 1
			continue
		}
		if col+cw > w {
			start := i
			if breakAt > starts[len(starts)-1] && breakAt <= i {
				start = breakAt
			}
			starts = append(starts, start)
			col = runewidth.StringWidth(string(r[start:i]))
			breakAt = -1
		}
		col += cw
	}
	// The cursor after a full last line goes on a line of its own.
	if last := starts[len(starts)-1]; len(r) > last && runewidth.StringWidth(string(r[last:])) >= w && r[len(r)-1] != ' ' {
		starts = append(starts, len(r))
	}
	return starts
}

// lineOf is the line that rune pos is on (the end of the text is on the last).
func lineOf(starts []int, pos int) int {
	line := 0
	for i, s := range starts {
		if s <= pos {
			line = i
		}
	}
	return line
}

// atColumn is the rune on line of r nearest col cells from its start, without
// going past the line's end (its last rune, or the text's end on the last line).
func atColumn(r []rune, starts []int, line, col int) int {
	end := len(r)
	if line+1 < len(starts) {
		end = starts[line+1] - 1
	}
	pos, used := starts[line], 0
	for pos < end {
		cw := runewidth.RuneWidth(r[pos])
		if used+cw > col {
			break
		}
		used += cw
		pos++
	}
	return pos
}
