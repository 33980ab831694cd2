package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
)

// reading is a note, a theme's notes or an action point, opened to be read whole:
// wrapped to the width and scrolled, where a list shows one line of each. It names
// what it shows, so that it follows live changes; it is closed by esc and by a phase
// change.
type reading struct {
	note, theme, action int64
	// top is the first line shown; page and lines are the lines shown and all the
	// lines, as last drawn.
	top, page, lines int
}

var readKeys = struct{ Back, Scroll, Page key.Binding }{
	Back:   key.NewBinding(key.WithKeys("esc", "enter", "backspace"), key.WithHelp("esc", "back")),
	Scroll: key.NewBinding(key.WithKeys("up", "down", "k", "j"), key.WithHelp("↑/↓", "scroll")),
	Page:   key.NewBinding(key.WithKeys("pgup", "pgdown", "home", "end"), key.WithHelp("pgup/pgdn", "page")),
}

// updateReading handles a key while something is open to read. Keys that act on what
// is read (a dot for the theme; e, d or n on one's own note) do what they do in the
// list, on it.
func (s *participantScreen) updateReading(msg tea.KeyMsg) (screen, tea.Cmd) {
	r := s.reading
	switch {
	case matches(msg, pk.Quit):
		s.leaving = true
		return s, nil
	case matches(msg, readKeys.Back):
		s.reading = nil
		return s, nil
	case matches(msg, readKeys.Scroll), matches(msg, readKeys.Page):
		scrollPage(&r.top, max(r.page-1, 1), msg)
		r.top = max(min(r.top, r.lines-r.page), 0)
		return s, nil
	case r.theme != 0 && s.sess.Phase == session.PhaseVote && (matches(msg, vk.Give) || matches(msg, vk.Take)):
		return s, s.vote(r.theme, matches(msg, vk.Give))
	case r.note != 0 && s.sess.Phase.AcceptsNotes() && matches(msg, noteActivityKey):
		if n := s.noteByID(r.note); n != nil && n.ParticipantID == s.me.ID && n.Area == session.AreaActivities {
			s.pickActivity(n)
		}
		return s, nil
	case r.note != 0 && s.sess.Phase.AcceptsNotes() &&
		(matches(msg, pk.Edit) || matches(msg, pk.Delete) || matches(msg, pk.New) || matches(msg, pk.Done)):
		// The list's selection is on the note being read; the key is no letter
		// of a typed word here.
		s.reading = nil
		return s.listKey(msg, false)
	case r.theme != 0 && matches(msg, pk.Done):
		s.reading = nil
		return s.listKey(msg, false)
	case r.action != 0 && matches(msg, vk.Volunteer):
		// The list's selection is on the action point being read.
		s.reading = nil
		return s.listKey(msg, false)
	}
	return s, nil
}

// readingKeys are the keys shown while something is open to read.
func (s *participantScreen) readingKeys() []key.Binding {
	ks := []key.Binding{readKeys.Back, readKeys.Scroll, readKeys.Page}
	r := s.reading
	switch {
	case r.theme != 0 && s.sess.Phase == session.PhaseVote:
		ks = append(ks, vk.Give, vk.Take, pk.Done)
	case r.action != 0 && s.sess.Phase == session.PhaseActions:
		ks = append(ks, s.volunteerKey(r.action))
	case r.note != 0 && s.sess.Phase.AcceptsNotes():
		if n := s.noteByID(r.note); n != nil && n.ParticipantID == s.me.ID {
			ks = append(ks, pk.Edit, pk.Delete)
			if n.Area == session.AreaActivities {
				ks = append(ks, noteActivityKey)
			}
		}
		ks = append(ks, pk.New)
	}
	return append(ks, pk.Quit)
}

// noteActivityKey is a on one's note of the security activities read whole: it
// chooses what that note is about (the list's a chooses for new notes).
var noteActivityKey = key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "its activity"))

func (s *participantScreen) noteByID(id int64) *session.Note {
	for _, n := range s.notes {
		if n.ID == id {
			return n
		}
	}
	return nil
}

// readingView draws what is open to read in the body's room: a heading, then the
// text wrapped, scrolled to r.top, with a line saying what is above or below.
func (s *participantScreen) readingView(w int) string {
	sty := s.e.sty
	r := s.reading
	head, body, gone := s.readingText(w)
	if gone != "" {
		return sty.Muted.Render(fit(gone, w)) + "\n"
	}
	// Under the three header lines and the heading: a blank line, and at the
	// bottom the status, the done mark and up to two lines of key help.
	room := max(s.e.h-3-len(head)-1-4, 3)
	gap, where := "\n\n", true
	if left := s.bodyRoom - len(head) - 1; s.e.h > 0 && left < room {
		// No more than the rows the real head and footer leave: guessed, a
		// status and the done mark pushed the title bar off at 40x14, and a
		// status of two lines at 80x24. The blank line under the heading, then
		// the heading's second line, give way before the text's first line.
		room = left
		if room < 2 && len(body) > 1 || room < 1 {
			gap, room = "\n", room+1
		}
		if room < 2 && len(body) > 1 && len(head) > 1 {
			head, room = head[:1], room+1
		}
		room = max(room, 1)
		// One line of the text: not the line that says where the reader
		// is (the key line says ↑/↓ scrolls).
		where = room > 1
	}
	if len(body) > room && where {
		room-- // for the line that says where the reader is
	}
	r.page, r.lines = room, len(body)
	r.top = max(min(r.top, len(body)-room), 0)
	shown := body[r.top:min(r.top+room, len(body))]
	if len(body) > room && where {
		more := fmt.Sprintf("lines %d-%d of %d", r.top+1, r.top+len(shown), len(body))
		if r.top+len(shown) < len(body) {
			more += " · ↓ for more"
		}
		shown = append(shown[:len(shown):len(shown)], sty.Muted.Render(fit("  "+more, w)))
	}
	return strings.Join(head, "\n") + gap + strings.Join(shown, "\n") + "\n"
}

