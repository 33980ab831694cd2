package tui_test

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/charter-tool/charter/session"
)

// The facilitator sets, starts and extends the timer with the board's keys; a
// participant's screen shows it.
func TestBoardTimerKeysReachParticipants(t *testing.T) {
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)
	me := w.join(sess, "key-1", "")
	b := w.openBoard(sess)
	p := w.openAsParticipant(sess, me)
	p.waitFor("You have no notes here yet.")

	b.keys("t")
	b.waitFor("Timer (minutes, or m:ss)")
	b.keys("5")
	b.press(tea.KeyEnter)
	p.waitFor("5:00 left (paused)")
	b.press(tea.KeySpace)
	p.waitFor("5:00 left")
	b.keys("+")
	p.waitFor("6:00 left")
	got := w.session(sess.ID).Timer
	if !got.Running || got.Remaining(clock) != 6*time.Minute {
		t.Errorf("stored timer %+v, want 6 minutes running", got)
	}
	b.press(tea.KeySpace)
	p.waitFor("6:00 left (paused)")
	if got := w.session(sess.ID).Timer; got.Running {
		t.Errorf("stored timer %+v still runs after pause", got)
	}
}

// At zero every screen says so, and the phase stays where it is.
func TestTimeIsUpOnParticipantScreens(t *testing.T) {
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)
	me := w.join(sess, "key-1", "")
	// Started two minutes before the screens' clock, for one minute.
	w.svc.Now = func() time.Time { return clock.Add(-2 * time.Minute) }
	if _, err := w.svc.ChangeTimer(w.ctx, sess.ID, session.TimerSet, time.Minute); err != nil {
		t.Fatal(err)
	}
	if _, err := w.svc.ChangeTimer(w.ctx, sess.ID, session.TimerStart, 0); err != nil {
		t.Fatal(err)
	}
	w.svc.Now = func() time.Time { return clock }
	p := w.openAsParticipant(sess, me)
	p.waitFor("time is up", "WRITE")
	if ph := w.session(sess.ID).Phase; ph != session.PhaseWrite {
		t.Errorf("the phase moved to %s at zero", ph)
	}
}

// "I'm done" is stored and counted on the board.
func TestParticipantIsDone(t *testing.T) {
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)
	me := w.join(sess, "key-1", "")
	w.join(sess, "key-2", "")
	b := w.openBoard(sess)
	p := w.openAsParticipant(sess, me)
	p.waitFor("You have no notes here yet.")
	p.keys("x")
	b.waitFor("2 people · 1 done")
	if !w.participant(me.ID).Done {
		t.Error("done not stored")
	}
}

// The facilitator edits the session's activities; participants pick from the new list.
func TestSessionActivitiesEditedOnTheBoard(t *testing.T) {
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)
	me := w.join(sess, "key-1", "")
	b := w.openBoard(sess)
	b.keys("a")
	b.waitFor("Activities (comma-separated)")
	for range len(strings.Join(sess.Activities, ", ")) {
		b.press(tea.KeyBackspace)
	}
	b.paste("Threat modelling, Chaos days")
	b.press(tea.KeyEnter)
	b.waitFor("Activities updated for this session.")
	got := w.session(sess.ID).Activities
	if strings.Join(got, "|") != "Threat modelling|Chaos days" {
		t.Fatalf("stored activities %q", got)
	}

	p := w.openAsParticipant(sess, me)
	p.waitFor("You have no notes here yet.")
	p.press(tea.KeyTab) // Security activities
	p.waitFor("about: any activity")
	p.keys("a")
	p.waitFor("about: Threat modelling")
	p.keys("a")
	p.waitFor("about: Chaos days")
	p.keys("n")
	p.waitFor("New note in Keep")
	p.keys("game days find real gaps")
	p.press(tea.KeyEnter)
	p.waitFor("Saved")
	ns := w.notes(sess)
	if len(ns) != 1 || ns[0].Activity != "Chaos days" || ns[0].Area != session.AreaActivities {
		t.Fatalf("stored %+v, want one note about Chaos days", ns)
	}
}

// A participant raises an open topic and writes a note on it.
func TestParticipantRaisesATopic(t *testing.T) {
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)
	me := w.join(sess, "key-1", "")
	p := w.openAsParticipant(sess, me)
	p.waitFor("You have no notes here yet.")
	for range 3 {
		p.press(tea.KeyTab)
	}
	p.waitFor("[Open topics]", "no topics yet")
	p.keys("t")
	p.waitFor("Title of your topic")
	p.keys("On-call load")
	p.press(tea.KeyEnter)
	p.waitFor("Topic raised", "»On-call load«")
	p.keys("n")
	p.waitFor("New note in On-call load")
	p.keys("nights are covered by two people")
	p.press(tea.KeyEnter)
	p.waitFor("Saved")
	ns := w.notes(sess)
	if len(ns) != 1 || ns[0].Area != session.AreaOpen || ns[0].Lane != "On-call load" {
		t.Fatalf("stored %+v, want one note in the topic On-call load", ns)
	}
}

// Screens follow a resize: wider uses the width, back to 80x24 fits again.
func TestScreensFollowResize(t *testing.T) {
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)
	me := w.join(sess, "key-1", "")
	w.addNote(me, session.AreaConfidence, "strength", strings.Repeat("long note about threat models ", 6))
	// Each opens a screen and waits until its notes are loaded.
	open := map[string]func() *term{
		"participant": func() *term {
			s := w.openAsParticipant(sess, me)
			s.waitFor("long note about")
			return s
		},
		"board": func() *term { return w.openBoard(sess) }, // waits for its counts
	}
	widest := func(v string) int {
		n := 0
		for _, l := range strings.Split(v, "\n") {
			n = max(n, lipgloss.Width(l))
		}
		return n
	}
	for name, o := range open {
		t.Run(name, func(t *testing.T) {
			wide := o()
			wide.tm.Send(tea.WindowSizeMsg{Width: 140, Height: 40})
			v := wide.view()
			if widest(v) != 140 || !strings.Contains(v, strings.Repeat("long note about threat models ", 3)) {
				t.Errorf("at 140 columns the widest line is %d, and the note shows %q:\n%s", widest(v), "long note about…", v)
			}

			back := o()
			back.tm.Send(tea.WindowSizeMsg{Width: 140, Height: 40})
			back.tm.Send(tea.WindowSizeMsg{Width: termW, Height: termH})
			v = back.view()
			requireFits(t, v)
			if widest(v) != termW || !strings.Contains(v, "long note about") {
				t.Errorf("back at %d columns the widest line is %d:\n%s", termW, widest(v), v)
			}
		})
	}
}
