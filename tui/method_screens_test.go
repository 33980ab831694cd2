package tui_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/tui"
)

// The facilitator sets, starts and extends the timer with the board's keys; a
// participant's screen shows it.
func TestBoardTimerKeysReachParticipants(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	b := w.openBoard(sess)
	p := w.openAsParticipant(sess, me)
	p.waitFor("You have no notes here yet.")

	b.keys("t")
	b.waitFor("Timer (minutes, or m:ss)")
	b.keys("5")
	b.press(tea.KeyEnter)
	p.waitFor("5:00 left (paused)")
	b.press(tea.KeySpace)
	p.waitFor("5:00 left")
	b.keys("+")
	p.waitFor("6:00 left")
	got := w.session(sess.ID).Timer
	if !got.Running || got.Remaining(clock) != 6*time.Minute {
		t.Errorf("stored timer %+v, want 6 minutes running", got)
	}
	b.press(tea.KeySpace)
	p.waitFor("6:00 left (paused)")
	if got := w.session(sess.ID).Timer; got.Running {
		t.Errorf("stored timer %+v still runs after pause", got)
	}
	// A timer belongs to its phase: moving on clears it, and the board says so.
	b.keys("]")
	b.waitFor("1 person is not done.", "If someone is still")
	b.keys("y")
	b.waitFor("The timer was for the last phase and is cleared")
	if got := w.session(sess.ID).Timer; got.Active() {
		t.Errorf("timer %+v still set in the next phase", got)
	}
}

// At zero every screen says so, and the phase stays where it is.
func TestTimeIsUpOnParticipantScreens(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	// Started two minutes before the screens' clock, for one minute.
	w.svc.Now = func() time.Time { return clock.Add(-2 * time.Minute) }
	if _, err := w.svc.ChangeTimer(w.ctx, sess.ID, session.TimerSet, time.Minute); err != nil {
		t.Fatal(err)
	}
	if _, err := w.svc.ChangeTimer(w.ctx, sess.ID, session.TimerStart, 0); err != nil {
		t.Fatal(err)
	}
	w.svc.Now = func() time.Time { return clock }
	p := w.openAsParticipant(sess, me)
	p.waitFor("time is up", "WRITE")
	if ph := w.session(sess.ID).Phase; ph != session.PhaseWrite {
		t.Errorf("the phase moved to %s at zero", ph)
	}
}

// "I'm done" is stored and counted on the board.
func TestParticipantIsDone(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	w.join(sess, "key-2", "")
	b := w.openBoard(sess)
	p := w.openAsParticipant(sess, me)
	p.waitFor("You have no notes here yet.")
	p.waitDrawn("New note in Strengths") // loaded: the box is open
	p.press(tea.KeyEsc)                  // the box of a new note closed for the list's keys
	p.waitFor("type new note")
	p.keys("x")
	p.press(tea.KeyEnter)
	b.waitFor("2 people · 1 done")
	if !w.participant(me.ID).Done {
		t.Error("done not stored")
	}
	// Once done, x offers to take it back, not to say it again.
	p.waitDrawn("x not done after all")
}

// The facilitator edits the session's activities, one a line; participants pick from
// the new list by typing a few letters.
func TestSessionActivitiesEditedOnTheBoard(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	b := w.openBoard(sess)
	b.keys("a")
	b.waitFor("Security activities of this session (11)", "▸ self-assessment")
	b.keys("D")
	b.waitFor("Deleted self-assessment from the list.")
	b.keys("n")
	b.waitFor("New activity:")
	b.paste("Chaos days")
	b.press(tea.KeyEnter)
	b.waitFor("Added Chaos days.")
	got := w.session(sess.ID).Activities
	want := append(slices.Clone(session.DefaultActivities[1:]), "Chaos days")
	if !slices.Equal(got, want) {
		t.Fatalf("stored activities %q, want %q", got, want)
	}

	p := w.openAsParticipant(sess, me)
	p.waitFor("You have no notes here yet.")
	p.waitDrawn("New note in Strengths") // loaded: the box is open
	p.press(tea.KeyTab)                  // Security activities
	p.waitFor("no activity chosen: a note goes under the one it names")
	p.press(tea.KeyEsc) // the box of a new note closed for the list's keys
	p.waitFor("type new note")
	p.keys("a")
	p.press(tea.KeyEnter)
	p.waitFor("type to filter")
	p.keys("chaos")
	p.waitFor("▸ Chaos days")
	p.press(tea.KeyEnter)
	p.waitFor("new notes are about: Chaos days")
	p.waitDrawn("New note in Keep · about Chaos days")
	p.keys("game days find real gaps")
	p.press(tea.KeyEnter)
	p.waitFor("Saved")
	ns := w.notes(sess)
	if len(ns) != 1 || ns[0].Activity != "Chaos days" || ns[0].Area != session.AreaActivities {
		t.Fatalf("stored %+v, want one note about Chaos days", ns)
	}
	// The activity chosen is the lane's: in the next lane none is chosen until
	// one is chosen there, and the screen says why.
	// The box open for the next note goes along.
	p.press(tea.KeyRight)
	p.waitFor("No activity chosen here: esc, a chooses one (Chaos days was for the lane", "New note in Add · no activity chosen (esc, a)")
	p.keys("fewer e-learning videos")
	p.press(tea.KeyEnter)
	p.waitFor("Saved")
	for _, n := range w.notes(sess) {
		if n.Text == "fewer e-learning videos" && n.Activity != "" {
			t.Errorf("a note in the next lane is about %q, chosen in the lane before", n.Activity)
		}
	}
}

// Keys typed faster than the board reloads edit the list as the last key left it.
func TestSessionActivitiesEditedFasterThanTheBoardLoads(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, _ := w.writingParticipant()
	b := w.openBoard(sess)
	b.keys("a")
	b.waitFor("Security activities of this session (11)", "▸ self-assessment")
	b.keys("DD")
	want := slices.Clone(session.DefaultActivities[2:])
	b.waitFor("Deleted "+session.DefaultActivities[1]+" from the list.",
		fmt.Sprintf("Security activities of this session (%d)", len(want)))
	if got := w.session(sess.ID).Activities; !slices.Equal(got, want) {
		t.Fatalf("stored activities %q, want %q", got, want)
	}
}

// A participant raises an open topic and writes a note on it.
func TestParticipantRaisesATopic(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	p := w.openAsParticipant(sess, me)
	p.waitFor("You have no notes here yet.")
	for range 3 {
		p.press(tea.KeyTab)
	}
	p.waitFor("[Open topics]", "no topics yet")
	p.keys("t")
	p.press(tea.KeyEnter)
	p.waitFor("Title of your topic")
	p.keys("On-call load")
	p.press(tea.KeyEnter)
	p.waitFor("Topic raised: write your note on it (others see it after the reveal).", "»On-call load«", "New note in On-call load")
	p.keys("nights are covered by two people")
	p.press(tea.KeyEnter)
	p.waitFor("Saved")
	ns := w.notes(sess)
	if len(ns) != 1 || ns[0].Area != session.AreaOpen || ns[0].Lane != "On-call load" {
		t.Fatalf("stored %+v, want one note in the topic On-call load", ns)
	}
}

