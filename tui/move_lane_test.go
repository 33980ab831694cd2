package tui_test

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
)

// The programme lead's walkthrough: a concern pasted while the box was on
// Strengths could only be deleted and typed again, or moved by the facilitator with
// L, which named it as theirs. m moves one's own note to another lane of its area,
// asking first as e does (a word begun with m is a note's), its text kept.
func TestParticipantMovesTheirNoteToAnotherLane(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, _, p := savedFirstNote(t, w, "nobody owns the backlog")
	p.press(tea.KeyEsc)
	p.waitFor("type new note", "m move")
	p.keys("m")
	p.waitFor("Move “nobody owns the backlog” to another lane? enter = choose the lane")
	p.keys("y")
	p.waitFor("│ my")
	p.press(tea.KeyEsc)
	p.waitFor("Not sent; n opens your text again.")
	if n := w.notes(sess); len(n) != 1 || n[0].Lane != "strength" {
		t.Fatalf("m then a letter: notes %+v, want the one note where it was", n)
	}
	p.keys("m")
	p.press(tea.KeyEnter)
	p.waitFor("Move “nobody owns the backlog” to: 1 Concerns? (its text stays", "1 move there")
	p.keys("1")
	p.waitFor("Moved your note to Concerns.", "»Concerns«")
	ns := w.notes(sess)
	if len(ns) != 1 || ns[0].Area != session.AreaConfidence || ns[0].Lane != "concern" || ns[0].Text != "nobody owns the backlog" {
		t.Fatalf("after the move: %+v, want the one note, its text kept, in Concerns", ns)
	}
	if v := p.view(); !strings.Contains(v, "▸ nobody owns the backlog") {
		t.Errorf("the list did not follow the note to Concerns:\n%s", v)
	}
}

// In the security activities a note moves to any of the other three lanes and keeps
// the activity it is about, in the reveal too.
func TestParticipantMovesAnActivityNoteKeepingItsActivity(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	other := w.join(sess, "key-other", "")
	mine, err := w.svc.AddNote(w.ctx, me.ID, session.Note{Area: session.AreaActivities, Lane: "keep", Activity: "pen testing", Text: "pen tests come too late"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.svc.AddNote(w.ctx, other.ID, session.Note{Area: session.AreaActivities, Lane: "keep", Text: "keep the pairing on reviews"}); err != nil {
		t.Fatal(err)
	}
	w.setPhase(sess, session.PhaseReveal)
	p := w.openAsParticipant(sess, me)
	p.waitDrawn("New note in Strengths")
	p.press(tea.KeyEsc) // the box of a new note closed for the list's keys
	p.waitFor("type new note")
	p.press(tea.KeyTab)
	p.waitFor("»Keep«")
	p.press(tea.KeyDown)
	p.waitFor("▸ [pen testing] pen tests come too late (yours)")
	p.keys("m")
	p.press(tea.KeyEnter)
	p.waitFor("to: 1 Add, 2 Do less, 3 Do more? (its text and", "1-3 move there")
	p.keys("3")
	p.waitFor("Moved your note to Do more.")
	var n *session.Note
	for _, o := range w.notes(sess) {
		if o.ID == mine.ID {
			n = o
		}
	}
	if n == nil || n.Lane != "more" || n.Activity != "pen testing" || n.Text != mine.Text {
		t.Errorf("after the move: %+v, want it in Do more about pen testing, its text kept", n)
	}
	if v := p.view(); !strings.Contains(v, "»Do more«") {
		t.Errorf("the list did not follow the note to Do more:\n%s", v)
	}
}

// A note deleted on another of its writer's connections while the move was asked
// is said to be gone: the move's answer came back with nothing said (found in
// review).
func TestMoveOfANoteDeletedMeanwhileSaysSo(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me, p := savedFirstNote(t, w, "nobody owns the backlog")
	p.press(tea.KeyEsc)
	p.waitFor("type new note", "m move")
	p.keys("m")
	p.press(tea.KeyEnter)
	p.waitFor("1 move there")
	ns := w.notes(sess)
	if len(ns) != 1 {
		t.Fatalf("notes %+v, want one", ns)
	}
	if err := w.svc.DeleteNote(w.ctx, me.ID, ns[0].ID); err != nil {
		t.Fatal(err)
	}
	p.keys("1")
	p.waitFor("That note was deleted meanwhile.")
}
