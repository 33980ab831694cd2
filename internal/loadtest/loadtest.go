// Package loadtest drives a live charter session with many real SSH participants
// while the facilitator's board watches, and reports handshake and join times,
// submit-to-board latency percentiles, errors and the server's memory and CPU
// (read with the server's stats command). charter loadtest is its command line.
package loadtest

import (
	"cmp"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	mrand "math/rand/v2"
	"os"
	"regexp"
	"runtime/pprof"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/charter-tool/charter/internal/proccpu"
	"github.com/charter-tool/charter/internal/sshclient"
	"github.com/charter-tool/charter/server"
	"github.com/charter-tool/charter/session"
)

// Config is what one run is asked to do.
type Config struct {
	// Addr is the server's address, HOST:PORT.
	Addr string
	// Code is the session's join code, as people type it.
	Code string
	// FacilitatorKey is an allowlisted facilitator's key: it opens the board and
	// reads the server's stats.
	FacilitatorKey gossh.Signer
	// Participants connect and submit Notes notes each, waiting up to Pause (at
	// random) before each; JoinsAtOnce connect at the same time.
	Participants, Notes int
	Pause               time.Duration
	JoinsAtOnce         int
	// PhaseChange moves the session on from write after the notes and times the
	// new phase's arrival on every participant's screen.
	PhaseChange bool
	// IdleWindow is how long the server's CPU is measured with everyone connected
	// and idle (3 s when zero).
	IdleWindow time.Duration
	// FanoutProfile, with ServerPprof (the server's --pprof address), is a file for
	// a CPU profile of the server over the phase change; NotesProfile one over the
	// notes (from the first note on, for a few seconds), with the allocations over
	// the same seconds in NotesProfile+".allocs".
	FanoutProfile, NotesProfile, ServerPprof string
	// ClientProfile is a file for a CPU profile of the loadtest itself over the
	// notes (it shares the machine with the server, so what it spends the server
	// does not get).
	ClientProfile string
}

// loadtest is one run: what it was asked to do and what it saw.
type loadtest struct {
	addr         string
	code         string // normalized, e.g. ABCDEFGH
	facKey       gossh.Signer
	participants int
	notes        int
	pause        time.Duration
	joinsAtOnce  int
	phaseChange  bool
	idleWindow   time.Duration
	stdout       io.Writer
	// fanoutProfile, notesProfile and serverPprof: see Config.
	fanoutProfile, notesProfile, serverPprof string
	clientProfile                            string

	// Server CPU use, set by run before the report, and the loadtest's own over the
	// phase change.
	idleCPU, notesCPU, fanoutCPU cpuShare
	// notesAlloc is what the server allocated over the notes, and the collections
	// it made meanwhile (ok: both stats were read).
	notesAlloc struct {
		bytes       uint64
		collections uint32
		ok          bool
	}
	// notesOwnCPU and fanoutOwnCPU are the loadtest's own CPU over the notes and the
	// phase change: the clients share the machine with the server when both run on
	// it, and what they take is not the server's.
	notesOwnCPU, fanoutOwnCPU cpuShare

	mu        sync.Mutex
	boardTail string // the board's last text, for a token split across two reads
	// counts are the board's note counts as they rose, and countFrom the count
	// when the participants started writing.
	counts     []boardCount
	countFrom  int
	handshakes []time.Duration
	joins      []time.Duration
	tokens     map[string]*noteTrace
	errCount   int
	errs       []string
	// fanout is, per participant screen, the time a phase change took to reach it.
	fanout   []time.Duration
	fanoutTo string
}

// defaultIdleWindow is how long the loadtest measures the CPU use of idle connections.
const defaultIdleWindow = 3 * time.Second

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
	writer            int // the participant's number
}

