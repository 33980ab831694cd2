package tui_test

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/tui"
)

// At 40x14 the board kept its join line and lost its top: the first line read
// "code R79C-EZUX · join: ssh -p 25301 -t …" and, on the notes view, one note was
// left. The title and phase stay at the top; the join line and the counts give
// way, and a few notes stay in view.
func TestBoardKeepsItsTitleWhenShort(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)
	for i := range 6 {
		p := w.join(sess, fmt.Sprintf("key-%d", i), "")
		w.addNote(p, session.AreaOpen, "AI tools", fmt.Sprintf("note %d", i))
	}
	// view is the board at 40x14 on the tab its key opens, once it shows shows.
	view := func(tab, shows string) string {
		b := w.openSized(tui.Options{Facilitator: true, JoinHint: "ssh -p 2222 -t charter.example"}, 40, 14)
		b.waitFor(sess.Title)
		b.press(tea.KeyEnter)
		b.waitFor("1 Notes", "note 5")
		if tab != "1" { // the notes are the board's first tab
			b.keys(tab)
			b.waitFor(shows)
		}
		return b.view()
	}
	notes, people := view("1", "note 5"), view("2", "done")
	for name, v := range map[string]string{"people": people, "notes": notes} {
		requireFitsIn(t, v, 40, 14)
		if first := strings.Split(v, "\n")[0]; !strings.Contains(first, "Developers Berlin") || !strings.Contains(first, "WRITE") {
			t.Errorf("%s view: the first line is %q, not the title and phase:\n%s", name, first, v)
		}
	}
	if n := strings.Count(notes, "] note "); n < 3 {
		t.Errorf("notes view: %d notes in view, want 3 or more:\n%s", n, notes)
	}
}
