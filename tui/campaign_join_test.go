package tui_test

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/report"
	"github.com/charter-tool/charter/tui"
)

// explainWorld is the newcomer's campaign: S1's "Clear explanations of why a
// control matters", S2's "Endless compliance checklists" and "When the security
// team explains the why, not just the rule", three campaign themes. It returns the
// themes' IDs in that order.
func explainWorld(t *testing.T) (*world, []int64) {
	t.Helper()
	w := newWorld(t)
	type theme struct{ label, lane, text string }
	var ids []int64
	for i, themes := range [][]theme{
		{{"Clear explanations of why a control matters", "motivates", "when someone explains why a control matters I follow it gladly"}},
		{{"Endless compliance checklists", "demotivates", "endless compliance checklists and nobody explains why a control matters"},
			{"When the security team explains the why, not just the rule", "motivates", "the security team explains the why, not just the rule"}},
	} {
		s, err := w.svc.NewSession(w.ctx, session.Session{Title: fmt.Sprintf("Developers %d", i+1), Audience: session.AudienceServiceOwners,
			Campaign: "Chartering 2027", Date: []string{"2027-01-10", "2027-02-10"}[i]})
		if err != nil {
			t.Fatal(err)
		}
		w.setPhase(s, session.PhaseWrite)
		p := w.join(s, "key-1", "")
		var grouped []session.Theme
		for _, th := range themes {
			n := w.addNote(p, session.AreaMotivation, th.lane, th.text)
			grouped = append(grouped, session.Theme{Label: th.label, NoteIDs: []int64{n.ID}})
		}
		w.setPhase(s, session.PhaseGroup)
		if err := w.svc.SaveThemes(w.ctx, s.ID, grouped); err != nil {
			t.Fatal(err)
		}
		ts, err := w.svc.Themes(w.ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, th := range themes {
			for _, stored := range ts {
				if stored.Label == th.label {
					ids = append(ids, stored.ID)
				}
			}
		}
	}
	return w, ids
}

// campaignThemes is how many themes the campaign report of Chartering 2027 has.
func campaignThemes(t *testing.T, w *world) int {
	t.Helper()
	f, err := report.LoadCampaignReport(w.ctx, w.svc, "Chartering 2027")
	if err != nil {
		t.Fatal(err)
	}
	return len(f.Themes)
}

// Matching missed that two session themes are one: J on the campaign overview
// joins the selected campaign theme with another, named by part of its name or its
// number, for good (stored as splits are, so that charter report matches them as
// one too). U undoes it.
func TestCampaignViewJoinsThemesByHand(t *testing.T) {
	t.Parallel()
	w, ids := explainWorld(t)
	if n := campaignThemes(t, w); n != 3 {
		t.Fatalf("%d campaign themes before the join, want 3 (the test needs them unmatched)", n)
	}
	s := w.openSized(tui.Options{Facilitator: true}, 140, 30)
	s.waitFor("Developers 2")
	s.keys("c")
	s.waitFor("Clear explanations of why a control matters", "When the security team explains the why", "J join with theme")
	s.keys("?")
	s.waitFor("Keys of this view", "join with theme")
	s.press(tea.KeyEsc)
	s.keys("/clear explanations")
	s.press(tea.KeyEnter)
	s.waitFor("▸ #")

	// A number no theme has, and esc: nothing joined.
	s.keys("J")
	s.waitFor("Join #", "“Clear explanations of why", "” with:", "enter join")
	s.keys("99")
	s.waitFor("No campaign theme has that number.")
	s.press(tea.KeyEnter)
	s.waitFor("No campaign theme has that number.")
	s.press(tea.KeyEsc)
	s.waitFor("Nothing was joined.")

	s.keys("J")
	s.waitFor("Join #")
	s.keys("explains the why")
	s.waitFor("→ #", "When the security team explains the why, not just the rule")
	s.press(tea.KeyEnter)
	// The line followed (said last) is the selection U undoes below: waited for,
	// or under load U came before the read that selects it.
	s.waitFor("Joined: #", "are one theme", "joined by hand", "U undo split/join", "It is matched into #")
	joins, err := w.db.ThemeJoins(w.ctx, sessionOf(t, w, ids[0]))
	if err != nil {
		t.Fatal(err)
	}
	if want := [2]int64{min(ids[0], ids[2]), max(ids[0], ids[2])}; len(joins) != 1 || joins[0] != want {
		t.Errorf("stored joins %v, want %v", joins, want)
	}
	if n := campaignThemes(t, w); n != 2 {
		t.Errorf("%d campaign themes in the report after the join, want 2", n)
	}

	// The joined theme now holds a theme of S2: the checklists of S2 cannot join it.
	s.keys("J")
	s.waitFor("Join #")
	s.keys("checklists")
	s.waitFor("→ #", "Endless compliance checklists")
	s.press(tea.KeyEnter)
	s.waitFor("both hold a theme of S2")

	// U on the joined theme, after a y, parts them again.
	s.keys("U")
	s.waitFor("Undo the join")
	s.keys("n")
	s.waitFor("The splits and joins stay.")
	s.keys("U")
	s.waitFor("Undo the join")
	s.keys("y")
	s.waitFor("is matched by what it says again.", "It stands alone as #")
	if joins, err := w.db.ThemeJoins(w.ctx, sessionOf(t, w, ids[0])); err != nil || len(joins) != 0 {
		t.Errorf("stored joins after the undo: %v, %v; want none", joins, err)
	}
	if n := campaignThemes(t, w); n != 3 {
		t.Errorf("%d campaign themes in the report after the undo, want 3", n)
	}
	v := s.view()
	requireFitsIn(t, v, 140, 30)
	if strings.Contains(v, "joined by hand") {
		t.Errorf("a theme still says it was joined after the undo:\n%s", v)
	}
}
