package tui

// lineCache keeps the lines a screen rendered (styled, cut or padded to the width) for
// its next drawing: lipgloss and the width of every character are most of what a
// participant's screen costs, and between two drawings most lines stay as they were.
// A line is found by everything that decides how it looks, so a cached line is never
// stale. It holds only the lines of the last two drawings (and at most maxCached), so
// it stays small, and it goes with its screen.
type lineCache struct {
	cur, prev map[lineKey]string
}

// maxCached bounds a drawing's lines in the cache: a screen shows at most a few dozen.
const maxCached = 256

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
)

// lineKey is what a line looks like before it is rendered. For a note: its id, its
// text and activity as shown, its mark, the width and whether it is selected.
type lineKey struct {
	kind        lineKind
	id          int64
	text, extra string
	mark        string
	width       int
	sel         bool
}

// frame starts a drawing: lines not used since the one before are let go.
func (c *lineCache) frame() {
	c.prev, c.cur = c.cur, c.prev
	if c.cur == nil {
		c.cur = make(map[lineKey]string)
	}
	clear(c.cur)
}

// line returns the line k, rendered by render unless a recent drawing has it.
func (c *lineCache) line(k lineKey, render func() string) string {
	if v, ok := c.cur[k]; ok {
		return v
	}
	v, ok := c.prev[k]
	if !ok {
		v = render()
	}
	if c.cur != nil && len(c.cur) < maxCached {
		c.cur[k] = v
	}
	return v
}

// size is how many lines the cache holds.
func (c *lineCache) size() int { return len(c.cur) + len(c.prev) }
