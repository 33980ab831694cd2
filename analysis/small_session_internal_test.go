package analysis

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/charter-tool/charter/internal/notesets"
	"github.com/charter-tool/charter/internal/testmain"
)

// sessionSample deals a session of 40 to 60 notes from a labelled set, by a
// seeded random choice: what 8 to 10 people write in one focus group.
func sessionSample(notes []labelled, seed uint64) []labelled {
	rng := rand.New(rand.NewPCG(seed, 40))
	n := 40 + rng.IntN(21)
	pick := rng.Perm(len(notes))[:n]
	slices.Sort(pick)
	out := make([]labelled, n)
	for k, i := range pick {
		out[k] = notes[i]
	}
	return out
}

// TestSmallSessionNamesReadAsNames checks the names suggested for sessions of
// 40 to 60 notes, four dealt from each labelled set, and for each whole set, as
// a facilitator reads them: a name never stops where its note goes on ("our
// logging…", "when the secure…"), nor opens as a clause does, on a
// subordinating word or a pronoun ("when doing the right thing…", "we pin
// everything"); it never ends on a verb or a function word ("pen testers
// missed", "devs coming", "catch keys before they get pushed"); one of three
// words or fewer never opens on a verb ("generate SBOMs"); no name is one
// generic word, and a name told apart from another of its concept is told
// apart by more than one word ("management support: risk"). A note's whole
// text is held to this too; only an open topic's title, the participants' own
// name for a topic, and a note of two words are taken as they are.
func TestSmallSessionNamesReadAsNames(t *testing.T) {
	t.Parallel()
	function := wordSetOf(`a an the to of for with in on at from by about into than
		before after and or but because if when that which who we they it us them our
		their my i you he she someone anyone something anything nobody is are was were
		be been being have has had do does did will would can could should`)
	verbs := wordSetOf(`ask asks asked asking come comes came coming contain contains
		contained containing find finds found finding get gets got getting give gives
		gave given go goes went going happen happens happened keep keeps kept know knows
		knew make makes made making miss misses missed missing need needs needed push
		pushed say says said see sees saw seen show shows showed shown take takes took
		taken tell tells told try tries tried use uses used want wants wanted generate
		generates collect collects catch catches dm dms open opens stall stalls
		escape escapes live lives stuck`)
	// openers open a clause, never a name: subordinating words, and pronouns
	// and possessives as tokenize reads them ("we're" is "were", "I'm" "im").
	openers := wordSetOf(`after although because before if once since though unless
		until when whenever where whereas whether while i im ive me my we were weve
		our us you youre your they theyre their them he his she her it its itll
		nobody everybody everyone someone anyone somebody anybody nothing everything
		something anything this these those there theres`)
	generic := wordSetOf(`security secure team teams people thing things stuff work
		time process issue issues problem problems tool tools way lot`)
	type session struct {
		name string
		docs []Doc
	}
	for _, set := range notesets.All {
		all := loadPath(t, notesets.Path(set))
		var sessions []session
		for seed := uint64(1); seed <= 4; seed++ {
			sessions = append(sessions, session{fmt.Sprintf("%s, session %d", set, seed), docsOf(sessionSample(all, seed))})
		}
		sessions = append(sessions, session{set + ", whole set", docsOf(all)})
		for _, s := range sessions {
			own := map[string]bool{}
			for _, d := range s.docs {
				// A note of two words is its own name: no phrase of it says more
				// ("I'm tired").
				if words := strings.Fields(strings.ToLower(apostrophes.Replace(d.Text))); len(words) <= 2 {
					own[strings.Join(words, " ")] = true
				}
				if d.Area == "open" {
					own[strings.ToLower(cleanTitle(d.Lane))] = true
				}
			}
			for _, th := range Cluster(s.docs) {
				// A name that opens on its side says it already: "(keep)" after
				// "keep inviting the ops people" says it twice.
				if side, ok := strings.CutSuffix(strings.TrimPrefix(th.Label, WithoutSide(th.Label)), ")"); ok {
					side = strings.TrimPrefix(side, " (")
					if first, _, _ := strings.Cut(strings.ToLower(th.Label), " "); first == side || side == "less" && first == "fewer" {
						t.Errorf("%s: %q says its side twice", s.name, th.Label)
					}
				}
				base, _ := SplitApart(WithoutSide(th.Label))
				for k, name := range strings.SplitN(base, ": ", 2) {
					words := strings.Fields(strings.ToLower(apostrophes.Replace(name)))
					if len(words) == 0 || own[strings.Join(words, " ")] {
						continue
					}
					trim := func(w string) string {
						return strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
					}
					first, last := trim(words[0]), trim(words[len(words)-1])
					switch {
					case strings.HasSuffix(name, "…"):
						t.Errorf("%s: %q stops where its note goes on", s.name, th.Label)
					case openers[first]:
						t.Errorf("%s: %q opens on %q", s.name, th.Label, first)
					case k == 1 && len(words) == 1:
						t.Errorf("%s: %q is told apart by one word", s.name, th.Label)
					case len(words) == 1 && generic[last]:
						t.Errorf("%s: %q is one generic word", s.name, th.Label)
					case function[last] || verbs[last] || len(last) > 4 && strings.HasSuffix(last, "ed") && !strings.HasSuffix(last, "eed"):
						t.Errorf("%s: %q ends on %q", s.name, th.Label, last)
					case len(words) <= 3 && len(words) > 1 && verbs[first] && !strings.HasSuffix(first, "ing") && !strings.HasSuffix(first, "ed"):
						t.Errorf("%s: %q opens on the verb %q", s.name, th.Label, first)
					}
				}
			}
		}
	}
}

