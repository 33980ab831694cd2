package session_test

import (
	"context"
	"slices"
	"testing"

	"github.com/charter-tool/charter/session"
)

// Placing later notes adds them to the arranged themes and makes new themes of the
// rest, and never undoes what the facilitator did since the suggestion was made: a
// note moved meanwhile stays where it was moved, a deleted theme gains nothing.
func TestPlaceNotesKeepsWhatWasArrangedMeanwhile(t *testing.T) {
	t.Parallel()
	bd := mustBoard(t, "pentest reports are late", "retest pentest fixes",
		"phishing drills every quarter", "a button to report phishing", "coffee", "tea")
	ctx := context.Background()
	arranged := bd.themes(t, map[string][]int{"Pentests": {0}, "Phishing": {2}, "Drinks": {4}})
	byLabel := map[string]*session.Theme{}
	for _, th := range arranged {
		byLabel[th.Label] = th
	}
	pen, phish, drinks := byLabel["Pentests"], byLabel["Phishing"], byLabel["Drinks"]
	// Meanwhile the facilitator moves note 3 into Phishing and deletes Drinks.
	if err := bd.svc.MoveNote(ctx, bd.notes[3].ID, phish.ID); err != nil {
		t.Fatal(err)
	}
	if err := bd.svc.DeleteTheme(ctx, drinks.ID); err != nil {
		t.Fatal(err)
	}
	n, err := bd.svc.PlaceNotes(ctx, bd.sess.ID, []session.Theme{
		{ID: pen.ID, NoteIDs: bd.ids(1, 3)},
		{ID: drinks.ID, NoteIDs: bd.ids(5)},
		{Label: "Something new", NoteIDs: bd.ids(4)},
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != 2 {
		t.Errorf("placed %d notes, want 2 (note 1 into Pentests, note 4 as a new theme)", n)
	}
	got, err := bd.svc.Themes(ctx, bd.sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]int64{"Pentests": bd.ids(0, 1), "Phishing": bd.ids(2, 3), "Something new": bd.ids(4)}
	if len(got) != len(want) {
		t.Fatalf("themes after placing: %d, want %d", len(got), len(want))
	}
	for _, th := range got {
		if !slices.Equal(th.NoteIDs, want[th.Label]) {
			t.Errorf("theme %q holds %v, want %v", th.Label, th.NoteIDs, want[th.Label])
		}
		if th.Label == "Pentests" && th.ID != pen.ID {
			t.Errorf("Pentests has ID %d now, want %d (votes and actions stay with it)", th.ID, pen.ID)
		}
	}
}
