package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/charter-tool/charter/analysis"
	"github.com/charter-tool/charter/session"
)

// Whatever the footer holds (a status of one to three lines, the done mark, the
// offer of a late rating, a question and the keys that answer it), the notes view
// draws no more lines than the terminal has, the title bar is its first, and the
// note selected stays in view but for the question whether to leave. At 40x14, in
// the security activities with three notes, x and enter drew 16 lines: "Marked as
// done…" and the done mark pushed the title bar off the top; with the box open, the
// three-line status of no activity chosen left the notes no row.
func TestFooterLeavesTheHeadAndTheNoteInView(t *testing.T) {
	press := func(s *participantScreen, keys ...string) {
		for _, k := range keys {
			msg := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
			switch k {
			case "enter":
				msg = tea.KeyMsg{Type: tea.KeyEnter}
			case "ctrl+c":
				msg = tea.KeyMsg{Type: tea.KeyCtrlC}
			}
			s.Update(msg)
		}
	}
	modes := []struct {
		name string
		keys []string
	}{
		{"list", nil},
		{"box", []string{"n"}},
		{"asked whether done", []string{"x"}},
		{"asked whether to delete", []string{"d"}},
		{"asked where to move", []string{"m", "enter"}},
		{"editing", []string{"e", "enter"}},
		{"leaving the list", []string{"q"}},
		{"leaving the box", []string{"n", "ctrl+c"}},
	}
	statuses := []struct {
		text  string
		isErr bool
	}{
		{"", false},
		{"Saved your change.", false},
		{"Marked as done. Press x again if you want to add more.", false},
		{"No activity chosen: a note here goes under the activity it names, if it names one.", false},
		{"The note could not be saved: the session is closed meanwhile, and nothing more is taken.", true},
	}
	for _, size := range [][2]int{{40, 14}, {80, 24}} {
		for _, notes := range []int{0, 1, 3, 30} {
			for _, m := range modes {
				for _, st := range statuses {
					for _, done := range []bool{false, true} {
						for _, rated := range []bool{false, true} {
							name := fmt.Sprintf("%dx%d, %d notes, %s, status %q, done %v, rated %v", size[0], size[1], notes, m.name, st.text, done, rated)
							s := writingScreen(notes, size[0], size[1])
							s.loading = false
							s.me.Done = done
							if rated {
								s.me.Rating = 3 // else the late rating is offered
							}
							if notes > 0 {
								s.rows.setLen(notes)
								s.rows.selectRow(notes - 1)
							}
							press(s, m.keys...)
							s.View()
							if st.text != "" {
								// Said after the key, as an answer from the service is.
								s.setStatus(st.text, st.isErr)
							}
							v := ansi.Strip(s.View())
							lines := strings.Split(v, "\n")
							if len(lines) > size[1] || !strings.HasPrefix(lines[0], "charter ") {
								t.Errorf("%s: %d lines on a terminal of %d, the title bar first:\n%s", name, len(lines), size[1], v)
								continue
							}
							selected := fmt.Sprintf("▸ [threat modelling] note %d:", notes-1)
							if notes > 0 && !strings.HasPrefix(m.name, "leaving") && !strings.Contains(v, selected) {
								t.Errorf("%s: the note selected is not in view:\n%s", name, v)
							}
						}
					}
				}
			}
		}
	}
}

// At 40x14, with the box open after "no activity chosen" was picked, the status says
// it in the two lines the screen has beside the note selected, not cut: "…if it
// name…" was its end.
func TestNoActivityChosenSaidShorterBesideTheBox(t *testing.T) {
	s := writingScreen(3, 40, 14)
	s.loading = false
	s.rows.setLen(3)
	s.rows.selectRow(2)
	s.View()
	s.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'a'}}) // asks first
	s.Update(tea.KeyMsg{Type: tea.KeyEnter})                     // the picker
	s.View()
	s.Update(tea.KeyMsg{Type: tea.KeyEnter}) // its first line: no activity chosen
	if s.input == nil {
		t.Fatalf("choosing no activity opened no box (mode %v, status %q)", s.mode, s.status)
	}
	s.View()
	v := ansi.Strip(s.View())
	if !strings.Contains(flatLines(v), "No activity chosen: a note goes under the one it names.") {
		t.Errorf("the status is not said whole in the lines it has:\n%s", v)
	}
	if !strings.Contains(v, "▸ [threat modelling] note 2:") {
		t.Errorf("the note selected is not in view:\n%s", v)
	}
}

// flatLines is v with its lines and runs of spaces joined by one space.
func flatLines(v string) string { return strings.Join(strings.Fields(v), " ") }

// themesScreen is a participant's screen in phase ph, w x h, with the notes of
// writingScreen grouped into n themes, each ranked and with an action point.
func themesScreen(ph session.Phase, n, w, h int) *participantScreen {
	s := writingScreen(6, w, h)
	s.loading = false
	s.sess.Phase = ph
	s.me.Rating = 3 // else the late rating is offered
	s.th.MyVotes, s.th.Totals = map[int64]int{}, map[int64]int{}
	for i := range n {
		t := &session.Theme{ID: int64(i + 1), Number: i + 1, Label: fmt.Sprintf("theme %d: threat models early", i)}
		for _, note := range s.notes {
			if int(note.ID)%n == i {
				t.NoteIDs = append(t.NoteIDs, note.ID)
			}
		}
		s.th.Themes = append(s.th.Themes, t)
		s.th.Ranked = append(s.th.Ranked, analysis.Priority{PriorityInput: analysis.PriorityInput{ID: t.ID}, Rank: i + 1, Score: 10 - i})
		s.th.Actions = append(s.th.Actions, &session.ActionPoint{ID: int64(i + 1), ThemeID: t.ID,
			Title: "run a threat modelling session with every team each quarter", Status: session.ActionProposed})
	}
	return s
}

