package analysis

import (
	"strings"
	"sync"
)

// NamedIn tells, for each of names (security activities: "pen testing", "threat
// modelling"), whether text names it. A name is named when the stems of its words
// occur in text in a row, however inflected ("pen tests", "threat models", "threat
// modeling" name them), or run together ("pentests"); "penetration" is the long
// form of "pen". Other words in between, another order or a word that only starts
// alike do not name it ("pen and paper testing", "modelling threats", "threatening
// models"). A name named only within a longer name that text names is not named:
// "pen testing is low value" names "pen testing", not "testing".
func NamedIn(text string, names []string) []bool {
	st := stemmer{}
	targets := make([]string, len(names))
	for i, name := range names {
		targets[i] = strings.Join(nameStems(name, st), "")
	}
	return namedTargets(nameStems(text, st), targets)
}

// namedTargets tells, for each of targets (a name's stems run together), whether
// words (a text's stems) name it, as NamedIn does.
func namedTargets(words, targets []string) []bool {
	spans := make([][][2]int, len(targets))
	for i, target := range targets {
		spans[i] = occurrences(words, target)
	}
	out := make([]bool, len(targets))
	for i := range targets {
		for _, s := range spans[i] {
			if !withinLonger(s, i, spans) {
				out[i] = true
				break
			}
		}
	}
	return out
}

// longForms are words written out whose short form names an activity.
var longForms = map[string]string{"penetration": "pen"}

// nameStems are the stems of text's words, long forms shortened.
func nameStems(text string, st stemmer) []string {
	var out []string
	for _, t := range tokenize(text, st) {
		if short, ok := longForms[t.surface]; ok {
			out = append(out, short)
			continue
		}
		out = append(out, t.stem)
	}
	return out
}

// occurrences are the spans of words (first and last index) whose stems, run
// together, are target: the words of a name as written apart or as one.
func occurrences(words []string, target string) [][2]int {
	if target == "" {
		return nil
	}
	var out [][2]int
	for p := range words {
		run := ""
		for q := p; q < len(words); q++ {
			run += words[q]
			if run == target {
				out = append(out, [2]int{p, q})
			}
			if !strings.HasPrefix(target, run) || len(run) >= len(target) {
				break
			}
		}
	}
	return out
}

// withinLonger tells whether span s of name i lies within a longer span of another
// name.
func withinLonger(s [2]int, i int, spans [][][2]int) bool {
	for j, other := range spans {
		if j == i {
			continue
		}
		for _, o := range other {
			if o[0] <= s[0] && s[1] <= o[1] && o[1]-o[0] > s[1]-s[0] {
				return true
			}
		}
	}
	return false
}

// NamedActivity returns the one of activities (a session's list: "pen testing",
// "code scanning (SAST)") that text names, or "" when it names none or several:
// a note that names two activities is about neither alone. An activity is named
// by its name (as NamedIn reads it: "pen tests", "pentest", "threat models"), by
// what its name gives in brackets ("SAST") and by the other names people use for
// it (activityVariants: "training" for "security training").
func NamedActivity(text string, activities []string) string {
	if named := NamedActivities(text, activities); len(named) == 1 {
		return named[0]
	}
	return ""
}

// NamedActivities are the activities of the list that text names, each once, in
// the list's order: NamedActivity's one, or the several a note that names more
// than one is filed under none of.
func NamedActivities(text string, activities []string) []string {
	forms := activityNamesOf(activities)
	seen := make([]bool, len(activities))
	for k, named := range namedTargets(nameStems(text, stemmer{}), forms.targets) {
		if named {
			seen[forms.of[k]] = true
		}
	}
	var out []string
	for i, a := range activities {
		if seen[i] {
			out = append(out, a)
		}
	}
	return out
}

// activityNames are the names a list of activities is named by, as stems run
// together (targets), and which activity each names (of).
type activityNames struct {
	targets []string
	of      []int
}

// activityNamesOf returns the names of activities, read once per list: a note is
// checked against its session's list as it is stored, and stemming the list and
// its variants again for every note took a millisecond of the store's writer.
func activityNamesOf(activities []string) *activityNames {
	key := strings.Join(activities, "\x00")
	activityNamesCache.Lock()
	defer activityNamesCache.Unlock()
	if f, ok := activityNamesCache.m[key]; ok {
		return f
	}
	if len(activityNamesCache.m) >= 256 {
		// Lists edited many times over a long run: start again.
		clear(activityNamesCache.m)
	}
	st := stemmer{}
	f := &activityNames{}
	for i, a := range activities {
		for _, name := range activityForms(a, st) {
			if t := strings.Join(nameStems(name, st), ""); t != "" {
				f.targets, f.of = append(f.targets, t), append(f.of, i)
			}
		}
	}
	activityNamesCache.m[key] = f
	return f
}

var activityNamesCache = struct {
	sync.Mutex
	m map[string]*activityNames
}{m: map[string]*activityNames{}}

// activityForms are the names activity is named by: its name outside brackets,
// each bracketed one, and the variants of the name.
func activityForms(activity string, st stemmer) []string {
	name, rest, _ := strings.Cut(activity, "(")
	forms := []string{name}
	for rest != "" {
		var in string
		in, rest, _ = strings.Cut(rest, ")")
		forms = append(forms, in)
		_, rest, _ = strings.Cut(rest, "(")
	}
	if key := strings.Join(nameStems(name, st), ""); key != "" {
		for _, v := range activityVariants {
			if strings.Join(nameStems(v[0], st), "") == key {
				forms = append(forms, v[1:]...)
			}
		}
	}
	return forms
}

// activityVariants are, for the activities of the method's starting list, the other
// names notes call them by, the list's name first (any inflection of it: "threat
// modeling" has the variants of "threat modelling"). Only names that mean that
// activity and no other: "scanning" alone is code or dependency scanning, "review"
// a design or a code review.
var activityVariants = [][]string{
	{"code scanning", "static analysis", "static code analysis", "code scanner"},
	{"dependency scanning", "SCA", "software composition analysis", "dependency check"},
	{"bug bounty", "bounty program"},
	{"security training", "training"},
	{"security guild", "guild"},
	{"security champions", "champion", "champions programme", "champion program"},
	{"incident handling", "incident response"},
	{"secure code review", "code review", "security code review"},
}
