package sqlite_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/charter-tool/charter/session/sqlite"
)

// Pending names the migrations an open would apply: all of them for a database
// not made yet, none once it is open, and one whose record is gone.
func TestPendingMigrations(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "charter.db")
	all, err := sqlite.Pending(ctx, path)
	if err != nil || len(all) == 0 || !slices.IsSorted(all) || !strings.HasPrefix(all[0], "migration/001") {
		t.Fatalf("Pending before the database exists = %q, %v; want every migration in order", all, err)
	}
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if got, err := sqlite.Pending(ctx, path); err != nil || len(got) != 0 {
		t.Fatalf("Pending after an open = %q, %v; want none", got, err)
	}
	raw, err := sql.Open("sqlite", sqlite.URI(path, ""))
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	last := all[len(all)-1]
	if _, err := raw.ExecContext(ctx, `DELETE FROM migrations WHERE name = ?`, last); err != nil {
		t.Fatal(err)
	}
	if got, err := sqlite.Pending(ctx, path); err != nil || !slices.Equal(got, []string{last}) {
		t.Errorf("Pending with %s not recorded = %q, %v", last, got, err)
	}
}
