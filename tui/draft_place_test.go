package tui_test

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
)

// A note begun under an activity and left with esc goes back under it: moving to
// another area and back clears the activity (as a lane move does), and n, seeing
// the same area and lane, saved the note under no activity (a review's finding).
func TestEscKeptNoteKeepsItsActivity(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	if err := w.svc.SetActivities(w.ctx, sess.ID, []string{"threat modelling", "code scanning"}); err != nil {
		t.Fatal(err)
	}
	w.setPhase(sess, session.PhaseWrite)
	me := w.join(sess, "key-1", "")
	s := w.openAsParticipant(sess, me)
	s.waitFor("You have no notes here yet.")
	s.waitDrawn("New note in Strengths") // loaded: the box is open
	s.press(tea.KeyTab)                  // to the security activities
	s.waitFor("a to choose")
	s.press(tea.KeyEsc) // the box of a new note closed for the list's keys
	s.waitFor("type new note")
	s.keys("a")
	s.press(tea.KeyEnter)
	s.waitFor("What are your new notes about?")
	s.keys("code")
	s.press(tea.KeyEnter)
	s.waitFor("New notes here are about code scanning.")
	s.waitDrawn("New note in")
	s.tm.Type("fewer false positives please")
	s.press(tea.KeyEsc)
	s.waitFor("Not sent; n opens your text again.")
	s.press(tea.KeyTab)
	s.press(tea.KeyShiftTab) // back: same area and lane, the activity cleared
	s.waitFor("no activity chosen")
	s.keys("n")
	s.waitFor("fewer false positives please")
	s.press(tea.KeyEnter)
	s.waitFor("Saved under code scanning")
	ns := w.notes(sess)
	if len(ns) != 1 || ns[0].Area != session.AreaActivities || ns[0].Activity != "code scanning" {
		t.Errorf("stored %d notes (first area %q activity %q), want one under code scanning, where it was begun", len(ns), ns[0].Area, ns[0].Activity)
	}
}

// n pressed in the open topics before any topic is raised goes back to the note
// left with esc elsewhere; it answered "Raise a topic first" (a review's finding).
func TestEscKeptNoteReachedFromOpenWithoutTopics(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	s := w.openAsParticipant(sess, me)
	s.waitFor("You have no notes here yet.")
	s.waitDrawn("New note in Strengths")
	s.tm.Type("our champions carry the program")
	s.press(tea.KeyEsc)
	s.waitFor("Not sent; n opens your text again.")
	s.press(tea.KeyShiftTab) // the open topics (the last area)
	s.waitFor("no topics yet")
	s.keys("n")
	s.waitFor("Back in Confidence · Strengths", "our champions carry the program")
}
