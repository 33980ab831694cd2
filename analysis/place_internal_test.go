package analysis

import (
	"fmt"
	"testing"

	"github.com/charter-tool/charter/internal/notesets"
	"github.com/charter-tool/charter/internal/testmain"
)

// holdOut arranges a labelled set as a facilitator would have before late
// notes arrived: each gold theme holds all but every fifth of its notes, and
// those are the late ones. It returns the arranged themes, all docs and the
// gold theme index of every late note.
func holdOut(notes []labelled) ([]Theme, []Doc, map[string]int) {
	index := map[string]int{}
	var arranged []Theme
	late := map[string]int{}
	seen := map[string]int{}
	docs := make([]Doc, len(notes))
	for i, n := range notes {
		docs[i] = n.Doc
		t, ok := index[n.Theme]
		if !ok {
			t = len(arranged)
			index[n.Theme] = t
			arranged = append(arranged, Theme{Label: n.Theme})
		}
		seen[n.Theme]++
		if seen[n.Theme]%5 == 0 {
			late[n.ID] = t
			continue
		}
		arranged[t].NoteIDs = append(arranged[t].NoteIDs, n.ID)
	}
	return arranged, docs, late
}

// placeScores places the held-out notes and returns the shares of them placed
// in their own theme, in another arranged theme, and offered as new.
func placeScores(notes []labelled) (right, wrong, offered float64) {
	arranged, docs, late := holdOut(notes)
	themes := Place(arranged, docs)
	where := map[string]int{}
	for t, th := range themes {
		for _, id := range th.NoteIDs {
			where[id] = t
		}
	}
	for id, t := range late {
		switch w := where[id]; {
		case w == t:
			right++
		case w < len(arranged):
			wrong++
		default:
			offered++
		}
	}
	n := float64(len(late))
	return right / n, wrong / n, offered / n
}

func TestPlaceLateNotes(t *testing.T) {
	testmain.SkipUnderRace(t)
	for _, tt := range []struct {
		path     string
		minRight float64
		maxWrong float64
	}{
		{"../testdata/notes-dev.jsonl", 0.6, 0.30},
		{"../testdata/notes-unseen.jsonl", 0.6, 0.25},
		{"../testdata/notes-activities.jsonl", 0.5, 0.25}, // 0.24 right with the activity left out
	} {
		right, wrong, offered := placeScores(loadPath(t, tt.path))
		t.Logf("%s: %.2f placed in their theme, %.2f in another, %.2f offered as new", tt.path, right, wrong, offered)
		if right < tt.minRight || wrong > tt.maxWrong {
			t.Errorf("%s: %.2f right, %.2f wrong; want at least %.2f right and at most %.2f wrong", tt.path, right, wrong, tt.minRight, tt.maxWrong)
		}
	}
}

func TestPlaceKeepsArrangedThemes(t *testing.T) {
	arranged := []Theme{
		{Label: "Pentests", NoteIDs: []string{"1", "2"}},
		{Label: "Mine alone", NoteIDs: []string{"3"}},
	}
	docs := []Doc{
		{ID: "1", Text: "external pentest of our API"},
		{ID: "2", Text: "pentest reports arrive late"},
		{ID: "3", Text: "the coffee machine"},
		{ID: "4", Text: "pentest findings should be retested"},
		{ID: "5", Text: "phishing simulations every quarter"},
		{ID: "6", Text: "fake phishing mails keep us alert"},
	}
	got := Place(arranged, docs)
	if len(got) < 3 || got[0].Label != "Pentests" || fmt.Sprint(got[0].NoteIDs) != "[1 2 4]" ||
		got[1].Label != "Mine alone" || fmt.Sprint(got[1].NoteIDs) != "[3]" {
		t.Fatalf("Place = %+v; want the pentest note added to Pentests, Mine alone untouched, phishing offered", got)
	}
	var offered []string
	for _, th := range got[2:] {
		offered = append(offered, th.NoteIDs...)
	}
	if fmt.Sprint(offered) != "[5 6]" {
		t.Errorf("offered as new: %v, want [5 6]", offered)
	}
}

