package analysis

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/mat"
)

// spectralParams are the knobs of spectral clustering.
type spectralParams struct {
	// neighbours is how many nearest notes each note links to in the graph.
	neighbours int
	// minK and maxK bound the number of themes tried; maxK is also capped at
	// a third of the notes. kStep is the ratio between two tried values.
	minK, maxK int
	kStep      float64
	// restarts is how many k-means runs, each seeded differently, are tried
	// per number of themes; the tightest wins.
	restarts int
	// selectRestarts is how many k-means runs score each number of themes
	// while it is chosen.
	selectRestarts int
	// minNotes is the fewest notes clustered spectrally.
	minNotes int
	// seed fixes the pseudo-random choices, so results repeat exactly.
	seed uint64
	// foldSize and foldSim: a theme of at most foldSize notes joins the
	// larger theme its notes are on average most similar to, when that
	// average reaches foldSim; a facilitator would merge it anyway.
	foldSize int
	foldSim  float64
	// sampleLimit is the most notes clustered spectrally; above it an evenly
	// spread sample is, and every other note joins the theme it is on
	// average most similar to.
	sampleLimit int
	// resolution, when positive, lets each note leave its k-means theme for
	// one its graph neighbours are in, while that raises the modularity of
	// the neighbour graph's partition at this resolution (see refine). At
	// Newman's 1 small themes drain into large ones: a session dealt 45 dev
	// notes of 15 themes needed a quarter more operations.
	resolution float64
	// refineSize: notes are refined only when k-means' themes have on
	// average at least refineSize × neighbours notes. In smaller themes most
	// of a note's links leave its theme whatever the grouping, and moving
	// notes by their links merges themes (the campaign report's 20-note
	// sessions of five themes lost one at 0.3-0.4).
	refineSize float64
}

var defaultSpectral = spectralParams{
	neighbours: 10, minK: 2, maxK: 40, kStep: 1.25, restarts: 3, selectRestarts: 1, seed: 12, minNotes: 12,
	foldSize: 4, foldSim: 0.2, sampleLimit: 400, resolution: 3, refineSize: 0.5,
}

// spectralPartition clusters the notes idx spectrally, through a sample when
// there are more than sp.sampleLimit of them. Notes outside the sample that
// share no feature with any theme form one theme of their own.
func spectralPartition(vecs []vec, idx []int, sp spectralParams) [][]int {
	if len(idx) <= sp.sampleLimit {
		return spectral(vecs, idx, sp)
	}
	step := float64(len(idx)) / float64(sp.sampleLimit)
	var sample, rest []int
	next := 0.0
	for k, i := range idx {
		if float64(k) >= next {
			sample = append(sample, i)
			next += step
		} else {
			rest = append(rest, i)
		}
	}
	groups := spectral(vecs, sample, sp)
	// Every group attracts: a threshold of zero only leaves out notes that
	// share nothing with any group.
	left := assign(vecs, groups, rest, 0)
	if len(left) > 0 {
		groups = append(groups, left)
	}
	return groups
}

// spectral groups the notes idx (indexes into vecs) by spectral clustering of
// their nearest-neighbour graph: each note links to its most similar notes,
// the graph's leading eigenvectors embed the notes so that well-connected
// notes lie together, and k-means on that embedding gives the themes. The
// number of themes is the one, over a geometric grid, whose themes have the
// best mean cosine silhouette on the notes' own vectors: it comes from the
// data, not from a threshold that over-splits unfamiliar wording.
func spectral(vecs []vec, idx []int, sp spectralParams) [][]int {
	n := len(idx)
	if n < 3 {
		return [][]int{slices.Clone(idx)}
	}
	nodes := make([]node, n)
	for k, i := range idx {
		nodes[k] = node{members: []int{i}, mean: vecs[i]}
	}
	sim := simMatrix(nodes)
	graph := knnGraph(sim, sp.neighbours)

	maxK := min(sp.maxK, n/3)
	if maxK < sp.minK {
		return [][]int{slices.Clone(idx)}
	}
	_, vectors := leadingEigen(graph, n, maxK, sp.seed)
	if vectors == nil {
		return [][]int{slices.Clone(idx)}
	}

	// One k-means run per number of themes to choose it, then several for
	// the chosen number: the choice needs a good run, not the best one.
	bestScore, bestK := math.Inf(-1), 0
	for _, k := range kGrid(sp.minK, maxK, sp.kStep) {
		assign := kmeans(embed(vectors, n, k), n, k, sp.selectRestarts, sp.seed+uint64(k))
		if s := silhouette(sim, assign, k); s > bestScore {
			bestScore, bestK = s, k
		}
	}
	if bestK == 0 {
		// No grouping scored (notes that say one thing in one way leave the
		// silhouette undefined for every k): they are one theme.
		return [][]int{slices.Clone(idx)}
	}
	best := kmeans(embed(vectors, n, bestK), n, bestK, sp.restarts, sp.seed+uint64(bestK))
	if sp.resolution > 0 && float64(n) >= sp.refineSize*float64(sp.neighbours*bestK) {
		best = refine(graph, best, bestK, sp.resolution)
	}
	best = fold(sim, best, sp.foldSize, sp.foldSim)
	best = mergeSame(sim, best)
	groups := map[int][]int{}
	for k, c := range best {
		groups[c] = append(groups[c], idx[k])
	}
	out := make([][]int, 0, len(groups))
	for _, c := range slices.Sorted(mapKeys(groups)) {
		out = append(out, groups[c])
	}
	return out
}

