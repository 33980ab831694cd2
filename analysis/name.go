package analysis

import "strings"

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
	words := nameStems(text, st)
	spans := make([][][2]int, len(names))
	for i, name := range names {
		spans[i] = occurrences(words, strings.Join(nameStems(name, st), ""))
	}
	out := make([]bool, len(names))
	for i := range names {
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
