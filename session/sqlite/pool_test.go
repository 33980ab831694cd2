package sqlite

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"
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
	for q := range db.write.stmts {
		if strings.Contains(q, "nowhere") {
			t.Errorf("a statement that failed to prepare was kept: %s", q)
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

// A caller preparing a new query while a transaction holds the one write connection
// must not make other callers wait past their own deadlines.
func TestPoolPrepareDoesNotHoldOthers(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "charter.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	const cached = `UPDATE sessions SET title = title WHERE id = ?`
	if _, err := db.write.ExecContext(ctx, cached, "none"); err != nil {
		t.Fatal(err)
	}
	tx, err := db.write.BeginTx(ctx, nil) // holds the only write connection
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	go func() { // a new query: waits for the connection while preparing
		db.write.ExecContext(ctx, `UPDATE sessions SET location = location WHERE id = ?`, "none")
	}()
	time.Sleep(50 * time.Millisecond)

	done := make(chan error, 1)
	go func() {
		short, cancel := context.WithTimeout(ctx, 100*time.Millisecond)
		defer cancel()
		_, err := db.write.ExecContext(short, cached, "none")
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("a cached statement with a deadline, while the connection is held: %v, want the deadline", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("a cached statement ignored its deadline while another query was being prepared")
	}
}
