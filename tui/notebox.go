package tui

import (
	"cmp"
	"slices"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/rivo/uniseg"
)

// noteBox is the box a participant writes a note in: one paragraph, wrapped at the
// box's width, a few lines high, scrolled to keep the cursor in sight. The editing
// (keys, words, limits, what a paste may hold) is lineEdit's, with the keys of
// bubbles' textinput; the box wraps what it holds and moves the cursor up and down
// its lines.
//
// It is not bubbles' textarea, which does the same and more: a textarea allocates
// a slice for 10,000 lines (240 KB) when it is made and each time it is emptied,
// and the burst of notes at the end of the writing made one for each person at
// once: three quarters of what the server allocated in that second, and the
// collections that followed (docs/BENCHMARKS.md, "Issue 14, sixth round").
type noteBox struct {
	in            lineEdit
	width, height int
	// top is the first wrapped line shown, kept between drawings so that the box
	// scrolls only as far as the cursor needs.
	top int
	// cursor draws the character the cursor is on: the styles' own, shared (a
	// box is made for every note, and a style is half a kilobyte).
	cursor *lipgloss.Style
}

// defaultCursor is the cursor of a box drawn with lipgloss's default renderer.
var defaultCursor = lipgloss.NewStyle().Inline(true).Reverse(true)

// newNoteBox is an empty, blurred box of up to limit runes, height lines high,
// drawn with sty (nil: lipgloss's default renderer).
func newNoteBox(limit, height int, sty *Styles) *noteBox {
	b := &noteBox{in: lineEdit{limit: limit}, width: 20, height: max(height, 1), cursor: &defaultCursor}
	if sty != nil {
		b.cursor = &sty.Cursor
	}
	return b
}

func (b *noteBox) Focus() tea.Cmd    { b.in.Focus(); return nil }
func (b *noteBox) Blur()             { b.in.Blur() }
func (b *noteBox) Value() string     { return b.in.Value() }
func (b *noteBox) SetValue(s string) { b.in.SetValue(s); b.in.CursorEnd() }
func (b *noteBox) Height() int       { return b.height }
func (b *noteBox) SetHeight(h int)   { b.height = max(h, 1) }
func (b *noteBox) SetWidth(w int)    { b.width = max(w, 2) }
func (b *noteBox) Position() int     { return b.in.Position() }
func (b *noteBox) wrapWidth() int    { return max(b.width-1, 1) }
func (b *noteBox) runes() []rune     { return []rune(b.in.Value()) }

// dropped is how many characters the last paste lost at the box's limit.
func (b *noteBox) dropped() int { return b.in.dropped }

// Update takes a key: up and down move the cursor a wrapped line, at about the same
// column; the rest edits the text.
func (b *noteBox) Update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyMsg); ok && b.in.Focused() && (k.Type == tea.KeyUp || k.Type == tea.KeyDown) {
		r := b.runes()
		starts, gs := wrapGraphemes(r, b.wrapWidth())
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
			// The cells before the character the cursor is in.
			col := 0
			for g := graphemeAt(gs, starts[line], len(r)); g >= 0 && g < len(gs) && graphemeEnd(gs, g, len(r)) <= pos; g++ {
				col += gs[g].w
			}
			b.in.SetCursor(atColumn(r, gs, starts, to, col))
		}
		return nil
	}
	b.in.Update(msg)
	return nil
}

