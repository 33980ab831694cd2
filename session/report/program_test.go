package report_test

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"testing"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/report"
)

// A hypothesis finds the themes about what it says, across sessions, with a
// breakdown by what it is about; themes no hypothesis matches are the unexpected.
func TestCampaignHypotheses(t *testing.T) {
	t.Parallel()
	appointed := func(a string, n int) []session.Profile {
		out := make([]session.Profile, n)
		for i := range out {
			out[i].Appointment = a
		}
		return out
	}
	people := slices.Concat(appointed("appointed", 3), appointed("volunteered", 3))
	ds := []*report.Data{
		pureSession("a", 1, session.AudienceSecurityEngineers, people, map[string][]string{
			"training":  {"the security training is too basic", "we want deeper security training", "advanced training for seniors"},
			"scanner":   {"the code scanner reports false positives", "SAST findings are noise"},
			"motivated": {"I was appointed to the security role and never asked for it", "appointed champions lose motivation"},
		}),
		pureSession("b", 2, session.AudienceDevelopers, people, map[string][]string{
			"training": {"security training is the same basics every year", "deeper hands-on training please"},
		}),
	}
	f := report.BuildCampaign("c", ds)
	f.AddHypotheses([]*session.Hypothesis{
		{Number: 1, Text: "Teams want deeper training", Verdict: session.VerdictSupported, Why: "both audiences asked"},
		{Number: 2, Text: "Appointed security engineers are less motivated than volunteers"},
		{Number: 3, Text: "Threat modelling workshops are too long"},
	}, ds)
	if len(f.Hypotheses) != 3 {
		t.Fatalf("%d hypotheses", len(f.Hypotheses))
	}
	h1 := f.Hypotheses[0]
	if len(h1.Themes) != 1 || !slices.Equal(h1.Sessions, []int{1, 2}) || !slices.Equal(h1.Audiences, []string{"security-engineers", "developers"}) ||
		h1.Notes != 5 || h1.Verdict != "supported" || h1.Breakdown.By != "audience" {
		t.Errorf("H1: %+v", h1)
	}
	if len(h1.Quotes) != 5 || h1.Quotes[0].Session == h1.Quotes[1].Session {
		t.Errorf("H1 quotes do not take each session in turn: %+v", h1.Quotes)
	}
	h2 := f.Hypotheses[1]
	if h2.Breakdown.By != "appointment" || len(h2.Breakdown.Segments) != 2 {
		t.Fatalf("H2 breakdown: %+v", h2.Breakdown)
	}
	// Both notes about motivation were written by appointed people.
	for i, want := range []report.Segment{{Value: "appointed", Participations: 6, Themes: 1, Notes: 2}, {Value: "volunteered", Participations: 6}} {
		s := h2.Breakdown.Segments[i]
		if s.Value != want.Value || s.Participations != want.Participations || s.Notes != want.Notes || s.Themes != want.Themes {
			t.Errorf("H2 segment %+v, want %+v", s, want)
		}
	}
	if h3 := f.Hypotheses[2]; len(h3.Themes) != 0 || h3.Notes != 0 {
		t.Errorf("H3 matched %+v", h3.Themes)
	}
	if len(f.Unexpected) != 1 || !strings.Contains(f.Unexpected[0].Label, "scanner") {
		t.Errorf("unexpected %+v, want the scanner theme", f.Unexpected)
	}
	md, js := renderCampaign(t, f)
	for _, want := range []string{"### H1. Teams want deeper training", "Verdict: **supported**: both audiences asked",
		"| Group | Participations | Matching notes |", "By appointed or volunteered", "No campaign theme matches it.",
		"## What the program did not expect"} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q", want)
		}
	}
	if !strings.Contains(js, `"unexpected_themes"`) || !strings.Contains(js, `"verdict": "supported"`) {
		t.Error("JSON lacks the hypotheses")
	}
	// In the CSV the why and the hypothesis's name have columns of their own, not
	// ones named for notes and themes.
	var b bytes.Buffer
	if err := f.WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := func(name string) int { return slices.Index(rows[0], name) }
	var h1Row []string
	titles := map[string]bool{}
	for _, s := range f.Sessions {
		titles[s.Title] = true
	}
	themeRows := 0
	for _, r := range rows[1:] {
		if r[col("kind")] == "hypothesis" && r[col("hypothesis")] == "H1" {
			h1Row = r
		}
		// A session is named by its title here too, as on every other row.
		if r[col("kind")] == "hypothesis theme" {
			themeRows++
			for _, name := range strings.Split(r[col("session")], "; ") {
				if !titles[name] {
					t.Errorf("a hypothesis theme's CSV row names session %q, not a session's title: %q", name, r)
				}
			}
		}
		if r[col("kind")] == "hypothesis theme" && (r[col("hypothesis")] == "" || r[col("text")] != "" || r[col("theme")] == "") {
			t.Errorf("a hypothesis theme's CSV row %q under %q: want the theme in theme, the hypothesis in hypothesis", r, rows[0])
		}
	}
	if themeRows == 0 {
		t.Error("the CSV has no hypothesis theme row")
	}
	if h1Row == nil || h1Row[col("why")] != "both audiences asked" || h1Row[col("activity")] != "" || h1Row[col("status")] != "supported" || h1Row[col("theme")] != "" {
		t.Errorf("H1's CSV row %q under %q", h1Row, rows[0])
	}
	for _, p := range ds[0].Participants {
		if strings.Contains(md, p.Name) || strings.Contains(js, p.Name) {
			t.Errorf("a participant's name is in the document")
		}
	}
	g := report.BuildCampaign("c", ds)
	if g.AddHypotheses(nil, ds); g.Hypotheses != nil || g.Unexpected != nil {
		t.Error("no hypotheses still adds sections")
	}
}

