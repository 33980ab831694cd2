package report_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/report"
)

// paperSession makes a closed session of campaign from paper notes, grouped into
// themes as the facilitator named them (label to the notes' texts), and returns
// its ID.
func paperSession(t *testing.T, svc *session.Service, campaign, title, date string, aud session.Audience, rows []session.ImportRow, themes map[string][]string) string {
	t.Helper()
	ctx := context.Background()
	s, err := svc.NewSession(ctx, session.Session{Title: title, Audience: aud, Campaign: campaign, Date: date})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Import(ctx, s.ID, rows, session.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SetPhase(ctx, s.ID, session.PhaseGroup); err != nil {
		t.Fatal(err)
	}
	v, err := svc.BoardView(ctx, s.ID)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]int64{}
	for _, n := range v.Notes {
		ids[n.Text] = n.ID
	}
	var ths []session.Theme
	for label, texts := range themes {
		th := session.Theme{Label: label, Named: true}
		for _, text := range texts {
			if ids[text] == 0 {
				t.Fatalf("no note %q in %s", text, title)
			}
			th.NoteIDs = append(th.NoteIDs, ids[text])
		}
		ths = append(ths, th)
	}
	if err := svc.SaveThemes(ctx, s.ID, ths); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SetPhase(ctx, s.ID, session.PhaseClosed); err != nil {
		t.Fatal(err)
	}
	return s.ID
}

// hypothesisSection is the Markdown of hypothesis n: its heading to the next.
func hypothesisSection(md, heading string) string {
	_, s, ok := strings.Cut(md, heading)
	if !ok {
		return ""
	}
	for _, end := range []string{"\n### ", "\n## "} {
		if i := strings.Index(s, end); i >= 0 {
			s = s[:i]
		}
	}
	return heading + s
}

// penTestCampaign is a campaign as a newcomer ran it, with hypotheses hs, and its
// report in Markdown: security engineers wrote about pen testing in a theme of its
// own, developers once, on paper, in a theme on deadlines.
func penTestCampaign(t *testing.T, hs ...string) (*report.CampaignFindings, string) {
	t.Helper()
	svc := openService(t)
	ctx := context.Background()
	const campaign = "Chartering 2027"
	paperSession(t, svc, campaign, "Security engineers Berlin", "2027-01-11", session.AudienceSecurityEngineers, []session.ImportRow{
		{Line: 2, Text: "the yearly pen test finds real issues", Area: "activities", Lane: "keep", Activity: "pen testing", Author: "A"},
		{Line: 3, Text: "keep the external testers, they think like attackers", Area: "activities", Lane: "keep", Activity: "pen testing", Author: "B"},
		{Line: 4, Text: "nobody reads the pen test report", Area: "confidence", Lane: "concern", Author: "C"},
		{Line: 5, Text: "security training is too basic", Area: "activities", Lane: "more", Activity: "security training", Author: "A"},
		{Line: 6, Text: "we want deeper security training", Area: "activities", Lane: "more", Activity: "security training", Author: "B"},
	}, map[string][]string{
		"pen testing": {"the yearly pen test finds real issues", "keep the external testers, they think like attackers", "nobody reads the pen test report"},
		"training":    {"security training is too basic", "we want deeper security training"},
	})
	paperSession(t, svc, campaign, "Developers Porto", "2027-01-18", session.AudienceDevelopers, []session.ImportRow{
		{Line: 2, Text: devPenTestNote, Area: "activities", Lane: "more", Activity: "pen testing", Author: "C"},
		{Line: 3, Text: "feature deadlines always win over security work", Area: "motivation", Lane: "demotivates", Author: "D"},
		{Line: 4, Text: "no slack in the sprint for fixes before the deadline", Area: "confidence", Lane: "concern", Author: "E"},
	}, map[string][]string{
		"feature deadlines": {devPenTestNote, "feature deadlines always win over security work", "no slack in the sprint for fixes before the deadline"},
	})
	for _, h := range hs {
		if _, err := svc.AddHypothesis(ctx, campaign, h); err != nil {
			t.Fatal(err)
		}
	}
	f, err := report.LoadCampaignReport(ctx, svc, campaign)
	if err != nil {
		t.Fatal(err)
	}
	md, _ := renderCampaign(t, f)
	return f, md
}

