package tui_test

import (
	"maps"
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
)

// In the preview of where later notes go (g), R names a new theme before A makes
// it, as it names the first suggestions before they are shared; on an arranged
// theme it says why it does not rename it there. It did nothing at all.
func TestBoardPreviewNamesANewThemeBeforePlacing(t *testing.T) {
	t.Parallel()
	w, sess, b := previewOfTwoLateNotes(t)
	b.waitFor("1. (+1 note) pen tests", "new: ", "2 notes without a theme: A places them as shown")

	// The preview opens on the arranged theme that would gain a note.
	b.keys("R")
	b.waitFor("Theme 1 is shared already: R renames it once these notes are placed")
	b.keys("/phishing")
	b.press(tea.KeyEnter)
	b.waitFor("R name new theme")
	b.keys("R")
	b.waitFor("Name before placing: ")
	b.press(tea.KeyCtrlU)
	b.keys("pen tests")
	b.press(tea.KeyEnter)
	b.waitFor("Theme 1 is called “pen tests” already")
	b.press(tea.KeyCtrlU)
	b.keys("phishing")
	b.press(tea.KeyEnter)
	b.waitFor("Named; nobody sees it until A places it.", "new: phishing")
	if got := w.themesOf(sess); len(got) != 2 {
		t.Fatalf("naming in the preview changed the stored themes: %v", got)
	}

	b.keys("A")
	b.waitFor("1 note placed in your themes, 1 new theme made")
	got := w.themesOf(sess)
	if len(got) != 3 || len(got["phishing"]) != 1 || len(got["pen tests"]) != 3 {
		t.Errorf("after placing: %v, want the new theme under the name given and the pen test note in pen tests", got)
	}
	requireFits(t, b.view())
}

// New notes arriving while the preview of where notes go (g) is open join it, and
// the picks made there stay: the board says where the notes went. The picks were
// dropped, and A then placed every note.
func TestBoardPreviewKeepsPicksWithNewNotes(t *testing.T) {
	t.Parallel()
	w, sess, b := previewOfTwoLateNotes(t)
	b.waitFor("2 notes without a theme: A places them as shown")
	b.keys("/phishing")
	b.press(tea.KeyEnter)
	b.keys("v")
	b.waitFor("[x] new: ", "A accept 1 picked")
	if _, err := w.svc.Import(w.ctx, sess.ID, []session.ImportRow{
		{Line: 1, Text: "nobody reads the security wiki", Area: "motivation", Lane: "demotivates"},
	}, session.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	b.waitFor("1 new note offered as a new theme.", "3 notes without a theme: A places them", "nobody reads the security wiki")
	b.keys("A")
	// The notes not picked wait without a theme.
	b.waitFor("0 notes placed in your themes, 1 new theme made", "(no theme yet: 2)")
	got := w.themesOf(sess)
	if len(got) != 3 || len(got["pen tests"]) != 2 || slices.ContainsFunc(slices.Collect(maps.Keys(got)), func(l string) bool { return strings.Contains(l, "wiki") }) {
		t.Errorf("after placing the pick: %v, want only the picked new theme made", got)
	}
}

// A name being typed for a new theme of the preview (g) is given to that theme
// when a note is placed in it meanwhile: the prompt wanted the theme's exact
// notes, said "The preview changed meanwhile" and lost the name typed.
func TestBoardPreviewNameOutlivesANotePlacedInItsTheme(t *testing.T) {
	t.Parallel()
	w, sess, b := previewOfTwoLateNotes(t)
	b.waitFor("2 notes without a theme: A places them as shown")
	b.keys("/phishing")
	b.press(tea.KeyEnter)
	b.waitFor("R name new theme")
	b.keys("R")
	b.waitFor("Name before placing: ")
	b.press(tea.KeyCtrlU)
	b.keys("Phishing")
	if _, err := w.svc.Import(w.ctx, sess.ID, []session.ImportRow{
		{Line: 1, Text: "phishing mails fool the finance team too", Area: "confidence", Lane: "concern"},
	}, session.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	b.waitDrawn("3 notes without a theme")
	b.press(tea.KeyEnter)
	b.waitFor("Named; nobody sees it until A places it.")
	if b.everDrawn("The preview changed meanwhile") {
		t.Fatal("the name was refused as if its theme had gone")
	}
	b.keys("A")
	b.waitFor("new theme")
	if got := w.themesOf(sess); len(got["Phishing"]) != 2 {
		t.Errorf("after placing: %v, want “Phishing” with both phishing notes", got)
	}
}
