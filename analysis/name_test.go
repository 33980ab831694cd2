package analysis_test

import (
	"slices"
	"testing"

	"github.com/charter-tool/charter/analysis"
)

// An activity is named however its words are inflected, hyphenated or run
// together, and not by words that only look alike: "Developers want pen test
// results earlier" is about pen testing, "testing is slow" is not.
func TestNamedIn(t *testing.T) {
	t.Parallel()
	activities := []string{"pen testing", "threat modelling", "code scanning", "bug bounty", "security training", "testing"}
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Pen testing is valued by developers", []string{"pen testing"}},
		{"Developers want pen test results earlier", []string{"pen testing"}},
		{"pen tests find little we did not know", []string{"pen testing"}},
		{"Pen-tested apps ship later", []string{"pen testing"}},
		{"Pentests come too late", []string{"pen testing"}},
		{"penetration testing is seen as low value", []string{"pen testing"}},
		{"Teams skip the threat model", []string{"threat modelling"}},
		{"threat models go stale", []string{"threat modelling"}},
		{"Threat modeling takes too long", []string{"threat modelling"}},
		{"code scans are noise", []string{"code scanning"}},
		{"Bug bounties pay off", []string{"bug bounty"}},
		{"security trainings are too basic", []string{"security training"}},
		{"Pen testing and unit testing both matter", []string{"pen testing", "testing"}},
		{"testing is slow", []string{"testing"}},

		// Near misses: not these activities.
		{"open testing days", []string{"testing"}},
		{"pen and paper testing", []string{"testing"}},
		{"we test with pens", []string{"testing"}},
		{"penetrating tests of the skin", []string{"testing"}},
		{"happen testing", []string{"testing"}},
		{"threats are ignored", nil},
		{"the data model is old", nil},
		{"threatening models", nil},
		{"modelling threats is hard", nil},
		{"code scanners are noise", nil},
		{"the source code is scanned", nil},
		{"bug reports pile up", nil},
		{"a bounty for good ideas", nil},
		{"security trainers are busy", nil},
		{"", nil},
	} {
		named := analysis.NamedIn(tc.text, activities)
		var got []string
		for i, a := range activities {
			if named[i] {
				got = append(got, a)
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q names %q, want %q", tc.text, got, tc.want)
		}
	}
	if got := analysis.NamedIn("pen testing", []string{"", "  "}); slices.Contains(got, true) {
		t.Errorf("an empty name is named: %v", got)
	}
}

// A note names the activity of the session's list it is about, in the words
// people write; naming two, or none, it is about no one activity. The list is the
// method's starting one (session.DefaultActivities) and one a session added.
func TestNamedActivity(t *testing.T) {
	t.Parallel()
	activities := []string{
		"self-assessment", "code scanning (SAST)", "dependency scanning", "threat modelling",
		"pen testing", "bug bounty", "security training", "security guild", "incident handling",
		"security champions", "secure code review", "Chaos days",
	}
	for _, tc := range []struct{ text, want string }{
		// As a programme lead's walkthrough found them written, no activity chosen.
		{"pen testing is valuable, keep it", "pen testing"},
		{"Keep pen testing before major releases", "pen testing"},
		{"Keep pen testing, service owners value it", "pen testing"},
		{"Pentests find what scanners miss", "pen testing"},
		{"the yearly penetration test is theatre", "pen testing"},
		{"a pen test per release", "pen testing"},
		{"Threat models go stale after the design", "threat modelling"},
		{"threat modeling for every new service", "threat modelling"},
		{"SAST findings are mostly noise", "code scanning (SAST)"},
		{"code scanning in the pull request", "code scanning (SAST)"},
		{"static analysis in the IDE, not in CI", "code scanning (SAST)"},
		{"Bug bounties bring real findings", "bug bounty"},
		{"more hands-on training, less slides", "security training"},
		{"Security trainings are too basic", "security training"},
		{"The self-assessment takes a day each quarter", "self-assessment"},
		{"self assessments feel like box ticking", "self-assessment"},
		{"the guild meets too rarely", "security guild"},
		{"incident response drills once a year", "incident handling"},
		{"code reviews with a security eye", "secure code review"},
		{"a champion in every team", "security champions"},
		{"chaos day every quarter", "Chaos days"},

		// Two activities: about neither alone.
		{"pen testing finds what code scanning misses", ""},
		{"less training, more threat modelling", ""},
		{"bug bounty instead of a yearly pentest", ""},

		// None, or only inside another word or a longer phrase.
		{"more time for security work", ""},
		{"retraining the model every sprint", ""},
		{"the guildhall meeting room is too small", ""},
		{"escalation paths are unclear", ""},
		{"pen and paper testing", ""},
		{"threats are modelled nowhere", ""},
		{"", ""},
	} {
		if got := analysis.NamedActivity(tc.text, activities); got != tc.want {
			t.Errorf("%q names %q, want %q", tc.text, got, tc.want)
		}
	}
	if got := analysis.NamedActivity("pen testing", nil); got != "" {
		t.Errorf("with no activities listed, a note names %q", got)
	}
}

// NamedActivities lists every activity a note names, once each, in the list's
// order: a note naming two is filed under none, and its writer is told which.
func TestNamedActivities(t *testing.T) {
	t.Parallel()
	activities := []string{"threat modelling", "pen testing", "bug bounty", "secure code review"}
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"bug bounty and pen testing both", []string{"pen testing", "bug bounty"}},
		{"more threat modelling and secure code review", []string{"threat modelling", "secure code review"}},
		{"pen tests, and more pen testing", []string{"pen testing"}},
		{"nothing named here", nil},
	} {
		if got := analysis.NamedActivities(tc.text, activities); !slices.Equal(got, tc.want) {
			t.Errorf("NamedActivities(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}