// Coverage counts the roster's teams that held sessions invited, by location and
// level, and says so: invited, not attended; a session nobody joined reaches
// nobody. Attendance shows as a whole: how many the held sessions invited, and how
// many joined them.
func TestCampaignCoverage(t *testing.T) {
	t.Parallel()
	held := pureSession("a", 1, session.AudienceDevelopers, make([]session.Profile, 3), map[string][]string{"x": {"more pen tests"}})
	held.Session.Mode, held.Session.Location = session.ModeInPerson, "Porto"
	empty := pureSession("b", 2, session.AudienceDevelopers, nil, nil)
	ds := []*report.Data{held, empty}
	f := report.BuildCampaign("c", ds)
	f.AddCoverage(session.CoverageData{
		Teams: []session.RosterTeam{{Name: "A", Location: "Berlin", Level: "gold"}, {Name: "B", Location: "berlin", Level: "bronze"},
			{Name: "C", Location: "Porto", Level: "gold"}, {Name: "D", Location: "Oslo", Level: "silver"}},
		Invited:       map[string][]string{"a": {"a"}, "b": {"C", "D"}},
		InvitedPeople: map[string]int{"a": 9, "b": 5},
	}, ds)
	c := f.Coverage
	if c == nil || c.Teams != 4 || c.TeamsReached != 1 || c.Locations != 3 || c.LocationsSeen != 2 || c.Levels != 3 || c.LevelsReached != 1 || !c.Planned ||
		c.PeopleInvited != 9 || c.PeopleJoined != 3 {
		t.Fatalf("coverage %+v", c)
	}
	want := []report.CoverageRow{{Value: "Berlin", Teams: 2, Reached: 1}, {Value: "Oslo", Teams: 1}, {Value: "Porto", Teams: 1, Held: true}}
	if !slices.Equal(c.ByLocation, want) {
		t.Errorf("by location %+v, want %+v", c.ByLocation, want)
	}
	md, _ := renderCampaign(t, f)
	// Porto counts by the session held there, and says why; only Oslo has
	// neither (not "no team reached at Oslo, Porto" beside "2 of 3").
	for _, w := range []string{"- People: 9 invited to a held session; 3 participants joined those sessions (invited or not)",
		"- Teams: 1 of 4 invited to a held session, 3 not",
		"- Locations: 2 of 3 with a team invited to a held session or a session held there; neither: Oslo; held at Porto, but no team of the roster there was invited",
		"- Maturity levels: 1 of 3 with a team invited to a held session; none invited: bronze, silver",
		"| Location | Teams | Invited to a held session | Not invited |"} {
		if !strings.Contains(md, w) {
			t.Errorf("Markdown lacks %q:\n%s", w, md[strings.Index(md, "## Coverage"):])
		}
	}
	if strings.Contains(md, "reached") {
		t.Error("the Markdown says teams were reached, where they were invited")
	}
	// The CSV gives the numbers in columns of their own, for a sheet to add up.
	var buf bytes.Buffer
	if err := f.WriteCSV(&buf); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	found := false
	for _, r := range rows[1:] {
		if r[col["kind"]] == "coverage" && r[col["area"]] == "location" && r[col["lane"]] == "Berlin" {
			found = true
			if r[col["reached"]] != "1" || r[col["teams"]] != "2" {
				t.Errorf("Berlin's coverage row gives reached %q of teams %q, want 1 of 2", r[col["reached"]], r[col["teams"]])
			}
		}
	}
	if !found {
		t.Error("the CSV has no coverage row for Berlin")
	}
	g := report.BuildCampaign("c", ds)
	if g.AddCoverage(session.CoverageData{}, ds); g.Coverage != nil {
		t.Error("coverage without a roster")
	}
}

