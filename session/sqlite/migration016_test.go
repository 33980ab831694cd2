package sqlite_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"testing"

	"github.com/charter-tool/charter/session/sqlite"
)

// oldDatabase writes a database at path with the migrations before the one named
// first (e.g. "016"), then runs stmts on it, as charter left it before that one.
func oldDatabase(t testing.TB, path, first string, stmts ...string) {
	t.Helper()
	ctx := context.Background()
	raw, err := sql.Open("sqlite", path+"?_pragma=foreign_keys(1)")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	files, err := filepath.Glob(filepath.Join("migration", "*.sql"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	if _, err := raw.ExecContext(ctx, `CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if filepath.Base(f) >= first {
			break
		}
		buf, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := raw.ExecContext(ctx, string(buf)); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if _, err := raw.ExecContext(ctx, `INSERT INTO migrations VALUES (?, 0)`, "migration/"+filepath.Base(f)); err != nil {
			t.Fatal(err)
		}
	}
	for _, q := range stmts {
		if _, err := raw.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// Ratings given before ratings came in batches were all on the screens already: the
// migration shows them all, so that no screen or document loses one.
func TestRatingsFromBeforeBatchesStayShown(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "charter.db")
	oldDatabase(t, path, "016",
		`INSERT INTO sessions (id, title, audience, mode, code, phase, created_at, updated_at) VALUES ('s1', 'Old', 'developers', 'in-person', 'ABCDEFGH', 'check-in', 0, 0)`,
		`INSERT INTO participants (id, session_id, pseudonym, rating, joined_at) VALUES (7, 's1', 'P1', 4, 0), (9, 's1', 'P2', 0, 0), (11, 's1', 'P3', 1, 0)`)
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ps, err := db.Participants(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if p.ShownRating != p.Rating {
			t.Errorf("%s: rating %d shown as %d after the migration", p.Pseudonym, p.Rating, p.ShownRating)
		}
	}
	if n, err := db.HeldRaters(ctx, "s1"); err != nil || n != 0 {
		t.Errorf("held raters after the migration = %d, %v; want 0", n, err)
	}
}

// Volunteering from before showed the participant's display name (the pseudonym
// when they gave none), and closed sessions' findings are frozen: the migration keeps
// that name with each volunteering.
func TestVolunteersFromBeforeKeepTheirNames(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "charter.db")
	oldDatabase(t, path, "016",
		`INSERT INTO sessions (id, title, audience, mode, code, phase, created_at, updated_at) VALUES ('s1', 'Old', 'developers', 'in-person', 'ABCDEFGH', 'closed', 0, 0)`,
		`INSERT INTO participants (id, session_id, pseudonym, name, joined_at) VALUES (7, 's1', 'P1', 'Rosa', 0), (9, 's1', 'P2', '', 0)`,
		`INSERT INTO action_points (id, session_id, title, priority, owner, status, created_at, updated_at) VALUES (1, 's1', 'Clinic', 2, '', 'proposed', 0, 0)`,
		`INSERT INTO volunteers (action_id, participant_id, created_at) VALUES (1, 7, 1), (1, 9, 2)`)
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	list, err := db.Actions(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || fmt.Sprint(list[0].Volunteers) != "[Rosa P2]" {
		t.Fatalf("volunteers after the migration: %+v", list)
	}
}

// Dots given before the totals came in batches were all shown already: the
// migration shows them all, so that no screen or document loses one.
func TestVotesFromBeforeBatchesStayShown(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "charter.db")
	oldDatabase(t, path, "019",
		`INSERT INTO sessions (id, title, audience, mode, code, phase, created_at, updated_at) VALUES ('s1', 'Old', 'developers', 'in-person', 'ABCDEFGH', 'actions', 0, 0)`,
		`INSERT INTO participants (id, session_id, pseudonym, joined_at) VALUES (7, 's1', 'P1', 0), (9, 's1', 'P2', 0)`,
		`INSERT INTO themes (id, session_id, label, created_at) VALUES (1, 's1', 'late findings', 0), (2, 's1', 'training', 0)`,
		`INSERT INTO votes (participant_id, theme_id, count) VALUES (7, 1, 2), (9, 1, 1), (9, 2, 2)`)
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	live, err := db.Votes(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	shown, err := db.ShownVotes(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	if len(live) != 3 || !slices.Equal(live, shown) {
		t.Errorf("after the migration the votes are %v, the shown ones %v; want the same 3", live, shown)
	}
	if n, err := db.HeldVoters(ctx, "s1"); err != nil || n != 0 {
		t.Errorf("held voters after the migration = %d, %v; want 0", n, err)
	}
}
