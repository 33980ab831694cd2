package session

import (
	"context"
	"maps"
	"slices"

	"github.com/charter-tool/charter/analysis"
)

// BoardView is what the facilitator's board shows of a session, read at one moment.
type BoardView struct {
	Session *Session
	// People are the participants in joining order, removed ones included, without
	// their ratings: no screen shows whose rating is whose.
	People []*Participant
	// Ratings are the ratings as shown (see MinBatchRaters), removed participants'
	// included, sorted; Rated is how many people who joined (removed ones too, not
	// paper authors) they are of.
	Ratings []int
	Rated   int
	// Held counts the ratings given that no screen shows yet: Held.First people
	// rated beyond Rated. Counts only, as Rated: the board says how many wait, and
	// until when, never whose.
	Held HeldRatings
	// Notes are the notes shown on the board, hidden ones included, oldest batch
	// first, each batch in the order of its content, without authors (see
	// MinBatchWriters).
	Notes []*Note
	// Written is how many notes the board counts for each participant, by ID.
	Written map[int64]int
	// Batch is the last batch of notes released to the board when it was read.
	Batch int64
	// AddressBlocks are the network addresses closed to new participants by a
	// removal, which the facilitator may open again (LetAddressesIn).
	AddressBlocks []AddressBlock

	// From the group phase on: the themes, the dots per theme as last shown (a
	// removed participant's count too, as all they contributed; see ReleaseVotes),
	// the action points with their volunteers, and the ranking.
	Themes  []*Theme
	Totals  map[int64]int
	Actions []*ActionPoint
	Ranked  []analysis.Priority
	// Showing is how each theme reaches participants and the projector
	// (ThemeShowing): the board marks those they do not see, or see renamed.
	Showing map[int64]Showing
}

// PaperRatings is how many of the ratings shown are not counted in Rated: those
// imported from paper, whose authors joined no session and are no people who
// joined. A count only: which paper author gave which rating is never said.
func (v *BoardView) PaperRatings() int { return max(len(v.Ratings)-v.Rated, 0) }

// BoardView reads what the facilitator's board shows of a session in one read
// transaction.
func (s *Service) BoardView(ctx context.Context, sessionID string) (*BoardView, error) {
	var v BoardView
	err := s.store.ReadTx(ctx, func(st Store) error {
		var err error
		if v.Session, err = st.Session(ctx, sessionID); err != nil {
			return err
		}
		people, err := st.Participants(ctx, sessionID)
		if err != nil {
			return err
		}
		if v.Ratings, v.Held, err = st.ShownAndHeldRatings(ctx, sessionID); err != nil {
			return err
		}
		v.Rated, v.People = ratedPeople(v.Ratings, people), withoutRatings(people)
		all, err := st.Notes(ctx, sessionID)
		if err != nil {
			return err
		}
		v.Notes = boardNotes(all)
		if v.Written, v.Batch, err = st.Written(ctx, sessionID, 0); err != nil {
			return err
		}
		if !v.Session.Phase.AtLeast(PhaseGroup) {
			return nil
		}
		if v.Themes, err = st.Themes(ctx, sessionID); err != nil {
			return err
		}
		votes, err := st.ShownVotes(ctx, sessionID)
		if err != nil {
			return err
		}
		v.Totals = voteTotals(votes)
		list, err := st.Actions(ctx, sessionID)
		if err != nil {
			return err
		}
		// The board shows volunteers by the names they gave, never which
		// participants they are.
		v.Actions = ownVolunteering(withVolunteers(list, v.People), 0)
		v.Showing = ThemeShowing(v.Themes, all)
		shownFirst(v.Themes, v.Showing)
		v.Ranked = rankShown(shownThemes(v.Themes, v.Showing), all, v.Totals, len(people))
		return nil
	})
	if err != nil {
		return nil, err
	}
	v.AddressBlocks = s.AddressBlocks(sessionID)
	return &v, nil
}

// BoardViewAfterRelease brings v, a board view read before, up to date when nothing
// but the release of batches of notes (ChangeReleased) happened since: it reads only
// the notes and counts of the batches after v's, in one read transaction, and
// returns what BoardView would read now. From the group phase on the ranking counts
// every note, and it reads the whole view again. v is not changed.
//
// With a thousand people writing, hundreds of batches reach the board; reading every
// note and person again for each one was a third of the server's CPU.
func (s *Service) BoardViewAfterRelease(ctx context.Context, v *BoardView) (*BoardView, error) {
	if v.Session.Phase.AtLeast(PhaseGroup) {
		return s.BoardView(ctx, v.Session.ID)
	}
	var notes []*Note
	var written map[int64]int
	last := v.Batch
	err := s.store.ReadTx(ctx, func(st Store) error {
		var err error
		if written, last, err = st.Written(ctx, v.Session.ID, v.Batch); err != nil || last == v.Batch {
			return err
		}
		notes, err = st.NotesReleased(ctx, v.Session.ID, v.Batch)
		return err
	})
	if err != nil {
		return nil, err
	}
	out := *v
	sess := *v.Session
	out.Session = &sess
	// Every batch read now comes after every batch v has: the new notes go at the end,
	// in the order of their batches and content, as BoardView lists them.
	out.Notes = append(slices.Clip(v.Notes), boardNotes(notes)...)
	out.Written = maps.Clone(v.Written)
	if out.Written == nil {
		out.Written = map[int64]int{}
	}
	for id, n := range written {
		out.Written[id] += n
	}
	out.Batch = last
	return &out, nil
}