// In Open topics before any topic is raised, typing (n too) asks for the topic's
// title and then opens the note on it: it said "Raise a topic first: press t.", and
// the words typed ran as keys meanwhile (t opened the title box halfway through
// them, x marked the person done).
func TestNewNoteWithoutATopicAsksForItsTitleFirst(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	p := w.openAsParticipant(sess, me)
	p.waitFor("You have no notes here yet.")
	for range 3 {
		p.press(tea.KeyTab)
	}
	p.waitFor("[Open topics]", "no topics yet")
	p.keys("On-call load")
	p.waitFor("Title of your topic", "then enter opens your note on it")
	p.press(tea.KeyEnter)
	p.waitFor("New note in On-call load")
	p.keys("nights are covered by two people")
	p.press(tea.KeyEnter)
	p.waitFor("Saved")
	ns := w.notes(sess)
	if len(ns) != 1 || ns[0].Area != session.AreaOpen || ns[0].Lane != "On-call load" || ns[0].Text != "nights are covered by two people" {
		t.Fatalf("stored %+v, want one note in the topic On-call load", ns)
	}
}

// In Open topics before any topic is raised, the key line says that what is typed
// is a topic's title: it said "type new note" and "t new topic" side by side, and
// typing asked for a title (a program lead's walkthrough).
func TestKeyLineWithoutATopicSaysTypingGivesItsTitle(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	p := w.openAsParticipant(sess, me)
	p.waitFor("You have no notes here yet.")
	for range 3 {
		p.press(tea.KeyTab)
	}
	p.waitFor("[Open topics]", "no topics yet", "type a topic's title")
	v := p.view()
	requireFits(t, v)
	for _, said := range []string{"type new note", "t new topic"} {
		if strings.Contains(v, said) {
			t.Errorf("the key line says %q where typing gives a topic's title:\n%s", said, v)
		}
	}
}

// In the reveal everyone sees a note as soon as it is saved: a topic raised there
// is not said to reach the others only after the reveal, which has come.
func TestParticipantRaisesATopicInTheReveal(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	w.setPhase(sess, session.PhaseReveal)
	p := w.openAsParticipant(sess, me)
	p.waitFor("No notes here yet.")
	for range 3 {
		p.press(tea.KeyTab)
	}
	p.waitFor("[Open topics]", "no topics yet")
	p.keys("t")
	p.press(tea.KeyEnter)
	p.waitFor("Title of your topic")
	p.keys("On-call load")
	p.press(tea.KeyEnter)
	p.waitFor("Topic raised: write your note on it (everyone sees it with its first note).", "»On-call load«", "New note in On-call load")
	if v := p.view(); strings.Contains(v, "after the reveal") {
		t.Fatalf("in the reveal, the screen says others see the topic after it:\n%s", v)
	}
}

// Screens follow a resize: wider uses the width, back to 80x24 fits again.
func TestScreensFollowResize(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	w.addNote(me, session.AreaConfidence, "strength", strings.Repeat("long note about threat models ", 6))
	// A second writer, so that the board shows the note (see session.MinBatchWriters).
	w.addNote(w.join(sess, "key-2", ""), session.AreaConfidence, "concern", "short one")
	// Each opens a screen and waits until its notes are loaded.
	open := map[string]func() *term{
		"participant": func() *term {
			s := w.openAsParticipant(sess, me)
			s.waitFor("long note about")
			return s
		},
		"board": func() *term { return w.openBoard(sess) }, // waits for its counts
	}
	widest := func(v string) int {
		n := 0
		for _, l := range strings.Split(v, "\n") {
			n = max(n, lipgloss.Width(l))
		}
		return n
	}
	for name, o := range open {
		t.Run(name, func(t *testing.T) {
			wide := o()
			wide.tm.Send(tea.WindowSizeMsg{Width: 140, Height: 40})
			v := wide.view()
			if widest(v) != 140 || !strings.Contains(v, strings.Repeat("long note about threat models ", 3)) {
				t.Errorf("at 140 columns the widest line is %d, and the note shows %q:\n%s", widest(v), "long note about…", v)
			}

			back := o()
			back.tm.Send(tea.WindowSizeMsg{Width: 140, Height: 40})
			back.tm.Send(tea.WindowSizeMsg{Width: termW, Height: termH})
			v = back.view()
			requireFits(t, v)
			if widest(v) != termW || !strings.Contains(v, "long note about") {
				t.Errorf("back at %d columns the widest line is %d:\n%s", termW, widest(v), v)
			}
		})
	}
}

// groupWorld is a session in the group phase with two accepted themes:
// "pen tests" (two notes) and "deadlines" (one).
func groupWorld(t *testing.T) (*world, *session.Session, []*session.Note) {
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)
	a, b := w.join(sess, "key-1", ""), w.join(sess, "key-2", "")
	n1 := w.addNote(a, session.AreaActivities, "more", "more pen tests before release")
	n2 := w.addNote(b, session.AreaActivities, "more", "pen test findings come too late")
	n3 := w.addNote(a, session.AreaMotivation, "demotivates", "deadlines always win over security")
	w.setPhase(sess, session.PhaseGroup)
	if err := w.svc.SaveThemes(w.ctx, sess.ID, []session.Theme{
		{Label: "pen tests", NoteIDs: []int64{n1.ID, n2.ID}},
		{Label: "deadlines", NoteIDs: []int64{n3.ID}},
	}); err != nil {
		t.Fatal(err)
	}
	return w, sess, []*session.Note{n1, n2, n3}
}

// themesOf reads the stored themes as label -> note IDs.
func (w *world) themesOf(s *session.Session) map[string][]int64 {
	w.t.Helper()
	ts, err := w.svc.Themes(w.ctx, s.ID)
	if err != nil {
		w.t.Fatal(err)
	}
	out := map[string][]int64{}
	for _, t := range ts {
		out[t.Label] = t.NoteIDs
	}
	return out
}

// selectRow moves the board's selection to row i (0 is the first theme's header).
func (s *term) selectRow(i int) {
	for range 12 {
		s.keys("k")
	}
	for range i {
		s.keys("j")
	}
}

