// Package demo seeds a data directory with a sample campaign, so that a newcomer sees
// every screen and document of charter within a minute, and keeps one of its sessions
// alive with simulated participants who add a note now and then. Everything goes
// through session.Service, as a real session would.
package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/charter-tool/charter/session"
)

// Campaign is the name of the sample campaign.
const Campaign = "Chartering demo"

// Sample is what Seed created.
type Sample struct {
	// Sessions are the campaign's sessions in the order they were held; the last is
	// Live.
	Sessions []*session.Session
	// Live is the session left in the write phase, where the simulated participants
	// write.
	Live *session.Session
	// People are the participants of Live, the simulated ones.
	People []*session.Participant
}

// LaterNotes is how many notes Simulate adds to the live session, one at a time:
// then the simulated participants have written all they had to say.
func LaterNotes() int { return len(sessions[len(sessions)-1].later) }

// Seed creates the sample campaign: finished sessions with notes in every area,
// themes, votes and action points, and one session in the write phase with a running
// timer. The store should hold no sessions yet (Seeded tells).
func Seed(ctx context.Context, svc *session.Service) (*Sample, error) {
	var out Sample
	for _, sp := range sessions {
		sess, people, err := seedSession(ctx, svc, sp)
		if err != nil {
			return nil, fmt.Errorf("demo session %q: %w", sp.title, err)
		}
		out.Sessions = append(out.Sessions, sess)
		out.Live, out.People = sess, people
	}
	if err := seedHypotheses(ctx, svc); err != nil {
		return nil, err
	}
	return &out, nil
}

// seedHypotheses states the program's hypotheses about the sample campaign and
// gives the verdicts a person gave, so that the campaign overview's hypotheses view
// and the campaign report show them with their evidence.
func seedHypotheses(ctx context.Context, svc *session.Service) error {
	for _, hs := range hypotheses {
		h, err := svc.AddHypothesis(ctx, Campaign, hs.text)
		if err != nil {
			return fmt.Errorf("demo hypothesis %q: %w", hs.text, err)
		}
		if hs.verdict == session.VerdictNone {
			continue
		}
		if _, err := svc.SetVerdict(ctx, Campaign, h.Number, hs.verdict, hs.why); err != nil {
			return fmt.Errorf("demo verdict on %q: %w", hs.text, err)
		}
	}
	return nil
}

// Seeded reports whether the store already holds sessions, which Seed would only add
// to: then Find gives the sample's live session, if it is there.
func Seeded(ctx context.Context, svc *session.Service) (bool, error) {
	list, err := svc.Sessions(ctx)
	if err != nil {
		return false, err
	}
	return len(list) > 0, nil
}

// Find returns the sample as it was seeded earlier: its sessions and the simulated
// participants of the live session, which rejoin with their keys. It returns nil
// when the store holds no live session of the sample.
func Find(ctx context.Context, svc *session.Service) (*Sample, error) {
	list, err := svc.Sessions(ctx)
	if err != nil {
		return nil, err
	}
	live := sessions[len(sessions)-1]
	var out Sample
	for _, s := range list {
		if s.Campaign != Campaign {
			continue
		}
		out.Sessions = append(out.Sessions, s)
		if s.Title == live.title {
			out.Live = s
		}
	}
	if out.Live == nil {
		return nil, nil
	}
	for i := range live.people {
		p, err := svc.Join(ctx, out.Live.ID, personKey(live, i))
		if err != nil {
			return nil, err
		}
		out.People = append(out.People, p)
	}
	return &out, nil
}

func personKey(sp sessionSpec, i int) string {
	return fmt.Sprintf("demo:%s:%d", sp.title, i+1)
}

