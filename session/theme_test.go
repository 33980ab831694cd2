package session_test

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/report"
)

// recorder remembers what a Service published.
type recorder struct {
	mu  sync.Mutex
	got []session.Change
}

func (r *recorder) Publish(_ string, what session.Change) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.got = append(r.got, what)
}

func (r *recorder) last() session.Change {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.got) == 0 {
		return 0
	}
	return r.got[len(r.got)-1]
}

// board is a session in the write phase with two participants and notes by both.
type board struct {
	svc   *session.Service
	rec   *recorder
	sess  *session.Session
	a, b  *session.Participant
	notes []*session.Note
}

func mustBoard(t *testing.T, texts ...string) *board {
	t.Helper()
	svc, _ := MustOpenService(t)
	rec := &recorder{}
	svc.Notifier = rec
	return mustBoardIn(t, svc, texts...)
}

// boardsIn returns mustBoard for the cases of a table test, each a session of its own
// in one database: opening a database per case cost more than most cases. The cases
// must run one after another, so that the recorder's last change is the case's.
func boardsIn(t *testing.T) func(t *testing.T, texts ...string) *board {
	t.Helper()
	svc, _ := MustOpenService(t)
	svc.Notifier = &recorder{}
	return func(t *testing.T, texts ...string) *board {
		t.Helper()
		return mustBoardIn(t, svc, texts...)
	}
}

// other returns a second session in the same database, so that IDs are distinct.
func (bd *board) other(t *testing.T, texts ...string) *board {
	t.Helper()
	return mustBoardIn(t, bd.svc, texts...)
}

func mustBoardIn(t *testing.T, svc *session.Service, texts ...string) *board {
	t.Helper()
	ctx := context.Background()
	bd := &board{svc: svc, rec: svc.Notifier.(*recorder), sess: mustSession(t, svc)}
	var err error
	if bd.a, err = svc.Join(ctx, bd.sess.ID, "hash-a"); err != nil {
		t.Fatal(err)
	}
	if bd.b, err = svc.Join(ctx, bd.sess.ID, "hash-b"); err != nil {
		t.Fatal(err)
	}
	bd.phase(t, session.PhaseWrite)
	for i, text := range texts {
		p := bd.a
		if i%2 == 1 {
			p = bd.b
		}
		n, err := svc.AddNote(ctx, p.ID, session.Note{Area: session.AreaActivities, Lane: "more", Text: text})
		if err != nil {
			t.Fatal(err)
		}
		bd.notes = append(bd.notes, n)
	}
	return bd
}

func (bd *board) phase(t *testing.T, ph session.Phase) {
	t.Helper()
	if _, err := bd.svc.SetPhase(context.Background(), bd.sess.ID, ph); err != nil {
		t.Fatal(err)
	}
}

func (bd *board) ids(i ...int) []int64 {
	var out []int64
	for _, k := range i {
		out = append(out, bd.notes[k].ID)
	}
	return out
}

// themes saves themes of note indexes and returns them as stored.
func (bd *board) themes(t *testing.T, groups map[string][]int) []*session.Theme {
	t.Helper()
	ctx := context.Background()
	var in []session.Theme
	for _, label := range slices.Sorted(maps.Keys(groups)) {
		in = append(in, session.Theme{Label: label, NoteIDs: bd.ids(groups[label]...)})
	}
	if err := bd.svc.SaveThemes(ctx, bd.sess.ID, in); err != nil {
		t.Fatal(err)
	}
	got, err := bd.svc.Themes(ctx, bd.sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestSaveThemesValidates(t *testing.T) {
	t.Parallel()
	bd := mustBoard(t, "threat modelling help", "more STRIDE", "deadlines win", "no time")
	other := bd.other(t, "a note of another session")
	ctx := context.Background()
	tests := []struct {
		name   string
		themes []session.Theme
		code   string
	}{
		{"ok", []session.Theme{{Label: "threat models", NoteIDs: bd.ids(1, 0)}, {Label: "time", NoteIDs: bd.ids(2)}}, ""},
		{"empty list clears", nil, ""},
		{"note twice", []session.Theme{{Label: "x", NoteIDs: bd.ids(0)}, {Label: "y", NoteIDs: bd.ids(0, 1)}}, session.EInvalid},
		{"note of other session", []session.Theme{{Label: "x", NoteIDs: other.ids(0)}}, session.EInvalid},
		{"unknown note", []session.Theme{{Label: "x", NoteIDs: []int64{999999}}}, session.EInvalid},
		{"no label", []session.Theme{{Label: " \x1b[1m", NoteIDs: bd.ids(0)}}, session.EInvalid},
		{"label too long", []session.Theme{{Label: strings.Repeat("x", 61), NoteIDs: bd.ids(0)}}, session.EInvalid},
		{"unknown theme id", []session.Theme{{ID: 424242, Label: "x"}}, session.ENotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := bd.svc.SaveThemes(ctx, bd.sess.ID, tt.themes)
			if got := session.ErrorCode(err); got != tt.code {
				t.Fatalf("code = %q, want %q (%v)", got, tt.code, err)
			}
			if err != nil {
				return
			}
			if bd.rec.last() != session.ChangeThemes {
				t.Errorf("published %v, want ChangeThemes", bd.rec.last())
			}
			got, err := bd.svc.Themes(ctx, bd.sess.ID)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.themes) {
				t.Fatalf("got %d themes, want %d", len(got), len(tt.themes))
			}
			for i, th := range got {
				want := slices.Sorted(slices.Values(tt.themes[i].NoteIDs))
				if th.Label != tt.themes[i].Label || !slices.Equal(th.NoteIDs, want) {
					t.Errorf("theme %d = %q %v, want %q %v", i, th.Label, th.NoteIDs, tt.themes[i].Label, want)
				}
			}
		})
	}
}

