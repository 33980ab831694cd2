package session

import "context"

// The totals of dots every screen and document shows are the votes as last shown
// (Store.ShownVotes), not the live ones. The first time a session moves on beyond
// the vote, every dot is shown. Going back to the vote after that, and forward
// again, would otherwise let the facilitator have one person change a dot and read
// it off the totals; so leaving the vote shows the changes only when at least
// MinBatchVoters people changed their dots, as notes and ratings wait for a second
// person (a change alone keeps waiting, even in the findings of a session closed
// again). A participant always sees their own dots as they left them.

// MinBatchVoters is how many people's changes of dots are shown at once at least.
const MinBatchVoters = 2

// releaseVotes shows a session's changed dots, in the transaction of st, when they
// are of at least MinBatchVoters people or the session moves on beyond the vote for
// the first time (forced).
func releaseVotes(ctx context.Context, st Store, sessionID string, forced bool) error {
	n, err := st.HeldVoters(ctx, sessionID)
	if err != nil || !(n >= MinBatchVoters || forced && n > 0) {
		return err
	}
	return st.ReleaseVotes(ctx, sessionID)
}
