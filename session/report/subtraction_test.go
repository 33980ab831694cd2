package report_test

import (
	"fmt"
	"strings"
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

// The campaign's confidence says how many sessions' ratings it leaves out (those of
// sessions too small to show their own), so that a reader does not take the figure
// for everyone's.
func TestCampaignSaysWhoseRatingsItLeavesOut(t *testing.T) {
	t.Parallel()
	var ps []session.Profile
	for range session.MinSegment {
		ps = append(ps, session.Profile{})
	}
	ds := []*report.Data{
		pureSession("a", 1, session.AudienceDevelopers, ps, nil),
		pureSession("b", 2, session.AudienceDevelopers, ps[:session.MinSegment-1], nil),
		pureSession("c", 3, session.AudienceDevelopers, ps[:1], nil),
	}
	for _, d := range ds {
		for j, pp := range d.Participants {
			pp.Rating = 3
			d.Ratings[j] = 3
		}
	}
	f := report.BuildCampaign("c", ds)
	if f.Confidence == nil || f.Confidence.Ratings != session.MinSegment {
		t.Fatalf("campaign confidence %+v, want the %d ratings of session a", f.Confidence, session.MinSegment)
	}
	if f.ConfidenceLeftOut != 2 {
		t.Errorf("%d sessions' ratings said to be left out, want 2", f.ConfidenceLeftOut)
	}
	var md strings.Builder
	if err := f.WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("the ratings of 2 sessions with fewer than %d ratings each are left out", session.MinSegment)
	for _, l := range strings.Split(md.String(), "\n") {
		if strings.HasPrefix(l, "- Confidence:") && !strings.Contains(l, want) {
			t.Errorf("the summary's confidence line is %q, want it to say %q", l, want)
		}
	}
	if !strings.Contains(md.String(), want) {
		t.Errorf("the report does not say %q:\n%s", want, md.String())
	}
}

// A segment's notes and themes raised count hidden notes too: with them left out,
// hiding one note and reporting again would tell which segments its writer is in.
func TestSegmentNotesIgnoreHiding(t *testing.T) {
	t.Parallel()
	var ps []session.Profile
	for i := range 6 {
		ps = append(ps, session.Profile{Level: []string{"bronze", "silver"}[i%2]})
	}
	notesBy := func(hide bool) map[string]string {
		d := pureSession("a", 1, session.AudienceDevelopers, ps, map[string][]string{
			"pen tests": {"more penetration tests", "pen tests too late", "no pen test budget"},
			"training":  {"security training is dull", "training on real bugs"}})
		for _, n := range d.Notes {
			// The one note of the training theme by its first writer.
			n.Hidden = hide && n.Text == "security training is dull"
		}
		out := map[string]string{}
		for _, b := range report.BuildCampaign("c", []*report.Data{d}).Segments {
			for _, s := range b.Segments {
				out[b.By+" "+s.Value] = fmt.Sprintf("%d notes, %d themes", s.Notes, s.Themes)
			}
		}
		return out
	}
	before, after := notesBy(false), notesBy(true)
	if len(before) == 0 {
		t.Fatal("no segments: the test needs some")
	}
	if fmt.Sprint(before) != fmt.Sprint(after) {
		t.Errorf("hiding a note changed the segments' notes from %v to %v", before, after)
	}
}

// A campaign report says which of its sessions are still running: their figures
// change until they close.
func TestCampaignSaysWhichSessionsStillRun(t *testing.T) {
	t.Parallel()
	ps := []session.Profile{{}, {}, {}}
	live := pureSession("b", 2, session.AudienceDevelopers, ps, map[string][]string{"pen tests": {"more pen tests"}})
	live.Session.Phase = session.PhaseWrite
	ds := []*report.Data{pureSession("a", 1, session.AudienceDevelopers, ps, map[string][]string{"pen tests": {"pen tests too late"}}), live}
	var md strings.Builder
	if err := report.BuildCampaign("c", ds).WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md.String(), "Still running: S2 (write).") {
		t.Errorf("the report does not say S2 still runs:\n%s", md.String())
	}
	md.Reset()
	if err := report.BuildCampaign("c", ds[:1]).WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(md.String(), "Still running") {
		t.Error("a campaign of closed sessions says one still runs")
	}
}

