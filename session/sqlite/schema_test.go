package sqlite_test

import (
	"database/sql"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/charter-tool/charter/session/sqlite"
)

var updateSchema = flag.Bool("update", false, "write schema.sql from the migrations")

// contentsOf lists what a database holds that its migrations make: the schema,
// statement by statement as SQLite keeps it (leaving out what SQLite makes on its
// own and the migrations table, which Open makes), then an INSERT for every row of
// every other table, then its user_version when set. The lines run as SQL make the
// same database again.
func contentsOf(t *testing.T, path string) []string {
	t.Helper()
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	all := func(q string) []string {
		t.Helper()
		rows, err := raw.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				t.Fatal(err)
			}
			out = append(out, s)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		return out
	}
	out := all(`SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' AND name != 'migrations'
		ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, rowid`)
	for _, table := range all(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'migrations' ORDER BY name`) {
		var quoted []string
		for _, c := range columns(t, raw, table) {
			quoted = append(quoted, `quote("`+c+`")`)
		}
		out = append(out, all(`SELECT 'INSERT INTO "`+table+`" VALUES (' || `+strings.Join(quoted, ` || ', ' || `)+` || ')' FROM "`+table+`" ORDER BY 1`)...)
	}
	var version int
	if err := raw.QueryRow(`PRAGMA user_version`).Scan(&version); err != nil {
		t.Fatal(err)
	}
	if version != 0 {
		out = append(out, fmt.Sprintf("PRAGMA user_version = %d", version))
	}
	return out
}

// A new database is made from schema.sql, not by replaying every migration: the
// file must make what the migrations (scripts and the steps in Go) make, and name
// the last of them with their digest, and a new database must record every
// migration as applied.
func TestSchemaFileIsTheMigrations(t *testing.T) {
	t.Parallel()
	migrations, err := filepath.Glob(filepath.Join("migration", "*.sql"))
	if err != nil || len(migrations) < 2 {
		t.Fatal(migrations, err)
	}
	slices.Sort(migrations)
	last := filepath.Base(migrations[len(migrations)-1])
	digest, err := sqlite.MigrationsDigest(last)
	if err != nil {
		t.Fatal(err)
	}
	// The first migration as it was written, the rest replayed by Open: a
	// database that has migrations applied is never made from schema.sql.
	replayed := filepath.Join(t.TempDir(), "charter.db")
	oldDatabase(t, replayed, filepath.Base(migrations[1]))
	db, err := sqlite.Open(replayed)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	want := contentsOf(t, replayed)
	header := "-- charter: the schema after migration/" + last + "\n-- charter: migrations sha256 " + digest + "\n"
	if *updateSchema {
		text := header +
			"-- Written by `go test ./session/sqlite/ -run TestSchemaFileIsTheMigrations -update`\n" +
			"-- from the migrations, which stay the source: a new database is made from this\n" +
			"-- file in one transaction rather than by replaying them all, when the digest\n" +
			"-- above is that of the migrations charter was built with.\n" +
			strings.Join(want, ";\n") + ";\n"
		if err := os.WriteFile("schema.sql", []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	buf, err := os.ReadFile("schema.sql")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(strings.ReplaceAll(string(buf), "\r\n", "\n"), header) {
		t.Errorf("schema.sql does not start\n%swith the last migration and their digest: run this test with -update", header)
	}

	path := filepath.Join(t.TempDir(), "charter.db")
	if db, err = sqlite.Open(path); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if got := contentsOf(t, path); !slices.Equal(got, want) {
		t.Errorf("a new database differs from the migrations' (run this test with -update):\n%s\n\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
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
