package sqlite

import (
	"context"
	"fmt"
	"time"
)

// Splits and joins of session themes are pairs (a < b) of one shape, kept in
// theme_splits and theme_joins: a pair stays stored while one of its themes is
// merged or deleted, for an undo that puts the theme back (with its ID), and is
// read only while both themes exist.

// AddThemeSplit records that themes a and b (a < b) are not one campaign theme.
func (db *DB) AddThemeSplit(ctx context.Context, a, b int64) error {
	return db.addThemePair(ctx, "theme_splits", "split themes", a, b)
}

// RemoveThemeSplit forgets the split of themes a and b (a < b).
func (db *DB) RemoveThemeSplit(ctx context.Context, a, b int64) (bool, error) {
	return db.removeThemePair(ctx, "theme_splits", "unsplit themes", a, b)
}

// ThemeSplits returns the split pairs involving a theme of the session, both of
// whose themes exist.
func (db *DB) ThemeSplits(ctx context.Context, sessionID string) ([][2]int64, error) {
	return db.themePairs(ctx, "theme_splits", "theme splits", sessionID)
}

// AddThemeJoin records that themes a and b (a < b) are one campaign theme.
func (db *DB) AddThemeJoin(ctx context.Context, a, b int64) error {
	return db.addThemePair(ctx, "theme_joins", "join themes", a, b)
}

// RemoveThemeJoin forgets the join of themes a and b (a < b).
func (db *DB) RemoveThemeJoin(ctx context.Context, a, b int64) (bool, error) {
	return db.removeThemePair(ctx, "theme_joins", "unjoin themes", a, b)
}

// ThemeJoins returns the joined pairs involving a theme of the session, both of
// whose themes exist.
func (db *DB) ThemeJoins(ctx context.Context, sessionID string) ([][2]int64, error) {
	return db.themePairs(ctx, "theme_joins", "theme joins", sessionID)
}

// addThemePair stores the pair a, b (a < b) in table, once. what names the
// change in an error.
func (db *DB) addThemePair(ctx context.Context, table, what string, a, b int64) error {
	_, err := db.write.ExecContext(ctx, `INSERT INTO `+table+` (theme_a, theme_b, created_at) VALUES (?, ?, ?)
		ON CONFLICT (theme_a, theme_b) DO NOTHING`, a, b, ms(time.Now()))
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// removeThemePair forgets the pair a, b (a < b) of table, and says whether it was
// stored.
func (db *DB) removeThemePair(ctx context.Context, table, what string, a, b int64) (bool, error) {
	res, err := db.write.ExecContext(ctx, `DELETE FROM `+table+` WHERE theme_a = ? AND theme_b = ?`, a, b)
	if err != nil {
		return false, fmt.Errorf("%s: %w", what, err)
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

// themePairs returns the pairs of table involving a theme of the session, both of
// whose themes exist.
func (db *DB) themePairs(ctx context.Context, table, what, sessionID string) ([][2]int64, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT theme_a, theme_b FROM `+table+`
		WHERE (theme_a IN (SELECT id FROM themes WHERE session_id = ?)
		    OR theme_b IN (SELECT id FROM themes WHERE session_id = ?))
		  AND theme_a IN (SELECT id FROM themes) AND theme_b IN (SELECT id FROM themes)
		ORDER BY theme_a, theme_b`, sessionID, sessionID)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
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
