package session_test

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"github.com/charter-tool/charter/internal/testdb"
	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/sqlite"
)

// A person without a key is given a personal rejoin code when they join, and the
// code brings them back as the same participant, with their notes and dots; it is
// stored only as a keyed hash, and a removed participant's code admits no one.
func TestRejoinCodeBringsAKeylessPersonBack(t *testing.T) {
	t.Parallel()
	path := testdb.Path(t)
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	svc := session.NewService(db, nil)
	ctx := context.Background()
	sess := mustSession(t, svc)
	if _, err := svc.SetPhase(ctx, sess.ID, session.PhaseWrite); err != nil {
		t.Fatal(err)
	}

	p, returning, err := svc.JoinFrom(ctx, sess.ID, "", "10.0.0.1")
	if err != nil || returning {
		t.Fatalf("join: %v, returning %v", err, returning)
	}
	if !session.IsRejoinCode(p.RejoinCode) {
		t.Fatalf("a keyless join got the rejoin code %q", p.RejoinCode)
	}
	code := p.RejoinCode
	if _, err := svc.AddNote(ctx, p.ID, session.Note{Area: session.AreaConfidence, Lane: "strength", Text: "mine"}); err != nil {
		t.Fatal(err)
	}
	other, _, err := svc.JoinFrom(ctx, sess.ID, "", "10.0.0.1")
	if err != nil || other.RejoinCode == code || other.ID == p.ID {
		t.Fatalf("a second keyless join: %+v, %v", other, err)
	}
	keyed, _, err := svc.JoinFrom(ctx, sess.ID, "key-1", "10.0.0.2")
	if err != nil || keyed.RejoinCode != "" {
		t.Fatalf("a join with a key got a rejoin code: %+v, %v", keyed, err)
	}

	// Typed as people do: lower case, without the dash, with spaces around.
	typed := " " + strings.ToLower(strings.ReplaceAll(code, "-", "")) + " "
	gotSess, back, err := svc.RejoinWithCode(ctx, typed, "10.0.0.9")
	if err != nil || back.ID != p.ID || gotSess.ID != sess.ID || back.RejoinCode != code {
		t.Fatalf("rejoin with the code: %+v, %+v, %v", gotSess, back, err)
	}
	mine, err := svc.NotesFor(ctx, back.ID)
	if err != nil || len(mine) != 1 || mine[0].Text != "mine" {
		t.Fatalf("notes after rejoining: %+v, %v", mine, err)
	}

	if _, _, err := svc.RejoinWithCode(ctx, "ABCDE-FGHJK", ""); session.ErrorCode(err) != session.ENotFound {
		t.Fatalf("a wrong code: %v, want not found", err)
	}

	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var stored string
	if err := raw.QueryRowContext(ctx, `SELECT rejoin_hash FROM participants WHERE id = ?`, p.ID).Scan(&stored); err != nil {
		t.Fatal(err)
	}
	norm := session.NormalizeCode(code)
	if stored == "" || strings.Contains(strings.ToUpper(stored), norm) || stored == session.HashRejoinCode(nil, code) {
		t.Fatalf("the database holds %q for the code %s", stored, code)
	}

	if err := svc.RemoveParticipant(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	if _, _, err := svc.RejoinWithCode(ctx, code, "10.0.0.9"); session.ErrorCode(err) != session.EForbidden {
		t.Fatalf("a removed participant's code: %v, want forbidden", err)
	}
}

func TestRejoinCodeShape(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for range 200 {
		c, err := session.NewRejoinCode()
		if err != nil {
			t.Fatal(err)
		}
		if len(c) != 11 || c[5] != '-' || !session.IsRejoinCode(c) || seen[c] {
			t.Fatalf("rejoin code %q", c)
		}
		seen[c] = true
	}
	for _, c := range []string{"ABCD-EFGH", "CLAIM-ABCDEFGH", "ABCDE-FGHJ0", "", "ABCDE-FGHJKL"} {
		if session.IsRejoinCode(c) {
			t.Errorf("%q taken for a rejoin code", c)
		}
	}
}
