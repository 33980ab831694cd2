package sqlite_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/charter-tool/charter/session/sqlite"
)

// A copy of the database alone (a backup) does not tell which participant wrote a
// note: no column of the notes holds a participant's ID, key hash or anything made
// from them with what the copy holds; the running store still knows its authors.
func TestDatabaseCopyDoesNotLinkANoteToAParticipant(t *testing.T) {
	t.Parallel()
	db, path := mustOpen(t)
	ctx := context.Background()
	s, ps := newSession(t, db, 3)
	for i, p := range ps {
		if err := db.AddNote(ctx, note(s, p, fmt.Sprintf("note by writer %d", i)), nil); err != nil {
			t.Fatal(err)
		}
	}
	authors := map[string]bool{}
	// The note's own: its ID, text, times and batch; the author is checked.
	backupOf(t, db).noLink(t, "notes", []string{"id", "text", "hidden", "batch", "created_at", "updated_at"}, ps,
		func(row map[string]string) { authors[row["author"]] = true })
	if len(authors) != len(ps) {
		t.Fatalf("%d distinct authors stored, want %d: one per person", len(authors), len(ps))
	}

	// The store that holds the secret still knows whose note is whose.
	for i, p := range ps {
		mine, err := db.NotesBy(ctx, p.ID)
		if err != nil || len(mine) != 1 || mine[0].Text != fmt.Sprintf("note by writer %d", i) || mine[0].ParticipantID != p.ID {
			t.Fatalf("writer %d's notes: %+v, %v", i, mine, err)
		}
	}
	// And so does the same database opened again with its secret.
	db.Close()
	again, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	all, err := again.Notes(ctx, s.ID)
	if err != nil {
		t.Fatal(err)
	}
	for i, n := range all {
		if n.ParticipantID != ps[i].ID {
			t.Fatalf("after reopening, note %q is by %d, want %d", n.Text, n.ParticipantID, ps[i].ID)
		}
	}
}

// Without its key secret (a backup restored alone), the notes of one person still
// count as one person, and are nobody's to edit.
func TestNotesWithoutTheSecretKeepDistinctAuthors(t *testing.T) {
	t.Parallel()
	db, _ := mustOpen(t)
	ctx := context.Background()
	s, ps := newSession(t, db, 2)
	for _, p := range []int{0, 1, 0} {
		if err := db.AddNote(ctx, note(s, ps[p], "n"), nil); err != nil {
			t.Fatal(err)
		}
	}
	backup := filepath.Join(t.TempDir(), "backup.db")
	if err := db.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	restored, err := sqlite.Open(backup)
	if err != nil {
		t.Fatal(err)
	}
	defer restored.Close()
	all, err := restored.Notes(ctx, s.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 3 || all[0].ParticipantID != all[2].ParticipantID || all[0].ParticipantID == all[1].ParticipantID {
		t.Fatalf("authors without the secret: %d %d %d", all[0].ParticipantID, all[1].ParticipantID, all[2].ParticipantID)
	}
	for _, n := range all {
		if n.ParticipantID == ps[0].ID || n.ParticipantID == ps[1].ID {
			t.Fatalf("a note is tied to participant %d without the secret", n.ParticipantID)
		}
	}
}

// A database from before migration 012 names each note's participant: the
// migration replaces it with the author's token and keeps everything else,
// themes included.
func TestNoteAuthorMigrationKeepsNotesAndThemes(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "charter.db")
	raw, err := sql.Open("sqlite", path+"?_pragma=foreign_keys(1)")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	files, err := filepath.Glob(filepath.Join("migration", "*.sql"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	if _, err := raw.ExecContext(ctx, `CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if filepath.Base(f) >= "012" {
			break
		}
		buf, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := raw.ExecContext(ctx, string(buf)); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if _, err := raw.ExecContext(ctx, `INSERT INTO migrations VALUES (?, 0)`, "migration/"+filepath.Base(f)); err != nil {
			t.Fatal(err)
		}
	}
	for _, q := range []string{
		`INSERT INTO sessions (id, title, audience, mode, code, phase, created_at, updated_at) VALUES ('s1', 'Old', 'developers', 'in-person', 'ABCDEFGH', 'group', 0, 0)`,
		`INSERT INTO participants (id, session_id, pseudonym, joined_at) VALUES (7, 's1', 'P1', 0), (9, 's1', 'P2', 0)`,
		`INSERT INTO notes (id, session_id, participant_id, area, lane, text, created_at, updated_at) VALUES
			(1, 's1', 7, 'confidence', 'strength', 'first', 0, 0), (2, 's1', 9, 'confidence', 'concern', 'second', 0, 0),
			(3, 's1', 7, 'confidence', 'concern', 'third', 0, 0)`,
		`INSERT INTO themes (id, session_id, label, created_at) VALUES (1, 's1', 'all', 0)`,
		`INSERT INTO theme_notes (note_id, theme_id) VALUES (1, 1), (2, 1), (3, 1)`,
	} {
		if _, err := raw.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	raw.Close()

	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	all, err := db.Notes(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	want := []int64{7, 9, 7}
	if len(all) != 3 {
		t.Fatalf("%d notes after the migration, want 3", len(all))
	}
	for i, n := range all {
		if n.ParticipantID != want[i] {
			t.Errorf("note %q is by %d, want %d", n.Text, n.ParticipantID, want[i])
		}
	}
	themes, err := db.Themes(ctx, "s1")
	if err != nil || len(themes) != 1 || len(themes[0].NoteIDs) != 3 {
		t.Fatalf("themes after the migration: %+v, %v", themes, err)
	}
	check, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer check.Close()
	var left int
	if err := check.QueryRowContext(ctx, `SELECT COUNT(*) FROM notes WHERE author LIKE 'participant:%' OR author IN ('7', '9')`).Scan(&left); err != nil || left != 0 {
		t.Fatalf("%d notes still name their participant (%v)", left, err)
	}
}
