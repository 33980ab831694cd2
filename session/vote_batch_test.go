package session_test

import (
	"context"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/charter-tool/charter/session"
)

// voteScreens returns the dot totals every screen and a document show of a session,
// failing when two of them disagree.
func voteScreens(t *testing.T, bd *board) map[int64]int {
	t.Helper()
	ctx := context.Background()
	v, err := bd.svc.BoardView(ctx, bd.sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	pv, err := bd.svc.ParticipantView(ctx, bd.a.ID)
	if err != nil {
		t.Fatal(err)
	}
	rv, err := bd.svc.RoomView(ctx, bd.sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	room, _, err := rv.For(bd.b.ID)
	if err != nil {
		t.Fatal(err)
	}
	d, err := bd.svc.ReportData(ctx, bd.sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	nonzero := func(m map[int64]int) map[int64]int {
		out := map[int64]int{}
		for id, n := range m {
			if n != 0 {
				out[id] = n
			}
		}
		return out
	}
	board := nonzero(v.Totals)
	others := map[string]map[int64]int{"document": d.VoteTotals}
	if v.Session.Phase.AtLeast(session.PhaseActions) {
		// Participants see totals from the actions on.
		others["participant"], others["room"] = pv.Totals, room.Totals
	}
	for name, m := range others {
		if !maps.Equal(board, nonzero(m)) {
			t.Fatalf("the board shows totals %v, the %s %v", board, name, m)
		}
	}
	return board
}

// votingBoard is a session in the vote phase with two themes of two notes each:
// late findings and training.
func votingBoard(t *testing.T) (bd *board, late, training int64) {
	t.Helper()
	bd = mustBoard(t, "threat models come too late", "pen test reports come too late", "no time for training", "training is dull")
	th := bd.themes(t, map[string][]int{"late findings": {0, 1}, "training": {2, 3}})
	bd.phase(t, session.PhaseVote)
	return bd, th[0].ID, th[1].ID
}

func (bd *board) vote(t *testing.T, p *session.Participant, theme int64, delta int) {
	t.Helper()
	if err := bd.svc.Vote(context.Background(), p.ID, theme, delta); err != nil {
		t.Fatal(err)
	}
}

// Going back to the vote once the totals were shown, and forward again, shows no
// single person's change of dots: the totals move only once at least two people
// changed theirs. Otherwise the facilitator could have one named person change a
// dot and read it off the totals.
func TestGoingBackToTheVoteShowsNoLoneChange(t *testing.T) {
	t.Parallel()
	bd, late, training := votingBoard(t)
	bd.vote(t, bd.a, late, 1)
	bd.vote(t, bd.b, late, 1)
	bd.phase(t, session.PhaseActions)
	first := map[int64]int{late: 2}
	if got := voteScreens(t, bd); !maps.Equal(got, first) {
		t.Fatalf("after the vote the screens show %v, want %v", got, first)
	}
	// One person moves a dot; forward again (and back to the group, and on).
	bd.phase(t, session.PhaseVote)
	bd.vote(t, bd.a, late, -1)
	bd.vote(t, bd.a, training, 1)
	for _, ph := range []session.Phase{session.PhaseActions, session.PhaseGroup, session.PhaseActions, session.PhaseClosed} {
		bd.phase(t, ph)
		if got := voteScreens(t, bd); !maps.Equal(got, first) {
			t.Fatalf("in %s after one person changed a dot the screens show %v, want %v as before", ph, got, first)
		}
	}
	// The participant still sees their own dots as they left them.
	bd.phase(t, session.PhaseVote)
	mine, err := bd.svc.MyVotes(context.Background(), bd.a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := map[int64]int{training: 1}; !maps.Equal(mine, want) {
		t.Fatalf("a's own dots are %v, want %v", mine, want)
	}
	// A second person changes too: forward again shows both changes.
	bd.vote(t, bd.b, late, -1)
	bd.vote(t, bd.b, training, 1)
	bd.phase(t, session.PhaseActions)
	if got, want := voteScreens(t, bd), map[int64]int{training: 2}; !maps.Equal(got, want) {
		t.Fatalf("after two people changed their dots the screens show %v, want %v", got, want)
	}
}

// A closed session reopened and closed again keeps a lone changed rating out of its
// findings, as the live screens do.
func TestReopenedSessionShowsNoLoneChangedRating(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	bd, _, _ := closedBoard(t)
	ratings := func() []int {
		t.Helper()
		d, err := bd.svc.ReportData(ctx, bd.sess.ID)
		if err != nil {
			t.Fatal(err)
		}
		return d.Ratings
	}
	before := ratings()
	bd.phase(t, session.PhaseCheckIn)
	if err := bd.svc.Rate(ctx, bd.a.ID, 4); err != nil {
		t.Fatal(err)
	}
	bd.phase(t, session.PhaseClosed)
	if got := ratings(); !slices.Equal(got, before) {
		t.Fatalf("closed again after one person changed their rating, the findings count %v; want %v as before", got, before)
	}
}

// Lowering the dot budget below what someone gave is refused without telling how
// many dots anyone gave: the refusal would tell the facilitator how one person
// spread theirs.
func TestBudgetRefusalTellsNoCount(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	bd, late, training := votingBoard(t)
	bd.vote(t, bd.a, late, 1)
	bd.vote(t, bd.a, training, 1)
	err := bd.svc.SetVoteBudget(ctx, bd.sess.ID, 1)
	if err == nil {
		t.Fatal("lowering the budget below the dots someone gave was accepted")
	}
	if msg := session.ErrorMessage(err); strings.ContainsAny(msg, "0123456789") {
		t.Fatalf("the refusal tells a count: %q", msg)
	}
	if err := bd.svc.SetVoteBudget(ctx, bd.sess.ID, 5); err != nil {
		t.Fatalf("raising the budget: %v", err)
	}
}

// In the first vote, going back to the group shows no totals: shown there, the first
// move on past the vote would then show one person's later dot on its own.
func TestFirstVoteShowsNoTotalsBeforeMovingOn(t *testing.T) {
	t.Parallel()
	bd, late, training := votingBoard(t)
	bd.vote(t, bd.a, late, 1)
	bd.vote(t, bd.b, late, 1)
	bd.phase(t, session.PhaseGroup)
	if got := voteScreens(t, bd); len(got) != 0 {
		t.Fatalf("back in the group during the first vote, the screens show totals %v", got)
	}
	bd.phase(t, session.PhaseVote)
	bd.vote(t, bd.a, training, 1)
	bd.phase(t, session.PhaseActions)
	if got, want := voteScreens(t, bd), map[int64]int{late: 2, training: 1}; !maps.Equal(got, want) {
		t.Fatalf("after the first vote the screens show %v, want %v", got, want)
	}
}
