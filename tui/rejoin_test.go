package tui_test

import (
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/tui"
)

// A person without a key sees a personal rejoin code after joining, with the warning
// that without it they come back as someone new; typing it at the join prompt brings
// them back as the same participant, past the name question.
func TestKeylessJoinShowsARejoinCodeThatBringsThemBack(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	s := w.open(tui.Options{Code: sess.Code, JoinHint: "ssh -p 2222 -t charter.example"})
	s.waitFor("Your rejoin code:", "as a new participant", "connect with:")
	code := regexp.MustCompile(`Your rejoin code: ([A-Z2-9]{5}-[A-Z2-9]{5})`).FindStringSubmatch(s.drawn.String())
	if code == nil {
		t.Fatalf("no rejoin code on the screen:\n%s", s.drawn.String())
	}
	// The command to come back is whole on one line, ready to copy (drawn in the
	// same frame, which may reach the terminal in more than one read).
	s.waitDrawn("ssh -p 2222 -t charter.example " + code[1])
	s.tm.Type("Ana")
	s.press(tea.KeyEnter)
	s.waitFor("Hello Ana, you are in.", code[1])

	back := w.open(tui.Options{})
	back.waitFor("Join code:")
	back.tm.Type(strings.ToLower(code[1]))
	back.press(tea.KeyEnter)
	back.waitFor("Hello Ana, you are in.")
	if back.everDrawn("Your name:") {
		t.Error("a person back with their code was asked for a name again")
	}
	// The code may have been read off Ana's screen: the connection that was Ana
	// is told, and closed, rather than both being Ana unseen.
	s.waitFor("rejoin code was just used on another connection", "tell the facilitator")
	if connected, _ := w.hub.Presence(sess.ID); len(connected) != 1 {
		t.Errorf("connected as participants: %v", connected)
	}
	ps, err := w.db.Participants(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 1 {
		t.Fatalf("coming back with the code made %d participants, want 1", len(ps))
	}

	wrong := w.open(tui.Options{})
	wrong.waitFor("Join code:")
	wrong.tm.Type("ABCDE-FGHJK")
	wrong.press(tea.KeyEnter)
	wrong.waitFor("No one has the rejoin code")
	if got, err := w.db.Participants(w.ctx, sess.ID); err != nil || len(got) != 1 {
		t.Fatalf("a wrong rejoin code: %d participants, %v", len(got), err)
	}
}

// On a short terminal (60x20) the keyless join screen still fits: who you joined
// as, the rejoin code and the command to come back stay on it, the optional
// questions taking a line each (before, the top lines were cut off).
func TestKeylessJoinFitsAShortTerminal(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Security engineers Amsterdam")
	se := session.AudienceSecurityEngineers
	if _, err := w.svc.EditSession(w.ctx, sess.ID, session.SessionEdit{Audience: &se}); err != nil {
		t.Fatal(err)
	}
	s := w.openSized(tui.Options{Code: sess.Code, JoinHint: "ssh -p 27123 -t 127.0.0.1"}, 60, 20)
	s.waitFor("Your rejoin code:", "connect with:")
	v := s.view()
	requireFitsIn(t, v, 60, 20)
	for _, want := range []string{"Security engineers Amsterdam", "You joined as", "Your rejoin code:", "ssh -p 27123 -t 127.0.0.1 ", "Your name:", "Time in your security role"} {
		if !strings.Contains(v, want) {
			t.Errorf("%q is not on the 60x20 screen:\n%s", want, v)
		}
	}

	// Developers are asked about their role, not a security role they lack.
	dev := w.newSession("Developers Amsterdam")
	d := w.openSized(tui.Options{Code: dev.Code}, 80, 24)
	d.waitFor("Time in your current role", "How you got your role")
	if d.everDrawn("security role") {
		t.Error("developers are asked about a security role")
	}
}

// Leaving with q y writes, once the screen is gone, how to come back: for a person
// without a key, with their rejoin code (the session's code would make them someone
// new). The terminal was left blank.
func TestLeavingSaysHowToComeBack(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	said := make(chan string, 1)
	s := w.open(tui.Options{Code: sess.Code, JoinHint: "ssh -p 2222 -t charter.example", Goodbye: func(m string) { said <- m }})
	s.waitFor("Your rejoin code:")
	code := regexp.MustCompile(`Your rejoin code: ([A-Z2-9]{5}-[A-Z2-9]{5})`).FindStringSubmatch(s.drawn.String())
	if code == nil {
		t.Fatalf("no rejoin code on the screen:\n%s", s.drawn.String())
	}
	s.tm.Type("Ana")
	s.press(tea.KeyEnter)
	s.waitFor("Hello Ana, you are in.")
	s.keys("q")
	s.waitFor("Leave the session?")
	s.keys("y")
	select {
	case m := <-said:
		if want := "You left Developers Berlin. What you entered is saved. To come back:\r\n  ssh -p 2222 -t charter.example " + code[1]; m != want {
			t.Errorf("leaving said %q, want %q", m, want)
		}
	case <-time.After(waitTime):
		t.Fatal("leaving said nothing")
	}
}

// A code read off the name screen, where it is first shown, ends the connection
// it was shown on, not the one that typed it: the neighbour came in, and the owner
// is told, before they even gave a name.
func TestRejoinCodeFromTheNameScreenTellsItsOwner(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	ana := w.open(tui.Options{Code: sess.Code, JoinHint: "ssh -p 2222 -t charter.example"})
	ana.waitFor("Your rejoin code:", "Your name:")
	code := regexp.MustCompile(`Your rejoin code: ([A-Z2-9]{5}-[A-Z2-9]{5})`).FindStringSubmatch(ana.drawn.String())
	if code == nil {
		t.Fatalf("no rejoin code on the screen:\n%s", ana.drawn.String())
	}
	neighbour := w.open(tui.Options{})
	neighbour.waitFor("Join code:")
	neighbour.tm.Type(code[1])
	neighbour.press(tea.KeyEnter)
	neighbour.waitFor("you are in")
	ana.waitFor("rejoin code was just used on another connection", "tell the facilitator")
	if neighbour.everDrawn("rejoin code was just used") {
		t.Error("the connection that typed the code was told it was used elsewhere")
	}
}

// A note being written when the connection drops comes back on the participant's
// next connection, where it was written: the box was empty after a reconnect, and
// nothing said the text was gone; then the text came back alone, and n put it
// into the first lane of the first area.
func TestDroppedConnectionKeepsTheNoteBeingWritten(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)
	p := w.join(sess, "key-1", "Carla")
	first := w.openAsParticipant(sess, p)
	first.waitFor("New note in Strengths") // the box is open on arrival
	first.press(tea.KeyTab)                // Security activities
	first.press(tea.KeyRight)
	first.waitFor("New note in Add")
	first.keys("half typed note about staging")
	first.waitFor("staging")
	// While it is open, a second connection of the same key does not get it:
	// both would save it.
	second := w.openAsParticipant(sess, p)
	second.waitFor("New note in Strengths")
	if second.everDrawn("when you left is kept") {
		t.Error("a note still being written on a live connection was offered to another")
	}
	second.conn.Close()
	_ = second.tm.Quit()
	// The first connection drops: the hub's connection ends, then the program.
	first.conn.Close()
	_ = first.tm.Quit()

	again := w.openAsParticipant(sess, p)
	again.waitFor("when you left is kept (Security activities · Add)")
	again.keys("n")
	again.waitFor("New note in Add", "half typed note about staging")
	again.press(tea.KeyEnter)
	again.waitFor("Saved")
	found := false
	for _, n := range w.notes(sess) {
		found = found || n.Text == "half typed note about staging" && n.Area == session.AreaActivities && n.Lane == "add"
	}
	if !found {
		t.Errorf("the note written before the connection dropped was not saved where it was written: %v", noteTexts(w.notes(sess)))
	}
	// Taken once: a third connection has nothing to give back.
	third := w.openAsParticipant(sess, p)
	third.waitFor("New note in Strengths")
	if third.everDrawn("when you left is kept") {
		t.Error("a sent note was offered again")
	}
}

