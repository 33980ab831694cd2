package sqlite

import (
	"context"
	"fmt"
	"time"
)

// AddThemeSplit records that themes a and b (a < b) are not one campaign theme.
func (db *DB) AddThemeSplit(ctx context.Context, a, b int64) error {
	_, err := db.write.ExecContext(ctx, `INSERT INTO theme_splits (theme_a, theme_b, created_at) VALUES (?, ?, ?)
		ON CONFLICT (theme_a, theme_b) DO NOTHING`, a, b, ms(time.Now()))
	if err != nil {
		return fmt.Errorf("split themes: %w", err)
	}
	return nil
}

// RemoveThemeSplit forgets the split of themes a and b (a < b).
func (db *DB) RemoveThemeSplit(ctx context.Context, a, b int64) (bool, error) {
	res, err := db.write.ExecContext(ctx, `DELETE FROM theme_splits WHERE theme_a = ? AND theme_b = ?`, a, b)
	if err != nil {
		return false, fmt.Errorf("unsplit themes: %w", err)
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

// ThemeSplits returns the split pairs involving a theme of the session, both of
// whose themes exist: a pair stays stored while one of its themes is merged or
// deleted, for an undo that puts the theme back (with its ID).
func (db *DB) ThemeSplits(ctx context.Context, sessionID string) ([][2]int64, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT theme_a, theme_b FROM theme_splits
		WHERE (theme_a IN (SELECT id FROM themes WHERE session_id = ?)
		    OR theme_b IN (SELECT id FROM themes WHERE session_id = ?))
		  AND theme_a IN (SELECT id FROM themes) AND theme_b IN (SELECT id FROM themes)
		ORDER BY theme_a, theme_b`, sessionID, sessionID)
	if err != nil {
		return nil, fmt.Errorf("theme splits: %w", err)
	}
	defer rows.Close()
	var out [][2]int64
	for rows.Next() {
		var p [2]int64
		if err := rows.Scan(&p[0], &p[1]); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}
