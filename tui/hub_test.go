package tui_test

import (
	"context"
	"errors"
	"io"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/tui"
)

// pingMsg marks a point in a program's message stream.
type pingMsg struct{ n int }

// recorder is a model that passes on the messages a hub sends it. When hold is set,
// its first ChangedMsg keeps it busy until hold is closed, like a slow terminal.
type recorder struct {
	got     chan tea.Msg
	hold    chan struct{}
	holding chan struct{}
	once    sync.Once
}

func (r *recorder) Init() tea.Cmd { return nil }

func (r *recorder) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg.(type) {
	case tui.ChangedMsg:
		if r.hold != nil {
			r.once.Do(func() {
				close(r.holding)
				<-r.hold
			})
		}
		r.got <- msg
	case tui.ShutdownMsg, pingMsg:
		r.got <- msg
	}
	return r, nil
}

func (r *recorder) View() string { return "" }

// program is a running tea.Program with a recorder, registered on a hub.
type program struct {
	t    *testing.T
	p    *tea.Program
	rec  *recorder
	conn *tui.Conn
}

// startProgram runs a recorder in a real program and connects it to h. With slow, the
// program stays busy with its first change until release is called.
func startProgram(t *testing.T, h *tui.Hub, slow bool) *program {
	t.Helper()
	rec := &recorder{got: make(chan tea.Msg, 1000)}
	if slow {
		rec.hold, rec.holding = make(chan struct{}), make(chan struct{})
	}
	p := tea.NewProgram(rec, tea.WithInput(nil), tea.WithOutput(io.Discard), tea.WithoutSignals(), tea.WithoutRenderer())
	done := make(chan struct{})
	go func() {
		defer close(done)
		if _, err := p.Run(); err != nil {
			t.Errorf("program: %v", err)
		}
	}()
	conn := h.Connect()
	conn.Start(p)
	pr := &program{t: t, p: p, rec: rec, conn: conn}
	t.Cleanup(func() {
		pr.release()
		conn.Close()
		p.Quit()
		select {
		case <-done:
		case <-time.After(waitTime):
			t.Error("program did not end")
		}
	})
	return pr
}

func (pr *program) release() {
	if pr.rec.hold != nil {
		select {
		case <-pr.rec.hold:
		default:
			close(pr.rec.hold)
		}
	}
}

// next returns the next message the program received.
func (pr *program) next() tea.Msg {
	pr.t.Helper()
	select {
	case m := <-pr.rec.got:
		return m
	case <-time.After(waitTime):
		pr.t.Fatal("no message arrived")
		return nil
	}
}

// mark sends a ping straight to the program and returns every message that came
// before it.
func (pr *program) mark(n int) []tea.Msg {
	pr.t.Helper()
	pr.p.Send(pingMsg{n})
	var before []tea.Msg
	for {
		m := pr.next()
		if m == (pingMsg{n}) {
			return before
		}
		before = append(before, m)
	}
}

func TestHubPublishReachesWatchersOnly(t *testing.T) {
	t.Parallel()
	h := tui.NewHub()
	notes := startProgram(t, h, false)
	notes.conn.Watch("s1", session.ChangeNotes|session.ChangeSession)
	people := startProgram(t, h, false)
	people.conn.Watch("s1", session.ChangePeople)
	elsewhere := startProgram(t, h, false)
	elsewhere.conn.Watch("s2", session.ChangeNotes)
	nothing := startProgram(t, h, false)
	nothing.conn.Watch("", 0)

	h.Publish("s1", session.ChangeNotes|session.ChangeThemes)
	if m := notes.next(); m != (tui.ChangedMsg{SessionID: "s1", What: session.ChangeNotes}) {
		t.Errorf("watcher of s1 notes got %#v, want the notes change only", m)
	}
	// The change reached the one watcher; the others got nothing before a ping.
	for name, pr := range map[string]*program{"people of s1": people, "notes of s2": elsewhere, "no session": nothing} {
		if before := pr.mark(1); len(before) != 0 {
			t.Errorf("watcher of %s got %#v", name, before)
		}
	}

	h.Publish("s1", session.ChangePeople)
	if m := people.next(); m != (tui.ChangedMsg{SessionID: "s1", What: session.ChangePeople}) {
		t.Errorf("watcher of s1 people got %#v", m)
	}
	if before := notes.mark(2); len(before) != 0 {
		t.Errorf("watcher of s1 notes got a people change: %#v", before)
	}
}

