package tui_test

import (
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/tui"
)

// A participant proposes an activity the list lacks; the facilitator accepts it.
func TestParticipantProposesAnActivity(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	p := w.openAsParticipant(sess, me)
	p.waitFor("You have no notes here yet.")
	p.waitDrawn("New note in Strengths") // loaded: the box is open
	p.press(tea.KeyTab)
	p.press(tea.KeyEsc) // the box of a new note closed for the list's keys
	p.waitFor("type new note")
	p.keys("a")
	p.press(tea.KeyEnter)
	p.waitFor("type to filter")
	p.keys("bug hunting days")
	p.waitFor("▸ propose “bug hunting days”")
	p.press(tea.KeyEnter)
	p.waitFor("Proposed: the facilitator sees it on your notes and may add it to the list.")
	p.waitDrawn("New note in Keep · about bug hunting days")
	p.keys("everyone hunts for a day")
	p.press(tea.KeyEnter)
	p.waitFor("Saved")
	// A second writer, so that the board gets the note (see session.MinBatchWriters).
	w.addNote(w.join(sess, "key-2", ""), session.AreaConfidence, "concern", "a note by someone else")

	b := w.openBoard(sess)
	b.keys("a")
	b.waitFor("Proposed by participants", "bug hunting days · 1 note")
	for range len(session.DefaultActivities) {
		b.press(tea.KeyDown)
	}
	b.waitFor("▸ bug hunting days")
	b.press(tea.KeyEnter)
	b.waitFor("Accepted bug hunting days into the list.")
	if got := w.session(sess.ID).Activities; !slices.Contains(got, "bug hunting days") || len(got) != len(session.DefaultActivities)+1 {
		t.Fatalf("activities after accepting: %q", got)
	}
}

// A long list is edited one activity at a time: nothing is cut (one line of 200
// characters once saved "bug" of "bug bounty"), and a name too long is refused with a
// message, the text kept to be shortened.
func TestActivityListKeepsLongNames(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, _ := w.writingParticipant()
	b := w.openBoard(sess)
	b.keys("a")
	b.waitFor("Security activities of this session (11)")
	b.keys("n")
	b.waitFor("New activity:")
	b.paste(strings.Repeat("threat modelling of the payment flows, ", 2))
	b.press(tea.KeyEnter)
	b.waitFor("An activity can be at most 60 characters")
	for range len("threat modelling of the payment flows, ") {
		b.press(tea.KeyBackspace)
	}
	b.paste("bug bounty")
	b.press(tea.KeyEnter)
	b.waitFor("Added threat modelling of the payment flows, bug bounty.")
	got := w.session(sess.ID).Activities
	if got[len(got)-1] != "threat modelling of the payment flows, bug bounty" || len(got) != 12 {
		t.Fatalf("activities %q, want the new one whole at the end", got)
	}
	requireFits(t, b.view())
}

func TestParticipantSeesTheirNoteHidden(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	n := w.addNote(me, session.AreaConfidence, "strength", "my honest note")
	p := w.openAsParticipant(sess, me)
	p.waitFor("▸ my honest note")
	if err := w.svc.HideNote(w.ctx, n.ID, true); err != nil {
		t.Fatal(err)
	}
	p.waitFor("my honest note (hidden by the facilitator)")
}

