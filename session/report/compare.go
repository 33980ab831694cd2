package report

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/charter-tool/charter/analysis"
	"github.com/charter-tool/charter/session"
)

// Comparison follows a campaign up on an earlier one: which concerns are new,
// which persist and which are gone, how confidence moved per audience, and what
// became of the earlier action points ("you said, we did").
type Comparison struct {
	Earlier     string `json:"earlier_campaign"`
	EarlierFrom string `json:"earlier_from"`
	EarlierTo   string `json:"earlier_to"`
	// Themes are this campaign's themes in rank order, then the earlier ones gone.
	Themes     []ThemeChange      `json:"themes"`
	Confidence []ConfidenceChange `json:"confidence"`
	// Actions are the earlier campaign's action points, most urgent first.
	Actions []FollowUp `json:"earlier_action_points"`
}

// Theme statuses in a comparison.
const (
	ThemeNew        = "new"
	ThemePersisting = "persisting"
	ThemeGone       = "gone"
)

// ThemeChange is one theme of either campaign and whether the other raised it.
type ThemeChange struct {
	Label  string `json:"label"`
	Status string `json:"status"`
	// Rank is its rank in this campaign, EarlierRank in the earlier one; 0 where
	// that campaign did not raise it.
	Rank         int    `json:"rank"`
	EarlierRank  int    `json:"earlier_rank"`
	EarlierLabel string `json:"earlier_label,omitempty"`
}

// ConfidenceChange is one audience's confidence in both campaigns; a side is nil
// where it may not be shown (see CampaignFindings.Confidence).
type ConfidenceChange struct {
	Audience string  `json:"audience"`
	Earlier  *Figure `json:"earlier"`
	Now      *Figure `json:"now"`
	// Shift is the change of the mean, when both sides are shown.
	Shift *float64 `json:"mean_shift"`
}

// FollowUp is an earlier action point with where it stands now.
type FollowUp struct {
	Action
	SessionTitle string `json:"session_title"`
	// ThemeStatus says whether its concern is still raised: persisting or gone.
	ThemeStatus string `json:"theme_status,omitempty"`
}

// Compare follows f up on earlier, sets f.Comparison and adds what changed to f's
// summary. Themes are matched across the two campaigns as session themes are within
// one, precision first, and one earlier theme matches at most one later theme.
func (f *CampaignFindings) Compare(earlier *CampaignFindings) {
	c := &Comparison{Earlier: earlier.Campaign, EarlierFrom: earlier.From, EarlierTo: earlier.To,
		Themes: []ThemeChange{}, Confidence: []ConfidenceChange{}, Actions: []FollowUp{}}
	// Themes of one name match first, a side in the name aside ("security
	// training" a year later is "security training (more)"). Themes that say
	// opposite things are never the same concern followed up ("our incident
	// drills work well" was not "incidents (demotivates)"): given their notes'
	// lanes, matching keeps them apart as it does within a campaign, so the
	// comparison and the campaign report never disagree on what is opposite.
	groups := append(earlier.matchGroups(0), f.matchGroups(1)...)
	match := analysis.MatchSessionThemes(groups, analysis.MatchThreshold)
	earlierOf := map[int]CampaignTheme{}
	for i, t := range earlier.Themes {
		earlierOf[match[i]] = t
	}
	persists := map[int]bool{}
	for i, t := range f.Themes {
		ch := ThemeChange{Label: t.Label, Status: ThemeNew, Rank: t.Rank}
		if e, ok := earlierOf[match[len(earlier.Themes)+i]]; ok {
			ch.Status, ch.EarlierRank = ThemePersisting, e.Rank
			if e.Label != t.Label {
				ch.EarlierLabel = e.Label
			}
			persists[e.ID] = true
		}
		c.Themes = append(c.Themes, ch)
	}
	for _, t := range earlier.Themes {
		if !persists[t.ID] {
			c.Themes = append(c.Themes, ThemeChange{Label: t.Label, Status: ThemeGone, EarlierRank: t.Rank})
		}
	}

	var audiences []string
	for _, a := range append(slices.Clone(earlier.Audiences), f.Audiences...) {
		if !slices.Contains(audiences, a.Audience) {
			audiences = append(audiences, a.Audience)
		}
	}
	set := map[string]bool{}
	for _, a := range audiences {
		set[a] = true
	}
	for _, a := range append([]string{""}, audienceOrder(set)...) {
		ch := ConfidenceChange{Audience: a, Earlier: earlier.confidenceOf(a), Now: f.confidenceOf(a)}
		if ch.Earlier != nil && ch.Now != nil {
			d := ch.Now.Mean - ch.Earlier.Mean
			ch.Shift = &d
		}
		c.Confidence = append(c.Confidence, ch)
	}

	for _, a := range earlier.Actions {
		fu := FollowUp{Action: a.Action, SessionTitle: a.SessionTitle}
		if a.CampaignThemeID != 0 {
			fu.ThemeStatus = ThemeGone
			if persists[a.CampaignThemeID] {
				fu.ThemeStatus = ThemePersisting
			}
		}
		c.Actions = append(c.Actions, fu)
	}
	f.Comparison = c
	f.Summary.Changes = c.changes()
}