// The facilitator renames, moves a note, splits one out and merges themes with the
// board's keys, and the store follows.
func TestBoardGroupKeys(t *testing.T) {
	t.Parallel()
	w, sess, ns := groupWorld(t)
	b := w.openBoard(sess) // waits for its first full drawing
	b.waitDrawn("pen tests (2)")

	// Rows: 0 "1. pen tests" header, 1 and 2 its notes, 3 "2. deadlines" header,
	// 4 n3. R on a note renames its theme.
	b.selectRow(2)
	b.keys("R")
	b.waitFor("New name: ")
	for range len("pen tests") {
		b.press(tea.KeyBackspace)
	}
	b.paste("Pen tests come late")
	b.press(tea.KeyEnter)
	b.waitFor("Theme renamed.")
	if got := w.themesOf(sess); len(got["Pen tests come late"]) != 2 {
		t.Fatalf("after rename: %v", got)
	}

	// Move n1 to "deadlines", found by part of its name.
	b.keys("/more pen")
	b.press(tea.KeyEnter)
	b.keys("M")
	b.waitFor("Move the note to theme (name or number): ")
	b.keys("dead")
	b.waitFor("→ 2. deadlines")
	b.press(tea.KeyEnter)
	b.waitFor("Note moved to “deadlines”.")
	if got := w.themesOf(sess); len(got["Pen tests come late"]) != 1 || len(got["deadlines"]) != 2 {
		t.Fatalf("after move: %v", got)
	}

	// Split n3 out of "deadlines": it stays selected, in its new theme.
	b.keys("/always win")
	b.press(tea.KeyEnter)
	b.keys("S")
	b.waitFor("Note split out", "3. deadlines always win over security (1)", "▸    ★ [mot demotivates] deadlines always win")
	got := w.themesOf(sess)
	if len(got) != 3 || len(got["deadlines"]) != 1 || got["deadlines"][0] != ns[0].ID {
		t.Fatalf("after split: %v", got)
	}

	// Merge the first theme into "deadlines" (row 2); the list's line says which
	// theme is being merged.
	b.selectRow(0)
	b.keys("m")
	b.waitFor("Now select the theme to merge it into", "Merging 1. “")
	b.selectRow(2)
	b.keys("m")
	// It says the merged theme's number now, and that the numbers after moved.
	b.waitFor("merged into 1. “deadlines”", "the themes after 1 moved up")
	got = w.themesOf(sess)
	if len(got) != 2 || len(got["deadlines"]) != 2 {
		t.Fatalf("after merge: %v", got)
	}

	// A prompt opened next does not keep what the merge said under it.
	b.keys("R")
	b.waitFor("New name: ")
	// A name too long is said while it is typed, before enter is refused.
	b.keys(" and a few more words to go well past sixty characters in all")
	b.waitFor("A theme's name can be at most 60 characters: this one has")
	if screen := b.view(); strings.Contains(screen, "merged into") {
		t.Errorf("the rename prompt shows the merge's status:\n%s", screen)
	}
}

// Suggestions are clustered again when notes arrive in the group phase, and A shares
// them with every note in.
func TestSuggestionsFollowArrivingNotes(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)
	a := w.join(sess, "key-1", "")
	w.addNote(a, session.AreaActivities, "more", "more pen tests before release")
	w.addNote(a, session.AreaMotivation, "demotivates", "deadlines always win over security")
	w.setPhase(sess, session.PhaseGroup)
	b := w.openBoard(sess) // waits for its first full drawing
	b.waitDrawn("Suggested themes")

	if _, err := w.svc.Import(w.ctx, sess.ID, []session.ImportRow{{Line: 1, Text: "pen test reports arrive after the release", Area: "activities", Lane: "more"}}, session.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	b.waitFor("· 3 notes")
	b.keys("A")
	b.waitFor("shared with everyone")
	total := 0
	for _, ids := range w.themesOf(sess) {
		total += len(ids)
	}
	if total != 3 {
		t.Errorf("the shared themes hold %d notes, want all 3 (the imported one too)", total)
	}
}

