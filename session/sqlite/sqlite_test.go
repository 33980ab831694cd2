package sqlite_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/charter-tool/charter/internal/testdb"
	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/sqlite"
)

// mustOpen opens a migrated database (a copy of one migrated once per test binary:
// migrating a new file is most of a short test's time under the race detector) in a
// temporary directory and closes it after the test.
func mustOpen(t *testing.T) (*sqlite.DB, string) {
	t.Helper()
	return opened(t, testdb.Place(t, t.TempDir()))
}

// mustOpenNew is mustOpen on a new file, which Open creates and migrates.
func mustOpenNew(t *testing.T) (*sqlite.DB, string) {
	t.Helper()
	return opened(t, filepath.Join(t.TempDir(), "charter.db"))
}

func opened(t *testing.T, path string) (*sqlite.DB, string) {
	t.Helper()
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, path
}

// newSession stores a session with n participants and returns both.
func newSession(t *testing.T, db *sqlite.DB, n int) (*session.Session, []*session.Participant) {
	t.Helper()
	ctx := context.Background()
	s := &session.Session{Title: "Store", Audience: session.AudienceDevelopers, Mode: session.ModeInPerson, Phase: session.PhaseWrite}
	if err := db.CreateSession(ctx, s); err != nil {
		t.Fatal(err)
	}
	var ps []*session.Participant
	for i := range n {
		p, _, err := db.JoinSession(ctx, s.ID, fmt.Sprintf("key-%d", i), "")
		if err != nil {
			t.Fatal(err)
		}
		ps = append(ps, p)
	}
	return s, ps
}

func note(s *session.Session, p *session.Participant, text string) *session.Note {
	now := time.Now()
	return &session.Note{SessionID: s.ID, ParticipantID: p.ID, Area: session.AreaConfidence, Lane: "strength",
		Text: text, CreatedAt: now, UpdatedAt: now}
}

// A database a newer charter changed is refused with a message that says so and
// names the change, instead of failing later on a column this charter expects.
func TestDatabaseOfANewerCharterIsRefused(t *testing.T) {
	t.Parallel()
	db, path := mustOpen(t)
	db.Close()
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`INSERT INTO migrations (name, applied_at) VALUES ('migration/999_later.sql', 0)`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	again, err := sqlite.Open(path)
	if err == nil {
		again.Close()
		t.Fatal("a database of a newer charter opened")
	}
	if msg := err.Error(); !strings.Contains(msg, "newer charter") || !strings.Contains(msg, "999_later.sql") {
		t.Errorf("message %q does not say a newer charter changed it, and how", msg)
	}
}

