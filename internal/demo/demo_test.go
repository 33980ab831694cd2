package demo_test

import (
	"context"
	"testing"
	"time"

	"github.com/charter-tool/charter/internal/demo"
	"github.com/charter-tool/charter/internal/testdb"
	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/report"
)

func openService(t *testing.T) *session.Service {
	t.Helper()
	db := testdb.Open(t)
	svc := session.NewService(db, nil)
	svc.Limits = session.DefaultLimits
	return svc
}

func TestSeedShowsEveryPart(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	svc := openService(t)
	if seeded, err := demo.Seeded(ctx, svc); err != nil || seeded {
		t.Fatalf("Seeded on an empty store = %v, %v", seeded, err)
	}
	s, err := demo.Seed(ctx, svc)
	if err != nil {
		t.Fatal(err)
	}
	if seeded, err := demo.Seeded(ctx, svc); err != nil || !seeded {
		t.Fatalf("Seeded after Seed = %v, %v", seeded, err)
	}
	if len(s.Sessions) < 3 {
		t.Fatalf("%d sessions, want a campaign of at least 3", len(s.Sessions))
	}
	for _, sess := range s.Sessions {
		if sess.Campaign != demo.Campaign {
			t.Errorf("%s is in campaign %q", sess.Title, sess.Campaign)
		}
		notes, err := notesOf(ctx, svc, sess.ID)
		if err != nil {
			t.Fatal(err)
		}
		areas := map[session.Area]bool{}
		for _, n := range notes {
			areas[n.Area] = true
		}
		if sess == s.Live {
			continue
		}
		if len(areas) != len(session.Areas) {
			t.Errorf("%s has notes in %d areas, want all %d", sess.Title, len(areas), len(session.Areas))
		}
		themes, err := svc.Themes(ctx, sess.ID)
		if err != nil {
			t.Fatal(err)
		}
		grouped := 0
		for _, th := range themes {
			grouped += len(th.NoteIDs)
		}
		if len(themes) < 3 || grouped != len(notes) {
			t.Errorf("%s: %d themes holding %d of %d notes, want every note grouped", sess.Title, len(themes), grouped, len(notes))
		}
		votes, err := svc.VoteTotals(ctx, sess.ID)
		if err != nil {
			t.Fatal(err)
		}
		actions, err := svc.Actions(ctx, sess.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(votes) == 0 || len(actions) == 0 {
			t.Errorf("%s: %d themes with votes and %d action points, want some of both", sess.Title, len(votes), len(actions))
		}
		if !sess.Phase.AtLeast(session.PhaseActions) {
			t.Errorf("%s is left in %s, want actions or closed", sess.Title, sess.Phase)
		}
	}
	if s.Live.Phase != session.PhaseWrite || !s.Live.Timer.Running {
		t.Errorf("the live session is in %s with timer %+v, want write with a running timer", s.Live.Phase, s.Live.Timer)
	}
}

// The campaign report and the overview's hypotheses view show each hypothesis with
// its evidence: the sample's hypotheses each match themes of its sessions, and some
// have a verdict while one waits for the newcomer's.
func TestSeedStatesHypothesesWithEvidence(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	svc := openService(t)
	if _, err := demo.Seed(ctx, svc); err != nil {
		t.Fatal(err)
	}
	f, err := report.LoadCampaignReport(ctx, svc, demo.Campaign)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Hypotheses) < 3 {
		t.Fatalf("the sample campaign's report has %d hypotheses, want at least 3", len(f.Hypotheses))
	}
	verdicts := map[bool]int{}
	for _, h := range f.Hypotheses {
		verdicts[h.Verdict != ""]++
		if len(h.Themes) == 0 || h.Notes == 0 {
			t.Errorf("H%d %q matches %d themes and %d notes of the sample, want evidence", h.Number, h.Text, len(h.Themes), h.Notes)
		}
		if h.Verdict != "" && h.Why == "" {
			t.Errorf("H%d has the verdict %q without a why", h.Number, h.Verdict)
		}
	}
	if verdicts[true] == 0 || verdicts[false] == 0 {
		t.Errorf("%d hypotheses with a verdict, %d without: want both, so that v has one to give", verdicts[true], verdicts[false])
	}
	// The profile questions show figures for a group of the sample: with every
	// answer folded into "other or not given", the tables showed the rule only.
	shown := 0
	for _, b := range f.Segments {
		if b.By != "mode" {
			shown += len(b.Segments)
		}
	}
	if shown == 0 {
		t.Errorf("no profile segment of the sample campaign shows figures: %+v", f.Segments)
	}
}

func TestSimulateAddsTheNotesOnceAcrossRuns(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	svc := openService(t)
	if _, err := demo.Seed(ctx, svc); err != nil {
		t.Fatal(err)
	}
	// As on a second start of the demo: the sample is found, not seeded again.
	s, err := demo.Find(ctx, svc)
	if err != nil || s == nil {
		t.Fatalf("Find = %v, %v", s, err)
	}
	before, err := notesOf(ctx, svc, s.Live.ID)
	if err != nil {
		t.Fatal(err)
	}
	// With no time between notes and no note limit, the run ends when the notes do.
	svc.Limits = session.Limits{}
	if err := demo.Simulate(ctx, svc, s, time.Nanosecond); err != nil {
		t.Fatal(err)
	}
	after, err := notesOf(ctx, svc, s.Live.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(after) <= len(before) {
		t.Fatalf("Simulate added no notes (%d before, %d after)", len(before), len(after))
	}
	people, err := peopleOf(ctx, svc, s.Live.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(people) != len(s.People) {
		t.Errorf("the live session has %d participants, want the %d simulated ones (Find must rejoin them, not add)", len(people), len(s.People))
	}
	if err := demo.Simulate(ctx, svc, s, time.Nanosecond); err != nil {
		t.Fatal(err)
	}
	again, err := notesOf(ctx, svc, s.Live.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(again) != len(after) {
		t.Errorf("a second run added %d notes already written", len(again)-len(after))
	}
}

func TestSimulateWaitsWhileTheSessionTakesNoNotes(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	svc := openService(t)
	s, err := demo.Seed(ctx, svc)
	if err != nil {
		t.Fatal(err)
	}
	before, err := notesOf(ctx, svc, s.Live.ID)
	if err != nil {
		t.Fatal(err)
	}
	// The facilitator moves on: notes are refused, and the participants wait.
	if _, err := svc.SetPhase(ctx, s.Live.ID, session.PhaseGroup); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- demo.Simulate(ctx, svc, s, time.Millisecond) }()
	// And back to writing: the notes come again.
	if _, err := svc.SetPhase(ctx, s.Live.ID, session.PhaseWrite); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(10 * time.Second); ; {
		now, err := notesOf(ctx, svc, s.Live.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(now) > len(before) {
			break
		}
		select {
		case err := <-done:
			t.Fatalf("Simulate ended (%v) instead of waiting for the write phase", err)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatal("no note was added after the session went back to writing")
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("Simulate ended with %v, want nil after its context ended", err)
	}
}

// notesOf returns a session's notes as the facilitator's board reads them.
func notesOf(ctx context.Context, svc *session.Service, id string) ([]*session.Note, error) {
	v, err := svc.BoardView(ctx, id)
	if err != nil {
		return nil, err
	}
	return v.Notes, nil
}

// peopleOf returns a session's participants as the facilitator's board reads them.
func peopleOf(ctx context.Context, svc *session.Service, id string) ([]*session.Participant, error) {
	v, err := svc.BoardView(ctx, id)
	if err != nil {
		return nil, err
	}
	return v.People, nil
}
