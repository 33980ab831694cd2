package session

import (
	"context"
)

// Check-in ratings reach every screen as notes reach the board: if the chart changed
// the moment someone pressed a key, whoever watched the room or the people list would
// know their rating. So a new or changed rating is held back until the ratings of at
// least MinBatchRaters people are held, and then all of them are shown at once, or
// all held ones when the session first moves past the check-in (after that, one
// given or changed waits for two more: MinLateRaters). Screens see only ratings as last shown
// (Participant.ShownRating) and how many there are, never whose they are: the board
// counts raters instead of marking each one, since marking who joined a batch of two
// equal ratings would name both. Documents, a closed session's findings included,
// count the shown ones, as the screens do.

// MinBatchRaters is how many people's new or changed ratings are shown at once at
// least.
const MinBatchRaters = 2

// MinLateRaters is MinBatchRaters once the session has moved past the check-in.
// Those who rate then are mostly latecomers, whom the room saw come in: two of them
// released together would each know the other's rating.
const MinLateRaters = 3

// minRaters is how many people's held ratings sess shows at once.
func minRaters(sess *Session) int {
	if sess.Furthest().AtLeast(PhaseWrite) {
		return MinLateRaters
	}
	return MinBatchRaters
}

// HeldRatings counts the ratings of a session that no screen shows yet: First are
// people's first ratings, Changes changes to a rating shown. Counts only, never
// whose: the board, the documents and the question before closing say how many
// wait, and until when, so that a rating held is not read as one never given.
type HeldRatings struct{ First, Changes int }

// People is how many people's ratings are held.
func (h HeldRatings) People() int { return h.First + h.Changes }

// RatingStore is what batching ratings needs of a store. A rating is held while it
// differs from the participant's shown one.
type RatingStore interface {
	// HeldRatings counts the held ratings of a session.
	HeldRatings(ctx context.Context, sessionID string) (HeldRatings, error)
	// ReleaseRatings shows every held rating of a session.
	ReleaseRatings(ctx context.Context, sessionID string) error
	// ShownRatings returns a session's ratings as the screens show them (1-5 each),
	// removed participants' too (what they contributed stays), sorted, so that
	// nobody's rating can be told from its position. They count whoever gave them:
	// a database restored without its key secret no longer knows whose they are,
	// and still counts them.
	ShownRatings(ctx context.Context, sessionID string) ([]int, error)
	// ShownAndHeldRatings returns ShownRatings and HeldRatings in one statement,
	// for the views read at every change.
	ShownAndHeldRatings(ctx context.Context, sessionID string) ([]int, HeldRatings, error)
}

// releaseRatings shows a session's held ratings, in the transaction of st, when they
// are of at least MinBatchRaters people or the phase moves on (forced).
func releaseRatings(ctx context.Context, st Store, sessionID string, min int, forced bool) error {
	h, err := st.HeldRatings(ctx, sessionID)
	if n := h.People(); err != nil || !(n >= min || forced && n > 0) {
		return err
	}
	return st.ReleaseRatings(ctx, sessionID)
}

// ratedPeople counts the people who joined (not paper authors) whose rating is
// shown, removed people included: a count that dropped as someone was removed would
// tell whether they had rated. It counts the ratings shown less the paper authors'
// among them, so that a database restored without its key secret, which no longer
// knows whose rating is whose, still counts them (paper ratings too then, up to the
// number of people who joined).
func ratedPeople(shown []int, ps []*Participant) int {
	joined, paper := 0, 0
	for _, p := range ps {
		switch {
		case !p.Paper:
			joined++
		case p.ShownRating > 0:
			paper++
		}
	}
	return min(max(len(shown)-paper, 0), joined)
}

// withoutRatings strips every participant's own rating from ps (copies), for a view
// that shows ratings only as counted.
func withoutRatings(ps []*Participant) []*Participant {
	out := make([]*Participant, len(ps))
	for i, p := range ps {
		c := *p
		c.Rating, c.ShownRating = 0, 0
		out[i] = &c
	}
	return out
}
