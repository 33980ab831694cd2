package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	mrand "math/rand/v2"
	"net"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/ansi/parser"
	gossh "golang.org/x/crypto/ssh"

	"github.com/charter-tool/charter/server"
	"github.com/charter-tool/charter/session"
)

// loadtest is one run of `charter loadtest`: what it was asked to do and what it saw.
type loadtest struct {
	addr         string
	code         string // normalized, e.g. ABCDEFGH
	facKey       gossh.Signer
	participants int
	notes        int
	pause        time.Duration
	joinsAtOnce  int
	stdout       io.Writer

	// Server CPU use, set by run before the report.
	idleCPU, notesCPU cpuShare

	mu         sync.Mutex
	boardTail  string // the board's last text, for a token split across two reads
	handshakes []time.Duration
	joins      []time.Duration
	tokens     map[string]*noteTrace
	errCount   int
	errs       []string
}

// idleWindow is how long the loadtest measures the CPU use of idle connections.
const idleWindow = 3 * time.Second

// cpuShare is the server's CPU time over a stretch of wall time.
type cpuShare struct {
	cpu  float64
	wall time.Duration
	ok   bool
}

func (c cpuShare) String() string {
	return fmt.Sprintf("%.2f s in %.1f s (%.0f%% of one core)", c.cpu, c.wall.Seconds(), 100*c.cpu/c.wall.Seconds())
}

// noteTrace follows one note from the participant's enter to the facilitator's board.
type noteTrace struct {
	sent, acked, seen time.Time
}

// Screen sizes: a participant's realistic terminal; the facilitator's is tall so
// that the board's newest-first list has room for every note arriving between two
// redraws.
const (
	participantCols, participantRows = 100, 30
	facilitatorCols, facilitatorRows = 160, 200
	// stepTimeout bounds one wait on a screen (a join, one note), within --timeout.
	stepTimeout = 30 * time.Second
	maxErrShown = 5
)

// tokenRE finds note tokens on the board; the fixed-length random part means that a
// token cut short by a read boundary never matches.
var tokenRE = regexp.MustCompile(`lt-[0-9]+-[0-9]+-[0-9a-f]{8}`)

// phases are the phase names as the participant and board headers show them.
var phases = []string{"LOBBY", "CHECK-IN", "WRITE", "REVEAL", "GROUP", "VOTE", "ACTIONS", "CLOSED"}

func runLoadtest(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("loadtest", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:2222", "address of the charter server")
	joinCode := fs.String("code", "", "join code of the session to load (required)")
	keyFile := fs.String("facilitator-key", "", "private key file (OpenSSH, no passphrase) of an allowlisted facilitator (required)")
	n := fs.Int("participants", 10, "participants to connect")
	m := fs.Int("notes", 3, "notes each participant submits")
	timeout := fs.Duration("timeout", 5*time.Minute, "the whole run stops after this long")
	pause := fs.Duration("pause", 300*time.Millisecond, "longest random pause before each of a participant's notes (0: all at once)")
	joins := fs.Int("joins-at-once", 20, "participants connecting at the same time")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: charter loadtest --addr HOST:PORT --code CODE --facilitator-key FILE --participants N --notes M [--timeout 5m]")
		fmt.Fprintln(stderr, "\nThe facilitator's board is opened on the session and moved from lobby or check-in to")
		fmt.Fprintln(stderr, "write if needed. The server's --max-conns-per-ip must exceed N when all come from one")
		fmt.Fprintln(stderr, "address, and N × M notes must fit its --notes-per-minute and --note-burst.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return parseExit(err)
	}
	if *joinCode == "" || *keyFile == "" || *n < 1 || *m < 1 || *timeout <= 0 || *joins < 1 || *pause < 0 {
		fs.Usage()
		return 2
	}
	key, err := loadSigner(*keyFile)
	if err != nil {
		fmt.Fprintln(stderr, "charter loadtest:", err)
		return 1
	}
	lt := &loadtest{
		addr: *addr, code: session.NormalizeCode(*joinCode), facKey: key,
		participants: *n, notes: *m, pause: *pause, joinsAtOnce: *joins,
		stdout: stdout, tokens: map[string]*noteTrace{},
	}
	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()
	if err := lt.run(ctx); err != nil {
		fmt.Fprintln(stderr, "charter loadtest:", err)
		return 1
	}
	if lt.errCount > 0 || lt.missing() > 0 {
		return 1
	}
	return 0
}

func loadSigner(path string) (gossh.Signer, error) {
	buf, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("facilitator key: %w", err)
	}
	s, err := gossh.ParsePrivateKey(buf)
	var missing *gossh.PassphraseMissingError
	if errors.As(err, &missing) {
		return nil, fmt.Errorf("facilitator key %s has a passphrase; use a key without one", path)
	}
	if err != nil {
		return nil, fmt.Errorf("facilitator key %s: %w", path, err)
	}
	return s, nil
}

