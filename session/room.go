package session

import (
	"context"
	"maps"
	"slices"

	"github.com/charter-tool/charter/analysis"
)

// RoomView is what every participant screen of a session is built from, read once.
// When a change reaches a thousand screens, one RoomView serves them all instead of a
// thousand reads; For then adds what is one participant's own. It holds who wrote
// what, so it stays on the server: only what For returns reaches a screen.
type RoomView struct {
	Session *Session

	people map[int64]*Participant
	// notes are the notes every screen may list, in the order screens list them
	// (SortNotes from the reveal, writing order before), without their authors;
	// authors[i] wrote notes[i].
	notes   []*Note
	authors []int64
	// own are each participant's notes, oldest first, author kept: what their
	// screen lists before the reveal.
	own map[int64][]*Note

	ratings []int
	// themes are the themes participants see (ShownThemes).
	themes []*Theme
	// votes are each participant's dots by theme, in the vote phase.
	votes  map[int64]map[int64]int
	totals map[int64]int
	// notCounted are the participants whose dots as given differ from those the
	// totals count, from the actions phase on (see MyChangeNotCounted).
	notCounted      map[int64]bool
	ranked          []analysis.Priority
	actions         []*ActionPoint
	campaign        []*Session
	campaignActions map[string][]*ActionPoint
}

// RoomView reads, in one read transaction, what the participant screens of a session
// share: the same pieces ParticipantView reads, for everyone at once.
func (s *Service) RoomView(ctx context.Context, sessionID string) (*RoomView, error) {
	r := &RoomView{}
	err := s.store.ReadTx(ctx, func(st Store) error {
		sess, err := st.Session(ctx, sessionID)
		if err != nil {
			return err
		}
		r.Session = sess
		people, err := st.Participants(ctx, sessionID)
		if err != nil {
			return err
		}
		r.people = make(map[int64]*Participant, len(people))
		for _, p := range people {
			r.people[p.ID] = p
		}
		all, err := st.Notes(ctx, sessionID)
		if err != nil {
			return err
		}
		r.setNotes(all)
		ph := sess.Phase
		if sess.RatingsShown {
			if r.ratings, err = st.ShownRatings(ctx, sessionID); err != nil {
				return err
			}
		}
		if !ph.AtLeast(PhaseGroup) {
			return nil
		}
		themes, err := st.Themes(ctx, sessionID)
		if err != nil {
			return err
		}
		showing := ThemeShowing(themes, all)
		r.themes = shownThemes(themes, showing)
		if ph != PhaseVote && !ph.AtLeast(PhaseActions) {
			return nil
		}
		if ph == PhaseVote {
			votes, err := st.Votes(ctx, sessionID)
			if err != nil {
				return err
			}
			r.votes = map[int64]map[int64]int{}
			for _, v := range votes {
				if r.votes[v.ParticipantID] == nil {
					r.votes[v.ParticipantID] = map[int64]int{}
				}
				r.votes[v.ParticipantID][v.ThemeID] = v.Count
			}
			return nil
		}
		votes, err := st.ShownVotes(ctx, sessionID)
		if err != nil {
			return err
		}
		r.totals = voteTotals(votes)
		given, err := st.Votes(ctx, sessionID)
		if err != nil {
			return err
		}
		r.notCounted = changesNotCounted(given, votes)
		list, err := st.Actions(ctx, sessionID)
		if err != nil {
			return err
		}
		r.actions = shownActions(withVolunteers(list, people), showing)
		r.ranked = rankShown(r.themes, all, r.totals, len(r.people))
		if ph == PhaseClosed {
			r.campaign, r.campaignActions, err = campaignActions(ctx, st, sess)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

// setNotes keeps all of a session's notes (oldest first) as the screens list them.
func (r *RoomView) setNotes(all []*Note) {
	if !r.Session.Phase.NotesVisibleToAll() {
		r.own = map[int64][]*Note{}
		for _, n := range all {
			c := *n
			r.own[n.ParticipantID] = append(r.own[n.ParticipantID], &c)
		}
		return
	}
	// Sorting all notes and then leaving some out gives the order notesFor gives
	// each participant: the sort is stable and looks at no author.
	r.notes = make([]*Note, len(all))
	for i, n := range all {
		c := *n
		r.notes[i] = &c
	}
	SortNotes(r.notes)
	r.authors = make([]int64, len(r.notes))
	for i, n := range r.notes {
		r.authors[i], n.ParticipantID = n.ParticipantID, 0
	}
}

// For is what participantID's screen shows, as ParticipantView reads it; ok is false
// when the participant was not in the session when the room was read (then read
// their view with ParticipantView). A removed participant gets EForbidden. The
// notes, themes and actions are shared with every other screen: read them only.
func (r *RoomView) For(participantID int64) (v *ParticipantView, ok bool, err error) {
	p := r.people[participantID]
	if p == nil {
		return nil, false, nil
	}
	if p.Removed {
		return nil, true, Errorf(EForbidden, "The facilitator has removed you from this session.")
	}
	me := *p
	v = &ParticipantView{Session: r.Session, Me: &me, Ratings: r.ratings, Themes: r.themes,
		Totals: r.totals, Ranked: r.ranked, Actions: ownVolunteering(r.actions, participantID), Campaign: r.campaign, CampaignActions: r.campaignActions}
	if r.Session.Phase.NotesVisibleToAll() {
		v.Notes = make([]*Note, 0, len(r.notes))
		for i, n := range r.notes {
			switch {
			case r.authors[i] == participantID:
				c := *n
				c.ParticipantID = participantID
				v.Notes = append(v.Notes, &c)
			case !n.Hidden:
				v.Notes = append(v.Notes, n)
			}
		}
	} else {
		v.Notes = slices.Clone(r.own[participantID])
	}
	if len(v.Notes) == 0 {
		v.Notes = nil // as ParticipantView leaves it
	}
	v.MyChangeNotCounted = r.notCounted[participantID]
	if r.Session.Phase == PhaseVote {
		v.MyVotes = map[int64]int{}
		for t, c := range r.votes[participantID] {
			v.MyVotes[t] = c
		}
	}
	return v, true, nil
}

// changesNotCounted are the participants whose dots as given (given) differ from
// those the totals count (shown): a change made after a reopen that waited for
// another person's, which never came.
func changesNotCounted(given, shown []Vote) map[int64]bool {
	by := func(vs []Vote) map[int64]map[int64]int {
		out := map[int64]map[int64]int{}
		for _, v := range vs {
			if v.Count == 0 {
				continue
			}
			if out[v.ParticipantID] == nil {
				out[v.ParticipantID] = map[int64]int{}
			}
			out[v.ParticipantID][v.ThemeID] = v.Count
		}
		return out
	}
	g, s := by(given), by(shown)
	out := map[int64]bool{}
	for id, m := range g {
		if !maps.Equal(m, s[id]) {
			out[id] = true
		}
	}
	for id := range s {
		if _, ok := g[id]; !ok {
			out[id] = true
		}
	}
	return out
}
