// Package testdb gives tests a charter database that is already migrated. Migrating a
// new database runs every migration script, and SQLite parses the whole schema again
// after each change to it: under the race detector that was about a third of the CPU
// time of the tests that open a database each. Here the migrations run once per test
// binary, with sqlite.Open as charter runs them; each test then gets a copy of the
// migrated file in its own directory and opens it with sqlite.Open, as charter opens
// any existing database. The key secret is not copied: each database makes its own.
// Only tests import this package; session/sqlite's own tests migrate new files.
package testdb

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/charter-tool/charter/session/sqlite"
)

// FileName is the database's name in a data directory, as charter serve names it.
const FileName = "charter.db"

var migrated struct {
	once  sync.Once
	files map[string][]byte // by suffix of the database's name: "" and "-wal"
	err   error
}

// image migrates a new database once and keeps its files' bytes.
func image() (map[string][]byte, error) {
	migrated.once.Do(func() {
		migrated.files, migrated.err = migrate()
	})
	return migrated.files, migrated.err
}

func migrate() (map[string][]byte, error) {
	dir, err := os.MkdirTemp("", "charter-testdb-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, FileName)
	db, err := sqlite.Open(path)
	if err != nil {
		return nil, fmt.Errorf("migrate a new database: %w", err)
	}
	if err := db.Close(); err != nil {
		return nil, err
	}
	files := map[string][]byte{}
	for _, suffix := range []string{"", "-wal"} {
		buf, err := os.ReadFile(path + suffix)
		if os.IsNotExist(err) && suffix != "" {
			continue
		}
		if err != nil {
			return nil, err
		}
		files[suffix] = buf
	}
	return files, nil
}

// Place writes a migrated database as dir/charter.db, where charter serve --data dir
// finds it, and returns its path. dir must not hold a database yet.
func Place(t testing.TB, dir string) string {
	t.Helper()
	files, err := image()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, FileName)
	for suffix, buf := range files {
		f, err := os.OpenFile(path+suffix, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Write(buf); err != nil {
			f.Close()
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// Path is Place in a new t.TempDir().
func Path(t testing.TB) string {
	t.Helper()
	return Place(t, t.TempDir())
}

// Open opens a migrated database of its own for the test, closed when the test ends.
func Open(t testing.TB) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(Path(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}
