package tui_test

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
)

// A participant who starts typing on the list of notes, without n first, writes a
// note: the words are not taken for the keys their letters name (h and l moved
// to another lane, e and d asked for a note of their own, and the rest was lost).
func TestParticipantTypingOnTheListBeginsANote(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, text string
		// own is a note of theirs already in the lane, selected.
		own string
	}{
		{name: "h and l", text: "hello world"},
		{name: "e and d where no note is selected", text: "deploys take weeks"},
		{name: "j and k", text: "just keep the champions"},
		{name: "a and t outside their areas", text: "audits take time"},
		{name: "capitals and digits", text: "2FA everywhere"},
		{name: "a note of theirs selected", text: "lots of tools", own: "tests are slow"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			w := newWorld(t)
			sess, me := w.writingParticipant()
			if tc.own != "" {
				w.addNote(me, session.AreaConfidence, "strength", tc.own)
			}
			s := w.openAsParticipant(sess, me)
			if tc.own != "" {
				s.waitFor("▸ " + tc.own)
			} else {
				s.waitFor("You have no notes here yet.")
			}
			s.waitDrawn("New note in Strengths") // loaded: the box is open
			s.press(tea.KeyEsc)                  // the box of a new note closed for the list's keys
			s.waitFor("type new note")
			s.keys(tc.text)
			s.waitFor("New note in Strengths", tc.text)
			s.press(tea.KeyEnter)
			s.waitFor("Saved. Your note is stored")
			var got []string
			for _, n := range w.notes(sess) {
				if n.Text == tc.own {
					continue
				}
				got = append(got, n.Text)
				if n.Area != session.AreaConfidence || n.Lane != "strength" {
					t.Errorf("the typed note went to %s/%s, want confidence/strength where it was typed", n.Area, n.Lane)
				}
			}
			if strings.Join(got, "|") != tc.text {
				t.Errorf("stored %q, want the one note %q as typed", got, tc.text)
			}
		})
	}
}

// Letters that arrive together on the list of notes (a fast typist, a slow link)
// begin a note as typed ones do, and the keys that do something here still do
// it: e edits the selected note of one's own, ? opens no box.
func TestParticipantKeysTogetherOnTheListBeginANoteAndKeysStayKeys(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	w.addNote(me, session.AreaConfidence, "strength", "tests are slow")
	s := w.openAsParticipant(sess, me)
	s.waitFor("▸ tests are slow")
	s.press(tea.KeyEsc) // the box of a new note closed for the list's keys
	s.waitFor("type new note")

	s.keys("?")
	s.keys("e")
	s.press(tea.KeyEnter)
	s.waitFor("Edit your note")
	s.press(tea.KeyEsc)
	s.tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("pen tests come too late")})
	s.waitFor("New note in Strengths", "pen tests come too late")
	s.press(tea.KeyEnter)
	s.waitFor("Saved. Your note is stored")
	got := noteTexts(w.notes(sess))
	if strings.Join(got, "|") != "tests are slow|pen tests come too late" {
		t.Errorf("stored %q, want the note as it was and the typed one", got)
	}
}
