package tui_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
)

// A refused answer keeps the prompt open with what was typed: the facilitator
// corrects it there, and the keys typed to correct it never reach the board as
// commands (before, the prompt closed and "2026-..." switched the board's tabs).
func TestRefusedAnswerKeepsThePromptOpen(t *testing.T) {
	t.Parallel()
	w, sess, _ := groupWorld(t)
	w.setPhase(sess, session.PhaseVote)
	w.setPhase(sess, session.PhaseActions)
	ts, err := w.svc.Themes(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.svc.AddAction(w.ctx, session.ActionPoint{SessionID: sess.ID, ThemeID: ts[0].ID, Title: "Threat modelling clinic"}); err != nil {
		t.Fatal(err)
	}
	b := w.openBoard(sess)
	b.keys("j") // from the first theme to its action point
	b.keys("u")
	b.waitFor("Due (YYYY-MM-DD")
	b.keys("next friday")
	b.press(tea.KeyEnter)
	b.waitFor("is not a day as YYYY-MM-DD")
	// Correct it where it was typed: the text is still in the prompt.
	for range len("next friday") {
		b.press(tea.KeyBackspace)
	}
	b.keys("2026-03-24")
	b.press(tea.KeyEnter)
	b.waitFor("due 2026-03-24")
	as, err := w.svc.Actions(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 1 || as[0].Due != "2026-03-24" {
		t.Fatalf("action points %+v, want one due 2026-03-24", as)
	}
	v := b.view()
	if strings.Contains(v, "Due (YYYY-MM-DD") {
		t.Errorf("the prompt stayed open after the date was kept:\n%s", v)
	}
	// The digits typed went into the prompt, not to the tab keys 2 and 3.
	if strings.Contains(v, "who ") || !strings.Contains(v, "Threat modelling clinic") {
		t.Errorf("the board left the themes for another tab:\n%s", v)
	}
}

// The dots-per-person prompt starts with the budget set; typing a number replaces
// it (5, not 35), as a selected field does, and backspace edits it instead.
func TestBudgetPromptTypedNumberReplacesTheFirst(t *testing.T) {
	t.Parallel()
	w, sess, _ := groupWorld(t)
	w.setPhase(sess, session.PhaseVote)
	b := w.openBoard(sess)
	b.keys("b")
	b.waitFor("Dots per person (1-10): 3")
	b.keys("5")
	b.press(tea.KeyEnter)
	b.waitFor("Everyone has 5 dots.")
	got, err := w.svc.Session(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.VoteBudget != 5 {
		t.Fatalf("budget %d, want 5", got.VoteBudget)
	}
	b.keys("b")
	b.waitFor("Dots per person (1-10): 5")
	b.press(tea.KeyBackspace)
	b.keys("7")
	b.press(tea.KeyEnter)
	b.waitFor("Everyone has 7 dots.")
	if got, _ := w.svc.Session(w.ctx, sess.ID); got.VoteBudget != 7 {
		t.Fatalf("budget %d after backspace and 7, want 7", got.VoteBudget)
	}
}

// Keys typed right after the enter that saves a prompt's answer (a fast typist, a
// slow link: "enter a" in one packet) act on the board once the answer is kept,
// in order, instead of being lost while it was saved.
func TestKeysTypedWhileAnAnswerIsSavedActAfterIt(t *testing.T) {
	t.Parallel()
	w, sess, _ := groupWorld(t)
	w.setPhase(sess, session.PhaseVote)
	w.setPhase(sess, session.PhaseActions)
	b := w.openBoard(sess)
	b.keys("a")
	b.waitFor("Action point:")
	b.keys("Name an owner")
	b.press(tea.KeyEnter)
	b.keys("a") // right behind the enter: another action point
	b.keys("Second one")
	b.press(tea.KeyEnter)
	b.waitFor("] Second one")
	as, err := w.svc.Actions(w.ctx, sess.ID)
	if err != nil || len(as) != 2 || as[0].Title != "Name an owner" || as[1].Title != "Second one" {
		t.Fatalf("action points %+v, %v; want \"Name an owner\" and \"Second one\"", as, err)
	}
}

// ] from actions asks before it closes the session: closing freezes the results
// with one key, and a facilitator stepping through phases would not expect that.
func TestClosingTheSessionAsksFirst(t *testing.T) {
	t.Parallel()
	w, sess, _ := groupWorld(t)
	w.setPhase(sess, session.PhaseVote)
	w.setPhase(sess, session.PhaseActions)
	b := w.openBoard(sess)
	b.keys("]")
	b.waitFor("move on to closed? y/n")
	b.keys("n")
	b.waitFor("Staying in actions.")
	if ph := w.session(sess.ID).Phase; ph != session.PhaseActions {
		t.Fatalf("after n the session is in %s, want actions", ph)
	}
	b.keys("]")
	b.waitFor("move on to closed? y/n")
	b.keys("y")
	b.waitFor("Moved to closed.") // said once the phase is stored
	if ph := w.session(sess.ID).Phase; ph != session.PhaseClosed {
		t.Fatalf("after y the session is in %s, want closed", ph)
	}
}

// ] from the reveal asks first: the reveal is where people add what is missing,
// and nobody says done there, so the board cannot tell who is still typing.
func TestLeavingTheRevealAsksFirst(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, _ := w.crowd()
	w.setPhase(sess, session.PhaseReveal)
	b := w.openBoard(sess)
	b.keys("]")
	b.waitFor("Writing ends here (a note being typed is not sent)", "group? y/n")
	b.keys("n")
	b.waitFor("Staying in reveal.")
	if ph := w.session(sess.ID).Phase; ph != session.PhaseReveal {
		t.Fatalf("after n the session is in %s, want reveal", ph)
	}
	b.keys("]")
	b.waitFor("group? y/n")
	b.keys("y")
	b.waitFor("Moved to group.")
	if ph := w.session(sess.ID).Phase; ph != session.PhaseGroup {
		t.Fatalf("after y the session is in %s, want group", ph)
	}
}

// The first move from the reveal to group shows the notes still waiting for a
// second writer, a lone writer's included (session.Service.SetPhase): the board
// warns as it does leaving the first writing. It asked only "Writing ends here",
// and a note written alone at the end of the reveal reached the board on its own.
// Back in the reveal and on again, waiting notes keep waiting: no warning then.
func TestLeavingTheFirstRevealWarnsThatWaitingNotesShow(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, ps := w.crowd()
	w.setPhase(sess, session.PhaseReveal)
	w.addNote(ps[2], session.AreaMotivation, "motivates", "Praise from the team lead.") // a lone writer: it waits
	asked := w.openBoard(sess)
	asked.waitDrawn("3 notes")
	asked.keys("]")
	asked.waitFor("group? y/n")
	flat := strings.Join(strings.Fields(asked.view()), " ")
	if want := "Writing ends here (a note being typed is not sent). If someone is still writing, wait: notes waiting for a second writer would then show on their own, and so say whose they are. Move on to group? y/n"; !strings.Contains(flat, want) {
		t.Errorf("leaving the first reveal does not warn, then ask:\nwant %q\nin %s", want, flat)
	}

	b := w.openBoard(sess)
	b.waitDrawn("3 notes")
	b.keys("]")
	b.waitFor("group? y/n")
	b.keys("y")
	b.waitFor("Moved to group.", "4 notes") // the lone note shows, as warned
	b.keys("[")
	b.waitFor("Moved to reveal.")
	b.keys("]")
	b.waitFor("Writing ends here (a note being typed is not sent): move on to group? y/n")
}

// In the vote and actions phases the themes list shows no notes: enter on a theme
// shows them all, whole, and esc goes back.
func TestEnterOnAThemeReadsItsNotes(t *testing.T) {
	t.Parallel()
	w, sess, notes := groupWorld(t)
	w.setPhase(sess, session.PhaseVote)
	w.setPhase(sess, session.PhaseActions)
	b := w.openBoard(sess)
	b.waitDrawn("enter read its notes")
	b.press(tea.KeyEnter)
	b.waitFor("“pen tests” · 2 notes", notes[0].Text, notes[1].Text)
	b.press(tea.KeyEsc)
	b.waitFor("#1 pen tests")
}

// p raises an action point's priority a step at a time, from high back to low:
// a new action point is medium, and one press makes it high.
func TestPriorityKeyRaisesFirst(t *testing.T) {
	t.Parallel()
	w, sess, b := actionBoard(t, session.ActionPoint{Title: "Threat modelling clinic", Priority: session.PriorityMedium})
	// Each press is waited for in the store: the status says "Action point
	// updated." every time, and a line drawn again unchanged is not drawn at all.
	stored := func(want int) {
		t.Helper()
		for end := time.Now().Add(waitTime); ; time.Sleep(10 * time.Millisecond) {
			as, err := w.svc.Actions(w.ctx, sess.ID)
			if err == nil && len(as) == 1 && as[0].Priority == want {
				return
			}
			if time.Now().After(end) {
				t.Fatalf("after p: %+v (%v), want priority %s\n%s", *as[0], err, session.PriorityName(want), b.view())
			}
		}
	}
	for _, want := range []int{session.PriorityHigh, session.PriorityLow} {
		b.keys("p")
		stored(want)
		b.waitDrawn("[" + session.PriorityName(want) + " · proposed] Threat modelling clinic")
	}
	b.keys("p")
	stored(session.PriorityMedium)
	if v := b.view(); !strings.Contains(v, "[medium · proposed] Threat modelling clinic") {
		t.Errorf("a third p does not bring the action point back to medium:\n%s", v)
	}
}

// An action point added under the wrong theme moves to another with M, the theme
// typed by part of its name or its number in the ranking.
func TestActionPointMovesToAnotherTheme(t *testing.T) {
	t.Parallel()
	w, sess, _ := groupWorld(t)
	w.setPhase(sess, session.PhaseVote)
	w.setPhase(sess, session.PhaseActions)
	ts, err := w.svc.Themes(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	var pen, deadlines int64
	for _, th := range ts {
		switch th.Label {
		case "pen tests":
			pen = th.ID
		case "deadlines":
			deadlines = th.ID
		}
	}
	a, err := w.svc.AddAction(w.ctx, session.ActionPoint{SessionID: sess.ID, ThemeID: pen, Title: "Protect a day a sprint for fixes"})
	if err != nil {
		t.Fatal(err)
	}
	b := w.openBoard(sess)
	b.waitDrawn("Protect a day a sprint for fixes")
	b.keys("j") // from the first theme to its action point
	b.keys("M")
	b.waitFor("Move the action point to theme")
	b.keys("dead")
	b.waitFor("→ deadlines")
	b.press(tea.KeyEnter)
	b.waitFor("Action point moved to “deadlines”.")
	got, err := w.svc.Actions(w.ctx, sess.ID)
	if err != nil || len(got) != 1 || got[0].ID != a.ID || got[0].ThemeID != deadlines {
		t.Fatalf("action points %+v, %v; want it under deadlines", got, err)
	}
	// The selection went with it (it stayed on the row where it had been).
	if l := lineWith(b.view(), "Protect a day a sprint"); !strings.HasPrefix(strings.TrimSpace(l), "▸") {
		t.Errorf("the moved action point is not selected: %q", l)
	}
}

// Presses of p faster than the saves are saved in the order pressed: five from
// medium end low, in the store and on the board.
func TestQuickPriorityPressesSaveInOrder(t *testing.T) {
	t.Parallel()
	w, sess, b := actionBoard(t, session.ActionPoint{Title: "Threat modelling clinic", Priority: session.PriorityMedium})
	b.keys("ppppp") // high, low, medium, high, low
	// An owner set after them is saved after them: once it is stored, so are they.
	b.keys("o")
	b.waitFor("Owner:")
	b.paste("Platform lead")
	b.press(tea.KeyEnter)
	var got session.ActionPoint
	for end := time.Now().Add(waitTime); got.Owner != "Platform lead"; time.Sleep(10 * time.Millisecond) {
		if as, err := w.svc.Actions(w.ctx, sess.ID); err == nil && len(as) == 1 {
			got = *as[0]
		}
		if time.Now().After(end) {
			t.Fatalf("the owner was not stored: %+v", got)
		}
	}
	if got.Priority != session.PriorityLow {
		t.Errorf("after five presses of p the action point is %s, want low", session.PriorityName(got.Priority))
	}
	b.waitDrawn("owner Platform lead")
	if v := b.view(); !strings.Contains(v, "[low · proposed] Threat modelling clinic") {
		t.Errorf("the board does not end at low:\n%s", v)
	}
}

// actionBoard is groupWorld's session in the actions phase with action point a
// under its first theme, and the facilitator's board with a selected.
func actionBoard(t *testing.T, a session.ActionPoint) (*world, *session.Session, *term) {
	t.Helper()
	w, sess, _ := groupWorld(t)
	w.setPhase(sess, session.PhaseVote)
	w.setPhase(sess, session.PhaseActions)
	ts, err := w.svc.Themes(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	a.SessionID, a.ThemeID = sess.ID, ts[0].ID
	if _, err := w.svc.AddAction(w.ctx, a); err != nil {
		t.Fatal(err)
	}
	b := w.openBoard(sess)
	b.waitDrawn(a.Title) // j before the rows are loaded moves nothing
	b.keys("j")          // from the first theme to its action point
	b.waitFor("p priority")
	return w, sess, b
}

// The rename prompt shows the theme's whole name when a narrower prompt was open
// before it: the move prompt's long question left the box narrow, and the name
// opened scrolled to its end ("New name: oard for all security findings please").
func TestRenamePromptShowsTheWholeNameAfterAMove(t *testing.T) {
	t.Parallel()
	w, sess, _ := groupWorld(t)
	const name = "One dashboard for all security findings please"
	ts, err := w.svc.Themes(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.svc.RenameTheme(w.ctx, ts[0].ID, name); err != nil {
		t.Fatal(err)
	}
	b := w.openBoard(sess)
	b.waitDrawn(name)
	b.selectRow(1) // a note of the first theme
	b.keys("M")
	b.waitFor("Move the note to theme")
	b.press(tea.KeyEsc)
	b.selectRow(0)
	b.keys("R")
	b.waitFor("New name: ")
	v := b.view()
	if !strings.Contains(v, "New name: "+name) {
		t.Errorf("the rename prompt does not show the whole name %q:\n%s", name, v)
	}
}

// An action point being typed when the board's connection drops comes back on the
// next board of the session, with a on its theme, as a participant's note does
// with n: the room dictated it, and the facilitator typed it again from memory.
func TestActionPointTypedWhenTheBoardDroppedComesBack(t *testing.T) {
	t.Parallel()
	w, sess, again := boardAfterDroppingAnActionPoint(t)
	again.keys("a") // on the first theme: not its theme
	again.waitFor("Action point:")
	again.keys("x")
	again.waitFor("Action point: x")
	again.press(tea.KeyEsc)
	again.keys("#2")
	again.press(tea.KeyEnter)
	again.keys("a")
	again.waitFor("Action point: Plan security work into every sprint")
	again.press(tea.KeyEnter)
	again.waitFor("] Plan security work into every sprint")
	as, err := w.svc.Actions(w.ctx, sess.ID)
	if err != nil || len(as) != 1 || as[0].Title != "Plan security work into every sprint" {
		t.Fatalf("action points %+v, %v", as, err)
	}
}

// boardAfterDroppingAnActionPoint is a session in the actions phase whose board
// dropped while an action point was typed on its theme #2, and the next board,
// which says it is kept.
func boardAfterDroppingAnActionPoint(t *testing.T) (*world, *session.Session, *term) {
	t.Helper()
	w, sess, _ := groupWorld(t)
	w.setPhase(sess, session.PhaseVote)
	w.setPhase(sess, session.PhaseActions)
	b := w.openBoard(sess)
	b.keys("#2")
	b.press(tea.KeyEnter)
	b.keys("a")
	b.waitFor("Action point:")
	b.keys("Plan security work into every sprint")
	b.waitFor("into every sprint")
	b.conn.Close()
	_ = b.tm.Quit()

	again := w.openBoard(sess)
	again.waitDrawn("is kept", "a on #2")
	return w, sess, again
}

// The line that a kept action point is back, and that esc drops it, goes with the
// prompt: after esc it stayed, saying so of a prompt no longer open.
func TestActionPointBroughtBackAndDroppedLeavesNoLine(t *testing.T) {
	t.Parallel()
	_, _, b := boardAfterDroppingAnActionPoint(t)
	b.keys("#2")
	b.press(tea.KeyEnter)
	b.keys("a")
	b.waitFor("Action point: Plan security work into every sprint", "is back")
	b.press(tea.KeyEsc)
	if v := b.view(); strings.Contains(v, "Action point:") || strings.Contains(v, "is back") {
		t.Errorf("after esc the screen still says:\n%s", v)
	}
}

// droppedWhileRetitling is a session in the actions phase with the action point
// "Threat modelling clinic", whose board dropped while " monthly" was being added
// to its title.
func droppedWhileRetitling(t *testing.T) (*world, *session.Session) {
	t.Helper()
	w, sess, b := actionBoard(t, session.ActionPoint{Title: "Threat modelling clinic"})
	b.keys("e")
	b.waitFor("Action point: Threat modelling clinic")
	b.keys(" monthly")
	b.waitFor("clinic monthly")
	dropBoard(b)
	return w, sess
}

// dropBoard drops the board's connection as a network gone would: no key, no goodbye.
func dropBoard(b *term) {
	b.conn.Close()
	_ = b.tm.Quit()
}

// A theme's new name being typed when the board's connection drops comes back on
// the next board with R on that theme, not another: the facilitator had it from
// the room, and typed it again from memory.
func TestThemeNameTypedWhenTheBoardDroppedComesBack(t *testing.T) {
	t.Parallel()
	w, sess, _ := groupWorld(t)
	b := w.openBoard(sess)
	b.selectRow(0)
	b.keys("R")
	b.waitFor("New name: pen tests")
	b.keys(" and red teams")
	b.waitFor("New name: pen tests and red teams")
	dropBoard(b)

	again := w.openBoard(sess)
	again.waitDrawn("The name “pen tests and red teams”", "R on #1 brings it back")
	again.keys("#2")
	again.press(tea.KeyEnter)
	again.keys("R")
	again.waitFor("New name: deadlines")
	again.press(tea.KeyEsc)
	again.keys("#1")
	again.press(tea.KeyEnter)
	again.keys("R")
	again.waitFor("New name: pen tests and red teams", "is back")
	again.press(tea.KeyEnter)
	again.waitFor("Theme renamed.")
	if _, ok := w.themesOf(sess)["pen tests and red teams"]; !ok {
		t.Fatalf("themes %v, want pen tests and red teams", w.themesOf(sess))
	}
}

// A suggested theme's name being typed before sharing when the board's connection
// drops comes back on the next board with R on that suggestion, not another, as a
// stored theme's new name does: the room named it, and the facilitator typed it
// again from memory.
// The suggestions come back clustered anew, or, edited before, as they were left.
func TestSuggestionNameTypedWhenTheBoardDroppedComesBack(t *testing.T) {
	t.Parallel()
	t.Run("clustered again", func(t *testing.T) {
		t.Parallel()
		suggestionNameComesBack(t, false)
	})
	t.Run("edited before", func(t *testing.T) {
		t.Parallel()
		suggestionNameComesBack(t, true)
	})
}

func suggestionNameComesBack(t *testing.T, edited bool) {
	w, sess, sug := previewWorld(t)
	const name = "Deadlines squeeze security out"
	b := w.openBoard(sess)
	b.waitEverDrawn("1. "+sug[0].Label, "A accept all")
	if edited {
		b.keys("R")
		b.waitFor("Name before sharing: ")
		b.press(tea.KeyCtrlU)
		b.keys("Pen test timing")
		b.press(tea.KeyEnter)
		b.waitFor("Renamed; nobody sees it until A.")
		sug[0].Label = "Pen test timing"
	}
	b.keys("#2")
	b.press(tea.KeyEnter)
	b.keys("R")
	b.waitFor("Name before sharing: ")
	b.press(tea.KeyCtrlU)
	b.keys(name)
	b.waitFor("Name before sharing: " + name)
	dropBoard(b)

	again := w.openBoard(sess)
	again.waitDrawn("The name “"+name+"”", "R on suggested theme 2 brings it back", "1. "+sug[0].Label)
	if edited && !again.everDrawn("as they were last edited") {
		t.Error("the line that the suggestions are as edited went unsaid")
	}
	again.keys("#1")
	again.press(tea.KeyEnter)
	again.keys("R")
	again.waitFor("Name before sharing: ")
	if again.everDrawn("is back") {
		t.Fatal("the name kept for suggestion 2 came back on suggestion 1")
	}
	again.press(tea.KeyEsc)
	again.keys("#2")
	again.press(tea.KeyEnter)
	again.keys("R")
	again.waitFor("Name before sharing: "+name, "is back")
	again.press(tea.KeyEnter)
	again.waitFor("Renamed; nobody sees it until A.", "2. "+name)
	again.keys("A")
	again.waitFor("shared with everyone")
	got := w.themesOf(sess)
	if ids := got[name]; len(ids) != len(sug[1].NoteIDs) || !slices.Equal(slices.Sorted(slices.Values(ids)), slices.Sorted(slices.Values(sug[1].NoteIDs))) {
		t.Errorf("stored themes %v, want “%s” with the notes of suggestion 2 %v", got, name, sug[1].NoteIDs)
	}
}

// A suggested theme's name kept from a dropped board is dropped, saying so, when
// the suggestions were shared meanwhile: given to a stored theme, it would rename
// what the room sees.
func TestSuggestionNameKeptWhenTheSuggestionsWereSharedIsDropped(t *testing.T) {
	t.Parallel()
	w, sess, sug := previewWorld(t)
	b := w.openBoard(sess)
	b.waitEverDrawn("1. "+sug[0].Label, "A accept all")
	b.keys("R")
	b.waitFor("Name before sharing: ")
	b.press(tea.KeyCtrlU)
	b.keys("Pen test timing")
	b.waitFor("Name before sharing: Pen test timing")
	dropBoard(b)
	if err := w.svc.SaveThemes(w.ctx, sess.ID, sug); err != nil {
		t.Fatal(err)
	}

	again := w.openBoard(sess)
	again.waitDrawn("The name “Pen test timing”", "no longer there", "dropped.")
	again.selectRow(0)
	again.keys("R")
	again.waitFor("New name: ")
	if v := again.view(); strings.Contains(v, "Pen test timing") || strings.Contains(v, "is back") {
		t.Errorf("the name kept for a suggestion came back on a stored theme:\n%s", v)
	}
}

// A kept answer whose key the session's phase does not take says in which phase it
// does: a kept name said "R on #1 brings it back" in the actions phase, where R
// does nothing.
func TestAnswerKeptSaysInWhichPhaseItComesBack(t *testing.T) {
	t.Parallel()
	w, sess, _ := groupWorld(t)
	b := w.openBoard(sess)
	b.selectRow(0)
	b.keys("R")
	b.waitFor("New name: pen tests")
	b.keys(" and red teams")
	b.waitFor("New name: pen tests and red teams")
	dropBoard(b)
	w.setPhase(sess, session.PhaseVote)
	w.setPhase(sess, session.PhaseActions)

	again := w.openBoard(sess)
	again.waitDrawn("R on #1 brings it back in the group or vote phase ([ goes back)")
}

// An action point's new title, or its owner, being typed when the board's
// connection drops comes back on the next board with e or o on that action point;
// esc drops it, and the prompt opens on what is stored.
func TestActionFieldsTypedWhenTheBoardDroppedComeBack(t *testing.T) {
	t.Parallel()
	w, sess := droppedWhileRetitling(t)

	again := w.openBoard(sess)
	again.waitDrawn("The title “Threat modelling clinic", "point “Threat modelling clinic” brings it back")
	again.keys("j") // from the first theme to its action point
	again.waitFor("p priority")
	again.keys("o") // the owner's prompt: not what was typed as the title
	again.waitFor("Owner: ")
	again.paste("Platform lead")
	again.waitFor("Owner: Platform lead")
	if again.everDrawn("monthly") || again.everDrawn("is back") {
		t.Fatal("the owner's prompt opened with the title kept")
	}
	// Dropped in turn, with the owner typed: the owner is kept now.
	dropBoard(again)

	third := w.openBoard(sess)
	third.waitDrawn("The owner “Platform lead”", "point “Threat modelling clinic” brings it back")
	third.keys("j")
	third.waitFor("p priority")
	third.keys("o")
	third.waitFor("Owner: Platform lead", "is back")
	third.press(tea.KeyEsc)
	third.waitFor("o owner") // the help line of the action point, back
	third.keys("o")
	third.waitFor("Owner: ")
	third.keys("x")
	third.waitFor("Owner: x")
	third.press(tea.KeyEsc)
	third.keys("e")
	third.waitFor("Action point: Threat modelling clinic")
	if third.everDrawn("monthly") {
		t.Error("a title typed before the owner came back after the owner was kept")
	}
	third.press(tea.KeyEsc)
	if v := third.view(); strings.Contains(v, "Owner:") || strings.Contains(v, "Action point:") || strings.Contains(v, "is back") {
		t.Errorf("after esc the screen still says:\n%s", v)
	}
	third.press(tea.KeyEsc)
	as, err := w.svc.Actions(w.ctx, sess.ID)
	if err != nil || len(as) != 1 || as[0].Title != "Threat modelling clinic" || as[0].Owner != "" {
		t.Fatalf("action points %+v, %v; want the one unchanged", as, err)
	}
}

// An answer kept from a dropped board for a theme merged or an action point
// deleted since is said to be dropped, and given to nothing else: the theme's
// number is another theme's now.
func TestAnswerKeptForWhatIsGoneIsDropped(t *testing.T) {
	t.Parallel()
	t.Run("theme merged", func(t *testing.T) {
		t.Parallel()
		w, sess, _ := groupWorld(t)
		b := w.openBoard(sess)
		b.selectRow(0)
		b.keys("R")
		b.waitFor("New name: pen tests")
		b.keys(" and red teams")
		b.waitFor("New name: pen tests and red teams")
		dropBoard(b)
		ts, err := w.svc.Themes(w.ctx, sess.ID)
		if err != nil {
			t.Fatal(err)
		}
		if err := w.svc.MergeThemes(w.ctx, ts[1].ID, ts[0].ID); err != nil {
			t.Fatal(err)
		}

		again := w.openBoard(sess)
		again.waitDrawn("The name “pen tests and red teams”", "no longer there", "dropped.")
		again.selectRow(0)
		again.keys("R")
		again.waitFor("New name: deadlines")
		if v := again.view(); strings.Contains(v, "red teams") || strings.Contains(v, "is back") {
			t.Errorf("the name kept for a theme merged away came back on another:\n%s", v)
		}
	})
	t.Run("new action point's theme merged", func(t *testing.T) {
		t.Parallel()
		w, sess, _ := groupWorld(t)
		w.setPhase(sess, session.PhaseVote)
		w.setPhase(sess, session.PhaseActions)
		b := w.openBoard(sess)
		b.keys("#2")
		b.press(tea.KeyEnter)
		b.keys("a")
		b.waitFor("Action point:")
		b.keys("Plan security work")
		b.waitFor("Action point: Plan security work")
		dropBoard(b)
		ts, err := w.svc.Themes(w.ctx, sess.ID)
		if err != nil {
			t.Fatal(err)
		}
		if err := w.svc.MergeThemes(w.ctx, ts[0].ID, ts[1].ID); err != nil {
			t.Fatal(err)
		}

		again := w.openBoard(sess)
		again.waitDrawn("The action point “Plan security work”", "no longer there", "dropped.")
		again.keys("a")
		again.waitFor("Action point: ")
		if v := again.view(); strings.Contains(v, "Plan security work") || strings.Contains(v, "is back") {
			t.Errorf("the action point kept for a theme merged away came back on another:\n%s", v)
		}
	})
	t.Run("action point deleted", func(t *testing.T) {
		t.Parallel()
		w, sess := droppedWhileRetitling(t)
		as, err := w.svc.Actions(w.ctx, sess.ID)
		if err != nil {
			t.Fatal(err)
		}
		if err := w.svc.DeleteAction(w.ctx, as[0].ID); err != nil {
			t.Fatal(err)
		}

		again := w.openBoard(sess)
		again.waitDrawn("The title “Threat modelling clinic", "no longer there", "dropped.")
	})
	t.Run("action point deleted on the board", func(t *testing.T) {
		// Said after what the board did: "Action point deleted." was replaced.
		t.Parallel()
		w, sess := droppedWhileRetitling(t)

		again := w.openBoard(sess)
		again.waitDrawn("point “Threat modelling clinic” brings it back")
		again.keys("j")
		again.waitFor("p priority")
		again.keys("D")
		again.waitFor("Delete this action point?")
		again.keys("y")
		again.waitFor("Action point deleted. The title “Threat modelling clinic", "dropped.")
	})
	t.Run("action point deleted and another added", func(t *testing.T) {
		// SQLite gives the new action point the number of the one deleted, the
		// highest: the title kept is not the new one's.
		t.Parallel()
		w, sess := droppedWhileRetitling(t)
		as, err := w.svc.Actions(w.ctx, sess.ID)
		if err != nil {
			t.Fatal(err)
		}
		if err := w.svc.DeleteAction(w.ctx, as[0].ID); err != nil {
			t.Fatal(err)
		}
		a := session.ActionPoint{SessionID: sess.ID, ThemeID: as[0].ThemeID, Title: "Bug bounty pilot"}
		added, err := w.svc.AddAction(w.ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		if added.ID != as[0].ID {
			t.Logf("the new action point has number %d, the deleted one had %d", added.ID, as[0].ID)
		}

		again := w.openBoard(sess)
		again.waitDrawn("The title “Threat modelling clinic", "no longer there", "dropped.")
		again.keys("j")
		again.waitFor("p priority")
		again.keys("e")
		again.waitFor("Action point: Bug bounty pilot")
		if again.everDrawn("monthly") || again.everDrawn("is back") {
			t.Error("the title kept for a deleted action point came back on the new one")
		}
	})
}

// An action point's title, and its owner, say they are too long as they are
// typed, as a theme's name does: said only at enter, a facilitator typing what
// the room dictated had typed the words past the limit in vain.
func TestActionPointPromptsSayTooLongAsTyped(t *testing.T) {
	t.Parallel()
	w, sess, _ := groupWorld(t)
	w.setPhase(sess, session.PhaseVote)
	w.setPhase(sess, session.PhaseActions)
	b := w.openBoard(sess)
	b.waitDrawn("#1")
	b.keys("a")
	b.waitFor("Action point:")
	b.paste(strings.Repeat("word ", session.MaxActionTitleLen/5) + "more")
	b.waitFor(fmt.Sprintf("An action point's title can be at most %d characters: this one has %d.",
		session.MaxActionTitleLen, session.MaxActionTitleLen+4))
	b.press(tea.KeyCtrlU)
	b.keys("Plan security work into every sprint")
	b.press(tea.KeyEnter)
	b.waitFor("] Plan security work into every sprint")
	b.selectRow(1)
	b.keys("o")
	b.waitFor("Owner:")
	b.paste(strings.Repeat("o", session.MaxTitleLen+1))
	b.waitFor(fmt.Sprintf("The owner can be at most %d characters: this one has %d.", session.MaxTitleLen, session.MaxTitleLen+1))
}
