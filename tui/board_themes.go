package tui

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/charter-tool/charter/analysis"
	"github.com/charter-tool/charter/session"
)

// themeBoard is what the board knows of themes, votes and action points.
type themeBoard struct {
	themes  []*session.Theme
	totals  map[int64]int
	used    map[int64]int
	actions []*session.ActionPoint
	ranked  []analysis.Priority

	// suggestions are clustering results not yet shared with anyone.
	suggestions []session.Theme
	suggesting  bool
	resuggest   bool
	// acceptWhenReady is A pressed while clustering ran: share the suggestions as
	// soon as they come.
	acceptWhenReady bool

	// marked is a theme (merge) or note (move) waiting for its target row.
	markTheme int64
	markNote  int64
}

func (t *themeBoard) set(m boardStateMsg) {
	t.themes, t.totals, t.used, t.actions, t.ranked = m.Themes, m.Totals, m.Used, m.Actions, m.Ranked
}

// suggestFailedMsg is a clustering run that failed; g tries again.
type suggestFailedMsg struct{ err error }

// suggestionsMsg carries fresh clustering suggestions.
type suggestionsMsg []session.Theme

// suggest clusters the notes in a command, never in Update; while one run is going,
// further requests fold into one re-run.
func (s *boardScreen) suggest() tea.Cmd {
	if s.themes.suggesting {
		s.themes.resuggest = true
		return nil
	}
	s.themes.suggesting = true
	svc, id := s.e.opt.Service, s.sess.ID
	return s.e.withTimeout(func(ctx context.Context) tea.Msg {
		sug, err := svc.SuggestThemes(ctx, id)
		if err != nil {
			return suggestFailedMsg{err}
		}
		return suggestionsMsg(sug)
	})
}

// acceptSuggestions shares the suggested themes with everyone.
func (s *boardScreen) acceptSuggestions() tea.Cmd {
	sug, id := s.themes.suggestions, s.sess.ID
	s.themes.suggestions, s.themes.acceptWhenReady = nil, false
	return s.do(fmt.Sprintf("%s shared with everyone. Edit them: rename, merge, move, split.", plural(len(sug), "theme")), func(ctx context.Context, svc *session.Service) error {
		return svc.SaveThemes(ctx, id, sug)
	})
}

// ask1 opens the board's prompt.
func (s *boardScreen) ask1(what int, target int64, prompt, value string) tea.Cmd {
	s.ask, s.target = what, target
	s.prompt.Prompt = prompt
	s.prompt.SetValue(value)
	s.prompt.CursorEnd()
	return s.prompt.Focus()
}

func (s *boardScreen) submitPrompt() tea.Cmd {
	v, what, target, id := s.prompt.Value(), s.ask, s.target, s.sess.ID
	close := func() { s.ask = askNone; s.prompt.Blur() }
	switch what {
	case askTimer:
		d, err := parseTimer(v)
		if err != nil {
			s.setStatus(session.ErrorMessage(err), true)
			return nil
		}
		close()
		s.setTimer(session.SetTimer(d))
		return s.do("Timer set to "+clock(d)+"; press space to start it.", func(ctx context.Context, svc *session.Service) error {
			_, err := svc.ChangeTimer(ctx, id, session.TimerSet, d)
			return err
		})
	case askRename:
		close()
		return s.do("Theme renamed.", func(ctx context.Context, svc *session.Service) error {
			return svc.RenameTheme(ctx, target, v)
		})
	case askAction:
		close()
		return s.do("Action point added.", func(ctx context.Context, svc *session.Service) error {
			_, err := svc.AddAction(ctx, session.ActionPoint{SessionID: id, ThemeID: target, Title: v, Priority: session.PriorityMedium})
			return err
		})
	case askOwner, askActionTitle:
		close()
		a := s.action(target)
		if a == nil {
			return nil
		}
		c := *a
		if what == askOwner {
			c.Owner = v
		} else {
			c.Title = v
		}
		// Keep the change locally too, so a quick next edit builds on it rather than
		// on the state before it.
		*a = c
		return s.do("Action point updated.", func(ctx context.Context, svc *session.Service) error {
			return svc.UpdateAction(ctx, c)
		})
	case askDue:
		close()
		return s.do("Due date set.", func(ctx context.Context, svc *session.Service) error {
			return svc.SetActionDue(ctx, target, v)
		})
	case askBudget:
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil {
			s.setStatus("Type a whole number of dots, e.g. 3.", true)
			return nil
		}
		close()
		return s.do(fmt.Sprintf("Everyone has %s.", plural(n, "dot")), func(ctx context.Context, svc *session.Service) error {
			return svc.SetVoteBudget(ctx, id, n)
		})
	}
	close()
	return nil
}

