package tui

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/charter-tool/charter/internal/testdb"
	"github.com/charter-tool/charter/session"
)

// themesState is what the themes tab knows between two messages: its rows, the
// selection and scroll of its list, the row a reload selects again and the
// representative notes it found.
type themesState struct {
	rows              []themeRow
	n, sel, top, page int
	at                themeRow
	atPhase           session.Phase
	follow            int64
	reps              int
}

func themesStateOf(b *boardScreen) themesState {
	t := b.tabs[tabThemes].(*themesTab)
	return themesState{
		rows: append([]themeRow(nil), t.rowsNow...), n: t.list.n, sel: t.list.sel, top: t.list.top,
		page: t.list.page, at: t.at, atPhase: t.atPhase, follow: t.follow, reps: len(b.themes.reps),
	}
}

func (s themesState) String() string {
	return fmt.Sprintf("%d rows (list of %d), selected %d, top %d, page %d, reload selects %q in %s, follows note %d, %d representatives",
		len(s.rows), s.n, s.sel, s.top, s.page, s.at.text, s.atPhase, s.follow, s.reps)
}

// Drawing the themes tab only draws: two drawings in a row are one picture and
// leave what the tab knows as the last key left it, so that whatever draws the
// board (and however often) a reload selects the row the keys selected.
func TestThemesViewOnlyDraws(t *testing.T) {
	ctx := context.Background()
	svc := session.NewService(testdb.Open(t), nil)
	sess, err := svc.NewSession(ctx, session.Session{Title: "Developers Berlin", Audience: session.AudienceDevelopers, Location: "Berlin"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SetPhase(ctx, sess.ID, session.PhaseWrite); err != nil {
		t.Fatal(err)
	}
	p, err := svc.Join(ctx, sess.ID, "key-1")
	if err != nil {
		t.Fatal(err)
	}
	var themes []session.Theme
	for i := range 6 {
		th := session.Theme{Label: fmt.Sprintf("theme %d", i+1)}
		for k := range 2 {
			n, err := svc.AddNote(ctx, p.ID, session.Note{Area: session.AreaActivities, Lane: "more", Text: fmt.Sprintf("note %c%d about topic %d", 'a'+rune(i), k, i+1)})
			if err != nil {
				t.Fatal(err)
			}
			th.NoteIDs = append(th.NoteIDs, n.ID)
		}
		themes = append(themes, th)
	}
	if sess, err = svc.SetPhase(ctx, sess.ID, session.PhaseGroup); err != nil {
		t.Fatal(err)
	}
	if err := svc.SaveThemes(ctx, sess.ID, themes); err != nil {
		t.Fatal(err)
	}

	at := time.Date(2026, time.March, 10, 14, 0, 0, 0, time.UTC)
	e := New(Options{Service: svc, Facilitator: true, Renderer: colours256(), Now: func() time.Time { return at }}).env
	e.w, e.h = 80, 24
	b := newBoard(e, sess)
	a := &App{env: e, screen: b}
	a.Update(b.load()())
	if v := a.View(); !strings.Contains(v, "▸ 1. theme 1 (2)") {
		t.Fatalf("the board's first drawing selects no first theme:\n%s", v)
	}

	for range 3 {
		a.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'j'}})
	}
	before := themesStateOf(b)
	first, second := a.View(), a.View()
	if first != second {
		t.Errorf("two drawings in a row differ:\n%s\nthen:\n%s", first, second)
	}
	if after := themesStateOf(b); !reflect.DeepEqual(after, before) {
		t.Errorf("drawing changed the themes tab: %v; was %v", after, before)
	}
	if !strings.Contains(first, "▸ 2. theme 2 (2)") {
		t.Errorf("three presses of j do not select theme 2:\n%s", first)
	}

	// Keys with no drawing after them, then a reload: the selection stays where
	// the keys put it.
	for range 3 {
		a.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'j'}})
	}
	a.Update(b.load()())
	if v := a.View(); !strings.Contains(v, "▸ 3. theme 3 (2)") {
		t.Errorf("a reload after three more presses of j does not keep theme 3 selected:\n%s", v)
	}
}

