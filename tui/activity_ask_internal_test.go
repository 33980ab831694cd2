package tui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
)

// The first new note of the activities area, while no activity is chosen, asks what
// it is about before the box opens: the activity is what groups such notes, and
// their words often do not name it. The choice sticks; "any activity" is a choice
// too, and the next note does not ask again, nor does one after a choice made with a.
func TestFirstActivityNoteAsksWhatItIsAbout(t *testing.T) {
	key := func(s string) tea.KeyMsg {
		switch s {
		case "enter":
			return tea.KeyMsg{Type: tea.KeyEnter}
		case "esc":
			return tea.KeyMsg{Type: tea.KeyEsc}
		}
		return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}
	}
	// A writing screen in the activities area, nothing said yet about activities.
	fresh := func() *participantScreen {
		s := writingScreen(0, 80, 24)
		s.sess.Activities = session.DefaultActivities
		s.activityAsked = false
		return s
	}
	t.Run("chosen", func(t *testing.T) {
		s := fresh()
		s.Update(key("n"))
		if s.mode != modePickActivity {
			t.Fatalf("n in the activities area opened mode %v, want the activity picker", s.mode)
		}
		for _, r := range "threat" {
			s.Update(key(string(r)))
		}
		s.Update(key("enter"))
		if s.mode != modeCompose || s.activity != "threat modelling" || s.input == nil {
			t.Fatalf("after choosing: mode %v, activity %q, box %v; want the box open under threat modelling", s.mode, s.activity, s.input != nil)
		}
		s.Update(key("esc"))
		s.activity = ""
		s.Update(key("n"))
		if s.mode != modeCompose {
			t.Errorf("a second note asked again (mode %v)", s.mode)
		}
	})
	t.Run("any activity", func(t *testing.T) {
		s := fresh()
		s.Update(key("n"))
		s.Update(key("enter")) // the first entry: any activity
		if s.mode != modeCompose || s.activity != "" {
			t.Fatalf("after any activity: mode %v, activity %q; want the box open", s.mode, s.activity)
		}
	})
	t.Run("cancelled", func(t *testing.T) {
		s := fresh()
		s.Update(key("n"))
		s.Update(key("esc"))
		if s.mode != modeBrowse || s.input != nil {
			t.Fatalf("esc in the picker: mode %v, box %v; want back to the notes", s.mode, s.input != nil)
		}
	})
	t.Run("chosen with a", func(t *testing.T) {
		s := fresh()
		s.Update(key("a"))
		s.Update(key("enter"))
		s.Update(key("n"))
		if s.mode != modeCompose {
			t.Errorf("n after choosing with a asked again (mode %v)", s.mode)
		}
	})
	t.Run("other areas", func(t *testing.T) {
		s := fresh()
		s.area = 0 // confidence
		s.Update(key("n"))
		if s.mode != modeCompose {
			t.Errorf("n in the confidence area: mode %v, want the box", s.mode)
		}
	})
}
