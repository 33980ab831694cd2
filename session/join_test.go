package session_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/sqlite"
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

// campaignThemes is four sessions of one campaign dated a month apart, each with
// one theme, and a session of another campaign with one, in a service whose
// changes rec records.
type campaignThemes struct {
	svc      *session.Service
	db       *sqlite.DB
	rec      *recorder
	sessions [4]string
	themes   [4]int64
	other    int64 // the other campaign's theme
}

func mustCampaignThemes(t *testing.T) *campaignThemes {
	t.Helper()
	svc, db := MustOpenService(t)
	ct := &campaignThemes{svc: svc, db: db, rec: &recorder{}}
	svc.Notifier = ct.rec
	for i, text := range []string{"the why of a control", "explain the rule", "reasons for controls", "rules without reasons"} {
		ct.sessions[i], ct.themes[i] = campaignTheme(t, svc, "Chartering 2027", fmt.Sprintf("2027-%02d-10", i+1), text)
	}
	_, ct.other = campaignTheme(t, svc, "Another campaign", "2027-03-10", "reasons elsewhere")
	return ct
}

// storedPairs reads the pairs (ThemeSplits or ThemeJoins) of a session.
func storedPairs(t *testing.T, db *sqlite.DB, of func(*sqlite.DB, context.Context, string) ([][2]int64, error), sessionID string) [][2]int64 {
	t.Helper()
	got, err := of(db, context.Background(), sessionID)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// Joining two campaign themes joins each session theme of one with each of the
// other; splitting a session theme from its campaign theme splits it from each
// other session theme there. Either is one transaction: when one pair is refused
// (the last: with a theme of another campaign, with itself, with one that is
// gone) none is stored, where before each pair was its own transaction, and the
// pairs before the refused one stayed stored while the overview said it had
// failed. All pairs stored, the other word on a pair is undone (the later word
// stands), and overviews hear once.
func TestThemePairsAllOrNone(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name          string
		store         func(*session.Service, context.Context, [][2]int64) error
		stored, undid func(*sqlite.DB, context.Context, string) ([][2]int64, error)
		opposite      func(*session.Service, context.Context, int64, int64) error
	}{
		{"join", (*session.Service).JoinThemePairs, (*sqlite.DB).ThemeJoins, (*sqlite.DB).ThemeSplits, (*session.Service).SplitThemes},
		{"split", (*session.Service).SplitThemePairs, (*sqlite.DB).ThemeSplits, (*sqlite.DB).ThemeJoins, (*session.Service).JoinThemes},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			ct := mustCampaignThemes(t)
			svc, db, rec, ss, other := ct.svc, ct.db, ct.rec, ct.sessions, ct.other
			a, b, c, d := ct.themes[0], ct.themes[1], ct.themes[2], ct.themes[3]
			for _, last := range []int64{other, a, other + 1000} {
				before := published(rec)
				err := tc.store(svc, ctx, [][2]int64{{a, b}, {c, a}, {a, last}})
				if err == nil {
					t.Fatalf("stored %d with %d", a, last)
				}
				if got := storedPairs(t, db, tc.stored, ss[0]); len(got) != 0 {
					t.Errorf("refused (%v), yet stored %v", err, got)
				}
				if published(rec) != before {
					t.Errorf("refused (%v), yet published a change", err)
				}
			}

			if err := tc.opposite(svc, ctx, a, d); err != nil {
				t.Fatal(err)
			}
			before := published(rec)
			if err := tc.store(svc, ctx, [][2]int64{{a, b}, {c, a}, {d, a}}); err != nil {
				t.Fatal(err)
			}
			if got := storedPairs(t, db, tc.stored, ss[0]); len(got) != 3 {
				t.Errorf("stored, yet session 1 has %v, want three", got)
			}
			if got := storedPairs(t, db, tc.undid, ss[0]); len(got) != 0 {
				t.Errorf("stored, yet the other word on a pair stands: %v", got)
			}
			if n := published(rec) - before; n != 1 {
				t.Errorf("published %d changes for one %s, want 1", n, tc.name)
			}
		})
	}
}

func published(r *recorder) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.got)
}

// U undoes a session theme's splits and joins together: one transaction, which
// overviews hear of once; a pair another facilitator undid meanwhile is passed
// over, and undoing nothing publishes nothing.
func TestUndoThemePairsAtOnce(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	ct := mustCampaignThemes(t)
	svc, db, rec, ss := ct.svc, ct.db, ct.rec, ct.sessions
	a, b, c, d := ct.themes[0], ct.themes[1], ct.themes[2], ct.themes[3]
	if err := svc.SplitThemePairs(ctx, [][2]int64{{a, b}, {c, a}, {a, d}}); err != nil {
		t.Fatal(err)
	}
	if err := svc.JoinThemes(ctx, b, d); err != nil {
		t.Fatal(err)
	}
	if err := svc.UnsplitThemes(ctx, a, d); err != nil {
		t.Fatal(err)
	}
	before := published(rec)
	n, err := svc.UndoThemePairs(ctx, [][2]int64{{a, b}, {c, a}, {a, d}}, [][2]int64{{d, b}})
	if err != nil || n != 3 {
		t.Fatalf("undid %d pairs (%v), want 3", n, err)
	}
	if got := storedPairs(t, db, (*sqlite.DB).ThemeSplits, ss[0]); len(got) != 0 {
		t.Errorf("undone, yet session 1's splits are %v", got)
	}
	if got := storedPairs(t, db, (*sqlite.DB).ThemeJoins, ss[1]); len(got) != 0 {
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
	ct := mustCampaignThemes(t)
	th := ct.themes
	pairs := [][2]int64{{th[0], th[1]}, {th[0], th[2]}, {th[0], th[3]}}
	for name, store := range map[string]func(*session.Service) error{
		"split": func(svc *session.Service) error { return svc.SplitThemePairs(ctx, pairs) },
		"join":  func(svc *session.Service) error { return svc.JoinThemePairs(ctx, pairs) },
	} {
		st := &readCountingStore{Store: ct.db, reads: map[string]int{}}
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
