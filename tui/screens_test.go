package tui_test

import (
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"

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
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseCheckIn)
	me := w.join(sess, "key-1", "")
	s := w.openAsParticipant(sess, me)
	s.waitFor("5  very")

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

func TestParticipantWritesNotes(t *testing.T) {
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)
	me := w.join(sess, "key-1", "")
	s := w.openAsParticipant(sess, me)
	s.waitFor("You have no notes here yet.")

	s.keys("n")
	s.waitFor("New note in Strengths")
	// Typed key by key, the words must not be taken for the keys they name.
	s.tm.Type("move up the list")
	s.press(tea.KeyEnter)
	s.waitFor("Saved. Your note is stored", "▸ move up the list")

	s.keys("n")
	s.waitFor("New note in Strengths")
	s.tm.Type("scroll ")
	// A terminal may deliver a typed word as one message; "up" must stay text.
	s.tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("up")})
	s.press(tea.KeyEnter)
	s.waitFor("Saved. Your note is stored", "  scroll up")

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

func TestParticipantEditsAndDeletesOwnNote(t *testing.T) {
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)
	me := w.join(sess, "key-1", "")
	n := w.addNote(me, session.AreaConfidence, "strength", "tests are slow")
	s := w.openAsParticipant(sess, me)
	s.waitFor("▸ tests are slow")

	s.keys("e")
	s.waitFor("Edit your note")
	s.tm.Type(" to run")
	s.press(tea.KeyEnter)
	s.waitFor("Saved your change.")
	ns := w.notes(sess)
	if len(ns) != 1 || ns[0].ID != n.ID || ns[0].Text != "tests are slow to run" {
		t.Fatalf("after the edit notes = %q, want the one note changed", noteTexts(ns))
	}

	s.keys("d")
	s.waitFor("Delete the selected note?")
	s.keys("x") // anything but y keeps it
	s.waitFor("Kept the note.")
	if len(w.notes(sess)) != 1 {
		t.Fatal("the note was deleted without a y")
	}
	s.keys("d")
	s.waitFor("Delete the selected note?")
	s.keys("y")
	s.waitFor("Note deleted.")
	if ns := w.notes(sess); len(ns) != 0 {
		t.Fatalf("after delete notes = %q, want none", noteTexts(ns))
	}
	if v := s.view(); !strings.Contains(v, "You have no notes here yet.") {
		t.Errorf("the deleted note is still listed:\n%s", v)
	}
}

func TestParticipantSeesOthersOnlyAfterReveal(t *testing.T) {
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

	// Someone else's note cannot be edited.
	s.press(tea.KeyDown)
	s.keys("e")
	s.waitFor("Select one of your own notes to edit it.")

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
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)
	me := w.join(sess, "key-1", "")
	s := w.openAsParticipant(sess, me)
	s.waitFor("You have no notes here yet.")

	s.keys("n")
	s.waitFor("New note in Strengths")
	s.paste("\x1b[2J\x1b]0;pwned\x07hello")
	s.press(tea.KeyEnter)
	s.waitFor("Saved. Your note is stored")

	ns := w.notes(sess)
	if len(ns) != 1 {
		t.Fatalf("stored %d notes, want 1", len(ns))
	}
	text := ns[0].Text
	if strings.IndexFunc(text, unicode.IsControl) >= 0 || !strings.HasSuffix(text, "hello") {
		t.Errorf("stored note = %q, want it without control characters, ending in hello", text)
	}
	if v := s.view(); strings.Contains(v, "\x1b") || strings.Contains(v, "\a") {
		t.Errorf("the screen carries escape sequences: %q", v)
	}
}

func TestParticipantWideCharactersFit(t *testing.T) {
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
	s.waitFor("WRITE")

	s.press(tea.KeyDown)
	s.keys("n")
	s.waitFor("New note in Strengths")
	s.keys("セキュリティ 🔒")
	s.press(tea.KeyEnter)
	s.waitFor("Saved. Your note is stored")
	if got := noteTexts(w.notes(sess)); len(got) != 2 || got[1] != "セキュリティ 🔒" {
		t.Fatalf("stored notes = %q, want the wide text intact", got)
	}
	// Compose again so the box with wide text is on screen too.
	s.keys("n")
	s.waitFor("New note in Strengths")
	s.paste(long)
	s.waitFor("│")
	requireFits(t, s.view())
}

func TestParticipantNoteTooLong(t *testing.T) {
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)
	me := w.join(sess, "key-1", "")
	s := w.openAsParticipant(sess, me)
	s.waitFor("You have no notes here yet.")

	typed := strings.Repeat("0123456789", session.MaxNoteLen/10+2)
	s.keys("n")
	s.waitFor("New note in Strengths")
	s.paste(typed)
	s.press(tea.KeyEnter)
	s.waitFor("Saved. Your note is stored")
	ns := w.notes(sess)
	if len(ns) != 1 {
		t.Fatalf("stored %d notes, want 1", len(ns))
	}
	// The box takes no more than a note may hold: what it kept is what is stored.
	if got := ns[0].Text; utf8.RuneCountInString(got) > session.MaxNoteLen || !strings.HasPrefix(typed, got) || len(got) < session.MaxNoteLen {
		t.Errorf("stored %d characters %q, want the first %d typed", len(got), got, session.MaxNoteLen)
	}
}

func TestParticipantRefusedNoteKeepsText(t *testing.T) {
	w := newWorld(t)
	// One note at once and, with the clock standing still, no refill: the second
	// save is refused.
	w.svc.Limits = session.Limits{NotesPerMinute: 1, NoteBurst: 1}
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)
	me := w.join(sess, "key-1", "")
	w.addNote(me, session.AreaConfidence, "strength", "first note")
	s := w.openAsParticipant(sess, me)
	s.waitFor("▸ first note")

	s.keys("n")
	s.waitFor("New note in Strengths")
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
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)
	me := w.join(sess, "key-1", "")
	w.addNote(me, session.AreaConfidence, "strength", "We run threat modelling for every new service.")
	w.addNote(me, session.AreaConfidence, "strength", "Security champions answer questions within a day.")
	if _, err := w.svc.ChangeTimer(w.ctx, sess.ID, session.TimerSet, 10*time.Minute); err != nil {
		t.Fatal(err)
	}
	s := w.openAsParticipant(sess, me)
	s.waitFor("Security champions answer")
	requireGolden(t, "participant-write", s.view())
}