// devPenTestNote is the developers' one note about pen testing.
const devPenTestNote = "Pen test findings come too late in the release cycle"

// A hypothesis names an activity as people say it: "Developers want pen test
// results earlier" had no line of the activity matrix, for "pen test" was not
// "pen testing".
func TestHypothesisNamesAnActivityAsPeopleSayIt(t *testing.T) {
	t.Parallel()
	f, md := penTestCampaign(t, "Developers want pen test results earlier")
	if got := f.Hypotheses[0].Activities; len(got) != 1 || got[0].Activity != "pen testing" {
		t.Errorf("H1 names the activities %+v, want pen testing", got)
	}
	if h1 := hypothesisSection(md, "### H1. "); !strings.Contains(h1, "In the activity matrix, pen testing: Keep 2 (up to 2 people), Do more 1 (1 person), 3 notes in all, in any theme.") {
		t.Errorf("H1 says pen test, yet has no line for pen testing:\n%s", h1)
	}
}

// What every note about an activity a hypothesis names said, in whichever theme:
// "Pen testing is valued by developers" quoted the security engineers' theme on pen
// testing only, while the developers' note on it sat in a theme on deadlines.
func TestHypothesisQuotesNotesAboutItsActivityInAnyTheme(t *testing.T) {
	t.Parallel()
	f, md := penTestCampaign(t, "Pen testing is valued by developers", "Teams want deeper training")
	h1 := hypothesisSection(md, "### H1. ")
	for _, want := range []string{
		"1 matching theme with 3 notes from 1 of 2 sessions (security engineers):",
		"In the activity matrix, pen testing: Keep 2 (up to 2 people), Do more 1 (1 person), 3 notes in all, in any theme.",
		"Notes about pen testing in themes that do not match the hypothesis:\n\n> " + devPenTestNote + " (S2, developers, the audience it names; Do more, in the theme feature deadlines)\n",
	} {
		if !strings.Contains(h1, want) {
			t.Errorf("H1 lacks %q:\n%s", want, h1)
		}
	}
	want := report.HypothesisNote{Session: 2, Audience: "developers", Text: devPenTestNote, Area: "activities", Lane: "more", Activity: "pen testing", Theme: "feature deadlines", NamedAudience: true}
	if got := f.Hypotheses[0].ActivityNotes; len(got) != 1 || got[0] != want {
		t.Errorf("H1's notes about pen testing outside its themes: %+v, want %+v", got, want)
	}
	// The notes of the matching theme are quoted once, with the theme.
	if strings.Count(h1, "the yearly pen test finds real issues") != 1 {
		t.Errorf("H1 quotes a note of its matching theme twice:\n%s", h1)
	}
	// A hypothesis that names no activity quotes no note about one.
	if h2 := f.Hypotheses[1]; len(h2.ActivityNotes) != 0 || strings.Contains(hypothesisSection(md, "### H2. "), "Notes about") {
		t.Errorf("H2 names no activity, yet quotes %+v", h2.ActivityNotes)
	}
}

