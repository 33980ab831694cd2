package session_test

import (
	"context"
	"testing"

	"github.com/charter-tool/charter/session"
)

func TestSetActionDue(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	svc, _ := MustOpenService(t)
	sess, err := svc.NewSession(ctx, session.Session{Title: "Developers Berlin", Audience: session.AudienceDevelopers, Date: "2026-03-10"})
	if err != nil {
		t.Fatal(err)
	}
	a, err := svc.AddAction(ctx, session.ActionPoint{SessionID: sess.ID, Title: "Run a threat modelling clinic", Priority: session.PriorityHigh})
	if err != nil {
		t.Fatal(err)
	}
	due := func() string {
		t.Helper()
		acts, err := svc.Actions(ctx, sess.ID)
		if err != nil {
			t.Fatal(err)
		}
		return acts[0].Due
	}
	for _, tt := range []struct{ in, want string }{{"2026-06-30", "2026-06-30"}, {" 2026-07-01 ", "2026-07-01"}, {"", ""}} {
		if err := svc.SetActionDue(ctx, a.ID, tt.in); err != nil {
			t.Fatalf("SetActionDue(%q): %v", tt.in, err)
		}
		if got := due(); got != tt.want {
			t.Errorf("after %q the due date is %q, want %q", tt.in, got, tt.want)
		}
	}
	if err := svc.SetActionDue(ctx, a.ID, "2026-06-30"); err != nil {
		t.Fatal(err)
	}
	// A day before the session is a slip of the year, not a plan: refused, and the
	// day already set stays.
	err = svc.SetActionDue(ctx, a.ID, "2025-06-30")
	if session.ErrorCode(err) != session.EInvalid || session.ErrorMessage(err) != "2025-06-30 is before the session (2026-03-10): give a day from 2026-03-10 on." {
		t.Errorf("a day before the session: %v", err)
	}
	if got := due(); got != "2026-06-30" {
		t.Errorf("after a refused day the due date is %q, want 2026-06-30 kept", got)
	}
	if err := svc.SetActionDue(ctx, a.ID, "2026-03-10"); err != nil {
		t.Errorf("the session's own day: %v", err)
	}
	if err := svc.SetActionDue(ctx, a.ID, "30.6.2026"); session.ErrorCode(err) != session.EInvalid {
		t.Errorf("a date not as YYYY-MM-DD: %v", err)
	}
	if err := svc.SetActionDue(ctx, a.ID+99, "2026-06-30"); session.ErrorCode(err) != session.ENotFound {
		t.Errorf("an unknown action point: %v", err)
	}
}
