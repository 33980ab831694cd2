package server

import (
	"bytes"
	"context"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	"github.com/muesli/termenv"
)

// queryWait is how long a new terminal is given to answer the background-colour and
// device-attribute queries before its screen is drawn without the answers (dark
// background assumed). Some terminals never answer; they get their screen after it.
const queryWait = time.Second

// resizeEvery is the shortest time between two window sizes delivered to a program:
// a flood of window changes costs one redraw per interval, with the latest size.
const resizeEvery = 50 * time.Millisecond

// terminalQueries asks for the background colour, then the primary device
// attributes, which every terminal that answers anything answers last.
const terminalQueries = "\x1b]11;?\x07\x1b[c"

var (
	// backgroundAnswer is a terminal's answer to the background-colour query.
	backgroundAnswer = regexp.MustCompile("\x1b\\]11;rgba?:([0-9a-fA-F]{1,4})/([0-9a-fA-F]{1,4})/([0-9a-fA-F]{1,4})(?:/[0-9a-fA-F]{1,4})?(?:\x07|\x1b\\\\)")
	// deviceAnswer is a terminal's answer to the primary device-attributes query.
	deviceAnswer = regexp.MustCompile("\x1b\\[\\?[0-9;]*c")
)

// stripAnswers removes the terminal's answers to the queries from input, wherever
// they are: one that comes after queryWait must not reach the program as keys (its
// digits would rate a check-in, for one).
func stripAnswers(b []byte) []byte {
	if !strings.Contains(string(b), "\x1b") {
		return b
	}
	b = backgroundAnswer.ReplaceAll(b, nil)
	return deviceAnswer.ReplaceAll(b, nil)
}

// terminalInput is what a person types, read from the SSH session by one goroutine
// that ends with the session. The program reads it; before that, the queries' answers
// are taken out of it, with a time limit (a plain read of the session cannot be
// interrupted, so a terminal that never answers would otherwise hold the screen blank).
type terminalInput struct {
	ctx     context.Context
	chunks  chan []byte
	pending []byte
}

func newTerminalInput(ctx context.Context, r io.Reader) *terminalInput {
	in := &terminalInput{ctx: ctx, chunks: make(chan []byte)}
	go func() {
		defer close(in.chunks)
		// Typing comes a few bytes at a time, and the program reads 256 bytes at a
		// time anyway; a paste takes a few reads. Kept small: every connection
		// holds one for its life.
		buf := make([]byte, 512)
		var pastes pasteCutter
		for {
			n, err := r.Read(buf)
			if n > 0 {
				select {
				case in.chunks <- pastes.cut(buf[:n]):
				case <-ctx.Done():
					return
				}
			}
			if err != nil {
				return
			}
		}
	}()
	return in
}

// Read implements io.Reader for the program; it ends with the session.
func (in *terminalInput) Read(p []byte) (int, error) {
	for len(in.pending) == 0 {
		select {
		case b, ok := <-in.chunks:
			if !ok {
				return 0, io.EOF
			}
			in.pending = stripAnswers(b)
		case <-in.ctx.Done():
			return 0, io.EOF
		}
	}
	n := copy(p, in.pending[:readSize(in.pending, len(p))])
	in.pending = in.pending[n:]
	return n, nil
}

// readSize is how much of pending a read of size bytes returns. bubbletea takes a
// read that fills its buffer for one that may have stopped inside what it decodes,
// and reads it all again with the next: a run of characters without a space, sent in
// full reads, was read again and again as it grew (5 MB sent to the join screen cost
// the server 90 s of CPU). So a read stops a byte short, between two characters, and
// bubbletea takes what it got; only a read that would stop near an escape sequence,
// which must not be cut, fills the buffer.
func readSize(pending []byte, size int) int {
	if len(pending) < size {
		return len(pending)
	}
	n := size - 1
	for n > 0 && !utf8.RuneStart(pending[n]) {
		n--
	}
	if n == 0 || bytes.IndexByte(pending[max(n-escapeLen, 0):n+1], 0x1b) >= 0 {
		return size
	}
	return n
}

// escapeLen is more than the escape sequences of keys take (the longest, a mouse
// report or a modified function key, fits in 16 bytes).
const escapeLen = 32

// maxPaste is the most of a bracketed paste the program gets in one piece: a longer
// paste reaches it cut into pieces of this size, each a paste of its own. bubbletea
// gathers a paste until its end marker, copying and searching all it gathered at
// every read: a paste of 4 MB sent without its end cost the server 14 s of CPU, and
// its memory grew for as long as the paste went on. A note's box holds far less; what
// a box cannot hold is left out and said, over the pieces as over the reads of one.
const maxPaste = 16 << 10

var (
	pasteStart = []byte("\x1b[200~")
	pasteEnd   = []byte("\x1b[201~")
)

// pasteCutter cuts the bracketed pastes of a terminal's input into pieces of at most
// maxPaste bytes. It holds nothing back: a marker split between two reads is found
// with the end of the read before (tail).
type pasteCutter struct {
	in   bool   // inside a paste
	n    int    // bytes of the paste since it began or was last cut
	tail []byte // the last bytes of the read before, fewer than a marker has
}

