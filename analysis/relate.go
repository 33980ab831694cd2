package analysis

// Relate measures how close each group of texts is to a statement, such as a
// hypothesis a security program holds, with the similarity MatchThemes uses:
// every text becomes a vector (words, concepts) over the statement and all
// groups together, and a group's similarity is the average over all pairs of
// the statement's texts and its own (average linkage). Themes of the campaign
// about what the statement says reach MatchThemes' threshold, so the same
// threshold finds them.
//
// groups[g] is one group's texts; texts[g][i] is the similarity of the
// statement to that group's text i alone, for picking single notes. A group
// without texts, or a statement without texts, has similarity 0.
func Relate(statement []string, groups [][]string) (group []float64, texts [][]float64) {
	docs := make([]Doc, 0, len(statement))
	for _, t := range statement {
		docs = append(docs, Doc{Text: t})
	}
	for _, g := range groups {
		for _, t := range g {
			docs = append(docs, Doc{Text: t})
		}
	}
	c := vectorize(docs, defaultLexicon(), weights{words: defaultWeights.words, concepts: defaultWeights.concepts})
	idx := make([]int, len(statement))
	for i := range idx {
		idx[i] = i
	}
	var query vec
	if len(idx) > 0 {
		query = meanOf(c.vecs, idx)
	}
	group = make([]float64, len(groups))
	texts = make([][]float64, len(groups))
	next := len(statement)
	for g, ts := range groups {
		texts[g] = make([]float64, len(ts))
		members := make([]int, len(ts))
		for i := range ts {
			members[i] = next + i
			texts[g][i] = sparseDot(query, c.vecs[next+i])
		}
		if len(members) > 0 {
			group[g] = sparseDot(query, meanOf(c.vecs, members))
		}
		next += len(ts)
	}
	return group, texts
}

// sparseDot is the dot product of two sparse vectors sorted by feature.
func sparseDot(a, b vec) float64 {
	var s float64
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i].f < b[j].f:
			i++
		case a[i].f > b[j].f:
			j++
		default:
			s += a[i].w * b[j].w
			i++
			j++
		}
	}
	return s
}
