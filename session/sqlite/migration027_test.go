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

// Migration 027 rebuilds hypotheses: every row stays with its ID, verdict and why,
// the index is there, the schema is a new database's, and the ID of the newest
// hypothesis, deleted after it, is not given to the next one.
func TestMigration027KeepsHypothesesAndTheirIDs(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "charter.db")
	oldDatabase(t, path, "027",
		`INSERT INTO hypotheses (id, campaign, text, verdict, why, created_at, updated_at) VALUES (1, 'Chartering 2027', 'Teams want deeper training', 'supported', 'raised in 7 of 9 sessions', 1, 2), (2, 'Other', 'Pen testing is valued', '', '', 3, 3), (4, 'Chartering 2027', 'Managers back the guild', 'mixed', 'two audiences of four', 5, 6)`)
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	before := rowsOf(t, raw, `SELECT * FROM hypotheses ORDER BY id`)
	raw.Close()

	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	raw, err = sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if got := rowsOf(t, raw, `SELECT * FROM hypotheses ORDER BY id`); !slices.Equal(got, before) {
		t.Errorf("hypotheses after the migration:\n%v\nwant\n%v", got, before)
	}
	if ok := rowsOf(t, raw, `PRAGMA integrity_check`); !slices.Equal(ok, []string{"|ok"}) {
		t.Errorf("integrity_check: %v", ok)
	}
	if seq := rowsOf(t, raw, `SELECT name, seq FROM sqlite_sequence WHERE name = 'hypotheses'`); !slices.Equal(seq, []string{"|hypotheses|4"}) {
		t.Errorf("sqlite_sequence = %v, want hypotheses at 4", seq)
	}

	requireNewSchema(t, raw)

	db, err = sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.DeleteHypothesis(ctx, 4); err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	h := &session.Hypothesis{Campaign: "Chartering 2027", Text: "Threat modelling needs a clinic", CreatedAt: now, UpdatedAt: now}
	if err := db.AddHypothesis(ctx, h); err != nil {
		t.Fatal(err)
	}
	if h.ID <= 4 {
		t.Errorf("a new hypothesis after the migration has ID %d, want past 4", h.ID)
	}
	hs, err := db.Hypotheses(ctx, "Chartering 2027")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range hs {
		got = append(got, h.Text+"/"+string(h.Verdict))
	}
	if want := []string{"Teams want deeper training/supported", "Threat modelling needs a clinic/"}; !slices.Equal(got, want) {
		t.Errorf("the campaign's hypotheses after the migration = %v, want %v", got, want)
	}
}
