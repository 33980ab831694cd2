package tui

import (
	"context"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/charter-tool/charter/session"
)

// peopleTab is the participation panel: how much each person has written, under a
// pseudonym, never which notes are theirs.
type peopleTab struct {
	b    *boardScreen
	list list
}

func newPeopleTab(b *boardScreen) *peopleTab {
	t := &peopleTab{b: b, list: newList()}
	t.list.match = func(i int, q string) bool {
		ps := b.activePeople()
		return i < len(ps) && (strings.Contains(strings.ToLower(ps[i].Name), q) || strings.Contains(strings.ToLower(ps[i].Pseudonym), q))
	}
	return t
}

// rows is the list of the people as last synced; drawing only reads it.
func (t *peopleTab) rows() *list { return &t.list }

// peopleHead is how many lines of the people tab's room are not people: its
// summary, its column names and one left free.
const peopleHead = 3

func (t *peopleTab) sync() {
	t.list.setLen(len(t.b.activePeople()))
	if room, shown := t.b.tabRoom(); shown {
		t.list.setPage(room - peopleHead)
	}
}

func (t *peopleTab) keys() []key.Binding { return []key.Binding{bk.Remove} }

func (t *peopleTab) update(msg tea.KeyMsg) tea.Cmd {
	s := t.b
	if !key.Matches(msg, bk.Remove) {
		return nil
	}
	ps := s.activePeople()
	i := t.rows().selected()
	if i < 0 {
		return nil
	}
	pid := ps[i].ID
	s.confirmDelete = func() tea.Cmd {
		return s.do("Removed from the session.", func(ctx context.Context, svc *session.Service) error {
			return svc.RemoveParticipant(ctx, pid)
		})
	}
	s.confirmNo = "Nobody was removed."
	s.setStatus(fmt.Sprintf("Remove %s from the session? They leave the room and cannot come back; what they wrote, rated and voted stays (hide notes one by one with h). y = remove, any other key = keep", ps[i].DisplayName()), true)
	return nil
}

func (t *peopleTab) view(w, room int) string {
	s := t.b
	sty := s.e.sty
	var b strings.Builder
	perPerson := s.written
	ps := s.activePeople()
	silent := 0
	for _, p := range ps {
		if perPerson[p.ID] == 0 {
			silent++
		}
	}
	online := 0
	for _, p := range ps {
		if s.online[p.ID] {
			online++
		}
	}
	// How many rated, never who: a mark per person appearing with a batch of
	// ratings would tell whose ratings the batch holds (see session.MinBatchRaters).
	b.WriteString(fit(fmt.Sprintf("%s · %d without a note yet. %d rated, %d connected now, %d done.", persons(len(ps)), silent, s.rated, online, countDone(ps)), w) + "\n")
	b.WriteString(sty.Muted.Render(fit(fmt.Sprintf("  %-6s %-22s %5s  %-4s %s", "who", "name", "notes", "done", "connection"), w)) + "\n")
	if len(ps) == 0 {
		b.WriteString(sty.Muted.Render("Nobody has joined yet.") + "\n")
		return b.String()
	}
	l := &t.list
	start, end := l.window(room-peopleHead, 0)
	for i := start; i < end; i++ {
		p := ps[i]
		done := ""
		if p.Done {
			done = "✓"
		}
		name := p.Name
		if name == "" {
			name = "(anonymous)"
		}
		prefix := "  "
		if i == l.selected() {
			prefix = "▸ "
		}
		conn := "not connected"
		switch at, gone := s.left[p.ID]; {
		case s.online[p.ID]:
			conn = "connected"
		case gone:
			conn = "left at " + at.Format("15:04")
		}
		line := fmt.Sprintf("%s%-6s %s %5d  %-4s %s", prefix, p.Pseudonym, padRight(fit(name, 22), 22), perPerson[p.ID], done, conn)
		switch {
		case i == l.selected():
			line = sty.Selected.Render(fit(line, w))
		case perPerson[p.ID] == 0:
			line = sty.Warn.Render(fit(line, w))
		default:
			line = fit(line, w)
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}

func countDone(ps []*session.Participant) int {
	n := 0
	for _, p := range ps {
		if p.Done {
			n++
		}
	}
	return n
}

// padRight pads s with spaces to width display cells.
func padRight(s string, width int) string {
	return s + strings.Repeat(" ", max(width-lipgloss.Width(s), 0))
}

// checkInTab shows the confidence ratings and whether participants see them.
type checkInTab struct{ b *boardScreen }

func (t *checkInTab) rows() *list         { return nil }
func (t *checkInTab) sync()               {}
func (t *checkInTab) keys() []key.Binding { return []key.Binding{bk.ShowRatings} }

func (t *checkInTab) update(msg tea.KeyMsg) tea.Cmd {
	s := t.b
	if !key.Matches(msg, bk.ShowRatings) {
		return nil
	}
	show := !s.sess.RatingsShown
	if show && s.stats.N < session.MinSegment {
		s.setStatus(fmt.Sprintf("Wait for at least %d ratings: with fewer, people could work out each other's.", session.MinSegment), true)
		return nil
	}
	word := "Participants now see the distribution."
	if !show {
		word = "The distribution is hidden from participants again."
	}
	// Toggle from what was just asked for, so that a second s before the reload
	// takes it back.
	shown := *s.sess
	shown.RatingsShown = show
	s.sess = &shown
	id := s.sess.ID
	return s.do(word, func(ctx context.Context, svc *session.Service) error {
		return svc.ShowRatings(ctx, id, show)
	})
}

func (t *checkInTab) view(w, room int) string {
	s := t.b
	sty := s.e.sty
	var b strings.Builder
	b.WriteString(sty.Header.Render("Confidence in the team's own security (1-5)") + "\n\n")
	b.WriteString(ratingBars(s.stats, min(w, 70), sty) + "\n\n")
	if s.sess.RatingsShown {
		b.WriteString(sty.OK.Render("Participants see this distribution.") + "\n")
	} else {
		b.WriteString(sty.Muted.Render("Hidden from participants; press s to show it.") + "\n")
	}
	return b.String()
}
