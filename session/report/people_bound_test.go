package report_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/report"
)

// twoPeople is a session two people took part in, with a theme of six notes, all
// on one activity, and two more notes in their own lane.
func twoPeople(id string, day int) *report.Data {
	texts := make([]string, 6)
	for i := range texts {
		texts[i] = fmt.Sprintf("more hands-on hacking %d", i)
	}
	d := pureSession(id, day, session.AudienceDevelopers, make([]session.Profile, 2), map[string][]string{"hands-on hacking": texts})
	for i, n := range d.Notes {
		n.Area, n.Lane, n.Activity = session.AreaActivities, []string{"more", "more", "more", "keep", "keep", "keep"}[i], "hands-on hacking"
		// The same two people in every session, known by their keys.
		d.Participants[i%2].KeyHash = fmt.Sprintf("key-%d", i%2)
	}
	return d
}

// A count of people is read as fact: no count of a document says more people than
// took part in the sessions it covers, however many notes they wrote.
func TestNoCountSaysMorePeopleThanTookPart(t *testing.T) {
	t.Parallel()
	f := report.Build(twoPeople("a", 1))
	if n := f.Participation.Joined; n != 2 {
		t.Fatalf("the session has %d participants, want 2", n)
	}
	for _, th := range f.Themes {
		if th.Authors > 2 {
			t.Errorf("theme %q counts %d people of 2", th.Label, th.Authors)
		}
	}
	check := func(doc string, m report.ActivityMatrix, took int) {
		t.Helper()
		for _, r := range append(m.Activities, m.Total) {
			if r.People > took {
				t.Errorf("%s: matrix row %q counts %d people of %d", doc, r.Activity, r.People, took)
			}
			for _, c := range r.Cells {
				if c.People > took {
					t.Errorf("%s: matrix cell %q/%s counts %d people of %d", doc, r.Activity, c.Lane, c.People, took)
				}
			}
		}
	}
	check("findings", f.Matrix, 2)
	for _, g := range f.Summary.Signals {
		if g.People > 2 {
			t.Errorf("findings: signal %q counts %d people of 2", g.Activity, g.People)
		}
	}

	// The same two people in two sessions: the campaign counts them once, and
	// so does every theme they both raised.
	cf := report.BuildCampaign("c", []*report.Data{twoPeople("a", 1), twoPeople("b", 2)})
	if cf.Participants != 2 {
		t.Fatalf("the campaign has %d participants, want 2", cf.Participants)
	}
	for _, th := range cf.Themes {
		if th.Participants > 2 {
			t.Errorf("campaign theme %q counts %d people of 2", th.Label, th.Participants)
		}
		for _, a := range th.ByAudience {
			if a.People > 2 {
				t.Errorf("campaign theme %q counts %d people of 2 in %s", th.Label, a.People, a.Audience)
			}
		}
	}
	check("campaign", cf.Matrix, 2)
}

// A count of people is a bound, and every document says so in the same words:
// "up to 2 people", never "2 people" read as fact.
func TestPeopleCountsSayTheyAreABound(t *testing.T) {
	t.Parallel()
	md, _ := render(t, report.Build(twoPeople("a", 1)))
	cmd, _ := renderCampaign(t, report.BuildCampaign("c", []*report.Data{twoPeople("a", 1), twoPeople("b", 2)}))
	for doc, want := range map[string][]string{
		md:  {"6 notes from up to 2 people", "2 × up to 2 people", "(3 notes, up to 2 people)"},
		cmd: {"raised in 2 of 2 sessions by up to 2 people", "2 × up to 2 people", "| People (up to) |"},
	} {
		for _, w := range want {
			if !strings.Contains(doc, w) {
				t.Errorf("the document lacks %q:\n%s", w, doc)
			}
		}
		// The header's count of who took part is exact; a theme's or a cell's is not.
		if m := regexp.MustCompile(`(from|by|×|,) [0-9]+ people`).FindString(doc); m != "" {
			t.Errorf("the document counts people as fact (%q):\n%s", m, doc)
		}
	}
}

// A count of people is bounded from below by a theme's notes, up to 3, and every
// document words that floor so that it cannot be read as a cap: "at least as many
// as the notes, up to 3" stood beside "7 notes from up to 4 people".
func TestPeopleBoundIsNotWordedAsACap(t *testing.T) {
	t.Parallel()
	texts := make([]string, 7)
	for i := range texts {
		texts[i] = fmt.Sprintf("more hands-on hacking labs %d", i)
	}
	d := pureSession("a", 1, session.AudienceDevelopers, make([]session.Profile, 4), map[string][]string{"hands-on hacking": texts})
	for _, n := range d.Notes {
		n.Area, n.Lane, n.Activity = session.AreaActivities, "more", "hands-on hacking"
	}
	md, _ := render(t, report.Build(d))
	cmd, _ := renderCampaign(t, report.BuildCampaign("c", []*report.Data{d}))
	for doc, want := range map[string]string{md: "7 notes from up to 4 people", cmd: "raised in 1 of 1 sessions by up to 4 people"} {
		if !strings.Contains(doc, want) {
			t.Errorf("the document lacks %q:\n%s", want, doc)
		}
		if m := regexp.MustCompile(`up to 3[,)]|at least (as many as )?(its|the) notes`).FindString(doc); m != "" {
			t.Errorf("the document words the floor of its counts as a cap (%q):\n%s", m, doc)
		}
		if !strings.Contains(doc, session.PeopleBound) {
			t.Errorf("the document does not say how people are counted (%q):\n%s", session.PeopleBound, doc)
		}
	}
}