func TestProposeNames(t *testing.T) {
	earlier := []NamedTheme{
		{Name: "Pentest follow-up", Texts: []string{"pentest findings are never retested", "pentest reports come too late"}},
		{Name: "Phishing drills", Texts: []string{"phishing simulations keep people alert", "report button for phishing mails"}},
	}
	suggestions := []NamedTheme{
		{Texts: []string{"pen tests", "retest after the pentest fixes", "the pentest report was a pdf nobody read"}},
		{Texts: []string{"deadlines", "no time in the sprint for security"}},
	}
	got := ProposeNames(earlier, suggestions)
	if fmt.Sprint(got) != "[Pentest follow-up ]" {
		t.Errorf("ProposeNames = %q, want the pentest name for the first and none for the second", got)
	}
}

// A name a facilitator gave strengths is never offered for concerns about the
// same thing, nor the other way round; a wish (add, more) or an open topic
// takes a name from either side, and a suggestion takes the name of its own
// side where there is one. More and less of an activity are kept apart too.
func TestProposeNamesKeepsToTheSide(t *testing.T) {
	drillsPayOff := NamedTheme{Name: "Incident drills pay off",
		Texts: []string{"the tabletop exercise showed us our runbook gaps", "incident drills made the real outage calm"},
		Lanes: []string{"strength", "keep"}}
	drillsTooRare := NamedTheme{Name: "Too few incident drills",
		Texts: []string{"one tabletop exercise a year is not enough", "nobody knows the incident runbook"},
		Lanes: []string{"concern", "concern"}}
	concern := NamedTheme{Texts: []string{"our incident drills never include the on-call runbook"}, Lanes: []string{"concern"}}
	strength := NamedTheme{Texts: []string{"our incident drills never include the on-call runbook"}, Lanes: []string{"strength"}}
	wish := NamedTheme{Texts: []string{"our incident drills never include the on-call runbook"}, Lanes: []string{"more"}}
	openTopic := NamedTheme{Texts: []string{"our incident drills never include the on-call runbook"}, Lanes: []string{"AI and incidents"}}
	drillsWish := NamedTheme{Name: "More incident drills",
		Texts: []string{"more incident drills with the on-call runbook", "incident drills for every on-call team"},
		Lanes: []string{"more", "add"}}
	mixed := NamedTheme{Texts: []string{"our incident drills never include the on-call runbook", "incident drills made the last outage calm"},
		Lanes: []string{"concern", "strength"}}
	// Wishes are on no side, but more and less of one activity are opposites.
	moreTraining := NamedTheme{Name: "Training: hands-on labs",
		Texts: []string{"more hands-on security training labs", "add a hands-on training lab every quarter"},
		Lanes: []string{"more", "add"}}
	lessVideos := NamedTheme{Name: "Fewer compliance videos",
		Texts: []string{"less of the yearly security training videos", "the compliance training videos every quarter"},
		Lanes: []string{"less", "less"}}
	lessTraining := NamedTheme{Texts: []string{"less security training videos, they are not hands-on"}, Lanes: []string{"less"}}
	addTraining := NamedTheme{Texts: []string{"hands-on security training labs for new joiners"}, Lanes: []string{"add"}}
	moreWish := NamedTheme{Texts: []string{"more security training every quarter, videos are fine"}, Lanes: []string{"more"}}
	tests := []struct {
		name       string
		earlier    []NamedTheme
		suggestion NamedTheme
		want       string
	}{
		{"strength's name, concern note", []NamedTheme{drillsPayOff}, concern, ""},
		{"concern's name, strength note", []NamedTheme{drillsTooRare}, strength, ""},
		{"strength's name, strength note", []NamedTheme{drillsPayOff}, strength, "Incident drills pay off"},
		{"strength's name, wish", []NamedTheme{drillsPayOff}, wish, ""},
		{"strength's name, open topic", []NamedTheme{drillsPayOff}, openTopic, ""},
		{"a wish's name, open topic", []NamedTheme{drillsWish}, openTopic, "More incident drills"},
		{"both sides named, concern note", []NamedTheme{drillsPayOff, drillsTooRare}, concern, "Too few incident drills"},
		{"both sides named, strength note", []NamedTheme{drillsTooRare, drillsPayOff}, strength, "Incident drills pay off"},
		{"strength's name, a theme of both sides", []NamedTheme{drillsPayOff}, mixed, ""},
		{"more's name, less note", []NamedTheme{moreTraining}, lessTraining, ""},
		{"less's name, more note", []NamedTheme{lessVideos}, moreWish, ""},
		{"more's name, add note", []NamedTheme{moreTraining}, addTraining, "Training: hands-on labs"},
		{"less's name, less note", []NamedTheme{lessVideos}, lessTraining, "Fewer compliance videos"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ProposeNames(tt.earlier, []NamedTheme{tt.suggestion}); got[0] != tt.want {
				t.Errorf("ProposeNames = %q, want %q", got[0], tt.want)
			}
		})
	}
}

