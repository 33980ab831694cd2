package tui_test

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/tui"
)

// After the reveal, with someone else's note selected, e and d have nothing to
// edit or delete: they begin a note like any other letter. "deploy" lost its d
// and "encrypt all" its e.
func TestEAndDOnSomeoneElsesNoteBeginANote(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	other := w.join(sess, "key-2", "")
	w.addNote(other, session.AreaConfidence, "strength", "champions help")
	w.setPhase(sess, session.PhaseReveal)
	p := w.openAsParticipant(sess, me)
	p.waitFor("▸ champions help")
	p.waitDrawn("New note in")
	for i, text := range []string{"deploy takes a day", "encrypt all", "d"} {
		p.press(tea.KeyEsc) // the box closed for the list's keys
		p.waitFor("type new note")
		if i > 0 {
			p.press(tea.KeyHome) // from the note just saved to someone else's
			p.waitFor("▸ champions help")
		}
		p.keys(text)
		p.waitFor("│ " + text)
		p.press(tea.KeyEnter)
		p.waitFor("Saved.")
		p.waitDrawn("New note in")
	}
	var mine []string
	for _, n := range w.notes(sess) {
		if n.ParticipantID == me.ID {
			mine = append(mine, n.Text)
		}
	}
	if got := strings.Join(mine, "|"); got != "deploy takes a day|encrypt all|d" {
		t.Errorf("stored notes = %q, want each typed whole", got)
	}
	if p.everDrawn("Select one of your own notes") {
		t.Error("a letter typed was taken for a command")
	}
}

// With one's own note selected, words beginning with d or x (DynamoDB, DDoS, DNS,
// XXE) are notes whole: only enter answers the questions d and x ask, so no
// second letter deletes a note or marks its writer done. "dynamic scans" deleted
// the selected note (y) and "xxe parsing" marked the writer done (x again).
func TestSecurityWordsOnTheListDeleteNothing(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me, p := savedFirstNote(t, w, "patching takes weeks")
	texts := []string{"dynamic scans find real bugs", "dns is flaky", "ddos tests never run", "xxe parsing is untested", "eel is a word", "aa", "tt"}
	for _, text := range texts {
		p.waitDrawn("New note in")
		p.press(tea.KeyEsc) // the list's keys, a note of one's own selected
		p.waitFor("type new note", "d delete")
		p.keys(text)
		p.waitFor("│ " + text)
		p.press(tea.KeyEnter)
		p.waitFor("▸ " + text)
	}
	want := "patching takes weeks|" + strings.Join(texts, "|")
	if got := strings.Join(noteTexts(w.notes(sess)), "|"); got != want {
		t.Errorf("stored notes = %q, want %q", got, want)
	}
	if w.participant(me.ID).Done {
		t.Error("a typed word marked the writer done")
	}
}

// The questions of d and x are answered by enter alone; esc and other keys go
// back, a letter (y and n too) begins a note.
func TestDeleteAndDoneAreAnsweredByEnter(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me, p := savedFirstNote(t, w, "patching takes weeks")
	p.waitDrawn("New note in")
	p.press(tea.KeyEsc)
	p.waitFor("d delete")
	p.keys("d")
	p.waitFor("enter = delete, esc = keep", "enter delete", "a letter new note", "esc keep")
	p.press(tea.KeyEsc)
	p.waitFor("Kept the note.")
	p.keys("x")
	p.waitFor("Mark yourself as done? enter = done, esc = back", "enter done")
	p.press(tea.KeyEnter)
	p.waitFor("Marked as done.")
	if !w.participant(me.ID).Done {
		t.Error("enter did not mark the writer done")
	}
	p.keys("d")
	p.waitFor("enter delete")
	p.press(tea.KeyEnter)
	p.waitFor("Note deleted.")
	if got := len(w.notes(sess)); got != 0 {
		t.Errorf("%d notes after d, enter; want 0", got)
	}
}

// t in Open topics before any topic begins a word like any other key of the list:
// "the legacy CI" opened the title box with "he legacy CI".
func TestTitleBegunWithTKeepsItsT(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	p := w.openAsParticipant(sess, me)
	p.waitDrawn("New note in Strengths")
	p.press(tea.KeyTab)
	p.waitFor("New note in Keep")
	p.press(tea.KeyTab)
	p.waitFor("New note in Motivates")
	p.press(tea.KeyTab)
	p.waitFor("no topics yet", "type a topic's title")
	p.keys("t")
	p.press(tea.KeyEnter)
	p.waitFor("Title of your topic")
	p.press(tea.KeyEsc)
	p.waitFor("type a topic's title")
	p.keys("the legacy CI")
	p.waitFor("Title of your topic", "│ the legacy CI")
}

// At 40 columns the delete question quotes the start of a long note: the cut is
// marked, so nobody reads "find real" as the note's end.
func TestDeleteQuestionMarksACutNote(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	w.addNote(me, session.AreaConfidence, "strength", "Pen tests by the red team find real bugs every quarter")
	p := w.openSized(tui.Options{KeyHash: me.KeyHash, Code: sess.Code}, 40, 14)
	p.waitDrawn("New note in Strengths")
	p.press(tea.KeyEsc)
	p.waitFor("type new note")
	p.keys("d")
	p.waitFor("Delete")
	p.waitDrawn("keep")
	if read := strings.Join(strings.Fields(p.view()), " "); !strings.Contains(read, "find real…”?") {
		t.Errorf("the cut note is not marked:\n%s", p.view())
	}
}
