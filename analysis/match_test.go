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

// Themes a facilitator joined are one campaign theme, however unlike their words
// or their sides, and the themes matched with either come along; a join never
// puts two themes of one session together.
func TestMatchSessionThemesKeepsJoinsTogether(t *testing.T) {
	groups := []analysis.MatchGroup{
		{Session: 0, Texts: []string{"Clear explanations", "when someone explains why a control matters I follow it"}, Lanes: []string{"motivates"}},
		{Session: 1, Texts: []string{"Checklists", "endless compliance checklists"}, Lanes: []string{"demotivates"}},
		{Session: 2, Texts: []string{"Compliance checklists", "compliance checklists without end"}, Lanes: []string{"demotivates"}},
		{Session: 1, Texts: []string{"On-call", "the on-call rota is unfair"}},
	}
	ids, _ := analysis.MatchSessionThemesCentral(groups, analysis.MatchThreshold, nil, nil)
	if ids[0] == ids[1] || ids[1] != ids[2] {
		t.Fatalf("without joins = %v, want the checklists matched and the explanations apart", ids)
	}
	ids, _ = analysis.MatchSessionThemesCentral(groups, analysis.MatchThreshold, nil, [][2]int{{0, 1}, {0, 3}})
	if ids[0] != ids[1] || ids[1] != ids[2] {
		t.Errorf("with 0 and 1 joined = %v, want 0, 1 and 2 together", ids)
	}
	if ids[3] == ids[0] {
		t.Errorf("with 0 and 3 joined = %v, want 3 apart: 1 is of its session", ids)
	}
}

// A split wins over joins that would chain its pair together: with a-b and a-c
// joined, b and c were one campaign theme even when b|c was split, since the
// joins were taken before, and without, any check of the splits. Joins are taken
// in order; one that would put a split pair together is left out.
func TestMatchSessionThemesSplitsWinOverJoinedChains(t *testing.T) {
	// Four themes of four sessions with nothing in common: only joins match them.
	groups := []analysis.MatchGroup{
		{Session: 0, Texts: []string{"Clear explanations", "when someone explains why a control matters I follow it"}},
		{Session: 1, Texts: []string{"On-call", "the on-call rota is unfair"}},
		{Session: 2, Texts: []string{"Laptops", "slow laptops with too many agents"}},
		{Session: 3, Texts: []string{"Phishing drills", "fake phishing mails feel like traps"}},
	}
	const a, b, c, d = 0, 1, 2, 3
	tests := []struct {
		name      string
		apart     [][2]int
		together  [][2]int
		same, not [][2]int
	}{
		{"joins chain", nil, [][2]int{{a, b}, {a, c}},
			[][2]int{{a, b}, {a, c}, {b, c}}, [][2]int{{a, d}}},
		{"a split of the two the joins chain", [][2]int{{b, c}}, [][2]int{{a, b}, {a, c}},
			[][2]int{{a, b}}, [][2]int{{b, c}, {a, c}}},
		{"a split at the ends of a chain", [][2]int{{a, c}}, [][2]int{{a, b}, {b, c}},
			[][2]int{{a, b}}, [][2]int{{a, c}, {b, c}}},
		{"a split between two joined pairs", [][2]int{{d, a}}, [][2]int{{a, b}, {c, d}, {b, c}},
			[][2]int{{a, b}, {c, d}}, [][2]int{{a, d}, {b, c}, {a, c}, {b, d}}},
		{"a split the joins do not chain", [][2]int{{c, d}}, [][2]int{{a, b}, {b, c}},
			[][2]int{{a, b}, {b, c}}, [][2]int{{c, d}}},
		{"a split and a join of one pair", [][2]int{{a, b}}, [][2]int{{a, b}},
			nil, [][2]int{{a, b}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ids, _ := analysis.MatchSessionThemesCentral(groups, analysis.MatchThreshold, tt.apart, tt.together)
			for _, p := range tt.same {
				if ids[p[0]] != ids[p[1]] {
					t.Errorf("ids %v: %d and %d apart, want them one theme", ids, p[0], p[1])
				}
			}
			for _, p := range tt.not {
				if ids[p[0]] == ids[p[1]] {
					t.Errorf("ids %v: %d and %d one theme, want them apart", ids, p[0], p[1])
				}
			}
		})
	}
}

