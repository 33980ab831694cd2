package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Summary is what a program lead reads first: who took part, how confident they
// are, the top themes in a line each, the activities with the clearest signal and
// who owns which action point.
type Summary struct {
	Sessions     int `json:"sessions"`
	Participants int `json:"participants"`
	// OnPaper counts those of Participants who wrote on paper (a session's
	// findings; 0 in a campaign's).
	OnPaper   int      `json:"on_paper,omitempty"`
	Audiences []string `json:"audiences"`
	Locations []string `json:"locations"`
	// Confidence is over all ratings shown in the document; nil when none may be.
	Confidence *Figure `json:"confidence"`
	// ConfidenceLeftOut counts the sessions of a campaign whose ratings are too
	// few to count in its figures (see CampaignFindings.ConfidenceLeftOut).
	ConfidenceLeftOut int `json:"confidence_sessions_left_out,omitempty"`
	// ConfidenceByAudience holds the audiences whose confidence may be shown.
	ConfidenceByAudience []Figure      `json:"confidence_by_audience"`
	Themes               []SummaryItem `json:"top_themes"`
	Signals              []Signal      `json:"activity_signals"`
	// Actions are the action points that have an owner, most urgent first;
	// Unowned counts the others.
	Actions []Action `json:"owned_action_points"`
	Unowned int      `json:"unowned_action_points"`
	// Changes says what changed since the campaign compared with, when there is one.
	Changes []string `json:"changes_since_earlier,omitempty"`
}

// Figure is a confidence mean and median over a number of ratings.
type Figure struct {
	Audience string  `json:"audience,omitempty"`
	Ratings  int     `json:"ratings"`
	Mean     float64 `json:"mean"`
	Median   float64 `json:"median"`
}

// SummaryItem is one top theme with one line about it.
type SummaryItem struct {
	Rank  int    `json:"rank"`
	Label string `json:"label"`
	// Line says in numbers and lane names (no user text) why it ranks high.
	Line string `json:"line"`
}

// MaxSummaryThemes is how many top themes the summary names.
const MaxSummaryThemes = 5

func figureOf(audience string, c *Confidence) *Figure {
	if c == nil {
		return nil
	}
	return &Figure{Audience: audience, Ratings: c.Ratings, Mean: c.Mean, Median: c.Median}
}

// lanesLine says where a theme's notes are: "mostly Concerns" when two thirds are
// there, else "top lanes Concerns 3, Do more 2".
func lanesLine(ls []LaneCount) string {
	if len(ls) == 0 {
		return ""
	}
	// Lanes that read alike (every open topic is "open topics") count as one.
	type named struct {
		name  string
		notes int
	}
	var byName []named
	for _, l := range ls {
		n := laneName(l)
		if i := slices.IndexFunc(byName, func(x named) bool { return x.name == n }); i >= 0 {
			byName[i].notes += l.Notes
		} else {
			byName = append(byName, named{n, l.Notes})
		}
	}
	slices.SortStableFunc(byName, func(a, b named) int { return cmp.Compare(b.notes, a.notes) })
	total := 0
	for _, l := range byName {
		total += l.notes
	}
	if byName[0].notes*3 >= total*2 {
		if len(byName) == 1 {
			return "all " + byName[0].name
		}
		return "mostly " + byName[0].name
	}
	// Only lanes that stand out are named: one of several alike would be picked
	// by the order they are listed in ("top lanes Strengths 1, Concerns 1" for
	// six notes in six lanes).
	top := min(2, len(byName))
	if len(byName) > 2 && byName[2].notes == byName[0].notes {
		return fmt.Sprintf("spread over %d lanes", len(byName))
	}
	if len(byName) > 2 && byName[2].notes == byName[1].notes {
		return fmt.Sprintf("top lane %s %d", byName[0].name, byName[0].notes)
	}
	var parts []string
	for _, l := range byName[:top] {
		parts = append(parts, fmt.Sprintf("%s %d", l.name, l.notes))
	}
	return "top lanes " + strings.Join(parts, ", ")
}

// laneName is a lane as people read it, with its area where the lane alone would
// not say it (an open topic's title is user text and is not used).
func laneName(l LaneCount) string {
	if l.Area == "open" {
		return "Open topics"
	}
	return l.Title
}

func ownedActions(acts []Action) ([]Action, int) {
	out := []Action{}
	unowned := 0
	for _, a := range acts {
		if a.Owner == "" {
			unowned++
			continue
		}
		out = append(out, a)
	}
	return out, unowned
}
