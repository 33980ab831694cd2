package session

import (
	"context"
	"fmt"

	"github.com/charter-tool/charter/analysis"
)

// RankThemes is the one ranking of a session's themes, by the documented score of
// analysis.Prioritize: votes, distinct authors and notes. The board, the
// participants' screens, the projector, the session's findings and (through the same
// formula) the campaign report all rank with it. It ranks the themes ThemeShowing
// shows, by the notes it shows: a theme none of whose notes is visible is not
// ranked, whatever action points it has. totals are the counted votes (VoteTotals);
// tookPart is how many people took part in the session (see WritersShown).
func RankThemes(themes []*Theme, notes []*Note, totals map[int64]int, tookPart int) []analysis.Priority {
	return rankShown(ShownThemes(themes, notes), notes, totals, tookPart)
}

// rankShown is RankThemes of themes as ShownThemes gave them, for a view that has
// them already: deciding what shows reads every note's words.
func rankShown(shown []*Theme, notes []*Note, totals map[int64]int, tookPart int) []analysis.Priority {
	visible := make(map[int64]*Note, len(notes))
	for _, n := range notes {
		if !n.Hidden {
			visible[n.ID] = n
		}
	}
	in := make([]analysis.PriorityInput, 0, len(shown))
	for _, t := range shown {
		authors := map[int64]bool{}
		for _, id := range t.NoteIDs {
			authors[visible[id].ParticipantID] = true
		}
		in = append(in, analysis.PriorityInput{ID: t.ID, Key: t.Label, Votes: totals[t.ID], Authors: WritersShown(len(authors), len(t.NoteIDs), tookPart), Notes: len(t.NoteIDs), Sessions: 1})
	}
	return analysis.Prioritize(in)
}

// MinWritersShown is how many people a theme's score counts at least, for a theme of
// that many notes or more (see WritersShown).
const MinWritersShown = 3

// WritersShown is the number of people a theme's score and findings count for a
// theme of notes notes written by writers people, in a session tookPart people took
// part in (participants, removed and paper ones too, as every note's writer is one):
// at least its notes, up to MinWritersShown, and never more than took part. The
// facilitator shapes themes, and with the exact count a theme of two notes would
// say whether one person wrote both: themes made to test it would sort the notes by
// writer. Counted so, a theme of up to three notes says nothing of who wrote them;
// a larger theme says its count only from four people on. The count is a bound: as
// many people wrote the notes or fewer, never more. Capped at tookPart, it says
// nothing more: in a session of three or more nothing changes, and in a smaller
// one every writer took part, so the count is the notes up to tookPart whoever
// wrote them. Hiding notes to watch a count change remains possible on larger
// themes.
func WritersShown(writers, notes, tookPart int) int {
	return max(writers, min(notes, MinWritersShown, tookPart))
}

// PeopleBound says, in the words every document uses beside a count PeopleUpTo
// words, what bounds the count from below (WritersShown): said as "at least as many
// as the notes, up to 3", it read as a cap of 3 beside "7 notes from up to 4 people".
var PeopleBound = fmt.Sprintf("never less than the notes or %d, whichever is fewer, so that no count tells whether a few notes share a writer", MinWritersShown)

// PeopleUpTo words a count of people WritersShown gave, in every screen and
// document: as a bound ("up to 3 people"), since as many people wrote the notes or
// fewer, and a count read as fact tells a program lead more spoke than did. One
// person is one: a note has a writer.
func PeopleUpTo(n int) string {
	if n == 1 {
		return "1 person"
	}
	return fmt.Sprintf("up to %d people", n)
}

// Priorities ranks a session's themes with RankThemes. Authors are counted here, on
// the server, so screens that must not know who wrote what can still show the same
// ranking.
func (s *Service) Priorities(ctx context.Context, sessionID string) ([]analysis.Priority, error) {
	d, err := s.ReportData(ctx, sessionID)
	if err != nil {
		return nil, err
	}
	return RankThemes(d.Themes, d.Notes, d.VoteTotals, len(d.Participants)), nil
}
