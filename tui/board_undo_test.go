package tui_test

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
)

// Two merges in a row, undone in a row (a review found the second undo refused:
// the first made themes anew with IDs the step below held for other themes).
func TestUndoTwoMergesInARow(t *testing.T) {
	t.Parallel()
	w, sess, _, b := manyThemesBoard(t)
	b.selectRow(0)
	b.keys("m")
	b.waitFor("Now select the theme to merge it into")
	b.keys("#2")
	b.press(tea.KeyEnter)
	b.keys("m")
	b.waitFor("merged into 1. “theme 2”")
	b.waitEverDrawn("1. theme 2 (4)")
	b.selectRow(0)
	b.keys("m")
	b.waitFor("Now select the theme to merge it into")
	b.keys("#2")
	b.press(tea.KeyEnter)
	b.keys("m")
	// The merge's own status says it is saved: a u pressed before that is told the
	// change is still being saved, and the test waited for an undo that never came.
	b.waitFor("merged into 1. “theme 3”")
	b.waitEverDrawn("1. theme 3 (6)")
	b.keys("u")
	b.waitFor("Undone: the merge of “theme 2” into “theme 3”.")
	if got := w.themesOf(sess); len(got["theme 2"]) != 4 || len(got["theme 3"]) != 2 {
		t.Fatalf("after the first undo: %v", got)
	}
	b.waitEverDrawn("1. theme 2 (4)")
	b.keys("u")
	b.waitFor("1. theme 1 (2)") // the status reads as before: the list changes
	if got := w.themesOf(sess); len(got) != 8 || len(got["theme 1"]) != 2 {
		v := b.view()
		t.Fatalf("the second undo did not undo the first merge: themes %v; screen:\n%s", got, v)
	}
}

// g with themes arranged, a pick, then a reload for someone joining: the preview
// of where the notes would go keeps the pick (the first reload after g clustered
// again and dropped it).
func TestPlacingPreviewKeepsPicksOverAReload(t *testing.T) {
	t.Parallel()
	w, sess, b := previewOfTwoLateNotes(t)
	b.waitFor("1. (+1 note) pen tests", "2 notes without a theme: A places them as shown")
	b.keys("/phishing")
	b.press(tea.KeyEnter)
	b.keys("v")
	b.waitFor("[x] new: ", "A accept 1 picked")
	w.join(sess, "key-9", "")
	b.waitFor("3 people")
	time.Sleep(300 * time.Millisecond)
	if v := b.view(); !strings.Contains(v, "[x] new: ") {
		t.Fatalf("a reload for someone joining re-clustered the placing preview and dropped the pick:\n%s", v)
	}
}

// u pressed right after a change, before its command came back, never takes back
// the change before it, nor throws the history away: it waits its turn, or says
// the change is still being saved.
func TestUndoRightAfterAChange(t *testing.T) {
	t.Parallel()
	w, sess, _, b := manyThemesBoard(t)
	b.selectRow(1)
	b.keys("M")
	b.waitFor("Move the note to theme (name or number): ")
	b.keys("3")
	b.press(tea.KeyEnter)
	b.waitFor("(u undoes it)")
	// Now a merge, and u at once.
	b.selectRow(3)
	b.keys("m")
	b.waitFor("Now select the theme to merge it into")
	b.keys("#4")
	b.press(tea.KeyEnter)
	b.keys("m")
	b.keys("u")
	time.Sleep(500 * time.Millisecond)
	got := w.themesOf(sess)
	// Either the merge is undone (8 themes, the move kept: theme 3 has 3 notes),
	// or u said there is nothing yet to undo and changed nothing (7 themes, the
	// move kept). Never the move undone with the merge kept.
	if len(got["theme 1"]) != 1 || len(got["theme 3"]) != 3 && len(got["theme 4"]) != 3+2 {
		t.Fatalf("u right after a merge: themes %v; screen:\n%s", got, b.view())
	}
	if v := b.view(); strings.Contains(v, "Not undone") {
		t.Fatalf("u right after a merge refused and dropped the history:\n%s", v)
	}
}

