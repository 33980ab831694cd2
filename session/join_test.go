package session_test

import (
	"context"
	"testing"

	"github.com/charter-tool/charter/session"
)

// campaignTheme makes a session of the campaign dated date, with one theme of one
// note, and returns the session's and the theme's IDs.
func campaignTheme(t *testing.T, svc *session.Service, campaign, date, text string) (string, int64) {
	t.Helper()
	ctx := context.Background()
	s, err := svc.NewSession(ctx, session.Session{Title: "Developers", Audience: session.AudienceDevelopers,
		Campaign: campaign, Date: date})
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
	n, err := svc.AddNote(ctx, p.ID, session.Note{Area: session.AreaMotivation, Lane: "motivates", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SetPhase(ctx, s.ID, session.PhaseGroup); err != nil {
		t.Fatal(err)
	}
	if err := svc.SaveThemes(ctx, s.ID, []session.Theme{{Label: text, NoteIDs: []int64{n.ID}}}); err != nil {
		t.Fatal(err)
	}
	themes, err := svc.Themes(ctx, s.ID)
	if err != nil || len(themes) != 1 {
		t.Fatalf("%d themes, %v", len(themes), err)
	}
	return s.ID, themes[0].ID
}

// Joining two campaign themes joins each session theme of one with each of the
// other. When one pair is refused none is stored: before, each pair was its own
// transaction, and the pairs before the refused one stayed joined while the
// overview said the join had failed. All pairs stored, overviews hear once.
func TestJoinThemePairsAllOrNone(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	svc, db := MustOpenService(t)
	rec := &recorder{}
	svc.Notifier = rec
	const campaign = "Chartering 2027"
	s1, a := campaignTheme(t, svc, campaign, "2027-01-10", "the why of a control")
	s2, b := campaignTheme(t, svc, campaign, "2027-02-10", "explain the rule")
	_, c := campaignTheme(t, svc, campaign, "2027-03-10", "reasons for controls")
	_, other := campaignTheme(t, svc, "Another campaign", "2027-03-10", "reasons elsewhere")
	joins := func(sessionID string) [][2]int64 {
		t.Helper()
		got, err := db.ThemeJoins(ctx, sessionID)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}

	for _, tc := range []struct {
		name  string
		pairs [][2]int64
	}{
		{"a theme of another campaign last", [][2]int64{{a, b}, {a, c}, {b, other}}},
		{"a theme with itself last", [][2]int64{{a, b}, {c, a}, {c, c}}},
		{"a theme that is gone last", [][2]int64{{a, b}, {a, c}, {b, c + 1000}}},
	} {
		before := published(rec)
		err := svc.JoinThemePairs(ctx, tc.pairs)
		if err == nil {
			t.Fatalf("%s: joined", tc.name)
		}
		if got := joins(s1); len(got) != 0 {
			t.Errorf("%s: refused (%v), yet stored %v", tc.name, err, got)
		}
		if published(rec) != before {
			t.Errorf("%s: refused, yet published %v", tc.name, "something")
		}
	}

	// A split of a pair joined is undone, as JoinThemes undoes it.
	if err := svc.SplitThemes(ctx, b, c); err != nil {
		t.Fatal(err)
	}
	before := published(rec)
	if err := svc.JoinThemePairs(ctx, [][2]int64{{b, a}, {c, a}, {b, c}}); err != nil {
		t.Fatal(err)
	}
	if got := joins(s2); len(got) != 2 {
		t.Errorf("joined, yet session 2's joins are %v, want two", got)
	}
	if got, err := db.ThemeSplits(ctx, s2); err != nil || len(got) != 0 {
		t.Errorf("joined, yet session 2's splits are %v (%v), want none", got, err)
	}
	if published(rec)-before != 1 {
		t.Errorf("published %d changes for one join, want 1", published(rec)-before)
	}
}

func published(r *recorder) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.got)
}
