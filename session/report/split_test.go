package report_test

import (
	"context"
	"testing"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/report"
)

// A facilitator splits a wrong match; later reports keep the two themes apart.
func TestCampaignKeepsSplitThemesApart(t *testing.T) {
	t.Parallel()
	svc := openService(t)
	ctx := context.Background()
	var themeIDs []int64
	for i, texts := range [][]string{
		{"pentest reports arrive months late", "nobody retests after the pentest"},
		{"the pentest report came too late to fix", "retest the pentest findings"},
	} {
		s, err := svc.NewSession(ctx, session.Session{Title: "Champions", Audience: session.AudienceDevelopers,
			Campaign: "Champions 2026", Date: []string{"2026-01-10", "2026-02-10"}[i]})
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
		var ids []int64
		for _, text := range texts {
			n, err := svc.AddNote(ctx, p.ID, session.Note{Area: session.AreaConfidence, Lane: "concern", Text: text})
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, n.ID)
		}
		// Grouped once the writing is over, which shows the lone writer's notes.
		if _, err := svc.SetPhase(ctx, s.ID, session.PhaseGroup); err != nil {
			t.Fatal(err)
		}
		if err := svc.SaveThemes(ctx, s.ID, []session.Theme{{Label: "Pentests", NoteIDs: ids}}); err != nil {
			t.Fatal(err)
		}
		themes, err := svc.Themes(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		themeIDs = append(themeIDs, themes[0].ID)
	}
	themesOf := func() int {
		t.Helper()
		ds, err := svc.CampaignReportData(ctx, "Champions 2026")
		if err != nil {
			t.Fatal(err)
		}
		return len(report.BuildCampaign("Champions 2026", ds).Themes)
	}
	if n := themesOf(); n != 1 {
		t.Fatalf("before the split: %d campaign themes, want the two sessions' themes matched as 1", n)
	}
	if err := svc.SplitThemes(ctx, themeIDs[1], themeIDs[0]); err != nil {
		t.Fatal(err)
	}
	if n := themesOf(); n != 2 {
		t.Errorf("after the split: %d campaign themes, want 2", n)
	}
	// Each of the two says which theme it is kept apart from (for the overview's
	// undo and the JSON).
	ds, err := svc.CampaignReportData(ctx, "Champions 2026")
	if err != nil {
		t.Fatal(err)
	}
	for _, ct := range report.BuildCampaign("Champions 2026", ds).Themes {
		for _, st := range ct.SessionThemes {
			other := themeIDs[0]
			if st.ThemeID == themeIDs[0] {
				other = themeIDs[1]
			}
			if len(st.KeptApart) != 1 || st.KeptApart[0] != other {
				t.Errorf("theme %d is kept apart from %v, want [%d]", st.ThemeID, st.KeptApart, other)
			}
		}
	}
	// Splitting again changes nothing; splitting a theme from itself is refused.
	if err := svc.SplitThemes(ctx, themeIDs[0], themeIDs[1]); err != nil {
		t.Errorf("splitting again: %v", err)
	}
	if err := svc.SplitThemes(ctx, themeIDs[0], themeIDs[0]); session.ErrorCode(err) != session.EInvalid {
		t.Errorf("splitting a theme from itself: %v, want invalid", err)
	}
}
