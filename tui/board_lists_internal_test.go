package tui

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/internal/testdb"
	"github.com/charter-tool/charter/session"
)

// A board in the reveal phase of a session with 30 people, two notes each.
func revealedBoard(t *testing.T) func() (*App, *boardScreen) {
	t.Helper()
	ctx := context.Background()
	svc := session.NewService(testdb.Open(t), nil)
	sess, err := svc.NewSession(ctx, session.Session{Title: "Developers Berlin", Audience: session.AudienceDevelopers, Location: "Berlin"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SetPhase(ctx, sess.ID, session.PhaseWrite); err != nil {
		t.Fatal(err)
	}
	for i := range 30 {
		p, err := svc.Join(ctx, sess.ID, fmt.Sprintf("key-%d", i))
		if err != nil {
			t.Fatal(err)
		}
		for k := range 2 {
			if _, err := svc.AddNote(ctx, p.ID, session.Note{Area: session.AreaActivities, Lane: "more", Text: fmt.Sprintf("note %d of person %d", k, i)}); err != nil {
				t.Fatal(err)
			}
		}
	}
	if sess, err = svc.SetPhase(ctx, sess.ID, session.PhaseReveal); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, time.March, 10, 14, 0, 0, 0, time.UTC)
	return func() (*App, *boardScreen) {
		e := New(Options{Service: svc, Facilitator: true, Renderer: colours256(), Now: func() time.Time { return at }}).env
		b := newBoard(e, sess)
		a := &App{env: e, screen: b}
		a.Update(tea.WindowSizeMsg{Width: 80, Height: 40})
		a.Update(b.load()())
		return a, b
	}
}

// The notes and people tabs scroll by the rows the screen has room for as the
// last message left it, not as it was last drawn: after the terminal shrinks,
// PgDn moves the selection as far whether or not the board was drawn in between,
// and drawing changes neither list.
func TestBoardListsPageByTheRoomUpdateLeft(t *testing.T) {
	open := revealedBoard(t)
	pgdn := tea.KeyMsg{Type: tea.KeyPgDown}
	for _, tab := range []int{tabNotes, tabPeople} {
		t.Run(fmt.Sprint("tab ", tab), func(t *testing.T) {
			var sel [2]int
			for i, draw := range []bool{true, false} {
				a, b := open()
				a.View()
				for b.tab != tab {
					a.Update(tea.KeyMsg{Type: tea.KeyTab})
				}
				l := b.tabs[tab].rows()
				if l.n < 30 {
					t.Fatalf("the tab lists %d rows, want at least 30", l.n)
				}
				a.View()
				a.Update(tea.WindowSizeMsg{Width: 80, Height: 16})
				if draw {
					type state struct{ n, sel, top, page int }
					before := state{l.n, l.sel, l.top, l.page}
					a.View()
					if after := (state{l.n, l.sel, l.top, l.page}); after != before {
						t.Errorf("drawing changed the list: %+v, was %+v", after, before)
					}
				}
				a.Update(pgdn)
				sel[i] = l.selected()
			}
			if sel[0] != sel[1] {
				t.Errorf("PgDn after a resize selects row %d drawn in between, %d not drawn", sel[0], sel[1])
			}
			if sel[0] < 1 || sel[0] > 12 {
				t.Errorf("PgDn at 80x16 selects row %d, want one page of at most 12 rows down", sel[0])
			}
		})
	}
}

// PgDn on the themes view shows every row once the selected one is a long note
// drawn whole over three lines: the page counted it as one row, and each PgDn
// skipped the two rows it had pushed off the screen.
func TestThemesViewPagesPastLongNotes(t *testing.T) {
	const notes = 80
	texts := make([]string, notes)
	for i := range texts {
		texts[i] = fmt.Sprintf("note %02d %s", i, strings.Repeat("long enough to be drawn over three lines ", 5))
	}
	a, b, _, _, _ := groupingBoard(t, texts, func(ids []int64) []session.Theme {
		themes := make([]session.Theme, 4)
		for i, id := range ids {
			th := &themes[i%len(themes)]
			th.Label = fmt.Sprintf("theme %d", i%len(themes)+1)
			th.NoteIDs = append(th.NoteIDs, id)
		}
		return themes
	}, 80, 24)
	a.Update(keyMsg("4")) // the themes view
	seen := map[string]bool{}
	note := regexp.MustCompile(`note \d\d`)
	for range 2 * notes {
		for _, m := range note.FindAllString(a.View(), -1) {
			seen[m] = true
		}
		before := b.tabs[tabThemes].rows().selected()
		a.Update(tea.KeyMsg{Type: tea.KeyPgDown})
		if b.tabs[tabThemes].rows().selected() == before {
			break
		}
	}
	if b.tab != tabThemes {
		t.Fatalf("not on the themes view (tab %d)", b.tab)
	}
	for i := range notes {
		if m := fmt.Sprintf("note %02d", i); !seen[m] {
			t.Errorf("%s was never on the screen while paging down", m)
		}
	}
}
