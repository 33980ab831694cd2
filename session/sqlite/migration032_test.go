package sqlite_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/charter-tool/charter/session/sqlite"
)

// Migration 032 tells a note's activity filed from its words from one chosen. Notes
// stored before are taken as chosen, since which were filed is not known (an edit
// never changes a choice); a note's filing is stored and read back from then on.
func TestMigration032TakesActivitiesStoredBeforeAsChosen(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "charter.db")
	oldDatabase(t, path, "032",
		`INSERT INTO sessions (id, title, audience, mode, campaign, code, phase, created_at, updated_at) VALUES ('s1', 'Old', 'developers', 'in-person', 'c', 'ABCDEFGH', 'write', 0, 0)`,
		`INSERT INTO participants (id, session_id, key_hash, name, pseudonym, joined_at) VALUES (7, 's1', 'k7', '', 'P1', 5)`,
		`INSERT INTO notes (id, session_id, author, area, lane, activity, text, created_at, updated_at, batch) VALUES (1, 's1', 'a7', 'activities', 'keep', 'pen testing', 'pen testing is valuable', 1, 2, 1)`)
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	n, err := db.Note(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if n.Activity != "pen testing" || n.ActivityFiled {
		t.Errorf("a note stored before is about %q, filed %v; want pen testing, chosen", n.Activity, n.ActivityFiled)
	}
	n.ActivityFiled = true
	if err := db.UpdateNote(ctx, n); err != nil {
		t.Fatal(err)
	}
	if n, err = db.Note(ctx, 1); err != nil {
		t.Fatal(err)
	}
	if !n.ActivityFiled {
		t.Error("a note stored as filed reads back as chosen")
	}

	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	requireNewSchema(t, raw)
}