// A change reaches exactly the connections that watch its session and kind at the
// moment it is published: after a connection moves to another session, changes what
// it watches, or closes.
func TestHubPublishFollowsWatchAndClose(t *testing.T) {
	t.Parallel()
	h := tui.NewHub()
	a := startProgram(t, h, false)
	b := startProgram(t, h, false)
	c := startProgram(t, h, false)
	d := startProgram(t, h, false)
	a.conn.Watch("s1", session.ChangeNoteAdded)
	b.conn.Watch("s1", session.ChangeNoteAdded)
	c.conn.Watch("s1", session.ChangeSession)
	d.conn.Watch("s2", session.ChangeNoteAdded)

	// expect publishes a change and checks who got it, and that nobody else did.
	expect := func(step, sessionID string, what session.Change, got ...*program) {
		t.Helper()
		h.Publish(sessionID, what)
		want := map[*program]bool{}
		for _, pr := range got {
			want[pr] = true
			if m := pr.next(); m != (tui.ChangedMsg{SessionID: sessionID, What: what}) {
				t.Errorf("%s: got %#v", step, m)
			}
		}
		for i, pr := range []*program{a, b, c, d} {
			if want[pr] {
				continue
			}
			if before := pr.mark(i); len(before) != 0 {
				t.Errorf("%s: connection %d got %#v", step, i, before)
			}
		}
	}
	expect("at first", "s1", session.ChangeNoteAdded, a, b)
	b.conn.Watch("s2", session.ChangeNoteAdded)
	expect("b moved: s1", "s1", session.ChangeNoteAdded, a)
	expect("b moved: s2", "s2", session.ChangeNoteAdded, b, d)
	c.conn.Watch("s1", session.ChangeSession|session.ChangeNoteAdded)
	expect("c watches notes", "s1", session.ChangeNoteAdded, a, c)
	a.conn.Close()
	expect("a closed", "s1", session.ChangeNoteAdded, c)
	a.conn.Watch("s1", session.ChangeNoteAdded) // a closed connection watches nothing
	expect("a watches after closing", "s1", session.ChangeNoteAdded, c)
	d.conn.Watch("", 0)
	expect("d left", "s2", session.ChangeNoteAdded, b)
	if h.Len() != 3 {
		t.Errorf("Len = %d, want 3", h.Len())
	}
}

func TestHubCoalescesForSlowProgram(t *testing.T) {
	t.Parallel()
	h := tui.NewHub()
	pr := startProgram(t, h, true)
	pr.conn.Watch("s1", session.ChangeNotes|session.ChangePeople)

	h.Publish("s1", session.ChangeNotes)
	select {
	case <-pr.rec.holding:
	case <-time.After(waitTime):
		t.Fatal("the first change did not arrive")
	}
	// The program is busy: these pile up instead of queueing one message each.
	// Publishing must not wait for the program: while it is held, the publishes
	// end (a hang, not a measure, fails the test).
	const n = 200
	published := make(chan struct{})
	go func() {
		for i := 0; i < n; i++ {
			h.Publish("s1", session.ChangeNotes)
		}
		h.Publish("s1", session.ChangePeople)
		close(published)
	}()
	select {
	case <-published:
	case <-time.After(waitTime):
		t.Fatal("publishing to a busy program waited for it")
	}
	pr.release()

	var got []tui.ChangedMsg
	for {
		m, ok := pr.next().(tui.ChangedMsg)
		if !ok {
			t.Fatalf("unexpected message %#v", m)
		}
		if m.SessionID != "s1" {
			t.Errorf("change for session %q", m.SessionID)
		}
		got = append(got, m)
		// The last change published is in the last message delivered.
		if m.What&session.ChangePeople != 0 {
			break
		}
	}
	if len(got) > 4 {
		t.Errorf("%d publishes to a slow program became %d messages, want them coalesced", n+2, len(got))
	}
}