func TestSaveThemesKeepsVotesOfKeptThemes(t *testing.T) {
	t.Parallel()
	bd := mustBoard(t, "n0", "n1", "n2")
	ctx := context.Background()
	th := bd.themes(t, map[string][]int{"keep": {0}, "drop": {1}})
	keep, drop := th[1], th[0]
	bd.phase(t, session.PhaseVote)
	for _, id := range []int64{keep.ID, drop.ID} {
		if err := bd.svc.Vote(ctx, bd.a.ID, id, 1); err != nil {
			t.Fatal(err)
		}
	}
	err := bd.svc.SaveThemes(ctx, bd.sess.ID, []session.Theme{
		{ID: keep.ID, Label: "kept", NoteIDs: bd.ids(0, 1)},
		{Label: "new", NoteIDs: bd.ids(2)},
	})
	if err != nil {
		t.Fatal(err)
	}
	bd.phase(t, session.PhaseActions)
	totals, err := bd.svc.VoteTotals(ctx, bd.sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(totals) != 1 || totals[keep.ID] != 1 {
		t.Errorf("totals = %v, want only the kept theme's dot", totals)
	}
	mine, _ := bd.svc.MyVotes(ctx, bd.a.ID)
	if len(mine) != 1 {
		t.Errorf("my votes = %v", mine)
	}
}

func TestEditThemes(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	tests := []struct {
		name string
		// edit changes the themes "a" (notes 0,1) and "b" (notes 2,3) of bd.
		edit func(bd *board, a, b *session.Theme) error
		code string
		// want is the labels and note indexes after the edit, by theme ID order.
		want map[string][]int
	}{
		{"rename", func(bd *board, a, b *session.Theme) error { return bd.svc.RenameTheme(ctx, a.ID, "  threat   models ") },
			"", map[string][]int{"threat models": {0, 1}, "b": {2, 3}}},
		{"rename empty", func(bd *board, a, b *session.Theme) error { return bd.svc.RenameTheme(ctx, a.ID, "") },
			session.EInvalid, nil},
		{"rename unknown", func(bd *board, a, b *session.Theme) error { return bd.svc.RenameTheme(ctx, 9999, "x") },
			session.ENotFound, nil},
		{"merge", func(bd *board, a, b *session.Theme) error { return bd.svc.MergeThemes(ctx, a.ID, b.ID) },
			"", map[string][]int{"a": {0, 1, 2, 3}}},
		{"merge into itself", func(bd *board, a, b *session.Theme) error { return bd.svc.MergeThemes(ctx, a.ID, a.ID) },
			session.EInvalid, nil},
		{"split", func(bd *board, a, b *session.Theme) error {
			_, err := bd.svc.SplitTheme(ctx, b.ID, bd.ids(3), "c")
			return err
		}, "", map[string][]int{"a": {0, 1}, "b": {2}, "c": {3}}},
		{"split a note of another theme", func(bd *board, a, b *session.Theme) error {
			_, err := bd.svc.SplitTheme(ctx, b.ID, bd.ids(0), "c")
			return err
		}, session.EInvalid, nil},
		{"split nothing", func(bd *board, a, b *session.Theme) error {
			_, err := bd.svc.SplitTheme(ctx, b.ID, nil, "c")
			return err
		}, session.EInvalid, nil},
		{"new theme", func(bd *board, a, b *session.Theme) error {
			_, err := bd.svc.NewTheme(ctx, bd.sess.ID, " AI  and copilot ", bd.ids(1, 3), true)
			return err
		}, "", map[string][]int{"a": {0}, "b": {2}, "AI and copilot": {1, 3}}},
		{"new theme without a name", func(bd *board, a, b *session.Theme) error {
			_, err := bd.svc.NewTheme(ctx, bd.sess.ID, " ", bd.ids(1), true)
			return err
		}, session.EInvalid, nil},
		{"new theme of no note", func(bd *board, a, b *session.Theme) error {
			_, err := bd.svc.NewTheme(ctx, bd.sess.ID, "c", nil, true)
			return err
		}, session.EInvalid, nil},
		{"new theme with a note of another session", func(bd *board, a, b *session.Theme) error {
			other := bd.other(t, "elsewhere")
			_, err := bd.svc.NewTheme(ctx, bd.sess.ID, "c", []int64{bd.notes[0].ID, other.notes[0].ID}, true)
			return err
		}, session.EInvalid, nil},
		{"move", func(bd *board, a, b *session.Theme) error { return bd.svc.MoveNote(ctx, bd.notes[0].ID, b.ID) },
			"", map[string][]int{"a": {1}, "b": {0, 2, 3}}},
		{"move out", func(bd *board, a, b *session.Theme) error { return bd.svc.MoveNote(ctx, bd.notes[0].ID, 0) },
			"", map[string][]int{"a": {1}, "b": {2, 3}}},
		{"move into a theme of another session", func(bd *board, a, b *session.Theme) error {
			other := bd.other(t, "elsewhere")
			th := other.themes(t, map[string][]int{"x": {0}})
			return bd.svc.MoveNote(ctx, bd.notes[0].ID, th[0].ID)
		}, session.EInvalid, nil},
		{"move several", func(bd *board, a, b *session.Theme) error { return bd.svc.MoveNotes(ctx, bd.ids(0, 1), b.ID) },
			"", map[string][]int{"a": {}, "b": {0, 1, 2, 3}}},
		{"move several, one of another session", func(bd *board, a, b *session.Theme) error {
			other := bd.other(t, "elsewhere")
			return bd.svc.MoveNotes(ctx, []int64{bd.notes[0].ID, other.notes[0].ID}, b.ID)
		}, session.EInvalid, nil},
		{"move none", func(bd *board, a, b *session.Theme) error { return bd.svc.MoveNotes(ctx, nil, b.ID) },
			session.EInvalid, nil},
		{"delete", func(bd *board, a, b *session.Theme) error { return bd.svc.DeleteTheme(ctx, a.ID) },
			"", map[string][]int{"b": {2, 3}}},
	}
	newBoard := boardsIn(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bd := newBoard(t, "n0", "n1", "n2", "n3")
			th := bd.themes(t, map[string][]int{"a": {0, 1}, "b": {2, 3}})
			err := tt.edit(bd, th[0], th[1])
			if got := session.ErrorCode(err); got != tt.code {
				t.Fatalf("code = %q, want %q (%v)", got, tt.code, err)
			}
			if err != nil {
				return
			}
			if bd.rec.last() != session.ChangeThemes {
				t.Errorf("published %v, want ChangeThemes", bd.rec.last())
			}
			got, err := bd.svc.Themes(ctx, bd.sess.ID)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d themes, want %d", len(got), len(tt.want))
			}
			for _, g := range got {
				if !slices.Equal(g.NoteIDs, bd.ids(tt.want[g.Label]...)) {
					t.Errorf("theme %q has notes %v, want %v", g.Label, g.NoteIDs, bd.ids(tt.want[g.Label]...))
				}
			}
		})
	}
}

