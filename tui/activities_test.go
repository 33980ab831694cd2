package tui_test

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// TestActivityListPagesAndSearches gives a session more activities than the board
// has room for: End, Home and PgDn move through them, / finds one and e renames
// the one found.
func TestActivityListPagesAndSearches(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, _ := w.writingParticipant()
	var acts []string
	for i := range 30 {
		acts = append(acts, fmt.Sprintf("Activity %02d", i+1))
	}
	acts = append(acts, "Chaos days")
	if err := w.svc.SetActivities(w.ctx, sess.ID, acts); err != nil {
		t.Fatal(err)
	}
	b := w.openBoard(sess)
	b.keys("a")
	b.waitFor("Security activities of this session (31)", "▸ Activity 01")
	if b.everDrawn("Chaos days") {
		t.Error("the last of 31 activities shows before scrolling")
	}
	b.press(tea.KeyEnd)
	b.waitFor("▸ Chaos days")
	b.press(tea.KeyHome)
	b.waitFor("▸ Activity 01")

	// The search takes every key while open: e and n are letters here.
	b.keys("/chaos")
	b.waitFor("▸ Chaos days", "/chaos")
	b.press(tea.KeyEnter)
	b.keys("e")
	b.waitFor("Rename to: Chaos days")
	b.press(tea.KeyEsc)
	b.keys("/zzz")
	b.waitFor("No match for “zzz”.")
	b.press(tea.KeyEsc)
	b.press(tea.KeyHome)
	b.press(tea.KeyPgDown)
	v := b.view()
	requireFits(t, v)
	m := regexp.MustCompile(`▸ Activity (\d+)`).FindStringSubmatch(v)
	if m == nil {
		t.Fatalf("no activity selected after PgDn:\n%s", v)
	}
	if n, _ := strconv.Atoi(m[1]); n < 5 {
		t.Errorf("PgDn from the first activity selected activity %d, not a page further:\n%s", n, v)
	}
	if strings.Contains(v, "No match") {
		t.Errorf("esc leaves the search's message:\n%s", v)
	}
}

// Renaming an activity to one the list has already, or adding it again, is
// refused in the prompt, saying so: the board said "Renamed code scanning (SAST)
// to pen testing." and the list lost an activity, the two folded into one.
func TestActivityNameOnTheListIsRefused(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, _ := w.writingParticipant()
	if err := w.svc.SetActivities(w.ctx, sess.ID, []string{"code scanning (SAST)", "pen testing"}); err != nil {
		t.Fatal(err)
	}
	b := w.openBoard(sess)
	b.keys("a")
	b.waitFor("Security activities of this session (2)", "▸ code scanning (SAST)")
	b.keys("e")
	b.waitFor("Rename to: code scanning (SAST)")
	b.press(tea.KeyCtrlU)
	b.keys("Pen Testing")
	b.press(tea.KeyEnter)
	b.waitFor("“pen testing” is on the list already")
	b.press(tea.KeyEsc)
	b.keys("n")
	b.waitFor("New activity:")
	b.keys("pen testing")
	b.press(tea.KeyEnter)
	b.waitFor("“pen testing” is on the list already")
	// The name's own case may change.
	b.press(tea.KeyEsc)
	b.keys("e")
	b.press(tea.KeyCtrlU)
	b.keys("Code scanning (SAST)")
	b.press(tea.KeyEnter)
	b.waitFor("Renamed code scanning (SAST) to Code scanning (SAST).")
	v := b.view()
	requireFits(t, v)
	got, err := w.svc.Session(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"Code scanning (SAST)", "pen testing"}; !slices.Equal(got.Activities, want) {
		t.Errorf("activities %q, want %q", got.Activities, want)
	}
}
