package sqlite_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"sync"
	"testing"

	"github.com/charter-tool/charter/session/sqlite"
)

// oldDatabase writes a database at path with the migrations before the one named
// first (e.g. "016"), then runs stmts on it, as charter left it before that one.
// The migrations are run once per test binary (oldSnapshots) and the file as it
// was before first is copied: each test ran them all anew before, most of these
// tests' time under -race.
func oldDatabase(t testing.TB, path, first string, stmts ...string) {
	t.Helper()
	ctx := context.Background()
	snap, err := oldSnapshots()
	if err != nil {
		t.Fatal(err)
	}
	k := 0
	for k < len(snap.names) && snap.names[k] < first {
		k++
	}
	if err := os.WriteFile(path, snap.files[k], 0o600); err != nil {
		t.Fatal(err)
	}
	raw, err := sql.Open("sqlite", path+"?_pragma=foreign_keys(1)")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	for _, q := range stmts {
		if _, err := raw.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// migrationSnapshots are a database file as each migration found it: files[k] has
// the migrations before names[k] (all of them at k = len(names)).
type migrationSnapshots struct {
	names []string // the migrations' file names, in order
	files [][]byte
}

// oldSnapshots runs the migrations once, as charter did one by one over its
// releases (each script, then its row in migrations), keeping the file before each.
var oldSnapshots = sync.OnceValues(func() (*migrationSnapshots, error) {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "charter-migrations-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "old.db")
	raw, err := sql.Open("sqlite", path+"?_pragma=foreign_keys(1)")
	if err != nil {
		return nil, err
	}
	defer raw.Close()
	// One connection: the file is read between statements, with none under way.
	raw.SetMaxOpenConns(1)
	files, err := filepath.Glob(filepath.Join("migration", "*.sql"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	if _, err := raw.ExecContext(ctx, `CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)`); err != nil {
		return nil, err
	}
	snap := &migrationSnapshots{}
	keep := func() error {
		b, err := os.ReadFile(path)
		snap.files = append(snap.files, b)
		return err
	}
	for _, f := range files {
		if err := keep(); err != nil {
			return nil, err
		}
		snap.names = append(snap.names, filepath.Base(f))
		buf, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		if _, err := raw.ExecContext(ctx, string(buf)); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		if _, err := raw.ExecContext(ctx, `INSERT INTO migrations VALUES (?, 0)`, "migration/"+filepath.Base(f)); err != nil {
			return nil, err
		}
	}
	return snap, keep()
})

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
	if h, err := db.HeldRatings(ctx, "s1"); err != nil || h.People() != 0 {
		t.Errorf("held ratings after the migration = %+v, %v; want none", h, err)
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
