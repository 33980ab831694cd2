package main

import (
	"context"
	"fmt"
	"testing"

	"github.com/charter-tool/charter/session"
)

// --group on a session being written clusters after the move to the group phase, as
// A on the board does: the move gives an open topic spelt two ways its majority
// spelling, and the theme is named by it, not by the minority spelling the notes
// had before the move.
func TestGroupNamesAThemeByTheTopicAsUnified(t *testing.T) {
	t.Parallel()
	dir, id := importSession(t, session.PhaseWrite)
	db, err := openData(dir)
	if err != nil {
		t.Fatal(err)
	}
	svc := session.NewService(db, nil)
	ctx := context.Background()
	for i, lane := range []string{"phishing drills", "Phishing Drills", "Phishing Drills"} {
		p, err := svc.Join(ctx, id, fmt.Sprintf("key-%d", i))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := svc.AddNote(ctx, p.ID, session.Note{Area: session.AreaOpen, Lane: lane, Text: fmt.Sprintf("phishing drill number %d taught people to report mail", i)}); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	mustRun(t, "session", "edit", "--data", dir, "--session", id, "--group")
	db, err = openData(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	svc = session.NewService(db, nil)
	themes, err := svc.Themes(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	v, err := svc.BoardView(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range v.Notes {
		if n.Lane != "Phishing Drills" {
			t.Errorf("note %d is under %q after the move", n.ID, n.Lane)
		}
	}
	if len(themes) != 1 || themes[0].Label != "Phishing Drills" {
		var labels []string
		for _, th := range themes {
			labels = append(labels, th.Label)
		}
		t.Errorf("--group made themes %q; want one, \"Phishing Drills\", as the notes' topic now reads", labels)
	}
}
