package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charter-tool/charter/session"
)

func TestPoolKeepsStatements(t *testing.T) {
	t.Parallel()
	db, err := Open(filepath.Join(t.TempDir(), "charter.db"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var conn *keptConn
	onConn(t, db, func(c *sql.Conn, kc *keptConn) {
		conn = kc
		before := len(kc.stmts)
		const q = `SELECT COUNT(*) FROM sessions WHERE phase = ?`
		for range 3 {
			var n int
			if err := c.QueryRowContext(ctx, q, "lobby").Scan(&n); err != nil || n != 0 {
				t.Fatalf("count = %d, %v", n, err)
			}
		}
		if got := len(kc.stmts) - before; got != 1 {
			t.Errorf("three runs of one query kept %d statements, want 1", got)
		}

		// A query that cannot be parsed gives its error every time and is not kept.
		for range 2 {
			var n int
			err := c.QueryRowContext(ctx, `SELECT x FROM nowhere`).Scan(&n)
			if err == nil || !strings.Contains(err.Error(), "nowhere") {
				t.Fatalf("bad query: error %v, want one naming the table", err)
			}
			if _, err := c.QueryContext(ctx, `SELECT x FROM nowhere`); err == nil {
				t.Fatal("bad query through QueryContext: no error")
			}
			if _, err := c.ExecContext(ctx, `DELETE FROM nowhere`); err == nil {
				t.Fatal("bad statement through ExecContext: no error")
			}
			if _, err := c.PrepareContext(ctx, `DELETE FROM nowhere`); err == nil {
				t.Fatal("bad statement through PrepareContext: no error")
			}
		}
		for q := range kc.stmts {
			if strings.Contains(q, "nowhere") {
				t.Errorf("a statement that failed to parse was kept: %s", q)
			}
		}
	})
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if len(conn.stmts) != 0 {
		t.Errorf("after Close %d statements are still kept", len(conn.stmts))
	}
}

// A caller preparing a new query while a transaction holds the one write connection
// must not make other callers wait past their own deadlines.
func TestPoolPrepareDoesNotHoldOthers(t *testing.T) {
	t.Parallel()
	db, err := Open(filepath.Join(t.TempDir(), "charter.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	const cached = `UPDATE sessions SET title = title WHERE id = ?`
	if _, err := db.writePool.ExecContext(ctx, cached, "none"); err != nil {
		t.Fatal(err)
	}
	tx, err := db.writePool.BeginTx(ctx, nil) // holds the only write connection
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	go func() { // a new query: waits for the connection while preparing
		db.writePool.ExecContext(ctx, `UPDATE sessions SET location = location WHERE id = ?`, "none")
	}()
	time.Sleep(50 * time.Millisecond)

	done := make(chan error, 1)
	go func() {
		short, cancel := context.WithTimeout(ctx, 100*time.Millisecond)
		defer cancel()
		_, err := db.writePool.ExecContext(short, cached, "none")
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

// Text written to the database by anything but charter (an old version, a hand
// edit) is cleaned on the way out: no escape sequence reaches a screen.
func TestReadBackStripsEscapes(t *testing.T) {
	t.Parallel()
	db, err := Open(filepath.Join(t.TempDir(), "charter.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	svc := session.NewService(db, nil)
	s, err := svc.NewSession(ctx, session.Session{Title: "Developers Porto", Audience: session.AudienceDevelopers})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SetPhase(ctx, s.ID, session.PhaseWrite); err != nil {
		t.Fatal(err)
	}
	p, err := svc.Join(ctx, s.ID, "key")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.AddNote(ctx, p.ID, session.Note{Area: session.AreaOpen, Lane: "On call", Text: "plain"}); err != nil {
		t.Fatal(err)
	}
	if err := db.CreateTheme(ctx, &session.Theme{SessionID: s.ID, Label: "plain"}); err != nil {
		t.Fatal(err)
	}
	const evil = "\x1b]0;pwned\x07\x1b[2Jhi\x1b[31m there\u202e"
	for _, q := range []string{
		`UPDATE sessions SET title = ?1, location = ?1, campaign = ?1, code = ?1, audience = ?1, activities = json_array(?1)`,
		`UPDATE participants SET name = ?1`,
		`UPDATE notes SET text = ?1, lane = ?1, activity = ?1`,
		`UPDATE themes SET label = ?1`,
	} {
		if _, err := db.writePool.ExecContext(ctx, q, evil); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if _, err := db.writePool.ExecContext(ctx, `INSERT INTO action_points (session_id, title, priority, owner, status, created_at, updated_at)
		VALUES (?1, ?2, 1, ?2, 'proposed', 0, 0)`, s.ID, evil); err != nil {
		t.Fatal(err)
	}

	var texts []string
	got, err := db.Session(ctx, s.ID)
	if err != nil {
		t.Fatal(err)
	}
	texts = append(texts, got.Title, got.Location, got.Campaign, got.Code, string(got.Audience))
	texts = append(texts, got.Activities...)
	ps, _ := db.Participants(ctx, s.ID)
	ns, _ := db.Notes(ctx, s.ID)
	ts, _ := db.Themes(ctx, s.ID)
	as, _ := db.Actions(ctx, s.ID)
	if len(ps) != 1 || len(ns) != 1 || len(ts) != 1 || len(as) != 1 {
		t.Fatalf("read back %d participants, %d notes, %d themes, %d actions", len(ps), len(ns), len(ts), len(as))
	}
	texts = append(texts, ps[0].Name, ns[0].Text, ns[0].Lane, ns[0].Activity, ts[0].Label, as[0].Title, as[0].Owner)
	for i, x := range texts {
		if x != "hi there" {
			t.Errorf("field %d read back as %q, want %q", i, x, "hi there")
		}
	}
}

// Every connection runs in WAL mode and syncs every commit.
func TestDurabilitySettings(t *testing.T) {
	t.Parallel()
	db, err := Open(filepath.Join(t.TempDir(), "charter.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	for name, p := range map[string]*pool{"read": db.readPool, "write": db.writePool} {
		var mode string
		var sync int
		if err := p.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
			t.Errorf("%s: journal_mode %q, %v; want wal", name, mode, err)
		}
		if err := p.QueryRowContext(ctx, `PRAGMA synchronous`).Scan(&sync); err != nil || sync != 2 {
			t.Errorf("%s: synchronous %d, %v; want 2 (FULL)", name, sync, err)
		}
	}
}