// run drives the whole test and prints the report; it returns an error only when the
// test could not start (no facilitator board, wrong phase).
func (lt *loadtest) run(ctx context.Context) error {
	fmt.Fprintf(lt.stdout, "charter loadtest: %d participants × %d notes on %s, session %s\n",
		lt.participants, lt.notes, lt.addr, code(lt.code))
	fac, err := lt.openBoard(ctx)
	if err != nil {
		return err
	}
	defer fac.close()
	before, err := lt.stats(ctx)
	if err != nil {
		return err
	}

	start := make(chan struct{})
	var joined, finished sync.WaitGroup
	conns := make([]*screen, lt.participants)
	sem := make(chan struct{}, lt.joinsAtOnce)
	for i := range lt.participants {
		joined.Add(1)
		finished.Add(1)
		go func() {
			defer finished.Done()
			lt.participant(ctx, i+1, sem, &conns[i], &joined, start)
		}()
	}
	joined.Wait()
	connected := 0
	for _, c := range conns {
		if c != nil {
			connected++
		}
	}
	// Let the screens settle so that the figures are those of idle connections, then
	// measure what the idle connections cost in CPU.
	sleepCtx(ctx, time.Second)
	idle, idleErr := lt.stats(ctx)
	idleFrom := time.Now()
	sleepCtx(ctx, idleWindow)
	idleEnd, idleEndErr := lt.stats(ctx)
	lt.idleCPU = cpuShare{idleEnd.CPUSeconds - idle.CPUSeconds, time.Since(idleFrom), idleErr == nil && idleEndErr == nil && idleEnd.CPUSeconds > 0}
	close(start)
	notesFrom := time.Now()
	finished.Wait()

	lt.drain(ctx, 10*time.Second)
	after, afterErr := lt.stats(ctx)
	lt.notesCPU = cpuShare{after.CPUSeconds - idleEnd.CPUSeconds, time.Since(notesFrom), idleEndErr == nil && afterErr == nil && after.CPUSeconds > 0}
	for _, c := range conns {
		if c != nil {
			c.close()
		}
	}
	if idleErr != nil {
		lt.fail("server stats with everyone connected: %v", idleErr)
	}
	if afterErr != nil {
		lt.fail("server stats after the notes: %v", afterErr)
	}
	lt.report(connected, before, idle, after, idleErr == nil, afterErr == nil)
	return nil
}

