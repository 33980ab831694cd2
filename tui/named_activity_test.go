package tui_test

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/tui"
)

// A note written in the security activities with no activity chosen goes under
// the one its words name, and the writer is told so in plain words, with the way
// to change it: a on that note, read whole, chooses what it is about. The screen says "no
// activity chosen" alike above the notes and over the box (it said "any
// activity" above, "no activity chosen" below, in one state).
func TestNoteSavedUnderTheActivityItNamesSaysSo(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	p := w.openAsParticipant(sess, me)
	p.waitFor("You have no notes here yet.")
	p.waitDrawn("New note in Strengths") // loaded: the box is open
	p.press(tea.KeyTab)                  // Security activities
	p.waitFor("no activity chosen: a note goes under the one it names (esc, a to choose)", "New note in Keep · no activity chosen (esc, a)")
	p.paste("pen testing is valuable, keep it")
	p.press(tea.KeyEnter)
	p.waitFor("Saved under pen testing, which your note names; esc, enter, a changes that.")
	ns := w.notes(sess)
	if len(ns) != 1 || ns[0].Activity != "pen testing" {
		t.Fatalf("stored %+v, want one note under pen testing", ns)
	}
	if p.everDrawn("any activity") {
		t.Error(`the screen said "any activity" beside "no activity chosen"`)
	}

	// Not what the writer meant: a on the note read whole chooses its
	// activity, here none.
	p.press(tea.KeyEsc)   // the box open for the next note, still with none chosen
	p.press(tea.KeyEnter) // the note just saved, selected, read whole
	p.waitFor("Your note", "a its activity")
	p.keys("a")
	p.waitFor("What is your note about?", "▸ pen testing")
	p.press(tea.KeyHome)
	p.waitFor("▸ no activity")
	p.press(tea.KeyEnter)
	p.waitFor("Your note is about no activity now.")
	ns = w.notes(sess)
	if len(ns) != 1 || ns[0].Activity != "" || ns[0].Text != "pen testing is valuable, keep it" {
		t.Fatalf("stored %+v, want the note as written, about no activity", ns)
	}

	// The next note with none chosen: the activity it names is its own, not
	// carried over from the last. Typed on the list, it begins a note.
	p.press(tea.KeyEsc) // back to the list
	p.waitFor("type new note")
	p.paste("bug bounties find what scanners miss")
	p.press(tea.KeyEnter)
	p.waitFor("Saved under bug bounty, which your note names")
	for _, n := range w.notes(sess) {
		if want := map[string]string{"pen testing is valuable, keep it": "", "bug bounties find what scanners miss": "bug bounty"}[n.Text]; n.Activity != want || n.Area != session.AreaActivities {
			t.Errorf("%q stored in %s under %q, want under %q", n.Text, n.Area, n.Activity, want)
		}
	}
}

// At 40x14 the status of a note saved under the activity it names takes three
// lines, and with the box open for the next note the title bar went off the top:
// the line of what new notes are about gives way, the box's title says it too,
// and the status is said in two lines, which leave the note a row (see
// TestNarrowActivitiesKeepTheNoteJustSaved).
func TestNarrowScreenKeepsHeaderWhenANoteGoesUnderItsActivity(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	p := w.openSized(tui.Options{KeyHash: me.KeyHash, Code: sess.Code}, 40, 14)
	p.waitDrawn("New note in Strengths") // loaded: the box is open
	p.press(tea.KeyTab)                  // Security activities
	p.waitFor("no activity chosen (esc, a to choose)")
	p.paste("SAST findings are mostly noise")
	p.press(tea.KeyEnter)
	p.waitFor("Saved under code scanning (SAST), which")
	v := p.view()
	requireFitsIn(t, v, 40, 14)
	lines := strings.Split(v, "\n")
	if len(lines) < 3 || !strings.HasPrefix(lines[0], "charter ") || !strings.Contains(lines[1], "Write notes") || !strings.HasPrefix(lines[2], "────") {
		t.Errorf("the header is not the top three lines:\n%s", v)
	}
	if !strings.Contains(v, "it names; esc, enter, a changes that.") || !strings.Contains(v, "New note in Keep") || !strings.Contains(v, "▸ [code scanning (SAST)] SAST") {
		t.Errorf("the status, the note or the box's title is not in view:\n%s", v)
	}
}

// A note that names two activities goes under none, and its writer is told which
// it names: the plain "Saved." read as if the words had named none (found trying
// it).
func TestNoteNamingTwoActivitiesSaysWhichItNames(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	p := w.openAsParticipant(sess, me)
	p.waitFor("You have no notes here yet.")
	p.waitDrawn("New note in Strengths")
	p.press(tea.KeyTab) // Security activities
	p.waitFor("New note in Keep · no activity chosen (esc, a)")
	p.paste("bug bounty and pen testing both")
	p.press(tea.KeyEnter)
	p.waitFor("Saved under no activity: your note names", "a chooses one.")
	v := strings.Join(strings.Fields(p.view()), " ")
	if !strings.Contains(v, "pen testing") || !strings.Contains(v, "bug bounty") {
		t.Errorf("the status does not name both activities:\n%s", v)
	}
	if ns := w.notes(sess); len(ns) != 1 || ns[0].Activity != "" {
		t.Fatalf("stored %+v, want one note under no activity", ns)
	}
}

