package tui_test

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/tui"
)

// At 40x14, once a note is saved, the two-line status, the box and the lanes did not
// fit: two of the three header lines scrolled off the top and the saved note was
// not in view. The blank lines, the count of characters and the rest of the status
// give way instead: the header stays, and so do the notes just saved.
func TestNarrowScreenKeepsHeaderAndSavedNote(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	p := w.openSized(tui.Options{KeyHash: me.KeyHash, Code: sess.Code}, 40, 14)
	p.waitFor("New note in Strengths")
	check := func(notes ...string) {
		t.Helper()
		v := p.view()
		requireFitsIn(t, v, 40, 14)
		lines := strings.Split(v, "\n")
		if len(lines) < 3 || !strings.HasPrefix(lines[0], "charter ") || !strings.Contains(lines[1], "Write notes") || !strings.HasPrefix(lines[2], "────") {
			t.Errorf("the header is not the top three lines:\n%s", v)
		}
		for _, n := range notes {
			if !strings.Contains(v, n) {
				t.Errorf("the note %q is not in view:\n%s", n, v)
			}
		}
	}
	p.keys("pen tests come too late")
	p.press(tea.KeyEnter)
	p.waitFor("Saved. Your note is stored")
	check("▸ pen tests come too late")

	p = w.openSized(tui.Options{KeyHash: me.KeyHash, Code: sess.Code}, 40, 14)
	p.waitFor("New note in Strengths")
	p.keys("champions meet monthly")
	p.press(tea.KeyEnter)
	p.waitFor("Saved. Your note is stored")
	check("pen tests come too late", "▸ champions meet monthly")
}

// At 40x14 in the security activities, with the box open for the next note, the
// status of a note saved under an activity took two or three lines, and the note
// just saved was off screen: from the second note on, the one row left for the
// notes said "… 2 notes" instead. The status says it shorter where it would not
// leave the note a row, and one row shows the note, not the count; the box, its
// title and the key line stay. At 80x24 the status is said whole beside every
// note.
func TestNarrowActivitiesKeepTheNoteJustSaved(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	notes := []struct{ text, shown, said string }{
		{"pen testing is valuable, keep it", "▸ [pen testing] pen testing", "Saved under pen testing"},
		{"SAST findings are mostly noise", "▸ [code scanning (SAST)] SAST", "Saved under code scanning (SAST)"},
		{"threat modelling in design reviews", "▸ [threat modelling] threat", "Saved under threat modelling"},
	}
	for _, n := range notes {
		// Each on a terminal of its own: view ends the program.
		p := w.openSized(tui.Options{KeyHash: me.KeyHash, Code: sess.Code}, 40, 14)
		p.waitDrawn("New note in Strengths") // loaded: the box is open
		p.press(tea.KeyTab)                  // Security activities
		p.waitFor("New note in Keep")
		p.paste(n.text)
		p.press(tea.KeyEnter)
		p.waitFor(n.said)
		v := p.view()
		requireFitsIn(t, v, 40, 14)
		if !strings.HasPrefix(v, "charter ") || !strings.Contains(v, "New note in Keep") || !strings.Contains(v, "╰") || !strings.Contains(v, "↑/↓ your notes") {
			t.Errorf("after %q the head, the box or the key line is not in view:\n%s", n.text, v)
		}
		if !strings.Contains(v, n.shown) {
			t.Errorf("the note just saved, %q, is not in view:\n%s", n.text, v)
		}
	}

	p := w.openAsParticipant(sess, me)
	p.waitDrawn("New note in Strengths")
	p.press(tea.KeyTab)
	p.waitFor("New note in Keep")
	p.paste("keep the security guild meetings")
	p.press(tea.KeyEnter)
	p.waitFor("Saved under security guild, which your note names; esc, enter, a changes that.")
	v := p.view()
	requireFits(t, v)
	for _, n := range append(notes, struct{ text, shown, said string }{shown: "▸ [security guild] keep the security guild meetings"}) {
		if n.text != "" && !strings.Contains(v, n.text) || !strings.Contains(v, strings.TrimPrefix(n.shown, "▸ ")) {
			t.Errorf("at 80x24 the note %q is not in view:\n%s", n.shown, v)
		}
	}
}
