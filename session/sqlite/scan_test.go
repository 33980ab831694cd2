package sqlite_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/charter-tool/charter/internal/demo"
	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/sqlite"
)

// growing are the tables that grow with every session a program holds: a statement
// of a live screen or a join that reads one of them whole gets slower with each
// campaign.
var growing = regexp.MustCompile(`^SCAN (participants|notes|note_deletions|themes|theme_notes|votes|shown_votes|action_points|volunteers|invitations)\b`)

// readsWhole are the statements that read a growing table whole on purpose: the
// migrations' fill steps, run once per database.
var readsWhole = []string{
	"LIKE 'participant:%'",
}

// No statement the store runs reads a growing table whole: each finds its rows
// through an index. A session's participants and a key's participations were read
// by scanning every participant of every session.
func TestNoStatementReadsAGrowingTableWhole(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "charter.db")
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	svc := session.NewService(db, nil)
	// A campaign of three sessions in every phase, then what screens and joins read.
	if _, err := demo.Seed(ctx, svc); err != nil {
		t.Fatal(err)
	}
	sessions, err := svc.Sessions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, sess := range sessions {
		if _, err := svc.BoardView(ctx, sess.ID); err != nil {
			t.Fatal(err)
		}
		p, err := svc.Join(ctx, sess.ID, "key-of-a-newcomer")
		if err != nil {
			continue // a closed session takes nobody
		}
		if _, err := svc.ParticipantView(ctx, p.ID); err != nil {
			t.Fatal(err)
		}
	}

	raw, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	explained := 0
	for _, q := range sqlite.ParsedSQL() {
		word := strings.ToUpper(strings.Fields(q)[0])
		if word != "SELECT" && word != "INSERT" && word != "UPDATE" && word != "DELETE" && word != "WITH" {
			continue // schema changes of the migrations, transactions, pragmas
		}
		if slicesContainsIn(q, readsWhole) {
			continue
		}
		rows, err := raw.Query("EXPLAIN QUERY PLAN "+q, make([]any, strings.Count(q, "?"))...)
		if err != nil {
			t.Errorf("explain %q: %v", q, err)
			continue
		}
		explained++
		for rows.Next() {
			var id, parent, unused int
			var detail string
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				t.Fatal(err)
			}
			if growing.MatchString(detail) {
				t.Errorf("%s:\n%s", detail, strings.Join(strings.Fields(q), " "))
			}
		}
		rows.Close()
	}
	if explained < 40 {
		t.Errorf("only %d statements were explained: the workload ran too little of the store", explained)
	}
}

func slicesContainsIn(q string, parts []string) bool {
	for _, p := range parts {
		if strings.Contains(q, p) {
			return true
		}
	}
	return false
}
