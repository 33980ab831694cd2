package tui_test

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/tui"
)

// The newcomer's trial: P1, anonymous, wrote notes and volunteers as "Sam
// (sam@example.org)". The board shows the name on the action point, and its people
// panel still lists P1 as anonymous beside their note count.
func TestVolunteerNameNeverJoinsThePeoplePanel(t *testing.T) {
	t.Parallel()
	w, sess, p := atActionPoint(t)
	p.keys("j") // from the first theme to its action point
	p.keys("v")
	p.waitFor("shown on this action point and in the findings only")
	p.keys("Sam (sam@example.org)")
	p.press(tea.KeyEnter)
	// What the thanks say of the name agrees with what the box said: it said
	// "on this action point only", leaving the findings out.
	p.waitFor("Thank you for volunteering", "findings, never with your notes")
	// On it now, v takes the offer back, and the key line says so.
	p.waitDrawn("v withdraw")

	b := w.openBoard(sess)
	b.keys("j") // the action point, its volunteers shown whole
	b.waitFor("volunteers Sam")
	b.keys("2")
	b.waitFor("P1     (anonymous)")
	v := b.view()
	if strings.Contains(v, "Sam") {
		t.Errorf("the people panel shows the volunteer's name:\n%s", v)
	}
}

// The volunteer's name box stops at the most a name can have and says so, as the
// name box on joining does: nothing is refused only at enter.
func TestVolunteerNameBoxStopsAtTheLimit(t *testing.T) {
	t.Parallel()
	w, sess, p := atActionPoint(t)
	p.keys("j")
	p.keys("v")
	p.waitFor("0/40 characters")
	name := "Sam " + strings.Repeat("s", session.MaxNameLen-4)
	p.paste(name + "@example.org")
	p.waitFor("40/40 characters: a name can be no longer")
	p.press(tea.KeyEnter)
	p.waitFor("Thank you for volunteering")
	list, err := w.svc.Actions(w.ctx, sess.ID)
	if err != nil || len(list) != 1 || len(list[0].Volunteers) != 1 || list[0].Volunteers[0] != name {
		t.Fatalf("action points %+v, %v: want one volunteer named %q", list, err, name)
	}
}

// atActionPoint is groupWorld in the actions phase with one action point, "Pair on
// threat models", and its first participant's screen showing it.
func atActionPoint(t *testing.T) (*world, *session.Session, *term) {
	t.Helper()
	return atActionPointAs(t, "")
}

