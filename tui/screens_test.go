package tui_test

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/tui"
)

// openAsParticipant opens the screen of a participant who joined before, so that the
// join code leads straight to the session.
func (w *world) openAsParticipant(s *session.Session, p *session.Participant) *term {
	w.t.Helper()
	return w.open(tui.Options{KeyHash: p.KeyHash, Code: s.Code})
}

// lineWith returns the first line of view that contains text.
func lineWith(view, text string) string {
	for _, l := range strings.Split(view, "\n") {
		if strings.Contains(l, text) {
			return l
		}
	}
	return ""
}

func noteTexts(ns []*session.Note) []string {
	var out []string
	for _, n := range ns {
		out = append(out, n.Text)
	}
	return out
}

func TestParticipantLobbyFollowsPhase(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	me := w.join(sess, "key-1", "Ana")
	s := w.openAsParticipant(sess, me)
	s.waitFor("Hello Ana, you are in.", "Waiting for the facilitator to start", "LOBBY")

	// The facilitator moves on; the hub brings the change to this screen.
	w.setPhase(sess, session.PhaseCheckIn)
	s.waitFor("CHECK-IN", "How confident are you in your team's security?")
	requireFits(t, s.view())
}

func TestParticipantCheckInRating(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseCheckIn)
	me := w.join(sess, "key-1", "")
	s := w.openAsParticipant(sess, me)
	s.waitFor("5  fully")

	// x before a rating says how the check-in is done, and marks nothing.
	s.keys("x")
	s.waitFor("Give your rating first")
	if w.participant(me.ID).Done {
		t.Fatal("x without a rating marked the participant done")
	}
	s.keys("4")
	s.waitFor("Your rating 4 is saved", "▸ 4  quite  ← your rating")
	if got := w.participant(me.ID).Rating; got != 4 {
		t.Fatalf("stored rating = %d, want 4", got)
	}

	s.keys("2")
	s.waitFor("▸ 2  a little  ← your rating")
	if got := w.participant(me.ID).Rating; got != 2 {
		t.Fatalf("stored rating after a change = %d, want 2", got)
	}
	v := s.view()
	if strings.Contains(v, "▸ 4") {
		t.Errorf("the old rating is still marked:\n%s", v)
	}
}

// Enter pressed again while a note is being saved saves it once: the box waits
// for the answer instead of sending the same text again.
func TestNoteSavedOnceOnRepeatedEnter(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	s := w.openAsParticipant(sess, me)
	s.waitFor("You have no notes here yet.")
	s.waitDrawn("New note in Strengths")
	s.tm.Type("pen tests come too late")
	for range 4 {
		s.press(tea.KeyEnter)
	}
	// An enter that comes after the answer falls into the box open again for the
	// next note, where an enter with nothing in it does nothing.
	s.waitDrawn("Saved. Your note is stored", "▸ pen tests come too late")
	// One more note after it, to know every enter above was taken.
	s.tm.Type("threat models help")
	s.press(tea.KeyEnter)
	s.waitFor("▸ threat models help")
	if got := noteTexts(w.notes(sess)); strings.Join(got, "|") != "pen tests come too late|threat models help" {
		t.Fatalf("stored notes = %q, want each once", got)
	}
}

// A tab typed or pasted into a note is a space between words, not nothing: "great
// <tab>and" was saved as "greatand".
func TestTabInANoteIsASpace(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	s := w.openAsParticipant(sess, me)
	s.waitFor("You have no notes here yet.")
	s.waitDrawn("New note in Strengths")
	s.tm.Type("feels great")
	s.press(tea.KeyTab)
	s.tm.Type("and the")
	s.tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("\tteam\tcelebrates"), Paste: true})
	s.press(tea.KeyEnter)
	s.waitFor("Saved. Your note is stored")
	if got := noteTexts(w.notes(sess)); strings.Join(got, "|") != "feels great and the team celebrates" {
		t.Fatalf("stored notes = %q, want the words apart", got)
	}
}

func TestParticipantWritesNotes(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	s := w.openAsParticipant(sess, me)
	s.waitFor("You have no notes here yet.")

	s.waitDrawn("New note in Strengths")
	// Typed key by key, the words must not be taken for the keys they name.
	s.tm.Type("move up the list")
	s.press(tea.KeyEnter)
	s.waitFor("Saved. Your note is stored", "▸ move up the list", "New note in Strengths")

	// The box is open again for the next note.
	s.tm.Type("scroll ")
	// A terminal may deliver a typed word as one message; "up" must stay text.
	s.tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("up")})
	s.press(tea.KeyEnter)
	s.waitFor("▸ scroll up") // the new note is selected; "Saved" stands from the first

	got := noteTexts(w.notes(sess))
	if strings.Join(got, "|") != "move up the list|scroll up" {
		t.Fatalf("stored notes = %q, want the two texts as typed", got)
	}
	for _, n := range w.notes(sess) {
		if n.Area != session.AreaConfidence || n.Lane != "strength" || n.ParticipantID != me.ID {
			t.Errorf("note %+v is not my note in confidence/strength", n)
		}
	}
	requireFits(t, s.view())
}

// esc in a new note's box does not throw its text away: n opens it again.
func TestParticipantEscKeepsTheNoteForN(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	s := w.openAsParticipant(sess, me)
	s.waitFor("You have no notes here yet.")
	s.waitDrawn("New note in Strengths")
	s.tm.Type("a long thoughtful note about our champions")
	s.press(tea.KeyEsc)
	s.waitFor("Not sent; n opens your text again.")
	if got := noteTexts(w.notes(sess)); len(got) != 0 {
		t.Fatalf("esc sent %q", got)
	}
	s.keys("n")
	s.waitFor("a long thoughtful note about our champions")
	s.tm.Type(" program")
	s.press(tea.KeyEnter)
	s.waitFor("Saved. Your note is stored")
	if got := noteTexts(w.notes(sess)); strings.Join(got, "|") != "a long thoughtful note about our champions program" {
		t.Errorf("stored notes = %q, want the kept text and what was added", got)
	}
	// Sent, the text is not offered again: not in the box left open for the next
	// note, nor in the one typing opens after esc closed that (n is a letter there
	// now that no text is kept).
	s.press(tea.KeyEsc)
	s.waitFor("type new note")
	s.keys("n")
	s.waitFor("New note in Strengths")
	if v := s.view(); !strings.Contains(v, "1/280 characters") {
		t.Errorf("the box opened after the note was sent is not empty:\n%s", v)
	}
}

// An error about the text goes once the text changes, whatever key changed it: a
// note too long, cut down with ctrl+w, kept "A note can be at most 280
// characters" on the screen (a tester's finding).
func TestParticipantLengthErrorGoesWhenTheTextChanges(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	s := w.openAsParticipant(sess, me)
	s.waitFor("You have no notes here yet.")
	s.waitDrawn("New note in Strengths")
	s.tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(strings.Repeat("word ", 57) + "last"), Paste: true})
	s.waitFor("289/280")
	s.press(tea.KeyEnter)
	s.waitFor("at most 280 characters")
	s.press(tea.KeyCtrlW)
	s.press(tea.KeyCtrlW)
	s.waitFor("279/280")
	if v := s.view(); strings.Contains(v, "at most 280 characters") {
		t.Errorf("the length error stays over a text that changed:\n%s", v)
	}
}

// A note left with esc goes back where it was begun: n pressed in another area
// opens it there, not under the heading the screen moved to (a tester's finding:
// a Strengths draft was saved under Motivation, with a second note appended).
func TestParticipantEscKeptNoteStaysInItsPlace(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	s := w.openAsParticipant(sess, me)
	s.waitFor("You have no notes here yet.")
	s.waitDrawn("New note in Strengths")
	s.tm.Type("our champions carry the program")
	s.press(tea.KeyEsc)
	s.waitFor("Not sent; n opens your text again.")
	s.press(tea.KeyTab)
	s.press(tea.KeyTab)
	s.waitFor("Motivates")
	s.keys("n")
	s.waitFor("Back in Confidence · Strengths", "our champions carry the program")
	s.press(tea.KeyEnter)
	s.waitFor("Saved. Your note is stored")
	ns := w.notes(sess)
	if len(ns) != 1 || ns[0].Area != session.AreaConfidence || ns[0].Lane != "strength" || ns[0].Text != "our champions carry the program" {
		t.Errorf("stored %+v, want the note in confidence/strength", ns)
	}
}

func TestParticipantEditsAndDeletesOwnNote(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	n := w.addNote(me, session.AreaConfidence, "strength", "tests are slow")
	s := w.openAsParticipant(sess, me)
	s.waitFor("▸ tests are slow")
	s.press(tea.KeyEsc) // the box of a new note closed for the list's keys
	s.waitFor("type new note")

	s.keys("e")

	s.press(tea.KeyEnter)
	s.waitFor("Edit your note")
	s.tm.Type(" to run")
	s.press(tea.KeyEnter)
	s.waitFor("Saved your change.")
	ns := w.notes(sess)
	if len(ns) != 1 || ns[0].ID != n.ID || ns[0].Text != "tests are slow to run" {
		t.Fatalf("after the edit notes = %q, want the one note changed", noteTexts(ns))
	}

	s.keys("d")
	s.waitFor("Delete “tests are slow to run”?")
	s.press(tea.KeyEsc) // any answer but enter keeps it (a letter begins a note: see TestAWordBegunWithDOnTheListIsANote)
	s.waitFor("Kept the note.")
	if len(w.notes(sess)) != 1 {
		t.Fatal("the note was deleted without a y")
	}
	s.keys("d")
	s.waitFor("Delete “tests are slow to run”?")
	s.press(tea.KeyEnter)
	s.waitFor("Note deleted.")
	if ns := w.notes(sess); len(ns) != 0 {
		t.Fatalf("after delete notes = %q, want none", noteTexts(ns))
	}
	if v := s.view(); !strings.Contains(v, "You have no notes here yet.") {
		t.Errorf("the deleted note is still listed:\n%s", v)
	}
}

