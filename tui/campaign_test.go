package tui_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/tui"
)

// TestCampaignViewScrollsToTheEnds gives a campaign more hypotheses than a screen
// holds: End shows the last, Home the first again, PgDn a later part.
func TestCampaignViewScrollsToTheEnds(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	if _, err := w.svc.NewSession(w.ctx, session.Session{Title: "Developers Berlin", Audience: session.AudienceDevelopers, Campaign: "Chartering 2027"}); err != nil {
		t.Fatal(err)
	}
	for i := range 30 {
		if _, err := w.svc.AddHypothesis(w.ctx, "Chartering 2027", fmt.Sprintf("hypothesis number %02d", i+1)); err != nil {
			t.Fatal(err)
		}
	}
	s := w.open(tui.Options{Facilitator: true})
	s.waitFor("Developers Berlin")
	s.keys("c")
	s.waitFor("Themes by campaign priority")
	s.keys("5")
	s.waitFor("H1 hypothesis number 01")
	if s.everDrawn("hypothesis number 30") {
		t.Error("the last of 30 hypotheses shows before scrolling")
	}
	s.press(tea.KeyEnd)
	s.waitFor("H30 hypothesis number 30")
	s.press(tea.KeyHome)
	s.waitFor("H1 hypothesis number 01")
	s.press(tea.KeyPgDown)
	v := s.view()
	requireFits(t, v)
	if strings.Contains(v, "hypothesis number 01") || !strings.Contains(v, "hypothesis number") {
		t.Errorf("PgDn from the top does not show a later part of the hypotheses:\n%s", v)
	}
}

// campaignWorld is a campaign of two sessions whose themes the report matches as
// one: "Pentests" in the first, "Pentest timing" in the second. It returns their
// theme IDs.
func campaignWorld(t *testing.T) (*world, []int64) {
	t.Helper()
	return campaignWorldOf(t, [2]string{"Champions 1", "Champions 2"}, [2]string{"Pentests", "Pentest timing"})
}

// campaignWorldOf is campaignWorld with sessions of the titles given and their
// themes of the labels given.
func campaignWorldOf(t *testing.T, titles, labels [2]string) (*world, []int64) {
	t.Helper()
	w := newWorld(t)
	var ids []int64
	for i, c := range []struct {
		label string
		texts []string
	}{
		{labels[0], []string{"pentest reports arrive months late", "nobody retests after the pentest"}},
		{labels[1], []string{"the pentest report came too late to fix", "retest the pentest findings"}},
	} {
		s, err := w.svc.NewSession(w.ctx, session.Session{Title: titles[i], Audience: session.AudienceDevelopers,
			Campaign: "Champions 2026", Date: []string{"2026-01-10", "2026-02-10"}[i]})
		if err != nil {
			t.Fatal(err)
		}
		w.setPhase(s, session.PhaseWrite)
		p := w.join(s, "key-1", "")
		var notes []int64
		for _, text := range c.texts {
			notes = append(notes, w.addNote(p, session.AreaConfidence, "concern", text).ID)
		}
		w.setPhase(s, session.PhaseGroup)
		if err := w.svc.SaveThemes(w.ctx, s.ID, []session.Theme{{Label: c.label, NoteIDs: notes}}); err != nil {
			t.Fatal(err)
		}
		ts, err := w.svc.Themes(w.ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, ts[0].ID)
	}
	return w, ids
}

