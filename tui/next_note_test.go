package tui_test

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/tui"
)

// writingWithBoxOpen opens a writing participant's screen once its note box is
// open (the screen has loaded).
func writingWithBoxOpen(t *testing.T, w *world) (*session.Session, *session.Participant, *term) {
	t.Helper()
	sess, me := w.writingParticipant()
	p := w.openAsParticipant(sess, me)
	p.waitFor("New note in Strengths")
	return sess, me, p
}

// savedFirstNote opens a writing participant's screen and saves one note through
// the box, as a person does: the words in the box open on arrival, enter.
func savedFirstNote(t *testing.T, w *world, text string) (*session.Session, *session.Participant, *term) {
	t.Helper()
	sess, me := w.writingParticipant()
	p := w.openAsParticipant(sess, me)
	p.waitFor("You have no notes here yet.")
	p.waitDrawn("New note in Strengths")
	p.keys(text)
	p.press(tea.KeyEnter)
	p.waitFor("Saved. Your note is stored; the box is open for your next one")
	return sess, me, p
}

// After a note is saved the box is open for the next one: words beginning with a
// key of the list are words. "every team" opened the edit of the note just saved
// and added "very team" to it; "quick wins" asked whether to leave and took u as the
// answer; "x-ray" marked the writer as done.
func TestWordsTypedAfterSavingAreTheNextNote(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me, p := savedFirstNote(t, w, "pen tests come too late")
	for _, text := range []string{"every team has a champion", "quick wins matter", "x-ray of the pipeline", "does anyone read the reports"} {
		p.keys(text)
		p.press(tea.KeyEnter)
		p.waitFor("▸ " + text)
	}
	want := "pen tests come too late|every team has a champion|quick wins matter|x-ray of the pipeline|does anyone read the reports"
	if got := strings.Join(noteTexts(w.notes(sess)), "|"); got != want {
		t.Fatalf("stored notes = %q, want %q", got, want)
	}
	if w.participant(me.ID).Done {
		t.Error("the x of x-ray marked the writer as done")
	}
	if v := p.view(); strings.Contains(v, "Leave") || !strings.Contains(v, "New note in Strengths") {
		t.Errorf("want the box open for a next note, no leave question:\n%s", v)
	}
}

// The box left open after a save goes where the writer goes with ← → and tab while
// it is empty, and ↑ (or esc) closes it for the list's keys: e then edits the note
// just saved.
func TestEmptyBoxFollowsTheLaneAndClosesForTheList(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, _, p := savedFirstNote(t, w, "champions help")
	p.waitDrawn("←/→ lane", "↑/↓ your notes", "esc close box")
	p.press(tea.KeyRight)
	p.waitFor("New note in Concerns")
	p.keys("nobody owns the scanner")
	p.press(tea.KeyEnter)
	p.waitFor("▸ nobody owns the scanner")
	byText := map[string]*session.Note{}
	for _, n := range w.notes(sess) {
		byText[n.Text] = n
	}
	if n := byText["nobody owns the scanner"]; n == nil || n.Area != session.AreaConfidence || n.Lane != "concern" {
		t.Fatalf("the note after → = %+v, want it under Confidence · Concerns", n)
	}
	p.press(tea.KeyUp)
	p.waitFor("e edit", "d delete")
	p.keys("e")
	p.press(tea.KeyEnter)
	p.waitFor("Edit your note")
	p.keys(" at all")
	p.press(tea.KeyEnter)
	p.waitFor("Saved your change.")
	if got := strings.Join(noteTexts(w.notes(sess)), "|"); got != "champions help|nobody owns the scanner at all" {
		t.Fatalf("stored notes = %q, want the note just saved edited", got)
	}
}

// Letters typed while a note is being saved are the next note's: the box opens
// again with them in it, not without its first letters.
func TestLettersTypedWhileSavingBeginTheNextNote(t *testing.T) {
	t.Parallel()
	w, g := gatedNotesWorld(t)
	sess, me := w.writingParticipant()
	p := w.openAsParticipant(sess, me)
	p.waitFor("You have no notes here yet.")
	p.waitDrawn("New note in Strengths")
	p.keys("first note")
	g.hold()
	p.press(tea.KeyEnter)
	p.keys("second")
	g.release()
	p.waitFor("Saved. Your note is stored", "│ second")
	p.keys(" note")
	p.press(tea.KeyEnter)
	p.waitFor("▸ second note")
	if got := strings.Join(noteTexts(w.notes(sess)), "|"); got != "first note|second note" {
		t.Fatalf("stored notes = %q, want the letters typed while saving in the second", got)
	}
}

