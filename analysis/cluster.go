// Package analysis groups the notes of chartering sessions into themes and
// measures how well a grouping agrees with one made by people.
//
// Everything here is a pure function of its input: no I/O, no clock, and
// pseudo-random choices only from fixed seeds, so a board can re-run it on every new note and get the same
// themes for the same notes.
package analysis

import (
	"cmp"
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Doc is one note to cluster. Activity is the security activity a note of the
// activities area was written under, as its writer chose it from a list (empty
// when none was): the text often does not name it ("earlier in the project,
// please" under threat modelling).
type Doc struct {
	ID, Text, Area, Lane string
	Activity             string
}

// Theme is one cluster: its label, its notes and the note that best stands
// for them, to show under the label.
type Theme struct {
	Label          string
	NoteIDs        []string
	Representative string
}

// params are the knobs of one clustering run; Cluster uses defaultParams.
type params struct {
	weights
	// threshold is the least average cosine similarity at which two groups
	// merge, when clustering by linkage (few notes, or spectral unset).
	threshold float64
	// exactLimit is the largest number of notes clustered in one exact pass.
	exactLimit int
	// spectral, when set, clusters by spectral clustering instead of a
	// linkage threshold.
	spectral *spectralParams
	// bagCohesion and bagLink: a theme whose notes are on average less similar
	// than bagCohesion is clustered again by linkage at bagLink (see
	// splitBags); a bagCohesion of 0 splits none.
	bagCohesion, bagLink float64
}

var defaultParams = params{
	weights:    defaultWeights,
	threshold:  0.25,
	exactLimit: 1000,
	spectral:   &defaultSpectral,
	// Chosen on sessions of 40 to 60 notes dealt from the dev and unseen
	// notes (TestSweepSmallSessionOps), where they save about two operations
	// per 100 notes, leaving the whole sets as they were.
	bagCohesion: 0.3,
	bagLink:     0.15,
}

// Cluster groups docs into themes. Every doc is in exactly one theme; notes
// with no usable words share one theme labelled "unsorted". Themes come
// largest first, then by label; note IDs within a theme are sorted. The result
// depends only on the set of docs, not on their order, and only on their words
// where they differ there, not on their IDs (see byContent).
func Cluster(docs []Doc) []Theme {
	return clusterWith(docs, defaultLexicon(), defaultParams)
}

func clusterWith(docs []Doc, lx *lexicon, p params) []Theme {
	if len(docs) == 0 {
		return []Theme{}
	}
	// Sorting first makes the result independent of input order.
	sorted := slices.Clone(docs)
	slices.SortStableFunc(sorted, byContent)
	c := vectorize(sorted, lx, p.weights)

	var withWords, empty []int
	for i, v := range c.vecs {
		if len(v) == 0 {
			empty = append(empty, i)
		} else {
			withWords = append(withWords, i)
		}
	}
	var groups [][]int
	// A handful of notes has no neighbourhood structure to find: linkage
	// with a threshold decides them.
	if p.spectral != nil && len(withWords) >= p.spectral.minNotes {
		groups = spectralPartition(c.vecs, withWords, *p.spectral)
	} else {
		groups = partition(c.vecs, withWords, p.threshold, p.exactLimit)
	}
	groups = splitBags(c, groups, p)

	themes := make([]Theme, 0, len(groups)+1)
	members := make([][]int, 0, len(groups)+1)
	if len(empty) > 0 {
		ids := idsOf(sorted, empty)
		themes = append(themes, Theme{Label: "unsorted", NoteIDs: ids, Representative: ids[0]})
		members = append(members, empty)
	}
	for _, g := range groups {
		label, central := c.label(sorted, g)
		themes = append(themes, Theme{Label: label, NoteIDs: idsOf(sorted, g), Representative: sorted[central].ID})
		members = append(members, g)
	}
	// Labels are told apart in the order the themes are listed, the unsorted
	// one first: it keeps its name, and of two themes of one label the one
	// listed first keeps it as it is.
	order := make([]int, len(themes))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order[len(themes)-len(groups):], func(a, b int) int { return listed(themes[a], themes[b]) })
	labels := make([]string, len(order))
	ordered := make([][]int, len(order))
	for k, i := range order {
		labels[k], ordered[k] = themes[i].Label, members[i]
	}
	for k, l := range distinctLabels(labels, ordered, func() *corpus { return c }) {
		themes[order[k]].Label = l
	}
	slices.SortStableFunc(themes, listed)
	return themes
}