// boardCount is the number of notes the board's header gave at a moment.
type boardCount struct {
	at time.Time
	n  int
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

// countRE finds the board header's note count ("… · 3 done · 120 notes"); the word
// after it means that a count cut short by a read boundary never matches. Nothing is
// asked of what follows the word: a row drawn after a cursor move, not a line
// break, follows it directly once the escape sequences are stripped.
var countRE = regexp.MustCompile(`done · ([0-9]+) note`)

// phases are the phase names as the participant and board headers show them.
var phases = []string{"LOBBY", "CHECK-IN", "WRITE", "REVEAL", "GROUP", "VOTE", "ACTIONS", "CLOSED"}

// Run drives the session over real SSH connections and prints the report to out:
// participants join and submit notes while the facilitator's board watches. It
// returns an error when the run could not start (no facilitator board, wrong
// phase), and ok false when a note or a participant failed.
func Run(ctx context.Context, cfg Config, out io.Writer) (ok bool, err error) {
	lt := &loadtest{
		addr: cfg.Addr, code: session.NormalizeCode(cfg.Code), facKey: cfg.FacilitatorKey,
		participants: cfg.Participants, notes: cfg.Notes, pause: cfg.Pause, joinsAtOnce: max(cfg.JoinsAtOnce, 1),
		phaseChange: cfg.PhaseChange, idleWindow: cmp.Or(cfg.IdleWindow, defaultIdleWindow),
		stdout: out, tokens: map[string]*noteTrace{}, fanoutProfile: cfg.FanoutProfile, serverPprof: cfg.ServerPprof,
		notesProfile: cfg.NotesProfile, clientProfile: cfg.ClientProfile,
	}
	if lt.fanoutProfile != "" && (lt.serverPprof == "" || !lt.phaseChange) {
		return false, errors.New("a profile of the phase change needs the server's pprof address and the phase change")
	}
	if lt.notesProfile != "" && lt.serverPprof == "" {
		return false, errors.New("a profile of the notes needs the server's pprof address")
	}
	if err := lt.run(ctx); err != nil {
		return false, err
	}
	return lt.errCount == 0 && lt.missing() == 0, nil
}

// readableCode is a join code as screens show it, ABCD-EFGH.
func readableCode(c string) string {
	if len(c) == 8 {
		return c[:4] + "-" + c[4:]
	}
	return c
}

// lastBytes returns the last n bytes of s.
func lastBytes(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

// run drives the whole test and prints the report; it returns an error only when the
// test could not start (no facilitator board, wrong phase).
func (lt *loadtest) run(ctx context.Context) error {
	fmt.Fprintf(lt.stdout, "charter loadtest: %d participants × %d notes on %s, session %s\n",
		lt.participants, lt.notes, lt.addr, readableCode(lt.code))
	fac, err := lt.openBoard(ctx)
	if err != nil {
		return err
	}
	defer fac.Close()
	before, err := lt.stats(ctx)
	if err != nil {
		return err
	}

	start := make(chan struct{})
	var joined, finished sync.WaitGroup
	conns := make([]*sshclient.Screen, lt.participants)
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
	sleepCtx(ctx, lt.idleWindow)
	idleEnd, idleEndErr := lt.stats(ctx)
	lt.idleCPU = cpuShare{idleEnd.CPUSeconds - idle.CPUSeconds, time.Since(idleFrom), idleErr == nil && idleEndErr == nil && idleEnd.CPUSeconds > 0}
	lt.mu.Lock()
	if len(lt.counts) > 0 {
		lt.countFrom = lt.counts[len(lt.counts)-1].n
	}
	lt.mu.Unlock()
	var profiled, allocs <-chan error
	if lt.notesProfile != "" {
		// The allocations over the same seconds, beside it.
		allocs = lt.fetchProfile(ctx, "allocs", lt.notesProfile+".allocs")
		profiled = lt.profileServer(ctx, lt.notesProfile)
	}
	var own *os.File
	if lt.clientProfile != "" {
		f, err := os.Create(lt.clientProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		own = f
	}
	close(start)
	notesFrom, ownFrom := time.Now(), proccpu.Seconds()
	finished.Wait()
	if own != nil {
		pprof.StopCPUProfile()
	}

	lt.drain(ctx, 10*time.Second)
	after, afterErr := lt.stats(ctx)
	lt.notesCPU = cpuShare{after.CPUSeconds - idleEnd.CPUSeconds, time.Since(notesFrom), idleEndErr == nil && afterErr == nil && after.CPUSeconds > 0}
	lt.notesOwnCPU = cpuShare{proccpu.Seconds() - ownFrom, time.Since(notesFrom), proccpu.Known}
	if idleEndErr == nil && afterErr == nil && after.Collections > idleEnd.Collections {
		// The stats command's own collection (after's) is not the notes'.
		lt.notesAlloc.bytes, lt.notesAlloc.collections = after.Allocated-idleEnd.Allocated, after.Collections-idleEnd.Collections-1
		lt.notesAlloc.ok = true
	}
	if profiled != nil {
		if err := <-profiled; err != nil {
			lt.fail("profile of the notes: %v", err)
		}
		if err := <-allocs; err != nil {
			lt.fail("allocations over the notes: %v", err)
		}
	}
	if lt.phaseChange {
		lt.phaseFanout(ctx, fac, conns)
	}
	for _, c := range conns {
		if c != nil {
			c.Close()
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
func (lt *loadtest) openBoard(ctx context.Context) (*sshclient.Screen, error) {
	fac, err := sshclient.Open(ctx, lt.addr, lt.facKey, "", facilitatorCols, facilitatorRows, lt.scanBoard)
	if err != nil {
		return nil, fmt.Errorf("facilitator: %w", err)
	}
	ok := false
	defer func() {
		if !ok {
			fac.Close()
		}
	}()
	i, err := fac.WaitFor(ctx, stepTimeout, "Sessions", "Join code")
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
		if err := fac.Send("\x1b[B"); err != nil {
			return nil, err
		}
		sleepCtx(ctx, 10*time.Millisecond)
	}
	fac.Reset()
	if err := fac.Send("\r"); err != nil {
		return nil, err
	}
	if _, err := fac.WaitFor(ctx, stepTimeout, "code "+readableCode(lt.code)); err != nil {
		return nil, fmt.Errorf("open the board of %s: %w", readableCode(lt.code), err)
	}
	// The header, drawn before the code line, names the phase.
	ph := lastPhase(fac.Text())
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
		next, err := moveOn(ctx, fac, ph)
		if err != nil {
			return nil, fmt.Errorf("move the session on from %s: %w", ph, err)
		}
		fmt.Fprintf(lt.stdout, "moved the session from %s to %s (the loadtest needs WRITE)\n", strings.ToLower(ph), strings.ToLower(next))
		ph = next
	}
	fac.KeepText(false)
	ok = true
	return fac, nil
}

// sessionRow waits for the facilitator's session list and returns the row of the
// session with the code, counting sessions from the top (headings are not rows).
func (lt *loadtest) sessionRow(ctx context.Context, fac *sshclient.Screen) (int, error) {
	want := readableCode(lt.code)
	listed := func(text string) int {
		if listedCodeRE.MatchString(text) || strings.Contains(text, "No sessions yet") {
			return 0
		}
		return -1
	}
	if _, err := fac.WaitUntil(ctx, 10*time.Second, "the session list", listed); err != nil {
		return 0, fmt.Errorf("facilitator: %w", err)
	}
	// The list arrives in one frame, which may take more than one read.
	fac.WaitFor(ctx, 500*time.Millisecond, want)
	var seen []string
	for _, c := range listedCodeRE.FindAllStringSubmatch(fac.Text(), -1) {
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

// listedCodeRE finds the codes of the facilitator's session list, which end each row,
// two spaces after the column before.
var listedCodeRE = regexp.MustCompile(`  ([A-Z0-9]{4}-[A-Z0-9]{4})\b`)

// moveOn presses ] on the board, answers yes when the board asks whether to move
// on although people are not done, and returns the phase the board then shows.
func moveOn(ctx context.Context, fac *sshclient.Screen, from string) (string, error) {
	const asked = 1
	moved := func(text string) int {
		if strings.Contains(text, "? y/n") {
			return asked
		}
		if p := lastPhase(text); p != "" && p != from {
			return 0
		}
		return -1
	}
	for _, key := range []string{"]", "y"} {
		fac.Reset()
		if err := fac.Send(key); err != nil {
			return "", err
		}
		i, err := fac.WaitUntil(ctx, stepTimeout, "the next phase", moved)
		if err != nil {
			return "", err
		}
		if i != asked {
			next := lastPhase(fac.Text())
			// The header names the new phase at once, the status once the move is
			// saved: a participant who joins before then finds the old phase.
			if _, err := fac.WaitFor(ctx, stepTimeout, "Moved to "+strings.ToLower(next)); err != nil {
				return "", fmt.Errorf("the move to %s was not saved: %w", next, err)
			}
			return next, nil
		}
	}
	return "", errors.New("the board asked twice")
}

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
func (lt *loadtest) participant(ctx context.Context, id int, sem chan struct{}, conn **sshclient.Screen, joined *sync.WaitGroup, start <-chan struct{}) {
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

func (lt *loadtest) join(ctx context.Context, id int, sem chan struct{}) *sshclient.Screen {
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
	c, err := sshclient.Open(ctx, lt.addr, key, lt.code, participantCols, participantRows, nil)
	if err != nil {
		lt.fail("participant %d: %v", id, err)
		return nil
	}
	lt.mu.Lock()
	lt.handshakes = append(lt.handshakes, c.Handshake)
	lt.mu.Unlock()
	fail := func(err error) *sshclient.Screen {
		lt.fail("participant %d: %v", id, err)
		c.Close()
		return nil
	}
	i, err := c.WaitFor(ctx, stepTimeout, append([]string{"Your name"}, joinFailures...)...)
	if err != nil {
		return fail(fmt.Errorf("join: %w", err))
	}
	if i > 0 {
		return fail(fmt.Errorf("join refused: %s", lastLine(c.Text(), joinFailures[i-1])))
	}
	c.Reset()
	if err := c.Send("\r"); err != nil {
		return fail(err)
	}
	i, err = c.WaitFor(ctx, stepTimeout, phases...)
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

// submit writes one note: the text, in the box open for it, enter, then waits for
// "Saved".
func (lt *loadtest) submit(ctx context.Context, c *sshclient.Screen, id, n int) error {
	token := fmt.Sprintf("lt-%d-%d-%08x", id, n, mrand.Uint32())
	tr := &noteTrace{writer: id}
	lt.mu.Lock()
	lt.tokens[token] = tr
	lt.mu.Unlock()

	if n == 1 {
		// The box of a new note opens once the screen has loaded, drawn since the
		// join's last reset; after a note is saved it opens again for the next.
		// An n typed for it would be the note's first letter.
		if _, err := c.WaitFor(ctx, stepTimeout, "New note in"); err != nil {
			return err
		}
	}
	c.Reset()
	// The text has no spaces: bubbletea gives every program the same rune slice for
	// a typed space and the textarea writes into it, a data race in the server that
	// -race would report instead of what this test measures.
	if err := c.Send(token); err != nil {
		return err
	}
	if _, err := c.WaitFor(ctx, stepTimeout, token); err != nil {
		return fmt.Errorf("typed text not shown: %w", err)
	}
	c.Reset()
	lt.mu.Lock()
	tr.sent = time.Now()
	lt.mu.Unlock()
	if err := c.Send("\r"); err != nil {
		return err
	}
	i, err := c.WaitFor(ctx, stepTimeout, append([]string{"Saved"}, noteFailures...)...)
	if err != nil {
		return err
	}
	if i > 0 {
		return fmt.Errorf("not saved: %s", lastLine(c.Text(), noteFailures[i-1]))
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
	for _, m := range countRE.FindAllStringSubmatch(text, -1) {
		n, err := strconv.Atoi(m[1])
		if err == nil && (len(lt.counts) == 0 || n > lt.counts[len(lt.counts)-1].n) {
			lt.counts = append(lt.counts, boardCount{at, n})
		}
	}
}

// onBoard returns, for every acknowledged note, when the board first had it: when
// its token showed, or else when the board's count covered it. The board lists the
// newest notes on a screen of 200 rows, so a batch of more notes than that arrives
// with some of them never drawn; its count still rises. The notes the board has are
// the first ones stored, and every note stored before note x was sent before x was
// acknowledged: so once the count has risen by the number of notes sent before x's
// acknowledgement, x is on the board. That time is never earlier than the truth,
// but a lone writer's notes held after x can keep the count below it for good: see
// heldLast. The second result counts the notes timed by the count. lt.mu is held.
func (lt *loadtest) onBoard() (map[*noteTrace]time.Time, int) {
	var sent []time.Time
	for _, tr := range lt.tokens {
		if !tr.sent.IsZero() {
			sent = append(sent, tr.sent)
		}
	}
	slices.SortFunc(sent, time.Time.Compare)
	out := map[*noteTrace]time.Time{}
	byCount := 0
	var left []*noteTrace // acknowledged, and neither seen nor covered by the count
	acked := 0
	for _, tr := range lt.tokens {
		if tr.acked.IsZero() {
			continue
		}
		acked++
		if !tr.seen.IsZero() {
			out[tr] = tr.seen
			continue
		}
		before, _ := slices.BinarySearchFunc(sent, tr.acked, func(a, b time.Time) int {
			if a.After(b) {
				return 1
			}
			return -1 // equal times count as before
		})
		i := sort.Search(len(lt.counts), func(i int) bool { return lt.counts[i].n-lt.countFrom >= before })
		if i < len(lt.counts) {
			out[tr] = lt.counts[i].at
			byCount++
			continue
		}
		left = append(left, tr)
	}
	if len(left) == 0 || len(sent) != acked || len(lt.counts) == 0 {
		// A note sent and not acknowledged may be stored and counted: the count
		// no longer says how many acknowledged notes the board has.
		return out, byCount
	}
	last := lt.counts[len(lt.counts)-1]
	held := lt.heldLast(left, acked-(last.n-lt.countFrom))
	for _, tr := range left {
		if held != nil && !held[tr] {
			out[tr] = last.at
			byCount++
		}
	}
	return out, byCount
}

// heldLast returns which notes of left (acknowledged, not seen, not covered by the
// count) are the n acknowledged notes the board's last count says it lacks, when
// they can be a lone writer's notes held for a second writer; nil when they cannot
// (the board lacks notes it should have). The batching rule holds back the notes of
// one writer only, stored after every note the board shows (a release shows all
// held notes): so the board had every other note once its count reached its last
// value. The held notes are their writer's last n, and no other writer's note was
// sent after one of them was acknowledged: stored after it, it would have released
// it. Of the writers that fit, the one acknowledged last is taken; which one it is
// changes no count.
func (lt *loadtest) heldLast(left []*noteTrace, n int) map[*noteTrace]bool {
	if n < 0 || n > len(left) {
		return nil
	}
	held := map[*noteTrace]bool{}
	if n == 0 {
		return held // the board has every acknowledged note
	}
	unseen := map[*noteTrace]bool{}
	for _, tr := range left {
		unseen[tr] = true
	}
	byWriter := map[int][]*noteTrace{}
	lastSent := map[int]time.Time{}
	for _, tr := range lt.tokens {
		if !tr.acked.IsZero() {
			byWriter[tr.writer] = append(byWriter[tr.writer], tr)
		}
		if tr.sent.After(lastSent[tr.writer]) {
			lastSent[tr.writer] = tr.sent
		}
	}
	sentAfter := func(w int, t time.Time) bool {
		for o, at := range lastSent {
			if o != w && at.After(t) {
				return true
			}
		}
		return false
	}
	var best []*noteTrace
	for w, notes := range byWriter {
		if len(notes) < n {
			continue
		}
		slices.SortFunc(notes, func(a, b *noteTrace) int { return a.acked.Compare(b.acked) })
		last := notes[len(notes)-n:]
		if slices.ContainsFunc(last, func(tr *noteTrace) bool { return !unseen[tr] }) || sentAfter(w, last[0].acked) {
			continue
		}
		if best == nil || last[n-1].acked.After(best[n-1].acked) {
			best = last
		}
	}
	if best == nil {
		return nil
	}
	for _, tr := range best {
		held[tr] = true
	}
	return held
}

// drain waits, at most d, for the board to show every acknowledged note.
func (lt *loadtest) drain(ctx context.Context, d time.Duration) {
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) && ctx.Err() == nil && lt.missing() > 0 {
		sleepCtx(ctx, 20*time.Millisecond)
	}
}

// missing counts acknowledged notes the board does not have.
func (lt *loadtest) missing() int {
	lt.mu.Lock()
	defer lt.mu.Unlock()
	on, _ := lt.onBoard()
	_, missing := lt.absent(on)
	return missing
}

// absent counts the acknowledged notes the board does not have (on). When they are
// all one writer's, they are held, not missing: the board shows a lone writer's
// notes only once someone else writes or the phase moves on, so that no note can be
// told by its writer, and the last writer's last notes may wait there.
func (lt *loadtest) absent(on map[*noteTrace]time.Time) (held, missing int) {
	writers := map[int]bool{}
	for _, tr := range lt.tokens {
		if _, ok := on[tr]; !tr.acked.IsZero() && !ok {
			missing++
			writers[tr.writer] = true
		}
	}
	if len(writers) == 1 {
		return missing, 0
	}
	return 0, missing
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
	client, _, err := sshclient.Dial(ctx, lt.addr, lt.facKey)
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
	on, byCount := lt.onBoard()
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
		at, ok := on[tr]
		if !ok {
			continue
		}
		seen++
		if at.Before(tr.sent) {
			late++ // cannot happen unless the board showed a token before it was sent
			continue
		}
		lat = append(lat, at.Sub(tr.sent))
	}
	line := func(label, format string, args ...any) {
		fmt.Fprintf(w, "%-25s %s\n", label+":", fmt.Sprintf(format, args...))
	}
	line("participants", "%d of %d joined", connected, lt.participants)
	line("handshake (TCP+SSH)", "%s", percentiles(lt.handshakes, 50, 95))
	line("join (dial to WRITE)", "%s", percentiles(lt.joins, 50, 95))
	line("submit-to-board latency", "%s", percentiles(lat, 50, 95, 99))
	line("submit-to-saved (author)", "%s", percentiles(saved, 50, 95, 99))
	// What of submit-to-board is the batching rule's wait for a second writer, and
	// what is the way from that moment to the board's screen.
	var toRelease, releaseToBoard []time.Duration
	for tr, r := range releases(lt.tokens) {
		toRelease = append(toRelease, r.Sub(tr.sent))
		if at, ok := on[tr]; ok {
			releaseToBoard = append(releaseToBoard, max(at.Sub(r), 0))
		}
	}
	line("submit-to-release (rule)", "%s", percentiles(toRelease, 50, 95, 99))
	line("release-to-board", "%s", percentiles(releaseToBoard, 50, 95, 99))
	held, missing := lt.absent(on)
	line("notes", "%d of %d acknowledged, %d seen on board (%d of them by its count), %d held for a second writer, %d missing",
		acked, lt.participants*lt.notes, seen, byCount, held, missing)
	if span := last.Sub(first); acked > 1 && span > 0 {
		line("note rate", "%.1f notes/s saved over %.1f s", float64(acked)/span.Seconds(), span.Seconds())
	}
	if late > 0 {
		line("seen before sent", "%d (clock trouble)", late)
	}
	if lt.phaseChange {
		line("phase change to screens", "%s, to %s, from the key that moved it", percentiles(lt.fanout, 50, 95, 99), strings.ToLower(lt.fanoutTo))
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
			line("per idle connection", "heap %s (live objects %s), sys %s, goroutines %.1f",
				per(idle.HeapInuse, before.HeapInuse), per(idle.HeapLive, before.HeapLive), per(idle.Sys, before.Sys),
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
	if lt.notesOwnCPU.ok && lt.notesOwnCPU.wall > 0 {
		line("loadtest CPU, the notes", "%s", lt.notesOwnCPU)
	}
	if a := lt.notesAlloc; a.ok && acked > 0 {
		// What the collector has to take back: fewer bytes a note, fewer
		// collections while a burst is under way.
		line("server allocated, notes", "%.1f MiB (%.1f KiB a note), %s meanwhile",
			float64(a.bytes)/(1<<20), float64(a.bytes)/float64(acked)/1024, collections(a.collections))
	}
	// The loadtest's SSH clients share the server's cores: what they used in the
	// phase change is CPU the server could not have.
	if lt.fanoutCPU.ok && lt.fanoutCPU.wall > 0 {
		line("server CPU, phase change", "%s", lt.fanoutCPU)
	}
	if lt.fanoutOwnCPU.ok && lt.fanoutOwnCPU.wall > 0 {
		line("loadtest CPU, phase change", "%s", lt.fanoutOwnCPU)
	}
}

// collections says n collections in words: "1 collection", "0 collections".
func collections(n uint32) string {
	if n == 1 {
		return "1 collection"
	}
	return fmt.Sprintf("%d collections", n)
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

// releases estimates, for every acknowledged note, the moment the board's batching
// rule first let it on the board: a note is held until notes of
// session.MinBatchWriters people are waiting together, so that no note on the board
// can be told by its writer (session/batch.go). Notes are taken in the order they
// were acknowledged, as the note writer stores them, and a batch is taken as
// released when the note that completed it was acknowledged. A note that waited for
// another writer's note counts that wait in its submit-to-board time: a floor that no
// speed of the server lowers. The rule's phase-move release is not modelled (the
// loadtest writes in one phase).
func releases(tokens map[string]*noteTrace) map[*noteTrace]time.Time {
	var acked []*noteTrace
	for _, tr := range tokens {
		if !tr.acked.IsZero() {
			acked = append(acked, tr)
		}
	}
	slices.SortFunc(acked, func(a, b *noteTrace) int { return a.acked.Compare(b.acked) })
	out := make(map[*noteTrace]time.Time, len(acked))
	var held []*noteTrace
	writers := map[int]bool{}
	for _, tr := range acked {
		held = append(held, tr)
		writers[tr.writer] = true
		if len(writers) < session.MinBatchWriters {
			continue
		}
		for _, h := range held {
			out[h] = tr.acked
		}
		held = held[:0]
		clear(writers)
	}
	return out
}
