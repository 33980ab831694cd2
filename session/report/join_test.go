package report_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/report"
)

// A facilitator joins two session themes that matching left apart; later reports
// match them as one campaign theme, and an undo parts them again. A join and a
// split of one pair: the later one stands.
func TestCampaignKeepsJoinedThemesTogether(t *testing.T) {
	t.Parallel()
	svc := openService(t)
	ctx := context.Background()
	var themeIDs []int64
	for i, th := range []struct{ label, lane, text string }{
		{"Clear explanations of why a control matters", "motivates", "when someone explains why a control matters I follow it gladly"},
		{"When the security team explains the why, not just the rule", "motivates", "the security team explains the why, not just the rule"},
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
		n, err := svc.AddNote(ctx, p.ID, session.Note{Area: session.AreaMotivation, Lane: th.lane, Text: th.text})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := svc.SetPhase(ctx, s.ID, session.PhaseGroup); err != nil {
			t.Fatal(err)
		}
		if err := svc.SaveThemes(ctx, s.ID, []session.Theme{{Label: th.label, NoteIDs: []int64{n.ID}}}); err != nil {
			t.Fatal(err)
		}
		themes, err := svc.Themes(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		themeIDs = append(themeIDs, themes[0].ID)
	}
	build := func() *report.CampaignFindings {
		t.Helper()
		ds, err := svc.CampaignReportData(ctx, "Chartering 2027")
		if err != nil {
			t.Fatal(err)
		}
		return report.BuildCampaign("Chartering 2027", ds)
	}
	if n := len(build().Themes); n != 2 {
		t.Fatalf("before the join: %d campaign themes, want the two apart (the test needs them unmatched)", n)
	}
	if err := svc.JoinThemes(ctx, themeIDs[1], themeIDs[0]); err != nil {
		t.Fatal(err)
	}
	f := build()
	if len(f.Themes) != 1 {
		t.Fatalf("after the join: %d campaign themes, want 1", len(f.Themes))
	}
	for _, st := range f.Themes[0].SessionThemes {
		other := themeIDs[0]
		if st.ThemeID == themeIDs[0] {
			other = themeIDs[1]
		}
		if !slices.Equal(st.JoinedWith, []int64{other}) {
			t.Errorf("theme %d is joined with %v, want [%d]", st.ThemeID, st.JoinedWith, other)
		}
	}
	var md strings.Builder
	if err := f.WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md.String(), "joined by hand") {
		t.Errorf("the report does not say the themes were joined by hand:\n%s", md.String())
	}

	// A split of the pair undoes the join, and a join the split.
	if err := svc.SplitThemes(ctx, themeIDs[0], themeIDs[1]); err != nil {
		t.Fatal(err)
	}
	if f := build(); len(f.Themes) != 2 || f.Themes[0].SessionThemes[0].JoinedWith != nil {
		t.Errorf("split after the join: %d campaign themes, joined with %v; want 2, none", len(f.Themes), f.Themes[0].SessionThemes[0].JoinedWith)
	}
	if err := svc.JoinThemes(ctx, themeIDs[0], themeIDs[1]); err != nil {
		t.Fatal(err)
	}
	if f := build(); len(f.Themes) != 1 || f.Themes[0].SessionThemes[0].KeptApart != nil {
		t.Errorf("joined after the split: %d campaign themes, kept apart from %v; want 1, none", len(f.Themes), f.Themes[0].SessionThemes[0].KeptApart)
	}

	// The undo parts them; undoing it twice says there was no join.
	if err := svc.UnjoinThemes(ctx, themeIDs[0], themeIDs[1]); err != nil {
		t.Fatal(err)
	}
	if n := len(build().Themes); n != 2 {
		t.Errorf("after the undo: %d campaign themes, want 2", n)
	}
	if err := svc.UnjoinThemes(ctx, themeIDs[0], themeIDs[1]); session.ErrorCode(err) != session.ENotFound {
		t.Errorf("undoing the join twice: %v, want not found", err)
	}
	if err := svc.JoinThemes(ctx, themeIDs[0], themeIDs[0]); session.ErrorCode(err) != session.EInvalid {
		t.Errorf("joining a theme with itself: %v, want invalid", err)
	}
}

// A split stored after two joins that chain its pair wins in the report: with
// a-b and a-c joined, a split of b and c keeps them in two campaign themes.
func TestCampaignSplitWinsOverJoinedChain(t *testing.T) {
	t.Parallel()
	svc := openService(t)
	ctx := context.Background()
	var ids []int64
	for i, th := range []struct{ label, text string }{
		{"Clear explanations", "when someone explains why a control matters I follow it gladly"},
		{"On-call", "the on-call rota is unfair"},
		{"Laptops", "slow laptops with too many agents"},
	} {
		s, err := svc.NewSession(ctx, session.Session{Title: "Developers", Audience: session.AudienceDevelopers,
			Campaign: "Chartering 2027", Date: []string{"2027-01-10", "2027-02-10", "2027-03-10"}[i]})
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
		n, err := svc.AddNote(ctx, p.ID, session.Note{Area: session.AreaMotivation, Lane: "motivates", Text: th.text})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := svc.SetPhase(ctx, s.ID, session.PhaseGroup); err != nil {
			t.Fatal(err)
		}
		if err := svc.SaveThemes(ctx, s.ID, []session.Theme{{Label: th.label, NoteIDs: []int64{n.ID}}}); err != nil {
			t.Fatal(err)
		}
		themes, err := svc.Themes(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, themes[0].ID)
	}
	a, b, c := ids[0], ids[1], ids[2]
	if err := svc.JoinThemePairs(ctx, [][2]int64{{a, b}, {a, c}}); err != nil {
		t.Fatal(err)
	}
	if err := svc.SplitThemes(ctx, b, c); err != nil {
		t.Fatal(err)
	}
	ds, err := svc.CampaignReportData(ctx, "Chartering 2027")
	if err != nil {
		t.Fatal(err)
	}
	themeOf := map[int64]int{}
	joined := map[int64][]int64{}
	for i, ct := range report.BuildCampaign("Chartering 2027", ds).Themes {
		for _, st := range ct.SessionThemes {
			themeOf[st.ThemeID] = i
			joined[st.ThemeID] = st.JoinedWith
		}
	}
	if len(themeOf) != 3 {
		t.Fatalf("campaign themes hold %v, want the three session themes", themeOf)
	}
	if themeOf[b] == themeOf[c] {
		t.Errorf("b and c split, yet in one campaign theme: %v", themeOf)
	}
	if themeOf[a] != themeOf[b] {
		t.Errorf("a and b joined first, yet apart: %v", themeOf)
	}
	// "joined by hand" names only the themes it was joined with and stands beside:
	// the join of a and c the split overruled is not said.
	if !slices.Equal(joined[a], []int64{b}) || len(joined[c]) != 0 {
		t.Errorf("joined with: a %v, c %v; want a with b only, c with none (the split kept c apart)", joined[a], joined[c])
	}
}
