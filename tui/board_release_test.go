package tui_test

import (
	"testing"

	"github.com/charter-tool/charter/session"
)

// An open board takes in each batch of released notes by reading only that batch
// (session.Service.BoardViewAfterRelease); what it shows then, the notes and each
// person's count, is what a board opened afresh shows.
func TestBoardAfterReleasesShowsWhatAFreshBoardShows(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, ps := w.crowd()
	ana, anon, olga := ps[0], ps[1], ps[2]
	notes, people := w.openBoard(sess), w.openBoard(sess)
	people.keys("2")
	people.waitFor("without a note yet")

	w.addNote(anon, session.AreaConfidence, "strength", "Champions answer fast.")
	w.addNote(olga, session.AreaMotivation, "motivates", "Fixing a finding feels good.")
	notes.waitFor("5 notes")
	people.waitFor("5 notes")
	w.addNote(ana, session.AreaConfidence, "concern", "Nobody reads the policy.") // held: a lone writer
	w.addNote(ana, session.AreaActivities, "more", "More pairing on fixes.")
	w.addNote(olga, session.AreaConfidence, "concern", "Builds break on old findings.")
	notes.waitFor("8 notes")
	people.waitFor("8 notes")

	fresh, freshPeople := w.openBoard(sess), w.openBoard(sess)
	freshPeople.keys("2")
	freshPeople.waitFor("without a note yet")
	if got, want := notes.view(), fresh.view(); got != want {
		t.Errorf("the board after the releases shows\n%s\n\na board opened afresh\n%s", got, want)
	}
	if got, want := people.view(), freshPeople.view(); got != want {
		t.Errorf("the people after the releases show\n%s\n\nopened afresh\n%s", got, want)
	}
}
