package session_test

import (
	"bytes"
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/report"
)

func findings(t *testing.T, svc *session.Service, sessionID string) *report.Findings {
	t.Helper()
	d, err := report.Load(context.Background(), svc, sessionID)
	if err != nil {
		t.Fatal(err)
	}
	return report.Build(d)
}

func markdown(t *testing.T, f *report.Findings) string {
	t.Helper()
	var b bytes.Buffer
	if err := f.WriteMarkdown(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// closedBoard is a session where both participants rated, voted and volunteered,
// then closed.
func closedBoard(t *testing.T) (*board, *session.Theme, *session.ActionPoint) {
	t.Helper()
	ctx := context.Background()
	bd := mustBoard(t, "threat models come too late", "pen test reports come too late")
	for p, r := range map[int64]int{bd.a.ID: 2, bd.b.ID: 5} {
		if err := bd.svc.Rate(ctx, p, r); err != nil {
			t.Fatal(err)
		}
	}
	th := bd.themes(t, map[string][]int{"late findings": {0, 1}})
	bd.phase(t, session.PhaseVote)
	for _, p := range []int64{bd.a.ID, bd.b.ID} {
		if err := bd.svc.Vote(ctx, p, th[0].ID, 1); err != nil {
			t.Fatal(err)
		}
	}
	bd.phase(t, session.PhaseActions)
	a, err := bd.svc.AddAction(ctx, session.ActionPoint{SessionID: bd.sess.ID, ThemeID: th[0].ID, Title: "Threat model at design time"})
	if err != nil {
		t.Fatal(err)
	}
	if err := bd.svc.Volunteer(ctx, bd.b.ID, a.ID, true); err != nil {
		t.Fatal(err)
	}
	bd.phase(t, session.PhaseClosed)
	return bd, th[0], a
}

// Nothing changes a closed session's results: every change is refused and the
// findings stay as they were at the close.
func TestClosedSessionResultsAreFrozen(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	bd, th, a := closedBoard(t)
	before := findings(t, bd.svc, bd.sess.ID)
	changes := map[string]func() error{
		"remove a participant": func() error { return bd.svc.RemoveParticipant(ctx, bd.b.ID) },
		"hide a note":          func() error { return bd.svc.HideNote(ctx, bd.notes[0].ID, true) },
		"rate":                 func() error { return bd.svc.Rate(ctx, bd.a.ID, 5) },
		"vote":                 func() error { return bd.svc.Vote(ctx, bd.a.ID, th.ID, 1) },
		"volunteer":            func() error { return bd.svc.Volunteer(ctx, bd.a.ID, a.ID, true) },
		"withdraw":             func() error { return bd.svc.Volunteer(ctx, bd.b.ID, a.ID, false) },
		"rename a theme":       func() error { return bd.svc.RenameTheme(ctx, th.ID, "something else") },
		"move a note":          func() error { return bd.svc.MoveNote(ctx, bd.notes[0].ID, 0) },
		"delete a theme":       func() error { return bd.svc.DeleteTheme(ctx, th.ID) },
		"delete an action":     func() error { return bd.svc.DeleteAction(ctx, a.ID) },
		"retitle an action": func() error {
			c := *a
			c.Title = "Something else"
			return bd.svc.UpdateAction(ctx, c)
		},
		"add an action": func() error {
			_, err := bd.svc.AddAction(ctx, session.ActionPoint{SessionID: bd.sess.ID, Title: "New"})
			return err
		},
	}
	for name, change := range changes {
		if err := change(); session.ErrorCode(err) != session.EForbidden {
			t.Errorf("%s in a closed session: %v, want forbidden", name, err)
		}
	}
	if after := findings(t, bd.svc, bd.sess.ID); !reflect.DeepEqual(before, after) {
		t.Errorf("the findings changed after the close:\nbefore %+v\nafter  %+v", before, after)
	}

	// Following up an action point is not changing the results.
	c := *a
	c.Status = session.ActionStatus("in-progress")
	if err := bd.svc.UpdateAction(ctx, c); err != nil {
		t.Errorf("status of an action point after the close: %v", err)
	}
	// Nor is naming its owner, often done after the session.
	c.Owner = "Platform lead"
	if err := bd.svc.UpdateAction(ctx, c); err != nil {
		t.Errorf("owner of an action point after the close: %v", err)
	}
	// Its priority is part of the results.
	if c.Priority = session.PriorityHigh; a.Priority == session.PriorityHigh {
		c.Priority = session.PriorityLow
	}
	if err := bd.svc.UpdateAction(ctx, c); session.ErrorCode(err) != session.EForbidden {
		t.Errorf("priority of an action point after the close: %v, want it refused", err)
	}
}

// Removing someone during a live session takes them out of the room; what they
// contributed stays.
func TestRemovalKeepsContributions(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	bd, _, _ := closedBoard(t)
	before := findings(t, bd.svc, bd.sess.ID)
	bd.phase(t, session.PhaseActions)
	if err := bd.svc.RemoveParticipant(ctx, bd.b.ID); err != nil {
		t.Fatal(err)
	}
	after := findings(t, bd.svc, bd.sess.ID)
	if before.Participation != after.Participation || !reflect.DeepEqual(before.Confidence, after.Confidence) {
		t.Errorf("participation or confidence changed: %+v %+v -> %+v %+v", before.Participation, before.Confidence, after.Participation, after.Confidence)
	}
	if !reflect.DeepEqual(before.Themes, after.Themes) || !reflect.DeepEqual(before.Actions, after.Actions) {
		t.Errorf("themes or action points changed:\n%+v\n%+v\n->\n%+v\n%+v", before.Themes, before.Actions, after.Themes, after.Actions)
	}
	if _, err := bd.svc.Join(ctx, bd.sess.ID, "hash-b"); session.ErrorCode(err) != session.EForbidden {
		t.Errorf("the removed key joined again: %v", err)
	}
}

// Reopening a closed session is recorded, and the findings say so.
func TestReopenedSessionSaysSo(t *testing.T) {
	t.Parallel()
	bd, _, _ := closedBoard(t)
	if md := markdown(t, findings(t, bd.svc, bd.sess.ID)); strings.Contains(md, "Reopened") {
		t.Fatalf("a session never reopened says it was:\n%s", md)
	}
	bd.svc.Now = func() time.Time { return time.Date(2026, 3, 12, 9, 0, 0, 0, time.UTC) }
	bd.phase(t, session.PhaseActions)
	bd.phase(t, session.PhaseClosed)
	f := findings(t, bd.svc, bd.sess.ID)
	if f.Session.ReopenedOn != "2026-03-12" {
		t.Errorf("reopened on %q, want 2026-03-12", f.Session.ReopenedOn)
	}
	if md := markdown(t, f); !strings.Contains(md, "Reopened after closing on 2026-03-12") {
		t.Errorf("the findings do not say the session was reopened:\n%s", md)
	}
}

// How many wrote, in a document, does not move as notes are hidden and shown:
// hiding every note and showing them one at a time, a document exported after each
// would otherwise tell which notes share a writer.
func TestWritersInDocumentsIgnoreHiding(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	bd := mustBoard(t, "a's first note", "b's note", "a's second note")
	wrote := func() int {
		t.Helper()
		return findings(t, bd.svc, bd.sess.ID).Participation.Wrote
	}
	if got := wrote(); got != 2 {
		t.Fatalf("%d wrote, want 2", got)
	}
	for _, hide := range [][]int{{1}, {1, 0}, {1, 0, 2}} {
		for _, i := range hide {
			if err := bd.svc.HideNote(ctx, bd.notes[i].ID, true); err != nil {
				t.Fatal(err)
			}
		}
		if got := wrote(); got != 2 {
			t.Errorf("with notes %v hidden the document says %d wrote, want 2 still", hide, got)
		}
		for _, i := range hide {
			if err := bd.svc.HideNote(ctx, bd.notes[i].ID, false); err != nil {
				t.Fatal(err)
			}
		}
	}
}