// The campaign overview shows which session themes each campaign theme matched;
// enter reads a session theme's notes, and S splits a wrong match there, for good:
// the split is stored as report --split stores it. U undoes it.
func TestCampaignViewSplitsAWrongMatch(t *testing.T) {
	t.Parallel()
	w, ids := campaignWorld(t)
	s := w.open(tui.Options{Facilitator: true})
	s.waitFor("Champions 2")
	s.keys("c")
	s.waitFor("#1 ", "S1 #1 “Pentests” · 2 notes · Champions 1", "S2 #1 “Pentest timing” · 2 notes · Champions 2")
	if s.everDrawn("#2 ") {
		t.Fatal("the two sessions' themes are not matched as one campaign theme; the test needs them matched")
	}

	s.keys("/pentest timing")
	s.press(tea.KeyEnter)
	s.waitFor("▸     S2 #1 “Pentest timing”")
	s.press(tea.KeyEnter)
	s.waitFor("S2 “Pentest timing” of Champions 2: 2 notes", "• retest the pentest findings")
	s.press(tea.KeyEsc)
	s.waitFor("▸     S2 #1 “Pentest timing”")

	s.keys("S")
	s.waitFor("Split S2 “Pentest timing” from #1")
	s.keys("y")
	s.waitFor("Split: S2 “Pentest timing” stands apart", "It stands alone as #", "#2 ", "▸     S2 #1 “Pentest timing”")

	split, err := w.db.ThemeSplits(w.ctx, sessionOf(t, w, ids[1]))
	if err != nil {
		t.Fatal(err)
	}
	if len(split) != 1 || split[0] != [2]int64{min(ids[0], ids[1]), max(ids[0], ids[1])} {
		t.Errorf("stored splits %v, want the pair %v", split, ids)
	}
	// A session theme matched with nothing has nothing to split.
	s.keys("S")
	s.waitFor("is matched with no other session's theme")

	// U undoes the split, after a y: the two are matched as one again.
	if !s.everDrawn("“Pentest timing” · 2 notes · split from 1") {
		t.Error("the split session theme's line does not say it was split")
	}
	s.keys("U")
	s.waitFor("Undo the split of S2 “Pentest timing” from S1 “Pentests”")
	s.keys("n")
	s.waitFor("The splits stay.")
	s.keys("U")
	s.waitFor("Undo the split of S2 “Pentest timing” from S1 “Pentests”")
	s.keys("y")
	s.waitFor("Undone: S2 “Pentest timing” may be matched with S1 “Pentests” again.", "matched into #1 “Pentests” now.")
	if split, err := w.db.ThemeSplits(w.ctx, sessionOf(t, w, ids[1])); err != nil || len(split) != 0 {
		t.Errorf("stored splits after the undo: %v, %v; want none", split, err)
	}
	s.keys("U")
	s.waitFor("was not split or joined: nothing to undo.")
	requireFits(t, s.view())
}

// sessionOf returns the ID of the session a theme belongs to.
func sessionOf(t *testing.T, w *world, themeID int64) string {
	t.Helper()
	th, err := w.db.Theme(w.ctx, themeID)
	if err != nil {
		t.Fatal(err)
	}
	return th.SessionID
}

// Reading a session theme with more notes than a screen holds keeps its heading
// in view while the notes scroll.
func TestCampaignReadingKeepsItsHeading(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	s0, err := w.svc.NewSession(w.ctx, session.Session{Title: "Champions 1", Audience: session.AudienceDevelopers, Campaign: "Champions 2026"})
	if err != nil {
		t.Fatal(err)
	}
	w.setPhase(s0, session.PhaseWrite)
	var notes []int64
	for i := range 30 {
		p := w.join(s0, fmt.Sprintf("key-%d", i/5), "")
		notes = append(notes, w.addNote(p, session.AreaConfidence, "concern", fmt.Sprintf("pentest finding number %02d", i+1)).ID)
	}
	w.setPhase(s0, session.PhaseGroup)
	if err := w.svc.SaveThemes(w.ctx, s0.ID, []session.Theme{{Label: "Pentests", NoteIDs: notes}}); err != nil {
		t.Fatal(err)
	}
	s := w.open(tui.Options{Facilitator: true})
	s.waitFor("Champions 1")
	s.keys("c")
	s.waitFor("S1 #1 “Pentests” · 30 notes")
	s.keys("/s1 #1 “pentests")
	s.press(tea.KeyEnter)
	s.waitFor("▸     S1 #1 “Pentests”")
	s.press(tea.KeyEnter)
	s.waitFor("S1 “Pentests” of Champions 1: 30 notes", "• pentest finding number 01")
	s.press(tea.KeyEnd)
	s.waitFor("• pentest finding number 30")
	v := s.view()
	requireFits(t, v)
	if !strings.Contains(v, "S1 “Pentests” of Champions 1: 30 notes") {
		t.Errorf("the heading of the notes read scrolls away with them:\n%s", v)
	}
}

