package sqlite_test

import (
	"context"
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
const growing = `participants|notes|note_deletions|themes|theme_notes|votes|shown_votes|action_points|volunteers|invitations`

// scanned is the table (or its alias) a plan's step reads whole.
var scanned = regexp.MustCompile(`^SCAN (\w+)`)

// growingTable tells whether name, read whole in q, is a growing table: the table
// itself or an alias q gives one.
func growingTable(q, name string) bool {
	if regexp.MustCompile(`^(` + growing + `)$`).MatchString(name) {
		return true
	}
	return regexp.MustCompile(`(?i)\b(` + growing + `)\s+(AS\s+)?` + regexp.QuoteMeta(name) + `\b`).MatchString(q)
}

// readsWhole are the statements that read a growing table whole on purpose: the
// migrations' fill steps, run once per database.
var readsWhole = []string{
	"LIKE 'participant:%'",
}

// No statement the store runs reads a growing table whole: each finds its rows
// through an index. A session's participants and a key's participations were read
// by scanning every participant of every session, a rejoin code by scanning them
// all, a campaign's invitations by scanning every campaign's, and each change of a
// roster row scanned every invitation. The statements are those this test's
// database parsed: a campaign with a roster and a plan, its sessions in every
// phase, their views, joins and a rejoin.
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
	// A roster, imported twice (the second time it changes people), and a plan.
	for _, roster := range []string{"Payments,Berlin,,gold,Ada,ada@example.org,security-engineer,>3y\nSearch,remote,,bronze,Cy,cy@example.org,developer,1-3y\n",
		"Payments,Lisbon,,gold,Ada L,ada@example.org,security-engineer,>3y\nSearch,remote,,silver,Cy,cy@example.org,developer,>3y\n"} {
		importRoster(t, svc, roster)
	}
	opt := session.PlanOptions{Campaign: "Next year", MinSize: 1, MaxSize: 10}
	if _, err := svc.CreatePlan(ctx, opt, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Invitations(ctx, "Next year"); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Coverage(ctx, "Next year"); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.PlanCampaign(ctx, session.PlanOptions{Campaign: "Later", MinSize: 1, MaxSize: 10}); err != nil {
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
		// Someone without a key, back with their rejoin code.
		keyless, _, err := svc.JoinFrom(ctx, sess.ID, "", "")
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := svc.RejoinWithCode(ctx, keyless.RejoinCode, ""); err != nil {
			t.Fatal(err)
		}
	}

	explained := 0
	for _, q := range db.ParsedSQL() {
		word := strings.ToUpper(strings.Fields(q)[0])
		if word != "SELECT" && word != "INSERT" && word != "UPDATE" && word != "DELETE" && word != "WITH" {
			continue // schema changes of the migrations, transactions, pragmas
		}
		if slicesContainsIn(q, readsWhole) {
			continue
		}
		// Explained on the database's own connections, which know charter's SQL
		// functions.
		plan, err := db.ExplainQueryPlan(ctx, q)
		if err != nil {
			t.Errorf("explain %q: %v", q, err)
			continue
		}
		explained++
		for _, detail := range plan {
			if m := scanned.FindStringSubmatch(detail); m != nil && growingTable(q, m[1]) {
				t.Errorf("%s:\n%s", detail, strings.Join(strings.Fields(q), " "))
			}
		}
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