// gatedNotes holds new notes at the gate: a save that takes its time.
type gatedNotes struct{ gatedStore }

// gatedNotesWorld is a world whose store holds new notes at g's gate.
func gatedNotesWorld(t *testing.T) (*world, *gatedNotes) {
	t.Helper()
	var g *gatedNotes
	w := newWorldOver(t, func(db session.Store) session.Store {
		g = &gatedNotes{gatedStore: gatedStore{Store: db}}
		return g
	})
	return w, g
}

func (g *gatedNotes) AddNote(ctx context.Context, n *session.Note, check func(ctx context.Context, st session.Store) error) error {
	if err := g.wait(ctx); err != nil {
		return err
	}
	return g.Store.AddNote(ctx, n, check)
}

// The box left open and empty says nothing of unsent text when the phase moves on.
func TestEmptyBoxClosesQuietlyAtThePhaseChange(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, _, p := savedFirstNote(t, w, "champions help")
	w.setPhase(sess, session.PhaseGroup)
	p.waitFor("No themes yet")
	if v := p.view(); strings.Contains(v, "not sent") || strings.Contains(v, "New note in") {
		t.Errorf("the empty box left a warning or stayed open:\n%s", v)
	}
}

// "Saved" is about the note just saved: it goes once the next one is begun (it
// stood over the next note's box until that was saved too, saying nothing new).
func TestSavedGoesWhenTheNextNoteBegins(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	_, _, p := savedFirstNote(t, w, "champions help")
	p.keys("more")
	p.waitFor("│ more")
	if v := p.view(); strings.Contains(v, "Saved.") {
		t.Errorf("\"Saved\" stands over the next note's box:\n%s", v)
	}
}

// "Saved" goes too when the writer moves on to another lane or area, with the box
// open or from the list: standing over the next lane, it read as if something had
// been saved there.
func TestSavedGoesWhenTheWriterMovesOn(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name string
		key  tea.KeyType
		want string
	}{
		{"lane", tea.KeyRight, "New note in Concerns"},
		{"area", tea.KeyTab, "New note in Keep"},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			w := newWorld(t)
			_, _, p := savedFirstNote(t, w, "champions help")
			p.press(c.key)
			p.waitFor(c.want)
			if v := p.view(); strings.Contains(v, "Saved") {
				t.Errorf("\"Saved\" stands after moving on:\n%s", v)
			}
		})
	}
	t.Run("from the list", func(t *testing.T) {
		t.Parallel()
		w := newWorld(t)
		_, _, p := savedFirstNote(t, w, "champions help")
		p.press(tea.KeyUp) // the box closed for the list's keys
		p.waitFor("e edit")
		p.keys("e")
		p.press(tea.KeyEnter)
		p.waitFor("Edit your note")
		p.keys(" a lot")
		p.press(tea.KeyEnter)
		p.waitFor("Saved your change.")
		p.press(tea.KeyRight)
		p.waitFor("»Concerns«")
		if v := p.view(); strings.Contains(v, "Saved") {
			t.Errorf("\"Saved\" stands after moving on:\n%s", v)
		}
	})
}

// On the note list, q and c ask something (whether to leave; the late rating); a
// letter typed right after says they began a word: the question goes and the
// note begins with both letters. "quick wins" took u as "stay" and began a note
// "ick wins"; "champions" opened the late rating and lost every letter after.
func TestWordsBegunWithQOrCOnTheListAreNotes(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)
	me := w.join(sess, "key-1", "") // after the check-in: c offers the late rating
	p := w.openAsParticipant(sess, me)
	p.waitFor("No confidence rating from you yet: esc, then c, gives one")
	p.press(tea.KeyEsc) // the box of a new note closed for the list's keys
	p.waitFor("type new note", "c rate confidence")
	p.keys("champions help")
	p.waitFor("│ champions help")
	p.press(tea.KeyEnter)
	p.waitFor("▸ champions help")
	p.press(tea.KeyEsc) // close the box left open for the next note
	p.waitFor("type new note")
	p.keys("quick wins matter")
	p.waitFor("│ quick wins matter")
	p.press(tea.KeyEnter)
	p.waitFor("▸ quick wins matter")
	if got := strings.Join(noteTexts(w.notes(sess)), "|"); got != "champions help|quick wins matter" {
		t.Fatalf("stored notes = %q, want both words whole", got)
	}
	if w.participant(me.ID).Rating != 0 {
		t.Error("typing a word rated")
	}
	// The questions still take their answers.
	p.press(tea.KeyEsc)
	p.waitFor("type new note")
	p.keys("c3")
	p.waitFor("3 chosen: enter gives it")
	p.press(tea.KeyEsc)
	p.waitFor("No rating given")
	p.keys("qn")
	p.waitFor("You stay in the session.")
	p.keys("q")
	p.waitFor("Leave the session?")
	p.keys("y")
	p.tm.WaitFinished(t, teatest.WithFinalTimeout(waitTime))
}

