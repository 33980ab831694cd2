package session_test

import (
	"testing"

	"github.com/charter-tool/charter/session"
)

// The facilitator shapes themes: a theme made of two notes must not say whether one
// person wrote both. Themes of up to three notes rank alike whoever wrote them;
// larger ones count their writers from four on.
func TestThemeScoreDoesNotSayWhichNotesShareAWriter(t *testing.T) {
	t.Parallel()
	note := func(id, writer int64) *session.Note {
		return &session.Note{ID: id, ParticipantID: writer, Area: session.AreaMotivation, Lane: "demotivates", Text: "note"}
	}
	notes := []*session.Note{
		note(1, 1), note(2, 1), // one writer
		note(3, 2), note(4, 3), // two writers
		note(5, 1), note(6, 1), note(7, 1), // one writer
		note(8, 2), note(9, 3), note(10, 4), // three writers
		note(11, 1), note(12, 2), note(13, 3), note(14, 4), note(15, 5), // five writers
	}
	themes := []*session.Theme{
		{ID: 1, Label: "a", NoteIDs: []int64{1, 2}},
		{ID: 2, Label: "b", NoteIDs: []int64{3, 4}},
		{ID: 3, Label: "c", NoteIDs: []int64{5, 6, 7}},
		{ID: 4, Label: "d", NoteIDs: []int64{8, 9, 10}},
		{ID: 5, Label: "e", NoteIDs: []int64{11, 12, 13, 14, 15}},
	}
	got := map[int64][2]int{} // theme: people counted, score
	for _, p := range session.RankThemes(themes, notes, map[int64]int{}, 5) {
		got[p.ID] = [2]int{p.Authors, p.Score}
	}
	if got[1] != got[2] {
		t.Errorf("two notes by one writer %v, by two %v: want the same people and score", got[1], got[2])
	}
	if got[3] != got[4] {
		t.Errorf("three notes by one writer %v, by three %v: want the same people and score", got[3], got[4])
	}
	if got[5][0] != 5 {
		t.Errorf("five notes by five writers count %d people, want 5", got[5][0])
	}
	for _, c := range []struct{ writers, notes, tookPart, want int }{
		{1, 1, 9, 1}, {1, 2, 9, 2}, {2, 2, 9, 2}, {1, 3, 9, 3}, {1, 4, 9, 3}, {4, 4, 9, 4}, {2, 9, 9, 3}, {7, 9, 9, 7},
		// Never more than took part: in a session of two, two notes or more count
		// two people, whoever wrote them.
		{1, 3, 2, 2}, {2, 3, 2, 2}, {1, 2, 2, 2}, {1, 1, 2, 1}, {1, 5, 1, 1}, {3, 3, 3, 3},
	} {
		if got := session.WritersShown(c.writers, c.notes, c.tookPart); got != c.want {
			t.Errorf("WritersShown(%d writers, %d notes, %d took part) = %d, want %d", c.writers, c.notes, c.tookPart, got, c.want)
		}
	}
}

// A count of people is read as fact: a theme of three notes in a session two people
// took part in counts two, not three, on every screen and in every document.
func TestThemeCountsNoMorePeopleThanTookPart(t *testing.T) {
	t.Parallel()
	notes := []*session.Note{
		{ID: 1, ParticipantID: 1, Area: session.AreaMotivation, Lane: "demotivates", Text: "no time to hack"},
		{ID: 2, ParticipantID: 2, Area: session.AreaMotivation, Lane: "demotivates", Text: "no time for labs"},
		{ID: 3, ParticipantID: 1, Area: session.AreaMotivation, Lane: "demotivates", Text: "no time to learn"},
	}
	themes := []*session.Theme{{ID: 1, Label: "time", NoteIDs: []int64{1, 2, 3}}}
	ranked := session.RankThemes(themes, notes, map[int64]int{}, 2)
	if len(ranked) != 1 || ranked[0].Authors != 2 {
		t.Errorf("a theme of 3 notes in a session of 2 people ranks as %+v, want 2 people", ranked)
	}
}

// The count of a theme's people is a bound, worded so everywhere.
func TestPeopleUpTo(t *testing.T) {
	t.Parallel()
	for n, want := range map[int]string{1: "1 person", 2: "up to 2 people", 12: "up to 12 people"} {
		if got := session.PeopleUpTo(n); got != want {
			t.Errorf("PeopleUpTo(%d) = %q, want %q", n, got, want)
		}
	}
}
