package session

import "context"

// PlannedTwin is, for a session just made by hand, the session of the same
// campaign, audience and place made before it that has not begun, and how many
// people were invited to it: most often the one charter plan --create made for it,
// which would then be held twice, or stay in the plan as not held. A planned twin
// (people invited) is named before one made by hand, as the people invited hold
// its code and are in no other session's lobby. nil when there is none.
func PlannedTwin(made *Session, all []*Session, planned []SessionInvitations) (twin *Session, invited int) {
	if made.Campaign == "" {
		return nil, 0
	}
	counts := map[string]int{}
	for _, si := range planned {
		counts[si.Session.ID] = len(si.Invitees)
	}
	for _, o := range all {
		if o.ID == made.ID || o.Audience != made.Audience || o.Furthest() != PhaseLobby || o.Held ||
			CampaignKey(o.Campaign) != CampaignKey(made.Campaign) ||
			PlaceKey(o.Mode, o.Location) != PlaceKey(made.Mode, made.Location) {
			continue
		}
		if twin == nil || counts[o.ID] > 0 && counts[twin.ID] == 0 {
			twin = o
		}
	}
	if twin == nil {
		return nil, 0
	}
	return twin, counts[twin.ID]
}

// PlannedTwinOf is PlannedTwin over the sessions and the invitations stored: for a
// session made by hand on the home or with charter session new.
func (s *Service) PlannedTwinOf(ctx context.Context, made *Session) (*Session, int, error) {
	if made.Campaign == "" {
		return nil, 0, nil
	}
	all, err := s.Sessions(ctx)
	if err != nil {
		return nil, 0, err
	}
	planned, err := s.Invitations(ctx, made.Campaign)
	if err != nil {
		return nil, 0, err
	}
	twin, n := PlannedTwin(made, all, planned)
	return twin, n, nil
}
