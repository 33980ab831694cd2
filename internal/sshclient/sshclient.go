// Package sshclient connects to charter's SSH server as a person's terminal does:
// with a pty, answering the terminal queries the server waits for, and reading
// what it shows as text. The end-to-end tests and charter loadtest use it.
package sshclient

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"strings"
	"sync"
	"time"
	"unsafe"

	"github.com/charmbracelet/x/ansi/parser"
	gossh "golang.org/x/crypto/ssh"
)

// HandshakeTimeout bounds Dial when its context has no deadline.
const HandshakeTimeout = 30 * time.Second

// Dial connects and authenticates with key (without a key: keyboard-interactive, as
// a person without one does), returning the client and how long the
// TCP connection and SSH handshake took.
func Dial(ctx context.Context, addr string, key gossh.Signer) (*gossh.Client, time.Duration, error) {
	return dial(ctx, "", addr, key)
}

// dial is Dial from the local IP address from, or any when it is empty.
func dial(ctx context.Context, from, addr string, key gossh.Signer) (*gossh.Client, time.Duration, error) {
	began := time.Now()
	var d net.Dialer
	if from != "" {
		ip := net.ParseIP(from)
		if ip == nil {
			return nil, 0, fmt.Errorf("local address %q is not an IP address", from)
		}
		d.LocalAddr = &net.TCPAddr{IP: ip}
	}
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, 0, err
	}
	deadline, ok := ctx.Deadline()
	if !ok {
		deadline = time.Now().Add(HandshakeTimeout)
	}
	conn.SetDeadline(deadline)
	cfg := &gossh.ClientConfig{
		User: "charter",
		// Tests and the loadtest only ever target a server their operator runs.
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
	}
	if key != nil {
		cfg.Auth = []gossh.AuthMethod{gossh.PublicKeys(key)}
	} else {
		cfg.Auth = []gossh.AuthMethod{gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) { return nil, nil })}
	}
	c, chans, reqs, err := gossh.NewClientConn(conn, addr, cfg)
	if err != nil {
		conn.Close()
		return nil, 0, fmt.Errorf("ssh handshake: %w", err)
	}
	took := time.Since(began)
	conn.SetDeadline(time.Time{})
	return gossh.NewClient(c, chans, reqs), took, nil
}

// Screen is one SSH session with a pty, read as a person's terminal would show it:
// the text it shows (escape sequences stripped, also when split across reads) and
// the answers a terminal gives to the server's queries.
type Screen struct {
	client *gossh.Client
	sess   *gossh.Session
	stdin  io.Writer
	// Handshake is how long the TCP connection and the SSH handshake took.
	Handshake time.Duration
	stop      func() bool
	onText    func(text string, at time.Time)
	// silent leaves the server's terminal queries unanswered.
	silent bool
	// from is the local IP address to connect from; empty lets the system choose.
	from string

	mu      sync.Mutex
	keep    bool
	buf     []byte // printable text since the last reset
	strip   screenText
	out     []byte // the printable text of the last read
	changed chan struct{}
	done    chan struct{}
}

// Option changes how Open's terminal behaves.
type Option func(*Screen)

// Silent makes the terminal answer none of the server's queries (background
// colour, device attributes), as some terminals and serial consoles do.
func Silent() Option { return func(s *Screen) { s.silent = true } }

// From connects from the local IP address ip, e.g. 127.0.0.2 for a second person
// on another address when the server listens on loopback (Linux answers all of
// 127.0.0.0/8).
func From(ip string) Option { return func(s *Screen) { s.from = ip } }