// Whatever the footer holds (a status of one to three lines, the done mark, the
// question whether to leave) and whatever the view says over its list (voting
// again, a change of dots not counted), the themes of the group, vote and actions
// phases and what is read whole draw no more lines than the terminal has, the
// title bar first, with the selected row, or the heading and a line of what is
// read, in view. At 40x14 a long status and the done mark drew 17 lines
// while voting, and a volunteer's box up to 22: the rows under the list were
// guessed from the height alone, and the list and the box kept rows the screen
// had not. A theme read whole drew 25 lines at 80x24 under a status of two lines
// and the done mark, and up to 18 at 40x14.
func TestFooterLeavesTheHeadAndTheThemeInView(t *testing.T) {
	press := func(s *participantScreen, keys ...string) {
		for _, k := range keys {
			msg := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
			switch k {
			case "enter":
				msg = tea.KeyMsg{Type: tea.KeyEnter}
			case "down":
				msg = tea.KeyMsg{Type: tea.KeyDown}
			case "pgdown":
				msg = tea.KeyMsg{Type: tea.KeyPgDown}
			case "ctrl+c":
				msg = tea.KeyMsg{Type: tea.KeyCtrlC}
			}
			s.Update(msg)
			s.View() // drawn after every key, as the program does
		}
	}
	modes := []struct {
		name string
		keys []string
	}{
		{"list", nil},
		{"list, further down", []string{"down", "down", "down"}},
		{"reading the theme", []string{"enter"}},
		{"reading further down", []string{"enter", "pgdown", "down"}},
		{"reading the row under it", []string{"down", "enter"}},
		{"asked a volunteer's name", []string{"v"}},
		{"asked a name under it", []string{"down", "v"}},
		{"leaving the list", []string{"q"}},
		{"leaving the name's box", []string{"v", "ctrl+c"}},
	}
	statuses := []struct {
		text  string
		isErr bool
	}{
		{"", false},
		{"Dot given.", false},
		{"Thank you for volunteering! Your name shows on this action point and in the findings, never with your notes.", false},
		{"The note could not be saved: the session is closed meanwhile, and nothing more is taken.", true},
	}
	phases := []session.Phase{session.PhaseGroup, session.PhaseVote, session.PhaseActions, session.PhaseClosed}
	for _, size := range [][2]int{{40, 14}, {80, 24}} {
		for _, ph := range phases {
			for _, themes := range []int{0, 1, 3, 12} {
				for _, m := range modes {
					for _, st := range statuses {
						for _, done := range []bool{false, true} {
							for _, more := range []bool{false, true} {
								name := fmt.Sprintf("%dx%d, %s, %d themes, %s, status %q, done %v, more said %v", size[0], size[1], ph, themes, m.name, st.text, done, more)
								s := themesScreen(ph, themes, size[0], size[1])
								s.me.Done = done
								if more {
									// Voting again, a change of dots not counted, a long note.
									s.sess.Reached = session.PhaseActions
									s.th.MyChangeNotCounted = true
									s.notes[0].Text = strings.Repeat("a long note that goes on and on ", 12)
								}
								press(s, m.keys...)
								if st.text != "" {
									// Said after the key, as an answer from the service is.
									s.setStatus(st.text, st.isErr)
								}
								v := ansi.Strip(s.View())
								lines := strings.Split(v, "\n")
								if len(lines) > size[1] || !strings.HasPrefix(lines[0], "charter ") {
									t.Errorf("%s: %d lines on a terminal of %d, the title bar first:\n%s", name, len(lines), size[1], v)
									continue
								}
								if r := s.reading; r != nil {
									head, body, _ := s.readingText(max(size[0], 40))
									if !strings.Contains(v, ansi.Strip(head[0])) || !strings.Contains(v, strings.TrimSpace(ansi.Strip(body[r.top]))) {
										t.Errorf("%s: the heading or the text read is not in view:\n%s", name, v)
									}
									continue
								}
								if themes > 0 && !strings.Contains(v, "▸ ") {
									t.Errorf("%s: the row selected is not in view:\n%s", name, v)
								}
							}
						}
					}
				}
			}
		}
	}
}

// At 40x14, with the box open in a lane with no notes and the done mark, a status
// of two lines is said whole: the row a note just saved would take is the
// status's when there is none ("Proposed: the facilitator sees it on yo…" was
// cut for a row the character count took, after a, typing a new activity, enter).
func TestEmptyLaneLeavesTheStatusItsLines(t *testing.T) {
	const said = "Proposed: the facilitator sees it on your notes and may add it to the list."
	for _, done := range []bool{false, true} {
		s := writingScreen(0, 40, 14)
		s.loading = false
		s.me.Done, s.me.Rating = done, 3
		s.View()
		key := func(m tea.KeyMsg) { s.Update(m); s.View() }
		key(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'a'}})
		if s.asked != 0 {
			key(tea.KeyMsg{Type: tea.KeyEnter}) // a asks first where letters begin notes
		}
		key(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("Container Scanning")})
		key(tea.KeyMsg{Type: tea.KeyEnter})
		if s.input == nil || s.status != said {
			t.Fatalf("done %v: box open %v, status %q; want the box and %q", done, s.input != nil, s.status, said)
		}
		v := ansi.Strip(s.View())
		lines := strings.Split(v, "\n")
		if len(lines) > 14 || !strings.HasPrefix(lines[0], "charter ") {
			t.Fatalf("done %v: %d lines, the title bar first:\n%s", done, len(lines), v)
		}
		if !strings.Contains(flatLines(v), said) {
			t.Errorf("done %v: the status is cut:\n%s", done, v)
		}
	}
}
