package analysis

// splitBags takes apart the themes whose notes have little to do with each
// other: those whose notes are on average less than p.bagCohesion similar are
// clustered again by average linkage at p.bagLink, and every group that finds
// becomes a theme. On a session of 40 to 60 notes spectral clustering leaves
// such bags, the notes that fit no theme well put together ("fixing an exposed
// test database" beside an expired certificate and a container image; a
// motivator beside a demotivator): one name cannot cover them, and a
// facilitator would take each note out. A note on its own names itself; a
// theme of one note costs a merge where a note in a bag costs a move.
func splitBags(c *corpus, groups [][]int, p params) [][]int {
	if p.bagCohesion <= 0 {
		return groups
	}
	out := make([][]int, 0, len(groups))
	for _, g := range groups {
		if len(g) < 3 || cohesion(c.vecs, g) >= p.bagCohesion {
			out = append(out, g)
			continue
		}
		out = append(out, partition(c.vecs, g, p.bagLink, p.exactLimit)...)
	}
	return out
}

// cohesion is the average similarity of two distinct notes of g (at least two):
// the dot product of the notes' mean with itself averages every pair, each note
// with itself included, which is taken out.
func cohesion(vecs []vec, g []int) float64 {
	m := meanOf(vecs, g)
	n := float64(len(g))
	return (n*n*sparseDot(m, m) - n) / (n * (n - 1))
}
