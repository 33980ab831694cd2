package tui

import (
	"fmt"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
)

// The projector reads what changed at most every readEvery, all changes made
// meanwhile in one read: it read the whole board again for every batch of notes
// stored while hundreds saved at once. Neither a change nor the wait draws it
// again. On a started connection and without one (see waitForTurn).
func TestProjectorReadsChangesSoonAfterAReadTogether(t *testing.T) {
	for _, started := range []bool{false, true} {
		t.Run(fmt.Sprintf("started %v", started), func(t *testing.T) {
			at := time.Date(2026, time.March, 10, 14, 0, 0, 0, time.UTC)
			opt := Options{Renderer: colours256(), Now: func() time.Time { return at }}
			var due <-chan struct{}
			if started {
				opt.Conn, due = startedConn(t)
			}
			e := New(opt).env
			e.w, e.h = 80, 24
			sess := &session.Session{ID: "s1", Title: "Developers Berlin", Code: "ABCD-EFGH", Phase: session.PhaseWrite, VoteBudget: 3}
			p := newPresentOf(e, sess)
			a := &App{env: e, screen: p}
			read := func(people int) tea.Msg { return presentStateMsg{sess: sess, people: people, joined: people} }
			a.Update(read(3))
			before := a.View()
			if _, cmd := a.Update(ChangedMsg{SessionID: "s1", What: session.ChangeReleased}); cmd == nil {
				t.Fatal("the first change started no read")
			}
			if !a.viewUnchanged() {
				t.Error("a change alone draws the projector again")
			}
			a.Update(read(4))
			if got := a.View(); got == before {
				t.Fatalf("the read (4 people, not 3) is not drawn:\n%s", got)
			}
			// Changed again at the same moment on the projector's clock.
			_, cmd := a.Update(ChangedMsg{SessionID: "s1", What: session.ChangePeople})
			if !p.loading || !p.pace.due {
				t.Fatalf("the second change: loading %v, waiting %v; want a wait for the next read", p.loading, p.pace.due)
			}
			waitForTurn(t, cmd, due)
			if _, cmd := a.Update(ChangedMsg{SessionID: "s1", What: session.ChangeReleased}); cmd != nil {
				t.Error("a change during the wait started a read of its own")
			}
			if _, cmd = a.Update(readDueMsg{}); cmd == nil {
				t.Error("the end of the wait read nothing")
			}
			if !a.viewUnchanged() {
				t.Error("the end of the wait drew the projector again before anything was read")
			}
			if _, cmd := a.Update(readDueMsg{}); cmd != nil {
				t.Error("a stale end of a wait began a read beside the one on its way")
			}
			// A wait whose changes were all read (none pending) reads nothing.
			a.Update(read(4))
			p.pace.due = true
			p.loading = true
			if _, cmd := a.Update(readDueMsg{}); cmd != nil || p.loading {
				t.Errorf("the end of a wait with nothing pending began a read (loading %v)", p.loading)
			}
		})
	}
}
