package tui_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charter-tool/charter/session"
)

// On a closed session's board at 80x24 every action point reads whole, not only
// the selected one: the others were cut to "Tune the SAST rules with … · owner
// AppSec team · 1 vol.", and the facilitator reading the results out had to
// select each to learn what it said. The list, longer than the screen, scrolls
// within it to the last action point.
func TestClosedBoardShowsEveryActionPointWhole(t *testing.T) {
	t.Parallel()
	w, sess, _ := groupWorld(t)
	ts, _ := w.svc.Themes(w.ctx, sess.ID)
	var as []*session.ActionPoint
	for i, th := range ts {
		for j := range 4 {
			a, err := w.svc.AddAction(w.ctx, session.ActionPoint{SessionID: sess.ID, ThemeID: th.ID, Priority: session.PriorityHigh,
				Title: fmt.Sprintf("Action %d-%d: tune the scanner rules with the teams that own each pipeline", i, j),
				Owner: "Application security team"})
			if err != nil {
				t.Fatal(err)
			}
			as = append(as, a)
		}
	}
	w.setPhase(sess, session.PhaseVote)
	w.setPhase(sess, session.PhaseActions)
	ps, _ := w.db.Participants(w.ctx, sess.ID)
	for _, a := range as {
		if err := w.svc.VolunteerAs(w.ctx, ps[0].ID, a.ID, "Dara"); err != nil {
			t.Fatal(err)
		}
	}
	w.setPhase(sess, session.PhaseClosed)

	// whole reports whether the view shows a's line in full, wrapped or not.
	words := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	whole := func(v string, a *session.ActionPoint) bool {
		return strings.Contains(words(v), fmt.Sprintf("→ [high · proposed] %s · owner %s · volunteers Dara", a.Title, a.Owner))
	}
	check := func(v, where string) (shown int) {
		t.Helper()
		requireFitsIn(t, v, 80, 24)
		var cut []string
		for _, a := range as {
			title := a.Title[:len("Action 0-0")]
			if !strings.Contains(v, title) {
				continue
			}
			shown++
			if !whole(v, a) {
				cut = append(cut, title)
			}
		}
		if len(cut) > 0 {
			t.Errorf("%s: action points %v are not shown whole:\n%s", where, cut, v)
		}
		return shown
	}

	b := w.openBoardSized(sess, 80, 24)
	b.waitDrawn("Themes by priority", "Action 0-0")
	if n := check(b.view(), "opened"); n < 2 {
		t.Errorf("opened: %d action points shown, want the screen filled", n)
	}

	b = w.openBoardSized(sess, 80, 24)
	b.waitDrawn("Themes by priority", "Action 0-0")
	for range 12 {
		b.keys("j")
	}
	b.waitFor("Action 1-3")
	if n := check(b.view(), "at the end"); n < 2 {
		t.Errorf("at the end: %d action points shown, want the screen filled", n)
	}
}
