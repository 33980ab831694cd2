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
	sess := mustSession(t, svc)
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
	if err := svc.SetActionDue(ctx, a.ID, "30.6.2026"); session.ErrorCode(err) != session.EInvalid {
		t.Errorf("a date not as YYYY-MM-DD: %v", err)
	}
	if err := svc.SetActionDue(ctx, a.ID+99, "2026-06-30"); session.ErrorCode(err) != session.ENotFound {
		t.Errorf("an unknown action point: %v", err)
	}
}
