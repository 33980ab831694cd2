package tui_test

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/tui"
)

// The overview names audiences in words, as the report does: "service owners",
// not the key "service-owners", in the themes, the audiences and a hypothesis's
// quotes.
func TestCampaignViewNamesAudiencesInWords(t *testing.T) {
	t.Parallel()
	w, _ := explainWorld(t)
	if _, err := w.svc.AddHypothesis(w.ctx, "Chartering 2027", "service owners follow a control when someone explains why it matters"); err != nil {
		t.Fatal(err)
	}
	s := w.openSized(tui.Options{Facilitator: true}, 140, 30)
	s.waitFor("Developers 2")
	s.keys("c")
	s.waitFor("1 note · service owners")
	s.keys("2")
	s.waitFor("service owners · 2 sessions")
	s.keys("5")
	s.waitFor("service owners, whom it names")
	v := s.view()
	if strings.Contains(v, "service-owners") {
		t.Errorf("the hypotheses view shows the key service-owners:\n%s", v)
	}
}

// The audiences view counts people in one unit, participations, as its head does,
// and every list adds up to the head's count: a head of "10 participants" stood
// over segments of 6 + 6 people and levels of 3 + 4 + 6. Someone who comes back
// to a later session with another answer counts in each session they joined.
func TestCampaignAudiencesAddUpToTheHead(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	silver := session.Profile{Tenure: "1-3y", Appointment: "appointed", Level: "silver"}
	gold := session.Profile{Tenure: "1-3y", Appointment: "volunteered", Level: "gold"}
	for i, people := range [][]struct {
		key     string
		profile session.Profile
	}{
		{{"key-1", silver}, {"key-2", silver}, {"key-3", silver}, {"key-4", silver}},
		{{"key-5", gold}, {"key-6", gold}, {"key-7", gold}, {"key-8", session.Profile{}}},
		{{"key-1", session.Profile{Tenure: ">3y", Appointment: "appointed", Level: "silver"}}, {"key-9", session.Profile{}}, {"key-10", session.Profile{}}},
	} {
		s, err := w.svc.NewSession(w.ctx, session.Session{Title: fmt.Sprintf("Developers %d", i+1), Audience: session.AudienceDevelopers,
			Campaign: "Chartering 2027", Mode: session.ModeInPerson, Date: fmt.Sprintf("2026-03-0%d", i+1)})
		if err != nil {
			t.Fatal(err)
		}
		w.setPhase(s, session.PhaseWrite)
		for _, pp := range people {
			p := w.join(s, pp.key, "")
			if err := w.svc.SetNameAndProfile(w.ctx, p, "", pp.profile); err != nil {
				t.Fatal(err)
			}
			w.addNote(p, session.AreaActivities, "more", "more pen tests from "+pp.key)
		}
		w.setPhase(s, session.PhaseReveal)
	}
	s := w.openSized(tui.Options{Facilitator: true}, 100, 50)
	s.waitFor("Developers 3")
	s.keys("c")
	s.waitFor("Themes by campaign priority")
	s.keys("2")
	s.waitFor("In person or online")
	v := s.view()
	if !strings.Contains(lineWith(v, " sessions · "), "11 participations (10 people)") {
		t.Fatalf("the head does not count 11 participations by 10 people:\n%s", v)
	}
	count := regexp.MustCompile(` (\d+) participations? · `)
	sums := map[string]int{}
	list := "audiences"
	for _, l := range strings.Split(v, "\n") {
		switch m := count.FindStringSubmatch(l); {
		case m != nil:
			n, _ := strconv.Atoi(m[1])
			sums[list] += n
		case l != "" && !strings.HasPrefix(l, " ") && sums[list] > 0:
			list = l
		}
	}
	if len(sums) != 5 {
		t.Fatalf("%d lists counted, want the audiences and 4 breakdowns: %v\n%s", len(sums), sums, v)
	}
	for list, n := range sums {
		if n != 11 {
			t.Errorf("%s add up to %d, the head says 11 participations:\n%s", list, n, v)
		}
	}
}

// At 40x14 the audiences view wraps its lines, not cuts them: an audience's line
// lost its count of themes, a segment's its count of participations.
func TestCampaignAudiencesAreWrappedNotCut(t *testing.T) {
	t.Parallel()
	w := placesWorld(t, 3)
	s := w.openSized(tui.Options{Facilitator: true}, 40, 14)
	s.waitFor("Developers Berlin")
	s.keys("c")
	s.waitFor("Themes by campaign priority")
	s.keys("2")
	s.waitFor("[2 Audiences]")
	v := s.view()
	requireFitsIn(t, v, 40, 14)
	_, list, _ := strings.Cut(v, "────────────────────────────────────────\n")
	if strings.Contains(list, "…") || !strings.Contains(list, "1 theme, 0 only") {
		t.Errorf("the audiences view is cut at 40 columns:\n%s", v)
	}
}
