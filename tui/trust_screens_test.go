package tui_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/tui"
)

// Editing a note's text keeps the activity it is about, whatever activity is picked
// for new notes at the time.
func TestEditingANoteKeepsItsActivity(t *testing.T) {
	t.Parallel()
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
	p.press(tea.KeyEsc) // the box of a new note closed for the list's keys
	p.waitFor("type new note")
	p.keys("a") // picks the first activity for new notes
	p.press(tea.KeyEnter)
	p.waitFor("type to filter")
	p.press(tea.KeyDown)
	p.press(tea.KeyEnter)
	p.waitFor("new notes are about: self-assessment")
	p.press(tea.KeyEsc) // the box opened once it was chosen
	p.waitFor("type new note")
	p.keys("e")
	p.press(tea.KeyEnter)
	p.waitFor("Edit your note")
	p.keys(" is useful")
	p.press(tea.KeyEnter)
	p.waitFor("Saved your change.")
	got, err := w.db.Note(w.ctx, n.ID)
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

// wait returns once the gate is open.
func (g *gatedStore) wait(ctx context.Context) error {
	g.mu.Lock()
	gate := g.gate
	g.mu.Unlock()
	if gate != nil {
		select {
		case <-gate:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return nil
}

func (g *gatedStore) NotesBy(ctx context.Context, participantID int64) ([]*session.Note, error) {
	if err := g.wait(ctx); err != nil {
		return nil, err
	}
	return g.Store.NotesBy(ctx, participantID)
}

// ReadTx hands fn a store whose NotesBy is held too: a screen reads its view in one
// read transaction.
func (g *gatedStore) ReadTx(ctx context.Context, fn func(st session.Store) error) error {
	return g.Store.ReadTx(ctx, func(st session.Store) error { return fn(&gatedTx{Store: st, g: g}) })
}

// gatedTx is a read transaction's store whose NotesBy waits for g's gate.
type gatedTx struct {
	session.Store
	g *gatedStore
}

func (t *gatedTx) NotesBy(ctx context.Context, participantID int64) ([]*session.Note, error) {
	if err := t.g.wait(ctx); err != nil {
		return nil, err
	}
	return t.Store.NotesBy(ctx, participantID)
}

// d then y pressed right after "Saved", before the screen could load the notes again,
// deletes the note just written: the one the screen showed as selected.
func TestDeleteRightAfterSavingUnderLoad(t *testing.T) {
	t.Parallel()
	var g *gatedStore
	w := newWorldOver(t, func(db session.Store) session.Store {
		g = &gatedStore{Store: db}
		return g
	})
	sess, me := w.writingParticipant()
	w.addNote(me, session.AreaConfidence, "strength", "late pen test reports hurt")
	p := w.openAsParticipant(sess, me)
	p.waitFor("late pen test reports hurt")
	p.waitDrawn("New note in Strengths")
	p.keys("typo note delete me")
	g.hold()
	p.press(tea.KeyEnter)
	p.waitFor("Saved. Your note is stored")
	p.press(tea.KeyUp) // from the box open for the next note to the list
	p.keys("d")
	p.press(tea.KeyEnter)
	p.waitFor("Note deleted.")
	g.release()
	ns := w.notes(sess)
	if len(ns) != 1 || ns[0].Text != "late pen test reports hurt" {
		t.Fatalf("left %q, want only the older note", noteTexts(ns))
	}
}

// The facilitator home edits a session (the campaign offered as it is typed) and
// deletes one after asking.
func TestHomeEditsAndDeletesSessions(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	first, err := w.svc.NewSession(w.ctx, session.Session{Title: "Developers Berlin", Audience: session.AudienceDevelopers, Campaign: "Chartering 2026"})
	if err != nil {
		t.Fatal(err)
	}
	s := w.open(tui.Options{Facilitator: true})
	s.waitFor("Developers Berlin")
	s.keys("n")
	s.waitFor("new session")
	s.tm.Type("Developers Porto")
	for range 4 {
		s.press(tea.KeyEnter)
	}
	s.waitFor("Campaigns so far: Chartering 2026")
	s.tm.Type("char")
	s.press(tea.KeyRight) // completes the campaign, as it is written
	s.waitFor("▸ Campaign Chartering 2026")
	s.press(tea.KeyEnter)
	s.waitFor("Developers Porto", "LOBBY")
	list, err := w.db.Sessions(w.ctx)
	if err != nil || len(list) != 2 || list[0].Campaign != "Chartering 2026" {
		t.Fatalf("sessions %+v, %v; want the new one in Chartering 2026", list, err)
	}
	second := list[0]

	s = w.open(tui.Options{Facilitator: true})
	s.waitFor("▸ Developers Berlin", "Developers Porto")
	s.keys("j")
	s.waitFor("▸ Developers Porto")
	s.keys("e")
	s.waitFor("edit session")
	s.tm.Type(" (2nd)")
	s.press(tea.KeyEnter)
	s.press(tea.KeyRight) // developers -> service-owners
	for range 4 {
		s.press(tea.KeyEnter)
	}
	s.waitFor("Saved the changes to “Developers Porto (2nd)”.")
	if got := w.session(second.ID); got.Title != "Developers Porto (2nd)" || got.Audience != session.AudienceServiceOwners || got.Campaign != "Chartering 2026" {
		t.Errorf("after editing: %+v", got)
	}

	s.keys("D")
	s.waitFor("Delete “Developers Porto (2nd)”")
	s.keys("n")
	s.waitFor("Kept “Developers Porto (2nd)”.")
	s.keys("D")
	s.waitFor("This cannot be undone.")
	s.keys("y")
	s.waitFor("Deleted “Developers Porto (2nd)”.")
	if list, _ := w.db.Sessions(w.ctx); len(list) != 1 || list[0].ID != first.ID {
		t.Errorf("after deleting: %d sessions left", len(list))
	}
}

// The removal prompt says what removing does and does not do.
func TestRemovalPromptSaysContributionsStay(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, _ := w.crowd()
	s := w.openBoard(sess)
	s.keys("2")
	s.waitFor("3 people")
	s.keys("r")
	s.waitFor("Remove Ana from the session?")
	v := strings.Join(strings.Fields(s.view()), " ")
	for _, want := range []string{"cannot come back", "what they wrote, rated and voted stays", "hide notes one by one with h"} {
		if !strings.Contains(v, want) {
			t.Errorf("the prompt does not say %q:\n%s", want, v)
		}
	}
}

// The activity chosen for new notes sticks from note to note: a saved note says
// which activity it went under and that the next goes there too, so that a writer
// moving on to another activity sees it before writing.
func TestSavedNoteSaysItsActivitySticks(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, me := w.writingParticipant()
	p := w.openAsParticipant(sess, me)
	p.waitFor("You have no notes here yet.")
	p.press(tea.KeyTab)
	p.waitFor("no activity chosen: a note goes under the one it names")
	p.waitDrawn("New note in")
	p.paste("we need more of it")
	p.press(tea.KeyEnter)
	p.waitFor("Saved. Your note is stored") // no activity: nothing sticks
	p.press(tea.KeyEsc)                     // the box open for the next note
	p.keys("a")
	p.press(tea.KeyEnter)
	p.waitFor("type to filter")
	p.press(tea.KeyDown)
	p.press(tea.KeyEnter)
	p.waitFor("new notes are about: self-assessment")
	p.waitDrawn("· about self-assessment") // the box opens once it is chosen
	p.paste("the self-assessment takes a day")
	p.press(tea.KeyEnter)
	p.waitFor("Saved under self-assessment; your next notes go there too (esc, a changes it).")
}

// A session made by hand in a campaign that already plans one for the same
// audience and place (charter plan --create), not begun, is made, and its board
// says so: one of the two would be held, the other left in the plan as not held.
func TestNewSessionBesideAPlannedOneSaysSo(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	if _, err := w.svc.NewSession(w.ctx, session.Session{Title: "Developers, Lyon", Audience: session.AudienceDevelopers,
		Location: "Lyon", Campaign: "Chartering 2027"}); err != nil {
		t.Fatal(err)
	}
	if _, err := w.svc.NewSession(w.ctx, session.Session{Title: "Service owners, Lyon", Audience: session.AudienceServiceOwners,
		Location: "Lyon", Campaign: "Chartering 2027"}); err != nil {
		t.Fatal(err)
	}
	s := w.open(tui.Options{Facilitator: true})
	s.waitFor("Developers, Lyon")
	s.keys("n")
	s.waitFor("new session")
	s.tm.Type("Developers, Lyon (pilot)")
	s.press(tea.KeyEnter) // audience: developers
	s.press(tea.KeyEnter)
	s.tm.Type("lyon")
	s.press(tea.KeyEnter) // mode
	s.press(tea.KeyEnter)
	s.waitFor("Campaigns so far: Chartering 2027")
	s.tm.Type("chartering 2027")
	s.press(tea.KeyEnter)
	s.waitFor("Developers, Lyon (pilot)", "LOBBY", "Note: Chartering 2027 already has “Developers, Lyon” for developers in Lyon")
}