// At 80 columns the themes view's heading says the whole weighting, wrapped, not
// cut before its weights.
func TestCampaignMethodIsWrappedNotCut(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, err := w.svc.NewSession(w.ctx, session.Session{Title: "Developers Berlin", Audience: session.AudienceDevelopers, Campaign: "Chartering 2027"})
	if err != nil {
		t.Fatal(err)
	}
	w.setPhase(sess, session.PhaseWrite)
	w.addNote(w.join(sess, "key-1", ""), session.AreaActivities, "more", "the security training is too basic")
	w.setPhase(sess, session.PhaseReveal)
	s := w.open(tui.Options{Facilitator: true})
	s.waitFor("Developers Berlin")
	s.keys("c")
	s.waitFor("Themes by campaign priority")
	v := s.view()
	requireFits(t, v)
	if flat := strings.Join(strings.Fields(v), " "); !strings.Contains(flat, "+ 3 × votes + 2 × people (distinct within each session theme, summed) + 1 × notes") {
		t.Errorf("the weighting is cut:\n%s", v)
	}
	// Nor are its remarks cut mid-word at the third line: they are the report's.
	for _, l := range strings.Split(v, "\n") {
		if strings.Contains(l, "so that no score") || strings.HasSuffix(strings.TrimSpace(l), "s…") {
			t.Errorf("the method's remarks are cut at 80 columns: %q", l)
		}
	}
	// The session has no location: its theme's line leaves no empty field.
	if strings.Contains(v, "·  ·") || !strings.Contains(v, "1 note · developers") {
		t.Errorf("a theme's line without a location:\n%s", v)
	}
}

// The campaign's actions view wraps each action point: at 80 columns a long title
// took the status, the session, the owner and the due date off the line, with no
// key to read them (a tester's finding).
func TestCampaignActionsAreWrappedNotCut(t *testing.T) {
	t.Parallel()
	w, ids := campaignWorld(t)
	sessions, err := w.svc.Sessions(w.ctx)
	if err != nil {
		t.Fatal(err)
	}
	var sessID string
	for _, s := range sessions {
		if s.Title == "Champions 1" {
			sessID = s.ID
		}
	}
	a, err := w.svc.AddAction(w.ctx, session.ActionPoint{SessionID: sessID, ThemeID: ids[0],
		Title: "Tune the pentest scope with each team and retest the findings within a month", Owner: "Platform team"})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.svc.SetActionDue(w.ctx, a.ID, "2026-06-30"); err != nil {
		t.Fatal(err)
	}
	s := w.open(tui.Options{Facilitator: true})
	s.waitFor("Champions 1")
	s.keys("c")
	s.waitFor("Themes by campaign priority")
	s.keys("4")
	s.waitFor("Tune the pentest scope")
	v := s.view()
	requireFits(t, v)
	flat := strings.Join(strings.Fields(v), " ")
	for _, want := range []string{"retest the findings within a month", "S1 Champions 1", "owner Platform team", "due 2026-06-30"} {
		if !strings.Contains(flat, want) {
			t.Errorf("the action point lost %q:\n%s", want, v)
		}
	}
}

// A campaign held on one day says that day once: its overview read "2026-12-06 –
// 2026-12-06", a period from a day to itself; one of planned sessions nobody has
// joined yet read " –  · 0 sessions".
func TestCampaignOfOneDaySaysItOnce(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	var sessions []*session.Session
	for _, title := range []string{"Developers Berlin", "Developers Porto"} {
		sess, err := w.svc.NewSession(w.ctx, session.Session{Title: title, Audience: session.AudienceDevelopers,
			Campaign: "Chartering 2027", Date: "2027-03-09"})
		if err != nil {
			t.Fatal(err)
		}
		sessions = append(sessions, sess)
	}
	header := func() string {
		s := w.open(tui.Options{Facilitator: true})
		s.waitFor("Developers Berlin")
		s.keys("c")
		s.waitFor("Themes by campaign priority")
		v := s.view()
		requireFits(t, v)
		return lineWith(v, "session")
	}
	if h := header(); h != "no session held yet (2 sessions planned)" {
		t.Errorf("a campaign of planned sessions only: %q", h)
	}
	for i, sess := range sessions {
		w.join(sess, fmt.Sprintf("key-%d", i+1), "")
	}
	if h := header(); !strings.HasPrefix(h, "2027-03-09 · 2 sessions") {
		t.Errorf("a campaign of one day does not say the day once: %q", h)
	}
}

