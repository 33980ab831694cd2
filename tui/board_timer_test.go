package tui_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
)

// heldBoardStore holds board reads that begin while it is closed, after they have
// read the session: as a loaded machine delays a read that has already seen the
// board as it was.
type heldBoardStore struct {
	session.Store
	mu   sync.Mutex
	gate chan struct{}
	held chan struct{} // gets a value when a read is held
}

func (h *heldBoardStore) ReadTx(ctx context.Context, fn func(st session.Store) error) error {
	h.mu.Lock()
	gate := h.gate
	h.mu.Unlock()
	return h.Store.ReadTx(ctx, func(st session.Store) error { return fn(&heldBoardTx{Store: st, gate: gate, held: h.held}) })
}

type heldBoardTx struct {
	session.Store
	gate, held chan struct{}
}

// Written is read after the session (session.Service.BoardView).
func (t *heldBoardTx) Written(ctx context.Context, sessionID string, after int64) (map[int64]int, int64, error) {
	if t.gate != nil {
		t.held <- struct{}{}
		select {
		case <-t.gate:
		case <-ctx.Done():
			return nil, 0, ctx.Err()
		}
	}
	return t.Store.Written(ctx, sessionID, after)
}

// A read of the board that began before the timer was started, and arrives after,
// does not show the timer paused again: the board keeps the timer as it was changed
// here, as it keeps a phase move.
func TestLateBoardReadKeepsTheTimerJustStarted(t *testing.T) {
	t.Parallel()
	h := &heldBoardStore{held: make(chan struct{}, 1)}
	w := newWorldOver(t, func(db session.Store) session.Store {
		h.Store = db
		return h
	})
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseCheckIn)
	s := w.openBoard(sess)
	s.waitDrawn("CHECK-IN")

	gate := make(chan struct{})
	h.mu.Lock()
	h.gate = gate
	h.mu.Unlock()
	s.keys("t")
	s.waitFor("Timer (minutes, or m:ss):")
	s.keys("2")
	s.press(tea.KeyEnter)
	s.waitFor("Timer set to 2:00")
	<-h.held // the read the set timer started has seen it paused
	h.mu.Lock()
	h.gate = nil // later reads go on
	h.mu.Unlock()

	s.tm.Send(tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}})
	s.waitFor("Timer started.")
	// The next read, which the start asks for, waits for the held one to arrive:
	// hold it too, so that the board is left with what the held read brought.
	next := make(chan struct{})
	t.Cleanup(func() { close(next) })
	h.mu.Lock()
	h.gate = next
	h.mu.Unlock()
	close(gate)
	select {
	case <-h.held:
	case <-time.After(waitTime):
		t.Fatal("the board did not read again after the held read arrived")
	}
	if l := lineWith(s.view(), "CHECK-IN"); !strings.Contains(l, "2:00 left") || strings.Contains(l, "paused") {
		t.Errorf("header = %q after a read begun before the timer was started, want it running", l)
	}
}

// A timer out of range is refused in the prompt, as a timer that is no number is:
// "0" closed the prompt, the typed answer gone, and the status said "A timer runs
// between 1 second and 4 hours." under a board with no prompt to correct it in.
func TestTimerOutOfRangeKeepsThePrompt(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, _ := w.writingParticipant()
	b := w.openBoard(sess)
	for _, typed := range []string{"0", "5h"} {
		b.keys("t")
		b.waitFor("Timer (minutes, or m:ss):")
		b.keys(typed)
		b.press(tea.KeyEnter)
		b.waitFor("A timer runs between 1 second and 4 hours.")
		b.keys("x") // typed into the prompt still open, not the board's export
		b.waitFor("Timer (minutes, or m:ss): " + typed + "x")
		b.press(tea.KeyEsc)
	}
	b.keys("t")
	b.keys("4")
	b.press(tea.KeyEnter)
	b.waitFor("Timer set to 4:00")
	v := b.view()
	requireFits(t, v)
	if got := w.session(sess.ID).Timer; got.Remaining(clock) != 4*time.Minute {
		t.Errorf("stored timer %+v, want 4 minutes", got)
	}
}

// c asks before it clears a running timer, which the room watches: c is the
// campaign on the list of sessions, and a facilitator used to it lost the timer at
// once. A timer that is not running is cleared at once.
func TestClearingARunningTimerAsksFirst(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, _ := w.writingParticipant()
	b := w.openBoard(sess)
	b.keys("t")
	b.keys("4")
	b.press(tea.KeyEnter)
	b.waitFor("Timer set to 4:00")
	b.keys(" ")
	b.waitFor("Timer started.")
	b.keys("c")
	b.waitFor("Clear the running timer?")
	b.keys("n")
	b.waitFor("The timer keeps running.")
	if got := w.session(sess.ID).Timer; !got.Running {
		t.Fatalf("stored timer %+v after c and n, want it running", got)
	}
	b.keys("c")
	b.waitFor("Clear the running timer?")
	b.keys("y")
	b.waitFor("Timer cleared.")
	if got := w.session(sess.ID).Timer; got.Active() {
		t.Errorf("stored timer %+v after c and y, want none", got)
	}
	// Paused, it goes at once: nothing runs down in front of the room.
	b.keys("t")
	b.keys("2")
	b.press(tea.KeyEnter)
	b.waitFor("Timer set to 2:00")
	b.keys("c")
	b.waitFor("Timer cleared.")
}
