package sqlite_test

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/sqlite"
)

// backupCopy is a backup of a database opened as a plain SQLite file, as whoever
// holds a backup (and not the key secret) can.
type backupCopy struct {
	raw *sql.DB
	// known are the values the copy holds of participants, each with what it is.
	known map[string]string
	// keys are every value of the copy that could serve as a key.
	keys [][]byte
}

// backupOf backs db up and opens the backup.
func backupOf(t *testing.T, db *sqlite.DB) *backupCopy {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "backup.db")
	if err := db.Backup(ctx, path); err != nil {
		t.Fatal(err)
	}
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { raw.Close() })
	c := &backupCopy{raw: raw, known: map[string]string{}}
	rows, err := raw.QueryContext(ctx, `SELECT id, key_hash, name, pseudonym FROM participants`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		var kh, name, pseudonym string
		if err := rows.Scan(&id, &kh, &name, &pseudonym); err != nil {
			t.Fatal(err)
		}
		c.known[strconv.FormatInt(id, 10)], c.known[kh], c.known[name], c.known[pseudonym] = "a participant's ID", "a key hash", "a name", "a pseudonym"
	}
	rows.Close()
	delete(c.known, "")
	c.keys = copyKeys(t, raw)
	return c
}

// noLink checks that table does not tie its rows to participants: no foreign key
// and no column refers to them, and no value outside the columns own (the row's
// own data) is one the copy knows of a participant or a keyed hash of a
// participant's ID under any key the copy holds. The values of the notes' authors
// count as known for every other table. each, when given, sees every row, by
// column name.
func (c *backupCopy) noLink(t *testing.T, table string, own []string, ps []*session.Participant, each func(row map[string]string)) {
	t.Helper()
	fks, err := c.raw.Query(`SELECT "table" FROM pragma_foreign_key_list(?)`, table)
	if err != nil {
		t.Fatal(err)
	}
	for fks.Next() {
		var ref string
		fks.Scan(&ref)
		if ref == "participants" {
			t.Errorf("%s refer to participants", table)
		}
	}
	fks.Close()
	known := maps.Clone(c.known)
	if table != "notes" {
		authors, err := c.raw.Query(`SELECT DISTINCT author FROM notes`)
		if err != nil {
			t.Fatal(err)
		}
		for authors.Next() {
			var a string
			authors.Scan(&a)
			known[a] = "a note's author"
		}
		authors.Close()
		delete(known, "")
	}
	names := columns(t, c.raw, table)
	if slices.Contains(names, "participant_id") {
		t.Errorf("%s has a participant_id column: %v", table, names)
	}
	rows, err := c.raw.Query(`SELECT ` + strings.Join(names, ", ") + ` FROM ` + table)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		vals := make([]any, len(names))
		ptrs := make([]any, len(names))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		row := map[string]string{}
		for i, v := range vals {
			got := fmt.Sprint(v)
			if b, ok := v.([]byte); ok {
				got = string(b)
			}
			row[names[i]] = got
			if slices.Contains(own, names[i]) {
				continue
			}
			if what, ok := known[got]; ok {
				t.Errorf("%s.%s holds %q, %s", table, names[i], got, what)
			}
			for _, p := range ps {
				if madeFrom(got, c.keys, p.ID) {
					t.Errorf("%s.%s is made from participant %d with a value the copy holds", table, names[i], p.ID)
				}
			}
		}
		if each != nil {
			each(row)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
}

// withoutRowID fails t when table has row IDs: they would keep the order its rows
// were written in.
func (c *backupCopy) withoutRowID(t *testing.T, table string) {
	t.Helper()
	var wr int
	if err := c.raw.QueryRow(`SELECT wr FROM pragma_table_list WHERE name = ?`, table).Scan(&wr); err != nil || wr != 1 {
		t.Errorf("%s has row IDs (%d, %v): they would keep the order its rows were written in", table, wr, err)
	}
}

// madeFrom says whether token is a keyed hash, under a key the copy holds, of
// participant id for any of the uses charter makes tokens for (or for none).
func madeFrom(token string, keys [][]byte, id int64) bool {
	for _, key := range keys {
		for _, purpose := range []string{"", "note author\x00", "volunteer\x00", "rating\x00", "vote\x00"} {
			m := hmac.New(sha256.New, key)
			m.Write([]byte(purpose + strconv.FormatInt(id, 10)))
			if sum := hex.EncodeToString(m.Sum(nil)); len(token) >= 8 && strings.HasPrefix(sum, token) {
				return true
			}
		}
	}
	return false
}

func columns(t *testing.T, raw *sql.DB, table string) []string {
	t.Helper()
	cols, err := raw.Query(`SELECT name FROM pragma_table_info(?)`, table)
	if err != nil {
		t.Fatal(err)
	}
	defer cols.Close()
	var names []string
	for cols.Next() {
		var n string
		cols.Scan(&n)
		names = append(names, n)
	}
	return names
}

// copyKeys returns every value a copy of the database holds that could serve as a
// key (each meta value as text and as hex-decoded bytes), and the empty key.
func copyKeys(t *testing.T, raw *sql.DB) [][]byte {
	t.Helper()
	rows, err := raw.Query(`SELECT value FROM meta`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var keys [][]byte
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			t.Fatal(err)
		}
		b, _ := hex.DecodeString(v)
		keys = append(keys, []byte(v), b)
	}
	return append(keys, nil)
}
