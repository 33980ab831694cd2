package session_test

import (
	"context"
	"testing"
	"time"

	"github.com/charter-tool/charter/session"
)

// A session planned for a later day and begun today is held today: leaving the
// lobby dates it so, and an action point may then be due before the day it was
// planned for. A date of a day gone by is the facilitator's and stays.
func TestBeginningASessionPlannedForALaterDayDatesItToday(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	svc, _ := MustOpenService(t)
	svc.Now = func() time.Time { return time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC) }
	for _, tt := range []struct{ planned, held string }{
		{"2027-03-09", "2026-12-06"},
		{"2026-12-06", "2026-12-06"},
		{"2026-11-30", "2026-11-30"},
		{"", "2026-12-06"}, // planned with no day, weeks before
	} {
		sess, err := svc.NewSession(ctx, session.Session{Title: "Developers Berlin", Audience: session.AudienceDevelopers, Date: tt.planned})
		if err != nil {
			t.Fatal(err)
		}
		if got, err := svc.SetPhase(ctx, sess.ID, session.PhaseCheckIn); err != nil || got.Date != tt.held {
			t.Errorf("planned for %s and begun: dated %q (%v), want %s", tt.planned, got.Date, err, tt.held)
		}
		if got, err := svc.Session(ctx, sess.ID); err != nil || got.Date != tt.held {
			t.Errorf("planned for %s and begun: stored as %q (%v), want %s", tt.planned, got.Date, err, tt.held)
		}
	}

	sess, err := svc.NewSession(ctx, session.Session{Title: "Developers Lyon", Audience: session.AudienceDevelopers, Date: "2027-03-09"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SetPhase(ctx, sess.ID, session.PhaseActions); err != nil {
		t.Fatal(err)
	}
	a, err := svc.AddAction(ctx, session.ActionPoint{SessionID: sess.ID, Title: "Run a threat modelling clinic", Priority: session.PriorityHigh})
	if err != nil {
		t.Fatal(err)
	}
	if err := svc.SetActionDue(ctx, a.ID, "2027-01-15"); err != nil {
		t.Errorf("an action point due after the day it was held, before the day it was planned for: %v", err)
	}
	later := "2027-03-09"
	// Once begun, the day is the facilitator's: a later one given on purpose stays
	// through going back and forth.
	if _, err := svc.EditSession(ctx, sess.ID, session.SessionEdit{Date: &later}); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SetPhase(ctx, sess.ID, session.PhaseLobby); err != nil {
		t.Fatal(err)
	}
	if got, err := svc.SetPhase(ctx, sess.ID, session.PhaseCheckIn); err != nil || got.Date != "2027-03-09" {
		t.Errorf("a day given after it began: %q (%v)", got.Date, err)
	}
}
