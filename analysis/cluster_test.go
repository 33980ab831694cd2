package analysis_test

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/charter-tool/charter/analysis"
	"github.com/charter-tool/charter/internal/notesets"
	"github.com/charter-tool/charter/internal/testmain"
)

// devNote is one labelled note of testdata/notes-dev.jsonl.
type devNote struct {
	analysis.Doc
	Theme string
}

func loadDevNotes(tb testing.TB) []devNote { return loadNotes(tb, notesets.Path(notesets.Dev)) }

// labelledSets are the labelled note sets every quality figure is given for:
// the dev notes the method was tuned on, and sets written apart from them,
// worded differently and about themes the lexicon does not cover. The holdout
// notes were written before the lexicon was broadened for issue 12 and only
// evaluated once it was done; the two fresh sets were written by someone who
// saw neither the method nor the other sets, and are never tuned on; so was the
// activities set, whose notes of the activities area carry the activity their
// writers chose.
var labelledSets = []struct{ name, path string }{
	{"dev (tuned on)", notesets.Path(notesets.Dev)},
	{"unseen", notesets.Path(notesets.Unseen)},
	{"holdout", notesets.Path(notesets.Holdout)},
	{"fresh-a", notesets.Path(notesets.FreshA)},
	{"fresh-b", notesets.Path(notesets.FreshB)},
	{"activities", notesets.Path(notesets.Activities)},
}

func loadNotes(tb testing.TB, path string) []devNote {
	tb.Helper()
	var notes []devNote
	for _, r := range notesets.Read(tb, path) {
		notes = append(notes, devNote{analysis.Doc{ID: r.ID, Text: r.Text, Area: r.Area, Lane: r.Lane, Activity: r.Activity}, r.Theme})
	}
	return notes
}

// wholeSets keeps each labelled set's clustering: several tests check the same
// clustering of a whole set, each for something else.
var wholeSets sync.Map // path -> *wholeSet

type wholeSet struct {
	once   sync.Once
	notes  []devNote
	themes []analysis.Theme
}

// clusterSet returns the notes of the labelled set at path and their clustering,
// clustered once per test binary.
func clusterSet(tb testing.TB, path string) ([]devNote, []analysis.Theme) {
	tb.Helper()
	v, _ := wholeSets.LoadOrStore(path, &wholeSet{})
	w := v.(*wholeSet)
	w.once.Do(func() {
		w.notes = loadNotes(tb, path)
		w.themes = analysis.Cluster(docsOf(w.notes))
	})
	if w.notes == nil {
		tb.Fatalf("no notes in %s", path)
	}
	return w.notes, w.themes
}

func docsOf(notes []devNote) []analysis.Doc {
	docs := make([]analysis.Doc, len(notes))
	for i, n := range notes {
		docs[i] = n.Doc
	}
	return docs
}

// checkPartition fails unless every doc is in exactly one theme, themes are
// non-empty with a label no other theme reads as, and they come largest
// first, then by label.
func checkPartition(t *testing.T, docs []analysis.Doc, themes []analysis.Theme) {
	t.Helper()
	seen := map[string]int{}
	labels := map[string]bool{}
	for i, th := range themes {
		if len(th.NoteIDs) == 0 {
			t.Errorf("theme %d %q is empty", i, th.Label)
		}
		if strings.TrimSpace(th.Label) == "" {
			t.Errorf("theme %d has no label", i)
		}
		if key := strings.ToLower(th.Label); labels[key] {
			t.Errorf("theme %d: label %q twice", i, th.Label)
		} else {
			labels[key] = true
		}
		for _, id := range th.NoteIDs {
			seen[id]++
		}
		if i > 0 {
			prev := themes[i-1]
			if len(prev.NoteIDs) < len(th.NoteIDs) ||
				len(prev.NoteIDs) == len(th.NoteIDs) && prev.Label > th.Label {
				t.Errorf("theme %d (%d %q) out of order after (%d %q)", i, len(th.NoteIDs), th.Label, len(prev.NoteIDs), prev.Label)
			}
		}
	}
	for _, d := range docs {
		if seen[d.ID] != 1 {
			t.Errorf("note %s is in %d themes, want 1", d.ID, seen[d.ID])
		}
		delete(seen, d.ID)
	}
	for id := range seen {
		t.Errorf("theme lists unknown note %s", id)
	}
}

