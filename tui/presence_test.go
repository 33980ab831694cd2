package tui_test

import (
	"testing"
	"time"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/tui"
)

func TestHubPresence(t *testing.T) {
	t.Parallel()
	h := tui.NewHub()
	at := time.Date(2026, time.March, 10, 14, 3, 0, 0, time.UTC)
	h.Now = func() time.Time { return at }
	open := func(id int64) *tui.Conn {
		c := h.Connect()
		c.Watch("s1", session.ChangeSession)
		c.Joined(id)
		return c
	}
	a1, a2, b := open(1), open(1), open(2)
	board := h.Connect()
	board.Watch("s1", session.ChangePeople) // a facilitator: nobody in the session

	on, left := h.Presence("s1")
	if !on[1] || !on[2] || len(on) != 2 || len(left) != 0 {
		t.Fatalf("all connected: connected %v, left %v; want 1 and 2, nobody left", on, left)
	}
	a1.Close() // a second window of participant 1 is still open
	b.Close()
	on, left = h.Presence("s1")
	if !on[1] || on[2] || !left[2].Equal(at) || len(left) != 1 {
		t.Fatalf("after 2 left: connected %v, left %v; want 1 connected, 2 left at %v", on, left, at)
	}
	a2.Close()
	if on, left = h.Presence("s1"); len(on) != 0 || len(left) != 2 {
		t.Fatalf("after everyone left: connected %v, left %v", on, left)
	}
	// Back again: connected, and no longer listed as gone.
	open(2)
	if on, left = h.Presence("s1"); !on[2] || len(left) != 1 {
		t.Fatalf("after 2 came back: connected %v, left %v", on, left)
	}
	if on, left := h.Presence("s2"); len(on)+len(left) != 0 {
		t.Errorf("another session has presence %v, %v", on, left)
	}
	// Joined, on the name screen (it watches nothing yet): connected, which the
	// board said they were not; gone once the connection closes.
	naming := h.Connect()
	naming.Is("s1", 3)
	if on, _ := h.Presence("s1"); !on[3] {
		t.Errorf("someone on the name screen is not connected: %v", on)
	}
	naming.Close()
	if on, _ := h.Presence("s1"); on[3] {
		t.Errorf("a closed name screen is connected: %v", on)
	}
}
