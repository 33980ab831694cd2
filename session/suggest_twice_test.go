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
	later := []string{"nobody retests after the pentest", "pentest results arrive too late to fix"}
	label := aloneLabel(t, svc, later...)

	// A session whose facilitator gave that name to a theme of other notes.
	sess := namedSession(t, svc, label, "concern", "the coffee machine is broken again", "no coffee on the third floor")
	got := suggestAfterLateNotes(t, svc, sess, later...)
	if len(got) < 2 {
		t.Fatalf("suggestions = %+v, want the arranged theme and a new one", got)
	}
}

// Nor under the name that tells it apart from such a theme, when another theme
// of the session bears that one too.
func TestSuggestThemesNewThemeTakesNoArrangedNameTwice(t *testing.T) {
	t.Parallel()
	svc, _ := MustOpenService(t)
	ctx := context.Background()
	later := []string{"nobody retests after the pentest", "pentest results arrive too late to fix"}
	label := aloneLabel(t, svc, later...)
	// The name the new theme gets beside one theme of its label.
	var apart string
	for _, th := range suggestAfterLateNotes(t, svc, namedSession(t, svc, label, "concern", "the coffee machine is broken again", "no coffee on the third floor"), later...) {
		if th.ID == 0 {
			apart = th.Label
		}
	}
	if apart == "" || apart == label {
		t.Fatalf("beside a theme named %q the new theme is named %q", label, apart)
	}

	// A session that has both names, for other notes.
	sess, ids := campaignSession(t, svc, "concern", "the coffee machine is broken again", "no coffee on the third floor",
		"parking spaces are gone by eight", "the car park closes too early")
	if err := svc.SaveThemes(ctx, sess.ID, []session.Theme{
		{Label: label, Named: true, NoteIDs: ids[:2]},
		{Label: apart, Named: true, NoteIDs: ids[2:]},
	}); err != nil {
		t.Fatal(err)
	}
	if got := suggestAfterLateNotes(t, svc, sess, later...); len(got) < 3 {
		t.Fatalf("suggestions = %+v, want the two arranged themes and a new one", got)
	}
}

// aloneLabel is the label notes of texts get when they are a session's only notes.
func aloneLabel(t *testing.T, svc *session.Service, texts ...string) string {
	t.Helper()
	probe, _ := campaignSession(t, svc, "concern", texts...)
	alone, err := svc.SuggestThemes(context.Background(), probe.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(alone) != 1 {
		t.Fatalf("the notes alone make %d themes, want 1: %+v", len(alone), alone)
	}
	return alone[0].Label
}