// The selected row of the campaign overview, wrapped when it is longer than the
// screen, goes on under its own text: at the screen's edge its last words ("Champions
// 2") read as a row of their own.
func TestCampaignViewWrapsTheSelectedRowUnderItsText(t *testing.T) {
	t.Parallel()
	w, _ := campaignWorld(t)
	s := w.openSized(tui.Options{Facilitator: true}, 44, 24)
	s.waitFor("Champions 2")
	s.keys("c")
	s.waitFor("Themes by campaign priority")
	s.keys("/pentest timing")
	s.press(tea.KeyEnter)
	s.waitFor("▸     S2 #1 “Pentest timing”")
	v := s.view()
	lines := strings.Split(v, "\n")
	for i, l := range lines {
		if !strings.Contains(l, "▸     S2 #1") {
			continue
		}
		if i+1 >= len(lines) || !strings.HasPrefix(ansi.Strip(lines[i+1]), "      ") {
			t.Errorf("the selected row's next line is not under its text:\n%s", v)
		}
		return
	}
	t.Fatalf("no selected row in:\n%s", v)
}

// The overview counts a theme's people as a bound, never more than took part: a
// theme of three notes in a session of two says "up to 2 people" beside the
// header's 2 participations, not "3 people".
func TestCampaignThemeCountsNoMorePeopleThanTookPart(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, err := w.svc.NewSession(w.ctx, session.Session{Title: "Developers Berlin", Audience: session.AudienceDevelopers,
		Campaign: "Chartering 2027", Date: "2027-03-09"})
	if err != nil {
		t.Fatal(err)
	}
	w.setPhase(sess, session.PhaseWrite)
	ana, ben := w.join(sess, "key-1", ""), w.join(sess, "key-2", "")
	w.addNote(ana, session.AreaMotivation, "demotivates", "no time for hands-on hacking labs")
	w.addNote(ben, session.AreaMotivation, "demotivates", "no time for hands-on hacking labs at work")
	w.addNote(ana, session.AreaMotivation, "demotivates", "never any time for hands-on hacking labs")
	w.setPhase(sess, session.PhaseReveal)
	s := w.open(tui.Options{Facilitator: true})
	s.waitFor("Developers Berlin")
	s.keys("c")
	s.waitFor("Themes by campaign priority")
	v := s.view()
	if h := lineWith(v, " participation"); !strings.Contains(h, "2 participations") {
		t.Fatalf("the header: %q", h)
	}
	if !strings.Contains(v, "up to 2 people") || strings.Contains(v, "3 people") {
		t.Errorf("a theme of a session of 2 people:\n%s", v)
	}
}

// A campaign theme's facts are wrapped, not cut: at 80 columns the line of a
// theme raised in Berlin and Lisbon by developers and service owners ended
// "· develo…", and which audiences raised it was nowhere on the screen.
func TestCampaignThemeFactsAreWrappedNotCut(t *testing.T) {
	t.Parallel()
	w := placesWorld(t, 2)
	for _, c := range []struct {
		w, h int
		// keys moves the selection: past the facts at 80 columns, where a row not
		// selected was cut, onto them at 40, where only the selected row shows.
		keys string
	}{{termW, termH, "jj"}, {40, 14, "j"}} {
		s := w.openSized(tui.Options{Facilitator: true}, c.w, c.h)
		s.waitFor("Developers Berlin")
		s.keys("c")
		s.waitFor("Themes by campaign priority")
		s.keys(c.keys)
		v := s.view()
		requireFitsIn(t, v, c.w, c.h)
		var facts []string
		for _, l := range strings.Split(v, "\n") {
			if l = strings.TrimPrefix(l, "▸"); strings.ContainsAny(l, "“#") || !strings.HasPrefix(l, "     ") {
				continue // a session theme's line, a quote's or none of the list's
			}
			facts = append(facts, strings.TrimSpace(l))
		}
		flat := strings.Join(facts, " · ")
		for _, want := range []string{"2 sessions · 1 person · 0 votes · 4 notes", "Berlin, Lisbon", "developers, service owners"} {
			if !strings.Contains(flat, want) {
				t.Errorf("at %dx%d the theme's facts lack %q:\n%s", c.w, c.h, want, v)
			}
		}
		if strings.Contains(flat, "…") {
			t.Errorf("at %dx%d the theme's facts are cut:\n%s", c.w, c.h, v)
		}
	}
}

