package report_test

import (
	"context"
	"strings"
	"testing"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/report"
)

// A newcomer's campaign matched S1's "Clear explanations of why a control
// matters" (what motivates) with S2's "Endless compliance checklists" (what
// demotivates), and the report said of it "Motivation: Motivates 1, Demotivates
// 1". Themes on opposite sides of one area are never one campaign theme.
func TestCampaignKeepsOppositeSidesApart(t *testing.T) {
	t.Parallel()
	svc := openService(t)
	ctx := context.Background()
	type theme struct{ label, lane, text string }
	for i, themes := range [][]theme{
		{{"Clear explanations of why a control matters", "motivates", "when someone explains why a control matters I follow it gladly"}},
		{{"Endless compliance checklists", "demotivates", "endless compliance checklists and nobody explains why a control matters"},
			{"When the security team explains the why, not just the rule", "motivates", "the security team explains the why, not just the rule"}},
	} {
		s, err := svc.NewSession(ctx, session.Session{Title: "Developers", Audience: session.AudienceDevelopers,
			Campaign: "Chartering 2027", Date: []string{"2027-01-10", "2027-02-10"}[i]})
		if err != nil {
			t.Fatal(err)
		}
		p, err := svc.Join(ctx, s.ID, "hash")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := svc.SetPhase(ctx, s.ID, session.PhaseWrite); err != nil {
			t.Fatal(err)
		}
		var grouped []session.Theme
		for _, th := range themes {
			n, err := svc.AddNote(ctx, p.ID, session.Note{Area: session.AreaMotivation, Lane: th.lane, Text: th.text})
			if err != nil {
				t.Fatal(err)
			}
			grouped = append(grouped, session.Theme{Label: th.label, NoteIDs: []int64{n.ID}})
		}
		if _, err := svc.SetPhase(ctx, s.ID, session.PhaseGroup); err != nil {
			t.Fatal(err)
		}
		if err := svc.SaveThemes(ctx, s.ID, grouped); err != nil {
			t.Fatal(err)
		}
	}
	ds, err := svc.CampaignReportData(ctx, "Chartering 2027")
	if err != nil {
		t.Fatal(err)
	}
	f := report.BuildCampaign("Chartering 2027", ds)
	for _, ct := range f.Themes {
		if len(ct.Lanes) > 1 {
			t.Errorf("campaign theme %q has notes in %d lanes: %+v", ct.Label, len(ct.Lanes), ct.Lanes)
		}
	}
	var md strings.Builder
	if err := f.WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(md.String(), "Motivates 1, Demotivates 1") {
		t.Errorf("a campaign theme holds what motivates and what demotivates:\n%s", md.String())
	}
}
