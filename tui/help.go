package tui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
)

// helpView renders a screen's key help in as many lines as the width needs (at most
// helpLines): keys are listed most important first, each line holds what fits, and
// no key is cut off at 80 columns. Screens redraw it on every message, and lipgloss
// rendering is a large part of the server's CPU: it is kept by width and keys among
// the lines of every screen drawn with the same styles (lineStore).
func (e *env) helpView(keys []key.Binding) string {
	// The key of the cached line, written piece by piece: drawn with every frame,
	// a string joined for each key was a help line's worth of garbage a frame.
	var k strings.Builder
	k.Grow(16 * len(keys))
	k.WriteString(strconv.Itoa(e.w))
	for _, b := range keys {
		if b.Enabled() {
			h := b.Help()
			k.WriteByte(0)
			k.WriteString(h.Key)
			k.WriteByte(1)
			k.WriteString(h.Desc)
		}
	}
	return e.sty.lines.line(lineKey{kind: lineHelp, text: k.String()}, func() string { return renderHelp(e.sty.helpModel, keys, e.w) })
}

// helpLines bounds the key help; on a terminal too narrow for that, the least
// important keys are left off.
const helpLines = 3

// renderHelp renders keys with m as helpView shows them, w wide.
func renderHelp(m help.Model, keys []key.Binding, w int) string {
	m.Width = 0
	var lines []string
	var line []key.Binding
	for _, b := range keys {
		if !b.Enabled() {
			continue
		}
		if len(line) > 0 && lipgloss.Width(m.ShortHelpView(append(line, b))) > w {
			lines = append(lines, m.ShortHelpView(line))
			line = nil
			if len(lines) == helpLines {
				break
			}
		}
		line = append(line, b)
	}
	if len(line) > 0 && len(lines) < helpLines {
		lines = append(lines, fit(m.ShortHelpView(line), w))
	}
	return strings.Join(lines, "\n")
}

// keyList is the list of every key of a view, shown in place of the view: ? opens
// it, shows its next page when the keys take more than one, and closes it after
// the last; esc closes it too. The board, the list of sessions, the campaign
// overview and the activity list show their keys so.
type keyList struct {
	shown bool
	page  int
}

// press is ?, the keys taking pages pages on the screen as it is.
func (k *keyList) press(pages int) {
	switch {
	case !k.shown:
		k.shown, k.page = true, 0
	case k.page+1 < pages:
		k.page++
	default:
		k.shown = false
	}
}

// keyListIndent is how far the key list is indented under its title.
const keyListIndent = "  "

// keyListPages is how many pages keys take in room lines (the title's
// included) and w cells.
func keyListPages(sty *Styles, keys []key.Binding, w, room int) int {
	return len(keyPages(sty.helpModel, keys, room-1, w-len(keyListIndent)))
}

// view lists keys with what they do, under a title, in room lines and w cells.
func (k *keyList) view(sty *Styles, keys []key.Binding, w, room int) string {
	var b strings.Builder
	pages := keyPages(sty.helpModel, keys, room-1, w-len(keyListIndent))
	page := min(k.page, len(pages)-1)
	title := "Keys of this view"
	hint := " (? or esc to close)"
	if len(pages) > 1 {
		title += fmt.Sprintf(", %d of %d", page+1, len(pages))
		hint = " (? more, esc to close)"
		if page == len(pages)-1 {
			hint = " (? or esc to close)"
		}
	}
	b.WriteString(fit(sty.Header.Render(title)+sty.Muted.Render(hint), w) + "\n")
	for _, line := range strings.Split(pages[page], "\n") {
		b.WriteString(keyListIndent + strings.TrimRight(line, " ") + "\n")
	}
	return b.String()
}

// keyPages lays out keys in columns of at most rows lines and w cells, each key
// whole: in as few columns as the rows allow, of even length (at 80x24 one column
// cut off the first keys), four cells apart or, where that is too wide, two; else
// in columns of any length that together fit; else, on a terminal too small for
// them all (80x16 once columns were left off with "…"), on several pages, each
// holding as many keys as fit. bubbles' help draws the columns, each as wide as its
// own keys and descriptions.
func keyPages(m help.Model, keys []key.Binding, rows, w int) []string {
	rows = max(rows, 1)
	m.Width = 0 // measured here, never cut
	fits := func(v string) bool {
		return lipgloss.Height(v) <= rows && lipgloss.Width(v) <= w
	}
	layout := func(keys []key.Binding) (string, bool) {
		for _, sep := range []string{"    ", "  "} {
			m.FullSeparator = sep
			cols := (len(keys) + rows - 1) / rows
			per := (len(keys) + cols - 1) / cols
			var even [][]key.Binding
			for i := 0; i < len(keys); i += per {
				even = append(even, keys[i:min(i+per, len(keys))])
			}
			if v := m.FullHelpView(even); fits(v) {
				return v, true
			}
		}
		if v := m.FullHelpView(narrowest(m, keys, rows)); fits(v) {
			return v, true
		}
		return "", false
	}
	var pages []string
	for len(keys) > 0 {
		if v, ok := layout(keys); ok {
			return append(pages, v)
		}
		// The longest run of keys from the first that fits, at least one.
		n := 1
		for n < len(keys) {
			if _, ok := layout(keys[:n+1]); !ok {
				break
			}
			n++
		}
		v, _ := layout(keys[:n])
		if v == "" {
			v = m.FullHelpView([][]key.Binding{keys[:1]})
		}
		pages = append(pages, v)
		keys = keys[n:]
	}
	return pages
}

// narrowest splits keys, in their order, into columns of at most rows keys that
// together take the fewest cells across, with m's separator between them: a key
// with a long description goes with others whose descriptions are long too.
func narrowest(m help.Model, keys []key.Binding, rows int) [][]key.Binding {
	colWidth := func(col []key.Binding) int {
		kw, dw := 0, 0
		for _, b := range col {
			kw, dw = max(kw, lipgloss.Width(b.Help().Key)), max(dw, lipgloss.Width(b.Help().Desc))
		}
		// The key, its padding, a space and the description, as FullHelpView draws it.
		return kw + 2 + dw
	}
	sep := lipgloss.Width(m.FullSeparator)
	n := len(keys)
	// best[i] is the narrowest layout of keys[i:], starting with a column that
	// ends before cut[i].
	best, cut := make([]int, n+1), make([]int, n+1)
	for i := n - 1; i >= 0; i-- {
		best[i] = -1
		for j := i + 1; j <= min(i+rows, n); j++ {
			width := colWidth(keys[i:j]) + best[j]
			if j < n {
				width += sep
			}
			if best[i] < 0 || width < best[i] {
				best[i], cut[i] = width, j
			}
		}
	}
	var cols [][]key.Binding
	for i := 0; i < n; i = cut[i] {
		cols = append(cols, keys[i:cut[i]])
	}
	return cols
}
