package tui

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/charter-tool/charter/session"
)

var vk = struct{ Give, Take, Volunteer, Open key.Binding }{
	Give:      key.NewBinding(key.WithKeys("+", " ", "right"), key.WithHelp("+/space", "give a dot")),
	Take:      key.NewBinding(key.WithKeys("-", "left"), key.WithHelp("-", "take back")),
	Volunteer: key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "volunteer")),
	// Open reads a theme's notes (or a note) whole, before spending dots on it.
	Open: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "read whole")),
}

// rows of the participant's themes view, in display order.
func (s *participantScreen) themeRows() []themeRow {
	var rows []themeRow
	labels := map[int64]*session.Theme{}
	for _, t := range s.th.Themes {
		labels[t.ID] = t
	}
	switch s.sess.Phase {
	case session.PhaseGroup:
		notes := map[int64]*session.Note{}
		for _, n := range s.notes {
			notes[n.ID] = n
		}
		for _, t := range s.th.Themes {
			rows = append(rows, themeRow{theme: t.ID, header: true, text: numbered(t)})
			for _, id := range t.NoteIDs {
				if n := notes[id]; n != nil {
					rows = append(rows, themeRow{theme: t.ID, note: id, text: laneTag(n) + " " + n.Text})
				}
			}
		}
	case session.PhaseVote:
		for _, t := range s.th.Themes {
			rows = append(rows, themeRow{theme: t.ID, header: true, text: numbered(t)})
		}
	default:
		if s.sess.Phase == session.PhaseClosed && len(s.th.Actions) > 0 {
			// The follow-up the campaign report gives: what became of what was said.
			rows = append(rows, themeRow{header: true, text: "You said, we did: the action points and where they stand"})
		}
		for _, p := range s.th.Ranked {
			t := labels[p.ID]
			if t == nil {
				continue
			}
			// The score as well as the votes: ranked by votes alone, a theme with none
			// above one with two would look like a mistake.
			rows = append(rows, s.rankedRow(t, p.Rank, p.Score))
			for _, a := range s.th.Actions {
				if a.ThemeID == t.ID {
					rows = append(rows, s.actionRow(themeRow{theme: t.ID}, a))
				}
			}
		}
		// As the projector and the findings list them: an action point whose theme
		// was deleted, or is no longer shown, stands on its own.
		loose := false
		for _, a := range s.th.Actions {
			if a.ThemeID != 0 && labels[a.ThemeID] != nil {
				continue
			}
			if !loose {
				loose = true
				rows = append(rows, themeRow{header: true, text: "Action points without a theme"})
			}
			rows = append(rows, s.actionRow(themeRow{}, a))
		}
		if len(s.th.Campaign) > 0 {
			rows = append(rows, themeRow{header: true, text: "Elsewhere in " + s.sess.Campaign})
			for _, o := range s.th.Campaign {
				rows = append(rows, themeRow{header: true, text: "  " + o.Title})
				for _, a := range s.th.CampaignActions[o.ID] {
					r := s.actionRow(themeRow{elsewhere: true}, a)
					r.action = 0 // another session's: not one to volunteer for here
					rows = append(rows, r)
				}
			}
		}
	}
	return append(rows, s.hiddenRows()...)
}

// rankedRow is a ranked theme's heading. When it is wider than the screen the name
// is cut, not the score and votes after it (the selected row shows it whole), as
// the board and the action points' rows do.
func (s *participantScreen) rankedRow(t *session.Theme, rank, score int) themeRow {
	head := fmt.Sprintf("#%d ", rank)
	tail := fmt.Sprintf(" · score %d · %s", score, plural(s.th.Totals[t.ID], "vote"))
	r := themeRow{theme: t.ID, header: true, text: head + t.Label + tail}
	// The row's selection mark takes two columns.
	if w := max(s.e.w, 40) - 2; lipgloss.Width(r.text) > w {
		r.whole = r.text
		r.text = head + fit(t.Label, max(w-lipgloss.Width(head+tail), 12)) + tail
	}
	return r
}

