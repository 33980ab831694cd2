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

// A connection of a participant that went on to another session, or said on the
// name screen it is someone else, is no longer theirs: when their last connection in
// the session closes, they have left it.
func TestHubPresenceFollowsAConnectionElsewhere(t *testing.T) {
	t.Parallel()
	h := tui.NewHub()
	at := time.Date(2026, time.March, 10, 14, 3, 0, 0, time.UTC)
	h.Now = func() time.Time { return at }
	stay, moved, renamed := h.Connect(), h.Connect(), h.Connect()
	for _, c := range []*tui.Conn{stay, moved} {
		c.Watch("s1", session.ChangeSession)
		c.Joined(1)
	}
	renamed.Is("s1", 1)
	moved.Watch("s2", session.ChangeSession) // another session: nobody there yet
	renamed.Is("s1", 4)                      // another participant of s1
	stay.Close()
	on, left := h.Presence("s1")
	if on[1] || !left[1].Equal(at) {
		t.Fatalf("participant 1's last connection of s1 closed: connected %v, left %v; want 1 left at %v", on, left, at)
	}
	if !on[4] {
		t.Errorf("the name screen that says it is participant 4 is not connected: %v", on)
	}
	// Back in s1 as participant 1: connected, and gone once more when it closes.
	moved.Watch("s1", session.ChangeSession)
	moved.Joined(1)
	if on, _ := h.Presence("s1"); !on[1] {
		t.Fatalf("participant 1 back in s1 is not connected: %v", on)
	}
	later := at.Add(time.Minute)
	h.Now = func() time.Time { return later }
	moved.Close()
	if _, left := h.Presence("s1"); !left[1].Equal(later) {
		t.Errorf("participant 1 left s1 again: left %v, want %v", left, later)
	}
}

// BenchmarkHubTellOwn is the hub's part of every saved note in a room of a
// thousand: finding the author's other connections.
func BenchmarkHubTellOwn(b *testing.B) {
	h := tui.NewHub()
	conns := make([]*tui.Conn, 1000)
	for i := range conns {
		conns[i] = h.Connect()
		conns[i].Watch("s1", session.ChangeSession)
		conns[i].Joined(int64(i + 1))
	}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		conns[i%len(conns)].TellOwn()
	}
}
