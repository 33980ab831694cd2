package report_test

import (
	"testing"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/report"
)

// dist is a published confidence distribution: counts of ratings 1 to 5.
type dist struct {
	name   string
	counts [5]int
}

func distOf(name string, c *report.Confidence) []dist {
	if c == nil {
		return nil
	}
	d := dist{name: name}
	for _, rc := range c.Distribution {
		d.counts[rc.Rating-1] = rc.Count
	}
	return []dist{d}
}

// TestSubtractionSinglesOutNobody plays the attacker who holds every session's
// findings and the campaign report of a small campaign built to leak: one session
// of two raters beside larger ones of the same audience, segments that cut across
// sessions, a lone rare answer. Subtracting any set of published distributions
// from any campaign figure, or from the difference of two campaign figures, must
// never leave the ratings of one or two people.
func TestSubtractionSinglesOutNobody(t *testing.T) {
	t.Parallel()
	p := func(tenure, level string) session.Profile { return session.Profile{Tenure: tenure, Level: level} }
	ds := []*report.Data{
		pureSession("a", 1, session.AudienceDevelopers, []session.Profile{p(">3y", "gold"), p(">3y", "gold"), p("1-3y", "gold")}, nil),
		pureSession("b", 2, session.AudienceDevelopers, []session.Profile{p(">3y", "gold"), p("<1y", "bronze")}, nil),
		pureSession("c", 3, session.AudienceDevelopers, []session.Profile{p("1-3y", "gold"), p("1-3y", "gold"), p(">3y", "silver"), p(">3y", "gold")}, nil),
		pureSession("d", 4, session.AudienceSecurityEngineers, []session.Profile{p(">3y", "gold"), p(">3y", "gold"), p(">3y", "gold")}, nil),
	}
	for i, d := range ds {
		// Distinct ratings per session, so that sums tell sessions apart.
		for j, pp := range d.Participants {
			pp.Rating = 1 + (i+2*j)%5
			d.Ratings[j] = pp.Rating
		}
		d.Session.Mode = []session.Mode{session.ModeInPerson, session.ModeOnline}[i%2]
	}
	var sessions, campaign []dist
	for _, d := range ds {
		sessions = append(sessions, distOf("session "+d.Session.ID, report.Build(d).Confidence)...)
	}
	if len(sessions) != 3 {
		t.Fatalf("%d sessions show their confidence, want the 3 with at least 3 ratings", len(sessions))
	}
	f := report.BuildCampaign("c", ds)
	campaign = append(campaign, distOf("campaign", f.Confidence)...)
	for _, a := range f.Audiences {
		campaign = append(campaign, distOf("audience "+a.Audience, a.Confidence)...)
	}
	for _, b := range f.Segments {
		for _, s := range b.Segments {
			campaign = append(campaign, distOf(b.By+" "+s.Value, s.Confidence)...)
		}
		if b.Other != nil {
			campaign = append(campaign, distOf(b.By+" other", b.Other.Confidence)...)
		}
	}
	if len(campaign) < 3 {
		t.Fatalf("only %d campaign figures: the test needs some to attack", len(campaign))
	}
	zero := dist{name: "nothing"}
	for _, c := range campaign {
		for _, c2 := range append([]dist{zero}, campaign...) {
			if c2.name == c.name {
				continue
			}
			for mask := 0; mask < 1<<len(sessions); mask++ {
				d, what := c.counts, c.name+" − "+c2.name
				for r := range d {
					d[r] -= c2.counts[r]
				}
				for i, s := range sessions {
					if mask&(1<<i) != 0 {
						what += " − " + s.name
						for r := range d {
							d[r] -= s.counts[r]
						}
					}
				}
				n, negative := 0, false
				for _, x := range d {
					n += x
					negative = negative || x < 0
				}
				if !negative && n > 0 && n < session.MinSegment {
					t.Errorf("%s leaves the ratings of %d: %v", what, n, d)
				}
			}
		}
	}
	t.Logf("%d session and %d campaign figures attacked", len(sessions), len(campaign))
}
