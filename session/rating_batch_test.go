package session_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/charter-tool/charter/session"
)

// ratingScreens is everything a screen can learn of the ratings: the board, the
// projector (which reads the board's view), a participant's screen with the chart
// shown, the shared room view participants' screens are built from, and a document
// exported while the session is live.
type ratingScreens struct {
	board, participant, room, document []int
	rated                              int
}

func lookAtRatings(t *testing.T, svc *session.Service, sessionID string, viewer *session.Participant) ratingScreens {
	t.Helper()
	ctx := context.Background()
	v, err := svc.BoardView(ctx, sessionID)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range v.People {
		if p.Rating != 0 || p.ShownRating != 0 {
			t.Fatalf("the board got %s's own rating", p.Pseudonym)
		}
	}
	pv, err := svc.ParticipantView(ctx, viewer.ID)
	if err != nil {
		t.Fatal(err)
	}
	rv, err := svc.RoomView(ctx, sessionID)
	if err != nil {
		t.Fatal(err)
	}
	shared, ok, err := rv.For(viewer.ID)
	if err != nil || !ok {
		t.Fatalf("room view for %s: %v, %v", viewer.Pseudonym, ok, err)
	}
	d, err := svc.ReportData(ctx, sessionID)
	if err != nil {
		t.Fatal(err)
	}
	return ratingScreens{board: v.Ratings, rated: v.Rated, participant: pv.Ratings, room: shared.Ratings, document: d.Ratings}
}

// At check-in five people rate, change their minds and rate again while everyone
// looks at their screens after every key press: a rating shows only together with a
// new or changed rating of someone else, or when the phase moves on.
func TestRatingsReachScreensInBatchesOfTwo(t *testing.T) {
	t.Parallel()
	svc, _ := MustOpenService(t)
	ctx := context.Background()
	sess := mustSession(t, svc)
	if _, err := svc.SetPhase(ctx, sess.ID, session.PhaseCheckIn); err != nil {
		t.Fatal(err)
	}
	var people []*session.Participant
	for i := range 5 {
		p, err := svc.Join(ctx, sess.ID, fmt.Sprintf("key-%d", i))
		if err != nil {
			t.Fatal(err)
		}
		people = append(people, p)
	}
	if err := svc.ShowRatings(ctx, sess.ID, true); err != nil {
		t.Fatal(err)
	}
	ana, ben, cleo, dan, eve := people[0], people[1], people[2], people[3], people[4]
	rate := func(p *session.Participant, r int) func() {
		return func() {
			if err := svc.Rate(ctx, p.ID, r); err != nil {
				t.Fatal(err)
			}
		}
	}
	moveOn := func() {
		if _, err := svc.SetPhase(ctx, sess.ID, session.PhaseWrite); err != nil {
			t.Fatal(err)
		}
	}
	steps := []struct {
		name  string
		do    func()
		shown []int
	}{
		{"Ana rates alone", rate(ana, 3), nil},
		{"Ana changes her mind alone", rate(ana, 2), nil},
		{"Ben rates too: both show", rate(ben, 5), []int{2, 5}},
		{"Cleo rates", rate(cleo, 1), []int{2, 5}},
		{"Ben presses his rating again", rate(ben, 5), []int{2, 5}},
		{"Dan rates: Cleo's and his show", rate(dan, 4), []int{1, 2, 4, 5}},
		{"Ana changes hers: held again", rate(ana, 4), []int{1, 2, 4, 5}},
		{"Eve rates: Ana's change and hers show", rate(eve, 3), []int{1, 3, 4, 4, 5}},
		{"Cleo changes hers", rate(cleo, 5), []int{1, 3, 4, 4, 5}},
		{"the session moves on: all show", moveOn, []int{3, 4, 4, 5, 5}},
	}
	for _, s := range steps {
		s.do()
		got := lookAtRatings(t, svc, sess.ID, eve)
		want := ratingScreens{board: s.shown, participant: s.shown, room: s.shown, document: s.shown, rated: len(s.shown)}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("%s: screens show %+v, want %+v", s.name, got, want)
		}
	}
	// A change alone after that stays out of the findings of the closed session
	// too: closing shows nothing waiting.
	if err := svc.Rate(ctx, cleo.ID, 2); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SetPhase(ctx, sess.ID, session.PhaseClosed); err != nil {
		t.Fatal(err)
	}
	d, err := svc.ReportData(ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := []int{3, 4, 4, 5, 5}; !slices.Equal(d.Ratings, want) {
		t.Errorf("the closed session's findings count %v, want %v", d.Ratings, want)
	}
}

// Ratings given once the session has moved past the check-in (mostly
// latecomers', whom the room saw come in) are shown three at a time at least: two
// latecomers' shown together would each tell the other's.
func TestLateRatingsShownInThrees(t *testing.T) {
	t.Parallel()
	svc, _ := MustOpenService(t)
	ctx := context.Background()
	sess, people := writingSession(t, svc, 4)
	for _, p := range people[:2] {
		if err := svc.Rate(ctx, p.ID, 4); err != nil {
			t.Fatal(err)
		}
	}
	if got := lookAtRatings(t, svc, sess.ID, people[0]); len(got.board) != 0 || len(got.document) != 0 || got.rated != 0 {
		t.Fatalf("two late ratings: %+v, want none shown", got)
	}
	if err := svc.Rate(ctx, people[2].ID, 1); err != nil {
		t.Fatal(err)
	}
	if err := svc.Rate(ctx, people[3].ID, 5); err != nil {
		t.Fatal(err)
	}
	got := lookAtRatings(t, svc, sess.ID, people[0])
	if want := []int{1, 4, 4}; !slices.Equal(got.board, want) || !slices.Equal(got.document, want) || got.rated != 3 {
		t.Fatalf("with the fourth rating held: %+v, want %v shown", got, want)
	}
	// The people's own ratings are theirs to see.
	pv, err := svc.ParticipantView(ctx, people[3].ID)
	if err != nil {
		t.Fatal(err)
	}
	if pv.Me.Rating != 5 || pv.Me.ShownRating != 0 {
		t.Errorf("the fourth rater sees their rating as %d (shown %d), want 5 (shown 0)", pv.Me.Rating, pv.Me.ShownRating)
	}
}
