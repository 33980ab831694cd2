package tui_test

import (
	"testing"

	"github.com/charter-tool/charter/session"
)

// A theme split out of a note (S) stars that note, whatever is moved into it
// later (M): a moved note beginning with the same words as the name took the ★,
// while the documents quoted the note the name was made from first.
func TestBoardStarsTheNoteAThemeWasSplitOutOf(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)
	var ids []int64
	for i, text := range []string{
		"Incident response runbooks are well maintained, except for payments which nobody updates",
		"Incident response runbooks are well maintained and tested",
		"patching takes too long",
	} {
		n := w.addNote(w.join(sess, "key-"+string(rune('a'+i)), ""), session.AreaConfidence, "concern", text)
		ids = append(ids, n.ID)
	}
	w.setPhase(sess, session.PhaseReveal)
	w.setPhase(sess, session.PhaseGroup)
	if err := w.svc.SaveThemes(w.ctx, sess.ID, []session.Theme{{Label: "patching", NoteIDs: ids}}); err != nil {
		t.Fatal(err)
	}
	themes, err := w.svc.Themes(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	split, err := w.svc.SplitTheme(w.ctx, themes[0].ID, ids[:1], "Incident response runbooks are well maintained")
	if err != nil {
		t.Fatal(err)
	}
	if err := w.svc.MoveNote(w.ctx, ids[1], split.ID); err != nil {
		t.Fatal(err)
	}
	b := w.openBoard(sess)
	b.keys("4")
	b.waitEverDrawn("★ [conf concern] Incident response runbooks are well maintained, except")
}