func TestParticipantSeesOthersOnlyAfterReveal(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)
	me := w.join(sess, "key-1", "Ana")
	other := w.join(sess, "key-2", "Olga")
	w.addNote(me, session.AreaConfidence, "strength", "threat models help")
	w.addNote(other, session.AreaConfidence, "strength", "nobody reads the wiki")
	// What a client without the terminal's input parser could send.
	w.addNote(other, session.AreaConfidence, "strength", "\x1b[2J\x1b]0;pwned\x07hello")

	s := w.openAsParticipant(sess, me)
	s.waitFor("▸ threat models help")
	if s.everDrawn("nobody reads the wiki") || s.everDrawn("hello") {
		t.Fatal("another participant's note was shown before the reveal")
	}

	w.setPhase(sess, session.PhaseReveal)
	s.tm.Send(tui.ChangedMsg{SessionID: sess.ID, What: session.ChangeSession})
	s.waitFor("REVEAL", "nobody reads the wiki", "(yours)")

	// Someone else's note cannot be edited: e on it begins a note.
	s.press(tea.KeyDown)
	s.keys("e")
	s.waitFor("│ e", "1/280 characters")
	if s.everDrawn("Edit your note") {
		t.Error("e on someone else's note opened an edit")
	}

	v := s.view()
	requireFits(t, v)
	if l := lineWith(v, "threat models help"); !strings.HasSuffix(l, "(yours)") {
		t.Errorf("own note is not marked: %q", l)
	}
	theirs := lineWith(v, "nobody reads the wiki")
	if strings.Contains(theirs, "(yours)") {
		t.Errorf("someone else's note is marked as mine: %q", theirs)
	}
	for _, author := range []string{"Olga", "P2"} {
		if strings.Contains(v, author) {
			t.Errorf("the screen names the author %q:\n%s", author, v)
		}
	}
	if strings.Contains(v, "\x1b") || strings.Contains(v, "pwned") || lineWith(v, "hello") == "" {
		t.Errorf("the note with escape sequences is not shown cleaned:\n%q", v)
	}
}

func TestParticipantEscapeSequencesAreCleaned(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	s := w.openAsParticipant(sess, me)
	s.waitFor("You have no notes here yet.")

	s.waitDrawn("New note in Strengths")
	s.paste("\x1b[2J\x1b]0;pwned\x07hello")
	s.press(tea.KeyEnter)
	s.waitFor("Saved. Your note is stored")

	ns := w.notes(sess)
	if len(ns) != 1 {
		t.Fatalf("stored %d notes, want 1", len(ns))
	}
	text := ns[0].Text
	if strings.IndexFunc(text, unicode.IsControl) >= 0 || text != "hello" {
		t.Errorf("stored note = %q, want the escape sequences gone whole, leaving hello", text)
	}
	if v := s.view(); strings.Contains(v, "\x1b") || strings.Contains(v, "\a") {
		t.Errorf("the screen carries escape sequences: %q", v)
	}
}

// Lines pasted into the note box keep a space between them in the note: the box is
// one paragraph, and lines glued together ("phishingSecond") would change words.
func TestParticipantPastedLinesKeepTheirSpaces(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	s := w.openAsParticipant(sess, me)
	s.waitFor("You have no notes here yet.")
	s.waitDrawn("New note in Strengths")
	s.paste("First line about phishing\r\nSecond line about training\rThird\nline")
	s.press(tea.KeyEnter)
	s.waitFor("Saved. Your note is stored")
	ns := w.notes(sess)
	if len(ns) != 1 {
		t.Fatalf("stored %d notes, want 1", len(ns))
	}
	if want := "First line about phishing Second line about training Third line"; ns[0].Text != want {
		t.Errorf("stored note = %q, want %q", ns[0].Text, want)
	}
}

func TestParticipantWideCharactersFit(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, err := w.svc.NewSession(w.ctx, session.Session{Title: "セキュリティ 開発者 ベルリン 🔒 チャーター セッション", Audience: session.AudienceDevelopers})
	if err != nil {
		t.Fatal(err)
	}
	w.setPhase(sess, session.PhaseWrite)
	me := w.join(sess, "key-1", "")
	long := strings.Repeat("セキュリティ 🔒 ", 12)
	w.addNote(me, session.AreaConfidence, "strength", long)
	s := w.openAsParticipant(sess, me)
	// The box, open once the screen has its notes; ↓ closes it for the list, on
	// the long note. Pressed before the box was drawn, the box could open and close
	// between two frames, and never be seen.
	s.waitFor("New note in Strengths")
	s.press(tea.KeyDown)
	s.waitFor("type new note")
	s.keys("セキュリティ 🔒") // typed on the list: a note begun with it
	s.waitFor("New note in Strengths")
	s.press(tea.KeyEnter)
	s.waitFor("Saved. Your note is stored")
	if got := noteTexts(w.notes(sess)); len(got) != 2 || got[1] != "セキュリティ 🔒" {
		t.Fatalf("stored notes = %q, want the wide text intact", got)
	}
	// The box, open again for the next note, with wide text in it too.
	s.paste(long)
	s.waitFor("│")
	requireFits(t, s.view())
}

// At 40 columns the box's count says whole that a note is too long: it was cut to
// "349/280 characters — too long, please sh" (a program lead's walkthrough).
func TestParticipantNoteTooLongSaidWholeAtForty(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	s := w.openSized(tui.Options{KeyHash: me.KeyHash, Code: sess.Code}, 40, 14)
	s.waitDrawn("New note in")
	s.paste(strings.Repeat("0123456789", session.MaxNoteLen/10+2))
	s.waitFor("too long, please shorten")
	requireFitsIn(t, s.view(), 40, 14)
}

func TestParticipantNoteTooLong(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	s := w.openAsParticipant(sess, me)
	s.waitFor("You have no notes here yet.")

	typed := strings.Repeat("0123456789", session.MaxNoteLen/10+2)
	s.waitDrawn("New note in Strengths")
	s.paste(typed)
	s.waitFor("too long, please shorten")
	s.press(tea.KeyEnter)
	// The service refuses it with a message, and nothing typed is lost: the whole
	// text is still in the box to be shortened.
	s.waitFor("at most 280 characters")
	if ns := w.notes(sess); len(ns) != 0 {
		t.Fatalf("stored %d notes, want none", len(ns))
	}
	want := fmt.Sprintf("%d/%d characters", len(typed), session.MaxNoteLen)
	if v := s.view(); !strings.Contains(v, want) {
		t.Fatalf("the box no longer holds all %d characters typed:\n%s", len(typed), v)
	}
	if v := s.view(); strings.Contains(v, "left out") {
		t.Fatalf("a paste the box held whole is said to have lost characters:\n%s", v)
	}
}

// A paste beyond what the box holds (four notes' worth) says how much of it was
// left out, at 80x24 with the screen's head in place; the next edit clears that.
func TestParticipantPasteBeyondTheBoxIsToldWhatWasLeftOut(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	s := w.openAsParticipant(sess, me)
	s.waitFor("You have no notes here yet.")

	pasted := strings.Repeat("0123456789", 500)
	held := 4 * session.MaxNoteLen
	count := fmt.Sprintf("%d/%d characters", held, session.MaxNoteLen)
	warning := fmt.Sprintf("The last %d characters pasted were left out: the box holds %d.", len(pasted)-held, held)
	s.waitDrawn("New note in Strengths")
	// As a terminal without bracketed paste sends it: in several reads.
	for part := range slices.Chunk([]byte(pasted), 1000) {
		s.paste(string(part))
	}
	s.waitFor(count, warning)
	v := s.view()
	if !strings.Contains(v, "charter") || !strings.Contains(v, "New note in Strengths") || !strings.Contains(v, warning) {
		t.Fatalf("the warning pushed the screen's head or the box's title off:\n%s", v)
	}
	requireFits(t, v)

	// The next edit clears it.
	s = w.openAsParticipant(sess, me)
	s.waitFor("You have no notes here yet.")
	s.waitDrawn("New note in Strengths")
	s.paste(pasted)
	s.waitFor(count, warning)
	s.press(tea.KeyBackspace)
	s.waitFor(fmt.Sprintf("%d/%d characters", held-1, session.MaxNoteLen))
	if v := s.view(); strings.Contains(v, "left out") {
		t.Fatalf("the warning stayed after an edit:\n%s", v)
	}
}

func TestParticipantNoteCountedAsStored(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	s := w.openAsParticipant(sess, me)
	s.waitFor("You have no notes here yet.")

	// Over the limit as typed, under it once runs of spaces are one: the counter says
	// what the service will count, and the note is accepted.
	typed := strings.Repeat("abc   ", session.MaxNoteLen/5)
	clean := session.CleanText(typed)
	if len(typed) <= session.MaxNoteLen || len(clean) > session.MaxNoteLen {
		t.Fatalf("bad fixture: %d typed, %d clean", len(typed), len(clean))
	}
	s.waitDrawn("New note in Strengths")
	s.paste(typed)
	s.waitFor(fmt.Sprintf("%d/%d characters", len(clean), session.MaxNoteLen))
	s.press(tea.KeyEnter)
	s.waitFor("Saved. Your note is stored")
	if s.everDrawn("too long") {
		t.Error("a note within the limit was called too long")
	}
	if ns := w.notes(sess); len(ns) != 1 || ns[0].Text != clean {
		t.Fatalf("stored %v, want one note %q", ns, clean)
	}
}

// A paste with a line break and a tab after it shows one space in the box, as the
// note stores it: the box showed two.
func TestParticipantPastedLineBreakShowsAsStored(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	s := w.openAsParticipant(sess, me)
	s.waitFor("You have no notes here yet.")

	s.waitDrawn("New note in Strengths")
	s.paste("Patch the build\n\tfaster")
	s.waitFor("Patch the build faster")
	s.press(tea.KeyEnter)
	s.waitFor("Saved. Your note is stored")
	if s.everDrawn("build  faster") {
		t.Error("the box showed two spaces for the line break and the tab")
	}
	if ns := w.notes(sess); len(ns) != 1 || ns[0].Text != "Patch the build faster" {
		t.Fatalf("stored %v, want one note %q", ns, "Patch the build faster")
	}
}

func TestParticipantRefusedNoteKeepsText(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	// One note at once and, with the clock standing still, no refill: the second
	// save is refused.
	w.svc.Limits = session.Limits{NotesPerMinute: 1, NoteBurst: 1}
	sess, me := w.writingParticipant()
	w.addNote(me, session.AreaConfidence, "strength", "first note")
	s := w.openAsParticipant(sess, me)
	s.waitFor("▸ first note")

	s.waitDrawn("New note in Strengths")
	s.tm.Type("second thought")
	s.press(tea.KeyEnter)
	s.waitFor("You are saving notes very fast")
	v := s.view()
	if len(w.notes(sess)) != 1 {
		t.Fatal("a refused note was stored")
	}
	box := lineWith(v, "second thought")
	if !strings.Contains(box, "│") {
		t.Errorf("the refused text is not in the box any more:\n%s", v)
	}
	requireFits(t, v)
}