// listed orders themes as Cluster lists them: largest first, then by label.
func listed(a, b Theme) int {
	return cmp.Or(cmp.Compare(len(b.NoteIDs), len(a.NoteIDs)),
		cmp.Compare(a.Label, b.Label), cmp.Compare(a.NoteIDs[0], b.NoteIDs[0]))
}

func idsOf(docs []Doc, members []int) []string {
	ids := make([]string, len(members))
	for k, i := range members {
		ids[k] = docs[i].ID
	}
	slices.Sort(ids)
	return ids
}

// label names a theme as a facilitator would: by the lexicon's concept that
// most of its notes share, else by a short key phrase of its most central
// note, and says which side the theme is on when most of its notes agree
// ("concern", "keep", ...). It returns the label and the central note.
func (c *corpus) label(docs []Doc, members []int) (string, int) {
	central := c.central(members)
	concept := c.sharedConcept(members)
	if concept >= 0 && !slices.Contains(c.concepts[central], concept) {
		// A concept only half the notes say names the theme only when the note
		// shown first under the name says it too: else name and note disagree
		// ("vulnerability management" over "there's a real community here").
		n := 0
		for _, i := range members {
			if slices.Contains(c.concepts[i], concept) {
				n++
			}
		}
		if 2*n <= len(members) {
			concept = -1
		}
	}
	var name string
	switch title := topicTitle(docs, members); {
	case title != "":
		// The participants' own name for what most of these notes are about.
		name = title
	case concept >= 0:
		name = c.lx.labels[concept]
	case len(members) == 1 && shortNote(c.texts[central]) != "":
		// A key phrase cut from one note reads as word salad ("deadlines always
		// beat"); the note says it better.
		name = shortNote(c.texts[central])
	default:
		name = c.keyPhrase(members, central, nil)
	}
	if side := sideOf(docs, members); side != "" && !opensOnSide(name, side) {
		name += " (" + side + ")"
	}
	return name, central
}

// opensOnSide reports whether a name opens on the word of its side already, as
// a note's own words may ("keep inviting the ops people", "fewer tools"): the
// side after it said it twice ("fewer tools (less)").
func opensOnSide(name, side string) bool {
	first, _, _ := strings.Cut(strings.ToLower(name), " ")
	return first == side || side == "less" && first == "fewer"
}

// shortNoteWords and shortNoteRunes bound a note, or its first clause, that
// names a theme of its own.
const shortNoteWords, shortNoteRunes = 8, 48

// shortNote returns text as a theme's name when it is short and reads as a
// name (readsAsName), else its first clause (up to the first , ; : . ! ? or
// parenthesis) when that is short, has two words or more and reads as a name,
// else that clause up to where a clause hanging on it opens ("WAF stuck in
// count mode for months", because…) when that does, else "". Spaces are
// collapsed and end punctuation dropped.
func shortNote(text string) string {
	fits := func(v string) bool {
		n := len(strings.Fields(v))
		return n >= 2 && n <= shortNoteWords && utf8.RuneCountInString(v) <= shortNoteRunes
	}
	reads := func(v string) bool { return readsAsName(tokenize(v, stemmer{})) }
	t := strings.TrimRight(strings.Join(strings.Fields(text), " "), ".!?;:, ")
	if first, rest, ok := strings.Cut(t, " "); ok && possessives[strings.ToLower(first)] {
		t = rest
	}
	if fits(t) && readsWhole(tokenize(t, stemmer{})) {
		return t
	}
	if i := strings.IndexAny(t, ",;:.!?("); i > 0 {
		// A clause cut from a longer note must read as a name does: "devs coming to
		// us early because they want to" does not, "our drills pay off" does.
		if c := strings.TrimSpace(t[:i]); fits(c) && len(tokenize(c, stemmer{})) > 1 && reads(c) {
			return c
		}
	}
	// Cut there, a clause names its theme without the article it opened on ("a
	// certification path", we can follow during work hours).
	c := mainClause(t)
	if first, rest, ok := strings.Cut(c, " "); ok && articles[strings.ToLower(first)] {
		c = rest
	}
	if fits(c) && reads(c) {
		return c
	}
	return ""
}

