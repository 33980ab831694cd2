package report_test

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/report"
)

// The programme lead's walkthrough: two people rate at check-in, the session moves
// on, a third rates late (held for two more) and the session closes. The findings
// said "Gave a confidence rating: 2" and "2 ratings were given", the third read as
// never given. They say three were given and one was held back and left out, as
// counts, never whose.
func TestFindingsCountARatingHeldBackAsGiven(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	svc := openService(t)
	sess, err := svc.NewSession(ctx, session.Session{Title: "Managers", Audience: session.AudienceManagers, Campaign: "Pilot"})
	if err != nil {
		t.Fatal(err)
	}
	var people []*session.Participant
	for _, k := range []string{"a", "b", "c"} {
		p, err := svc.Join(ctx, sess.ID, k)
		if err != nil {
			t.Fatal(err)
		}
		people = append(people, p)
	}
	phase := func(ph session.Phase) {
		t.Helper()
		if _, err := svc.SetPhase(ctx, sess.ID, ph); err != nil {
			t.Fatal(err)
		}
	}
	phase(session.PhaseCheckIn)
	for _, p := range people[:2] {
		if err := svc.Rate(ctx, p.ID, 4); err != nil {
			t.Fatal(err)
		}
	}
	phase(session.PhaseWrite)
	if err := svc.Rate(ctx, people[2].ID, 1); err != nil {
		t.Fatal(err)
	}
	for _, ph := range []session.Phase{session.PhaseReveal, session.PhaseGroup, session.PhaseVote, session.PhaseActions, session.PhaseClosed} {
		phase(ph)
	}

	f := report.Build(load(t, svc, sess.ID))
	md, js := render(t, f)
	for _, want := range []string{
		"- Gave a confidence rating: 3, 1 of them held back and left out of this document (a rating shows only with others', never alone)",
		"3 ratings were given, 1 of them held back and left out (a rating shows only with others', never alone): 2 counted, fewer than 3, so the confidence is not shown",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the findings do not say %q:\n%s", want, md)
		}
	}
	var back report.Findings
	if err := json.Unmarshal([]byte(js), &back); err != nil {
		t.Fatal(err)
	}
	if p := back.Participation; p.Rated != 2 || p.HeldRatings != 1 || p.HeldChanges != 0 {
		t.Errorf("JSON participation %+v, want 2 rated and 1 held back", p)
	}
	// The campaign report says so too: it said nothing, and its figures read
	// as if the rating had never been given.
	cf, err := report.LoadCampaignReport(ctx, svc, "Pilot")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := cf.WriteMarkdown(&b); err != nil {
		t.Fatal(err)
	}
	if want := "1 rating given was held back in its session, waiting for others before it showed, and is left out of every figure here"; cf.RatingsHeldOut != 1 || !strings.Contains(b.String(), want) {
		t.Errorf("the campaign report counts %d ratings held out and does not say %q:\n%s", cf.RatingsHeldOut, want, b.String())
	}
}

// A change of a rating held back in a check-in gone back to leaves the rating
// shown before in the figures, and the findings say a change was left out.
func TestFindingsSayAChangeOfRatingWasHeldBack(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	svc := openService(t)
	sess, err := svc.NewSession(ctx, session.Session{Title: "Managers", Audience: session.AudienceManagers})
	if err != nil {
		t.Fatal(err)
	}
	var people []*session.Participant
	for _, k := range []string{"a", "b", "c"} {
		p, err := svc.Join(ctx, sess.ID, k)
		if err != nil {
			t.Fatal(err)
		}
		people = append(people, p)
	}
	for _, ph := range []session.Phase{session.PhaseCheckIn, session.PhaseWrite, session.PhaseCheckIn} {
		if _, err := svc.SetPhase(ctx, sess.ID, ph); err != nil {
			t.Fatal(err)
		}
		if ph == session.PhaseCheckIn {
			for _, p := range people {
				if err := svc.Rate(ctx, p.ID, 2); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	if err := svc.Rate(ctx, people[0].ID, 5); err != nil {
		t.Fatal(err)
	}
	f := report.Build(load(t, svc, sess.ID))
	md, _ := render(t, f)
	for _, want := range []string{
		"- Gave a confidence rating: 3\n",
		"- Changed their rating, the change held back and left out of this document (a rating shows only with others', never alone; their rating before counts): 1",
		"Mean 2.0",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the findings do not say %q:\n%s", want, md)
		}
	}
}
