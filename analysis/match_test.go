package analysis_test

import (
	"slices"
	"testing"

	"github.com/charter-tool/charter/analysis"
)

func TestMatchSessionThemes(t *testing.T) {
	tests := []struct {
		name   string
		groups []analysis.MatchGroup
		want   []int
	}{
		{"none", nil, []int{}},
		{"same theme in two sessions", []analysis.MatchGroup{
			{Session: 0, Texts: []string{"Pentests", "pen tests", "more penetration tests", "pentest reports"}},
			{Session: 0, Texts: []string{"No time", "deadlines win", "no time in the sprint"}},
			{Session: 1, Texts: []string{"External testing", "pentest every year", "external penetration test of our API"}},
		}, []int{0, 1, 0}},
		{"two themes of one session never match", []analysis.MatchGroup{
			{Session: 0, Texts: []string{"pentest reports"}},
			{Session: 0, Texts: []string{"pentest reports late"}},
		}, []int{0, 1}},
		{"empty group matches nothing", []analysis.MatchGroup{
			{Session: 0}, {Session: 1, Texts: []string{"threat modelling"}}, {Session: 2}, {Session: 3, Texts: []string{"threat model templates"}},
		}, []int{0, 1, 2, 1}},
		// A loose theme's notes are little alike, and its mean was not similar
		// enough even to itself: the same theme in two sessions went unmatched.
		{"one label in two sessions, loose notes", []analysis.MatchGroup{
			{Session: 0, Label: "Vulnerability management", Texts: []string{"Vulnerability management", "patch windows slip", "CVE triage by hand", "who owns the base images"}},
			{Session: 1, Label: "vulnerability  management", Texts: []string{"vulnerability management", "patch windows slip", "CVE triage by hand", "who owns the base images"}},
			{Session: 1, Label: "unsorted", Texts: []string{"unsorted", "lunch"}},
			{Session: 2, Label: "Unsorted", Texts: []string{"unsorted", "parking"}},
		}, []int{0, 0, 1, 2}},
		{"secret scanning is not an on-call rota", []analysis.MatchGroup{
			{Session: 0, Texts: []string{"ci pipeline", "secret scanning in the pipeline", "block commits with keys"}},
			{Session: 1, Texts: []string{"on-call", "the on-call rota is unfair", "pager duty every other week"}},
		}, []int{0, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := analysis.MatchSessionThemes(tt.groups, analysis.MatchThreshold)
			if !slices.Equal(got, tt.want) {
				t.Errorf("MatchSessionThemes = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestMatchSessionThemesKeepsSplitsApart(t *testing.T) {
	groups := []analysis.MatchGroup{
		{Session: 0, Texts: []string{"Pentests", "pentest reports arrive late"}},
		{Session: 1, Texts: []string{"External tests", "the pentest report came late"}},
		{Session: 2, Texts: []string{"Pentest follow-up", "pentest reports are late every time"}},
	}
	if got := analysis.MatchSessionThemes(groups, analysis.MatchThreshold); !slices.Equal(got, []int{0, 0, 0}) {
		t.Fatalf("without splits = %v, want all three matched", got)
	}
	// The facilitator split the second from the first: they stay apart, and the
	// third joins one of them, not both.
	got := analysis.MatchSessionThemes(groups, analysis.MatchThreshold, [2]int{0, 1})
	if got[0] == got[1] {
		t.Errorf("with 0 and 1 split = %v, want them apart", got)
	}
	if got[2] != got[0] && got[2] != got[1] {
		t.Errorf("with 0 and 1 split = %v, want the third matched to one of them", got)
	}
}

// Two themes of one note each, from two sessions, are not matched for a concept
// they share (a newcomer's campaign put "tabletop exercises twice a year with the
// on-call engineers" with "tier 1 escalates everything as urgent with zero
// context": raised in 2 sessions, it climbed the ranking); a one-note theme still
// joins a theme of more notes, and two of the same name match.
func TestMatchSessionThemesNeedsMoreThanTwoLoneNotes(t *testing.T) {
	lone := []analysis.MatchGroup{
		{Session: 0, Label: "tabletop exercises twice", Texts: []string{"tabletop exercises twice a year with the on-call engineers"}},
		{Session: 1, Label: "zero context", Texts: []string{"tier 1 escalates everything as urgent with zero context"}},
	}
	if got := analysis.MatchSessionThemes(lone, analysis.MatchThreshold); got[0] == got[1] {
		t.Errorf("two lone notes matched: %v", got)
	}
	withTheme := []analysis.MatchGroup{
		{Session: 0, Label: "pen test timing", Texts: []string{"pen tests come too late in the release", "pen test findings arrive after the release", "pen tests before every release"}},
		{Session: 1, Label: "pen tests late", Texts: []string{"the pen test report came after we released"}},
		{Session: 2, Label: "Pen test timing", Texts: []string{"schedule pen tests earlier"}},
	}
	if got := analysis.MatchSessionThemes(withTheme, analysis.MatchThreshold); got[0] != got[1] || got[0] != got[2] {
		t.Errorf("lone notes did not join the theme of three: %v", got)
	}
}

// MatchSessionThemesCentral matches as MatchSessionThemes does, and orders each
// group's texts the same whatever order they come in.
func TestMatchSessionThemesCentralOrdersEachGroup(t *testing.T) {
	groups := []analysis.MatchGroup{
		{Session: 0, Label: "pen test timing", Texts: []string{"pen test timing", "pen tests come too late in the release", "pen test findings arrive after the release", "lunch was good"}},
		{Session: 1, Label: "pen tests late", Texts: []string{"pen tests late", "the pen test report came after we released", "schedule pen tests earlier"}},
	}
	ids, central := analysis.MatchSessionThemesCentral(groups, analysis.MatchThreshold)
	if want := analysis.MatchSessionThemes(groups, analysis.MatchThreshold); !slices.Equal(ids, want) {
		t.Errorf("ids %v, MatchSessionThemes %v", ids, want)
	}
	text := func(g int, order []int, texts []string) []string {
		var out []string
		for _, k := range order {
			out = append(out, texts[k])
		}
		return out
	}
	first := text(0, central[0], groups[0].Texts)
	if len(first) != 4 || first[3] != "lunch was good" {
		t.Errorf("group 0 ordered %q: the text without a word of the others is not last", first)
	}
	rev := slices.Clone(groups)
	rev[0].Texts = slices.Clone(groups[0].Texts)
	slices.Reverse(rev[0].Texts)
	_, c2 := analysis.MatchSessionThemesCentral(rev, analysis.MatchThreshold)
	if got := text(0, c2[0], rev[0].Texts); !slices.Equal(got, first) {
		t.Errorf("reversed, group 0 is ordered %q, not %q", got, first)
	}
}