func (s *boardScreen) action(id int64) *session.ActionPoint {
	for _, a := range s.themes.actions {
		if a.ID == id {
			return a
		}
	}
	return nil
}

// A row of the themes tab: a theme, one of its notes, or one of its action points.
type themeRow struct {
	theme  int64
	note   int64
	action int64
	text   string
	header bool
	// elsewhere marks an action point of another session of the campaign.
	elsewhere bool
}

func (s *boardScreen) noteByID() map[int64]*session.Note {
	m := make(map[int64]*session.Note, len(s.notes))
	for _, n := range s.notes {
		m[n.ID] = n
	}
	return m
}

func (s *boardScreen) rows() []themeRow {
	var rows []themeRow
	notes := s.noteByID()
	switch {
	case s.sess.Phase == session.PhaseGroup:
		inTheme := map[int64]bool{}
		for _, t := range s.themes.themes {
			rows = append(rows, themeRow{theme: t.ID, header: true, text: fmt.Sprintf("%s (%d)", t.Label, len(t.NoteIDs))})
			for _, id := range t.NoteIDs {
				inTheme[id] = true
				if n := notes[id]; n != nil {
					rows = append(rows, themeRow{theme: t.ID, note: id, text: noteText(n)})
				}
			}
		}
		if len(s.themes.themes) > 0 {
			var loose []themeRow
			for _, n := range s.notes {
				if !inTheme[n.ID] && !n.Hidden {
					loose = append(loose, themeRow{note: n.ID, text: noteText(n)})
				}
			}
			if len(loose) > 0 {
				rows = append(rows, themeRow{header: true, text: fmt.Sprintf("(no theme yet: %d)", len(loose))})
				rows = append(rows, loose...)
			}
		}
	case s.sess.Phase == session.PhaseVote:
		for _, t := range s.themes.themes {
			rows = append(rows, themeRow{theme: t.ID, header: true, text: fmt.Sprintf("%s (%s)", t.Label, plural(len(t.NoteIDs), "note"))})
		}
	default:
		labels := map[int64]string{}
		for _, t := range s.themes.themes {
			labels[t.ID] = t.Label
		}
		for _, p := range s.themes.ranked {
			rows = append(rows, themeRow{theme: p.ID, header: true, text: fmt.Sprintf("#%d %s · score %d = 3×%s + 2×%s + %s",
				p.Rank, fit(labels[p.ID], 34), p.Score, plural(p.Votes, "vote"), plural(p.Authors, "author"), plural(p.Notes, "note"))})
			for _, a := range s.themes.actions {
				if a.ThemeID == p.ID {
					rows = append(rows, themeRow{theme: p.ID, action: a.ID, text: actionText(a)})
				}
			}
		}
	}
	return rows
}

func noteText(n *session.Note) string {
	t := n.Text
	if n.Hidden {
		t = "(hidden) " + t
	}
	return t
}

