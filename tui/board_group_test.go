package tui_test

import (
	"bytes"
	"fmt"
	"io"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/tui"
)

// manyThemesWorld is a session in the group phase with eight accepted themes of
// two notes each, "theme 1" to "theme 8", and one note without a theme.
func manyThemesWorld(t *testing.T) (*world, *session.Session, [][]*session.Note) {
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)
	a := w.join(sess, "key-1", "")
	var themes []session.Theme
	notes := make([][]*session.Note, 8)
	for i := range 8 {
		for k := range 2 {
			n := w.addNote(a, session.AreaActivities, "more", fmt.Sprintf("note %c%d about topic %d", 'a'+rune(i), k, i+1))
			notes[i] = append(notes[i], n)
		}
		themes = append(themes, session.Theme{Label: fmt.Sprintf("theme %d", i+1), NoteIDs: []int64{notes[i][0].ID, notes[i][1].ID}})
	}
	w.addNote(a, session.AreaMotivation, "demotivates", "a loose note nobody grouped")
	w.setPhase(sess, session.PhaseGroup)
	if err := w.svc.SaveThemes(w.ctx, sess.ID, themes); err != nil {
		t.Fatal(err)
	}
	return w, sess, notes
}

// manyThemesBoard is manyThemesWorld with its board open on the themes, drawn.
func manyThemesBoard(t *testing.T) (*world, *session.Session, [][]*session.Note, *term) {
	t.Helper()
	w, sess, notes := manyThemesWorld(t)
	b := w.openBoard(sess)
	b.waitDrawn("1. theme 1 (2)")
	return w, sess, notes, b
}

// / finds a note by its text, n goes to the next match, # and a number select that
// theme, and End reaches the last row: the selection is always on the screen.
func TestBoardSearchAndJump(t *testing.T) {
	t.Parallel()
	w, sess, _ := manyThemesWorld(t)
	b := w.openBoard(sess) // waits for its first full drawing
	// Numbered themes, and how to jump to them.
	b.waitDrawn("1. theme 1 (2)", "# theme by number")

	b.keys("/topic 7")
	b.waitFor("▸    ★ [act more] note g")
	b.press(tea.KeyEnter)
	b.keys("n")
	b.waitFor("▸    [act more] note g")

	b.keys("#")
	b.waitFor("# ")
	b.keys("8")
	b.press(tea.KeyEnter)
	b.waitFor("▸ 8. theme 8 (2)")

	b.keys("#12")
	b.press(tea.KeyEnter)
	b.waitFor("There is no theme 12.")
	b.press(tea.KeyEsc)

	b.press(tea.KeyEnd)
	b.waitFor("▸    [mot demotivates] a loose note nobody grouped")
	b.press(tea.KeyHome)
	b.waitFor("▸ 1. theme 1 (2)")
	b.press(tea.KeyPgDown)
	b.keys("/zzz")
	b.waitFor("No match for “zzz”.")
	b.press(tea.KeyEsc)
	requireFits(t, b.view())
}

