package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/charter-tool/charter/session"
)

// onConn runs fn with one connection of the read pool and its driver connection.
func onConn(t *testing.T, db *DB, fn func(c *sql.Conn, kc *keptConn)) {
	t.Helper()
	ctx := context.Background()
	c, err := db.readPool.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var kc *keptConn
	if err := c.Raw(func(dc any) error {
		kc = dc.(*keptConn)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	fn(c, kc)
}

func TestConnectionParsesAQueryOnce(t *testing.T) {
	t.Parallel()
	db, err := Open(filepath.Join(t.TempDir(), "charter.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	const q = `SELECT COUNT(*) + ? FROM sessions`
	onConn(t, db, func(c *sql.Conn, kc *keptConn) {
		before := len(kc.stmts)
		var first *keptStmt
		for i := range 3 {
			var n int
			if err := c.QueryRowContext(ctx, q, i).Scan(&n); err != nil || n != i {
				t.Fatalf("run %d: %d, %v", i, n, err)
			}
			if first == nil {
				first = kc.stmts[q]
			}
			if kc.stmts[q] != first || first == nil {
				t.Fatalf("run %d parsed the query again", i)
			}
		}
		// Prepared through database/sql, in a transaction or not: the same statement.
		s, err := c.PrepareContext(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		var n int
		if err := s.QueryRowContext(ctx, 7).Scan(&n); err != nil || n != 7 {
			t.Fatalf("prepared: %d, %v", n, err)
		}
		s.Close()
		tx, err := c.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		if err := tx.QueryRowContext(ctx, q, 8).Scan(&n); err != nil || n != 8 {
			t.Fatalf("in a transaction: %d, %v", n, err)
		}
		tx.Rollback()
		if kc.stmts[q] != first || len(kc.stmts) != before+1 {
			t.Fatalf("kept %d statements (%d before), the query's changed: %v", len(kc.stmts), before, kc.stmts[q] != first)
		}
	})
}

// A query run again while its rows are still open gets a statement of its own: the
// kept one must not be reset under the loop that reads it.
func TestNestedRunOfTheSameQuery(t *testing.T) {
	t.Parallel()
	db, err := Open(filepath.Join(t.TempDir(), "charter.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	for i, title := range []string{"one", "two", "three"} {
		s := &session.Session{Title: title, Code: fmt.Sprintf("NEST%d", i), Audience: session.AudienceDevelopers, Mode: session.ModeInPerson, Phase: session.PhaseWrite}
		if err := db.CreateSession(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	const q = `SELECT title FROM sessions WHERE title >= ? ORDER BY title`
	onConn(t, db, func(c *sql.Conn, kc *keptConn) {
		rows, err := c.QueryContext(ctx, q, "")
		if err != nil {
			t.Fatal(err)
		}
		var outer, inner []string
		for rows.Next() {
			var title string
			if err := rows.Scan(&title); err != nil {
				rows.Close() // else closing the connection waits for them
				t.Fatal(err)
			}
			outer = append(outer, title)
			var first string
			if err := c.QueryRowContext(ctx, q, title).Scan(&first); err != nil {
				rows.Close()
				t.Fatalf("inner query: %v", err)
			}
			inner = append(inner, first)
			if len(outer) > 3 {
				break // the loop started over: its statement was reset under it
			}
		}
		if err := rows.Close(); err != nil {
			t.Fatal(err)
		}
		if got := len(outer); got != 3 || outer[0] != "one" || outer[2] != "two" {
			t.Fatalf("outer loop read %q", outer)
		}
		for i := range outer {
			if inner[i] != outer[i] {
				t.Fatalf("inner query %d read %q, want %q", i, inner[i], outer[i])
			}
		}
		if k := kc.stmts[q]; k == nil || k.busy {
			t.Fatalf("kept statement %+v: want kept and free once the rows closed", k)
		}
	})
}

// Past the statements a connection keeps, queries still run and still report a
// syntax error when prepared, as the driver does.
func TestConnectionPastItsKeptStatements(t *testing.T) {
	t.Parallel()
	db, err := Open(filepath.Join(t.TempDir(), "charter.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	onConn(t, db, func(c *sql.Conn, kc *keptConn) {
		for i := len(kc.stmts); i < maxKeptStmts; i++ {
			var n int
			if err := c.QueryRowContext(ctx, fmt.Sprintf("SELECT %d", i)).Scan(&n); err != nil || n != i {
				t.Fatalf("query %d: %d, %v", i, n, err)
			}
		}
		if len(kc.stmts) != maxKeptStmts {
			t.Fatalf("kept %d statements, want %d", len(kc.stmts), maxKeptStmts)
		}
		var n int
		if err := c.QueryRowContext(ctx, "SELECT 1 + ?", 41).Scan(&n); err != nil || n != 42 {
			t.Fatalf("a query past the limit: %d, %v", n, err)
		}
		if _, err := c.PrepareContext(ctx, "SELEC nonsense"); err == nil {
			t.Error("a statement that cannot be parsed was prepared past the limit")
		}
		s, err := c.PrepareContext(ctx, "SELECT 2 * ?")
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if err := s.QueryRowContext(ctx, 21).Scan(&n); err != nil || n != 42 {
			t.Fatalf("a prepared statement past the limit: %d, %v", n, err)
		}
		if len(kc.stmts) != maxKeptStmts {
			t.Errorf("kept %d statements past the limit of %d", len(kc.stmts), maxKeptStmts)
		}
	})
}
