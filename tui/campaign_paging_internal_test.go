package tui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session/report"
)

// PgDn on the campaign overview's themes shows every row when the selected one is
// a long quote drawn over three lines: the page counted it as one row, and each
// PgDn skipped the rows it had pushed off the screen.
func TestCampaignThemesPagePastLongQuotes(t *testing.T) {
	e := New(Options{Facilitator: true, Renderer: colours256()}).env
	e.w, e.h = 80, 24
	s := newCampaign(e, "c")
	f := &report.CampaignFindings{}
	for i := range 12 {
		var quotes []string
		for k := range 3 {
			quotes = append(quotes, fmt.Sprintf("quote %02d%d %s", i, k, strings.Repeat("long enough to be drawn over three lines ", 4)))
		}
		f.Themes = append(f.Themes, report.CampaignTheme{Rank: i + 1, Label: fmt.Sprintf("theme %d", i+1), Quotes: quotes})
	}
	s.f = f
	s.setRows()
	seen := map[string]bool{}
	quote := regexp.MustCompile(`quote \d\d\d`)
	for range 200 {
		for _, m := range quote.FindAllString(s.themesView(80, 18), -1) {
			seen[m] = true
		}
		before := s.themes.selected()
		s.themes.update(tea.KeyMsg{Type: tea.KeyPgDown})
		if s.themes.selected() == before {
			break
		}
	}
	for i := range 12 {
		for k := range 3 {
			if m := fmt.Sprintf("quote %02d%d", i, k); !seen[m] {
				t.Errorf("%s was never on the screen while paging down", m)
			}
		}
	}
}
