package tui

import (
	"hash/maphash"
	"io"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// Frames draws a program's screen itself, for a program made with
// tea.WithoutRenderer: after each message whose screen changed, it writes the lines
// that changed, at once; while nothing changes, nothing runs. bubbletea's own
// renderer wakes at its frame rate whether anything changed or not, and compares
// (and copies) the whole frame each time: with a thousand people connected, most of
// them reading, that was most of the server's idle CPU. Frames draws on the
// alternate screen with the cursor hidden, as the renderer would; Close gives the
// terminal back.
type Frames struct {
	mu   sync.Mutex
	out  io.Writer
	w, h int
	// last are the hashes of the lines drawn last, as the view gave them, and view
	// that of the last view drawn, so that an unchanged view or line is not written
	// (or measured) again.
	// Hashes, not the lines: a thousand idle screens would otherwise each keep a
	// whole frame (10 KiB at 100x30 with colours). A 64-bit seeded hash makes a
	// line taken for unchanged when it changed a chance of 2^-64 per line.
	last    []uint64
	view    uint64
	drawn   bool // last and view are of a frame drawn at this size
	started bool
	closed  bool
}

// frameSeed seeds the hashes of Frames; one per process.
var frameSeed = maphash.MakeSeed()

// NewFrames returns a Frames that draws on out.
func NewFrames(out io.Writer) *Frames { return &Frames{out: out} }

// Model wraps m so that its screen is drawn by f.
func (f *Frames) Model(m tea.Model) tea.Model {
	if k, ok := m.(keptView); ok {
		k.drawnByFrames()
	}
	return &framed{m: m, f: f}
}

// keptView is a model that can tell that its view is as last drawn (after a message
// that changed nothing on screen), so that it need not keep that view to hand it
// out again: a thousand idle screens would each hold one.
type keptView interface {
	// drawnByFrames tells the model that Frames draws it.
	drawnByFrames()
	// viewUnchanged reports whether the view is the one View last returned.
	viewUnchanged() bool
}

// Close leaves the alternate screen and shows the cursor again, if f drew anything.
func (f *Frames) Close() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.started && !f.closed {
		io.WriteString(f.out, ansi.ResetModeBracketedPaste+ansi.ShowCursor+ansi.ResetModeAltScreenSaveCursor)
	}
	f.closed = true
}

// resize takes a new terminal size: the next frame is drawn in full.
func (f *Frames) resize(w, h int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.w, f.h = w, h
	f.last, f.drawn = f.last[:0], false
}

// frameBufs are the buffers frames are written from, shared by all screens: a
// screen that drew its frame has no use for it until its next, and a thousand idle
// screens would each keep one.
var frameBufs = sync.Pool{New: func() any { b := make([]byte, 0, 8192); return &b }}

// draw writes the lines of view that differ from the last frame drawn.
func (f *Frames) draw(view string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	vh := maphash.String(frameSeed, view)
	if f.closed || (f.drawn && vh == f.view) {
		return
	}
	f.view = vh
	n := strings.Count(view, "\n") + 1
	if f.h > 0 && n > f.h {
		// As bubbletea's renderer does: the bottom of a screen too tall is shown.
		for range n - f.h {
			_, view, _ = strings.Cut(view, "\n")
		}
		n = f.h
	}
	bp := frameBufs.Get().(*[]byte)
	b := (*bp)[:0]
	if !f.started {
		// Bracketed paste, as bubbletea's renderer turns it on: without it a
		// terminal sends each line break of a paste as enter, and a note pasted
		// in several lines was saved at its first line, the rest lost.
		b = append(b, ansi.SetModeAltScreenSaveCursor+ansi.HideCursor+ansi.SetModeBracketedPaste...)
		f.started = true
	}
	if !f.drawn {
		b = append(b, ansi.EraseEntireScreen...)
		f.last = f.last[:0]
	}
	drawnRows := len(f.last)
	prev := -2 // the row written last
	rest := view
	for i := range n {
		l, after, _ := strings.Cut(rest, "\n")
		rest = after
		// The hash is of the line as the view gives it: a line as last drawn is
		// not measured again (cut to the screen, it would be cut the same way).
		lh := maphash.String(frameSeed, l)
		if i < drawnRows && f.last[i] == lh {
			continue
		}
		// A line no wider in bytes than the screen is no wider in cells: only
		// longer ones are measured, most of them by narrowWithin.
		if f.w > 0 && len(l) > f.w && !narrowWithin(l, f.w) && ansi.StringWidth(l) > f.w {
			l = ansi.Truncate(l, f.w, "")
		}
		if i < len(f.last) {
			f.last[i] = lh
		} else {
			f.last = append(f.last, lh)
		}
		// Erase first, then write: erasing after a line as wide as the screen would
		// take its last cell with it.
		// The next row after one just written is reached with a line break: a
		// board whose many rows change at once is sent as lines, not as one cursor
		// move per row.
		if i == prev+1 {
			b = append(b, "\r\n"...)
		} else {
			b = appendCursorTo(b, i)
		}
		b = append(b, ansi.EraseEntireLine...)
		b = append(b, l...)
		prev = i
	}
	if n < drawnRows {
		b = appendCursorTo(b, n)
		b = append(b, ansi.EraseScreenBelow...)
	}
	f.last = f.last[:n]
	f.drawn = true
	if len(b) > 0 {
		f.out.Write(b)
	}
	// A frame far larger than most (a board on a tall terminal) is not kept.
	if cap(b) <= 64<<10 {
		*bp = b
		frameBufs.Put(bp)
	}
}