// A change while grouping, undone, leaves the themes it did not touch as they were:
// the same themes, so a campaign's split of one of them from another session's theme
// still holds (the undo made every theme anew, and the split went with the old one).
func TestUndoKeepsACampaignSplit(t *testing.T) {
	t.Parallel()
	w, ids := campaignWorld(t)
	if err := w.svc.SplitThemes(w.ctx, ids[0], ids[1]); err != nil {
		t.Fatal(err)
	}
	sess, err := w.db.Session(w.ctx, sessionOf(t, w, ids[0]))
	if err != nil {
		t.Fatal(err)
	}
	b := w.openBoard(sess)
	b.waitDrawn("1. Pentests (2)")
	b.keys("/months late")
	b.press(tea.KeyEnter)
	b.keys("S")
	b.waitFor("Note split out", "2. pentest reports arrive months late (1)")
	b.keys("u")
	b.waitFor("Undone: the note split out of “Pentests”.")
	ths, err := w.svc.Themes(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(ths) != 1 || len(ths[0].NoteIDs) != 2 {
		t.Fatalf("after the undo: %d themes, want the one of 2 notes", len(ths))
	}
	if ths[0].ID != ids[0] {
		t.Errorf("after the undo the theme is theme %d, want it to be theme %d still", ths[0].ID, ids[0])
	}
	split, err := w.db.ThemeSplits(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := [2]int64{min(ids[0], ids[1]), max(ids[0], ids[1])}; len(split) != 1 || split[0] != want {
		t.Errorf("stored splits after the undo %v, want the pair %v", split, want)
	}
}

// u says which change it took back, by the themes' names: after several renames
// (the undo goes back up to 30 changes) "Undone: the rename." did not say which
// theme got its old name back, and the theme may be off the screen.
func TestUndoNamesWhatItTookBack(t *testing.T) {
	t.Parallel()
	_, _, _, b := manyThemesBoard(t)
	b.selectRow(0)
	b.keys("R")
	b.waitFor("New name: ")
	b.press(tea.KeyCtrlU)
	b.keys("pen tests")
	b.press(tea.KeyEnter)
	b.waitFor("Theme renamed. (u undoes it)")
	b.keys("u")
	b.waitFor("Undone: the rename of “theme 1” to “pen tests”.")
}

// refiledBoard is a session in the group phase with the themes “recognition” (its
// one note, the only note of the open topic Recognition) and “pen tests” (two),
// its board open on the themes with that note selected, and the note.
func refiledBoard(t *testing.T) (*world, *session.Session, *session.Note, *term) {
	t.Helper()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)
	a, c := w.join(sess, "key-1", ""), w.join(sess, "key-2", "")
	lone := w.addNote(a, session.AreaOpen, "Recognition", "Nobody thanks us for fixing findings")
	n2 := w.addNote(c, session.AreaActivities, "more", "more pen tests before release")
	n3 := w.addNote(a, session.AreaActivities, "more", "pen test findings come too late")
	w.setPhase(sess, session.PhaseGroup)
	if err := w.svc.SaveThemes(w.ctx, sess.ID, []session.Theme{
		{Label: "recognition", NoteIDs: []int64{lone.ID}},
		{Label: "pen tests", NoteIDs: []int64{n2.ID, n3.ID}},
	}); err != nil {
		t.Fatal(err)
	}
	b := w.openBoard(sess)
	b.waitDrawn("1. recognition (1)")
	b.keys("/nobody thanks")
	b.press(tea.KeyEnter)
	b.waitDrawn("▸    ★ [open · Recognition] Nobody thanks us")
	return w, sess, lone, b
}

// placeOf is where note id is stored: "area/lane".
func (w *world) placeOf(s *session.Session, id int64) string {
	w.t.Helper()
	for _, n := range w.notes(s) {
		if n.ID == id {
			return string(n.Area) + "/" + n.Lane
		}
	}
	w.t.Fatalf("note %d is not stored", id)
	return ""
}

// L while grouping is a change u takes back, as the board's moves are: the note
// goes back to its lane, here the open topic whose only note it was, in its theme.
func TestUndoTakesBackAMoveToAnotherLane(t *testing.T) {
	t.Parallel()
	w, sess, lone, b := refiledBoard(t)
	b.keys("L")
	b.waitFor("Move the note to lane (number):")
	b.keys("7")
	b.press(tea.KeyEnter)
	b.waitFor("Note moved to mot motivates. (u undoes it)")
	if got := w.placeOf(sess, lone.ID); got != "motivation/motivates" {
		t.Fatalf("L stored the note in %s", got)
	}
	b.keys("u")
	b.waitFor("Undone: the move of “Nobody thanks us for fixing f…” to mot motivates.")
	if got := w.placeOf(sess, lone.ID); got != "open/Recognition" {
		t.Errorf("after u the note is in %s, want open/Recognition", got)
	}
	if got := w.themesOf(sess); len(got["recognition"]) != 1 || got["recognition"][0] != lone.ID || len(got["pen tests"]) != 2 {
		t.Errorf("after u the themes are %v", got)
	}
	b.waitDrawn("▸    ★ [open · Recognition] Nobody thanks us")

	// From the notes view too, where L is pressed as often.
	b.keys("1")
	b.waitFor("Open topics")
	b.keys("/nobody thanks")
	b.press(tea.KeyEnter)
	b.waitFor("▸ [open · Recognition] Nobody thanks us")
	b.keys("L")
	b.waitFor("Move the note to lane (number):")
	b.keys("2")
	b.press(tea.KeyEnter)
	b.waitFor("Note moved to conf concern. (u undoes it)")
	b.keys("u")
	b.waitFor("Undone: the move of “Nobody thanks us for fixing f…” to conf concern.")
	if got := w.placeOf(sess, lone.ID); got != "open/Recognition" {
		t.Errorf("after u on the notes view the note is in %s, want open/Recognition", got)
	}
}

// A note moved to another lane again since, on another board, is not moved back
// by u: that board's move would be lost.
func TestUndoLeavesANoteMovedAgainElsewhere(t *testing.T) {
	t.Parallel()
	w, sess, lone, b := refiledBoard(t)
	b.keys("L")
	b.waitFor("Move the note to lane (number):")
	b.keys("7")
	b.press(tea.KeyEnter)
	b.waitFor("Note moved to mot motivates. (u undoes it)")
	if _, _, err := w.svc.RefileNote(w.ctx, lone.ID, session.AreaConfidence, "concern", ""); err != nil {
		t.Fatal(err)
	}
	b.waitDrawn("[conf concern] Nobody thanks us")
	b.keys("u")
	b.waitFor("Not undone: the note was moved to another lane again since")
	if got := w.placeOf(sess, lone.ID); got != "confidence/concern" {
		t.Errorf("a refused undo left the note in %s", got)
	}
}
