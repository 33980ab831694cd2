package session

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/charter-tool/charter/analysis"
)

// Showing is how a theme reaches everyone but the facilitator: participants' screens,
// the projector, the ranking and the documents. ThemeShowing decides it, and every
// one of those views asks it, so that they agree.
type Showing struct {
	// Shown is false when participants can see none of the theme's notes: all are
	// hidden, or it has none. Such a theme is not listed, gets no dots and is not
	// ranked; only the facilitator's board shows it, so that it can be renamed,
	// have notes unhidden or moved in, or be deleted.
	Shown bool
	// Why says, for the facilitator, why the theme is not shown; "" when it is.
	Why string
	// Label is the name others see. It is the theme's own, unless clustering or a
	// split named the theme after a note that is now hidden: then it is the
	// opening words of the visible note that best stands for the theme, so that a
	// hidden note's words reach no one but the facilitator. A name the facilitator
	// typed is theirs and always stays.
	Label string
	// Notes are the theme's notes others see, by area, lane and text (SortNoteIDs).
	Notes []int64
}

// Why a theme is not shown, as the board says it.
const (
	WhyAllHidden = "all notes hidden"
	WhyEmpty     = "no notes"
)

// renamedWords is how many opening words of a note name a theme whose name came
// from a hidden note, as many as a split names a theme with on the board.
const renamedWords = 5

// ThemeShowing is the one rule for what others than the facilitator see of a
// session's themes. notes are all the session's notes, hidden ones included.
func ThemeShowing(themes []*Theme, notes []*Note) map[int64]Showing {
	byID := make(map[int64]*Note, len(notes))
	var leak *leakCheck
	for _, n := range notes {
		byID[n.ID] = n
		if n.Hidden && leak == nil {
			leak = &leakCheck{all: notes}
		}
	}
	out := make(map[int64]Showing, len(themes))
	for _, t := range themes {
		sh := Showing{Label: t.Label}
		has := false
		for _, id := range t.NoteIDs {
			n := byID[id]
			if n == nil {
				continue
			}
			has = true
			if !n.Hidden {
				sh.Notes = append(sh.Notes, id)
			}
		}
		// Listed by area, lane and text: by ID they would be in the order written.
		SortNoteIDs(sh.Notes, byID)
		switch {
		case len(sh.Notes) > 0:
			sh.Shown = true
		case has:
			sh.Why = WhyAllHidden
		default:
			sh.Why = WhyEmpty
		}
		if sh.Shown && !t.Named && leak != nil && leak.fromHidden(t.Label) {
			sh.Label = nameFromVisible(sh.Notes, byID)
		}
		out[t.ID] = sh
	}
	return out
}

// ShownThemes is the themes others than the facilitator see, in the order given:
// copies with the label they see and only their visible notes.
func ShownThemes(themes []*Theme, notes []*Note) []*Theme {
	return shownThemes(themes, ThemeShowing(themes, notes))
}

// ShownThemes are the board's themes as participants and the projector see them
// (ShownThemes), in the board's order.
func (v *BoardView) ShownThemes() []*Theme { return shownThemes(v.Themes, v.Showing) }

// ShownActions are the board's action points as participants and the projector see
// them: those of a theme they do not see stand without a theme.
func (v *BoardView) ShownActions() []*ActionPoint { return shownActions(v.Actions, v.Showing) }

func shownThemes(themes []*Theme, showing map[int64]Showing) []*Theme {
	out := make([]*Theme, 0, len(themes))
	for _, t := range themes {
		sh := showing[t.ID]
		if !sh.Shown {
			continue
		}
		c := *t
		c.Label, c.NoteIDs, c.Number = sh.Label, sh.Notes, len(out)+1
		out = append(out, &c)
	}
	return out
}

// shownFirst orders themes, in place, as the board lists them: those others see
// first, in the order given, then those nobody else sees (empty, or every note
// hidden). The board numbers its themes in this order and everyone else the
// themes they see, so the numbers agree and run without a gap: "26." missing
// between 25 and 27 told the room that something was hidden.
func shownFirst(themes []*Theme, showing map[int64]Showing) {
	slices.SortStableFunc(themes, func(a, b *Theme) int {
		sa, sb := showing[a.ID].Shown, showing[b.ID].Shown
		switch {
		case sa == sb:
			return 0
		case sa:
			return -1
		}
		return 1
	})
}

// shownActions is actions as others see them: an action point of a theme they do not
// see stands without a theme (its title is the facilitator's own words), in copies.
func shownActions(actions []*ActionPoint, showing map[int64]Showing) []*ActionPoint {
	out := make([]*ActionPoint, len(actions))
	for i, a := range actions {
		out[i] = a
		if a.ThemeID != 0 && !showing[a.ThemeID].Shown {
			c := *a
			c.ThemeID = 0
			out[i] = &c
		}
	}
	return out
}

// leakCheck tells whether a theme's name was made from a hidden note's words.
type leakCheck struct {
	all []*Note
	// hiddenWords and visible are the words of every hidden and visible note (and
	// open topic), made when first needed: once for all of a session's themes.
	hiddenWords, visible [][]string
}

// labelTail is what clustering adds after a name: the side its notes agree on
// ("(concern)"), or what tells alike themes apart ("(another)").
var labelTail = regexp.MustCompile(`\s*\([^()]*\)\s*$`)

