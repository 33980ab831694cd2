package session_test

import (
	"context"
	"testing"
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
	sess := namedSession(t, svc, label, "concern", "the coffee machine is broken again", "no coffee on the third floor")
	got := suggestAfterLateNotes(t, svc, sess, later...)
	if len(got) < 2 {
		t.Fatalf("suggestions = %+v, want the arranged theme and a new one", got)
	}
}
