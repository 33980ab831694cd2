package tui_test

import (
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
)

// An empty name given with R is refused and the prompt stays open with the
// error, as every other prompt does: the name typed next goes into it. Before,
// the prompt closed, and the "u" of "Build" undid the accepting of every theme.
func TestEmptyThemeNameKeepsThePromptOpen(t *testing.T) {
	t.Parallel()
	w, sess, _ := groupWorld(t)
	b := w.openBoard(sess)
	b.waitEverDrawn("1. pen tests (2)")
	b.keys("R")
	b.waitFor("New name: pen tests")
	b.press(tea.KeyCtrlU)
	b.press(tea.KeyEnter)
	b.waitFor("A theme's name cannot be empty.")
	b.keys("Build")
	b.press(tea.KeyEnter)
	b.waitFor("Theme renamed.")
	if got := w.themesOf(sess); len(got) != 2 || len(got["Build"]) != 2 || len(got["deadlines"]) != 1 {
		t.Errorf("themes %v, want Build (2 notes) and deadlines (1)", got)
	}
}

// An action point's title emptied with e is refused, and the prompt stays open
// for the title typed next (its letters ran as keys on the action point: s
// changed its status, e opened the title again).
func TestEmptyActionTitleKeepsThePromptOpen(t *testing.T) {
	t.Parallel()
	w, sess, _ := groupWorld(t)
	w.setPhase(sess, session.PhaseVote)
	w.setPhase(sess, session.PhaseActions)
	ts, err := w.svc.Themes(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.svc.AddAction(w.ctx, session.ActionPoint{SessionID: sess.ID, ThemeID: ts[0].ID, Title: "Threat modelling clinic"}); err != nil {
		t.Fatal(err)
	}
	b := w.openBoard(sess)
	b.keys("j") // from the first theme to its action point
	b.keys("e")
	b.waitFor("Action point: Threat modelling clinic")
	b.press(tea.KeyCtrlU)
	b.press(tea.KeyEnter)
	b.waitFor("cannot be empty")
	b.keys("Pen test sessions")
	b.press(tea.KeyEnter)
	b.waitFor("Action point updated.")
	as, err := w.svc.Actions(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 1 || as[0].Title != "Pen test sessions" || as[0].Status != session.ActionProposed {
		for _, a := range as {
			t.Errorf("action point %q, %s", a.Title, a.Status)
		}
		t.Fatal("want one action point, proposed, titled \"Pen test sessions\"")
	}
}

// A move to the theme the note is in already changes nothing, and the note stays
// selected: before, the next note was, as after a move.
func TestMoveThatMovesNothingKeepsTheSelection(t *testing.T) {
	t.Parallel()
	w, sess, _ := groupWorld(t)
	b := w.openBoard(sess)
	b.waitEverDrawn("1. pen tests (2)")
	b.keys("j") // the theme's first note
	b.keys("M1")
	b.press(tea.KeyEnter)
	b.waitFor("The note is in “pen tests” already: nothing moved.")
	v := b.view()
	lines := strings.Split(v, "\n")
	i := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, "1. pen tests") })
	if i < 0 || i+1 >= len(lines) || !strings.HasPrefix(lines[i+1], "▸") {
		t.Errorf("the theme's first note is no longer selected:\n%s", v)
	}
}
