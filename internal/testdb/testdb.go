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
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/charter-tool/charter/internal/testmain"
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
	path, err := place(dir)
	if err != nil {
		t.Fatal(err)
	}
	return path
}

func place(dir string) (string, error) {
	files, err := image()
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, FileName)
	for suffix, buf := range files {
		f, err := os.OpenFile(path+suffix, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			return "", err
		}
		if _, err := f.Write(buf); err != nil {
			f.Close()
			return "", err
		}
		if err := f.Close(); err != nil {
			return "", err
		}
	}
	return path, nil
}

// Path is Place in a new t.TempDir().
func Path(t testing.TB) string {
	t.Helper()
	return Place(t, t.TempDir())
}

// Open gives the test a migrated database of its own, empty, open until the test
// ends. Opening a database costs more than most tests do with it under the race
// detector: each connection parses the schema, and each statement is parsed again on
// each new connection. So a database a test is done with is emptied (every row of
// every table but the migrations deleted, in one transaction) and handed to the next
// test that opens one, with its connections and the statements they parsed. A test
// gets it only once it is empty: one that is not (something wrote after its test
// ended) is closed, and a new one made.
func Open(t testing.TB) *sqlite.DB {
	t.Helper()
	k, err := take()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { give(k) })
	return k.db
}

// kept is a database that tests take turns at, a connection of its own to empty
// it with, and the statements that do it, parsed once.
type kept struct {
	db    *sqlite.DB
	raw   *sql.DB
	wipes []*sql.Stmt // by table
	rows  *sql.Stmt   // a column by table: whether it has a row
}

var free struct {
	sync.Mutex
	dbs []*kept
	dir string
}

func take() (*kept, error) {
	free.Lock()
	for len(free.dbs) > 0 {
		// The one given back longest ago: a write that comes late from the test
		// that had it (a command still running when the test ended) has had the
		// most time to land, and to be seen by empty.
		k := free.dbs[0]
		free.dbs = free.dbs[1:]
		free.Unlock()
		if k.empty() {
			return k, nil
		}
		k.close()
		free.Lock()
	}
	if free.dir == "" {
		removeStale()
		dir, err := os.MkdirTemp("", fmt.Sprintf("%s%d-", keptPrefix, os.Getpid()))
		if err != nil {
			free.Unlock()
			return nil, err
		}
		free.dir = dir
		testmain.AtExit(func() { closeAll(); os.RemoveAll(dir) })
	}
	dir, err := os.MkdirTemp(free.dir, "db-")
	free.Unlock()
	if err != nil {
		return nil, err
	}
	path, err := place(dir)
	if err != nil {
		return nil, err
	}
	db, err := sqlite.Open(path)
	if err != nil {
		return nil, err
	}
	// The emptying connection does not sync its commits to disk: what it deletes need
	// not survive a power cut, and each sync is a wait at the end of every test.
	raw, err := sql.Open("sqlite", sqlite.URI(path, "_pragma=busy_timeout(10000)&_pragma=synchronous(OFF)"))
	if err != nil {
		db.Close()
		return nil, err
	}
	raw.SetMaxOpenConns(1)
	k := &kept{db: db, raw: raw}
	if err := k.prepare(); err != nil {
		k.close()
		return nil, err
	}
	return k, nil
}

// keptPrefix starts the name of the directory a test binary keeps its databases in,
// followed by the binary's process ID.
const keptPrefix = "charter-testdb-kept-"

// removeStale removes the kept databases of test binaries that ended without
// removing them (a panic, a -timeout), found by their process ID.
func removeStale() {
	entries, err := os.ReadDir(os.TempDir())
	if err != nil {
		return
	}
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), keptPrefix)
		if !ok || !e.IsDir() {
			continue
		}
		// PID-random; a name without the dash (of a binary built before the PID
		// was in it) says nothing of who holds it, and is left alone.
		digits, _, found := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(digits)
		if !found || err != nil || pid <= 0 || pid == os.Getpid() || running(pid) {
			continue
		}
		os.RemoveAll(filepath.Join(os.TempDir(), e.Name()))
	}
}

// running reports whether process pid may still run: only a process known to have
// ended (or never to have been) is not.
func running(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		// Windows opens the process: refused means it exists.
		return errors.Is(err, os.ErrPermission)
	}
	err = p.Signal(syscall.Signal(0))
	return !errors.Is(err, os.ErrProcessDone) && !errors.Is(err, syscall.ESRCH)
}

// give empties k and keeps it for the next test, or closes it if it cannot.
func give(k *kept) {
	if err := k.wipe(); err != nil {
		k.close()
		return
	}
	free.Lock()
	free.dbs = append(free.dbs, k)
	free.Unlock()
}

func (k *kept) close() {
	k.raw.Close()
	k.db.Close()
}

func closeAll() {
	free.Lock()
	defer free.Unlock()
	for _, k := range free.dbs {
		k.close()
	}
	free.dbs = nil
}

// prepare parses the statements that empty the tables a test may have written to
// (all but the migrations), and the one that tells whether they are empty.
// sqlite_sequence is one of them: a new row's ID (AUTOINCREMENT) then starts at 1,
// as in a new database, not past the IDs of the test before.
func (k *kept) prepare() error {
	rows, err := k.raw.Query(`SELECT name FROM sqlite_master WHERE type = 'table' AND (name NOT LIKE 'sqlite_%' OR name = 'sqlite_sequence') AND name != 'migrations' ORDER BY name`)
	if err != nil {
		return err
	}
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return err
		}
		names = append(names, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	exists := make([]string, len(names))
	for i, n := range names {
		st, err := k.raw.Prepare(`DELETE FROM "` + n + `"`)
		if err != nil {
			return err
		}
		k.wipes = append(k.wipes, st)
		exists[i] = `EXISTS (SELECT 1 FROM "` + n + `")`
	}
	k.rows, err = k.raw.Prepare(`SELECT ` + strings.Join(exists, ", "))
	return err
}

// wipe deletes every row of every table but the migrations, in one transaction. It
// deletes from the tables that have a row only: emptying a table that has none still
// writes its root page, and most tests write to a few of the tables.
func (k *kept) wipe() error {
	// The database is the test's: one that closed it gives it back closed.
	if _, err := k.db.DataVersion(context.Background()); err != nil {
		return err
	}
	tx, err := k.raw.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	written, err := k.written(tx.Stmt(k.rows))
	if err != nil || len(written) == 0 {
		return err
	}
	// The tables go in any order: this connection does not enforce foreign keys
	// (SQLite's default, left so). Setting a pragma such as defer_foreign_keys here
	// would make SQLite parse every statement of the connection again.
	for _, st := range written {
		if _, err := tx.Stmt(st).Exec(); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// written returns the statements that empty the tables that have a row, asking
// rows, k.rows or that statement in a transaction.
func (k *kept) written(rows *sql.Stmt) ([]*sql.Stmt, error) {
	has := make([]bool, len(k.wipes))
	dest := make([]any, len(has))
	for i := range has {
		dest[i] = &has[i]
	}
	if err := rows.QueryRow().Scan(dest...); err != nil {
		return nil, err
	}
	var written []*sql.Stmt
	for i, st := range k.wipes {
		if has[i] {
			written = append(written, st)
		}
	}
	return written, nil
}

// empty tells whether no table but the migrations has a row.
func (k *kept) empty() bool {
	written, err := k.written(k.rows)
	return err == nil && len(written) == 0
}
