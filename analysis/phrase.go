package analysis

import "strings"

// A theme's name made of a note's words must read as a noun phrase: "pen
// testers missed", "devs coming", "merge requests containing" or "dashboards
// show odd" stop where a sentence goes on, and "generate SBOMs" reads as an
// order. The lists below are closed on purpose: notes are short, their verbs
// and adjectives few, and a word missing here only costs a worse name.

// verbBases are verbs notes use that are not also the name of an activity or a
// thing ("test", "scan", "review", "patch" are left out: "pen test", "code
// review" end on them as nouns). verbForms holds their inflections.
const verbBases = `
ask block call catch chase collect come contain dig drop explain feel fight find
force forget generate get give go hate hear keep know leave let like look lose love
make mean miss need put reach read realise realize remember run say see seem send
show sit spend start stop take tell think try understand wait want write`

// irregularForms are the verbs' forms the rules of inflect do not make.
const irregularForms = `
came caught dug felt fought forgot forgotten found gave given went gone heard kept
knew known learnt left lost made meant paid ran said saw seen sent shown sat spent
took taken told thought understood won wrote written`

// inflect lists the regular forms of a verb: -s, -es, -ed, -d, -ing, with a
// final e dropped, a final consonant doubled or a final y turned to i. A form
// that is no English word does no harm.
func inflect(b string) []string {
	forms := []string{b, b + "s", b + "es", b + "ed", b + "d", b + "ing", strings.TrimSuffix(b, "e") + "ing"}
	if last := b[len(b)-1]; !strings.ContainsRune("aeiouwy", rune(last)) {
		forms = append(forms, b+string(last)+"ing", b+string(last)+"ed")
	}
	if stem, ok := strings.CutSuffix(b, "y"); ok {
		forms = append(forms, stem+"ies", stem+"ied")
	}
	return forms
}

// verbNouns are forms inflect makes that notes use as nouns ("a critical
// finding", "a shared understanding").
var verbNouns = wordSet("finding understanding feeling meaning reading thinking writing spending")

// verbForms maps every form of verbBases and irregularForms to whether it may
// open a name: a participle may ("missing owners", "exposed buckets"), a base or
// -s form may not ("generate SBOMs").
var verbForms = func() map[string]bool {
	m := map[string]bool{}
	for _, b := range strings.Fields(verbBases) {
		for _, f := range inflect(b) {
			if verbNouns[f] {
				continue
			}
			participle := f != b && (strings.HasSuffix(f, "ing") || strings.HasSuffix(f, "d"))
			m[f] = m[f] || participle
		}
	}
	for _, f := range strings.Fields(irregularForms) {
		m[f] = true
	}
	return m
}()

// danglingWords end a clause, never a name: adjectives said of something
// ("dashboards show odd") and comparatives and quantifiers that wait for their
// noun ("fewer"). They may open one ("slow pipelines", "fewer tools").
var danglingWords = wordSet(`
able available aware bad better big broken busy clear different easy enough fast
fewer fine free good great happy hard harder high important impossible late less
little low many more much nice odd old open painful possible quick ready real right
same scary slow small sure tired unclear useful useless worse wrong`)

// functionWords are words the stop list leaves as content that neither open nor
// end a name ("something smells", "anyone found").
var functionWords = wordSet(`
across along among amongst around behind beyond despite except inside instead
onto outside toward towards unless whenever wherever anyone anybody anything
someone somebody something everyone everybody nobody nothing lol tbh pls`)

func wordSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// canEnd reports whether a name may end on t: no stop word, verb, past
// participle or word that waits for another.
func canEnd(t token) bool {
	w := t.surface
	if t.stop || danglingWords[w] || functionWords[w] || notNames[w] {
		return false
	}
	if _, verb := verbForms[w]; verb {
		return false
	}
	// Past tenses and participles end a clause ("pushed", "missed"); a noun
	// ending so is rare ("need", "speed" end in -eed).
	return !(len(w) > 4 && strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed"))
}

// particles complete a verb ("pay off", "sign up"): a participant's clause may
// end on one where a name cut from the note may not.
var particles = wordSet("off up out down over away back")

// endsClause reports whether a participant's clause toks may name a theme as it
// stands: it ends on a word a name may end on, or on a particle after a word
// that is no stop word.
func endsClause(toks []token) bool {
	last := toks[len(toks)-1]
	return canEnd(last) || particles[last.surface] && len(toks) > 1 && !toks[len(toks)-2].stop
}

// canStart reports whether a name may open on t: no stop word and no verb but
// a participle.
func canStart(t token) bool {
	participle, verb := verbForms[t.surface]
	return !t.stop && !notNames[t.surface] && !functionWords[t.surface] && (!verb || participle)
}

// clauseBreaks are the signs a name never runs over: "less shelfware, fewer
// tools" holds no phrase "shelfware fewer tools".
const clauseBreaks = ",;:.!?()[]\"“”"

// clauseTokens tokenizes text clause by clause and says, per token, in which
// clause it is.
func clauseTokens(text string) ([]token, []int) {
	var toks []token
	var clause []int
	st := stemmer{}
	for k, part := range strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune(clauseBreaks, r) }) {
		for _, t := range tokenize(part, st) {
			toks = append(toks, t)
			clause = append(clause, k)
		}
	}
	return toks, clause
}
