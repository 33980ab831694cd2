package report_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/report"
)

// leakyCampaign is the campaign a programme lead worked one person's notes out of:
// three sessions, the second with three people who share every answer and one
// who gave no profile, and someone of the first coming back to the third with
// another answer on their time in the role.
func leakyCampaign(t *testing.T) []*report.Data {
	t.Helper()
	ctx := context.Background()
	svc := openService(t)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	silver := session.Profile{Tenure: "1-3y", Appointment: "appointed", Level: "silver"}
	gold := session.Profile{Tenure: "1-3y", Appointment: "volunteered", Level: "gold"}
	type joiner struct {
		key     string
		profile session.Profile
		notes   int
	}
	plan := []struct {
		mode    session.Mode
		aud     session.Audience
		joiners []joiner
	}{
		{session.ModeInPerson, session.AudienceDevelopers, []joiner{{"k1", silver, 5}, {"k2", silver, 6}, {"k3", silver, 4}, {"k4", silver, 6}}},
		{session.ModeOnline, session.AudienceDevelopers, []joiner{{"k5", gold, 4}, {"k6", gold, 4}, {"k7", gold, 3}, {"k8", session.Profile{}, 3}}},
		{session.ModeInPerson, session.AudienceSecurityEngineers, []joiner{
			{"k1", session.Profile{Tenure: ">3y", Appointment: "appointed", Level: "silver"}, 1}, {"k9", session.Profile{}, 1}, {"k10", session.Profile{}, 1}}},
	}
	for i, s := range plan {
		sess, err := svc.NewSession(ctx, session.Session{Title: fmt.Sprintf("Session %d", i+1), Audience: s.aud, Campaign: "leaky",
			Mode: s.mode, Date: fmt.Sprintf("2026-03-0%d", i+1)})
		must(err)
		phase := func(ph session.Phase) {
			t.Helper()
			_, err := svc.SetPhase(ctx, sess.ID, ph)
			must(err)
		}
		var people []*session.Participant
		for _, jn := range s.joiners {
			p, err := svc.Join(ctx, sess.ID, jn.key)
			must(err)
			must(svc.SetNameAndProfile(ctx, p, "Person "+jn.key, jn.profile))
			people = append(people, p)
		}
		phase(session.PhaseCheckIn)
		for j, p := range people {
			must(svc.Rate(ctx, p.ID, 1+j%5))
		}
		phase(session.PhaseWrite)
		for j, jn := range s.joiners {
			for k := range jn.notes {
				_, err := svc.AddNote(ctx, people[j].ID, session.Note{Area: session.AreaActivities, Lane: "more",
					Text: fmt.Sprintf("more pen tests, point %d of %s", k+1, jn.key)})
				must(err)
			}
		}
		phase(session.PhaseReveal)
		phase(session.PhaseClosed)
	}
	ds, err := report.LoadCampaign(ctx, svc, "leaky")
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

// Every table of people counts one unit, participations, names it, and adds up to
// the campaign's count of them: the report said "8 people (11 participations)"
// above tables of 10, 10 and 11.
func TestSegmentsAddUpToTheParticipations(t *testing.T) {
	t.Parallel()
	f := report.BuildCampaign("leaky", leakyCampaign(t))
	if f.Participations != 11 || f.Participants != 10 {
		t.Fatalf("%d participations by %d people, want 11 by 10 (the fixture has one person come back)", f.Participations, f.Participants)
	}
	sum := 0
	for _, s := range f.Sessions {
		sum += s.Participants
	}
	if sum != f.Participations {
		t.Errorf("the sessions add up to %d, the header says %d participations", sum, f.Participations)
	}
	sum = 0
	for _, a := range f.Audiences {
		sum += a.Participations
	}
	if sum != f.Participations {
		t.Errorf("the audiences add up to %d, the header says %d participations", sum, f.Participations)
	}
	for _, b := range f.Segments {
		sum := 0
		for _, s := range b.Segments {
			sum += s.Participations
		}
		if b.Other != nil {
			sum += b.Other.Participations
		}
		if sum != f.Participations {
			t.Errorf("%s adds up to %d, the header says %d participations", b.By, sum, f.Participations)
		}
	}
	md, _ := renderCampaign(t, f)
	if !strings.Contains(md, "- Participations: 11 (10 people;") {
		t.Errorf("the header does not name the unit the tables count:\n%s", md)
	}
	_, seg, _ := strings.Cut(md, "## Segments\n")
	seg, _, _ = strings.Cut(seg, "\n## ")
	if n := strings.Count(seg, "| Segment | Participations |"); n != len(f.Segments) {
		t.Errorf("%d of the %d segment tables say they count participations:\n%s", n, len(f.Segments), seg)
	}
	_, sessions, _ := strings.Cut(md, "## Sessions\n")
	sessions, _, _ = strings.Cut(sessions, "\n## ")
	if !strings.Contains(sessions, "| Participations |") {
		t.Errorf("the sessions table does not say it counts participations:\n%s", sessions)
	}
}
