package analysis

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
)

// conceptsText is the concept lexicon: reviewable data, not code, so that
// people who run security programs can read and extend it.
//
//go:embed concepts.txt
var conceptsText string

// lexicon maps stemmed word sequences to the concepts they express.
type lexicon struct {
	names []string
	// labels are the names a facilitator reads ("legacy and end of life").
	labels []string
	// synonyms holds, per concept, the stems of its one-word terms: words
	// that say what a label naming the concept already says ("pentest"
	// after "pen testing"), unlike a word of a longer term ("security" of
	// "security debt").
	synonyms []map[string]bool
	// terms lists, by the stem of a term's first word, the terms starting with it.
	terms map[string][]lexTerm
}

type lexTerm struct {
	stems   []string
	concept int
}

// defaultLexicon is parsed once, on first use rather than at start: a program that
// never groups notes (most of charter's commands) does not pay for its thousands of
// terms. The embedded file is part of the build, so a malformed line is a
// programming error caught by the package's tests.
var defaultLexicon = sync.OnceValue(func() *lexicon { return mustParseLexicon(conceptsText) })

func mustParseLexicon(text string) *lexicon {
	lx, err := parseLexicon(text)
	if err != nil {
		panic(err)
	}
	return lx
}

func parseLexicon(text string) (*lexicon, error) {
	lx := &lexicon{terms: map[string][]lexTerm{}}
	seen := map[string]bool{}
	st := stemmer{}
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		head, list, ok := strings.Cut(line, ":")
		name, label, labelled := strings.Cut(head, "[")
		name = strings.TrimSpace(name)
		label, closed := strings.CutSuffix(strings.TrimSpace(label), "]")
		label = strings.TrimSpace(label)
		if !ok || name == "" || strings.ContainsAny(name, " \t") || labelled && (!closed || label == "") {
			return nil, fmt.Errorf("concepts line %d: want \"name: term ...\" or \"name [label]: term ...\"", i+1)
		}
		if !labelled {
			label = strings.ReplaceAll(name, "-", " ")
		}
		if seen[name] {
			return nil, fmt.Errorf("concepts line %d: concept %q defined twice", i+1, name)
		}
		seen[name] = true
		id := len(lx.names)
		lx.names = append(lx.names, name)
		lx.labels = append(lx.labels, label)
		lx.synonyms = append(lx.synonyms, map[string]bool{})
		for _, term := range strings.Fields(list) {
			toks := tokenize(strings.ReplaceAll(term, "-", " "), st)
			if len(toks) == 0 {
				return nil, fmt.Errorf("concepts line %d: term %q has no words", i+1, term)
			}
			stems := make([]string, len(toks))
			for j, t := range toks {
				stems[j] = t.stem
			}
			if len(toks) == 1 && !toks[0].stop {
				lx.synonyms[id][toks[0].stem] = true
			}
			lx.terms[stems[0]] = append(lx.terms[stems[0]], lexTerm{stems: stems, concept: id})
		}
	}
	return lx, nil
}

// match returns the concepts expressed in toks, each once, in first-seen
// order. Where terms start at one word, only the longest counts and the words
// it covers start no other term: "end of support" is about legacy systems,
// not about a manager's support, and "shared library" is not sharing.
func (lx *lexicon) match(toks []token) []int {
	var found []int
	has := map[int]bool{}
	for i := 0; i < len(toks); {
		longest := 0
		var at []int
		for _, term := range lx.terms[toks[i].stem] {
			if i+len(term.stems) > len(toks) {
				continue
			}
			ok := true
			for j := 1; j < len(term.stems); j++ {
				if toks[i+j].stem != term.stems[j] {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			switch {
			case len(term.stems) > longest:
				longest, at = len(term.stems), append(at[:0], term.concept)
			case len(term.stems) == longest:
				at = append(at, term.concept)
			}
		}
		for _, k := range at {
			if !has[k] {
				has[k] = true
				found = append(found, k)
			}
		}
		i += max(1, longest)
	}
	return found
}
