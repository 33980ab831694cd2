package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strings"
)

// checkWritable makes sure the server can write in the data directory before it
// takes anyone's notes: a note acknowledged and then not saved is worse than a
// server that does not start.
func checkWritable(dir string) error {
	f, err := os.CreateTemp(dir, ".write-check-*")
	if err == nil {
		_, err = f.Write([]byte{'\n'})
		err = errors.Join(err, f.Sync(), f.Close(), os.Remove(f.Name()))
	}
	if err != nil {
		return fmt.Errorf("the data directory %s is not writable: %w", dir, err)
	}
	return nil
}

// checkDatabase runs SQLite's quick integrity check over the database at path, if
// there is one, so that a damaged file is found at start and not by the first
// person whose note lands on the broken page.
func checkDatabase(ctx context.Context, path string) error {
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return nil
	}
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(10000)")
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