// A session made by hand and held in the place of a planned one not held counts
// the planned one's teams and people as invited to a held session, and the
// report says so; one that was not held counts nothing.
func TestCampaignCoverageOfASessionHeldInPlaceOfAPlannedOne(t *testing.T) {
	t.Parallel()
	held := pureSession("a", 1, session.AudienceDevelopers, make([]session.Profile, 3), map[string][]string{"x": {"more pen tests"}})
	held.Session.Title, held.Session.Mode, held.Session.Location = "Developers, Berlin", session.ModeInPerson, "Berlin"
	empty := pureSession("b", 2, session.AudienceDevelopers, nil, nil)
	planned := pureSession("p", 3, session.AudienceDevelopers, nil, nil)
	planned.Session.Phase = session.PhaseLobby
	ds := []*report.Data{held, empty, planned}
	f := report.BuildCampaign("c", ds)
	f.AddCoverage(session.CoverageData{
		Teams:         []session.RosterTeam{{Name: "A", Location: "Berlin", Level: "gold"}, {Name: "B", Location: "Berlin", Level: "bronze"}, {Name: "C", Location: "Oslo", Level: "gold"}},
		Invited:       map[string][]string{"p": {"A", "B"}, "q": {"C"}},
		InvitedPeople: map[string]int{"p": 7, "q": 4},
		InPlace:       map[string]*session.Session{"a": {ID: "p", Title: "Developers, Berlin"}, "b": {ID: "q", Title: "Developers, Oslo"}},
	}, ds)
	c := f.Coverage
	if c == nil || c.TeamsReached != 2 || c.PeopleInvited != 7 || c.PeopleJoined != 3 ||
		!slices.Equal(c.InPlace, []report.HeldInPlace{{Number: 1, Session: "Developers, Berlin", Planned: "Developers, Berlin", Invited: 7}}) {
		t.Fatalf("coverage %+v", c)
	}
	// The planned one, listed as not held yet, names the session held instead.
	for _, s := range f.NotHeld {
		if want := map[string]string{"p": "S1"}[s.ID]; s.InPlaceOf != want {
			t.Errorf("session %s not held is held in its place by %q, want %q", s.ID, s.InPlaceOf, want)
		}
	}
	md, _ := renderCampaign(t, f)
	for _, w := range []string{"- Held in place of a planned session that was not held: S1 “Developers, Berlin”, made by hand, for the planned “Developers, Berlin” (7 people invited);",
		"(no date yet, lobby; S1, made by hand, was held in its place)"} {
		if !strings.Contains(md, w) {
			t.Errorf("Markdown lacks %q:\n%s", w, md)
		}
	}
}

