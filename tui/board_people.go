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

// peopleTab is the participation panel: who is here, under a pseudonym, and how
// many wrote, never who wrote or which notes are theirs.
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

// head is how many lines of the people tab's room are not people: its summary, the
// addresses closed to new people if any and its column names.
func (t *peopleTab) head() int {
	if len(t.blocks()) > 0 {
		return 3
	}
	return 2
}

func (t *peopleTab) sync() {
	t.list.setLen(len(t.b.activePeople()))
	if room, shown := t.b.tabRoom(); shown {
		t.list.setCutPage(room - t.head())
	}
}

func (t *peopleTab) keys() []key.Binding {
	if t.b.sess != nil && t.b.sess.Phase == session.PhaseClosed {
		// Nobody can be removed from a closed session; an address closed by a
		// removal before may still be let in.
		if len(t.blocks()) > 0 {
			return []key.Binding{bk.LetIn}
		}
		return nil
	}
	if len(t.blocks()) > 0 {
		return []key.Binding{bk.Remove, bk.LetIn}
	}
	return []key.Binding{bk.Remove}
}

// blocks are the addresses closed to new people by a removal, as last loaded.
func (t *peopleTab) blocks() []session.AddressBlock {
	if t.b.view == nil {
		return nil
	}
	return t.b.view.AddressBlocks
}

// removalAskMsg is what removing a person would do, read when r was pressed, for the
// prompt to say before the facilitator confirms.
type removalAskMsg struct {
	id      int64
	name    string
	removal session.Removal
}

func (t *peopleTab) update(msg tea.KeyMsg) tea.Cmd {
	s := t.b
	switch {
	case key.Matches(msg, bk.Remove) && s.sess.Phase == session.PhaseClosed:
		// Said at once, not after a y to a removal that could not be made.
		s.setStatus("The session is closed: nobody can be removed from it. To remove someone, reopen it with [.", true)
	case key.Matches(msg, bk.Remove):
		ps := s.activePeople()
		i := t.rows().selected()
		if i < 0 {
			return nil
		}
		pid, name := ps[i].ID, ps[i].DisplayName()
		return s.e.withTimeout(func(ctx context.Context) tea.Msg {
			r, err := s.e.opt.Service.RemovalFor(ctx, pid)
			if err != nil {
				return errMsg{err}
			}
			return removalAskMsg{pid, name, r}
		})
	case key.Matches(msg, bk.LetIn):
		names := t.blockedNames()
		if len(names) == 0 {
			return nil
		}
		id := s.sess.ID
		s.confirmDelete = func() tea.Cmd {
			return s.do("New people can join from there again; the removed keep out.", func(ctx context.Context, svc *session.Service) error {
				svc.LetAddressesIn(id)
				return nil
			})
		}
		s.confirmNo = "The address stays closed to new people."
		s.setStatus(fmt.Sprintf("Let new people join again from the network address of %s? They stay out themselves. y = let in, any other key = keep closed", strings.Join(names, ", ")), true)
	}
	return nil
}

// ask puts the removal prompt up, saying what happens to the person's address.
func (t *peopleTab) ask(msg removalAskMsg) {
	s := t.b
	addr := "Their network address is not known (they joined before the server last started), so only they are kept out (their key, or their rejoin code)."
	switch msg.removal {
	case session.RemovalAddressShared:
		addr = "Others joined from their network address, so only they are kept out (their key, or their rejoin code): new people from there still join."
	case session.RemovalBlocksAddress:
		addr = "Nobody else joined from their network address, so it takes no new people until you let it in with u."
	}
	pid := msg.id
	s.confirmDelete = func() tea.Cmd {
		return s.e.withTimeout(func(ctx context.Context) tea.Msg {
			r, err := s.e.opt.Service.Remove(ctx, pid)
			if err != nil {
				return errMsg{err}
			}
			if r == session.RemovalBlocksAddress {
				return boardDoneMsg{"Removed from the session. Their network address takes no new people until you let it in with u."}
			}
			return boardDoneMsg{"Removed from the session. Their key (or rejoin code) is kept out."}
		})
	}
	s.confirmNo = "Nobody was removed."
	s.setStatus(fmt.Sprintf("Remove %s from the session? They leave the room and cannot come back; what they wrote, rated and voted stays (hide notes one by one with h). %s y = remove, any other key = keep", msg.name, addr), true)
}

// blockedNames names the removed people whose address is closed to new people.
func (t *peopleTab) blockedNames() []string {
	var names []string
	for _, b := range t.blocks() {
		name := "someone removed"
		for _, p := range t.b.people {
			if p.ID == b.ParticipantID {
				name = p.DisplayName()
			}
		}
		names = append(names, name)
	}
	return names
}