// TestSweepPlace is how placeSim was chosen, on the dev notes only:
//
//	go test ./analysis/ -run SweepPlace -v -args -sweep
func TestSweepPlace(t *testing.T) {
	if !*sweep {
		t.Skip("run with -sweep")
	}
	notes := loadDev(t)
	for _, th := range []float64{0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3} {
		placeThreshold = th
		right, wrong, offered := placeScores(notes)
		fmt.Printf("th=%.2f right=%.2f wrong=%.2f offered=%.2f\n", th, right, wrong, offered)
	}
	placeThreshold = placeSim
}

// TestSweepPlaceAcrossSessions prints, for every labelled set dealt by theme over 2
// and 3 sessions, the operations per 100 of the last session's notes when it is
// clustered alone, and when its notes are placed into the themes of the sessions
// before, taken as arranged by hand (their gold themes): a way, measured and not
// kept, for a campaign to learn from its earlier sessions' groupings.
//
//	go test ./analysis/ -run SweepPlaceAcrossSessions -v -args -sweep
func TestSweepPlaceAcrossSessions(t *testing.T) {
	if !*sweep {
		t.Skip("run with -sweep")
	}
	opsOn := func(notes []labelled, themes []Theme) float64 {
		gold := map[string]string{}
		for _, n := range notes {
			gold[n.ID] = n.Theme
		}
		var g, p []string
		for i, th := range themes {
			for _, id := range th.NoteIDs {
				if t, ok := gold[id]; ok {
					g, p = append(g, t), append(p, fmt.Sprint(i))
				}
			}
		}
		m, mv := FacilitatorOps(g, p)
		return 100 * float64(m+mv) / float64(len(g))
	}
	for _, name := range notesets.All {
		notes := loadPath(t, notesets.Path(name))
		for _, sessions := range []int{2, 3} {
			next := map[string]int{}
			parts := make([][]labelled, sessions)
			for _, n := range notes {
				s := next[n.Theme] % sessions
				next[n.Theme]++
				parts[s] = append(parts[s], n)
			}
			last := parts[sessions-1]
			var all, lastDocs []Doc
			var arranged []Theme
			at := map[string]int{}
			for _, p := range parts[:sessions-1] {
				for _, n := range p {
					all = append(all, n.Doc)
					if _, ok := at[n.Theme]; !ok {
						at[n.Theme] = len(arranged)
						arranged = append(arranged, Theme{Label: n.Theme})
					}
					arranged[at[n.Theme]].NoteIDs = append(arranged[at[n.Theme]].NoteIDs, n.ID)
				}
			}
			for _, n := range last {
				lastDocs = append(lastDocs, n.Doc)
			}
			all = append(all, lastDocs...)
			fmt.Printf("%-24s %d sessions, the last of %d notes: alone %.1f ops/100, placed into the earlier themes %.1f\n",
				name, sessions, len(last), opsOn(last, Cluster(lastDocs)), opsOn(last, Place(arranged, all)))
		}
	}
}