func TestHubCloseRemovesConn(t *testing.T) {
	t.Parallel()
	h := tui.NewHub()
	a := startProgram(t, h, false)
	b := startProgram(t, h, false)
	a.conn.Watch("s1", session.ChangeNotes)
	b.conn.Watch("s1", session.ChangeNotes)
	if h.Len() != 2 {
		t.Fatalf("Len = %d, want 2", h.Len())
	}
	a.conn.Close()
	a.conn.Close() // closing twice is harmless
	if h.Len() != 1 {
		t.Fatalf("after Close, Len = %d, want 1", h.Len())
	}

	h.Publish("s1", session.ChangeNotes)
	if m := b.next(); m != (tui.ChangedMsg{SessionID: "s1", What: session.ChangeNotes}) {
		t.Errorf("open conn got %#v", m)
	}
	if before := a.mark(1); len(before) != 0 {
		t.Errorf("a closed conn still got %#v", before)
	}
	h.SendAll(pingMsg{2})
	if m := b.next(); m != (pingMsg{2}) {
		t.Errorf("SendAll reached the open conn with %#v", m)
	}
	if before := a.mark(3); len(before) != 0 {
		t.Errorf("SendAll reached a closed conn: %#v", before)
	}
}

func TestHubSendAllReachesEveryProgram(t *testing.T) {
	t.Parallel()
	h := tui.NewHub()
	var ps []*program
	for i := 0; i < 3; i++ {
		ps = append(ps, startProgram(t, h, false))
	}
	// A connection whose program has not started yet is skipped, not a crash.
	pending := h.Connect()
	defer pending.Close()

	h.SendAll(tui.ShutdownMsg{})
	for i, pr := range ps {
		if m := pr.next(); m != (tui.ShutdownMsg{}) {
			t.Errorf("program %d got %#v, want the shutdown", i, m)
		}
	}
}

func TestNilConnWatchesNothing(t *testing.T) {
	t.Parallel()
	var c *tui.Conn
	c.Watch("s1", session.ChangeNotes) // tests run screens without a conn
}

// roomReader counts its reads; each read waits for gate when it is set, and fails
// while fail is set.
type roomReader struct {
	reads atomic.Int32
	gate  chan struct{}
	fail  atomic.Bool
}

func (r *roomReader) RoomView(ctx context.Context, sessionID string) (*session.RoomView, error) {
	r.reads.Add(1)
	if r.gate != nil {
		<-r.gate
	}
	if r.fail.Load() {
		return nil, errors.New("read failed")
	}
	return &session.RoomView{Session: &session.Session{ID: sessionID}}, nil
}

// TestHubRoomIsReadOncePerChange checks that the screens a change wakes share one
// read of the session, that a change published afterwards makes the next screen read
// again, and that a failed read is not handed to screens that ask later.
func TestHubRoomIsReadOncePerChange(t *testing.T) {
	h := tui.NewHub()
	ctx := context.Background()
	r := &roomReader{gate: make(chan struct{})}
	const screens = 20
	var conns []*tui.Conn
	for range screens {
		c := h.Connect()
		t.Cleanup(c.Close)
		c.Watch("s1", session.ChangeSession)
		conns = append(conns, c)
	}
	views := make([]*session.RoomView, screens)
	var wg sync.WaitGroup
	for i, c := range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v, err := c.Room(ctx, r, "s1")
			if err != nil {
				t.Error(err)
			}
			views[i] = v
		}()
	}
	close(r.gate)
	wg.Wait()
	// Screens that asked after the first read ended may have read again only if a
	// change came in between; none did, so every screen has the first read.
	if n := r.reads.Load(); n != 1 {
		t.Errorf("%d screens read the session %d times, want once", screens, n)
	}
	for i, v := range views {
		if v != views[0] {
			t.Errorf("screen %d got a read of its own", i)
		}
	}

	h.Publish("s1", session.ChangeSession)
	v, err := conns[0].Room(ctx, r, "s1")
	if err != nil || v == views[0] || r.reads.Load() != 2 {
		t.Errorf("after a change: %d reads, same read %v, err %v; want a second read", r.reads.Load(), v == views[0], err)
	}
	if again, _ := conns[1].Room(ctx, r, "s1"); again != v || r.reads.Load() != 2 {
		t.Errorf("with no change since, a screen read again (%d reads)", r.reads.Load())
	}
	h.Publish("s2", session.ChangeSession)
	if again, _ := conns[2].Room(ctx, r, "s1"); again != v {
		t.Error("a change in another session made s1 read again")
	}

	h.Publish("s1", session.ChangeSession)
	r.fail.Store(true)
	if _, err := conns[0].Room(ctx, r, "s1"); err == nil {
		t.Fatal("a failed read gave no error")
	}
	r.fail.Store(false)
	if v, err := conns[1].Room(ctx, r, "s1"); err != nil || v == nil {
		t.Errorf("after a failed read, the next screen got %v, %v; want a read of its own", v, err)
	}
}

