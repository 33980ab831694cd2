package tui

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
)

// A change reaching the board starts a read and leaves its drawing as it was; the
// read, when it arrives, is drawn.
func TestChangeDrawsTheBoardOnceItIsRead(t *testing.T) {
	at := time.Date(2026, time.March, 10, 14, 0, 0, 0, time.UTC)
	e := New(Options{Renderer: colours256(), Now: func() time.Time { return at }}).env
	e.w, e.h = 120, 40
	sess := &session.Session{ID: "s1", Title: "Developers Berlin", Code: "ABCD-EFGH", Phase: session.PhaseWrite, VoteBudget: 3}
	b := newBoard(e, sess)
	a := &App{env: e, screen: b}
	people := []*session.Participant{{ID: 1, SessionID: "s1", Pseudonym: "Blue Heron"}, {ID: 2, SessionID: "s1", Pseudonym: "Red Fox"}}
	read := func(notes ...string) tea.Msg {
		v := &session.BoardView{Session: sess, People: people, Written: map[int64]int{}}
		for i, text := range notes {
			v.Notes = append(v.Notes, &session.Note{ID: int64(i + 1), SessionID: "s1", Area: session.AreaConfidence, Lane: "strength", Text: text, Batch: 1})
			v.Written[int64(i%2+1)]++
		}
		return boardStateMsg{BoardView: v, base: b.sess}
	}
	a.Update(read("pairing on reviews"))
	before := a.View()
	if !strings.Contains(before, "pairing on reviews") {
		t.Fatalf("the board's first read is not drawn:\n%s", before)
	}
	_, cmd := a.Update(ChangedMsg{SessionID: "s1", What: session.ChangeReleased})
	if cmd == nil {
		t.Fatal("the change started no read")
	}
	if !a.viewUnchanged() {
		t.Error("the change alone makes the board drawn again")
	}
	if got := a.View(); got != before {
		t.Errorf("the change alone changed the drawing:\n%s\nwas:\n%s", got, before)
	}
	a.Update(read("pairing on reviews", "threat models early"))
	if a.viewUnchanged() {
		t.Error("what was read is taken for no change")
	}
	if got := a.View(); !strings.Contains(got, "threat models early") {
		t.Errorf("what was read was not drawn:\n%s", got)
	}
}

// A refused change reads the board again to show what is stored, but not beside a
// read already on its way: the two could land in either order, and the older
// snapshot be drawn last. It reads once that one is in.
func TestRefusalDuringAReadReadsAgainAfterIt(t *testing.T) {
	e := New(Options{Renderer: colours256()}).env
	e.w, e.h = 120, 40
	sess := &session.Session{ID: "s1", Title: "Developers Berlin", Code: "ABCD-EFGH", Phase: session.PhaseWrite, VoteBudget: 3}
	b := newBoard(e, sess)
	a := &App{env: e, screen: b}
	read := func() tea.Msg {
		return boardStateMsg{BoardView: &session.BoardView{Session: sess, Written: map[int64]int{}}, base: b.sess}
	}
	a.Update(read())
	if _, cmd := a.Update(ChangedMsg{SessionID: "s1", What: session.ChangeNotes}); cmd == nil {
		t.Fatal("the change started no read")
	}
	if _, cmd := a.Update(errMsg{errors.New("refused")}); cmd != nil {
		t.Error("the refusal began a second read beside the one on its way")
	}
	if _, cmd := a.Update(read()); cmd == nil {
		t.Error("no read after the refusal once the read on its way was in")
	}
	// With no read on its way, the refusal reads at once.
	a.Update(read())
	if _, cmd := a.Update(errMsg{errors.New("refused")}); cmd == nil {
		t.Error("the refusal read nothing again")
	}
}

