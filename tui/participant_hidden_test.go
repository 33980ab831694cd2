package tui_test

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/tui"
)

// A voter whose dot is on a theme whose notes the facilitator then hides is told
// that the dot came back, and the theme leaves their list.
func TestVoterToldWhenDotComesBack(t *testing.T) {
	t.Parallel()
	w, sess, notes := manyThemesWorld(t)
	voter := w.join(sess, "key-2", "")
	w.setPhase(sess, session.PhaseVote)
	p := w.openAsParticipant(sess, voter)
	p.waitFor("3 of 3 dots left", "theme 8")
	p.keys("j")
	p.waitFor("In “theme 2”")
	p.keys("+")
	p.waitFor("2 of 3 dots left")
	for _, n := range notes[1] {
		if err := w.svc.HideNote(w.ctx, n.ID, true); err != nil {
			t.Fatal(err)
		}
	}
	p.waitFor("Look before you give a dot: your dot is back, “theme 2” is no longer", "3 of 3 dots left")
	if v := p.view(); strings.Contains(strings.ReplaceAll(v, "“theme 2” is no longer", ""), "theme 2") {
		t.Errorf("the voter still sees theme 2:\n%s", v)
	}
}

// The author of a note the facilitator hid sees it marked in every phase from the
// group on, under their themes, and no other participant sees it or its theme.
func TestAuthorSeesHiddenNoteInEveryPhase(t *testing.T) {
	t.Parallel()
	w, sess, notes := manyThemesWorld(t)
	author := w.join(sess, "key-1", "") // wrote every note
	other := w.join(sess, "key-2", "")
	for _, n := range notes[1] {
		if err := w.svc.HideNote(w.ctx, n.ID, true); err != nil {
			t.Fatal(err)
		}
	}
	for _, ph := range []session.Phase{session.PhaseGroup, session.PhaseVote, session.PhaseActions, session.PhaseClosed} {
		w.setPhase(sess, ph)
		if ph == session.PhaseActions {
			ts, err := w.svc.Themes(w.ctx, sess.ID)
			if err != nil {
				t.Fatal(err)
			}
			a := session.ActionPoint{SessionID: sess.ID, ThemeID: ts[1].ID, Title: "ask the team about topic two", Priority: session.PriorityHigh}
			if _, err := w.svc.AddAction(w.ctx, a); err != nil {
				t.Fatal(err)
			}
		}
		a := w.openSized(tui.Options{KeyHash: author.KeyHash, Code: sess.Code}, 80, 60)
		a.waitFor("Your notes the facilitator hid (only you see them)", "(hidden) [Do more] note b0 about topic 2")
		if v := a.view(); strings.Contains(v, "theme 2") {
			t.Errorf("%s: the author sees the theme of hidden notes:\n%s", ph, v)
		}
		o := w.openSized(tui.Options{KeyHash: other.KeyHash, Code: sess.Code}, 80, 60)
		o.waitFor("theme 1")
		if ph.AtLeast(session.PhaseActions) {
			// Its action point stands without a theme, as on the projector.
			o.waitDrawn("Action points without a theme", "ask the team about topic two")
		}
		if v := o.view(); strings.Contains(v, "theme 2") || strings.Contains(v, "note b0") || strings.Contains(v, "facilitator hid") {
			t.Errorf("%s: another participant sees the hidden notes or their theme:\n%s", ph, v)
		}
	}
}

// A dot over the limit of a theme comes back when the facilitator merges two themes
// the voter gave dots to: the voter is told into which theme, not that the theme
// left the board (which reads as if their dots were thrown away).
func TestVoterToldWhereAMergedThemeWent(t *testing.T) {
	t.Parallel()
	w, sess, _ := manyThemesWorld(t)
	voter := w.join(sess, "key-2", "")
	w.setPhase(sess, session.PhaseVote)
	ts, err := w.svc.Themes(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, th := range []*session.Theme{ts[0], ts[0], ts[1]} {
		if err := w.svc.Vote(w.ctx, voter.ID, th.ID, 1); err != nil {
			t.Fatal(err)
		}
	}
	p := w.openAsParticipant(sess, voter)
	p.waitFor("0 of 3 dots left · x when you are done") // the board counts done only who say so
	if err := w.svc.MergeThemes(w.ctx, ts[0].ID, ts[1].ID); err != nil {
		t.Fatal(err)
	}
	p.waitFor("“"+ts[1].Label+"” was merged into “"+ts[0].Label+"”", "1 of 3 dots left")
	if p.everDrawn("no longer on the board") {
		t.Error("the voter was told the merged theme left the board")
	}
}

// A voter who has not moved the selection stays at the top of the list when the
// facilitator merges the first theme into another: the selection followed the
// merged theme's notes down the list, and the voter's next + went to a theme they
// never chose. One who chose a theme is still followed to where it went.
func TestUnmovedVoterStaysAtTheTopThroughAMerge(t *testing.T) {
	t.Parallel()
	w, sess, _ := manyThemesWorld(t)
	voter := w.join(sess, "key-2", "")
	w.setPhase(sess, session.PhaseVote)
	ts, err := w.svc.Themes(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	p := w.openAsParticipant(sess, voter)
	p.waitDrawn("▸     1. theme 1", "In “theme 1”")
	if err := w.svc.MergeThemes(w.ctx, ts[5].ID, ts[0].ID); err != nil {
		t.Fatal(err)
	}
	p.waitFor("In “") // the selected theme's notes, drawn again after the merge
	if v := p.view(); !strings.Contains(lineWith(v, "▸"), "theme 2") {
		t.Errorf("the unmoved voter's selection is on %q, want the first theme, theme 2:\n%s", lineWith(v, "▸"), v)
	}

	chooser := w.join(sess, "key-3", "")
	c := w.openAsParticipant(sess, chooser)
	c.waitDrawn("In “theme 2”")
	c.press(tea.KeyDown)
	c.waitFor("In “theme 3”")
	if err := w.svc.MergeThemes(w.ctx, ts[6].ID, ts[2].ID); err != nil {
		t.Fatal(err)
	}
	c.waitFor("In “")
	if v := c.view(); !strings.Contains(lineWith(v, "▸"), "theme 7") {
		t.Errorf("the chosen theme's selection is on %q, want where it went, theme 7:\n%s", lineWith(v, "▸"), v)
	}
}
