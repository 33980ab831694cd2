package tui

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
)

// activityEditor is the facilitator's list of the session's security activities:
// one activity a line, added, renamed or deleted one at a time, and the activities
// participants proposed on their notes, accepted into the list with a key. Every
// change is saved at once.
type activityEditor struct {
	list []string
	// proposed are activities notes name that are not on the list, with how many
	// notes name each.
	proposed []string
	uses     map[string]int
	// items selects among the rows (the list, then the proposals); / searches them.
	items list
	// input is open while adding (editing == -1) or renaming list[editing].
	input   textinput.Model
	open    bool
	editing int
	// refused says why the text in input was not taken; it stays to be fixed.
	refused string
	// help is every key of the list (?), shown in place of it; w and room are the
	// cells and lines it was last drawn in, which say how many pages that takes.
	help    keyList
	w, room int
	sty     *Styles
}

var ak = struct{ Add, Rename, Delete, Accept, Close key.Binding }{
	Add:    key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "new activity")),
	Rename: key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "rename")),
	Delete: key.NewBinding(key.WithKeys("D"), key.WithHelp("D", "delete")),
	Accept: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "accept proposal")),
	Close:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close")),
}

// newActivityEditor lists the session's activities and those its notes propose.
func newActivityEditor(list []string, notes []*session.Note, sty *Styles) *activityEditor {
	a := &activityEditor{list: slices.Clone(list), uses: map[string]int{}, items: newList(), sty: sty}
	a.items.match = func(i int, q string) bool { return strings.Contains(strings.ToLower(a.row(i)), q) }
	in := newTextInput(sty)
	in.CharLimit = 4 * session.MaxTopicLen // the service says when it is too long
	a.input = in
	a.propose(notes)
	return a
}

// propose finds the activities notes name that the list lacks.
func (a *activityEditor) propose(notes []*session.Note) {
	a.proposed, a.uses = nil, map[string]int{}
	for _, n := range notes {
		if n.Activity == "" || n.Hidden {
			continue
		}
		a.uses[n.Activity]++
		if !slices.Contains(a.list, n.Activity) && !slices.Contains(a.proposed, n.Activity) {
			a.proposed = append(a.proposed, n.Activity)
		}
	}
	slices.Sort(a.proposed)
	a.items.setLen(a.rows())
}

// rows is how many lines can be selected: the list, then the proposals.
func (a *activityEditor) rows() int { return len(a.list) + len(a.proposed) }

// row is the activity on row i, listed or proposed.
func (a *activityEditor) row(i int) string {
	if i < len(a.list) {
		return a.list[i]
	}
	return a.proposed[i-len(a.list)]
}

// activityEdit is what a key did: a new list to save, or the editor closed.
type activityEdit struct {
	save []string
	// renamed is the activity save renames and its new name, for its notes to
	// be renamed with it; empty for none.
	renamed [2]string
	said    string
	closed  bool
}

func (a *activityEditor) update(msg tea.KeyMsg) (activityEdit, tea.Cmd) {
	if a.open {
		switch msg.Type {
		case tea.KeyEsc:
			a.open, a.refused = false, ""
			a.input.Blur()
			return activityEdit{}, nil
		case tea.KeyEnter:
			v, err := session.ValidText(a.input.Value(), session.MaxTopicLen, "An activity", false)
			if err != nil {
				a.refused = session.ErrorMessage(err)
				return activityEdit{}, nil
			}
			// A name the list has already, in any case, would fold two activities
			// into one (or list one twice) under a "Renamed" or "Added" that said
			// nothing of it.
			for i, x := range a.list {
				if i != a.editing && v != "" && strings.EqualFold(x, v) {
					a.refused = "“" + x + "” is on the list already: give another name, or esc."
					return activityEdit{}, nil
				}
			}
			a.open, a.refused = false, ""
			a.input.Blur()
			if v == "" {
				return activityEdit{}, nil
			}
			next := slices.Clone(a.list)
			said, renamed := "Added "+v+".", [2]string{}
			if a.editing >= 0 && a.editing < len(next) {
				renamed = [2]string{next[a.editing], v}
				said = "Renamed " + next[a.editing] + " to " + v + "."
				if n := a.uses[next[a.editing]]; n > 0 {
					said = fmt.Sprintf("Renamed %s to %s, on its %s too.", next[a.editing], v, plural(n, "note"))
				}
				next[a.editing] = v
			} else {
				next = append(next, v)
			}
			return activityEdit{save: next, renamed: renamed, said: said}, nil
		}
		var cmd tea.Cmd
		a.input, cmd = a.input.Update(msg)
		return activityEdit{}, cmd
	}
	if a.items.open() {
		_, cmd := a.items.update(msg)
		return activityEdit{}, cmd
	}
	sel := a.items.selected()
	if !key.Matches(msg, bk.Help) && !key.Matches(msg, ak.Close) {
		// Any other key closes the key list and does what it does, where it is
		// seen (n opens its box under the list).
		a.help.shown = false
	}
	switch {
	case key.Matches(msg, bk.Help):
		a.help.press(keyListPages(a.sty, a.allKeys(), a.w, a.room))
		return activityEdit{}, nil
	case key.Matches(msg, ak.Close) && a.help.shown:
		a.help.shown = false
		return activityEdit{}, nil
	case key.Matches(msg, ak.Close):
		return activityEdit{closed: true}, nil
	case key.Matches(msg, ak.Add):
		a.open, a.editing = true, -1
		a.input.Prompt = "New activity: "
		a.input.SetValue("")
		return activityEdit{}, a.input.Focus()
	case key.Matches(msg, ak.Rename) && sel >= 0 && sel < len(a.list):
		a.open, a.editing = true, sel
		a.input.Prompt = "Rename to: "
		a.input.SetValue(a.list[sel])
		a.input.CursorEnd()
		return activityEdit{}, a.input.Focus()
	case key.Matches(msg, ak.Delete) && sel >= 0 && sel < len(a.list):
		gone := a.list[sel]
		next := slices.Delete(slices.Clone(a.list), sel, sel+1)
		said := "Deleted " + gone + " from the list."
		if n := a.uses[gone]; n > 0 {
			said += fmt.Sprintf(" %s keep it.", plural(n, "note"))
		}
		return activityEdit{save: next, said: said}, nil
	case key.Matches(msg, ak.Accept) && sel >= len(a.list):
		p := a.proposed[sel-len(a.list)]
		return activityEdit{save: append(slices.Clone(a.list), p), said: "Accepted " + p + " into the list."}, nil
	default:
		// n is a new activity here, so N is the only way to the next match.
		_, cmd := a.items.update(msg)
		return activityEdit{}, cmd
	}
}

