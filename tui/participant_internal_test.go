package tui

import (
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/charter-tool/charter/session"
)

// writingScreen is a participant's screen in the write phase, w x h, drawn with
// colours, with n notes of its own in one lane.
func writingScreen(n, w, h int) *participantScreen {
	at := time.Date(2026, time.March, 10, 14, 0, 0, 0, time.UTC)
	e := New(Options{Renderer: colours256(), Now: func() time.Time { return at }}).env
	e.w, e.h = w, h
	sess := &session.Session{ID: "s1", Title: "Developers Berlin", Phase: session.PhaseWrite, VoteBudget: 3}
	me := &session.Participant{ID: 1, SessionID: sess.ID, Pseudonym: "Blue Heron"}
	s := newParticipant(e, sess, me)
	s.area = 1 // activities: its lanes and the activity line are the most to draw
	for i := range n {
		s.notes = append(s.notes, &session.Note{
			ID: int64(i + 1), SessionID: sess.ID, ParticipantID: me.ID,
			Area: session.AreaActivities, Lane: "keep", Activity: "threat modelling",
			Text:      fmt.Sprintf("note %d: threat models with the security champions before every larger feature, so that design flaws surface early", i),
			CreatedAt: at, UpdatedAt: at,
		})
	}
	return s
}

// BenchmarkParticipantNoteBurst is the author's own screen while they edit their 30
// notes one after the other, as in the burst at the end of a timer: each note saved
// is drawn at once, and again when the reloaded view (new copies of every note)
// arrives. One op is one note saved: two updates and two drawings at 80x24.
func BenchmarkParticipantNoteBurst(b *testing.B) {
	s := writingScreen(30, 80, 24)
	i := 0
	for b.Loop() {
		k := i % len(s.notes)
		n := *s.notes[k]
		n.Text = fmt.Sprintf("note %d, version %d: threat models before every larger feature", k, i)
		n.UpdatedAt = n.UpdatedAt.Add(time.Second)
		s.Update(noteAcceptedMsg{edited: true, note: &n})
		_ = s.View()
		v := &session.ParticipantView{Session: s.sess, Me: s.me}
		for _, o := range s.notes {
			c := *o
			v.Notes = append(v.Notes, &c)
		}
		s.Update(participantStateMsg{ParticipantView: v})
		_ = s.View()
		i++
	}
}

// A screen drawn from its line cache looks exactly as one drawn afresh, whatever
// changed since the last drawing.
func TestParticipantLinesCachedEqualFresh(t *testing.T) {
	s := writingScreen(30, 80, 24)
	fresh := func() string { return drawnAlone(s) }
	steps := []struct {
		name string
		do   func()
	}{
		{"first drawing", func() {}},
		{"selection moves", func() { s.rows.setLen(30); s.rows.selectRow(3) }},
		{"selected note edited", func() {
			n := *s.notes[3]
			n.Text = "edited: threat models now come before design reviews"
			s.notes[3] = &n
		}},
		{"same text, other activity", func() {
			n := *s.notes[3]
			n.Activity = "pen testing"
			s.notes[3] = &n
		}},
		{"note hidden", func() {
			n := *s.notes[4]
			n.Hidden = true
			s.notes[4] = &n
		}},
		{"scrolled to the end", func() { s.rows.selectRow(29) }},
		{"narrower", func() { s.e.w = 50 }},
		{"reveal marks own notes", func() { s.sess = &session.Session{ID: "s1", Title: "Developers Berlin", Phase: session.PhaseReveal} }},
		{"status", func() { s.setStatus("Saved your change.", false) }},
		{"status as error", func() { s.setStatus("Saved your change.", true) }},
		{"other lane", func() { s.lane = 1 }},
		{"other area", func() { s.area, s.lane = 0, 0 }},
	}
	for _, st := range steps {
		st.do()
		for range 2 { // drawn once from changed lines, once all from the cache
			if got, want := s.View(), fresh(); got != want {
				t.Fatalf("%s: cached drawing differs from a fresh one:\n%s\nwant:\n%s", st.name, got, want)
			}
		}
	}
}

