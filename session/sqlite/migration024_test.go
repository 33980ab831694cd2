package sqlite_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/sqlite"
)

// Migration 024 rebuilds themes on a database with data in every table that refers
// to a theme: every row and every reference stays, the indexes are there, the
// schema is a new database's, and a new theme's ID is past every old one.
func TestMigration024KeepsThemesAndWhatRefersToThem(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "charter.db")
	oldDatabase(t, path, "024",
		`INSERT INTO sessions (id, title, audience, mode, campaign, code, phase, created_at, updated_at) VALUES ('s1', 'Old', 'developers', 'in-person', 'c', 'ABCDEFGH', 'actions', 0, 0), ('s2', 'Old2', 'developers', 'in-person', 'c', 'HGFEDCBA', 'actions', 0, 0)`,
		`INSERT INTO participants (id, session_id, pseudonym, joined_at) VALUES (7, 's1', 'P1', 0)`,
		`INSERT INTO notes (id, session_id, author, area, lane, text, created_at, updated_at) VALUES (1, 's1', 'a', 'x', 'y', 'n1', 0, 0), (2, 's1', 'a', 'x', 'y', 'n2', 0, 0), (3, 's2', 'a', 'x', 'y', 'n3', 0, 0)`,
		`INSERT INTO themes (id, session_id, label, created_at, named) VALUES (3, 's1', 'late findings', 0, 1), (7, 's1', 'training', 0, 0), (12, 's2', 'late', 0, 0), (40, 's2', 'gone', 0, 0)`,
		`DELETE FROM themes WHERE id = 40`,
		`INSERT INTO theme_notes (note_id, theme_id) VALUES (1, 3), (2, 7), (3, 12)`,
		`INSERT INTO votes (voter, theme_id, count) VALUES ('v1', 3, 2), ('v2', 7, 1)`,
		`INSERT INTO shown_votes (voter, theme_id, count) VALUES ('v1', 3, 2)`,
		`INSERT INTO action_points (id, session_id, theme_id, title, priority, status, created_at, updated_at) VALUES (1, 's1', 7, 'Clinic', 2, 'proposed', 0, 0), (2, 's1', NULL, 'Alone', 1, 'proposed', 0, 0)`,
		`INSERT INTO theme_splits (theme_a, theme_b, created_at) VALUES (3, 12, 0), (7, 12, 0)`)
	count := func(raw *sql.DB, q string) []string { return rowsOf(t, raw, q) }
	tables := []string{"themes", "theme_notes", "votes", "shown_votes", "action_points", "theme_splits"}
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	before, cols := map[string][]string{}, map[string]string{}
	for _, tb := range tables {
		cols[tb] = columnsOf(t, raw, tb)
		before[tb] = count(raw, `SELECT `+cols[tb]+` FROM `+tb+` ORDER BY 1, 2`)
	}
	raw.Close()

	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	th := &session.Theme{SessionID: "s1", Label: "new"}
	if err := db.CreateTheme(ctx, th); err != nil {
		t.Fatal(err)
	}
	if th.ID <= 12 {
		t.Errorf("a new theme after the migration has ID %d, want past 12", th.ID)
	}
	if err := db.DeleteTheme(ctx, th.ID); err != nil {
		t.Fatal(err)
	}
	db.Close()

	raw, err = sql.Open("sqlite", path+"?_pragma=foreign_keys(1)")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	for _, tb := range tables {
		if got := count(raw, `SELECT `+cols[tb]+` FROM `+tb+` ORDER BY 1, 2`); !slices.Equal(got, before[tb]) {
			t.Errorf("%s after the migration:\n%v\nwant\n%v", tb, got, before[tb])
		}
	}
	if bad := count(raw, `PRAGMA foreign_key_check`); len(bad) > 0 {
		t.Errorf("foreign_key_check: %v", bad)
	}
	if ok := count(raw, `PRAGMA integrity_check`); !slices.Equal(ok, []string{"|ok"}) {
		t.Errorf("integrity_check: %v", ok)
	}
	for _, idx := range []string{"themes_session", "theme_notes_theme", "votes_theme", "shown_votes_theme", "action_points_theme", "theme_splits_b"} {
		if n := count(raw, `SELECT name FROM sqlite_schema WHERE type = 'index' AND name = '`+idx+`'`); len(n) != 1 {
			t.Errorf("index %s missing after the migration", idx)
		}
	}
	if seq := count(raw, `SELECT name, seq FROM sqlite_sequence WHERE name = 'themes'`); !slices.Equal(seq, []string{"|themes|13"}) {
		t.Errorf("sqlite_sequence = %v, want themes at 13", seq)
	}

	requireNewSchema(t, raw)
}

// rowsOf runs q on raw and returns its rows, each as its values after a "|" each.
func rowsOf(t *testing.T, raw *sql.DB, q string) []string {
	t.Helper()
	rows, err := raw.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		s := ""
		for _, v := range vals {
			s += "|" + toString(v)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// requireNewSchema fails t unless the database raw holds the schema of a database
// charter makes new: a migrated file must end as a new one starts.
func requireNewSchema(t *testing.T, raw *sql.DB) {
	t.Helper()
	fresh := filepath.Join(t.TempDir(), "fresh.db")
	fdb, err := sqlite.Open(fresh)
	if err != nil {
		t.Fatal(err)
	}
	fdb.Close()
	fr, err := sql.Open("sqlite", fresh)
	if err != nil {
		t.Fatal(err)
	}
	defer fr.Close()
	schema := `SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name != 'migrations' ORDER BY type, name`
	if got, want := rowsOf(t, raw, schema), rowsOf(t, fr, schema); !slices.Equal(got, want) {
		t.Errorf("migrated schema differs from a new database's:\n%v\nwant\n%v", got, want)
	}
}

func toString(v any) string {
	switch v := v.(type) {
	case nil:
		return "NULL"
	case []byte:
		return string(v)
	case string:
		return v
	default:
		return fmt.Sprint(v)
	}
}

// columnsOf lists the columns table tb has now, for a SELECT that reads the same
// columns once later migrations have added others.
func columnsOf(t *testing.T, raw *sql.DB, tb string) string {
	t.Helper()
	var cols string
	if err := raw.QueryRow(`SELECT group_concat('"' || name || '"', ', ') FROM pragma_table_info(?)`, tb).Scan(&cols); err != nil {
		t.Fatal(err)
	}
	return cols
}
