package tui

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/internal/testdb"
	"github.com/charter-tool/charter/session"
)

// D reads the invitations before it asks; a key pressed before the question came
// (esc, or j and D on another session) dropped nothing: the late question opened
// over the new selection, and the next y deleted the session D was first pressed
// on (found in review). The question comes only for the last D, with no key since.
func TestLateDeleteQuestionIsDropped(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	svc := session.NewService(testdb.Open(t), nil)
	for _, title := range []string{"Developers Berlin", "Developers Lyon"} {
		if _, err := svc.NewSession(ctx, session.Session{Title: title, Audience: session.AudienceDevelopers, Campaign: "Pilot"}); err != nil {
			t.Fatal(err)
		}
	}
	e := New(Options{Service: svc, Facilitator: true, Renderer: colours256()}).env
	h := newHome(e)
	a := &App{env: e, screen: h}
	a.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	a.Update(h.load()())
	first := h.sessions[h.list.selected()]
	key := func(k string) tea.Cmd {
		_, cmd := h.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)})
		return cmd
	}
	ask := key("D")
	if ask == nil {
		t.Fatal("D asked nothing")
	}
	late := ask()
	key("j") // moved on before the question came
	h.Update(late)
	if h.deleting != nil || strings.Contains(h.status, "Delete “") {
		t.Fatalf("a question that came after another key opened: deleting %v, status %q", h.deleting, h.status)
	}
	key("y")
	if all, err := svc.Sessions(ctx); err != nil || len(all) != 2 {
		t.Fatalf("sessions after y: %d, %v; want both kept", len(all), err)
	}
	// D again, nothing pressed meanwhile: asked, about the session selected.
	sel := h.sessions[h.list.selected()]
	if sel.ID == first.ID {
		t.Fatal("j did not move the selection; the test needs it moved")
	}
	h.Update(key("D")())
	if h.deleting == nil || h.deleting.ID != sel.ID {
		t.Errorf("D with nothing pressed before its question: deleting %v, want %s", h.deleting, sel.ID)
	}
}

// The delete question says "1 person … holds", "2 people … hold": it said "the 1
// person invited to it hold" (a review's finding).
func TestDeleteQuestionAgreesWithItsCount(t *testing.T) {
	sess := &session.Session{Title: "Developers, Berlin", Code: "ABCDEFGH", Campaign: "Pilot"}
	for n, want := range map[int]string{1: "The 1 person invited to it holds its code ABCD-EFGH", 2: "The 2 people invited to it hold its code ABCD-EFGH"} {
		if q := deleteQuestion(sess, n); !strings.Contains(q, want) {
			t.Errorf("with %d invited: %q, want %q in it", n, q, want)
		}
	}
}