// TestConnTickDelivers checks that a message scheduled on a started connection
// arrives without a command to run, and that a conn without a program falls back to
// tea.Tick.
func TestConnTickDelivers(t *testing.T) {
	h := tui.NewHub()
	pr := startProgram(t, h, false)
	if cmd := pr.conn.Tick(time.Millisecond, pingMsg{7}); cmd != nil {
		t.Error("a started conn returned a command to wait in")
	}
	if m := pr.next(); m != (pingMsg{7}) {
		t.Errorf("got %#v, want the scheduled ping", m)
	}
	var none *tui.Conn
	if cmd := none.Tick(time.Millisecond, pingMsg{8}); cmd == nil || cmd() != (pingMsg{8}) {
		t.Error("without a conn, Tick is not tea.Tick")
	}
}

// A closed connection's unsent note waits for its writer's next connection for two
// hours, then goes, with every draft that old (a writer who never came back, a
// session deleted since); a live connection's is never handed out.
func TestHubDraftsWaitTwoHoursForTheirWriter(t *testing.T) {
	t.Parallel()
	h := tui.NewHub()
	now := time.Date(2026, 3, 10, 14, 0, 0, 0, time.UTC)
	h.Now = func() time.Time { return now }
	open := func(sid string, pid int64, text string) *tui.Conn {
		c := h.Connect()
		c.Watch(sid, session.ChangeNotes)
		c.Joined(pid)
		c.KeepDraft(tui.Draft{Text: text, Area: session.AreaMotivation, Lane: "motivates"})
		return c
	}
	a := open("s1", 1, "first")
	if _, ok := a.TakeDraft("s1", 1); ok {
		t.Fatal("the draft of a live connection was handed out")
	}
	a.Close()
	b := open("s1", 2, "second")
	b.Close()
	if d, ok := h.Connect().TakeDraft("s1", 1); !ok || d.Text != "first" || d.Lane != "motivates" {
		t.Errorf("the closed connection's draft: %+v, %v", d, ok)
	}
	if _, ok := h.Connect().TakeDraft("s1", 1); ok {
		t.Error("a draft was given back twice")
	}
	now = now.Add(3 * time.Hour)
	// Another connection's close sweeps what is older than two hours.
	open("s2", 3, "").Close()
	if d, ok := h.Connect().TakeDraft("s1", 2); ok {
		t.Errorf("a draft three hours old came back: %+v", d)
	}
}

// A note parked when a participant's connection closed waits for the connection
// of theirs that takes it: another connection of theirs, open with its box empty,
// does not drop it (its empty draft did, and the note was lost).
func TestHubEmptyDraftLeavesAnotherConnectionsParkedNote(t *testing.T) {
	t.Parallel()
	h := tui.NewHub()
	writing := h.Connect()
	writing.Watch("s1", session.ChangeNotes)
	writing.Joined(1)
	writing.KeepDraft(tui.Draft{Text: "half typed", Area: session.AreaMotivation, Lane: "motivates"})
	writing.Close()
	other := h.Connect()
	other.Watch("s1", session.ChangeNotes)
	other.Joined(1)
	other.KeepDraft(tui.Draft{})
	other.Close()
	if d, ok := h.Connect().TakeDraft("s1", 1); !ok || d.Text != "half typed" || d.Lane != "motivates" {
		t.Errorf("the parked note after another connection's empty draft: %+v, %v", d, ok)
	}
}