// numbered is a theme's label after its number on the board, so that the room can
// speak of "theme 3" as the facilitator does.
func numbered(t *session.Theme) string {
	if t.Number == 0 {
		return t.Label
	}
	return fmt.Sprintf("%d. %s", t.Number, t.Label)
}

// hiddenRows are the participant's own notes the facilitator hid, marked: no theme
// others see lists them, and their author is told in every phase.
func (s *participantScreen) hiddenRows() []themeRow {
	var rows []themeRow
	for _, n := range s.notes {
		if !n.Hidden || n.ParticipantID != s.me.ID {
			continue
		}
		if rows == nil {
			rows = append(rows, themeRow{header: true, text: "Your notes the facilitator hid (only you see them)"})
		}
		rows = append(rows, themeRow{note: n.ID, text: "(hidden) " + laneTag(n) + " " + n.Text})
	}
	return rows
}

// dotsBack says, in the vote phase, that dots on a theme that left the list came
// back to the participant: before are the themes and dots shown before a reload,
// selected the theme selected then. A theme merged into another took its dots
// along, but those over the limit on one theme came back: it says where it went.
func (s *participantScreen) dotsBack(before []*session.Theme, mine map[int64]int, selected int64) string {
	was, now := 0, s.dotsUsed()
	for _, c := range mine {
		was += c
	}
	if now >= was {
		return ""
	}
	listed := map[int64]bool{}
	for _, t := range s.th.Themes {
		listed[t.ID] = true
	}
	for _, t := range before {
		if mine[t.ID] > 0 && !listed[t.ID] {
			back := "your dot is back"
			if n := was - now; n > 1 {
				back = fmt.Sprintf("your %d dots are back", n)
			}
			if into := mergedInto(t, s.th.Themes); into != nil {
				return fmt.Sprintf("%s to give again: “%s” was merged into “%s”, which holds at most %d of yours.",
					strings.ToUpper(back[:1])+back[1:], t.Label, into.Label, session.MaxVotesPerTheme)
			}
			if t.ID == selected {
				// The selection moved to another theme: the warning first, as the
				// status line of 80 columns cuts a long name.
				return fmt.Sprintf("Look before you give a dot: %s, “%s” is no longer on the board.", back, t.Label)
			}
			return fmt.Sprintf("%s to give again: “%s” is no longer on the board.", strings.ToUpper(back[:1])+back[1:], t.Label)
		}
	}
	return ""
}

// mergedInto is the listed theme that holds most of gone's notes, nil when none
// holds any: where a theme merged away went.
func mergedInto(gone *session.Theme, listed []*session.Theme) *session.Theme {
	was := map[int64]bool{}
	for _, id := range gone.NoteIDs {
		was[id] = true
	}
	var into *session.Theme
	most := 0
	for _, t := range listed {
		n := 0
		for _, id := range t.NoteIDs {
			if was[id] {
				n++
			}
		}
		if n > most {
			into, most = t, n
		}
	}
	return into
}

// actionRow is an action point's row: its line, and the line whole when the title
// was cut so that what follows it (volunteers, owner, due date) stays in view at the
// screen's width; the selected row shows it whole.
func (s *participantScreen) actionRow(r themeRow, a *session.ActionPoint) themeRow {
	head := "→ "
	for _, id := range a.VolunteerIDs {
		if id == s.me.ID {
			// First, so that it is never the part cut off at the screen's edge.
			head += "✓ you volunteered · "
		}
	}
	head += fmt.Sprintf("[%s] ", a.Status)
	tail := func(short bool) string {
		t := ""
		if n := len(a.Volunteers); n > 0 && short {
			t += fmt.Sprintf(" · %d vol.", n)
		} else if n > 0 {
			t += " · " + plural(n, "volunteer")
		}
		if a.Owner != "" {
			t += " · owner " + fit(a.Owner, map[bool]int{false: 1 << 10, true: 12}[short])
		}
		if a.Due != "" {
			t += " · due " + a.Due
		}
		return t
	}
	r.action, r.text = a.ID, head+a.Title+tail(false)
	if lipgloss.Width(r.text) <= max(s.e.w, 40)-5 {
		return r
	}
	// The row's indent and selection mark take five columns; the tail as it is,
	// then shorter, as long as a readable start of the title is left (see
	// readableTitle), then as long as any is.
	for _, least := range []int{min(readableTitle, lipgloss.Width(a.Title)), 12} {
		for _, short := range []bool{false, true} {
			if room := max(s.e.w, 40) - 5 - lipgloss.Width(head+tail(short)); room >= least {
				r.whole, r.text = r.text, head+fit(a.Title, room)+tail(short)
				return r
			}
		}
	}
	return r
}

