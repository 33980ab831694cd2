package tui

import (
	"testing"
	"time"

	"github.com/charter-tool/charter/session"
)

// Drafts nobody comes back for are dropped when they are two hours old, not kept
// until the server stops: a close sweeps them, in every session.
func TestHubSweepsOldDrafts(t *testing.T) {
	h := NewHub()
	now := time.Date(2026, 3, 10, 14, 0, 0, 0, time.UTC)
	h.Now = func() time.Time { return now }
	for i, sid := range []string{"s1", "s2", "s3"} {
		c := h.Connect()
		c.Watch(sid, session.ChangeNotes)
		c.Joined(int64(i + 1))
		c.KeepDraft(Draft{Text: "unsent"})
		c.Close()
	}
	if n := len(h.drafts); n != 3 {
		t.Fatalf("%d sessions hold drafts, want 3", n)
	}
	now = now.Add(2*time.Hour + time.Minute)
	h.Connect().Close()
	if n := len(h.drafts); n != 0 {
		t.Errorf("%d sessions still hold drafts two hours old", n)
	}
}

// An activity renamed on the board is renamed in the notes waiting for their
// writers' next connection, in that session only, the notes after them too: kept
// under the old name, the note came back as a proposal of a name nobody lists.
func TestRenamedActivityReachesParkedDrafts(t *testing.T) {
	h := NewHub()
	park := func(sid string, pid int64, d Draft) {
		c := h.Connect()
		c.Watch(sid, session.ChangeNotes)
		c.Joined(pid)
		c.KeepDraft(d)
		c.Close()
	}
	next := &Draft{Text: "then this", Area: session.AreaActivities, Lane: "more", Activity: "threat modelling"}
	park("s1", 1, Draft{Text: "unsent", Area: session.AreaActivities, Lane: "keep", Activity: "threat modelling", Next: next})
	park("s1", 2, Draft{Text: "other", Area: session.AreaActivities, Lane: "keep", Activity: "pen tests"})
	park("s2", 1, Draft{Text: "elsewhere", Area: session.AreaActivities, Lane: "keep", Activity: "threat modelling"})

	h.ActivityRenamed("s1", "threat modelling", "threat modeling")

	c := h.Connect()
	d, ok := c.TakeDraft("s1", 1)
	if !ok || d.Activity != "threat modeling" || d.Next == nil || d.Next.Activity != "threat modeling" {
		t.Errorf("the parked note and the one after it are %+v / %+v, want both under threat modeling", d, d.Next)
	}
	if next.Activity != "threat modelling" {
		t.Error("the rename changed a draft handed on, not a copy")
	}
	if d, _ := c.TakeDraft("s1", 2); d.Activity != "pen tests" {
		t.Errorf("another activity's note became %q", d.Activity)
	}
	if d, _ := c.TakeDraft("s2", 1); d.Activity != "threat modelling" {
		t.Errorf("another session's note became %q", d.Activity)
	}
}

// A connection that closes after a rename, before its screen read the session
// again, parks its note under the old name: the rename still reaches it, and a
// note taken back from a connection found gone, and not one kept after the rename.
func TestRenameBeforeTheScreenReadReachesTheDraftItLeaves(t *testing.T) {
	h := NewHub()
	keep := func(pid int64, text, activity string) *Conn {
		c := h.Connect()
		c.Watch("s1", session.ChangeNotes)
		c.Joined(pid)
		c.KeepDraft(Draft{Text: text, Area: session.AreaActivities, Lane: "keep", Activity: activity, seq: h.renameSeq.Load()})
		return c
	}
	closing := keep(1, "unsent", "threat modelling")
	silent := keep(2, "typed before the network went", "threat modelling")
	silent.SetProbe(func(time.Duration) bool { return false }, func() {})
	h.ActivityRenamed("s1", "threat modelling", "threat modeling")
	// Kept after the rename under a name its writer typed: not renamed again.
	after := keep(3, "proposed anew", "threat modelling")
	closing.Close()
	after.Close()

	c := h.Connect()
	if d, _ := c.TakeDraft("s1", 1); d.Activity != "threat modeling" {
		t.Errorf("the note left after the rename is under %q, want threat modeling", d.Activity)
	}
	if d, _ := c.TakeDraft("s1", 3); d.Activity != "threat modelling" {
		t.Errorf("a note kept after the rename became %q", d.Activity)
	}
	back := h.Connect()
	back.Watch("s1", session.ChangeNotes)
	back.Joined(2)
	if d, ok := back.ReclaimDraft("s1", 2, time.Millisecond); !ok || d.Activity != "threat modeling" {
		t.Errorf("the note taken back from the silent connection: %+v, %v, want it under threat modeling", d, ok)
	}
}