// The home lists sessions under their campaigns with counts in words.
func TestHomeCampaignHeadings(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	for _, in := range []session.Session{
		{Title: "Developers Berlin", Campaign: "Chartering 2026", Date: "2026-03-02"},
		{Title: "Developers Porto", Campaign: "Chartering 2026", Date: "2026-03-09"},
		{Title: "Pilot Lisbon", Campaign: "Pilot", Date: "2026-01-15"},
	} {
		in.Audience = session.AudienceDevelopers
		if _, err := w.svc.NewSession(w.ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	s := w.open(tui.Options{Facilitator: true})
	s.waitFor("Chartering 2026 · 2 Mar 2026 – 9 Mar 2026 · 2 sessions", "Pilot · 15 Jan 2026 · 1 session")
	if s.everDrawn("(s)") {
		t.Error("a count is written as session(s)")
	}
}

// A session planned without a day says so on the home, and a campaign of such
// sessions has no period yet: both showed the day they were created, today, as if
// held then. A session begun today without a day given is today's, and so is one
// still in the lobby with someone in it, as its findings date it (the home said
// "no date yet").
func TestHomeSaysAPlannedSessionHasNoDateYet(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	// The day the session held without a day (someone in its lobby) was created,
	// and the day the one begun without a day began (dated then).
	var today, begun time.Time
	for _, in := range []session.Session{
		{Title: "Developers Berlin", Campaign: "Chartering 2027"},
		{Title: "Developers Porto", Campaign: "Chartering 2027"},
		{Title: "Pilot Lisbon", Campaign: "Pilot"},
		{Title: "Lobby Oslo", Campaign: "Gathering"},
	} {
		in.Audience = session.AudienceDevelopers
		sess, err := w.svc.NewSession(w.ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		switch in.Campaign {
		case "Pilot":
			w.setPhase(sess, session.PhaseWrite)
			begun = w.session(sess.ID).Day()
		case "Gathering":
			w.join(sess, "key-1", "")
			today = sess.Day()
		}
	}
	s := w.open(tui.Options{Facilitator: true})
	s.waitFor("Chartering 2027 · no date yet · 2 sessions", "Pilot · "+begun.Format("2 Jan 2006")+" · 1 session",
		"Gathering · "+today.Format("2 Jan 2006")+" · 1 session")
	v := s.view()
	if l := lineWith(v, "Lobby Oslo"); !strings.Contains(l, today.Format("2 Jan")) {
		t.Errorf("a session with someone in its lobby: %q", l)
	}
	// A campaign with no date yet comes after those with one: it came first.
	if strings.Index(v, "Chartering 2027 ·") < strings.Index(v, "Pilot ·") || strings.Index(v, "Chartering 2027 ·") < strings.Index(v, "Gathering ·") {
		t.Errorf("the campaign with no date yet is listed above those with one:\n%s", v)
	}
	for _, title := range []string{"Developers Berlin", "Developers Porto"} {
		if l := lineWith(v, title); !strings.Contains(l, "no date yet") || strings.Contains(l, today.Format("2 Jan")) {
			t.Errorf("a planned session's row: %q", l)
		}
	}
	if l := lineWith(v, "Pilot Lisbon"); !strings.Contains(l, begun.Format("2 Jan")) {
		t.Errorf("a session begun today without a day: %q", l)
	}
}

// Sessions planned without a day are listed on the home after those that have one,
// in the order they were made: placed on the day they were created, one sat above a
// session dated a week later, as if held first.
func TestHomeListsPlannedSessionsAfterDatedOnes(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	var created time.Time // the day the store made the sessions
	for _, in := range []struct {
		title string
		days  int // the day it is held, from the day it was created; 0 for none
	}{
		{"Planned Porto", 0},
		{"Next week Berlin", 7},
		{"Planned Oslo", 0},
		{"Last week Lisbon", -7},
	} {
		ns := session.Session{Title: in.title, Audience: session.AudienceDevelopers, Campaign: "Chartering 2027"}
		if in.days != 0 {
			ns.Date = created.AddDate(0, 0, in.days).Format(session.DateLayout)
		}
		sess, err := w.svc.NewSession(w.ctx, ns)
		if err != nil {
			t.Fatal(err)
		}
		if created.IsZero() {
			created = sess.Day()
		}
	}
	s := w.open(tui.Options{Facilitator: true})
	s.waitFor("Planned Oslo")
	v := s.view()
	want := []string{"Last week Lisbon", "Next week Berlin", "Planned Porto", "Planned Oslo"}
	for i := 1; i < len(want); i++ {
		if strings.Index(v, want[i-1]) > strings.Index(v, want[i]) {
			t.Errorf("%q is listed above %q, want the order %v:\n%s", want[i], want[i-1], want, v)
		}
	}
}

// The campaign overview shows the campaign's themes, saturation and action points.
func TestCampaignOverview(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, err := w.svc.NewSession(w.ctx, session.Session{Title: "Developers Berlin", Audience: session.AudienceDevelopers, Campaign: "Chartering 2026"})
	if err != nil {
		t.Fatal(err)
	}
	w.setPhase(sess, session.PhaseWrite)
	a := w.join(sess, "key-1", "")
	n1 := w.addNote(a, session.AreaActivities, "more", "more pen tests before release")
	n2 := w.addNote(a, session.AreaMotivation, "demotivates", "deadlines always win over security")
	w.setPhase(sess, session.PhaseGroup)
	if err := w.svc.SaveThemes(w.ctx, sess.ID, []session.Theme{
		{Label: "pen tests", NoteIDs: []int64{n1.ID}}, {Label: "deadlines", NoteIDs: []int64{n2.ID}},
	}); err != nil {
		t.Fatal(err)
	}
	s := w.open(tui.Options{Facilitator: true})
	s.waitFor("Developers Berlin")
	s.keys("c")
	s.waitFor("Themes by campaign priority", "pen tests", "deadlines")
	s.keys("3")
	s.waitFor("New themes each session brought, in date order:", " 2 new (2)")
	s.keys("4")
	s.waitFor("No action points yet.")
}

// The name box stops taking characters at the most a name can have, and says so:
// what goes beyond is not taken silently, nor refused only at enter. An over-long
// topic is refused with a message.
func TestNameAndTopicLimits(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)

	j := w.open(tui.Options{KeyHash: "key-new", Code: sess.Code})
	j.waitFor("Your name", "0/40 characters")
	j.keys("Ana Maria")
	j.waitFor("9/40 characters")
	long := strings.Repeat("abcde", session.MaxNameLen/5) // exactly the limit
	j.paste(long[len("Ana Maria"):] + "OVERFLOW")
	j.waitFor("40/40 characters: a name can be no longer")
	j.keys("x") // typed at the limit: not taken either
	j.press(tea.KeyEnter)
	j.waitFor("You have no notes here yet.")
	ps, _ := w.db.Participants(w.ctx, sess.ID)
	want := "Ana Maria" + long[len("Ana Maria"):]
	if len(ps) != 1 || ps[0].Name != want {
		t.Fatalf("participants %+v, want one named %q", ps, want)
	}

	p := w.openAsParticipant(sess, ps[0])
	p.waitFor("You have no notes here yet.")
	for range 3 {
		p.press(tea.KeyTab)
	}
	p.waitFor("[Open topics]")
	p.keys("t")
	p.press(tea.KeyEnter)
	p.waitFor("Title of your topic")
	p.paste(strings.Repeat("x", session.MaxTopicLen+1))
	p.press(tea.KeyEnter)
	p.waitFor("A topic can be at most 60 characters")
}

// After saving, the new note is the selected one, and the delete question names the
// note: d, y right after a typo removes the typo, not an older note.
func TestDeleteRightAfterSavingRemovesTheNewNote(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	w.addNote(me, session.AreaConfidence, "strength", "late pen test reports hurt")
	p := w.openAsParticipant(sess, me)
	p.waitFor("late pen test reports hurt")
	p.waitDrawn("New note in Strengths")
	p.keys("typo note delete me")
	p.press(tea.KeyEnter)
	p.waitFor("Saved. Your note is stored")
	p.press(tea.KeyUp) // from the box open for the next note to the list
	p.keys("d")
	p.waitFor("Delete “typo note delete me”?")
	p.press(tea.KeyEnter)
	p.waitFor("Note deleted.")
	ns := w.notes(sess)
	if len(ns) != 1 || ns[0].Text != "late pen test reports hurt" {
		t.Fatalf("left %+v, want only the older note", ns)
	}
}

// Leaving the closed phase asks first.
func TestReopeningAClosedSessionAsks(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseClosed)
	b := w.openBoard(sess)
	b.keys("[")
	b.waitFor("Reopen the closed session (back to actions)?")
	b.keys("x")
	b.waitFor("The session stays closed.")
	if ph := w.session(sess.ID).Phase; ph != session.PhaseClosed {
		t.Fatalf("phase %s after saying no", ph)
	}
	b.keys("[")
	b.waitFor("Reopen the closed session")
	b.keys("y")
	b.waitFor("Moved to actions.")
	if ph := w.session(sess.ID).Phase; ph != session.PhaseActions {
		t.Fatalf("phase %s after y, want actions", ph)
	}
}

// Going back from the vote to the group asks first: the dots stay on their themes,
// and reshaping those changes what people voted for.
func TestBackFromVoteToGroupAsks(t *testing.T) {
	t.Parallel()
	w, sess, _ := groupWorld(t)
	w.setPhase(sess, session.PhaseVote)
	b := w.openBoard(sess)
	b.waitDrawn("counts hidden")
	b.keys("[")
	b.waitFor("Back to group? The dots stay on their themes")
	b.keys("x")
	b.waitFor("Staying in vote.")
	if ph := w.session(sess.ID).Phase; ph != session.PhaseVote {
		t.Fatalf("phase %s after saying no", ph)
	}
	b.keys("[")
	b.waitFor("Back to group?")
	b.keys("y")
	b.waitFor("Moved to group.")
	if ph := w.session(sess.ID).Phase; ph != session.PhaseGroup {
		t.Fatalf("phase %s after y, want group", ph)
	}
}

// Action points of other sessions are for information: v on one says so.
func TestVolunteeringElsewhereIsExplained(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	mk := func(title string) *session.Session {
		s, err := w.svc.NewSession(w.ctx, session.Session{Title: title, Audience: session.AudienceDevelopers, Campaign: "Chartering 2026"})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	mine, other := mk("Developers Berlin"), mk("Developers Porto")
	me := w.join(mine, "key-1", "")
	if _, err := w.svc.AddAction(w.ctx, session.ActionPoint{SessionID: other.ID, Title: "Merge Renovate PRs weekly"}); err != nil {
		t.Fatal(err)
	}
	w.setPhase(mine, session.PhaseClosed)
	w.setPhase(other, session.PhaseClosed)
	p := w.openAsParticipant(mine, me)
	p.waitFor("Elsewhere in Chartering 2026", "Merge Renovate PRs weekly")
	for range 6 {
		p.keys("j")
	}
	p.keys("v")
	p.waitFor("are for information: volunteer in your own.")
	if p.everDrawn("Select an action point") {
		t.Error("the selected action point was called not selected")
	}
}

// The selected row of the themes view is shown whole, wrapped, so that a long action
// point with its owner and volunteers can be read at 80 columns.
func TestSelectedActionShownWhole(t *testing.T) {
	t.Parallel()
	w, sess, _ := groupWorld(t)
	w.setPhase(sess, session.PhaseVote)
	w.setPhase(sess, session.PhaseActions)
	ts, err := w.svc.Themes(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	a, err := w.svc.AddAction(w.ctx, session.ActionPoint{SessionID: sess.ID, ThemeID: ts[0].ID,
		Title: "Book an external pen test for every service before its first public release", Owner: "AppSec guild of the platform area"})
	if err != nil {
		t.Fatal(err)
	}
	ps, _ := w.db.Participants(w.ctx, sess.ID)
	if err := w.svc.VolunteerAs(w.ctx, ps[0].ID, a.ID, "Alice Volunteer"); err != nil {
		t.Fatal(err)
	}
	b := w.openBoard(sess)
	b.keys("j") // from the first theme to its action point
	v := b.view()
	requireFits(t, v)
	if !strings.Contains(v, "Alice Volunteer") || !strings.Contains(v, "its first public release") {
		t.Errorf("the selected action point is not shown whole:\n%s", v)
	}
}

// In a closed session the board offers only what it still takes, an action point's
// status and due date; the other keys say so at once instead of opening a prompt
// whose text could not be saved.
func TestClosedBoardOffersOnlyTheFollowUp(t *testing.T) {
	t.Parallel()
	w, sess, _ := groupWorld(t)
	w.setPhase(sess, session.PhaseVote)
	w.setPhase(sess, session.PhaseActions)
	ts, err := w.svc.Themes(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	a, err := w.svc.AddAction(w.ctx, session.ActionPoint{SessionID: sess.ID, ThemeID: ts[0].ID, Title: "Pair on threat models"})
	if err != nil {
		t.Fatal(err)
	}
	w.setPhase(sess, session.PhaseClosed)
	b := w.openBoard(sess)
	b.waitDrawn("Pair on threat models")
	// On a theme's line the follow-up keys say what they need, and not to add
	// an action point, which a closed session takes no more.
	b.keys("s")
	b.waitFor("Select an action point first (↓ to the lines under its theme).")
	if b.everDrawn("or press a to add one") {
		t.Error("a closed board offers to add an action point")
	}
	b.keys("j") // from the first theme to its action point
	b.waitFor("▸    → [medium · proposed] Pair on threat models")
	b.waitDrawn("s status")
	b.keys("a")
	b.waitFor("The session is closed: its action points stay as they are")
	b.keys("s")
	b.waitFor("Action point updated")
	// Owners are often named after the session: o still sets one.
	b.waitDrawn("o owner")
	b.keys("o")
	b.waitFor("Owner:")
	b.paste("Platform lead")
	b.press(tea.KeyEnter)
	b.waitFor("owner Platform lead")
	v := b.view()
	for _, offered := range []string{"a add action", "e edit title", "p priority"} {
		if strings.Contains(v, offered) {
			t.Errorf("the closed board offers %q:\n%s", offered, v)
		}
	}
	if strings.Contains(v, "Action point:") {
		t.Errorf("a opened a prompt on a closed session:\n%s", v)
	}
	// The board shows the owner before the save ends: wait for the store.
	for end := time.Now().Add(waitTime); ; time.Sleep(10 * time.Millisecond) {
		as, err := w.svc.Actions(w.ctx, sess.ID)
		if err == nil && len(as) == 1 && as[0].ID == a.ID && as[0].Status != a.Status && as[0].Owner == "Platform lead" {
			break
		}
		if time.Now().After(end) {
			t.Fatalf("action points %+v (%v); want the one, its status moved on and its owner set", as, err)
		}
	}
}

// An anonymous participant who volunteers is asked for a name the program can reach
// them by; the name is stored with the volunteering only, not as theirs.
func TestAnonymousVolunteerIsAskedForAName(t *testing.T) {
	t.Parallel()
	w, sess, _ := groupWorld(t)
	ts, _ := w.svc.Themes(w.ctx, sess.ID)
	if _, err := w.svc.AddAction(w.ctx, session.ActionPoint{SessionID: sess.ID, ThemeID: ts[0].ID, Title: "Pair on threat models"}); err != nil {
		t.Fatal(err)
	}
	w.setPhase(sess, session.PhaseActions)
	ps, _ := w.db.Participants(w.ctx, sess.ID)
	me := ps[0]
	p := w.openAsParticipant(sess, me)
	p.waitFor("Pair on threat models")
	p.keys("j") // from the first theme to its action point
	p.keys("v")
	p.waitFor("Volunteer: give a name the program can reach you by")
	p.keys("Ana Lima")
	p.press(tea.KeyEnter)
	p.waitFor("Thank you for volunteering")
	got := w.participant(me.ID)
	as, _ := w.svc.Actions(w.ctx, sess.ID)
	if got.Name != "" || len(as) != 1 || len(as[0].Volunteers) != 1 || as[0].Volunteers[0] != "Ana Lima" {
		t.Fatalf("name %q, action points %+v; want Ana Lima volunteering, the participant still anonymous", got.Name, as)
	}
}

// A participant who gave a name (for the facilitator's eyes only) is asked too before
// one goes into the findings with a volunteering, from an empty box: esc leaves them
// no volunteer, enter on the empty box volunteers anonymously, and a name typed is
// the one stored.
func TestNamedVolunteerIsAskedBeforeTheNameIsShown(t *testing.T) {
	t.Parallel()
	w, sess, _ := groupWorld(t)
	ts, _ := w.svc.Themes(w.ctx, sess.ID)
	if _, err := w.svc.AddAction(w.ctx, session.ActionPoint{SessionID: sess.ID, ThemeID: ts[0].ID, Title: "Pair on threat models"}); err != nil {
		t.Fatal(err)
	}
	w.setPhase(sess, session.PhaseActions)
	ps, _ := w.db.Participants(w.ctx, sess.ID)
	me := ps[0]
	if err := w.svc.SetName(w.ctx, me, "Ann Smith"); err != nil {
		t.Fatal(err)
	}
	me = w.participant(me.ID)
	volunteers := func(title string) []string {
		as, err := w.svc.Actions(w.ctx, sess.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range as {
			if a.Title == title {
				return a.Volunteers
			}
		}
		t.Fatalf("no action point %q in %+v", title, as)
		return nil
	}
	p := w.openAsParticipant(sess, me)
	p.waitFor("Pair on threat models")
	p.keys("j") // from the first theme to its action point
	p.keys("v")
	p.waitFor("Volunteer: give a name the program can reach you by", "0/40 characters")
	p.press(tea.KeyEsc)
	p.waitFor("v volunteer") // the key help again: the prompt is gone
	if v := volunteers("Pair on threat models"); len(v) != 0 {
		t.Fatalf("esc volunteered %q", v)
	}
	p.keys("v")
	p.waitFor("Volunteer: give a name the program can reach you by", "0/40 characters")
	p.press(tea.KeyEnter)
	p.waitFor("It shows without a name")
	if v := volunteers("Pair on threat models"); !slices.Equal(v, []string{session.AnonymousVolunteer}) {
		t.Errorf("an empty box volunteered as %q", v)
	}
	if _, err := w.svc.AddAction(w.ctx, session.ActionPoint{SessionID: sess.ID, ThemeID: ts[1].ID, Title: "Protect time for security work"}); err != nil {
		t.Fatal(err)
	}
	p.waitFor("Protect time for security work")
	p.press(tea.KeyEnd)
	p.keys("v")
	p.waitFor("Volunteer: give a name the program can reach you by")
	p.keys("ann@example.org")
	p.press(tea.KeyEnter)
	p.waitFor("Thank you for volunteering")
	if v := volunteers("Protect time for security work"); !slices.Equal(v, []string{"ann@example.org"}) {
		t.Errorf("volunteers %q, want the name typed: ann@example.org", v)
	}
	// Another action point, at 80x24 with the prompt open: the screen still fits.
	if _, err := w.svc.AddAction(w.ctx, session.ActionPoint{SessionID: sess.ID, ThemeID: ts[1].ID, Title: "Threat model templates per stack"}); err != nil {
		t.Fatal(err)
	}
	p.waitFor("Threat model templates per stack")
	p.press(tea.KeyEnd)
	p.keys("v")
	p.waitFor("Volunteer: give a name the program can reach you by")
	requireFits(t, p.view())
}

// The ranking leaves the score's sum out rather than cut a theme's label, cuts
// only a label too long for even that so that its score stays in view, and
// shows the selected theme's label whole.
func TestRankingShowsTheSelectedLabelWhole(t *testing.T) {
	t.Parallel()
	w, sess, _ := groupWorld(t)
	ts, err := w.svc.Themes(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	long := map[string]string{
		"pen tests": "Pen tests come too late to change the release plan",
		"deadlines": "Deadlines always win over security work in every sprint plan",
	}
	for _, th := range ts {
		if err := w.svc.RenameTheme(w.ctx, th.ID, long[th.Label]); err != nil {
			t.Fatal(err)
		}
	}
	w.setPhase(sess, session.PhaseVote)
	w.setPhase(sess, session.PhaseActions)
	b := w.openBoard(sess)
	first, second := long["pen tests"], long["deadlines"] // ranked #1 (two authors) and #2
	b.waitDrawn("Themes by priority", "▸ #1 "+first+" · score")
	if b.everDrawn(second) {
		t.Fatal("an unselected theme's long label was drawn whole")
	}
	b.keys("j")
	// Unselected, the first label fits whole beside its score and votes.
	b.waitFor("▸ #2 "+second+" · score", "  #1 "+first+" · score")
	// A wide screen has room for both whole.
	wide := w.openBoardSized(sess, 200, 60)
	wide.waitDrawn("▸ #1 "+first+" · score", "  #2 "+second+" · score")
}

// Participants see each theme under the number the board gives it, in the group and
// vote phases, so that "theme 2" means one theme in the room: also when the board
// holds a theme they do not see (all its notes hidden), which it lists last so that
// the room's numbers have no gap.
func TestParticipantThemesCarryTheBoardsNumbers(t *testing.T) {
	t.Parallel()
	w, sess, notes := groupWorld(t)
	// "pen tests" (1) loses both notes to hiding: participants no longer see it,
	// and "deadlines" is number 1, on the board too, which lists "pen tests" last.
	for _, n := range notes[:2] {
		if err := w.svc.HideNote(w.ctx, n.ID, true); err != nil {
			t.Fatal(err)
		}
	}
	ps, err := w.db.Participants(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	p := w.openAsParticipant(sess, ps[1])
	p.waitFor("1. deadlines")
	w.setPhase(sess, session.PhaseVote)
	p.waitFor("1. deadlines")
	b := w.openBoard(sess)
	b.waitDrawn("1. deadlines", ". pen tests (2 notes) · hidden")
	if v := b.view(); strings.Contains(v, "1. pen tests") {
		t.Errorf("the board lists the hidden theme first:\n%s", v)
	}
	if v := p.view(); strings.Contains(v, "2. deadlines") || strings.Contains(v, "pen tests") {
		t.Errorf("the participant sees the theme all of whose notes are hidden, or its number:\n%s", v)
	}
}

// A voter is done when they say so (x), on the header as on the vote's own line; one
// who gave all their dots is not counted until then (see finished).
func TestBoardCountsOnlyVotersWhoSaidDone(t *testing.T) {
	t.Parallel()
	w, sess, _ := groupWorld(t)
	w.setPhase(sess, session.PhaseVote)
	ts, err := w.svc.Themes(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	ps, err := w.db.Participants(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []struct {
		theme int64
		n     int
	}{{ts[0].ID, 2}, {ts[1].ID, 1}} {
		for range d.n {
			if err := w.svc.Vote(w.ctx, ps[0].ID, d.theme, 1); err != nil {
				t.Fatal(err)
			}
		}
	}
	b := w.openBoard(sess)
	b.waitDrawn("Voting: 0 of 2 finished", "· 0 done ·")
	if err := w.svc.SetDone(w.ctx, ps[0].ID, true); err != nil {
		t.Fatal(err)
	}
	b.waitFor("Voting: 1 of 2 finished")
	if v := b.view(); !strings.Contains(v, "· 1 done ·") {
		t.Errorf("the header does not count the voter who said done:\n%s", v)
	}
}

// An action point just added is selected, so that o and u that follow set its
// owner and due date; on a theme's line, the action point's keys say what they need.
func TestAddedActionPointIsSelected(t *testing.T) {
	t.Parallel()
	w, sess, _ := groupWorld(t)
	w.setPhase(sess, session.PhaseActions)
	b := w.openBoard(sess)
	b.waitDrawn("#1 pen tests · score", "a add action")
	b.keys("o")
	b.waitFor("Select an action point first")
	b.keys("a")
	b.waitFor("Action point:")
	b.paste("Retest every finding")
	b.press(tea.KeyEnter)
	b.waitFor("Action point added and selected")
	b.waitDrawn("▸    → [medium · proposed] Retest every finding")
	b.keys("o")
	b.waitFor("Owner:")
	b.paste("Head of Engineering")
	b.press(tea.KeyEnter)
	b.waitFor("Action point updated")
	as, err := w.svc.Actions(w.ctx, sess.ID)
	if err != nil || len(as) != 1 || as[0].Title != "Retest every finding" || as[0].Owner != "Head of Engineering" {
		t.Fatalf("action points %+v (%v); want one, owned by the Head of Engineering", as, err)
	}
}

// Going back to the vote once the totals were shown tells the facilitator that one
// person's change of dots will not show.
func TestBackToTheVoteSaysLoneChangesWait(t *testing.T) {
	t.Parallel()
	w, sess, _ := groupWorld(t)
	w.setPhase(sess, session.PhaseVote)
	w.setPhase(sess, session.PhaseActions)
	b := w.openBoard(sess)
	b.keys("[")
	b.waitFor("Moved to vote.", "only once at least two people")
}

// onAThemeWithoutAction is a participant at the actions phase of groupWorld's
// session, where "pen tests" has an action point and "deadlines" none, with the
// selection moved onto "deadlines".
func onAThemeWithoutAction(t *testing.T) *term {
	t.Helper()
	w, sess, _ := groupWorld(t)
	ts, _ := w.svc.Themes(w.ctx, sess.ID)
	for _, th := range ts {
		if th.Label == "pen tests" {
			if _, err := w.svc.AddAction(w.ctx, session.ActionPoint{SessionID: sess.ID, ThemeID: th.ID, Title: "Book pen tests early"}); err != nil {
				t.Fatal(err)
			}
		}
	}
	w.setPhase(sess, session.PhaseVote)
	w.setPhase(sess, session.PhaseActions)
	ps, _ := w.db.Participants(w.ctx, sess.ID)
	p := w.openAsParticipant(sess, ps[0])
	p.waitDrawn("Book pen tests early")
	// pen tests ranks first, its action point under it; deadlines is third.
	p.keys("jj")
	return p
}

// v on a theme without an action point says so, without sending the participant
// down the list (the row below is the next theme).
func TestVolunteerOnAThemeWithoutActionSaysSo(t *testing.T) {
	t.Parallel()
	p := onAThemeWithoutAction(t)
	p.keys("v")
	p.waitFor("This theme has no action point to volunteer for", "Themes with one show it under them")
	if p.everDrawn("select one (↓)") {
		t.Error("v on a theme without an action point sent the participant down the list")
	}
}

// An error about the selected row goes when the selection moves: "This theme has
// no action point" stayed under the action point the participant moved up to, the
// one they could volunteer for, as errors stay until something replaces them.
func TestThemesErrorGoesWhenTheSelectionMoves(t *testing.T) {
	t.Parallel()
	p := onAThemeWithoutAction(t)
	p.waitFor("In “deadlines”")
	p.keys("v")
	p.waitFor("This theme has no action point to volunteer for")
	p.keys("k")
	p.waitFor("▸    → [proposed] Book pen tests early")
	if v := p.view(); strings.Contains(v, "no action point to volunteer for") {
		t.Errorf("the error about the theme stays on its action point's row:\n%s", v)
	}
}

// A participant voting again after the totals were shown is told that a change of
// theirs reaches the totals only with someone else's.
func TestVotingAgainTellsWhenAChangeCounts(t *testing.T) {
	t.Parallel()
	w, sess, _ := groupWorld(t)
	w.setPhase(sess, session.PhaseVote)
	ps, _ := w.db.Participants(w.ctx, sess.ID)
	p := w.openAsParticipant(sess, ps[0])
	p.waitDrawn("dots left")
	if p.everDrawn("Voting again") {
		t.Error("the first vote says it is voting again")
	}
	w.setPhase(sess, session.PhaseActions)
	w.setPhase(sess, session.PhaseVote)
	p.waitFor("Voting again: a change of yours counts once someone else changes theirs.")
	requireFits(t, p.view())
}

// A closed session's board offers no timer and no hiding, and t says why.
func TestClosedBoardOffersNoTimer(t *testing.T) {
	t.Parallel()
	w, sess, _ := groupWorld(t)
	for _, ph := range []session.Phase{session.PhaseVote, session.PhaseActions, session.PhaseClosed} {
		w.setPhase(sess, ph)
	}
	b := w.openBoard(sess)
	b.keys("1")
	b.waitDrawn("enter read note")
	b.keys("t")
	b.waitFor("The session is closed: it has no timer.")
	v := b.view()
	for _, k := range []string{"t timer", "space run/pause", "+ +1 min", "h hide/show note"} {
		if strings.Contains(v, k) {
			t.Errorf("the closed board offers %q:\n%s", k, v)
		}
	}
	if ask := w.session(sess.ID).Timer; ask.Active() {
		t.Error("t set a timer on a closed session")
	}
}

// A change of dots made when voting opened again, that no one else's joined,
// is not in the totals: its voter is told so on the results, and nobody else is.
func TestResultsTellAVoterTheirLoneChangeIsNotCounted(t *testing.T) {
	t.Parallel()
	w, sess, _ := groupWorld(t)
	w.setPhase(sess, session.PhaseVote)
	ps, _ := w.db.Participants(w.ctx, sess.ID)
	ths, _ := w.svc.Themes(w.ctx, sess.ID)
	for _, p := range ps[:2] {
		if err := w.svc.Vote(w.ctx, p.ID, ths[0].ID, 1); err != nil {
			t.Fatal(err)
		}
	}
	w.setPhase(sess, session.PhaseActions)
	w.setPhase(sess, session.PhaseVote)
	if err := w.svc.Vote(w.ctx, ps[0].ID, ths[0].ID, 1); err != nil {
		t.Fatal(err)
	}
	// One screen open as voting closes (it reads the room's shared view), one
	// opened after (its own view): both paths tell.
	const told = "Your last change of dots is not counted"
	mine := w.openAsParticipant(sess, ps[0])
	mine.waitFor("dots left")
	w.setPhase(sess, session.PhaseActions)
	mine.waitFor(told)
	again := w.openAsParticipant(sess, ps[0])
	again.waitFor(told)
	other := w.openAsParticipant(sess, ps[1])
	other.waitFor("By score")
	if v := other.view(); strings.Contains(v, told) {
		t.Errorf("a voter whose dots count is told they do not:\n%s", v)
	}
	requireFits(t, mine.view())
}

// Moving on from vote selects the first theme of the ranking, which the votes
// make: before, the board selected the theme ranked first without them (#2
// here), and a quick `a` gave it the action point meant for #1.
func TestActionsOpenOnTheFirstOfTheRanking(t *testing.T) {
	t.Parallel()
	w, sess, _ := groupWorld(t)
	w.setPhase(sess, session.PhaseVote)
	ps, _ := w.db.Participants(w.ctx, sess.ID)
	ths, _ := w.svc.Themes(w.ctx, sess.ID)
	var deadlines int64
	for _, th := range ths {
		if th.Label == "deadlines" {
			deadlines = th.ID
		}
	}
	for _, p := range ps[:2] {
		for range 2 {
			if err := w.svc.Vote(w.ctx, p.ID, deadlines, 1); err != nil {
				t.Fatal(err)
			}
		}
	}
	b := w.openBoard(sess)
	b.waitDrawn("Voting:")
	b.keys("]")
	b.waitFor("move on to actions? y/n")
	b.keys("y")
	b.waitFor("#1 deadlines", "#2 pen tests", "Moved to actions.")
	v := b.view()
	if sel := lineWith(v, "▸"); !strings.Contains(sel, "#1 deadlines") {
		t.Errorf("after moving on to actions the board selects %q, not #1:\n%s", sel, v)
	}
}

// The notes under the selected theme, cut to the room a long list of themes leaves,
// end on a whole note or say the last goes on: cut after a line, a note read as
// whole ("… best one we had [Keep · security").
func TestVoteThemeNotesEndOnAWholeNote(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)
	a, b := w.join(sess, "key-1", ""), w.join(sess, "key-2", "")
	const long = "Keep the hands-on secure coding training with real exploits and a capture the flag at the end, " +
		"best one we had in years, and give every new joiner a seat in it within their first month, with a follow-up session half a year later"
	alone := w.addNote(a, session.AreaMotivation, "motivates", long)
	short := w.addNote(b, session.AreaConfidence, "strength", "capture the flag events")
	after := w.addNote(a, session.AreaActivities, "keep", long+" too")
	themes := []session.Theme{
		{Label: "hands-on learning", NoteIDs: []int64{alone.ID}},
		{Label: "ctf", NoteIDs: []int64{short.ID, after.ID}},
	}
	for i := range 10 {
		n := w.addNote(b, session.AreaMotivation, "demotivates", fmt.Sprintf("short note %d", i))
		themes = append(themes, session.Theme{Label: fmt.Sprintf("theme %d", i), NoteIDs: []int64{n.ID}})
	}
	w.setPhase(sess, session.PhaseGroup)
	if err := w.svc.SaveThemes(w.ctx, sess.ID, themes); err != nil {
		t.Fatal(err)
	}
	w.setPhase(sess, session.PhaseVote)
	p := w.openAsParticipant(sess, a)
	endsWhole := func(v string) {
		t.Helper()
		lines := strings.Split(ansi.Strip(v), "\n")
		for i, l := range lines {
			if strings.Contains(l, "… enter reads them all") {
				if last := strings.TrimRight(lines[i-1], " "); !strings.HasSuffix(last, "…") && !strings.HasSuffix(last, "]") {
					t.Errorf("the notes end inside a note, %q, with no word that it goes on:\n%s", last, v)
				}
				return
			}
		}
		t.Fatalf("the notes under the theme are not cut; the test needs them cut:\n%s", v)
	}
	// The one note shown says it goes on; of two, the one that does not fit whole
	// is left out.
	p.waitFor("In “hands-on learning”", "enter reads them all")
	endsWhole(p.view())
	q := w.openAsParticipant(sess, b)
	q.waitFor("In “hands-on learning”")
	q.keys("j")
	q.waitFor("In “ctf”", "enter reads them all")
	v := q.view()
	endsWhole(v)
	if strings.Contains(v, "Keep the hands-on") {
		t.Errorf("the note that does not fit whole is shown in part:\n%s", v)
	}
}

// The note list's key line offers e edit and d delete only on one of the
// participant's own notes: at the reveal it offered them on everyone's, where they
// are refused, and on an empty lane, where e and d begin a note.
func TestNoteListOffersEditOnlyOnOwnNotes(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, ps := w.crowd()
	w.setPhase(sess, session.PhaseReveal)
	ana, olga := ps[0], ps[2]

	// Each closes the box of a new note first: the key line is then the list's.
	first := w.openAsParticipant(sess, olga)
	first.waitDrawn("No notes here yet.", "New note in Strengths")
	first.press(tea.KeyEsc)
	first.waitFor("type new note")
	empty := first.view()
	other := w.openAsParticipant(sess, olga)
	other.waitDrawn("No notes here yet.", "New note in Strengths")
	other.press(tea.KeyRight)
	other.press(tea.KeyEsc)
	other.waitFor("Nobody owns the dependency updates.", "type new note")
	v := other.view()
	for what, v := range map[string]string{"an empty lane": empty, "another's note": v} {
		if strings.Contains(v, "e edit") || strings.Contains(v, "d delete") {
			t.Errorf("the key line offers e and d on %s:\n%s", what, v)
		}
	}

	own := w.openAsParticipant(sess, ana)
	own.waitDrawn("No notes here yet.", "New note in Strengths")
	own.press(tea.KeyRight)
	own.press(tea.KeyEsc)
	own.waitFor("Nobody owns the dependency updates. (yours)", "type new note")
	if v := own.view(); !strings.Contains(v, "e edit") || !strings.Contains(v, "d delete") {
		t.Errorf("the key line lacks e and d on the participant's own note:\n%s", v)
	}
}