func TestMergeMovesVotesAndActions(t *testing.T) {
	t.Parallel()
	bd := mustBoard(t, "n0", "n1", "n2")
	ctx := context.Background()
	th := bd.themes(t, map[string][]int{"a": {0}, "b": {1}, "c": {2}})
	act, err := bd.svc.AddAction(ctx, session.ActionPoint{SessionID: bd.sess.ID, ThemeID: th[1].ID, Title: "do b"})
	if err != nil {
		t.Fatal(err)
	}
	bd.phase(t, session.PhaseVote)
	for _, v := range []struct{ p, theme int64 }{{bd.a.ID, th[0].ID}, {bd.a.ID, th[1].ID}, {bd.a.ID, th[1].ID}, {bd.b.ID, th[1].ID}} {
		if err := bd.svc.Vote(ctx, v.p, v.theme, 1); err != nil {
			t.Fatal(err)
		}
	}
	// Merged once the totals are shown: the shown dots move as the live ones do.
	bd.phase(t, session.PhaseActions)
	if err := bd.svc.MergeThemes(ctx, th[0].ID, th[1].ID); err != nil {
		t.Fatal(err)
	}
	// a had 1 + 2 dots on the two themes: one theme takes at most
	// MaxVotesPerTheme of a person's dots, and the one over goes back to a.
	totals, _ := bd.svc.VoteTotals(ctx, bd.sess.ID)
	if want := session.MaxVotesPerTheme + 1; len(totals) != 1 || totals[th[0].ID] != want || th[2].Label != "c" {
		t.Errorf("totals after merge = %v, want %d on %d", totals, want, th[0].ID)
	}
	mine, _ := bd.svc.MyVotes(ctx, bd.a.ID)
	if len(mine) != 1 || mine[th[0].ID] != session.MaxVotesPerTheme {
		t.Errorf("a's dots after merge = %v, want %d on %d", mine, session.MaxVotesPerTheme, th[0].ID)
	}
	bd.phase(t, session.PhaseVote)
	if err := bd.svc.Vote(ctx, bd.a.ID, th[2].ID, 1); err != nil {
		t.Errorf("a cannot give the dot the merge gave back: %v", err)
	}
	acts, _ := bd.svc.Actions(ctx, bd.sess.ID)
	if len(acts) != 1 || acts[0].ID != act.ID || acts[0].ThemeID != th[0].ID {
		t.Errorf("action after merge = %+v", acts[0])
	}
	if err := bd.svc.DeleteTheme(ctx, th[0].ID); err != nil {
		t.Fatal(err)
	}
	acts, _ = bd.svc.Actions(ctx, bd.sess.ID)
	if len(acts) != 1 || acts[0].ThemeID != 0 {
		t.Errorf("action after its theme was deleted = %+v, want kept without theme", acts)
	}
}

func TestVoteRules(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	type vote struct {
		theme int // index into the themes
		delta int
	}
	tests := []struct {
		name   string
		phase  session.Phase
		budget int
		before []vote
		try    vote
		code   string
		mine   []int // dots per theme after the try
	}{
		{"first dot", session.PhaseVote, 0, nil, vote{0, 1}, "", []int{1, 0, 0}},
		{"not in vote phase", session.PhaseGroup, 0, nil, vote{0, 1}, session.EForbidden, []int{0, 0, 0}},
		{"two on one theme", session.PhaseVote, 0, []vote{{0, 1}}, vote{0, 1}, "", []int{2, 0, 0}},
		{"third on one theme", session.PhaseVote, 0, []vote{{0, 1}, {0, 1}}, vote{0, 1}, session.ELimit, []int{2, 0, 0}},
		{"over default budget of 3", session.PhaseVote, 0, []vote{{0, 1}, {1, 1}, {2, 1}}, vote{1, 1}, session.ELimit, []int{1, 1, 1}},
		{"over budget of 1", session.PhaseVote, 1, []vote{{0, 1}}, vote{1, 1}, session.ELimit, []int{1, 0, 0}},
		{"take back", session.PhaseVote, 0, []vote{{0, 1}, {0, 1}}, vote{0, -1}, "", []int{1, 0, 0}},
		{"take back to none", session.PhaseVote, 0, []vote{{0, 1}}, vote{0, -1}, "", []int{0, 0, 0}},
		{"take back what is not there", session.PhaseVote, 0, nil, vote{1, -1}, session.EInvalid, []int{0, 0, 0}},
		{"two at once", session.PhaseVote, 0, nil, vote{0, 2}, session.EInvalid, []int{0, 0, 0}},
		{"budget freed by taking back", session.PhaseVote, 0, []vote{{0, 1}, {1, 1}, {2, 1}, {2, -1}}, vote{1, 1}, "", []int{1, 2, 0}},
	}
	newBoard := boardsIn(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bd := newBoard(t, "n0", "n1", "n2")
			th := bd.themes(t, map[string][]int{"a": {0}, "b": {1}, "c": {2}})
			if tt.budget > 0 {
				if err := bd.svc.SetVoteBudget(ctx, bd.sess.ID, tt.budget); err != nil {
					t.Fatal(err)
				}
			}
			bd.phase(t, session.PhaseVote)
			for _, v := range tt.before {
				if err := bd.svc.Vote(ctx, bd.a.ID, th[v.theme].ID, v.delta); err != nil {
					t.Fatal(err)
				}
			}
			bd.phase(t, tt.phase)
			err := bd.svc.Vote(ctx, bd.a.ID, th[tt.try.theme].ID, tt.try.delta)
			if got := session.ErrorCode(err); got != tt.code {
				t.Fatalf("code = %q, want %q (%v)", got, tt.code, err)
			}
			if err != nil && session.ErrorMessage(err) == session.ErrorMessage(session.Errorf(session.EInternal, "")) {
				t.Errorf("no clear message: %v", err)
			}
			mine, err := bd.svc.MyVotes(ctx, bd.a.ID)
			if err != nil {
				t.Fatal(err)
			}
			for i, want := range tt.mine {
				if mine[th[i].ID] != want {
					t.Errorf("dots on %s = %d, want %d", th[i].Label, mine[th[i].ID], want)
				}
			}
			theirs, _ := bd.svc.MyVotes(ctx, bd.b.ID)
			if len(theirs) != 0 {
				t.Errorf("b's votes = %v, want none", theirs)
			}
		})
	}
}

func TestVoteOnThemeOfOtherSession(t *testing.T) {
	t.Parallel()
	bd := mustBoard(t, "n0")
	other := bd.other(t, "elsewhere")
	th := other.themes(t, map[string][]int{"x": {0}})
	bd.phase(t, session.PhaseVote)
	err := bd.svc.Vote(context.Background(), bd.a.ID, th[0].ID, 1)
	if session.ErrorCode(err) != session.ENotFound {
		t.Fatalf("vote on another session's theme: %v", err)
	}
}

func TestConcurrentVotesStayInBudget(t *testing.T) {
	t.Parallel()
	bd := mustBoard(t, "n0", "n1", "n2", "n3")
	ctx := context.Background()
	th := bd.themes(t, map[string][]int{"a": {0}, "b": {1}, "c": {2}, "d": {3}})
	bd.phase(t, session.PhaseVote)
	var wg sync.WaitGroup
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			bd.svc.Vote(ctx, bd.a.ID, th[i%4].ID, 1)
		}(i)
	}
	wg.Wait()
	mine, err := bd.svc.MyVotes(ctx, bd.a.ID)
	if err != nil {
		t.Fatal(err)
	}
	used := 0
	for _, c := range mine {
		used += c
	}
	if used != session.DefaultVoteBudget {
		t.Errorf("dots used = %d, want exactly the budget %d", used, session.DefaultVoteBudget)
	}
}