// Notes released again soon after a read are read once readEvery has passed since
// it began, together with all released meanwhile: when hundreds save at once, the
// board read and drew every batch as soon as the last was drawn. The wait draws
// nothing. On a started connection (the server's) the wait is the connection's
// timer and no command; in a test without one, a command.
func TestReleasedNotesSoonAfterAReadWaitForTheNext(t *testing.T) {
	for _, started := range []bool{false, true} {
		t.Run(fmt.Sprintf("started %v", started), func(t *testing.T) {
			at := time.Date(2026, time.March, 10, 14, 0, 0, 0, time.UTC)
			opt := Options{Renderer: colours256(), Now: func() time.Time { return at }}
			var due <-chan struct{}
			if started {
				opt.Conn, due = startedConn(t)
			}
			e := New(opt).env
			e.w, e.h = 120, 40
			sess := &session.Session{ID: "s1", Title: "Developers Berlin", Code: "ABCD-EFGH", Phase: session.PhaseWrite, VoteBudget: 3}
			b := newBoard(e, sess)
			a := &App{env: e, screen: b}
			read := func() tea.Msg {
				return boardStateMsg{BoardView: &session.BoardView{Session: sess, Written: map[int64]int{}}, base: b.sess}
			}
			a.Update(read())
			a.View()
			if _, cmd := a.Update(ChangedMsg{SessionID: "s1", What: session.ChangeReleased}); cmd == nil {
				t.Fatal("the first release started no read")
			}
			a.Update(read())
			a.View()
			// Released again at the same moment on the board's clock.
			_, cmd := a.Update(ChangedMsg{SessionID: "s1", What: session.ChangeReleased})
			if !b.loading || !b.pace.due {
				t.Fatalf("the second release: loading %v, waiting %v; want a wait for the next read", b.loading, b.pace.due)
			}
			waitForTurn(t, cmd, due)
			if _, cmd := a.Update(ChangedMsg{SessionID: "s1", What: session.ChangeReleased}); cmd != nil {
				t.Error("a release during the wait started a read of its own")
			}
			_, cmd = a.Update(readDueMsg{})
			if cmd == nil {
				t.Error("the end of the wait read nothing")
			}
			if !a.viewUnchanged() {
				t.Error("the end of the wait drew the board again before anything was read")
			}
			if !b.loading || b.pace.due {
				t.Errorf("after the wait: loading %v, waiting %v; want a read on its way", b.loading, b.pace.due)
			}
			// A wait that ended meanwhile (another read began) is not a second read.
			if _, cmd := a.Update(readDueMsg{}); cmd != nil {
				t.Error("a stale end of a wait began a read beside the one on its way")
			}
		})
	}
}

// waitForTurn checks that a screen's wait for its next read ends: cmd, the wait's
// command, gives readDueMsg (without a started connection), or the connection's
// timer sends it (due; then cmd is none, and a command would be a read begun at
// once: run here without a service, it panics).
func waitForTurn(t *testing.T, cmd tea.Cmd, due <-chan struct{}) {
	t.Helper()
	if due != nil {
		if cmd != nil {
			t.Fatal("the wait on a started connection returned a command: a read begun at once")
		}
		select {
		case <-due:
		case <-time.After(10 * time.Second):
			t.Fatal("the connection's timer never ended the wait")
		}
		return
	}
	if cmd == nil {
		t.Fatal("the wait has no command: it never ends")
	}
	var msg tea.Msg
	func() {
		defer func() {
			if r := recover(); r != nil {
				t.Fatalf("the wait read at once (the read, with no service here, panicked: %v)", r)
			}
		}()
		msg = cmd()
	}()
	if _, ok := msg.(readDueMsg); !ok {
		t.Fatalf("the wait gave %T, want readDueMsg", msg)
	}
}

// startedConn is a connection started with a program, as the server's are: its
// timers send their messages to the program (Tick returns no command). due gets
// each readDueMsg the program receives.
func startedConn(t *testing.T) (*Conn, <-chan struct{}) {
	c := NewHub().Connect()
	due := make(chan struct{}, 8)
	p := tea.NewProgram(dueSink(due), tea.WithInput(nil), tea.WithOutput(io.Discard), tea.WithoutSignals(), tea.WithoutRenderer())
	done := make(chan struct{})
	go func() {
		defer close(done)
		if _, err := p.Run(); err != nil {
			t.Errorf("program: %v", err)
		}
	}()
	c.Start(p)
	t.Cleanup(func() {
		p.Quit()
		<-done
		c.Close()
	})
	return c, due
}

// dueSink is a program's model that tells due of each readDueMsg.
type dueSink chan struct{}

func (d dueSink) Init() tea.Cmd { return nil }
func (d dueSink) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(readDueMsg); ok {
		d <- struct{}{}
	}
	return d, nil
}
func (d dueSink) View() string { return "" }
