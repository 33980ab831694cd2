package session

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
)

// PlanStore keeps which roster people a campaign's sessions invite. An invitation
// ties a person to a session, never to a participant: who came and what they wrote
// cannot be told from it. session/sqlite implements it.
type PlanStore interface {
	// CreatePlan creates the sessions and records their invitees (invitees[i] are
	// the person IDs of sessions[i]) in one transaction: all or nothing.
	CreatePlan(ctx context.Context, sessions []*Session, invitees [][]int64) error
	// Invitations returns the planned sessions of a campaign (case-insensitive), by
	// session, each with its invitees, contacts included, for invitations.
	Invitations(ctx context.Context, campaign string) ([]SessionInvitations, error)
	// InviteeCount counts the people the plan invites to one session; 0 when it
	// is no planned session.
	InviteeCount(ctx context.Context, sessionID string) (int, error)
	// TookPart returns what took part in the held sessions (someone joined or
	// notes were imported) of every campaign other than campaign.
	TookPart(ctx context.Context, exceptCampaign string) (TookPart, error)
	// InvitedTeams returns, per session of the campaign, the names of the teams it
	// invited; no people.
	InvitedTeams(ctx context.Context, campaign string) (map[string][]string, error)
	// DeletedInvitations returns whom the deleted sessions of a campaign invited,
	// oldest deletion first.
	DeletedInvitations(ctx context.Context, campaign string) ([]DeletedInvitation, error)
	// Invite records that an existing session, which invites nobody yet, invites
	// the people personIDs (see SkippedSession.Invited).
	Invite(ctx context.Context, sessionID string, personIDs []int64) error
}

// DeletedInvitation is a person a deleted session of a campaign invited.
type DeletedInvitation struct {
	PersonID int64
	// Title is the deleted session's.
	Title string
	// Held says the session had been held: the person took part.
	Held bool
}

// SessionInvitations is one planned session with the people it invites.
type SessionInvitations struct {
	Session  *Session
	Invitees []Invitee
}

func (s *Service) planStore() (PlanStore, error) {
	ps, ok := s.store.(PlanStore)
	if !ok {
		return nil, fmt.Errorf("plan: the store %T keeps no plans", s.store)
	}
	return ps, nil
}

