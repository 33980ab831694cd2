package session

import (
	"context"
	"fmt"
	"strings"
	"unicode"
)

// SessionEdit holds what the facilitator changes about a session after creating it;
// a nil field stays as it is.
type SessionEdit struct {
	Title, Location, Campaign, Date *string
	Audience                        *Audience
	Mode                            *Mode
}

// EditSession changes a session's title, location, campaign, audience, mode or date,
// checked as when it was created.
func (s *Service) EditSession(ctx context.Context, sessionID string, e SessionEdit) (*Session, error) {
	var sess *Session
	// One transaction: what changed meanwhile (the phase, the timer) is kept, and the
	// campaign is spelt as the sessions stored when it is written.
	err := s.store.WriteTx(ctx, func(st Store) error {
		var err error
		sess, err = s.editSession(ctx, st, sessionID, e)
		return err
	})
	if err != nil {
		return nil, err
	}
	s.publish(SessionList, ChangeSession)
	s.publish(sessionID, ChangeSession)
	return sess, nil
}

func (s *Service) editSession(ctx context.Context, st Store, sessionID string, e SessionEdit) (*Session, error) {
	sess, err := st.Session(ctx, sessionID)
	if err != nil {
		return nil, err
	}
	if e.Title != nil {
		if sess.Title, err = ValidText(*e.Title, MaxTitleLen, "The title", true); err != nil {
			return nil, err
		}
	}
	if e.Location != nil {
		if sess.Location, err = ValidText(*e.Location, MaxTitleLen, "The location", false); err != nil {
			return nil, err
		}
	}
	if e.Campaign != nil {
		if sess.Campaign, err = campaignName(ctx, st, *e.Campaign, sessionID); err != nil {
			return nil, err
		}
	}
	if e.Date != nil {
		if sess.Date, err = ValidDate(*e.Date); err != nil {
			return nil, err
		}
	}
	if e.Audience != nil {
		if !validAudience(*e.Audience) {
			return nil, Errorf(EInvalid, "Unknown audience %q; use one of %s.", *e.Audience, joinAudiences())
		}
		sess.Audience = *e.Audience
	}
	if e.Mode != nil {
		if *e.Mode != ModeInPerson && *e.Mode != ModeOnline {
			return nil, Errorf(EInvalid, "Unknown mode %q; use in-person or online.", *e.Mode)
		}
		sess.Mode = *e.Mode
	}
	if err := st.UpdateSessionDetails(ctx, sess); err != nil {
		return nil, fmt.Errorf("edit session: %w", err)
	}
	return sess, nil
}

// DeleteSession deletes a session with everything in it: participants, notes, themes,
// votes and action points.
func (s *Service) DeleteSession(ctx context.Context, sessionID string) error {
	if err := s.store.DeleteSession(ctx, sessionID); err != nil {
		return err
	}
	// Screens still on the session see that it is gone.
	s.publish(sessionID, ChangeSession)
	s.publish(SessionList, ChangeSession)
	return nil
}

// campaignName cleans a campaign name and spells it as an existing campaign of the
// same name in another case, so that "chartering 2026" joins "Chartering 2026"
// instead of starting a second campaign. except is a session not to learn from (the
// one being edited).
func campaignName(ctx context.Context, st Store, name, except string) (string, error) {
	name, err := ValidText(CampaignText(name), MaxTitleLen, "The campaign", false)
	if err != nil || name == "" {
		return name, err
	}
	all, err := st.Sessions(ctx)
	if err != nil {
		return "", err
	}
	for _, c := range Campaigns(all) {
		if SameCampaign(c.Name, name) && (len(c.Sessions) > 1 || c.Sessions[0].ID != except) {
			return c.Name, nil
		}
	}
	return name, nil
}

// SameCampaign reports whether two campaign names name the same campaign: case does
// not matter, and the empty name is no campaign.
func SameCampaign(a, b string) bool {
	return strings.TrimSpace(a) != "" && CampaignKey(a) == CampaignKey(b)
}

// CampaignKey is the form under which campaign names match: two names have the
// same key exactly when strings.EqualFold matches them, in any alphabet ("Sécurité"
// and "SÉCURITÉ"). Each letter becomes the smallest of the letters it folds to. The
// store matches names by this key too (SQLite's own NOCASE folds only A to Z).
// Runs of spaces count as one: "Chartering  2027", typed with two, is the
// campaign "Chartering 2027", not a second one that looks the same.
func CampaignKey(name string) string {
	return strings.Map(func(r rune) rune {
		least := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			least = min(least, f)
		}
		return least
	}, CampaignText(name))
}

// CampaignText is a campaign's name as typed, with runs of spaces made one.
func CampaignText(name string) string {
	return strings.Join(strings.Fields(name), " ")
}