func TestParticipantWriteScreenGolden(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	w.addNote(me, session.AreaConfidence, "strength", "We run threat modelling for every new service.")
	w.addNote(me, session.AreaConfidence, "strength", "Security champions answer questions within a day.")
	if _, err := w.svc.ChangeTimer(w.ctx, sess.ID, session.TimerSet, 10*time.Minute); err != nil {
		t.Fatal(err)
	}
	s := w.openAsParticipant(sess, me)
	s.waitFor("Security champions answer")
	requireGolden(t, "participant-write", s.view())
}

func TestBoardCountsInWords(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	w.addNote(me, session.AreaConfidence, "strength", "We run threat modelling for every new service.")
	// A lone writer's note reaches the board when the writing ends.
	w.setPhase(sess, session.PhaseReveal)
	b := w.openBoard(sess) // waits for the counts line
	b.waitDrawn("1 person · 0 done · 1 note")
	if b.everDrawn("1 people") || b.everDrawn("1 notes") {
		t.Error("the board counts one person or one note in the plural")
	}
}

// openBoard opens the facilitator's home and from it the board of s, the only session.
func (w *world) openBoard(s *session.Session) *term {
	w.t.Helper()
	return w.openBoardSized(s, termW, termH)
}

// openBoardSized is openBoard in a terminal of width x height.
func (w *world) openBoardSized(s *session.Session, width, height int) *term {
	w.t.Helper()
	b := w.openSized(tui.Options{Facilitator: true, JoinHint: "ssh -p 2222 charter.example"}, width, height)
	b.waitFor(s.Title)
	b.press(tea.KeyEnter)
	// Wait for the board's first load: the counts of what is stored.
	people, done, notes := 0, 0, 0
	ps, err := w.db.Participants(w.ctx, s.ID)
	if err != nil {
		w.t.Fatal(err)
	}
	for _, p := range ps {
		if !p.Removed && !p.Paper {
			people++
			if p.Done { // said so with x, the only done the board counts
				done++
			}
		}
	}
	for _, n := range w.notes(s) {
		// Held notes are not on the board yet (see session.MinBatchWriters).
		if !n.Hidden && n.Batch > 0 {
			notes++
		}
	}
	who := fmt.Sprintf("%d people", people)
	paper := 0
	for _, p := range ps {
		if p.Paper {
			paper++
		}
	}
	counts := fmt.Sprintf("%s · %d done · %d notes", who, done, notes)
	if w.session(s.ID).Phase == session.PhaseCheckIn {
		// Nobody is done at check-in: the board counts the raters shown instead,
		// as the projector does, of all who joined.
		shown, err := w.db.ShownRatings(w.ctx, s.ID)
		if err != nil {
			w.t.Fatal(err)
		}
		joined, rated, fromPaper := 0, len(shown), 0
		for _, p := range ps {
			switch {
			case !p.Paper:
				joined++
			case p.ShownRating > 0:
				rated-- // the chart counts paper ratings, the raters do not
				fromPaper++
			}
		}
		if joined > people {
			who += fmt.Sprintf(" + %d removed", joined-people)
		}
		if paper > 0 {
			who += fmt.Sprintf(" (+%d on paper)", paper)
		}
		// Those whose rating is held count as rated, the held ones apart; in
		// a check-in gone back to the board does not count them live.
		held, err := w.db.HeldRatings(w.ctx, s.ID)
		if err != nil {
			w.t.Fatal(err)
		}
		if w.session(s.ID).Furthest().AtLeast(session.PhaseWrite) {
			held = session.HeldRatings{}
		}
		ratedPart := fmt.Sprintf("%d of %d rated", rated+held.First, joined)
		if held.People() > 0 {
			ratedPart = fmt.Sprintf("%d of %d rated, %d held", rated+held.First, joined, held.People())
		}
		switch {
		case fromPaper > 0 && joined > 0:
			ratedPart += fmt.Sprintf(" · %d from paper", fromPaper)
		case fromPaper == 1:
			ratedPart = "1 rating from paper"
		case fromPaper > 0:
			ratedPart = fmt.Sprintf("%d ratings from paper", fromPaper)
		}
		counts = fmt.Sprintf("%s · %s · %d notes", who, ratedPart, notes)
	}
	if people == 1 {
		counts = strings.Replace(counts, "1 people", "1 person", 1)
	}
	if notes == 1 {
		counts = strings.Replace(counts, "1 notes", "1 note", 1)
	}
	if height < 16 {
		// A short terminal's board leaves the join line out (see the board's
		// header), the code with it.
		b.waitFor("1 Notes", counts)
		return b
	}
	b.waitFor("1 Notes", "code "+s.Code[:4]+"-"+s.Code[4:], counts)
	return b
}

// barsRE is one line of the rating distribution: rating, bar, count.
var barsRE = regexp.MustCompile(`(?m)^([1-5]) (█*) (\d+)$`)

// ratingBars reads the rating distribution off a view: bar length and count by rating.
func ratingBars(view string) (bars, counts map[int]int) {
	bars, counts = map[int]int{}, map[int]int{}
	for _, m := range barsRE.FindAllStringSubmatch(view, -1) {
		r, _ := strconv.Atoi(m[1])
		bars[r] = utf8.RuneCountInString(m[2])
		counts[r], _ = strconv.Atoi(m[3])
	}
	return bars, counts
}

func TestFacilitatorGivesTheSessionDate(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	s := w.open(tui.Options{Facilitator: true})
	s.waitFor("No sessions yet")
	s.keys("n")
	s.waitFor("new session", "Title")
	s.tm.Type("Paper session Porto")
	s.press(tea.KeyShiftTab) // from Title back round to Date, the last field
	s.waitFor("▸ Date")
	s.tm.Type("14.3.2026")
	s.press(tea.KeyEnter)
	s.waitFor("YYYY-MM-DD")
	if list, _ := w.db.Sessions(w.ctx); len(list) != 0 {
		t.Fatalf("a session with a bad date was created: %+v", list[0])
	}
	// Nothing typed is lost: the title is still there; the date is corrected.
	for range len("14.3.2026") {
		s.press(tea.KeyBackspace)
	}
	s.tm.Type("2026-03-14")
	s.press(tea.KeyEnter)
	s.waitFor("Paper session Porto", "LOBBY")
	list, err := w.db.Sessions(w.ctx)
	if err != nil || len(list) != 1 || list[0].Title != "Paper session Porto" || list[0].Date != "2026-03-14" {
		t.Fatalf("stored %+v, %v; want one session held on 2026-03-14", list, err)
	}
}

// Enter pressed again while the session is being created (an impatient key, a
// key that repeats) creates it once: the form takes no second create.
func TestNewSessionFormCreatesOnceOnRepeatedEnter(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	s := w.open(tui.Options{Facilitator: true})
	s.waitFor("No sessions yet")
	s.keys("n")
	s.waitFor("new session", "Title")
	s.tm.Type("Developers Porto")
	for range 4 {
		s.press(tea.KeyEnter) // to Audience, Location, Mode, Campaign
	}
	s.waitFor("▸ Campaign")
	for range 5 {
		s.press(tea.KeyEnter)
	}
	s.waitFor("Developers Porto", "LOBBY")
	// One esc says what a second does; the second leaves the board.
	s.press(tea.KeyEsc)
	s.waitFor("esc again goes back to the list of sessions")
	s.press(tea.KeyEsc)
	s.waitFor("Sessions by campaign")
	list, err := w.db.Sessions(w.ctx)
	if err != nil || len(list) != 1 {
		t.Fatalf("stored %d sessions (%v), want one", len(list), err)
	}
}

// The new-session form says what is wrong with a field when it is left, not only
// when the session is created; letters choose on a choice field instead of being
// lost; and the arrows stop at the ends (tab goes round).
func TestNewSessionFormChecksEachField(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	s := w.open(tui.Options{Facilitator: true})
	s.waitFor("No sessions yet")
	s.keys("n")
	s.waitFor("new session", "Title")
	s.press(tea.KeyEnter) // an empty title
	s.waitFor("The title cannot be empty")
	s.press(tea.KeyUp) // at the first field: stays
	s.keys("Platform developers")
	s.press(tea.KeyEnter)
	s.waitFor("▸ Audience")
	s.keys("s") // from developers to the first with s, then the next with s
	s.waitFor("[security engineers]")
	s.keys("s")
	s.waitFor("[service owners]")
	s.press(tea.KeyDown) // Location
	s.press(tea.KeyDown) // Mode
	s.keys("x")
	s.waitFor("type the first letter of")
	s.press(tea.KeyTab) // Campaign
	s.press(tea.KeyTab) // Date
	s.keys("Platform dev")
	s.press(tea.KeyDown) // the last field: stays, and the date is checked on leaving
	s.press(tea.KeyShiftTab)
	s.waitFor("is not a day as YYYY-MM-DD")
	for range len("Platform dev") {
		s.press(tea.KeyBackspace)
	}
	s.keys("2026-05-04")
	s.press(tea.KeyEnter)
	s.waitFor("Platform developers", "LOBBY")
	list, err := w.db.Sessions(w.ctx)
	if err != nil || len(list) != 1 {
		t.Fatalf("stored %+v, %v; want one session", list, err)
	}
	if got := list[0]; got.Title != "Platform developers" || got.Audience != session.AudienceServiceOwners || got.Date != "2026-05-04" {
		t.Errorf("stored %q for %s on %q; want Platform developers for service-owners on 2026-05-04", got.Title, got.Audience, got.Date)
	}
}

// Keys that arrive together (a fast typist, a paste, a slow link) go on to the screen
// the first of them opened: "n" opens the form, and the rest is its title, not
// commands of the list left behind ("D" deletes there, "n" opens another form).
func TestKeysAfterOneThatOpensAScreenReachIt(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	s := w.open(tui.Options{Facilitator: true})
	s.waitFor("No sessions yet")
	s.tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("nDevs Lisbon")})
	s.waitFor("new session", "Devs Lisbon")
	s.press(tea.KeyEnter)
	s.press(tea.KeyEnter)
	s.press(tea.KeyEnter)
	s.press(tea.KeyEnter)
	s.press(tea.KeyEnter)
	s.waitFor("LOBBY")
	list, err := w.db.Sessions(w.ctx)
	if err != nil || len(list) != 1 || list[0].Title != "Devs Lisbon" {
		t.Fatalf("stored %+v, %v; want one session titled Devs Lisbon", list, err)
	}
}