// withdrawKey is v as the key line says it on an action point one volunteered for:
// v takes the offer back there, and "v volunteer" said nothing of it.
var withdrawKey = key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "withdraw"))

// themeActions are the action points of theme id; v on the theme's line is for
// its action point when it has just one.
func (s *participantScreen) themeActions(id int64) []int64 {
	var of []int64
	for _, a := range s.th.Actions {
		if a.ThemeID == id {
			of = append(of, a.ID)
		}
	}
	return of
}

// volunteerKey is v as the key line says it on action point id.
func (s *participantScreen) volunteerKey(id int64) key.Binding {
	for _, a := range s.th.Actions {
		if a.ID == id && slices.Contains(a.VolunteerIDs, s.me.ID) {
			return withdrawKey
		}
	}
	return vk.Volunteer
}

func (s *participantScreen) dotsUsed() int {
	n := 0
	for _, c := range s.th.MyVotes {
		n += c
	}
	return n
}

func (s *participantScreen) updateThemesKey(msg tea.KeyMsg) (screen, tea.Cmd) {
	rows := s.themeRows()
	s.rows.setLen(len(rows))
	if matches(msg, pk.Select) || matches(msg, lk.Page) || matches(msg, lk.Ends) {
		was := s.rows.selected()
		s.rows.update(msg)
		if s.statusErr && s.rows.selected() != was {
			// Its errors are about the row selected ("This theme has no action
			// point"): under another row they would say the wrong thing.
			s.setStatus("", false)
		}
		return s, nil
	}
	if len(rows) == 0 {
		return s, nil
	}
	cur := rows[s.rows.selected()]
	svc, id := s.e.opt.Service, s.me.ID
	switch {
	case matches(msg, vk.Open) && cur.action != 0:
		s.reading = &reading{action: cur.action}
		return s, nil
	case matches(msg, vk.Open) && cur.note != 0:
		s.reading = &reading{note: cur.note}
		return s, nil
	case matches(msg, vk.Open) && cur.theme != 0:
		s.reading = &reading{theme: cur.theme}
		return s, nil
	case s.sess.Phase == session.PhaseVote && (matches(msg, vk.Give) || matches(msg, vk.Take)):
		if cur.theme == 0 {
			s.setStatus("Select a theme to give it a dot.", true)
			return s, nil
		}
		return s, s.vote(cur.theme, matches(msg, vk.Give))
	case s.sess.Phase.AtLeast(session.PhaseActions) && matches(msg, vk.Volunteer):
		if cur.elsewhere {
			s.setStatus("Other sessions’ action points are for information: volunteer in your own.", true)
			return s, nil
		}
		if s.sess.Phase == session.PhaseClosed {
			s.setStatus("The session is closed and its volunteers are final: tell the owner to help.", true)
			return s, nil
		}
		if cur.action == 0 && cur.theme != 0 {
			// On a theme's line: its one action point, if it has just one.
			of := s.themeActions(cur.theme)
			switch len(of) {
			case 0:
				// Not "select one below": the row below is the next theme.
				msg := "This theme has no action point to volunteer for (yet: the facilitator may add one)."
				if len(s.th.Actions) > 0 {
					msg += " Themes with one show it under them (→)."
				}
				s.setStatus(msg, true)
				return s, nil
			case 1:
				cur.action = of[0]
			default:
				s.setStatus(fmt.Sprintf("This theme has %d action points: select one (↓) to volunteer for it.", len(of)), true)
				return s, nil
			}
		}
		if cur.action == 0 {
			s.setStatus("Select an action point (↓) to volunteer for it.", true)
			return s, nil
		}
		on := true
		for _, a := range s.th.Actions {
			if a.ID == cur.action {
				for _, v := range a.VolunteerIDs {
					if v == id {
						on = false
					}
				}
			}
		}
		if on {
			// A volunteer is someone the program can reach, named in the findings that
			// go back to everyone: ask for the name to show first, in an empty box.
			// Not the name given at joining: kept as it was, it matched the
			// participant's row in a copy of the database, and so their profile.
			s.mode, s.editing, s.joinNameAsked = modeVolunteerName, cur.action, ""
			s.setStatus("", false)
			return s, s.openInput(session.MaxNameLen, 1)
		}
		return s, s.run(func(ctx context.Context) tea.Msg {
			if err := svc.Volunteer(ctx, id, cur.action, false); err != nil {
				return errMsg{err}
			}
			return doneMsg{"You are no longer a volunteer for it."}
		})
	}
	return s, nil
}