// A change to a saved note being typed when the connection drops comes back with e
// on that note on the next connection, as a new note's text does with n: it was
// lost, and the note stood as it was before the change (a participant's trial).
func TestDroppedConnectionKeepsAChangeToANote(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	w.addNote(me, session.AreaConfidence, "strength", "we review every merge")
	first := w.openAsParticipant(sess, me)
	first.waitFor("we review every merge")
	first.press(tea.KeyEsc) // the box of a new note closed for the list's keys
	first.waitFor("type new note")
	first.keys("e")
	first.press(tea.KeyEnter)
	first.waitFor("enter save")
	first.press(tea.KeyEnd)
	first.keys(" and every config change")
	first.waitFor("every config change")
	first.conn.Close()
	_ = first.tm.Quit()

	again := w.openAsParticipant(sess, me)
	again.waitFor("Your change to a note when you left is kept: e on it (Confidence · Strengths)", "brings it back.")
	again.keys("e")
	again.press(tea.KeyEnter)
	again.waitFor("Your change from before is back", "every config change")
	again.press(tea.KeyEnter)
	again.waitFor("Saved your change.")
	if ns := w.notes(sess); len(ns) != 1 || ns[0].Text != "we review every merge and every config change" {
		t.Errorf("stored %v, want the note with the change typed before the drop", noteTexts(ns))
	}
	// Taken once: a third connection has nothing to give back.
	third := w.openAsParticipant(sess, me)
	third.waitFor("New note in Strengths")
	if third.everDrawn("when you left is kept") {
		t.Error("a change saved was offered again")
	}
}