// Where a note was written, as participants read it beside the note.
func TestNoteWhere(t *testing.T) {
	for _, c := range []struct {
		note       session.Note
		where, tag string
	}{
		{session.Note{Area: session.AreaConfidence, Lane: "concern"}, "Confidence · Concerns", "[Concerns]"},
		{session.Note{Area: session.AreaActivities, Lane: "more", Activity: "pen testing"}, "Security activities · Do more · pen testing", "[Do more · pen testing]"},
		{session.Note{Area: session.AreaMotivation, Lane: "demotivates"}, "Motivation · Demotivates", "[Demotivates]"},
		{session.Note{Area: session.AreaOpen, Lane: "AI assistants"}, "Open topics · AI assistants", "[topic: AI assistants]"},
	} {
		if got := noteWhere(&c.note); got != c.where {
			t.Errorf("noteWhere(%s/%s) = %q, want %q", c.note.Area, c.note.Lane, got, c.where)
		}
		if got := laneTag(&c.note); got != c.tag {
			t.Errorf("laneTag(%s/%s) = %q, want %q", c.note.Area, c.note.Lane, got, c.tag)
		}
	}
}

// drawnAlone is s drawn with styles of its own, of the same colour profile, that no
// screen drew with before: every line rendered afresh.
func drawnAlone(s *participantScreen) string {
	c, e := *s, *s.e
	profile := termenv.Profile(-1)
	shared.Lock()
	for p, st := range shared.byProfile {
		if st == s.e.sty {
			profile = p
		}
	}
	shared.Unlock()
	if profile < 0 {
		panic("the screen's styles are not NewStyles'")
	}
	r := lipgloss.NewRenderer(io.Discard, termenv.WithProfile(profile))
	r.SetColorProfile(profile)
	e.sty = buildStyles(r)
	c.e = &e
	return c.View()
}

// colours256 is a renderer of 256 colours, as a participant's xterm-256color gets.
func colours256() *lipgloss.Renderer {
	r := lipgloss.NewRenderer(io.Discard, termenv.WithProfile(termenv.ANSI256))
	r.SetColorProfile(termenv.ANSI256)
	return r
}

// A view read by a load begun before the rating was stored does not take the rating
// away: x would then ask for a rating the person gave, until the next load.
func TestLoadBegunBeforeTheRatingKeepsIt(t *testing.T) {
	at := time.Date(2026, time.March, 10, 14, 0, 0, 0, time.UTC)
	e := New(Options{Renderer: colours256(), Now: func() time.Time { return at }}).env
	e.w, e.h = 80, 24
	sess := &session.Session{ID: "s1", Title: "Developers Berlin", Phase: session.PhaseCheckIn, VoteBudget: 3}
	me := &session.Participant{ID: 1, SessionID: sess.ID, Pseudonym: "Blue Heron"}
	s := newParticipant(e, sess, me)
	s.loading = false
	_ = s.reloadFrom(true) // a change by someone else: the load begins, not yet read
	stale := &session.ParticipantView{Session: sess, Me: &session.Participant{ID: 1, SessionID: sess.ID, Pseudonym: "Blue Heron"}}
	s.Update(ratedMsg{4})
	s.Update(participantStateMsg{ParticipantView: stale, load: s.loads})
	if s.me.Rating != 4 {
		t.Fatalf("rating %d after a load begun before it was stored, want 4", s.me.Rating)
	}
	if stale.Me.Rating != 0 {
		t.Error("the shared view's participant was changed")
	}
	s.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'x'}})
	if !strings.Contains(s.status, "Your rating is your check-in") {
		t.Errorf("x says %q", s.status)
	}
}