// Open opens a session with a pty of cols×rows; command is what follows the
// host on an ssh command line (a join code), empty for a shell. onText, if not nil,
// sees every piece of printable text as it arrives.
func Open(ctx context.Context, addr string, key gossh.Signer, command string, cols, rows int, onText func(string, time.Time), opts ...Option) (*Screen, error) {
	s := &Screen{onText: onText, keep: true, changed: make(chan struct{}, 1), done: make(chan struct{})}
	for _, o := range opts {
		o(s)
	}
	client, took, err := dial(ctx, s.from, addr, key)
	if err != nil {
		return nil, err
	}
	s.client, s.Handshake = client, took
	s.stop = context.AfterFunc(ctx, func() { client.Close() })
	fail := func(err error) (*Screen, error) {
		s.Close()
		return nil, err
	}
	if s.sess, err = client.NewSession(); err != nil {
		return fail(fmt.Errorf("ssh session: %w", err))
	}
	if err := s.sess.RequestPty("xterm-256color", rows, cols, gossh.TerminalModes{}); err != nil {
		return fail(fmt.Errorf("pty: %w", err))
	}
	if s.stdin, err = s.sess.StdinPipe(); err != nil {
		return fail(err)
	}
	stdout, err := s.sess.StdoutPipe()
	if err != nil {
		return fail(err)
	}
	// A terminal shows what the server writes to stderr too (refusals, for one).
	s.sess.Stderr = outputFunc(func(b []byte) (int, error) {
		s.received(b, time.Now())
		return len(b), nil
	})
	read := make(chan struct{})
	go func() {
		defer close(read)
		s.read(stdout)
	}()
	if command == "" {
		err = s.sess.Shell()
	} else {
		err = s.sess.Start(command)
	}
	if err != nil {
		return fail(fmt.Errorf("start: %w", err))
	}
	// The session is over when all its output is in: stdout read to the end, and
	// stderr, which may come after, copied (Wait waits for that). Then the
	// connection is closed, as OpenSSH's ssh does: a server shutting down waits for
	// its connections to end.
	go func() {
		s.sess.Wait()
		<-read
		close(s.done)
		client.Close()
	}()
	return s, nil
}

func (s *Screen) read(r io.Reader) {
	buf := make([]byte, 32<<10)
	// A query may be cut between two reads: the last two bytes of the one before
	// and the first two of this one are looked at together as well.
	var tail, edge [4]byte
	nTail := 0
	for {
		n, err := r.Read(buf)
		if n > 0 {
			at := time.Now()
			chunk := buf[:n]
			// Answer the background-colour and device-attribute queries as a
			// terminal does: the server waits for the answer before it draws.
			e := append(append(edge[:0], tail[:nTail]...), chunk[:min(n, 2)]...)
			if !s.silent && (bytes.Contains(chunk, deviceQuery) || bytes.Contains(e, deviceQuery)) {
				io.WriteString(s.stdin, "\x1b]11;rgb:0000/0000/0000\x1b\\\x1b[?62;c")
			}
			if n >= 2 {
				nTail = copy(tail[:], chunk[n-2:])
			} else {
				nTail = copy(tail[:], e[max(len(e)-2, 0):])
			}
			s.received(chunk, at)
		}
		if err != nil {
			return
		}
	}
}

// deviceQuery asks a terminal for its device attributes (DA1).
var deviceQuery = []byte("\x1b[c")

func (s *Screen) received(b []byte, at time.Time) {
	s.mu.Lock()
	s.out = s.strip.feed(b, s.out[:0])
	if s.keep {
		s.buf = append(s.buf, s.out...)
	}
	var text string
	if s.onText != nil && len(s.out) > 0 {
		text = string(s.out)
	}
	s.mu.Unlock()
	if text != "" {
		s.onText(text, at)
	}
	select {
	case s.changed <- struct{}{}:
	default:
	}
}

// Send types keys.
func (s *Screen) Send(keys string) error {
	_, err := io.WriteString(s.stdin, keys)
	return err
}

// Reset forgets the text shown so far: WaitFor then looks only at what comes after.
// The room the text had is kept for the next: a screen's frames are alike, and a
// new buffer at every reset was a seventh of what a loadtest's clients spent.
func (s *Screen) Reset() {
	s.mu.Lock()
	s.buf = s.buf[:0]
	s.mu.Unlock()
}

// KeepText turns keeping the text for WaitFor on or off (a long-running board would
// otherwise grow it without end).
func (s *Screen) KeepText(on bool) {
	s.mu.Lock()
	s.keep = on
	s.buf = nil
	s.mu.Unlock()
}

// Text is the text shown since the last Reset.
func (s *Screen) Text() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return string(s.buf)
}

// WaitFor waits, at most d, until the text since the last reset contains one of
// wants, and returns its index. The text is looked at where it is kept, not
// copied: a loadtest's clients wait so a few times for every note.
func (s *Screen) WaitFor(ctx context.Context, d time.Duration, wants ...string) (int, error) {
	return s.wait(ctx, d, func() string { return fmt.Sprintf("%q", wants[0]) }, true, func(text string) int {
		for i, w := range wants {
			if strings.Contains(text, w) {
				return i
			}
		}
		return -1
	})
}

