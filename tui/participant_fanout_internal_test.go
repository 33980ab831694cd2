package tui

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
)

// revealRoom is a session of n participants with one note each in the first lane,
// as the loadtest leaves it, and the view each participant gets at the reveal.
type revealRoom struct {
	at    time.Time
	sess  *session.Session
	notes []*session.Note // in the order the screens list them, authors left out
}

func newRevealRoom(n int) *revealRoom {
	at := time.Date(2026, time.March, 10, 14, 0, 0, 0, time.UTC)
	r := &revealRoom{at: at, sess: &session.Session{ID: "s1", Title: "Load", Phase: session.PhaseWrite, VoteBudget: 3}}
	for i := range n {
		r.notes = append(r.notes, &session.Note{
			ID: int64(i + 1), SessionID: "s1", Area: session.AreaConfidence, Lane: "strength",
			Text:      fmt.Sprintf("lt-%d-1-%08x", i+1, uint32(i)*2654435761),
			CreatedAt: at, UpdatedAt: at,
		})
	}
	return r
}

// screen is participant id's screen (from 1), w x h with 256 colours, drawn once in
// the write phase with its own note, as it is when the facilitator moves on.
func (r *revealRoom) screen(id, w, h int) (*participantScreen, *Frames) {
	e := New(Options{Renderer: colours256(), Now: func() time.Time { return r.at }}).env
	e.w, e.h = w, h
	me := &session.Participant{ID: int64(id), SessionID: "s1", Pseudonym: "Blue Heron"}
	s := newParticipant(e, r.sess, me)
	own := *r.notes[id-1]
	own.ParticipantID = me.ID
	s.notes = []*session.Note{&own}
	f := NewFrames(io.Discard)
	f.resize(w, h)
	f.draw(s.View())
	return s, f
}

// reveal is what RoomView.For gives participant id after the reveal.
func (r *revealRoom) reveal(id int) participantStateMsg {
	sess := *r.sess
	sess.Phase = session.PhaseReveal
	v := &session.ParticipantView{Session: &sess, Me: &session.Participant{ID: int64(id), SessionID: "s1", Pseudonym: "Blue Heron"}}
	for i, n := range r.notes {
		if i == id-1 {
			c := *n
			c.ParticipantID = int64(id)
			n = &c
		}
		v.Notes = append(v.Notes, n)
	}
	return participantStateMsg{ParticipantView: v}
}

// BenchmarkRevealFanout is the phase change from write to reveal in a room of 1,000
// participants, on one screen after the other as the server's cores take them: one
// op is one participant's screen getting its view of the reveal and drawing it
// (100x30, 256 colours, through Frames). Every screen lists the same notes.
func BenchmarkRevealFanout(b *testing.B) {
	const people = 1000
	r := newRevealRoom(people)
	type screen struct {
		s   *participantScreen
		f   *Frames
		msg participantStateMsg
	}
	screens := make([]screen, b.N)
	for i := range screens {
		id := i%people + 1
		s, f := r.screen(id, 100, 30)
		screens[i] = screen{s, f, r.reveal(id)}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		sc := screens[i]
		sc.s.Update(sc.msg)
		sc.f.draw(sc.s.View())
	}
}

// After the reveal every participant's screen lists the same notes, and the lines
// they share are rendered once for all of them: each screen, drawn at the same time
// as the others, equals its own drawing with styles no other screen used, with its
// own note marked and nobody else's.
func TestRevealScreensShareLinesAndStayTheirOwn(t *testing.T) {
	t.Parallel()
	const people = 60
	r := newRevealRoom(people)
	screens := make([]*participantScreen, people)
	for i := range screens {
		screens[i], _ = r.screen(i+1, 100, 30)
		if i%2 == 1 {
			screens[i].rows.setLen(1)
			screens[i].rows.selectRow(0)
			screens[i].area = 1 // another area: lines of its own
		}
	}
	views := make([]string, people)
	var wg sync.WaitGroup
	for i, s := range screens {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.Update(r.reveal(i + 1))
			views[i] = s.View()
		}()
	}
	wg.Wait()
	for i, s := range screens {
		if want := drawnAlone(s); views[i] != want {
			t.Fatalf("participant %d: shared lines drew\n%s\nwhere the screen alone draws\n%s", i+1, views[i], want)
		}
		// The first 13 notes are on screen in the first area, above the box of a
		// new note, open at the reveal too.
		if i%2 == 0 && i < 13 && !strings.Contains(views[i], r.notes[i].Text+" (yours)") {
			t.Errorf("participant %d: own note not marked", i+1)
		}
		if n := strings.Count(views[i], "(yours)"); n > 1 {
			t.Errorf("participant %d: %d notes marked as theirs", i+1, n)
		}
	}
}