// Following a campaign up, a theme of praise is not taken for a later theme of
// complaints about the same thing: "our incident drills work well" did not persist
// as "incidents are handled badly".
func TestCompareKeepsOppositeSidesApart(t *testing.T) {
	t.Parallel()
	ps := []session.Profile{{}, {}, {}}
	build := func(id string, day int, lane string, texts ...string) *report.CampaignFindings {
		d := pureSession(id, day, session.AudienceDevelopers, ps, map[string][]string{"incidents": texts})
		for _, n := range d.Notes {
			n.Area, n.Lane = session.AreaConfidence, lane
		}
		return report.BuildCampaign("c"+id, []*report.Data{d})
	}
	earlier := build("a", 1, "strength", "our incident drills work well", "incident drills made the outage calm", "the incident drills pay off")
	same := build("b", 2, "strength", "incident drills work well for us", "the incident drills keep the outage calm")
	opposite := build("c", 3, "concern", "incident drills do not work for us", "the incident drills never make an outage calm")
	same.Compare(earlier)
	if got := same.Comparison.Themes[0].Status; got != report.ThemePersisting {
		t.Fatalf("praise followed by praise: %s, want persisting (the test needs them matched)", got)
	}
	opposite.Compare(earlier)
	if got := opposite.Comparison.Themes[0].Status; got != report.ThemeNew {
		t.Errorf("praise followed by complaints about the same drills: %s, want new", got)
	}
}

// A question nobody answered (paper sessions ask none) says so, instead of a
// table of one "other or not given" row read as a rule's doing.
func TestSegmentsSayWhenNobodyAnswered(t *testing.T) {
	t.Parallel()
	ps := []session.Profile{{}, {}, {}, {}}
	f := report.BuildCampaign("c", []*report.Data{pureSession("a", 1, session.AudienceDevelopers, ps, map[string][]string{"pen tests": {"more pen tests"}})})
	var md strings.Builder
	if err := f.WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	for _, b := range f.Segments {
		if b.Unanswered != (b.By != "mode") {
			t.Errorf("%s: unanswered %v", b.By, b.Unanswered)
		}
	}
	if !strings.Contains(md.String(), "Nobody answered this question") {
		t.Errorf("the report does not say nobody answered:\n%s", md.String())
	}
}

// A theme of one name a year later is the same concern followed up, a side in its
// name aside: "security training" persists as "security training (more)", though a
// small theme elsewhere quotes training closer.
func TestCompareMatchesTheSameNameFirst(t *testing.T) {
	t.Parallel()
	ps := []session.Profile{{}, {}, {}}
	build := func(id string, day int, themes map[string][]string) *report.CampaignFindings {
		d := pureSession(id, day, session.AudienceDevelopers, ps, themes)
		for _, n := range d.Notes {
			n.Area, n.Lane = session.AreaActivities, "more"
		}
		return report.BuildCampaign("c"+id, []*report.Data{d})
	}
	earlier := build("a", 1, map[string][]string{"security training": {"security training with real code", "more security training for developers", "training on our own bugs"}})
	later := build("b", 2, map[string][]string{
		"security training (more)": {"hands-on labs instead of slides", "a yearly refresher is not enough", "teach secure code review", "more time for learning", "capture the flag for teams"},
		"coding workshops":         {"security training as coding workshops with real code"},
	})
	later.Compare(earlier)
	for _, ch := range later.Comparison.Themes {
		if ch.Label == "security training (more)" && ch.Status != report.ThemePersisting {
			t.Errorf("%q is %s, want persisting (was security training)", ch.Label, ch.Status)
		}
	}
}
