package tui_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/tui"
)

// renamedPreview is previewWorld's board with the pen test suggestion renamed
// "Pen test timing" and picked: hand edits a late note must not take away. pen is
// its place in sug, other the deadlines' one.
func renamedPreview(t *testing.T) (w *world, sess *session.Session, sug []session.Theme, b *term, pen, other int) {
	t.Helper()
	w, sess, sug = previewWorld(t)
	if len(sug) != 2 {
		t.Fatalf("the notes make %d suggestions; the test needs two", len(sug))
	}
	// The pen test notes were written first.
	pen = 1
	if slices.Min(sug[0].NoteIDs) < slices.Min(sug[1].NoteIDs) {
		pen = 0
	}
	other = 1 - pen
	b = w.openBoard(sess)
	b.waitEverDrawn("1. "+sug[0].Label, "A accept all", "R rename")
	b.keys(fmt.Sprintf("#%d", pen+1))
	b.press(tea.KeyEnter)
	b.keys("R")
	b.waitFor("Name before sharing: ")
	b.press(tea.KeyCtrlU)
	b.keys("Pen test timing")
	b.press(tea.KeyEnter)
	b.waitFor("Renamed; nobody sees it until A.", "Pen test timing")
	b.keys("v")
	b.waitFor("1 picked")
	return w, sess, sug, b, pen, other
}

// importNotes adds notes to sess as imported, in the activities lane "more"
// unless the text is about the wiki (motivation, demotivates).
func importNotes(t *testing.T, w *world, sess *session.Session, texts ...string) {
	t.Helper()
	var rows []session.ImportRow
	for i, text := range texts {
		area, lane := "activities", "more"
		if strings.Contains(text, "wiki") {
			area, lane = "motivation", "demotivates"
		}
		rows = append(rows, session.ImportRow{Line: i + 1, Text: text, Area: area, Lane: lane})
	}
	if _, err := w.svc.Import(w.ctx, sess.ID, rows, session.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
}

// A late note arriving while the facilitator edits the suggestions joins the
// nearest one, and the names, merges and picks stay: clustering again dropped
// minutes of grouping in front of the room, saying only that they were dropped.
func TestBoardPreviewEditsOutliveNewNotes(t *testing.T) {
	t.Parallel()
	w, sess, sug, b, pen, _ := renamedPreview(t)
	importNotes(t, w, sess, "pen test results come weeks after the release")
	b.waitFor(fmt.Sprintf("1 new note placed in your suggestion %d “Pen test timing”.", pen+1), fmt.Sprintf("[x] %d. Pen test timing (%d notes)", pen+1, len(sug[pen].NoteIDs)+1))
	importNotes(t, w, sess, "nobody reads the security wiki")
	b.waitFor("1 new note offered as a new suggestion (3).", "nobody reads the security wiki")
	if b.everDrawn("were dropped") {
		t.Fatal("the board said the hand edits were dropped")
	}
	b.keys("A")
	b.waitFor("1 theme shared with everyone")
	got := w.themesOf(sess)
	if len(got) != 1 || len(got["Pen test timing"]) != len(sug[pen].NoteIDs)+1 {
		t.Errorf("after A the stored themes are %v, want only the picked “Pen test timing” with the late pen test note", got)
	}
}

// A note hidden leaves its suggestion, and a suggestion left without a note goes,
// saying so; the picks follow their suggestions.
func TestBoardPreviewEditsLoseHiddenNotes(t *testing.T) {
	t.Parallel()
	w, _, sug, b, pen, other := renamedPreview(t)
	for _, id := range sug[other].NoteIDs {
		if err := w.svc.HideNote(w.ctx, id, true); err != nil {
			t.Fatal(err)
		}
	}
	b.waitFor("went: none of its notes is shown now.")
	if err := w.svc.HideNote(w.ctx, sug[pen].NoteIDs[0], true); err != nil {
		t.Fatal(err)
	}
	left := fmt.Sprintf("[x] 1. Pen test timing (%d notes)", len(sug[pen].NoteIDs)-1)
	b.waitFor(left)
	v := b.view()
	if strings.Contains(v, "2. ") || !strings.Contains(v, left) {
		t.Errorf("the preview after hiding notes:\n%s", v)
	}
}

// The edits kept for a board whose connection dropped meet the notes written
// since: the next board shows them, new notes placed in them; and g still asks
// before it drops them, then clusters anew.
func TestBoardPreviewEditsKeptAcrossADropMeetNewNotes(t *testing.T) {
	t.Parallel()
	w, sess, sug, b, pen, _ := renamedPreview(t)
	b.conn.Close()
	_ = b.tm.Quit()
	importNotes(t, w, sess, "pen test results come weeks after the release")

	again := w.open(tui.Options{Facilitator: true})
	again.waitFor(sess.Title)
	again.press(tea.KeyEnter)
	again.waitEverDrawn(fmt.Sprintf("1 new note placed in your suggestion %d “Pen test timing”.", pen+1), fmt.Sprintf("[x] %d. Pen test timing (%d notes)", pen+1, len(sug[pen].NoteIDs)+1))
	again.keys("g")
	again.waitFor("drops the 1 name and 1 pick made here")
	again.keys("y")
	again.waitFor("1. "+sug[0].Label, "A accept all")
}
