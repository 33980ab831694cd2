package tui

import (
	"context"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/internal/testdb"
	"github.com/charter-tool/charter/session"
)

// groupingBoard is the board of a session in the group phase whose one participant
// wrote texts (security activities, do more), with the themes themes makes of the
// notes' IDs saved (none when themes is nil), loaded in a w x h terminal.
func groupingBoard(t *testing.T, texts []string, themes func(ids []int64) []session.Theme, w, h int) (*App, *boardScreen, *session.Service, *session.Session, []int64) {
	t.Helper()
	ctx := context.Background()
	svc := session.NewService(testdb.Open(t), nil)
	sess, err := svc.NewSession(ctx, session.Session{Title: "Developers Berlin", Audience: session.AudienceDevelopers})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SetPhase(ctx, sess.ID, session.PhaseWrite); err != nil {
		t.Fatal(err)
	}
	p, err := svc.Join(ctx, sess.ID, "key-1")
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, text := range texts {
		n, err := svc.AddNote(ctx, p.ID, session.Note{Area: session.AreaActivities, Lane: "more", Text: text})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, n.ID)
	}
	if sess, err = svc.SetPhase(ctx, sess.ID, session.PhaseGroup); err != nil {
		t.Fatal(err)
	}
	if themes != nil {
		if err := svc.SaveThemes(ctx, sess.ID, themes(ids)); err != nil {
			t.Fatal(err)
		}
	}
	at := time.Date(2026, time.March, 10, 14, 0, 0, 0, time.UTC)
	e := New(Options{Service: svc, Facilitator: true, Renderer: colours256(), Now: func() time.Time { return at }}).env
	b := newBoard(e, sess)
	a := &App{env: e, screen: b}
	a.Update(tea.WindowSizeMsg{Width: w, Height: h})
	a.Update(b.load()())
	return a, b, svc, sess, ids
}
