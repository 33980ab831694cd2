package tui

import (
	"context"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/internal/testdb"
	"github.com/charter-tool/charter/session"
)

// A pressed right after the accepting is undone, before the board has reloaded
// the themes the undo took away, accepts the preview again. The board listed the
// taken-away themes until the reload came, and A on them started placing notes
// into themes no longer stored (a test that pressed A at once failed one run in
// five on a busy machine).
func TestAcceptRightAfterUndoingTheAccepting(t *testing.T) {
	ctx := context.Background()
	a, b, svc, sess, ids := groupingBoard(t, []string{"note 0", "note 1", "note 2", "note 3"}, nil, 80, 30)
	b.tab = tabThemes
	a.Update(suggestionsMsg{themes: []session.Theme{
		{Label: "pen tests", NoteIDs: ids[:2]},
		{Label: "training", NoteIDs: ids[2:]},
	}, gen: b.themes.sugGen})

	a.Update(b.acceptSuggestions()())
	a.Update(b.load()())
	if n := len(b.themes.themes); n != 2 {
		t.Fatalf("accepted: the board lists %d themes, want 2", n)
	}
	a.Update(b.undoThemes()())
	if ths, err := svc.Themes(ctx, sess.ID); err != nil || len(ths) != 0 {
		t.Fatalf("after the undo the store holds %d themes (%v)", len(ths), err)
	}
	// A before the reload.
	a.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'A'}})
	if b.themes.placing || b.themes.pending != 1 || b.themes.suggestions != nil {
		t.Fatalf("A right after the undo: placing %v, changes pending %d, suggestions left %d; want the preview accepted",
			b.themes.placing, b.themes.pending, len(b.themes.suggestions))
	}
}

// A load that reads the store while a timer change made here is being saved keeps
// the timer the board shows: the header flickered back to "paused" after space,
// until the next load (a test that read the screen then failed one run in ten).
func TestLoadDuringATimerSaveKeepsTheShownTimer(t *testing.T) {
	ctx := context.Background()
	svc := session.NewService(testdb.Open(t), nil)
	sess, err := svc.NewSession(ctx, session.Session{Title: "Developers Berlin", Audience: session.AudienceDevelopers})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.ChangeTimer(ctx, sess.ID, session.TimerSet, 2*time.Minute); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, time.March, 10, 14, 0, 0, 0, time.UTC)
	e := New(Options{Service: svc, Facilitator: true, Renderer: colours256(), Now: func() time.Time { return at }}).env
	b := newBoard(e, sess)
	a := &App{env: e, screen: b}
	a.Update(tea.WindowSizeMsg{Width: 80, Height: 30})
	a.Update(b.load()())
	if b.sess.Timer.Running || !b.sess.Timer.Active() {
		t.Fatalf("loaded timer %+v, want set and paused", b.sess.Timer)
	}
	// Shown running at once; the command that saves it is not run yet.
	a.Update(tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}})
	if !b.sess.Timer.Running {
		t.Fatal("space did not show the timer running")
	}
	// A load begun now reads the store before the save.
	a.Update(b.load()())
	if !b.sess.Timer.Running {
		t.Errorf("a load during the save showed the timer as stored before it: %+v", b.sess.Timer)
	}
}