// WaitUntil waits, at most d, until match finds what it looks for (described by
// what) in the text since the last reset, and returns what match returned.
func (s *Screen) WaitUntil(ctx context.Context, d time.Duration, what string, match func(text string) int) (int, error) {
	return s.wait(ctx, d, func() string { return what }, false, match)
}

// wait is WaitUntil; inPlace lends match the text as kept, valid only during the
// call (match keeps none of it), instead of a copy.
func (s *Screen) wait(ctx context.Context, d time.Duration, what func() string, inPlace bool, match func(text string) int) (int, error) {
	t := time.NewTimer(d)
	defer t.Stop()
	for {
		var i int
		if inPlace {
			s.mu.Lock()
			i = match(unsafe.String(unsafe.SliceData(s.buf), len(s.buf)))
			s.mu.Unlock()
		} else {
			i = match(s.Text())
		}
		if i >= 0 {
			return i, nil
		}
		select {
		case <-s.changed:
		case <-s.done:
			// The last read may have arrived with the end of the stream.
			select {
			case <-s.changed:
				continue
			default:
			}
			return 0, fmt.Errorf("connection closed while waiting for %s; screen ends: %q", what(), lastBytes(strings.TrimSpace(s.Text()), 300))
		case <-t.C:
			return 0, fmt.Errorf("%s not shown within %s; screen ends: %q", what(), d, lastBytes(strings.TrimSpace(s.Text()), 300))
		case <-ctx.Done():
			return 0, fmt.Errorf("waiting for %s: %w", what(), ctx.Err())
		}
	}
}

// Close ends the session and the connection.
func (s *Screen) Close() {
	if s.stop != nil {
		s.stop()
	}
	if s.sess != nil {
		s.sess.Close()
	}
	s.client.Close()
}

// Done is closed when the server has closed the session's output.
func (s *Screen) Done() <-chan struct{} { return s.done }

// lastBytes returns the last n bytes of s.
func lastBytes(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

// outputFunc makes a function an io.Writer.
type outputFunc func([]byte) (int, error)

func (f outputFunc) Write(b []byte) (int, error) { return f(b) }

// screenText turns a terminal's output into printable text as it arrives. A read may
// end inside an escape sequence or a UTF-8 character; that part is held back and
// stripped together with the next read, so nothing is cut in two. What it keeps is
// what ansi.Strip keeps (printable and control characters, whole UTF-8 characters),
// found in the same pass that finds where to cut.
type screenText struct{ held, joined []byte }

// maxHeld bounds what is held back for a sequence that never ends.
const maxHeld = 64 << 10

// feed appends the printable text of b to out and returns it.
func (st *screenText) feed(b, out []byte) []byte {
	data := b
	if len(st.held) > 0 {
		st.joined = append(append(st.joined[:0], st.held...), b...)
		data = st.joined
	}
	state, runeLeft, cut, outCut := parser.GroundState, 0, 0, len(out)
	for i, c := range data {
		if runeLeft > 0 {
			out = append(out, c)
			if runeLeft--; runeLeft == 0 {
				cut, outCut = i+1, len(out)
			}
			continue
		}
		next, action := parser.Table.Transition(state, c)
		if next == parser.Utf8State {
			out = append(out, c)
			runeLeft = utf8Len(c) - 1
			state = parser.GroundState
			continue
		}
		if action == parser.PrintAction || action == parser.ExecuteAction {
			out = append(out, c)
		}
		if state = next; state == parser.GroundState {
			cut, outCut = i+1, len(out)
		}
	}
	if len(data)-cut > maxHeld {
		cut, outCut = len(data), len(out)
	}
	st.held = append(st.held[:0], data[cut:]...)
	return out[:outCut]
}

func utf8Len(lead byte) int {
	switch {
	case lead >= 0xF0:
		return 4
	case lead >= 0xE0:
		return 3
	}
	return 2
}

// Resize tells the server the terminal's window is now cols×rows.
func (s *Screen) Resize(cols, rows int) error { return s.sess.WindowChange(rows, cols) }