// Removing a participant takes them out of the room, not out of the results.
func TestVoteTotalsKeepRemoved(t *testing.T) {
	t.Parallel()
	bd := mustBoard(t, "n0")
	ctx := context.Background()
	th := bd.themes(t, map[string][]int{"a": {0}})
	bd.phase(t, session.PhaseVote)
	for _, p := range []int64{bd.a.ID, bd.b.ID} {
		if err := bd.svc.Vote(ctx, p, th[0].ID, 1); err != nil {
			t.Fatal(err)
		}
	}
	if err := bd.svc.RemoveParticipant(ctx, bd.b.ID); err != nil {
		t.Fatal(err)
	}
	bd.phase(t, session.PhaseActions)
	totals, _ := bd.svc.VoteTotals(ctx, bd.sess.ID)
	if totals[th[0].ID] != 2 {
		t.Errorf("totals = %v, want the removed participant's dot kept", totals)
	}
}

func TestSetVoteBudget(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	tests := []struct {
		name   string
		given  int
		budget int
		code   string
	}{
		{"in range", 0, 5, ""},
		{"zero", 0, 0, session.EInvalid},
		{"above max", 0, 11, session.EInvalid},
		{"below dots given", 2, 1, session.EConflict},
		{"down once a dot is given", 1, 2, session.EConflict},
		{"up once dots are given", 2, 5, ""},
	}
	newBoard := boardsIn(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bd := newBoard(t, "n0", "n1")
			th := bd.themes(t, map[string][]int{"a": {0}, "b": {1}})
			bd.phase(t, session.PhaseVote)
			for i := 0; i < tt.given; i++ {
				if err := bd.svc.Vote(ctx, bd.a.ID, th[i].ID, 1); err != nil {
					t.Fatal(err)
				}
			}
			err := bd.svc.SetVoteBudget(ctx, bd.sess.ID, tt.budget)
			if got := session.ErrorCode(err); got != tt.code {
				t.Fatalf("code = %q, want %q (%v)", got, tt.code, err)
			}
			sess, _ := bd.svc.Session(ctx, bd.sess.ID)
			want := session.DefaultVoteBudget
			if err == nil {
				want = tt.budget
			}
			if sess.VoteBudget != want {
				t.Errorf("budget = %d, want %d", sess.VoteBudget, want)
			}
		})
	}
}

func TestActionPoints(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	tests := []struct {
		name string
		in   session.ActionPoint
		code string
		want session.ActionPoint
	}{
		{"defaults", session.ActionPoint{Title: " threat model clinic "},
			"", session.ActionPoint{Title: "threat model clinic", Priority: 2, Status: session.ActionProposed}},
		{"all fields", session.ActionPoint{Title: "guild", Priority: 1, Owner: "AppSec\x1b[31m team", Status: session.ActionInProgress},
			"", session.ActionPoint{Title: "guild", Priority: 1, Owner: "AppSec team", Status: session.ActionInProgress}},
		{"no title", session.ActionPoint{Title: "  "}, session.EInvalid, session.ActionPoint{}},
		{"title too long", session.ActionPoint{Title: strings.Repeat("x", 121)}, session.EInvalid, session.ActionPoint{}},
		{"title at limit", session.ActionPoint{Title: strings.Repeat("x", 120)}, "",
			session.ActionPoint{Title: strings.Repeat("x", 120), Priority: 2, Status: session.ActionProposed}},
		{"priority 4", session.ActionPoint{Title: "x", Priority: 4}, session.EInvalid, session.ActionPoint{}},
		{"priority -1", session.ActionPoint{Title: "x", Priority: -1}, session.EInvalid, session.ActionPoint{}},
		{"unknown status", session.ActionPoint{Title: "x", Status: "someday"}, session.EInvalid, session.ActionPoint{}},
		{"unknown theme", session.ActionPoint{Title: "x", ThemeID: 987654}, session.ENotFound, session.ActionPoint{}},
	}
	newBoard := boardsIn(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bd := newBoard(t)
			tt.in.SessionID = bd.sess.ID
			a, err := bd.svc.AddAction(ctx, tt.in)
			if got := session.ErrorCode(err); got != tt.code {
				t.Fatalf("code = %q, want %q (%v)", got, tt.code, err)
			}
			list, _ := bd.svc.Actions(ctx, bd.sess.ID)
			if err != nil {
				if len(list) != 0 {
					t.Errorf("rejected action was stored: %+v", list[0])
				}
				return
			}
			if len(list) != 1 || list[0].ID != a.ID {
				t.Fatalf("actions = %+v", list)
			}
			g := list[0]
			if g.Title != tt.want.Title || g.Priority != tt.want.Priority || g.Owner != tt.want.Owner || g.Status != tt.want.Status {
				t.Errorf("stored %+v, want %+v", g, tt.want)
			}
		})
	}
}

