package session

import (
	"sort"
	"time"
)

// Campaign is a series of sessions for one security program; its period runs from
// the day of its first session to the day of its last, zero while none has a day.
type Campaign struct {
	Name     string
	From, To time.Time
	Sessions []*Session
}

// Campaigns groups sessions by campaign, campaigns ordered by the day of their
// latest session that has one (newest first, those with no period after the others)
// and sessions by date (CompareDay: those with no day yet after the others);
// sessions without a campaign come last under an empty name. A campaign with a
// session that has no day yet counted as the newest and came first, above
// campaigns held after it.
func Campaigns(sessions []*Session) []Campaign {
	by := map[string]*Campaign{}
	var names []string
	for _, s := range sessions {
		// Names match whatever their case: the first spelling seen names the campaign.
		k := CampaignKey(s.Campaign)
		c := by[k]
		if c == nil {
			c = &Campaign{Name: s.Campaign}
			by[k] = c
			names = append(names, k)
		}
		c.Sessions = append(c.Sessions, s)
	}
	out := make([]Campaign, 0, len(names))
	for _, n := range names {
		c := by[n]
		c.From, c.To = period(c.Sessions)
		sort.SliceStable(c.Sessions, func(i, j int) bool { return CompareDay(c.Sessions[i], c.Sessions[j]) < 0 })
		out = append(out, *c)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if (out[i].Name == "") != (out[j].Name == "") {
			return out[j].Name == ""
		}
		if ti, tj := out[i].To, out[j].To; !ti.Equal(tj) {
			return tj.IsZero() || !ti.IsZero() && ti.After(tj)
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// period is the first and last day of the sessions. A session without a day given
// that never left the lobby (planned ahead, by "plan --create") has no day yet
// (NoDayYet): the day it was created is not when it is held. When no session has a
// day, the period is zero: the facilitator home said the day the sessions were
// planned, as if they had been held then.
func period(ss []*Session) (from, to time.Time) {
	dated := make([]*Session, 0, len(ss))
	for _, s := range ss {
		if !s.NoDayYet() {
			dated = append(dated, s)
		}
	}
	for i, s := range dated {
		if d := s.Day(); i == 0 || d.Before(from) {
			from = d
		}
		if d := s.Day(); i == 0 || d.After(to) {
			to = d
		}
	}
	return from, to
}
