package analysis

import (
	"math"
	"sort"
)

// node is a group of notes being clustered: its members and the mean of their
// unit vectors. The dot product of two means is the average similarity over all
// pairs of their members, which is exactly average linkage; so groups found in
// one pass can be merged in another without losing that definition.
type node struct {
	members []int
	mean    vec
}

// simMatrix computes the dense similarity matrix of nodes through an inverted
// index, so only pairs sharing a feature cost anything.
func simMatrix(nodes []node) [][]float64 {
	n := len(nodes)
	s := make([][]float64, n)
	flat := make([]float64, n*n)
	for i := range s {
		s[i] = flat[i*n : (i+1)*n]
	}
	type posting struct {
		node int
		w    float64
	}
	index := map[int32][]posting{}
	for i, nd := range nodes {
		row := s[i]
		for _, e := range nd.mean {
			for _, p := range index[e.f] {
				row[p.node] += e.w * p.w
			}
			index[e.f] = append(index[e.f], posting{i, e.w})
		}
		for j := 0; j < i; j++ {
			s[j][i] = row[j]
		}
	}
	return s
}

// agglomerate joins nodes by average linkage until no two groups are at least
// threshold similar, and returns the groups as lists of node indexes.
//
// It uses the nearest-neighbour chain algorithm, O(n²) time on the matrix:
// average linkage is reducible, so merging reciprocal nearest neighbours in any
// order gives the same tree as always merging the closest pair. A node whose
// nearest neighbour is below threshold can never join anything above it (merges
// only average similarities), so it leaves the search at once.
func agglomerate(nodes []node, threshold float64) [][]int {
	n := len(nodes)
	s := simMatrix(nodes)
	size := make([]float64, n)
	parent := make([]int, n)
	for i, nd := range nodes {
		size[i] = float64(len(nd.members))
		parent[i] = i
	}
	active := make([]int, n)
	for i := range active {
		active[i] = i
	}
	remove := func(x int) {
		k := sort.SearchInts(active, x)
		active = append(active[:k], active[k+1:]...)
	}
	var chain []int
	for len(active) > 1 {
		if len(chain) == 0 {
			chain = append(chain, active[0])
		}
		a := chain[len(chain)-1]
		prev, best, bestSim := -1, -1, math.Inf(-1)
		if len(chain) > 1 {
			// Preferring the previous link on a tie keeps the chain from
			// cycling between equally near nodes.
			prev = chain[len(chain)-2]
			best, bestSim = prev, s[a][prev]
		}
		row := s[a]
		for _, j := range active {
			if j != a && row[j] > bestSim {
				best, bestSim = j, row[j]
			}
		}
		switch {
		case bestSim < threshold:
			chain = chain[:0]
			remove(a)
		case best == prev:
			chain = chain[:len(chain)-2]
			lo, hi := min(a, prev), max(a, prev)
			na, nb := size[lo], size[hi]
			for _, k := range active {
				v := (na*s[lo][k] + nb*s[hi][k]) / (na + nb)
				s[lo][k], s[k][lo] = v, v
			}
			size[lo] = na + nb
			parent[hi] = lo
			remove(hi)
		default:
			chain = append(chain, best)
		}
	}
	root := func(x int) int {
		for parent[x] != x {
			x = parent[x]
		}
		return x
	}
	byRoot := map[int]int{}
	var groups [][]int
	for i := range nodes {
		r := root(i)
		g, ok := byRoot[r]
		if !ok {
			g = len(groups)
			byRoot[r] = g
			groups = append(groups, nil)
		}
		groups[g] = append(groups[g], i)
	}
	return groups
}

// meanOf averages the vectors of the given notes.
func meanOf(vecs []vec, members []int) vec {
	acc := map[int32]float64{}
	for _, i := range members {
		for _, e := range vecs[i] {
			acc[e.f] += e.w
		}
	}
	m := make(vec, 0, len(acc))
	for f, w := range acc {
		m = append(m, entry{f, w / float64(len(members))})
	}
	sort.Slice(m, func(a, b int) bool { return m[a].f < m[b].f })
	return m
}

// partition groups notes by average linkage. Up to exactLimit notes it is exact.
// Above, the full matrix would cost too much time and memory, so it clusters an
// evenly spread sample exactly, lets every other note join the sample group it
// is on average most similar to (the same criterion as a merge), repeats on the
// notes that joined nothing, and finally merges the groups of all rounds by
// average linkage over their means.
func partition(vecs []vec, idx []int, threshold float64, exactLimit int) [][]int {
	singletons := func(ids []int) []node {
		nodes := make([]node, len(ids))
		for k, i := range ids {
			nodes[k] = node{members: []int{i}, mean: vecs[i]}
		}
		return nodes
	}
	expand := func(nodes []node, groups [][]int) [][]int {
		out := make([][]int, len(groups))
		for g, ns := range groups {
			for _, k := range ns {
				out[g] = append(out[g], nodes[k].members...)
			}
		}
		return out
	}
	if len(idx) <= exactLimit {
		nodes := singletons(idx)
		return expand(nodes, agglomerate(nodes, threshold))
	}

	var groups [][]int
	remaining := idx
	for len(remaining) > exactLimit {
		step := (len(remaining) + exactLimit - 1) / exactLimit
		var sample, rest []int
		for k, i := range remaining {
			if k%step == 0 {
				sample = append(sample, i)
			} else {
				rest = append(rest, i)
			}
		}
		nodes := singletons(sample)
		found := expand(nodes, agglomerate(nodes, threshold))
		remaining = assign(vecs, found, rest, threshold)
		groups = append(groups, found...)
	}
	if len(remaining) > 0 {
		nodes := singletons(remaining)
		groups = append(groups, expand(nodes, agglomerate(nodes, threshold))...)
	}

	nodes := make([]node, len(groups))
	for g, members := range groups {
		nodes[g] = node{members: members, mean: meanOf(vecs, members)}
	}
	return expand(nodes, agglomerate(nodes, threshold))
}

// assign adds each note of rest to the group of at least two notes it is on
// average most similar to, if that similarity reaches threshold, and returns
// the notes that joined none. Singleton groups attract nothing: joining one is
// a new pair, which the next round decides with full information.
func assign(vecs []vec, groups [][]int, rest []int, threshold float64) []int {
	type posting struct {
		group int
		w     float64
	}
	index := map[int32][]posting{}
	for g, members := range groups {
		if len(members) < 2 {
			continue
		}
		for _, e := range meanOf(vecs, members) {
			index[e.f] = append(index[e.f], posting{g, e.w})
		}
	}
	score := make([]float64, len(groups))
	var touched []int
	var left []int
	for _, i := range rest {
		for _, e := range vecs[i] {
			for _, p := range index[e.f] {
				if score[p.group] == 0 {
					touched = append(touched, p.group)
				}
				score[p.group] += e.w * p.w
			}
		}
		best, bestSim := -1, threshold
		for _, g := range touched {
			if score[g] > bestSim || (score[g] == bestSim && (best < 0 || g < best)) {
				best, bestSim = g, score[g]
			}
			score[g] = 0
		}
		touched = touched[:0]
		if best < 0 {
			left = append(left, i)
			continue
		}
		groups[best] = append(groups[best], i)
	}
	return left
}