func actionText(a *session.ActionPoint) string {
	t := fmt.Sprintf("→ [%s · %s] %s", session.PriorityName(a.Priority), a.Status, a.Title)
	if a.Owner != "" {
		t += " · owner " + a.Owner
	}
	if a.Due != "" {
		t += " · due " + a.Due
	}
	if len(a.Volunteers) > 0 {
		t += " · volunteers " + strings.Join(a.Volunteers, ", ")
	}
	return t
}

// plural writes a count with its noun: "1 note", "2 notes".
func plural(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// persons writes a count of people: "1 person", "2 people".
func persons(n int) string {
	if n == 1 {
		return "1 person"
	}
	return fmt.Sprintf("%d people", n)
}

var tk = struct {
	Accept, Suggest, Rename, Merge, Move, Split, Delete, Budget, AddAction, Priority, Status, Owner, EditTitle, Due key.Binding
}{
	Accept:    key.NewBinding(key.WithKeys("A"), key.WithHelp("A", "accept suggestions")),
	Suggest:   key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "suggest again")),
	Rename:    key.NewBinding(key.WithKeys("R"), key.WithHelp("R", "rename")),
	Merge:     key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "merge")),
	Move:      key.NewBinding(key.WithKeys("M"), key.WithHelp("M", "move note")),
	Split:     key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "split note out")),
	Delete:    key.NewBinding(key.WithKeys("D"), key.WithHelp("D", "delete")),
	Budget:    key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "dots per person")),
	AddAction: key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add action")),
	Priority:  key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "priority")),
	Status:    key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "status")),
	Owner:     key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "owner")),
	EditTitle: key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit title")),
	Due:       key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "due date")),
}

func (s *boardScreen) themeKeys() []key.Binding {
	switch s.sess.Phase {
	case session.PhaseGroup:
		if len(s.themes.themes) == 0 {
			return []key.Binding{tk.Accept, tk.Suggest}
		}
		return []key.Binding{bk.Select, tk.Rename, tk.Merge, tk.Move, tk.Split, tk.Delete, tk.Suggest}
	case session.PhaseVote:
		return []key.Binding{tk.Budget}
	case session.PhaseActions, session.PhaseClosed:
		return []key.Binding{bk.Select, tk.AddAction, tk.Priority, tk.Status, tk.Owner, tk.Due, tk.EditTitle, tk.Delete}
	}
	return nil
}