func TestClusterPartition(t *testing.T) {
	t.Parallel()
	testmain.SkipUnderRace(t)
	dev := docsOf(loadDevNotes(t))
	tests := []struct {
		name string
		docs []analysis.Doc
	}{
		{"dev notes", dev},
		{"one note", dev[:1]},
		{"same text twice", []analysis.Doc{{ID: "a", Text: "pen tests"}, {ID: "b", Text: "pen tests"}}},
		{"no usable words", []analysis.Doc{{ID: "a", Text: "!!!"}, {ID: "b", Text: "the and of"}, {ID: "c", Text: "more pen testing"}}},
		{"no area or lane", []analysis.Doc{{ID: "x", Text: "threat modelling"}, {ID: "y", Text: "STRIDE workshops"}}},
		{"an open topic named unsorted", []analysis.Doc{{ID: "a", Text: "!!!"},
			{ID: "b", Text: "the pentest came late", Area: "open", Lane: "unsorted"},
			{ID: "c", Text: "pentest report late again", Area: "open", Lane: "Unsorted"}}},
		{"unicode", []analysis.Doc{{ID: "1", Text: "Sécurité: über-wichtig"}, {ID: "2", Text: "ÜBER wichtig"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkPartition(t, tt.docs, analysis.Cluster(tt.docs))
		})
	}
}

func TestClusterEmpty(t *testing.T) {
	if got := analysis.Cluster(nil); len(got) != 0 {
		t.Errorf("Cluster(nil) = %v, want no themes", got)
	}
}

func TestClusterDeterministic(t *testing.T) {
	t.Parallel()
	testmain.SkipUnderRace(t)
	docs := docsOf(loadDevNotes(t))
	want := analysis.Cluster(docs)
	if got := analysis.Cluster(docs); !reflect.DeepEqual(got, want) {
		t.Fatal("two runs on the same notes differ")
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 3 {
		shuffled := slices.Clone(docs)
		rng.Shuffle(len(shuffled), func(a, b int) { shuffled[a], shuffled[b] = shuffled[b], shuffled[a] })
		if got := analysis.Cluster(shuffled); !reflect.DeepEqual(got, want) {
			t.Errorf("shuffle %d: themes depend on the order of the notes", i)
		}
	}
}

// The same notes in another session (other IDs) get the same themes: ordered by
// ID, the notes' IDs chose among near groupings (15, 18 or 28 themes for one set).
func TestClusterDependsOnTheNotesNotTheirIDs(t *testing.T) {
	t.Parallel()
	testmain.SkipUnderRace(t)
	docs := docsOf(loadDevNotes(t))
	groups := func(docs []analysis.Doc) []string {
		text := map[string]string{}
		for _, d := range docs {
			text[d.ID] = d.Text
		}
		var out []string
		for _, th := range analysis.Cluster(docs) {
			var texts []string
			for _, id := range th.NoteIDs {
				texts = append(texts, text[id])
			}
			slices.Sort(texts)
			out = append(out, th.Label+": "+strings.Join(texts, " | "))
		}
		slices.Sort(out)
		return out
	}
	want := groups(docs)
	for _, offset := range []int{99, 1000} {
		moved := slices.Clone(docs)
		for i := range moved {
			moved[i].ID = strconv.Itoa(i + offset)
		}
		if got := groups(moved); !slices.Equal(got, want) {
			t.Errorf("IDs from %d: another grouping (%d themes) than with the notes' own IDs (%d)", offset, len(got), len(want))
		}
	}
}

func TestClusterGroupsSameWording(t *testing.T) {
	docs := []analysis.Doc{
		{ID: "1", Text: "too many false positives from the code scanner"},
		{ID: "2", Text: "the code scanner has too many false positives"},
		{ID: "3", Text: "our manager should give us time for security work"},
	}
	themes := analysis.Cluster(docs)
	checkPartition(t, docs, themes)
	if !slices.Equal(themes[0].NoteIDs, []string{"1", "2"}) {
		t.Errorf("largest theme = %v, want the two scanner notes", themes[0].NoteIDs)
	}
}

// quality scores a clustering of notes against their gold themes.
type quality struct {
	ari, nmi  float64
	themes    int
	opsPer100 float64
	// batchedPer100 counts the notes of one theme that belong elsewhere
	// together as one move when they go to the same gold theme, as the
	// board's marked-notes move does; merges count as before.
	batchedPer100 float64
	gold, notes   int
}

// scoreAgainstGold compares themes, a clustering of notes, with the notes' gold
// themes.
func scoreAgainstGold(notes []devNote, themes []analysis.Theme) quality {
	gold := map[string]string{}
	golds := map[string]bool{}
	for _, n := range notes {
		gold[n.ID] = n.Theme
		golds[n.Theme] = true
	}
	var g, p []string
	for i, th := range themes {
		for _, id := range th.NoteIDs {
			g = append(g, gold[id])
			p = append(p, fmt.Sprint(i))
		}
	}
	merges, moves := analysis.FacilitatorOps(g, p)
	// A theme's notes of each gold theme other than the one it is kept for
	// move in one go: one move per gold theme present, less the kept one.
	batched := merges
	for _, th := range themes {
		present := map[string]bool{}
		for _, id := range th.NoteIDs {
			present[gold[id]] = true
		}
		batched += len(present) - 1
	}
	per := 100 / float64(len(notes))
	return quality{
		ari: analysis.AdjustedRandIndex(g, p), nmi: analysis.NMI(g, p), themes: len(themes),
		opsPer100: per * float64(merges+moves), batchedPer100: per * float64(batched), gold: len(golds), notes: len(notes),
	}
}

// halves splits notes by theme: the 1st, 3rd, ... themes by name, and the rest.
func halves(notes []devNote) [2][]devNote {
	names := map[string]bool{}
	for _, n := range notes {
		names[n.Theme] = true
	}
	rank := map[string]int{}
	for i, th := range slices.Sorted(maps.Keys(names)) {
		rank[th] = i
	}
	var out [2][]devNote
	for _, n := range notes {
		out[rank[n.Theme]%2] = append(out[rank[n.Theme]%2], n)
	}
	return out
}

// TestClusterQuality prints, for every labelled set, the figures of
// docs/BENCHMARKS.md as a table (go test ./analysis/ -run ClusterQuality -v),
// and fails when the clustering falls below floors a little under what it
// achieves, so that a change that makes themes worse is caught.
func TestClusterQuality(t *testing.T) {
	t.Parallel()
	testmain.SkipUnderRace(t)
	// A little under the shipped seed's figures of docs/BENCHMARKS.md since
	// the seventh round of issue 12 (dev 0.655 / 0.793 / 18.3, unseen 0.623 /
	// 0.781 / 19.6, holdout 0.713 / 0.815 / 15.4, fresh-a 0.288 / 0.631 /
	// 40.7, fresh-b 0.195 / 0.522 / 53.7, activities 0.515 / 0.704 / 31.1):
	// one run moves by several operations with any change, so the margin is
	// about three; TestClusterQualitySeeds checks the mean.
	floors := map[string]struct{ ari, nmi, ops float64 }{
		"dev (tuned on)": {ari: 0.58, nmi: 0.74, ops: 22},
		"unseen":         {ari: 0.55, nmi: 0.72, ops: 23},
		"holdout":        {ari: 0.65, nmi: 0.78, ops: 19},
		"fresh-a":        {ari: 0.24, nmi: 0.60, ops: 44},
		"fresh-b":        {ari: 0.15, nmi: 0.49, ops: 57},
		"activities":     {ari: 0.45, nmi: 0.66, ops: 34},
	}
	t.Log("| set | notes | gold themes | ARI | NMI | themes | ops/100 notes | marked moves batched |")
	t.Log("|---|---|---|---|---|---|---|---|")
	for _, set := range labelledSets {
		notes, themes := clusterSet(t, set.path)
		type part struct {
			name   string
			notes  []devNote
			themes []analysis.Theme
		}
		parts := []part{{set.name, notes, themes}}
		if testing.Verbose() {
			// Each half clustered alone, for the table only: no floor.
			for i, h := range halves(notes) {
				parts = append(parts, part{fmt.Sprintf("%s, half %d", set.name, i), h, analysis.Cluster(docsOf(h))})
			}
		}
		for _, part := range parts {
			q := scoreAgainstGold(part.notes, part.themes)
			t.Logf("| %s | %d | %d | %.3f | %.3f | %d | %.1f | %.1f |", part.name, q.notes, q.gold, q.ari, q.nmi, q.themes, q.opsPer100, q.batchedPer100)
			if f, ok := floors[part.name]; ok && (q.ari < f.ari || q.nmi < f.nmi || q.opsPer100 > f.ops) {
				t.Errorf("%s: ARI %.3f, NMI %.3f, %.1f ops/100; want at least %.2f, %.2f and at most %.0f",
					part.name, q.ari, q.nmi, q.opsPer100, f.ari, f.nmi, f.ops)
			}
		}
	}
}

// TestClusterLabels checks what a facilitator reads: a label is never one
// generic word nor carries a number suffix, a key phrase (at most three
// words) never starts or ends on a verb ("dashboards show odd"), labels
// differ, and the representative note is one of the theme's own.
func TestClusterLabels(t *testing.T) {
	t.Parallel()
	testmain.SkipUnderRace(t)
	generic := map[string]bool{"security": true, "team": true, "new": true, "actually": true, "misc": true}
	suffix := regexp.MustCompile(`[·#]\s*\d+$`)
	verbs := map[string]bool{"show": true, "shows": true, "get": true, "gets": true, "make": true, "makes": true,
		"take": true, "took": true, "blocked": true, "blocks": true, "keep": true, "keeps": true, "know": true}
	for _, set := range labelledSets {
		t.Run(set.name, func(t *testing.T) {
			seen := map[string]bool{}
			_, themes := clusterSet(t, set.path)
			for _, th := range themes {
				t.Logf("%3d %-45q %s", len(th.NoteIDs), th.Label, th.Representative)
				if generic[strings.ToLower(th.Label)] || suffix.MatchString(th.Label) {
					t.Errorf("label %q is a generic word or numbered", th.Label)
				}
				name, _, _ := strings.Cut(th.Label, " (")
				if _, after, ok := strings.Cut(name, ": "); ok {
					name = after
				}
				if words := strings.Fields(name); len(words) > 1 && len(words) <= 3 && (verbs[words[0]] || verbs[words[len(words)-1]]) {
					t.Errorf("label %q starts or ends on a verb", th.Label)
				}
				if seen[th.Label] {
					t.Errorf("label %q twice", th.Label)
				}
				seen[th.Label] = true
				if !slices.Contains(th.NoteIDs, th.Representative) {
					t.Errorf("theme %q: representative %q is not among its notes", th.Label, th.Representative)
				}
			}
		})
	}
}

func TestClusterLabelSaysTheSide(t *testing.T) {
	var docs []analysis.Doc
	for i, text := range []string{
		"pen test reports arrive months late",
		"the pentest findings are never retested",
		"external penetration tests miss our APIs",
		"pentesters do not know our architecture",
	} {
		docs = append(docs, analysis.Doc{ID: fmt.Sprint(i), Text: text, Area: "confidence", Lane: "concern"})
	}
	themes := analysis.Cluster(docs)
	if len(themes) != 1 || themes[0].Label != "pen testing (concern)" {
		t.Errorf("themes = %+v, want one labelled \"pen testing (concern)\"", themes)
	}
}

// A theme whose notes mostly come from one open topic carries the topic's
// title, cleaned; a title that is one generic word names nothing.
func TestClusterLabelTakesTheOpenTopicsTitle(t *testing.T) {
	tests := []struct{ title, want string }{
		{"AI coding tools · 2", "AI coding tools"},
		{"  Pager\tduty  #3 ", "Pager duty"},
		{"Security", "pen testing"},
		// The title's own punctuation stays as the participant wrote it; only
		// list or heading marks standing apart and closing stops go.
		{"Secrets [management] & *vaults*", "Secrets [management] & *vaults*"},
		{"*Pen testing* done right.", "*Pen testing* done right"},
		{"Pen tests for C#", "Pen tests for C#"},
		{".NET pen tests", ".NET pen tests"},
		{"- Pen testing *", "Pen testing"},
		{"## Pen testing:", "Pen testing"},
	}
	for _, tt := range tests {
		t.Run(tt.title, func(t *testing.T) {
			docs := []analysis.Doc{
				{ID: "1", Text: "pentest findings are never retested", Area: "open", Lane: tt.title},
				{ID: "2", Text: "the pentest report arrives months late", Area: "open", Lane: tt.title},
				{ID: "3", Text: "pentesters do not know our architecture", Area: "open", Lane: tt.title},
				{ID: "4", Text: "keep the yearly external pentest", Area: "activities", Lane: "keep"},
			}
			themes := analysis.Cluster(docs)
			if len(themes) != 1 || themes[0].Label != tt.want {
				t.Errorf("themes = %+v, want one labelled %q", themes, tt.want)
			}
		})
	}
}

// A note alone under an open topic, in a theme of its own, is named by the
// topic's title, not by a phrase cut from it.
func TestClusterLabelsALoneOpenTopicNoteByItsTitle(t *testing.T) {
	docs := []analysis.Doc{
		{ID: "1", Text: "pentest findings are never retested", Area: "confidence", Lane: "concern"},
		{ID: "2", Text: "the pentest report arrives months late", Area: "confidence", Lane: "concern"},
		{ID: "3", Text: "pentesters do not know our architecture", Area: "confidence", Lane: "concern"},
		{ID: "4", Text: "we need a clear policy on which laptops may hold customer data", Area: "open", Lane: "Own laptops"},
	}
	themes := analysis.Cluster(docs)
	checkPartition(t, docs, themes)
	var labels []string
	for _, th := range themes {
		labels = append(labels, th.Label)
		if slices.Equal(th.NoteIDs, []string{"4"}) && th.Label != "Own laptops" {
			t.Errorf("the lone open topic note is labelled %q, want %q", th.Label, "Own laptops")
		}
	}
	if !slices.Contains(labels, "Own laptops") {
		t.Errorf("labels %q: the lone open topic note has no theme of its own named by its topic", labels)
	}
}

// Two themes about one concept carry its name; the larger keeps it as it is
// and the other says what sets it apart, by the rule DistinctLabels applies
// to the same groups.
func TestClusterTellsApartThemesOfOneLabel(t *testing.T) {
	var docs []analysis.Doc
	for i, text := range []string{
		"critical cve patches wait weeks for the maintenance window",
		"patching critical cves waits for the quarterly maintenance window",
		"maintenance window rules delay every cve patch",
		"the next maintenance window is a month away for that critical patch",
		"vulnerability triage meetings drag on without owners",
		"nobody owns triage of scanner vulnerabilities so the meetings drag",
		"triage meetings for vulnerabilities have no owners",
	} {
		docs = append(docs, analysis.Doc{ID: fmt.Sprint(i), Text: text})
	}
	themes := analysis.Cluster(docs)
	checkPartition(t, docs, themes)
	const concept = "vulnerability management"
	if len(themes) != 2 || themes[0].Label != concept || !strings.HasPrefix(themes[1].Label, concept+": ") {
		t.Fatalf("themes = %+v, want %q and %q followed by a phrase", themes, concept, concept)
	}
	text := map[string]string{}
	for _, d := range docs {
		text[d.ID] = d.Text
	}
	texts := make([][]string, len(themes))
	for i, th := range themes {
		for _, id := range th.NoteIDs {
			texts[i] = append(texts[i], text[id])
		}
	}
	want := []string{themes[0].Label, themes[1].Label}
	if got := analysis.DistinctLabels([]string{concept, concept}, texts); !slices.Equal(got, want) {
		t.Errorf("DistinctLabels = %q, Cluster labelled the same groups %q", got, want)
	}
}

// Groups that carry one label are told apart by words of their notes, the
// first keeping the label as it is; never by a number.
func TestDistinctLabels(t *testing.T) {
	labels := []string{"pen testing", "phishing", "pen testing", "pen testing"}
	texts := [][]string{
		{"the pentest report arrives months late", "pentest findings are never retested"},
		{"phishing simulations every quarter"},
		{"external pentesters do not know our cloud setup", "the pentest scope leaves out our cloud accounts"},
		{"bug bounty hunters find more than the yearly pentest", "a public bounty program beside the pentest"},
	}
	got := analysis.DistinctLabels(labels, texts)
	seen := map[string]bool{}
	for i, l := range got {
		if seen[l] {
			t.Errorf("label %q twice in %q", l, got)
		}
		seen[l] = true
		if strings.ContainsAny(l, "·#0123456789") {
			t.Errorf("label %q is numbered", l)
		}
		if !strings.HasPrefix(l, labels[i]) {
			t.Errorf("label %q does not start with the group's own %q", l, labels[i])
		}
	}
	if got[0] != "pen testing" || got[1] != "phishing" {
		t.Errorf("labels %q: the first pen testing group and phishing keep their labels", got)
	}
}

// However little the groups say, the labels that come out are all distinct,
// read as a facilitator reads them (case aside), and the first of a label
// keeps it.
func TestDistinctLabelsAreDistinct(t *testing.T) {
	tests := []struct {
		name   string
		labels []string
		texts  [][]string
	}{
		{"no texts", []string{"pen testing", "pen testing", "pen testing"}, nil},
		{"case apart", []string{"Pen testing", "pen testing"}, [][]string{{"pentest late"}, {"pentest scope too narrow"}}},
		{"same texts", []string{"pen testing", "pen testing", "pen testing"}, [][]string{{"pentest late"}, {"pentest late"}, {"pentest late"}}},
		{"phrase taken", []string{"pen testing", "pen testing", "pen testing: scope"},
			[][]string{{"pentest late"}, {"scope"}, {"cloud accounts"}}},
		{"no words", []string{"unsorted", "unsorted"}, [][]string{{"!!!"}, {"???"}}},
		{"numbers", []string{"pen testing", "pen testing"},
			[][]string{{"pentest late"}, {"report 3 weeks after the pentest", "the report 3 weeks late again"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := analysis.DistinctLabels(tt.labels, tt.texts)
			if len(got) != len(tt.labels) || got[0] != tt.labels[0] {
				t.Fatalf("DistinctLabels(%q) = %q, want as many labels, the first as it is", tt.labels, got)
			}
			seen := map[string]bool{}
			for i, l := range got {
				key := strings.ToLower(l)
				if seen[key] {
					t.Errorf("label %q twice in %q", l, got)
				}
				seen[key] = true
				if strings.ContainsAny(l, "·#0123456789") || !strings.HasPrefix(l, tt.labels[i]) {
					t.Errorf("label %q is numbered or does not start with %q", l, tt.labels[i])
				}
				if l != strings.TrimSpace(l) || strings.HasSuffix(l, ":") {
					t.Errorf("label %q ends on a colon or a space", l)
				}
			}
		})
	}
}

// A label that tells a group apart says something the label does not: not the
// label's own words again, as the opening of a note that says only them.
func TestDistinctLabelsSayMoreThanTheLabel(t *testing.T) {
	label := "nobody retests after the pentest"
	got := analysis.DistinctLabels([]string{label, label},
		[][]string{{"pentest findings stay open"}, {"nobody retests after the pentest", "nobody retests after a pentest"}})
	if !strings.HasPrefix(got[1], label) {
		t.Fatalf("second label %q does not start with %q", got[1], label)
	}
	rest := strings.ToLower(strings.TrimPrefix(got[1], label))
	for _, w := range []string{"nobody", "retests", "pentest"} {
		if strings.Contains(rest, w) {
			t.Errorf("second label %q repeats %q", got[1], w)
		}
	}
}

// Three or more groups that say the same are told apart as a facilitator would
// name them: "another", then "a third", "a fourth" and so on, never by a number
// nor by "(another)" twice.
func TestDistinctLabelsCountInWords(t *testing.T) {
	labels := slices.Repeat([]string{"pen testing"}, 5)
	got := analysis.DistinctLabels(labels, nil)
	want := []string{"pen testing", "pen testing (another)", "pen testing (a third)",
		"pen testing (a fourth)", "pen testing (a fifth)"}
	if !slices.Equal(got, want) {
		t.Errorf("DistinctLabels = %q, want %q", got, want)
	}
}

// However many groups say the same, their names are distinct, unnumbered, and
// recognised by SplitApart as the label and what tells it apart.
func TestDistinctLabelsManyAlike(t *testing.T) {
	const label = "pen testing"
	got := analysis.DistinctLabels(slices.Repeat([]string{label}, 1200), nil)
	seen := map[string]bool{}
	for i, l := range got {
		if seen[l] {
			t.Errorf("label %q twice", l)
		}
		seen[l] = true
		if strings.ContainsAny(l, "·#0123456789") || strings.Contains(l, "(another) (another)") {
			t.Errorf("label %q is numbered or says another twice", l)
		}
		name, suffix := analysis.SplitApart(l)
		if name != label || (i > 0) != (suffix != "") {
			t.Errorf("SplitApart(%q) = %q, %q", l, name, suffix)
		}
	}
	for _, i := range []int{7, 10, 17, 20, 21, 79, 99, 100, 101, 110, 199, 1000, 1001} {
		t.Logf("%d: %q", i+1, got[i])
	}
}

// SplitApart keeps what only looks like a count as part of the name.
func TestSplitApartLeavesOtherParentheses(t *testing.T) {
	for _, l := range []string{"pen testing (a note)", "pen testing (third party)", "(another)", "pen testing (a th)",
		"pen testing (an)", "pen testing (a one)"} {
		if name, suffix := analysis.SplitApart(l); name != l || suffix != "" {
			t.Errorf("SplitApart(%q) = %q, %q, want it whole", l, name, suffix)
		}
	}
	if name, suffix := analysis.SplitApart("SAST (a tool) (another) (a third)"); name != "SAST (a tool)" || suffix != " (another) (a third)" {
		t.Errorf("SplitApart = %q, %q", name, suffix)
	}
}

// A theme of one note is named by that note when it is short, or by its first
// clause, as a facilitator would name it: key phrases cut from one note read as
// word salad ("deadlines always beat", "incident drills pay"). A possessive the
// clause opens on is the writer's, not the theme's.
func TestClusterNamesAOneNoteThemeByItsWords(t *testing.T) {
	t.Parallel()
	docs := []analysis.Doc{
		{ID: "1", Text: "Deadlines always beat security fixes", Area: "motivation", Lane: "demotivates"},
		{ID: "2", Text: "Our incident drills pay off: last quarter we caught a leaked token within an hour, because the runbook was clear", Area: "confidence", Lane: "strength"},
		{ID: "3", Text: "The quarterly questionnaire asks the same questions every year and nobody reads the answers we give, so we copy last year's answers over", Area: "activities", Lane: "less"},
	}
	want := map[string]string{
		"1": "Deadlines always beat security fixes",
		"2": "incident drills pay off",
	}
	themes := analysis.Cluster(docs)
	if len(themes) != 3 {
		t.Fatalf("%d themes, want one per note: %+v", len(themes), themes)
	}
	for _, th := range themes {
		name, _, _ := strings.Cut(th.Label, " (")
		if w, ok := want[th.NoteIDs[0]]; ok && name != w {
			t.Errorf("note %s's theme is named %q, want %q", th.NoteIDs[0], th.Label, w)
		}
		if th.NoteIDs[0] == "3" && (len(strings.Fields(name)) > 8 || strings.HasSuffix(name, "answers we give")) {
			t.Errorf("a long note without a short clause is named %q, want a key phrase", th.Label)
		}
	}
}

func TestRelabelSide(t *testing.T) {
	for _, tc := range []struct {
		label string
		lanes []string
		want  string
	}{
		{"cloud configuration (strength)", []string{"strength", "concern", "concern", "concern"}, "cloud configuration (concern)"},
		{"cloud configuration (strength)", []string{"strength", "concern"}, "cloud configuration"},
		{"cloud configuration (strength)", []string{"strength", "strength", "concern"}, "cloud configuration (strength)"},
		{"pen testing (yearly) (more)", []string{"less", "more"}, "pen testing (yearly)"},
		{"pen testing (yearly)", []string{"less", "more"}, "pen testing (yearly)"},
		{"secrets", []string{"concern", "concern"}, "secrets"},
	} {
		if got := analysis.RelabelSide(tc.label, tc.lanes); got != tc.want {
			t.Errorf("RelabelSide(%q, %v) = %q, want %q", tc.label, tc.lanes, got, tc.want)
		}
	}
}

func TestNamedAfter(t *testing.T) {
	docs := []analysis.Doc{
		{ID: "1", Text: "Being thanked by the security team feels good"},
		{ID: "2", Text: "Security reviews are a queue with no visibility, we wait weeks"},
		{ID: "3", Text: "security reviews take weeks"},
	}
	for label, want := range map[string]string{
		"Security reviews are a queue with no visibility…": "2",
		"security reviews are a queue (concern)":           "2",
		"security reviews":                                 "2", // both begin so: the first by content
		"security training":                                "",
		"reviews":                                          "", // one word says too little
	} {
		if got := analysis.NamedAfter(label, docs); got != want {
			t.Errorf("NamedAfter(%q) = %q, want %q", label, got, want)
		}
	}
}

// A note written under an activity is about that activity, even when its text does
// not say so: notes of the activities area group by the activity their writers
// chose, where their words alone would not tell them apart.
func TestClusterGroupsNotesByTheActivityTheyWereWrittenUnder(t *testing.T) {
	t.Parallel()
	under := map[string][]string{
		"threat modelling": {
			"earlier in the project please, not the week before go-live",
			"the template is far too long for a small change",
			"more often, and with the whole team in the room",
			"run by someone who knows our architecture",
			"keep doing it for every new service",
			"less paperwork afterwards, nobody reads the document",
		},
		"pen testing": {
			"the yearly one on internal tools nobody can reach",
			"reports arrive months after the work is done",
			"a retest after we fixed the findings",
			"keep the external testers, they find real things",
			"let us scope it with them before they start",
			"more of it for what faces the internet",
		},
	}
	var docs []analysis.Doc
	activityOf := map[string]string{}
	for activity, texts := range under {
		for i, text := range texts {
			id := fmt.Sprintf("%s-%d", activity, i)
			lane := []string{"more", "less", "keep", "add"}[i%4]
			docs = append(docs, analysis.Doc{ID: id, Text: text, Area: "activities", Lane: lane, Activity: activity})
			activityOf[id] = activity
		}
	}
	themes := analysis.Cluster(docs)
	for _, th := range themes {
		seen := map[string]bool{}
		for _, id := range th.NoteIDs {
			seen[activityOf[id]] = true
		}
		if len(seen) > 1 {
			t.Errorf("theme %q mixes the notes of %d activities: %v", th.Label, len(seen), th.NoteIDs)
		}
	}
	if len(themes) > 4 {
		t.Errorf("%d themes for the notes of two activities", len(themes))
	}
}

// Notes that say the same under two activities are told apart by their activity,
// not by their IDs: the grouping is the same whichever IDs they carry.
func TestClusterOrdersSameWordsByActivityNotID(t *testing.T) {
	t.Parallel()
	texts := []string{
		"earlier in the project please", "the template is too long", "more often with the whole team",
		"run by someone who knows the architecture", "keep doing it for new services", "less paperwork afterwards",
		"reports arrive months later", "a retest after the fixes", "let us scope it first",
	}
	build := func(idOf func(i int) string) []analysis.Doc {
		var docs []analysis.Doc
		for i, text := range texts {
			for j, activity := range []string{"threat modelling", "pen testing", "bug bounty"} {
				docs = append(docs, analysis.Doc{ID: idOf(3*i + j), Text: text, Area: "activities", Lane: "more", Activity: activity})
			}
		}
		return docs
	}
	groups := func(docs []analysis.Doc) []string {
		what := map[string]string{}
		for _, d := range docs {
			what[d.ID] = d.Activity + ": " + d.Text
		}
		var out []string
		for _, th := range analysis.Cluster(docs) {
			var ws []string
			for _, id := range th.NoteIDs {
				ws = append(ws, what[id])
			}
			slices.Sort(ws)
			out = append(out, strings.Join(ws, " | "))
		}
		slices.Sort(out)
		return out
	}
	want := groups(build(func(i int) string { return fmt.Sprintf("n%03d", i) }))
	for _, ids := range []func(i int) string{
		func(i int) string { return fmt.Sprintf("n%03d", 1000-i) },
		func(i int) string { return fmt.Sprintf("n%03d", (i*7)%27) },
	} {
		if got := groups(build(ids)); !slices.Equal(got, want) {
			t.Errorf("other IDs, another grouping:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// A theme of one note is not named by the note's verb: "Our team knows its
// services well and reacts quickly to alerts", beside eight notes of a small
// session, was suggested as "reacts" (a tester's session), where the README
// promises that a name cut from a note never stops on a verb.
func TestOneNoteThemeIsNotNamedByItsVerb(t *testing.T) {
	t.Parallel()
	texts := []string{
		"Our CI pipeline runs SAST on every merge and it catches real bugs",
		"Nobody owns the legacy payment service, patches take months",
		"SAST findings are triaged within a day, keep that",
		"Threat modelling workshops for new services",
		"Fewer mandatory trainings that repeat the same slides",
		"Recognition from leadership when we fix vulnerabilities fast",
		"Security tickets always lose against feature deadlines",
		"Which AI assistants are we allowed to use with company code?",
		"Our team knows its services well and reacts quickly to alerts",
	}
	var docs []analysis.Doc
	for i, text := range texts {
		docs = append(docs, analysis.Doc{ID: strconv.Itoa(i), Text: text})
	}
	for _, th := range analysis.Cluster(docs) {
		if !slices.Contains(th.NoteIDs, "8") {
			continue
		}
		last := strings.Fields(analysis.WithoutSide(th.Label))
		if len(last) == 0 || strings.HasPrefix(strings.ToLower(last[len(last)-1]), "react") {
			t.Errorf("the theme of %q is named %q, by its verb", texts[8], th.Label)
		}
		return
	}
	t.Fatalf("no theme holds %q", texts[8])
}
