package session_test

import (
	"context"
	"sync"
	"testing"

	"github.com/charter-tool/charter/session"
)

// The same hypothesis added at once from several places (enter pressed twice, two
// facilitators) is stored once: the check for it and the insert are one
// transaction, and the numbers stay 1, 2, ... without a gap or a repeat.
func TestAddHypothesisAtOnceStoresItOnce(t *testing.T) {
	t.Parallel()
	svc, _ := MustOpenService(t)
	ctx := context.Background()
	const tries = 8
	var wg sync.WaitGroup
	errs := make([]error, tries)
	numbers := make([]int, tries)
	for i := range tries {
		wg.Add(1)
		go func() {
			defer wg.Done()
			h, err := svc.AddHypothesis(ctx, "Chartering 2027", "developers find pen tests too late")
			errs[i] = err
			if err == nil {
				numbers[i] = h.Number
			}
		}()
	}
	wg.Wait()
	added := 0
	for i, err := range errs {
		switch {
		case err == nil:
			added++
			if numbers[i] != 1 {
				t.Errorf("the hypothesis is numbered %d, want 1", numbers[i])
			}
		case session.ErrorCode(err) != session.EConflict:
			t.Errorf("err = %v, want stored or a conflict", err)
		}
	}
	hs, err := svc.Hypotheses(ctx, "Chartering 2027")
	if err != nil {
		t.Fatal(err)
	}
	if added != 1 || len(hs) != 1 {
		t.Fatalf("%d adds succeeded, %d hypotheses stored; want one of each", added, len(hs))
	}
	h, err := svc.AddHypothesis(ctx, "chartering 2027", "teams want deeper training")
	if err != nil || h.Number != 2 {
		t.Fatalf("the next hypothesis: %+v, %v; want number 2", h, err)
	}
}

// A hypothesis takes its campaign's name as the campaign spells it, whatever the
// case it was typed in: "H2 of chartering 2027" read as another campaign.
func TestAddHypothesisSpellsTheCampaignAsItIs(t *testing.T) {
	t.Parallel()
	svc, _ := MustOpenService(t)
	ctx := context.Background()
	if _, err := svc.NewSession(ctx, session.Session{Title: "Developers", Audience: session.AudienceDevelopers, Campaign: "Chartering 2027"}); err != nil {
		t.Fatal(err)
	}
	first, err := svc.AddHypothesis(ctx, "chartering 2027", "teams want deeper training")
	if err != nil || first.Campaign != "Chartering 2027" {
		t.Fatalf("first hypothesis: %+v, %v; want the campaign spelled Chartering 2027", first, err)
	}
	second, err := svc.AddHypothesis(ctx, "CHARTERING 2027", "pen tests come too late")
	if err != nil || second.Campaign != "Chartering 2027" || second.Number != 2 {
		t.Fatalf("second hypothesis: %+v, %v; want H2 of Chartering 2027", second, err)
	}
	// Hypotheses are often written before any session: then as typed.
	early, err := svc.AddHypothesis(ctx, "Chartering 2028", "champions need time")
	if err != nil || early.Campaign != "Chartering 2028" {
		t.Fatalf("hypothesis of a campaign without sessions: %+v, %v", early, err)
	}
}