// With the box closed on the list, a sentence typed there is a note whole whatever
// key of the list it begins with: e opened the edit of the note saved and put
// "ncryption at rest is missing" at its end, x marked the writer done and left
// "ss filters are missing", n opened the box and was lost ("ever patched").
func TestSentencesTypedOnTheListAreNotesWhole(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me, p := savedFirstNote(t, w, "Secrets are rotated automatically")
	texts := []string{"encryption at rest is missing", "xss filters are missing", "never patched", "x-ray scans run weekly"}
	for _, text := range texts {
		p.press(tea.KeyEsc) // the box left open for the next note closed for the list's keys
		p.waitFor("type new note", "e edit")
		p.keys(text)
		p.waitFor("│ " + text)
		p.press(tea.KeyEnter)
		p.waitFor("▸ " + text)
	}
	want := "Secrets are rotated automatically|" + strings.Join(texts, "|")
	if got := strings.Join(noteTexts(w.notes(sess)), "|"); got != want {
		t.Fatalf("stored notes = %q, want %q", got, want)
	}
	if w.participant(me.ID).Done {
		t.Error("the x of a typed word marked the writer as done")
	}
}

// In Security activities a sentence typed on the list begins with a (the activity
// picker opened on "dd more pen tests"), in Open topics with t (a new topic's
// title box opened): both are notes whole, in the lane shown.
func TestSentencesBegunWithAOrTOnTheListAreNotes(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	w.addNote(me, session.AreaOpen, "Tooling", "the scanner is slow")
	p := w.openAsParticipant(sess, me)
	p.waitDrawn("New note in Strengths")
	p.press(tea.KeyTab)
	p.waitFor("New note in Keep")
	p.press(tea.KeyEsc)
	p.waitFor("type new note", "a activity")
	p.keys("add more pen tests")
	p.waitFor("│ add more pen tests")
	p.press(tea.KeyEnter)
	p.waitFor("▸ [pen testing] add more pen tests")
	p.press(tea.KeyEsc)
	p.press(tea.KeyTab)
	p.press(tea.KeyTab)
	p.waitFor("»Tooling«", "t new topic")
	p.keys("testing comes too late")
	p.waitFor("│ testing comes too late")
	p.press(tea.KeyEnter)
	p.waitFor("▸ testing comes too late")
	byText := map[string]*session.Note{}
	for _, n := range w.notes(sess) {
		byText[n.Text] = n
	}
	// None chosen (a was no key here), the note is about the activity it names.
	if n := byText["add more pen tests"]; n == nil || n.Area != session.AreaActivities || n.Lane != "keep" || n.Activity != "pen testing" {
		t.Errorf("the words begun with a = %+v, want a note in Security activities · Keep, about pen testing which it names", n)
	}
	if n := byText["testing comes too late"]; n == nil || n.Area != session.AreaOpen || n.Lane != "Tooling" {
		t.Errorf("the words begun with t = %+v, want a note under the topic Tooling", n)
	}
	if len(byText) != 3 {
		t.Errorf("stored %q, want the note there before and the two typed", noteTexts(w.notes(sess)))
	}
}

