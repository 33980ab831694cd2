package tui_test

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/tui"
)

// The campaign overview lists the program's hypotheses with their verdicts and the
// themes that match them, and the facilitator can add one there.
func TestCampaignHypotheses(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, err := w.svc.NewSession(w.ctx, session.Session{Title: "Developers Berlin", Audience: session.AudienceDevelopers, Campaign: "Chartering 2027"})
	if err != nil {
		t.Fatal(err)
	}
	w.setPhase(sess, session.PhaseWrite)
	a := w.join(sess, "key-1", "")
	w.addNote(a, session.AreaActivities, "more", "the security training is too basic")
	w.addNote(a, session.AreaActivities, "add", "deeper security training with labs")
	w.addNote(a, session.AreaActivities, "less", "the code scanner reports false positives")
	w.setPhase(sess, session.PhaseReveal) // shows the lone writer's notes, which waited
	if _, err := w.svc.AddHypothesis(w.ctx, "chartering 2027", "the self-assessment takes too long"); err != nil {
		t.Fatal(err)
	}
	if _, err := w.svc.SetVerdict(w.ctx, "Chartering 2027", 1, session.VerdictNoEvidence, "nobody mentioned it"); err != nil {
		t.Fatal(err)
	}

	s := w.open(tui.Options{Facilitator: true})
	s.waitFor("Developers Berlin")
	s.keys("c")
	s.waitFor("Themes by campaign priority")
	s.keys("5")
	s.waitFor("H1 the self-assessment takes too long", "verdict: no evidence · nobody mentioned it", "no matching theme",
		"Not expected (no hypothesis matches):")
	s.keys("a")
	// The key line as every other prompt's, "•" between keys.
	s.waitFor("New hypothesis:", "enter save • esc cancel")
	s.paste("teams want deeper training")
	// The label is the field's prompt: no "> " of bubbles' own after it.
	s.waitFor("New hypothesis: teams want deeper training")
	s.press(tea.KeyEnter)
	s.waitFor("H2 teams want deeper training", "verdict: no verdict yet", "“deeper security training with labs”")
	// A matching theme's number is named as the report's column names it, not a
	// bare "0.63" nobody is told the meaning of.
	s.waitDrawn(" · similarity 0.")
	// Once the evidence is in, the status says so, not that it is being found.
	s.waitDrawn("Added H2; its evidence is under it.")
	hs, err := w.svc.Hypotheses(w.ctx, "Chartering 2027")
	if err != nil || len(hs) != 2 {
		t.Fatalf("hypotheses %v, %v", hs, err)
	}
	s.keys("a")
	s.paste("teams want deeper training")
	s.press(tea.KeyEnter)
	s.waitFor("The campaign already has this hypothesis.")
	s.press(tea.KeyEsc)
	s.waitFor("add hypothesis", "v verdict")

	// A verdict is given on the screen: a line that does not say one is refused
	// with why and stays to be mended; a good one is stored and shown.
	s.keys("v")
	s.waitFor("Verdict:")
	s.paste("H2 supported")
	s.press(tea.KeyEnter)
	s.waitFor("Say why after the verdict")
	s.paste(": two notes ask for labs")
	s.press(tea.KeyEnter)
	s.waitFor("H2: supported.", "verdict: supported · two notes ask for labs")
	hs, err = w.svc.Hypotheses(w.ctx, "Chartering 2027")
	if err != nil || len(hs) != 2 || hs[1].Verdict != session.VerdictSupported || hs[1].Why != "two notes ask for labs" {
		t.Fatalf("after the verdict: %+v, %v", hs[1], err)
	}
	if hs[0].Verdict != session.VerdictNoEvidence {
		t.Errorf("H1's verdict changed too: %q", hs[0].Verdict)
	}
}

// An overview left open shows the hypotheses and verdicts added meanwhile by
// someone else: another facilitator, or the command line (the server tells every
// screen when another process wrote).
func TestCampaignOverviewFollowsHypothesesAddedElsewhere(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	if _, err := w.svc.NewSession(w.ctx, session.Session{Title: "Developers Berlin", Audience: session.AudienceDevelopers, Campaign: "Chartering 2027"}); err != nil {
		t.Fatal(err)
	}
	s := w.open(tui.Options{Facilitator: true})
	s.waitFor("Developers Berlin")
	s.keys("c")
	s.waitFor("Themes by campaign priority")
	s.keys("5")
	s.waitFor("No hypotheses yet")
	if _, err := w.svc.AddHypothesis(w.ctx, "Chartering 2027", "the self-assessment takes too long"); err != nil {
		t.Fatal(err)
	}
	s.waitFor("H1 the self-assessment takes too long", "verdict: no verdict yet")
	if _, err := w.svc.SetVerdict(w.ctx, "Chartering 2027", 1, session.VerdictNoEvidence, "nobody mentioned it"); err != nil {
		t.Fatal(err)
	}
	s.waitFor("verdict: no evidence · nobody mentioned it")

	// From another process: nothing is published here, until the server's watch of
	// other writers tells every screen.
	other := session.NewService(w.db, nil)
	if _, err := other.AddHypothesis(w.ctx, "Chartering 2027", "teams want deeper training"); err != nil {
		t.Fatal(err)
	}
	w.hub.PublishAll()
	s.waitFor("H2 teams want deeper training")
}

