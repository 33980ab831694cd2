package session_test

import (
	"context"
	"testing"

	"github.com/charter-tool/charter/session"
)

// A new theme the notes written later make is not offered under the name of a
// theme the session already has, whoever gave the name: two themes of one name
// read as one on the board and in the findings.
func TestSuggestThemesNewThemeTakesNoArrangedName(t *testing.T) {
	t.Parallel()
	svc, _ := MustOpenService(t)
	ctx := context.Background()
	later := []string{"nobody retests after the pentest", "pentest results arrive too late to fix"}
	// The label the later notes get on their own.
	probe, _ := campaignSession(t, svc, "concern", later...)
	alone, err := svc.SuggestThemes(ctx, probe.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(alone) != 1 {
		t.Fatalf("the later notes alone make %d themes, want 1: %+v", len(alone), alone)
	}
	label := alone[0].Label

	// A session whose facilitator gave that name to a theme of other notes.
	sess, ids := campaignSession(t, svc, "concern", "the coffee machine is broken again", "no coffee on the third floor")
	if err := svc.SaveThemes(ctx, sess.ID, []session.Theme{{Label: label, Named: true, NoteIDs: ids}}); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SetPhase(ctx, sess.ID, session.PhaseWrite); err != nil {
		t.Fatal(err)
	}
	p, err := svc.Join(ctx, sess.ID, "late-"+sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range later {
		if _, err := svc.AddNote(ctx, p.ID, session.Note{Area: session.AreaConfidence, Lane: "concern", Text: text}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := svc.SetPhase(ctx, sess.ID, session.PhaseGroup); err != nil {
		t.Fatal(err)
	}
	got, err := svc.SuggestThemes(ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) < 2 {
		t.Fatalf("suggestions = %+v, want the arranged theme and a new one", got)
	}
	seen := map[string]bool{}
	for _, th := range got {
		if seen[th.Label] {
			t.Errorf("two suggested themes are named %q: %+v", th.Label, got)
		}
		seen[th.Label] = true
		t.Logf("suggested %q", th.Label)
	}
}
