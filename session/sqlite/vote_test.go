package sqlite_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/sqlite"
)

// votedSession is a session of three participants and two themes, where participant
// i gave i+1 dots to the first theme and one to the second, all shown.
func votedSession(t *testing.T, db *sqlite.DB) (*session.Session, []*session.Participant, []*session.Theme) {
	t.Helper()
	ctx := context.Background()
	s, ps := newSession(t, db, 3)
	var themes []*session.Theme
	for _, label := range []string{"Scanner noise", "Threat modelling"} {
		th := &session.Theme{SessionID: s.ID, Label: label, CreatedAt: time.Now()}
		if err := db.CreateTheme(ctx, th); err != nil {
			t.Fatal(err)
		}
		themes = append(themes, th)
	}
	any := func(map[int64]int) error { return nil }
	for i, p := range ps {
		for range i + 1 {
			if err := db.ChangeVote(ctx, p.ID, themes[0].ID, 1, any); err != nil {
				t.Fatal(err)
			}
		}
		if err := db.ChangeVote(ctx, p.ID, themes[1].ID, 1, any); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.ReleaseVotes(ctx, s.ID); err != nil {
		t.Fatal(err)
	}
	return s, ps, themes
}

// wantVotes are votedSession's votes, by participant and theme.
func wantVotes(ps []*session.Participant, themes []*session.Theme) []session.Vote {
	var out []session.Vote
	for i, p := range ps {
		out = append(out, session.Vote{ParticipantID: p.ID, ThemeID: themes[0].ID, Count: i + 1},
			session.Vote{ParticipantID: p.ID, ThemeID: themes[1].ID, Count: 1})
	}
	return out
}

// A copy of the database alone does not tell who gave which dots: the votes, given
// and shown, are kept under tokens that nothing the copy holds turns into a
// participant. The running store, and the database opened again with its secret,
// still know each person's dots.
func TestDatabaseCopyDoesNotLinkADotToAParticipant(t *testing.T) {
	t.Parallel()
	db, path := mustOpen(t)
	ctx := context.Background()
	s, ps, themes := votedSession(t, db)
	c := backupOf(t, db)
	for _, table := range []string{"votes", "shown_votes"} {
		c.withoutRowID(t, table)
		dots := 0
		// The theme's, and how many dots.
		c.noLink(t, table, []string{"theme_id", "count"}, ps, func(row map[string]string) {
			n, _ := strconv.Atoi(row["count"])
			dots += n
		})
		if dots != 9 {
			t.Errorf("the copy's %s hold %d dots, want 9", table, dots)
		}
	}

	check := func(db *sqlite.DB, when string) {
		t.Helper()
		want := wantVotes(ps, themes)
		for name, read := range map[string]func(context.Context, string) ([]session.Vote, error){"votes": db.Votes, "shown votes": db.ShownVotes} {
			got, err := read(ctx, s.ID)
			if err != nil || !slices.Equal(got, want) {
				t.Errorf("%s: %s %v, %v; want %v", when, name, got, err, want)
			}
		}
		// A person's own dots, as their budget is checked against.
		err := db.ChangeVote(ctx, ps[2].ID, themes[0].ID, 0, func(mine map[int64]int) error {
			if mine[themes[0].ID] != 3 || mine[themes[1].ID] != 1 || len(mine) != 2 {
				t.Errorf("%s: participant %d's dots %v, want 3 and 1", when, ps[2].ID, mine)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	check(db, "running")
	db.Close()
	again, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	check(again, "opened again")
}

// Dots given before they were kept apart stay with their participants, given and
// shown alike.
func TestVoteMigrationKeepsEveryDot(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "charter.db")
	oldDatabase(t, path, "023",
		`INSERT INTO sessions (id, title, audience, mode, code, phase, created_at, updated_at) VALUES ('s1', 'Old', 'developers', 'in-person', 'ABCDEFGH', 'vote', 0, 0)`,
		`INSERT INTO participants (id, session_id, pseudonym, joined_at) VALUES (7, 's1', 'P1', 0), (9, 's1', 'P2', 0)`,
		`INSERT INTO themes (id, session_id, label, created_at) VALUES (1, 's1', 'a', 0), (2, 's1', 'b', 0)`,
		`INSERT INTO votes (participant_id, theme_id, count) VALUES (7, 1, 2), (9, 1, 1), (9, 2, 2)`,
		`INSERT INTO shown_votes (participant_id, theme_id, count) VALUES (7, 1, 2), (9, 2, 1)`)

	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	votes, err := db.Votes(ctx, "s1")
	if want := []session.Vote{{ParticipantID: 7, ThemeID: 1, Count: 2}, {ParticipantID: 9, ThemeID: 1, Count: 1}, {ParticipantID: 9, ThemeID: 2, Count: 2}}; err != nil || !slices.Equal(votes, want) {
		t.Errorf("votes after the migration: %v, %v; want %v", votes, err, want)
	}
	shown, err := db.ShownVotes(ctx, "s1")
	if want := []session.Vote{{ParticipantID: 7, ThemeID: 1, Count: 2}, {ParticipantID: 9, ThemeID: 2, Count: 1}}; err != nil || !slices.Equal(shown, want) {
		t.Errorf("shown votes after the migration: %v, %v; want %v", shown, err, want)
	}
	if n, err := db.HeldVoters(ctx, "s1"); err != nil || n != 1 {
		t.Errorf("held voters after the migration: %d, %v; want 1 (P2)", n, err)
	}
	check, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer check.Close()
	for _, table := range []string{"votes", "shown_votes"} {
		if names := columns(t, check, table); slices.Contains(names, "participant_id") {
			t.Errorf("%s still names participants: %v", table, names)
		}
		var placeholders int
		if err := check.QueryRow(`SELECT COUNT(*) FROM ` + table + ` WHERE voter LIKE 'participant:%' OR voter IN ('7', '9')`).Scan(&placeholders); err != nil || placeholders != 0 {
			t.Errorf("%d of %s still name their participant (%v)", placeholders, table, err)
		}
	}
}

// A backup restored without its key secret no longer knows whose dots are whose,
// and still counts every one, on the screens and in the findings.
func TestDotsWithoutTheSecretStillCount(t *testing.T) {
	t.Parallel()
	db, _ := mustOpen(t)
	ctx := context.Background()
	s, ps, themes := votedSession(t, db)
	backup := filepath.Join(t.TempDir(), "backup.db")
	if err := db.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	restored, err := sqlite.Open(backup)
	if err != nil {
		t.Fatal(err)
	}
	defer restored.Close()
	shown, err := restored.ShownVotes(ctx, s.ID)
	if err != nil || len(shown) != 6 {
		t.Fatalf("shown votes without the secret: %v, %v", shown, err)
	}
	voters := map[int64]bool{}
	for _, v := range shown {
		voters[v.ParticipantID] = true
		if slices.ContainsFunc(ps, func(p *session.Participant) bool { return p.ID == v.ParticipantID }) {
			t.Errorf("a dot is tied to participant %d without the secret", v.ParticipantID)
		}
	}
	if len(voters) != 3 {
		t.Errorf("%d voters without the secret, want 3, each apart", len(voters))
	}
	for _, st := range []*sqlite.DB{db, restored} {
		if err := st.UpdateSession(ctx, phased(t, st, s.ID, session.PhaseActions)); err != nil {
			t.Fatal(err)
		}
		svc := session.NewService(st, nil)
		want := map[int64]int{themes[0].ID: 6, themes[1].ID: 3}
		totals, err := svc.VoteTotals(ctx, s.ID)
		if err != nil || fmt.Sprint(totals) != fmt.Sprint(want) {
			t.Errorf("the screens' totals %v, %v; want %v", totals, err, want)
		}
		data, err := svc.ReportData(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(data.VoteTotals) != fmt.Sprint(want) {
			t.Errorf("the findings' totals %v; want %v", data.VoteTotals, want)
		}
	}
}

// phased returns the session id of st moved to phase ph.
func phased(t *testing.T, st *sqlite.DB, id string, ph session.Phase) *session.Session {
	t.Helper()
	s, err := st.Session(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	s.Phase = ph
	return s
}