// Session returns one session as it is now.
func (s *Service) Session(ctx context.Context, id string) (*Session, error) {
	return s.store.Session(ctx, id)
}

// Sessions returns every session, newest first.
func (s *Service) Sessions(ctx context.Context) ([]*Session, error) {
	return s.store.Sessions(ctx)
}

// ParticipantView is what a participant's screen shows, read at one moment. Nothing
// in it tells who wrote a note other than the participant's own.
type ParticipantView struct {
	Session *Session
	Me      *Participant
	// Notes are the notes the participant may see (see NotesFor).
	Notes []*Note
	// Ratings are the session's ratings as shown (see MinBatchRaters), sorted, when
	// the facilitator shows them.
	Ratings []int

	// Themes are the session's themes from the group phase on, as ShownThemes
	// shows them: those with a visible note, each with its visible notes only.
	Themes []*Theme
	// MyVotes are the participant's dots by theme, in the vote phase.
	MyVotes map[int64]int
	// From the actions phase on (counts stay hidden while voting, so that early dots
	// do not steer later ones): dots per theme, ranking, action points.
	Totals  map[int64]int
	Ranked  []analysis.Priority
	Actions []*ActionPoint
	// MyChangeNotCounted says, from the actions phase on, that the participant's
	// dots as given differ from those the totals count: a change made after the
	// session was reopened waited for another person's, and none came.
	MyChangeNotCounted bool
	// Campaign are the other sessions of the campaign with action points, and
	// CampaignActions theirs by session ID, once the session is closed.
	Campaign        []*Session
	CampaignActions map[string][]*ActionPoint
}

// ParticipantView reads what a participant's screen shows in one read transaction.
// A removed participant gets EForbidden.
func (s *Service) ParticipantView(ctx context.Context, participantID int64) (*ParticipantView, error) {
	var v ParticipantView
	err := s.store.ReadTx(ctx, func(st Store) error {
		p, sess, err := s.current(ctx, st, participantID)
		if err != nil {
			return err
		}
		v.Session, v.Me = sess, p
		ph := sess.Phase
		var all []*Note
		if ph.NotesVisibleToAll() {
			all, err = st.Notes(ctx, sess.ID)
		} else {
			// Before the reveal only one's own notes are visible: read just those.
			all, err = st.NotesBy(ctx, p.ID)
		}
		if err != nil {
			return err
		}
		v.Notes = notesFor(p, sess, all)
		var people []*Participant
		if ph.AtLeast(PhaseActions) {
			if people, err = st.Participants(ctx, sess.ID); err != nil {
				return err
			}
		}
		if sess.RatingsShown {
			if v.Ratings, err = st.ShownRatings(ctx, sess.ID); err != nil {
				return err
			}
		}
		if !ph.AtLeast(PhaseGroup) {
			return nil
		}
		themes, err := st.Themes(ctx, sess.ID)
		if err != nil {
			return err
		}
		showing := ThemeShowing(themes, all)
		v.Themes = shownThemes(themes, showing)
		if ph != PhaseVote && !ph.AtLeast(PhaseActions) {
			return nil
		}
		if ph == PhaseVote {
			votes, err := st.Votes(ctx, sess.ID)
			v.MyVotes = myVotes(votes, p.ID)
			return err
		}
		votes, err := st.ShownVotes(ctx, sess.ID)
		if err != nil {
			return err
		}
		v.Totals = voteTotals(votes)
		given, err := st.Votes(ctx, sess.ID)
		if err != nil {
			return err
		}
		v.MyChangeNotCounted = changesNotCounted(given, votes)[p.ID]
		list, err := st.Actions(ctx, sess.ID)
		if err != nil {
			return err
		}
		v.Actions = ownVolunteering(shownActions(withVolunteers(list, people), showing), p.ID)
		v.Ranked = rankShown(v.Themes, all, v.Totals, len(people))
		if ph == PhaseClosed {
			v.Campaign, v.CampaignActions, err = campaignActions(ctx, st, sess)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return &v, nil
}