func TestFacilitatorCreatesSession(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	s := w.open(tui.Options{Facilitator: true})
	s.waitFor("No sessions yet")
	s.keys("n")
	s.waitFor("new session", "Title")
	s.tm.Type("Devs Lisbon")
	s.press(tea.KeyEnter)
	s.press(tea.KeyRight) // developers -> service-owners
	s.press(tea.KeyEnter)
	s.tm.Type("Lisbon")
	s.press(tea.KeyEnter)
	s.press(tea.KeyEnter)
	s.tm.Type("Chartering 2026")
	s.press(tea.KeyEnter)
	s.waitFor("Devs Lisbon", "LOBBY", "0 people")

	list, err := w.db.Sessions(w.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 {
		t.Fatalf("stored %d sessions, want 1", len(list))
	}
	got := list[0]
	if got.Title != "Devs Lisbon" || got.Audience != session.AudienceServiceOwners || got.Location != "Lisbon" ||
		got.Campaign != "Chartering 2026" || got.Mode != session.ModeInPerson || got.Phase != session.PhaseLobby {
		t.Errorf("stored session = %+v", got)
	}
	if v := s.view(); !strings.Contains(v, "code "+got.Code[:4]+"-"+got.Code[4:]) {
		t.Errorf("the board does not show the join code %s:\n%s", got.Code, v)
	}
}

func TestFacilitatorPhaseAndTimer(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	s := w.openBoard(sess)

	s.keys("]")
	s.waitFor("Moved to check-in.", "CHECK-IN")
	if ph := w.session(sess.ID).Phase; ph != session.PhaseCheckIn {
		t.Fatalf("after ] phase = %s, want check-in", ph)
	}
	s.keys("]")
	s.waitFor("Moved to write.")
	s.keys("[")
	s.waitFor("Moved to check-in.")
	if ph := w.session(sess.ID).Phase; ph != session.PhaseCheckIn {
		t.Fatalf("after ] [ phase = %s, want check-in", ph)
	}

	s.keys("t")
	s.waitFor("Timer (minutes, or m:ss):")
	s.keys("2")
	s.press(tea.KeyEnter)
	s.waitFor("Timer set to 2:00")
	if tm := w.session(sess.ID).Timer; tm.Set != 2*time.Minute || tm.Running {
		t.Fatalf("after setting, timer = %+v, want 2m, not running", tm)
	}
	s.tm.Send(tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}})
	s.waitFor("Timer started.")
	tm := w.session(sess.ID).Timer
	if !tm.Running || !tm.Ends.Equal(clock.Add(2*time.Minute)) {
		t.Fatalf("after space, timer = %+v, want running until %s", tm, clock.Add(2*time.Minute))
	}
	// The header follows once the board has read the change back.
	s.waitDrawn("2:00 left  CHECK-IN") // not "2:00 left (paused)"
	if l := lineWith(s.view(), "CHECK-IN"); !strings.Contains(l, "2:00 left") || strings.Contains(l, "paused") {
		t.Errorf("header = %q, want the running timer", l)
	}
}

// crowd is a session in the write phase with three participants: Ana and an anonymous
// one who wrote notes, and Olga who wrote nothing yet; ratings 2, 4 and 5 were given
// at check-in, and are all shown since the session moved on.
func (w *world) crowd() (*session.Session, []*session.Participant) {
	w.t.Helper()
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseCheckIn)
	ana := w.join(sess, "key-1", "Ana")
	anon := w.join(sess, "key-2", "")
	olga := w.join(sess, "key-3", "Olga")
	for _, r := range []struct {
		p      *session.Participant
		rating int
	}{{ana, 4}, {anon, 2}, {olga, 5}} {
		if err := w.svc.Rate(w.ctx, r.p.ID, r.rating); err != nil {
			w.t.Fatal(err)
		}
	}
	w.setPhase(sess, session.PhaseWrite)
	// Ana's two notes wait for the board until a second person (anon) writes: then
	// the three reach it together (see session.MinBatchWriters).
	w.addNote(ana, session.AreaConfidence, "concern", "Nobody owns the dependency updates.")
	w.addNote(ana, session.AreaActivities, "keep", "Keep the threat modelling sessions.")
	w.addNote(anon, session.AreaMotivation, "demotivates", "Security reviews come too late to change anything.")
	return sess, []*session.Participant{ana, anon, olga}
}

func TestFacilitatorNotesLiveAndHide(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, ps := w.crowd()
	s := w.openBoard(sess)

	// Notes written now reach the open board through the hub, two people's at once;
	// in a batch, the note last by content is listed first.
	n := w.addNote(ps[1], session.AreaConfidence, "strength", "Champions answer fast.")
	w.addNote(ps[2], session.AreaConfidence, "concern", "Builds break on old findings.")
	s.waitFor("▸ [conf strength] Champions answer fast.", "5 notes")

	// The batch took the selected top row since the last key: h asks first.
	s.keys("h")
	s.waitFor("New notes came in at the top: hide “Champions answer fast.”? y/n")
	s.keys("y")
	s.waitFor("Note hidden", "(hidden) [conf strength] Champions answer fast.")
	got, err := w.db.Note(w.ctx, n.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Hidden {
		t.Fatal("h did not hide the selected note")
	}
	for _, other := range w.notes(sess) {
		if other.ID != n.ID && other.Hidden {
			t.Errorf("h hid another note too: %q", other.Text)
		}
	}
	s.keys("h")
	s.waitFor("Note shown again.")
	if got, _ := w.db.Note(w.ctx, n.ID); got.Hidden {
		t.Error("a second h did not show the note again")
	}
}

func TestFacilitatorPeopleTab(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, ps := w.crowd()
	s := w.openBoard(sess)
	s.keys("2")
	s.waitFor("3 people · 1 without a note yet.")

	s.keys("r")
	s.waitFor("Remove Ana from the session?")
	s.keys("y")
	s.waitFor("Removed from the session.", "2 people + 1 removed · 1 without a note yet.")
	if !w.participant(ps[0].ID).Removed {
		t.Fatal("r y did not remove the selected participant")
	}
	for _, p := range ps[1:] {
		if w.participant(p.ID).Removed {
			t.Errorf("%s was removed too", p.Pseudonym)
		}
	}
	v := s.view()
	requireFits(t, v)
	if strings.Contains(v, "Ana") {
		t.Errorf("a removed participant is still listed:\n%s", v)
	}
	if l := lineWith(v, "Olga"); !strings.Contains(l, "P3") || strings.Contains(l, " no ") {
		t.Errorf("Olga's line = %q, want pseudonym P3 and not whether she wrote", l)
	}
	if l := lineWith(v, "(anonymous)"); !strings.Contains(l, "P2") || strings.Contains(l, " yes ") || strings.Contains(l, " 1 ") {
		t.Errorf("the anonymous participant's line = %q, want P2 and not whether or how much they wrote", l)
	}
}

func TestFacilitatorPeopleTabShowsNoNoteTexts(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, _ := w.crowd()
	s := w.openBoard(sess)
	s.keys("2")
	s.waitFor("3 people · 1 without a note yet.")
	v := s.view()
	for _, n := range w.notes(sess) {
		if strings.Contains(v, n.Text) || strings.Contains(v, n.Text[:12]) {
			t.Errorf("the people tab shows a note text next to people: %q", n.Text)
		}
	}
	for _, want := range []string{"P1", "P2", "P3", "Ana", "Olga"} {
		if !strings.Contains(v, want) {
			t.Errorf("the people tab does not list %s:\n%s", want, v)
		}
	}
}

func TestFacilitatorCheckInTab(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, _ := w.crowd()
	// Three latecomers rate after the check-in: their ratings show together.
	for k, r := range map[string]int{"key-4": 4, "key-5": 4, "key-6": 1} {
		if err := w.svc.Rate(w.ctx, w.join(sess, k, "").ID, r); err != nil {
			t.Fatal(err)
		}
	}
	w.setPhase(sess, session.PhaseReveal)
	s := w.openBoard(sess)
	s.keys("3")
	s.waitFor("6 ratings · mean 3.3 · median 4")

	s.keys("s")
	s.waitFor("Participants now see the distribution.")
	if !w.session(sess.ID).RatingsShown {
		t.Fatal("s did not show the ratings to participants")
	}
	s.keys("s")
	s.waitFor("hidden from participants again")
	if w.session(sess.ID).RatingsShown {
		t.Fatal("a second s did not hide the ratings again")
	}

	v := s.view()
	requireFits(t, v)
	// Ratings [1 2 4 4 4 5]: the bar of 4 is three times as long as those of 1, 2
	// and 5; 3 has none.
	bars, counts := ratingBars(v)
	if fmt.Sprint(counts) != fmt.Sprint(map[int]int{1: 1, 2: 1, 3: 0, 4: 3, 5: 1}) {
		t.Errorf("counts by rating = %v, want 1:1 2:1 4:3 5:1:\n%s", counts, v)
	}
	if bars[4] == 0 || bars[4]/3 != bars[2] || bars[5] != bars[2] || bars[1] != bars[2] || bars[3] != 0 {
		t.Errorf("bars = %v, want 4 three times as long as 1, 2 and 5 (rounded down), none for 3:\n%s", bars, v)
	}
}

func TestBoardGolden(t *testing.T) {
	t.Parallel()
	// One world serves the three tabs, which take turns: the board changes nothing.
	w := newWorld(t)
	sess, _ := w.crowd()
	if _, err := w.svc.ChangeTimer(w.ctx, sess.ID, session.TimerSet, 15*time.Minute); err != nil {
		t.Fatal(err)
	}
	for _, tab := range []struct{ name, key, wait string }{
		{"board-notes", "", ""},
		{"board-people", "2", "3 people · 1 without a note yet."},
		{"board-checkin", "3", "3 ratings · mean 3.7 · median 4"},
	} {
		t.Run(tab.name, func(t *testing.T) {
			w := w.in(t)
			s := w.openBoard(sess)
			if tab.key != "" {
				s.keys(tab.key)
				s.waitFor(tab.wait)
			}
			requireGolden(t, tab.name, withCode(s.view(), sess))
		})
	}
}

// TestKeyHelpFits checks the bottom line of each screen, the key help, against the
// terminal's width: the renderer cuts what is wider, so the last keys go missing.
func TestKeyHelpFits(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, ps := w.crowd()
	overflow := func(s *term) string {
		if l := lastLine(s.view()); lipgloss.Width(l) > termW {
			return fmt.Sprintf("%d cells: %q", lipgloss.Width(l), l)
		}
		return ""
	}
	j := w.open(tui.Options{})
	j.waitFor("Join code:")
	if o := overflow(j); o != "" {
		t.Errorf("join screen: key help is %s", o)
	}
	for _, tab := range []string{"1", "2", "3"} {
		b := w.openBoard(sess)
		b.keys(tab)
		if o := overflow(b); o != "" {
			t.Errorf("board tab %s: key help is %s", tab, o)
		}
	}

	// The participant's write screen has the most keys: the help keeps the most
	// important ones and drops the rest, never wider than the terminal.
	for i, area := range session.Areas {
		s := w.openAsParticipant(sess, ps[0])
		s.waitFor("WRITE", "[Confidence]")
		if i > 0 {
			for range i {
				s.press(tea.KeyTab)
			}
			s.waitFor("[" + area.Title() + "]")
		}
		if o := overflow(s); o != "" {
			t.Errorf("participant, %s: key help is %s", area, o)
		}
	}
}

// TestCrowdedScreensFit fills the screens with more notes and people than 24 lines
// hold: they scroll instead of growing past the terminal.
func TestCrowdedScreensFit(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)
	var ps []*session.Participant
	for i := range 30 {
		ps = append(ps, w.join(sess, fmt.Sprintf("key-%d", i), fmt.Sprintf("Person %d", i)))
	}
	for i := range 30 {
		w.addNote(ps[0], session.AreaConfidence, "strength", fmt.Sprintf("note number %d about the pipeline", i))
	}
	// Someone else writes too, so that the board gets the notes.
	w.addNote(ps[1], session.AreaConfidence, "concern", "one more about the pipeline")

	s := w.openAsParticipant(sess, ps[0])
	s.waitFor("note number 0 about")
	s.keys("n")
	s.waitFor("New note in Strengths")
	s.paste("a new thought")
	s.waitFor("a new thought")
	v := s.view()
	requireFits(t, v)
	if !strings.Contains(v, "a new thought") || !strings.Contains(v, "30 notes") {
		t.Errorf("with a long list the box or the note count is missing:\n%s", v)
	}

	for _, tab := range []string{"1", "2", "3"} {
		b := w.openBoard(sess)
		b.keys(tab)
		for range 40 {
			b.press(tea.KeyDown)
		}
		b.keys("t")
		b.waitFor("Timer (minutes")
		v := b.view()
		requireFits(t, v)
		if tab != "3" && !strings.Contains(v, "▸") {
			t.Errorf("tab %s: the selection scrolled out of sight:\n%s", tab, v)
		}
	}
}