// openBoard connects the facilitator, opens the board of the session with the code
// and moves the session to write if it is still in lobby or check-in.
func (lt *loadtest) openBoard(ctx context.Context) (*screen, error) {
	fac, err := dialScreen(ctx, lt.addr, lt.facKey, "", facilitatorCols, facilitatorRows, lt.scanBoard)
	if err != nil {
		return nil, fmt.Errorf("facilitator: %w", err)
	}
	ok := false
	defer func() {
		if !ok {
			fac.close()
		}
	}()
	i, err := fac.waitFor(ctx, stepTimeout, "Sessions", "Join code")
	if err != nil {
		return nil, fmt.Errorf("facilitator: %w", err)
	}
	if i == 1 {
		return nil, errors.New("the facilitator key is not allowlisted on this server (it got the participant's join screen, not \"Sessions\"); add its public key to the server's facilitators file")
	}
	row, err := lt.sessionRow(ctx, fac)
	if err != nil {
		return nil, err
	}
	for range row {
		if err := fac.send("\x1b[B"); err != nil {
			return nil, err
		}
		sleepCtx(ctx, 10*time.Millisecond)
	}
	fac.reset()
	if err := fac.send("\r"); err != nil {
		return nil, err
	}
	if _, err := fac.waitFor(ctx, stepTimeout, "code "+code(lt.code)); err != nil {
		return nil, fmt.Errorf("open the board of %s: %w", code(lt.code), err)
	}
	// The header, drawn before the code line, names the phase.
	ph := lastPhase(fac.text())
	for moves := 0; ph != "WRITE"; moves++ {
		switch ph {
		case "LOBBY", "CHECK-IN":
		case "":
			return nil, errors.New("the board shows no phase")
		default:
			return nil, fmt.Errorf("the session is in %s; the loadtest needs WRITE: move it back with [ on the board, or use a new session", ph)
		}
		if moves == 2 {
			return nil, errors.New("the session did not reach WRITE")
		}
		fac.reset()
		if err := fac.send("]"); err != nil {
			return nil, err
		}
		i, err := fac.waitFor(ctx, stepTimeout, phases...)
		if err != nil {
			return nil, fmt.Errorf("move the session on from %s: %w", ph, err)
		}
		fmt.Fprintf(lt.stdout, "moved the session from %s to %s (the loadtest needs WRITE)\n", strings.ToLower(ph), strings.ToLower(phases[i]))
		ph = phases[i]
	}
	fac.keepText(false)
	ok = true
	return fac, nil
}

// sessionRow waits for the facilitator's session list and returns the row of the
// session with the code, counting sessions from the top (headings are not rows).
func (lt *loadtest) sessionRow(ctx context.Context, fac *screen) (int, error) {
	want := code(lt.code)
	listed := func(text string) int {
		if listedCodeRE.MatchString(text) || strings.Contains(text, "No sessions yet") {
			return 0
		}
		return -1
	}
	if _, err := fac.waitUntil(ctx, 10*time.Second, "the session list", listed); err != nil {
		return 0, fmt.Errorf("facilitator: %w", err)
	}
	// The list arrives in one frame, which may take more than one read.
	fac.waitFor(ctx, 500*time.Millisecond, want)
	var seen []string
	for _, c := range listedCodeRE.FindAllStringSubmatch(fac.text(), -1) {
		if !slices.Contains(seen, c[1]) {
			seen = append(seen, c[1])
		}
	}
	i := slices.Index(seen, want)
	if i < 0 {
		return 0, fmt.Errorf("no session with the code %s in the facilitator's list", want)
	}
	return i, nil
}

// listedCodeRE finds the codes of the facilitator's session list, which end each row.
var listedCodeRE = regexp.MustCompile(` · ([A-Z0-9]{4}-[A-Z0-9]{4})`)

// lastPhase returns the phase named last in a screen's text.
func lastPhase(text string) string {
	best, at := "", -1
	for _, p := range phases {
		if i := strings.LastIndex(text, p); i > at {
			best, at = p, i
		}
	}
	return best
}

// participant joins the session anonymously, puts its connection in conn (nil when
// it could not join), waits for start, then submits the notes.
func (lt *loadtest) participant(ctx context.Context, id int, sem chan struct{}, conn **screen, joined *sync.WaitGroup, start <-chan struct{}) {
	c := lt.join(ctx, id, sem)
	*conn = c
	joined.Done()
	if c == nil {
		return
	}
	select {
	case <-start:
	case <-ctx.Done():
		return
	}
	// A random pause before every note, the first one too: people in a session do not
	// all press enter in the same instant (--pause 0 makes them, as a stampede).
	for n := 1; n <= lt.notes; n++ {
		if lt.pause > 0 {
			sleepCtx(ctx, time.Duration(mrand.Int64N(int64(lt.pause))))
		}
		if err := lt.submit(ctx, c, id, n); err != nil {
			lt.fail("participant %d note %d: %v", id, n, err)
			return
		}
	}
}

// joinFailures are what the join screens say when they refuse someone.
var joinFailures = []string{"No session has the code", "Too many connections", "Too many wrong codes", "charter needs a terminal", "went wrong", "session is full"}

