package session

import (
	"sort"
	"time"
)

// Campaign is a series of sessions for one security program; its period runs from
// its first session to its last.
type Campaign struct {
	Name     string
	From, To time.Time
	Sessions []*Session
}

// Campaigns groups sessions by campaign, campaigns ordered by their latest session
// (newest first) and sessions by date; sessions without a campaign come last under
// an empty name.
func Campaigns(sessions []*Session) []Campaign {
	by := map[string]*Campaign{}
	var names []string
	for _, s := range sessions {
		c := by[s.Campaign]
		if c == nil {
			c = &Campaign{Name: s.Campaign, From: s.CreatedAt, To: s.CreatedAt}
			by[s.Campaign] = c
			names = append(names, s.Campaign)
		}
		c.Sessions = append(c.Sessions, s)
		if s.CreatedAt.Before(c.From) {
			c.From = s.CreatedAt
		}
		if s.CreatedAt.After(c.To) {
			c.To = s.CreatedAt
		}
	}
	out := make([]Campaign, 0, len(names))
	for _, n := range names {
		c := by[n]
		sort.SliceStable(c.Sessions, func(i, j int) bool { return c.Sessions[i].CreatedAt.Before(c.Sessions[j].CreatedAt) })
		out = append(out, *c)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if (out[i].Name == "") != (out[j].Name == "") {
			return out[j].Name == ""
		}
		if !out[i].To.Equal(out[j].To) {
			return out[i].To.After(out[j].To)
		}
		return out[i].Name < out[j].Name
	})
	return out
}
