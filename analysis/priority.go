package analysis

import (
	"cmp"
	"slices"
)

// Weights of the prioritization score. Votes weigh most because they are the group's
// explicit choice; distinct authors next because a concern many people raise on their
// own is broader than one person's many notes; the number of notes last.
const (
	VoteWeight   = 3
	AuthorWeight = 2
	NoteWeight   = 1
)

// PriorityFormula says in words how Prioritize computes a score, for documents that
// must show their reasoning.
const PriorityFormula = "score = 3 × votes + 2 × distinct authors + 1 × notes; " +
	"ties go to more votes, then more authors, then more notes, then the label in alphabetical order, then the older theme"

// PriorityInput is what is known about one theme.
type PriorityInput struct {
	// ID identifies the theme to the caller; it breaks ties that Key leaves (a theme
	// ID grows with age, hence "the older theme" in PriorityFormula).
	ID int64
	// Key names the theme, e.g. its label; it breaks ties the counts leave.
	Key     string
	Votes   int
	Authors int
	Notes   int
}

// Priority is one theme's score with its parts and its rank (1 is the top).
type Priority struct {
	PriorityInput
	Score int
	Rank  int
}

// Prioritize scores themes as
//
//	score = 3*votes + 2*distinct authors + 1*notes
//
// and orders them by score, then votes, then authors, then notes (all higher
// first), then Key ascending, then ID ascending, so the order never depends on the
// input's order. Ranks are 1..len(in) in that order, so every theme has its own rank.
func Prioritize(in []PriorityInput) []Priority {
	out := make([]Priority, len(in))
	for i, p := range in {
		out[i] = Priority{PriorityInput: p, Score: VoteWeight*p.Votes + AuthorWeight*p.Authors + NoteWeight*p.Notes}
	}
	slices.SortFunc(out, func(a, b Priority) int {
		return cmp.Or(
			cmp.Compare(b.Score, a.Score),
			cmp.Compare(b.Votes, a.Votes),
			cmp.Compare(b.Authors, a.Authors),
			cmp.Compare(b.Notes, a.Notes),
			cmp.Compare(a.Key, b.Key),
			cmp.Compare(a.ID, b.ID),
		)
	})
	for i := range out {
		out[i].Rank = i + 1
	}
	return out
}