func (s *boardScreen) updateThemesKey(msg tea.KeyMsg) (screen, tea.Cmd) {
	ph := s.sess.Phase
	rows := s.rows()
	var cur themeRow
	if len(rows) > 0 {
		s.sel = min(s.sel, len(rows)-1)
		cur = rows[s.sel]
	}
	switch {
	case key.Matches(msg, tk.Budget) && ph == session.PhaseVote:
		return s, s.ask1(askBudget, 0, "Dots per person (1-10): ", strconv.Itoa(s.sess.VoteBudget))
	case ph == session.PhaseGroup && key.Matches(msg, tk.Suggest):
		s.themes.suggestions = nil
		s.setStatus("Clustering the notes…", false)
		return s, s.suggest()
	case ph == session.PhaseGroup && key.Matches(msg, tk.Accept):
		if len(s.themes.suggestions) == 0 || s.themes.suggesting {
			// Not clustered yet, or clustering again for new notes: share the themes
			// when ready, so that no note is left out.
			s.themes.acceptWhenReady = true
			s.setStatus("Clustering the notes; the themes are shared as soon as they are ready.", false)
			if s.themes.suggesting {
				return s, nil
			}
			return s, s.suggest()
		}
		return s, s.acceptSuggestions()
	case ph == session.PhaseGroup && key.Matches(msg, tk.Rename):
		// On a theme or on one of its notes: the theme is renamed.
		label := ""
		for _, t := range s.themes.themes {
			if t.ID == cur.theme {
				label = t.Label
			}
		}
		if cur.theme == 0 || label == "" {
			s.setStatus("Select a theme (or one of its notes) to rename it.", true)
			return s, nil
		}
		return s, s.ask1(askRename, cur.theme, "New name: ", label)
	case ph == session.PhaseGroup && key.Matches(msg, tk.Merge) && cur.theme != 0:
		if s.themes.markTheme == 0 {
			s.themes.markTheme, s.themes.markNote = cur.theme, 0
			s.setStatus("Now select the theme to merge it into and press m again (esc cancels).", false)
			return s, nil
		}
		from, into := s.themes.markTheme, cur.theme
		s.themes.markTheme = 0
		if from == into {
			s.setStatus("That is the same theme; nothing merged.", true)
			return s, nil
		}
		return s, s.do("Themes merged.", func(ctx context.Context, svc *session.Service) error {
			return svc.MergeThemes(ctx, into, from)
		})
	case ph == session.PhaseGroup && key.Matches(msg, tk.Move):
		if s.themes.markNote == 0 {
			if cur.note == 0 {
				s.setStatus("Select a note to move first.", true)
				return s, nil
			}
			s.themes.markNote, s.themes.markTheme = cur.note, 0
			s.setStatus("Now select the theme to move the note to and press M again.", false)
			return s, nil
		}
		note, to := s.themes.markNote, cur.theme
		s.themes.markNote = 0
		return s, s.do("Note moved.", func(ctx context.Context, svc *session.Service) error {
			return svc.MoveNote(ctx, note, to)
		})
	case ph == session.PhaseGroup && key.Matches(msg, tk.Split) && cur.note != 0 && cur.theme != 0:
		label := firstWords(cur.text, 5)
		return s, s.do("Note split out into a theme of its own; rename it with R.", func(ctx context.Context, svc *session.Service) error {
			_, err := svc.SplitTheme(ctx, cur.theme, []int64{cur.note}, label)
			return err
		})
	case ph == session.PhaseGroup && key.Matches(msg, tk.Delete) && cur.header && cur.theme != 0:
		s.confirmDelete = func() tea.Cmd {
			return s.do("Theme deleted; its notes have no theme now.", func(ctx context.Context, svc *session.Service) error {
				return svc.DeleteTheme(ctx, cur.theme)
			})
		}
		s.setStatus("Delete this theme? Its notes stay, without a theme. y = delete, any other key = keep", true)
		return s, nil
	case ph.AtLeast(session.PhaseActions) && key.Matches(msg, tk.AddAction) && cur.theme != 0:
		return s, s.ask1(askAction, cur.theme, "Action point: ", "")
	case ph.AtLeast(session.PhaseActions) && cur.action != 0:
		a := s.action(cur.action)
		if a == nil {
			return s, nil
		}
		c := *a
		switch {
		case key.Matches(msg, tk.Priority):
			c.Priority = c.Priority%3 + 1
		case key.Matches(msg, tk.Status):
			for i, st := range session.ActionStatuses {
				if st == c.Status {
					c.Status = session.ActionStatuses[(i+1)%len(session.ActionStatuses)]
					break
				}
			}
		case key.Matches(msg, tk.Owner):
			return s, s.ask1(askOwner, c.ID, "Owner: ", c.Owner)
		case key.Matches(msg, tk.EditTitle):
			return s, s.ask1(askActionTitle, c.ID, "Action point: ", c.Title)
		case key.Matches(msg, tk.Due):
			return s, s.ask1(askDue, c.ID, "Due (YYYY-MM-DD, empty for none): ", c.Due)
		case key.Matches(msg, tk.Delete):
			s.confirmDelete = func() tea.Cmd {
				return s.do("Action point deleted.", func(ctx context.Context, svc *session.Service) error {
					return svc.DeleteAction(ctx, c.ID)
				})
			}
			s.setStatus("Delete this action point? y = delete, any other key = keep", true)
			return s, nil
		default:
			return s, nil
		}
		*a = c
		return s, s.do("Action point updated.", func(ctx context.Context, svc *session.Service) error {
			return svc.UpdateAction(ctx, c)
		})
	}
	return s, nil
}

