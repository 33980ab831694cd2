package tui_test

import (
	"sync/atomic"
	"testing"
	"time"

	"github.com/charter-tool/charter/tui"
)

// idleScreen is a join screen with an idle limit, a clock that moves only when the
// test moves it (advance), and a count of the keepalives it sent.
type idleScreen struct {
	*term
	t    *testing.T
	now  atomic.Int64
	kept atomic.Int64
}

func openIdleScreen(t *testing.T, limit time.Duration) *idleScreen {
	t.Helper()
	s := openIdle(t, newWorld(t), tui.Options{IdleTimeout: limit})
	s.waitFor("Join code")
	return s
}

// openIdle opens the screen opt asks for with opt's idle limit, as openIdleScreen.
func openIdle(t *testing.T, w *world, opt tui.Options) *idleScreen {
	t.Helper()
	s := &idleScreen{t: t}
	s.now.Store(clock.UnixNano())
	opt.Now = func() time.Time { return time.Unix(0, s.now.Load()) }
	opt.KeepAlive = func() { s.kept.Add(1) }
	s.term = w.openSized(opt, termW, termH)
	return s
}

func (s *idleScreen) advance(d time.Duration) { s.now.Add(int64(d)) }

// checked waits until an idle check after the call found the screen in use.
func (s *idleScreen) checked() {
	s.t.Helper()
	for k, end := s.kept.Load(), time.Now().Add(waitTime); s.kept.Load() == k; {
		if time.Now().After(end) {
			s.t.Fatal("no idle check found the screen in use")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// An idle check that finds the screen in use tells the connection so (its own idle
// limit counts only traffic); one that finds it idle warns instead, and does not.
func TestIdleCheckKeepsAnActiveConnectionAlive(t *testing.T) {
	t.Parallel()
	s := openIdleScreen(t, 500*time.Millisecond)
	// The clock stands still: every check finds the screen in use.
	s.checked()
	// Past the warning's moment: the checks from the warning on find the screen
	// idle, warn and then disconnect, and keep nothing alive.
	s.advance(450 * time.Millisecond)
	s.waitFor("Still there?")
	warned := s.kept.Load()
	s.advance(100 * time.Millisecond)
	s.waitFor("Disconnected after")
	if got := s.kept.Load(); got != warned {
		t.Errorf("%d keepalives from a screen found idle", got-warned)
	}
}

// The warning comes early enough for a person to answer it: with a limit of two
// seconds, a second before (a fifth of it, 0.4 s, is too short to see and press a
// key), and not before that.
func TestIdleWarningLeavesTimeToAnswer(t *testing.T) {
	t.Parallel()
	s := openIdleScreen(t, 2*time.Second)
	s.advance(900 * time.Millisecond)
	s.checked() // a check at 0.9 s found the screen in use
	if s.everDrawn("Still there?") {
		t.Fatal("warned 1.1 s before the disconnect, want 1 s")
	}
	s.advance(200 * time.Millisecond)
	s.waitFor("Still there?", "closes in about 1 second")
}

// The projector is watched, never typed into: nobody stands at its laptop to answer
// "Still there?", and a room that read the revealed notes for the idle limit saw it
// close on "Disconnected after 30 minutes". It stays, and keeps its connection alive
// (--max-timeout still ends it).
func TestProjectorIsNeverIdle(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	s := openIdle(t, w, tui.Options{IdleTimeout: 500 * time.Millisecond, Facilitator: true, Present: true, Code: sess.Code})
	s.waitFor("Join code")
	for range 3 {
		s.advance(400 * time.Millisecond)
		s.checked()
	}
	if s.everDrawn("Still there?") || s.everDrawn("Disconnected") {
		t.Fatal("the projector was treated as idle")
	}
}