// At 40x14 the overview's counts and views are broken between two of them, not
// cut ("· 3 sessions · …", "3 Saturation …"), and a campaign theme selected shows
// the first lines of its facts under it where they do not all fit: the line
// there was blank. Selected, facts on more lines than the screen has left show
// what fits: drawn whole, they pushed the screen's top line off.
func TestCampaignOverviewReadsAtFortyColumns(t *testing.T) {
	t.Parallel()
	w := placesWorld(t, 3)
	s := w.openSized(tui.Options{Facilitator: true}, 40, 14)
	s.waitFor("Developers Berlin")
	s.keys("c")
	s.waitFor("Themes by campaign priority")
	v := s.view()
	requireFitsIn(t, v, 40, 14)
	lines := strings.Split(v, "\n")
	rule := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, "────") })
	if rule < 0 {
		t.Fatalf("no rule under the overview's head:\n%s", v)
	}
	head := strings.Join(lines[1:rule], "\n")
	for _, want := range []string{"3 sessions", "3 participations (1 person)", "6 notes", "[1 Themes]", "2 Audiences", "3 Saturation", "4 Actions", "5 Hypotheses"} {
		if !strings.Contains(head, want) {
			t.Errorf("the overview's head lacks %q:\n%s", want, v)
		}
	}
	if strings.Contains(head, "…") {
		t.Errorf("the overview's head is cut:\n%s", v)
	}
	at := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, "▸ #1 ") })
	if at < 0 || at+1 >= len(lines) || !strings.HasPrefix(lines[at+1], "      3 sessions · ") {
		t.Errorf("the selected theme's facts are not under it:\n%s", v)
	}

	s = w.openSized(tui.Options{Facilitator: true}, 40, 14)
	s.waitFor("Developers Berlin")
	s.keys("c")
	s.waitFor("Themes by campaign priority")
	s.keys("j")
	s.waitFor("▸     3 sessions · ")
	v = s.view()
	requireFitsIn(t, v, 40, 14)
	if !strings.HasPrefix(v, "charter · campaign") || !strings.Contains(v, " …\n") {
		t.Errorf("the selected facts do not show what fits:\n%s", v)
	}
}

// placesWorld is a campaign of n sessions (up to 3) whose themes the report
// matches as one: developers in Berlin, service owners in Lisbon and security
// engineers in Amsterdam, one note-writer each.
func placesWorld(t *testing.T, n int) *world {
	t.Helper()
	w := newWorld(t)
	for i, c := range []struct {
		title, location string
		aud             session.Audience
		texts           []string
	}{
		{"Developers Berlin", "Berlin", session.AudienceDevelopers, []string{"pentest reports arrive months late", "nobody retests after the pentest"}},
		{"Service owners Lisbon", "Lisbon", session.AudienceServiceOwners, []string{"the pentest report came too late to fix", "retest the pentest findings"}},
		{"Security engineers Amsterdam", "Amsterdam", session.AudienceSecurityEngineers, []string{"pentest reports come too late", "retest every pentest finding"}},
	}[:n] {
		s, err := w.svc.NewSession(w.ctx, session.Session{Title: c.title, Audience: c.aud, Location: c.location,
			Campaign: "Chartering 2027", Date: []string{"2027-01-10", "2027-02-10", "2027-03-10"}[i]})
		if err != nil {
			t.Fatal(err)
		}
		w.setPhase(s, session.PhaseWrite)
		p := w.join(s, "key-1", "")
		var notes []int64
		for _, text := range c.texts {
			notes = append(notes, w.addNote(p, session.AreaConfidence, "concern", text).ID)
		}
		w.setPhase(s, session.PhaseGroup)
		if err := w.svc.SaveThemes(w.ctx, s.ID, []session.Theme{{Label: "Pentests", NoteIDs: notes}}); err != nil {
			t.Fatal(err)
		}
	}
	return w
}