// seedSession runs one session through the phases up to its last, doing in each what
// its people did.
func seedSession(ctx context.Context, svc *session.Service, sp sessionSpec) (*session.Session, []*session.Participant, error) {
	sess, err := svc.NewSession(ctx, session.Session{Title: sp.title, Audience: sp.audience, Location: sp.location,
		Mode: sp.mode, Campaign: Campaign, Date: sp.date})
	if err != nil {
		return nil, nil, err
	}
	var people []*session.Participant
	for i, pp := range sp.people {
		p, err := svc.Join(ctx, sess.ID, personKey(sp, i))
		if err != nil {
			return nil, nil, err
		}
		if err := svc.SetNameAndProfile(ctx, p, pp.name, pp.profile); err != nil {
			return nil, nil, err
		}
		people = append(people, p)
	}
	to := func(ph session.Phase) error {
		_, err := svc.SetPhase(ctx, sess.ID, ph)
		return err
	}
	if err := to(session.PhaseCheckIn); err != nil {
		return nil, nil, err
	}
	for i, pp := range sp.people {
		if pp.rating > 0 {
			if err := svc.Rate(ctx, people[i].ID, pp.rating); err != nil {
				return nil, nil, err
			}
		}
	}
	if err := svc.ShowRatings(ctx, sess.ID, true); err != nil {
		return nil, nil, err
	}
	if err := to(session.PhaseWrite); err != nil {
		return nil, nil, err
	}
	byKey := map[string][]int64{}
	for _, n := range sp.notes {
		added, err := svc.AddNote(ctx, people[n.who].ID, n.note())
		if err != nil {
			return nil, nil, err
		}
		byKey[n.theme] = append(byKey[n.theme], added.ID)
	}
	if sp.final == session.PhaseWrite {
		if _, err := svc.ChangeTimer(ctx, sess.ID, session.TimerSet, 12*time.Minute); err != nil {
			return nil, nil, err
		}
		if _, err := svc.ChangeTimer(ctx, sess.ID, session.TimerStart, 0); err != nil {
			return nil, nil, err
		}
		for _, i := range sp.done {
			if err := svc.SetDone(ctx, people[i].ID, true); err != nil {
				return nil, nil, err
			}
		}
		return reread(ctx, svc, sess, people)
	}
	for _, ph := range []session.Phase{session.PhaseReveal, session.PhaseGroup} {
		if err := to(ph); err != nil {
			return nil, nil, err
		}
	}
	var themes []session.Theme
	for _, t := range sp.themes {
		themes = append(themes, session.Theme{Label: t.label, Named: true, NoteIDs: byKey[t.key]})
	}
	if err := svc.SaveThemes(ctx, sess.ID, themes); err != nil {
		return nil, nil, err
	}
	saved, err := svc.Themes(ctx, sess.ID)
	if err != nil {
		return nil, nil, err
	}
	themeID := map[string]int64{}
	for i, t := range saved {
		themeID[sp.themes[i].key] = t.ID
	}
	if err := to(session.PhaseVote); err != nil {
		return nil, nil, err
	}
	for i, keys := range sp.votes {
		for _, k := range keys {
			if err := svc.Vote(ctx, people[i].ID, themeID[k], 1); err != nil {
				return nil, nil, err
			}
		}
	}
	if err := to(session.PhaseActions); err != nil {
		return nil, nil, err
	}
	volunteered := 0
	for _, a := range sp.actions {
		added, err := svc.AddAction(ctx, session.ActionPoint{SessionID: sess.ID, ThemeID: themeID[a.theme], Title: a.title,
			Priority: a.priority, Owner: a.owner, Status: a.status})
		if err != nil {
			return nil, nil, err
		}
		for _, i := range a.volunteers {
			// Under a contact of their choosing, as the participant's screen asks:
			// never the display name, which would tie the volunteer to the
			// participant's profile in a copy of the database.
			as := volunteerContacts[volunteered%len(volunteerContacts)]
			volunteered++
			if err := svc.VolunteerAs(ctx, people[i].ID, added.ID, as); err != nil {
				return nil, nil, err
			}
		}
	}
	if sp.final == session.PhaseClosed {
		if err := to(session.PhaseClosed); err != nil {
			return nil, nil, err
		}
	}
	return reread(ctx, svc, sess, people)
}

func reread(ctx context.Context, svc *session.Service, sess *session.Session, people []*session.Participant) (*session.Session, []*session.Participant, error) {
	s, err := svc.Session(ctx, sess.ID)
	return s, people, err
}

// Simulate keeps the live session going: every so often (every, give or take half of
// it) one of its simulated participants adds the next note of the sample, until the
// notes run out or ctx ends; now and then one says they are done. It waits while the
// session is in a phase that takes no notes. The order is fixed, so two runs look
// alike.
func Simulate(ctx context.Context, svc *session.Service, s *Sample, every time.Duration) error {
	err := simulate(ctx, svc, s, every)
	if ctx.Err() != nil {
		return nil // stopped, not failed
	}
	return err
}

func simulate(ctx context.Context, svc *session.Service, s *Sample, every time.Duration) error {
	live := sessions[len(sessions)-1]
	if s == nil || s.Live == nil || len(s.People) == 0 {
		return nil
	}
	// Skip what an earlier run already wrote.
	have, err := svc.BoardView(ctx, s.Live.ID)
	if err != nil {
		return err
	}
	written := map[string]bool{}
	for _, n := range have.Notes {
		written[n.Text] = true
	}
	for i, n := range live.later {
		if written[n.text] {
			continue
		}
		wait := every/2 + time.Duration(i*7919%1000)*every/1000
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(wait):
		}
		for {
			_, err := svc.AddNote(ctx, s.People[n.who%len(s.People)].ID, n.note())
			if err == nil {
				break
			}
			if session.ErrorCode(err) != session.EForbidden && session.ErrorCode(err) != session.ELimit {
				return err
			}
			// The facilitator moved on (or back), or the participant was removed or
			// is over the note limit: try again later.
			select {
			case <-ctx.Done():
				return nil
			case <-time.After(every):
			}
		}
		if i%4 == 3 {
			// Someone finishes; ignore a refusal (removed by the facilitator).
			_ = svc.SetDone(ctx, s.People[n.who%len(s.People)].ID, true)
		}
	}
	return nil
}
