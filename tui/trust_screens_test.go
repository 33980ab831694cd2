package tui_test

import (
	"context"
	"sync"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
)

// Editing a note's text keeps the activity it is about, whatever activity is picked
// for new notes at the time.
func TestEditingANoteKeepsItsActivity(t *testing.T) {
	w := newWorld(t)
	sess, me := w.writingParticipant()
	n, err := w.svc.AddNote(w.ctx, me.ID, session.Note{Area: session.AreaActivities, Lane: "keep", Activity: "security training", Text: "the yearly training"})
	if err != nil {
		t.Fatal(err)
	}
	p := w.openAsParticipant(sess, me)
	p.waitFor("You have no notes here yet.")
	p.press(tea.KeyTab)
	p.waitFor("[security training] the yearly training")
	p.keys("a") // picks the first activity for new notes
	p.waitFor("about: self-assessment")
	p.keys("e")
	p.waitFor("Edit your note")
	p.keys(" is useful")
	p.press(tea.KeyEnter)
	p.waitFor("Saved your change.")
	got, err := w.svc.Store.Note(w.ctx, n.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Activity != "security training" || got.Text != "the yearly training is useful" {
		t.Fatalf("after the edit: activity %q, text %q; want the activity kept", got.Activity, got.Text)
	}
}

// gatedStore holds every read of one participant's notes while closed, as a loaded
// machine delays a screen's reload.
type gatedStore struct {
	session.Store
	mu   sync.Mutex
	gate chan struct{}
}

func (g *gatedStore) hold() {
	g.mu.Lock()
	g.gate = make(chan struct{})
	g.mu.Unlock()
}

func (g *gatedStore) release() {
	g.mu.Lock()
	close(g.gate)
	g.gate = nil
	g.mu.Unlock()
}

func (g *gatedStore) NotesBy(ctx context.Context, participantID int64) ([]*session.Note, error) {
	g.mu.Lock()
	gate := g.gate
	g.mu.Unlock()
	if gate != nil {
		select {
		case <-gate:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	return g.Store.NotesBy(ctx, participantID)
}

// d then y pressed right after "Saved", before the screen could load the notes again,
// deletes the note just written: the one the screen showed as selected.
func TestDeleteRightAfterSavingUnderLoad(t *testing.T) {
	w := newWorld(t)
	g := &gatedStore{Store: w.svc.Store}
	w.svc.Store = g
	sess, me := w.writingParticipant()
	w.addNote(me, session.AreaConfidence, "strength", "late pen test reports hurt")
	p := w.openAsParticipant(sess, me)
	p.waitFor("late pen test reports hurt")
	p.keys("n")
	p.waitFor("New note in Strengths")
	p.keys("typo note delete me")
	g.hold()
	p.press(tea.KeyEnter)
	p.waitFor("Saved. Your note is stored")
	p.keys("dy")
	p.waitFor("Note deleted.")
	g.release()
	ns := w.notes(sess)
	if len(ns) != 1 || ns[0].Text != "late pen test reports hurt" {
		t.Fatalf("left %q, want only the older note", noteTexts(ns))
	}
}
