package tui

import (
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/charter-tool/charter/session"
)

// BenchmarkParticipantSaveCycle is one author's note in the burst at the end of a
// timer, as the loadtest writes it, in a room of 1,000 connections: the author
// presses n, types the note, presses enter, and the stored note arrives while the
// service publishes it to the room; the screen (80x24, 256 colours, through Frames)
// is drawn after each of the four messages, as bubbletea does. The author writes 3
// notes, then starts again with none. One op is one note.
func BenchmarkParticipantSaveCycle(b *testing.B) {
	const people = 1000
	at := time.Date(2026, time.March, 10, 14, 0, 0, 0, time.UTC)
	h := NewHub()
	sess := &session.Session{ID: "s1", Title: "Load", Phase: session.PhaseWrite, VoteBudget: 3}
	// The room: the facilitator's board and 999 other people writing.
	board := h.Connect()
	board.Watch(sess.ID, session.ChangeSession|session.ChangeNotes|session.ChangePeople|session.ChangeNoteAdded|session.ChangeReleased)
	for range people - 1 {
		h.Connect().Watch(sess.ID, session.ChangeSession|session.ChangeHidden)
	}
	conn := h.Connect()
	e := New(Options{Renderer: colours256(), Conn: conn, Now: func() time.Time { return at }}).env
	e.w, e.h = 80, 24
	me := &session.Participant{ID: 1, SessionID: sess.ID, Pseudonym: "Blue Heron"}
	s := newParticipant(e, sess, me)
	s.watch()
	f := NewFrames(io.Discard)
	f.resize(e.w, e.h)
	f.draw(s.View())
	enter := tea.KeyMsg{Type: tea.KeyEnter}
	n := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'n'}}
	id := int64(0)
	b.ReportAllocs()
	for b.Loop() {
		id++
		if len(s.notes) == 3 {
			s.notes = nil
		}
		token := fmt.Sprintf("lt-%d-%d-%08x", me.ID, id, uint32(id)*2654435761)
		s.Update(n)
		f.draw(s.View())
		s.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(token)})
		f.draw(s.View())
		s.Update(enter) // the save's command is not run: its result arrives below
		f.draw(s.View())
		h.Publish(sess.ID, session.ChangeNoteAdded)
		s.Update(noteAcceptedMsg{note: &session.Note{ID: id, SessionID: sess.ID, ParticipantID: me.ID,
			Area: session.AreaConfidence, Lane: "strength", Text: token, CreatedAt: at, UpdatedAt: at}})
		f.draw(s.View())
	}
}

// The text box kept between drawings, and the empty box shared by every screen, look
// exactly as a box drawn afresh, whatever the box took since.
func TestParticipantBoxKeptEqualsFresh(t *testing.T) {
	s := writingScreen(3, 80, 24)
	key := func(k string) func() {
		return func() {
			msg := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
			switch k {
			case "enter":
				msg = tea.KeyMsg{Type: tea.KeyEnter}
			case "esc":
				msg = tea.KeyMsg{Type: tea.KeyEsc}
			case "left":
				msg = tea.KeyMsg{Type: tea.KeyLeft}
			case "backspace":
				msg = tea.KeyMsg{Type: tea.KeyBackspace}
			}
			s.Update(msg)
		}
	}
	long := "threat models with the security champions before every larger feature, so that design flaws surface early and cheaply"
	steps := []struct {
		name string
		do   func()
	}{
		{"new note", key("n")},
		{"typed", key("lt-1-1-0badcafe")},
		{"cursor left", key("left")},
		{"enter", key("enter")},
		{"narrower", func() { s.e.w = 50 }},
		{"long text", key(long)},
		{"deleted", key("backspace")},
		{"wider", func() { s.e.w = 100 }},
		{"cancelled", key("esc")},
		{"new note again", key("n")},
		{"saved", func() {
			s.Update(noteAcceptedMsg{note: &session.Note{ID: 99, ParticipantID: s.me.ID, Area: session.AreaActivities, Lane: "keep", Text: "saved"}})
		}},
		{"edit", key("e")},
		{"edited", key(" and more")},
		{"too long", key(strings.Repeat("x", 2*session.MaxNoteLen))},
		{"new note in a narrow box", func() { key("esc")(); s.e.w = 40; key("n")() }},
	}
	for _, st := range steps {
		st.do()
		for range 2 { // drawn once after the change, once from what was kept
			// Afresh: nothing the screen kept of the box, its count either.
			c := *s
			c.box, c.boxN = "", -1
			if got, want := s.View(), drawnAlone(&c); got != want {
				t.Fatalf("%s: kept box differs from a fresh one:\n%s\nwant:\n%s", st.name, got, want)
			}
		}
		if st.name == "typed" && !strings.Contains(s.View(), "lt-1-1-0badcafe") {
			t.Fatalf("typed text not shown:\n%s", s.View())
		}
	}
}

// The box with its text, put into the frame of an empty box, is what lipgloss
// draws: at every width the screen uses (the narrowest below the box's least), in
// both colour profiles, empty, typed, scrolled, with the cursor anywhere and
// with wide characters.
func TestFramedBoxIsLipglossBox(t *testing.T) {
	long := "threat models with the security champions before every larger feature, so that design flaws surface early and cheaply"
	texts := [][]string{
		nil,
		{"lt-1-1-0badcafe"},
		{"lt-1-1-0badcafe", "left", "left"},
		{long},
		{long, "home"},
		{"模型と脅威 " + long},
		{strings.Repeat("x", 2*session.MaxNoteLen)},
	}
	for _, profile := range []termenv.Profile{termenv.ANSI256, termenv.Ascii} {
		for _, w := range []int{30, 40, 80, 100, 161} {
			for _, keys := range texts {
				s := writingScreen(0, w, 24)
				r := lipgloss.NewRenderer(io.Discard, termenv.WithProfile(profile))
				r.SetColorProfile(profile)
				s.e.sty = buildStyles(r)
				s.lines.frame(s.e.sty)
				s.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("n")})
				for _, k := range keys {
					switch k {
					case "left":
						s.Update(tea.KeyMsg{Type: tea.KeyLeft})
					case "home":
						s.Update(tea.KeyMsg{Type: tea.KeyHome})
					default:
						s.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)})
					}
				}
				s.input.SetWidth(max(w-4, 20))
				want := s.e.sty.Box.Width(max(w-2, 20)).Render(s.inputView(max(w-4, 20)))
				got := s.framedBox(w, func() string { return "not framed" })
				if got != want {
					t.Fatalf("profile %v, width %d, keys %q:\n%q\nwant:\n%q", profile, w, keys, got, want)
				}
			}
		}
	}
}