// A note split out names its theme by what it says, not by its first five
// words: whole when it fits a theme's name, else its first clause, else its
// key phrase; never over the name's limit.
func TestSplitName(t *testing.T) {
	tests := []struct{ text, want string }{
		{"We learn about incidents from the news.", "We learn about incidents from the news"},
		{"Pen tests come too late, the release is out before the report arrives every time",
			"Pen tests come too late"},
		{"We learn about incidents from the news before our own alerts fire, every single time it happens",
			"alerts fire"},
	}
	for _, tt := range tests {
		got := splitName(tt.text)
		if got != tt.want {
			t.Errorf("splitName(%q) = %q, want %q", tt.text, got, tt.want)
		}
		if n := utf8.RuneCountInString(got); n > session.MaxTopicLen || n == 0 {
			t.Errorf("splitName(%q) has %d characters", tt.text, n)
		}
	}
}

// A theme's heading keeps its count and the start of what its mark says when the
// mark is long itself (a name others see, of up to 60 characters): the line was
// cut at its end, the mark's start included, after the name had been cut.
func TestHeaderRowKeepsALongMarksStart(t *testing.T) {
	e := New(Options{Facilitator: true, Renderer: colours256()}).env
	e.w = 80
	s := &boardScreen{e: e}
	label := "deadlines always win over security and the release dates"
	tail := " (3) · others see “" + strings.Repeat("the opening words of a visible note ", 2) + "”"
	r := s.headerRow(themeRow{}, "1. ", label, tail)
	if w := lipgloss.Width(r.text); w > 78 {
		t.Errorf("the heading is %d wide at 80 columns: %q", w, r.text)
	}
	if !strings.HasPrefix(r.text, "1. deadlines") || !strings.Contains(r.text, " (3) · others see “the opening") {
		t.Errorf("the heading lost its count or its mark's start: %q", r.text)
	}
	if r.whole != "1. "+label+tail {
		t.Errorf("the selected row does not show it whole: %q", r.whole)
	}
	// At the board's narrowest, 40 columns, too.
	e.w = 40
	if r := s.headerRow(themeRow{}, "3. ", label, tail); lipgloss.Width(r.text) > 38 {
		t.Errorf("the heading is %d wide at 40 columns: %q", lipgloss.Width(r.text), r.text)
	}
}

// A suggested theme named as in another session keeps its name on a narrow line,
// not the session it came from: "1. Pen testing where it cou… (7 notes) · name
// given in “Service owners Lisbon”" (found trying the product). The selected row
// shows both whole.
func TestSuggestionRowKeepsItsNameBeforeWhereItWasGiven(t *testing.T) {
	e := New(Options{Facilitator: true, Renderer: colours256()}).env
	e.w = 80
	s := &boardScreen{e: e}
	label := "Pen testing where it counts, before the release"
	r := s.suggestionRow(themeRow{}, "1. ", label, " (7 notes)", "Service owners Lisbon")
	if w := lipgloss.Width(r.text); w > 78 {
		t.Errorf("the row is %d wide at 80 columns: %q", w, r.text)
	}
	if !strings.Contains(r.text, "1. "+label+" (7 notes) · name given in …") {
		t.Errorf("the row cut the name before where it was given: %q", r.text)
	}
	if r.whole != "1. "+label+" (7 notes) · name given in “Service owners Lisbon”" {
		t.Errorf("the selected row does not show it whole: %q", r.whole)
	}
	if r := s.suggestionRow(themeRow{}, "1. ", "Pen testing", " (7 notes)", "Service owners Lisbon"); r.text != "1. Pen testing (7 notes) · name given in “Service owners Lisbon”" {
		t.Errorf("a row with room for both: %q", r.text)
	}
}
