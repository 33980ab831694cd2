package analysis

import (
	"cmp"
	"slices"
	"strings"
)

// Weights of the prioritization score, the one ranking of themes that the board, a
// session's findings and a campaign's report all use. Every session beyond the first
// that raised a theme weighs most: a concern raised on its own in several rooms is the
// strongest sign a campaign can give. Votes next because they are the group's explicit
// choice; distinct people next because a concern many raise on their own is broader
// than one person's many notes; the number of notes last.
const (
	SessionWeight = 5
	VoteWeight    = 3
	AuthorWeight  = 2
	NoteWeight    = 1
)

// PriorityFormula says in words how Prioritize computes a score, for documents that
// must show their reasoning.
const PriorityFormula = "score = 5 × sessions beyond the first + 3 × votes + 2 × distinct people + 1 × notes " +
	"(within one session the first term is 0; people count never less than the notes or 3, whichever is fewer, " +
	"so that no score tells whether a few notes share a writer); " +
	"ties go to more sessions, then more votes, then more people, then more notes, " +
	"then the label in alphabetical order, then the older theme"

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
	// Sessions counts the sessions that raised the theme; 0 and 1 both mean one.
	Sessions int
}

// Priority is one theme's score with its parts and its rank (1 is the top).
type Priority struct {
	PriorityInput
	Score int
	Rank  int
}

// Score computes the documented score of one theme.
func Score(p PriorityInput) int {
	return SessionWeight*max(p.Sessions-1, 0) + VoteWeight*p.Votes + AuthorWeight*p.Authors + NoteWeight*p.Notes
}

// Prioritize scores themes as
//
//	score = 5*(sessions-1) + 3*votes + 2*distinct authors + 1*notes
//
// and orders them by score, then sessions, votes, authors, notes (all higher first),
// then Key ascending, then ID ascending, so the order never depends on the input's
// order. Ranks are 1..len(in) in that order, so every theme has its own rank.
func Prioritize(in []PriorityInput) []Priority {
	out := make([]Priority, len(in))
	for i, p := range in {
		out[i] = Priority{PriorityInput: p, Score: Score(p)}
	}
	slices.SortFunc(out, func(a, b Priority) int {
		return cmp.Or(
			cmp.Compare(b.Score, a.Score),
			cmp.Compare(max(b.Sessions, 1), max(a.Sessions, 1)),
			cmp.Compare(b.Votes, a.Votes),
			cmp.Compare(b.Authors, a.Authors),
			cmp.Compare(b.Notes, a.Notes),
			// Alphabetical as a reader takes it: "pen testing" before "Team knows
			// its services", whatever the case of the first letter.
			cmp.Compare(strings.ToLower(a.Key), strings.ToLower(b.Key)),
			cmp.Compare(a.Key, b.Key),
			cmp.Compare(a.ID, b.ID),
		)
	})
	for i := range out {
		out[i].Rank = i + 1
	}
	return out
}
