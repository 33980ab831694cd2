package tui

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
)

// noteReader shows one note whole, wrapped to the width and scrolled when it is
// longer than the screen: a list line cuts a long note off.
type noteReader struct {
	note  *session.Note
	theme string // the note's theme, if it has one
	// notes, when set, are a whole theme's notes (theme its name), shown one
	// after the other instead of note.
	notes []*session.Note
	// intro, when set, is shown before the notes (an action point, whole), under
	// the header head.
	intro []string
	head  string
	// star is the note that stands for the theme (0: none), listed first and
	// marked ★ as under the theme in the list.
	star int64
	top  int // the first line shown
	page int // lines shown at once, as last drawn
}

var rk = struct{ Scroll, Close key.Binding }{
	Scroll: key.NewBinding(key.WithKeys("up", "down", "k", "j", "pgup", "pgdown", "home", "end"), key.WithHelp("↑/↓ pgup/pgdn", "scroll")),
	Close:  key.NewBinding(key.WithKeys("esc", "enter", "q"), key.WithHelp("esc/enter", "back to the list")),
}

func newNoteReader(n *session.Note, theme string) *noteReader {
	return &noteReader{note: n, theme: theme, page: 10}
}

// newThemeReader shows every note of the theme named theme, whole, the one that
// stands for it (star) first.
func newThemeReader(theme string, notes []*session.Note, star int64) *noteReader {
	if i := slices.IndexFunc(notes, func(n *session.Note) bool { return n.ID == star }); i > 0 {
		notes = append(append([]*session.Note{notes[i]}, notes[:i]...), notes[i+1:]...)
	} else if i < 0 {
		star = 0
	}
	return &noteReader{theme: theme, notes: notes, star: star, page: 10}
}

// newActionReader shows action point a whole, then the notes of its theme (named
// theme; none when it has no theme).
func newActionReader(a *session.ActionPoint, theme string, notes []*session.Note) *noteReader {
	intro := []string{a.Title, fmt.Sprintf("priority %s · status %s", session.PriorityName(a.Priority), a.Status)}
	owner := "no owner yet (o sets one)"
	if a.Owner != "" {
		owner = "owner " + a.Owner
	}
	if a.Due != "" {
		owner += " · due " + a.Due
	}
	intro = append(intro, owner)
	if len(a.Volunteers) > 0 {
		intro = append(intro, "volunteers: "+strings.Join(a.Volunteers, ", "))
	} else {
		intro = append(intro, "nobody has volunteered yet")
	}
	head := "Action point"
	if theme != "" {
		head += " of " + theme
		intro = append(intro, "", fmt.Sprintf("The theme's %s:", plural(len(notes), "note")))
	}
	return &noteReader{head: head, theme: theme, notes: notes, intro: intro, page: 10}
}

func (r *noteReader) keys() []key.Binding { return []key.Binding{rk.Scroll, rk.Close} }

// update scrolls, and reports whether the reader is to close.
func (r *noteReader) update(msg tea.KeyMsg) bool {
	if key.Matches(msg, rk.Close) {
		return true
	}
	scrollPage(&r.top, r.page, msg)
	return false
}

// scrollPage moves the top line of a page of text for a scroll key (↑/↓, k/j,
// PgUp/PgDn by page lines, Home/End); other keys leave it. The page's view keeps the
// top within the text.
func scrollPage(top *int, page int, msg tea.KeyMsg) {
	switch msg.String() {
	case "up", "k":
		*top = max(*top-1, 0)
	case "down", "j":
		*top++
	case "pgup":
		*top = max(*top-page, 0)
	case "pgdown":
		*top += page
	case "home":
		*top = 0
	case "end":
		*top = math.MaxInt32
	}
}

func (r *noteReader) view(w, room int, sty *Styles) string {
	var b strings.Builder
	var lines []string
	if r.notes != nil || r.intro != nil {
		head := fmt.Sprintf("%s · %s", r.theme, plural(len(r.notes), "note"))
		if r.head != "" {
			head = r.head
		}
		b.WriteString(sty.Header.Render(fit(head, w)) + "\n")
		for _, l := range r.intro {
			lines = append(lines, wrap(l, max(w-2, 8))...)
		}
		for i, n := range r.notes {
			if i > 0 || r.intro != nil {
				lines = append(lines, "")
			}
			text := "[" + noteTag(n, 0) + "] " + n.Text
			if n.Hidden {
				text += " (hidden)"
			}
			lead := "• "
			if n.ID == r.star {
				lead = "★ "
			}
			lines = append(lines, wrapHanging(lead+text, max(w-2, 8), 2)...)
		}
	} else {
		n := r.note
		head := "Note [" + noteTag(n, 0) + "]"
		if r.theme != "" {
			head += " in " + r.theme
		}
		if n.Hidden {
			head += " (hidden)"
		}
		b.WriteString(sty.Header.Render(fit(head, w)) + "\n")
		for _, para := range strings.Split(n.Text, "\n") {
			lines = append(lines, wrap(para, max(w-2, 8))...)
		}
	}
	rows := max(room-2, 1)
	r.page = rows
	r.top = min(r.top, max(len(lines)-rows, 0))
	end := min(r.top+rows, len(lines))
	for _, l := range lines[r.top:end] {
		b.WriteString("  " + l + "\n")
	}
	if len(lines) > rows {
		b.WriteString(sty.Muted.Render(fmt.Sprintf("lines %d-%d of %d", r.top+1, end, len(lines))) + "\n")
	}
	return b.String()
}