// The row of lanes keeps the selected one in view and marked, at every width: a
// session's fourteen open topics were cut at the right edge, and a participant who
// moved past the eighth could not see which topic they read or wrote under.
func TestLaneRowScrollsToTheSelectedOne(t *testing.T) {
	sty := NewStyles(colours256())
	titles := []string{"AI tools", "Career", "Community", "Design", "Events", "Incidents", "Index", "Learning",
		"Onboarding", "Platform", "Recognition", "Role", "Self-assessment", "Tools"}
	for _, w := range []int{40, 80, 120} {
		for sel := range titles {
			line := laneRow(titles, sel, w, sty)
			plain := ansi.Strip(line)
			if !strings.Contains(plain, "»"+titles[sel]+"«") {
				t.Errorf("width %d, %s selected: not shown marked in %q", w, titles[sel], plain)
			}
			if ansi.StringWidth(line) > w {
				t.Errorf("width %d: %q is %d wide", w, plain, ansi.StringWidth(line))
			}
			if sel == len(titles)-1 && w < 120 && !strings.HasPrefix(plain, "‹ ") {
				t.Errorf("width %d, the last selected: %q does not say that topics come before", w, plain)
			}
			if sel == 0 && !strings.HasSuffix(plain, " ›") {
				t.Errorf("width %d, the first selected: %q does not say that topics come after", w, plain)
			}
		}
	}
	// A selected topic longer than the line keeps its marks and the › of those
	// after it (a topic may have 60 characters).
	long := append([]string{"How we should handle security review of every release"}, titles...)
	for _, w := range []int{40, 60} {
		plain := ansi.Strip(laneRow(long, 0, w, sty))
		if !strings.HasPrefix(plain, "»How we") || !strings.Contains(plain, "«") || !strings.HasSuffix(plain, " ›") || ansi.StringWidth(plain) > w {
			t.Errorf("width %d, a long topic selected: %q", w, plain)
		}
	}
	// Lanes that fit are drawn as before, all of them.
	if got := ansi.Strip(laneRow([]string{"Keep", "Add", "Do less", "Do more"}, 1, 80, sty)); got != " Keep  »Add«  Do less   Do more " {
		t.Errorf("four lanes: %q", got)
	}
}

// A note taken back from a connection that no longer answered, arriving while the
// person writes another, is not dropped: it waits, is said to, and once the note in
// the box is sent it is the next one, in the lane it was written in.
func TestNoteTakenBackWhileWritingAnotherComesNext(t *testing.T) {
	s := writingScreen(0, 80, 24)
	s.loading = false
	s.area = 0
	type key = tea.KeyMsg
	s.Update(key{Type: tea.KeyEnter})
	s.Update(key{Type: tea.KeyRunes, Runes: []rune("pen tests come too late")})
	back := Draft{Text: "the staging keys never rotate", Area: session.AreaMotivation, Lane: "demotivates"}
	s.Update(draftBackMsg{back})
	if got := s.inputValue(); got != "pen tests come too late" {
		t.Fatalf("the box holds %q, want what was being typed", got)
	}
	if !strings.Contains(s.status, "kept too") {
		t.Errorf("status %q does not say the note taken back is kept", s.status)
	}
	s.Update(key{Type: tea.KeyEnter})
	s.Update(noteAcceptedMsg{note: &session.Note{ID: 7, SessionID: "s1", ParticipantID: 1, Area: session.AreaConfidence, Lane: "strength", Text: "pen tests come too late"}})
	if !strings.HasPrefix(s.status, "Saved.") || !strings.Contains(s.status, "n opens it") {
		t.Errorf("after the save the status is %q; want it saved and the note taken back offered", s.status)
	}
	s.Update(key{Type: tea.KeyRunes, Runes: []rune{'n'}})
	if got := s.inputValue(); got != back.Text {
		t.Fatalf("n opened the box with %q, want the note taken back", got)
	}
	if here := s.here(); here.Area != back.Area || here.Lane != back.Lane {
		t.Errorf("the note taken back is written in %s/%s, want %s/%s", here.Area, here.Lane, back.Area, back.Lane)
	}
}

