package analysis

import (
	"strings"
	"unicode"

	"github.com/kljensen/snowball/english"
)

// token is one word of a note: its stem (the feature), the lowercase surface
// form it came from and the word as written (what a label shows, see shown).
type token struct {
	stem, surface, written string
	stop                   bool
}

// shown is the word as a name made of a note's words shows it: lowercase, unless
// the writer put a capital after its first letter ("SAST", "IAM", "GitHub"), which
// lowercased names something else.
func (t token) shown() string {
	for i, r := range t.written {
		if i > 0 && unicode.IsUpper(r) {
			return t.written
		}
	}
	return t.surface
}

// tokenize lowercases text, splits it into words of letters and digits and stems
// each one. Stop words are kept but marked, because multi-word concept terms such
// as "capture the flag" need them to match; word features skip them.
func tokenize(text string, st stemmer) []token {
	var toks []token
	var b strings.Builder
	// start is where the word begins in text; upper says it has a capital, so
	// that only such a word is copied as written.
	start, upper := -1, false
	flush := func(end int) {
		if b.Len() == 0 {
			return
		}
		w := b.String()
		b.Reset()
		written := w
		if upper {
			written = apostrophes.Replace(text[start:end])
		}
		toks = append(toks, token{stem: st.stem(w), surface: w, written: written, stop: stopWords[w]})
		start, upper = -1, false
	}
	for i, r := range text {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if start < 0 {
				start = i
			}
			upper = upper || unicode.IsUpper(r)
			b.WriteRune(unicode.ToLower(r))
		case r == '\'' || r == '’':
			// Inside a word an apostrophe joins ("don't" -> "dont", "team's" ->
			// "teams"), so contractions become one stop word and possessives stem
			// like plurals.
		default:
			flush(i)
		}
	}
	flush(len(text))
	return toks
}

// apostrophes takes out what tokenize joins a word over.
var apostrophes = strings.NewReplacer("'", "", "’", "")

// stemmer remembers the stems of one run: notes repeat words a lot, and
// stemming is most of the cost of reading them.
type stemmer map[string]string

// stem reduces a lowercase word to its Snowball English stem. Words with digits
// or non-ASCII letters are kept as they are: the English stemmer has nothing to
// say about "owasp10" or "sécurité".
func (st stemmer) stem(w string) string {
	if s, ok := st[w]; ok {
		return s
	}
	s := w
	ascii := true
	for _, r := range w {
		if r > unicode.MaxASCII || unicode.IsDigit(r) {
			ascii = false
			break
		}
	}
	if k, ok := stemKeep[w]; ok {
		s = k
	} else if ascii {
		s = english.Stem(w, true)
	}
	st[w] = s
	return s
}

// stemKeep gives the stems of words whose Snowball stem would join an
// unrelated word: "containers" stems like "contains", so every note that
// "contains" something would be about container images.
var stemKeep = map[string]string{
	"container": "container", "containers": "container",
}

// stopWords are English function words and contractions (with the apostrophe
// removed, as tokenize does) that carry no topic.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
a about above after again against all also am an and any are as at be because
been before being below between both but by can could did do does doing done down
during each else even ever every few for from further get gets getting got had has
have having he her here hers him his how i if in into is it its itself just let
lets me might mine more most much must my myself no nor not now of off on once only
or other others our ours ourselves out over own per please quite rather really
same she should so some such than that the their theirs them then there these they
this those though through thus to too under until up upon us very via was way we
well were what when where whether which while who whom whose why will with within
without would yet you your yours yourself
dont doesnt didnt isnt arent wasnt werent cant cannot couldnt wont wouldnt shouldnt
havent hasnt hadnt im ive id youre youve weve were theyre theyve thats theres whats
lets its
one two three etc eg ie
`) {
		m[w] = true
	}
	return m
}()

// withoutLinks returns the text names are cut from: a note's longest piece
// between its links (words with "://", or starting with "www."), without the
// punctuation a link leaves at its edges. A link's colon and dots read as the ends
// of clauses, and a name ended "documented at https". A note of links only is
// kept as it is.
func withoutLinks(text string) string {
	if !strings.Contains(text, "://") && !strings.Contains(strings.ToLower(text), "www.") {
		return text
	}
	best, bestWords := "", 0
	var piece []string
	end := func() {
		p := strings.Trim(strings.Join(piece, " "), " :;,-–—([<")
		if n := len(strings.Fields(p)); n > bestWords && strings.IndexFunc(p, unicode.IsLetter) >= 0 {
			best, bestWords = p, n
		}
		piece = piece[:0]
	}
	for _, w := range strings.Fields(text) {
		lw := strings.ToLower(strings.TrimLeft(w, "(<[\"'"))
		if strings.Contains(lw, "://") || strings.HasPrefix(lw, "www.") {
			end()
			continue
		}
		piece = append(piece, w)
	}
	end()
	if best == "" {
		return text
	}
	return best
}
