package tui_test

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/tui"
)

// A voter reads the notes inside a theme before spending dots: enter opens them,
// whole and with where each was written; the dot keys work there too, and esc goes
// back to the themes.
func TestVoterReadsAThemesNotesThenVotes(t *testing.T) {
	t.Parallel()
	w, sess, _ := groupWorld(t)
	ps, err := w.db.Participants(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	me := ps[0]
	p := w.openAsParticipant(sess, me)
	// While grouping, each note's row says its lane (and activity).
	p.waitFor("[Do more · pen testing] pen test findings come too late", "[Demotivates] deadlines always win")

	w.setPhase(sess, session.PhaseVote)
	p.waitFor("3 of 3 dots left")
	p.press(tea.KeyEnter) // on "pen tests", the first theme
	p.waitFor("“pen tests”", "2 notes · your dots here: none · 3 of 3 left",
		"more pen tests before release (Security activities · Do more · pen testing)",
		"pen test findings come too late (Security activities · Do more · pen", "esc back")
	p.keys("+")
	p.waitFor("Dot given.", "your dots here: ● · 2 of 3 left")
	p.keys("+")
	p.waitFor("your dots here: ●● · 1 of 3 left")
	p.keys("-")
	p.waitFor("Dot taken back.", "your dots here: ● · 2 of 3 left")
	p.press(tea.KeyEsc)
	p.waitFor("2 of 3 dots left", "read whole")
	p.keys("j") // to "deadlines"
	p.keys(" ")
	p.waitFor("1 of 3 dots left")

	v, err := w.svc.ParticipantView(w.ctx, me.ID)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, th := range v.Themes {
		got[th.Label] = v.MyVotes[th.ID]
	}
	if got["pen tests"] != 1 || got["deadlines"] != 1 {
		t.Fatalf("dots stored %v, want one on each theme", got)
	}
	requireFits(t, p.view())
}

// After the reveal a note longer than a line is cut in the list; enter shows it whole,
// with its area and lane, and a small terminal scrolls through it.
func TestParticipantReadsALongNoteWhole(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	other := w.join(sess, "key-2", "")
	long := strings.Repeat("pen test findings arrive after the release ", 5) + "and nobody owns the fix"
	w.addNote(other, session.AreaConfidence, "concern", long)
	w.setPhase(sess, session.PhaseReveal)

	s := w.openSized(tui.Options{KeyHash: me.KeyHash, Code: sess.Code}, 40, 14)
	s.waitFor("Strengths")
	s.waitDrawn("New note in Strengths") // loaded: the box is open
	s.press(tea.KeyRight)                // to Concerns
	s.press(tea.KeyEsc)                  // the box of a new note closed: the list has its room
	s.waitFor("▸ pen test findings arrive")
	if s.everDrawn("nobody owns the fix") {
		t.Fatal("the whole note fits a line of the list: the test shows nothing")
	}
	s.press(tea.KeyEnter)
	s.waitFor("Confidence · Concerns", "pen test findings arrive", "↓ for more")
	s.tm.Send(tea.KeyMsg{Type: tea.KeyEnd})
	s.waitFor("nobody owns the fix")
	s.press(tea.KeyEsc)
	s.waitFor("type new note")
	requireFitsIn(t, s.view(), 40, 14)
}

// One's own note, read whole while writing, is edited from there with e.
func TestParticipantEditsTheNoteBeingRead(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	n := w.addNote(me, session.AreaConfidence, "strength", "threat models for every new service")
	s := w.openAsParticipant(sess, me)
	s.waitFor("▸ threat models")
	s.press(tea.KeyEsc) // the box of a new note closed for the list's keys
	s.waitFor("type new note")
	s.press(tea.KeyEnter)
	s.waitFor("Your note", "e edit")
	s.keys("e")
	s.waitFor("Edit your note")
	s.tm.Type(", reviewed yearly")
	s.press(tea.KeyEnter)
	s.waitFor("Saved your change.")
	ns := w.notes(sess)
	if len(ns) != 1 || ns[0].ID != n.ID || ns[0].Text != "threat models for every new service, reviewed yearly" {
		t.Fatalf("stored notes %q", noteTexts(ns))
	}
}

// The line under the header says what the phase asks in whole words at every
// width: at 60 columns a shorter wording keeps the promise that only the writer
// sees the notes, where the long one was cut mid-sentence.
func TestPhaseAskIsWholeAtSixtyColumns(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	me := w.join(sess, "key-1", "")
	for _, ph := range session.Phases {
		w.setPhase(sess, ph)
		s := w.openSized(tui.Options{KeyHash: me.KeyHash, Code: sess.Code}, 60, 20)
		s.waitFor(strings.ToUpper(string(ph)))
		v := s.view()
		lines := strings.Split(v, "\n")
		if len(lines) < 2 {
			t.Fatalf("%s: no second line:\n%s", ph, v)
		}
		if ask := strings.TrimSpace(lines[1]); strings.Contains(ask, "…") || ask == "" {
			t.Errorf("%s: the phase's line is cut: %q", ph, ask)
		}
		if ph == session.PhaseWrite && !strings.Contains(lines[1], "Only you see") {
			t.Errorf("write: the phase's line %q does not say only the writer sees the notes", lines[1])
		}
	}
}

// At 60 columns the lines that say how to vote and how to volunteer are whole:
// a shorter wording where the long one does not fit.
func TestVoteAndVolunteerLinesAreWholeAtSixtyColumns(t *testing.T) {
	t.Parallel()
	r := newRoom(t)
	w := r.w
	r.to(session.PhaseVote)
	me := r.people[1]
	check := func(v, what string) {
		t.Helper()
		for _, l := range strings.Split(v, "\n") {
			if strings.Contains(l, what) && strings.Contains(l, "…") {
				t.Errorf("the line about %q is cut: %q", what, l)
			}
		}
	}
	s := w.openSized(tui.Options{KeyHash: me.KeyHash, Code: r.sess.Code}, 60, 20)
	s.waitFor("dots left")
	check(s.view(), "dots left")

	r.to(session.PhaseActions)
	ts, err := w.svc.Themes(w.ctx, r.sess.ID)
	if err != nil || len(ts) == 0 {
		t.Fatalf("themes %v, %v", ts, err)
	}
	if _, err := w.svc.AddAction(w.ctx, session.ActionPoint{SessionID: r.sess.ID, ThemeID: ts[0].ID, Title: "Threat modelling clinic"}); err != nil {
		t.Fatal(err)
	}
	late := w.join(r.sess, "key-9", "") // a volunteer for nothing yet
	s = w.openSized(tui.Options{KeyHash: late.KeyHash, Code: r.sess.Code}, 60, 20)
	s.waitFor("ACTIONS", "Threat modelling clinic")
	v := s.view()
	check(v, "Press v")
	check(v, "(enter to read")
	s = w.openSized(tui.Options{KeyHash: late.KeyHash, Code: r.sess.Code}, 60, 20)
	s.waitFor("ACTIONS", "Threat modelling clinic")
	s.press(tea.KeyDown)
	s.keys("v")
	s.waitFor("Volunteer: give a name")
	v = s.view()
	check(v, "Volunteer")
	check(v, "Shown")
}

// Where the vote screen has no room for a note of the selected theme, it says how
// to read them rather than show a lone "…".
func TestVotePreviewWithoutRoomSaysHowToRead(t *testing.T) {
	t.Parallel()
	r := newRoom(t)
	r.to(session.PhaseVote)
	for _, h := range []int{14, 15, 16, 17, 18, 20} {
		s := r.w.openSized(tui.Options{KeyHash: r.people[1].KeyHash, Code: r.sess.Code}, 60, h)
		s.waitFor("dots left")
		v := s.view()
		for _, l := range strings.Split(v, "\n") {
			if strings.TrimSpace(l) == "…" {
				t.Errorf("at 60x%d a line holds only \"…\":\n%s", h, v)
			}
		}
	}
}

// Participants see why the themes are in their order: the score beside the votes,
// and how it is made, so that a theme without votes above one with two reads as
// the method's and not as a mistake.
func TestParticipantRankingShowsTheScore(t *testing.T) {
	t.Parallel()
	r := newRoom(t)
	r.to(session.PhaseActions)
	s := r.w.openAsParticipant(r.sess, r.people[1])
	s.waitFor("By score: 3 × votes + 2 × people + notes.", "#1 Dependency updates have no owner · score ")
}

// Done in the vote says how to take it back, not how to "add more" (there is
// nothing to add); at check-in the rating is the check-in
// (TestCheckInDoneDoesNotSayWhoRated).
func TestDoneInTheVoteSaysHowToTakeItBack(t *testing.T) {
	t.Parallel()
	r := newRoom(t)
	r.to(session.PhaseVote)
	s := r.w.openAsParticipant(r.sess, r.people[1])
	s.waitFor("x I'm done")
	s.keys("x")
	s.waitFor("Marked as done. Press x again to take it back.")
}

// A voter at 80x24 reads the selected theme's notes under a list of themes longer
// than the screen: they showed only under a short list, so with 18 themes each had
// to be opened with enter before a dot was given (a facilitator's trial).
func TestVoterSeesTheNotesUnderALongListOfThemes(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)
	var themes []session.Theme
	for i := range 18 {
		p := w.join(sess, fmt.Sprintf("key-%d", i+1), "")
		n := w.addNote(p, session.AreaMotivation, "demotivates", fmt.Sprintf("reason number %d why security work stalls", i+1))
		themes = append(themes, session.Theme{Label: fmt.Sprintf("theme %02d", i+1), NoteIDs: []int64{n.ID}})
	}
	w.setPhase(sess, session.PhaseGroup)
	if err := w.svc.SaveThemes(w.ctx, sess.ID, themes); err != nil {
		t.Fatal(err)
	}
	w.setPhase(sess, session.PhaseVote)
	ps, err := w.db.Participants(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	s := w.openSized(tui.Options{KeyHash: ps[0].KeyHash, Code: sess.Code}, 80, 24)
	s.waitDrawn("dots left", "below")
	v := s.view()
	requireFitsIn(t, v, 80, 24)
	sel := lineWith(v, "▸")
	i := strings.Index(sel, "theme ")
	if i < 0 {
		t.Fatalf("no theme selected:\n%s", v)
	}
	label := sel[i : i+len("theme 01")]
	var want string
	for k, th := range themes {
		if th.Label == label {
			want = fmt.Sprintf("reason number %d why", k+1)
		}
	}
	if !strings.Contains(v, "In “"+label+"”") || !strings.Contains(v, want) {
		t.Errorf("the selected theme %q's note (%q) is not under the list:\n%s", label, want, v)
	}
}