// PlanCampaign proposes the sessions of a campaign from the roster, putting what
// took part in other campaigns last (see MakePlan), both read as of one moment.
func (s *Service) PlanCampaign(ctx context.Context, opt PlanOptions) (*Plan, error) {
	if _, err := s.planStore(); err != nil {
		return nil, err
	}
	var p *Plan
	err := s.store.ReadTx(ctx, func(st Store) error {
		today := s.Today()
		var err error
		if p, err = planOf(ctx, st, opt, today); err != nil {
			return err
		}
		// The places sessions made by hand hold, as --create will find them.
		name, err := campaignName(ctx, st, p.Campaign, "")
		if err != nil {
			return err
		}
		have, campaign, err := campaignHolds(ctx, st, name)
		if err != nil {
			return err
		}
		markHeld(p, have, campaign, today)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

// planOf makes the plan of opt from the roster and what took part in other
// campaigns as st holds them.
func planOf(ctx context.Context, st Store, opt PlanOptions, today string) (*Plan, error) {
	ps, ok := st.(PlanStore)
	if !ok {
		return nil, fmt.Errorf("plan: the store %T keeps no plans", st)
	}
	rs, ok := st.(RosterStore)
	if !ok {
		return nil, fmt.Errorf("plan: the store %T keeps no roster", st)
	}
	roster, err := rs.Roster(ctx)
	if err != nil {
		return nil, err
	}
	if len(roster) == 0 {
		return nil, Errorf(ENotFound, "The roster is empty; import one with charter roster import.")
	}
	if opt.Earlier, err = ps.TookPart(ctx, opt.Campaign); err != nil {
		return nil, fmt.Errorf("earlier campaigns: %w", err)
	}
	planned, err := ps.Invitations(ctx, opt.Campaign)
	if err != nil {
		return nil, err
	}
	deleted, err := ps.DeletedInvitations(ctx, opt.Campaign)
	if err != nil {
		return nil, fmt.Errorf("deleted sessions: %w", err)
	}
	opt.Placed = placedOf(planned, deleted, today)
	all, err := st.Sessions(ctx)
	if err != nil {
		return nil, err
	}
	for _, x := range all {
		if SameCampaign(x.Campaign, opt.Campaign) {
			opt.Placed.Titles[strings.ToLower(strings.TrimSpace(x.Title))] = true
		}
	}
	for _, d := range deleted {
		opt.Placed.Titles[strings.ToLower(strings.TrimSpace(d.Title))] = true
	}
	return MakePlan(roster, opt)
}

// placedOf is what a campaign's planned sessions (and those deleted) did with the
// people they invited, today (YYYY-MM-DD).
func placedOf(planned []SessionInvitations, deleted []DeletedInvitation, today string) Placed {
	pl := Placed{People: map[int64]bool{}, Again: map[int64]string{}, Titles: map[string]bool{}}
	heldGone := map[string]bool{}
	for _, d := range deleted {
		if d.Held {
			// They took part before the session was deleted: placed, and the
			// session counts among those held.
			pl.People[d.PersonID] = true
			if !heldGone[d.Title] {
				heldGone[d.Title] = true
				pl.Sessions++
				pl.Held++
			}
			continue
		}
		pl.Again[d.PersonID] = marked(d.Title, "deleted")
	}
	for _, si := range planned {
		if si.Session.NotHeld() {
			for _, inv := range si.Invitees {
				pl.Again[inv.PersonID] = marked(si.Session.Title, "closed, not held")
			}
			continue
		}
		pl.Sessions++
		if si.Session.Held {
			pl.Held++
		}
		if si.Session.PastDay(today) {
			day := si.Session.Day()
			pl.PastDay = append(pl.PastDay, PastDaySession{Title: si.Session.Title, Said: PastDayText(day, PlannedNotHeld), Day: day, People: len(si.Invitees)})
		}
		for _, inv := range si.Invitees {
			pl.People[inv.PersonID] = true
		}
	}
	// A person placed again keeps what their deleted session invited them to:
	// the letter of their new session names it as called off (CalledOff). For
	// the plan they are placed, and that alone counts.
	for id := range pl.People {
		delete(pl.Again, id)
	}
	return pl
}

// marked writes a session's title with what became of it: "Developers, Lyon
// (deleted)"; a title that ends in parentheses of its own, as a plan's round
// does, takes the mark in them: "Developers, Lyon (2nd; deleted)", not
// "Developers, Lyon (2nd) (deleted)".
func marked(title, mark string) string {
	t := strings.TrimSpace(title)
	if strings.HasSuffix(t, ")") && strings.Contains(t, "(") {
		return t[:len(t)-1] + "; " + mark + ")"
	}
	return t + " (" + mark + ")"
}

// PlanCreated is what CreatePlan did with each of a plan's sessions, in plan order.
type PlanCreated struct {
	// Plan is the plan made: the one check saw.
	Plan    *Plan
	Created []CreatedSession
	// Skipped are the plan's sessions the campaign holds already (see HeldBy).
	Skipped []SkippedSession
}

// CreatedSession is one of a plan's sessions as created.
type CreatedSession struct {
	Planned PlannedSession
	Session *Session
}

// SkippedSession is one of a plan's sessions not created, since the campaign's
// session Holder, made by hand, holds its place.
type SkippedSession struct {
	Planned PlannedSession
	Holder  *Session
	// Invited are the people of Planned now invited to Holder: those invited
	// before to a session called off (Invitee.PlannedBefore), whose letter names a
	// session that will not take place, when Holder has not begun. The others of
	// Planned are not invited: who comes to a session made by hand is for its
	// facilitator to say.
	Invited []Invitee
}

// campaignHolds reads what the campaign name holds: its planned sessions with
// their invitations, and all its sessions, made by hand or planned.
func campaignHolds(ctx context.Context, st Store, name string) ([]SessionInvitations, []*Session, error) {
	have, err := st.(PlanStore).Invitations(ctx, name)
	if err != nil {
		return nil, nil, err
	}
	all, err := st.Sessions(ctx)
	if err != nil {
		return nil, nil, err
	}
	return have, slices.DeleteFunc(all, func(x *Session) bool { return !SameCampaign(x.Campaign, name) }), nil
}

// HeldSlot is the session made by hand that holds a planned session's place
// (HeldBy): --create makes no session there.
type HeldSlot struct {
	SessionID string `json:"session_id"`
	Title     string `json:"title"`
	Code      string `json:"code"`
	// StandsIn says whether it takes the people of the place who were invited
	// before to a session called off (see standsIn); Invited is how many they are.
	StandsIn bool `json:"stands_in"`
	Invited  int  `json:"invited"`
}

// markHeld sets HeldBy on each session of p whose place a session of the campaign
// made by hand holds, and returns those sessions by p's order (nil where none):
// the plan shown says what --create will do there, as --create does it. Only a
// session made by hand holds a place: those planned before (have) placed their
// people, whom the plan leaves out already.
func markHeld(p *Plan, have []SessionInvitations, campaign []*Session, today string) []*Session {
	byHand := slices.DeleteFunc(slices.Clone(campaign), func(x *Session) bool {
		return slices.ContainsFunc(have, func(si SessionInvitations) bool { return si.Session.ID == x.ID })
	})
	holders := HeldBy(p.Sessions, byHand)
	for i, h := range holders {
		if h == nil {
			continue
		}
		slot := &HeldSlot{SessionID: h.ID, Title: h.Title, Code: h.Code, StandsIn: standsIn(h, today)}
		if slot.StandsIn {
			slot.Invited = len(invitedBefore(p.Sessions[i]))
		}
		p.Sessions[i].HeldBy = slot
	}
	return holders
}

// invitedBefore are the people of a planned session who were invited before to
// a session that will not be held.
func invitedBefore(plan PlannedSession) []Invitee {
	var out []Invitee
	for _, inv := range plan.Invitees {
		if inv.PlannedBefore != "" {
			out = append(out, inv)
		}
	}
	return out
}

// standsIn says whether h, a session made by hand holding a plan's place, can
// take the people of that place who were invited before: it is still to come, on
// today (YYYY-MM-DD) or later. One whose day passed in the lobby would take them
// to a session that is not held either, and invite would refuse its letters.
func standsIn(h *Session, today string) bool {
	return h.Furthest() == PhaseLobby && !h.Held && !h.PastDay(today)
}

// CreatePlan makes the plan of opt as the roster and the other campaigns give it
// when it is made: in one write transaction it builds the plan, runs check on it
// (when not nil), and creates its sessions in the lobby with their invitees. When
// check returns an error nothing is created and CreatePlan returns it: a caller
// that showed a plan checks its ID there, and no session held nor person added
// elsewhere can come between that check and the sessions made (they wait for the
// transaction). What the campaign holds already is left out: people its planned
// sessions held or to come invite are not planned again (see Placed; when that
// leaves the plan empty, nothing is created and the error says what the campaign
// holds), and a session made by hand of the same audience and place is not made a
// second time: it stands in for the plan's, and takes the people of it who were
// invited before to a session called off (see SkippedSession.Invited). A plan with
// nothing to create is refused before check runs: its message says why, where a
// changed plan ID would not.
func (s *Service) CreatePlan(ctx context.Context, opt PlanOptions, check func(p *Plan) error) (*PlanCreated, error) {
	if _, err := s.planStore(); err != nil {
		return nil, err
	}
	var done *PlanCreated
	err := s.store.WriteTx(ctx, func(st Store) error {
		ps, ok := st.(PlanStore)
		if !ok {
			return fmt.Errorf("plan: the store %T keeps no plans", st)
		}
		today := s.Today()
		p, err := planOf(ctx, st, opt, today)
		if err != nil {
			return err
		}
		// Spelled as an existing campaign of the same name, whatever the case.
		if p.Campaign, err = campaignName(ctx, st, p.Campaign, ""); err != nil {
			return err
		}
		have, campaign, err := campaignHolds(ctx, st, p.Campaign)
		if err != nil {
			return err
		}
		if len(p.Sessions) == 0 && len(have) > 0 {
			return Errorf(EConflict, "The campaign %q already has %s; nothing was created. They invite everyone this plan would; the people of a planned session that will not be held are offered again once it is deleted or closed.",
				p.Campaign, campaignCount(have, campaign, s.Today()))
		}
		if len(p.Sessions) == 0 {
			return Errorf(EInvalid, "The plan has no sessions.")
		}
		if check != nil {
			if err := check(p); err != nil {
				return err
			}
		}
		if len(p.crossMoves) > 0 && !p.crossMeant {
			// Said in the preview, but an invitation made from it tells the
			// person they are one of the session's audience: made only on purpose.
			return Errorf(EInvalid, "%s Nothing was created: to create the plan with this move, add --cross-audience; or move them into a session for %s.",
				strings.Join(p.crossMoves, " "), crossAudiences(p))
		}
		holders := markHeld(p, have, campaign, today)
		done = &PlanCreated{Plan: p}
		var sessions []*Session
		var invitees [][]int64
		invited := 0
		for i, plan := range p.Sessions {
			if h := holders[i]; h != nil {
				sk := SkippedSession{Planned: plan, Holder: h}
				if plan.HeldBy.StandsIn {
					sk.Invited = invitedBefore(plan)
				}
				invited += len(sk.Invited)
				done.Skipped = append(done.Skipped, sk)
				continue
			}
			title, err := ValidText(plan.Title, MaxTitleLen, "The title", true)
			if err != nil {
				return err
			}
			date, err := ValidDate(plan.Date)
			if err != nil {
				return err
			}
			sess := &Session{Title: title, Audience: plan.Audience, Location: plan.Location, Mode: plan.Mode,
				Date: date, Campaign: p.Campaign, Phase: PhaseLobby, Activities: append([]string(nil), DefaultActivities...), VoteBudget: 3}
			sessions = append(sessions, sess)
			done.Created = append(done.Created, CreatedSession{Planned: plan, Session: sess})
			ids := make([]int64, len(plan.Invitees))
			for j, inv := range plan.Invitees {
				ids[j] = inv.PersonID
			}
			invitees = append(invitees, ids)
		}
		if len(sessions) == 0 && invited == 0 {
			held := make([]string, len(done.Skipped))
			var past []string
			for i, sk := range done.Skipped {
				held[i] = fmt.Sprintf("%d. %s (as %q)", sk.Planned.Number, sk.Planned.Title, sk.Holder.Title)
				if sk.Holder.PastDay(today) && len(invitedBefore(sk.Planned)) > 0 {
					past = append(past, fmt.Sprintf("%q", sk.Holder.Title))
				}
			}
			why := ""
			if len(past) > 0 {
				// Its people hold a letter for a session called off, and the one
				// made by hand would take them but for its day, which passed.
				why = fmt.Sprintf(" %s, made by hand, would take the people invited before to a session called off, but its day passed before it was held: give it a new day (charter session edit --date) and plan again.",
					strings.Join(past, " and "))
			}
			return Errorf(EConflict, "The campaign %q already holds every session of the plan, made by hand with the same audience and place: %s; nothing was created.%s",
				p.Campaign, strings.Join(held, ", "), why)
		}
		if err := ps.CreatePlan(ctx, sessions, invitees); err != nil {
			return fmt.Errorf("create plan: %w", err)
		}
		for _, sk := range done.Skipped {
			if len(sk.Invited) == 0 {
				continue
			}
			ids := make([]int64, len(sk.Invited))
			for j, inv := range sk.Invited {
				ids[j] = inv.PersonID
			}
			if err := ps.Invite(ctx, sk.Holder.ID, ids); err != nil {
				return fmt.Errorf("invite to %s: %w", sk.Holder.ID, err)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	s.publish(SessionList, ChangeSession)
	return done, nil
}

// campaignCount says what a planned campaign holds, counted today (YYYY-MM-DD):
// "13 sessions: 12 planned (1 of them held, 1 closed without being held) and 1
// made by hand".
func campaignCount(planned []SessionInvitations, campaign []*Session, today string) string {
	held, notHeld := 0, 0
	var past []string
	for _, pl := range planned {
		switch {
		case pl.Session.NotHeld():
			notHeld++
		case pl.Session.Held || pl.Session.Furthest() != PhaseLobby:
			held++
		case pl.Session.PastDay(today):
			past = append(past, pl.Session.Title+" "+PastDayText(pl.Session.Day(), PlannedNotHeld))
		}
	}
	n, byHand := len(planned), len(campaign)-len(planned)
	out := fmt.Sprintf("%d planned %s", n, pluralWord(n, "session", "sessions"))
	if byHand > 0 {
		out = fmt.Sprintf("%d sessions: %d planned", len(campaign), n)
	}
	switch {
	case held > 0 && notHeld > 0:
		out += fmt.Sprintf(" (%d of them held, %d closed without being held)", held, notHeld)
	case held > 0:
		out += fmt.Sprintf(" (%d of them held)", held)
	case notHeld > 0:
		out += fmt.Sprintf(" (%d of them closed without being held)", notHeld)
	}
	if byHand > 0 {
		out += fmt.Sprintf(" and %d made by hand", byHand)
	}
	if len(past) > 0 {
		// In the lobby still, but not to come: said, or it reads as ahead.
		out += "; " + strings.Join(past, "; ")
	}
	return out
}

// crossAudiences names the audiences of the people a plan moved into a session of
// another audience, for the message that refuses it.
func crossAudiences(p *Plan) string {
	var auds []string
	for _, s := range p.Sessions {
		for _, inv := range s.Invitees {
			if a := string(inv.Role.Audience()); inv.Role.Audience() != s.Audience && !slices.Contains(auds, a) {
				auds = append(auds, a)
			}
		}
	}
	return strings.Join(auds, " or ")
}

// HeldBy returns, for each of a plan's sessions (by index), the session of held (a
// campaign's sessions) that holds its place already, or nil. A planned session is
// its audience, its place (its location whatever the case, or online) and its slot
// among the plan's sessions of that audience and place. A held session of the same
// audience and place takes the slot whose title it has (a person may have copied
// the plan's); the others take the slots left, in plan order, oldest session
// first: a campaign with two sessions of developers in Berlin holds the plan's
// first two.
func HeldBy(planned []PlannedSession, held []*Session) []*Session {
	type place struct {
		aud   Audience
		where string // PlaceKey
	}
	placeOf := func(a Audience, m Mode, location string) place {
		return place{aud: a, where: PlaceKey(m, location)}
	}
	out := make([]*Session, len(planned))
	left := map[place][]*Session{}
	held = slices.Clone(held)
	slices.SortStableFunc(held, func(a, b *Session) int {
		return cmp.Or(a.CreatedAt.Compare(b.CreatedAt), cmp.Compare(a.ID, b.ID))
	})
	for _, h := range held {
		k := placeOf(h.Audience, h.Mode, h.Location)
		if k.where != "" {
			left[k] = append(left[k], h)
		}
	}
	// By title first, then in order.
	for i, ps := range planned {
		k := placeOf(ps.Audience, ps.Mode, ps.Location)
		// A title the campaign had made the plan's another (planTitle): the
		// session of the title the rules give holds it.
		titled := func(h *Session) bool {
			t := strings.TrimSpace(h.Title)
			return strings.EqualFold(t, ps.Title) || ps.planned != "" && strings.EqualFold(t, ps.planned)
		}
		if j := slices.IndexFunc(left[k], titled); j >= 0 {
			out[i] = left[k][j]
			left[k] = slices.Delete(left[k], j, j+1)
		}
	}
	for i, ps := range planned {
		if k := placeOf(ps.Audience, ps.Mode, ps.Location); out[i] == nil && len(left[k]) > 0 {
			out[i], left[k] = left[k][0], left[k][1:]
		}
	}
	return out
}

// Invitations returns the planned sessions of a campaign with their invitees.
func (s *Service) Invitations(ctx context.Context, campaign string) ([]SessionInvitations, error) {
	ps, err := s.planStore()
	if err != nil {
		return nil, err
	}
	return ps.Invitations(ctx, campaign)
}

// InviteeCount counts the people the campaign's plan invites to the session; 0
// when it is no planned session.
func (s *Service) InviteeCount(ctx context.Context, sessionID string) (int, error) {
	ps, err := s.planStore()
	if err != nil {
		return 0, err
	}
	return ps.InviteeCount(ctx, sessionID)
}

// CalledOff returns, per person of the roster, the sessions of a campaign they
// were invited to that will not be held: deleted before they were held, or closed
// without being held. Their letter to the session made for them in its place says
// so, or a person invited twice has two days and no word which holds.
func (s *Service) CalledOff(ctx context.Context, campaign string) (map[int64][]string, error) {
	if _, err := s.planStore(); err != nil {
		return nil, err
	}
	out := map[int64][]string{}
	add := func(id int64, title string) {
		if !slices.Contains(out[id], title) {
			out[id] = append(out[id], title)
		}
	}
	err := s.store.ReadTx(ctx, func(st Store) error {
		ps, ok := st.(PlanStore)
		if !ok {
			return fmt.Errorf("plan: the store %T keeps no plans", st)
		}
		deleted, err := ps.DeletedInvitations(ctx, campaign)
		if err != nil {
			return fmt.Errorf("deleted sessions: %w", err)
		}
		for _, d := range deleted {
			if !d.Held {
				add(d.PersonID, d.Title)
			}
		}
		planned, err := ps.Invitations(ctx, campaign)
		if err != nil {
			return err
		}
		for _, si := range planned {
			if si.Session.NotHeld() {
				for _, inv := range si.Invitees {
					add(inv.PersonID, si.Session.Title)
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// CoverageData is what a campaign report needs to say how much of the roster a
// campaign reached: teams without people, and which teams each session invited.
type CoverageData struct {
	Teams []RosterTeam
	// Invited maps a session ID to the names of the teams it invited.
	Invited map[string][]string
	// InvitedPeople maps a session ID to how many people it invited: a count,
	// never who.
	InvitedPeople map[string]int
	// InPlace maps the ID of a session made by hand and held to the planned
	// session, not held, whose place it holds by the rule of HeldBy (same
	// audience and place; by title first): run in its place, it stands for it.
	InPlace map[string]*Session
}

// Coverage gathers the CoverageData of a campaign; Teams is empty when there is
// no roster.
func (s *Service) Coverage(ctx context.Context, campaign string) (CoverageData, error) {
	ps, err := s.planStore()
	if err != nil {
		return CoverageData{}, err
	}
	roster, err := s.Roster(ctx)
	if err != nil {
		return CoverageData{}, err
	}
	c := CoverageData{}
	for _, t := range roster {
		c.Teams = append(c.Teams, t.RosterTeam)
	}
	if c.Invited, err = ps.InvitedTeams(ctx, campaign); err != nil {
		return CoverageData{}, err
	}
	invs, err := ps.Invitations(ctx, campaign)
	if err != nil {
		return CoverageData{}, err
	}
	c.InvitedPeople = map[string]int{}
	for _, si := range invs {
		c.InvitedPeople[si.Session.ID] = len(si.Invitees)
	}
	if c.InPlace, err = s.heldInPlace(ctx, campaign, invs); err != nil {
		return CoverageData{}, err
	}
	return c, nil
}

// heldInPlace pairs the sessions of a campaign made by hand and held with the
// planned sessions (invs) not held, neither closed nor begun, of the same audience
// and place, as HeldBy pairs a plan's sessions with those made by hand: a
// facilitator who made "Developers, Berlin" by hand and ran it instead of the
// planned one held the planned one's place. Only a planned session whose day has
// come (or that has none) is taken as replaced, and only by a session made after
// it and held no earlier than its day: one planned for next month is still to
// come, and a pilot held before the plan was made replaced nothing.
func (s *Service) heldInPlace(ctx context.Context, campaign string, invs []SessionInvitations) (map[string]*Session, error) {
	all, err := s.store.Sessions(ctx)
	if err != nil {
		return nil, err
	}
	today := s.Today()
	var standing []*Session
	var planned []PlannedSession
	for _, si := range invs {
		if x := si.Session; !x.Held && x.Phase != PhaseClosed && (x.Date == "" || x.Date <= today) {
			standing = append(standing, x)
			planned = append(planned, PlannedSession{Title: x.Title, Audience: x.Audience, Location: x.Location, Mode: x.Mode})
		}
	}
	var byHand []*Session
	for _, x := range all {
		if x.Held && SameCampaign(x.Campaign, campaign) &&
			!slices.ContainsFunc(invs, func(si SessionInvitations) bool { return si.Session.ID == x.ID }) {
			byHand = append(byHand, x)
		}
	}
	out := map[string]*Session{}
	if len(standing) == 0 || len(byHand) == 0 {
		return out, nil
	}
	for i, h := range HeldBy(planned, byHand) {
		p := standing[i]
		if h == nil || h.CreatedAt.Before(p.CreatedAt) || p.Date != "" && h.Day().Before(p.Day()) {
			continue
		}
		out[h.ID] = p
	}
	return out, nil
}