func (lt *loadtest) join(ctx context.Context, id int, sem chan struct{}) *screen {
	select {
	case sem <- struct{}{}:
	case <-ctx.Done():
		lt.fail("participant %d: %v before joining", id, ctx.Err())
		return nil
	}
	defer func() { <-sem }()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		lt.fail("participant %d: key: %v", id, err)
		return nil
	}
	key, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		lt.fail("participant %d: key: %v", id, err)
		return nil
	}
	began := time.Now()
	c, err := dialScreen(ctx, lt.addr, key, lt.code, participantCols, participantRows, nil)
	if err != nil {
		lt.fail("participant %d: %v", id, err)
		return nil
	}
	lt.mu.Lock()
	lt.handshakes = append(lt.handshakes, c.handshake)
	lt.mu.Unlock()
	fail := func(err error) *screen {
		lt.fail("participant %d: %v", id, err)
		c.close()
		return nil
	}
	i, err := c.waitFor(ctx, stepTimeout, append([]string{"Your name"}, joinFailures...)...)
	if err != nil {
		return fail(fmt.Errorf("join: %w", err))
	}
	if i > 0 {
		return fail(fmt.Errorf("join refused: %s", lastLine(c.text(), joinFailures[i-1])))
	}
	c.reset()
	if err := c.send("\r"); err != nil {
		return fail(err)
	}
	i, err = c.waitFor(ctx, stepTimeout, phases...)
	if err != nil {
		return fail(fmt.Errorf("after the name: %w", err))
	}
	if phases[i] != "WRITE" {
		return fail(fmt.Errorf("the session is in %s, not WRITE", phases[i]))
	}
	lt.mu.Lock()
	lt.joins = append(lt.joins, time.Since(began))
	lt.mu.Unlock()
	return c
}

// noteFailures are the statuses a participant may get instead of "Saved".
var noteFailures = []string{"very fast", "went wrong", "Notes can be written", "removed"}

// submit writes one note: n, the text, enter, then waits for "Saved".
func (lt *loadtest) submit(ctx context.Context, c *screen, id, n int) error {
	token := fmt.Sprintf("lt-%d-%d-%08x", id, n, mrand.Uint32())
	tr := &noteTrace{}
	lt.mu.Lock()
	lt.tokens[token] = tr
	lt.mu.Unlock()

	c.reset()
	if err := c.send("n"); err != nil {
		return err
	}
	if _, err := c.waitFor(ctx, stepTimeout, "New note in"); err != nil {
		return err
	}
	c.reset()
	// The text has no spaces: bubbletea gives every program the same rune slice for
	// a typed space and the textarea writes into it, a data race in the server that
	// -race would report instead of what this test measures.
	if err := c.send(token); err != nil {
		return err
	}
	if _, err := c.waitFor(ctx, stepTimeout, token); err != nil {
		return fmt.Errorf("typed text not shown: %w", err)
	}
	c.reset()
	lt.mu.Lock()
	tr.sent = time.Now()
	lt.mu.Unlock()
	if err := c.send("\r"); err != nil {
		return err
	}
	i, err := c.waitFor(ctx, stepTimeout, append([]string{"Saved"}, noteFailures...)...)
	if err != nil {
		return err
	}
	if i > 0 {
		return fmt.Errorf("not saved: %s", lastLine(c.text(), noteFailures[i-1]))
	}
	lt.mu.Lock()
	tr.acked = time.Now()
	lt.mu.Unlock()
	return nil
}

// scanBoard records when each note's token first shows on the facilitator's screen.
func (lt *loadtest) scanBoard(text string, at time.Time) {
	lt.mu.Lock()
	defer lt.mu.Unlock()
	text = lt.boardTail + text
	lt.boardTail = lastBytes(text, 64)
	found := tokenRE.FindAllString(text, -1)
	for _, t := range found {
		if tr := lt.tokens[t]; tr != nil && tr.seen.IsZero() {
			tr.seen = at
		}
	}
}