func (s *boardScreen) themesView(w, room int) string {
	sty := s.e.sty
	var b strings.Builder
	ph := s.sess.Phase
	if !ph.AtLeast(session.PhaseGroup) {
		b.WriteString(sty.Muted.Render("Themes come in the group phase. Press ] to move on when the notes are in.") + "\n")
		return b.String()
	}
	if ph == session.PhaseGroup && len(s.themes.themes) == 0 {
		b.WriteString(sty.Header.Render("Suggested themes") + sty.Muted.Render(" (only you see these until you accept them with A)") + "\n")
		if s.themes.suggesting && len(s.themes.suggestions) == 0 {
			b.WriteString(sty.Muted.Render("Clustering the notes…") + "\n")
		}
		for i, t := range s.themes.suggestions {
			if i >= room-2 {
				b.WriteString(sty.Muted.Render(fmt.Sprintf("… and %d more", len(s.themes.suggestions)-i)) + "\n")
				break
			}
			b.WriteString(fit(fmt.Sprintf("  %-40s %s", fit(t.Label, 40), plural(len(t.NoteIDs), "note")), w) + "\n")
		}
		return b.String()
	}
	switch ph {
	case session.PhaseVote:
		people := s.activePeople()
		finished := 0
		for _, p := range people {
			if p.Done || s.themes.used[p.ID] >= s.sess.VoteBudget {
				finished++
			}
		}
		b.WriteString(fit(fmt.Sprintf("Voting: %d of %d finished · %d dots each, at most %d on a theme · counts hidden",
			finished, len(people), s.sess.VoteBudget, session.MaxVotesPerTheme), w) + "\n")
	case session.PhaseGroup:
		hint := "Themes everyone sees."
		if s.themes.markTheme != 0 {
			hint = "Merging: select the target theme, press m."
		} else if s.themes.markNote != 0 {
			hint = "Moving a note: select the target theme, press M."
		}
		b.WriteString(sty.Muted.Render(fit(hint, w)) + "\n")
	default:
		b.WriteString(sty.Muted.Render(fit("Themes by priority (score = 3 × votes + 2 × authors + notes)", w)) + "\n")
	}
	rows := s.rows()
	if len(rows) == 0 {
		b.WriteString(sty.Muted.Render("No themes.") + "\n")
		return b.String()
	}
	s.sel = min(s.sel, len(rows)-1)
	rowText := func(i int) string {
		prefix := "  "
		if i == s.sel {
			prefix = "▸ "
		}
		if !rows[i].header {
			prefix += "   "
		}
		return prefix + rows[i].text
	}
	// The selected row is shown whole, wrapped over up to three lines, so that a long
	// action point, owner or list of volunteers can be read at 80 columns.
	selected := []string{fit(rowText(s.sel), w)}
	if lipgloss.Width(rowText(s.sel)) > w {
		selected = wrap(rowText(s.sel), w)
		if len(selected) > 3 {
			selected = append(selected[:2], fit(strings.Join(selected[2:], " "), w))
		}
	}
	lines := max(room-1-(len(selected)-1), 1)
	start := 0
	if s.sel >= lines {
		start = s.sel - lines + 1
	}
	for i := start; i < len(rows) && i < start+lines; i++ {
		if i == s.sel {
			for _, l := range selected {
				b.WriteString(sty.Selected.Render(l) + "\n")
			}
			continue
		}
		line := fit(rowText(i), w)
		if rows[i].header {
			line = sty.Header.Render(line)
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}

// firstWords names a theme after the opening words of a note, without an ellipsis:
// the name is stored and exported, not only shown.
func firstWords(text string, n int) string {
	words := strings.Fields(text)
	if len(words) > n {
		words = words[:n]
	}
	return strings.Join(words, " ")
}
