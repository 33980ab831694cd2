package report_test

import (
	"context"
	"strings"
	"testing"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/report"
)

// paperSession makes a closed session of campaign from paper notes, grouped into
// themes as the facilitator named them (label to the notes' texts).
func paperSession(t *testing.T, svc *session.Service, campaign, title, date string, aud session.Audience, rows []session.ImportRow, themes map[string][]string) {
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
	if h1 := hypothesisSection(md, "### H1. "); !strings.Contains(h1, "In the activity matrix, pen testing: Keep 2 (2 people), Do more 1 (1 person), 3 notes in all, in any theme.") {
		t.Errorf("H1 says pen test, yet has no line for pen testing:\n%s", h1)
	}
}
