package tui_test

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/tui"
)

// ? lists every key of the view on the list of sessions, the campaign overview
// and the activity list, as it does on the board: in place of the view, each key
// beside what it does; esc closes the list and stays on the view (a second esc
// would leave it), and ? closes it after its last page.
func TestKeyListOnEveryFacilitatorScreen(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		// open brings the screen up and returns a text it shows.
		open func(w *world) (*term, string)
		// keys are descriptions the key list must show, those of keys on no
		// key line among them.
		keys []string
	}{
		{"list of sessions", func(w *world) (*term, string) {
			w.newSession("Developers Berlin")
			s := w.open(tui.Options{Facilitator: true})
			s.waitFor("▸ Developers Berlin")
			return s, "▸ Developers Berlin"
		}, []string{"open board", "new session", "projector", "campaign", "delete", "search", "page", "first/last"}},
		{"campaign overview", func(w *world) (*term, string) {
			if _, err := w.svc.NewSession(w.ctx, session.Session{Title: "Developers Berlin", Audience: session.AudienceDevelopers, Campaign: "Chartering 2027"}); err != nil {
				t.Fatal(err)
			}
			s := w.open(tui.Options{Facilitator: true})
			s.waitFor("Developers Berlin")
			s.keys("c")
			s.waitFor("Themes by campaign priority")
			return s, "Themes by campaign priority"
		}, []string{"view", "split from match", "join with theme", "its notes", "back", "page", "first/last"}},
		{"activity list", func(w *world) (*term, string) {
			sess, _ := w.writingParticipant()
			s := w.openBoard(sess)
			s.keys("a")
			s.waitFor("Security activities of this session")
			return s, "Security activities of this session"
		}, []string{"new activity", "rename", "delete", "search", "close", "page", "first/last"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			w := newWorld(t)
			s, shown := tc.open(w)

			s.keys("?")
			s.waitFor(append([]string{"Keys of this view (? or esc to close)"}, tc.keys...)...)
			s.press(tea.KeyEsc)
			s.waitFor(shown)
			s.keys("?")
			s.waitFor("Keys of this view")
			s.keys("?")
			s.waitFor(shown)
			v := s.view()
			requireFits(t, v)
			if strings.Contains(v, "Keys of this view") || !strings.Contains(v, shown) {
				t.Errorf("? on the key list's last page does not go back to the view:\n%s", v)
			}
			if !strings.Contains(v, "? all keys") {
				t.Errorf("the key line does not offer ?:\n%s", v)
			}
		})
	}
}

// Under the key list the screen is the same: keys other than ? and esc close it
// and do what they do, where it is seen.
func TestKeyListClosesForAnotherKey(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.newSession("Developers Berlin")
	w.newSession("Service owners Lisbon")
	s := w.open(tui.Options{Facilitator: true})
	s.waitFor("▸ ")
	s.keys("?")
	s.waitFor("Keys of this view")
	s.press(tea.KeyDown)
	v := s.view()
	if strings.Contains(v, "Keys of this view") || strings.Count(v, "▸ ") != 1 {
		t.Errorf("↓ under the key list does not show the list with the next session selected:\n%s", v)
	}
}