// drain waits, at most d, for the board to show every acknowledged note.
func (lt *loadtest) drain(ctx context.Context, d time.Duration) {
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) && ctx.Err() == nil && lt.missing() > 0 {
		sleepCtx(ctx, 20*time.Millisecond)
	}
}

// missing counts acknowledged notes the board has not shown.
func (lt *loadtest) missing() int {
	lt.mu.Lock()
	defer lt.mu.Unlock()
	n := 0
	for _, tr := range lt.tokens {
		if !tr.acked.IsZero() && tr.seen.IsZero() {
			n++
		}
	}
	return n
}

func (lt *loadtest) fail(format string, args ...any) {
	lt.mu.Lock()
	defer lt.mu.Unlock()
	lt.errCount++
	if len(lt.errs) < maxErrShown {
		lt.errs = append(lt.errs, fmt.Sprintf(format, args...))
	}
}

// stats reads the server's figures over SSH as the facilitator (`ssh HOST stats`).
func (lt *loadtest) stats(ctx context.Context) (server.Stats, error) {
	var st server.Stats
	ctx, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	client, _, err := dialSSH(ctx, lt.addr, lt.facKey)
	if err != nil {
		return st, fmt.Errorf("server stats: %w", err)
	}
	defer client.Close()
	stop := context.AfterFunc(ctx, func() { client.Close() })
	defer stop()
	sess, err := client.NewSession()
	if err != nil {
		return st, fmt.Errorf("server stats: %w", err)
	}
	defer sess.Close()
	out, err := sess.Output("stats")
	if err != nil {
		return st, fmt.Errorf("server stats: %w", err)
	}
	if err := json.Unmarshal(out, &st); err != nil {
		return st, fmt.Errorf("server stats: not JSON (is the key a facilitator's?): %q", lastBytes(string(out), 200))
	}
	return st, nil
}

func (lt *loadtest) report(connected int, before, idle, after server.Stats, idleOK, afterOK bool) {
	lt.mu.Lock()
	defer lt.mu.Unlock()
	w := lt.stdout
	var lat, saved []time.Duration
	var first, last time.Time // the first note sent, the last one saved
	acked, seen, late := 0, 0, 0
	for _, tr := range lt.tokens {
		if tr.acked.IsZero() {
			continue
		}
		acked++
		saved = append(saved, tr.acked.Sub(tr.sent))
		if first.IsZero() || tr.sent.Before(first) {
			first = tr.sent
		}
		if tr.acked.After(last) {
			last = tr.acked
		}
		if tr.seen.IsZero() {
			continue
		}
		seen++
		if tr.seen.Before(tr.sent) {
			late++ // cannot happen unless the board showed a token before it was sent
			continue
		}
		lat = append(lat, tr.seen.Sub(tr.sent))
	}
	line := func(label, format string, args ...any) {
		fmt.Fprintf(w, "%-25s %s\n", label+":", fmt.Sprintf(format, args...))
	}
	line("participants", "%d of %d joined", connected, lt.participants)
	line("handshake (TCP+SSH)", "%s", percentiles(lt.handshakes, 50, 95))
	line("join (dial to WRITE)", "%s", percentiles(lt.joins, 50, 95))
	line("submit-to-board latency", "%s", percentiles(lat, 50, 95, 99))
	line("submit-to-saved (author)", "%s", percentiles(saved, 50, 95, 99))
	line("notes", "%d of %d acknowledged, %d seen on board, %d missing", acked, lt.participants*lt.notes, seen, acked-seen)
	if span := last.Sub(first); acked > 1 && span > 0 {
		line("note rate", "%.1f notes/s saved over %.1f s", float64(acked)/span.Seconds(), span.Seconds())
	}
	if late > 0 {
		line("seen before sent", "%d (clock trouble)", late)
	}
	line("errors", "%d", lt.errCount)
	for _, e := range lt.errs {
		fmt.Fprintf(w, "  %s\n", e)
	}
	if lt.errCount > len(lt.errs) {
		fmt.Fprintf(w, "  … and %d more\n", lt.errCount-len(lt.errs))
	}
	line("server before", "%s", statsLine(before))
	if idleOK {
		line("server, all idle", "%s", statsLine(idle))
		if connected > 0 {
			per := func(a, b uint64) string {
				return fmt.Sprintf("%.0f KiB", (float64(a)-float64(b))/float64(connected)/1024)
			}
			line("per idle connection", "heap %s, sys %s, goroutines %.1f",
				per(idle.HeapInuse, before.HeapInuse), per(idle.Sys, before.Sys),
				float64(idle.Goroutines-before.Goroutines)/float64(connected))
		}
	}
	if afterOK {
		line("server after the notes", "%s", statsLine(after))
	}
	if lt.idleCPU.ok && lt.idleCPU.wall > 0 {
		line("server CPU, all idle", "%s", lt.idleCPU)
	}
	if lt.notesCPU.ok && lt.notesCPU.wall > 0 {
		line("server CPU, the notes", "%s", lt.notesCPU)
	}
}