// A connection left half open while its participant came back on another closes
// late: its note, parked, was offered again after the other had saved it. It is
// not parked while another connection of theirs is live.
func TestHubDropsTheDraftOfAConnectionReplaced(t *testing.T) {
	t.Parallel()
	h := tui.NewHub()
	old := h.Connect()
	old.Watch("s1", session.ChangeNotes)
	old.Joined(1)
	old.KeepDraft(tui.Draft{Text: "half typed"})
	now := h.Connect()
	now.Watch("s1", session.ChangeNotes)
	now.Joined(1)
	old.Close() // late, while the new one is live
	now.Close()
	if d, ok := h.Connect().TakeDraft("s1", 1); ok {
		t.Errorf("the replaced connection's note was parked: %+v", d)
	}
	// Someone on the name screen is connected, and leaves as from their screen.
	naming := h.Connect()
	naming.Is("s1", 7)
	if on, _ := h.Presence("s1"); !on[7] {
		t.Errorf("on the name screen, not connected: %v", on)
	}
	naming.Close()
	if on, left := h.Presence("s1"); on[7] || left[7].IsZero() {
		t.Errorf("after leaving the name screen: connected %v, left %v", on, left)
	}
}

// A writer whose network went away comes back on a new connection while the old
// one is still open (the server has not noticed). The old one is asked whether it
// is there: silent, it is ended and its note goes to the new one, once; answering
// (two terminals), it keeps its note, which both would otherwise save.
func TestHubReclaimsTheNoteOfASilentConnection(t *testing.T) {
	t.Parallel()
	h := tui.NewHub()
	open := func(pid int64, text string, alive bool) (*tui.Conn, *atomic.Bool) {
		c := h.Connect()
		c.Watch("s1", session.ChangeNotes)
		c.Joined(pid)
		c.KeepDraft(tui.Draft{Text: text, Area: session.AreaMotivation, Lane: "motivates"})
		ended := &atomic.Bool{}
		c.SetProbe(func(time.Duration) bool { return alive }, func() { ended.Store(true); c.Close() })
		return c, ended
	}
	_, silentEnded := open(1, "half typed", false)
	_, otherEnded := open(2, "not yours", false)
	back := h.Connect()
	back.Watch("s1", session.ChangeNotes)
	back.Joined(1)
	if d, ok := back.ReclaimDraft("s1", 1, time.Second); !ok || d.Text != "half typed" || d.Lane != "motivates" {
		t.Fatalf("reclaimed %+v, %v; want the silent connection's note", d, ok)
	}
	// Ended on a goroutine of its own: the end may block (see ReclaimDraft).
	for deadline := time.Now().Add(5 * time.Second); !silentEnded.Load() && time.Now().Before(deadline); {
		time.Sleep(time.Millisecond)
	}
	if !silentEnded.Load() || otherEnded.Load() {
		t.Errorf("ended: the silent connection %v (want true), another person's %v (want false)", silentEnded.Load(), otherEnded.Load())
	}
	if d, ok := h.Connect().TakeDraft("s1", 1); ok {
		t.Errorf("the ended connection's note was parked too: %+v", d)
	}
	if d, ok := back.ReclaimDraft("s1", 1, time.Second); ok {
		t.Errorf("the note was reclaimed twice: %+v", d)
	}

	alive, aliveEnded := open(3, "on the other terminal", true)
	again := h.Connect()
	again.Watch("s1", session.ChangeNotes)
	again.Joined(3)
	if d, ok := again.ReclaimDraft("s1", 3, time.Second); ok || aliveEnded.Load() {
		t.Errorf("a connection that answered lost its note %+v (ended %v)", d, aliveEnded.Load())
	}
	alive.Close()
}