// Notes about a named activity outside the matching themes are quoted each session
// in turn, the same words once, at most report.MaxHypothesisQuotes; the rest are
// counted, and a hidden note is neither quoted nor counted.
func TestHypothesisActivityNotesTakeSessionsInTurn(t *testing.T) {
	t.Parallel()
	people := make([]session.Profile, 3)
	deadlines := func(id string, day int, aud session.Audience, n int) *report.Data {
		notes := []string{"deadlines win over security work"}
		for i := range n {
			notes = append(notes, fmt.Sprintf("the pen test comes too late, release %d of %s", i, id))
		}
		d := pureSession(id, day, aud, people, map[string][]string{"deadlines": notes})
		for _, n := range d.Notes[1:] {
			n.Area, n.Lane, n.Activity = session.AreaActivities, "more", "Pen Testing"
		}
		return d
	}
	a, b := deadlines("a", 1, session.AudienceSecurityEngineers, 6), deadlines("b", 2, session.AudienceDevelopers, 3)
	b.Notes[1].Text = a.Notes[1].Text
	b.Notes[3].Hidden = true
	ds := []*report.Data{a, b}
	f := report.BuildCampaign("c", ds)
	f.AddHypotheses([]*session.Hypothesis{{Number: 1, Text: "Pentests are valued"}}, ds)
	h := f.Hypotheses[0]
	var got []int
	for _, n := range h.ActivityNotes {
		got = append(got, n.Session)
	}
	// b's first note says what a's does, its third is hidden: one of b's quoted.
	if want := []int{1, 2, 1, 1, 1, 1}; !slices.Equal(got, want) || h.MoreActivityNotes != 2 {
		t.Errorf("quoted the sessions %v and %d more, want %v and 2 more", got, h.MoreActivityNotes, want)
	}
	md, _ := renderCampaign(t, f)
	if !strings.Contains(md, "\nAnd 2 more notes, in the activity matrix.\n") {
		t.Errorf("the report does not count the notes left out:\n%s", hypothesisSection(md, "### H1. "))
	}
}

// Evidence from the audience a hypothesis names is marked, and when none of the
// notes quoted is theirs the report says so: once a developers' session was held,
// "It names developers: no session was held with them" was gone, though every
// quote under a hypothesis on developers was still a security engineer's.
func TestHypothesisMarksTheAudienceItNames(t *testing.T) {
	t.Parallel()
	f, md := penTestCampaign(t, "Pen testing is valued by developers", "Developers want deeper security training", "Teams want deeper security training")
	h1 := hypothesisSection(md, "### H1. ")
	for _, want := range []string{
		"It names developers: 1 of the 4 notes quoted below is theirs, marked \"the audience it names\".",
		"> the yearly pen test finds real issues (S1, security engineers; Keep)\n",
		"> " + devPenTestNote + " (S2, developers, the audience it names; Do more, in the theme feature deadlines)\n",
	} {
		if !strings.Contains(h1, want) {
			t.Errorf("H1 lacks %q:\n%s", want, h1)
		}
	}
	h2 := hypothesisSection(md, "### H2. ")
	if len(f.Hypotheses[1].Quotes) == 0 {
		t.Fatalf("H2 quotes nothing:\n%s", h2)
	}
	if want := "It names developers, but none of the notes quoted below is theirs: they are what others said, not their own view."; !strings.Contains(h2, want) {
		t.Errorf("H2 lacks %q:\n%s", want, h2)
	}
	if got := f.Hypotheses[1].Heard; len(got) != 1 || got[0] != "developers" || len(f.Hypotheses[1].NotHeard) != 0 {
		t.Errorf("H2 heard %q, not heard %q; want developers heard", got, f.Hypotheses[1].NotHeard)
	}
	// A hypothesis that names no audience marks nothing.
	if h3 := hypothesisSection(md, "### H3. "); strings.Contains(h3, "It names") || strings.Contains(h3, "the audience it names") {
		t.Errorf("H3 names no audience, yet:\n%s", h3)
	}
}

// csvRows writes f as CSV and reads it back as rows of cells by column name.
func csvRows(t *testing.T, f *report.CampaignFindings) []map[string]string {
	t.Helper()
	var b bytes.Buffer
	if err := f.WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	rows := make([]map[string]string, 0, len(recs)-1)
	for _, r := range recs[1:] {
		row := map[string]string{}
		for i, name := range recs[0] {
			row[name] = r[i]
		}
		rows = append(rows, row)
	}
	return rows
}