// vote gives a dot to the theme, or takes one back.
func (s *participantScreen) vote(theme int64, give bool) tea.Cmd {
	svc, id := s.e.opt.Service, s.me.ID
	delta := 1
	if !give {
		delta = -1
	}
	return s.run(func(ctx context.Context) tea.Msg {
		if err := svc.Vote(ctx, id, theme, delta); err != nil {
			return errMsg{err}
		}
		if delta > 0 {
			return doneMsg{"Dot given."}
		}
		return doneMsg{"Dot taken back."}
	})
}

// hasAction says whether the session's action points, as last read, hold id.
func (s *participantScreen) hasAction(id int64) bool {
	for _, a := range s.th.Actions {
		if a.ID == id {
			return true
		}
	}
	return false
}

// volunteerAs volunteers the participant for the action point being asked about,
// under the name typed (none if empty). The name stays on the action point: it is
// not the participant's name anywhere else. The text stays in the box until it is
// stored. The name they joined with, typed, is asked about once: stored with the
// volunteering it matches their row, and so their profile, in a copy of the
// database.
func (s *participantScreen) volunteerAs(name string) tea.Cmd {
	if sameName(name, s.me.Name) && s.joinNameAsked != name {
		s.joinNameAsked = name
		s.setStatus("That is the name you joined with: a copy of the database could match it to your profile. enter keeps it.", false)
		return nil
	}
	s.saving = true
	svc, id, action := s.e.opt.Service, s.me.ID, s.editing
	return s.run(func(ctx context.Context) tea.Msg {
		if err := svc.VolunteerAs(ctx, id, action, name); err != nil {
			return errMsg{err}
		}
		if strings.TrimSpace(name) == "" {
			return doneMsg{"Thank you for volunteering! It shows without a name."}
		}
		return doneMsg{"Thank you for volunteering! Your name shows on this action point and in the findings, never with your notes."}
	})
}

// sameName says whether a volunteer's name is the name given at joining, but for
// case and spaces: names are stored with their spaces collapsed, so "alice
// aardvark" with two spaces in it is stored as the joined name is.
func sameName(typed, joined string) bool {
	typed, joined = strings.Join(strings.Fields(typed), " "), strings.Join(strings.Fields(joined), " ")
	return joined != "" && strings.EqualFold(typed, joined)
}

// volunteerGiveMost is the most lines of the volunteer's box that give way: at
// 40x14, between the head and the done mark with the question whether to leave,
// only the box, its title and the action point asked about fit.
const volunteerGiveMost = 4