// A hypothesis that names an activity of the matrix shows, on the overview as in
// the report, what every note about that activity said: without it the overview
// read "no matching theme" for "pen testing is valued" while the report counted
// the notes on pen testing lane by lane.
func TestCampaignHypothesisShowsItsActivities(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, err := w.svc.NewSession(w.ctx, session.Session{Title: "Developers Berlin", Audience: session.AudienceDevelopers, Campaign: "Chartering 2027"})
	if err != nil {
		t.Fatal(err)
	}
	w.setPhase(sess, session.PhaseWrite)
	a := w.join(sess, "key-1", "")
	for _, n := range []session.Note{
		{Area: session.AreaActivities, Lane: "keep", Activity: "pen testing", Text: "the external team found the IDOR in the admin panel"},
		{Area: session.AreaActivities, Lane: "less", Activity: "pen testing", Text: "the yearly one on internal tools nobody can reach"},
	} {
		if _, err := w.svc.AddNote(w.ctx, a.ID, n); err != nil {
			t.Fatal(err)
		}
	}
	w.setPhase(sess, session.PhaseReveal)
	if _, err := w.svc.AddHypothesis(w.ctx, "Chartering 2027", "Pen testing is valued"); err != nil {
		t.Fatal(err)
	}

	s := w.open(tui.Options{Facilitator: true})
	s.waitFor("Developers Berlin")
	s.keys("c")
	s.waitFor("Themes by campaign priority")
	s.keys("5")
	s.waitFor("H1 Pen testing is valued", "in the activity matrix, pen testing: Keep 1 (1 person), Do less 1 (1", "person), 2 notes in all, in any theme")
}

// A hypothesis and the why of its verdict are read whole at 80 columns: they wrap
// under their first line, as the quotes under them do, instead of being cut.
func TestCampaignHypothesisAndWhyWrapWhole(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	if _, err := w.svc.NewSession(w.ctx, session.Session{Title: "Developers Berlin", Audience: session.AudienceDevelopers, Campaign: "Chartering 2027"}); err != nil {
		t.Fatal(err)
	}
	text := "teams would run their own threat modelling if the security team gave them a template and an hour of coaching"
	why := "two sessions of developers asked for a template, and service owners asked for coaching before their next release"
	if _, err := w.svc.AddHypothesis(w.ctx, "Chartering 2027", text); err != nil {
		t.Fatal(err)
	}
	if _, err := w.svc.SetVerdict(w.ctx, "Chartering 2027", 1, session.VerdictMixed, why); err != nil {
		t.Fatal(err)
	}
	s := w.open(tui.Options{Facilitator: true})
	s.waitFor("Developers Berlin")
	s.keys("c")
	s.waitFor("Themes by campaign priority")
	s.keys("5")
	// The last words of each, on lines of their own, indented under the first.
	s.waitFor("H1 teams would run", "   a template and an hour of coaching", "verdict: mixed · two sessions",
		"             service owners asked for coaching before their next release")
}

