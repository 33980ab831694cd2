package report_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/report"
)

// A hypothesis's figures add up and leave hidden notes out: "1 matching theme
// with 9 notes" stood above six quotes and no word of the three others, and beside
// a breakdown by audience of developers 8 and service owners 2 matching notes, the
// tenth a note the facilitator hid. A note's audience is its session's, which the
// session's findings tell of every note: counting hidden notes there hid nothing.
func TestHypothesisFiguresAddUpWithoutHiddenNotes(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	svc := openService(t)
	const (
		campaign = "Chartering 2027"
		hidden   = "HIDDEN pen test note naming a colleague"
	)
	held := func(title, date string, aud session.Audience, texts []string, authors int) {
		t.Helper()
		s, err := svc.NewSession(ctx, session.Session{Title: title, Audience: aud, Campaign: campaign, Date: date})
		if err != nil {
			t.Fatal(err)
		}
		var rows []session.ImportRow
		for i, text := range texts {
			rows = append(rows, session.ImportRow{Line: i + 2, Text: text, Area: "activities", Lane: "keep", Activity: "pen testing", Author: fmt.Sprint("P", i%authors)})
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
		th := session.Theme{Label: "pen testing", Named: true}
		for _, n := range v.Notes {
			th.NoteIDs = append(th.NoteIDs, n.ID)
			if n.Text == hidden {
				if err := svc.HideNote(ctx, n.ID, true); err != nil {
					t.Fatal(err)
				}
			}
		}
		if err := svc.SaveThemes(ctx, s.ID, []session.Theme{th}); err != nil {
			t.Fatal(err)
		}
	}
	var dev []string
	for i := range 7 {
		dev = append(dev, fmt.Sprintf("the pen test finds real issue number %d", i+1))
	}
	held("Developers Porto", "2027-01-11", session.AudienceDevelopers, append(dev, hidden), 4)
	held("Service owners Berlin", "2027-01-18", session.AudienceServiceOwners,
		[]string{"keep the yearly pen test of our service", "pen test reports help us argue for fixes", "the pen test found the IDOR"}, 3)
	if _, err := svc.AddHypothesis(ctx, campaign, "Developers and service owners say the pen test finds real issues"); err != nil {
		t.Fatal(err)
	}
	f, err := report.LoadCampaignReport(ctx, svc, campaign)
	if err != nil {
		t.Fatal(err)
	}
	h := f.Hypotheses[0]
	if len(h.Themes) == 0 || h.Notes != 10 {
		t.Fatalf("the hypothesis matches %d themes with %d notes, want the pen testing notes shown (10): %+v", len(h.Themes), h.Notes, h)
	}
	if h.Breakdown.By != "audience" {
		t.Fatalf("the breakdown is by %s, want audience", h.Breakdown.By)
	}
	sum := 0
	for _, s := range h.Breakdown.Segments {
		sum += s.Notes
	}
	if h.Breakdown.Other != nil {
		sum += h.Breakdown.Other.Notes
	}
	if sum != h.Notes {
		t.Errorf("the breakdown counts %d matching notes, the themes %d: %+v", sum, h.Notes, h.Breakdown.Segments)
	}
	if h.MoreNotes != h.Notes-len(h.Quotes) || h.MoreNotes == 0 {
		t.Errorf("%d notes, %d quoted, %d more", h.Notes, len(h.Quotes), h.MoreNotes)
	}
	md, js := renderCampaign(t, f)
	section := hypothesisSection(md, "### H1.")
	if want := fmt.Sprintf("\nAnd %d more notes of these themes.\n", h.MoreNotes); !strings.Contains(section, want) {
		t.Errorf("the hypothesis does not say %q:\n%s", want, section)
	}
	for doc, text := range map[string]string{"Markdown": md, "JSON": js} {
		if strings.Contains(text, "HIDDEN") {
			t.Errorf("the %s quotes the hidden note", doc)
		}
	}
}
