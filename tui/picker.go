package tui

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
)

// picker is a short list to choose one item from, narrowed by typing: a person types
// a few letters of "threat modelling" instead of stepping through every activity.
type picker struct {
	items []string
	// others are items not on the list that are chosen already (activities
	// proposed on the notes a participant sees), listed after items with
	// "(proposed)" behind each: typed in another case, one is offered as it is,
	// not as a proposal of its own that the store then joined to it.
	others []string
	// none, when set, is a first entry that chooses nothing (e.g. "no activity chosen").
	none string
	// propose, when set, offers what was typed as a new item when no item is exactly
	// that, with this word in front (e.g. "propose").
	propose string
	filter  string
	// cursor selects among the entries; typed letters filter, so only the arrows,
	// PgUp/PgDn and Home/End reach it.
	cursor list
}

// pick is what a key did to a picker.
type pick struct {
	done, cancelled, proposed bool
	// value is the item chosen; empty for the none entry.
	value string
}

var pickerKeys = struct{ Filter, Select, Choose, Cancel key.Binding }{
	Filter: key.NewBinding(key.WithKeys("type"), key.WithHelp("type", "filter")),
	Select: key.NewBinding(key.WithKeys("up", "down", "pgup", "pgdown", "home", "end"), key.WithHelp("↑/↓", "select")),
	Choose: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "choose")),
	Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
}

// newPicker returns a picker over items and others (see picker) with current
// selected.
func newPicker(items, others []string, current, none, propose string) *picker {
	p := &picker{items: items, others: others, none: none, propose: propose, cursor: newList()}
	es := p.entries()
	p.cursor.setLen(len(es))
	for i, e := range es {
		// In any case and spacing: the reveal joins a proposal to the spelling
		// notes already had, and the one chosen before it was then not selected
		// (enter at once chose no activity).
		if current != "" && session.TopicKey(e.value) == session.TopicKey(current) && !e.proposed {
			// Selected, not scrolled to: the view scrolls it in once it knows its height.
			p.cursor.sel = i
		}
	}
	return p
}

// entry is one line of the list.
type entry struct {
	label, value string
	proposed     bool
}

// entries are the lines the filter leaves: the none entry while nothing is typed,
// items that start with the filter, items that contain it, then the proposal.
func (p *picker) entries() []entry {
	var out []entry
	// In any case and spacing, as the store compares names (session.TopicKey).
	f := session.TopicKey(p.filter)
	if p.none != "" && f == "" {
		out = append(out, entry{label: p.none})
	}
	exact := false
	var later []entry
	add := func(it, label string) {
		l := session.TopicKey(it)
		switch {
		case strings.HasPrefix(l, f):
			out = append(out, entry{label: label, value: it})
		case strings.Contains(l, f):
			later = append(later, entry{label: label, value: it})
		}
		// Typed in another case or spacing, an item is the one there: proposed, it
		// would be joined to it (session's listed and revealed spellings).
		exact = exact || l == f
	}
	for _, it := range p.items {
		add(it, it)
	}
	for _, it := range p.others {
		add(it, it+" (proposed)")
	}
	out = append(out, later...)
	if p.propose != "" && f != "" && !exact {
		v := strings.TrimSpace(p.filter)
		out = append(out, entry{label: p.propose + " “" + v + "”", value: v, proposed: true})
	}
	return out
}

// update handles a key; the picker is finished when done or cancelled is set.
func (p *picker) update(msg tea.KeyMsg) pick {
	switch msg.Type {
	case tea.KeyEsc:
		return pick{cancelled: true}
	case tea.KeyEnter:
		es := p.entries()
		p.cursor.setLen(len(es))
		if len(es) == 0 {
			return pick{}
		}
		e := es[p.cursor.selected()]
		return pick{done: true, value: e.value, proposed: e.proposed}
	case tea.KeyUp, tea.KeyDown, tea.KeyPgUp, tea.KeyPgDown, tea.KeyHome, tea.KeyEnd:
		p.cursor.setLen(len(p.entries()))
		p.cursor.update(msg)
	case tea.KeyBackspace:
		if r := []rune(p.filter); len(r) > 0 {
			p.filter = string(r[:len(r)-1])
			p.refilter()
		}
	case tea.KeyCtrlU:
		// The note box's keys, pressed here out of habit: ignored, the letters
		// typed next would go onto the old filter.
		p.filter = ""
		p.refilter()
	case tea.KeyCtrlW:
		f := strings.TrimRightFunc(p.filter, unicode.IsSpace)
		p.filter = f[:strings.LastIndexFunc(f, unicode.IsSpace)+1]
		p.refilter()
	case tea.KeyRunes, tea.KeySpace:
		for _, r := range msg.Runes {
			// Only what can be read: typed text is shown back.
			if unicode.IsPrint(r) && utf8.RuneCountInString(p.filter) < session.MaxTopicLen {
				p.filter += string(r)
			}
		}
		p.refilter()
	}
	return pick{}
}

// refilter selects the first of the entries a changed filter leaves.
func (p *picker) refilter() {
	p.cursor.setLen(len(p.entries()))
	p.cursor.selectRow(0)
}

// view draws the filter line and as many entries as fit in rows (with the line
// that says more follow), the selected one marked and kept in sight.
func (p *picker) view(w, rows int, sty *Styles) string {
	var b strings.Builder
	b.WriteString(sty.Muted.Render("type to filter: ") + fitEnd(p.filter, max(w-17, 1)) + "▏\n")
	es := p.entries()
	if len(es) == 0 {
		b.WriteString(sty.Muted.Render("nothing matches; backspace to widen") + "\n")
		return b.String()
	}
	rows = max(rows-1, 1)
	if len(es) > rows && rows > 1 {
		rows-- // the line that says more follow is one of the rows
	}
	p.cursor.setLen(len(es))
	p.cursor.setPage(rows)
	start, end := p.cursor.window(rows, 0)
	for i := start; i < end; i++ {
		line := "  " + es[i].label
		if i == p.cursor.selected() {
			line = sty.Selected.Render(fit("▸ "+es[i].label, w))
		} else {
			line = fit(line, w)
		}
		b.WriteString(line + "\n")
	}
	// What is out of sight, above as below: opened on the activity chosen, often
	// the last (a proposal), the list showed that one alone and a blank line.
	var more string
	switch above, below := start, len(es)-end; {
	case above > 0 && below > 0:
		more = fmt.Sprintf("  … %d above, %d more (type to narrow)", above, below)
	case above > 0:
		more = fmt.Sprintf("  … %d above (↑, or type to narrow)", above)
	case below > 0:
		more = fmt.Sprintf("  … %d more (type to narrow)", below)
	}
	if more != "" {
		b.WriteString(sty.Muted.Render(fit(more, w)) + "\n")
	}
	return b.String()
}

func (p *picker) keys() []key.Binding {
	return []key.Binding{pickerKeys.Choose, pickerKeys.Select, pickerKeys.Filter, pickerKeys.Cancel}
}