// Keys that arrive together outside a text box, as from a fast typist or over a slow
// link, each count as a key press.
func TestKeysArrivingTogether(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	s := w.openBoard(sess)
	s.paste("]]")
	s.waitFor("Moved to write.")
	if ph := w.session(sess.ID).Phase; ph != session.PhaseWrite {
		t.Fatalf("after ]] phase = %s, want write", ph)
	}
}

// With fewer than three ratings, showing the distribution would let people work out
// each other's rating.
func TestRatingsNotShownBelowThree(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseCheckIn)
	for i, r := range []int{2, 5} {
		p := w.join(sess, fmt.Sprintf("key-%d", i), "")
		if err := w.svc.Rate(context.Background(), p.ID, r); err != nil {
			t.Fatal(err)
		}
	}
	s := w.openBoard(sess)
	s.waitDrawn("2 ratings") // the board opens at check-in on its chart
	s.keys("s")
	s.waitFor("Wait for at least 3 ratings")
	if w.session(sess.ID).RatingsShown {
		t.Fatal("the distribution of two ratings was shown to participants")
	}
}

// Back from a session's board, its projector view or its campaign, the home has
// that session selected, not the first of the list.
func TestHomeSelectsTheSessionComeBackFrom(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	for _, title := range []string{"Developers Berlin", "Developers Porto"} {
		if _, err := w.svc.NewSession(w.ctx, session.Session{Title: title, Audience: session.AudienceDevelopers, Campaign: "Chartering 2026"}); err != nil {
			t.Fatal(err)
		}
	}
	s := w.open(tui.Options{Facilitator: true})
	s.waitFor("Developers Berlin", "Developers Porto")
	selected := func() string {
		m := regexp.MustCompile(`▸ (Developers \pL+)`).FindAllStringSubmatch(s.drawn.String(), -1)
		if len(m) == 0 {
			t.Fatal("no session selected")
		}
		return m[len(m)-1][1]
	}
	first := selected()
	s.keys("j")
	second := "Developers Porto"
	if first == second {
		second = "Developers Berlin"
	}
	s.waitFor("▸ " + second)
	s.press(tea.KeyEnter)
	s.waitFor(" done · ") // the board
	s.press(tea.KeyEsc)
	s.press(tea.KeyEsc)
	s.waitFor("Sessions by campaign", "▸ "+second)
	s.keys("p")
	s.waitFor("q back") // to this list, not out of charter
	s.keys("q")
	s.waitFor("Sessions by campaign", "▸ "+second)
	s.keys("c")
	s.waitFor("S split from match")
	s.keys("q")
	s.waitFor("Sessions by campaign", "▸ "+second)
}

// Leaving the edit or the new-session form with esc comes back to the session that
// was selected: it came back to the first of the list, and the D that followed
// asked to delete another session than the one just looked at.
func TestHomeKeepsTheSelectionAfterAFormIsLeft(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.newSession("Developers Berlin")
	w.newSession("Developers Porto")
	order := w.homeOrder()
	last := order[len(order)-1].Title
	s := w.open(tui.Options{Facilitator: true})
	s.waitFor("Developers Berlin", "Developers Porto")
	s.press(tea.KeyEnd)
	s.waitFor("▸ " + last)
	for _, k := range []string{"e", "n"} {
		s.keys(k)
		s.waitFor("esc cancel")
		s.press(tea.KeyEsc)
		s.waitFor("Sessions by campaign", "▸ "+last)
	}
	s.keys("D")
	s.waitFor("Delete “")
	if v := s.view(); !strings.Contains(v, "▸ "+last) || !strings.Contains(v, "Delete “"+last+"”") {
		t.Errorf("after esc from the forms, %q is not the one selected and asked about:\n%s", last, v)
	}
}

// A status belongs where it was said: typing into the box takes away the error
// about an empty note (before, it stayed over a box that held text).
func TestParticipantTypingTakesAwayTheEmptyNoteError(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	s := w.openAsParticipant(sess, me)
	s.waitFor("You have no notes here yet.")
	s.waitDrawn("New note in Strengths")
	s.keys(" ") // only a space: an enter in an empty box does nothing
	s.press(tea.KeyEnter)
	s.waitFor("cannot be empty")
	s.keys("fast feedback from the scanner")
	s.waitFor("fast feedback from the scanner")
	if v := s.view(); strings.Contains(v, "cannot be empty") {
		t.Errorf("the empty-note error stayed over a box holding text:\n%s", v)
	}
}

// Opening the activity picker takes away the "Saved" of the last note (before, it
// stayed over the picker, as if about it).
func TestParticipantPickerTakesAwaySaved(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	s := w.openAsParticipant(sess, me)
	s.waitFor("You have no notes here yet.")
	s.press(tea.KeyTab) // to the security activities
	s.waitFor("a to choose")
	s.waitDrawn("New note in")
	s.keys("fast feedback from the scanner")
	s.press(tea.KeyEnter)
	s.waitFor("Saved. Your note is stored")
	s.press(tea.KeyEsc) // the box open for the next note
	s.keys("a")
	s.press(tea.KeyEnter)
	s.waitFor("What are your new notes about?")
	if v := s.view(); strings.Contains(v, "Saved.") {
		t.Errorf("\"Saved\" stayed over the activity picker:\n%s", v)
	}
}

// Hiding the last shown note of a theme with dots hides the theme and gives its
// dots back to their voters: the board asks first, says what happened, and a note
func TestHidingAThemesLastNoteAsksFirst(t *testing.T) {
	t.Parallel()
	w, sess, ns := groupWorld(t)
	w.setPhase(sess, session.PhaseVote)
	ts, err := w.svc.Themes(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	var deadlines *session.Theme
	for _, th := range ts {
		if th.Label == "deadlines" {
			deadlines = th
		}
	}
	voter := w.join(sess, "key-9", "")
	for range 2 {
		if err := w.svc.Vote(w.ctx, voter.ID, deadlines.ID, 1); err != nil {
			t.Fatal(err)
		}
	}
	dots := func() int {
		mine, err := w.svc.MyVotes(w.ctx, voter.ID)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, c := range mine {
			n += c
		}
		return n
	}
	b := w.openBoard(sess)
	b.keys("1")
	b.waitDrawn("deadlines always win over security")
	b.keys("/")
	b.keys("deadlines")
	b.press(tea.KeyEnter)
	b.waitDrawn("▸ [mot demotivates] deadlines always win over security")

	b.keys("h")
	// While people vote the counts are hidden: the question says no number.
	b.waitFor(`This is the last note shown of "deadlines"`, "any dots on it back to their voters", "Hide? y/n")
	b.keys("n")
	b.waitFor("Note left as it is.")
	if got, _ := w.db.Note(w.ctx, ns[2].ID); got.Hidden || dots() != 2 {
		t.Fatalf("answering n hid the note (%v) or took the dots (%d left of 2)", got.Hidden, dots())
	}

	b.keys("h")
	b.waitFor("Hide? y/n")
	b.keys("y")
	b.waitFor(`Note hidden, and with it the theme "deadlines": any dots on it went back`)
	if b.everDrawn("2 dots") {
		t.Error("the board said how many dots the theme had while counts are hidden")
	}
	if got, _ := w.db.Note(w.ctx, ns[2].ID); !got.Hidden || dots() != 0 {
		t.Fatalf("answering y: hidden %v, %d dots still on the theme, want hidden and 0", got.Hidden, dots())
	}

	// One of the pen tests' two notes leaves the theme shown: no question.
	b.keys("/")
	b.keys("more pen tests")
	b.press(tea.KeyEnter)
	b.waitDrawn("▸ [act more · pen testing] more pen tests before release")
	b.keys("h")
	b.waitFor("Note hidden: kept, but left out of what participants see and of exports.")
	if got, _ := w.db.Note(w.ctx, ns[0].ID); !got.Hidden {
		t.Fatal("h on a note whose theme stays shown did not hide it")
	}
}

// Removing someone changes no count of who wrote or rated: the people tab counts
// removed people too, so the counts before and after a removal cannot tell whether
// the removed person had written or rated.
func TestRemovalTellsNothingOfWhatTheRemovedGave(t *testing.T) {
	t.Parallel()
	summary := func(remove int) string {
		w := newWorld(t)
		sess, ps := w.crowd()
		late := w.join(sess, "key-4", "Lee")
		ps = append(ps, late) // Ana and anon wrote and rated, Olga rated, Lee neither
		if err := w.svc.RemoveParticipant(w.ctx, ps[remove].ID); err != nil {
			t.Fatal(err)
		}
		b := w.openBoard(sess)
		b.keys("2")
		b.waitFor("without a note yet")
		return lineWith(b.view(), "without a note yet")
	}
	ana, olga, lee := summary(0), summary(2), summary(3)
	if ana != olga {
		t.Errorf("removing one who wrote (Ana) and one who did not (Olga) differ:\n%s\n%s", ana, olga)
	}
	if olga != lee {
		t.Errorf("removing one who rated (Olga) and one who did not (Lee) differ:\n%s\n%s", olga, lee)
	}
	if !strings.Contains(lee, "1 removed") {
		t.Errorf("the summary %q does not say one was removed", lee)
	}
}

// A board list longer than the screen says what is above and below it, so that a
// cut list never looks whole.
func TestBoardListSaysWhatIsBelow(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)
	a, b := w.join(sess, "key-1", ""), w.join(sess, "key-2", "")
	for i := range 20 {
		p := a
		if i%2 == 1 {
			p = b
		}
		w.addNote(p, session.AreaMotivation, "motivates", fmt.Sprintf("note number %d about pairing", i))
	}
	s := w.openBoard(sess)
	s.waitDrawn("below · ↑/↓ pgup/pgdn home/end to scroll")
	s.press(tea.KeyEnd)
	s.waitFor("above · ↑/↓ pgup/pgdn home/end to scroll")
	v := s.view()
	requireFits(t, v)
	if strings.Contains(v, "below") {
		t.Errorf("at the end of the list it still says something is below:\n%s", v)
	}
}