func statsLine(s server.Stats) string {
	return fmt.Sprintf("%d connections, %d goroutines, heap %.1f MiB, sys %.1f MiB",
		s.Connections, s.Goroutines, float64(s.HeapInuse)/(1<<20), float64(s.Sys)/(1<<20))
}

// percentiles formats the nearest-rank percentiles and the maximum of ds.
func percentiles(ds []time.Duration, ps ...int) string {
	if len(ds) == 0 {
		return "no samples"
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	var parts []string
	for _, p := range ps {
		i := (p*len(s)+99)/100 - 1
		parts = append(parts, fmt.Sprintf("p%d %s", p, ms1(s[max(i, 0)])))
	}
	parts = append(parts, "max "+ms1(s[len(s)-1]), fmt.Sprintf("(n=%d)", len(s)))
	return strings.Join(parts, "  ")
}

func ms1(d time.Duration) string {
	return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond))
}

// lastLine returns the last line of text that contains s, trimmed.
func lastLine(text, s string) string {
	i := strings.LastIndex(text, s)
	if i < 0 {
		return s
	}
	start := strings.LastIndexAny(text[:i], "\r\n") + 1
	end := strings.IndexAny(text[i:], "\r\n")
	if end < 0 {
		end = len(text) - i
	}
	return strings.TrimSpace(text[start : i+end])
}

func sleepCtx(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	}
}