// cut returns b, a read of the input, with a paste's end and a new paste's start
// put in wherever a paste reaches maxPaste bytes.
func (c *pasteCutter) cut(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for {
		if !c.in {
			end := c.after(b, pasteStart)
			if end < 0 {
				c.keepTail(b, pasteStart)
				return append(out, b...)
			}
			out = append(out, b[:end]...)
			b, c.tail, c.in, c.n = b[end:], nil, true, 0
			continue
		}
		room := maxPaste - c.n
		end := c.after(b, pasteEnd)
		if end >= 0 && end-len(pasteEnd) <= room {
			out = append(out, b[:end]...)
			b, c.tail, c.in = b[end:], nil, false
			continue
		}
		if end < 0 && len(b) <= room {
			c.n += len(b)
			c.keepTail(b, pasteEnd)
			return append(out, b...)
		}
		// The piece ends here, between two characters, and the next one begins.
		at := room
		for at > 0 && !utf8.RuneStart(b[at]) {
			at--
		}
		out = append(append(append(out, b[:at]...), pasteEnd...), pasteStart...)
		b, c.tail, c.n = b[at:], nil, 0
	}
}

// after returns where marker ends in b, found in the read before's tail and b
// together, or -1 when b does not hold its end.
func (c *pasteCutter) after(b, marker []byte) int {
	i := bytes.Index(append(c.tail[:len(c.tail):len(c.tail)], b...), marker)
	if i < 0 {
		return -1
	}
	return i + len(marker) - len(c.tail)
}

// keepTail keeps the end of the tail and b that may be the start of marker.
func (c *pasteCutter) keepTail(b, marker []byte) {
	all := append(c.tail[:len(c.tail):len(c.tail)], b...)
	c.tail = append([]byte(nil), all[max(len(all)-len(marker)+1, 0):]...)
}

// query writes the terminal queries to out and waits, at most queryWait, for the
// device attributes. It reports whether the terminal said its background is dark
// (true when it did not say). Keys typed meanwhile are kept for the program.
func (in *terminalInput) query(out io.Writer) (dark bool) {
	dark = true
	if _, err := io.WriteString(out, terminalQueries); err != nil {
		return dark
	}
	timeout := time.NewTimer(queryWait)
	defer timeout.Stop()
	var got []byte
	defer func() { in.pending = stripAnswers(got) }()
	for {
		select {
		case b, ok := <-in.chunks:
			if !ok {
				return dark
			}
			got = append(got, b...)
			if m := backgroundAnswer.FindSubmatch(got); m != nil {
				dark = isDark(m[1], m[2], m[3])
			}
			if deviceAnswer.Match(got) {
				return dark
			}
		case <-timeout.C:
			return dark
		case <-in.ctx.Done():
			return dark
		}
	}
}

// isDark reports whether the colour of three hexadecimal components (1 to 4 digits
// each, as terminals answer) has an HSL lightness below one half.
func isDark(r, g, b []byte) bool {
	c := func(h []byte) float64 {
		v, _ := strconv.ParseUint(string(h), 16, 32) // the pattern allows only hex digits
		return float64(v) / float64(uint64(1)<<(4*len(h))-1)
	}
	x, y, z := c(r), c(g), c(b)
	return (max(x, y, z)+min(x, y, z))/2 < 0.5
}

// environ is an SSH session's environment, as termenv reads it.
type environ []string

func (e environ) Environ() []string { return e }

func (e environ) Getenv(k string) string {
	for _, v := range e {
		if strings.HasPrefix(v, k+"=") {
			return v[len(k)+1:]
		}
	}
	return ""
}

// renderer is the lipgloss renderer of a session's terminal: at least 256 colours,
// and the background the terminal reported.
func renderer(sess ssh.Session, term string, dark bool) *lipgloss.Renderer {
	r := lipgloss.NewRenderer(sess, termenv.WithEnvironment(environ(append(sess.Environ(), "TERM="+term))),
		termenv.WithUnsafe(), termenv.WithColorCache(true))
	if term == "" || term == "dumb" || r.ColorProfile() > termenv.ANSI256 {
		r.SetColorProfile(termenv.ANSI256)
	}
	r.SetHasDarkBackground(dark)
	return r
}

// teaHandler runs the program s.program builds for a session with a terminal, and
// hands it the window's size: the latest one, at most every resizeEvery.
func (s *Server) teaHandler() wish.Middleware {
	return func(next ssh.Handler) ssh.Handler {
		return func(sess ssh.Session) {
			_, windows, ok := sess.Pty()
			if !ok {
				next(sess)
				return
			}
			p := s.program(sess)
			if p == nil {
				next(sess)
				return
			}
			ctx, cancel := context.WithCancel(sess.Context())
			go deliverSizes(ctx, p, windows, &s.resizes)
			if _, err := p.Run(); err != nil && ctx.Err() == nil {
				s.cfg.Logger.Error("the screen program ended with an error", "err", err)
			}
			p.Kill()
			cancel()
			next(sess)
		}
	}
}

// deliverSizes sends the program the window's size as it changes: at once when the
// last size went out more than resizeEvery ago, otherwise the latest size when the
// interval is over. Every change is read at once, so a flood holds nothing up.
func deliverSizes(ctx context.Context, p *tea.Program, windows <-chan ssh.Window, sent *atomic.Int64) {
	var (
		latest  ssh.Window
		waiting bool
		last    time.Time
		timer   = time.NewTimer(0)
	)
	<-timer.C
	defer timer.Stop()
	send := func() {
		p.Send(tea.WindowSizeMsg{Width: latest.Width, Height: latest.Height})
		sent.Add(1)
		last, waiting = time.Now(), false
	}
	for {
		select {
		case <-ctx.Done():
			p.Quit()
			return
		case w, ok := <-windows:
			if !ok {
				windows = nil // the session's requests ended; its context ends soon
				continue
			}
			latest = w
			if waiting {
				continue
			}
			if wait := resizeEvery - time.Since(last); wait > 0 {
				waiting = true
				timer.Reset(wait)
				continue
			}
			send()
		case <-timer.C:
			send()
		}
	}
}
