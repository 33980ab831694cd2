package tui

import (
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/charter-tool/charter/session"
)

// A key typed into a box that is full loses that key, but nothing was pasted: the
// box said "The last 1 characters pasted were left out".
func TestTypingIntoAFullBoxIsNotCalledAPaste(t *testing.T) {
	s := writingScreen(0, 80, 24)
	s.loading = false
	s.area = 0
	s.Update(tea.KeyMsg{Type: tea.KeyEnter})
	if s.input == nil {
		t.Fatal("enter opened no box")
	}
	// Exactly what the box holds: nothing is left out.
	s.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(strings.Repeat("x", s.input.in.limit)), Paste: true})
	if v := s.View(); strings.Contains(v, "left out") {
		t.Fatalf("a paste the box held whole said characters were left out:\n%s", v)
	}
	s.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'y'}})
	if v := s.View(); strings.Contains(v, "pasted were left out") {
		t.Errorf("one key typed into the full box is said to be a paste:\n%s", v)
	}
}

// The note taken back waits for the one in the box to be sent; when that one is
// given up instead (emptied, esc), the note taken back is offered, not hidden until
// some later note is sent.
func TestNoteTakenBackComesWhenTheBoxIsGivenUp(t *testing.T) {
	s := writingScreen(0, 80, 24)
	s.loading = false
	s.area = 0
	s.Update(tea.KeyMsg{Type: tea.KeyEnter})
	s.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("pen tests"), Paste: true})
	back := Draft{Text: "the staging keys never rotate", Area: session.AreaMotivation, Lane: "demotivates"}
	s.Update(draftBackMsg{back})
	s.Update(tea.KeyMsg{Type: tea.KeyCtrlU})
	s.Update(tea.KeyMsg{Type: tea.KeyEsc})
	s.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'n'}})
	if got := s.inputValue(); got != back.Text {
		t.Errorf("with the box given up, n opens %q; the note taken back (%q) stays hidden, status %q", got, back.Text, s.status)
	}
}

// A late rating sent just before the phase moves on is stored all the same: the
// screen must not say no rating was given, nor, once it is acknowledged, that it
// can be changed until the facilitator moves on (the facilitator has, and c is
// offered no more).
func TestLateRatingAcknowledgedAfterThePhaseMoved(t *testing.T) {
	s := writingScreen(0, 80, 24)
	s.loading = false
	s.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'c'}})
	if s.mode != modeRateLate {
		t.Fatalf("c did not open the rating (mode %v)", s.mode)
	}
	s.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'4'}})
	if _, cmd := s.Update(tea.KeyMsg{Type: tea.KeyEnter}); cmd == nil {
		t.Fatal("4 and enter sent no rating")
	}
	// The phase moves on before the answer comes back.
	moved := *s.sess
	moved.Phase = session.PhaseGroup
	s.Update(participantStateMsg{ParticipantView: &session.ParticipantView{Session: &moved, Me: s.me}})
	said := s.status
	s.Update(ratedMsg{4})
	if strings.Contains(said, "no rating was given") || strings.Contains(s.status, "until the facilitator moves on") {
		t.Errorf("the rating sent is stored, yet the screen said %q and then %q", said, s.status)
	}
}

// writingWhenANoteComesBack is participant 1 of session s1, connected to a hub,
// writing "pen tests come too late" when a note of theirs is taken back from a
// connection that no longer answered (back).
func writingWhenANoteComesBack() (*Hub, *Conn, *participantScreen, Draft) {
	h := NewHub()
	c := h.Connect()
	c.Watch("s1", session.ChangeSession)
	c.Joined(1)
	s := writingScreen(0, 80, 24)
	s.e.opt.Conn = c
	s.loading = false
	s.area = 0
	s.Update(tea.KeyMsg{Type: tea.KeyEnter})
	s.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("pen tests come too late"), Paste: true})
	back := Draft{Text: "the staging keys never rotate", Area: session.AreaMotivation, Lane: "demotivates"}
	s.Update(draftBackMsg{back})
	return h, c, s, back
}