func TestUpdateAndDeleteAction(t *testing.T) {
	t.Parallel()
	bd := mustBoard(t, "n0")
	ctx := context.Background()
	th := bd.themes(t, map[string][]int{"a": {0}})
	a, err := bd.svc.AddAction(ctx, session.ActionPoint{SessionID: bd.sess.ID, Title: "x"})
	if err != nil {
		t.Fatal(err)
	}
	upd := *a
	upd.Title, upd.Priority, upd.Owner, upd.Status, upd.ThemeID = "y", 3, "Platform", session.ActionDone, th[0].ID
	upd.SessionID = "not-this-one"
	if err := bd.svc.UpdateAction(ctx, upd); err != nil {
		t.Fatal(err)
	}
	list, _ := bd.svc.Actions(ctx, bd.sess.ID)
	if g := list[0]; g.Title != "y" || g.Priority != 3 || g.Owner != "Platform" || g.Status != session.ActionDone || g.ThemeID != th[0].ID {
		t.Errorf("after update %+v", g)
	}
	upd.Status = "later"
	if err := bd.svc.UpdateAction(ctx, upd); session.ErrorCode(err) != session.EInvalid {
		t.Errorf("bad status: %v", err)
	}
	if err := bd.svc.DeleteAction(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if err := bd.svc.DeleteAction(ctx, a.ID); session.ErrorCode(err) != session.ENotFound {
		t.Errorf("delete twice: %v", err)
	}
	if list, _ := bd.svc.Actions(ctx, bd.sess.ID); len(list) != 0 {
		t.Errorf("actions after delete = %+v", list)
	}
}

func TestVolunteer(t *testing.T) {
	t.Parallel()
	bd := mustBoard(t)
	ctx := context.Background()
	a, err := bd.svc.AddAction(ctx, session.ActionPoint{SessionID: bd.sess.ID, Title: "run a clinic"})
	if err != nil {
		t.Fatal(err)
	}
	if err := bd.svc.SetName(ctx, bd.b, "Rosa"); err != nil {
		t.Fatal(err)
	}
	if err := bd.svc.Volunteer(ctx, bd.b.ID, a.ID, true); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if err := bd.svc.VolunteerAs(ctx, bd.a.ID, a.ID, "Sam"); err != nil {
			t.Fatal(err)
		}
	}
	list, _ := bd.svc.Actions(ctx, bd.sess.ID)
	// Without a name given to volunteer, a volunteer has none: never the display
	// name given at joining (it would match their row, and profile, in a copy of
	// the database), nor the pseudonym the board lists beside their note count.
	if got := list[0].Volunteers; !slices.Equal(got, []string{session.AnonymousVolunteer, "Sam"}) {
		t.Errorf("volunteers = %v, want %s and Sam", got, session.AnonymousVolunteer)
	}
	if got := list[0].VolunteerIDs; !slices.Equal(got, []int64{bd.b.ID, bd.a.ID}) {
		t.Errorf("volunteer ids = %v", got)
	}
	// The name is the one given when volunteering: a later one does not show, and
	// withdrawing removes.
	if err := bd.svc.SetName(ctx, bd.a, "Kim"); err != nil {
		t.Fatal(err)
	}
	if err := bd.svc.Volunteer(ctx, bd.b.ID, a.ID, false); err != nil {
		t.Fatal(err)
	}
	list, _ = bd.svc.Actions(ctx, bd.sess.ID)
	if got := list[0].Volunteers; !slices.Equal(got, []string{"Sam"}) {
		t.Errorf("volunteers = %v, want Sam", got)
	}

	other := bd.other(t)
	if err := other.svc.Volunteer(ctx, other.a.ID, a.ID, true); session.ErrorCode(err) != session.ENotFound {
		t.Errorf("volunteer for another session's action: %v", err)
	}
	// A closed session's volunteers are part of its frozen results.
	bd.phase(t, session.PhaseClosed)
	if err := bd.svc.Volunteer(ctx, bd.b.ID, a.ID, true); session.ErrorCode(err) != session.EForbidden {
		t.Errorf("volunteer in closed session: %v, want forbidden", err)
	}
}

