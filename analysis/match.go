package analysis

// MatchThemes finds the same theme in different sessions. Each group is one
// theme given as its texts (its label and its notes' texts); the result gives
// each group a match id, numbered from 0 in order of first appearance, equal
// for groups found to be about the same thing.
//
// Groups are compared as clustering compares notes: every text becomes a
// vector (words, concepts), and two sets of groups match when the average
// similarity over all pairs of their texts reaches threshold (average linkage).
// That average is lower than the similarity of notes within one theme, because
// different sessions word things differently; on the development notes, halves
// of one theme split between two "sessions" match best from 0.2 to 0.25.
// Groups without texts match nothing.
func MatchThemes(groups [][]string, threshold float64) []int {
	var docs []Doc
	owner := []int{}
	for g, texts := range groups {
		for _, t := range texts {
			docs = append(docs, Doc{Text: t})
			owner = append(owner, g)
		}
	}
	c := vectorize(docs, defaultLexicon, weights{words: defaultWeights.words, concepts: defaultWeights.concepts})
	members := make([][]int, len(groups))
	for i, g := range owner {
		members[g] = append(members[g], i)
	}
	// A node's members are its texts, so that merged groups weigh by how
	// many texts they have, as average linkage over texts requires.
	var nodes []node
	for _, m := range members {
		if len(m) > 0 {
			nodes = append(nodes, node{members: m, mean: meanOf(c.vecs, m)})
		}
	}
	match := make([]int, len(groups))
	for g := range match {
		match[g] = -1
	}
	for k, ns := range agglomerate(nodes, threshold) {
		for _, nd := range ns {
			match[owner[nodes[nd].members[0]]] = k
		}
	}
	// Number matches in order of first appearance so ids read in input order.
	ids := make([]int, len(groups))
	renumber := map[int]int{}
	for g, m := range match {
		if m < 0 {
			ids[g] = len(renumber)
			renumber[-1-g] = ids[g]
			continue
		}
		id, ok := renumber[m]
		if !ok {
			id = len(renumber)
			renumber[m] = id
		}
		ids[g] = id
	}
	return ids
}
