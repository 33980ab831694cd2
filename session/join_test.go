package session_test

import (
	"context"
	"fmt"
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

// Splitting a session theme from its campaign theme splits it from each other
// session theme there, and U undoes a theme's splits and joins together. Each is
// one transaction: when one pair is refused none is stored (before, each pair was
// its own, and the pairs before the refused one stayed split while the overview
// said the split had failed), and overviews hear of each once.
func TestSplitAndUndoThemePairsAllOrNone(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	svc, db := MustOpenService(t)
	rec := &recorder{}
	svc.Notifier = rec
	const campaign = "Chartering 2027"
	s1, a := campaignTheme(t, svc, campaign, "2027-01-10", "the why of a control")
	s2, b := campaignTheme(t, svc, campaign, "2027-02-10", "explain the rule")
	_, c := campaignTheme(t, svc, campaign, "2027-03-10", "reasons for controls")
	_, d := campaignTheme(t, svc, campaign, "2027-04-10", "rules without reasons")
	_, other := campaignTheme(t, svc, "Another campaign", "2027-03-10", "reasons elsewhere")
	pairs := func(of func(context.Context, string) ([][2]int64, error), sessionID string) [][2]int64 {
		t.Helper()
		got, err := of(ctx, sessionID)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}

	for _, tc := range []struct {
		name  string
		pairs [][2]int64
	}{
		{"a theme of another campaign last", [][2]int64{{a, b}, {a, c}, {a, other}}},
		{"a theme with itself last", [][2]int64{{a, b}, {a, c}, {a, a}}},
		{"a theme that is gone last", [][2]int64{{a, b}, {a, c}, {a, d + 1000}}},
	} {
		before := published(rec)
		err := svc.SplitThemePairs(ctx, tc.pairs)
		if err == nil {
			t.Fatalf("%s: split", tc.name)
		}
		if got := pairs(db.ThemeSplits, s1); len(got) != 0 {
			t.Errorf("%s: refused (%v), yet stored %v", tc.name, err, got)
		}
		if published(rec) != before {
			t.Errorf("%s: refused, yet published a change", tc.name)
		}
	}

	// A join of a pair split is undone, as SplitThemes undoes it.
	if err := svc.JoinThemes(ctx, a, d); err != nil {
		t.Fatal(err)
	}
	before := published(rec)
	if err := svc.SplitThemePairs(ctx, [][2]int64{{a, b}, {c, a}, {a, d}}); err != nil {
		t.Fatal(err)
	}
	if got := pairs(db.ThemeSplits, s1); len(got) != 3 {
		t.Errorf("split, yet session 1's splits are %v, want three", got)
	}
	if got := pairs(db.ThemeJoins, s1); len(got) != 0 {
		t.Errorf("split, yet session 1's joins are %v, want none", got)
	}
	if n := published(rec) - before; n != 1 {
		t.Errorf("published %d changes for one split, want 1", n)
	}

	// Undone together: the splits and a join, one undone meanwhile passed over.
	if err := svc.JoinThemes(ctx, b, d); err != nil {
		t.Fatal(err)
	}
	if err := svc.UnsplitThemes(ctx, a, d); err != nil {
		t.Fatal(err)
	}
	before = published(rec)
	n, err := svc.UndoThemePairs(ctx, [][2]int64{{a, b}, {c, a}, {a, d}}, [][2]int64{{d, b}})
	if err != nil || n != 3 {
		t.Fatalf("undid %d pairs (%v), want 3", n, err)
	}
	if got := pairs(db.ThemeSplits, s1); len(got) != 0 {
		t.Errorf("undone, yet session 1's splits are %v", got)
	}
	if got := pairs(db.ThemeJoins, s2); len(got) != 0 {
		t.Errorf("undone, yet session 2's joins are %v", got)
	}
	if n := published(rec) - before; n != 1 {
		t.Errorf("published %d changes for one undo, want 1", n)
	}
	before = published(rec)
	if n, err := svc.UndoThemePairs(ctx, [][2]int64{{a, b}}, nil); err != nil || n != 0 {
		t.Errorf("undoing what was undone: %d pairs (%v), want none", n, err)
	}
	if published(rec) != before {
		t.Error("nothing undone, yet published a change")
	}
}

// readCountingStore counts the themes and sessions read through it, in its
// transactions too, by what it read: "theme 3", "session ab12".
type readCountingStore struct {
	session.Store
	reads map[string]int
}

func (s *readCountingStore) Theme(ctx context.Context, id int64) (*session.Theme, error) {
	s.reads[fmt.Sprint("theme ", id)]++
	return s.Store.Theme(ctx, id)
}

func (s *readCountingStore) Session(ctx context.Context, id string) (*session.Session, error) {
	s.reads["session "+id]++
	return s.Store.Session(ctx, id)
}

func (s *readCountingStore) WriteTx(ctx context.Context, fn func(st session.Store) error) error {
	return s.Store.WriteTx(ctx, func(st session.Store) error {
		return fn(&readCountingStore{Store: st, reads: s.reads})
	})
}

// A theme split from three others, or joined with them, is checked reading each
// theme and each session once, not once for each pair that holds it.
func TestThemePairsReadEachThemeOnce(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	plain, db := MustOpenService(t)
	const campaign = "Chartering 2027"
	_, a := campaignTheme(t, plain, campaign, "2027-01-10", "the why of a control")
	_, b := campaignTheme(t, plain, campaign, "2027-02-10", "explain the rule")
	_, c := campaignTheme(t, plain, campaign, "2027-03-10", "reasons for controls")
	_, d := campaignTheme(t, plain, campaign, "2027-04-10", "rules without reasons")
	pairs := [][2]int64{{a, b}, {a, c}, {a, d}}
	for name, store := range map[string]func(*session.Service) error{
		"split": func(svc *session.Service) error { return svc.SplitThemePairs(ctx, pairs) },
		"join":  func(svc *session.Service) error { return svc.JoinThemePairs(ctx, pairs) },
	} {
		st := &readCountingStore{Store: db, reads: map[string]int{}}
		if err := store(session.NewService(st, nil)); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(st.reads) != 8 {
			t.Errorf("%s read %v, want four themes and their four sessions", name, st.reads)
		}
		for what, n := range st.reads {
			if n != 1 {
				t.Errorf("%s read %s %d times, want once", name, what, n)
			}
		}
	}
}
