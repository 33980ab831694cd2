package tui

import (
	"fmt"
	"testing"
	"time"

	"github.com/charter-tool/charter/session"
)

// BenchmarkBoardNotesArrive is the facilitator's board in the burst at the end of
// the writing time: 300 people, and each read of the board brings it a batch of
// five more notes (a new snapshot of every note, as the service reads it), which it
// takes and draws at 120x40. One op is one read taken and drawn; the snapshot is
// made with the timer stopped (the service's share is BenchmarkBoardAfterRelease).
func BenchmarkBoardNotesArrive(b *testing.B) {
	at := time.Date(2026, time.March, 10, 14, 0, 0, 0, time.UTC)
	e := New(Options{Renderer: colours256(), Now: func() time.Time { return at }}).env
	e.w, e.h = 120, 40
	sess := &session.Session{ID: "s1", Title: "Developers Berlin", Code: "ABCD-EFGH", Phase: session.PhaseWrite, VoteBudget: 3}
	bd := newBoard(e, sess)
	a := &App{env: e, screen: bd}
	people := make([]*session.Participant, 300)
	for i := range people {
		people[i] = &session.Participant{ID: int64(i + 1), SessionID: "s1", Pseudonym: fmt.Sprintf("Person %d", i+1), JoinedAt: at}
	}
	var notes []*session.Note
	read := func() boardStateMsg {
		for range 5 {
			k := len(notes)
			notes = append(notes, &session.Note{ID: int64(k + 1), SessionID: "s1", ParticipantID: int64(k%300 + 1),
				Area: session.AreaActivities, Lane: "keep", Activity: "threat modelling",
				Text: fmt.Sprintf("note %d: threat models with the security champions before every larger feature", k), Batch: 1, CreatedAt: at})
		}
		v := &session.BoardView{Session: sess, People: people, Written: map[int64]int{}}
		for _, n := range notes {
			c := *n
			v.Notes = append(v.Notes, &c)
			v.Written[n.ParticipantID]++
		}
		return boardStateMsg{BoardView: v, base: bd.sess}
	}
	a.Update(read())
	_ = a.View()
	for b.Loop() {
		b.StopTimer()
		if len(notes) > 900 {
			notes = notes[:0]
		}
		msg := read()
		b.StartTimer()
		a.Update(msg)
		_ = a.View()
	}
}
