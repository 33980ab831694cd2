package sqlite

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

func TestPoolKeepsStatements(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "charter.db"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	before := len(db.read.stmts)
	const q = `SELECT COUNT(*) FROM sessions WHERE phase = ?`
	for range 3 {
		var n int
		if err := db.read.QueryRowContext(ctx, q, "lobby").Scan(&n); err != nil || n != 0 {
			t.Fatalf("count = %d, %v", n, err)
		}
	}
	if got := len(db.read.stmts) - before; got != 1 {
		t.Errorf("three runs of one query kept %d statements, want 1", got)
	}

	// A query that cannot be prepared gives its error every time and is not kept.
	for range 2 {
		var n int
		err := db.read.QueryRowContext(ctx, `SELECT x FROM nowhere`).Scan(&n)
		if err == nil || !strings.Contains(err.Error(), "nowhere") {
			t.Fatalf("bad query: error %v, want one naming the table", err)
		}
		if _, err := db.read.QueryContext(ctx, `SELECT x FROM nowhere`); err == nil {
			t.Fatal("bad query through QueryContext: no error")
		}
		if _, err := db.write.ExecContext(ctx, `DELETE FROM nowhere`); err == nil {
			t.Fatal("bad statement through ExecContext: no error")
		}
	}
	for q := range db.read.stmts {
		if strings.Contains(q, "nowhere") {
			t.Errorf("a query that failed to prepare was kept: %s", q)
		}
	}

	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if len(db.read.stmts) != 0 || len(db.write.stmts) != 0 {
		t.Errorf("after Close %d + %d statements are still kept", len(db.read.stmts), len(db.write.stmts))
	}
}
