package session_test

import (
	"context"
	"slices"
	"testing"

	"github.com/charter-tool/charter/session"
)

// One change takes two themes away (SaveThemes without them: accepting some
// suggestions only), then another session makes a theme, then the change is undone:
// both come back with their IDs, in their places. Before theme IDs were kept
// (migration 024), the other session's theme took the lower freed ID; the undo gave
// the first theme a new one, which SQLite took from the second, and the undo failed
// on the second's ("UNIQUE constraint failed: themes.id") every time it was tried.
func TestRestoreThemesTwoGoneAndANewThemeElsewhere(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	bd := mustBoard(t, "pen tests", "training", "threat models")
	bd.phase(t, session.PhaseGroup)
	before := bd.themes(t, map[string][]int{"a pen tests": {0}, "b training": {1}, "c threat models": {2}})
	var was []session.Theme
	for _, th := range before {
		was = append(was, *th)
	}
	if err := bd.svc.SaveThemes(ctx, bd.sess.ID, was[:1]); err != nil {
		t.Fatal(err)
	}
	other := bd.other(t, "secure defaults")
	other.phase(t, session.PhaseGroup)
	other.themes(t, map[string][]int{"defaults": {0}})
	if err := bd.svc.RestoreThemes(ctx, bd.sess.ID, was); err != nil {
		t.Fatalf("undo refused: %v", err)
	}
	got, err := bd.svc.Themes(ctx, bd.sess.ID)
	if err != nil || len(got) != 3 {
		t.Fatalf("restored %d themes, %v", len(got), err)
	}
	for i, th := range got {
		if th.ID != was[i].ID || th.Label != was[i].Label {
			t.Errorf("theme %d restored as %q (ID %d), want %q (ID %d)", i+1, th.Label, th.ID, was[i].Label, was[i].ID)
		}
	}
}

// Two deletions undone one after the other, another session having made a theme
// meanwhile: each theme comes back as itself, in its place. Before theme IDs were
// kept, the first undo gave "a" the ID "b" had, and the second turned that theme
// into "b" and made "a" anew: what referred to "a" then meant "b".
func TestRestoreThemesTwoUndosKeepOrder(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	bd := mustBoard(t, "pen tests", "training")
	bd.phase(t, session.PhaseGroup)
	before := bd.themes(t, map[string][]int{"a pen tests": {0}, "b training": {1}})
	step1 := []session.Theme{*before[0], *before[1]}
	if err := bd.svc.DeleteTheme(ctx, before[1].ID); err != nil {
		t.Fatal(err)
	}
	step2 := []session.Theme{*before[0]}
	if err := bd.svc.DeleteTheme(ctx, before[0].ID); err != nil {
		t.Fatal(err)
	}
	other := bd.other(t, "secure defaults")
	other.phase(t, session.PhaseGroup)
	other.themes(t, map[string][]int{"defaults": {0}})
	for _, step := range [][]session.Theme{step2, step1} {
		if err := bd.svc.RestoreThemes(ctx, bd.sess.ID, step); err != nil {
			t.Fatal(err)
		}
	}
	got, err := bd.svc.Themes(ctx, bd.sess.ID)
	if err != nil || len(got) != 2 {
		t.Fatalf("%d themes, %v", len(got), err)
	}
	for i, th := range got {
		if th.ID != before[i].ID || th.Label != before[i].Label {
			t.Errorf("theme %d is %q (ID %d), want %q (ID %d)", i+1, th.Label, th.ID, before[i].Label, before[i].ID)
		}
	}
}

// A campaign's split pair stays with a theme deleted (or merged away) on the board
// and comes back with it when the change is undone; while the theme is gone, the
// pair is not read.
func TestUndoOfADeleteKeepsTheCampaignSplit(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	bd := mustBoard(t, "pen tests", "training")
	other := bd.other(t, "pen test timing")
	campaign := "Chartering 2026"
	for _, b := range []*board{bd, other} {
		if _, err := b.svc.EditSession(ctx, b.sess.ID, session.SessionEdit{Campaign: &campaign}); err != nil {
			t.Fatal(err)
		}
		b.phase(t, session.PhaseGroup)
	}
	mine := bd.themes(t, map[string][]int{"pen tests": {0}, "training": {1}})
	theirs := other.themes(t, map[string][]int{"pen test timing": {0}})
	if err := bd.svc.SplitThemes(ctx, mine[0].ID, theirs[0].ID); err != nil {
		t.Fatal(err)
	}
	want := [][2]int64{{min(mine[0].ID, theirs[0].ID), max(mine[0].ID, theirs[0].ID)}}
	splits := func() [][2]int64 {
		t.Helper()
		d, err := bd.svc.ReportData(ctx, other.sess.ID)
		if err != nil {
			t.Fatal(err)
		}
		return d.Splits
	}
	if got := splits(); !slices.Equal(got, want) {
		t.Fatalf("splits %v, want %v", got, want)
	}
	was := []session.Theme{*mine[0], *mine[1]}
	if err := bd.svc.DeleteTheme(ctx, mine[0].ID); err != nil {
		t.Fatal(err)
	}
	if got := splits(); len(got) != 0 {
		t.Errorf("with the theme deleted the pair is still read: %v", got)
	}
	if err := bd.svc.RestoreThemes(ctx, bd.sess.ID, was); err != nil {
		t.Fatal(err)
	}
	if got := splits(); !slices.Equal(got, want) {
		t.Errorf("after the undo the splits are %v, want %v", got, want)
	}
}