// volunteerNameView is the box that asks a volunteer for the name to show. On a
// short screen give of its lines give way, so that the action point asked about
// stays in view under the head: the blank line over it (1), the line on esc and
// an empty box (2), the count of characters (3) while far from the limit, and the
// line on where the name shows (4, volunteerGiveMost). A
// give below 0 says the screen has room for what it says wrapped whole, where a
// narrow one cut it ("never with your notes" went at 40 columns).
func (s *participantScreen) volunteerNameView(w, give int) string {
	sty := s.e.sty
	var b strings.Builder
	if give < 1 {
		b.WriteString("\n")
	}
	lines := 1
	if give < 0 {
		lines = 3
	}
	say := func(long, short string) {
		b.WriteString(sty.Muted.Render(strings.Join(wrapOr(long, short, w, lines), "\n")) + "\n")
	}
	b.WriteString(sty.Header.Render(strings.Join(wrapOr("Volunteer: give a name the program can reach you by",
		"Volunteer: give a name to reach you by", w, lines), "\n")) + "\n")
	if give < 4 {
		say("Any name or contact works; shown on this action point and in the findings only.",
			"In the findings, never with your notes.")
	}
	if give < 2 {
		say("Never with your notes. Left empty, it shows “anonymous”; esc cancels.",
			"Empty: “anonymous”; esc cancels.")
	}
	b.WriteString(s.boxView(w) + "\n")
	if n := utf8.RuneCountInString(s.inputValue()); give < 3 || n >= session.MaxNameLen*9/10 {
		b.WriteString(nameCount(sty, n) + "\n")
	}
	return b.String()
}

// themesHead is what the themes view says over its list, w wide: the phase's line
// (head), and the lines that say more (said), which give way on a short screen.
func (s *participantScreen) themesHead(w int) (head, said []string) {
	switch s.sess.Phase {
	case session.PhaseVote:
		left := fmt.Sprintf("%d of %d dots left · at most %d on a theme", s.sess.VoteBudget-s.dotsUsed(), s.sess.VoteBudget, session.MaxVotesPerTheme)
		if s.dotsUsed() >= s.sess.VoteBudget && !s.me.Done {
			// The board counts done only who say so: spending the last dot is not it.
			left = fmt.Sprintf("0 of %d dots left · x when you are done", s.sess.VoteBudget)
		}
		head = append(head, either(left+" · counts come after voting", left, w))
		if s.sess.Furthest().AtLeast(session.PhaseActions) {
			// Voting again after the totals were shown: a change shows only with
			// another person's (see session.MinBatchVoters), and its voter is told.
			said = append(said, either("Voting again: a change of yours counts once someone else changes theirs.",
				"A change of yours counts once another's does too.", w))
		}
	case session.PhaseClosed:
		head = append(head, either("Thank you for taking part. Here is what became of it:", "Here is what became of it:", w))
	case session.PhaseActions:
		head = append(head, either("By score: 3 × votes + 2 × people + notes. v volunteers for an action point.",
			"Press v on an action point to volunteer.", w))
	}
	if s.sess.Phase.AtLeast(session.PhaseActions) && s.th.MyChangeNotCounted {
		// Told only to them: the totals count their dots as they were before.
		said = append(said, wrap("Your last change of dots is not counted: made when voting opened again, it waited for someone else's change, and none came.", w)...)
	}
	return head, said
}

// themesLeast is the fewest rows the themes view keeps under the phase's line, w
// wide: the selected row, shown whole in two lines, or while a volunteer's name is
// asked, that row in one line and the name's box at its fewest.
func (s *participantScreen) themesLeast(w int) int {
	if s.mode == modeVolunteerName {
		return 1 + strings.Count(s.volunteerNameView(w, volunteerGiveMost), "\n")
	}
	return 2
}