func mapKeys[V any](m map[int]V) func(func(int) bool) {
	return func(yield func(int) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// kGrid lists the numbers of themes to try: minK, then each about step times
// the one before, up to maxK.
func kGrid(minK, maxK int, step float64) []int {
	var ks []int
	for k := float64(minK); int(math.Round(k)) <= maxK; k *= step {
		r := int(math.Round(k))
		if len(ks) == 0 || ks[len(ks)-1] != r {
			ks = append(ks, r)
		}
	}
	return ks
}

// edge is a weighted link of the neighbour graph.
type edge struct {
	to int
	w  float64
}

// knnGraph links each note to its k most similar notes (positive similarity
// only, the lower index first on a tie) and makes the links symmetric: a pair
// is linked when either note counts the other among its nearest, weighted by
// their similarity.
func knnGraph(sim [][]float64, k int) [][]edge {
	n := len(sim)
	linked := make([]map[int]float64, n)
	for i := range linked {
		linked[i] = map[int]float64{}
	}
	top := make([]int, 0, k+1)
	for i, row := range sim {
		// Keep the k best so far, best first, by insertion: k is small.
		top = top[:0]
		for j, s := range row {
			if j == i || s <= 0 || len(top) == k && s <= row[top[k-1]] {
				continue
			}
			at := len(top)
			for at > 0 && row[top[at-1]] < s {
				at--
			}
			top = slices.Insert(top, at, j)
			if len(top) > k {
				top = top[:k]
			}
		}
		for _, j := range top {
			linked[i][j] = row[j]
			linked[j][i] = row[j]
		}
	}
	g := make([][]edge, n)
	for i, m := range linked {
		for _, j := range slices.Sorted(mapKeys(m)) {
			g[i] = append(g[i], edge{j, m[j]})
		}
	}
	return g
}

// leadingEigen returns the k largest eigenvalues, and their eigenvectors as
// columns of an n×k row-major matrix, of the graph's normalised adjacency
// D^-½ W D^-½ (with a self-loop per note, so isolated notes stay defined). It
// runs the Lanczos iteration with full reorthogonalisation, restarting from a
// fresh pseudo-random vector when the Krylov space closes (as it does on a
// graph of several components), and solves the small tridiagonal problem
// with gonum.
func leadingEigen(g [][]edge, n, k int, seed uint64) ([]float64, []float64) {
	invSqrt := make([]float64, n)
	for i, es := range g {
		d := 1.0
		for _, e := range es {
			d += e.w
		}
		invSqrt[i] = 1 / math.Sqrt(d)
	}
	apply := func(x, y []float64) {
		for i, es := range g {
			s := x[i] * invSqrt[i]
			for _, e := range es {
				s += e.w * x[e.to] * invSqrt[e.to]
			}
			y[i] = s * invSqrt[i]
		}
	}
	m := min(n, 2*k+20)
	rng := rand.New(rand.NewPCG(seed, 1))
	basis := make([][]float64, 0, m)
	alpha := make([]float64, 0, m)
	beta := make([]float64, 0, m)
	orth := func(v []float64) float64 {
		for range 2 {
			for _, b := range basis {
				d := dot(v, b)
				for i := range v {
					v[i] -= d * b[i]
				}
			}
		}
		return math.Sqrt(dot(v, v))
	}
	fresh := func() []float64 {
		for range 10 {
			v := make([]float64, n)
			for i := range v {
				v[i] = rng.Float64() - 0.5
			}
			if nv := orth(v); nv > 1e-8 {
				for i := range v {
					v[i] /= nv
				}
				return v
			}
		}
		return nil
	}
	q := fresh()
	w := make([]float64, n)
	for q != nil && len(basis) < m {
		basis = append(basis, q)
		apply(q, w)
		a := dot(w, q)
		alpha = append(alpha, a)
		next := slices.Clone(w)
		b := orth(next)
		if len(basis) == m {
			break
		}
		if b < 1e-8 {
			beta = append(beta, 0)
			q = fresh()
			continue
		}
		beta = append(beta, b)
		for i := range next {
			next[i] /= b
		}
		q = next
	}
	mm := len(basis)
	t := mat.NewSymDense(mm, nil)
	for i := range mm {
		t.SetSym(i, i, alpha[i])
		if i+1 < mm {
			t.SetSym(i, i+1, beta[i])
		}
	}
	var es mat.EigenSym
	if !es.Factorize(t, true) {
		return nil, nil
	}
	vals := es.Values(nil)
	var ev mat.Dense
	es.VectorsTo(&ev)
	order := make([]int, mm)
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(vals[b], vals[a]) })
	k = min(k, mm)
	values := make([]float64, k)
	out := make([]float64, n*k)
	for c := range k {
		col := order[c]
		values[c] = vals[col]
		for j, bv := range basis {
			coef := ev.At(j, col)
			if coef == 0 {
				continue
			}
			for i := range n {
				out[i*k+c] += coef * bv[i]
			}
		}
	}
	return values, out
}

