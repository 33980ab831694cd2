package analysis

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/charter-tool/charter/internal/notesets"
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
// 40 to 60 notes, four dealt from each labelled set, as a facilitator reads
// them: a name cut from a note's words never ends on a verb or a function word
// ("pen testers missed", "devs coming", "before anyone found…"), one of three
// words or fewer never opens on a verb ("generate SBOMs"), and no name is one
// generic word. A note's whole text or an open topic's title, the
// participants' own words, are taken as they are.
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
		generates collect collects catch catches`)
	generic := wordSetOf(`security secure team teams people thing things stuff work
		time process issue issues problem problems tool tools way lot`)
	for _, set := range notesets.All {
		all := loadPath(t, notesets.Path(set))
		for seed := uint64(1); seed <= 4; seed++ {
			notes := sessionSample(all, seed)
			docs := make([]Doc, len(notes))
			own := map[string]bool{}
			for i, n := range notes {
				docs[i] = n.Doc
				own[strings.ToLower(strings.Join(strings.Fields(n.Text), " "))] = true
				if n.Area == "open" {
					own[strings.ToLower(n.Lane)] = true
				}
			}
			for _, th := range Cluster(docs) {
				base, _ := SplitApart(WithoutSide(th.Label))
				for _, name := range strings.SplitN(base, ": ", 2) {
					words := strings.Fields(strings.ToLower(strings.TrimSuffix(name, "…")))
					if len(words) == 0 || own[strings.Join(words, " ")] {
						continue
					}
					trim := func(w string) string {
						return strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
					}
					first, last := trim(words[0]), trim(words[len(words)-1])
					switch {
					case len(words) == 1 && generic[last]:
						t.Errorf("%s, session %d: %q is one generic word", set, seed, th.Label)
					case function[last] || verbs[last] || len(last) > 4 && strings.HasSuffix(last, "ed") && !strings.HasSuffix(last, "eed"):
						t.Errorf("%s, session %d: %q ends on %q", set, seed, th.Label, last)
					case len(words) <= 3 && len(words) > 1 && verbs[first] && !strings.HasSuffix(first, "ing") && !strings.HasSuffix(first, "ed"):
						t.Errorf("%s, session %d: %q opens on the verb %q", set, seed, th.Label, first)
					}
				}
			}
		}
	}
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
