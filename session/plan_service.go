package session

import (
	"context"
	"fmt"
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
	// TookPart returns what took part in the held sessions (someone joined or
	// notes were imported) of every campaign other than campaign.
	TookPart(ctx context.Context, exceptCampaign string) (TookPart, error)
	// InvitedTeams returns, per session of the campaign, the names of the teams it
	// invited; no people.
	InvitedTeams(ctx context.Context, campaign string) (map[string][]string, error)
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
// took part in other campaigns last (see MakePlan).
func (s *Service) PlanCampaign(ctx context.Context, opt PlanOptions) (*Plan, error) {
	ps, err := s.planStore()
	if err != nil {
		return nil, err
	}
	roster, err := s.Roster(ctx)
	if err != nil {
		return nil, err
	}
	if len(roster) == 0 {
		return nil, Errorf(ENotFound, "The roster is empty; import one with charter roster import.")
	}
	if opt.Earlier, err = ps.TookPart(ctx, opt.Campaign); err != nil {
		return nil, fmt.Errorf("earlier campaigns: %w", err)
	}
	return MakePlan(roster, opt)
}

// CreatePlan creates the sessions of a plan in the lobby, with their invitees. A
// campaign is planned once: when it already has planned sessions nothing is created.
func (s *Service) CreatePlan(ctx context.Context, p *Plan) ([]*Session, error) {
	ps, err := s.planStore()
	if err != nil {
		return nil, err
	}
	// Spelled as an existing campaign of the same name, whatever the case.
	if p.Campaign, err = campaignName(ctx, s.store, p.Campaign, ""); err != nil {
		return nil, err
	}
	have, err := ps.Invitations(ctx, p.Campaign)
	if err != nil {
		return nil, err
	}
	if len(have) > 0 {
		return nil, Errorf(EConflict, "The campaign %q already has %d planned sessions; nothing was created. Plan a new campaign, or delete its sessions first.",
			p.Campaign, len(have))
	}
	var sessions []*Session
	var invitees [][]int64
	for _, ps := range p.Sessions {
		title, err := ValidText(ps.Title, MaxTitleLen, "The title", true)
		if err != nil {
			return nil, err
		}
		date, err := ValidDate(ps.Date)
		if err != nil {
			return nil, err
		}
		sessions = append(sessions, &Session{Title: title, Audience: ps.Audience, Location: ps.Location, Mode: ps.Mode,
			Date: date, Campaign: p.Campaign, Phase: PhaseLobby, Activities: append([]string(nil), DefaultActivities...), VoteBudget: 3})
		ids := make([]int64, len(ps.Invitees))
		for i, inv := range ps.Invitees {
			ids[i] = inv.PersonID
		}
		invitees = append(invitees, ids)
	}
	if len(sessions) == 0 {
		return nil, Errorf(EInvalid, "The plan has no sessions.")
	}
	if err := ps.CreatePlan(ctx, sessions, invitees); err != nil {
		return nil, fmt.Errorf("create plan: %w", err)
	}
	s.publish(SessionList, ChangeSession)
	return sessions, nil
}

// Invitations returns the planned sessions of a campaign with their invitees.
func (s *Service) Invitations(ctx context.Context, campaign string) ([]SessionInvitations, error) {
	ps, err := s.planStore()
	if err != nil {
		return nil, err
	}
	return ps.Invitations(ctx, campaign)
}

// CoverageData is what a campaign report needs to say how much of the roster a
// campaign reached: teams without people, and which teams each session invited.
type CoverageData struct {
	Teams []RosterTeam
	// Invited maps a session ID to the names of the teams it invited.
	Invited map[string][]string
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
	return c, nil
}
