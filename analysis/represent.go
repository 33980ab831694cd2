package analysis

import (
	"slices"
)

// Representative returns the ID of the note that best stands for a group of
// notes (the one nearest their mean, as Cluster picks it), so that a theme a
// facilitator arranged by hand can show one under its name too; "" for none.
// Like Cluster, it depends only on the set of docs, not on their order.
func Representative(docs []Doc) string {
	if len(docs) == 0 {
		return ""
	}
	sorted := slices.Clone(docs)
	slices.SortStableFunc(sorted, byContent)
	c := vectorize(sorted, defaultLexicon(), defaultParams.weights)
	members := make([]int, 0, len(sorted))
	for i, v := range c.vecs {
		if len(v) > 0 {
			members = append(members, i)
		}
	}
	if len(members) == 0 {
		return sorted[0].ID
	}
	return sorted[c.central(members)].ID
}
