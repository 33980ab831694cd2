package tui_test

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/tui"
)

// A letter on a choice field picks the first choice starting with it, and pressed
// again the next one, round again after the last: s from developers went to
// service-owners, past security-engineers. The audiences show in words, as the
// home shows them ("security engineers"), and are stored by their keys.
func TestNewSessionFormLetterCyclesThroughItsChoices(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	s := w.open(tui.Options{Facilitator: true})
	s.waitFor("No sessions yet")
	s.keys("n")
	s.waitFor("new session", "Title")
	s.keys("Letters")
	s.press(tea.KeyEnter)
	s.waitFor("▸ Audience", "[developers]")
	for _, c := range []struct{ key, want string }{
		{"s", "[security engineers]"},
		{"s", "[service owners]"},
		{"s", "[security engineers]"},
		{"m", "[managers]"},
		{"M", "[mixed]"},
		{"m", "[managers]"},
		{"d", "[developers]"},
		{"s", "[security engineers]"},
	} {
		s.keys(c.key)
		s.waitFor(c.want)
	}
	s.press(tea.KeyDown) // Location
	s.press(tea.KeyDown) // Mode
	s.waitFor("▸ Mode", "[in-person]")
	s.keys("o")
	s.waitFor("[online]")
	s.keys("o")         // the only one with o: it stays (checked as stored)
	s.press(tea.KeyTab) // Campaign
	s.press(tea.KeyEnter)
	s.waitFor("Letters", "LOBBY")
	list, err := w.db.Sessions(w.ctx)
	if err != nil || len(list) != 1 {
		t.Fatalf("stored %+v, %v; want one session", list, err)
	}
	if got := list[0]; got.Audience != session.AudienceSecurityEngineers || got.Mode != session.ModeOnline {
		t.Errorf("stored %s, %s; want security-engineers, online", got.Audience, got.Mode)
	}
	if s.everDrawn("security-engineers") {
		t.Errorf("the form showed the audience's key, security-engineers, not its words")
	}
}

// At 40 columns the choice made stays in view: the audiences' line was cut at its
// end, and "[mixed]", chosen with m, was not on screen.
func TestNewSessionFormShowsTheChoiceWhenNarrow(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	s := w.openSized(tui.Options{Facilitator: true}, 40, 14)
	s.waitFor("No sessions yet")
	s.keys("n")
	s.waitFor("new session")
	s.keys("Narrow")
	s.press(tea.KeyEnter)
	s.waitFor("▸ Audience")
	s.keys("m")
	s.waitFor("[managers]")
	s.keys("m")
	s.waitFor("[mixed]")
	v := s.view()
	requireFitsIn(t, v, 40, 14)
	if l := lineWith(v, "Audience"); !strings.Contains(l, "[mixed]") {
		t.Errorf("the audience chosen is not in view at 40 columns: %q\n%s", l, v)
	}
}