// The key that begins saving a note leaves the screen as it was drawn (the text
// stays in the box until the answer): the app does not draw it again, and a
// drawing made anyway is the same. The answer is drawn. At 80x24 and 40x14, in
// the first area and in the security activities, for a new note and an edit.
func TestBeginningToSaveLeavesTheScreenAsDrawn(t *testing.T) {
	at := time.Date(2026, time.March, 10, 14, 0, 0, 0, time.UTC)
	for _, size := range [][2]int{{80, 24}, {40, 14}} {
		for _, area := range []int{0, 1} {
			for _, edit := range []bool{false, true} {
				t.Run(fmt.Sprintf("%dx%d area %d edit %v", size[0], size[1], area, edit), func(t *testing.T) {
					e := New(Options{Renderer: colours256(), Now: func() time.Time { return at }}).env
					e.w, e.h = size[0], size[1]
					sess := &session.Session{ID: "s1", Title: "Developers Berlin", Phase: session.PhaseWrite, VoteBudget: 3}
					me := &session.Participant{ID: 1, SessionID: sess.ID, Pseudonym: "Blue Heron"}
					s := newParticipant(e, sess, me)
					s.loading = false
					a := &App{env: e, screen: s}
					a.drawnByFrames()
					key := func(k tea.KeyMsg) { a.Update(k) }
					runes := func(r string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(r)} }
					enter := tea.KeyMsg{Type: tea.KeyEnter}
					s.area = area
					old := &session.Note{ID: 7, SessionID: "s1", ParticipantID: 1, Area: session.Areas[area], Lane: s.currentLane(), Text: "first words", CreatedAt: at, UpdatedAt: at}
					s.notes = []*session.Note{old}
					if edit {
						if s.mode == modeCompose {
							key(tea.KeyMsg{Type: tea.KeyEsc})
						}
						key(runes("e"))
						if s.asked != 0 {
							key(enter) // e asks first when letters could begin a note
						}
						if s.mode != modeEdit {
							t.Fatalf("e did not open the note for editing (mode %v)", s.mode)
						}
						key(runes(" and more"))
					} else {
						if s.mode != modeCompose {
							key(runes("n"))
						}
						key(runes("pairing on reviews"))
					}
					drawn := a.view(nil)
					key(enter)
					if !s.saving {
						t.Fatal("enter did not begin saving")
					}
					if !a.viewUnchanged() {
						t.Error("the key that began saving drew the screen again")
					}
					if got := a.view(nil); got != drawn {
						t.Errorf("the screen changed when saving began, and was not drawn:\n%s\nwas:\n%s", got, drawn)
					}
					saved := *old
					saved.Text = s.inputValue()
					if !edit {
						saved.ID = 8
					}
					a.Update(noteAcceptedMsg{edited: edit, note: &saved})
					if a.viewUnchanged() {
						t.Error("the answer was not drawn")
					}
					if got := a.view(nil); !strings.Contains(got, "Saved") {
						t.Errorf("the answer's drawing does not say Saved:\n%s", got)
					}
				})
			}
		}
	}
}

// Notes typed while one was saving are saved in turn when its answer comes (the
// keys typed meanwhile are replayed, an enter among them beginning the next save):
// that answer's screen, with the note stored and the next one in the box, is
// drawn, though the replayed enter began a save.
func TestAnswerThatBeginsTheNextSaveIsDrawn(t *testing.T) {
	at := time.Date(2026, time.March, 10, 14, 0, 0, 0, time.UTC)
	e := New(Options{Renderer: colours256(), Now: func() time.Time { return at }}).env
	e.w, e.h = 80, 24
	sess := &session.Session{ID: "s1", Title: "Developers Berlin", Phase: session.PhaseWrite, VoteBudget: 3}
	me := &session.Participant{ID: 1, SessionID: sess.ID, Pseudonym: "Blue Heron"}
	s := newParticipant(e, sess, me)
	s.loading = false
	a := &App{env: e, screen: s}
	a.drawnByFrames()
	if s.mode != modeCompose {
		a.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("n")})
	}
	for _, w := range []string{"one", "two", "three"} {
		a.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(w)})
		a.Update(tea.KeyMsg{Type: tea.KeyEnter})
	}
	for i, w := range []string{"one", "two"} {
		a.Update(noteAcceptedMsg{note: &session.Note{ID: int64(i + 1), SessionID: "s1", ParticipantID: 1,
			Area: session.AreaConfidence, Lane: s.currentLane(), Text: w, CreatedAt: at, UpdatedAt: at}})
		if a.viewUnchanged() {
			t.Fatalf("the answer for %q, which began saving the next note, was not drawn:\n%s", w, a.view(nil))
		}
	}
	if v := a.view(nil); !strings.Contains(v, "two") || !strings.Contains(v, "three") {
		t.Errorf("the screen lacks the note stored or the next in the box:\n%s", v)
	}
}