// A planned session whose day passed while it stayed in the lobby is not to come:
// its home row says "not held" by its day where it said "lobby", and the campaign
// overview counts it apart from the sessions planned, which read as still ahead.
// One planned for a later day is still to come.
func TestSessionPastItsDayIsNotToCome(t *testing.T) {
	t.Parallel()
	w := newWorld(t) // the clock is 10 March 2026
	for _, in := range []struct{ title, day string }{{"Developers Lyon", "2026-03-02"}, {"Developers Porto", "2026-03-20"}} {
		if _, err := w.svc.NewSession(w.ctx, session.Session{Title: in.title, Audience: session.AudienceDevelopers,
			Campaign: "Chartering 2026", Date: in.day}); err != nil {
			t.Fatal(err)
		}
	}
	s := w.open(tui.Options{Facilitator: true})
	s.waitFor("Developers Lyon", "Developers Porto")
	v := s.view()
	requireFits(t, v)
	if l := lineWith(v, "Developers Lyon"); !strings.Contains(l, "2 Mar  ") || !strings.Contains(l, " not held ") || strings.Contains(l, "lobby") {
		t.Errorf("the home row of a session past its day in the lobby: %q", l)
	}
	if l := lineWith(v, "Developers Porto"); !strings.Contains(l, "20 Mar") || !strings.Contains(l, " lobby ") {
		t.Errorf("the home row of a session to come: %q", l)
	}
	s = w.open(tui.Options{Facilitator: true}) // view ends the connection
	s.waitFor("Developers Lyon")
	s.keys("c")
	s.waitFor("Themes by campaign priority")
	v = s.view()
	requireFits(t, v)
	// Nothing held: no "· 0 sessions" after the sessions planned, as if they were none.
	if h := lineWith(v, "none held yet"); h != "none held yet: 1 to come, 1 past its day" {
		t.Errorf("the campaign overview of a session past its day and one to come: %q\n%s", h, v)
	}
}

// enter on a campaign theme's line, not only on a session theme's, reads its
// notes: those of all its session themes, each marked with its session. It did
// nothing there and said nothing, though the key line offered "enter its notes".
func TestCampaignThemeLineReadsAllItsNotes(t *testing.T) {
	t.Parallel()
	w, _ := campaignWorld(t)
	s := w.open(tui.Options{Facilitator: true})
	s.waitFor("Champions 2")
	s.keys("c")
	s.waitFor("Themes by campaign priority", "▸ #1 ")
	for _, move := range []string{"", "j"} { // its name's line, then its facts'
		s.keys(move)
		s.press(tea.KeyEnter)
		s.waitFor(": 4 notes from 2 sessions",
			"S1 #1 “Pentests” · 2 notes · Champions 1", "• S1 · pentest reports arrive months late", "• S1 · nobody retests after the pentest",
			"S2 #1 “Pentest timing” · 2 notes · Champions 2", "• S2 · the pentest report came too late to fix", "• S2 · retest the pentest findings")
		s.press(tea.KeyEsc)
		s.waitFor("Themes by campaign priority")
	}
	v := s.view()
	requireFits(t, v)
	if !strings.Contains(v, "▸     2 sessions") {
		t.Errorf("esc does not go back to the line the notes were read from:\n%s", v)
	}
}

// The session themes' lines of the overview keep the end of their sessions'
// titles, where a campaign's titles differ: cut at their end, two lines read "·
// Security engineers…" and nothing told their sessions apart.
func TestCampaignSessionLinesKeepTheEndOfTheirTitles(t *testing.T) {
	t.Parallel()
	w, _ := campaignWorldOf(t, [2]string{"Security engineers chartering, Amsterdam", "Security engineers chartering, Rotterdam"},
		[2]string{"Pentest reports come months too late to act on", "Pentest timing and the retests of its findings"})
	s := w.open(tui.Options{Facilitator: true})
	s.waitFor("Rotterdam")
	s.keys("c")
	s.waitFor("Themes by campaign priority", "▸ #1 ")
	v := s.view()
	requireFits(t, v)
	for i, place := range []string{"Amsterdam", "Rotterdam"} {
		l := lineWith(v, fmt.Sprintf("S%d #1 “", i+1))
		if !strings.HasSuffix(l, " "+place) {
			t.Errorf("the line of S%d does not end with its session's place, %s: %q\n%s", i+1, place, l, v)
		}
		if !strings.Contains(l, "· 2 notes ·") {
			t.Errorf("the line of S%d lost its count of notes: %q", i+1, l)
		}
	}
}