// L moves a note written under the wrong heading to the lane it belongs in, and
// in the security activities asks which activity, found by part of its name.
func TestBoardMovesANoteToAnotherLane(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	if err := w.svc.SetActivities(w.ctx, sess.ID, []string{"threat modelling", "code scanning"}); err != nil {
		t.Fatal(err)
	}
	w.setPhase(sess, session.PhaseWrite)
	a, b := w.join(sess, "key-1", ""), w.join(sess, "key-2", "")
	wrong := w.addNote(a, session.AreaMotivation, "demotivates", "More threat modelling early, before the design is set")
	w.addNote(b, session.AreaConfidence, "strength", "We review each other's code")
	w.setPhase(sess, session.PhaseReveal)
	s := w.openBoard(sess)
	s.waitDrawn("[mot demotivates] More threat modelling early")
	s.keys("/more threat")
	s.press(tea.KeyEnter)
	s.waitDrawn("▸ [mot demotivates] More threat modelling early")
	s.keys("L")
	s.waitFor("Move the note to lane (number):", "3 keep 4 add 5 less 6 more · 7 motivates")
	s.keys("9")
	s.press(tea.KeyEnter)
	s.waitFor("Type the number of a lane, 1 to 8.")
	s.press(tea.KeyBackspace)
	s.keys("6")
	s.press(tea.KeyEnter)
	s.waitFor("Activity (part of its name; empty for none):")
	s.keys("threat")
	s.waitFor("about: threat modelling")
	s.press(tea.KeyEnter)
	s.waitFor("Note moved to act more · threat modelling.")
	for _, n := range w.notes(sess) {
		if n.ID == wrong.ID && (n.Area != session.AreaActivities || n.Lane != "more" || n.Activity != "threat modelling" || n.Text != wrong.Text) {
			t.Errorf("the note is stored as %+v", n)
		}
	}
	s.waitDrawn("[act more · threat modelling] More threat modelling early")
	requireFits(t, s.view())
}

// L offers the session's open topics after the method's lanes, by title, and the
// topic this board moved a note out of even once no note is left in it: a note
// moved out of its open topic by mistake goes back there (the lanes listed were
// the method's only, and a topic lives in its notes).
func TestBoardMovesANoteBackToItsOpenTopic(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)
	a, b := w.join(sess, "key-1", ""), w.join(sess, "key-2", "")
	lone := w.addNote(a, session.AreaOpen, "Recognition", "Nobody thanks us for fixing findings")
	w.addNote(b, session.AreaOpen, "AI assistants", "Copilot suggests insecure code")
	w.setPhase(sess, session.PhaseReveal)
	s := w.openBoard(sess)
	s.waitDrawn("[open · Recognition] Nobody thanks us")
	s.keys("/nobody thanks")
	s.press(tea.KeyEnter)
	s.waitDrawn("▸ [open · Recognition] Nobody thanks us")
	s.keys("L")
	s.waitFor("Move the note to lane (number):", "8 demotivates", "9 AI assistants 10 Recognition")
	s.keys("7")
	s.waitFor("→ mot motivates")
	s.press(tea.KeyEnter)
	s.waitFor("Note moved to mot motivates.")
	s.waitDrawn("▸ [mot motivates] Nobody thanks us")
	s.keys("L")
	s.waitFor("Move the note to lane (number):", "9 AI assistants 10 Recognition")
	s.keys("10")
	s.waitFor("→ open · Recognition")
	s.press(tea.KeyEnter)
	s.waitFor("Note moved to open · Recognition.")
	s.waitDrawn("▸ [open · Recognition] Nobody thanks us")
	for _, n := range w.notes(sess) {
		if n.ID == lone.ID && (n.Area != session.AreaOpen || n.Lane != "Recognition" || n.Text != lone.Text) {
			t.Errorf("the note moved back is stored as %+v", n)
		}
	}
	requireFits(t, s.view())
}

// L's activity found by part of its name: "pen" is pen testing, though
// dependency scanning holds it too (inside a word); a part that several names
// hold at a word's start asks for more, and a name not on the list says it would
// be a new activity, instead of filing the note under "pen" (a tester's finding).
func TestBoardMovesANoteToAnActivityByAPartOfItsName(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	if err := w.svc.SetActivities(w.ctx, sess.ID, []string{"code scanning (SAST)", "dependency scanning", "pen testing"}); err != nil {
		t.Fatal(err)
	}
	w.setPhase(sess, session.PhaseWrite)
	a, b := w.join(sess, "key-1", ""), w.join(sess, "key-2", "")
	wrong := w.addNote(a, session.AreaConfidence, "strength", "Pen test reports arrive months late")
	w.addNote(b, session.AreaConfidence, "concern", "We review each other's code")
	w.setPhase(sess, session.PhaseReveal)
	s := w.openBoard(sess)
	s.waitDrawn("[conf strength] Pen test reports")
	s.keys("/pen test")
	s.press(tea.KeyEnter)
	s.waitDrawn("▸ [conf strength] Pen test reports")
	s.keys("L5")
	s.press(tea.KeyEnter)
	s.waitFor("Activity (part of its name; empty for none):")
	s.keys("scanning")
	s.waitFor("which one? code scanning (SAST), dependency scanning")
	s.press(tea.KeyEnter)
	s.waitFor("Several activities hold “scanning”: type more of one.")
	for range len("scanning") {
		s.press(tea.KeyBackspace)
	}
	s.keys("fuzzing")
	s.waitFor("about: fuzzing (not on the list: a new activity)")
	for range len("fuzzing") {
		s.press(tea.KeyBackspace)
	}
	s.keys("pen")
	s.waitFor("about: pen testing")
	s.press(tea.KeyEnter)
	s.waitFor("Note moved to act less · pen testing.")
	for _, n := range w.notes(sess) {
		if n.ID == wrong.ID && (n.Lane != "less" || n.Activity != "pen testing") {
			t.Errorf("the note is stored as %+v", n)
		}
	}
	requireFits(t, s.view())
}

// L onto an activity a participant proposed, typed in another case, says before
// enter that it is theirs, and files the note under their spelling: from the
// reveal on their notes show it, and the note stood apart under a second spelling
// of it, on every screen and in the findings.
func TestBoardMovesANoteToAProposedActivityInItsSpelling(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)
	a, b := w.join(sess, "key-1", ""), w.join(sess, "key-2", "")
	if _, err := w.svc.AddNote(w.ctx, a.ID, session.Note{Area: session.AreaActivities, Lane: "keep", Activity: "Container Scanning", Text: "scan the images in CI"}); err != nil {
		t.Fatal(err)
	}
	wrong := w.addNote(b, session.AreaConfidence, "concern", "The registry scan finds too much")
	w.setPhase(sess, session.PhaseReveal)
	s := w.openBoard(sess)
	s.waitDrawn("The registry scan")
	s.keys("/registry")
	s.press(tea.KeyEnter)
	s.waitDrawn("▸ [conf concern] The registry scan")
	s.keys("L5")
	s.press(tea.KeyEnter)
	s.waitFor("Activity (part of its name; empty for none):")
	s.keys("container scanning")
	s.waitFor("about: Container Scanning (proposed on notes, not on the list)")
	s.press(tea.KeyEnter)
	s.waitFor("Note moved to act less · Container Scanning.")
	for _, n := range w.notes(sess) {
		if n.Activity != "Container Scanning" || n.ID == wrong.ID && n.Lane != "less" {
			t.Errorf("%q is stored in %s %s under %q, want under Container Scanning", n.Text, n.Area, n.Lane, n.Activity)
		}
	}
	requireFits(t, s.view())
}

// A note of long words asked about for deletion at 80 columns: the question is
// wrapped, so the keys at its end are read.
func TestParticipantDeletePromptShowsItsKeys(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	w.addNote(me, session.AreaConfidence, "strength", "organisational accountability remains disappointingly inconsistent throughout procurement negotiations everywhere")
	s := w.openAsParticipant(sess, me)
	s.waitFor("▸ organisational")
	s.press(tea.KeyEsc) // the box of a new note closed for the list's keys
	s.waitFor("type new note")
	s.keys("d")
	s.waitFor("Delete “organisational", "enter = delete")
	v := s.view()
	requireFits(t, v)
	var words []string
	for _, l := range strings.Split(v, "\n") {
		words = append(words, strings.Fields(l)...)
	}
	if read := strings.Join(words, " "); !strings.Contains(read, "enter = delete, esc = keep (a letter begins a new note)") {
		t.Errorf("the question does not say its keys to the end:\n%s", v)
	}
}

// The note box's text takes the box's inner width (but the cursor's cell): it
// wrapped three cells short of it, 73 of 76 at 80 columns (a tester's finding).
func TestParticipantNoteBoxUsesItsWidth(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	s := w.openAsParticipant(sess, me)
	s.waitFor("You have no notes here yet.")
	s.waitDrawn("New note in Strengths")
	s.tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(strings.Repeat("x", 80)), Paste: true})
	s.waitFor("80/280")
	inner := termW - 4 // the box's borders and its padding of one cell each side
	var counts []int
	for _, l := range strings.Split(s.view(), "\n") {
		// The box's lines are the ones between its side borders; the key line
		// below has words with an x too.
		if n := strings.Count(l, "x"); n > 0 && strings.Contains(l, "│") {
			counts = append(counts, n)
		}
	}
	if len(counts) != 2 || counts[0] != inner-1 || counts[0]+counts[1] != 80 {
		t.Errorf("the box's lines hold %v characters, want %d then the rest (its inner width %d, but the cursor's cell)", counts, inner-1, inner)
	}
}

