package tui_test

import (
	"sync/atomic"
	"testing"
	"time"

	"github.com/charter-tool/charter/tui"
)

// An idle check that finds the screen in use tells the connection so (its own idle
// limit counts only traffic); one that finds it idle warns instead, and does not.
func TestIdleCheckKeepsAnActiveConnectionAlive(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	var now atomic.Int64
	now.Store(clock.UnixNano())
	var kept atomic.Int64
	opt := tui.Options{
		IdleTimeout: 500 * time.Millisecond,
		Now:         func() time.Time { return time.Unix(0, now.Load()) },
		KeepAlive:   func() { kept.Add(1) },
	}
	s := w.openSized(opt, termW, termH)
	s.waitFor("Join code")
	// The clock stands still: every check finds the screen in use.
	for end := time.Now().Add(waitTime); kept.Load() == 0; {
		if time.Now().After(end) {
			t.Fatal("no keepalive from a screen in use")
		}
		time.Sleep(10 * time.Millisecond)
	}
	// Past the warning's moment: the checks from the warning on find the screen
	// idle, warn and then disconnect, and keep nothing alive.
	now.Add(int64(450 * time.Millisecond))
	s.waitFor("Still there?")
	warned := kept.Load()
	now.Add(int64(100 * time.Millisecond))
	s.waitFor("Disconnected after")
	if got := kept.Load(); got != warned {
		t.Errorf("%d keepalives from a screen found idle", got-warned)
	}
}
