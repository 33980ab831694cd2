package tui

import (
	"sync"

	"github.com/charter-tool/charter/session"
)

// Lines rendered (styled, cut or padded to the width) are kept for the next drawing,
// shared by every screen drawn with the same Styles: lipgloss and the width of every
// character are most of what a participant's screen costs, between two drawings most
// lines stay as they were, and after the reveal a thousand screens list the same
// notes. A line is found by everything that decides how it looks besides the styles,
// so a kept line is never stale and equals what the screen would render itself.

// lineCache is a screen's handle on the lines of its styles.
type lineCache struct{ store *lineStore }

// lineStore holds the lines rendered with one Styles: those of the last two
// generations of at most maxLines each, so it stays bounded however many screens
// draw with it, and a line any screen drew lately stays.
type lineStore struct {
	mu        sync.Mutex
	cur, prev map[lineKey]string
}

// maxLines bounds a generation of a lineStore: a thousand screens' own lines (their
// status, their own notes marked) and the lines they all share fit in two.
const maxLines = 8192

// lineKind says which part of the screen a line is, so that equal texts drawn in
// different places are different lines.
type lineKind uint8

const (
	lineNote lineKind = iota + 1
	lineTabs
	lineLanes
	lineHead
	lineAsk
	lineRule
	lineStatus
	lineMore
	lineActivity
	lineThemeRow
	// lineFreshBox is a text box as opened, empty (several lines; id is its height).
	lineFreshBox
	// lineNoNotes says a lane has no notes (text: what it says).
	lineNoNotes
	// lineBoxTitle is the title over a text box; lineBoxCount the count under it
	// (id: the characters, extra: the limit).
	lineBoxTitle
	lineBoxCount
	// lineBoxFrame is a text box's frame around nothing (several lines; id is the
	// number of text lines).
	lineBoxFrame
	// lineHelp is a screen's key help (text: the width and the keys).
	lineHelp
	// lineBoardNote is a row of the board's notes view (text, extra, mark: the
	// note's text, lane and activity; area its area), lineBoardHidden one of a
	// hidden note.
	lineBoardNote
	lineBoardHidden
)

// lineKey is what a line looks like before it is rendered. For a note: its id, its
// text and activity as shown, its mark, the width and whether it is selected.
type lineKey struct {
	kind        lineKind
	id          int64
	text, extra string
	mark        string
	area        session.Area
	width       int
	sel         bool
}

// frame starts a drawing with sty.
func (c *lineCache) frame(sty *Styles) { c.store = &sty.lines }

// line returns the line k, rendered by render unless a recent drawing with the same
// styles has it.
func (c *lineCache) line(k lineKey, render func() string) string {
	if c.store == nil {
		return render()
	}
	return c.store.line(k, render)
}

func (st *lineStore) line(k lineKey, render func() string) string {
	st.mu.Lock()
	v, ok := st.cur[k]
	if !ok {
		if v, ok = st.prev[k]; ok {
			st.putLocked(k, v)
		}
	}
	st.mu.Unlock()
	if ok {
		return v
	}
	// Rendered outside the lock: two screens may render the same line at once,
	// and both get the same text.
	v = render()
	st.mu.Lock()
	st.putLocked(k, v)
	st.mu.Unlock()
	return v
}

// putLocked keeps a line in the current generation, starting a new one when it is
// full; st.mu is held.
func (st *lineStore) putLocked(k lineKey, v string) {
	if st.cur == nil || len(st.cur) >= maxLines {
		st.prev, st.cur = st.cur, make(map[lineKey]string)
	}
	st.cur[k] = v
}

// size is how many lines the store holds.
func (st *lineStore) size() int {
	st.mu.Lock()
	defer st.mu.Unlock()
	return len(st.cur) + len(st.prev)
}