// Ending a silent connection closes only its SSH channel: the server notices
// nothing until TCP gives up, and its program and registration stay. The note
// reclaimed from it is the new connection's own from then on, and is kept when
// the new one closes in turn; the silent one is no longer counted connected.
func TestHubKeepsAReclaimedNoteWhileTheSilentConnectionLingers(t *testing.T) {
	t.Parallel()
	h := tui.NewHub()
	silent := h.Connect()
	silent.Watch("s1", session.ChangeNotes)
	silent.Joined(1)
	silent.KeepDraft(tui.Draft{Text: "half typed", Area: session.AreaMotivation, Lane: "motivates"})
	// As sess.Close on a dead network: the channel's close is sent into a
	// connection that never answers, and the hub hears of nothing.
	silent.SetProbe(func(time.Duration) bool { return false }, func() {})
	back := h.Connect()
	back.Watch("s1", session.ChangeNotes)
	back.Joined(1)
	d, ok := back.ReclaimDraft("s1", 1, time.Second)
	if !ok {
		t.Fatal("the silent connection's note was not reclaimed")
	}
	if on, _ := h.Presence("s1"); !on[1] {
		t.Fatalf("the new connection is not counted: %v", on)
	}
	back.KeepDraft(d)
	back.Close() // they leave again, the note still unsent
	if on, _ := h.Presence("s1"); on[1] {
		t.Errorf("the ended connection still counts them connected: %v", on)
	}
	if got, ok := h.Connect().TakeDraft("s1", 1); !ok || got.Text != "half typed" {
		t.Errorf("the reclaimed note was not kept for their next connection: %+v, %v", got, ok)
	}
	silent.Close() // TCP gave up at last
}

// Ending a connection whose network went away may block (the channel's close is
// written into a connection nobody reads): the note comes back without waiting.
func TestHubReclaimsWithoutWaitingForTheEnd(t *testing.T) {
	t.Parallel()
	h := tui.NewHub()
	silent := h.Connect()
	silent.Watch("s1", session.ChangeNotes)
	silent.Joined(1)
	silent.KeepDraft(tui.Draft{Text: "half typed"})
	release := make(chan struct{})
	defer close(release)
	silent.SetProbe(func(time.Duration) bool { return false }, func() { <-release })
	back := h.Connect()
	back.Watch("s1", session.ChangeNotes)
	back.Joined(1)
	done := make(chan bool, 1)
	go func() {
		_, ok := back.ReclaimDraft("s1", 1, time.Second)
		done <- ok
	}()
	select {
	case ok := <-done:
		if !ok {
			t.Error("the silent connection's note was not reclaimed")
		}
	case <-time.After(5 * time.Second):
		t.Error("reclaiming waited for the silent connection's end")
	}
}

// A new connection that closed while the old one was asked takes nothing: the
// note would go to a screen that is gone, and the old one's close parks it.
func TestHubReclaimsNothingForAClosedConnection(t *testing.T) {
	t.Parallel()
	h := tui.NewHub()
	silent := h.Connect()
	silent.Watch("s1", session.ChangeNotes)
	silent.Joined(1)
	silent.KeepDraft(tui.Draft{Text: "half typed"})
	back := h.Connect()
	back.Watch("s1", session.ChangeNotes)
	back.Joined(1)
	silent.SetProbe(func(time.Duration) bool { back.Close(); return false }, func() {})
	if d, ok := back.ReclaimDraft("s1", 1, time.Second); ok {
		t.Errorf("a closed connection reclaimed %+v", d)
	}
	silent.Close()
	if d, ok := h.Connect().TakeDraft("s1", 1); !ok || d.Text != "half typed" {
		t.Errorf("the note was not parked: %+v, %v", d, ok)
	}
}

// A silent connection whose box is empty but holds a note that waits to come after
// it (Draft.Next) gives that note back: left to linger, its close, with the new
// connection live, kept nothing, and the note was lost.
func TestHubReclaimsTheNoteWaitingOnASilentConnection(t *testing.T) {
	t.Parallel()
	h := tui.NewHub()
	silent := h.Connect()
	silent.Watch("s1", session.ChangeNotes)
	silent.Joined(1)
	waiting := &tui.Draft{Text: "the staging keys never rotate", Area: session.AreaMotivation, Lane: "demotivates"}
	silent.KeepDraft(tui.Draft{Next: waiting})
	silent.SetProbe(func(time.Duration) bool { return false }, func() {})
	back := h.Connect()
	back.Watch("s1", session.ChangeNotes)
	back.Joined(1)
	d, ok := back.ReclaimDraft("s1", 1, time.Second)
	if !ok || d.Next == nil || d.Next.Text != waiting.Text {
		t.Errorf("reclaimed %+v, %v; want the note waiting on the silent connection", d, ok)
	}
	silent.Close()
	back.Close()
}