// A hypothesis that names an activity shows what every note about it said, from
// the activity matrix, in whichever theme the notes are: "pen testing is seen as
// low value" found one matching theme while a second note about pen testing sat
// in another.
func TestHypothesisShowsTheActivitiesItNames(t *testing.T) {
	t.Parallel()
	people := make([]session.Profile, 4)
	d := pureSession("a", 1, session.AudienceDevelopers, people, map[string][]string{
		"pen tests": {"pen tests find little we did not know"},
		"vulns":     {"the vulnerability backlog grows"},
	})
	d.Session.Activities = []string{"Pen testing", "testing"}
	d.Notes = append(d.Notes, &session.Note{ID: 9999, ParticipantID: 3, Area: session.AreaActivities, Lane: "more", Activity: "testing", Text: "more testing of the apps"})
	for _, n := range d.Notes[:len(d.Notes)-1] {
		n.Area, n.Activity = session.AreaActivities, "Pen testing"
		n.Lane = "less"
		if strings.Contains(n.Text, "backlog") {
			n.Lane = "keep"
		}
	}
	ds := []*report.Data{d}
	f := report.BuildCampaign("c", ds)
	f.AddHypotheses([]*session.Hypothesis{
		{Number: 1, Text: "Pen testing is seen as low value"},
		{Number: 2, Text: "Teams want deeper training"},
	}, ds)
	h1, h2 := f.Hypotheses[0], f.Hypotheses[1]
	if len(h1.Activities) != 1 || h1.Activities[0].Activity != "Pen testing" || h1.Activities[0].Notes != 2 {
		t.Fatalf("H1 activities %+v, want pen testing's row with its 2 notes", h1.Activities)
	}
	for _, c := range h1.Activities[0].Cells {
		if len(c.Texts) > 0 {
			t.Errorf("a hypothesis's activity row carries the notes' texts: %+v", c)
		}
	}
	if len(h2.Activities) != 0 {
		t.Errorf("H2 names no activity of the matrix, yet has %+v", h2.Activities)
	}
	md, js := renderCampaign(t, f)
	if !strings.Contains(md, "In the activity matrix, Pen testing: Keep 1 (1 person), Do less 1 (1 person), 2 notes in all, in any theme.") {
		t.Errorf("Markdown lacks the activity line:\n%s", md)
	}
	if !strings.Contains(js, `"activities": [`) {
		t.Error("JSON lacks the hypothesis's activities")
	}
}

// The same words from several people are quoted once, in a campaign theme and as a
// hypothesis's evidence: six quotes of one sentence say less than one.
func TestQuotesSayTheSameOnce(t *testing.T) {
	t.Parallel()
	people := []session.Profile{{}, {}, {}}
	same := "Who is responsible for patching base images?"
	ds := []*report.Data{
		pureSession("a", 1, session.AudienceDevelopers, people, map[string][]string{
			"base images": {same, same, "nobody owns the base images we build on"},
		}),
		pureSession("b", 2, session.AudienceDevelopers, people, map[string][]string{
			"base images": {"who is responsible for  patching base images?", same, "base images are patched by nobody"},
		}),
	}
	f := report.BuildCampaign("c", ds)
	f.AddHypotheses([]*session.Hypothesis{{Number: 1, Text: "Nobody is responsible for patching base images"}}, ds)
	check := func(where string, quotes []string) {
		t.Helper()
		seen := map[string]bool{}
		for _, q := range quotes {
			k := strings.Join(strings.Fields(strings.ToLower(q)), " ")
			if seen[k] {
				t.Errorf("%s quotes %q twice: %q", where, q, quotes)
			}
			seen[k] = true
		}
		if len(quotes) < 2 {
			t.Errorf("%s quotes %q: want the different notes too", where, quotes)
		}
	}
	for _, th := range f.Themes {
		check("theme "+th.Label, th.Quotes)
	}
	if len(f.Hypotheses) != 1 {
		t.Fatalf("%d hypotheses", len(f.Hypotheses))
	}
	var hq []string
	for _, q := range f.Hypotheses[0].Quotes {
		hq = append(hq, q.Text)
	}
	check("H1", hq)
}