// L keeps the note's own activity when enter takes it as offered, even when it is
// not on the list and several listed names hold it: a participant's "scanning"
// was refused as several activities ("type more of one"), and the facilitator
// had no way to keep it.
func TestBoardMoveKeepsTheNotesOwnActivity(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	if err := w.svc.SetActivities(w.ctx, sess.ID, []string{"code scanning (SAST)", "dependency scanning"}); err != nil {
		t.Fatal(err)
	}
	w.setPhase(sess, session.PhaseWrite)
	a := w.join(sess, "key-1", "")
	own, err := w.svc.AddNote(w.ctx, a.ID, session.Note{Area: session.AreaActivities, Lane: "more", Activity: "scanning", Text: "Scanners flag too much"})
	if err != nil {
		t.Fatal(err)
	}
	w.setPhase(sess, session.PhaseReveal)
	s := w.openBoard(sess)
	s.waitDrawn("Scanners flag too much")
	s.keys("/Scanners")
	s.press(tea.KeyEnter)
	s.waitDrawn("▸ [")
	s.keys("L5")
	s.press(tea.KeyEnter)
	s.waitFor("Activity (part of its name; empty for none): scanning")
	s.press(tea.KeyEnter)
	s.waitFor("Note moved to act less · scanning.")
	for _, n := range w.notes(sess) {
		if n.ID == own.ID && (n.Lane != "less" || n.Activity != "scanning") {
			t.Errorf("the note is stored as %+v", n)
		}
	}
}

// A participant with two terminals open before the reveal sees, in each, the notes
// saved, changed and deleted in the other: only the board watches notes then, and
// the second terminal showed its notes as it had first read them.
func TestOwnNotesFollowOnASecondTerminal(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	one := w.openAsParticipant(sess, me)
	one.waitFor("You have no notes here yet.")
	two := w.openAsParticipant(sess, me)
	two.waitFor("You have no notes here yet.")

	one.waitDrawn("New note in Strengths")
	one.paste("the staging keys never rotate")
	one.press(tea.KeyEnter)
	one.waitFor("Saved.")
	two.waitFor("the staging keys never rotate")

	two.press(tea.KeyEsc) // the box of a new note closed for the list's keys
	two.waitFor("type new note")
	two.keys("e")
	two.press(tea.KeyEnter)
	two.waitFor("Edit")
	two.press(tea.KeyCtrlU)
	two.paste("the staging keys rotate once a year")
	two.press(tea.KeyEnter)
	two.waitFor("Saved your change.")
	one.waitFor("the staging keys rotate once a year")

	one.press(tea.KeyUp) // from the box open for the next note to the list
	one.keys("d")
	one.waitFor("Delete")
	one.press(tea.KeyEnter)
	one.waitFor("Note deleted.")
	two.waitFor("You have no notes here yet.")
}

// Someone who joined after the check-in is offered its rating while notes are
// written (c): a digit chooses, enter gives it, esc leaves it for later. Their
// rating joins the chart only together with two more latecomers': alone or in a
// pair, the room, which saw who came late, would know it.
func TestLatecomersRateTheirConfidence(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseCheckIn)
	early := w.join(sess, "key-0", "")
	if err := w.svc.Rate(w.ctx, early.ID, 3); err != nil {
		t.Fatal(err)
	}
	w.setPhase(sess, session.PhaseWrite)
	shown := func() []int {
		t.Helper()
		r, err := w.db.ShownRatings(w.ctx, sess.ID)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}

	one := w.openAsParticipant(sess, w.join(sess, "key-1", ""))
	one.waitFor("No confidence rating from you yet: esc, then c, gives one")
	one.press(tea.KeyEsc) // the box of a new note closed for the list's keys
	one.waitFor("type new note", "c rate confidence")
	one.keys("c")
	// What the screen says of the keys agrees with the key line: 1-5 chooses.
	one.waitFor("How confident are you in your team's security?", "↑/↓ or 1-5 to choose, then enter.")
	one.press(tea.KeyEsc)
	one.waitFor("No rating given; c rates whenever you like")
	// Typed as if into a note's box: the digit only chooses (c rates, a sentence
	// begun with another letter is a note's).
	one.keys("c 3 audits")
	one.waitFor("3 chosen: enter gives it")
	one.press(tea.KeyEsc)
	one.waitFor("No rating given")
	one.keys("c")
	one.waitFor("How confident are you in your team's security?")
	one.keys("4")
	one.waitFor("4 chosen: enter gives it")
	one.press(tea.KeyEnter)
	one.waitFor("Your rating 4 is saved. The chart shows it with at least two other ratings")

	two := w.openAsParticipant(sess, w.join(sess, "key-2", ""))
	two.waitFor("No confidence rating from you yet: esc, then c, gives one")
	two.press(tea.KeyEsc)
	two.waitFor("type new note", "c rate confidence")
	two.keys("c")
	two.waitFor("How confident are you in your team's security?")
	two.press(tea.KeyDown)
	two.press(tea.KeyEnter)
	two.waitFor("Your rating 5 is saved.")
	if got := shown(); !slices.Equal(got, []int{3}) {
		t.Fatalf("with two late ratings the chart shows %v, want the check-in's [3] alone", got)
	}
	if err := w.svc.Rate(w.ctx, w.join(sess, "key-3", "").ID, 2); err != nil {
		t.Fatal(err)
	}
	if got := shown(); !slices.Equal(got, []int{2, 3, 4, 5}) {
		t.Fatalf("with three late ratings the chart shows %v, want [2 3 4 5]", got)
	}
	// Rated, c offers nothing more.
	two.keys("c")
	if v := two.view(); strings.Contains(v, "How confident are you") || strings.Contains(v, "c rate confidence") {
		t.Fatalf("a participant who rated is offered the rating again:\n%s", v)
	}
	if got := shown(); !slices.Equal(got, []int{2, 3, 4, 5}) {
		t.Fatalf("typing gave a rating: the chart shows %v", got)
	}
}

// A form opened from the home before the home has loaded again (n right after esc
// from another form) comes back to the session selected before: the existing test
// waits for the load between the forms, and never opened one before it.
func TestHomeKeepsTheSelectionThroughAFormOpenedBeforeItLoads(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.newSession("Developers Berlin")
	w.newSession("Developers Porto")
	order := w.homeOrder()
	last := order[len(order)-1].Title
	s := w.open(tui.Options{Facilitator: true})
	s.waitFor("Developers Berlin", "Developers Porto")
	s.press(tea.KeyEnd)
	s.waitFor("▸ " + last)
	s.keys("e")
	s.waitFor("esc cancel")
	s.press(tea.KeyEsc)
	s.keys("n") // before the home has loaded
	// The form's heading: the home's key line says "n new session" too, and
	// esc pressed on that, before the form was drawn, left no frame between
	// two homes, whose unchanged heading was then not drawn again.
	s.waitFor(" · new session")
	s.press(tea.KeyEsc)
	s.waitFor("Sessions by campaign", "Developers Porto")
	s.keys("D")
	s.waitFor("Delete “")
	if v := s.view(); !strings.Contains(v, "Delete “"+last+"”") {
		t.Errorf("not %q:\n%s", last, v)
	}
}

// A participant with two terminals open at check-in sees, in each, the rating given
// in the other: only the board watched ratings (while the chart is not shown to
// participants), and the first terminal went on marking the rating it had given,
// 5, as "your rating" after the second changed it to 1.
func TestOwnRatingFollowsOnASecondTerminal(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	me := w.join(sess, "key-1", "")
	w.setPhase(sess, session.PhaseCheckIn)
	one := w.openAsParticipant(sess, me)
	one.waitFor("How confident are you")
	two := w.openAsParticipant(sess, me)
	two.waitFor("How confident are you")

	one.keys("5")
	one.waitFor("Your rating 5 is saved.")
	two.waitFor("5  fully  ← your rating")
	two.keys("1")
	two.waitFor("Your rating 1 is saved.")
	one.waitFor("1  not at all  ← your rating")
	if v := one.view(); strings.Contains(lineWith(v, "5  fully"), "your rating") {
		t.Errorf("the first terminal still marks 5 as the rating:\n%s", v)
	}
}

// The done mark too: said in one terminal, the other shows it, and its x takes it
// back rather than saying it again. Participants' screens do not watch who is done
// (only the board does), and the second terminal went on offering "x I'm done".
func TestOwnDoneMarkFollowsOnASecondTerminal(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	one := w.openAsParticipant(sess, me)
	one.waitFor("You have no notes here yet.")
	two := w.openAsParticipant(sess, me)
	two.waitFor("You have no notes here yet.")
	one.waitDrawn("New note in Strengths") // loaded: the box is open
	two.waitDrawn("New note in Strengths")

	one.press(tea.KeyEsc) // the box of a new note closed for the list's keys
	one.waitFor("type new note")
	one.keys("x")
	one.press(tea.KeyEnter)
	one.waitFor("Marked as done.")
	two.waitFor("you are still marked as done") // its box is open: the mark stands while writing
	two.press(tea.KeyEsc)
	two.waitFor("x not done after all")
	two.keys("x")
	two.press(tea.KeyEnter)
	two.waitFor("Not done any more.")
	if w.participant(me.ID).Done {
		t.Error("x on the second terminal did not take the done mark back")
	}
}

// A session's title that fits beside the phase is shown whole on the board, the
// projector and a participant's screen: the headers cut it at half the width,
// "Security engineers Berlin, spring sessi…" with thirty columns left blank.
func TestHeadersShowAFittingTitleWhole(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	const title = "Security engineers Berlin, spring session 2027"
	sess := w.newSession(title)
	p := w.join(sess, "key-1", "")
	w.setPhase(sess, session.PhaseCheckIn)
	board := w.openSized(tui.Options{Facilitator: true}, termW, termH)
	board.waitFor("▸ Security")
	board.press(tea.KeyEnter) // the only session: its board
	screens := map[string]*term{
		"board":       board,
		"projector":   w.openSized(tui.Options{Facilitator: true, Present: true, Code: sess.Code}, termW, termH),
		"participant": w.openAsParticipant(sess, p),
	}
	for name, s := range screens {
		s.waitDrawn("CHECK-IN")
		v := s.view()
		if head := strings.Split(v, "\n")[0]; !strings.Contains(head, title) {
			t.Errorf("the %s's header cuts the title: %q", name, head)
		}
	}
}

