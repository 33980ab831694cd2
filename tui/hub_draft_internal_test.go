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
