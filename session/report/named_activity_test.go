package report_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/report"
)

// Notes written in the security activities with no activity chosen, that name pen
// testing, count under pen testing in the activity matrix and in what a hypothesis
// on pen testing says of it: a programme lead saw a matrix of "(no activity
// named)" rows and one "pen testing | 1 (1)", next to a hypothesis section that
// quoted the same notes as evidence about pen testing.
func TestNotesNamingAnActivityCountUnderIt(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	svc := openService(t)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	const campaign = "Chartering 2027"
	sess, err := svc.NewSession(ctx, session.Session{Title: "Service owners Lisbon", Audience: session.AudienceServiceOwners, Campaign: campaign})
	must(err)
	_, err = svc.AddHypothesis(ctx, campaign, "Pen testing is valued by service owners")
	must(err)
	_, err = svc.SetPhase(ctx, sess.ID, session.PhaseWrite)
	must(err)
	for i, n := range []session.Note{
		{Area: session.AreaActivities, Lane: "keep", Text: "pen testing is valuable, keep it"},
		{Area: session.AreaActivities, Lane: "keep", Text: "Keep pen testing before major releases"},
		{Area: session.AreaActivities, Lane: "keep", Activity: "pen testing", Text: "Keep pen testing, service owners value it"},
	} {
		p, err := svc.Join(ctx, sess.ID, fmt.Sprint("key-", i))
		must(err)
		_, err = svc.AddNote(ctx, p.ID, n)
		must(err)
	}
	_, err = svc.SetPhase(ctx, sess.ID, session.PhaseReveal)
	must(err)

	d, err := report.Load(ctx, svc, sess.ID)
	must(err)
	f := report.Build(d)
	var rows []string
	for _, r := range f.Matrix.Activities {
		c := r.Cell("keep")
		rows = append(rows, fmt.Sprintf("%s: keep %d (%d)", r.Title(), c.Notes, c.People))
	}
	if len(rows) != 1 || rows[0] != "pen testing: keep 3 (3)" {
		t.Errorf("the activity matrix has %q, want only pen testing: keep 3 (3)", rows)
	}

	cf, err := report.LoadCampaignReport(ctx, svc, campaign)
	must(err)
	md, _ := renderCampaign(t, cf)
	if h1 := hypothesisSection(md, "### H1. "); !strings.Contains(h1, "In the activity matrix, pen testing: Keep 3 (up to 3 people), 3 notes in all") {
		t.Errorf("H1 does not count the three notes about pen testing:\n%s", h1)
	}
}
