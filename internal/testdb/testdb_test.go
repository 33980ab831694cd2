package testdb_test

import (
	"context"
	"os"
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
