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

// Placing later notes keeps a suggested name's side true, as moving notes does: a
// theme named "(more)" that gains notes asking for less until its notes no longer
// agree loses the side (the board showed "hands-on hacking (motivates)" over four
// notes, two of them asking for more, until a merge elsewhere relabelled it).
func TestPlaceNotesKeepsTheSideTrue(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	bd := mustBoard(t, "more pen tests", "pen tests earlier")
	for _, p := range []*session.Participant{bd.a, bd.b} {
		n, err := bd.svc.AddNote(ctx, p.ID, session.Note{Area: session.AreaActivities, Lane: "less", Text: "fewer pen test gates " + p.Pseudonym})
		if err != nil {
			t.Fatal(err)
		}
		bd.notes = append(bd.notes, n)
	}
	th := bd.themes(t, map[string][]int{"pen tests (more)": {0, 1}})
	bd.phase(t, session.PhaseGroup)
	if _, err := bd.svc.PlaceNotes(ctx, bd.sess.ID, []session.Theme{{ID: th[0].ID, NoteIDs: bd.ids(2, 3)}}); err != nil {
		t.Fatal(err)
	}
	got, err := bd.svc.Themes(ctx, bd.sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Fatalf("%d themes after placing, want 1", len(got))
	}
	if got[0].Label != "pen tests" {
		t.Errorf("after placing two notes for less into a theme of two for more: %q, want the name without its side", got[0].Label)
	}
}
