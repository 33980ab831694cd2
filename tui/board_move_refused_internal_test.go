package tui

import (
	"context"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
)

// M refused by the store for a reason other than the name's length (the theme
// deleted, or the session closed, while the move was on its way) leaves the
// selection and the marks where they were: the next note stood selected as if
// the move had worked, and M again moved that one.
func TestRefusedMoveKeepsTheSelection(t *testing.T) {
	for _, c := range []struct {
		name, to  string
		mark      bool
		meanwhile func(ctx context.Context, svc *session.Service, sess *session.Session, deadlines int64) error
	}{
		{"theme deleted", "deadlines", false, func(ctx context.Context, svc *session.Service, _ *session.Session, deadlines int64) error {
			return svc.DeleteTheme(ctx, deadlines)
		}},
		{"session closed", "deadlines", false, closeSession},
		{"new theme, session closed", "+Release timing", false, closeSession},
		{"marked notes, session closed", "deadlines", true, closeSession},
	} {
		t.Run(c.name, func(t *testing.T) {
			a, b, svc, sess, ids := groupingBoard(t, []string{"more pen tests before release", "pen test findings come too late", "deadlines always win"},
				func(ids []int64) []session.Theme {
					return []session.Theme{{Label: "pen tests", NoteIDs: ids[:2]}, {Label: "deadlines", NoteIDs: ids[2:]}}
				}, 80, 24)
			ctx := context.Background()
			var deadlines int64
			ts, err := svc.Themes(ctx, sess.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, th := range ts {
				if th.Label == "deadlines" {
					deadlines = th.ID
				}
			}
			press := func(k tea.KeyMsg) tea.Cmd {
				_, cmd := a.Update(k)
				return cmd
			}
			keys := func(s string) {
				for _, r := range s {
					press(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
				}
			}
			tab := b.tabs[tabThemes].(*themesTab)
			keys("j") // the first note of "pen tests"
			if c.mark {
				keys("vk") // marked, and selected again
			}
			if got := tab.current().note; got != ids[0] {
				t.Fatalf("selected note %d, want %d", got, ids[0])
			}
			keys("M" + c.to)
			cmd := press(tea.KeyMsg{Type: tea.KeyEnter})
			if cmd == nil {
				t.Fatal("enter sent nothing to be saved")
			}
			if err := c.meanwhile(ctx, svc, sess, deadlines); err != nil {
				t.Fatal(err)
			}
			// Its outcome, as the program would deliver it.
			a.Update(cmd())
			if !b.statusErr {
				t.Fatalf("the move was not refused: %q", b.status)
			}
			if got := tab.current().note; got != ids[0] {
				t.Errorf("after the refusal note %d is selected, want %d, the one M was to move", got, ids[0])
			}
			if c.mark && !b.themes.marked[ids[0]] {
				t.Errorf("after the refusal the marks are %v, want note %d marked", b.themes.marked, ids[0])
			}
			// A reload keeps it so (a closed session's board lists no notes).
			a.Update(b.load()())
			if got := tab.current().note; b.sess.Phase == session.PhaseGroup && got != ids[0] {
				t.Errorf("after a reload note %d is selected, want %d", got, ids[0])
			}
		})
	}
}

// closeSession moves sess on to its end, where its themes are frozen.
func closeSession(ctx context.Context, svc *session.Service, sess *session.Session, _ int64) error {
	for _, ph := range []session.Phase{session.PhaseVote, session.PhaseActions, session.PhaseClosed} {
		if _, err := svc.SetPhase(ctx, sess.ID, ph); err != nil {
			return err
		}
	}
	return nil
}