// The overview quotes, as the report does, a note about an activity a hypothesis
// names that sits in a theme not matching it, marks a note of the audience it
// names, and says when none of the notes it quotes is theirs.
func TestCampaignHypothesisQuotesItsActivityInAnyTheme(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	grouped := func(title string, aud session.Audience, themes map[string][]session.Note) {
		t.Helper()
		sess, err := w.svc.NewSession(w.ctx, session.Session{Title: title, Audience: aud, Campaign: "Chartering 2027"})
		if err != nil {
			t.Fatal(err)
		}
		w.setPhase(sess, session.PhaseWrite)
		var ths []session.Theme
		k := 0
		for label, notes := range themes {
			th := session.Theme{Label: label, Named: true}
			for _, n := range notes {
				k++
				p := w.join(sess, fmt.Sprintf("%s-key-%d", title, k), "")
				got, err := w.svc.AddNote(w.ctx, p.ID, n)
				if err != nil {
					t.Fatal(err)
				}
				th.NoteIDs = append(th.NoteIDs, got.ID)
			}
			ths = append(ths, th)
		}
		w.setPhase(sess, session.PhaseGroup)
		if err := w.svc.SaveThemes(w.ctx, sess.ID, ths); err != nil {
			t.Fatal(err)
		}
	}
	grouped("Security engineers Berlin", session.AudienceSecurityEngineers, map[string][]session.Note{
		"pen testing": {
			{Area: session.AreaActivities, Lane: "keep", Activity: "pen testing", Text: "the yearly pen test finds real issues"},
			{Area: session.AreaActivities, Lane: "keep", Activity: "pen testing", Text: "keep the external pen testers"},
		},
		"training": {
			{Area: session.AreaActivities, Lane: "more", Activity: "security training", Text: "security training is too basic"},
			{Area: session.AreaActivities, Lane: "more", Activity: "security training", Text: "we want deeper security training"},
		},
	})
	grouped("Developers Porto", session.AudienceDevelopers, map[string][]session.Note{
		"feature deadlines": {
			{Area: session.AreaActivities, Lane: "more", Activity: "pen testing", Text: "pen test findings come too late"},
			{Area: session.AreaMotivation, Lane: "demotivates", Text: "feature deadlines always win over security work"},
		},
	})
	for _, h := range []string{"Pen testing is valued by developers", "Developers want deeper security training"} {
		if _, err := w.svc.AddHypothesis(w.ctx, "Chartering 2027", h); err != nil {
			t.Fatal(err)
		}
	}
	s := w.openSized(tui.Options{Facilitator: true}, 120, 60)
	s.waitFor("Developers Porto")
	s.keys("c")
	s.waitFor("Themes by campaign priority")
	s.keys("5")
	s.waitFor("“pen test findings come too late” (S2 · developers, whom it names · do more · in feature deadlines)",
		"none of these notes is from developers, whom it names")
}

// Evidence is found by what a note says, not by its side: a hypothesis on
// deadlines quoted what motivates beside what demotivates, and nothing on the
// overview told them apart. Each quote says its side, within 80 columns; a
// matching theme's line is wrapped, not cut before its audiences.
func TestCampaignHypothesisQuotesSayTheirSide(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, err := w.svc.NewSession(w.ctx, session.Session{Title: "Developers Porto", Audience: session.AudienceDevelopers, Campaign: "Chartering 2027"})
	if err != nil {
		t.Fatal(err)
	}
	w.setPhase(sess, session.PhaseWrite)
	var th session.Theme
	for i, n := range []session.Note{
		{Area: session.AreaMotivation, Lane: "demotivates", Text: "feature deadlines always win over security work"},
		{Area: session.AreaMotivation, Lane: "motivates", Text: "leadership backs us when we stop a risky release"},
		{Area: session.AreaOpen, Lane: "Release pressure", Text: "security work slips off the plan every deadline"},
	} {
		p := w.join(sess, fmt.Sprintf("key-%d", i), "")
		got, err := w.svc.AddNote(w.ctx, p.ID, n)
		if err != nil {
			t.Fatal(err)
		}
		th.NoteIDs = append(th.NoteIDs, got.ID)
	}
	th.Label, th.Named = "feature deadlines push security work out of each sprint plan", true
	w.setPhase(sess, session.PhaseGroup)
	if err := w.svc.SaveThemes(w.ctx, sess.ID, []session.Theme{th}); err != nil {
		t.Fatal(err)
	}
	if _, err := w.svc.AddHypothesis(w.ctx, "Chartering 2027", "Deadlines push security work out of the teams' planning"); err != nil {
		t.Fatal(err)
	}
	s := w.open(tui.Options{Facilitator: true})
	s.waitFor("Developers Porto")
	s.keys("c")
	s.waitFor("Themes by campaign priority")
	s.keys("5")
	// An open topic is on no side, and says none.
	s.waitFor("“leadership backs us when we stop a risky release” (S1 · motivates)",
		"“feature deadlines always win over security work” (S1 · demotivates)",
		"“security work slips off the plan every deadline” (S1)")
	v := s.view()
	requireFits(t, v)
	if flat := strings.Join(strings.Fields(v), " "); !strings.Contains(flat, "#1 "+th.Label+" · similarity 0.") || !strings.Contains(flat, " · S1 · developers what its notes say: “") {
		t.Errorf("the matching theme's line is cut, or its quotes not said to be its notes':\n%s", v)
	}
}
