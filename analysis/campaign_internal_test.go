package analysis

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/charter-tool/charter/internal/testmain"
)

// campaignOf splits a labelled set over sessions as a campaign would see it:
// each gold theme's notes dealt in turn to the sessions, every session's share
// of a theme one session theme, named as a facilitator named it by hand
// (testdata/campaign-names.json). It returns the session themes, with their
// name as the first text and their notes' lanes, as a campaign report matches
// them, and their gold themes.
func campaignOf(t testing.TB, set string, sessions int) ([]MatchGroup, []string) {
	raw, err := os.ReadFile("../testdata/campaign-names.json")
	if err != nil {
		t.Fatal(err)
	}
	var names map[string]map[string][]string
	if err := json.Unmarshal(raw, &names); err != nil {
		t.Fatal(err)
	}
	notes := loadPath(t, "../testdata/"+set)
	at := map[[2]string]int{}
	next := map[string]int{}
	var groups []MatchGroup
	var gold []string
	for _, n := range notes {
		s := next[n.Theme] % sessions
		next[n.Theme]++
		key := [2]string{n.Theme, string(rune('0' + s))}
		g, ok := at[key]
		if !ok {
			g = len(groups)
			at[key] = g
			name := names[set][n.Theme][s%len(names[set][n.Theme])]
			groups = append(groups, MatchGroup{Session: s, Texts: []string{name}, Label: name})
			gold = append(gold, n.Theme)
		}
		groups[g].Texts = append(groups[g].Texts, n.Text)
		groups[g].Lanes = append(groups[g].Lanes, laneOf(n.Doc))
	}
	return groups, gold
}

// clusteredCampaignOf splits a labelled set over sessions as campaignOf does,
// but each session's themes are the clustering's, named by their labels, as
// in a campaign whose facilitators did not arrange them; a session theme's
// gold theme is the one most of its notes have.
func clusteredCampaignOf(t testing.TB, set string, sessions int) ([]MatchGroup, []string) {
	notes := loadPath(t, "../testdata/"+set)
	next := map[string]int{}
	bySession := make([][]labelled, sessions)
	for _, n := range notes {
		s := next[n.Theme] % sessions
		next[n.Theme]++
		bySession[s] = append(bySession[s], n)
	}
	var groups []MatchGroup
	var gold []string
	for s, ns := range bySession {
		docs := make([]Doc, len(ns))
		theme := map[string]string{}
		text, lane := map[string]string{}, map[string]string{}
		for i, n := range ns {
			docs[i] = n.Doc
			theme[n.ID] = n.Theme
			text[n.ID] = n.Text
			lane[n.ID] = laneOf(n.Doc)
		}
		for _, th := range Cluster(docs) {
			g := MatchGroup{Session: s, Texts: []string{th.Label}, Label: th.Label}
			count := map[string]int{}
			for _, id := range th.NoteIDs {
				g.Texts = append(g.Texts, text[id])
				g.Lanes = append(g.Lanes, lane[id])
				count[theme[id]]++
			}
			best := ""
			for name, k := range count {
				if k > count[best] || k == count[best] && name < best {
					best = name
				}
			}
			groups = append(groups, g)
			gold = append(gold, best)
		}
	}
	return groups, gold
}

// laneOf is a note's lane as the campaign report gives it to matching: an open
// topic's title is on no side.
func laneOf(d Doc) string {
	if d.Area == "open" {
		return ""
	}
	return d.Lane
}

// pairScores is the pairwise precision and recall of a matching: of the pairs
// of session themes it puts together, the share that have one gold theme, and
// of the pairs with one gold theme, the share it puts together.
func pairScores(gold []string, ids []int) (precision, recall float64) {
	var tp, fp, fn int
	for a := range gold {
		for b := a + 1; b < len(gold); b++ {
			same, matched := gold[a] == gold[b], ids[a] == ids[b]
			switch {
			case same && matched:
				tp++
			case matched:
				fp++
			case same:
				fn++
			}
		}
	}
	precision, recall = 1, 1
	if tp+fp > 0 {
		precision = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		recall = float64(tp) / float64(tp+fn)
	}
	return precision, recall
}

// TestCampaignMatching reports pairwise precision and recall of matching
// session themes across a campaign (go test ./analysis/ -run CampaignMatching
// -v) and holds the dev notes to precision first: at least 0.95, with recall
// at least 0.8.
func TestCampaignMatching(t *testing.T) {
	t.Parallel()
	testmain.SkipUnderRace(t)
	for _, tt := range []struct {
		set        string
		sessions   int
		clustered  bool
		minP, minR float64
	}{
		{"notes-dev.jsonl", 4, false, 0.95, 0.8},
		{"notes-dev.jsonl", 2, false, 0.95, 0.8},
		{"notes-dev.jsonl", 4, true, 0.8, 0.5},
		{"notes-unseen.jsonl", 3, false, 0.9, 0},
		{"notes-unseen.jsonl", 3, true, 0, 0},
		// Printed only: the activities set has no names given by hand, and its
		// gold themes take keep, less and more of an activity together, which
		// matching keeps apart as opposite sides (over 4 sessions: precision
		// 0.718, recall 0.318 before it did, 0.694 and 0.284 after).
		{"notes-activities.jsonl", 2, true, 0, 0},
		{"notes-activities.jsonl", 3, true, 0, 0},
		{"notes-activities.jsonl", 4, true, 0, 0},
	} {
		var groups []MatchGroup
		var gold []string
		how := "themes named by hand"
		if tt.clustered {
			groups, gold = clusteredCampaignOf(t, tt.set, tt.sessions)
			how = "clustered themes"
		} else {
			groups, gold = campaignOf(t, tt.set, tt.sessions)
		}
		p, r := pairScores(gold, MatchSessionThemes(groups, MatchThreshold))
		t.Logf("%s over %d sessions, %s (%d session themes): precision %.3f, recall %.3f", tt.set, tt.sessions, how, len(groups), p, r)
		if p < tt.minP || r < tt.minR {
			t.Errorf("%s over %d sessions: precision %.3f, recall %.3f; want at least %.2f and %.2f", tt.set, tt.sessions, p, r, tt.minP, tt.minR)
		}
	}
}