// atActionPointAs is atActionPoint with the first participant joined under name
// (anonymous when it is empty).
func atActionPointAs(t *testing.T, name string) (*world, *session.Session, *term) {
	t.Helper()
	w, sess, _ := groupWorld(t)
	ts, err := w.svc.Themes(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.svc.AddAction(w.ctx, session.ActionPoint{SessionID: sess.ID, ThemeID: ts[0].ID, Title: "Pair on threat models"}); err != nil {
		t.Fatal(err)
	}
	w.setPhase(sess, session.PhaseActions)
	ps, err := w.db.Participants(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if name != "" {
		if err := w.svc.SetName(w.ctx, ps[0], name); err != nil {
			t.Fatal(err)
		}
	}
	p := w.openAsParticipant(sess, w.participant(ps[0].ID))
	p.waitFor("Pair on threat models")
	return w, sess, p
}

// The facilitator deletes the action point while its name box is open: the box
// closes and says so, instead of staying open over a list without it, refusing
// every enter with "Action point not found."
func TestVolunteerNameBoxClosesWhenItsActionPointGoes(t *testing.T) {
	t.Parallel()
	w, sess, p := atActionPoint(t)
	p.keys("j")
	p.keys("v")
	p.waitFor("0/40 characters")
	p.keys("Sam")
	list, err := w.svc.Actions(w.ctx, sess.ID)
	if err != nil || len(list) != 1 {
		t.Fatalf("action points %+v, %v: want one", list, err)
	}
	if err := w.svc.DeleteAction(w.ctx, list[0].ID); err != nil {
		t.Fatal(err)
	}
	p.waitFor("The facilitator removed that action point; you did not volunteer.")
	if v := p.view(); strings.Contains(v, "characters") {
		t.Errorf("the name box is still open:\n%s", v)
	}
}

// The session closes while the name box is open: volunteering is over, so the box
// closes and says so, instead of staying open to refuse the name only at enter.
func TestVolunteerNameBoxClosesWhenTheSessionCloses(t *testing.T) {
	t.Parallel()
	w, sess, p := atActionPoint(t)
	p.keys("j")
	p.keys("v")
	p.waitFor("0/40 characters")
	p.keys("Sam")
	p.waitFor("3/40 characters")
	w.setPhase(sess, session.PhaseClosed)
	p.waitFor("The session closed; you did not volunteer.")
	v := p.view()
	requireFits(t, v)
	if strings.Contains(v, "characters") {
		t.Errorf("the name box is still open:\n%s", v)
	}
}

// v on a theme's line is for its one action point, and takes the offer back once
// given: the key line there says "v withdraw" too, not "v volunteer".
func TestVolunteerOnThemeLineKeyLineSaysWithdraw(t *testing.T) {
	t.Parallel()
	_, _, p := atActionPoint(t)
	p.waitDrawn("v volunteer")
	p.keys("v") // on the theme's line
	p.waitFor("shown on this action point and in the findings only")
	p.press(tea.KeyEnter)
	p.waitFor("Thank you for volunteering")
	p.waitDrawn("v withdraw")
}

// Alice joined as "Alice Aardvark", a name for the facilitator's eyes. Volunteering
// with v and enter, the box offers nothing of it: filled in, a volunteer stored under
// her join name matched her participant row (and so her profile) in a backup.
func TestVolunteerBoxStartsWithoutTheJoinName(t *testing.T) {
	t.Parallel()
	w, sess, p := atActionPointAs(t, "Alice Aardvark")
	p.keys("j") // from the first theme to its action point
	p.keys("v")
	p.waitFor("Volunteer: give a name")
	if p.everDrawn("Aardvark") {
		t.Error("the volunteer's box showed the name given at joining")
	}
	p.press(tea.KeyEnter)
	p.waitFor("Thank you for volunteering")
	list, err := w.svc.Actions(w.ctx, sess.ID)
	if err != nil || len(list) != 1 || len(list[0].Volunteers) != 1 {
		t.Fatalf("action points %+v, %v: want one with one volunteer", list, err)
	}
	if got := list[0].Volunteers[0]; strings.Contains(got, "Aardvark") {
		t.Errorf("the volunteer is stored as %q, the name given at joining", got)
	}
}

// Typed in again, the name given at joining is asked about once before it is stored:
// a copy of the database could match it to the participant's profile.
func TestVolunteerTypingTheJoinNameIsAskedAbout(t *testing.T) {
	t.Parallel()
	w, sess, p := atActionPointAs(t, "Alice Aardvark")
	p.keys("j")
	p.keys("v")
	p.waitFor("0/40 characters")
	p.keys("alice aardvark")
	p.waitFor("14/40 characters")
	p.press(tea.KeyEnter)
	p.waitFor("That is the name you joined with", "enter keeps it")
	if list, err := w.svc.Actions(w.ctx, sess.ID); err != nil || len(list) != 1 || len(list[0].Volunteers) != 0 {
		t.Fatalf("action points %+v, %v: want no volunteer before the second enter", list, err)
	}
	p.press(tea.KeyEnter)
	p.waitFor("Thank you for volunteering")
	list, err := w.svc.Actions(w.ctx, sess.ID)
	if err != nil || len(list) != 1 || len(list[0].Volunteers) != 1 || list[0].Volunteers[0] != "alice aardvark" {
		t.Fatalf("action points %+v, %v: want one volunteer, alice aardvark", list, err)
	}
}

// At 40x14 the name's box under a long list of themes pushed the head off the top:
// the blank line, the line on esc and the count give way, and the action point
// asked about stays in view.
func TestVolunteerNameBoxFitsAtFortyByFourteen(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)
	a, b := w.join(sess, "key-1", ""), w.join(sess, "key-2", "")
	var themes []session.Theme
	for i, label := range []string{"pen tests", "deadlines", "champions", "scanner noise", "training", "ownership", "incidents"} {
		by := a
		if i%2 == 1 {
			by = b
		}
		n := w.addNote(by, session.AreaMotivation, "demotivates", "a note about "+label)
		themes = append(themes, session.Theme{Label: label, NoteIDs: []int64{n.ID}})
	}
	w.setPhase(sess, session.PhaseGroup)
	if err := w.svc.SaveThemes(w.ctx, sess.ID, themes); err != nil {
		t.Fatal(err)
	}
	ts, err := w.svc.Themes(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, th := range ts {
		if th.Label != "champions" && th.Label != "deadlines" && th.Label != "training" {
			continue
		}
		if _, err := w.svc.AddAction(w.ctx, session.ActionPoint{SessionID: sess.ID, ThemeID: th.ID, Title: "Act on " + th.Label}); err != nil {
			t.Fatal(err)
		}
	}
	w.setPhase(sess, session.PhaseActions)
	p := w.openSized(tui.Options{KeyHash: a.KeyHash, Code: sess.Code}, 40, 14)
	p.waitFor("#1 champions", "Act on champions")
	p.keys("j") // from the first theme, champions, to its action point
	p.keys("v")
	p.waitFor("Volunteer: give a name")
	v := p.view()
	requireFitsIn(t, v, 40, 14)
	if !strings.HasPrefix(v, "charter ") {
		t.Errorf("the head is not on top:\n%s", v)
	}
	if !strings.Contains(v, "▸    → [proposed] Act on champions") {
		t.Errorf("the action point asked about is not in view:\n%s", v)
	}
}