// The note taken back while another was written is said to be "kept too"; should
// this connection drop as well before that other note is sent, the next connection
// gets both back: the one in the box first, then the one that waited.
func TestNoteTakenBackWhileWritingSurvivesTheNextDrop(t *testing.T) {
	h, c, s, back := writingWhenANoteComesBack()
	if !strings.Contains(s.status, "kept too") {
		t.Fatalf("status %q", s.status)
	}
	c.Close() // this connection drops too, the box unsent

	next := h.Connect()
	next.Watch("s1", session.ChangeSession)
	e := New(Options{Renderer: colours256(), Now: s.e.opt.Now, Conn: next}).env
	e.w, e.h = 80, 24
	again := newParticipant(e, s.sess, s.me)
	again.Update(participantStateMsg{ParticipantView: &session.ParticipantView{Session: s.sess, Me: s.me}, load: again.loads})
	again.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'n'}})
	if got := again.inputValue(); got != "pen tests come too late" {
		t.Fatalf("the next connection's box holds %q, want the note that was in it", got)
	}
	again.Update(tea.KeyMsg{Type: tea.KeyEnter})
	again.Update(noteAcceptedMsg{note: &session.Note{ID: 7, SessionID: "s1", ParticipantID: 1, Area: session.AreaConfidence, Lane: "strength", Text: "pen tests come too late"}})
	again.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'n'}})
	if got := again.inputValue(); got != back.Text {
		t.Errorf("after sending it, n opens %q; the note said to be kept too, %q, is lost", got, back.Text)
	}
}

// The offer of the check-in's rating to someone without one stands in the status's
// place until their first key, on no timer: as a status it faded on a timer each,
// a thousand at once for a room whose people all joined after the check-in (idle
// CPU 3% -> 5% with 1,000 connected).
func TestLateRatingOfferStaysUntilAKey(t *testing.T) {
	s := writingScreen(0, 80, 24)
	s.loading = false
	// The box of a new note is open: a c would be typed in it.
	const offer = "No confidence rating from you yet: esc, then c, gives one"
	s.Update(participantStateMsg{ParticipantView: &session.ParticipantView{Session: s.sess, Me: s.me}, load: s.loads})
	if v := ansi.Strip(s.View()); !strings.Contains(v, offer) {
		t.Fatalf("no offer of the rating:\n%s", v)
	}
	if s.status != "" {
		t.Errorf("the offer is a status %q, which fades on a timer", s.status)
	}
	s.Update(tea.KeyMsg{Type: tea.KeyTab})
	if v := ansi.Strip(s.View()); strings.Contains(v, "No confidence rating from you yet") {
		t.Errorf("the offer stayed after a key:\n%s", v)
	}
	s.Update(tea.KeyMsg{Type: tea.KeyEsc}) // the box closed for the list's keys
	if v := ansi.Strip(s.View()); !strings.Contains(v, "c rate confidence") {
		t.Errorf("the key line lost c:\n%s", v)
	}
}

// Keys pressed at the check-in by someone who did not rate do not take away the
// offer made once notes are written: it is said until their first key after it.
func TestLateRatingOfferSurvivesKeysAtTheCheckIn(t *testing.T) {
	s := writingScreen(0, 80, 24)
	s.loading = false
	// The box of a new note opens with the write phase: a c would be typed in it.
	const offer = "No confidence rating from you yet: esc, then c, gives one"
	checkIn := *s.sess
	checkIn.Phase = session.PhaseCheckIn
	s.Update(participantStateMsg{ParticipantView: &session.ParticipantView{Session: &checkIn, Me: s.me}, load: s.loads})
	s.Update(tea.KeyMsg{Type: tea.KeyDown})
	s.Update(tea.KeyMsg{Type: tea.KeyUp})
	write := checkIn
	write.Phase = session.PhaseWrite
	s.Update(participantStateMsg{ParticipantView: &session.ParticipantView{Session: &write, Me: s.me}, load: s.loads})
	if v := ansi.Strip(s.View()); !strings.Contains(v, offer) {
		t.Fatalf("keys at the check-in took the offer away:\n%s", v)
	}
	s.Update(tea.KeyMsg{Type: tea.KeyTab})
	if v := ansi.Strip(s.View()); strings.Contains(v, "No confidence rating from you yet") {
		t.Errorf("the offer stayed after a key:\n%s", v)
	}
}

// A note left unsent (esc) under an activity the facilitator then renames comes back
// under the new name, as the notes stored on it are renamed.
func TestKeptNoteFollowsAnActivityRename(t *testing.T) {
	h := NewHub()
	s := writingScreen(0, 80, 24)
	s.e.opt.Conn = h.Connect()
	s.loading = false
	s.sess.Activities = []string{"threat modelling", "pen tests"}
	s.draft = "models age"
	s.draftAt = Draft{Area: session.AreaActivities, Lane: "keep", Activity: "threat modelling"}
	s.waiting = &Draft{Text: "and then", Area: session.AreaActivities, Lane: "more", Activity: "threat modelling"}
	renamed := *s.sess
	renamed.Activities = []string{"threat modeling", "pen tests"}
	h.ActivityRenamed("s1", "threat modelling", "threat modeling") // as the service tells it
	s.Update(participantStateMsg{ParticipantView: &session.ParticipantView{Session: &renamed, Me: s.me}, load: s.loads})
	if s.draftAt.Activity != "threat modeling" || s.waiting.Activity != "threat modeling" {
		t.Errorf("kept note under %q, waiting one under %q; want both under threat modeling", s.draftAt.Activity, s.waiting.Activity)
	}
}