// Themes whose notes sit on opposite sides of one area are never one campaign
// theme, however alike their words: a newcomer's report matched "Clear
// explanations of why a control matters" (motivates) with "Endless compliance
// checklists" (demotivates), and counted "Motivates 1, Demotivates 1" in it.
// A theme is on a side when at least two thirds of its notes are; wishes to add
// an activity and open topics are on none. Themes whose notes are mixed in the
// area where they meet are not opposite, nor are sides of different areas.
func TestMatchSessionThemesKeepsOppositeSidesApart(t *testing.T) {
	// A theme of a label and a note for each lane.
	theme := func(s int, label string, lanes []string) analysis.MatchGroup {
		g := analysis.MatchGroup{Session: s, Texts: []string{label}, Lanes: lanes}
		for i := range max(len(lanes), 1) {
			g.Texts = append(g.Texts, []string{"pentest reports arrive late", "the pentest report came late", "pentest reports late again"}[i%3])
		}
		return g
	}
	two := func(a, b []string) []analysis.MatchGroup {
		return []analysis.MatchGroup{theme(0, "Pentests", a), theme(1, "External tests", b)}
	}
	for _, tt := range []struct {
		name    string
		a, b    []string
		matched bool
	}{
		{"no lanes known", nil, nil, true},
		{"one side", []string{"concern"}, []string{"concern"}, true},
		{"motivates and demotivates", []string{"motivates"}, []string{"demotivates"}, false},
		{"strength and concern", []string{"strength"}, []string{"Concern"}, false},
		{"keep and less", []string{"keep"}, []string{"less"}, false},
		{"more and less", []string{"more"}, []string{"less"}, false},
		{"keep and more", []string{"keep"}, []string{"more"}, true},
		{"add and less", []string{"add"}, []string{"less"}, true},
		{"mixed and one side", []string{"motivates", "demotivates"}, []string{"demotivates"}, true},
		{"two thirds on one side", []string{"motivates", "motivates", "add"}, []string{"demotivates", "demotivates", ""}, false},
		{"less than two thirds on one side", []string{"motivates", "", "add"}, []string{"demotivates"}, true},
		{"mixed where they meet", []string{"motivates", "motivates", "demotivates"}, []string{"demotivates"}, true},
		{"mixed in every area they share", []string{"strength", "concern", "more"}, []string{"concern", "keep", "less"}, true},
		{"sides of different areas", []string{"strength"}, []string{"demotivates"}, true},
		{"open topics", []string{"pentests"}, []string{"less"}, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := analysis.MatchSessionThemes(two(tt.a, tt.b), analysis.MatchThreshold)
			if (got[0] == got[1]) != tt.matched {
				t.Errorf("lanes %q and %q: MatchSessionThemes = %v, want matched %v", tt.a, tt.b, got, tt.matched)
			}
		})
	}
	// Named alike, they stay apart all the same; and a third theme on one side
	// joins the theme on its side.
	named := []analysis.MatchGroup{
		{Session: 0, Label: "Pentests", Texts: []string{"Pentests", "pentest reports arrive on time"}, Lanes: []string{"strength"}},
		{Session: 1, Label: "pentests", Texts: []string{"pentests", "pentest reports arrive late"}, Lanes: []string{"concern"}},
		{Session: 2, Label: "Pentest reports", Texts: []string{"Pentest reports", "the pentest report came late"}, Lanes: []string{"concern"}},
	}
	if got := analysis.MatchSessionThemes(named, analysis.MatchThreshold); got[0] == got[1] || got[1] != got[2] {
		t.Errorf("a strength and two concerns: MatchSessionThemes = %v, want the concerns matched and the strength apart", got)
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
	ids, central := analysis.MatchSessionThemesCentral(groups, analysis.MatchThreshold, nil, nil)
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
	_, c2 := analysis.MatchSessionThemesCentral(rev, analysis.MatchThreshold, nil, nil)
	if got := text(0, c2[0], rev[0].Texts); !slices.Equal(got, first) {
		t.Errorf("reversed, group 0 is ordered %q, not %q", got, first)
	}
}