// dialSSH connects and authenticates with key, returning the client and how long the
// TCP connection and SSH handshake took.
func dialSSH(ctx context.Context, addr string, key gossh.Signer) (*gossh.Client, time.Duration, error) {
	began := time.Now()
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, 0, err
	}
	deadline, ok := ctx.Deadline()
	if !ok {
		deadline = time.Now().Add(stepTimeout)
	}
	conn.SetDeadline(deadline)
	cfg := &gossh.ClientConfig{
		User: "loadtest",
		Auth: []gossh.AuthMethod{gossh.PublicKeys(key)},
		// The loadtest only ever targets a server its operator runs.
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
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

// screen is one SSH session with a pty, read as a person's terminal would show it.
type screen struct {
	client    *gossh.Client
	sess      *gossh.Session
	stdin     io.Writer
	handshake time.Duration
	stop      func() bool
	onText    func(text string, at time.Time)

	mu      sync.Mutex
	keep    bool
	buf     strings.Builder // printable text since the last reset
	strip   screenText
	changed chan struct{}
	done    chan struct{}
}

// dialScreen opens a session with a pty of cols×rows; command is what follows the
// host on an ssh command line (a join code), empty for a shell. onText, if not nil,
// sees every piece of printable text as it arrives.
func dialScreen(ctx context.Context, addr string, key gossh.Signer, command string, cols, rows int, onText func(string, time.Time)) (*screen, error) {
	client, took, err := dialSSH(ctx, addr, key)
	if err != nil {
		return nil, err
	}
	s := &screen{client: client, handshake: took, onText: onText, keep: true, changed: make(chan struct{}, 1), done: make(chan struct{})}
	s.stop = context.AfterFunc(ctx, func() { client.Close() })
	fail := func(err error) (*screen, error) {
		s.close()
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
	go s.read(stdout)
	if command == "" {
		err = s.sess.Shell()
	} else {
		err = s.sess.Start(command)
	}
	if err != nil {
		return fail(fmt.Errorf("start: %w", err))
	}
	return s, nil
}

func (s *screen) read(r io.Reader) {
	defer close(s.done)
	buf := make([]byte, 32<<10)
	var last []byte
	for {
		n, err := r.Read(buf)
		if n > 0 {
			at := time.Now()
			// Answer the background-colour and device-attribute queries as a
			// terminal does: the server waits for the answer before it draws.
			probe := append(last, buf[:n]...)
			if bytes.Contains(probe, []byte("\x1b[c")) {
				io.WriteString(s.stdin, "\x1b]11;rgb:0000/0000/0000\x1b\\\x1b[?62;c")
			}
			last = append(last[:0], probe[max(len(probe)-2, 0):]...)
			s.received(buf[:n], at)
		}
		if err != nil {
			return
		}
	}
}

func (s *screen) received(b []byte, at time.Time) {
	s.mu.Lock()
	text := s.strip.feed(b)
	if s.keep {
		s.buf.WriteString(text)
	}
	s.mu.Unlock()
	if s.onText != nil && text != "" {
		s.onText(text, at)
	}
	select {
	case s.changed <- struct{}{}:
	default:
	}
}

// send types keys.
func (s *screen) send(keys string) error {
	_, err := io.WriteString(s.stdin, keys)
	return err
}

// reset forgets the text shown so far: waitFor then looks only at what comes after.
func (s *screen) reset() {
	s.mu.Lock()
	s.buf.Reset()
	s.mu.Unlock()
}

// keepText turns keeping the text for waitFor on or off (a long-running board would
// otherwise grow it without end).
func (s *screen) keepText(on bool) {
	s.mu.Lock()
	s.keep = on
	s.buf.Reset()
	s.mu.Unlock()
}

func (s *screen) text() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.String()
}

// waitFor waits, at most d, until the text since the last reset contains one of
// wants, and returns its index.
func (s *screen) waitFor(ctx context.Context, d time.Duration, wants ...string) (int, error) {
	return s.waitUntil(ctx, d, fmt.Sprintf("%q", wants[0]), func(text string) int {
		for i, w := range wants {
			if strings.Contains(text, w) {
				return i
			}
		}
		return -1
	})
}

// waitUntil waits, at most d, until match finds what it looks for (described by
// what) in the text since the last reset, and returns what match returned.
func (s *screen) waitUntil(ctx context.Context, d time.Duration, what string, match func(text string) int) (int, error) {
	t := time.NewTimer(d)
	defer t.Stop()
	for {
		text := s.text()
		if i := match(text); i >= 0 {
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
			return 0, fmt.Errorf("connection closed while waiting for %s; screen ends: %q", what, lastBytes(strings.TrimSpace(text), 300))
		case <-t.C:
			return 0, fmt.Errorf("%s not shown within %s; screen ends: %q", what, d, lastBytes(strings.TrimSpace(text), 300))
		case <-ctx.Done():
			return 0, fmt.Errorf("waiting for %s: %w", what, ctx.Err())
		}
	}
}

func (s *screen) close() {
	if s.stop != nil {
		s.stop()
	}
	if s.sess != nil {
		s.sess.Close()
	}
	s.client.Close()
}

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
// stripped together with the next read, so nothing is cut in two.
type screenText struct{ held []byte }

// maxHeld bounds what is held back for a sequence that never ends.
const maxHeld = 64 << 10

func (st *screenText) feed(b []byte) string {
	data := append(st.held, b...)
	state, runeLeft, cut := parser.GroundState, 0, 0
	for i, c := range data {
		if runeLeft > 0 {
			if runeLeft--; runeLeft == 0 {
				cut = i + 1
			}
			continue
		}
		next, _ := parser.Table.Transition(state, c)
		if next == parser.Utf8State {
			runeLeft = utf8Len(c) - 1
			state = parser.GroundState
			continue
		}
		if state = next; state == parser.GroundState {
			cut = i + 1
		}
	}
	if len(data)-cut > maxHeld {
		cut = len(data)
	}
	st.held = append([]byte(nil), data[cut:]...)
	return ansi.Strip(string(data[:cut]))
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
