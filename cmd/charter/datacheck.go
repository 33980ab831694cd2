package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/charter-tool/charter/internal/datadir"
	"github.com/charter-tool/charter/session/sqlite"
)

// checkWritable makes sure the server can write in the data directory before it
// takes anyone's notes: a note acknowledged and then not saved is worse than a
// server that does not start.
func checkWritable(dir string) error {
	f, err := os.CreateTemp(dir, ".write-check-*")
	if err == nil {
		err = errors.Join(writeCheck(f), f.Sync(), f.Close(), os.Remove(f.Name()))
	}
	if errors.Is(err, syscall.ENOSPC) {
		return fmt.Errorf("the disk of the data directory %s is full (%w); free some space or give another --data", dir, err)
	}
	if errors.Is(err, syscall.EDQUOT) {
		return fmt.Errorf("the disk quota of the data directory %s is used up (%w); free some space or give another --data", dir, err)
	}
	if err != nil {
		return fmt.Errorf("the data directory %s is not writable: %w", dir, err)
	}
	return nil
}

// writeCheck writes checkWritable's byte. Only a test replaces it: to meet a used-up
// disk quota, which it cannot make for real (that takes a filesystem with quotas
// and a user they bind, which the test machines do not have).
var writeCheck = func(f *os.File) error {
	_, err := f.Write([]byte{'\n'})
	return err
}

// minFree is the least free space charter serve starts with. A write that succeeds
// at start says little: a disk with a few KiB left takes the check and fails the
// first notes. 32 MiB holds SQLite's write-ahead log between checkpoints (about
// 4 MiB, more while readers hold it), the notes of several sessions of a thousand
// people (a few MiB each) and their exports.
const minFree = 32 << 20

// checkFreeSpace refuses a data directory on a filesystem with less free space
// than needFree, naming the directory and what is free. Where free space
// cannot be read on this platform, it lets the server start.
func checkFreeSpace(ctx context.Context, dir string) error {
	free, err := datadir.FreeSpace(dir)
	if errors.Is(err, errors.ErrUnsupported) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("free space of the data directory %s: %w", dir, err)
	}
	var db uint64
	for _, name := range []string{"charter.db", "charter.db-wal"} {
		if fi, err := os.Stat(filepath.Join(dir, name)); err == nil {
			db += uint64(fi.Size())
		}
	}
	// A database that cannot be read is taken as one to migrate: the room is there
	// if it is, and the integrity check after this one says what is wrong with it.
	pending, err := sqlite.Pending(ctx, filepath.Join(dir, "charter.db"))
	return enoughFree(dir, free, db, err != nil || len(pending) > 0)
}

// needFree is the free space a server over a database of db bytes starts with:
// minFree, or, when migrations are to run at start (migrating), the database's own
// size when that is larger, because a migration that rebuilds a table writes a
// second copy of it before the first is freed. Without one, the database grows
// by what people write, which minFree is for.
func needFree(db uint64, migrating bool) uint64 {
	if !migrating {
		return minFree
	}
	return max(minFree, db)
}

// enoughFree is the decision of checkFreeSpace: nil when free bytes are enough for
// a database of db bytes (migrating if migrations are pending), else the message
// that refuses the start.
func enoughFree(dir string, free, db uint64, migrating bool) error {
	need := needFree(db, migrating)
	if free >= need {
		return nil
	}
	why := ""
	if need > minFree {
		why = " (as much as its database takes, to update it to this version of charter)"
	}
	return fmt.Errorf("the disk of the data directory %s is nearly full: %s free; charter serve needs at least %s%s to take notes safely; free some space or give another --data", dir, byteSize(free), byteSize(need), why)
}

// checkDatabase runs SQLite's quick integrity check over the database at path, if
// there is one, so that a damaged file is found at start and not by the first
// person whose note lands on the broken page.
func checkDatabase(ctx context.Context, path string) error {
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return nil
	}
	db, err := sql.Open("sqlite", sqlite.URI(path, "mode=ro&_pragma=busy_timeout(10000)"))
	if err != nil {
		return fmt.Errorf("integrity check of %s: %w", path, err)
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, "PRAGMA quick_check")
	if err != nil {
		return fmt.Errorf("integrity check of %s failed: %w; restore a backup (see charter backup)", path, err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return fmt.Errorf("integrity check of %s: %w", path, err)
		}
		if s != "ok" && len(problems) < 5 {
			problems = append(problems, s)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("integrity check of %s failed: %w; restore a backup (see charter backup)", path, err)
	}
	if len(problems) > 0 {
		return fmt.Errorf("integrity check of %s found damage (%s); restore a backup (see charter backup)", path, strings.Join(problems, "; "))
	}
	return nil
}