// While typing on the list begins a note, e, x, a and t ask before they act:
// enter does what it asked; esc (or any other key but a letter, which begins a
// note) leaves things as they were.
func TestListKeysThatBeginWordsAskFirst(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me, p := savedFirstNote(t, w, "tests are slow")
	p.press(tea.KeyEsc)
	p.waitFor("type new note", "e edit")
	p.keys("e")
	p.waitFor("Edit “tests are slow”? enter = edit, esc = back", "enter edit")
	p.press(tea.KeyEsc)
	p.waitFor("type new note")
	if p.everDrawn("Edit your note") {
		t.Fatal("e, then esc, opened the edit")
	}
	p.keys("e")
	p.press(tea.KeyEnter)
	p.waitFor("Edit your note")
	p.keys(" and flaky")
	p.press(tea.KeyEnter)
	p.waitFor("Saved your change.")
	p.keys("x")
	p.waitFor("Mark yourself as done? enter = done")
	if w.participant(me.ID).Done {
		t.Fatal("x marked the writer done before the answer")
	}
	p.press(tea.KeyEnter)
	p.waitFor("Marked as done.")
	p.keys("x")
	p.waitFor("Take back your done mark?")
	p.press(tea.KeyEnter)
	p.waitFor("Not done any more.")
	p.press(tea.KeyTab)
	p.waitFor("a activity")
	p.keys("a")
	p.press(tea.KeyEnter)
	p.waitFor("type to filter")
	p.press(tea.KeyEsc)
	p.press(tea.KeyTab)
	p.press(tea.KeyTab)
	p.waitFor("no topics yet", "type a topic's title")
	p.keys("t")
	p.waitFor("Raise a new open topic?")
	p.press(tea.KeyEnter)
	p.waitFor("Title of your topic")
	if got := strings.Join(noteTexts(w.notes(sess)), "|"); got != "tests are slow and flaky" {
		t.Errorf("stored notes = %q, want the one note, edited", got)
	}
}

// With a note left unsent, n brings it back, and a sentence begun with n goes after
// it as any other typed on the list does: "never" brought it back and added "ever".
func TestSentenceBegunWithNAfterAKeptNote(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	_, _, p := writingWithBoxOpen(t, w)
	p.keys("pen tests are late")
	p.press(tea.KeyEsc)
	p.waitFor("Not sent; n opens your text again.", "n your unsent note")
	p.keys("n")
	p.waitFor("│ pen tests are late")
	p.press(tea.KeyEsc)
	p.waitFor("n your unsent note")
	p.keys("never patched")
	p.waitFor("│ pen tests are late never patched")
}

// The box of a new note is open whenever the list of notes is shown while notes are
// taken, from the screen's first drawing on: words are a note's from their first
// letter, whatever key of the list it is. "every team" with one's own note selected
// opened its edit; "always" in the security activities opened the activity picker.
// Closed with esc for the list's keys, the box stays closed when the screen loads
// again, until the next phase.
func TestNoteBoxIsOpenWhileTheListIsShown(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	w.addNote(me, session.AreaConfidence, "strength", "tests are slow")
	p := w.openAsParticipant(sess, me)
	p.waitFor("▸ tests are slow")
	p.waitDrawn("New note in Strengths")
	p.keys("every team has a champion")
	p.press(tea.KeyEnter)
	p.waitFor("▸ every team has a champion")
	p.press(tea.KeyTab) // the empty box goes along
	p.waitFor("New note in Keep")
	p.keys("always threat model")
	p.press(tea.KeyEnter)
	p.waitFor("▸ [threat modelling] always threat model")
	byText := map[string]*session.Note{}
	for _, n := range w.notes(sess) {
		byText[n.Text] = n
	}
	if n := byText["every team has a champion"]; n == nil || n.Area != session.AreaConfidence {
		t.Errorf("the words begun with e = %+v, want a note in Confidence", n)
	}
	if n := byText["always threat model"]; n == nil || n.Area != session.AreaActivities {
		t.Errorf("the words begun with a = %+v, want a note in Security activities", n)
	}
	if n := byText["tests are slow"]; n == nil || len(byText) != 3 {
		t.Errorf("stored %q, want the note there before and the two typed", noteTexts(w.notes(sess)))
	}

	p.press(tea.KeyEsc)
	p.waitFor("type new note")
	if _, err := w.svc.ChangeTimer(w.ctx, sess.ID, session.TimerSet, 5*time.Minute); err != nil {
		t.Fatal(err)
	}
	p.waitFor("5:00 left")
	p.keys("x")
	p.press(tea.KeyEnter)
	p.waitFor("Marked as done.")
	w.setPhase(sess, session.PhaseReveal)
	p.waitFor("REVEAL", "New note in Keep")
}

// The open box's key line says what x does there once closed: for someone marked
// done it takes the mark back.
func TestEmptyBoxKeyLineOfSomeoneDone(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	if err := w.svc.SetDone(w.ctx, me.ID, true); err != nil {
		t.Fatal(err)
	}
	p := w.openAsParticipant(sess, me)
	p.waitFor("New note in Strengths", "esc close box: x not done, q leave")
	if p.everDrawn("x done,") {
		t.Error("the key line offers x done to someone marked done")
	}
}