func TestSuggestThemesLeavesOutHiddenNotes(t *testing.T) {
	t.Parallel()
	bd := mustBoard(t, "threat modelling workshops please", "more threat modelling workshops", "secret salary gossip", "deadlines always win over security")
	ctx := context.Background()
	if err := bd.svc.HideNote(ctx, bd.notes[2].ID, true); err != nil {
		t.Fatal(err)
	}
	got, err := bd.svc.SuggestThemes(ctx, bd.sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	var all []int64
	for _, th := range got {
		if th.Label == "" {
			t.Errorf("theme without label: %+v", th)
		}
		all = append(all, th.NoteIDs...)
	}
	slices.Sort(all)
	if want := bd.ids(0, 1, 3); !slices.Equal(all, want) {
		t.Errorf("suggested notes = %v, want %v (hidden note left out)", all, want)
	}
	if stored, _ := bd.svc.Themes(ctx, bd.sess.ID); len(stored) != 0 {
		t.Errorf("suggestions were stored: %v", stored)
	}
	// The suggestions can be accepted as they are.
	if err := bd.svc.SaveThemes(ctx, bd.sess.ID, got); err != nil {
		t.Fatal(err)
	}
}

func TestDeletedNoteLeavesItsTheme(t *testing.T) {
	t.Parallel()
	bd := mustBoard(t, "n0", "n1")
	ctx := context.Background()
	bd.themes(t, map[string][]int{"a": {0, 1}})
	if err := bd.svc.DeleteNote(ctx, bd.a.ID, bd.notes[0].ID); err != nil {
		t.Fatal(err)
	}
	got, _ := bd.svc.Themes(ctx, bd.sess.ID)
	if !slices.Equal(got[0].NoteIDs, bd.ids(1)) {
		t.Errorf("theme notes = %v, want %v", got[0].NoteIDs, bd.ids(1))
	}
}

// A suggested name's side says what the merged notes agree on: "(more)" on a theme
// that now holds two notes asking for less says "(less)"; a typed name stays.
func TestMergeKeepsASuggestedNamesSideTrue(t *testing.T) {
	t.Parallel()
	svc, _ := MustOpenService(t)
	ctx := context.Background()
	sess := mustSession(t, svc)
	p, err := svc.Join(ctx, sess.ID, "hash-a")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SetPhase(ctx, sess.ID, session.PhaseWrite); err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, lane := range []string{"more", "less", "less", "more"} {
		n, err := svc.AddNote(ctx, p.ID, session.Note{Area: session.AreaActivities, Lane: lane, Text: "code scanning, " + lane + strings.Repeat("!", len(ids))})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, n.ID)
	}
	if _, err := svc.SetPhase(ctx, sess.ID, session.PhaseGroup); err != nil {
		t.Fatal(err)
	}
	if err := svc.SaveThemes(ctx, sess.ID, []session.Theme{
		{Label: "code scanning (more)", NoteIDs: ids[:1]},
		{Label: "scanner noise (less)", NoteIDs: ids[1:3]},
		{Label: "typed (more)", NoteIDs: ids[3:]},
	}); err != nil {
		t.Fatal(err)
	}
	ths, err := svc.Themes(ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := svc.RenameTheme(ctx, ths[2].ID, "Scanning, typed (more)"); err != nil {
		t.Fatal(err)
	}
	if err := svc.MergeThemes(ctx, ths[0].ID, ths[1].ID); err != nil {
		t.Fatal(err)
	}
	if merged, err := svc.Themes(ctx, sess.ID); err != nil || len(merged) != 2 || merged[0].Label != "code scanning (less)" {
		t.Fatalf("after merging two notes for less into one for more: %+v, %v", merged, err)
	}
	if err := svc.MergeThemes(ctx, ths[2].ID, ths[0].ID); err != nil {
		t.Fatal(err)
	}
	got, err := svc.Themes(ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Label != "Scanning, typed (more)" {
		t.Fatalf("after merging into a typed name: %+v", got)
	}
}

// While people vote, a findings document counts no dots: exported after each person
// says they are done, its counts would tell how each spread their dots, which the
// board and the projector keep hidden until voting ends.
func TestDocumentsLeaveVotesOutWhilePeopleVote(t *testing.T) {
	t.Parallel()
	bd := mustBoard(t, "n0", "n1")
	ctx := context.Background()
	th := bd.themes(t, map[string][]int{"a": {0}, "b": {1}})
	bd.phase(t, session.PhaseVote)
	if err := bd.svc.Vote(ctx, bd.a.ID, th[0].ID, 1); err != nil {
		t.Fatal(err)
	}
	d, err := bd.svc.ReportData(ctx, bd.sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !d.VotesWithheld || len(d.VoteTotals) != 0 {
		t.Fatalf("while voting: withheld %v, totals %v; want the votes left out", d.VotesWithheld, d.VoteTotals)
	}
	if md := report.Build(d).Method; !strings.Contains(md, "votes are left out while people vote") {
		t.Errorf("the document does not say why it counts no votes: %q", md)
	}
	bd.phase(t, session.PhaseActions)
	if d, err = bd.svc.ReportData(ctx, bd.sess.ID); err != nil || d.VotesWithheld || d.VoteTotals[th[0].ID] != 1 {
		t.Fatalf("after voting: %+v, %v; want the dot counted", d, err)
	}
}

// A suggested name's side stays true as notes move: a theme named "(more)" that
// takes in notes of another lane, until its notes no longer agree, loses the side.
func TestMovingNotesKeepsTheSideTrue(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	bd := mustBoard(t, "more pen tests", "pen tests earlier")
	for _, p := range []*session.Participant{bd.a, bd.b} {
		n, err := bd.svc.AddNote(ctx, p.ID, session.Note{Area: session.AreaActivities, Lane: "less", Text: "fewer scanners " + p.Pseudonym})
		if err != nil {
			t.Fatal(err)
		}
		bd.notes = append(bd.notes, n)
	}
	th := bd.themes(t, map[string][]int{"pen tests (more)": {0, 1}, "scanners (less)": {2, 3}})
	bd.phase(t, session.PhaseGroup)
	label := func(id int64) string {
		t.Helper()
		got, err := bd.svc.Themes(ctx, bd.sess.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range got {
			if x.ID == id {
				return x.Label
			}
		}
		t.Fatalf("theme %d is gone", id)
		return ""
	}
	pen, scan := th[0], th[1]
	if err := bd.svc.MoveNote(ctx, bd.notes[2].ID, pen.ID); err != nil {
		t.Fatal(err)
	}
	// Two of three still "more": two thirds agree.
	if got := label(pen.ID); got != "pen tests (more)" {
		t.Errorf("with 2 of 3 notes more, the theme is %q", got)
	}
	if err := bd.svc.MoveNote(ctx, bd.notes[3].ID, pen.ID); err != nil {
		t.Fatal(err)
	}
	if got := label(pen.ID); got != "pen tests" {
		t.Errorf("with 2 of 4 notes more, the theme is %q, want the side gone", got)
	}
	// A name the facilitator typed stays as typed.
	if err := bd.svc.RenameTheme(ctx, scan.ID, "scanners (less)"); err != nil {
		t.Fatal(err)
	}
	if err := bd.svc.MoveNote(ctx, bd.notes[0].ID, scan.ID); err != nil {
		t.Fatal(err)
	}
	if got := label(scan.ID); got != "scanners (less)" {
		t.Errorf("a typed name changed to %q", got)
	}
}

// The facilitator puts a note written under the wrong heading where it belongs: its
// area, lane and activity change, its text and theme stay, and nonsense is refused.
func TestRefileNote(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	bd := mustBoard(t, "more threat modelling early, please", "threat models come too late")
	th := bd.themes(t, map[string][]int{"threat modelling (more)": {0, 1}})
	bd.phase(t, session.PhaseGroup)
	_, n, err := bd.svc.RefileNote(ctx, bd.notes[1].ID, session.AreaMotivation, "demotivates", "threat modelling")
	if err != nil {
		t.Fatal(err)
	}
	v, err := bd.svc.BoardView(ctx, bd.sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	var stored *session.Note
	for _, x := range v.Notes {
		if x.ID == bd.notes[1].ID {
			stored = x
		}
	}
	if stored == nil || stored.Area != session.AreaMotivation || stored.Lane != "demotivates" || stored.Activity != "" || stored.Text != bd.notes[1].Text {
		t.Fatalf("refiled note stored as %+v (returned %+v), want motivation/demotivates, no activity, same text", stored, n)
	}
	themes, _ := bd.svc.Themes(ctx, bd.sess.ID)
	if len(themes) != 1 || len(themes[0].NoteIDs) != 2 || themes[0].Label != "threat modelling" {
		t.Errorf("themes after the refile: %+v; want the note still in %q, its side gone", themes, th[0].Label)
	}
	if _, _, err := bd.svc.RefileNote(ctx, bd.notes[0].ID, session.AreaActivities, "more", "threat modelling"); err != nil {
		t.Errorf("refiling into an activity: %v", err)
	}
	for name, bad := range map[string]struct {
		area session.Area
		lane string
	}{"unknown area": {"feelings", "sad"}, "lane of another area": {session.AreaConfidence, "keep"}} {
		if _, _, err := bd.svc.RefileNote(ctx, bd.notes[0].ID, bad.area, bad.lane, ""); session.ErrorCode(err) != session.EInvalid {
			t.Errorf("%s: err = %v, want invalid", name, err)
		}
	}
	bd.phase(t, session.PhaseVote)
	bd.phase(t, session.PhaseActions)
	bd.phase(t, session.PhaseClosed)
	if _, _, err := bd.svc.RefileNote(ctx, bd.notes[0].ID, session.AreaConfidence, "concern", ""); err == nil {
		t.Error("a closed session's note was refiled")
	}
}

// A refile is taken back whole: the note goes back to its area, lane and
// activity (an open topic that had no other note too) and the themes' names to
// what they were, in one step; a note moved again since is left where it is.
func TestUndoRefile(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	bd := mustBoard(t, "more threat modelling early, please", "threat models come too late")
	lone, err := bd.svc.AddNote(ctx, bd.a.ID, session.Note{Area: session.AreaOpen, Lane: "Recognition", Text: "nobody thanks us for fixes"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := bd.svc.AddNote(ctx, bd.b.ID, session.Note{Area: session.AreaOpen, Lane: "AI tools", Text: "copilot writes insecure code"}); err != nil {
		t.Fatal(err)
	}
	bd.phase(t, session.PhaseGroup)
	bd.themes(t, map[string][]int{"threat modelling (more)": {0, 1}})
	before, err := bd.svc.Themes(ctx, bd.sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	was, now, err := bd.svc.RefileNote(ctx, bd.notes[1].ID, session.AreaMotivation, "demotivates", "")
	if err != nil {
		t.Fatal(err)
	}
	if was.Area != session.AreaActivities || was.Lane != "more" || now.Area != session.AreaMotivation || now.Lane != "demotivates" {
		t.Fatalf("RefileNote returned was %+v, now %+v", was, now)
	}
	if was.ParticipantID != 0 || now.ParticipantID != 0 {
		t.Errorf("RefileNote told the board who wrote the note: was %d, now %d", was.ParticipantID, now.ParticipantID)
	}
	if ths, _ := bd.svc.Themes(ctx, bd.sess.ID); ths[0].Label == before[0].Label {
		t.Fatalf("the refile left the theme's side in its name %q: the undo has nothing to put back", ths[0].Label)
	}
	if err := bd.svc.UndoRefile(ctx, was, now, themeValues(before)); err != nil {
		t.Fatal(err)
	}
	if bd.rec.last()&(session.ChangeNotes|session.ChangeThemes) != session.ChangeNotes|session.ChangeThemes {
		t.Error("the screens were not told of the notes and themes")
	}
	n := bd.note(t, was.ID)
	if n.Area != session.AreaActivities || n.Lane != "more" || n.Text != was.Text {
		t.Errorf("after the undo the note is %+v, want activities/more", n)
	}
	if ths, _ := bd.svc.Themes(ctx, bd.sess.ID); len(ths) != 1 || ths[0].Label != before[0].Label {
		t.Errorf("after the undo the themes are %+v, want %q back", ths, before[0].Label)
	}

	// Out of its open topic, the topic's only note, and back.
	was, now, err = bd.svc.RefileNote(ctx, lone.ID, session.AreaConfidence, "concern", "")
	if err != nil {
		t.Fatal(err)
	}
	if err := bd.svc.UndoRefile(ctx, was, now, themeValues(before)); err != nil {
		t.Fatal(err)
	}
	if n := bd.note(t, lone.ID); n.Area != session.AreaOpen || n.Lane != "Recognition" {
		t.Errorf("after the undo the note is %+v, want open/Recognition", n)
	}

	// Moved again since, on another board: left there.
	was, now, err = bd.svc.RefileNote(ctx, lone.ID, session.AreaConfidence, "concern", "")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := bd.svc.RefileNote(ctx, lone.ID, session.AreaMotivation, "motivates", ""); err != nil {
		t.Fatal(err)
	}
	if err := bd.svc.UndoRefile(ctx, was, now, themeValues(before)); session.ErrorCode(err) != session.EConflict {
		t.Errorf("undoing a refile moved on since: err = %v, want conflict", err)
	}
	if n := bd.note(t, lone.ID); n.Area != session.AreaMotivation || n.Lane != "motivates" {
		t.Errorf("a refused undo moved the note to %+v", n)
	}
}

// note reads one note of the board's session as the board shows it.
func (bd *board) note(t *testing.T, id int64) *session.Note {
	t.Helper()
	v, err := bd.svc.BoardView(context.Background(), bd.sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range v.Notes {
		if n.ID == id {
			return n
		}
	}
	t.Fatalf("note %d is not on the board", id)
	return nil
}

// themeValues copies stored themes, as an undo keeps them.
func themeValues(ths []*session.Theme) []session.Theme {
	out := make([]session.Theme, len(ths))
	for i, th := range ths {
		out[i] = session.Theme{ID: th.ID, Label: th.Label, Named: th.Named, NoteIDs: slices.Clone(th.NoteIDs)}
	}
	return out
}

// Renaming an activity renames it on the notes written about it, a note still
// held for a second writer too: they stay about that activity, not a proposal of
// the old name. A name the list has already is refused, and a closed session's
// notes stay as they are.
func TestRenameActivityRetagsItsNotes(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	bd := mustBoard(t)
	for _, p := range []*session.Participant{bd.a, bd.b, bd.a} { // the last waits for a second writer
		if _, err := bd.svc.AddNote(ctx, p.ID, session.Note{Area: session.AreaActivities, Lane: "more", Activity: "threat modelling", Text: "more threat modelling"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := bd.svc.RenameActivity(ctx, bd.sess.ID, "threat modelling", "Threat Modeling"); err != nil {
		t.Fatal(err)
	}
	if bd.rec.last()&session.ChangeNotes == 0 {
		t.Error("the notes' screens were not told")
	}
	sess, err := bd.svc.Session(ctx, bd.sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if i := slices.Index(session.DefaultActivities, "threat modelling"); sess.Activities[i] != "Threat Modeling" || slices.Contains(sess.Activities, "threat modelling") {
		t.Errorf("activities after the rename: %q", sess.Activities)
	}
	for _, p := range []*session.Participant{bd.a, bd.b} {
		notes, err := bd.svc.NotesFor(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range notes {
			if n.Activity != "Threat Modeling" {
				t.Errorf("note %d keeps activity %q", n.ID, n.Activity)
			}
		}
	}
	if err := bd.svc.RenameActivity(ctx, bd.sess.ID, "pen testing", "threat MODELING"); session.ErrorCode(err) != session.EInvalid {
		t.Errorf("a rename to a listed name: err = %v, want invalid", err)
	}
	for _, ph := range []session.Phase{session.PhaseReveal, session.PhaseGroup, session.PhaseVote, session.PhaseActions, session.PhaseClosed} {
		bd.phase(t, ph)
	}
	if err := bd.svc.RenameActivity(ctx, bd.sess.ID, "Threat Modeling", "threat models"); session.ErrorCode(err) != session.EForbidden {
		t.Errorf("a closed session's notes retagged: err = %v, want forbidden", err)
	}
	if err := bd.svc.RenameActivity(ctx, bd.sess.ID, "bug bounty", "bug bounties"); err != nil {
		t.Errorf("an activity no note is about, in a closed session: %v", err)
	}
}

// A writer's edit that crosses the facilitator's refile of the same note keeps the
// new place and changes the text, rather than being refused for a lane of the old
// area.
func TestEditAfterRefileKeepsThePlace(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	bd := mustBoard(t, "more threat modelling early", "pen tests earlier")
	n := bd.notes[0]
	if _, _, err := bd.svc.RefileNote(ctx, n.ID, session.AreaMotivation, "demotivates", ""); err != nil {
		t.Fatal(err)
	}
	// The writer's screen still had the note in activities/more.
	edited, err := bd.svc.EditNote(ctx, bd.a.ID, session.Note{ID: n.ID, Lane: "more", Activity: "threat modelling", Text: "more threat modelling, early"})
	if err != nil {
		t.Fatalf("the edit after the refile was refused: %v", err)
	}
	if edited.Area != session.AreaMotivation || edited.Lane != "demotivates" || edited.Activity != "" || edited.Text != "more threat modelling, early" {
		t.Errorf("after the edit the note is %+v", edited)
	}
}

// Moving a note or choosing its activity (m and a on the participant's screen)
// changes where it is, never its words: its writer may have changed them on
// another terminal meanwhile, and sent whole from this one the old words came back
// (found in review). A note the facilitator moved to another area is refused, and
// stays where the facilitator put it.
func TestPlaceOwnNoteKeepsItsWords(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	bd := mustBoard(t, "more threat modelling early", "pen tests earlier")
	n := bd.notes[0]
	if _, err := bd.svc.EditNote(ctx, bd.a.ID, session.Note{ID: n.ID, Lane: n.Lane, Activity: n.Activity, Text: "more threat modelling, and early"}); err != nil {
		t.Fatal(err)
	}
	placed, err := bd.svc.PlaceOwnNote(ctx, bd.a.ID, n.ID, n.Area, "keep", "threat modelling")
	if err != nil {
		t.Fatal(err)
	}
	if placed.Text != "more threat modelling, and early" || placed.Lane != "keep" || placed.Activity != "threat modelling" {
		t.Errorf("after the move the note is %+v, want its edited words in keep", placed)
	}
	if _, _, err := bd.svc.RefileNote(ctx, n.ID, session.AreaMotivation, "demotivates", ""); err != nil {
		t.Fatal(err)
	}
	if _, err := bd.svc.PlaceOwnNote(ctx, bd.a.ID, n.ID, n.Area, "less", "threat modelling"); session.ErrorCode(err) != session.EConflict {
		t.Errorf("a move after the facilitator's refile to another area: err = %v, want a conflict", err)
	}
	if now := bd.note(t, n.ID); now.Area != session.AreaMotivation || now.Lane != "demotivates" {
		t.Errorf("after the refused move the note is %+v, want it where the facilitator put it", now)
	}
}

// An undo puts themes back with their IDs: a theme merged away since is made again
// as the theme it was, in its place; if another session's theme has taken its ID
// meanwhile, it is made with a new one, and the other session's theme is left alone.
func TestRestoreThemesKeepsTheirIDs(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	bd := mustBoard(t, "pen tests", "training", "threat models")
	bd.phase(t, session.PhaseGroup)
	before := bd.themes(t, map[string][]int{"a pen tests": {0}, "b training": {1}, "c threat models": {2}})
	var was []session.Theme
	for _, th := range before {
		was = append(was, *th)
	}
	restored := func() []*session.Theme {
		t.Helper()
		if err := bd.svc.RestoreThemes(ctx, bd.sess.ID, was); err != nil {
			t.Fatal(err)
		}
		got, err := bd.svc.Themes(ctx, bd.sess.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 3 {
			t.Fatalf("restored %d themes, want 3", len(got))
		}
		for i, th := range got {
			if th.Label != was[i].Label || !slices.Equal(th.NoteIDs, was[i].NoteIDs) {
				t.Fatalf("theme %d restored as %q %v, want %q %v", i+1, th.Label, th.NoteIDs, was[i].Label, was[i].NoteIDs)
			}
		}
		return got
	}

	if err := bd.svc.MergeThemes(ctx, before[0].ID, before[1].ID); err != nil {
		t.Fatal(err)
	}
	for i, th := range restored() {
		if th.ID != was[i].ID {
			t.Errorf("theme %d restored as theme %d, want it to be theme %d", i+1, th.ID, was[i].ID)
		}
	}

	// A deleted theme's ID is not handed out again (migration 024): another
	// session's new theme takes a new one, and the restore gives the theme its own.
	last := was[2].ID
	if err := bd.svc.DeleteTheme(ctx, last); err != nil {
		t.Fatal(err)
	}
	other := bd.other(t, "secure defaults")
	other.phase(t, session.PhaseGroup)
	taken := other.themes(t, map[string][]int{"defaults": {0}})
	if taken[0].ID <= last {
		t.Fatalf("the other session's theme got ID %d, a freed one (the last was %d)", taken[0].ID, last)
	}
	if got := restored(); got[2].ID != last {
		t.Errorf("the deleted theme was restored as theme %d, want %d", got[2].ID, last)
	}
	if got, err := bd.svc.Themes(ctx, other.sess.ID); err != nil || len(got) != 1 || got[0].ID != taken[0].ID || got[0].Label != "defaults" {
		t.Errorf("the other session's themes after the restore: %v, %v", got, err)
	}
}

// A rename takes the notes about the activity in another case or spacing too: a
// note proposing "Chaos Days" before the facilitator added "chaos days" is about
// it (the reveal gives it the list's spelling), and left out of the rename it
// stayed a proposal of the old name.
func TestRenameActivityTakesItsOtherSpellings(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	bd := mustBoard(t)
	if _, err := bd.svc.AddNote(ctx, bd.a.ID, session.Note{Area: session.AreaActivities, Lane: "more", Activity: "Chaos  Days", Text: "more chaos"}); err != nil {
		t.Fatal(err)
	}
	sess, err := bd.svc.Session(ctx, bd.sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := bd.svc.SetActivities(ctx, bd.sess.ID, append(slices.Clone(sess.Activities), "chaos days")); err != nil {
		t.Fatal(err)
	}
	if _, err := bd.svc.AddNote(ctx, bd.b.ID, session.Note{Area: session.AreaActivities, Lane: "keep", Activity: "chaos days", Text: "keep the chaos"}); err != nil {
		t.Fatal(err)
	}
	if err := bd.svc.RenameActivity(ctx, bd.sess.ID, "chaos days", "game days"); err != nil {
		t.Fatal(err)
	}
	bd.phase(t, session.PhaseReveal)
	for _, p := range []*session.Participant{bd.a, bd.b} {
		notes, err := bd.svc.NotesFor(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range notes {
			if n.Activity != "game days" {
				t.Errorf("note %q keeps activity %q", n.Text, n.Activity)
			}
		}
	}
}

// renameRecorder records what a Notifier that is an ActivityRenamer is told, in order.
type renameRecorder struct {
	mu  sync.Mutex
	got []string
}

func (r *renameRecorder) Publish(_ string, what session.Change) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.got = append(r.got, fmt.Sprintf("publish %d", what))
}

func (r *renameRecorder) ActivityRenamed(_, from, to string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.got = append(r.got, "renamed "+from+" to "+to)
}

// A rename is told as one, before the change is published: the screens it wakes
// cannot tell a rename from the last activity deleted and another added by the
// lists alone. A list saved with SetActivities is never told as a rename.
func TestRenameActivityIsToldBeforeItIsPublished(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	bd := mustBoard(t)
	rec := &renameRecorder{}
	bd.svc.Notifier = rec
	if err := bd.svc.SetActivities(ctx, bd.sess.ID, []string{"threat modelling", "pen testing"}); err != nil {
		t.Fatal(err)
	}
	if err := bd.svc.SetActivities(ctx, bd.sess.ID, []string{"threat modelling", "bug bounty"}); err != nil {
		t.Fatal(err)
	}
	if err := bd.svc.RenameActivity(ctx, bd.sess.ID, "bug bounty", "bug bounties"); err != nil {
		t.Fatal(err)
	}
	want := []string{
		fmt.Sprintf("publish %d", session.ChangeSession),
		fmt.Sprintf("publish %d", session.ChangeSession),
		"renamed bug bounty to bug bounties",
		fmt.Sprintf("publish %d", session.ChangeSession),
	}
	if !slices.Equal(rec.got, want) {
		t.Errorf("the notifier was told %q, want %q", rec.got, want)
	}
}