func (t *peopleTab) view(w, room int) string {
	s := t.b
	sty := s.e.sty
	var b strings.Builder
	perPerson := s.written
	ps := s.activePeople()
	// Who has not written counts removed people too, as who rated does.
	joined := s.joinedPeople()
	silent := 0
	for _, p := range joined {
		if perPerson[p.ID] == 0 {
			silent++
		}
	}
	who := persons(len(ps))
	if removed := len(joined) - len(ps); removed > 0 {
		who += fmt.Sprintf(" + %d removed", removed)
	}
	online := 0
	for _, p := range ps {
		if s.online[p.ID] {
			online++
		}
	}
	// How many rated, never who: a mark per person appearing with a batch of
	// ratings would tell whose ratings the batch holds (see session.MinBatchRaters).
	// Done as the header counts it: said so with x, as the lines below mark it.
	finished := 0
	for _, p := range ps {
		if s.finished(p) {
			finished++
		}
	}
	rated := fmt.Sprintf("%d rated", s.ratedPeople())
	if n := s.heldLive().People(); n > 0 {
		rated += fmt.Sprintf(" (%d held)", n)
	}
	summary := fmt.Sprintf("%s · %d without a note yet. %s, %d connected now, %d done.", who, silent, rated, online, finished)
	if s.sess.Phase == session.PhaseVote {
		// Said, so that the total beside the marks below is not read as a mistake.
		summary = fmt.Sprintf("%s · %d connected now, %d done (said so with x).", persons(len(ps)), online, finished)
	}
	b.WriteString(fit(summary, w) + "\n")
	if names := t.blockedNames(); len(names) > 0 {
		b.WriteString(sty.Warn.Render(fit("No new people from the network address of "+strings.Join(names, ", ")+" · u lets them in", w)) + "\n")
	}
	// No dots per person: hiding or merging a theme while people vote gives its dots
	// back, and a count per person changing with it would say who voted for it.
	// Not whether each person wrote: notes reach the board in batches of at least
	// two writers so that none can be told whose, and a "wrote" flipping to yes
	// for the people in a batch would name them (two people, two notes), or name a
	// batch's one real writer beside a second key the facilitator joined with.
	// The count above says how many have not written.
	// The name column is as wide as the longest name, from 22 up to what leaves
	// room for the other columns ("left at 15:04" the widest connection): cut at
	// 22, names that begin alike could not be told apart.
	nameW := 22
	for _, p := range ps {
		// 28: the selection mark, "who", "done" and "left at 15:04", with spaces.
		nameW = max(nameW, min(lipgloss.Width(p.Name), w-28))
	}
	b.WriteString(sty.Muted.Render(fit(fmt.Sprintf("  %-6s %s %-4s %s", "who", padRight("name", nameW), "done", "connection"), w)) + "\n")
	if len(ps) == 0 {
		b.WriteString(sty.Muted.Render("Nobody has joined yet.") + "\n")
		return b.String()
	}
	l := &t.list
	start, end, more := l.cut(room-t.head(), 0)
	for i := start; i < end; i++ {
		p := ps[i]
		done := ""
		if s.markedDone(p) {
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
		line := fmt.Sprintf("%s%-6s %s %-4s %s", prefix, p.Pseudonym, padRight(fit(name, nameW), nameW), done, conn)
		if i == l.selected() {
			line = sty.Selected.Render(fit(line, w))
		} else {
			line = fit(line, w)
		}
		b.WriteString(line + "\n")
	}
	if more {
		b.WriteString(l.moreLine(start, end, w, sty) + "\n")
	}
	return b.String()
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
		said := fmt.Sprintf("Wait for at least %d ratings: with fewer, people could work out each other's.", session.MinSegment)
		if held := s.heldRatings(); held != "" {
			// "Wait for 3" over three people who all rated read as a fault.
			said = fmt.Sprintf("%s shown; %s. The chart shows from %d, so that nobody's can be worked out.",
				plural(s.stats.N, "rating"), held, session.MinSegment)
		}
		s.setStatus(said, true)
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
	if held := s.heldRatings(); held != "" && s.heldLive().People() > 0 {
		for _, l := range wrap(held+".", w) {
			b.WriteString(sty.Warn.Render(l) + "\n")
		}
	}
	if s.sess.RatingsShown {
		b.WriteString(sty.OK.Render("Participants see this distribution.") + "\n")
	} else {
		b.WriteString(sty.Muted.Render("Hidden from participants; press s to show it.") + "\n")
	}
	return b.String()
}
