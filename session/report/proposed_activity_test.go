package report_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/report"
)

// An activity a participant proposed on their notes is not one of the program's
// until the facilitator accepts it into the session's list: "CTF hands-on labs",
// never accepted, stood in the activity matrix and its clearest signals like the
// official ones. It is listed after them, marked, and out of the signals, in the
// findings and the campaign report, until it is accepted.
func TestProposedActivityIsListedApartUntilAccepted(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	svc := openService(t)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	sess, err := svc.NewSession(ctx, session.Session{Title: "Developers", Audience: session.AudienceDevelopers, Campaign: "c"})
	must(err)
	var people []*session.Participant
	for i := range 3 {
		p, err := svc.Join(ctx, sess.ID, fmt.Sprint("key-", i))
		must(err)
		people = append(people, p)
	}
	_, err = svc.SetPhase(ctx, sess.ID, session.PhaseWrite)
	must(err)
	for i, p := range people {
		_, err := svc.AddNote(ctx, p.ID, session.Note{Area: session.AreaActivities, Lane: "add", Activity: "CTF hands-on labs", Text: fmt.Sprintf("a CTF every quarter %d", i)})
		must(err)
		_, err = svc.AddNote(ctx, p.ID, session.Note{Area: session.AreaActivities, Lane: "keep", Activity: "pen testing", Text: fmt.Sprintf("keep the pen test %d", i)})
		must(err)
	}
	_, err = svc.SetPhase(ctx, sess.ID, session.PhaseReveal)
	must(err)
	const marked = "CTF hands-on labs" + report.ProposedMark
	check := func(proposed bool) {
		t.Helper()
		d, err := report.Load(ctx, svc, sess.ID)
		must(err)
		ds, err := report.LoadCampaign(ctx, svc, "c")
		must(err)
		for what, doc := range map[string]interface {
			report.Document
		}{"findings": report.Build(d), "campaign": report.BuildCampaign("c", ds)} {
			var m report.ActivityMatrix
			var signals []report.Signal
			switch f := doc.(type) {
			case *report.Findings:
				m, signals = f.Matrix, f.Summary.Signals
			case *report.CampaignFindings:
				m, signals = f.Matrix, f.Summary.Signals
			}
			var names []string
			for _, r := range m.Activities {
				names = append(names, r.Title())
			}
			inSignals := false
			for _, s := range signals {
				inSignals = inSignals || strings.EqualFold(s.Activity, "CTF hands-on labs")
			}
			b, err := report.Render(doc, "md")
			must(err)
			md := string(b)
			if proposed {
				if len(names) != 2 || names[0] != "pen testing" || names[1] != marked || inSignals || !strings.Contains(md, "| "+marked+" |") || !strings.Contains(md, "did not accept") {
					t.Errorf("%s before the proposal is accepted: rows %q, in the signals %v:\n%s", what, names, inSignals, md)
				}
				continue
			}
			if strings.Contains(md, report.ProposedMark) || !inSignals {
				t.Errorf("%s once the proposal is accepted: rows %q, in the signals %v:\n%s", what, names, inSignals, md)
			}
		}
	}
	check(true)
	// Accepted into the list (enter on it in the board's list of activities).
	got, err := svc.BoardView(ctx, sess.ID)
	must(err)
	must(svc.SetActivities(ctx, sess.ID, append(got.Session.Activities, "CTF hands-on labs")))
	check(false)
}

// An activity one session accepted into its list is no proposal in the campaign,
// in the matrix of another audience whose session did not list it either.
func TestActivityAcceptedInOneSessionIsNoProposalInTheCampaign(t *testing.T) {
	t.Parallel()
	people := make([]session.Profile, 3)
	a := pureSession("a", 1, session.AudienceDevelopers, people, map[string][]string{"ctf": {"a CTF every quarter", "more CTF labs"}})
	b := pureSession("b", 2, session.AudienceServiceOwners, people, map[string][]string{"ctf": {"CTF for service owners too", "a CTF day"}})
	a.Session.Activities = []string{"pen testing", "CTF hands-on labs"}
	b.Session.Activities = []string{"pen testing"}
	for _, d := range []*report.Data{a, b} {
		for _, n := range d.Notes {
			n.Area, n.Lane, n.Activity = session.AreaActivities, "add", "CTF hands-on labs"
		}
	}
	f := report.BuildCampaign("c", []*report.Data{a, b})
	matrices := map[string]report.ActivityMatrix{"campaign": f.Matrix}
	for _, av := range f.Audiences {
		matrices[av.Audience] = av.Matrix
	}
	if len(matrices) != 3 {
		t.Fatalf("matrices %v, want the campaign's and two audiences'", matrices)
	}
	for what, m := range matrices {
		for _, r := range m.Activities {
			if r.Proposed {
				t.Errorf("%s: %q is a proposal, though a session of the campaign accepted it", what, r.Activity)
			}
		}
	}
}