// A hypothesis about an audience no session was held for says so: its evidence is
// what the others said about them ("managers do not back security work", from
// developers), not their own view.
func TestHypothesisNamesAnAudienceNotHeard(t *testing.T) {
	t.Parallel()
	people := []session.Profile{{}, {}, {}}
	ds := []*report.Data{pureSession("a", 1, session.AudienceDevelopers, people, map[string][]string{"training": {"deeper hands-on training please"}})}
	f := report.BuildCampaign("c", ds)
	f.AddHypotheses([]*session.Hypothesis{
		{Number: 1, Text: "Service owners see security as someone else's job"},
		{Number: 2, Text: "Developers want deeper training"},
		{Number: 3, Text: "Managers want deeper training for their teams"},
	}, ds)
	if got := f.Hypotheses[0].NotHeard; len(got) != 1 || got[0] != "service owners" {
		t.Errorf("H1 names service owners, no session was held for them: not heard %q", got)
	}
	if got := f.Hypotheses[1].NotHeard; len(got) != 0 {
		t.Errorf("H2 names developers, who were heard: not heard %q", got)
	}
	var md strings.Builder
	if err := f.WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md.String(), "It names service owners: no session was held with them, so their own view was not heard.") {
		t.Errorf("the report does not say H1's audience was not heard:\n%s", md.String())
	}
	// H3 has evidence, from developers: what others said about managers.
	if len(f.Hypotheses[2].Themes) == 0 {
		t.Fatalf("H3 matches no theme: %+v", f.Hypotheses[2])
	}
	if !strings.Contains(md.String(), "It names managers: no session was held with them, so the evidence below is what others said, not their own view.") {
		t.Errorf("the report does not say H3's evidence is others' words:\n%s", md.String())
	}
}

// The CSV gives a hypothesis's verdict as the command line takes it
// ("not-supported"), as it gives action points' statuses ("in-progress").
func TestCSVVerdictIsTheCommandsWord(t *testing.T) {
	t.Parallel()
	people := []session.Profile{{}, {}, {}}
	ds := []*report.Data{pureSession("a", 1, session.AudienceDevelopers, people, map[string][]string{"training": {"deeper hands-on training please"}})}
	f := report.BuildCampaign("c", ds)
	f.AddHypotheses([]*session.Hypothesis{{Number: 1, Text: "Teams want less training", Verdict: session.VerdictNotSupported, Why: "they asked for more"}}, ds)
	var b bytes.Buffer
	if err := f.WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := func(name string) int { return slices.Index(rows[0], name) }
	for _, r := range rows[1:] {
		if r[col("kind")] == "hypothesis" && r[col("status")] != "not-supported" {
			t.Errorf("H1's status cell is %q, want not-supported", r[col("status")])
		}
	}
}

// A removed participant's notes still count in a hypothesis's breakdown, for them:
// the people after them in the session keep their own notes.
func TestHypothesisBreakdownWithARemovedParticipant(t *testing.T) {
	t.Parallel()
	appointed := func(a string, n int) []session.Profile {
		out := make([]session.Profile, n)
		for i := range out {
			out[i].Appointment = a
		}
		return out
	}
	// Notes are written by participants 1, 2, 3, 4 in turn: three appointed, one
	// who volunteered.
	d := pureSession("a", 1, session.AudienceSecurityEngineers, slices.Concat(appointed("appointed", 3), appointed("volunteered", 3)), map[string][]string{
		"motivated": {"I was appointed to the security role and never asked for it", "appointed champions lose motivation",
			"appointed people feel less motivated for security", "volunteered champions stay motivated for security"},
	})
	d.Participants[2].Removed = true
	ds := []*report.Data{d}
	f := report.BuildCampaign("c", ds)
	f.AddHypotheses([]*session.Hypothesis{{Number: 1, Text: "Appointed security engineers are less motivated than volunteers"}}, ds)
	b := f.Hypotheses[0].Breakdown
	if b.By != "appointment" || len(b.Segments) != 2 {
		t.Fatalf("breakdown %+v", b)
	}
	for i, want := range []int{3, 1} {
		if s := b.Segments[i]; s.Notes != want {
			t.Errorf("%s: %d matching notes, want %d", s.Value, s.Notes, want)
		}
	}
}

// Profile segments show confidence only when every session's shown ratings are
// held by its participants: one that nobody holds (a database restored without its
// key secret, and someone rating again after that) would be the session's figure
// less its segments'.
func TestSegmentConfidenceWithARatingNobodyHolds(t *testing.T) {
	t.Parallel()
	people := make([]session.Profile, 6)
	for i := range people {
		people[i].Level = "gold"
	}
	d := pureSession("a", 1, session.AudienceDevelopers, people, map[string][]string{"x": {"more pen tests"}})
	if f := report.BuildCampaign("c", []*report.Data{d}); !f.SegmentConfidence {
		t.Fatal("six raters of one profile in one session do not show confidence")
	}
	d.Ratings = append(d.Ratings, 5)
	if f := report.BuildCampaign("c", []*report.Data{d}); f.SegmentConfidence {
		t.Error("segments show confidence beside a rating nobody holds")
	}
}