func (s *participantScreen) themesView(w int) string {
	sty := s.e.sty
	var b strings.Builder
	ph := s.sess.Phase
	head, said := s.themesHead(w)
	if s.e.h > 0 {
		// On a short screen, or over a long footer, the lines that say more
		// give way before the selected row (and a volunteer's box) does, then
		// the phase's line: at 40x14 the line on voting again and the one on
		// an uncounted change pushed the title bar off.
		under := s.bodyRoom - s.themesLeast(w)
		head = head[:min(max(under, 0), len(head))]
		if n := under - len(head); n < len(said) {
			said = cutLines(said, n, w, cutJoined)[:max(n, 0)]
		}
	}
	for _, l := range head {
		b.WriteString(l + "\n")
	}
	for _, l := range said {
		b.WriteString(sty.Muted.Render(l) + "\n")
	}
	rows := s.themeRows()
	if len(rows) == 0 {
		// Wrapped, not cut: at 40 columns it ended "is groupi".
		b.WriteString(s.e.sty.Muted.Render(strings.Join(wrap("No themes yet: the facilitator is grouping the notes.", w), "\n")) + "\n")
		return b.String()
	}
	// The rows between head and footer, but for the phase's line and one for a
	// selected row shown whole.
	room := max(s.bodyRoom-strings.Count(b.String(), "\n")-1, 3)
	give, least := 0, 3
	selLines := 2
	if s.e.h > 0 {
		// The list takes no more than the rows the head and the footer leave,
		// down to the selected row alone, in one line when there is one: a
		// status and the done mark pushed the title bar off at 40x14.
		left := s.bodyRoom - strings.Count(b.String(), "\n")
		room, selLines, least = max(left-1, 1), min(max(left, 1), 2), 1
	}
	if s.mode == modeVolunteerName {
		// Three rows of the list stay (two and the line that says there are
		// more): the lines of the name's box that can go go first.
		give = min(max(strings.Count(s.volunteerNameView(w, 0), "\n")+3-room, 0), 3)
		if s.e.h > 0 && strings.Count(s.volunteerNameView(w, give), "\n") > room {
			// Not even the action point asked about in one line: the line on
			// where the name shows goes too.
			give = volunteerGiveMost
		}
		if give == 0 && strings.Count(s.volunteerNameView(w, -1), "\n")+3 <= room {
			give = -1
		}
		box := strings.Count(s.volunteerNameView(w, give), "\n")
		if s.e.h > 0 {
			// Down to the action point asked about, in one line.
			selLines = min(max(room+1-box, 1), 2)
			room = max(room-box, 1)
		} else {
			room = max(room-box, 2)
		}
		least = 1
	}
	// Voting, a long list keeps room under it for the selected theme's notes (see
	// themeNotes): a person gives dots to what they can read, not to a name.
	// Only while a theme (or its action point) is selected: the heading over the
	// action points has no notes, and left six blank lines under a cut list.
	if cur := min(s.rows.selected(), len(rows)-1); ph != session.PhaseGroup && s.mode != modeVolunteerName && room >= 12 &&
		len(rows) > room-themeNotesRoom && cur >= 0 && rows[cur].theme != 0 {
		room -= themeNotesRoom
	}
	more := len(rows) > room
	if more && room < 2 {
		// One row: the selected one, not the line that says there are more
		// (the key line says ↑/↓ goes through them).
		more = false
	} else if more {
		room = max(room-1, least) // for the line that says there is more
	}
	s.rows.setLen(len(rows))
	s.rows.setPage(room)
	start, end := s.rows.window(room, 0)
	sel := s.rows.selected()
	// Where every row fits with a second line for each cut one, cut rows show
	// whole too: a closed session's few action points read as "Share pen te…"
	// above an empty screen.
	cut := 0
	for _, r := range rows {
		if r.whole != "" {
			cut++
		}
	}
	wrapAll := !more && len(rows)+cut <= room
	for i := start; i < end; i++ {
		r := rows[i]
		text := r.text
		if (i == sel || wrapAll) && r.whole != "" {
			text = r.whole
		}
		if ph == session.PhaseVote {
			dots := strings.Repeat("●", s.th.MyVotes[r.theme])
			text = fmt.Sprintf("%-3s %s", dots, text)
		}
		if !r.header {
			text = "   " + text
		}
		if i == sel || wrapAll && r.whole != "" {
			// The selected row is shown whole (up to two lines): an action point's
			// title is what a volunteer signs up for.
			mark := "  "
			if i == sel {
				mark = "▸ "
			}
			for _, l := range cutLines(wrapHanging(mark+text, w, 5), selLines, w, cutHanging) {
				if i == sel {
					l = sty.Selected.Render(l)
				}
				b.WriteString(l + "\n")
			}
			continue
		}
		b.WriteString(s.lines.line(lineKey{kind: lineThemeRow, text: text, width: w, sel: r.header}, func() string {
			line := fit("  "+text, w)
			if r.header {
				line = sty.Header.Render(line)
			}
			return line
		}))
		b.WriteByte('\n')
	}
	if more {
		// What is above and below the window, so that a cut list never looks whole.
		b.WriteString(s.lines.line(lineKey{kind: lineMore, id: int64(start)<<32 | int64(len(rows)-end), width: w, mark: "themes"}, func() string {
			var parts []string
			if start > 0 {
				parts = append(parts, fmt.Sprintf("%d above", start))
			}
			if n := len(rows) - end; n > 0 {
				parts = append(parts, fmt.Sprintf("%d below", n))
			}
			return s.e.sty.Muted.Render(fit("  … "+strings.Join(parts, ", ")+" · ↑/↓ pgup/pgdn home/end to scroll", w))
		}) + "\n")
	}
	if s.mode == modeVolunteerName {
		b.WriteString(s.volunteerNameView(w, give))
		return b.String()
	}
	// The room under a short list shows the notes of the selected theme, so that a
	// person voting or volunteering reads what the theme is made of.
	if ph != session.PhaseGroup && rows[sel].theme != 0 {
		avail := s.e.h - 6 - lipgloss.Height(b.String()) // 3 header lines; status, done mark, key help
		// At most the rows the real head and footer leave: guessed, a status of
		// three lines and the done mark pushed the title bar off at 40x14.
		avail = min(avail, s.bodyRoom-strings.Count(b.String(), "\n"))
		b.WriteString(s.themeNotes(rows[sel].theme, w, avail))
	}
	return b.String()
}

