package tui_test

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
)

// openTopicsWithout opens a writing participant's screen on Open topics, before
// any topic is raised.
func openTopicsWithout(t *testing.T) (*world, *session.Session, *term) {
	t.Helper()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	p := w.openAsParticipant(sess, me)
	p.waitFor("You have no notes here yet.")
	p.waitDrawn("New note in Strengths")
	for range 3 {
		p.press(tea.KeyTab)
	}
	p.waitFor("[Open topics]", "no topics yet")
	return w, sess, p
}

// A tester's finding: Open topics said "You have no notes here yet. Type to write
// one.", so a participant typed a note, which became the title of a topic, and
// their next note went under it. Before any topic the screen says the title comes
// first; a sentence typed as a title is asked about, and tab makes it the note,
// under a topic whose title is asked for next.
func TestOpenTopicsSayTheTitleComesFirst(t *testing.T) {
	t.Parallel()
	w, sess, p := openTopicsWithout(t)
	p.waitDrawn("Type a topic's title first")
	p.keys("W")
	p.waitFor("Title of your topic")
	p.keys("e patch quickly when a critical CVE is announced")
	p.waitFor("49/60 characters")
	p.press(tea.KeyEnter)
	p.waitFor("9 words read like a note", "tab make it a note")
	if ns := w.notes(sess); len(ns) != 0 {
		t.Fatalf("stored %+v before the question was answered", ns)
	}
	p.press(tea.KeyTab)
	p.waitFor("Title of the topic your note goes under", "0/60 characters")
	p.keys("Patch management")
	p.press(tea.KeyEnter)
	p.waitFor("New note in Patch management", "49/280 characters")
	p.press(tea.KeyEnter)
	p.waitFor("Saved")
	ns := w.notes(sess)
	if len(ns) != 1 || ns[0].Area != session.AreaOpen || ns[0].Lane != "Patch management" ||
		ns[0].Text != "We patch quickly when a critical CVE is announced" {
		t.Fatalf("stored %+v, want the sentence as a note under Patch management", ns)
	}
	if v := p.view(); strings.Contains(v, "Type to write one") && strings.Contains(v, "no topics yet") {
		t.Errorf("Open topics without a topic says to type a note:\n%s", v)
	}
}

// The question is asked once: enter again keeps the long title, the writer's
// choice, and a short title is not asked about at all.
func TestLongTopicTitleKeptWithEnterAgain(t *testing.T) {
	t.Parallel()
	w, sess, p := openTopicsWithout(t)
	p.keys("t")
	p.press(tea.KeyEnter)
	p.waitFor("Title of your topic")
	p.keys("Security champions in every team, with time for it")
	p.press(tea.KeyEnter)
	p.waitFor("9 words read like a note")
	p.press(tea.KeyEnter)
	p.waitFor("New note in Security champions in every team, with time for it", "0/280 characters")
	p.keys("we have two")
	p.press(tea.KeyEnter)
	p.waitFor("Saved")
	ns := w.notes(sess)
	if len(ns) != 1 || ns[0].Lane != "Security champions in every team, with time for it" || ns[0].Text != "we have two" {
		t.Fatalf("stored %+v, want the note under the long title kept", ns)
	}
}

// A note moved out of the title's box is not lost to esc: n brings it back, and
// the title is asked for again before it.
func TestNoteMovedOutOfATopicTitleSurvivesEsc(t *testing.T) {
	t.Parallel()
	w, sess, p := openTopicsWithout(t)
	p.keys("nobody tells us which services hold personal data") // its topic's title is asked first
	p.waitFor("Title of your topic")
	p.press(tea.KeyEnter)
	p.waitFor("8 words read like a note")
	p.press(tea.KeyTab)
	p.waitFor("Title of the topic your note goes under")
	p.press(tea.KeyEsc)
	p.waitFor("Not sent; n opens your text again.")
	p.keys("n")
	p.waitFor("Title of the topic your note goes under", "Your note is kept")
	p.keys("Data inventory")
	p.press(tea.KeyEnter)
	p.waitFor("New note in Data inventory", "49/280 characters")
	p.press(tea.KeyEnter)
	p.waitFor("Saved")
	ns := w.notes(sess)
	if len(ns) != 1 || ns[0].Lane != "Data inventory" || ns[0].Text != "nobody tells us which services hold personal data" {
		t.Fatalf("stored %+v, want the sentence as a note under Data inventory", ns)
	}
}

// The note moved out of the title's box is kept if the connection drops while its
// topic's title is being typed: back, n asks for the title and brings the note.
func TestNoteWaitingForItsTopicSurvivesADroppedConnection(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)
	me := w.join(sess, "key-1", "")
	first := w.openAsParticipant(sess, me)
	first.waitFor("New note in Strengths")
	for range 3 {
		first.press(tea.KeyTab) // Open topics
	}
	first.waitFor("no topics yet")
	first.keys("nobody tells us which services hold personal data") // its topic's title is asked first
	first.waitFor("Title of your topic")
	first.press(tea.KeyEnter)
	first.waitFor("8 words read like a note")
	first.press(tea.KeyTab)
	first.waitFor("Title of the topic your note goes under")
	first.conn.Close()
	_ = first.tm.Quit()

	again := w.openAsParticipant(sess, me)
	again.waitFor("The note you were writing when you left is kept (Open topics): n opens it.")
	again.keys("n")
	again.waitFor("Title of the topic your note goes under", "Your note is kept")
	again.keys("Data inventory")
	again.press(tea.KeyEnter)
	again.waitFor("New note in Data inventory", "49/280 characters")
}