// confidenceOf is an audience's confidence figure, or the campaign's for "".
func (f *CampaignFindings) confidenceOf(audience string) *Figure {
	if audience == "" {
		return figureOf("", f.Confidence)
	}
	for _, a := range f.Audiences {
		if a.Audience == audience {
			return figureOf(audience, a.Confidence)
		}
	}
	return nil
}

// matchGroups are the campaign themes, in the order of Themes, as matching
// takes them, as session sess: label first, then their notes' texts and lanes.
func (f *CampaignFindings) matchGroups(sess int) []analysis.MatchGroup {
	byID := make(map[int64]*session.Note, len(f.notes))
	for _, n := range f.notes {
		byID[n.note.ID] = n.note
	}
	out := make([]analysis.MatchGroup, len(f.Themes))
	for i, t := range f.Themes {
		out[i] = analysis.MatchGroup{Session: sess, Texts: []string{t.Label}, Label: analysis.WithoutSide(t.Label)}
		for _, id := range t.NoteIDs {
			if n, ok := byID[id]; ok {
				out[i].Texts = append(out[i].Texts, n.Text)
				out[i].Lanes = append(out[i].Lanes, matchLane(n))
			}
		}
	}
	return out
}

// matchLane is a note's lane as matching takes it: an open topic's title is on
// no side, whatever it says.
func matchLane(n *session.Note) string {
	if n.Area == session.AreaOpen {
		return ""
	}
	return n.Lane
}

// shownShift is the shift of the mean as the documents write the two means, to a
// tenth each: the difference of those, so that "3.1 → 3.0" says -0.1 beside it
// (the exact difference of 3.14 and 2.95 said -0.2), and "2.5 → 2.5" no change.
// Shift, in the JSON, stays exact, as the means there are.
func (ch ConfidenceChange) shownShift() string {
	if ch.Shift == nil {
		return "–"
	}
	d := math.Round(ch.Now.Mean*10) - math.Round(ch.Earlier.Mean*10)
	if d == 0 {
		return "no change"
	}
	return fmt.Sprintf("%+.1f", d/10)
}

// changes says in a few lines what changed, for the summary.
func (c *Comparison) changes() []string {
	count3 := map[string]int{}
	for _, t := range c.Themes {
		count3[t.Status]++
	}
	out := []string{fmt.Sprintf("themes: %d new, %d persisting, %d gone", count3[ThemeNew], count3[ThemePersisting], count3[ThemeGone])}
	for _, ch := range c.Confidence {
		if ch.Shift == nil {
			continue
		}
		who := "confidence"
		if ch.Audience != "" {
			who = "confidence of " + session.Audience(ch.Audience).Title()
		}
		out = append(out, fmt.Sprintf("%s: %s → %s (%s)", who, tenths(ch.Earlier.Mean), tenths(ch.Now.Mean), ch.shownShift()))
	}
	status := map[string]int{}
	for _, a := range c.Actions {
		status[a.Status]++
	}
	if len(c.Actions) > 0 {
		var parts []string
		for _, st := range []string{"done", "in-progress", "accepted", "proposed", "dropped"} {
			if status[st] > 0 {
				parts = append(parts, fmt.Sprintf("%d %s", status[st], st))
			}
		}
		out = append(out, "earlier action points: "+strings.Join(parts, ", "))
	}
	return out
}
