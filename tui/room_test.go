package tui_test

import (
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/tui"
)

// A participant proposes an activity the list lacks; the facilitator accepts it.
func TestParticipantProposesAnActivity(t *testing.T) {
	w := newWorld(t)
	sess, me := w.writingParticipant()
	p := w.openAsParticipant(sess, me)
	p.waitFor("You have no notes here yet.")
	p.press(tea.KeyTab)
	p.keys("a")
	p.waitFor("type to filter")
	p.keys("bug hunting days")
	p.waitFor("▸ propose “bug hunting days”")
	p.press(tea.KeyEnter)
	p.waitFor("which you propose")
	p.keys("n")
	p.waitFor("New note in Keep · about bug hunting days")
	p.keys("everyone hunts for a day")
	p.press(tea.KeyEnter)
	p.waitFor("Saved")

	b := w.openBoard(sess)
	b.keys("a")
	b.waitFor("Proposed by participants", "bug hunting days · 1 note")
	for range len(session.DefaultActivities) {
		b.press(tea.KeyDown)
	}
	b.waitFor("▸ bug hunting days")
	b.press(tea.KeyEnter)
	b.waitFor("Accepted bug hunting days into the list.")
	if got := w.session(sess.ID).Activities; !slices.Contains(got, "bug hunting days") || len(got) != len(session.DefaultActivities)+1 {
		t.Fatalf("activities after accepting: %q", got)
	}
}

// A long list is edited one activity at a time: nothing is cut (one line of 200
// characters once saved "bug" of "bug bounty"), and a name too long is refused with a
// message, the text kept to be shortened.
func TestActivityListKeepsLongNames(t *testing.T) {
	w := newWorld(t)
	sess, _ := w.writingParticipant()
	b := w.openBoard(sess)
	b.keys("a")
	b.waitFor("Security activities of this session (11)")
	b.keys("n")
	b.waitFor("New activity:")
	b.paste(strings.Repeat("threat modelling of the payment flows, ", 2))
	b.press(tea.KeyEnter)
	b.waitFor("An activity can be at most 60 characters")
	for range len("threat modelling of the payment flows, ") {
		b.press(tea.KeyBackspace)
	}
	b.paste("bug bounty")
	b.press(tea.KeyEnter)
	b.waitFor("Added threat modelling of the payment flows, bug bounty.")
	got := w.session(sess.ID).Activities
	if got[len(got)-1] != "threat modelling of the payment flows, bug bounty" || len(got) != 12 {
		t.Fatalf("activities %q, want the new one whole at the end", got)
	}
	requireFits(t, b.view())
}

func TestParticipantSeesTheirNoteHidden(t *testing.T) {
	w := newWorld(t)
	sess, me := w.writingParticipant()
	n := w.addNote(me, session.AreaConfidence, "strength", "my honest note")
	p := w.openAsParticipant(sess, me)
	p.waitFor("▸ my honest note")
	if err := w.svc.HideNote(w.ctx, n.ID, true); err != nil {
		t.Fatal(err)
	}
	p.waitFor("my honest note (hidden by the facilitator)")
}

func TestCheckInWithArrowsAndEnter(t *testing.T) {
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseCheckIn)
	me := w.join(sess, "key-1", "")
	p := w.openAsParticipant(sess, me)
	// A cursor before any rating, and the words to use it.
	p.waitFor("▸ 3  somewhat", "↑/↓ and enter")
	if w.participant(me.ID).Rating != 0 {
		t.Fatal("showing the cursor rated")
	}
	p.press(tea.KeyUp)
	p.waitFor("▸ 4  quite")
	p.press(tea.KeyEnter)
	p.waitFor("Your rating 4 is saved", "▸ 4  quite  ← your rating")
	if got := w.participant(me.ID).Rating; got != 4 {
		t.Fatalf("stored rating %d, want 4", got)
	}
	p.keys("2") // digits still work, and move the cursor
	p.waitFor("▸ 2  a little  ← your rating")
	requireFits(t, p.view())
}

func TestParticipantTimeUpFlashesAndRingsOnce(t *testing.T) {
	w := newWorld(t)
	sess, me := w.writingParticipant()
	if _, err := w.svc.ChangeTimer(w.ctx, sess.ID, session.TimerSet, time.Minute); err != nil {
		t.Fatal(err)
	}
	if _, err := w.svc.ChangeTimer(w.ctx, sess.ID, session.TimerStart, 0); err != nil {
		t.Fatal(err)
	}
	c := &movingClock{now: clock}
	ansi := lipgloss.NewRenderer(io.Discard)
	ansi.SetColorProfile(termenv.ANSI)
	p := w.open(tui.Options{KeyHash: me.KeyHash, Code: sess.Code, Now: c.Now, Renderer: ansi})
	p.waitFor("1:00 left", "You have no notes here yet.")
	c.add(time.Minute)
	p.waitFor("\a", "time is up", reverse)
	c.add(flashOver)
	// Something to draw again: the facilitator hides a note of this participant's.
	n := w.addNote(me, session.AreaConfidence, "strength", "after the bell")
	if err := w.svc.HideNote(w.ctx, n.ID, true); err != nil {
		t.Fatal(err)
	}
	p.waitFor("after the bell (hidden by the facilitator)")
	if n := strings.Count(p.drawn.String(), "\a"); n != 1 {
		t.Errorf("the bell rang %d times, want once", n)
	}
}