// Marked done, a writer who begins another note is told that the mark stands and
// how to take it back: "✓ you are marked as done" over a note being written said
// nothing of what it meant now.
func TestWritingWhileDoneSaysTheMarkStands(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me, p := writingWithBoxOpen(t, w)
	p.press(tea.KeyEsc)
	p.waitFor("type new note", "x I'm done")
	p.keys("x")
	p.press(tea.KeyEnter)
	p.waitFor("Marked as done.", "✓ you are marked as done")
	p.keys("one more thought")
	p.waitFor("│ one more thought", "✓ you are still marked as done: if you have more to add, esc, then x")
	p.press(tea.KeyEnter)
	p.waitFor("▸ one more thought")
	p.waitDrawn("✓ you are still marked as done: if you have more to add, esc, then x")
	if !w.participant(me.ID).Done {
		t.Fatal("saving a note took the done mark away")
	}
	p.press(tea.KeyEsc)
	p.waitFor("x not done after all")
	p.keys("x")
	p.press(tea.KeyEnter)
	p.waitFor("Not done any more.")
	if w.participant(me.ID).Done {
		t.Error("x after esc did not take the done mark back")
	}

	// At 40 columns the line says it shorter, on one line.
	if err := w.svc.SetDone(w.ctx, me.ID, true); err != nil {
		t.Fatal(err)
	}
	narrow := w.openSized(tui.Options{KeyHash: me.KeyHash, Code: sess.Code}, 40, 14)
	narrow.waitFor("New note in Strengths", "✓ marked as done; more to add? esc, x")
}

// Words typed on the list while a note left unsent waits bring it back, and go
// after it with a space between: they were glued to its last word.
func TestWordsTypedAfterAnUnsentNoteGoAfterASpace(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, _, p := writingWithBoxOpen(t, w)
	p.keys("old text")
	p.press(tea.KeyEsc)
	p.waitFor("Not sent; n opens your text again.")
	p.keys("patching is slow")
	p.waitFor("│ old text patching is slow")
	p.press(tea.KeyEnter)
	p.waitFor("▸ old text patching is slow")
	if got := strings.Join(noteTexts(w.notes(sess)), "|"); got != "old text patching is slow" {
		t.Fatalf("stored notes = %q, want the words apart", got)
	}
}

// A note left unsent with esc is said to be kept when the phase moves on, and
// again when notes are taken once more: with the box closed, nothing said so.
func TestUnsentNoteIsSaidKeptAcrossPhases(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, _, p := writingWithBoxOpen(t, w)
	p.keys("half a thought")
	p.press(tea.KeyEsc)
	p.waitFor("Not sent; n opens your text again.")
	w.setPhase(sess, session.PhaseGroup)
	p.waitFor("The phase changed; the note you left unsent is kept (n brings it back if")
	w.setPhase(sess, session.PhaseReveal)
	p.waitFor("The note you left unsent is kept: n opens it.")
	p.press(tea.KeyEsc) // the status went with esc; n still opens the note
	p.keys("n")
	p.waitFor("│ half a thought")
}

// From the reveal on the list under the box is everyone's notes, and its key line
// says so.
func TestEmptyBoxKeyLineInTheReveal(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	w.setPhase(sess, session.PhaseReveal)
	p := w.openAsParticipant(sess, me)
	p.waitFor("New note in Strengths", "↑/↓ the notes")
	if p.everDrawn("your notes") {
		t.Error("the reveal's key line calls everyone's notes yours")
	}
}

// With the box closed for the list's keys, an empty lane says "type to write one"
// too, and typing does: the keys a word may begin with ask first (x) or take the
// letters as a word. It said "n writes one", and n was lost from "never".
func TestEmptyLaneWithTheBoxClosedSaysType(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, _, p := writingWithBoxOpen(t, w)
	p.press(tea.KeyEsc)
	p.waitFor("type new note")
	if p.everDrawn("n writes one") {
		t.Error("the empty lane says n writes one")
	}
	p.keys("xml is never signed")
	p.waitFor("│ xml is never signed")
	p.press(tea.KeyEnter)
	p.waitFor("▸ xml is never signed")
	if got := strings.Join(noteTexts(w.notes(sess)), "|"); got != "xml is never signed" {
		t.Errorf("stored notes = %q, want the words typed whole", got)
	}
}