// The lines kept for all screens stay bounded however many different lines are drawn.
func TestLineStoreIsBounded(t *testing.T) {
	t.Parallel()
	var st lineStore
	for i := range 3*maxLines + 5 {
		k := lineKey{kind: lineNote, id: int64(i), width: 80}
		if got := st.line(k, func() string { return fmt.Sprint(i) }); got != fmt.Sprint(i) {
			t.Fatalf("line %d = %q", i, got)
		}
		// A line used again is kept, however many came since.
		if got := st.line(lineKey{kind: lineRule, width: 80}, func() string { return "rule" }); got != "rule" {
			t.Fatalf("rule = %q", got)
		}
	}
	if n := st.size(); n > 2*maxLines {
		t.Errorf("the store holds %d lines, more than %d", n, 2*maxLines)
	}
	rendered := false
	st.line(lineKey{kind: lineRule, width: 80}, func() string { rendered = true; return "rule" })
	if rendered {
		t.Error("a line drawn in every frame was dropped")
	}
}

// A lane's notes are the notes of its area and lane in their order, whether they are
// next to each other in the screen's list (after the reveal) or not (own notes in
// the order written).
func TestLaneNotesNextToEachOtherOrNot(t *testing.T) {
	t.Parallel()
	r := newRevealRoom(3)
	s, _ := r.screen(1, 100, 30)
	note := func(id int64, area session.Area, lane string) *session.Note {
		return &session.Note{ID: id, Area: area, Lane: lane, Text: fmt.Sprint(id)}
	}
	conf, act := session.AreaConfidence, session.AreaActivities
	for _, c := range []struct {
		name  string
		notes []*session.Note
		want  []int64
	}{
		{"none", nil, nil},
		{"none in the lane", []*session.Note{note(1, conf, "concern"), note(2, act, "keep")}, nil},
		{"together", []*session.Note{note(1, conf, "concern"), note(2, conf, "strength"), note(3, conf, "strength"), note(4, act, "keep")}, []int64{2, 3}},
		{"at the end", []*session.Note{note(1, act, "keep"), note(2, conf, "strength")}, []int64{2}},
		{"apart", []*session.Note{note(1, conf, "strength"), note(2, act, "keep"), note(3, conf, "strength"), note(4, conf, "strength")}, []int64{1, 3, 4}},
	} {
		s.notes = c.notes
		var got []int64
		for _, n := range s.laneNotes() {
			got = append(got, n.ID)
		}
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("%s: lane notes %v, want %v", c.name, got, c.want)
		}
	}
}

// A change in the session only starts a participant's screen reading it: the screen
// is not drawn again until what it read arrives, so that a phase change draws each
// of a thousand screens once.
func TestChangeDrawsTheParticipantOnceItIsRead(t *testing.T) {
	t.Parallel()
	r := newRevealRoom(3)
	s, _ := r.screen(1, 100, 30)
	var out strings.Builder
	fr := NewFrames(&out)
	a := &App{env: s.e, screen: s}
	m := fr.Model(a)
	m, _ = m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	m.View()
	m, cmd := m.Update(ChangedMsg{SessionID: "s1", What: session.ChangeSession})
	if cmd == nil {
		t.Fatal("the change started no read")
	}
	if !a.viewUnchanged() {
		t.Error("the change alone makes the screen drawn again")
	}
	out.Reset()
	m.View()
	if out.Len() != 0 {
		t.Errorf("the change alone drew %q", out.String())
	}
	m, _ = m.Update(r.reveal(1))
	m.View()
	if !strings.Contains(out.String(), "REVEAL") {
		t.Errorf("what was read was not drawn: %q", out.String())
	}
}