// An open topic raised and not yet written on comes back after a dropped
// connection: a topic lives in its notes, and one without any was gone.
func TestDroppedConnectionKeepsARaisedTopic(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)
	p := w.join(sess, "key-1", "Carla")
	first := w.openAsParticipant(sess, p)
	first.waitFor("New note in Strengths")
	for range 3 {
		first.press(tea.KeyTab) // Open topics
	}
	first.waitFor("no topics yet")
	first.keys("t")
	first.press(tea.KeyEnter)
	first.waitFor("topic")
	first.keys("AI tools")
	first.press(tea.KeyEnter)
	first.waitFor("»AI tools«")
	first.conn.Close()
	_ = first.tm.Quit()

	again := w.openAsParticipant(sess, p)
	again.waitFor("The open topic you raised before you left is kept: “AI tools”.")
	for range 3 {
		again.press(tea.KeyTab)
	}
	again.waitFor("»AI tools«")
}

// Back on a new connection while the old one, its network gone, is still open,
// the writer opens the box before the old one is found silent: the old note,
// taken from it (and the old connection ended), goes in the empty box where it
// was written. It was dropped, lost with the connection it was taken from.
func TestReclaimedNoteFillsABoxOpenedMeanwhile(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)
	p := w.join(sess, "key-1", "Carla")
	first := w.openAsParticipant(sess, p)
	first.waitFor("New note in Strengths") // the box is open on arrival
	first.press(tea.KeyTab)                // Security activities
	first.press(tea.KeyRight)
	first.waitFor("New note in Add")
	first.keys("half typed note about staging")
	first.waitFor("staging")
	asked, release := make(chan struct{}), make(chan struct{})
	var once sync.Once
	first.conn.SetProbe(func(time.Duration) bool {
		once.Do(func() { close(asked) })
		<-release
		return false
	}, func() {})

	again := w.openAsParticipant(sess, p)
	again.waitFor("New note in Strengths") // the box is open on arrival
	select {
	case <-asked:
	case <-time.After(waitTime):
		t.Fatal("the open connection was not asked whether it is there")
	}
	close(release)
	again.waitFor("New note in Add", "half typed note about staging")
	again.press(tea.KeyEnter)
	again.waitFor("Saved")
	found := false
	for _, n := range w.notes(sess) {
		found = found || n.Text == "half typed note about staging" && n.Area == session.AreaActivities && n.Lane == "add"
	}
	if !found {
		t.Errorf("the reclaimed note was not saved where it was written: %v", noteTexts(w.notes(sess)))
	}
}