// themeNotesRoom is the room a long list of themes leaves under it for the notes of
// the selected one: a blank line, the heading, three lines of notes and one that
// says enter reads them all.
const themeNotesRoom = 6

// themeNotes lists the notes of a theme in at most avail lines, or nothing when fewer
// than three are free.
func (s *participantScreen) themeNotes(themeID int64, w, avail int) string {
	if avail < 3 {
		return ""
	}
	var theme *session.Theme
	for _, t := range s.th.Themes {
		if t.ID == themeID {
			theme = t
		}
	}
	if theme == nil {
		return ""
	}
	text := map[int64]string{}
	for _, n := range s.notes {
		text[n.ID] = n.Text + " " + s.e.sty.Muted.Render(laneTag(n))
	}
	lines := []string{"", s.e.sty.Muted.Render(either(fmt.Sprintf("In “%s” (enter to read them all):", theme.Label),
		fmt.Sprintf("In “%s”:", fit(theme.Label, max(w-6, 10))), w))}
	for _, id := range theme.NoteIDs {
		t, ok := text[id]
		if !ok {
			continue
		}
		for i, l := range wrap(t, max(w-4, 8)) {
			lead := "  • "
			if i > 0 {
				lead = "    "
			}
			lines = append(lines, lead+l)
		}
	}
	if len(lines) > avail {
		if avail < 4 {
			// No room for a note beside the line that would say there are more:
			// say how to read them instead of an empty "…".
			return "\n" + s.e.sty.Muted.Render(either(fmt.Sprintf("enter reads the notes of “%s”", theme.Label),
				"enter reads its notes", w)) + "\n"
		}
		cut := avail - 1
		if strings.HasPrefix(lines[cut], "    ") {
			// The last note shown goes on past the room: cut after a line, it read
			// as whole ("… best one we had [Keep · security"). It goes with the
			// notes that do not fit, or, the only one shown, says it goes on.
			b := cut - 1
			for b > 2 && !strings.HasPrefix(lines[b], "  • ") {
				b--
			}
			if b > 2 {
				cut = b
			} else {
				lines[cut-1] = fit(lines[cut-1]+" …", w)
			}
		}
		lines = append(lines[:cut], s.e.sty.Muted.Render(fit("  … enter reads them all", w)))
	}
	return strings.Join(lines, "\n") + "\n"
}

