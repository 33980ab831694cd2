package sqlite_test

import (
	"database/sql"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/charter-tool/charter/session/sqlite"
)

var updateSchema = flag.Bool("update", false, "write schema.sql from the migrations")

// schemaOf lists what a database's schema holds, statement by statement, leaving
// out what SQLite makes on its own and the migrations table (which Open makes).
func schemaOf(t *testing.T, path string) []string {
	t.Helper()
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	rows, err := raw.Query(`SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' AND name != 'migrations'
		ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, rowid`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var q string
		if err := rows.Scan(&q); err != nil {
			t.Fatal(err)
		}
		out = append(out, q)
	}
	return out
}

// A new database is made from schema.sql, not by replaying every migration: the
// file must hold what the migrations make, up to the last one, and a new database
// must record every migration as applied.
func TestSchemaFileIsTheMigrations(t *testing.T) {
	t.Parallel()
	migrations, err := filepath.Glob(filepath.Join("migration", "*.sql"))
	if err != nil || len(migrations) == 0 {
		t.Fatal(migrations, err)
	}
	slices.Sort(migrations)
	last := filepath.Base(migrations[len(migrations)-1])
	replayed := filepath.Join(t.TempDir(), "replayed.db")
	oldDatabase(t, replayed, "~") // every migration, as written
	want := schemaOf(t, replayed)
	if *updateSchema {
		text := "-- charter: the schema after migration/" + last + "\n" +
			"-- Written by `go test ./session/sqlite/ -run TestSchemaFileIsTheMigrations -update`\n" +
			"-- from the migrations, which stay the source: a new database is made from this\n" +
			"-- file in one transaction rather than by replaying them all.\n" +
			strings.Join(want, ";\n") + ";\n"
		if err := os.WriteFile("schema.sql", []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	buf, err := os.ReadFile("schema.sql")
	if err != nil {
		t.Fatal(err)
	}
	if first, _, _ := strings.Cut(string(buf), "\n"); first != "-- charter: the schema after migration/"+last {
		t.Errorf("schema.sql starts %q; it is not after the last migration, %s: run this test with -update", first, last)
	}

	path := filepath.Join(t.TempDir(), "charter.db")
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	if got := schemaOf(t, path); !slices.Equal(got, want) {
		t.Errorf("a new database's schema differs from the migrations' (run this test with -update):\n%s\n\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var applied []string
	rows, err := raw.Query(`SELECT name FROM migrations ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var n string
		rows.Scan(&n)
		applied = append(applied, filepath.FromSlash(n))
	}
	rows.Close()
	if !slices.Equal(applied, migrations) {
		t.Errorf("a new database records migrations %v, want %v", applied, migrations)
	}
}