func TestCheckInWithArrowsAndEnter(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseCheckIn)
	me := w.join(sess, "key-1", "")
	p := w.openAsParticipant(sess, me)
	// No rating is chosen before the person chooses one: a cursor on the middle
	// would make enter a rating nobody gave, and pull answers towards it.
	p.waitFor("3  somewhat", "↑/↓ and enter")
	if v := p.view(); strings.Contains(v, "▸") {
		t.Fatalf("a rating is preselected:\n%s", v)
	}
	p = w.openAsParticipant(sess, me)
	p.waitFor("3  somewhat")
	p.press(tea.KeyEnter)
	p.waitFor("Choose a rating first")
	if w.participant(me.ID).Rating != 0 {
		t.Fatal("enter without a choice rated")
	}
	// ↓ comes in at the top of the list, ↑ at the bottom.
	p.press(tea.KeyDown)
	p.waitFor("▸ 5  fully")
	p.press(tea.KeyDown)
	p.waitFor("▸ 4  quite")
	if w.participant(me.ID).Rating != 0 {
		t.Fatal("moving the cursor rated")
	}
	p.press(tea.KeyEnter)
	p.waitFor("Your rating 4 is saved", "▸ 4  quite  ← your rating")
	if got := w.participant(me.ID).Rating; got != 4 {
		t.Fatalf("stored rating %d, want 4", got)
	}
	p.keys("2") // digits still work, and move the cursor
	p.waitFor("▸ 2  a little  ← your rating")
	requireFits(t, p.view())

	other := w.join(sess, "key-2", "")
	q := w.openAsParticipant(sess, other)
	q.waitFor("3  somewhat")
	q.press(tea.KeyUp)
	q.waitFor("▸ 1  not at all")
}

func TestParticipantTimeUpFlashesAndRingsOnce(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	if _, err := w.svc.ChangeTimer(w.ctx, sess.ID, session.TimerSet, time.Minute); err != nil {
		t.Fatal(err)
	}
	if _, err := w.svc.ChangeTimer(w.ctx, sess.ID, session.TimerStart, 0); err != nil {
		t.Fatal(err)
	}
	c := &movingClock{now: clock}
	ansi := lipgloss.NewRenderer(io.Discard)
	ansi.SetColorProfile(termenv.ANSI)
	p := w.open(tui.Options{KeyHash: me.KeyHash, Code: sess.Code, Now: c.Now, Renderer: ansi})
	p.waitFor("1:00 left", "You have no notes here yet.")
	c.add(time.Minute)
	p.waitFor("\a", "time is up", reverse)
	c.add(flashOver)
	// Something to draw again: the facilitator hides a note of this participant's.
	n := w.addNote(me, session.AreaConfidence, "strength", "after the bell")
	if err := w.svc.HideNote(w.ctx, n.ID, true); err != nil {
		t.Fatal(err)
	}
	p.waitFor("after the bell (hidden by the facilitator)")
	if n := strings.Count(p.drawn.String(), "\a"); n != 1 {
		t.Errorf("the bell rang %d times, want once", n)
	}
}

// The board asks before moving on while people are still writing, and says that done
// marks start afresh.
func TestBoardWarnsBeforeMovingOnWhilePeopleWrite(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	other := w.join(sess, "key-2", "Ben")
	w.join(sess, "key-3", "")
	if err := w.svc.SetDone(w.ctx, other.ID, true); err != nil {
		t.Fatal(err)
	}
	b := w.openBoard(sess)
	b.keys("]")
	b.waitFor("2 people are not done.", "notes waiting for a")
	b.keys("n")
	b.waitFor("Staying in write.")
	if got := w.session(sess.ID).Phase; got != session.PhaseWrite {
		t.Fatalf("phase %s after n, want write", got)
	}
	b.keys("]")
	b.waitFor("2 people are not done")
	b.keys("y")
	b.waitFor("Moved to reveal. Done marks start afresh in this phase.")
	if got := w.session(sess.ID).Phase; got != session.PhaseReveal {
		t.Fatalf("phase %s after y, want reveal", got)
	}
	_ = me
}

// The people panel shows who is connected now and when someone left.
func TestPeoplePanelShowsConnections(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	w.join(sess, "key-2", "Ben")
	b := w.openBoard(sess)
	b.keys("2")
	b.waitFor("0 connected now")
	p := w.openAsParticipant(sess, me)
	p.waitFor("You have no notes here yet.")
	b.waitFor("1 connected now", "connected")
	p.view() // the participant closes the window
	p.conn.Close()
	b.waitFor("0 connected now", "left at 14:00")
	v := b.view()
	if l := lineWith(v, "Ben"); !strings.Contains(l, "not connected") {
		t.Errorf("Ben, who never connected, shows as %q", l)
	}
	requireFits(t, v)
}