// A change to a saved note cut short by a phase move comes back with e on that
// note once notes are taken again: typed over minutes, it was lost at the move,
// where a new note's text was kept (two participants' trials).
func TestChangeCutShortByAPhaseMoveComesBack(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	w.addNote(me, session.AreaConfidence, "strength", "we review every merge")
	s := w.openAsParticipant(sess, me)
	s.waitFor("we review every merge")
	s.press(tea.KeyEsc) // the box of a new note closed for the list's keys
	s.waitFor("type new note")
	s.keys("e")
	s.press(tea.KeyEnter)
	s.waitFor("enter save")
	s.press(tea.KeyEnd)
	s.keys(" and every config change")
	s.waitFor("every config change")
	w.setPhase(sess, session.PhaseCheckIn)
	s.waitFor("your change to the note was not saved")
	w.setPhase(sess, session.PhaseWrite)
	s.waitFor("WRITE")
	s.keys("e")
	s.press(tea.KeyEnter)
	s.waitFor("Your change from before is back", "every config change")
	s.press(tea.KeyEnter)
	s.waitFor("Saved your change.")
	if ns := w.notes(sess); len(ns) != 1 || ns[0].Text != "we review every merge and every config change" {
		t.Errorf("stored %v, want the note with the change made before the move", noteTexts(ns))
	}
}

// A change cut short by a phase move, given back after the note was changed on
// another connection, says so: it was offered as if over the note as saved, and
// enter silently wrote it over the newer text.
func TestChangeCutShortSaysTheNoteChangedSince(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	n := w.addNote(me, session.AreaConfidence, "strength", "we review every merge")
	// In the reveal the other connection's change reaches this screen.
	w.setPhase(sess, session.PhaseReveal)
	s := w.openAsParticipant(sess, me)
	s.waitFor("we review every merge")
	s.press(tea.KeyEsc) // the box of a new note closed for the list's keys
	s.waitFor("type new note")
	s.keys("e")
	s.press(tea.KeyEnter)
	s.waitFor("enter save")
	s.press(tea.KeyEnd)
	s.keys(" and every config change")
	s.waitFor("every config change")
	w.setPhase(sess, session.PhaseGroup)
	s.waitFor("your change to the note was not saved")
	w.setPhase(sess, session.PhaseReveal)
	s.waitFor("REVEAL")
	// The other connection, once notes are taken again.
	edited := *n
	edited.Text = "we review every merge twice"
	if _, err := w.svc.EditNote(w.ctx, me.ID, edited); err != nil {
		t.Fatal(err)
	}
	s.waitDrawn("every merge twice")
	s.keys("e")
	s.press(tea.KeyEnter)
	s.waitFor("every config change", "changed since")
}

// Two changes cut short by two phase moves, on two notes, both come back: the
// second took the place of the first, which was lost.
func TestChangesCutShortOnTwoNotesBothComeBack(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	w.addNote(me, session.AreaConfidence, "strength", "we review every merge")
	w.addNote(me, session.AreaConfidence, "strength", "we scan dependencies")
	s := w.openAsParticipant(sess, me)
	s.waitDrawn("we review every merge", "we scan dependencies")
	// The first note is selected; the second is one down.
	change := func(move tea.KeyType, more string) {
		s.press(move)
		s.keys("e")
		s.press(tea.KeyEnter)
		s.waitFor("enter save")
		s.press(tea.KeyEnd)
		s.keys(more)
		s.waitFor(strings.TrimSpace(more))
		w.setPhase(sess, session.PhaseCheckIn)
		s.waitFor("your change to the note was not saved")
		w.setPhase(sess, session.PhaseWrite)
		s.waitFor("WRITE")
	}
	change(tea.KeyUp, " and every config change")
	change(tea.KeyDown, " every night")
	s.press(tea.KeyUp)
	s.keys("e")
	s.press(tea.KeyEnter)
	s.waitFor("Your change from before is back", "every config change")
}

