package analysis

import "strings"

// apartSuffix is what follows the k-th group (k >= 2) of one label when nothing
// else tells it apart: " (another)", " (a third)", " (a fourth)", ... spelled out
// however many there are, since theme names are never numbered.
func apartSuffix(k int) string {
	if k <= 2 {
		return " (another)"
	}
	o := ordinal(k)
	article := "a "
	if strings.HasPrefix(o, "eight") || strings.HasPrefix(o, "eleven") {
		article = "an "
	}
	return " (" + article + o + ")"
}

var (
	units = []string{"", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
		"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
		"eighteen", "nineteen"}
	tens = []string{"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
	// ordinalOf turns a number's last word into its ordinal; words not here take "th".
	ordinalOf = map[string]string{"one": "first", "two": "second", "three": "third", "five": "fifth",
		"eight": "eighth", "nine": "ninth", "twelve": "twelfth"}
	scales = []struct {
		n    int
		word string
	}{{1_000_000_000, "billion"}, {1_000_000, "million"}, {1000, "thousand"}, {100, "hundred"}}
)

// ordinal spells n (n >= 1) as an ordinal: "third", "twenty-first", "hundred and
// second" (a leading "one" of a hundred or more is left to the article).
func ordinal(n int) string {
	c := cardinal(n)
	c = strings.TrimPrefix(c, "one ")
	cut := strings.LastIndexAny(c, " -") + 1
	last := c[cut:]
	switch o, ok := ordinalOf[last]; {
	case ok:
		last = o
	case strings.HasSuffix(last, "y"):
		last = strings.TrimSuffix(last, "y") + "ieth"
	default:
		last += "th"
	}
	return c[:cut] + last
}

// cardinal spells n (n >= 1): "twenty-one", "one hundred and two".
func cardinal(n int) string {
	for _, s := range scales {
		if n >= s.n {
			out := cardinal(n/s.n) + " " + s.word
			switch rest := n % s.n; {
			case rest == 0:
			case rest < 100:
				out += " and " + cardinal(rest)
			default:
				out += " " + cardinal(rest)
			}
			return out
		}
	}
	if n < 20 {
		return units[n]
	}
	if n%10 == 0 {
		return tens[n/10]
	}
	return tens[n/10] + "-" + units[n%10]
}

// numberWords are the words ordinal spells numbers with.
var numberWords = func() map[string]bool {
	words := map[string]bool{"and": true}
	for _, list := range [][]string{units[1:], tens[2:]} {
		for _, w := range list {
			words[w] = true
		}
	}
	for _, s := range scales {
		words[s.word] = true
	}
	return words
}()

// SplitApart returns label without the suffixes DistinctLabels adds to tell apart
// groups that say the same (" (another)", " (a third)", ...), and those suffixes,
// so that a name shortened to fit can keep them whole: label == name + suffix.
func SplitApart(label string) (name, suffix string) {
	name = label
	for {
		i := strings.LastIndex(name, " (")
		if i <= 0 || !isApartSuffix(name[i:]) {
			return name, label[len(name):]
		}
		name = name[:i]
	}
}

// isApartSuffix reports whether s is one of apartSuffix's suffixes.
func isApartSuffix(s string) bool {
	if s == " (another)" {
		return true
	}
	inner, ok := strings.CutSuffix(s, ")")
	if !ok {
		return false
	}
	var rest string
	if rest, ok = strings.CutPrefix(inner, " (a "); !ok {
		if rest, ok = strings.CutPrefix(inner, " (an "); !ok {
			return false
		}
	}
	words := strings.FieldsFunc(rest, func(r rune) bool { return r == ' ' || r == '-' })
	if len(words) == 0 {
		return false
	}
	for _, w := range words[:len(words)-1] {
		if !numberWords[w] {
			return false
		}
	}
	last := words[len(words)-1]
	for _, o := range ordinalOf {
		if last == o {
			return true
		}
	}
	if w, ok := strings.CutSuffix(last, "ieth"); ok {
		return numberWords[w+"y"]
	}
	w, ok := strings.CutSuffix(last, "th")
	return ok && numberWords[w]
}
