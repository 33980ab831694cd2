package report_test

import (
	"context"
	"slices"
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

// The campaign report and its comparison with an earlier campaign say the same
// of what is opposite: two themes matched in one campaign report persist from
// one campaign to the next, and two kept apart there are new and gone. The
// comparison once had a rule of its own, blind to areas, that took a strength
// for the opposite of what demotivates and a wish to add an activity for the
// opposite of one for less.
func TestCompareKeepsApartWhatTheCampaignKeepsApart(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name    string
		a, b    []string
		matched bool
	}{
		{"one side", []string{"concern"}, []string{"concern"}, true},
		{"strength and concern", []string{"strength"}, []string{"concern"}, false},
		{"motivates and demotivates", []string{"motivates"}, []string{"demotivates"}, false},
		{"keep and less", []string{"keep"}, []string{"less"}, false},
		{"more and less", []string{"more"}, []string{"less"}, false},
		{"sides of different areas", []string{"strength"}, []string{"demotivates"}, true},
		{"add and less", []string{"add"}, []string{"less"}, true},
		{"mixed where they meet", []string{"motivates", "motivates", "demotivates"}, []string{"demotivates"}, true},
		// An open topic's title, "Less", is not the lane less.
		{"an open topic named Less", []string{"keep"}, []string{"open:Less"}, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			svc := openService(t)
			ctx := context.Background()
			texts := []string{"pentest reports arrive late", "the pentest report came late", "pentest reports late again"}
			for i, lanes := range [][]string{tt.a, tt.b} {
				s, err := svc.NewSession(ctx, session.Session{Title: "Developers", Audience: session.AudienceDevelopers,
					Campaign: "Chartering", Date: []string{"2026-01-10", "2027-01-10"}[i]})
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
				th := session.Theme{Label: "Pentest reports"}
				for j, lane := range lanes {
					n := session.Note{Lane: lane, Text: texts[j%len(texts)]}
					for _, a := range session.Areas {
						if slices.Contains(a.Lanes(), lane) {
							n.Area = a
						}
					}
					if title, ok := strings.CutPrefix(lane, "open:"); ok {
						n.Area, n.Lane = session.AreaOpen, title
					}
					added, err := svc.AddNote(ctx, p.ID, n)
					if err != nil {
						t.Fatal(err)
					}
					th.NoteIDs = append(th.NoteIDs, added.ID)
				}
				if _, err := svc.SetPhase(ctx, s.ID, session.PhaseGroup); err != nil {
					t.Fatal(err)
				}
				if err := svc.SaveThemes(ctx, s.ID, []session.Theme{th}); err != nil {
					t.Fatal(err)
				}
			}
			ds, err := svc.CampaignReportData(ctx, "Chartering")
			if err != nil {
				t.Fatal(err)
			}
			if len(ds) != 2 {
				t.Fatalf("%d sessions in the campaign, want 2", len(ds))
			}
			campaign := report.BuildCampaign("Chartering", ds)
			if matched := len(campaign.Themes) == 1; matched != tt.matched {
				t.Errorf("lanes %q and %q: the campaign report has %d themes, want matched %v", tt.a, tt.b, len(campaign.Themes), tt.matched)
			}
			later := report.BuildCampaign("Chartering 2027", ds[1:])
			later.Compare(report.BuildCampaign("Chartering 2026", ds[:1]))
			if persists := later.Comparison.Themes[0].Status == report.ThemePersisting; persists != tt.matched {
				t.Errorf("lanes %q and %q: the comparison says %s, want matched %v", tt.a, tt.b, later.Comparison.Themes[0].Status, tt.matched)
			}
		})
	}
}
