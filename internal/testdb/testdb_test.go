package testdb_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/charter-tool/charter/internal/testdb"
	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/sqlite"
)

// Each copy is a database of its own: private, migrated (it stores a session), with
// its own key secret, and what one test writes is not in another's.
func TestCopiesAreMigratedAndApart(t *testing.T) {
	ctx := context.Background()
	first, second := testdb.Path(t), testdb.Path(t)
	fi, err := os.Stat(first)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Fatalf("database mode %v, want 0600", fi.Mode().Perm())
	}
	a, err := sqlite.Open(first)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := sqlite.Open(second)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	s, err := session.NewService(a, nil).NewSession(ctx, session.Session{Title: "Developers Berlin", Audience: session.AudienceDevelopers})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Session(ctx, s.ID); err == nil {
		t.Fatal("a session stored in one copy is in the other")
	}
	saltA, err := a.KeySalt(ctx)
	if err != nil {
		t.Fatal(err)
	}
	saltB, err := b.KeySalt(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(saltA) == 0 || string(saltA) == string(saltB) {
		t.Fatalf("key secrets %x and %x: want two different ones", saltA, saltB)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(first), sqlite.KeySecretFile)); err != nil {
		t.Fatalf("no key secret beside the copy: %v", err)
	}
}

// A database a test is done with goes to the next test empty: no session, note or
// participant of the test before, and the IDs start again. One the test closed is
// not handed on.
func TestOpenHandsOnAnEmptyDatabase(t *testing.T) {
	ctx := context.Background()
	var first *sqlite.DB
	var firstID string
	t.Run("write", func(t *testing.T) {
		first = testdb.Open(t)
		svc := session.NewService(first, nil)
		s, err := svc.NewSession(ctx, session.Session{Title: "Developers Berlin", Audience: session.AudienceDevelopers})
		if err != nil {
			t.Fatal(err)
		}
		firstID = s.ID
		p, err := svc.Join(ctx, s.ID, "key-1")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := svc.SetPhase(ctx, s.ID, session.PhaseWrite); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.AddNote(ctx, p.ID, session.Note{Area: session.AreaConfidence, Lane: "concern", Text: "Deadlines win"}); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("next", func(t *testing.T) {
		db := testdb.Open(t)
		if db != first {
			t.Errorf("the next test got a new database, not the one the test before was done with")
		}
		if _, err := db.Session(ctx, firstID); err == nil {
			t.Errorf("the session of the test before is still there")
		}
		if ss, err := db.Sessions(ctx); err != nil || len(ss) != 0 {
			t.Errorf("sessions %v (%v), want none", ss, err)
		}
		s, err := session.NewService(db, nil).NewSession(ctx, session.Session{Title: "Again", Audience: session.AudienceDevelopers})
		if err != nil {
			t.Fatal(err)
		}
		p, _, err := db.JoinSession(ctx, s.ID, "key-2", "")
		if err != nil {
			t.Fatal(err)
		}
		if p.ID != 1 {
			t.Errorf("the first participant has ID %d, want 1 as in a new database", p.ID)
		}
		db.Close()
	})
	t.Run("after a close", func(t *testing.T) {
		db := testdb.Open(t)
		if _, err := session.NewService(db, nil).NewSession(ctx, session.Session{Title: "Open", Audience: session.AudienceDevelopers}); err != nil {
			t.Fatalf("the database after one a test closed: %v", err)
		}
	})
}

// The databases tests took turns at go when the test binary ends: a run of this
// binary's tests in a temporary directory of its own leaves nothing there. Those of
// a run that ended without removing them (a panic) go with the next run's first
// database; a directory that names no process stays.
func TestKeptDatabasesGoAtExit(t *testing.T) {
	if os.Getenv("CHARTER_TESTDB_CHILD") != "" {
		t.Skip("in the child run")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	child := func(run, mode string) error {
		cmd := exec.Command(exe, "-test.run=^"+run+"$", "-test.count=1")
		cmd.Env = append(os.Environ(), "TMPDIR="+tmp, "CHARTER_TESTDB_CHILD="+mode)
		out, err := cmd.CombinedOutput()
		if err != nil {
			return fmt.Errorf("%w\n%s", err, out)
		}
		return nil
	}
	if err := child("TestPanicHoldingADatabase", "panic"); err == nil {
		t.Fatal("the child that panics passed")
	}
	if left, _ := os.ReadDir(tmp); len(left) == 0 {
		t.Fatal("the child that panicked left nothing: nothing to remove")
	}
	// A kept directory named as before the process ID was in it is another
	// binary's, perhaps running: it is left alone.
	old := "charter-testdb-kept-2862345724"
	if err := os.MkdirAll(filepath.Join(tmp, old, "db-1"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := child("TestOpenHandsOnAnEmptyDatabase", "1"); err != nil {
		t.Fatalf("the child run: %v", err)
	}
	left, err := os.ReadDir(tmp)
	if err != nil {
		t.Fatal(err)
	}
	kept := false
	for _, e := range left {
		if e.Name() == old {
			kept = true
			continue
		}
		t.Errorf("the test binaries left %s in their temporary directory", e.Name())
	}
	if !kept {
		t.Errorf("%s, of the old name, was removed", old)
	}
}

// TestPanicHoldingADatabase is a test binary ending in a panic while it keeps a
// database (run by TestKeptDatabasesGoAtExit only).
func TestPanicHoldingADatabase(t *testing.T) {
	if os.Getenv("CHARTER_TESTDB_CHILD") != "panic" {
		t.Skip("run by TestKeptDatabasesGoAtExit")
	}
	testdb.Open(t)
	panic("on purpose, holding a database")
}