// readingText is what readingView draws, w wide: the heading and the text, or what
// it says (gone) when what was open is no longer there.
func (s *participantScreen) readingText(w int) (head, body []string, gone string) {
	sty := s.e.sty
	r := s.reading
	if r.action != 0 {
		a := s.actionByID(r.action)
		if a == nil {
			return nil, nil, "This action point is no longer there. Press esc to go back."
		}
		head = append(head, sty.Header.Render(fit("Action point", w)))
		if t := s.themeByID(a.ThemeID); t != nil {
			head = append(head, sty.Muted.Render(fit("for “"+t.Label+"”", w)))
		}
		body = wrap(a.Title, max(w-2, 8))
		body = append(body, "")
		facts := []string{"status: " + string(a.Status), "priority: " + session.PriorityName(a.Priority)}
		if a.Owner != "" {
			facts = append(facts, "owner: "+a.Owner)
		}
		if a.Due != "" {
			facts = append(facts, "due: "+a.Due)
		}
		vols := "volunteers: none yet"
		if len(a.Volunteers) > 0 {
			vols = "volunteers: " + strings.Join(a.Volunteers, ", ")
		}
		for _, id := range a.VolunteerIDs {
			if id == s.me.ID {
				vols += " (you among them)"
			}
		}
		for _, f := range append(facts, vols) {
			body = append(body, wrap(f, max(w-2, 8))...)
		}
	} else if r.note != 0 {
		n := s.noteByID(r.note)
		if n == nil {
			return nil, nil, "This note is no longer shown (deleted or hidden). Press esc to go back."
		}
		head = append(head, sty.Header.Render(fit(noteWhere(n), w)))
		switch {
		case n.Hidden && n.ParticipantID == s.me.ID:
			head = append(head, sty.Warn.Render(fit("Your note, hidden by the facilitator", w)))
		case n.ParticipantID == s.me.ID:
			head = append(head, sty.Muted.Render(fit("Your note", w)))
		}
		body = wrap(n.Text, max(w-2, 8))
	} else {
		t := s.themeByID(r.theme)
		if t == nil {
			return nil, nil, "This theme is no longer there. Press esc to go back."
		}
		about := plural(len(t.NoteIDs), "note")
		if s.sess.Phase == session.PhaseVote {
			about = fmt.Sprintf("%s · your dots here: %s · %d of %d left", about,
				cmpDots(s.th.MyVotes[t.ID]), s.sess.VoteBudget-s.dotsUsed(), s.sess.VoteBudget)
		}
		head = append(head, sty.Header.Render(fit("“"+t.Label+"”", w)), sty.Muted.Render(fit(about, w)))
		for _, id := range t.NoteIDs {
			n := s.noteByID(id)
			if n == nil {
				continue
			}
			for i, l := range wrap(n.Text+" "+sty.Muted.Render("("+noteWhere(n)+")"), max(w-4, 8)) {
				lead := "  • "
				if i > 0 {
					lead = "    "
				}
				body = append(body, lead+l)
			}
		}
		if len(body) == 0 {
			body = append(body, sty.Muted.Render("  No notes in this theme."))
		}
	}
	return head, body, ""
}

func (s *participantScreen) actionByID(id int64) *session.ActionPoint {
	for _, a := range s.th.Actions {
		if a.ID == id {
			return a
		}
	}
	return nil
}

func (s *participantScreen) themeByID(id int64) *session.Theme {
	for _, t := range s.th.Themes {
		if t.ID == id {
			return t
		}
	}
	return nil
}

// cmpDots is a count of dots as dots, "none" for none.
func cmpDots(n int) string {
	if n == 0 {
		return "none"
	}
	return strings.Repeat("●", n)
}

// noteWhere says where a note was written: its area, lane and activity, compactly.
func noteWhere(n *session.Note) string {
	t := n.Area.Title() + " · " + session.LaneTitle(n.Lane)
	if n.Activity != "" {
		t += " · " + n.Activity
	}
	return t
}

// laneTag is a note's lane and activity, for a row of one line: the lane names the
// area too, except an open topic's title, which says so.
func laneTag(n *session.Note) string {
	t := session.LaneTitle(n.Lane)
	if n.Area == session.AreaOpen {
		t = "topic: " + n.Lane
	}
	if n.Activity != "" {
		t += " · " + n.Activity
	}
	return "[" + t + "]"
}
