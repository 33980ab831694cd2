// Package sqlite stores sessions in an embedded SQLite file (modernc.org/sqlite, no cgo).
package sqlite

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/charter-tool/charter/session"
)

//go:embed migration/*.sql
var migrationFS embed.FS

// schemaSQL is the schema the migrations up to the one its first line names leave,
// statement by statement as SQLite keeps them: a new database is made from it in
// one transaction rather than by replaying every migration. Its second line holds
// the digest of those migrations (migrationsDigest): a file that does not match the
// migrations of this build is not used. TestSchemaFileIsTheMigrations checks it;
// its -update flag writes it.
//
//go:embed schema.sql
var schemaSQL string

// The first two lines of schema.sql start so.
const (
	schemaHeader = "-- charter: the schema after migration/"
	schemaDigest = "-- charter: migrations sha256 "
)

// migrationsDigest is the SHA-256 of the embedded migrations up to last (a name
// in migration/), names and texts, line ends as LF whatever the checkout did.
func migrationsDigest(last string) (string, error) {
	names, err := migrationNames()
	if err != nil {
		return "", err
	}
	h := sha256.New()
	for _, name := range names {
		if name > "migration/"+last {
			break
		}
		buf, err := migrationFS.ReadFile(name)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s\n%s\x00", name, strings.ReplaceAll(string(buf), "\r\n", "\n"))
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// schemaFileFits reports the last migration schema.sql holds, when its digest is
// that of this build's migrations up to it.
func schemaFileFits(names []string) (string, bool) {
	lines := strings.SplitN(schemaSQL, "\n", 3)
	if len(lines) < 3 {
		return "", false
	}
	last, ok1 := strings.CutPrefix(strings.TrimSpace(lines[0]), schemaHeader)
	digest, ok2 := strings.CutPrefix(strings.TrimSpace(lines[1]), schemaDigest)
	if !ok1 || !ok2 || !slices.Contains(names, "migration/"+last) {
		return "", false
	}
	want, err := migrationsDigest(last)
	return last, err == nil && digest == want
}

// DB is an open charter database. Writes go through one connection so that concurrent
// writers queue in Go instead of failing with "database is locked"; reads use a pool.
type DB struct {
	path                string
	readPool, writePool *pool
	// read and write run the statements of the methods: the pools, or both the
	// transaction on the DB that ReadTx and WriteTx hand to their fn.
	read, write querier
	// tx is that transaction; nil outside one.
	tx    *txQuerier
	count *counters
	notes *noteWriter
	// authors are the tokens note authors are stored under (see authors),
	// volunteers those of volunteers for action points, raters those of check-in
	// ratings and voters those of dots.
	authors, volunteers, raters, voters *authors
	// batchSessions, set while the note writer checks a batch's notes, are the
	// sessions those checks read: read once for the batch (the checks write
	// nothing) rather than once a note.
	batchSessions map[string]*session.Session
}

var _ session.Store = (*DB)(nil)

// Open opens (creating with mode 0600 if needed) and migrates the database at path.
func Open(path string) (*DB, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	f.Close()
	// WAL lets readers go on while the one writer writes; synchronous(FULL) syncs
	// every commit to disk (about a quarter of a millisecond here), so that a note
	// acknowledged to its author survives a power cut, not only a crash of charter.
	// secure_delete overwrites what is deleted (a note, a table rebuilt by a
	// migration), so that the file does not keep it.
	dsn := URI(path, "_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)&_pragma=synchronous(FULL)&_pragma=secure_delete(1)&_txlock=immediate")
	db := &DB{path: path, count: &counters{}}
	w := sql.OpenDB(newKeptConnector(dsn, db.count))
	db.writePool = newPool(w, db.count)
	db.writePool.SetMaxOpenConns(1)
	db.writePool.SetMaxIdleConns(1)
	r := sql.OpenDB(newKeptConnector(dsn, db.count))
	db.readPool = newPool(r, db.count)
	// Idle connections are kept, with the statements prepared on them.
	db.readPool.SetMaxOpenConns(8)
	db.readPool.SetMaxIdleConns(8)
	db.read, db.write = db.readPool, db.writePool
	db.notes = newNoteWriter(db)
	if err := db.migrate(context.Background()); err != nil {
		db.Close()
		return nil, err
	}
	if err := db.loadAuthors(context.Background()); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// URI is the SQLite URI of the database file at path, with query. The characters a
// URI reads as its own are escaped in the path: a data directory named "sessions#2"
// opened the file "sessions" beside it, without the directory's 0600 file mode.
func URI(path, query string) string {
	u := "file:" + strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
	if query != "" {
		u += "?" + query
	}
	return u
}

// loadAuthors reads (or makes) the key secret that note authors are hashed with.
func (db *DB) loadAuthors(ctx context.Context) error {
	if db.authors != nil {
		return nil
	}
	secret, err := db.KeySalt(ctx)
	if err != nil {
		return err
	}
	db.authors, db.volunteers = newAuthors(secret), newVolunteers(secret)
	db.raters, db.voters = newRaters(secret), newVoters(secret)
	return nil
}

// migrationSteps are done in Go, in a migration's transaction, after its script.
var migrationSteps = map[string]func(ctx context.Context, q querier, db *DB) error{
	"migration/012_note_author.sql": func(ctx context.Context, q querier, db *DB) error {
		return fillAuthors(ctx, q, db.authors)
	},
	"migration/017_volunteer_token.sql": func(ctx context.Context, q querier, db *DB) error {
		return fillTokens(ctx, q, db.volunteers, "volunteers", "volunteer")
	},
	"migration/022_ratings_apart.sql": func(ctx context.Context, q querier, db *DB) error {
		return fillTokens(ctx, q, db.raters, "ratings", "rater")
	},
	"migration/023_votes_apart.sql": func(ctx context.Context, q querier, db *DB) error {
		if err := fillTokens(ctx, q, db.voters, "votes", "voter"); err != nil {
			return err
		}
		return fillTokens(ctx, q, db.voters, "shown_votes", "voter")
	},
}

// noForeignKeys marks a migration that rebuilds a table others refer to: it runs with
// foreign keys off (dropping the old table must not cascade), and is checked before
// it commits.
const noForeignKeys = "-- charter: foreign keys off"

// Close closes the database.
func (db *DB) Close() error {
	db.notes.close()
	return errors.Join(db.readPool.Close(), db.writePool.Close())
}

// migrationNames are the embedded migrations, in the order they run (by name).
func migrationNames() ([]string, error) {
	names, err := fs.Glob(migrationFS, "migration/*.sql")
	sort.Strings(names)
	return names, err
}

// migrate applies the embedded migrations in name order, each in its own transaction,
// and records them so each runs once.
func (db *DB) migrate(ctx context.Context) error {
	names, err := migrationNames()
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	// A database that is up to date (every start, every command, every test) is
	// only read: a command that writes nothing opens no write connection, and each
	// connection SQLite opens parses the whole schema.
	applied, err := appliedMigrations(ctx, db.readPool)
	if err == nil {
		if newer := unknownMigrations(names, applied); len(newer) > 0 {
			return fmt.Errorf("this database was changed by a newer charter (%s), which this one cannot read: run that version or a later one", strings.Join(newer, ", "))
		}
		if allApplied(names, applied) {
			return nil
		}
	}
	if _, err := db.writePool.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)`); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	applied, err = appliedMigrations(ctx, db.writePool)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	isNew := len(applied) == 0
	if isNew {
		if applied, err = db.createSchema(ctx, names); err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
	}
	for _, name := range names {
		if applied[name] {
			continue
		}
		if err := db.migrateFile(ctx, name); err != nil {
			return fmt.Errorf("migrate %s: %w", name, err)
		}
	}
	if isNew {
		// A new database: no data moved, nothing to rewrite.
		return nil
	}
	// A migration that moved data out of a table (ratings and dots away from the
	// names) left the old rows in the file's pages until SQLite checkpoints on its
	// own: the file is rewritten, in key order, and the log emptied.
	for _, q := range []string{`VACUUM`, `PRAGMA wal_checkpoint(TRUNCATE)`} {
		if _, err := db.writePool.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
	}
	return nil
}

// createSchema makes a new database's tables from schema.sql and records the
// migrations it holds as applied, in one transaction; it returns the migrations
// applied. It does nothing to a database that has any table but the migrations
// (another process may have begun meanwhile), nor when schema.sql does not fit
// this build's migrations: the migrations then run one by one.
func (db *DB) createSchema(ctx context.Context, names []string) (map[string]bool, error) {
	applied := map[string]bool{}
	last, ok := schemaFileFits(names)
	if !ok {
		return applied, nil
	}
	tx, err := db.writePool.BeginTx(ctx, nil)
	if err != nil {
		return applied, err
	}
	defer tx.Rollback()
	var tables int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM sqlite_schema WHERE tbl_name != 'migrations' AND name NOT LIKE 'sqlite_%'`).Scan(&tables); err != nil || tables > 0 {
		return applied, err
	}
	if _, err := tx.ExecContext(ctx, schemaSQL); err != nil {
		return applied, fmt.Errorf("schema.sql: %w", err)
	}
	now := time.Now().UnixMilli()
	for _, name := range names {
		if name > "migration/"+last {
			break
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO migrations (name, applied_at) VALUES (?, ?)`, name, now); err != nil {
			return map[string]bool{}, err
		}
		applied[name] = true
	}
	if err := tx.Commit(); err != nil {
		return map[string]bool{}, err
	}
	return applied, nil
}

// appliedMigrations reads the names of the migrations applied, in one query.
func appliedMigrations(ctx context.Context, q querier) (map[string]bool, error) {
	applied := map[string]bool{}
	rows, err := q.QueryContext(ctx, `SELECT name FROM migrations`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		applied[name] = true
	}
	return applied, rows.Err()
}

// unknownMigrations returns the applied migrations that are not among names, by
// their file names, sorted: those of a newer charter, whose tables this one does
// not know.
func unknownMigrations(names []string, applied map[string]bool) []string {
	var out []string
	for name := range applied {
		if !slices.Contains(names, name) {
			out = append(out, path.Base(name))
		}
	}
	sort.Strings(out)
	return out
}

func allApplied(names []string, applied map[string]bool) bool {
	for _, n := range names {
		if !applied[n] {
			return false
		}
	}
	return true
}

// migrateFile applies one migration that was not applied when migrate looked.
func (db *DB) migrateFile(ctx context.Context, name string) error {
	buf, err := migrationFS.ReadFile(name)
	if err != nil {
		return err
	}
	step := migrationSteps[name]
	if step != nil {
		if err := db.loadAuthors(ctx); err != nil {
			return err
		}
	}
	// One connection throughout: the foreign keys pragma is the connection's.
	conn, err := db.writePool.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	fkOff := strings.HasPrefix(string(buf), noForeignKeys)
	if fkOff {
		if _, err := conn.ExecContext(ctx, `PRAGMA foreign_keys = OFF`); err != nil {
			return err
		}
		defer conn.ExecContext(context.Background(), `PRAGMA foreign_keys = ON`)
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// Checked inside the transaction: another process may have migrated meanwhile.
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM migrations WHERE name = ?`, name).Scan(&n); err != nil || n > 0 {
		return err
	}
	if _, err := tx.ExecContext(ctx, string(buf)); err != nil {
		return err
	}
	if step != nil {
		if err := step(ctx, tx, db); err != nil {
			return err
		}
	}
	if fkOff {
		rows, err := tx.QueryContext(ctx, `PRAGMA foreign_key_check`)
		if err != nil {
			return err
		}
		bad := rows.Next()
		rows.Close()
		if bad {
			return errors.New("foreign keys do not hold after the migration")
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO migrations (name, applied_at) VALUES (?, ?)`, name, time.Now().UnixMilli()); err != nil {
		return err
	}
	return tx.Commit()
}

// KeySecretFile is the name of the file, beside the database, that holds the secret
// participant keys are hashed with. It is not in the database, so that a copy of the
// database (a backup) together with people's public keys, which are often public,
// cannot tell which participant, and so which notes, a key is.
const KeySecretFile = "key_secret"

// KeySalt returns the secret that participant keys are hashed with, made on first
// use in a 0600 file beside the database. A database from before keeps its secret in
// its meta table: it is moved out to the file, then deleted from the database.
func (db *DB) KeySalt(ctx context.Context) ([]byte, error) {
	path := filepath.Join(filepath.Dir(db.path), KeySecretFile)
	if buf, err := os.ReadFile(path); err == nil {
		return hex.DecodeString(strings.TrimSpace(string(buf)))
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("read key secret: %w", err)
	}
	var v string
	err := db.read.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'key_salt'`).Scan(&v)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("read key salt: %w", err)
	}
	salt, err := hex.DecodeString(v)
	if err != nil {
		return nil, fmt.Errorf("read key salt: %w", err)
	}
	fromDB := len(salt) > 0
	if !fromDB {
		salt = make([]byte, 32)
		if _, err := rand.Read(salt); err != nil {
			return nil, err
		}
	}
	if err := writeSecret(path, hex.EncodeToString(salt)+"\n"); err != nil {
		return nil, fmt.Errorf("store key secret: %w", err)
	}
	if !fromDB {
		// Nothing to move out: the database is not written to (a command that
		// only reads opens no write connection).
		return salt, nil
	}
	// Only once the file holds it: the secret leaves the database, and secure_delete
	// overwrites the page it was on.
	if _, err := db.write.ExecContext(ctx, `PRAGMA secure_delete = ON`); err != nil {
		return nil, err
	}
	if _, err := db.write.ExecContext(ctx, `DELETE FROM meta WHERE key = 'key_salt'`); err != nil {
		return nil, fmt.Errorf("move key salt out of the database: %w", err)
	}
	return salt, nil
}

// writeSecret writes a 0600 file whole or not at all.
func writeSecret(path, text string) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".key_secret-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.WriteString(text); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// Backup writes a consistent copy of the database to path while it is in use.
func (db *DB) Backup(ctx context.Context, path string) error {
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("backup: %s already exists", path)
	}
	if _, err := db.readPool.ExecContext(ctx, `VACUUM INTO ?`, path); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	return os.Chmod(path, 0o600)
}

func ms(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}

func fromMS(v int64) time.Time {
	if v == 0 {
		return time.Time{}
	}
	return time.UnixMilli(v)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// DataVersion is SQLite's data_version as the writing connection sees it. It changes
// only when another connection commits, and charter reads on its other connections
// without writing: a change means another process (charter import, charter session
// new) wrote to the database.
func (db *DB) DataVersion(ctx context.Context) (int64, error) {
	var v int64
	err := db.writePool.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&v)
	return v, err
}
