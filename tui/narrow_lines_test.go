package tui_test

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/tui"
)

// flat is a view's text with its lines and runs of spaces joined by one space: a
// sentence wrapped over lines reads whole in it.
func flat(v string) string { return strings.Join(strings.Fields(v), " ") }

// At 40x14 the lines that say what to do are wrapped where the screen has room for
// them, not cut: the name screen showed "Optional profile questions: a taller wi…"
// over six empty lines, and each phase's line was cut ("Vote for the themes that
// matter most to…").
func TestNarrowScreenWrapsWhatToDo(t *testing.T) {
	t.Parallel()
	t.Run("name screen", func(t *testing.T) {
		t.Parallel()
		w := newWorld(t)
		sess := w.newSession("Developers Berlin")
		s := w.openSized(tui.Options{KeyHash: "key-1", Code: sess.Code}, 40, 14)
		s.waitFor("Your name:")
		v := s.view()
		requireFitsIn(t, v, 40, 14)
		// The questions themselves, each on a line: they were left out for "a
		// taller window shows them", and nobody at 40x14 could answer them.
		for _, want := range []string{"Optional (never shown for fewer than 3 people):", "Time in your", "How you got your role", "security level"} {
			if !strings.Contains(flat(v), want) {
				t.Errorf("the name screen lacks %q:\n%s", want, v)
			}
		}
	})
	t.Run("profile answered at 40x14", func(t *testing.T) {
		t.Parallel()
		w := newWorld(t)
		sess := w.newSession("Developers Berlin")
		s := w.openSized(tui.Options{KeyHash: "key-1", Code: sess.Code}, 40, 14)
		s.waitFor("Your name:")
		s.press(tea.KeyTab)
		s.waitFor("▸ Time in your current role")
		s.press(tea.KeyRight)
		s.waitFor("[<1y]")
		s.press(tea.KeyEnter)
		s.waitFor("LOBBY")
		ps, err := w.db.Participants(w.ctx, sess.ID)
		if err != nil || len(ps) != 1 || ps[0].Profile.Tenure != "<1y" {
			t.Fatalf("after answering at 40x14: %+v, %v; want one participant with the time in the role <1y", ps, err)
		}
	})
	for _, c := range []struct {
		phase session.Phase
		want  string
	}{
		{session.PhaseCheckIn, "How confident are you in your team's security? Rate it 1 to 5."},
		{session.PhaseWrite, "Write notes. Only you see them for now."},
		{session.PhaseReveal, "Everyone's notes, no names. Add more."},
		{session.PhaseVote, "Give your votes to the themes that matter most to you."},
		{session.PhaseClosed, "The session is closed. Thank you for your honest feedback!"},
	} {
		t.Run(string(c.phase), func(t *testing.T) {
			t.Parallel()
			w := newWorld(t)
			sess := w.newSession("Developers Berlin")
			me := w.join(sess, "key-1", "")
			w.setPhase(sess, c.phase)
			p := w.openSized(tui.Options{KeyHash: me.KeyHash, Code: sess.Code}, 40, 14)
			p.waitFor(strings.ToUpper(string(c.phase)))
			v := p.view()
			requireFitsIn(t, v, 40, 14)
			lines := strings.Split(v, "\n")
			head := strings.Join(lines[:min(3, len(lines))], "\n")
			if !strings.HasPrefix(lines[0], "charter ") || !strings.Contains(flat(head), c.want) {
				t.Errorf("want the title bar, then %q whole:\n%s", c.want, v)
			}
			if c.phase == session.PhaseClosed && !strings.Contains(v, "Here is what became of it:") {
				t.Errorf("the line over what became of the session is cut:\n%s", v)
			}
		})
	}
	t.Run("volunteer", func(t *testing.T) {
		t.Parallel()
		p := volunteeringAt(t, 40, 14)
		v := p.view()
		requireFitsIn(t, v, 40, 14)
		if !strings.Contains(flat(v), "never with your notes") {
			t.Errorf("the volunteer's box does not say the name is never with their notes:\n%s", v)
		}
		if !strings.Contains(v, "Pair on threat models") {
			t.Errorf("the action point asked about is not in view:\n%s", v)
		}
	})
	t.Run("volunteer with room", func(t *testing.T) {
		t.Parallel()
		p := volunteeringAt(t, 40, 24)
		v := p.view()
		requireFitsIn(t, v, 40, 24)
		for _, want := range []string{
			"Volunteer: give a name the program can reach you by",
			"Any name or contact works; shown on this action point and in the findings only.",
			"Never with your notes. Left empty, it shows “anonymous”; esc cancels.",
		} {
			if !strings.Contains(flat(v), want) {
				t.Errorf("want %q whole:\n%s", want, v)
			}
		}
	})
}

// volunteeringAt opens, in a terminal of width x height, the name box of a
// participant volunteering for an action point, "Pair on threat models".
func volunteeringAt(t *testing.T, width, height int) *term {
	t.Helper()
	w, sess, _ := groupWorld(t)
	ts, err := w.svc.Themes(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.svc.AddAction(w.ctx, session.ActionPoint{SessionID: sess.ID, ThemeID: ts[0].ID, Title: "Pair on threat models"}); err != nil {
		t.Fatal(err)
	}
	w.setPhase(sess, session.PhaseActions)
	ps, err := w.db.Participants(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	p := w.openSized(tui.Options{KeyHash: ps[0].KeyHash, Code: sess.Code}, width, height)
	p.waitFor("Pair on threat models")
	p.keys("j") // from the theme to its action point
	p.keys("v")
	p.waitFor("Volunteer: give a name")
	return p
}