func docsOf(notes []labelled) []Doc {
	docs := make([]Doc, len(notes))
	for i, n := range notes {
		docs[i] = n.Doc
	}
	return docs
}

func wordSetOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// TestSweepSmallSessions prints the suggested themes of sessions dealt from
// every labelled set, each note with its lane and gold theme, for a
// facilitator's reading:
//
//	go test ./analysis/ -run SweepSmallSessions -v -args -sweep
func TestSweepSmallSessions(t *testing.T) {
	if !*sweep {
		t.Skip("run with -sweep")
	}
	for _, set := range notesets.All {
		all := loadPath(t, notesets.Path(set))
		for seed := uint64(1); seed <= 4; seed++ {
			notes := sessionSample(all, seed)
			docs := make([]Doc, len(notes))
			byID := map[string]labelled{}
			for i, n := range notes {
				docs[i] = n.Doc
				byID[n.ID] = n
			}
			fmt.Printf("=== %s seed %d: %d notes\n", set, seed, len(notes))
			for _, th := range Cluster(docs) {
				fmt.Printf("  %q (%d)\n", th.Label, len(th.NoteIDs))
				for _, id := range th.NoteIDs {
					n := byID[id]
					mark := " "
					if id == th.Representative {
						mark = "*"
					}
					fmt.Printf("     %s %-22s %-26s %s\n", mark, n.Area[:3]+"/"+n.Lane, n.Theme, n.Text)
				}
			}
		}
	}
}

// campaignSample deals a session as the campaign report's tests do: four notes of
// each of five gold themes, drawn by a seeded random choice.
func campaignSample(notes []labelled, seed uint64) []labelled {
	rng := rand.New(rand.NewPCG(seed, 20))
	byGold := map[string][]labelled{}
	var golds []string
	for _, n := range notes {
		if byGold[n.Theme] == nil {
			golds = append(golds, n.Theme)
		}
		byGold[n.Theme] = append(byGold[n.Theme], n)
	}
	var out []labelled
	for _, k := range rng.Perm(len(golds))[:5] {
		g := byGold[golds[k]]
		for _, i := range rng.Perm(len(g))[:min(4, len(g))] {
			out = append(out, g[i])
		}
	}
	return out
}

