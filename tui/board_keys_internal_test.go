package tui

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/charter-tool/charter/internal/testdb"
	"github.com/charter-tool/charter/session"
)

// On a terminal too small for every key at once, the key list shows them on pages
// that ? goes through, each key whole beside what it does on one of them, and
// then closes.
func TestBoardKeyListPagesOnASmallTerminal(t *testing.T) {
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
	n, err := svc.AddNote(ctx, p.ID, session.Note{Area: session.AreaActivities, Lane: "more", Text: "retest after the pentest"})
	if err != nil {
		t.Fatal(err)
	}
	if sess, err = svc.SetPhase(ctx, sess.ID, session.PhaseGroup); err != nil {
		t.Fatal(err)
	}
	if err := svc.SaveThemes(ctx, sess.ID, []session.Theme{{Label: "pen tests", NoteIDs: []int64{n.ID}}}); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, time.March, 10, 14, 0, 0, 0, time.UTC)
	e := New(Options{Service: svc, Facilitator: true, Renderer: colours256(), Now: func() time.Time { return at }}).env
	b := newBoard(e, sess)
	a := &App{env: e, screen: b}
	a.Update(tea.WindowSizeMsg{Width: 80, Height: 11})
	a.Update(b.load()())
	if v := a.View(); !strings.Contains(v, "pen tests") {
		t.Fatalf("the board shows no theme:\n%s", v)
	}

	a.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'?'}})
	all := b.allKeys()
	// h hides a note here as in the notes view; the list left it out, and the
	// key line has no room for it.
	hide := false
	for _, k := range all {
		hide = hide || k.Help().Key == "h"
	}
	if !hide {
		t.Error("the themes view's key list while grouping has no h")
	}
	var pages []string
	title := regexp.MustCompile(`Keys of this view, (\d+) of (\d+)`)
	for b.fullHelp.shown {
		v := a.View()
		m := title.FindStringSubmatch(v)
		if m == nil || m[1] != fmt.Sprint(len(pages)+1) {
			t.Fatalf("page %d is titled %q:\n%s", len(pages)+1, m, v)
		}
		pages = append(pages, v)
		if strings.Contains(v, "…") {
			t.Errorf("page %s cuts something off:\n%s", m[1], v)
		}
		if lines := strings.Split(v, "\n"); len(lines) > 11 {
			t.Errorf("page %s takes %d lines of 11", m[1], len(lines))
		}
		for _, l := range strings.Split(v, "\n") {
			if w := lipgloss.Width(l); w > 80 {
				t.Errorf("page %s has a line %d cells wide: %q", m[1], w, l)
			}
		}
		if len(pages) > len(all) {
			t.Fatal("? never closes the key list")
		}
		a.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'?'}})
	}
	if len(pages) < 2 {
		t.Fatalf("the keys fit one page at 80x11:\n%s", pages)
	}
	for _, k := range all {
		pair := regexp.MustCompile(`(^|\s)` + regexp.QuoteMeta(k.Help().Key) + `\s+` + regexp.QuoteMeta(k.Help().Desc) + `(\s|$)`)
		found := false
		for _, v := range pages {
			found = found || pair.MatchString(ansi.Strip(v))
		}
		if !found {
			t.Errorf("no page shows %q beside %q", k.Help().Key, k.Help().Desc)
		}
	}
	if v := a.View(); !strings.Contains(v, "pen tests") {
		t.Errorf("? on the last page does not go back to the themes:\n%s", v)
	}
}