// The activities a part of a name matches are listed whole where the screen has
// room: the hint was cut at 78 columns whatever the width, "which one? security
// training, security guild, security champions, secure code…" at 120 columns.
func TestBoardListsEveryActivityMatchedWhereThereIsRoom(t *testing.T) {
	t.Parallel()
	acts := []string{"security training", "security guild", "security champions", "secure code review", "security incident handling"}
	w, sess := revealedSession(t, acts, [2]session.Note{
		{Area: session.AreaConfidence, Lane: "strength", Text: "Pen test reports arrive months late"},
		{Area: session.AreaConfidence, Lane: "concern", Text: "We review each other's code"},
	})
	s := w.openBoardSized(sess, 160, 40)
	s.waitDrawn("[conf strength] Pen test reports")
	s.keys("L5")
	s.press(tea.KeyEnter)
	s.waitFor("Activity (part of its name; empty for none):")
	s.keys("secur")
	s.waitFor("which one?")
	v := s.view()
	if want := "which one? " + strings.Join(acts, ", "); !strings.Contains(v, want) {
		t.Errorf("the hint does not list every match whole (%q):\n%s", want, v)
	}
	requireFitsIn(t, v, 160, 40)

	// Where the room is short it takes a second line, and the board still fits.
	s = w.openBoardSized(sess, 60, 20)
	s.waitDrawn("[conf strength] Pen test reports")
	s.keys("L5")
	s.press(tea.KeyEnter)
	s.waitFor("Activity (part of its name; empty for none):")
	s.keys("secur")
	s.waitFor("which one?")
	requireFitsIn(t, s.view(), 60, 20)
}

// Text pasted while no text box is open is not taken for key presses: a paragraph
// pasted after esc closed the box, or before n opened one, ran its letters as keys,
// and "dy" in it deleted the selected note (d, then y to confirm), as "qy" in it
// would leave the session and a digit at check-in would rate. On the list of notes
// while notes are taken, a paste begins a note with its words, as typing there
// does; where no note can begin (the check-in) it is dropped. Keys that arrive
// together unmarked (a fast typist, a slow link) still count one by one.
func TestPasteOutsideATextBoxIsNotKeys(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	w.addNote(me, session.AreaConfidence, "strength", "the staging keys never rotate")
	s := w.openAsParticipant(sess, me)
	s.waitFor("the staging keys never rotate")
	s.press(tea.KeyEsc) // the box of a new note closed: the paste is on the list
	s.waitFor("type new note")
	s.tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("did you say yes"), Paste: true})
	s.waitFor("New note in Strengths", "did you say yes")
	if s.everDrawn("esc keep") || s.everDrawn("Edit your note") {
		t.Error("the pasted letters were taken for keys")
	}
	s.tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(" from the wiki"), Paste: true})
	s.waitFor("did you say yes from the wiki")
	s.press(tea.KeyEnter)
	s.waitFor("Saved. Your note is stored")
	var texts []string
	for _, n := range w.notes(sess) {
		texts = append(texts, n.Text)
	}
	slices.Sort(texts)
	if want := []string{"did you say yes from the wiki", "the staging keys never rotate"}; !slices.Equal(texts, want) {
		t.Errorf("notes after the paste: %q, want %q", texts, want)
	}

	// At the check-in no note begins: a pasted digit neither rates nor opens a box.
	w.setPhase(sess, session.PhaseCheckIn)
	s.waitFor("How confident are you")
	s.tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("4"), Paste: true})
	s.keys("5")
	s.waitFor("Your rating 5 is saved")
	if s.everDrawn("Your rating 4") || s.everDrawn("4 chosen") {
		t.Error("the pasted digit rated at the check-in")
	}
}

// A note deleted on one terminal while the other changes it: the change is not
// lost with the note. Enter said "Note not found." and left the edit open, whose esc
// then threw the typed text away; the text now becomes a new note when enter is
// pressed again.
func TestEditOfANoteDeletedElsewhereBecomesANewNote(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	one := w.openAsParticipant(sess, me)
	one.waitFor("You have no notes here yet.")
	two := w.openAsParticipant(sess, me)
	two.waitFor("You have no notes here yet.")

	one.keys("pen tests come late")
	one.press(tea.KeyEnter)
	one.waitFor("Saved")
	two.waitFor("pen tests come late")
	two.press(tea.KeyEsc) // the box of a new note closed for the list's keys
	two.waitFor("type new note")
	two.keys("e")
	two.press(tea.KeyEnter)
	two.waitFor("esc cancel")
	two.press(tea.KeyEnd)
	two.keys(" every year")
	one.press(tea.KeyUp) // from the box open for the next note to the list
	one.keys("d")
	one.waitFor("enter delete")
	one.press(tea.KeyEnter)
	one.waitFor("Note deleted.")
	two.press(tea.KeyEnter)
	two.waitFor("That note was deleted meanwhile")
	two.press(tea.KeyEnter)
	two.waitFor("Saved")
	notes := w.notes(sess)
	if len(notes) != 1 || notes[0].Text != "pen tests come late every year" {
		var texts []string
		for _, n := range notes {
			texts = append(texts, n.Text)
		}
		t.Errorf("notes %q, want the changed text as the one note", texts)
	}
}

// A new note's box fits a short terminal: at 80x14 and 40x15 the box, its title and
// its counter pushed the header off the top. What is typed stays in view.
func TestNoteBoxFitsAShortTerminal(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	other := w.join(sess, "key-other", "")
	for _, text := range []string{"tokens never expire", "the scanner is noisy", "reviews catch little"} {
		w.addNote(other, session.AreaConfidence, "strength", text)
	}
	for i, size := range [][2]int{{80, 14}, {40, 15}, {60, 14}, {80, 16}, {80, 24}} {
		if i == 3 {
			// With notes of their own above the box.
			for _, text := range []string{"tokens never expire", "the scanner is noisy"} {
				w.addNote(me, session.AreaConfidence, "strength", text)
			}
		}
		p := w.openSized(tui.Options{KeyHash: me.KeyHash, Code: sess.Code}, size[0], size[1])
		p.waitFor("Strengths")
		p.keys("n")
		p.keys("the scanner flags old code")
		p.waitDrawn("the scanner flags old code")
		v := p.view()
		requireFitsIn(t, v, size[0], size[1])
		if !strings.Contains(strings.Split(v, "\n")[0], "WRITE") {
			t.Errorf("at %dx%d the header is not on top:\n%s", size[0], size[1], v)
		}
	}
}

// q, which quits the list of sessions and leaves a participant's screen, says on
// the board how to leave it (a facilitator's trial: it did nothing), and leaves
// nothing: the board is still there.
func TestBoardQSaysHowToLeave(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	b := w.openBoard(w.newSession("Developers Porto"))
	b.waitDrawn("LOBBY")
	b.keys("q")
	b.waitFor("The board leaves with esc, twice")
	b.press(tea.KeyEsc)
	b.waitFor("esc again goes back to the list of sessions")
	b.press(tea.KeyEsc)
	b.waitFor("Sessions by campaign")
}

// esc on a new session's form after typing into it (meant for the campaign's
// suggestion, say) keeps what was typed: n opens the form again as it was left.
// A form left empty keeps nothing, and a session once created leaves no form.
func TestNewSessionFormLeftWithEscComesBack(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	s := w.open(tui.Options{Facilitator: true})
	s.waitFor("No sessions yet")
	s.keys("n")
	s.waitFor("▸ Title")
	s.tm.Type("Developers Porto")
	s.press(tea.KeyEnter) // to Audience
	s.press(tea.KeyEnter) // to Location
	s.tm.Type("Porto")
	s.press(tea.KeyEsc)
	s.waitFor("Not created; n opens the form again as you left it.")
	s.keys("n")
	s.waitFor("Developers Porto", "▸ Location Porto")
	s.press(tea.KeyEnter) // to Mode
	s.press(tea.KeyEnter) // to Campaign
	s.press(tea.KeyEnter) // creates it
	s.waitFor("Developers Porto", "LOBBY")
	s.press(tea.KeyEsc)
	s.press(tea.KeyEsc)
	s.waitFor("Sessions by campaign")
	s.keys("n")
	s.waitFor("▸ Title    e.g. Developers, Berlin")
	s.press(tea.KeyEsc)
	s.waitFor("Sessions by campaign")
	if v := s.view(); strings.Contains(v, "Not created") {
		t.Errorf("an empty form left with esc says it was kept:\n%s", v)
	}
}

// At 40x14 a prompt too long to leave its box room beside it is said whole on lines
// of its own, the box under it: L's "Activity (part of its name; empty for none):"
// was cut to "…empty for no" and its box lost.
func TestBoardLongPromptIsWholeWhenNarrow(t *testing.T) {
	t.Parallel()
	w, sess := revealedSession(t, []string{"threat modelling", "code scanning"}, [2]session.Note{
		{Area: session.AreaMotivation, Lane: "demotivates", Text: "More threat modelling early"},
		{Area: session.AreaConfidence, Lane: "strength", Text: "We review code"},
	})
	s := w.openBoardSized(sess, 40, 14)
	s.waitDrawn("More threat")
	s.keys("/more threat")
	s.press(tea.KeyEnter)
	s.keys("L")
	s.waitFor("lane (number)")
	s.keys("6")
	s.press(tea.KeyEnter)
	s.waitFor("none):")
	s.keys("threat")
	s.waitFor("about:")
	v := s.view()
	requireFitsIn(t, v, 40, 14)
	if !strings.Contains(strings.Join(strings.Fields(v), " "), "Activity (part of its name; empty for none):") {
		t.Errorf("the prompt is not said whole:\n%s", v)
	}
	if !strings.Contains(v, "threat") || !strings.Contains(strings.Join(strings.Fields(v), " "), "about: threat modelling") {
		t.Errorf("the box with what is typed, or its hint, is not in view:\n%s", v)
	}
}

// revealedSession is a session in the reveal whose list of activities is acts,
// with notes written by two people.
func revealedSession(t *testing.T, acts []string, notes [2]session.Note) (*world, *session.Session) {
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	if err := w.svc.SetActivities(w.ctx, sess.ID, acts); err != nil {
		t.Fatal(err)
	}
	w.setPhase(sess, session.PhaseWrite)
	for i, n := range notes {
		w.addNote(w.join(sess, fmt.Sprintf("key-%d", i+1), ""), n.Area, n.Lane, n.Text)
	}
	w.setPhase(sess, session.PhaseReveal)
	return w, sess
}