// The last activity deleted and another added, seen in one load (a connection that
// was slow to take the changes), is not a rename: the notes the participant writes
// next stay about the activity they chose, not one they never picked. Only a
// rename the service made renames them.
func TestDeletedAndAddedActivityIsNoRename(t *testing.T) {
	h := NewHub()
	conn := h.Connect()
	conn.Watch("s1", session.ChangeSession)
	conn.Joined(1)
	s := writingScreen(0, 80, 24)
	s.e.opt.Conn = conn
	s.loading = false
	s.sess.Activities = []string{"threat modelling", "pen tests"}
	s.activity = "pen tests"
	s.draft = "pen tests come too late"
	s.draftAt = Draft{Area: session.AreaActivities, Lane: "keep", Activity: "pen tests"}
	s.waiting = &Draft{Text: "and cost a lot", Area: session.AreaActivities, Lane: "less", Activity: "pen tests"}
	changed := *s.sess
	changed.Activities = []string{"threat modelling", "bug bounty"}
	s.Update(participantStateMsg{ParticipantView: &session.ParticipantView{Session: &changed, Me: s.me}, load: s.loads})
	if s.activity != "pen tests" || s.draftAt.Activity != "pen tests" || s.waiting.Activity != "pen tests" {
		t.Errorf("new notes about %q, the kept one about %q, the waiting one about %q; want all still about pen tests",
			s.activity, s.draftAt.Activity, s.waiting.Activity)
	}
}

// A note that waited for another, whose box was then emptied, is not left waiting
// for a note that will never be sent: the next connection offers it with n, as any
// note kept.
func TestNoteThatWaitedForAnEmptiedBoxComesWithTheNextConnection(t *testing.T) {
	h, c, s, back := writingWhenANoteComesBack()
	s.Update(tea.KeyMsg{Type: tea.KeyCtrlU}) // the box emptied, to write the other first
	c.Close()

	next := h.Connect()
	next.Watch("s1", session.ChangeSession)
	e := New(Options{Renderer: colours256(), Now: s.e.opt.Now, Conn: next}).env
	e.w, e.h = 80, 24
	again := newParticipant(e, s.sess, s.me)
	again.loading = false
	again.Update(participantStateMsg{ParticipantView: &session.ParticipantView{Session: s.sess, Me: s.me}, load: again.loads})
	if v := ansi.Strip(again.View()); !strings.Contains(v, "is kept (Motivation · Demotivates)") {
		t.Errorf("the next connection does not offer the note that waited:\n%s", v)
	}
	again.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'n'}})
	if got := again.inputValue(); got != back.Text {
		t.Errorf("n opens %q, want the note that waited, %q", got, back.Text)
	}
}

// A late rating cannot be changed once given: keys pressed while it is on its way
// (enter again, another digit and enter) send no second rating, which would change
// it and be acknowledged as a rating that can be changed.
func TestLateRatingOnItsWaySendsNoOther(t *testing.T) {
	s := writingScreen(0, 80, 24)
	s.loading = false
	s.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'c'}})
	s.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'4'}})
	if _, cmd := s.Update(tea.KeyMsg{Type: tea.KeyEnter}); cmd == nil {
		t.Fatal("4 and enter sent no rating")
	}
	if _, cmd := s.Update(tea.KeyMsg{Type: tea.KeyEnter}); cmd != nil {
		t.Error("enter pressed again while the rating was on its way sent another")
	}
	s.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'2'}})
	if _, cmd := s.Update(tea.KeyMsg{Type: tea.KeyEnter}); cmd != nil {
		t.Error("2 and enter while the rating was on its way sent another: a late rating cannot be changed")
	}
	s.Update(ratedMsg{4})
	if s.mode != modeBrowse || !strings.Contains(s.status, "Your rating 4 is saved") {
		t.Errorf("after the answer: mode %v, status %q", s.mode, s.status)
	}
}

