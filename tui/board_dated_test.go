package tui_test

import (
	"testing"

	"github.com/charter-tool/charter/session"
)

// A session planned for a later day and begun from the board is dated today, and
// the board says so: its findings and the due dates of its action points go by the
// day it was held.
func TestBeginningASessionPlannedForLaterSaysItIsDatedToday(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, err := w.svc.NewSession(w.ctx, session.Session{Title: "Developers Berlin", Audience: session.AudienceDevelopers,
		Location: "Berlin", Date: "2027-03-09"})
	if err != nil {
		t.Fatal(err)
	}
	b := w.openBoard(sess)
	b.keys("]")
	b.waitFor("Moved to check-in. Dated today (was planned for 2027-03-09).")
	if got := w.session(sess.ID).Date; got != clock.Format(session.DateLayout) {
		t.Errorf("begun, the session is dated %s, want today", got)
	}
}

// A session planned with no day is dated the day it begins, and the board says so:
// undated, the documents gave it the day it was created.
func TestBeginningAnUndatedSessionSaysItIsDatedToday(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, err := w.svc.NewSession(w.ctx, session.Session{Title: "Developers Berlin", Audience: session.AudienceDevelopers})
	if err != nil {
		t.Fatal(err)
	}
	if sess.Date != "" {
		t.Fatalf("a new session without a day got %q", sess.Date)
	}
	b := w.openBoard(sess)
	b.keys("]")
	b.waitFor("Moved to check-in. Dated today, the day it began.")
	if got := w.session(sess.ID).Date; got != clock.Format(session.DateLayout) {
		t.Errorf("begun, the session is dated %q, want today", got)
	}
}