// At 40 columns the area row keeps the area shown in sight: "Open topics" was
// cut off the end of it, and its [ ] with it.
func TestNarrowAreaRowShowsTheAreaShown(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	p := w.openSized(tui.Options{KeyHash: me.KeyHash, Code: sess.Code}, 40, 14)
	p.waitFor("New note in")
	for range 3 {
		p.press(tea.KeyTab)
	}
	p.waitFor("[Open topics]")
}

// Notes typed one after the other faster than each is saved (a burst of keys:
// "a⏎b⏎c") are each their own note: the enter typed while the one before was
// being saved was dropped, and the next two notes were glued into one.
func TestNotesTypedFasterThanSavedStayApart(t *testing.T) {
	t.Parallel()
	w, g := gatedNotesWorld(t)
	sess, _, p := writingWithBoxOpen(t, w)
	g.hold()
	p.keys("alpha first")
	p.press(tea.KeyEnter)
	p.keys("bravo second")
	p.press(tea.KeyEnter)
	p.press(tea.KeyEnter) // twice, on a note being saved
	p.keys("charlie third")
	g.release()
	p.waitFor("▸ bravo second")
	p.waitDrawn("│ charlie third")
	if got := strings.Join(noteTexts(w.notes(sess)), "|"); got != "alpha first|bravo second" {
		t.Fatalf("stored notes = %q, want the first two apart, the third in the box", got)
	}
}

// At 40 columns the group phase's word to participants wraps whole: it was cut
// ("…the facilitator is groupi").
func TestNoThemesYetWrapsWhenNarrow(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	w.setPhase(sess, session.PhaseGroup)
	p := w.openSized(tui.Options{KeyHash: me.KeyHash, Code: sess.Code}, 40, 14)
	p.waitFor("No themes yet")
	p.waitDrawn("notes.")
	if v := p.view(); !strings.Contains(strings.Join(strings.Fields(v), " "), "No themes yet: the facilitator is grouping the notes.") {
		t.Errorf("the sentence is not whole:\n%s", v)
	}
}

// d on one's own selected note asks whether to delete it; a letter typed right
// after that answers nothing says a word began with d: "docs are stale" took o as
// "keep" and began a note "cs are stale". The question goes and the note begins
// with both letters; enter alone deletes, esc keeps.
func TestAWordBegunWithDOnTheListIsANote(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, _, p := savedFirstNote(t, w, "patching takes weeks")
	p.press(tea.KeyEsc) // the list's keys, the saved note selected
	p.waitFor("d delete")
	p.keys("docs are stale")
	p.waitFor("│ docs are stale")
	p.press(tea.KeyEnter)
	p.waitFor("Saved. Your note is stored; the box is open for your next one")
	if got := strings.Join(noteTexts(w.notes(sess)), "|"); got != "patching takes weeks|docs are stale" {
		t.Fatalf("stored notes = %q, want the first kept and the word whole", got)
	}
	// The question still takes its answers.
	p.waitDrawn("New note in")
	p.press(tea.KeyEsc)
	p.waitFor("d delete")
	p.keys("d")
	p.waitFor("enter delete")
	p.press(tea.KeyEsc)
	p.waitFor("Kept the note.")
	p.keys("d")
	p.waitFor("enter delete")
	p.press(tea.KeyEnter)
	p.waitFor("Note deleted.")
	if got := len(w.notes(sess)); got != 1 {
		t.Errorf("%d notes after d, enter; want 1", got)
	}
}

// A question asked under the notes (e, x, a and t ask before they act) takes rows
// of the list, not of the head: at 40x14 with a long lane, "Edit …?" over three
// lines pushed the title bar off the top.
func TestNarrowQuestionUnderTheNotesKeepsTheHead(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	for _, text := range []string{"one", "two", "three", "four", "five", "six", "seven", "eight"} {
		w.addNote(me, session.AreaConfidence, "strength", "note "+text)
	}
	p := w.openSized(tui.Options{KeyHash: me.KeyHash, Code: sess.Code}, 40, 14)
	p.waitDrawn("New note in Strengths")
	p.press(tea.KeyEsc)
	p.waitFor("type new note")
	p.keys("e")
	p.waitFor("Edit “note")
	v := p.view()
	requireFitsIn(t, v, 40, 14)
	if !strings.HasPrefix(v, "charter ") || !strings.Contains(strings.Join(strings.Fields(v), " "), "(a letter begins a new note)") {
		t.Errorf("want the title bar on top and the question whole:\n%s", v)
	}
}
