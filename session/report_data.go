package session

import (
	"context"
	"fmt"
	"slices"
)

// ReportData is one session as its findings document sees it: everything the
// facilitator could see, hidden notes and removed participants included, for the
// report to leave out. It is read at one moment, so the pieces agree.
type ReportData struct {
	Session      *Session
	Participants []*Participant
	// Notes are all notes, hidden ones included, oldest first.
	Notes  []*Note
	Themes []*Theme
	// VoteTotals are the dots each theme got, removed participants' not counted;
	// none while people vote (VotesWithheld).
	VoteTotals map[int64]int
	// VotesWithheld is set while the session is in the vote phase: a document
	// exported after each person's "done" would tell how each spread their dots,
	// which the board and the projector do not show until voting ends.
	VotesWithheld bool
	// Actions have their volunteers' names filled in, removed participants left out.
	Actions []*ActionPoint
	// Ratings are the confidence ratings given (1-5), sorted so that nobody's
	// rating can be told from its position; while the session is live, those shown
	// (see MinBatchRaters), as in Participants.
	Ratings []int
	// HeldRatings counts the ratings given that are left out of Ratings, held
	// for others' (see MinBatchRaters): the document says how many, never whose,
	// so that a rating held is not read as one never given.
	HeldRatings HeldRatings
	// Splits are the pairs of themes (this session's with another's) that a
	// facilitator split apart: a campaign report never matches them.
	Splits [][2]int64
	// Joins are the pairs of themes (this session's with another's) that a
	// facilitator joined: a campaign report matches them as one.
	Joins [][2]int64
	// Writers counts the people with a note on the board, as the board counts
	// them: hidden and deleted notes included. A count over the visible notes
	// would move as the facilitator hid and showed notes one by one, and so tell
	// which notes share a writer.
	Writers int
}

// ReportData reads what the findings document of one session is built from.
func (s *Service) ReportData(ctx context.Context, sessionID string) (*ReportData, error) {
	var d *ReportData
	err := s.store.ReadTx(ctx, func(st Store) error {
		var err error
		d, err = readReportData(ctx, st, sessionID)
		return err
	})
	return d, err
}

// CampaignReportData reads every session of the named campaign (the name matching
// case-insensitively), in date order.
func (s *Service) CampaignReportData(ctx context.Context, campaign string) ([]*ReportData, error) {
	var out []*ReportData
	// One snapshot of the whole campaign, so that its sessions agree.
	err := s.store.ReadTx(ctx, func(st Store) error {
		all, err := st.Sessions(ctx)
		if err != nil {
			return fmt.Errorf("load sessions: %w", err)
		}
		for _, c := range Campaigns(all) {
			if !SameCampaign(c.Name, campaign) {
				continue
			}
			for _, sess := range c.Sessions {
				d, err := readReportData(ctx, st, sess.ID)
				if err != nil {
					return fmt.Errorf("load session %s: %w", sess.ID, err)
				}
				out = append(out, d)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, Errorf(ENotFound, "No session belongs to the campaign %q.", campaign)
	}
	return out, nil
}

// CampaignNames lists the names of the campaigns, the one with the latest session
// first.
func (s *Service) CampaignNames(ctx context.Context) ([]string, error) {
	all, err := s.store.Sessions(ctx)
	if err != nil {
		return nil, fmt.Errorf("list sessions: %w", err)
	}
	var names []string
	for _, c := range Campaigns(all) {
		if c.Name != "" {
			names = append(names, c.Name)
		}
	}
	return names, nil
}

// readReportData reads one session's report data from st; given a store bound to one
// read transaction, the pieces come from one moment.
func readReportData(ctx context.Context, st Store, sessionID string) (*ReportData, error) {
	d := &ReportData{VoteTotals: map[int64]int{}}
	var err error
	if d.Session, err = st.Session(ctx, sessionID); err != nil {
		return nil, err
	}
	if d.Participants, err = st.Participants(ctx, sessionID); err != nil {
		return nil, fmt.Errorf("load participants: %w", err)
	}
	if d.Notes, err = st.Notes(ctx, sessionID); err != nil {
		return nil, fmt.Errorf("load notes: %w", err)
	}
	// Only notes the board shows: one held back for a second writer (see
	// MinBatchWriters) in a document exported after each note would tie every
	// note to the moment it was written, and so to its writer.
	d.Notes = slices.DeleteFunc(d.Notes, func(n *Note) bool { return n.Batch == 0 })
	// Documents list notes in an order that says nothing about their authors.
	SortNotes(d.Notes)
	if d.Themes, err = st.Themes(ctx, sessionID); err != nil {
		return nil, fmt.Errorf("load themes: %w", err)
	}
	votes, err := st.ShownVotes(ctx, sessionID)
	if err != nil {
		return nil, fmt.Errorf("load votes: %w", err)
	}
	if d.Actions, err = st.Actions(ctx, sessionID); err != nil {
		return nil, fmt.Errorf("load action points: %w", err)
	}
	if d.Splits, err = st.ThemeSplits(ctx, sessionID); err != nil {
		return nil, fmt.Errorf("load theme splits: %w", err)
	}
	if d.Joins, err = st.ThemeJoins(ctx, sessionID); err != nil {
		return nil, fmt.Errorf("load theme joins: %w", err)
	}
	written, _, err := st.Written(ctx, sessionID, 0)
	if err != nil {
		return nil, fmt.Errorf("count writers: %w", err)
	}
	for _, n := range written {
		if n > 0 {
			d.Writers++
		}
	}
	for _, p := range d.Participants {
		// A document counts the ratings the screens show: one exported before and
		// after someone rates must not tell theirs (see MinBatchRaters). Moving past
		// the check-in for the first time shows every rating; one given or changed
		// alone after that stays out, of a closed session's findings too.
		p.Rating = p.ShownRating
	}
	// A removed participant's rating, votes and volunteering stay, as their notes
	// do: removal takes a person out of the room, not out of the results.
	if d.Ratings, d.HeldRatings, err = st.ShownAndHeldRatings(ctx, sessionID); err != nil {
		return nil, fmt.Errorf("load ratings: %w", err)
	}
	if d.Session.Phase == PhaseVote {
		d.VotesWithheld = true
		votes = nil
	}
	// Every dot counts, a removed participant's and one a database restored without
	// its key secret no longer knows the giver of.
	d.VoteTotals = voteTotals(votes)
	d.Actions = withVolunteers(d.Actions, d.Participants)
	return d, nil
}