// In the reveal everyone sees the activities proposed, and a on one's note offers
// them beside the list's: typed in another case than another participant's, it is
// theirs, offered as it is before enter (the picker offered to propose it, and
// only the status said afterwards that it joined theirs), and the writer is told
// the spelling their note is under (it stood apart, a second activity on every
// screen).
func TestActivityChosenForANoteInTheRevealIsTheOneThere(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	other := w.join(sess, "key-2", "")
	if _, err := w.svc.AddNote(w.ctx, other.ID, session.Note{Area: session.AreaActivities, Lane: "keep", Activity: "Container Scanning", Text: "scan the images in CI"}); err != nil {
		t.Fatal(err)
	}
	w.addNote(me, session.AreaActivities, "add", "scan the registry too")
	w.setPhase(sess, session.PhaseReveal)
	p := w.openAsParticipant(sess, me)
	p.waitDrawn("New note in Strengths") // loaded: the box is open
	p.press(tea.KeyTab)                  // Security activities
	p.waitFor("scan the images in CI")
	p.press(tea.KeyEsc) // the box of a new note closed for the list's keys
	p.press(tea.KeyRight)
	p.waitFor("scan the registry too")
	p.press(tea.KeyEnter) // read whole
	p.waitFor("Your note", "a its activity")
	p.keys("a")
	p.waitFor("What is your note about?")
	p.keys("container scanning")
	p.waitFor("▸ Container Scanning (proposed)")
	p.press(tea.KeyEnter)
	p.waitFor("Your note is under Container Scanning now.")
	if p.everDrawn("propose “container scanning”") {
		t.Error("the picker offered to propose an activity proposed already")
	}
	for _, n := range w.notes(sess) {
		if n.Activity != "Container Scanning" {
			t.Errorf("%q is stored under %q, want Container Scanning", n.Text, n.Activity)
		}
	}
}

// Before the reveal the picker offers the activities a participant proposed on
// their own notes, never another's: it would tell them what someone else wrote.
func TestActivityPickerOffersNoOtherProposalBeforeTheReveal(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	other := w.join(sess, "key-2", "")
	if _, err := w.svc.AddNote(w.ctx, other.ID, session.Note{Area: session.AreaActivities, Lane: "keep", Activity: "Container Scanning", Text: "scan the images in CI"}); err != nil {
		t.Fatal(err)
	}
	if _, err := w.svc.AddNote(w.ctx, me.ID, session.Note{Area: session.AreaActivities, Lane: "add", Activity: "Chaos days", Text: "break staging on purpose"}); err != nil {
		t.Fatal(err)
	}
	p := w.openAsParticipant(sess, me)
	p.waitDrawn("New note in Strengths") // loaded: the box is open
	p.press(tea.KeyTab)                  // Security activities
	p.waitFor("New note in Keep")
	p.press(tea.KeyEsc) // the box of a new note closed for the list's keys
	p.waitFor("type new note")
	p.keys("a")
	p.waitFor("Choose the activity of your notes here?")
	p.press(tea.KeyEnter)
	p.waitFor("What are your new notes about?")
	p.keys("c")
	p.waitFor("Chaos days (proposed)")
	p.keys("ontainer")
	p.waitFor("▸ propose “container”")
	if p.everDrawn("Container Scanning") {
		t.Error("before the reveal the picker offered another participant's proposal")
	}
}

// A note filed under the activity its words name is filed again when its writer
// changes the words to name another, and they are told so as on a new note: it
// stayed under the activity the old words named. An activity the writer chose
// stays whatever the words say.
func TestEditedNoteGoesUnderTheActivityItNamesNow(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	n, err := w.svc.AddNote(w.ctx, me.ID, session.Note{Area: session.AreaActivities, Lane: "keep", Text: "pen testing is valuable"})
	if err != nil {
		t.Fatal(err)
	}
	p := w.openAsParticipant(sess, me)
	p.waitDrawn("New note in Strengths") // loaded: the box is open
	p.press(tea.KeyTab)                  // Security activities
	p.waitFor("▸ [pen testing] pen testing is valuable")
	p.press(tea.KeyEsc) // the box of a new note closed for the list's keys
	p.waitFor("type new note")
	p.keys("e")
	p.press(tea.KeyEnter) // asked, as a letter may begin a note
	p.waitFor("Edit your note")
	p.press(tea.KeyCtrlU)
	p.paste("threat modelling is valuable")
	p.press(tea.KeyEnter)
	p.waitFor("Saved your change under threat modelling, which your note names now; enter, a")
	if got := w.notes(sess); len(got) != 1 || got[0].Activity != "threat modelling" {
		t.Fatalf("stored %+v, want the note under threat modelling", got)
	}

	// Chosen (here the activity its words name), it stays.
	p.press(tea.KeyEnter) // the note just saved, selected, read whole
	p.waitFor("Your note", "a its activity")
	p.keys("a")
	p.waitFor("What is your note about?", "▸ threat modelling")
	p.press(tea.KeyEnter)
	p.waitFor("Your note is under threat modelling now.")
	p.press(tea.KeyEsc) // back to the list
	p.waitFor("type new note")
	p.keys("e")
	p.press(tea.KeyEnter) // asked, as a letter may begin a note
	p.waitFor("Edit your note")
	p.press(tea.KeyCtrlU)
	p.paste("bug bounties are valuable")
	p.press(tea.KeyEnter)
	p.waitFor("Saved your change.")
	if got := w.notes(sess); len(got) != 1 || got[0].ID != n.ID || got[0].Activity != "threat modelling" || got[0].Text != "bug bounties are valuable" {
		t.Fatalf("stored %+v, want the note changed, under threat modelling as chosen", got)
	}
	if p.everDrawn("under bug bounty") {
		t.Error("the screen said the note went under the activity its words name, chosen otherwise")
	}
}