// themeSelection is what the themes view's selection is on, kept across a reload
// so that it follows the theme rather than the row: the facilitator may rename,
// merge or delete themes while a person is choosing, and a dot must go to the
// theme the person picked.
type themeSelection struct {
	row themeRow
	// index is the row's place, for rows that are not a theme's.
	index int
	// notes are the selected theme's notes, to find the theme they went to if
	// it was merged; after and before are the themes around it, nearest first,
	// to fall back on if it was deleted.
	notes         []int64
	after, before []int64
	label         string
}

// themeSelected returns what the themes view's selection is on; ok is false
// when the view lists nothing.
func (s *participantScreen) themeSelected() (sel themeSelection, ok bool) {
	rows := s.themeRows()
	if len(rows) == 0 {
		return sel, false
	}
	s.rows.setLen(len(rows))
	sel.index = s.rows.selected()
	sel.row = rows[sel.index]
	at := -1
	for i, t := range s.th.Themes {
		if t.ID == sel.row.theme {
			at, sel.notes, sel.label = i, t.NoteIDs, t.Label
		}
	}
	if at >= 0 {
		for i := at + 1; i < len(s.th.Themes); i++ {
			sel.after = append(sel.after, s.th.Themes[i].ID)
		}
		for i := at - 1; i >= 0; i-- {
			sel.before = append(sel.before, s.th.Themes[i].ID)
		}
	}
	return sel, true
}

// reselect puts the selection back on what it was on before a reload: the same
// note, action point or theme; a merged theme's notes where they went; a deleted
// theme's nearest neighbour. In the vote phase it says so when the theme is gone.
func (s *participantScreen) reselect(sel themeSelection) {
	rows := s.themeRows()
	if len(rows) == 0 {
		return
	}
	s.rows.setLen(len(rows))
	find := func(match func(r themeRow) bool) bool {
		for i, r := range rows {
			if match(r) {
				s.rows.selectRow(i)
				return true
			}
		}
		return false
	}
	header := func(theme int64) func(r themeRow) bool {
		return func(r themeRow) bool { return r.header && r.theme == theme }
	}
	r := sel.row
	if r.note != 0 && r.theme != 0 {
		// The note went to another theme (the facilitator moved it): the
		// selection stays in the theme being read, at its place, rather than
		// following the note up or down the list, where it landed on a note of
		// another theme with its name off the screen.
		moved := false
		for _, x := range rows {
			if x.note == r.note && x.theme != r.theme {
				moved = true
			}
		}
		if moved {
			if sel.index < len(rows) && rows[sel.index].theme == r.theme {
				s.rows.selectRow(sel.index)
				return
			}
			if find(header(r.theme)) {
				return
			}
		}
	}
	switch {
	case r.note != 0 && find(func(x themeRow) bool { return x.note == r.note }):
		return
	case r.action != 0 && find(func(x themeRow) bool { return x.action == r.action }):
		return
	case r.theme != 0 && find(header(r.theme)):
		return
	case r.theme == 0:
		s.rows.selectRow(sel.index)
		return
	}
	// The theme is gone: merged into the theme that holds most of its notes now,
	// or deleted.
	into := mergedInto(&session.Theme{NoteIDs: sel.notes}, s.th.Themes)
	if into != nil && find(header(into.ID)) {
		if s.sess.Phase == session.PhaseVote {
			s.setStatus(fmt.Sprintf("“%s” was merged into “%s”, now selected.", sel.label, into.Label), false)
		}
		return
	}
	for _, id := range append(sel.after, sel.before...) {
		if find(header(id)) {
			if s.sess.Phase == session.PhaseVote {
				// The warning first: the status is one line, and a long name would
				// cut it off at 80 columns.
				s.setStatus(fmt.Sprintf("Look before you give a dot: “%s” was removed by the facilitator.", sel.label), true)
			}
			return
		}
	}
	s.rows.selectRow(sel.index)
}