// View draws the box's lines, height of them, the cursor among them when the box
// is focused. Lines are not padded to the width.
func (b *noteBox) View() string {
	r := b.runes()
	starts, gs := wrapGraphemes(r, b.wrapWidth())
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
		// The cursor is drawn on the whole character it is in (an emoji and its
		// selector, a letter and an accent typed apart), or after the text.
		from, to := len(line), len(line)
		if g := graphemeAt(gs, pos, len(r)); g >= 0 {
			from, to = gs[g].at-starts[i], graphemeEnd(gs, g, len(r))-starts[i]
		}
		before := fitLine(line[:from], b.width-1)
		if w := min(ansi.StringWidth(string(line[:from])), b.width-1); w > ansi.StringWidth(before) {
			// Spaces typed past the width: the cursor waits at the edge.
			before += strings.Repeat(" ", w-ansi.StringWidth(before))
		}
		out.WriteString(before)
		ch := " "
		if from < len(line) {
			ch = string(line[from:to])
		}
		out.WriteString(b.cursor.Render(ch))
		if to < len(line) {
			out.WriteString(fitLine(line[to:], b.width-1-ansi.StringWidth(before)-ansi.StringWidth(ch)))
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
	if ansi.StringWidth(s) <= w {
		return s
	}
	s = strings.TrimRight(s, " ")
	if ansi.StringWidth(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, "")
}

// grapheme is one character as a person sees it (a user-perceived character: an
// emoji with its selector or a whole family, a letter and its accents), made of one
// or more runes from rune at, w cells wide as the screen's frame measures it.
type grapheme struct{ at, w int }

// graphemesOf splits r into its characters.
func graphemesOf(r []rune) []grapheme {
	gs := make([]grapheme, 0, len(r))
	g := uniseg.NewGraphemes(string(r))
	at := 0
	for g.Next() {
		gs = append(gs, grapheme{at, ansi.StringWidth(g.Str())})
		at += len(g.Runes())
	}
	return gs
}

// graphemeEnd is the rune after character g of gs, of a text of n runes.
func graphemeEnd(gs []grapheme, g, n int) int {
	if g+1 < len(gs) {
		return gs[g+1].at
	}
	return n
}

// graphemeAt is the character rune pos is in; -1 at the end of the text.
func graphemeAt(gs []grapheme, pos, n int) int {
	if pos >= n {
		return -1
	}
	i, _ := slices.BinarySearchFunc(gs, pos, func(g grapheme, p int) int { return cmp.Compare(g.at, p) })
	if i == len(gs) || gs[i].at > pos {
		i--
	}
	return i
}

// wrapStarts is where each line of r starts when r is wrapped at w cells: after a
// space where a line can break, inside a word longer than a line where it must,
// never inside a character (see grapheme). Spaces at the end of a line stay on it
// (past the width if need be), so that every rune is on exactly one line. There is
// always one line.
func wrapStarts(r []rune, w int) []int {
	starts, _ := wrapGraphemes(r, w)
	return starts
}

// wrapGraphemes is wrapStarts, with the characters of r.
func wrapGraphemes(r []rune, w int) ([]int, []grapheme) {
	gs := graphemesOf(r)
	starts := []int{0}
	first := 0    // the line's first character
	col := 0      // cells used on the line so far
	breakAt := -1 // the character after the last space on this line: a place to break
	for i, g := range gs {
		if r[g.at] == ' ' && graphemeEnd(gs, i, len(r)) == g.at+1 {
			col += g.w
			breakAt = i + 1
			continue
		}
		// A character wider than a whole line stays on its own line.
		if col+g.w > w && i > first {
			next := i
			if breakAt > first && breakAt <= i {
				next = breakAt
			}
			starts = append(starts, gs[next].at)
			first, col, breakAt = next, 0, -1
			for _, h := range gs[next:i] {
				col += h.w
			}
			if col+g.w > w && i > first {
				// The word after the space is longer than a line with this
				// character: it is broken here too.
				starts = append(starts, g.at)
				first, col = i, 0
			}
		}
		col += g.w
	}
	// The cursor after a full last line goes on a line of its own.
	if len(gs) > first && r[len(r)-1] != ' ' {
		lw := 0
		for _, h := range gs[first:] {
			lw += h.w
		}
		if lw >= w {
			starts = append(starts, len(r))
		}
	}
	return starts, gs
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

// atColumn is the start of the character on line of r nearest col cells from the
// line's start, without going past the line's end (its last character, or the
// text's end on the last line); gs are r's characters.
func atColumn(r []rune, gs []grapheme, starts []int, line, col int) int {
	end := len(r)
	g := graphemeAt(gs, starts[line], len(r))
	if line+1 < len(starts) {
		// The line's last character: the next line starts after it.
		end = gs[graphemeAt(gs, starts[line+1]-1, len(r))].at
	}
	pos, used := starts[line], 0
	for ; g >= 0 && g < len(gs) && gs[g].at < end; g++ {
		if used+gs[g].w > col {
			break
		}
		used += gs[g].w
		pos = graphemeEnd(gs, g, len(r))
	}
	return min(pos, end)
}