// hasDrawn says whether a frame was drawn at the current size.
func (f *Frames) hasDrawn() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.drawn
}

// narrowWithin reports that line is at most w cells wide when it can tell cheaply:
// its text is printable ASCII and characters one cell wide that never join the
// next (box drawing, Latin letters, the arrows, bullets and dashes the screens
// use), between SGR sequences (colours). Anything else (another escape, a wide or
// combining character, an emoji and its selectors) says false: measure it. A
// styled line is longer in bytes than in cells, and measuring each changed line
// by grapheme was a fifth of drawing a participant's screen.
func narrowWithin(line string, w int) bool {
	cells := 0
	for i := 0; i < len(line); {
		c := line[i]
		switch {
		case c == 0x1b:
			// An SGR sequence: ESC [ parameters m.
			j := i + 1
			if j >= len(line) || line[j] != '[' {
				return false
			}
			for j++; j < len(line) && (line[j] >= '0' && line[j] <= '9' || line[j] == ';'); j++ {
			}
			if j >= len(line) || line[j] != 'm' {
				return false
			}
			i = j + 1
			continue
		case c >= 0x20 && c < 0x7f:
			i++
		case c < 0x80:
			return false // a control character
		default:
			r, size := utf8.DecodeRuneInString(line[i:])
			if !narrowRune(r) {
				return false
			}
			i += size
		}
		if cells++; cells > w {
			return false
		}
	}
	return true
}

// narrowRune reports whether r is one of the characters narrowWithin counts as one
// cell: Latin-1 and Latin Extended-A letters, general punctuation's dashes, quotes,
// bullets and ellipsis, arrows, box drawing and block elements. None of them takes
// a variation selector or joins the next character on its own; a selector or a
// combining mark after one is not in the list, so narrowWithin gives up on it.
func narrowRune(r rune) bool {
	switch {
	case r >= 0xc0 && r <= 0x17f && r != 0xd7 && r != 0xf7:
		return true // Latin letters with accents (precomposed)
	case r == 0xa0, r == 0xab, r == 0xbb, r == 0xb7, r == 0xb0:
		return true // no-break space, « », ·, °
	case r >= 0x2010 && r <= 0x2027 && r != 0x2028:
		return true // dashes, quotes, bullets, ellipsis
	case r >= 0x2190 && r <= 0x2193:
		return true // ← ↑ → ↓
	case r >= 0x2500 && r <= 0x259f:
		return true // box drawing, block elements
	}
	return false
}

// appendCursorTo appends the move of the cursor to the start of row (from 0) to b.
func appendCursorTo(b []byte, row int) []byte {
	b = append(b, "\x1b["...)
	b = strconv.AppendInt(b, int64(row+1), 10)
	return append(b, 'H')
}

// framed is a model whose screen Frames draws; bubbletea sees an empty view.
type framed struct {
	m tea.Model
	f *Frames
}

func (m *framed) Init() tea.Cmd { return m.m.Init() }

func (m *framed) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if ws, ok := msg.(tea.WindowSizeMsg); ok {
		m.f.resize(ws.Width, ws.Height)
	}
	var cmd tea.Cmd
	deep(func() { m.m, cmd = m.m.Update(msg) })
	return m, cmd
}

// View draws the wrapped model's view; bubbletea calls it after every message.
func (m *framed) View() string {
	if k, ok := m.m.(keptView); ok && k.viewUnchanged() && m.f.hasDrawn() {
		return ""
	}
	// Only the view on a deep goroutine: drawing writes to the terminal, which
	// waits for minutes on one whose network went away, and would hold a deep
	// goroutine every program shares all that time.
	var view string
	if v, ok := m.m.(textViewer); ok {
		t := viewTexts.Get().(*viewText)
		deep(func() { view = v.viewInto(t) })
		m.f.draw(view)
		// draw keeps nothing of the view (hashes only): its text may be reused.
		if cap(t.b) <= maxPooledView {
			t.b = t.b[:0]
			viewTexts.Put(t)
		}
		return ""
	}
	deep(func() { view = m.m.View() })
	m.f.draw(view)
	return ""
}

// textViewer is a model that can write its view into a viewText lent to it. The
// string it returns may be b's text, which is valid until b is lent again: only
// Frames, which draws it at once and keeps nothing of it, lends one.
type textViewer interface {
	viewInto(b *viewText) string
}

// viewText is a frame being written: bytes only appended to, whose text so far can
// be read without a copy. A frame drawn by Frames is written into one lent from
// viewTexts and given back after drawing: a participant's frame is a few
// kilobytes, made for every key, and was a third of what the server allocated
// while 300 people saved notes at once.
type viewText struct{ b []byte }

// viewTexts are the viewTexts Frames lends; maxPooledView is the largest kept.
var viewTexts = sync.Pool{New: func() any { return &viewText{} }}

const maxPooledView = 64 << 10

func (t *viewText) WriteString(s string) (int, error) {
	t.b = append(t.b, s...)
	return len(s), nil
}

func (t *viewText) WriteByte(c byte) error {
	t.b = append(t.b, c)
	return nil
}

func (t *viewText) Len() int { return len(t.b) }

// Grow makes room for n more bytes without copying again.
func (t *viewText) Grow(n int) {
	if cap(t.b)-len(t.b) < n {
		t.b = append(make([]byte, 0, len(t.b)+n), t.b...)
	}
}

// String is the text written so far, without a copy: bytes are only ever
// appended until the viewText is given back, so what it returns stays as it is.
func (t *viewText) String() string { return unsafe.String(unsafe.SliceData(t.b), len(t.b)) }
