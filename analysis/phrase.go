package analysis

import "strings"

// A theme's name made of a note's words must read as a noun phrase: "pen
// testers missed", "devs coming", "merge requests containing" or "dashboards
// show odd" stop where a sentence goes on, and "generate SBOMs" reads as an
// order. The lists below are closed on purpose: notes are short, their verbs
// and adjectives few, and a word missing here only costs a worse name.

// verbBases are verbs notes use that are not also the name of an activity or a
// thing ("test", "scan", "review", "patch" are left out: "pen test", "code
// review" end on them as nouns, and "call": "sales calls"). verbForms holds
// their inflections.
const verbBases = `
agree ask block catch chase collect come contain dig disagree dm drop dump escape
explain feel fight find force forget generate get give go hate hear keep know leave
let like look lose love make mean miss need negotiate pay put reach react read realise
realize remember respond run say see seem send show sit spend stall start stick stop take
tell think tick try understand wait wake want write`

// irregularForms are the verbs' forms the rules of inflect do not make.
const irregularForms = `
came caught dug felt fought forgot forgotten found gave given went gone heard kept
knew known learnt left lost made meant paid ran said saw seen sent shown sat spent
took taken told thought understood woke woken won wrote written stuck`

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
little low many more much nice numb odd old open painful possible quick ready real
right same scary sharp slow small sure tired unclear useful useless worse wrong
already always never often sometimes still usually`)

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
	if t.stop && !stopNouns[w] || danglingWords[w] || functionWords[w] || notNames[w] {
		return false
	}
	if _, verb := verbForms[w]; verb {
		return false
	}
	// Past tenses and participles end a clause ("pushed", "missed"); a noun
	// ending so is rare ("need", "speed" end in -eed).
	return !(len(w) > 4 && strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed"))
}

// stopNouns are stop words that are nouns, which a name may end on ("the
// secure way is also the easy way").
var stopNouns = wordSet("way")

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

// notOpeners open a clause, never a name: subordinating words ("when the
// secure way is also the easy way") and pronouns and possessives ("our
// logging wouldn't tell us", "we pin everything"), as tokenize reads them.
var notOpeners = wordSet(`
after although because before if once since though unless until when whenever
where whereas whether while i im ive me my we were weve wed our us you youre
your they theyre their them he his him she her it its nobody everybody everyone
someone anyone somebody anybody nothing everything something anything this
these those there theres`)

// opensAsName reports whether a participant's words toks open as a name does,
// not as a clause ("when…", "our…", "I'm…"), nor, three words or fewer, on an
// order ("catch keys").
func opensAsName(toks []token) bool {
	if len(toks) == 0 || notOpeners[toks[0].surface] {
		return false
	}
	participle, verb := verbForms[toks[0].surface]
	return !verb || participle || len(toks) > phraseWords
}

// readsAsName reports whether a clause of a participant's note, toks, names a
// theme as it stands: it opens (opensAsName) and ends (endsClause) as a name
// does.
func readsAsName(toks []token) bool {
	return opensAsName(toks) && endsClause(toks)
}

// subordinators open a clause that hangs on the one before it: a note's first
// clause cut before one still says what the note is about ("WAF stuck in count
// mode for months", because nobody dares to block). "so" does when a pronoun
// or the like follows ("… the risk so they don't prioritize it"), and so does a
// subject (subjects) after a word that does not govern it ("the secure way is
// also the easy way", I just use it), or after "and" or "but" ("logs go to 3
// places", and nobody looks at any of them).
var subordinators = wordSet("because when whenever while if unless until although though whereas")

// subjects are the pronouns that open a clause as its subject.
var subjects = wordSet("i im ive we weve were you they theyre he she nobody everybody everyone someone")

var conjunctions = wordSet("and but")

// governing words take a pronoun after them as their object, not as the
// subject of a new clause ("comes to us", "asks them", "a guild that we run").
var governing = wordSet(`to for with at of by from about on in into that which and or but than as
like let lets make makes made tell tells told ask asks asked give gives gave`)

// mainClause returns the words of text's first clause before the first word
// that opens a clause hanging on it, when there is one; else "". A note that
// opens on "when" or "if" ("when doing the right thing is also the easy
// thing") is read without it.
func mainClause(text string) string {
	if i := strings.IndexAny(text, ",;:.!?("); i > 0 {
		text = text[:i]
	}
	words := strings.Fields(text)
	first := func(w string) token {
		if t := tokenize(w, stemmer{}); len(t) > 0 {
			return t[0]
		}
		return token{}
	}
	from := 0
	if len(words) > 0 && subordinators[first(words[0]).surface] {
		from = 1
	}
	for i := from + 1; i < len(words); i++ {
		w, next, prev := first(words[i]), token{}, first(words[i-1])
		if i+1 < len(words) {
			next = first(words[i+1])
		}
		if subordinators[w.surface] || w.surface == "so" && notOpeners[next.surface] ||
			subjects[w.surface] && i-from >= 2 && prev.surface != "" && !governing[prev.surface] {
			return strings.Join(words[from:i], " ")
		}
		if subjects[w.surface] && conjunctions[prev.surface] && i-from >= 3 {
			return strings.Join(words[from:i-1], " ")
		}
	}
	if from > 0 {
		return strings.Join(words[from:], " ")
	}
	return ""
}

// auxiliaries are the verbs a clause's subject comes before ("doing the right
// thing" is also the easy thing).
var auxiliaries = wordSet(`is are was were has have had does do did can could will would
should must isnt arent wasnt dont doesnt didnt cant wont wouldnt`)

// subjectOf returns the words of clause before its first auxiliary, when they
// hold two words or more that are no stop words; else "".
func subjectOf(clause string) string {
	words := strings.Fields(clause)
	content := 0
	for i, w := range words {
		t := tokenize(w, stemmer{})
		if len(t) != 1 {
			continue
		}
		if auxiliaries[t[0].surface] {
			if content >= 2 {
				return strings.Join(words[:i], " ")
			}
			return ""
		}
		if !t[0].stop {
			content++
		}
	}
	return ""
}

// possessives open a participant's clause ("our incident drills pay off") but
// not a theme's name, which is everyone's: the clause names it without them.
var possessives = wordSet("our my their your")

// articles open a clause cut from a note, which names its theme without them.
var articles = wordSet("a an the")

// hangingWords leave a sentence waiting for more ("… rate limiting for us",
// "… what CSRF is"): a participant's whole note ends on none of them.
var hangingWords = wordSet(`a an the to of for with in on at from by about into than
before after and or but because if when that which who we they it us them our their
my i you he she is are was were be been being have has had do does did will would
can could should`)

// readsWhole reports whether a participant's whole note toks names a theme as
// it stands: it opens as a name does (opensAsName), and ends on no verb and no word that
// leaves it waiting; a word a sentence may end on ("now", "no") is fine there.
func readsWhole(toks []token) bool {
	if !opensAsName(toks) {
		return false
	}
	last := toks[len(toks)-1]
	if particles[last.surface] && len(toks) > 1 && !toks[len(toks)-2].stop {
		return true
	}
	// After a word in -ing an -s form is a noun's plural ("building blocks").
	plural := len(toks) > 1 && strings.HasSuffix(toks[len(toks)-2].surface, "ing") && strings.HasSuffix(last.surface, "s")
	if _, verb := verbForms[last.surface]; (verb || notNames[last.surface]) && !plural || hangingWords[last.surface] || functionWords[last.surface] {
		return false
	}
	w := last.surface
	return !(len(w) > 4 && strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed"))
}

// doingName names a note by what its writers do or undergo, where its clause
// has a pronoun for subject, or an infinitive, and no noun to name it by: "…
// how often we get woken up" is "getting woken up", "… there to tick a box"
// "ticking a box". It returns "" when no such clause reads as a name.
func doingName(text string) string {
	if i := strings.IndexAny(text, ",;:.!?("); i > 0 {
		text = text[:i]
	}
	words := strings.Fields(text)
	for i := 0; i+2 < len(words); i++ {
		w := tokenize(words[i], stemmer{})
		v := tokenize(words[i+1], stemmer{})
		if len(w) != 1 || len(v) != 1 || !subjects[w[0].surface] && w[0].surface != "to" || !verbBase[v[0].surface] {
			continue
		}
		rest := words[i+2:]
		if c := mainClause(strings.Join(rest, " ")); c != "" {
			rest = strings.Fields(c)
		}
		name := gerund(v[0].surface) + " " + strings.Join(rest, " ")
		if toks := tokenize(name, stemmer{}); len(toks) <= shortNoteWords && endsClause(toks) {
			return name
		}
	}
	return ""
}

// verbBase holds verbBases.
var verbBase = wordSet(verbBases)

// gerund is a verb's form in -ing: "get" "getting", "make" "making".
func gerund(b string) string {
	n := len(b)
	switch {
	case strings.HasSuffix(b, "e") && !strings.HasSuffix(b, "ee"):
		return b[:n-1] + "ing"
	case n == 3 && !strings.ContainsRune("aeiou", rune(b[0])) && strings.ContainsRune("aeiou", rune(b[1])) && !strings.ContainsRune("aeiouwxy", rune(b[2])):
		return b + b[n-1:] + "ing"
	}
	return b + "ing"
}
