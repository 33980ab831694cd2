package tui_test

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
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

// Renaming an activity on the board renames it on the notes about it and for the
// participant whose new notes are about it: they stay about it. Renamed in the
// list alone, "threat modelling" went on as a participant's proposal with its
// notes, and the next note written on it carried the old name too.
func TestActivityRenameTakesItsNotes(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	other := w.join(sess, "key-2", "")
	if _, err := w.svc.AddNote(w.ctx, other.ID, session.Note{Area: session.AreaActivities, Lane: "keep", Activity: "threat modelling", Text: "threat models help"}); err != nil {
		t.Fatal(err)
	}
	p := aboutThreatModelling(w, sess, me)
	p.keys("first model")
	p.press(tea.KeyEnter)
	p.waitFor("Saved")

	b := w.openBoard(sess)
	b.keys("a")
	b.waitFor("threat modelling · 2 notes")
	b.keys("/threat")
	b.press(tea.KeyEnter)
	b.keys("e")
	b.press(tea.KeyCtrlU)
	b.keys("threat modeling")
	b.press(tea.KeyEnter)
	b.waitFor("Renamed threat modelling to threat modeling, on its 2 notes too.")
	b.waitDrawn("threat modeling · 2 notes")
	if v := b.view(); strings.Contains(v, "Proposed by participants") {
		t.Errorf("the renamed activity's notes are listed as a proposal:\n%s", v)
	}

	p.waitFor("new notes are about: threat modeling")
	p.keys("second model")
	p.press(tea.KeyEnter)
	p.waitFor("Saved")
	p.view()
	requireAllAbout(t, w, sess, "threat modeling")
}

// aboutThreatModelling opens the writing participant's screen in the security
// activities, with threat modelling chosen for new notes.
func aboutThreatModelling(w *world, sess *session.Session, me *session.Participant) *term {
	w.t.Helper()
	p := w.openAsParticipant(sess, me)
	p.waitFor("You have no notes here yet.")
	p.waitDrawn("New note in Strengths") // loaded: the box is open
	p.press(tea.KeyTab)
	p.press(tea.KeyEsc) // the box of a new note closed for the list's keys
	p.waitFor("type new note")
	p.keys("a")
	p.press(tea.KeyEnter)
	p.waitFor("type to filter")
	p.keys("threat")
	p.press(tea.KeyEnter)
	p.waitFor("new notes are about: threat modelling")
	return p
}

// requireAllAbout fails unless every note of the session is about activity.
func requireAllAbout(t *testing.T, w *world, sess *session.Session, activity string) {
	t.Helper()
	for _, n := range w.notes(sess) {
		if n.Activity != activity {
			t.Errorf("note %q is about %q, want %q", n.Text, n.Activity, activity)
		}
	}
}

// A note being edited when the board renames its activity keeps the new name when
// the edit is saved: the edit sent the name the note had when it began, and undid
// the rename on that note, listed as a proposal of the old name.
func TestActivityRenameFollowsANoteBeingEdited(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	p := aboutThreatModelling(w, sess, me)
	p.keys("first model")
	p.press(tea.KeyEnter)
	p.waitFor("Saved")
	p.press(tea.KeyUp) // from the box open for the next note to the list
	p.keys("e")
	p.press(tea.KeyEnter)
	p.waitFor("esc cancel")
	if err := w.svc.RenameActivity(w.ctx, sess.ID, "threat modelling", "threat modeling"); err != nil {
		t.Fatal(err)
	}
	p.waitFor("[threat modeling] first model")
	p.keys(" edited")
	p.press(tea.KeyEnter)
	p.waitFor("Saved your change.")
	requireAllAbout(t, w, sess, "threat modeling")
}

// A note left unsent with esc under an activity the board renames is sent under
// the new name: n went back to the place the text was written, old name and all.
func TestActivityRenameFollowsANoteLeftUnsent(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	p := aboutThreatModelling(w, sess, me)
	p.keys("a draft")
	p.press(tea.KeyEsc)
	p.waitFor("Not sent; n opens your text again.")
	if err := w.svc.RenameActivity(w.ctx, sess.ID, "threat modelling", "threat modeling"); err != nil {
		t.Fatal(err)
	}
	p.waitFor("new notes are about: threat modeling")
	p.keys("n")
	p.press(tea.KeyEnter)
	p.waitFor("Saved")
	requireAllAbout(t, w, sess, "threat modeling")
}