func TestMigrationsAreAppliedOnce(t *testing.T) {
	t.Parallel()
	db, path := mustOpenNew(t)
	ctx := context.Background()
	s, _ := newSession(t, db, 1)
	db.Close()

	again, err := sqlite.Open(path)
	if err != nil {
		t.Fatalf("open a migrated database again: %v", err)
	}
	defer again.Close()
	if got, err := again.Session(ctx, s.ID); err != nil || got.Code != s.Code {
		t.Fatalf("session after reopening: %+v, %v", got, err)
	}

	files, err := filepath.Glob(filepath.Join("migration", "*.sql"))
	if err != nil || len(files) == 0 {
		t.Fatalf("migration files: %v, %v", files, err)
	}
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	rows, err := raw.QueryContext(ctx, `SELECT name, COUNT(*) FROM migrations GROUP BY name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	applied := 0
	for rows.Next() {
		var name string
		var n int
		if err := rows.Scan(&name, &n); err != nil {
			t.Fatal(err)
		}
		if n != 1 {
			t.Errorf("migration %s recorded %d times", name, n)
		}
		applied++
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if applied != len(files) {
		t.Fatalf("%d migrations recorded, %d files", applied, len(files))
	}
}

func TestDatabaseFileIsPrivate(t *testing.T) {
	t.Parallel()
	_, path := mustOpenNew(t)
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Fatalf("database mode %v, want 0600", fi.Mode().Perm())
	}
}

func TestConcurrentWritersAreNeverLocked(t *testing.T) {
	t.Parallel()
	// Twenty writers at once are what can lock; ten notes each keep them all writing
	// together (fifty made the readers below spin five times as long for no more).
	const writers, each = 20, 10
	db, _ := mustOpen(t)
	ctx := context.Background()
	s, ps := newSession(t, db, writers)

	var wg sync.WaitGroup
	errs := make(chan error, writers*each+writers)
	for w, p := range ps {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				if err := db.AddNote(ctx, note(s, p, fmt.Sprintf("w%d-%d", w, i)), nil); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	// Readers at the same time, as the board and participants' screens are.
	stop := make(chan struct{})
	var readers sync.WaitGroup
	for range 4 {
		readers.Add(1)
		go func() {
			defer readers.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				if _, err := db.Notes(ctx, s.ID); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(stop)
	readers.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent access failed: %v", err)
	}
	notes, err := db.Notes(ctx, s.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(notes) != writers*each {
		t.Fatalf("stored %d notes, want %d", len(notes), writers*each)
	}
}

func TestBackupIsAConsistentCopy(t *testing.T) {
	t.Parallel()
	db, _ := mustOpen(t)
	ctx := context.Background()
	s, ps := newSession(t, db, 3)

	var stored atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for w, p := range ps {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				if err := db.AddNote(ctx, note(s, p, fmt.Sprintf("writer %d note %d", w, i)), nil); err != nil {
					t.Error(err)
					return
				}
				stored.Add(1)
			}
		}()
	}
	for stored.Load() < 30 {
		time.Sleep(time.Millisecond)
	}
	before := stored.Load()
	path := filepath.Join(t.TempDir(), "backup.db")
	err := db.Backup(ctx, path)
	close(stop)
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}

	if err := db.Backup(ctx, path); err == nil || !strings.Contains(err.Error(), "exists") {
		t.Fatalf("a second backup to the same file: %v, want a refusal", err)
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("backup file: %v, %v", fi, err)
	}
	copyDB, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer copyDB.Close()
	notes, err := copyDB.Notes(ctx, s.ID)
	if err != nil {
		t.Fatal(err)
	}
	if n := int64(len(notes)); n < before || n > stored.Load() {
		t.Fatalf("backup has %d notes; %d stored before it, %d in all", n, before, stored.Load())
	}
	// Each writer's notes in the copy are the first ones it wrote, none missing between.
	next := map[int64]int{}
	for _, n := range notes {
		var w, i int
		if _, err := fmt.Sscanf(n.Text, "writer %d note %d", &w, &i); err != nil || i != next[n.ParticipantID] {
			t.Fatalf("note %q breaks its writer's sequence (want note %d)", n.Text, next[n.ParticipantID])
		}
		next[n.ParticipantID]++
	}
	people, err := copyDB.Participants(ctx, s.ID)
	if err != nil || len(people) != len(ps) {
		t.Fatalf("participants in the copy: %d, %v", len(people), err)
	}
}

// The key secret lives in a 0600 file beside the database, and a database from before
// gives its secret up to that file: the same secret, so returning people are still
// recognised, and none left in the database.
func TestKeySecretLeavesTheDatabase(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir := t.TempDir()
	first, err := sqlite.Open(filepath.Join(dir, "charter.db"))
	if err != nil {
		t.Fatal(err)
	}
	first.Close()
	raw, err := sql.Open("sqlite", filepath.Join(dir, "charter.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	// As a database made before the move holds it.
	if err := os.Remove(filepath.Join(dir, sqlite.KeySecretFile)); err != nil {
		t.Fatal(err)
	}
	if _, err := raw.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES ('key_salt', 'c0ffee')`); err != nil {
		t.Fatal(err)
	}
	db, err := sqlite.Open(filepath.Join(dir, "charter.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	salt, err := db.KeySalt(ctx)
	if err != nil || hex.EncodeToString(salt) != "c0ffee" {
		t.Fatalf("salt %x, %v; want the one the database held", salt, err)
	}
	fi, err := os.Stat(filepath.Join(dir, sqlite.KeySecretFile))
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("key secret file: %v, %v", fi, err)
	}
	var n int
	if err := raw.QueryRowContext(ctx, `SELECT COUNT(*) FROM meta WHERE key = 'key_salt'`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("%d key salts left in the database (%v)", n, err)
	}
	again, err := db.KeySalt(ctx)
	if err != nil || !bytes.Equal(again, salt) {
		t.Fatalf("second read %x, %v", again, err)
	}
}

// ParticipantInSession reads, in one statement, what Participant and Session read
// apart; an unknown participant is not found.
func TestParticipantInSessionIsBothReads(t *testing.T) {
	db, _ := mustOpen(t)
	ctx := context.Background()
	s, ps := newSession(t, db, 2)
	s.Activities = []string{"pen testing"}
	s.RatingsShown = true
	if err := db.UpdateSession(ctx, s); err != nil {
		t.Fatal(err)
	}
	ps[1].Removed, ps[1].Done, ps[1].Rating = true, true, 4
	if err := db.UpdateParticipant(ctx, ps[1]); err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		gotP, gotS, err := db.ParticipantInSession(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		wantP, err := db.Participant(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		wantS, err := db.Session(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(*gotP) != fmt.Sprint(*wantP) {
			t.Errorf("participant %d: got %+v, want %+v", p.ID, *gotP, *wantP)
		}
		if fmt.Sprint(*gotS) != fmt.Sprint(*wantS) {
			t.Errorf("session of participant %d: got %+v, want %+v", p.ID, *gotS, *wantS)
		}
	}
	if _, _, err := db.ParticipantInSession(ctx, ps[1].ID+100); session.ErrorCode(err) != session.ENotFound {
		t.Errorf("unknown participant: %v, want not found", err)
	}
}

// Opening a database that is up to date only reads it: one connection, not a write
// connection beside it, so that a command that writes nothing (a report, a list)
// parses the schema once. Its first write opens the write connection.
func TestUpToDateDatabaseOpensOneConnection(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, path := mustOpen(t)
	if _, err := db.KeySalt(ctx); err != nil {
		t.Fatal(err)
	}
	db.Close()
	again, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if ss, err := again.Sessions(ctx); err != nil || len(ss) != 0 {
		t.Fatalf("sessions %v, %v", ss, err)
	}
	if n := again.Stats().Connections; n != 1 {
		t.Errorf("opening an up-to-date database and reading it opened %d connections, want 1", n)
	}
	newSession(t, again, 1)
	if n := again.Stats().Connections; n != 2 {
		t.Errorf("after a write: %d connections, want 2 (the write connection)", n)
	}
	again.Close()
	// Nor does making the key secret of a database that never had one (a copy
	// of a new database) write to the database.
	if err := os.Remove(filepath.Join(filepath.Dir(path), sqlite.KeySecretFile)); err != nil {
		t.Fatal(err)
	}
	third, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer third.Close()
	if _, err := third.Sessions(ctx); err != nil {
		t.Fatal(err)
	}
	if n := third.Stats().Connections; n != 1 {
		t.Errorf("a database without its key secret opened %d connections, want 1", n)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(path), sqlite.KeySecretFile)); err != nil {
		t.Errorf("no key secret made: %v", err)
	}
}

// A data directory whose name holds what a SQLite URI reads as its own (a fragment,
// a query, an escape) keeps its database inside it: "data#2" opened a file "data"
// beside it, readable by everyone, and left data#2/charter.db empty.
func TestDatabaseInADirectoryNamedLikeAURI(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for _, name := range []string{"data#2", "data?mode=memory", "data%20x"} {
		parent := t.TempDir()
		dir := filepath.Join(parent, name)
		if err := os.Mkdir(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, "charter.db")
		db, err := sqlite.Open(path)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		s, _ := newSession(t, db, 1)
		db.Close()
		if pending, err := sqlite.Pending(ctx, path); err != nil || len(pending) != 0 {
			t.Errorf("%s: pending migrations %v, %v", name, pending, err)
		}
		again, err := sqlite.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := again.Session(ctx, s.ID); err != nil || got.Title != s.Title {
			t.Errorf("%s: session after reopening: %+v, %v", name, got, err)
		}
		again.Close()
		if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
			t.Errorf("%s: the database in the directory: %v, %v", name, fi, err)
		}
		entries, _ := os.ReadDir(parent)
		for _, e := range entries {
			if e.Name() != name {
				t.Errorf("%s: %q was made beside the data directory", name, e.Name())
			}
		}
	}
}