// A topic a participant raised in another case than someone else's is one topic
// from the reveal on, on their screen too: their own spelling stayed as a second,
// empty topic, and a note written there went to the one topic and seemed lost.
func TestParticipantsOwnSpellingOfATopicIsOneTopicAfterTheReveal(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	other := w.join(sess, "key-2", "")
	w.addNote(other, session.AreaOpen, "AI coding assistants", "assistants suggest vulnerable code")
	s := w.openAsParticipant(sess, me)
	s.waitFor("You have no notes here yet.")
	for range 3 {
		s.press(tea.KeyTab) // to open topics
	}
	s.keys("t")
	s.press(tea.KeyEnter)
	s.waitFor("Title of your topic")
	s.paste("ai coding assistants")
	s.press(tea.KeyEnter)
	s.waitFor("Topic raised")
	s.keys("n")
	s.paste("we paste secrets into the assistant")
	s.press(tea.KeyEnter)
	s.waitFor("Saved.")
	w.setPhase(sess, session.PhaseReveal)
	s.waitFor("REVEAL")
	s.waitDrawn("assistants suggest vulnerable code")
	v := s.view()
	if strings.Contains(v, "ai coding assistants") {
		t.Errorf("the participant's own spelling is still a topic of its own:\n%s", v)
	}
}

// A stray q, typed by someone who thought they were writing, asks before the
// participant leaves: any other key stays (and does nothing else), y leaves.
func TestParticipantAsksBeforeLeaving(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseCheckIn)
	me := w.join(sess, "key-1", "")
	p := w.openAsParticipant(sess, me)
	p.waitFor("3  somewhat")
	p.keys("q")
	p.waitFor("Leave the session?", "come back with the same code")
	p.keys("k")
	p.waitFor("You stay in the session.")
	if p.everDrawn("▸") {
		t.Error("the k that answered the leave question moved the rating cursor too")
	}
	p.keys("4")
	p.waitFor("Your rating 4 is saved")
	p.keys("q")
	p.waitFor("Leave the session?")
	p.keys("y")
	p.tm.WaitFinished(t, teatest.WithFinalTimeout(waitTime))
	if got := w.participant(me.ID).Rating; got != 4 {
		t.Fatalf("stored rating %d, want 4", got)
	}
}

// ctrl+c asks before the participant leaves, as q does, and in a note's box too,
// where q is a letter: any other key stays, with the note as it was; a second ctrl+c
// leaves, says how to come back, and the note being written comes back with them.
func TestParticipantCtrlCAsksBeforeLeaving(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	said := make(chan string, 1)
	p := w.open(tui.Options{KeyHash: me.KeyHash, Code: sess.Code, JoinHint: "ssh -p 2222 -t charter.example", Goodbye: func(m string) { said <- m }})
	p.waitFor("You have no notes here yet.")
	p.waitDrawn("New note in Strengths")
	p.keys("champions program")
	p.waitFor("champions program")
	p.press(tea.KeyCtrlC)
	p.waitFor("Leave the session?", "y or ctrl+c = leave")
	p.keys("k")
	p.waitFor("You stay in the session.")
	p.keys(" works")
	p.press(tea.KeyEnter)
	p.waitFor("Saved. Your note is stored")
	if got := noteTexts(w.notes(sess)); strings.Join(got, "|") != "champions program works" {
		t.Fatalf("stored notes %q, want the note as typed, without the key that answered", got)
	}

	// The box is open again for the next note.
	p.keys("half typed")
	p.waitFor("half typed")
	p.press(tea.KeyCtrlC)
	p.waitFor("Leave the session?")
	p.press(tea.KeyCtrlC)
	p.tm.WaitFinished(t, teatest.WithFinalTimeout(waitTime))
	select {
	case m := <-said:
		if !strings.HasPrefix(m, "You left Developers Berlin. What you entered is saved. To come back:") {
			t.Errorf("leaving said %q", m)
		}
	case <-time.After(waitTime):
		t.Fatal("leaving said nothing")
	}
	p.conn.Close()
	again := w.openAsParticipant(sess, me)
	again.waitFor("when you left is kept")
	again.keys("n")
	again.waitFor("half typed")
}

