package sqlite_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/sqlite"
)

// Migration 026 rebuilds notes, action points and participants on a database with
// data in every table that refers to them: every row of every table and every
// reference stays, the foreign keys hold, the indexes are there, the schema is a
// new database's, and no ID of a row deleted after it (the newest of each) is
// given again.
func TestMigration026KeepsNotesActionsParticipantsAndWhatRefersToThem(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "charter.db")
	oldDatabase(t, path, "026",
		`INSERT INTO sessions (id, title, audience, mode, campaign, code, phase, created_at, updated_at) VALUES ('s1', 'Old', 'developers', 'in-person', 'c', 'ABCDEFGH', 'actions', 0, 0), ('s2', 'Old2', 'developers', 'in-person', 'c', 'HGFEDCBA', 'write', 0, 0)`,
		`INSERT INTO participants (id, session_id, key_hash, name, pseudonym, done, removed, joined_at, tenure, level, paper, rejoin_hash) VALUES (7, 's1', 'k7', 'Ann', 'P1', 1, 0, 5, 'long', 'senior', 0, 'r7'), (8, 's1', '', '', 'P2', 0, 1, 6, '', '', 1, ''), (9, 's2', 'k9', '', 'P3', 0, 0, 7, '', '', 0, '')`,
		`INSERT INTO notes (id, session_id, author, area, lane, activity, text, hidden, created_at, updated_at, batch) VALUES (1, 's1', 'a7', 'confidence', 'strength', '', 'n1', 0, 1, 2, 1), (2, 's1', 'a8', 'confidence', 'gap', 'tm', 'n2', 1, 3, 4, 2), (4, 's2', 'a9', 'open', 'topic', '', 'n4', 0, 5, 6, 0), (5, 's1', 'a7', 'confidence', 'gap', '', 'n5', 0, 7, 8, 2)`,
		`INSERT INTO note_deletions (session_id, author, batch) VALUES ('s1', 'a8', 1), ('s1', 'a8', 1)`,
		`INSERT INTO themes (id, session_id, label, created_at, named) VALUES (3, 's1', 'late findings', 0, 1), (7, 's1', 'training', 0, 0)`,
		`INSERT INTO theme_notes (note_id, theme_id) VALUES (1, 3), (2, 7), (5, 7)`,
		`INSERT INTO votes (voter, theme_id, count) VALUES ('v7', 3, 2), ('v8', 7, 1)`,
		`INSERT INTO shown_votes (voter, theme_id, count) VALUES ('v7', 3, 2)`,
		`INSERT INTO ratings (session_id, rater, rating, shown_rating) VALUES ('s1', 'r7', 4, 4)`,
		`INSERT INTO action_points (id, session_id, theme_id, title, priority, owner, status, created_at, updated_at, due) VALUES (1, 's1', 7, 'Clinic', 2, 'Ann', 'proposed', 0, 0, '2026-01-31'), (2, 's1', NULL, 'Alone', 1, '', 'proposed', 0, 0, ''), (6, 's1', 3, 'Newest', 3, '', 'agreed', 0, 0, '')`,
		`INSERT INTO volunteers (action_id, volunteer, name, created_at) VALUES (1, 'w7', 'Ann', 0), (6, 'w7', 'Ann', 0), (6, 'w8', '', 0)`)
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	tablesQuery := `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'migrations' ORDER BY name`
	var tables []string
	for _, row := range rowsOf(t, raw, tablesQuery) {
		tables = append(tables, row[1:])
	}
	before, cols := map[string][]string{}, map[string]string{}
	for _, tb := range tables {
		cols[tb] = columnsOf(t, raw, tb)
		before[tb] = sorted(rowsOf(t, raw, `SELECT `+cols[tb]+` FROM "`+tb+`"`))
	}
	raw.Close()

	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	raw, err = sql.Open("sqlite", path+"?_pragma=foreign_keys(1)")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var after []string
	for _, row := range rowsOf(t, raw, tablesQuery) {
		// A table a later migration makes is not the rebuild's.
		if n := row[1:]; n != "deleted_invitations" && n != "theme_joins" {
			after = append(after, n)
		}
	}
	if !slices.Equal(after, tables) {
		t.Errorf("tables after the migration %v, want %v", after, tables)
	}
	for _, tb := range tables {
		if got := sorted(rowsOf(t, raw, `SELECT `+cols[tb]+` FROM "`+tb+`"`)); !slices.Equal(got, before[tb]) {
			t.Errorf("%s after the migration:\n%v\nwant\n%v", tb, got, before[tb])
		}
	}
	if bad := rowsOf(t, raw, `PRAGMA foreign_key_check`); len(bad) > 0 {
		t.Errorf("foreign_key_check: %v", bad)
	}
	if ok := rowsOf(t, raw, `PRAGMA integrity_check`); !slices.Equal(ok, []string{"|ok"}) {
		t.Errorf("integrity_check: %v", ok)
	}
	if seq := sorted(rowsOf(t, raw, `SELECT name, seq FROM sqlite_sequence WHERE name IN ('action_points', 'notes', 'participants', 'themes')`)); !slices.Equal(seq, []string{"|action_points|6", "|notes|5", "|participants|9", "|themes|7"}) {
		t.Errorf("sqlite_sequence = %v, want each table at its highest ID", seq)
	}

	requireNewSchema(t, raw)

	// The newest of each deleted, then one added: its ID is past the deleted one's.
	db, err = sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.DeleteNote(ctx, 5); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteAction(ctx, 6); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteSession(ctx, "s2"); err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	n := &session.Note{SessionID: "s1", ParticipantID: 7, Area: session.AreaConfidence, Lane: "strength", Text: "new", CreatedAt: now, UpdatedAt: now}
	if err := db.AddNote(ctx, n, nil); err != nil {
		t.Fatal(err)
	}
	if n.ID <= 5 {
		t.Errorf("a new note after the migration has ID %d, want past 5", n.ID)
	}
	a := &session.ActionPoint{SessionID: "s1", Title: "new", Status: session.ActionProposed, CreatedAt: now, UpdatedAt: now}
	if err := db.AddAction(ctx, a); err != nil {
		t.Fatal(err)
	}
	if a.ID <= 6 {
		t.Errorf("a new action point after the migration has ID %d, want past 6", a.ID)
	}
	p, _, err := db.JoinSession(ctx, "s1", "k10", "")
	if err != nil {
		t.Fatal(err)
	}
	if p.ID <= 9 {
		t.Errorf("a new participant after the migration has ID %d, want past 9", p.ID)
	}
}

func sorted(rows []string) []string {
	slices.Sort(rows)
	return rows
}
