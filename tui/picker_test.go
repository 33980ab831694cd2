package tui_test

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
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
	p.waitFor("You have no notes here yet.")
	p.press(tea.KeyTab) // Security activities
	p.waitFor("new notes are about: any activity")
	p.keys("a")
	p.waitFor("type to filter", "▸ any activity")
	if p.everDrawn("Jk drills") {
		t.Error("the last of 33 entries shows before scrolling")
	}
	p.press(tea.KeyEnd)
	p.waitFor("▸ Jk drills")
	p.press(tea.KeyHome)
	p.waitFor("▸ any activity")

	p.keys("jk")
	p.waitFor("▸ Jk drills", "propose")
	p.press(tea.KeyBackspace)
	p.press(tea.KeyBackspace)
	p.waitFor("▸ any activity")
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
	p.waitFor("You have no notes here yet.")
	p.press(tea.KeyTab) // Security activities
	p.waitFor("new notes are about: any activity")
	p.keys("a")
	p.waitFor("type to filter", "▸ any activity")
	p.keys("zz chaos")
	p.waitFor("propose “zz chaos”")
	p.press(tea.KeyCtrlW)
	p.waitFor("propose “zz”")
	p.press(tea.KeyCtrlU)
	p.waitFor("▸ any activity")
	p.keys("pen")
	p.waitFor("▸ pen testing")
	if p.everDrawn("zzpen") {
		t.Errorf("the letters went onto the old filter:\n%s", p.view())
	}
}
