package tui_test

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/tui"
)

// TestActivityPickerPagesAndFilters gives the participant's activity picker more
// activities than it has room for: End, Home and PgDn move through them, and letters
// (j and k included) filter instead of moving.
func TestActivityPickerPagesAndFilters(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	var acts []string
	for i := range 30 {
		acts = append(acts, fmt.Sprintf("Activity %02d", i+1))
	}
	acts = append(acts, "Chaos days", "Jk drills")
	if err := w.svc.SetActivities(w.ctx, sess.ID, acts); err != nil {
		t.Fatal(err)
	}
	p := w.openAsParticipant(sess, me)
	openPicker(p)
	if p.everDrawn("Jk drills") {
		t.Error("the last of 33 entries shows before scrolling")
	}
	p.press(tea.KeyEnd)
	p.waitFor("▸ Jk drills")
	p.press(tea.KeyHome)
	p.waitFor("▸ no activity chosen")

	p.keys("jk")
	p.waitFor("▸ Jk drills", "propose")
	p.press(tea.KeyBackspace)
	p.press(tea.KeyBackspace)
	p.waitFor("▸ no activity chosen")
	p.press(tea.KeyPgDown)
	v := p.view()
	requireFits(t, v)
	m := regexp.MustCompile(`▸ Activity (\d+)`).FindStringSubmatch(v)
	if m == nil {
		t.Fatalf("no activity selected after PgDn:\n%s", v)
	}
	if n, _ := strconv.Atoi(m[1]); n < 3 {
		t.Errorf("PgDn from the first entry selected activity %d, not a page further:\n%s", n, v)
	}
	if !strings.Contains(v, "more (type to narrow)") {
		t.Errorf("the picker does not say more entries follow:\n%s", v)
	}
}

// The activity picker's filter takes the note box's ctrl+w and ctrl+u: pressed out
// of habit and ignored, the letters typed next went onto the old filter and proposed
// an activity nobody meant.
func TestActivityPickerFilterDeletesWordsAndAll(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	p := w.openAsParticipant(sess, me)
	openPicker(p)
	p.keys("zz chaos")
	p.waitFor("propose “zz chaos”")
	p.press(tea.KeyCtrlW)
	p.waitFor("propose “zz”")
	p.press(tea.KeyCtrlU)
	p.waitFor("▸ no activity chosen")
	p.keys("pen")
	p.waitFor("▸ pen testing")
	if p.everDrawn("zzpen") {
		t.Errorf("the letters went onto the old filter:\n%s", p.view())
	}
}

// An activity may have session.MaxTopicLen characters, whatever script it is in:
// the filter stopped at 80 bytes, 27 characters of Japanese, and took 80 of ASCII
// that enter then refused.
func TestActivityPickerFilterCountsCharacters(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ name, typed, want string }{
		{"japanese", strings.Repeat("脅威", session.MaxTopicLen/2), strings.Repeat("脅威", session.MaxTopicLen/2)},
		{"ascii", strings.Repeat("a", session.MaxTopicLen+10), strings.Repeat("a", session.MaxTopicLen)},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			w := newWorld(t)
			sess, me := w.writingParticipant()
			p := w.openAsParticipant(sess, me)
			openPicker(p)
			p.keys(c.typed)
			p.press(tea.KeyEnter)
			p.waitFor("Proposed: the facilitator sees it on your notes")
			p.waitDrawn("New note in Keep")
			p.keys("a note on it")
			p.press(tea.KeyEnter)
			p.waitFor("Saved")
			ns := w.notes(sess)
			if len(ns) != 1 || ns[0].Activity != c.want {
				var got []string
				for _, n := range ns {
					got = append(got, n.Activity)
				}
				t.Fatalf("stored notes about %q, want one about %q", got, c.want)
			}
		})
	}
}

// A filter longer than the line shows its end, where the typing is, with "…" for
// what went before: cut at its end, the letters being typed were out of sight.
func TestActivityPickerFilterShowsItsEnd(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	p := w.openAsParticipant(sess, me)
	openPicker(p)
	// Forty characters two cells wide each: wider than the line's 63 cells.
	p.keys(strings.Repeat("脅威", 19) + "最後")
	p.waitDrawn("最後▏")
	l := lineWith(p.view(), "type to filter: ")
	if !strings.Contains(l, "type to filter: …") || !strings.HasSuffix(strings.TrimRight(l, " "), "最後▏") {
		t.Errorf("the filter line %q does not end with what was typed last", l)
	}
	requireFits(t, p.view())
}

// openPicker opens the activity picker of Security activities on a participant's
// screen with no notes yet.
func openPicker(p *term) {
	p.t.Helper()
	p.waitFor("You have no notes here yet.")
	p.waitDrawn("New note in Strengths") // loaded: the box is open
	p.press(tea.KeyTab)                  // Security activities
	p.waitFor("no activity chosen: a note goes under the one it names")
	p.press(tea.KeyEsc) // the box of a new note closed for the list's keys
	p.waitFor("type new note")
	p.keys("a")
	p.press(tea.KeyEnter)
	p.waitFor("type to filter", "▸ no activity chosen")
}

// At 40x14 the activity picker was a line taller than the screen: the title bar
// (session, timer, phase) scrolled off the top. The list gives up the line.
func TestActivityPickerKeepsTheHeaderOnANarrowScreen(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	p := w.openSized(tui.Options{KeyHash: me.KeyHash, Code: sess.Code}, 40, 14)
	p.waitDrawn("New note in Strengths") // loaded: the box is open
	p.press(tea.KeyTab)                  // Security activities
	p.waitFor("New note in Keep")
	p.press(tea.KeyEsc)
	p.waitFor("a activity")
	p.keys("a")
	p.press(tea.KeyEnter)
	p.waitFor("type to filter", "▸ no activity chosen")
	v := p.view()
	requireFitsIn(t, v, 40, 14)
	if head := strings.SplitN(v, "\n", 2)[0]; !strings.HasPrefix(head, "charter ") || !strings.Contains(head, "WRITE") {
		t.Errorf("the title bar is not the top line:\n%s", v)
	}
	if !strings.Contains(v, "more (type to narrow)") {
		t.Errorf("the picker does not say more activities follow:\n%s", v)
	}
}