// smallSessionScore is the mean, over 20 sessions dealt from notes by deal, of
// how p's clustering of each compares with the gold themes.
func smallSessionScore(notes []labelled, deal func([]labelled, uint64) []labelled, p params) (ari, nmi, ops, themes float64) {
	const sessions = 20
	for seed := uint64(1); seed <= sessions; seed++ {
		dealt := deal(notes, seed)
		docs := make([]Doc, len(dealt))
		gold := map[string]string{}
		for i, n := range dealt {
			docs[i] = n.Doc
			gold[n.ID] = n.Theme
		}
		var g, pr []string
		th := clusterWith(docs, defaultLexicon(), p)
		for ti, x := range th {
			for _, id := range x.NoteIDs {
				g = append(g, gold[id])
				pr = append(pr, fmt.Sprint(ti))
			}
		}
		m, mv := FacilitatorOps(g, pr)
		ari += AdjustedRandIndex(g, pr) / sessions
		nmi += NMI(g, pr) / sessions
		ops += 100 * float64(m+mv) / float64(len(dealt)) / sessions
		themes += float64(len(th)) / sessions
	}
	return ari, nmi, ops, themes
}

// TestSmallSessionQuality fails when sessions of 40 to 60 notes dealt from the
// sets tuned on need more operations per 100 notes, on average over 20
// sessions, than a little over what they need since bags are split (dev 28.8,
// unseen 26.8; 30.8 and 28.7 with bags kept).
func TestSmallSessionQuality(t *testing.T) {
	t.Parallel()
	testmain.SkipUnderRace(t)
	for _, f := range []struct {
		name string
		ops  float64
	}{{notesets.Dev, 29.8}, {notesets.Unseen, 27.8}} {
		_, _, ops, _ := smallSessionScore(loadPath(t, notesets.Path(f.name)), sessionSample, defaultParams)
		if ops > f.ops {
			t.Errorf("%s, sessions of 40-60 notes: %.1f ops/100, want at most %.1f", f.name, ops, f.ops)
		}
	}
}

// A theme whose notes share nothing is taken apart; one whose notes say the
// same thing is left whole.
func TestSplitBags(t *testing.T) {
	t.Parallel()
	docs := []Doc{
		{ID: "a", Text: "certificates expired twice and took down the checkout", Area: "confidence", Lane: "concern"},
		{ID: "b", Text: "fixing an exposed test database before anyone found it", Area: "motivation", Lane: "motivates"},
		{ID: "c", Text: "images in the registry are two years old", Area: "confidence", Lane: "concern"},
		{ID: "d", Text: "phishing simulations every quarter", Area: "activities", Lane: "keep"},
		{ID: "e", Text: "phishing simulations every quarter with feedback", Area: "activities", Lane: "keep"},
		{ID: "f", Text: "phishing simulations every quarter please", Area: "activities", Lane: "keep"},
	}
	c := vectorize(docs, defaultLexicon(), defaultWeights)
	if got := splitBags(c, [][]int{{0, 1, 2}}, defaultParams); len(got) < 2 {
		t.Errorf("notes that share nothing: %v, want them apart", got)
	}
	if got := splitBags(c, [][]int{{3, 4, 5}}, defaultParams); len(got) != 1 {
		t.Errorf("notes that say the same: %v, want one theme", got)
	}
}

// TestSweepSmallSessionOps prints, per labelled set, ARI, NMI and operations
// per 100 notes averaged over 20 sessions of 40 to 60 notes dealt from it
// (sessionSample) and over 20 sessions of 20 notes (campaignSample), with bags
// split (the default) and kept (see splitBags):
//
//	go test ./analysis/ -run SweepSmallSessionOps -v -args -sweep
func TestSweepSmallSessionOps(t *testing.T) {
	if !*sweep {
		t.Skip("run with -sweep")
	}
	kept := defaultParams
	kept.bagCohesion = 0
	for _, set := range notesets.All {
		all := loadPath(t, notesets.Path(set))
		for _, deal := range []struct {
			name string
			deal func([]labelled, uint64) []labelled
		}{{"40-60", sessionSample}, {"20", campaignSample}} {
			for _, v := range []struct {
				name string
				p    params
			}{{"split", defaultParams}, {"kept", kept}} {
				ari, nmi, ops, themes := smallSessionScore(all, deal.deal, v.p)
				fmt.Printf("%-23s sessions of %-5s bags %-5s ARI %.3f NMI %.3f ops %.1f themes %.1f\n", set, deal.name, v.name, ari, nmi, ops, themes)
			}
		}
	}
}
