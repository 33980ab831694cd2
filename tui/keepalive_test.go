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

// The warning comes early enough for a person to answer it: with a limit of two
// seconds, a second before (a fifth of it, 0.4 s, is too short to see and press a
// key), and not before that.
func TestIdleWarningLeavesTimeToAnswer(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	var now atomic.Int64
	now.Store(clock.UnixNano())
	var kept atomic.Int64
	opt := tui.Options{
		IdleTimeout: 2 * time.Second,
		Now:         func() time.Time { return time.Unix(0, now.Load()) },
		KeepAlive:   func() { kept.Add(1) },
	}
	s := w.openSized(opt, termW, termH)
	s.waitFor("Join code")
	checked := func() {
		t.Helper()
		for k, end := kept.Load(), time.Now().Add(waitTime); kept.Load() == k; {
			if time.Now().After(end) {
				t.Fatal("no idle check found the screen in use")
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	now.Add(int64(900 * time.Millisecond))
	checked() // a check at 0.9 s found the screen in use
	if s.everDrawn("Still there?") {
		t.Fatal("warned 1.1 s before the disconnect, want 1 s")
	}
	now.Add(int64(200 * time.Millisecond))
	s.waitFor("Still there?", "closes in about 1 second")
}