// A note taken back into an empty box while an earlier one waits leaves that one
// waiting: made the draft beside the box, it was overwritten when the box's text
// was left with esc.
func TestSecondNoteTakenBackLeavesTheFirstWaiting(t *testing.T) {
	s := writingScreen(0, 80, 24)
	s.loading = false
	s.area = 0
	s.Update(tea.KeyMsg{Type: tea.KeyEnter})
	s.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("pen tests"), Paste: true})
	first := Draft{Text: "the staging keys never rotate", Area: session.AreaMotivation, Lane: "demotivates"}
	s.Update(draftBackMsg{first})
	s.Update(tea.KeyMsg{Type: tea.KeyCtrlU})
	second := Draft{Text: "audits come too late", Area: session.AreaConfidence, Lane: "concern", Topics: "tooling"}
	s.Update(draftBackMsg{second})
	if got := s.inputValue(); got != second.Text {
		t.Fatalf("the empty box holds %q, want the second note taken back", got)
	}
	s.Update(tea.KeyMsg{Type: tea.KeyEsc})
	s.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'n'}})
	if got := s.inputValue(); got != second.Text {
		t.Fatalf("n opens %q, want the second note left with esc", got)
	}
	s.Update(tea.KeyMsg{Type: tea.KeyEnter})
	s.Update(noteAcceptedMsg{note: &session.Note{ID: 7, SessionID: "s1", ParticipantID: 1, Area: session.AreaConfidence, Lane: "concern", Text: second.Text}})
	s.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'n'}})
	if got := s.inputValue(); got != first.Text {
		t.Errorf("after sending the second, n opens %q; the first note taken back (%q) is lost", got, first.Text)
	}
}

// The open topics a connection that no longer answered had raised, without a note
// yet, are raised here too when that connection's note arrives while another is
// being written: the note waits, and the topics were dropped.
func TestTopicsTakenBackWhileWritingAreKept(t *testing.T) {
	s := writingScreen(0, 80, 24)
	s.loading = false
	s.area = 0
	s.Update(tea.KeyMsg{Type: tea.KeyEnter})
	s.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("pen tests"), Paste: true})
	s.Update(draftBackMsg{Draft{Text: "the staging keys never rotate", Area: session.AreaMotivation, Lane: "demotivates", Topics: "tooling\x00on-call"}})
	if got := s.lanesOf(session.AreaOpen); !slices.Equal(got, []string{"tooling", "on-call"}) {
		t.Errorf("open topics %q, want the two raised on the other connection", got)
	}
}

// A note taken back while the person edits one of theirs waits for the edit: put
// where it was written at once, it moved the screen to its lane, and the edit,
// saved with the lane the screen was at, moved the edited note there too.
func TestNoteTakenBackWhileEditingWaitsForTheEdit(t *testing.T) {
	s := writingScreen(1, 80, 24)
	s.loading = false
	s.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'e'}})
	s.Update(tea.KeyMsg{Type: tea.KeyEnter}) // e asks first: enter edits
	if s.mode != modeEdit {
		t.Fatalf("e did not open the edit (mode %v)", s.mode)
	}
	area, lane := s.area, s.lane
	back := Draft{Text: "fewer audits", Area: session.AreaActivities, Lane: "less", Activity: "pen tests"}
	s.Update(draftBackMsg{back})
	if s.area != area || s.lane != lane || s.mode != modeEdit {
		t.Fatalf("the note taken back moved the edit to area %d lane %d (mode %v), from area %d lane %d", s.area, s.lane, s.mode, area, lane)
	}
	s.Update(tea.KeyMsg{Type: tea.KeyEnter})
	edited := *s.notes[0]
	edited.Text += " (edited)"
	s.Update(noteAcceptedMsg{edited: true, note: &edited})
	s.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'n'}})
	if got := s.inputValue(); got != back.Text {
		t.Errorf("after the edit, n opens %q; want the note taken back, %q", got, back.Text)
	}
}

// A note taken back from an ended connection while a load is on its way (the
// connection's leaving starts one) goes into the empty box opened meanwhile once the
// load is in, as it does without a load: it was put aside as if another note were
// begun ("kept too: it comes back once this one is sent").
func TestNoteTakenBackDuringALoadFillsTheEmptyBox(t *testing.T) {
	s := writingScreen(0, 80, 24)
	s.loading = false
	s.area = 0
	s.Update(tea.KeyMsg{Type: tea.KeyEnter})
	if s.input == nil {
		t.Fatal("enter opened no box")
	}
	s.loading = true
	back := Draft{Text: "half typed note about staging", Area: session.AreaActivities, Lane: "add"}
	s.Update(draftBackMsg{back})
	s.Update(participantStateMsg{ParticipantView: &session.ParticipantView{Session: s.sess, Me: s.me}, load: s.loads})
	if got := s.inputValue(); got != back.Text {
		t.Errorf("after the load the box holds %q, want the note taken back %q; status %q", got, back.Text, s.status)
	}
	if here := s.here(); here.Area != back.Area || here.Lane != back.Lane {
		t.Errorf("the box is in %s/%s, want %s/%s where the note was written", here.Area, here.Lane, back.Area, back.Lane)
	}
}
