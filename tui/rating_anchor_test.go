package tui_test

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/tui"
)

// ratedSession is a session whose check-in three people rated (4, 4, 2) and whose
// ratings the facilitator showed, with one more participant who has not rated.
func (w *world) ratedSession() (*session.Session, *session.Participant) {
	w.t.Helper()
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseCheckIn)
	for i, r := range []int{4, 4, 2} {
		if err := w.svc.Rate(w.ctx, w.join(sess, "key-rated-"+string(rune('a'+i)), "").ID, r); err != nil {
			w.t.Fatal(err)
		}
	}
	if err := w.svc.ShowRatings(w.ctx, sess.ID, true); err != nil {
		w.t.Fatal(err)
	}
	return sess, w.join(sess, "key-1", "")
}

// The group's chart, seen before choosing, pulls a rating towards it: someone who
// has not rated is told it shows once they have, and sees it only then.
func TestGroupRatingsShowOnlyAfterRating(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.ratedSession()
	s := w.openAsParticipant(sess, me)
	s.waitFor("How confident are you", "The group's ratings show here once you have given yours.")
	s.press(tea.KeyDown)
	s.waitFor("▸ 5  fully")
	if s.everDrawn("How the group rated") || s.everDrawn("3 ratings") {
		t.Fatal("the group's ratings are shown before the participant rated")
	}
	s.keys("3")
	s.waitFor("Your rating 3 is saved", "How the group rated", "ratings · mean")
}

// A latecomer rating with c does not see the group's chart while choosing either.
func TestLateRatingIsGivenWithoutTheGroupsRatings(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.ratedSession()
	w.setPhase(sess, session.PhaseWrite)
	s := w.openAsParticipant(sess, me)
	s.waitFor("No confidence rating from you yet: esc, then c, gives one")
	s.press(tea.KeyEsc)
	s.waitFor("c rate confidence")
	s.keys("c")
	s.waitFor("How confident are you", "The group's ratings are left out here so that they do not sway yours.")
	s.keys("2")
	s.waitFor("2 chosen: enter gives it")
	if s.everDrawn("How the group rated") || s.everDrawn("3 ratings") {
		t.Fatal("the group's ratings are shown to a latecomer choosing a rating")
	}
	s.press(tea.KeyEnter)
	s.waitFor("Your rating 2 is saved. The chart shows it with at least two other ratings")
}

// At 40x14 the rating's question and the choice stay in view, whole: the lines
// that say less give way (the late rating's question scrolled off the top, cut at
// "your team's sec").
func TestRatingFitsA40x14Terminal(t *testing.T) {
	t.Parallel()
	t.Run("late", func(t *testing.T) {
		t.Parallel()
		w := newWorld(t)
		sess, me := w.ratedSession()
		w.setPhase(sess, session.PhaseWrite)
		if err := w.svc.SetDone(w.ctx, me.ID, true); err != nil {
			t.Fatal(err)
		}
		s := w.openSized(tui.Options{KeyHash: me.KeyHash, Code: sess.Code}, 40, 14)
		s.waitFor("New note in Strengths")
		s.press(tea.KeyEsc)
		s.waitFor("c rate confidence")
		s.keys("c")
		s.waitFor("How confident are you")
		s.keys("3")
		s.waitFor("3 chosen: enter gives it")
		requireQuestionAndChoice(t, s.view(), "▸ 3  somewhat")
	})
	t.Run("check-in, rated", func(t *testing.T) {
		t.Parallel()
		w := newWorld(t)
		sess, me := w.ratedSession()
		s := w.openSized(tui.Options{KeyHash: me.KeyHash, Code: sess.Code}, 40, 14)
		s.waitFor("How confident are you")
		s.keys("1")
		s.waitFor("Your rating 1 is saved")
		requireQuestionAndChoice(t, s.view(), "▸ 1  not at all  ← your rating")
	})
}

// requireQuestionAndChoice fails unless view fits 40x14 and shows the rating's
// question whole and choice.
func requireQuestionAndChoice(t *testing.T, view, choice string) {
	t.Helper()
	requireFitsIn(t, view, 40, 14)
	// The question whole, in the body or in the two lines of what the phase
	// asks (the body's gives way to the line saying the chart is shown).
	flat := strings.Join(strings.Fields(view), " ")
	if !strings.Contains(flat, "How confident are you in your team's security?") {
		t.Errorf("the question is not whole in\n%s", view)
	}
	for _, want := range []string{choice} {
		if !strings.Contains(view, want) {
			t.Errorf("no %q in\n%s", want, view)
		}
	}
}

// The late rating says the choice the arrows made, as it says a digit's: "3
// chosen: enter gives it" stood over ▸ 2 after ↓, and enter gave 2.
func TestLateRatingSaysTheChoiceTheArrowsMade(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	s := w.openAsParticipant(sess, me)
	s.waitFor("New note in Strengths")
	s.press(tea.KeyEsc)
	s.waitFor("c rate confidence")
	s.keys("c3")
	s.waitFor("3 chosen: enter gives it")
	s.press(tea.KeyDown)
	s.waitFor("▸ 2  a little", "2 chosen: enter gives it")
	s.press(tea.KeyEnter)
	s.waitFor("Your rating 2 is saved.")
	if r := w.participant(me.ID).Rating; r != 2 {
		t.Fatalf("rating = %d, want 2", r)
	}
}