// The CSV says of a hypothesis what the document says: the notes it quotes from
// its matching themes, the lines of the activity matrix of the activity it names
// and the notes about that activity it quotes from other themes, each a row that
// names the hypothesis, for a sheet to filter. It had the hypothesis and its
// themes only: the developers' own words on pen testing, quoted in the document,
// were nowhere in the sheet.
func TestHypothesisEvidenceInCSV(t *testing.T) {
	t.Parallel()
	f, md := penTestCampaign(t, "Pen testing is valued by developers", "Teams want deeper training")
	rows := csvRows(t, f)
	evidence := map[string][]map[string]string{}
	for _, r := range rows {
		if strings.HasPrefix(r["kind"], "hypothesis") {
			evidence[r["hypothesis"]] = append(evidence[r["hypothesis"]], r)
		}
		// No row says who wrote a note; the paper notes' authors were A to E.
		if r["owner"] != "" && r["kind"] != "action point" || slices.Contains([]string{"A", "B", "C", "D", "E"}, r["text"]) {
			t.Errorf("a row names a person: %v", r)
		}
	}
	of := func(h, kind string) []map[string]string {
		var out []map[string]string
		for _, r := range evidence[h] {
			if r["kind"] == kind {
				out = append(out, r)
			}
		}
		return out
	}
	h1 := f.Hypotheses[0]
	if len(h1.Quotes) == 0 || len(h1.ActivityNotes) != 1 {
		t.Fatalf("H1 quotes %d notes of its themes and %d about pen testing, want some and 1", len(h1.Quotes), len(h1.ActivityNotes))
	}
	date := map[string]string{}
	for _, s := range f.Sessions {
		date[s.Title] = s.Date
	}
	// Every note the document quotes under H1 is a row of H1's, with where it was said.
	section := hypothesisSection(md, "### H1. ")
	quotes := of("H1", "hypothesis quote")
	if len(quotes) != len(h1.Quotes) {
		t.Errorf("H1 has %d quote rows, the document quotes %d notes of its themes", len(quotes), len(h1.Quotes))
	}
	for i, q := range h1.Quotes {
		if !strings.Contains(section, "> "+q.Text+" (S") {
			t.Errorf("the document does not quote %q under H1", q.Text)
		}
		if i >= len(quotes) {
			continue
		}
		r := quotes[i]
		if r["text"] != q.Text || r["session"] != "Security engineers Berlin" || r["date"] != date["Security engineers Berlin"] || r["audience"] != q.Audience {
			t.Errorf("H1's quote row %v, want %q from S%d (%s)", r, q.Text, q.Session, q.Audience)
		}
	}
	notes := of("H1", "hypothesis activity note")
	want := map[string]string{"kind": "hypothesis activity note", "session": "Developers Porto", "date": date["Developers Porto"], "audience": "developers",
		"theme": "feature deadlines", "area": "activities", "lane": "more", "activity": "pen testing", "text": devPenTestNote, "hypothesis": "H1"}
	if len(notes) != 1 {
		t.Fatalf("H1 has %d rows of notes about pen testing, want 1: %v", len(notes), notes)
	}
	for k, v := range want {
		if notes[0][k] != v {
			t.Errorf("H1's note about pen testing has %s %q, want %q: %v", k, notes[0][k], v, notes[0])
		}
	}
	if notes[0]["theme_rank"] == "" {
		t.Errorf("H1's note about pen testing has no theme rank: %v", notes[0])
	}
	// "In the activity matrix, pen testing: Keep 2 (up to 2 people), Do more 1 (1 person)".
	counts := map[string]string{}
	for _, r := range of("H1", "hypothesis activity") {
		if r["activity"] != "pen testing" || r["area"] != "activities" {
			t.Errorf("H1's activity row %v is not about pen testing", r)
		}
		counts[r["lane"]] = r["notes"] + " by " + r["people"]
	}
	if counts["keep"] != "2 by 2" || counts["more"] != "1 by 1" || counts["less"] != "0 by 0" {
		t.Errorf("H1's activity rows count %v, want keep 2 by 2, more 1 by 1", counts)
	}
	if h := of("H1", "hypothesis"); len(h) != 1 || h[0]["notes"] != strconv.Itoa(h1.Notes) || h[0]["sessions"] != "1" {
		t.Errorf("H1's row %v, want %d notes of its themes from 1 session", h, h1.Notes)
	}
	// A hypothesis that names no activity has no rows of one.
	if got := append(of("H2", "hypothesis activity"), of("H2", "hypothesis activity note")...); len(got) != 0 {
		t.Errorf("H2 names no activity, yet the CSV has %v", got)
	}
}