// saved takes the list as stored, keeping the selection in range.
func (a *activityEditor) saved(list []string, notes []*session.Note) {
	a.list = slices.Clone(list)
	a.propose(notes)
}

func (a *activityEditor) view(w, rows int, sty *Styles) string {
	a.w, a.room = w, rows
	if a.keysShown() {
		return a.help.view(sty, a.allKeys(), w, rows)
	}
	sel := a.items.selected()
	// A page is about a screen of one-line rows.
	a.items.setPage(rows - 3)
	var lines []string
	lines = append(lines, sty.Header.Render("Security activities of this session")+sty.Muted.Render(fmt.Sprintf(" (%d)", len(a.list))))
	for i := 0; i < a.rows(); i++ {
		var text string
		if i < len(a.list) {
			text = a.list[i]
			if n := a.uses[text]; n > 0 {
				text += fmt.Sprintf(" · %s", plural(n, "note"))
			}
		} else {
			if i == len(a.list) {
				lines = append(lines, "", sty.Header.Render("Proposed by participants")+sty.Muted.Render(" (enter accepts one)"))
			}
			p := a.proposed[i-len(a.list)]
			text = fmt.Sprintf("%s · %s", p, plural(a.uses[p], "note"))
		}
		prefix := "  "
		if i == sel {
			prefix = "▸ "
		}
		for j, l := range wrap(text, max(w-2, 8)) {
			if j > 0 {
				prefix = "  "
			}
			l = prefix + l
			if i == sel {
				l = sty.Selected.Render(l)
			}
			lines = append(lines, l)
		}
	}
	if len(a.list) == 0 {
		lines = append(lines, sty.Muted.Render("No activities: participants then write notes about no activity in particular."))
	}
	if a.open {
		a.input.Width = max(w-len(a.input.Prompt)-2, 10)
		lines = append(lines, "", a.input.View())
		if a.refused != "" {
			for _, l := range wrap(a.refused, w) {
				lines = append(lines, sty.Error.Render(l))
			}
		}
	}
	// The search input, or what the last search said, stays under the list.
	var tail []string
	if v := a.items.inputView(w, sty); v != "" && !a.open {
		tail = append([]string{""}, strings.Split(v, "\n")...)
	}
	// Keep the selected line in sight.
	if room := max(rows-len(tail), 1); len(lines) > room {
		at := 0
		for i, l := range lines {
			if strings.HasPrefix(l, "▸") || strings.Contains(l, "▸ ") {
				at = i
			}
		}
		start := min(max(at-room/2, 0), len(lines)-room)
		if a.open {
			start = len(lines) - room
		}
		lines = lines[start : start+room]
	}
	lines = append(lines, tail...)
	return strings.Join(lines, "\n") + "\n"
}

func (a *activityEditor) keys() []key.Binding {
	if a.open {
		return []key.Binding{pk.Save, pk.Cancel}
	}
	if a.items.open() {
		return a.items.keys()
	}
	// "?" comes first, as on the board, so that it survives a narrow key line.
	ks := []key.Binding{bk.Help, ak.Add, ak.Rename, ak.Delete}
	if len(a.proposed) > 0 {
		ks = append(ks, ak.Accept)
	}
	return append(ks, lk.Search, ak.Close)
}

// allKeys are the keys the key list (?) shows: those of the key line and the
// list's own.
func (a *activityEditor) allKeys() []key.Binding {
	return append(a.keys()[1:], lk.Select, lk.Page, lk.Ends)
}

// keysShown reports whether the list shows its keys (?) in place of itself.
func (a *activityEditor) keysShown() bool { return a.help.shown }