// On a short, narrow terminal every answer to the optional questions stays in view:
// at 60x20 the team's security level lost "gold platinum" off the end of its line,
// and a person who chose platinum saw "gold …" with no mark of their choice.
func TestProfileAnswersStayInViewWhenNarrow(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	dev := w.newSession("Developers Amsterdam")
	for _, opt := range []tui.Options{{KeyHash: "key-1", Code: dev.Code}, {Code: dev.Code, JoinHint: "ssh -p 27123 -t 127.0.0.1"}} {
		s := w.openSized(opt, 60, 20)
		s.waitFor("Your team's security level")
		s.press(tea.KeyTab)
		s.press(tea.KeyTab)
		s.press(tea.KeyTab)
		for range 4 {
			s.press(tea.KeyRight)
		}
		s.waitFor("[platinum]")
		v := s.view()
		requireFitsIn(t, v, 60, 20)
		for _, want := range []string{"You joined as", "Your name:", "[platinum]"} {
			if !strings.Contains(v, want) {
				t.Errorf("%q is not on the 60x20 screen (keyless %v):\n%s", want, opt.KeyHash == "", v)
			}
		}
		if opt.KeyHash != "" && !strings.Contains(v, "bronze silver gold") {
			t.Errorf("the level's answers are not all on the 60x20 screen, which has room for them:\n%s", v)
		}
	}
}

// A keyless join on a short terminal keeps its rejoin code, the only way back, in
// view: at 80x14 and 60x16 the name screen was taller than the terminal and its top
// (the code) was cut off. The questions give way, and say so. At 40 columns the name
// box stays within the screen.
func TestNameScreenKeepsTheRejoinCodeWhenShort(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	dev := w.newSession("Developers Amsterdam")
	for _, size := range [][2]int{{80, 14}, {60, 16}, {40, 24}, {40, 14}} {
		s := w.openSized(tui.Options{Code: dev.Code, JoinHint: "ssh -p 27123 -t 127.0.0.1"}, size[0], size[1])
		s.waitFor("Your name:")
		s.keys("Ana")
		s.waitFor("Ana")
		v := s.view()
		requireFitsIn(t, v, size[0], size[1])
		for _, want := range []string{"Your rejoin code:", "Your name: Ana"} {
			if !strings.Contains(v, want) {
				t.Errorf("%q is not on the %dx%d screen:\n%s", want, size[0], size[1], v)
			}
		}
	}
}

// The lobby, the screen after the name, keeps the rejoin code in view as the name
// screen does: at 80x14 and 60x16 the session's introduction pushed it off the top,
// and at 40 columns its line lost its end, "(the only way back as yourself)". The
// introduction gives way to its last sentence, the one about anonymity.
func TestLobbyKeepsTheRejoinCodeWhenShort(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	dev := w.newSession("Developers Amsterdam")
	for _, size := range [][2]int{{80, 14}, {60, 16}, {40, 24}, {40, 16}} {
		s := w.openSized(tui.Options{Code: dev.Code, JoinHint: "ssh -p 27123 -t 127.0.0.1"}, size[0], size[1])
		s.waitFor("Your name:")
		s.press(tea.KeyEnter)
		s.waitFor("Waiting for the facilitator")
		v := s.view()
		requireFitsIn(t, v, size[0], size[1])
		flat := strings.Join(strings.Fields(v), " ")
		for _, want := range []string{"LOBBY", "Your rejoin code:", "(the only way back as yourself)", "Waiting for the facilitator to start",
			"reach the facilitator's board only together with someone else's."} {
			if !strings.Contains(flat, want) {
				t.Errorf("%q is not on the %dx%d screen:\n%s", want, size[0], size[1], v)
			}
		}
	}
}