// A note the facilitator hid still counts in a hypothesis's breakdown, as it
// counts in the campaign's segments: were it left out, hiding one note and
// reporting again would tell which group its writer is in.
func TestHypothesisBreakdownCountsHiddenNotes(t *testing.T) {
	t.Parallel()
	build := func(hide bool) report.Breakdown {
		profiles := make([]session.Profile, 6)
		for i := range profiles {
			profiles[i].Appointment = map[bool]string{true: "appointed", false: "volunteered"}[i < 3]
		}
		// Notes are written by participants 1, 2, 3, 4 in turn; the fourth volunteered.
		d := pureSession("a", 1, session.AudienceSecurityEngineers, profiles, map[string][]string{
			"motivated": {"I was appointed to the security role and never asked for it", "appointed champions lose motivation",
				"appointed people feel less motivated for security", "volunteered champions stay motivated for security"},
		})
		if hide {
			for _, n := range d.Notes {
				if strings.HasPrefix(n.Text, "volunteered") {
					n.Hidden = true
				}
			}
		}
		ds := []*report.Data{d}
		f := report.BuildCampaign("c", ds)
		f.AddHypotheses([]*session.Hypothesis{{Number: 1, Text: "Appointed security engineers are less motivated than volunteers"}}, ds)
		return f.Hypotheses[0].Breakdown
	}
	shown, hidden := build(false), build(true)
	if len(shown.Segments) != 2 || shown.Segments[1].Notes != 1 {
		t.Fatalf("breakdown with every note shown: %+v", shown)
	}
	if !slices.EqualFunc(shown.Segments, hidden.Segments, func(a, b report.Segment) bool {
		return a.Value == b.Value && a.Notes == b.Notes && a.Themes == b.Themes && a.Participations == b.Participations
	}) {
		t.Errorf("hiding a note changed the breakdown:\n shown  %+v\n hidden %+v", shown.Segments, hidden.Segments)
	}
}

// The summary says which hypotheses the campaign bore out and which not: a
// program lead reads it first, and the verdicts were only in their own section,
// after every theme of the campaign.
func TestSummaryGivesTheVerdicts(t *testing.T) {
	t.Parallel()
	people := make([]session.Profile, 3)
	ds := []*report.Data{
		pureSession("a", 1, session.AudienceDevelopers, people, map[string][]string{
			"training": {"the security training is too basic", "we want deeper security training", "advanced training for seniors"},
		}),
		pureSession("b", 2, session.AudienceDevelopers, people, map[string][]string{
			"scanner": {"the code scanner reports false positives", "SAST findings are noise"},
		}),
	}
	f := report.BuildCampaign("c", ds)
	f.AddHypotheses([]*session.Hypothesis{
		{Number: 1, Text: "Teams want deeper training", Verdict: session.VerdictSupported, Why: "asked in both"},
		{Number: 2, Text: "Quarterly offsites improve morale", Verdict: session.VerdictNoEvidence},
		{Number: 3, Text: "Scanners are trusted"},
	}, ds)
	if len(f.Hypotheses) != 3 || len(f.Hypotheses[1].Themes) != 0 {
		t.Fatalf("H2 was meant to match no theme: %+v", f.Hypotheses)
	}
	md, _ := renderCampaign(t, f)
	_, summary, _ := strings.Cut(md, "## Summary\n")
	summary, _, _ = strings.Cut(summary, "\n## ")
	for _, want := range []string{
		"  - H1 supported: Teams want deeper training (themes matching it in 1 of 2 sessions)\n",
		"  - H2 no evidence: Quarterly offsites improve morale (no matching theme)\n",
		"  - H3 no verdict yet: Scanners are trusted (",
	} {
		if !strings.Contains(summary, want) {
			t.Errorf("the summary lacks %q:\n%s", want, summary)
		}
	}
	// A campaign without hypotheses says nothing of them.
	g := report.BuildCampaign("c", ds)
	if md, _ := renderCampaign(t, g); strings.Contains(md, "Hypotheses") {
		t.Errorf("a campaign without hypotheses mentions them:\n%s", md)
	}
}
