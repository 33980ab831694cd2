package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
)

// Pending returns the migrations that opening the database at path would apply, in
// the order they would run, without opening it for writing: a migration may rebuild
// a table, and whoever opens the database may want to know that first (room on the
// disk for a second copy). A database that does not exist yet has them all pending.
func Pending(ctx context.Context, path string) ([]string, error) {
	names, err := migrationNames()
	if err != nil {
		return nil, fmt.Errorf("pending migrations: %w", err)
	}
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return names, nil
	}
	db, err := sql.Open("sqlite", URI(path, "mode=ro&_pragma=busy_timeout(10000)"))
	if err != nil {
		return nil, fmt.Errorf("pending migrations of %s: %w", path, err)
	}
	defer db.Close()
	var tables int
	if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table' AND name = 'migrations'`).Scan(&tables); err != nil {
		return nil, fmt.Errorf("pending migrations of %s: %w", path, err)
	}
	if tables == 0 {
		return names, nil
	}
	rows, err := db.QueryContext(ctx, `SELECT name FROM migrations`)
	if err != nil {
		return nil, fmt.Errorf("pending migrations of %s: %w", path, err)
	}
	defer rows.Close()
	applied := map[string]bool{}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, fmt.Errorf("pending migrations of %s: %w", path, err)
		}
		applied[name] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("pending migrations of %s: %w", path, err)
	}
	var pending []string
	for _, name := range names {
		if !applied[name] {
			pending = append(pending, name)
		}
	}
	return pending, nil
}