// central returns the member most similar to the theme's mean: the note that
// best stands for the others, the first on a tie.
func (c *corpus) central(members []int) int {
	mean := meanOf(c.vecs, members)
	best, bestSim := members[0], math.Inf(-1)
	for _, i := range members {
		if s := sparseDot(c.vecs[i], mean); s > bestSim+1e-12 || s > bestSim-1e-12 && i < best {
			best, bestSim = i, s
		}
	}
	return best
}

// sharedConcept returns the concept at least half of a theme's notes (and at
// least two) express, the commonest, the first in the lexicon on a tie; -1
// when there is none.
func (c *corpus) sharedConcept(members []int) int {
	count := make([]int, len(c.lx.names))
	best := -1
	for _, i := range members {
		for _, k := range c.concepts[i] {
			count[k]++
		}
	}
	for k, n := range count {
		if best < 0 || n > count[best] {
			best = k
		}
	}
	if best < 0 || count[best] < 2 || 2*count[best] < len(members) {
		return -1
	}
	return best
}

// genericWords say nothing about what a theme is about, however often its
// notes use them; a label is never one of them alone.
var genericWords = map[string]bool{
	"security": true, "secure": true, "team": true, "teams": true, "new": true, "actually": true,
	"good": true, "better": true, "bad": true, "need": true, "needs": true, "want": true,
	"people": true, "thing": true, "things": true, "stuff": true, "lot": true, "lots": true,
	"always": true, "never": true, "make": true, "like": true, "feel": true, "know": true,
	"less": true, "add": true, "keep": true, "many": true, "everything": true, "nothing": true,
	"nobody": true, "someone": true, "everyone": true, "work": true, "time": true,
	"rest": true, "part": true, "bit": true, "since": true, "last": true, "including": true,
	"thinks": true, "think": true, "really": true, "still": true, "often": true, "sometimes": true,
}