// Leaving while a saved note is being changed says that the change is not saved
// (a new note's text comes back on the next connection; a change does not): a
// tester's change was lost on ctrl+c without a word.
func TestLeavingWarnsOfAnUnsavedChange(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	w.addNote(me, session.AreaConfidence, "strength", "tests are slow")
	p := w.openAsParticipant(sess, me)
	p.waitFor("▸ tests are slow")
	p.press(tea.KeyEsc) // the box of a new note closed for the list's keys
	p.waitFor("type new note")
	p.keys("e")
	p.press(tea.KeyEnter)
	p.waitFor("Edit your note")
	p.press(tea.KeyCtrlC)
	p.waitFor("Leave the session? You can come back")
	p.keys("k")
	p.waitFor("You stay in the session.")
	p.keys(" to run")
	p.press(tea.KeyCtrlC)
	p.waitFor("Your change to the note is not saved")
	p.keys("k")
	p.waitFor("You stay in the session.")
	p.press(tea.KeyEnter)
	p.waitFor("Saved your change.")
	if got := noteTexts(w.notes(sess)); strings.Join(got, "|") != "tests are slow to run" {
		t.Errorf("stored %q, want the change", got)
	}
	// Left anyway, the goodbye says the change was not saved.
	said := make(chan string, 1)
	again := w.open(tui.Options{KeyHash: me.KeyHash, Code: sess.Code, Goodbye: func(m string) { said <- m }})
	again.waitFor("▸ tests are slow to run")
	again.press(tea.KeyEsc)
	again.waitFor("type new note")
	again.keys("e")
	again.press(tea.KeyEnter)
	again.waitFor("Edit your note")
	again.keys(" daily")
	again.press(tea.KeyCtrlC)
	again.waitFor("Your change to the note is not saved")
	again.keys("y")
	again.tm.WaitFinished(t, teatest.WithFinalTimeout(waitTime))
	select {
	case m := <-said:
		if !strings.Contains(m, "Your change to the note you were editing was not saved") {
			t.Errorf("leaving said %q", m)
		}
	case <-time.After(waitTime):
		t.Fatal("leaving said nothing")
	}
}

// Moving on from the first writing, the board's question comes after its warning,
// so that the warning is read before y is pressed: it read "2 people are not done:
// move on to reveal? y/n If someone is still writing, wait: …", and the first line
// was the whole question.
func TestBoardWarnsBeforeItAsksToLeaveTheWriting(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, _ := w.writingParticipant()
	w.join(sess, "key-2", "")
	b := w.openBoard(sess)
	b.keys("]")
	b.waitFor("2 people are not done")
	flat := strings.Join(strings.Fields(b.view()), " ")
	if want := "2 people are not done. If someone is still writing, wait: notes waiting for a second writer would then show on their own, and so say whose they are. Move on to reveal? y/n"; !strings.Contains(flat, want) {
		t.Errorf("the board does not warn, then ask:\nwant %q\nin %s", want, flat)
	}
}

// A proposed activity reaches the board on the notes that carry it, in a batch,
// never on its own; the participant is told so: the screen said "the facilitator
// sees your activity" while the board had nothing of it, and a proposal never
// written on never reached it.
func TestProposedActivityIsSaidToShowOnNotes(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	p := w.openAsParticipant(sess, me)
	p.waitFor("You have no notes here yet.")
	p.waitDrawn("New note in Strengths") // loaded: the box is open
	p.press(tea.KeyTab)
	p.press(tea.KeyEsc) // the box of a new note closed for the list's keys
	p.waitFor("type new note")
	p.keys("a")
	p.press(tea.KeyEnter)
	p.waitFor("type to filter")
	p.keys("fuzzing days")
	p.press(tea.KeyEnter)
	p.waitFor("Proposed: the facilitator sees it on your notes and may add it to the list.")
	b := w.openBoard(sess)
	b.keys("a")
	b.waitFor("Security activities of this session")
	if v := b.view(); strings.Contains(v, "fuzzing days") {
		t.Errorf("the board shows a proposal no note carries:\n%s", v)
	}
}