func dot(a, b []float64) float64 {
	var s float64
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

// embed takes the first k of the eigenvector columns (an n×K row-major
// matrix) and scales each note's row to unit length.
func embed(vectors []float64, n, k int) []float64 {
	K := len(vectors) / n
	out := make([]float64, n*k)
	for i := range n {
		row := out[i*k : (i+1)*k]
		copy(row, vectors[i*K:i*K+k])
		if nr := math.Sqrt(dot(row, row)); nr > 0 {
			for j := range row {
				row[j] /= nr
			}
		}
	}
	return out
}

// kmeans clusters the n rows of x (row-major, k columns) into k groups,
// seeding each of restarts runs by k-means++ from a fixed seed, and returns
// the assignment of the run with the least within-group squared distance.
func kmeans(x []float64, n, k, restarts int, seed uint64) []int {
	d := len(x) / n
	rng := rand.New(rand.NewPCG(seed, 2))
	bestCost := math.Inf(1)
	var best []int
	assign := make([]int, n)
	dist := make([]float64, n)
	centres := make([]float64, k*d)
	counts := make([]int, k)
	sq := func(a, b []float64) float64 {
		var s float64
		for i := range a {
			t := a[i] - b[i]
			s += t * t
		}
		return s
	}
	for range restarts {
		// k-means++: each next centre is a note drawn with probability
		// proportional to its squared distance from the nearest centre.
		first := rng.IntN(n)
		copy(centres[:d], x[first*d:(first+1)*d])
		for i := range n {
			dist[i] = sq(x[i*d:(i+1)*d], centres[:d])
		}
		for c := 1; c < k; c++ {
			var total float64
			for _, v := range dist {
				total += v
			}
			pick := n - 1
			if total > 0 {
				r := rng.Float64() * total
				for i, v := range dist {
					if r -= v; r < 0 {
						pick = i
						break
					}
				}
			} else {
				pick = rng.IntN(n)
			}
			cen := centres[c*d : (c+1)*d]
			copy(cen, x[pick*d:(pick+1)*d])
			for i := range n {
				dist[i] = min(dist[i], sq(x[i*d:(i+1)*d], cen))
			}
		}
		var cost float64
		for iter := range 50 {
			changed := false
			cost = 0
			for i := range n {
				row := x[i*d : (i+1)*d]
				bc, bd := 0, math.Inf(1)
				for c := range k {
					if dd := sq(row, centres[c*d:(c+1)*d]); dd < bd {
						bc, bd = c, dd
					}
				}
				if assign[i] != bc || iter == 0 {
					changed = changed || assign[i] != bc
					assign[i] = bc
				}
				cost += bd
			}
			if !changed && iter > 0 {
				break
			}
			clear(centres)
			clear(counts)
			for i, c := range assign {
				counts[c]++
				cen := centres[c*d : (c+1)*d]
				for j, v := range x[i*d : (i+1)*d] {
					cen[j] += v
				}
			}
			for c := range k {
				if counts[c] == 0 {
					continue
				}
				cen := centres[c*d : (c+1)*d]
				for j := range cen {
					cen[j] /= float64(counts[c])
				}
			}
		}
		if cost < bestCost {
			bestCost, best = cost, slices.Clone(assign)
		}
	}
	return best
}

// silhouette is the mean silhouette of an assignment under cosine distance
// (1 - similarity): for each note, how much nearer it is on average to its own
// group than to the nearest other group. Notes alone in their group count 0.
func silhouette(sim [][]float64, assign []int, k int) float64 {
	n := len(assign)
	size := make([]int, k)
	for _, c := range assign {
		size[c]++
	}
	sum := make([]float64, k)
	var total float64
	for i, row := range sim {
		clear(sum)
		for j, s := range row {
			if j != i {
				sum[assign[j]] += 1 - s
			}
		}
		own := assign[i]
		if size[own] < 2 {
			continue
		}
		a := sum[own] / float64(size[own]-1)
		b := math.Inf(1)
		for c := range k {
			if c != own && size[c] > 0 {
				b = min(b, sum[c]/float64(size[c]))
			}
		}
		if math.IsInf(b, 1) {
			continue
		}
		total += (b - a) / max(a, b)
	}
	return total / float64(n)
}

// refine improves a grouping on the neighbour graph itself: k-means works on
// a few eigenvectors, which blur what a note's own links say, so a note can
// end up in a theme few of its nearest notes are in. Each note in turn moves
// to the theme (among its neighbours') that raises the modularity of the
// partition at the given resolution most, as in the local moving phase of
// the Louvain method, until a pass moves no note (at most 20 passes). The
// modularity at resolution r is the share of link weight inside themes less
// r times what a random graph of the same degrees would put there; above 1
// it keeps smaller themes. Themes that lose every note are gone; the others
// keep their numbers.
func refine(g [][]edge, assign []int, k int, resolution float64) []int {
	out := slices.Clone(assign)
	deg := make([]float64, len(g))
	total := make([]float64, k)
	var sum float64
	for i, es := range g {
		for _, e := range es {
			deg[i] += e.w
		}
		sum += deg[i]
		total[out[i]] += deg[i]
	}
	if sum == 0 {
		return out
	}
	links := make([]float64, k)
	for range 20 {
		moved := false
		for i, es := range g {
			for _, e := range es {
				links[out[e.to]] += e.w
			}
			own := out[i]
			total[own] -= deg[i]
			// The gain of joining theme c, up to terms that do not depend on
			// c: the links to it less what a random graph of these degrees
			// would give.
			best, bestGain := own, links[own]-resolution*deg[i]*total[own]/sum
			for _, e := range es {
				c := out[e.to]
				// A note stays on a tie; between two other themes the lower
				// number wins, so that the result does not depend on the order
				// of the links.
				gain := links[c] - resolution*deg[i]*total[c]/sum
				if gain > bestGain+1e-12 || best != own && gain > bestGain-1e-12 && c < best {
					best, bestGain = c, gain
				}
			}
			for _, e := range es {
				links[out[e.to]] = 0
			}
			out[i] = best
			total[best] += deg[i]
			moved = moved || best != own
		}
		if !moved {
			break
		}
	}
	return out
}

// sameNotes is how similar on average two groups' notes are when they say the same
// thing in the same words.
const sameNotes = 0.999

// mergeSame merges groups whose notes say the same thing (see sameNotes): notes
// alike in every word leave k-means nothing to tell apart, and refine, balancing
// the split it was given, made 12 to 20 identical notes two themes of half each.
func mergeSame(sim [][]float64, assign []int) []int {
	out := slices.Clone(assign)
	for {
		members := map[int][]int{}
		for i, c := range out {
			members[c] = append(members[c], i)
		}
		cs := slices.Sorted(mapKeys(members))
		merged := false
		for a := 0; a < len(cs) && !merged; a++ {
			for b := a + 1; b < len(cs) && !merged; b++ {
				sum := 0.0
				for _, i := range members[cs[a]] {
					for _, j := range members[cs[b]] {
						sum += sim[i][j]
					}
				}
				if sum/float64(len(members[cs[a]])*len(members[cs[b]])) >= sameNotes {
					for _, j := range members[cs[b]] {
						out[j] = cs[a]
					}
					merged = true
				}
			}
		}
		if !merged {
			return out
		}
	}
}

// fold moves the notes of every group of at most size notes into the larger
// group they are on average most similar to, if that average reaches least.
func fold(sim [][]float64, assign []int, size int, least float64) []int {
	count := map[int]int{}
	members := map[int][]int{}
	for i, c := range assign {
		count[c]++
		members[c] = append(members[c], i)
	}
	out := slices.Clone(assign)
	for _, c := range slices.Sorted(mapKeys(members)) {
		if count[c] > size {
			continue
		}
		sum := map[int]float64{}
		for _, i := range members[c] {
			for j, s := range sim[i] {
				if count[assign[j]] > size {
					sum[assign[j]] += s
				}
			}
		}
		bestC, bestAvg := -1, least
		for _, d := range slices.Sorted(mapKeys(sum)) {
			if avg := sum[d] / float64(count[d]*len(members[c])); avg >= bestAvg {
				bestC, bestAvg = d, avg
			}
		}
		if bestC >= 0 {
			for _, i := range members[c] {
				out[i] = bestC
			}
		}
	}
	return out
}