// notNames are frequent verbs that end a clause rather than name a topic:
// a label such as "dashboards show odd" starts or ends on one of them. The
// last are forms of words that are a name's too ("open findings", "lives" of
// people are rare): "renovate opens", "who owns identity", "customer data
// lives".
var notNames = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
ask asks asked block blocks blocked call called come comes came feel feels felt
find finds found get gets got give gives gave go goes went gone happen happens happened
help helps helped keep keeps kept know knows knew leave leaves left look looks looked
make makes made put run runs ran say says said see sees saw seen show shows showed shown
sit sits sat start starts started stop stops stopped take takes took taken tell tells told
try tries tried use uses used wait waits waited want wants wanted
opens owns lives`) {
		m[w] = true
	}
	return m
}()

// phraseWords is the most words a key phrase has; openingWords the most
// words of a note's opening used when no phrase names the theme.
const phraseWords, openingWords = 3, 8

// keyPhrase picks from the central note the run of two or three words of one
// clause, none a stop word, that best names the theme: it starts and ends with
// a content word that is not generic, opens and ends as a noun phrase does
// (canStart, canEnd: not on a verb, nor on an adjective left waiting), and its
// words score by how many of the theme's other notes share them times how rare
// they are overall, so that words of the central note alone add little. Words
// whose stems are in skip do not count (they name what the theme shares with
// another). When no run of two such words exists, the note's own words name
// the theme where they read as a name (noteName), else a run that opens on a
// generic word ("team scorecard"), else its best word when the theme's other
// notes say it too or the note is alone, else the subject of its clause
// (subjectName) or what it says is done (doingName), else the best word; the
// note's opening cut short only when nothing else is found. After a shared
// concept's name only a run of two words or more tells a theme apart: one word
// reads as a tag tacked on ("management support: risk").
func (c *corpus) keyPhrase(members []int, central int, skip map[string]bool) string {
	share := map[string]float64{}
	for _, i := range members {
		for _, w := range c.words[i] {
			share[c.stems[w]]++
		}
	}
	n := len(c.vecs)
	weight := func(t token) float64 {
		if t.stop || !meaningful(t.surface) || genericWords[t.surface] || notNames[t.surface] ||
			strings.HasSuffix(t.surface, "ly") || skip[t.stem] {
			return 0
		}
		df := 1
		if id, ok := c.stemID[t.stem]; ok {
			df = c.wordDocs[id]
		}
		return (share[t.stem] - 0.5) / float64(len(members)) * idf(n, df)
	}
	toks, clause := clauseTokens(c.texts[central])
	// phrase returns the best run, from toks[bi] to toks[bj], by the rules above;
	// with generic, it may open on a generic word that can open a noun phrase
	// ("team scorecard", "new joiners").
	var wordStem string
	phrase := func(generic bool) (bi, bj int, word string) {
		bestScore, bestWord := 0.0, 0.0
		bi, bj = -1, -1
		for i := range toks {
			// A name opens as a noun phrase does, not on a verb ("generate SBOMs").
			if !canStart(toks[i]) || weight(toks[i]) == 0 && !(generic && openingGeneric[toks[i].surface]) {
				continue
			}
			score := weight(toks[i])
			if score > bestWord && canEnd(toks[i]) {
				bestWord, word, wordStem = score, toks[i].shown(), toks[i].stem
			}
			// A phrase runs over words of one clause, not over numbers or signs:
			// "report 3 weeks" is two phrases, "less shelfware, fewer tools" too.
			for j := i + 1; j < len(toks) && j < i+phraseWords && clause[j] == clause[i] &&
				!toks[j].stop && meaningful(toks[j].surface); j++ {
				w := weight(toks[j])
				score += w
				if w > 0 && score > bestScore && canEnd(toks[j]) {
					bestScore, bi, bj = score, i, j
				}
			}
		}
		return bi, bj, word
	}
	bi, bj, word := phrase(false)
	if bi < 0 && skip != nil {
		bi, bj, _ = phrase(true)
	}
	switch {
	case bi < 0 && skip != nil:
		// After a shared concept's name one word reads as a tag tacked on
		// ("management support: risk"), a quote cut short as a second label.
		return ""
	case bi < 0:
		// The note's words name the theme where they read as a name; else its
		// word that best does, a noun; a quote cut short only when none is.
		if s := noteName(c.texts[central]); s != "" {
			return s
		}
		if bi, bj, _ = phrase(true); bi >= 0 {
			break
		}
		// One word of the note names the theme when the others say it too, or
		// the note is alone; else a clause's subject or what it says is done
		// reads better ("ticking a box" over "box").
		if word != "" && (len(members) == 1 || share[wordStem] >= 2) {
			return word
		}
		if s := subjectName(c.texts[central]); s != "" {
			return s
		}
		if s := doingName(c.texts[central]); s != "" {
			return s
		}
		if word != "" {
			return word
		}
		return opening(c.texts[central], openingWords)
	case skip == nil && len(members) > 1 && !sharedRun(toks[bi:bj+1], share):
		// No word of the phrase is in another of the theme's notes: it names one
		// note. The note's own words read better where they read as a name;
		// else the phrase, which opens and ends as a noun phrase does, still
		// names what the note is about.
		if s := noteName(c.texts[central]); s != "" {
			return s
		}
	}
	words := make([]string, 0, bj-bi+1)
	for _, t := range toks[bi : bj+1] {
		words = append(words, t.shown())
	}
	return strings.Join(words, " ")
}

// openingGeneric are the generic words that open a noun phrase whose other
// words say what it is about ("team scorecard", "new joiners").
var openingGeneric = wordSet("security team teams new good bad better people")

// noteName returns a note's words that name a theme as they stand: shortNote,
// else the whole note when opening would quote it uncut and it reads as a name
// ("being the only one who cares in the team"); else "".
func noteName(text string) string {
	if s := shortNote(text); s != "" {
		return s
	}
	if o := opening(text, openingWords); !strings.HasSuffix(o, "…") && readsWhole(tokenize(o, stemmer{})) {
		return o
	}
	return ""
}

// subjectName returns the subject of a note's first clause, main clause, when
// it names the note's theme as the clause's first words ("doing the right
// thing", is also the easy thing); else "".
func subjectName(text string) string {
	t := strings.Join(strings.Fields(text), " ")
	c := mainClause(t)
	if c == "" {
		c = t
		if i := strings.IndexAny(t, ",;:.!?("); i > 0 {
			c = t[:i]
		}
	}
	s := subjectOf(c)
	toks := tokenize(s, stemmer{})
	if len(toks) == 0 || len(strings.Fields(s)) > shortNoteWords || !readsAsName(toks) {
		return ""
	}
	// A subject opens on no verb but a participle ("feels like the tool" is no name).
	if participle, verb := verbForms[toks[0].surface]; verb && !participle {
		return ""
	}
	return s
}

// sharedRun reports whether a word of run, not a stop word, is in two notes or
// more by share (how many of a theme's notes have each stem).
func sharedRun(run []token, share map[string]float64) bool {
	for _, t := range run {
		if !t.stop && share[t.stem] >= 2 {
			return true
		}
	}
	return false
}

// opening quotes the first words of a note as written, at most most, without trailing punctuation or stop words, and marks a cut
// with an ellipsis: the participant's own words read better than a phrase
// pieced together from them.
func opening(text string, most int) string {
	words := strings.Fields(text)
	// A note a word or two longer than most is taken whole: cutting it read as
	// a name broken off for nothing ("… merge requests containing…").
	cut := len(words) > most+2 || len(words) > most && utf8.RuneCountInString(strings.Join(words, " ")) > shortNoteRunes+16
	if cut {
		words = words[:most]
	}
	for len(words) > 0 {
		last := strings.TrimFunc(words[len(words)-1], func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		// Cut short, an opening stops on a word that can end a name, not on one a
		// sentence went on from ("… before anyone found…").
		if toks := tokenize(last, stemmer{}); last != "" && (len(toks) != 1 || !toks[0].stop && (!cut || canEnd(toks[0]))) || len(words) == 1 {
			words[len(words)-1] = last
			break
		}
		words = words[:len(words)-1]
		cut = true
	}
	if cut {
		return strings.Join(words, " ") + "…"
	}
	return strings.Join(words, " ")
}

// topicTitle returns the title of the open topic more than half of a
// theme's notes were written under (a lone note's too), cleaned for a label:
// spaces collapsed, a trailing number such as " · 2" or "#3" and framing
// marks dropped (cleanTitle). A title that is then one generic word ("security",
// "team") names nothing and gives "".
func topicTitle(docs []Doc, members []int) string {
	count := map[string]int{}
	best, bestKey := "", ""
	for _, i := range members {
		if strings.ToLower(strings.TrimSpace(docs[i].Area)) != "open" {
			continue
		}
		t := cleanTitle(docs[i].Lane)
		if t == "" {
			continue
		}
		key := strings.ToLower(t)
		count[key]++
		if best == "" || count[key] > count[bestKey] || count[key] == count[bestKey] && key < bestKey {
			best, bestKey = t, key
		}
	}
	// One note alone under a topic is named by it too: its writer's own name for
	// it reads better than a phrase cut from the note, and matches the theme of
	// that topic in an earlier session.
	if best == "" || 2*count[bestKey] <= len(members) {
		return ""
	}
	if words := strings.Fields(best); len(words) == 1 && genericWords[strings.ToLower(words[0])] {
		return ""
	}
	return best
}

// numberSuffix is a count or number a title may end with ("AI · 2", "Tools
// #3", "Cloud (2)"), which a label never carries.
var numberSuffix = regexp.MustCompile(`\s*(?:[·#:\-–—]\s*\d+|\(\d+\))\s*$`)

// titleMarks are the list, heading and stop marks a title may be framed by
// ("- AI tools", "## Cloud:").
const titleMarks = "-–—·#*•:;,.!?"

// cleanTitle makes an open topic's title fit a label: control characters
// dropped, spaces collapsed, no number suffix, no marks standing apart at
// either end, and no dash, bullet or stop on the ends of its words. An
// asterisk, hash or dot on a word is the participant's own ("*vaults*",
// "C#", ".NET") and stays: Markdown is escaped where a label is rendered.
func cleanTitle(title string) string {
	title = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, title)
	title = strings.Join(strings.Fields(title), " ")
	for {
		t := numberSuffix.ReplaceAllString(title, "")
		t = strings.TrimRight(strings.TrimLeft(t, "-–—·•:;, "), "-–—·•:;,.!? ")
		words := strings.Fields(t)
		for len(words) > 0 && strings.Trim(words[0], titleMarks) == "" {
			words = words[1:]
		}
		for len(words) > 0 && strings.Trim(words[len(words)-1], titleMarks) == "" {
			words = words[:len(words)-1]
		}
		t = strings.Join(words, " ")
		if t == title {
			return t
		}
		title = t
	}
}

// sideNames says in a word which side of an area a lane is.
var sideNames = map[string]string{
	"strength": "strength", "concern": "concern", "keep": "keep", "add": "add",
	"less": "less", "more": "more", "motivates": "motivates", "demotivates": "demotivates",
}

// sideOf returns the lane at least two thirds of a theme's notes share, when
// it is one of the method's sides; "" when they do not agree.
func sideOf(docs []Doc, members []int) string {
	count := map[string]int{}
	for _, i := range members {
		count[strings.ToLower(strings.TrimSpace(docs[i].Lane))]++
	}
	for lane, k := range count {
		if name, ok := sideNames[lane]; ok && 3*k >= 2*len(members) && len(members) >= 2 {
			return name
		}
	}
	return ""
}

// DistinctLabels tells apart groups that carry one label, by the rule
// Cluster applies to its themes: texts[i] are group i's texts, and the
// result has one label per group, all distinct.
func DistinctLabels(labels []string, texts [][]string) []string {
	var docs []Doc
	groups := make([][]int, len(labels))
	for g := range labels {
		if g >= len(texts) {
			break
		}
		for _, t := range texts[g] {
			groups[g] = append(groups[g], len(docs))
			docs = append(docs, Doc{Text: t})
		}
	}
	var c *corpus
	return distinctLabels(labels, groups, func() *corpus {
		if c == nil {
			c = vectorize(docs, defaultLexicon(), defaultWeights)
		}
		return c
	})
}

// distinctLabels keeps two groups from carrying one label: a facilitator
// reading the list must tell them apart, and labels that differ in case only
// read as one. The first group with a label keeps it; every later one is
// followed by a key phrase of its most central note in words the label does
// not already say (labelStems), else by that note's opening words, and
// when those too are taken (the groups say the same), by "(another)",
// "(a third)", "(a fourth)" and so on; never by a number. groups[i] are group i's notes in corpusOf, which is
// called only when a label repeats.
func distinctLabels(labels []string, groups [][]int, corpusOf func() *corpus) []string {
	out := slices.Clone(labels)
	key := func(l string) string { return strings.ToLower(strings.TrimSpace(l)) }
	count := map[string]int{}
	taken := map[string]bool{}
	for _, l := range labels {
		count[key(l)]++
		taken[key(l)] = true
	}
	first := map[string]bool{}
	next := map[string]int{}
	for i, l := range labels {
		if k := key(l); count[k] < 2 || !first[k] {
			first[k] = true
			continue
		}
		var names []string
		if i < len(groups) && len(groups[i]) > 0 {
			c := corpusOf()
			central := c.central(groups[i])
			said := c.labelStems(l)
			for _, phrase := range []string{
				c.keyPhrase(groups[i], central, said),
				noteName(c.texts[central]),
			} {
				// A phrase in words the label already says tells nothing apart
				// ("retests after the pentest: retests after…").
				// Nor does one with a number in it read as a name ("… 3 weeks").
				if phrase != "" && !saysOnly(phrase, said) && !strings.ContainsAny(phrase, "0123456789") {
					names = append(names, l+": "+phrase)
				}
			}
		}
		for k := max(2, next[key(l)]); ; k++ {
			name := l + apartSuffix(k)
			names = append(names, name)
			if !taken[key(name)] {
				// The names before are taken: the next group of the label starts here.
				next[key(l)] = k
				break
			}
		}
		for _, name := range names {
			if !taken[key(name)] {
				out[i] = name
				taken[key(name)] = true
				break
			}
		}
	}
	return out
}

// saysOnly reports whether every word of phrase that is not a stop word is one of
// stems.
func saysOnly(phrase string, stems map[string]bool) bool {
	for _, t := range tokenize(phrase, stemmer{}) {
		if !t.stop && meaningful(t.surface) && !stems[t.stem] {
			return false
		}
	}
	return true
}

// labelStems returns the stems of the words a label already says: its own,
// and the one-word synonyms of the lexicon's concepts it names or expresses
// ("pen testing" says "pentest" too).
func (c *corpus) labelStems(label string) map[string]bool {
	toks := tokenize(label, stemmer{})
	stems := map[string]bool{}
	for _, t := range toks {
		if !t.stop {
			stems[t.stem] = true
		}
	}
	concepts := c.lx.match(toks)
	label = strings.ToLower(label)
	for k, name := range c.lx.labels {
		if label == name || strings.HasPrefix(label, name+" (") {
			concepts = append(concepts, k)
		}
	}
	for _, k := range concepts {
		for s := range c.lx.synonyms[k] {
			stems[s] = true
		}
	}
	return stems
}

// RelabelSide keeps the side a suggested theme's name says true once its notes
// changed (a merge): a name ending in a side, " (concern)", takes the side its
// notes' lanes now agree on, or none when they no longer agree. Other names are
// returned as they are.
func RelabelSide(label string, lanes []string) string {
	base, ok := cutSide(label)
	if !ok {
		return label
	}
	docs := make([]Doc, len(lanes))
	members := make([]int, len(lanes))
	for i, l := range lanes {
		docs[i], members[i] = Doc{Lane: l}, i
	}
	if now := sideOf(docs, members); now != "" {
		return base + " (" + now + ")"
	}
	return base
}

// HasSide reports whether a name ends in a side, " (concern)", as suggested names
// do where their notes agree.
func HasSide(label string) bool {
	_, ok := cutSide(label)
	return ok
}

// WithoutSide is a name without the side it ends in, if any: "security training
// (more)" is "security training".
func WithoutSide(label string) string {
	base, _ := cutSide(label)
	return base
}

// cutSide splits a name that ends in a side, " (concern)", as label names sides:
// the name before it, and whether it had one.
func cutSide(label string) (string, bool) {
	i := strings.LastIndex(label, " (")
	if i < 0 || !strings.HasSuffix(label, ")") {
		return label, false
	}
	if _, known := sideNames[label[i+2:len(label)-1]]; !known {
		return label, false
	}
	return label[:i], true
}

// byContent orders docs by what they say, then by ID. k-means starts from
// pseudo-random picks by position, so the order decides which grouping of
// several near ones comes out: ordered by ID (as text), the same 98 notes
// imported into a second session, with IDs from 99 on, gave 18 themes instead of
// 15, and 28 with IDs from 1000. By content, the same notes give the same
// suggestions in every session.
func byContent(a, b Doc) int {
	return cmp.Or(cmp.Compare(a.Text, b.Text), cmp.Compare(a.Area, b.Area), cmp.Compare(a.Lane, b.Lane),
		cmp.Compare(a.Activity, b.Activity), cmp.Compare(a.ID, b.ID))
}