// M picks, among the themes whose name holds what was typed, one whose name
// starts with it, then one with a word that does: "pen" went to "dependency
// scanning", listed first, rather than "pen testing".
func TestBoardMoveByNamePrefersAWordStart(t *testing.T) {
	t.Parallel()
	w, sess, _ := manyThemesWorld(t)
	ths, err := w.svc.Themes(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	for id, name := range map[int64]string{ths[0].ID: "dependency scanning", ths[1].ID: "pen testing", ths[2].ID: "more pen tests"} {
		if err := w.svc.RenameTheme(w.ctx, id, name); err != nil {
			t.Fatal(err)
		}
	}
	b := w.openBoard(sess)
	b.waitDrawn("1. dependency scanning (2)")
	b.selectRow(1)
	b.keys("M")
	b.waitFor("Move the note to theme (name or number): ")
	b.keys("pen")
	b.waitFor("→ 2. pen testing (and 2 more match: type more)")
	for range len("pen") {
		b.press(tea.KeyBackspace)
	}
	b.keys("tests")
	b.waitFor("→ 3. more pen tests")
}

// Notes marked with v move together to a theme typed by part of its name; the
// selected note alone moves to a theme typed by its number.
func TestBoardMovesMarkedNotesByName(t *testing.T) {
	t.Parallel()
	w, sess, notes, b := manyThemesBoard(t)

	// Rows: 0 header 1, 1-2 its notes, 3 header 2, 4-5 its notes, ...
	b.selectRow(1)
	b.keys("v") // marks and steps down
	b.keys("jjv")
	b.waitFor("2 notes marked")
	b.keys("M")
	b.waitFor("Move 2 notes to theme (name or number): ")
	b.keys("theme")
	b.waitFor("→ 1. theme 1 (and 7 more match: type more)")
	for range len("theme") {
		b.press(tea.KeyBackspace)
	}
	b.keys("ME 6")
	b.waitFor("→ 6. theme 6")
	b.press(tea.KeyEnter)
	b.waitFor("2 notes moved to “theme 6”.")
	got := w.themesOf(sess)
	if len(got["theme 6"]) != 4 || len(got["theme 1"]) != 1 || len(got["theme 2"]) != 1 {
		t.Fatalf("after moving the marked notes: %v", got)
	}
	moved := []int64{notes[0][0].ID, notes[1][0].ID, notes[0][1].ID, notes[1][1].ID}
	n := 0
	for _, id := range got["theme 6"] {
		if slices.Contains(moved, id) {
			n++
		}
	}
	if n != 2 {
		t.Errorf("theme 6 holds %d of the marked notes, want 2: %v", n, got["theme 6"])
	}

	// The loose note, by its theme's number; a number no theme has is refused and
	// the prompt stays.
	b.press(tea.KeyEnd)
	b.keys("M")
	b.waitFor("Move the note to theme (name or number): ")
	b.keys("12")
	b.waitFor("No theme has the number “12”.")
	b.press(tea.KeyEnter)
	b.waitFor("No theme has the number “12”")
	for range len("12") {
		b.press(tea.KeyBackspace)
	}
	b.keys("3")
	b.press(tea.KeyEnter)
	b.waitFor("Note moved to “theme 3”.")
	if got := w.themesOf(sess); len(got["theme 3"]) != 3 {
		t.Fatalf("after moving the loose note: %v", got)
	}
}

// M with a name no theme has makes a new theme of that name with the notes, and S
// on a note without a theme makes a theme of its own from it: a facilitator needs
// no detour through the suggestions to start a theme.
func TestBoardMakesANewThemeByNameAndFromALooseNote(t *testing.T) {
	t.Parallel()
	w, sess, notes, b := manyThemesBoard(t)
	b.selectRow(1)
	b.keys("v")
	b.keys("jjv")
	b.waitFor("2 notes marked")
	b.keys("M")
	b.waitFor("Move 2 notes to theme (name or number): ")
	b.keys("AI and copilot")
	b.waitFor("enter makes a new theme “AI and copilot”")
	b.press(tea.KeyEnter)
	b.waitFor("New theme “AI and copilot” with 2 notes.")
	got := w.themesOf(sess)
	want := []int64{notes[0][0].ID, notes[1][0].ID}
	slices.Sort(want)
	ids := slices.Clone(got["AI and copilot"])
	slices.Sort(ids)
	if !slices.Equal(ids, want) {
		t.Fatalf("the new theme holds %v, want the two marked notes %v (themes: %v)", ids, want, got)
	}
	if len(got["theme 1"]) != 1 || len(got["theme 2"]) != 1 {
		t.Errorf("the notes did not leave their themes: %v", got)
	}
	ts, err := w.svc.Themes(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, th := range ts {
		if th.Label == "AI and copilot" && !th.Named {
			t.Errorf("a typed name is the facilitator's, but the theme is not marked named")
		}
	}

	// The loose note is the last row.
	b.press(tea.KeyEnd)
	b.keys("S")
	b.waitFor("Note made into a theme of its own")
	got = w.themesOf(sess)
	loose := "a loose note nobody grouped"
	if len(got[loose]) != 1 {
		t.Fatalf("S on the loose note: themes %v, want one named %q", got, loose)
	}
}

// The suggestions show each theme with its notes, the representative starred;
// v picks some and A accepts only those, the other notes wait without a theme.
func TestBoardPreviewAcceptsSome(t *testing.T) {
	t.Parallel()
	w, sess, sug := previewWorld(t)
	b := w.openBoard(sess) // waits for its first full drawing
	b.waitEverDrawn("1. "+sug[0].Label, "★ [", "A accept all")

	// Pick the second suggestion only.
	b.keys("#2")
	b.press(tea.KeyEnter)
	b.keys("v")
	b.waitFor("[x] 2. "+sug[1].Label, "A accept 1 picked")
	b.keys("A")
	b.waitFor("1 theme shared with everyone; ")
	got := w.themesOf(sess)
	if len(got) != 1 || !slices.Equal(got[sug[1].Label], sug[1].NoteIDs) {
		t.Fatalf("stored themes %v, want only %q %v", got, sug[1].Label, sug[1].NoteIDs)
	}
	b.waitEverDrawn(fmt.Sprintf("(no theme yet: %d)", 6-len(sug[1].NoteIDs)))
}

// v on a suggestion picks it and goes on to the next one, as v on a note marks
// it and goes on: v v picks the first two.
func TestBoardPickGoesOnToTheNextSuggestion(t *testing.T) {
	t.Parallel()
	w, sess, sug := previewWorld(t)
	b := w.openBoard(sess)
	b.waitEverDrawn("1. "+sug[0].Label, "A accept all")
	b.keys("v")
	b.waitFor("A accept 1 picked", "▸ [ ] 2. "+sug[1].Label, "1 theme picked: A accepts it;")
	b.keys("v")
	b.waitFor("[x] 2. "+sug[1].Label, "A accept 2 picked", "2 themes picked: A accepts them;")
}

// enter on a note shows it whole, wrapped, and scrolls when it is longer than the
// screen; esc goes back to the list.
func TestBoardReadsALongNoteWhole(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)
	a := w.join(sess, "key-1", "")
	var words []string
	for i := range 33 {
		words = append(words, fmt.Sprintf("word%02d", i))
	}
	w.addNote(a, session.AreaActivities, "add", strings.Join(words, " ")+" the end")
	w.setPhase(sess, session.PhaseReveal)
	b := w.openBoard(sess) // waits for its first full drawing
	b.waitDrawn("▸ [act add] word00")
	if b.everDrawn("the end") {
		t.Fatal("the list does not show the long note's start only")
	}
	b.press(tea.KeyEnter)
	b.waitFor("Note [act add]", "word20", "the end")
	b.press(tea.KeyEsc)
	b.waitFor("▸ [act add] word00")
	requireFits(t, b.view())
}

// enter on a note of the notes view shows its theme too, as the themes view's
// page of the note does (and the README says): before, only its tag.
func TestBoardNotesViewPageNamesTheNotesTheme(t *testing.T) {
	t.Parallel()
	w, sess, _ := groupWorld(t)
	b := w.openBoard(sess)
	b.waitEverDrawn("1. pen tests (2)")
	b.keys("1")
	b.waitFor("▸ [act more · pen testing] more pen tests before release")
	b.press(tea.KeyEnter)
	b.waitFor("Note [act more · pen testing]")
	if v := b.view(); !strings.Contains(v, "Note [act more · pen testing] in “pen tests”") {
		t.Errorf("the note's page does not name its theme:\n%s", v)
	}
}

// waitEverDrawn waits until everything in want has been drawn at some time, also
// before the last wait: the renderer redraws only lines that changed.
func (s *term) waitEverDrawn(want ...string) {
	s.t.Helper()
	teatest.WaitFor(s.t, io.TeeReader(s.tm.Output(), &s.drawn), func([]byte) bool {
		for _, w := range want {
			if !bytes.Contains(s.drawn.Bytes(), []byte(w)) {
				return false
			}
		}
		return true
	}, teatest.WithDuration(waitTime), teatest.WithCheckInterval(10*time.Millisecond))
}

// previewOfTwoLateNotes is a group-phase board (groupWorld's, themes arranged) on
// which two notes came later, one near the pen tests theme and one near none, with
// g pressed: the preview of where they would go is on its way.
func previewOfTwoLateNotes(t *testing.T) (*world, *session.Session, *term) {
	t.Helper()
	w, sess, _ := groupWorld(t)
	b := w.openBoard(sess) // waits for its first full drawing
	if _, err := w.svc.Import(w.ctx, sess.ID, []session.ImportRow{
		{Line: 1, Text: "pen test reports arrive after the release", Area: "activities", Lane: "more"},
		{Line: 2, Text: "phishing mails fool half the company", Area: "confidence", Lane: "concern"},
	}, session.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	b.waitEverDrawn("(no theme yet: 2)")
	b.keys("g")
	return w, sess, b
}

// With themes arranged, g previews where later notes would go: into the nearest
// arranged theme, or as a new theme, without re-clustering what the facilitator
// arranged. esc leaves them; v picks some and A places only those.
func TestBoardPreviewsLaterNotesBeforePlacingThem(t *testing.T) {
	t.Parallel()
	w, sess, b := previewOfTwoLateNotes(t)
	b.waitFor("Notes without a theme", "1. (+1 note) pen tests", "+ [act more · pen testing] pen test reports arrive", "new: ",
		"2 notes without a theme: A places them as shown")
	if got := w.themesOf(sess); len(got) != 2 || len(got["pen tests"]) != 2 {
		t.Fatalf("the preview changed the stored themes: %v", got)
	}
	b.press(tea.KeyEsc)
	b.waitFor("Nothing placed", "(no theme yet: 2)")

	// Again, and this time place only the new theme.
	b.keys("g")
	b.waitFor("1. (+1 note) pen tests")
	b.keys("/phishing")
	b.press(tea.KeyEnter)
	b.keys("v")
	b.waitFor("[x] new: ", "A accept 1 picked")
	b.keys("A")
	// The new theme is selected (by its note: R names it), not the top of the list.
	b.waitFor("0 notes placed in your themes, 1 new theme made", "(no theme yet: 1)", "▸    ★ [conf concern] phishing mails")
	got := w.themesOf(sess)
	if len(got) != 3 || len(got["pen tests"]) != 2 || len(got["deadlines"]) != 1 {
		t.Fatalf("after placing the picked new theme: %v", got)
	}

	// g then A places the rest: the pen test note joins the arranged theme.
	b.keys("g")
	b.waitFor("1. (+1 note) pen tests")
	b.keys("A")
	b.waitFor("1 note placed in your themes, 0 new themes made", "▸    [act more · pen testing] pen test reports arrive")
	if got := w.themesOf(sess); len(got) != 3 || len(got["pen tests"]) != 3 || len(got["deadlines"]) != 1 {
		t.Errorf("after placing the rest: %v, want the note in pen tests and every theme kept", got)
	}
	b.keys("g")
	b.waitFor("Every note is in a theme: nothing to place.")
	requireFits(t, b.view())
}

// After M moves the selected note, the next note to process is selected: the one
// below it in the list (it used to be the row the moved note left, which held
// another row once the note had moved up the list).
func TestBoardSelectsTheNextNoteAfterAMove(t *testing.T) {
	t.Parallel()
	w, sess, _ := manyThemesWorld(t)
	b := w.openBoard(sess) // waits for its first full drawing
	if _, err := w.svc.Import(w.ctx, sess.ID, []session.ImportRow{{Line: 1, Text: "another loose note to place", Area: "activities", Lane: "more"}}, session.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	b.waitFor("(+1 on paper)")
	b.press(tea.KeyEnd)
	b.waitFor("(no theme yet: 2)", "▸    [act more] another loose note to place")
	b.keys("k")
	b.waitFor("▸    [mot demotivates] a loose note nobody grouped")
	b.keys("M3")
	b.press(tea.KeyEnter)
	b.waitFor("Note moved to “theme 3”.", "(no theme yet: 1)", "▸    [act more] another loose note to place")
	// The next move takes that note, as a facilitator going down the list expects.
	// With no note left below, the one above is next.
	b.keys("M4")
	b.press(tea.KeyEnter)
	b.waitFor("Note moved to “theme 4”.", "▸    [act more] note h1 about topic 8")
	if got := w.themesOf(sess); len(got["theme 3"]) != 3 || len(got["theme 4"]) != 3 {
		t.Errorf("themes 3 and 4 hold %v and %v, want a loose note more each", got["theme 3"], got["theme 4"])
	}
	requireFits(t, b.view())
}

// In the vote phase the facilitator can still rename and merge themes (two found
// to be one); the dots on both add up.
func TestBoardRenamesAndMergesWhileVoting(t *testing.T) {
	t.Parallel()
	w, sess, _ := groupWorld(t)
	w.setPhase(sess, session.PhaseVote)
	b := w.openBoard(sess) // waits for its first full drawing
	b.waitEverDrawn("1. pen tests (2 notes)", "R rename", "m merge")
	b.keys("#2")
	b.press(tea.KeyEnter)
	b.keys("R")
	b.waitFor("New name: ")
	b.press(tea.KeyCtrlU)
	// Another theme's name is refused, saying that merging is the way.
	b.keys("PEN TESTS")
	b.waitFor("Theme 1 is called “pen tests” already: m on one theme")
	// enter is refused in the same words, said once (the screen does not change
	// without colours): the prompt stays for the name typed next.
	b.press(tea.KeyEnter)
	b.press(tea.KeyCtrlU)
	b.keys("release deadlines")
	b.press(tea.KeyEnter)
	b.waitFor("Theme renamed.", "2. release deadlines")
	b.keys("m")
	b.waitFor("Now select the theme to merge it into")
	b.keys("#1")
	b.press(tea.KeyEnter)
	b.keys("m")
	b.waitFor("“release deadlines” merged into 1. “pen tests”.")
	if got := w.themesOf(sess); len(got) != 1 || len(got["pen tests"]) != 3 {
		t.Errorf("after the merge: %v, want one theme of three notes", got)
	}
}

// The list of every key fits the terminal, every key whole beside what it does:
// at 80x24 in columns (in one column its first keys, the title and ↑/↓ select,
// were cut off the top), at 80x16 in columns that leave none off (its last column
// was left off with "…"). The key help below the board, which says the same, makes
// room for it.
func TestBoardKeyListGolden(t *testing.T) {
	t.Parallel()
	// Every key of the themes tab in the group phase, with what it does.
	all := [][2]string{
		{"↑/↓", "select"}, {"M", "move to theme"}, {"v", "mark, next"}, {"R", "rename"}, {"m", "merge"},
		{"S", "split note out"}, {"enter", "read note"}, {"D", "delete"}, {"g", "place notes without a theme"},
		{"/", "search"}, {"#", "theme by number"}, {"esc", "back"}, {"pgup/pgdn", "page"}, {"home/end", "first/last"},
		{"[/]", "phase"}, {"1-4", "view"}, {"t", "timer"}, {"space", "run/pause"}, {"+", "+1 min"}, {"c", "clear"}, {"x", "export"},
	}
	// One world serves the three sizes, which take turns: the board changes nothing.
	w, sess, _ := groupWorld(t)
	for _, size := range [][2]int{{80, 16}, {80, 24}, {200, 60}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			w := w.in(t)
			b := w.openBoardSized(sess, size[0], size[1]) // waits for its first full drawing
			b.keys("4")
			b.waitDrawn("pen tests")
			b.keys("?")
			b.waitFor("Keys of this view", "select", "move to theme", "theme by number", "export")
			view := b.view()
			if strings.Contains(view, "…") {
				t.Errorf("the key list cuts something off:\n%s", view)
			}
			lines := strings.Split(view, "\n")
			for _, k := range all {
				pair := regexp.MustCompile(`(^|\s)` + regexp.QuoteMeta(k[0]) + `\s+` + regexp.QuoteMeta(k[1]) + `(\s|$)`)
				if !slices.ContainsFunc(lines, pair.MatchString) {
					t.Errorf("the key list lacks %q beside %q:\n%s", k[0], k[1], view)
				}
			}
			requireFitsIn(t, view, size[0], size[1])
			requireGoldenIn(t, fmt.Sprintf("board-keys-%dx%d", size[0], size[1]), withCode(view, sess), size[0], size[1])
		})
	}
}

// Keys pressed while the key list covers the themes still move the selection, and
// a reload meanwhile (a paper note imported) keeps it where the keys put it: the
// board remembers the selected row when a key moves it, not when it draws it.
func TestBoardSelectionHoldsThroughAReloadUnderTheKeyList(t *testing.T) {
	w, sess, _ := manyThemesWorld(t)
	b := w.openBoard(sess) // waits for its first full drawing
	b.waitDrawn("▸ 1. theme 1 (2)")
	b.keys("?")
	b.waitFor("Keys of this view")
	b.keys("jjj") // the header of theme 2
	if _, err := w.svc.Import(w.ctx, sess.ID, []session.ImportRow{{Line: 1, Text: "a paper note to place", Area: "activities", Lane: "more"}}, session.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	b.waitFor("(+1 on paper)")
	b.keys("?")
	b.waitFor("▸ 2. theme 2 (2)")
	b.keys("j")
	b.waitFor("▸    ★ [act more] note b")
}

// A theme's notes are listed on the board by area, lane and text, as everywhere after
// the reveal: listed by ID they were in the order written, one writer's notes in runs.
func TestBoardListsAThemesNotesInNoWritingOrder(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)
	a, b := w.join(sess, "key-1", ""), w.join(sess, "key-2", "")
	var ids []int64
	for i, text := range []string{"zebra crossings", "apples", "yaks", "bananas"} {
		p := a
		if i%2 == 1 {
			p = b
		}
		ids = append(ids, w.addNote(p, session.AreaMotivation, "motivates", text).ID)
	}
	w.setPhase(sess, session.PhaseGroup)
	if _, err := w.svc.NewTheme(w.ctx, sess.ID, "fruit and animals", ids, true); err != nil {
		t.Fatal(err)
	}
	board := w.openBoard(sess)
	board.waitDrawn("1. fruit and animals (4)")
	v := board.view()
	// The note that stands for the theme comes first, starred; the others follow.
	var listed []string
	for _, line := range strings.Split(v, "\n") {
		if _, text, ok := strings.Cut(line, "[mot motivates] "); ok && !strings.Contains(line, "★") {
			listed = append(listed, strings.TrimSpace(text))
		}
	}
	if len(listed) != 3 {
		t.Fatalf("%d notes listed besides the starred one, want 3:\n%s", len(listed), v)
	}
	if !slices.IsSorted(listed) {
		t.Errorf("the theme's notes are listed %q, not by text:\n%s", listed, v)
	}
}

// A participant's list of themes longer than the screen says what is above and below
// it, and uses the rows of the screen: it never looks whole when it is cut.
func TestParticipantThemesSayWhatIsCutOff(t *testing.T) {
	t.Parallel()
	w, sess, _ := manyThemesWorld(t)
	ps, err := w.db.Participants(w.ctx, sess.ID)
	if err != nil || len(ps) == 0 {
		t.Fatalf("participants %v, %v", ps, err)
	}
	p := w.openAsParticipant(sess, ps[0])
	p.waitFor("1. theme 1", "below · ↑/↓ pgup/pgdn home/end to scroll")
	p.press(tea.KeyEnd)
	p.waitFor("above · ↑/↓")
	v := p.view()
	requireFits(t, v)
	if lines := strings.Split(strings.TrimRight(v, "\n"), "\n"); len(lines) < termH-2 {
		t.Errorf("the cut list leaves rows free (%d of %d lines):\n%s", len(lines), termH, v)
	}
}

// esc after a search kept with enter ends the search where it is (enter chose the
// match: going back to where the search began lost it), and stays on the board (an esc with no search kept leaves it). What a search said goes with
// the next key.
func TestEscEndsAKeptSearchBeforeLeaving(t *testing.T) {
	t.Parallel()
	b := boardWithKeptSearch(t)
	b.keys("n")
	b.waitFor("esc end search")
	// One esc at a time in the key line: ending the search, not leaving too.
	drawn := b.drawn.String()
	if i := strings.LastIndex(drawn, "esc end search"); i >= 0 {
		line := drawn[i:]
		if j := strings.IndexAny(line, "\r\n"); j >= 0 {
			line = line[:j]
		}
		if strings.Contains(line, "esc back") {
			t.Errorf("the key line offers two escs: %q", line)
		}
	}
	b.press(tea.KeyEsc)
	b.waitFor("Search ended.")
	// The selection stayed on the second match (note g1): k goes up to the first.
	b.keys("k")
	b.waitFor("▸    ★ [act more] note g0 about topic 7")
	if v := b.view(); strings.Contains(v, "Search ended") || !strings.Contains(v, "7. theme 7") {
		t.Errorf("after the next key, want the board without what the search said:\n%s", v)
	}
}

// What a search said goes with the next key the board handles itself too (a tab
// switch and back), not only with the list's own keys.
func TestSearchMessageGoesWithAnyKey(t *testing.T) {
	t.Parallel()
	b := boardWithKeptSearch(t)
	b.press(tea.KeyEsc)
	b.waitFor("Search ended.")
	b.press(tea.KeyTab)
	b.waitFor("[act more] note a0 about topic 1") // the notes view, by area, lane and text
	b.keys("4")
	b.waitFor("7. theme 7")
	if v := b.view(); strings.Contains(v, "Search ended") {
		t.Errorf("after a tab switch and back the board still says the search ended:\n%s", v)
	}
}

// Moving from group to vote with notes left in no theme asks first: they would take
// no dots and count in no score. Any key but y stays in group, y moves on.
func TestVoteWithNotesInNoThemeAsksFirst(t *testing.T) {
	t.Parallel()
	w, sess, _ := manyThemesWorld(t) // one loose note
	b := w.openBoard(sess)
	b.waitDrawn("1. theme 1 (2)")
	b.press(tea.KeyEnd)
	b.waitFor("(no theme yet: 1)")
	b.keys("]")
	b.waitFor("Notes without a theme: 1 (no dots, no score). Move on to vote anyway? y/n")
	b.keys("n")
	b.waitFor("Staying in group")
	if ph := w.session(sess.ID).Phase; ph != session.PhaseGroup {
		t.Fatalf("phase %s after n, want group", ph)
	}
	b.keys("]")
	b.waitFor("Move on to vote anyway? y/n")
	b.keys("y")
	b.waitFor("Moved to vote")
	if ph := w.session(sess.ID).Phase; ph != session.PhaseVote {
		t.Errorf("phase %s after y, want vote", ph)
	}
}

// A note found by a search that scrolls the list up stands under its theme's name,
// not at the top with the name scrolled away.
func TestFoundNoteShowsItsTheme(t *testing.T) {
	t.Parallel()
	_, _, _, b := manyThemesBoard(t)
	b.keys("#8")
	b.press(tea.KeyEnter)
	b.waitFor("▸ 8. theme 8")
	b.keys("/topic 3")
	b.waitFor("note c0")
	b.press(tea.KeyEnter)
	v := b.view()
	head, note := strings.Index(v, "3. theme 3 (2)"), strings.Index(v, "▸    ★ [act more] note c0")
	if note < 0 || head < 0 || head > note {
		t.Errorf("the found note is not shown under its theme's name:\n%s", v)
	}
}

// At 80 columns the move prompt's hint is read whole: wrapped, not cut, both
// before anything is typed and when a long new theme name is.
func TestBoardMoveHintIsReadWhole(t *testing.T) {
	t.Parallel()
	_, _, _, b := manyThemesBoard(t)
	b.selectRow(1)
	b.keys("M")
	b.waitFor("Move the note to theme (name or number): ", "esc cancels.")
	name := "Security reviews before release take weeks"
	b.keys(name)
	b.waitFor("enter makes a new theme", "weeks”.")
	requireFits(t, b.view())
}

// A new theme whose name is part of an existing theme's is made with +NAME at the
// move prompt: typed plainly, the name moves the note into the theme that holds it.
func TestMoveToANewThemeNamedAsPartOfAnother(t *testing.T) {
	t.Parallel()
	w, sess, notes := groupWorld(t)
	b := w.openBoard(sess)
	b.waitDrawn("2. deadlines (1)")
	b.press(tea.KeyEnd)
	b.waitFor("▸    ★ [mot demotivates] deadlines always win")
	b.keys("Mpen")
	b.waitFor("→ 1. pen tests · +pen makes a new theme")
	b.press(tea.KeyCtrlU)
	b.keys("+pen")
	b.waitFor("enter makes a new theme “pen”.")
	b.press(tea.KeyEnter)
	b.waitFor("New theme “pen” with 1 note.")
	got := w.themesOf(sess)
	if len(got["pen"]) != 1 || got["pen"][0] != notes[2].ID || len(got["pen tests"]) != 2 {
		t.Errorf("themes after +pen: %v", got)
	}
}

// R on a theme named by a long note's opening words (cut, ending in "…") offers
// those words without the ellipsis, so that what is typed follows the words.
func TestRenameOffersACutNameWithoutItsEllipsis(t *testing.T) {
	t.Parallel()
	w, sess, _ := groupWorld(t)
	ths, err := w.svc.Themes(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.db.UpdateTheme(w.ctx, &session.Theme{ID: ths[0].ID, Label: "security reviews are a queue…"}); err != nil {
		t.Fatal(err)
	}
	b := w.openBoard(sess)
	b.waitDrawn("1. security reviews are a queue…")
	b.keys("R")
	b.waitFor("New name: security reviews are a queue")
	b.keys(" with no end")
	b.press(tea.KeyEnter)
	b.waitFor("Theme renamed.")
	if got := w.themesOf(sess); len(got["security reviews are a queue with no end"]) != 2 {
		t.Errorf("themes after the rename: %v", got)
	}
}

// A theme named after a note's opening words stars that note: its ★ used to be the
// note nearest the theme's mean, another one, so name and star disagreed.
func TestThemeNamedAfterANoteStarsIt(t *testing.T) {
	t.Parallel()
	w, sess, _ := groupWorld(t)
	ths, err := w.svc.Themes(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	b := w.openBoard(sess)
	b.waitDrawn("★ [act more · pen testing] more pen tests before release")
	if err := w.db.UpdateTheme(w.ctx, &session.Theme{ID: ths[0].ID, Label: "pen test findings come…"}); err != nil {
		t.Fatal(err)
	}
	w.hub.Publish(sess.ID, session.ChangeThemes)
	b.waitFor("1. pen test findings come… (2)", "★ [act more · pen testing] pen test findings come too late")
}

// The ★ follows a move: a theme whose name's note was moved out stars none, where
// it starred another note under a name that was not its words; moved back, the
// note is starred again.
func TestThemeStarLeavesWithTheNoteItsNameWasMadeFrom(t *testing.T) {
	t.Parallel()
	w, sess, ns := groupWorld(t)
	ths, err := w.svc.Themes(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.db.UpdateTheme(w.ctx, &session.Theme{ID: ths[0].ID, Label: "pen test findings come…"}); err != nil {
		t.Fatal(err)
	}
	b := w.openBoard(sess)
	b.waitDrawn("★ [act more · pen testing] pen test findings come too late")
	if err := w.svc.MoveNote(w.ctx, ns[1].ID, ths[1].ID); err != nil {
		t.Fatal(err)
	}
	b.waitFor("1. pen test findings come… (1)", "deadlines (2)")
	v := b.view()
	for _, l := range strings.Split(v, "\n") {
		if strings.Contains(l, "more pen tests before release") && strings.Contains(l, "★") {
			t.Errorf("a note the name was not made from is starred under it:\n%s", v)
		}
	}

	b = w.openBoard(sess)
	b.waitDrawn("1. pen test findings come… (1)")
	if err := w.svc.MoveNote(w.ctx, ns[1].ID, ths[0].ID); err != nil {
		t.Fatal(err)
	}
	b.waitFor("1. pen test findings come… (2)", "★ [act more · pen testing] pen test findings come too late")
}

// A name the facilitator typed is not made from a note: one that is another
// theme's note's opening words keeps the ★ of its own theme, in the list and
// read whole (the check for a name whose note was moved out took it for one).
func TestThemeNamedLikeAnotherThemesNoteKeepsItsStar(t *testing.T) {
	t.Parallel()
	w, sess, _ := groupWorld(t)
	b := w.openBoard(sess)
	b.waitDrawn("2. deadlines (1)", "★ [mot demotivates] deadlines always win")
	b.keys("#2")
	b.press(tea.KeyEnter)
	b.waitFor("▸ 2. deadlines")
	b.keys("R")
	b.waitFor("New name: deadlines")
	b.press(tea.KeyCtrlU)
	b.keys("pen test findings") // the opening words of a note of theme 1
	b.press(tea.KeyEnter)
	b.waitFor("Theme renamed.", "2. pen test findings (1)")
	b.press(tea.KeyEnter)
	b.waitFor("“pen test findings” · 1 note")
	v := b.view()
	if !strings.Contains(v, "★ [mot demotivates] deadlines always win") {
		t.Errorf("the theme's one note is not starred under the name typed:\n%s", v)
	}
	if got := w.themesOf(sess); len(got["pen test findings"]) != 1 {
		t.Errorf("themes after the rename: %v", got)
	}
}

// boardWithKeptSearch is a board of many themes on which a search for "topic 7"
// was kept with enter.
func boardWithKeptSearch(t *testing.T) *term {
	t.Helper()
	_, _, _, b := manyThemesBoard(t)
	b.keys("/topic 7")
	b.waitFor("note g")
	b.press(tea.KeyEnter)
	return b
}

// A theme read whole lists first, marked ★, the note that stands for it, as the
// list under the theme does.
func TestBoardThemeReadWholeStarsItsNote(t *testing.T) {
	t.Parallel()
	w, sess, _ := manyThemesWorld(t)
	b := w.openBoard(sess)
	b.waitDrawn("2. theme 2 (2)", "★ [act more] note b")
	star, other := "note b0", "note b1"
	if !b.everDrawn("★ [act more] note b0") {
		star, other = other, star
	}
	b.keys("#2")
	b.press(tea.KeyEnter)
	b.waitFor("▸ 2. theme 2")
	b.press(tea.KeyEnter)
	b.waitFor("“theme 2” · 2 notes", "★ [act more] "+star, "• [act more] "+other)
	v := b.view()
	if strings.Index(v, star) > strings.Index(v, other) {
		t.Errorf("the starred note is not first:\n%s", v)
	}
}

// Moving to the next phase ends a search kept with enter: its keys stayed on the
// help line with no match in view, and the first esc of the vote ended it unseen.
func TestBoardPhaseMoveEndsASearch(t *testing.T) {
	t.Parallel()
	_, _, _, b := manyThemesBoard(t)
	b.keys("/topic 3")
	b.press(tea.KeyEnter)
	b.waitFor("esc end search")
	b.keys("]")
	b.waitFor("Move on to vote anyway? y/n") // the loose note
	b.keys("y")
	b.waitFor("VOTE")
	if v := b.view(); strings.Contains(v, "next/prev match") || strings.Contains(v, "end search") {
		t.Errorf("the search outlived the phase:\n%s", v)
	}
}

// A closed session lets nobody new in: its board's header says so instead of
// giving the join command.
func TestClosedBoardGivesNoJoinCommand(t *testing.T) {
	t.Parallel()
	w, sess, _ := manyThemesWorld(t)
	for _, ph := range []session.Phase{session.PhaseVote, session.PhaseActions, session.PhaseClosed} {
		w.setPhase(sess, ph)
	}
	b := w.openBoard(sess)
	b.waitDrawn("closed: nobody new can join")
	if v := b.view(); strings.Contains(v, "join: ssh") {
		t.Errorf("a closed session's board gives the join command:\n%s", v)
	}
}

// At 80 columns the merge line cuts a long theme name, not what to do next.
func TestMergeLineKeepsItsInstructionAt80(t *testing.T) {
	t.Parallel()
	w, sess, _ := manyThemesWorld(t)
	ths, err := w.svc.Themes(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.svc.RenameTheme(w.ctx, ths[0].ID, "permission model reviewing takes far too long for each team"); err != nil {
		t.Fatal(err)
	}
	b := w.openBoard(sess)
	b.waitDrawn("1. permission model reviewing")
	b.keys("m")
	b.waitFor("Merging 1. “permission model", "”: select the theme to merge it into, press m.")
	requireFits(t, b.view())
}

// While grouping, h hides the selected note where it is read, as the notes view does.
func TestThemesViewHidesANote(t *testing.T) {
	t.Parallel()
	w, sess, notes, b := manyThemesBoard(t)
	b.keys("/note c0")
	b.press(tea.KeyEnter)
	b.waitFor("▸ ")
	b.keys("h")
	b.waitFor("Note hidden", "3. theme 3 (2) · 1 hidden")
	for _, n := range w.notes(sess) {
		if n.ID == notes[2][0].ID && !n.Hidden {
			t.Fatal("h on the themes view did not hide the note")
		}
	}
}

// From the reveal on, the notes view lists the notes by area, lane and text, as
// everyone else reads them: newest first kept showing which were released together.
func TestNotesViewAfterTheRevealIsInTheMethodsOrder(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)
	a, c := w.join(sess, "key-1", ""), w.join(sess, "key-2", "")
	w.addNote(a, session.AreaConfidence, "concern", "nobody owns the scanners")
	w.addNote(c, session.AreaMotivation, "motivates", "a thank-you from the CISO")
	w.setPhase(sess, session.PhaseReveal)
	b := w.openBoard(sess)
	b.waitDrawn("▸ [conf concern] nobody owns the scanners", "  [mot motivates] a thank-you")
}

// From the reveal on a note moved to another lane (L) goes to its place in the
// list, and the selection goes with it: h right after hides that note, not the one
// that took its row.
func TestNotesViewSelectionFollowsAMovedNote(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)
	a, c := w.join(sess, "key-1", ""), w.join(sess, "key-2", "")
	w.addNote(a, session.AreaConfidence, "concern", "nobody owns the scanners")
	w.addNote(c, session.AreaConfidence, "concern", "our builds break on old findings")
	w.addNote(c, session.AreaMotivation, "motivates", "a thank-you from the CISO")
	w.setPhase(sess, session.PhaseReveal)
	b := w.openBoard(sess)
	b.waitDrawn("▸ [conf concern] nobody owns the scanners")
	b.keys("L")
	b.waitFor("Move the note to lane")
	b.keys("8") // demotivates
	b.press(tea.KeyEnter)
	b.waitFor("▸ [mot demotivates] nobody owns the scanners")
	b.keys("h")
	b.waitFor("Note hidden")
	for _, n := range w.notes(sess) {
		if n.Hidden != (n.Text == "nobody owns the scanners") {
			t.Errorf("after the move, h hid the wrong note: %q hidden %v", n.Text, n.Hidden)
		}
	}
}

// While people write, the notes view's top row follows the newest notes; a key
// that changes a note right after a batch took the selected row asks first, naming
// the note: h pressed as the batch arrived was meant for the note selected before.
func TestNotesViewAsksWhenNotesArriveUnderTheSelection(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)
	a, c := w.join(sess, "key-1", ""), w.join(sess, "key-2", "")
	w.addNote(a, session.AreaConfidence, "concern", "nobody owns the scanners")
	w.addNote(c, session.AreaConfidence, "concern", "our builds break on old findings")
	b := w.openBoard(sess)
	b.waitDrawn("▸ [conf concern] our builds break on old findings")
	w.addNote(a, session.AreaMotivation, "motivates", "a thank-you from the CISO")
	w.addNote(c, session.AreaMotivation, "motivates", "time set aside in the sprint")
	b.waitDrawn("▸ [mot motivates] time set aside in the sprint")
	b.keys("h")
	b.waitFor("New notes came in at the top: hide “time set aside in the sprint”? y/n")
	b.keys("n")
	b.waitFor("Note left as it is.")
	for _, n := range w.notes(sess) {
		if n.Hidden {
			t.Errorf("%q hidden without a yes", n.Text)
		}
	}
	// The facilitator has seen the list since: h hides the selected note at once.
	b.keys("h")
	b.waitFor("Note hidden")
	for _, n := range w.notes(sess) {
		if n.Hidden != (n.Text == "time set aside in the sprint") {
			t.Errorf("h hid the wrong note: %q hidden %v", n.Text, n.Hidden)
		}
	}
	// Likewise L, which opens the lane question only after a yes.
	w.addNote(a, session.AreaActivities, "keep", "keep the threat models")
	w.addNote(c, session.AreaActivities, "more", "more pairing on fixes")
	b.waitDrawn("▸ [act more] more pairing on fixes")
	b.keys("L")
	b.waitFor("New notes came in at the top: move “more pairing on fixes” to another lane? y/n")
	b.keys("y")
	b.waitFor("Move the note to lane")
}

// Notes that came after the themes were accepted are said at the top of the
// themes view, with where they are and what places them: the count in the header
// went up, and nothing else said so.
func TestThemesViewSaysNotesWithoutATheme(t *testing.T) {
	t.Parallel()
	_, _, _, b := manyThemesBoard(t)
	b.waitDrawn("1 note without a theme (under “no theme yet”): g shows where it would go.")
}

// v on a theme's name marks its notes and goes on to the next theme (a search for
// a theme named after its one note lands on the name, and broke a run of marks);
// v there again unmarks them.
func TestMarkingATheme(t *testing.T) {
	t.Parallel()
	w, sess, notes, b := manyThemesBoard(t)
	// Rows: 0 header 1, 1-2 its notes, 3 header 2, 4-5 its notes, ...
	b.selectRow(0)
	b.keys("v")
	b.waitFor("2 notes marked")
	b.waitDrawn("▸ 2. theme 2 (2)")
	b.keys("jv") // and one note of theme 2
	b.waitFor("3 notes marked")
	b.keys("M")
	b.waitFor("Move 3 notes to theme (name or number): ")
	b.keys("5")
	b.press(tea.KeyEnter)
	b.waitFor("3 notes moved to “theme 5”; 1. is empty now, listed last") // and the numbers moved
	got := w.themesOf(sess)
	if len(got["theme 5"]) != 5 || !slices.Contains(got["theme 5"], notes[0][0].ID) || !slices.Contains(got["theme 5"], notes[0][1].ID) {
		t.Errorf("after moving theme 1's notes and one of theme 2's: %v", got)
	}
}

// Before sharing, R names a suggested theme and m merges two: accepted, a name cut
// from a note reached every participant's screen at once, and duplicates had to
// be merged in front of everyone.
func TestBoardPreviewRenamesAndMergesBeforeSharing(t *testing.T) {
	t.Parallel()
	w, sess, sug := previewWorld(t)
	b := w.openBoard(sess)
	b.waitEverDrawn("1. "+sug[0].Label, "A accept all", "R rename")
	b.keys("R")
	b.waitFor("Name before sharing: ")
	b.press(tea.KeyCtrlU)
	// Another suggestion's name is refused, as on the board.
	b.keys(strings.ToUpper(sug[1].Label))
	b.press(tea.KeyEnter)
	b.waitFor("Suggested theme 2 is called")
	b.press(tea.KeyCtrlU)
	b.keys("Pen test timing")
	b.press(tea.KeyEnter)
	b.waitFor("Renamed; nobody sees it until A.", "1. Pen test timing")
	if got := w.themesOf(sess); len(got) != 0 {
		t.Fatalf("a rename before A shared themes: %v", got)
	}
	// Someone joining reloads the board: the notes are the same, so the preview
	// and its names stay (a reload clustered again and dropped them).
	w.join(sess, "key-9", "")
	b.waitFor("2 people")
	if b.everDrawn("New notes changed the suggestions") {
		t.Fatal("a reload without new notes clustered again")
	}
	// Merge the second into the first.
	b.keys("#2")
	b.press(tea.KeyEnter)
	b.keys("m")
	b.waitFor("select the suggested theme to merge it into", "Merging 2. “")
	b.keys("#1")
	b.press(tea.KeyEnter)
	b.keys("m")
	b.waitFor("merged in; nobody sees it until A.")
	b.keys("A")
	b.waitFor("shared with everyone")
	got := w.themesOf(sess)
	want := len(sug[0].NoteIDs) + len(sug[1].NoteIDs)
	if len(got["Pen test timing"]) != want || len(got) != len(sug)-1 {
		t.Errorf("stored themes %v, want “Pen test timing” with %d notes and %d themes", got, want, len(sug)-1)
	}
	ths, err := w.svc.Themes(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, th := range ths {
		if th.Label == "Pen test timing" && !th.Named {
			t.Error("the name typed before sharing is not marked as typed")
		}
	}
	// u takes the accepting back to the preview as it was, names and merges
	// included (it clustered anew and said new notes had changed it).
	b.keys("u")
	b.waitDrawn("Undone: the accepting.", "▸ 1. Pen test timing (6 notes)")
	if got := w.themesOf(sess); len(got) != 0 {
		t.Errorf("after undoing the accepting the stored themes are %v", got)
	}
	if b.everDrawn("New notes changed the suggestions") {
		t.Error("undoing the accepting said new notes changed the suggestions")
	}
	// Accepted again, it is what was accepted before.
	b.keys("A")
	b.waitFor("shared with everyone")
	if got := w.themesOf(sess); len(got["Pen test timing"]) != want {
		t.Errorf("accepted again after the undo: %v", got)
	}
}

// u takes back the last changes of the themes while grouping, one at a time: a
// merge comes undone with the merged theme's name and notes, a move puts the note
// back. A newcomer renamed the wrong theme after the numbers moved, and had no way
// back but typing it all again.
func TestBoardUndoesGroupingChanges(t *testing.T) {
	t.Parallel()
	w, sess, notes, b := manyThemesBoard(t)
	// Rows: 0 header 1, 1-2 its notes, 3 header 2, ...
	b.selectRow(1)
	b.keys("M")
	b.waitFor("Move the note to theme (name or number): ")
	b.keys("3")
	b.press(tea.KeyEnter)
	b.waitFor("Note moved to “theme 3”. (u undoes it)")
	b.selectRow(0)
	b.keys("m")
	b.waitFor("Now select the theme to merge it into")
	b.keys("#2")
	b.press(tea.KeyEnter)
	b.keys("m")
	b.waitFor("merged into 1. “theme 2”")
	if got := w.themesOf(sess); len(got["theme 1"]) != 0 || len(got["theme 2"]) != 3 {
		t.Fatalf("after the move and the merge: %v", got)
	}
	b.keys("u")
	b.waitFor("Undone: the merge of “theme 1” into “theme 2”.")
	if got := w.themesOf(sess); len(got["theme 1"]) != 1 || len(got["theme 2"]) != 2 {
		t.Fatalf("after undoing the merge: %v", got)
	}
	// With its number again: first, as before the merge.
	if ths, err := w.svc.Themes(w.ctx, sess.ID); err != nil || len(ths) != 8 || ths[0].Label != "theme 1" || ths[1].Label != "theme 2" {
		t.Fatalf("after undoing the merge the themes are, in order, %v (%v)", ths, err)
	}
	b.keys("u")
	b.waitFor("Undone: the move to “theme 3”.")
	got := w.themesOf(sess)
	if !slices.Equal(got["theme 1"], []int64{notes[0][0].ID, notes[0][1].ID}) || len(got["theme 3"]) != 2 || len(got) != 8 {
		t.Errorf("after undoing the move: %v", got)
	}
	b.keys("u")
	b.waitFor("Nothing to undo.")

	// A change made elsewhere (another board, the command line) is not wiped by
	// an undo of one made here: it is refused, and says why.
	b.selectRow(1)
	b.keys("M")
	b.waitFor("Move the note to theme (name or number): ")
	b.keys("4")
	b.press(tea.KeyEnter)
	b.waitFor("(u undoes it)")
	ths, err := w.svc.Themes(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.svc.RenameTheme(w.ctx, ths[len(ths)-1].ID, "renamed elsewhere"); err != nil {
		t.Fatal(err)
	}
	b.keys("u")
	b.waitFor("Not undone: the themes changed since")
	if got := w.themesOf(sess); len(got["theme 4"]) != 3 {
		t.Errorf("a refused undo changed the themes: %v", got)
	}
}

// Deleting the last theme can be undone too (the board is back to suggestions,
// where u had no effect).
func TestBoardUndoesDeletingTheLastTheme(t *testing.T) {
	t.Parallel()
	w, sess, _ := groupWorld(t)
	ths, err := w.svc.Themes(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.svc.DeleteTheme(w.ctx, ths[1].ID); err != nil {
		t.Fatal(err)
	}
	b := w.openBoard(sess)
	b.waitDrawn("1. pen tests (2)")
	b.keys("D")
	b.waitFor("y = delete")
	b.keys("y")
	b.waitFor("(u undoes it)")
	b.keys("u")
	b.waitFor("Undone: the deletion of theme 1 “pen tests”.")
	if got := w.themesOf(sess); len(got["pen tests"]) != 2 {
		t.Errorf("after undoing the deletion of the last theme: %v", got)
	}
}

// D and m on "no theme yet" say what they need, rather than nothing.
func TestNoThemeYetSaysWhatDAndMNeed(t *testing.T) {
	t.Parallel()
	_, _, _, b := manyThemesBoard(t)
	b.press(tea.KeyEnd)
	b.keys("k") // from the loose note to its heading
	b.waitFor("▸ (no theme yet: 1)")
	b.keys("D")
	b.waitFor("Select a theme's name to delete it.")
	b.keys("m")
	b.waitFor("Select a theme to merge (notes without a theme move with M).")
}

// Deleting a theme says that the numbers after it moved up, as a merge does: a
// number typed next is another theme's.
func TestDeletingAThemeSaysTheNumbersMoved(t *testing.T) {
	t.Parallel()
	_, _, _, b := manyThemesBoard(t)
	b.selectRow(3) // theme 2's name
	b.keys("D")
	b.waitFor("y = delete")
	b.keys("y")
	b.waitDrawn("Theme deleted")
	if !strings.Contains(strings.Join(strings.Fields(b.view()), " "), "the themes after 2 moved up one number") {
		t.Errorf("deleting theme 2 does not say the numbers after it moved:\n%s", b.view())
	}
}

// # 0 is no theme's number: "no theme yet", numbered 0 inside, was selected without
// a word.
func TestJumpToThemeZeroIsRefused(t *testing.T) {
	t.Parallel()
	_, _, _, b := manyThemesBoard(t)
	b.keys("#0")
	b.press(tea.KeyEnter)
	b.waitFor("There is no theme 0.")
}

// A refusal under a prompt goes with the next key or esc: it stayed on the status
// line under later prompts.
func TestPromptRefusalGoesWithTheNextKey(t *testing.T) {
	t.Parallel()
	_, _, _, b := manyThemesBoard(t)
	b.selectRow(1)
	b.keys("M")
	b.waitFor("Move the note to theme (name or number): ")
	b.keys("12")
	b.press(tea.KeyEnter)
	b.waitFor("No theme has the number “12”")
	b.press(tea.KeyEsc)
	b.keys("#")
	if v := b.view(); strings.Contains(v, "No theme has the number") {
		t.Errorf("the refusal stayed after esc:\n%s", v)
	}
}

// u before anything was changed says so, in the preview too.
func TestUndoWithNothingToUndoSaysSo(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)
	a := w.join(sess, "key-1", "")
	w.addNote(a, session.AreaActivities, "more", "more pen tests before release")
	w.addNote(a, session.AreaActivities, "more", "pen test findings come too late")
	w.setPhase(sess, session.PhaseGroup)
	b := w.openBoard(sess)
	b.waitEverDrawn("A accept all")
	b.keys("u")
	b.waitFor("Nothing to undo.")
}

// previewWorld is a session in the group phase with six notes, three on pen tests
// and three on deadlines, not grouped yet, and the suggestions they make (two at
// least).
func previewWorld(t *testing.T) (*world, *session.Session, []session.Theme) {
	t.Helper()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)
	a := w.join(sess, "key-1", "")
	for _, text := range []string{
		"more pen tests before release", "pen test findings come too late", "pen testing reports arrive after release",
		"deadlines always win over security", "feature deadlines push security out", "tight deadlines every sprint",
	} {
		area, lane := session.AreaActivities, "more"
		if strings.Contains(text, "deadline") {
			area, lane = session.AreaMotivation, "demotivates"
		}
		w.addNote(a, area, lane, text)
	}
	w.setPhase(sess, session.PhaseGroup)
	sug, err := w.svc.SuggestThemes(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(sug) < 2 {
		t.Fatalf("the notes make %d suggestions; the test needs two", len(sug))
	}
	return w, sess, sug
}

// Marked notes already in the theme they are moved to do not count as moved: the
// status said "3 notes moved" when one of the three was there already, and "Note
// moved" for a note that stayed where it was.
func TestBoardMoveCountsOnlyNotesThatMove(t *testing.T) {
	t.Parallel()
	w, sess, _, b := manyThemesBoard(t)

	// Rows: 0 header 1, 1-2 its notes, 3 header 2, 4-5 its notes, ...
	b.selectRow(1)
	b.keys("v")  // a note of theme 1, then the next note
	b.keys("jv") // on theme 2's name: both its notes
	b.waitFor("3 notes marked")
	b.keys("M")
	b.waitFor("Move 3 notes to theme (name or number): ")
	b.keys("2")
	b.waitFor("→ 2. theme 2")
	b.press(tea.KeyEnter)
	b.waitFor("1 note moved to “theme 2” (2 were there already).")
	if got := w.themesOf(sess); len(got["theme 2"]) != 3 || len(got["theme 1"]) != 1 {
		t.Fatalf("after the move: %v", got)
	}

	// A note moved to its own theme: nothing moves, and nothing to undo.
	b.waitDrawn("2. theme 2 (3)") // the board has the move
	b.selectRow(1)
	b.keys("M")
	b.waitFor("Move the note to theme (name or number): ")
	b.keys("1")
	b.waitFor("→ 1. theme 1")
	b.press(tea.KeyEnter)
	b.waitFor("The note is in “theme 1” already: nothing moved.")
}

// v on a theme's name marks its notes and goes on to the next theme, and the
// screen shows that theme's notes below it, as # does: the next theme stood on the
// list's last row, its notes out of sight, so that deciding on it took a scroll.
func TestBoardMarkShowsTheNextThemesNotes(t *testing.T) {
	t.Parallel()
	_, _, _, b := manyThemesBoard(t)
	b.keys("vvvv") // themes 1 to 4, on to theme 5
	b.waitFor("8 notes marked")
	view := b.view()
	for _, want := range []string{"▸ 5. theme 5 (2)", "note e0 about topic 5", "note e1 about topic 5"} {
		if !strings.Contains(view, want) {
			t.Errorf("the screen lacks %q:\n%s", want, view)
		}
	}
}

// Merging two suggestions before accepting them keeps the side a suggested name
// says true, as a merge of accepted themes does: "secrets (concern)" that takes in
// three notes that motivate is "secrets", on the preview and once accepted.
func TestBoardPreviewMergeKeepsTheSideTrue(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)
	a := w.join(sess, "key-1", "")
	for _, text := range []string{"the champions guild is great", "our security champion helps a lot", "champions meetup motivates me"} {
		w.addNote(a, session.AreaMotivation, "motivates", text)
	}
	for _, text := range []string{"secrets leak in slack", "vault takes 3 days for a secret", "api keys in the repo"} {
		w.addNote(a, session.AreaConfidence, "concern", text)
	}
	w.setPhase(sess, session.PhaseGroup)
	sug, err := w.svc.SuggestThemes(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(sug) != 2 || !strings.HasSuffix(sug[0].Label, " (motivates)") || sug[1].Label != "secrets (concern)" {
		t.Fatalf("the notes make %+v; the test needs a theme that motivates and \"secrets (concern)\"", sug)
	}
	b := w.openBoard(sess)
	b.waitEverDrawn("1. "+sug[0].Label, "A accept all")
	b.keys("m#2")
	b.press(tea.KeyEnter)
	b.keys("m")
	b.waitFor("merged in; nobody sees it until A.")
	b.waitDrawn("1. secrets (6 notes)")
	b.keys("A")
	b.waitFor("1 theme shared with everyone")
	if got := w.themesOf(sess); len(got["secrets"]) != 6 {
		t.Errorf("stored themes %v, want \"secrets\" with the six notes", got)
	}
}

// Accepting every suggestion says so on one line at 80 columns, the undo with it:
// the status wrapped "it)" alone onto a second line, which took a row of the list.
func TestAcceptingAllIsSaidOnOneLine(t *testing.T) {
	t.Parallel()
	w, sess, sug := previewWorld(t)
	b := w.openBoard(sess)
	b.waitEverDrawn("1. "+sug[0].Label, "★ [", "A accept all")
	b.keys("A")
	b.waitDrawn(fmt.Sprintf("%d themes shared with everyone", len(sug)))
	if line := lineWith(b.view(), "shared with everyone"); !strings.Contains(line, "(u undoes it)") {
		t.Errorf("the status is cut into lines: %q\n%s", line, b.view())
	}
}

// A note without a theme while people vote (imported then, or left so when the
// group phase ended) is listed under "no theme yet", as in the group phase: the
// vote's list named the themes only, and the note was nowhere on the board.
func TestBoardVoteListsNotesWithoutATheme(t *testing.T) {
	t.Parallel()
	w, sess, _ := manyThemesWorld(t)
	w.setPhase(sess, session.PhaseVote)
	b := w.openBoard(sess)
	b.waitDrawn("1. theme 1 (2 notes)")
	b.press(tea.KeyEnd)
	b.waitFor("▸    [mot demotivates] a loose note nobody grouped")
	b.waitDrawn("(no theme yet: 1) · it takes no dots; back in group, g places it")
	// M moves nothing while people vote: m on the note does not point to it.
	b.keys("m")
	b.waitFor("Select a theme to merge.")
	// The actions phase lists it too: it counts in no theme's score.
	w.setPhase(sess, session.PhaseActions)
	b.waitFor("#1 theme")
	b.press(tea.KeyEnd)
	view := b.view() // after End: the program takes keys in order
	if !strings.Contains(view, "(no theme yet: 1) · in no theme's score") || !strings.Contains(view, "a loose note nobody grouped") {
		t.Errorf("the actions phase does not list the note without a theme:\n%s", view)
	}
	requireFits(t, view)
}

// u selects the note it moved, where it put it back: the selection stayed on the
// row the move had gone on to, and the note that came back had to be looked for (a
// facilitator's trial).
func TestBoardUndoSelectsTheNoteItMovedBack(t *testing.T) {
	t.Parallel()
	_, _, notes, b := manyThemesBoard(t)
	b.selectRow(1) // theme 1's first note
	b.keys("M")
	b.waitFor("Move the note to theme (name or number): ")
	b.keys("3")
	b.press(tea.KeyEnter)
	b.waitFor("Note moved to “theme 3”. (u undoes it)")
	b.keys("u")
	b.waitFor("Undone: the move to “theme 3”.")
	moved := notes[0][0].Text
	// The selection follows once the board has read the undo back.
	for end := time.Now().Add(waitTime); time.Now().Before(end); time.Sleep(10 * time.Millisecond) {
		if strings.Contains(lineWith(b.view(), "▸"), moved) {
			return
		}
	}
	t.Errorf("after the undo the selected row is %q, want the note moved back, %q", lineWith(b.view(), "▸"), moved)
}

// Names, merges and picks made on the suggestions before A outlive the board's
// connection: a board that opens on the same notes shows them as left, instead of
// clustering anew (a facilitator's trial lost them to a dropped connection).
func TestBoardPreviewEditsOutliveTheConnection(t *testing.T) {
	t.Parallel()
	w, sess, sug := previewWorld(t)
	b := w.openBoard(sess)
	b.waitEverDrawn("1. "+sug[0].Label, "A accept all", "R rename")
	b.keys("R")
	b.waitFor("Name before sharing: ")
	b.press(tea.KeyCtrlU)
	b.keys("Pen test timing")
	b.press(tea.KeyEnter)
	b.waitFor("Renamed; nobody sees it until A.", "1. Pen test timing")
	b.keys("#2")
	b.press(tea.KeyEnter)
	b.keys("v")
	b.waitFor("1 picked")
	b.conn.Close()
	_ = b.tm.Quit()

	again := w.openBoard(sess)
	again.waitEverDrawn("as they were last edited", "1. Pen test timing", "1 picked")
	again.keys("A")
	again.waitFor("shared with everyone")
	got := w.themesOf(sess)
	if len(got) != 1 || len(got[sug[1].Label]) != len(sug[1].NoteIDs) {
		t.Errorf("after A the stored themes are %v, want only the picked “%s”", got, sug[1].Label)
	}
}

// A pick taken back, or the edits dropped with g, are not what a board opening
// after a dropped connection shows: it showed the preview as it was before, and
// A then shared only the pick the facilitator had taken back.
func TestBoardPreviewKeptIsTheLastOneNotAnEarlier(t *testing.T) {
	t.Parallel()
	for _, undo := range []string{"v", "g"} {
		t.Run(undo, func(t *testing.T) {
			t.Parallel()
			w, sess, sug := previewWorld(t)
			b := w.openBoard(sess)
			b.waitEverDrawn("1. "+sug[0].Label, "A accept all")
			b.keys("#2")
			b.press(tea.KeyEnter)
			b.keys("v")
			b.waitFor("1 picked")
			if undo == "v" {
				b.keys("#2")
				b.press(tea.KeyEnter)
				b.keys("v")
				b.waitFor("Nothing picked: A accepts all.")
			} else {
				b.keys("g")
				b.waitFor("drops the 1 pick made here")
				b.keys("y")
				b.waitFor("1. "+sug[0].Label, "A accept all")
			}
			b.conn.Close()
			_ = b.tm.Quit()

			again := w.openBoard(sess)
			again.waitEverDrawn("1. "+sug[0].Label, "A accept all")
			again.keys("A")
			again.waitFor("shared with everyone")
			if got := w.themesOf(sess); len(got) != len(sug) {
				t.Errorf("after A the stored themes are %v, want all %d suggestions", got, len(sug))
			}
		})
	}
}

// At 60 columns the themes view's first line keeps what it tells the facilitator
// to do, in fewer words: it was cut to "… M moves them to a theme by name or nu…",
// "… until you accept them …" (without "with A") and "… at most 2 on a theme…"
// (without "counts hidden").
func TestThemesViewHeadIsWholeAt60Columns(t *testing.T) {
	t.Parallel()
	w, sess, _ := manyThemesWorld(t)
	b := w.openBoardSized(sess, 60, 20)
	b.waitDrawn("1. theme 1 (2)")
	b.selectRow(1)
	b.keys("v")
	b.keys("v")
	b.waitFor("2 notes marked")
	head := func(v string) string { return strings.Split(v, "\n")[5] }
	if h := head(b.view()); h != "2 notes marked: M moves them; esc unmarks all." {
		t.Errorf("marked notes at 60 columns: %q", h)
	}

	w.setPhase(sess, session.PhaseVote)
	b = w.openBoardSized(sess, 60, 20)
	b.waitDrawn("Voting: ")
	if h := head(b.view()); h != "Voting: 0 of 1 finished · 3 dots each · counts hidden" {
		t.Errorf("the vote at 60 columns: %q", h)
	}

	w = newWorld(t)
	fresh := w.newSession("Developers Porto")
	w.setPhase(fresh, session.PhaseWrite)
	w.addNote(w.join(fresh, "key-a", ""), session.AreaConfidence, "concern", "secrets end up in the repos")
	w.addNote(w.join(fresh, "key-b", ""), session.AreaConfidence, "concern", "nobody rotates the keys")
	w.setPhase(fresh, session.PhaseGroup)
	b = w.openBoardSized(fresh, 60, 20)
	b.waitDrawn("Suggested themes")
	if h := head(b.view()); h != "Suggested themes (only you see them until A)" {
		t.Errorf("the suggestions at 60 columns: %q", h)
	}
}

// A suggested theme's name too long for the row is cut, not its count of notes:
// at 60 columns the row read "2. Security exceptions take a month and nobody
// says… (1 n…".
func TestSuggestionRowKeepsItsCountAt60Columns(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Porto")
	w.setPhase(sess, session.PhaseWrite)
	w.addNote(w.join(sess, "key-a", ""), session.AreaConfidence, "concern", "secrets end up in the repos")
	w.addNote(w.join(sess, "key-b", ""), session.AreaConfidence, "concern", "nobody rotates the keys")
	w.setPhase(sess, session.PhaseGroup)
	b := w.openBoardSized(sess, 60, 20)
	b.waitDrawn("Suggested themes", "★")
	b.keys("R")
	b.waitFor("Name before sharing: ")
	b.press(tea.KeyCtrlU)
	b.paste("Security exceptions take a month and nobody says why")
	b.press(tea.KeyEnter)
	b.waitFor("Renamed; nobody sees it until A.")
	b.keys("j") // the selected row is shown whole, wrapped
	b.waitFor("▸    ★")
	v := b.view()
	row := lineWith(v, "1. Security exceptions")
	if !regexp.MustCompile(`\(\d+ notes?\)$`).MatchString(strings.TrimSpace(row)) {
		t.Errorf("the suggestion's row lost its count of notes: %q\n%s", row, v)
	}
	requireFits(t, v)
}

// A suggestion named as a theme of another session of the campaign says so; once
// the facilitator names it with R before sharing, the name is theirs, and the line
// stopped saying it was given in the other session.
func TestBoardRenameBeforeSharingDropsTheOtherSessionsName(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	first, ids := campaignGroupSession(t, w, "Pentesters Berlin", map[string][]string{"concern": {"pentest findings are never retested", "the pentest report came months late"}})
	if err := w.svc.SaveThemes(w.ctx, first.ID, []session.Theme{{Label: "Pentest follow-up", Named: true, NoteIDs: ids["concern"]}}); err != nil {
		t.Fatal(err)
	}
	second, _ := campaignGroupSession(t, w, "Developers Porto", map[string][]string{"concern": {"nobody retests after the pentest", "pentest results arrive too late to fix",
		"pentesters should explain the findings in a call"}})

	b := w.open(tui.Options{Facilitator: true})
	b.waitFor(second.Title)
	b.keys("/porto")
	b.waitFor("▸ " + second.Title)
	b.press(tea.KeyEnter)
	b.press(tea.KeyEnter)
	b.waitDrawn("1. Pentest follow-up", "· name given in “"+first.Title+"”")
	b.keys("R")
	b.waitFor("Name before sharing: ")
	b.press(tea.KeyCtrlU)
	b.keys("Retests come too late")
	b.press(tea.KeyEnter)
	b.waitFor("Renamed; nobody sees it until A.", "1. Retests come too late")
	v := b.view()
	requireFits(t, v)
	if !strings.Contains(v, "1. Retests come too late") || strings.Contains(v, "name given in") {
		t.Errorf("the facilitator's own name is still said to be given in %q:\n%s", first.Title, v)
	}
}

// campaignGroupSession makes a developers session of the campaign "Champions 2026"
// whose one participant wrote notes (confidence, by lane), and takes it to the group
// phase; it returns the session and the notes' IDs by lane.
func campaignGroupSession(t *testing.T, w *world, title string, notes map[string][]string) (*session.Session, map[string][]int64) {
	t.Helper()
	s, err := w.svc.NewSession(w.ctx, session.Session{Title: title, Audience: session.AudienceDevelopers, Campaign: "Champions 2026"})
	if err != nil {
		t.Fatal(err)
	}
	w.setPhase(s, session.PhaseWrite)
	p := w.join(s, "key-"+s.ID, "")
	ids := map[string][]int64{}
	for _, lane := range slices.Sorted(maps.Keys(notes)) {
		for _, text := range notes[lane] {
			ids[lane] = append(ids[lane], w.addNote(p, session.AreaConfidence, lane, text).ID)
		}
	}
	w.setPhase(s, session.PhaseGroup)
	return s, ids
}

// A name typed for a suggestion goes to that suggestion even when new notes change
// the suggestions while it is typed: it went to whatever theme then stood at the
// same place in the list (here the new theme of imported notes), and when no
// suggestion was left at that place the board said "Renamed" all the same.
func TestBoardRenameBeforeSharingFollowsItsNotes(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		// notes imported while the name is typed, in the activities area's lane
		lane    string
		notes   []string
		renamed bool // whether the suggestion is still there to take the name
	}{
		{"moved down by a new theme", "add", []string{"API keys end up in the repositories", "secrets committed to git repositories again",
			"nobody rotates leaked API keys in repositories", "repositories full of API keys"}, true},
		{"merged into another", "more", []string{"pen test findings arrive months late", "pen test findings come after the release",
			"late pen test findings again"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			w, sess, sug := previewWorld(t)
			b := w.openBoard(sess)
			b.waitEverDrawn("2. "+sug[1].Label, "A accept all")
			b.keys("#2")
			b.press(tea.KeyEnter)
			b.waitFor("▸ 2. ")
			b.keys("R")
			b.waitFor("Name before sharing: ")
			var rows []session.ImportRow
			for i, text := range tc.notes {
				rows = append(rows, session.ImportRow{Line: i + 1, Text: text, Area: "activities", Lane: tc.lane})
			}
			if _, err := w.svc.Import(w.ctx, sess.ID, rows, session.ImportOptions{}); err != nil {
				t.Fatal(err)
			}
			// The board's next clustering run, as the service makes it.
			again, err := w.svc.SuggestThemes(w.ctx, sess.ID)
			if err != nil {
				t.Fatal(err)
			}
			kept := slices.ContainsFunc(again, func(th session.Theme) bool { return slices.Equal(th.NoteIDs, sug[1].NoteIDs) })
			if kept != tc.renamed || (len(again) > 1 && slices.Equal(again[1].NoteIDs, sug[1].NoteIDs)) {
				t.Fatalf("the imported notes make %v of %v; the test needs suggestion 2 moved (kept: %v)", again, sug, tc.renamed)
			}
			b.waitFor(rows[0].Text)
			b.press(tea.KeyCtrlU)
			b.keys("Late pen test findings")
			b.press(tea.KeyEnter)
			if tc.renamed {
				b.waitFor("Renamed; nobody sees it until A.")
			} else {
				b.waitFor("The suggestions changed meanwhile: nothing renamed")
			}
			v := b.view()
			head := lineWith(v, "Late pen test findings")
			want := fmt.Sprintf("(%d note", len(sug[1].NoteIDs))
			if tc.renamed && (!strings.Contains(head, want) || strings.Count(v, "Late pen test findings") != 1) {
				t.Errorf("the name went to another suggestion than the one it was typed for %s:\n%s", want, v)
			}
			if !tc.renamed && head != "" {
				t.Errorf("with the suggestion gone, the name went to another:\n%s", v)
			}
		})
	}
}

// A suggestion named as in another session, merged with notes of the other side,
// changes its name's side ("(concern)" goes): then it is no longer the name the
// other session gave, and the line stops saying it was.
func TestBoardMergeBeforeSharingDropsTheOtherSessionsNameItChanged(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	first, ids := campaignGroupSession(t, w, "Pentesters Berlin", map[string][]string{"concern": {"pentest findings are never retested", "the pentest report came months late"}})
	if err := w.svc.SaveThemes(w.ctx, first.ID, []session.Theme{{Label: "Pentest follow-up (concern)", Named: true, NoteIDs: ids["concern"]}}); err != nil {
		t.Fatal(err)
	}
	second, _ := campaignGroupSession(t, w, "Developers Porto", map[string][]string{
		"concern":  {"nobody retests after the pentest", "pentest results arrive too late to fix", "pentesters should explain the findings in a call"},
		"strength": {"our champions meet every month", "the champions network is strong", "champions share tips in a chat"},
	})

	b := w.open(tui.Options{Facilitator: true})
	b.waitFor(second.Title)
	b.keys("/porto")
	b.waitFor("▸ " + second.Title)
	b.press(tea.KeyEnter)
	b.press(tea.KeyEnter)
	b.waitDrawn("2. Pentest follow-up (concern) (3 notes) · name given in “" + first.Title + "”")
	// The strengths (suggestion 1) into the named one (2).
	b.keys("m")
	b.waitFor("Now select the suggested theme to merge it into")
	for range 4 { // its three notes, then the named one
		b.press(tea.KeyDown)
	}
	b.waitFor("▸ 2. Pentest follow-up")
	b.keys("m")
	b.waitFor("(6 notes)")
	v := b.view()
	requireFits(t, v)
	if strings.Contains(v, "Pentest follow-up (concern)") {
		t.Fatalf("the merged suggestion kept its side, so this test no longer shows a name changed:\n%s", v)
	}
	if !strings.Contains(v, "1. Pentest follow-up") || strings.Contains(v, "name given in") {
		t.Errorf("the name changed by the merge is still said to be given in %q:\n%s", first.Title, v)
	}
}

// The board's score sums count a theme's people as a bound, never more than took
// part: three notes of two people's session are "2×up to 2 people", not "2×3 people".
func TestBoardScoreCountsNoMorePeopleThanTookPart(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	w.setPhase(sess, session.PhaseWrite)
	a, b := w.join(sess, "key-1", ""), w.join(sess, "key-2", "")
	var ids []int64
	for i, text := range []string{"no time for labs", "no time to hack", "no time to learn"} {
		p := a
		if i == 1 {
			p = b
		}
		ids = append(ids, w.addNote(p, session.AreaMotivation, "demotivates", text).ID)
	}
	w.setPhase(sess, session.PhaseGroup)
	if _, err := w.svc.NewTheme(w.ctx, sess.ID, "no time", ids, true); err != nil {
		t.Fatal(err)
	}
	w.setPhase(sess, session.PhaseActions)
	board := w.openBoardSized(sess, 120, 30)
	board.waitDrawn("score")
	if v := board.view(); !strings.Contains(v, "2×up to 2 people") {
		t.Errorf("the theme's score sum:\n%s", v)
	}
}

// L on a note of a suggested theme, before A, moves the note to another lane as it
// does after: it did nothing and said nothing, the status line keeping the last
// message. u takes it back, and nothing is shared.
func TestBoardPreviewMovesANoteToAnotherLane(t *testing.T) {
	t.Parallel()
	w, sess, sug := previewWorld(t)
	b := w.openBoard(sess)
	b.waitEverDrawn("1. "+sug[0].Label, "A accept all")
	b.press(tea.KeyDown) // the first suggestion's first note
	b.keys("L")
	b.waitFor("Move the note to lane (number):")
	b.keys("7")
	b.press(tea.KeyEnter)
	b.waitFor("Note moved to mot motivates. (u undoes it)")
	moved := 0
	for _, n := range w.notes(sess) {
		if n.Area == session.AreaMotivation && n.Lane == "motivates" {
			moved++
		}
	}
	if moved != 1 {
		t.Fatalf("L before A moved %d notes to motivates, want 1", moved)
	}
	b.keys("u")
	b.waitFor("Undone: the move of")
	for _, n := range w.notes(sess) {
		if n.Lane == "motivates" {
			t.Errorf("after u the note %q is still in motivates", n.Text)
		}
	}
	if got := w.themesOf(sess); len(got) != 0 {
		t.Errorf("L and u before A shared themes: %v", got)
	}
}