// fromHidden reports whether label, a name clustering or a split made, says what
// a hidden note says: its words (without the side or ellipsis clustering adds) run
// together in a hidden note or in the open topic it was written under, and in no
// visible note or topic, which would tell the same to everyone anyway.
//
// A name clustering told apart from another is "label: phrase", the phrase from
// its most central note: each part is checked too, so that a phrase from a hidden
// note is caught under a label everyone's notes share. A part cut short ("…")
// is checked without its last, cut word.
func (c *leakCheck) fromHidden(label string) bool {
	name, _ := analysis.SplitApart(label)
	name = labelTail.ReplaceAllString(name, "")
	parts := []string{name}
	if strings.Contains(name, ": ") {
		parts = append(parts, strings.Split(name, ": ")...)
	}
	for _, part := range parts {
		part = labelTail.ReplaceAllString(strings.TrimSpace(part), "")
		want := words(part)
		if strings.HasSuffix(part, "…") && len(want) > 1 {
			want = want[:len(want)-1]
		}
		if c.saysHidden(want) {
			return true
		}
	}
	return false
}

// saysHidden reports whether the words want run together in a hidden note (or its
// open topic) and in no visible one.
func (c *leakCheck) saysHidden(want []string) bool {
	if len(want) == 0 {
		return false
	}
	if c.hiddenWords == nil {
		c.hiddenWords = noteWords(c.all, true)
	}
	if !slices.ContainsFunc(c.hiddenWords, func(ws []string) bool { return containsRun(ws, want) }) {
		return false
	}
	if c.visible == nil {
		c.visible = noteWords(c.all, false)
	}
	return !slices.ContainsFunc(c.visible, func(ws []string) bool { return containsRun(ws, want) })
}

// noteWords are the words of the texts (and open topics) of the notes hidden or not.
func noteWords(notes []*Note, hidden bool) [][]string {
	out := [][]string{}
	for _, n := range notes {
		if n.Hidden != hidden {
			continue
		}
		out = append(out, words(n.Text))
		if n.Area == AreaOpen {
			out = append(out, words(n.Lane))
		}
	}
	return out
}

// words are the words of s, lower case, without punctuation.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// containsRun reports whether want occurs in ws as a run of consecutive words.
func containsRun(ws, want []string) bool {
	for i := 0; i+len(want) <= len(ws); i++ {
		if slices.Equal(ws[i:i+len(want)], want) {
			return true
		}
	}
	return false
}

// NamedAfterNote returns the note that stands first for theme t, named label as it
// is shown, among notes, the theme's notes others see: the note its name was made
// from, the ★ on the board and the first quote in the documents. That is
// t.NameNote while t holds it visibly and its name was not typed, whatever notes
// were moved in since (one beginning with the same words took the ★); else the
// note whose words begin with label (analysis.NamedAfter: a name made from a
// note now hidden is made from a visible note's words); 0 for none.
func NamedAfterNote(t *Theme, label string, notes []*Note) int64 {
	docs := make([]analysis.Doc, 0, len(notes))
	for _, n := range notes {
		if t.NameNote != 0 && !t.Named && n.ID == t.NameNote && !n.Hidden {
			return n.ID
		}
		if !n.Hidden {
			docs = append(docs, ClusterDoc(n))
		}
	}
	id, _ := strconv.ParseInt(analysis.NamedAfter(label, docs), 10, 64)
	return id
}

// nameFromVisible names a theme after the opening words of the visible note (ids)
// that best stands for it.
func nameFromVisible(ids []int64, byID map[int64]*Note) string {
	docs := make([]analysis.Doc, 0, len(ids))
	for _, id := range ids {
		docs = append(docs, ClusterDoc(byID[id]))
	}
	rep, _ := strconv.ParseInt(analysis.Representative(docs), 10, 64)
	n := byID[rep]
	if n == nil {
		n = byID[ids[0]]
	}
	ws := strings.Fields(n.Text)
	if len(ws) > renamedWords {
		return strings.Join(ws[:renamedWords], " ") + "…"
	}
	return strings.Join(ws, " ")
}

// returnDots gives the dots on themes participants no longer see (their last visible
// note hidden or moved out) back to their voters, to give again: a dot on a theme
// nobody can see or rank would be lost. It reports whether any went back.
func returnDots(ctx context.Context, st Store, sessionID string) (bool, error) {
	votes, err := st.Votes(ctx, sessionID)
	if err != nil {
		return false, err
	}
	shown, err := st.ShownVotes(ctx, sessionID)
	if err != nil || len(votes)+len(shown) == 0 {
		return false, err
	}
	themes, err := st.Themes(ctx, sessionID)
	if err != nil {
		return false, err
	}
	notes, err := st.Notes(ctx, sessionID)
	if err != nil {
		return false, err
	}
	showing := ThemeShowing(themes, notes)
	back := map[int64]bool{}
	for _, v := range append(votes, shown...) {
		if showing[v.ThemeID].Shown || back[v.ThemeID] {
			continue
		}
		// The dots shown on it go too: they would come back with the theme.
		if err := st.ClearVotes(ctx, v.ThemeID); err != nil {
			return false, fmt.Errorf("give back dots: %w", err)
		}
		back[v.ThemeID] = true
	}
	return len(back) > 0, nil
}
