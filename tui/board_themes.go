package tui

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/charter-tool/charter/analysis"
	"github.com/charter-tool/charter/session"
)

// themeBoard is what the board knows of themes, votes and action points.
type themeBoard struct {
	themes  []*session.Theme
	totals  map[int64]int
	actions []*session.ActionPoint
	ranked  []analysis.Priority
	// showing is how each theme reaches participants and the projector.
	showing map[int64]session.Showing

	// suggestions are clustering results not yet shared with anyone; picked are
	// those the facilitator chose to accept (by index), none meaning all.
	suggestions []session.Theme
	picked      map[int]bool
	suggesting  bool
	resuggest   bool
	// acceptWhenReady is A pressed while clustering ran: share the suggestions as
	// soon as they come.
	acceptWhenReady bool
	// placing is set while the facilitator, themes arranged, previews where the
	// notes without a theme would go (g); suggestions are then the arranged themes
	// with the notes placed in them, followed by new themes.
	placing bool

	// markTheme is a theme waiting for the theme to merge it into; marked are notes
	// marked to move together.
	markTheme int64
	marked    map[int64]bool
	// markSug is a suggested theme (its number, from 1) waiting for the one to
	// merge it into, before any is shared; sugEdited says suggestions were renamed
	// or merged (g drops that).
	markSug   int
	sugEdited bool
	// sugMerged counts the merges made on the suggestions (see handEdits).
	sugMerged int
	// sugKey is what the last clustering run was asked for (suggestKey).
	sugKey string
	// sugGen counts the changes made to the suggestions here (by hand, or
	// replaced): a run begun before one is of a preview no longer shown.
	sugGen int
	// sugKept says the suggestions shown were kept as edited by the last run
	// (keepSuggestions): each is the one edited, with new notes placed in it.
	sugKept bool
	// kept says the hub holds this board's edited suggestions (keepPreview).
	kept bool

	// reps caches each note set's representative note, by the set's IDs.
	reps map[string]int64

	// undo holds the themes as they were before each change made here while
	// grouping, the last last (see doThemes); pending counts those changes (and
	// undos) not saved yet.
	undo    []themesBefore
	pending int
}

// themesBefore is the themes before a change made here and after it, read from the
// store around the change, and what the change was.
type themesBefore struct {
	what          string
	themes, after []session.Theme
	// note is the note the change moved to another lane (L), nil when it moved
	// none.
	note *refiled
}

// refiled is a note L moved to another lane: as it was and as L left it.
type refiled struct{ was, now *session.Note }

// maxUndo is how many changes u can take back.
const maxUndo = 30

// themesChangedMsg is a change of the themes made here that succeeded, with the
// step that takes it back.
type themesChangedMsg struct {
	status string
	step   *themesBefore // nil: the themes after it could not be read
}

// undoFailedMsg is an undo the store refused: its step goes back on the list.
type undoFailedMsg struct {
	step themesBefore
	err  error
}

// undoneMsg is an undo saved; accepted are the themes the undo of accepting
// took back, for the preview to show again as they were.
type undoneMsg struct {
	what     string
	accepted []session.Theme
	// note is a note the undo moved (back to its theme, or out of every theme),
	// to select once the board shows it; 0 when it moved none (a rename).
	note int64
}

// undoable says whether u may take changes back: while grouping, before anyone
// could vote (undoing a merge puts the merged theme back, but the dots on it
// would stay on the theme it was merged into).
func (s *boardScreen) undoable() bool {
	if s.sess.Phase != session.PhaseGroup || s.sess.Furthest().AtLeast(session.PhaseVote) {
		return false
	}
	// A session migrated from before the furthest phase was kept may have been
	// voted on all the same: its dots say so.
	for _, n := range s.themes.totals {
		if n > 0 {
			return false
		}
	}
	return true
}

// doThemes is do for a change of the themes while grouping: the themes are read
// just before it and just after it, in the same command, so that u takes back this
// change and no other (two quick changes before the board reloaded kept the same
// "before", and a refused change was a step).
func (s *boardScreen) doThemes(status, what string, f func(ctx context.Context, svc *session.Service) error) tea.Cmd {
	return s.doThemesStep(status, what, func(ctx context.Context, svc *session.Service) (*refiled, error) {
		return nil, f(ctx, svc)
	})
}

// doThemesStep is doThemes for a change that may move a note to another lane
// (f returns it, or nil), which u then moves back with the themes.
func (s *boardScreen) doThemesStep(status, what string, f func(ctx context.Context, svc *session.Service) (*refiled, error)) tea.Cmd {
	if !s.undoable() {
		return s.do(status, func(ctx context.Context, svc *session.Service) error {
			_, err := f(ctx, svc)
			return err
		})
	}
	svc, id := s.e.opt.Service, s.sess.ID
	wait, done := inTurn(&s.lastThemes)
	s.themes.pending++
	return s.e.withTimeout(func(ctx context.Context) tea.Msg {
		defer done()
		if err := wait(ctx); err != nil {
			return themesFailedMsg{err}
		}
		before, err := svc.Themes(ctx, id)
		if err != nil {
			return themesFailedMsg{err}
		}
		note, err := f(ctx, svc)
		if err != nil {
			return themesFailedMsg{err}
		}
		after, err := svc.Themes(ctx, id)
		if err != nil {
			return themesChangedMsg{status: status}
		}
		return themesChangedMsg{status, &themesBefore{what: what, themes: themeCopies(before), after: themeCopies(after), note: note}}
	})
}

// themesFailedMsg is a change of the themes made here that the store refused.
type themesFailedMsg struct{ err error }

// themeCopies copies stored themes for an undo step.
func themeCopies(ths []*session.Theme) []session.Theme {
	out := make([]session.Theme, len(ths))
	for i, th := range ths {
		out[i] = session.Theme{ID: th.ID, Label: th.Label, Named: th.Named, NoteIDs: slices.Sorted(slices.Values(th.NoteIDs))}
	}
	return out
}

// sameThemes says whether the stored themes now are those a step left.
func sameThemes(now []*session.Theme, then []session.Theme) bool {
	if len(now) != len(then) {
		return false
	}
	// By names and notes, in order: an undo gives a theme put back a new ID when
	// another session's theme has taken its old one.
	for i, th := range themeCopies(now) {
		if th.Label != then[i].Label || !slices.Equal(th.NoteIDs, then[i].NoteIDs) {
			return false
		}
	}
	return true
}

// undoThemes puts the themes back as they were before the last change made here,
// if they are still as that change left them: a change made elsewhere (another
// board, the notes placed with g, the command line) would be lost with it.
func (s *boardScreen) undoThemes() tea.Cmd {
	if !s.undoable() {
		s.setStatus("Nothing to undo once people could vote: the dots stay on their themes.", true)
		return nil
	}
	if s.themes.pending > 0 {
		// Its step is not on the list yet: u would take back the one before.
		s.setStatus("A change is still being saved; press u again in a moment.", true)
		return nil
	}
	n := len(s.themes.undo)
	if n == 0 {
		s.setStatus("Nothing to undo.", true)
		return nil
	}
	step := s.themes.undo[n-1]
	s.themes.undo = s.themes.undo[:n-1]
	s.themes.marked, s.themes.markTheme = nil, 0
	svc, id := s.e.opt.Service, s.sess.ID
	wait, done := inTurn(&s.lastThemes)
	s.themes.pending++
	return s.e.withTimeout(func(ctx context.Context) tea.Msg {
		defer done()
		if err := wait(ctx); err != nil {
			return undoFailedMsg{step, err}
		}
		now, err := svc.Themes(ctx, id)
		if err != nil {
			return undoFailedMsg{step, err}
		}
		if !sameThemes(now, step.after) {
			return undoStaleMsg{}
		}
		if step.note != nil {
			// The note back in its lane and the themes as they were, in one step.
			err := svc.UndoRefile(ctx, step.note.was, step.note.now, step.themes)
			switch {
			case session.ErrorCode(err) == session.EConflict:
				return undoStaleMsg{note: true}
			case err != nil:
				return undoFailedMsg{step, err}
			}
			return undoneMsg{what: step.what, note: step.note.was.ID}
		}
		// Each theme back with its ID, one merged or deleted since too: what
		// refers to a theme (a campaign's split pairs, a participant's selection)
		// stays with it, and themes, listed by ID, keep their numbers.
		if err := svc.RestoreThemes(ctx, id, step.themes); err != nil {
			return undoFailedMsg{step, err}
		}
		if len(step.themes) == 0 {
			// The accepting taken back: the preview shows what was accepted,
			// names and merges made there included, rather than clustering anew.
			return undoneMsg{what: step.what, accepted: step.after}
		}
		return undoneMsg{what: step.what, note: movedNote(step.after, step.themes)}
	})
}

// movedNote is a note whose theme differs between from and to (one in no theme of
// to included), the first of to's themes in order, else the lowest ID; 0 when none
// moved.
func movedNote(from, to []session.Theme) int64 {
	was := map[int64]int64{}
	for _, th := range from {
		for _, id := range th.NoteIDs {
			was[id] = th.ID
		}
	}
	now := map[int64]bool{}
	for _, th := range to {
		for _, id := range th.NoteIDs {
			now[id] = true
			if was[id] != th.ID {
				return id
			}
		}
	}
	loose := int64(0)
	for id := range was {
		if !now[id] && (loose == 0 || id < loose) {
			loose = id
		}
	}
	return loose
}

// undoStaleMsg is an undo refused because the themes changed since the last
// change made here, or (note) the note it would move back to its lane was moved
// to another lane since.
type undoStaleMsg struct{ note bool }

func (t *themeBoard) set(m boardStateMsg) {
	t.themes, t.totals, t.actions, t.ranked, t.showing = m.Themes, m.Totals, m.Actions, m.Ranked, m.Showing
	if m.Session.Phase != session.PhaseGroup || len(m.Themes) == 0 {
		// Placing is for arranged themes in the group phase; anything else is the
		// first suggestions again.
		t.placing = false
	}
	// A mark on a note that is gone would make the next move fail.
	if len(t.marked) == 0 {
		return
	}
	present := make(map[int64]bool, len(m.Notes))
	for _, n := range m.Notes {
		present[n.ID] = true
	}
	for id := range t.marked {
		if !present[id] {
			delete(t.marked, id)
		}
	}
}

// setSuggestions takes a fresh clustering run, dropping what was done to the
// last one (picks are by index); droppedPicks says something was.
func (t *themeBoard) setSuggestions(sug []session.Theme) (droppedPicks bool) {
	droppedPicks = len(t.picked) > 0 || t.markSug != 0 || t.sugEdited
	t.suggestions, t.picked, t.markSug, t.sugEdited, t.sugMerged = sug, nil, 0, false, 0
	t.sugGen++
	t.sugKept = false
	return droppedPicks
}

// edited says the suggestions shown hold work done by hand (names, merges,
// picks), which a run for new notes keeps (see suggestionsMsg.kept).
func (t *themeBoard) edited() bool {
	return t.suggestions != nil && (t.sugEdited || t.handEdits() != "")
}

// keepSuggestions takes a run that kept the suggestions was (see
// SuggestThemesKeeping): now holds the stored themes, was's new themes in their
// order and the new notes' new ones. The picks and the merge mark follow their
// suggestions; one left without a note goes. It says in a line what the notes
// changed, "" when nothing shown did.
func (t *themeBoard) keepSuggestions(was, now []session.Theme) string {
	placing := t.placing
	stored := 0
	for _, th := range now {
		if th.ID != 0 {
			stored++
		}
	}
	// at is each suggestion of was as now has it, by index (-1: gone).
	at := make([]int, len(was))
	k := 0
	for i, th := range was {
		at[i] = -1
		if th.ID != 0 {
			at[i] = slices.IndexFunc(now, func(n session.Theme) bool { return n.ID == th.ID })
			continue
		}
		if stored+k < len(now) {
			at[i] = stored + k
		}
		k++
	}
	kept := map[int]bool{}
	for _, i := range at {
		if i >= 0 {
			kept[i] = true
		}
	}
	// Emptied, a kept suggestion goes: its place in now is taken out.
	var out []session.Theme
	var went []string
	var yours []bool // whether out's suggestion is one of was
	moved := make([]int, len(now))
	for i, th := range now {
		moved[i] = -1
		if th.ID == 0 && kept[i] && len(th.NoteIDs) == 0 {
			went = append(went, th.Label)
			continue
		}
		moved[i] = len(out)
		out = append(out, th)
		yours = append(yours, th.ID != 0 || kept[i])
	}
	follow := func(i int) int {
		if i < 0 || i >= len(at) || at[i] < 0 {
			return -1
		}
		return moved[at[i]]
	}
	var picked map[int]bool
	for i := range t.picked {
		if j := follow(i); j >= 0 {
			if picked == nil {
				picked = map[int]bool{}
			}
			picked[j] = true
		}
	}
	t.markSug = follow(t.markSug-1) + 1
	t.suggestions, t.picked = out, picked
	t.sugGen++
	t.sugKept = true

	before := map[int64]bool{}
	for _, th := range was {
		for _, id := range th.NoteIDs {
			before[id] = true
		}
	}
	var into, offered []int
	placed, fresh := 0, 0
	for i, th := range out {
		n := 0
		for _, id := range th.NoteIDs {
			if !before[id] {
				n++
			}
		}
		switch {
		case n == 0:
		case yours[i]:
			placed += n
			into = append(into, i)
		default:
			fresh += n
			offered = append(offered, i)
		}
	}
	numbers := func(is []int) string {
		var b []string
		for _, i := range is {
			b = append(b, strconv.Itoa(i+1))
		}
		return strings.Join(b, ", ")
	}
	var said []string
	if placed > 0 {
		where := "your suggestions " + numbers(into)
		switch {
		case placing:
			// The preview of where notes go numbers the arranged themes by
			// theme, and the new ones not at all.
			where = "the preview (your picks and names stay)"
		case len(into) == 1:
			where = fmt.Sprintf("your suggestion %d “%s”", into[0]+1, fit(out[into[0]].Label, 24))
		}
		said = append(said, fmt.Sprintf("%s placed in %s", plural(placed, "new note"), where))
	}
	if fresh > 0 {
		as := "a new suggestion"
		if len(offered) > 1 {
			as = "new suggestions"
		}
		offer := fmt.Sprintf("%s offered as %s (%s)", plural(fresh, "new note"), as, numbers(offered))
		if placing {
			as = "a new theme"
			if len(offered) > 1 {
				as = "new themes"
			}
			offer = fmt.Sprintf("%s offered as %s", plural(fresh, "new note"), as)
		}
		said = append(said, offer)
	}
	for _, l := range went {
		said = append(said, fmt.Sprintf("“%s” went: none of its notes is shown now", fit(l, 24)))
	}
	if len(said) == 0 {
		return ""
	}
	return strings.Join(said, "; ") + "."
}

// newThemeHolding is the index of the new theme of the preview of where notes
// go (one not stored yet) that holds most of the notes ids, -1 when none holds
// any: notes placed in it or leaving it leave it the same theme.
func (t *themeBoard) newThemeHolding(ids []int64) int {
	at, most := -1, 0
	for i, th := range t.suggestions {
		if th.ID != 0 {
			continue
		}
		n := 0
		for _, id := range th.NoteIDs {
			if slices.Contains(ids, id) {
				n++
			}
		}
		if n > most {
			at, most = i, n
		}
	}
	return at
}

// handEdits says what was done by hand to the suggestions shown, which g drops
// (a run for new notes keeps them): "2 names, 1 merge and 1 pick"; "" when
// nothing was.
func (t *themeBoard) handEdits() string {
	named := 0
	for _, th := range t.suggestions {
		// A new theme the facilitator named: clustering names none, and an
		// arranged theme (placing) keeps its name whatever runs.
		if th.ID == 0 && th.Named {
			named++
		}
	}
	var edits []string
	for _, e := range []struct {
		n    int
		noun string
	}{{named, "name"}, {t.sugMerged, "merge"}, {len(t.picked), "pick"}} {
		if e.n > 0 {
			edits = append(edits, plural(e.n, e.noun))
		}
	}
	return joinAnd(edits)
}

// keepPreview gives the hub the suggestions as edited here (names, merges,
// picks), for a board that opens on the same notes after this one's connection
// dropped (see Conn.KeepPreview); unedited ones, the clustering gives again.
func (s *boardScreen) keepPreview() {
	t := &s.themes
	if s.sess.Phase != session.PhaseGroup || len(t.themes) > 0 || t.placing {
		return
	}
	if t.sugEdited || len(t.picked) > 0 {
		if t.suggestions != nil && !t.suggesting {
			s.e.opt.Conn.KeepPreview(s.sess.ID, Preview{Key: t.sugKey, Themes: t.suggestions, Picked: t.picked, Edited: t.sugEdited, Merged: t.sugMerged})
			t.kept = true
		}
		return
	}
	if t.kept && (t.suggestions != nil || t.suggesting) {
		// The last pick taken back, or the edits dropped with g: what was kept
		// is not this preview any more, and a board opening later would show it
		// (A then shared the pick taken back). Only what this board kept goes:
		// another board's unedited preview leaves a kept one alone.
		s.e.opt.Conn.KeepPreview(s.sess.ID, Preview{})
		t.kept = false
	}
}

// restorePreview shows the suggestions a board edited before instead of
// clustering anew; false when there are none, or when the notes changed since
// they were kept (key is what they are now): then they are shown all the same,
// and the caller's run places the new notes in them (suggest keeps them).
func (s *boardScreen) restorePreview(key string) bool {
	t := &s.themes
	if t.suggestions != nil || t.suggesting || t.placing {
		return false
	}
	p, ok := s.e.opt.Conn.Preview(s.sess.ID)
	if !ok {
		return false
	}
	t.suggestions, t.picked, t.sugEdited, t.sugKey, t.markSug, t.kept = p.Themes, p.Picked, p.Edited, p.Key, 0, true
	t.sugMerged = p.Merged
	t.sugGen++
	t.sugKept = false
	s.setStatus("The suggestions are as they were last edited (names, merges, picks): nobody sees them until A.", false)
	return p.Key == key
}

// suggestFailedMsg is a clustering run that failed; g tries again.
type suggestFailedMsg struct{ err error }

// suggestionsMsg carries fresh clustering suggestions: of the notes alone, or
// keeping the suggestions kept as edited by hand; gen is the board's sugGen when
// the run began.
type suggestionsMsg struct {
	themes []session.Theme
	kept   []session.Theme
	gen    int
}

// coversNotes says whether themes hold every note shown.
func (s *boardScreen) coversNotes(themes []session.Theme) bool {
	in := map[int64]bool{}
	for _, th := range themes {
		for _, id := range th.NoteIDs {
			in[id] = true
		}
	}
	for _, n := range s.notes {
		if !n.Hidden && !in[n.ID] {
			return false
		}
	}
	return true
}

// suggestKey says what clustering works on: the notes shown and the themes with
// their notes.
func (s *boardScreen) suggestKey() string {
	var b strings.Builder
	for _, n := range s.notes {
		if !n.Hidden {
			// Moved to another lane (L) or edited, a note clusters anew.
			b.WriteString(strconv.FormatInt(n.ID, 36) + "/" + n.Lane + "/" + strconv.FormatInt(n.UpdatedAt.UnixNano(), 36) + ",")
		}
	}
	for _, th := range s.themes.themes {
		b.WriteString("|" + strconv.FormatInt(th.ID, 36) + ":")
		for _, id := range th.NoteIDs {
			b.WriteString(strconv.FormatInt(id, 36) + ",")
		}
	}
	return b.String()
}

// suggest clusters the notes in a command, never in Update; while one run is going,
// further requests fold into one re-run.
func (s *boardScreen) suggest() tea.Cmd {
	if s.themes.suggesting {
		s.themes.resuggest = true
		return nil
	}
	s.themes.suggesting = true
	// What this run clusters: a reload with the same key keeps its result (and
	// the picks and names made on it), however the run was started.
	s.themes.sugKey = s.suggestKey()
	svc, id, gen := s.e.opt.Service, s.sess.ID, s.themes.sugGen
	var kept []session.Theme
	if s.themes.edited() {
		// Minutes of grouping in front of the room are not lost to a late note:
		// the edited suggestions stay, and new notes join the nearest.
		kept = copyThemes(s.themes.suggestions)
	}
	return s.e.withTimeout(func(ctx context.Context) tea.Msg {
		sug, err := svc.SuggestThemesKeeping(ctx, id, kept)
		if err != nil {
			return suggestFailedMsg{err}
		}
		return suggestionsMsg{themes: sug, kept: kept, gen: gen}
	})
}

// acceptSuggestions shares the picked suggested themes with everyone, or all of
// them when none is picked.
func (s *boardScreen) acceptSuggestions() tea.Cmd {
	all, id := s.themes.suggestions, s.sess.ID
	sug := all
	if len(s.themes.picked) > 0 {
		sug = nil
		for i, t := range all {
			if s.themes.picked[i] {
				sug = append(sug, t)
			}
		}
	}
	left := 0
	for i, t := range all {
		if len(s.themes.picked) > 0 && !s.themes.picked[i] {
			left += len(t.NoteIDs)
		}
	}
	s.themes.suggestions, s.themes.picked, s.themes.acceptWhenReady = nil, nil, false
	s.themes.sugGen++
	// The edits made in the preview are in the themes now: a later run drops
	// nothing of them.
	s.themes.sugEdited, s.themes.markSug, s.themes.sugMerged = false, 0, 0
	// With "(u undoes it)" after it, on one line of 80 columns up to 999 themes.
	said := fmt.Sprintf("%s shared with everyone: rename, merge, move, split.", plural(len(sug), "theme"))
	if left > 0 {
		said = fmt.Sprintf("%s shared with everyone; %s without a theme yet: move them with M.", plural(len(sug), "theme"), plural(left, "note"))
	}
	return s.doThemes(said, "the accepting", func(ctx context.Context, svc *session.Service) error {
		return svc.SaveThemes(ctx, id, sug)
	})
}

// looseRows are the visible notes without a theme, under a line "(no theme yet:
// N)" followed by what say(N) adds; none when every note has a theme.
func (s *boardScreen) looseRows(say func(n int) string) []themeRow {
	inTheme := map[int64]bool{}
	for _, t := range s.themes.themes {
		for _, id := range t.NoteIDs {
			inTheme[id] = true
		}
	}
	var loose []themeRow
	for _, n := range s.notes {
		if !inTheme[n.ID] && !n.Hidden {
			loose = append(loose, themeRow{note: n.ID, text: "[" + noteTag(n, tagCut(s.e.w)) + "] " + noteText(n)})
		}
	}
	if len(loose) == 0 {
		return nil
	}
	head := themeRow{header: true, text: fmt.Sprintf("(no theme yet: %d)%s", len(loose), say(len(loose)))}
	return append([]themeRow{head}, loose...)
}

// placement is one entry of the preview of later notes: notes to add to the
// arranged theme theme, or (theme 0) to make a new theme called label. sug is the
// suggestion's index.
type placement struct {
	sug   int
	theme int64
	label string
	named bool
	notes []int64
}

// placements are the suggestions as they change the arranged themes: for each
// arranged theme the notes it gains, then the new themes. Notes that have a theme
// by now are left out.
func (s *boardScreen) placements() []placement {
	inTheme := map[int64]bool{}
	for _, t := range s.themes.themes {
		for _, id := range t.NoteIDs {
			inTheme[id] = true
		}
	}
	var out []placement
	for i, t := range s.themes.suggestions {
		p := placement{sug: i, theme: t.ID, label: t.Label, named: t.Named}
		for _, id := range t.NoteIDs {
			if !inTheme[id] {
				p.notes = append(p.notes, id)
			}
		}
		if len(p.notes) > 0 && (t.ID == 0 || s.themeNumber(t.ID) > 0) {
			out = append(out, p)
		}
	}
	return out
}

// acceptPlacements places the picked later notes (all when none is picked) into
// the arranged themes and makes the new themes, leaving the rest as it is.
func (s *boardScreen) acceptPlacements() tea.Cmd {
	var places []session.Theme
	into, made := 0, 0
	for _, p := range s.placements() {
		if len(s.themes.picked) > 0 && !s.themes.picked[p.sug] {
			continue
		}
		places = append(places, session.Theme{ID: p.theme, Label: p.label, NoteIDs: p.notes})
		if p.theme == 0 {
			made++
		} else {
			into += len(p.notes)
		}
	}
	s.themes.suggestions, s.themes.picked, s.themes.acceptWhenReady, s.themes.placing = nil, nil, false, false
	s.themes.sugGen++
	s.tabs[tabThemes].rows().selectRow(0)
	// The selection goes to what was done: the first new theme made (R then
	// names it), or else the first note placed; not to the top of the list.
	follow := int64(0)
	for _, p := range places {
		if follow == 0 && len(p.NoteIDs) > 0 && (p.ID == 0 || made == 0) {
			follow = p.NoteIDs[0]
		}
	}
	s.tabs[tabThemes].(*themesTab).follow = follow
	if len(places) == 0 {
		s.setStatus("Every note is in a theme: nothing to place.", false)
		return nil
	}
	planned := into
	for _, p := range places {
		if p.ID == 0 {
			planned += len(p.NoteIDs)
		}
	}
	id, svc := s.sess.ID, s.e.opt.Service
	return s.e.withTimeout(func(ctx context.Context) tea.Msg {
		placed, err := svc.PlaceNotes(ctx, id, places)
		if err != nil {
			return errMsg{err}
		}
		if placed < planned {
			// Notes moved or themes deleted since the preview kept what was done to them.
			return boardDoneMsg{fmt.Sprintf("%s of %d placed; the others were arranged meanwhile and stay as they are.", plural(placed, "note"), planned)}
		}
		return boardDoneMsg{fmt.Sprintf("%s placed in your themes, %s made; nothing else changed.", plural(into, "note"), plural(made, "new theme"))}
	})
}

// place shows where the notes without a theme would go, once clustered.
func (s *boardScreen) place() tea.Cmd {
	s.themes.setSuggestions(nil)
	if !s.themes.placing {
		s.themes.placing = true
		s.tabs[tabThemes].rows().selectRow(0)
	}
	s.setStatus("Placing the notes without a theme…", false)
	return s.suggest()
}

// placed says what the preview of later notes shows, as it comes.
func (s *boardScreen) placed() {
	ps := s.placements()
	if len(ps) == 0 {
		s.themes.placing = false
		s.setStatus("Every note is in a theme: nothing to place.", false)
		return
	}
	n := 0
	for _, p := range ps {
		n += len(p.notes)
	}
	s.setStatus(fmt.Sprintf("%s without a theme: A places them as shown, v picks some, esc leaves them.", plural(n, "note")), false)
}

func (s *boardScreen) action(id int64) *session.ActionPoint {
	for _, a := range s.themes.actions {
		if a.ID == id {
			return a
		}
	}
	return nil
}

// A row of the themes tab: a theme (or suggested theme), one of its notes, or one
// of its action points.
type themeRow struct {
	theme  int64
	note   int64
	action int64
	// sug is a suggested theme's index + 1; 0 on rows of stored themes.
	sug  int
	text string
	// whole is text with nothing cut, shown when the row is selected (or always,
	// see wholeRow); "" when text is whole already.
	whole  string
	header bool
	// num is a header's number, as # and the move prompt take it.
	num int
	// elsewhere marks an action point of another session of the campaign.
	elsewhere bool
}

func (s *boardScreen) noteByID() map[int64]*session.Note {
	m := make(map[int64]*session.Note, len(s.notes))
	for _, n := range s.notes {
		m[n.ID] = n
	}
	return m
}

// representative returns the note that best stands for the notes ids, 0 for none:
// the one the theme's name (label) was made from when it was, so that a theme named
// after one note does not star another. When that note has been moved out of the
// theme (another of the session's notes begins with the name), none: the ★ went to
// the note nearest the mean, and a theme called "pen test findings come…" starred
// "more pen tests before release". A name the facilitator typed (named) was made
// from no note, whatever note begins with it: its theme keeps its ★. nameNote is
// the note the theme's name was made from when that is known (session.Theme's
// NameNote, a theme split out of one note): it keeps the ★ while the theme holds it
// visibly, whatever notes were moved in since (see session.NamedAfterNote).
func (s *boardScreen) representative(label string, named bool, nameNote int64, ids []int64, notes map[int64]*session.Note) int64 {
	if n := notes[nameNote]; nameNote != 0 && !named && n != nil && !n.Hidden && slices.Contains(ids, nameNote) {
		return nameNote
	}
	var k strings.Builder
	// The session's notes count: one written or deleted outside the set may be
	// the one the name was made from.
	k.WriteString(label + "\x00" + strconv.FormatBool(named) + "\x00" + strconv.Itoa(len(notes)) + "\x00")
	for _, id := range ids {
		k.WriteString(strconv.FormatInt(id, 36))
		if n := notes[id]; n != nil && n.Hidden {
			// A hidden note stands for nothing: the set is another one.
			k.WriteString("h")
		}
		k.WriteString(",")
	}
	if r, ok := s.themes.reps[k.String()]; ok {
		return r
	}
	docs := make([]analysis.Doc, 0, len(ids))
	in := make(map[int64]bool, len(ids))
	for _, id := range ids {
		in[id] = true
		if n := notes[id]; n != nil && !n.Hidden {
			docs = append(docs, session.ClusterDoc(n))
		}
	}
	id := analysis.NamedAfter(label, docs)
	if id == "" && (named || !namedAfterOther(label, in, notes)) {
		id = analysis.Representative(docs)
	}
	r, _ := strconv.ParseInt(id, 10, 64) // "" is 0: none
	if s.themes.reps == nil || len(s.themes.reps) > 500 {
		s.themes.reps = map[string]int64{}
	}
	s.themes.reps[k.String()] = r
	return r
}

// namedAfterOther reports whether label was made from a note of the session that
// is not among in: a note moved out of the theme its words name.
func namedAfterOther(label string, in map[int64]bool, notes map[int64]*session.Note) bool {
	var out []analysis.Doc
	for id, n := range notes {
		if !in[id] {
			out = append(out, session.ClusterDoc(n))
		}
	}
	return analysis.NamedAfter(label, out) != ""
}

// noteRows lists a theme's notes, its representative first (starred): the note
// its name was made from, if it was, else the one that best stands for them.
func (s *boardScreen) noteRows(row themeRow, label string, named bool, nameNote int64, ids []int64, notes map[int64]*session.Note) []themeRow {
	rep := s.representative(label, named, nameNote, ids, notes)
	// Listed by area, lane and text, as everywhere after the reveal: by ID they
	// would be in the order written.
	ids = slices.Clone(ids)
	session.SortNoteIDs(ids, notes)
	var out []themeRow
	if n := notes[rep]; n != nil {
		r := row
		r.note, r.text = rep, "★ ["+noteTag(n, tagCut(s.e.w))+"] "+noteText(n)
		out = append(out, r)
	}
	for _, id := range ids {
		if n := notes[id]; n != nil && id != rep {
			r := row
			r.note, r.text = id, "["+noteTag(n, tagCut(s.e.w))+"] "+noteText(n)
			out = append(out, r)
		}
	}
	return out
}

func (s *boardScreen) themeRows() []themeRow {
	var rows []themeRow
	notes := s.noteByID()
	switch {
	case s.sess.Phase == session.PhaseGroup && len(s.themes.themes) == 0:
		for i, t := range s.themes.suggestions {
			pick := ""
			if len(s.themes.picked) > 0 {
				pick = "[ ] "
				if s.themes.picked[i] {
					pick = "[x] "
				}
			}
			// Not made from these notes: a name given in another session.
			rows = append(rows, s.suggestionRow(themeRow{sug: i + 1, num: i + 1}, fmt.Sprintf("%s%d. ", pick, i+1), t.Label,
				" ("+plural(len(t.NoteIDs), "note")+")", t.NameFrom))
			rows = append(rows, s.noteRows(themeRow{sug: i + 1}, t.Label, t.Named, t.NameNote, t.NoteIDs, notes)...)
		}
	case s.sess.Phase == session.PhaseGroup && s.themes.placing:
		for _, p := range s.placements() {
			pick := ""
			if len(s.themes.picked) > 0 {
				pick = "[ ] "
				if s.themes.picked[p.sug] {
					pick = "[x] "
				}
			}
			h := themeRow{sug: p.sug + 1, theme: p.theme, header: true}
			row := themeRow{sug: p.sug + 1, theme: p.theme}
			if p.theme != 0 {
				h.num = s.themeNumber(p.theme)
				h.text = fmt.Sprintf("%s%d. (+%s) %s", pick, h.num, plural(len(p.notes), "note"), p.label)
				rows = append(rows, h)
				for _, id := range p.notes {
					if n := notes[id]; n != nil {
						r := row
						r.note, r.text = id, "+ ["+noteTag(n, tagCut(s.e.w))+"] "+noteText(n)
						rows = append(rows, r)
					}
				}
				continue
			}
			from := ""
			if p.sug < len(s.themes.suggestions) {
				from = s.themes.suggestions[p.sug].NameFrom
			}
			rows = append(rows, s.suggestionRow(h, pick+"new: ", p.label, " ("+plural(len(p.notes), "note")+")", from))
			rows = append(rows, s.noteRows(row, p.label, p.named, 0, p.notes, notes)...)
		}
	case s.sess.Phase == session.PhaseGroup:
		inTheme := map[int64]bool{}
		for i, t := range s.themes.themes {
			rows = append(rows, s.headerRow(themeRow{theme: t.ID, num: i + 1}, fmt.Sprintf("%d. ", i+1), t.Label, fmt.Sprintf(" (%d)", len(t.NoteIDs))+s.showingMark(t)))
			for _, id := range t.NoteIDs {
				inTheme[id] = true
			}
			rows = append(rows, s.noteRows(themeRow{theme: t.ID}, t.Label, t.Named, t.NameNote, t.NoteIDs, notes)...)
		}
		rows = append(rows, s.looseRows(func(int) string { return "" })...)
	case s.sess.Phase == session.PhaseVote:
		for i, t := range s.themes.themes {
			rows = append(rows, s.headerRow(themeRow{theme: t.ID, num: i + 1}, fmt.Sprintf("%d. ", i+1), t.Label, " ("+plural(len(t.NoteIDs), "note")+")"+s.showingMark(t)))
		}
		// Imported while people vote, or left without a theme when grouping
		// ended: listed, or the board showed them nowhere.
		if len(s.themes.themes) > 0 {
			rows = append(rows, s.looseRows(func(n int) string {
				if n == 1 {
					return " · it takes no dots; back in group, g places it"
				}
				return " · they take no dots; back in group, g places them"
			})...)
		}
	default:
		labels := map[int64]string{}
		marks := map[int64]string{}
		for _, t := range s.themes.themes {
			// Read aloud from the board, a name others do not see names a theme
			// the room cannot find: the ranking says what they see, as the
			// group phase did.
			labels[t.ID], marks[t.ID] = t.Label, s.showingMark(t)
		}
		// The scores' sums are left out when one would cut its label (the line
		// above the list says how a score is made; the selected row shows it
		// whole), from every row so that the list reads alike; a label longer
		// still is cut so that the score and the votes stay in view.
		ranked := func(p analysis.Priority, label string) string {
			return fmt.Sprintf("#%d %s · score %d = 3×%s + 2×%s + %s",
				p.Rank, label, p.Score, plural(p.Votes, "vote"), session.PeopleUpTo(p.Authors), plural(p.Notes, "note"))
		}
		sums := true
		for _, p := range s.themes.ranked {
			sums = sums && lipgloss.Width(ranked(p, labels[p.ID])+marks[p.ID]) <= s.e.w-2
		}
		for _, p := range s.themes.ranked {
			short := func(label string) string {
				return fmt.Sprintf("#%d %s · score %d · %s", p.Rank, label, p.Score, plural(p.Votes, "vote")) + marks[p.ID]
			}
			whole := ranked(p, labels[p.ID]) + marks[p.ID]
			row := themeRow{theme: p.ID, num: p.Rank, header: true, text: whole}
			if !sums {
				label := fit(labels[p.ID], max(24, s.e.w-2-lipgloss.Width(short(""))))
				row.text, row.whole = short(label), whole
			}
			rows = append(rows, row)
			for _, a := range s.themes.actions {
				if a.ThemeID == p.ID {
					rows = append(rows, s.actionRow(p.ID, a))
				}
			}
		}
		// The themes the ranking leaves out, for the facilitator only: to unhide a
		// note, delete the theme, or see the action points participants see
		// without a theme.
		for _, t := range s.themes.themes {
			if sh, ok := s.themes.showing[t.ID]; !ok || sh.Shown {
				continue
			}
			rows = append(rows, s.headerRow(themeRow{theme: t.ID}, "", t.Label, s.showingMark(t)))
			for _, a := range s.themes.actions {
				if a.ThemeID == t.ID {
					rows = append(rows, s.actionRow(t.ID, a))
				}
			}
		}
		if len(s.themes.themes) > 0 {
			rows = append(rows, s.looseRows(func(int) string { return " · in no theme's score" })...)
		}
	}
	return rows
}

// headerRow is r as a theme's heading: head, the theme's name, then tail. When the
// line would be cut at the board's width, the name is cut rather than the tail, so
// that what it says (the count; empty, D deletes it; hidden; others see another
// name) stays in view; the selected row shows it whole.
func (s *boardScreen) headerRow(r themeRow, head, label, tail string) themeRow {
	r.header = true
	r.text = head + label + tail
	// The row's prefix (selection, two columns) comes before it.
	w := max(s.e.w, 40) - 2
	if lipgloss.Width(r.text) > w {
		r.whole = r.text
		// A tail too long itself (another name others see, a reason) is cut
		// after its first part, which says what it is; the selected row shows it.
		tail = fit(tail, max(w-lipgloss.Width(head)-12, 1))
		r.text = head + fit(label, max(w-lipgloss.Width(head+tail), 1)) + tail
	}
	return r
}

// suggestionRow is headerRow for a suggested theme, count its note count and from
// the session whose facilitator gave it its name ("" for none). Where the line
// is too narrow for both, the name is kept and where it was given waits for the
// selected row: cut the other way, "Pen testing where it cou…" stood beside the
// whole title of the session it came from.
func (s *boardScreen) suggestionRow(r themeRow, head, label, count, from string) themeRow {
	if from == "" {
		return s.headerRow(r, head, label, count)
	}
	tail := count + " · name given in “" + from + "”"
	if w := max(s.e.w, 40) - 2; lipgloss.Width(head+label+tail) > w {
		r = s.headerRow(r, head, label, count+" · name given in …")
		r.whole = head + label + tail
		return r
	}
	return s.headerRow(r, head, label, tail)
}

// showingMark says on a theme's line how participants and the projector see it,
// when not as the board does: not at all, or under another name.
func (s *boardScreen) showingMark(t *session.Theme) string {
	sh, ok := s.themes.showing[t.ID]
	switch {
	case !ok:
		return ""
	case !sh.Shown && sh.Why == session.WhyEmpty:
		// Not hidden by anyone: its last note went to another theme.
		if ph := s.sess.Phase; ph == session.PhaseGroup || ph == session.PhaseVote {
			return " · empty: nobody sees it, D deletes it"
		}
		return " · empty: nobody sees it"
	case !sh.Shown:
		return " · hidden: " + sh.Why
	}
	mark := ""
	if n := len(t.NoteIDs) - len(sh.Notes); n > 0 {
		// The count beside the name is the board's; others count without these.
		mark = fmt.Sprintf(" · %d hidden", n)
	}
	if sh.Label != t.Label {
		mark += " · others see “" + sh.Label + "”"
	}
	return mark
}

// themesTab is the board's themes: suggestions to preview and accept, the themes
// to edit in the group phase, the voting, and the ranking with action points.
type themesTab struct {
	b    *boardScreen
	list list
	// rowsNow are the rows as last listed.
	rowsNow []themeRow
	// follow is a note to select once the board next loads (a note split out);
	// followAction an action point (one just added). followLoose lets follow
	// select the note under "no theme yet" too (an undo put it back there).
	follow, followAction int64
	followLoose          bool
	// at is the row selected after the last message, in phase atPhase: a load
	// selects it again wherever it went, so that notes arriving or moving never
	// shift the selection onto another row.
	at      themeRow
	atPhase session.Phase
	// top keeps the first row selected from a phase move until a key reaches
	// the tab: the loads that follow the move may come from before it was saved
	// (a ranking without the votes), and at would follow the row they put first.
	top bool
}

func newThemesTab(b *boardScreen) *themesTab {
	t := &themesTab{b: b, list: newList()}
	t.list.lines = func(i int) int {
		if !t.wholeRow(i) {
			return 1
		}
		return len(t.rowLines(i, -1, max(b.e.w, 40)))
	}
	t.list.match = func(i int, q string) bool {
		if i >= len(t.rowsNow) {
			return false
		}
		// The whole text: a name cut to keep what the row says in view is found too.
		text := t.rowsNow[i].text
		if t.rowsNow[i].whole != "" {
			text = t.rowsNow[i].whole
		}
		return strings.Contains(strings.ToLower(text), q)
	}
	t.list.number = func(k int) (int, bool) {
		for i, r := range t.rowsNow {
			// Headings without a number ("no theme yet") are number 0: not one
			// to jump to (#0 went there without a word).
			if r.header && r.num == k && k > 0 {
				return i, true
			}
		}
		return 0, false
	}
	return t
}

// rows is the list of the rows as last listed (refresh); drawing only reads it.
func (t *themesTab) rows() *list { return &t.list }

// refresh lists the rows again from what the board knows now.
func (t *themesTab) refresh() {
	if !t.b.sess.Phase.AtLeast(session.PhaseGroup) {
		t.rowsNow = nil
	} else {
		t.rowsNow = t.b.themeRows()
	}
	t.list.setLen(len(t.rowsNow))
}

// sync brings the tab up to date with what a message changed, while it is the one
// shown: its rows, the page its list scrolls by (the rows its view has room for)
// and the row a reload selects again. View draws what sync left, never changes it.
func (t *themesTab) sync() {
	s := t.b
	if s.tab != tabThemes {
		return
	}
	t.refresh()
	if room, shown := s.tabRoom(); shown && len(t.rowsNow) > 0 {
		t.list.setCutPage(room - 1)
		t.list.setExtra(len(t.selectedLines(max(s.e.w, 40))) - 1)
	}
	t.remember()
}

func (t *themesTab) current() themeRow {
	if i := t.list.selected(); i >= 0 && i < len(t.rowsNow) {
		return t.rowsNow[i]
	}
	return themeRow{}
}

// keepAt selects the row of the note at was on, where the rows now put it (new
// suggestions); the row selected stays as it is when at was no note or its note
// is on no row.
func (t *themesTab) keepAt(at themeRow) {
	if at.note == 0 {
		return
	}
	t.refresh()
	for i, r := range t.rowsNow {
		if r.note == at.note {
			t.list.selectRow(i)
			return
		}
	}
}

// selectAction selects the row of action point id, and reports whether the
// board shows it.
func (t *themesTab) selectAction(id int64) bool {
	if id == 0 {
		return false
	}
	for i, r := range t.rowsNow {
		if r.action == id {
			t.list.selectRow(i)
			return true
		}
	}
	return false
}

// actionAddedMsg says an action point was added, to select it.
type actionAddedMsg struct{ id int64 }

// loaded selects the note to follow, now that the board shows where it went, or
// else the row selected before.
func (t *themesTab) loaded() {
	t.refresh()
	l := &t.list
	if t.top {
		l.selectRow(0)
		return
	}
	if t.selectAction(t.followAction) {
		t.followAction = 0
		return
	}
	if t.follow != 0 {
		for i, r := range t.rowsNow {
			if r.note == t.follow && (r.theme != 0 || t.followLoose) {
				l.selectRow(i)
				t.follow, t.followLoose = 0, false
				return
			}
		}
	}
	if t.atPhase != t.b.sess.Phase {
		return
	}
	at := t.at
	for i, r := range t.rowsNow {
		if at.note != 0 && r.note == at.note ||
			at.action != 0 && r.action == at.action ||
			at.header && at.theme != 0 && r.header && r.theme == at.theme && r.sug == at.sug {
			l.selectRow(i)
			return
		}
	}
}

// remember keeps the selected row, for loaded.
func (t *themesTab) remember() {
	if i := t.list.selected(); i >= 0 && i < len(t.rowsNow) {
		t.at, t.atPhase = t.rowsNow[i], t.b.sess.Phase
	}
}

// putBack selects row was again and marks again the notes of marks still on the
// board: what M changed before the store refused the move.
func (t *themesTab) putBack(was themeRow, marks map[int64]bool) {
	s := t.b
	byID := s.noteByID()
	s.themes.marked = nil
	for id := range marks {
		if byID[id] != nil {
			if s.themes.marked == nil {
				s.themes.marked = map[int64]bool{}
			}
			s.themes.marked[id] = true
		}
	}
	if was.note == 0 {
		return
	}
	for i, r := range t.rowsNow {
		if r.note == was.note {
			t.list.selectRow(i)
			t.at, t.atPhase = r, s.sess.Phase
			return
		}
	}
}

// nextToProcess is the note row to select once the notes ids have left the row
// selected: the next note down the list that stays, or else the one above.
func (t *themesTab) nextToProcess(ids []int64) themeRow {
	moving := map[int64]bool{}
	for _, id := range ids {
		moving[id] = true
	}
	sel := t.list.selected()
	if sel < 0 || sel >= len(t.rowsNow) || !moving[t.rowsNow[sel].note] {
		return themeRow{}
	}
	for i := sel + 1; i < len(t.rowsNow); i++ {
		if r := t.rowsNow[i]; r.note != 0 && !moving[r.note] {
			return r
		}
	}
	for i := sel - 1; i >= 0; i-- {
		if r := t.rowsNow[i]; r.note != 0 && !moving[r.note] {
			return r
		}
	}
	return themeRow{}
}

// readNotes is enter on a theme where the list shows no notes (vote, actions):
// the theme's notes, whole.
// nameNew is R on a new theme of the preview of where later notes go (g).
var nameNew = key.NewBinding(key.WithKeys("R"), key.WithHelp("R", "name new theme"))

var readNotes = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "read its notes"))

// readAction is enter on an action point: it whole, with its theme's notes.
var readAction = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "read it whole"))

var tk = struct {
	Accept, Suggest, Place, Pick, Rename, Merge, Mark, Move, Split, Delete, Undo, Budget, AddAction, Priority, Status, Owner, EditTitle, Due key.Binding
}{
	Undo:      key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "undo")),
	Accept:    key.NewBinding(key.WithKeys("A"), key.WithHelp("A", "accept all")),
	Suggest:   key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "suggest again")),
	Place:     key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "place notes without a theme")),
	Pick:      key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "pick/unpick")),
	Rename:    key.NewBinding(key.WithKeys("R"), key.WithHelp("R", "rename")),
	Merge:     key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "merge")),
	Mark:      key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "mark, next")),
	Move:      key.NewBinding(key.WithKeys("M"), key.WithHelp("M", "move to theme")),
	Split:     key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "split note out")),
	Delete:    key.NewBinding(key.WithKeys("D"), key.WithHelp("D", "delete")),
	Budget:    key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "dots per person")),
	AddAction: key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add action")),
	Priority:  key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "priority")),
	Status:    key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "status")),
	Owner:     key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "owner")),
	EditTitle: key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit title")),
	Due:       key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "due date")),
}

func (t *themesTab) keys() []key.Binding {
	s := t.b
	switch s.sess.Phase {
	case session.PhaseGroup:
		if len(s.themes.themes) == 0 {
			accept := tk.Accept
			if n := len(s.themes.picked); n > 0 {
				accept = key.NewBinding(key.WithKeys("A"), key.WithHelp("A", fmt.Sprintf("accept %d picked", n)))
			}
			ks := []key.Binding{accept, tk.Pick, tk.Rename, tk.Merge, bk.Read, tk.Suggest}
			if t.current().note != 0 {
				// A note written under the wrong heading is seen here first.
				ks = append(ks, bk.Refile)
			}
			return ks
		}
		if s.themes.placing {
			accept := tk.Accept
			if n := len(s.themes.picked); n > 0 {
				accept = key.NewBinding(key.WithKeys("A"), key.WithHelp("A", fmt.Sprintf("accept %d picked", n)))
			}
			ks := []key.Binding{accept, tk.Pick}
			if cur := t.current(); cur.sug != 0 && cur.theme == 0 {
				ks = append(ks, nameNew)
			}
			ks = append(ks, bk.Read)
			if t.current().note != 0 {
				ks = append(ks, bk.Refile)
			}
			return ks
		}
		move := tk.Move
		if n := len(s.themes.marked); n > 0 {
			move = key.NewBinding(key.WithKeys("M"), key.WithHelp("M", fmt.Sprintf("move %d marked", n)))
		}
		return []key.Binding{move, tk.Mark, tk.Rename, tk.Merge, tk.Split, bk.Read, tk.Delete, tk.Place, bk.Refile}
	case session.PhaseVote:
		if sh, ok := s.themes.showing[t.current().theme]; ok && !sh.Shown {
			return []key.Binding{tk.Budget, tk.Rename, tk.Merge, tk.Delete, readNotes}
		}
		return []key.Binding{tk.Budget, tk.Rename, tk.Merge, readNotes}
	case session.PhaseActions:
		if t.current().action == 0 {
			// An action point's keys are offered on its own line, not its theme's.
			return []key.Binding{tk.AddAction, readNotes}
		}
		return []key.Binding{tk.AddAction, tk.Priority, tk.Status, tk.Owner, tk.Due, tk.EditTitle, tk.Move, tk.Delete, readAction}
	case session.PhaseClosed:
		// The results are frozen; following the action points up goes on.
		if t.current().action == 0 {
			return []key.Binding{readNotes}
		}
		return []key.Binding{tk.Status, tk.Owner, tk.Due, readAction}
	}
	return nil
}

// clearMarks drops marks and picks waiting for a next key, or leaves the preview
// of where later notes would go, and says what it did; "" when there was nothing
// (esc does this before it leaves the board).
func (t *themesTab) clearMarks() string {
	th := &t.b.themes
	if th.placing {
		th.placing, th.suggestions, th.picked, th.acceptWhenReady = false, nil, nil, false
		th.sugGen++
		t.rows().selectRow(0)
		return "Nothing placed: the notes without a theme wait for you (g shows where they would go)."
	}
	had := th.markTheme != 0 || th.markSug != 0 || len(th.marked) > 0 || len(th.picked) > 0
	th.markTheme, th.markSug, th.marked, th.picked = 0, 0, nil, nil
	if had {
		return "Marks cleared."
	}
	return ""
}

func (t *themesTab) update(msg tea.KeyMsg) tea.Cmd {
	s := t.b
	ph := s.sess.Phase
	cur := t.current()
	switch {
	case key.Matches(msg, bk.Refile) && cur.note != 0:
		if n := s.noteByID()[cur.note]; n != nil {
			return s.refile(n)
		}
	case key.Matches(msg, bk.Hide) && cur.note != 0 && cur.sug == 0 && ph == session.PhaseGroup && !s.themes.placing:
		// Where the notes are read while grouping: going to the notes view and
		// finding the note again took a search and two view changes.
		if n := s.noteByID()[cur.note]; n != nil {
			return s.toggleHidden(n)
		}
	case key.Matches(msg, bk.Read) && cur.action != 0 && !cur.elsewhere:
		// An action point whole, with the notes of its theme: what it answers.
		for _, a := range s.themes.actions {
			if a.ID != cur.action {
				continue
			}
			label, notes := "", []*session.Note{}
			byID := s.noteByID()
			for _, th := range s.themes.themes {
				if th.ID == a.ThemeID {
					label = "“" + th.Label + "”"
					ids := slices.Clone(th.NoteIDs)
					session.SortNoteIDs(ids, byID)
					for _, id := range ids {
						if n := byID[id]; n != nil {
							notes = append(notes, n)
						}
					}
				}
			}
			s.reading = newActionReader(a, label, notes)
		}
	case key.Matches(msg, bk.Read) && cur.note != 0:
		n := s.noteByID()[cur.note]
		if n == nil {
			return nil
		}
		theme := ""
		for _, th := range s.themes.themes {
			if th.ID == cur.theme {
				theme = "“" + th.Label + "”"
			}
		}
		s.reading = newNoteReader(n, theme)
	case key.Matches(msg, bk.Read) && cur.header && (cur.theme != 0 || cur.sug > 0 && cur.sug <= len(s.themes.suggestions)):
		// A theme's notes, whole, in any phase: "what is in theme 3?"; a suggested
		// theme's too, before it is accepted.
		byID := s.noteByID()
		themes := s.themes.themes
		if cur.theme == 0 {
			themes = []*session.Theme{&s.themes.suggestions[cur.sug-1]}
		}
		for _, th := range themes {
			if th.ID != cur.theme {
				continue
			}
			ids := slices.Clone(th.NoteIDs)
			session.SortNoteIDs(ids, byID)
			var notes []*session.Note
			for _, id := range ids {
				if n := byID[id]; n != nil {
					notes = append(notes, n)
				}
			}
			s.reading = newThemeReader("“"+th.Label+"”", notes, s.representative(th.Label, th.Named, th.NameNote, th.NoteIDs, byID))
		}
	case key.Matches(msg, tk.Budget) && ph == session.PhaseVote:
		id := s.sess.ID
		return s.ask.openReplace("Dots per person (1-10): ", strconv.Itoa(s.sess.VoteBudget), func(v string) (tea.Cmd, bool) {
			n, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil {
				s.setStatus("Type a whole number of dots, e.g. 3.", true)
				return nil, false
			}
			if n >= 1 && n <= session.MaxVoteBudget {
				// Shown at once, so that b again starts from it; a refusal reloads.
				changed := *s.sess
				changed.VoteBudget = n
				s.sess = &changed
			}
			return s.do(fmt.Sprintf("Everyone has %s.", plural(n, "dot")), func(ctx context.Context, svc *session.Service) error {
				return svc.SetVoteBudget(ctx, id, n)
			}), true
		})
	case ph == session.PhaseGroup && key.Matches(msg, tk.Suggest):
		// With themes arranged, g shows where the notes without a theme would go,
		// never re-clustering what the facilitator arranged.
		again, does := s.place, "places the notes without a theme again"
		if len(s.themes.themes) == 0 {
			again, does = func() tea.Cmd {
				s.themes.setSuggestions(nil)
				s.setStatus("Clustering the notes…", false)
				return s.suggest()
			}, "clusters the notes again"
		}
		if edits := s.themes.handEdits(); edits != "" {
			// Asked, not done: the same notes give the same suggestions, so a run
			// brought back what was there and silently lost what was done to it.
			// Kept, they are not mixed into a fresh run either: a name given to
			// one suggestion would land on whatever theme took its place.
			s.confirmDelete, s.confirmNo = again, "Kept as they are: "+edits+"."
			s.setStatus(fmt.Sprintf("g %s and drops the %s made here (the same notes give the same suggestions). y = drop them, any other key = keep them", does, edits), true)
			return nil
		}
		return again()
	case ph == session.PhaseGroup && (len(s.themes.themes) == 0 || s.themes.placing || key.Matches(msg, tk.Accept)):
		return t.updatePreview(msg, cur)
	case ph == session.PhaseGroup:
		return t.updateGroup(msg, cur)
	case ph == session.PhaseVote && key.Matches(msg, tk.Delete) && cur.header && cur.theme != 0:
		// While people vote only a theme they no longer see may go: deleting one
		// they see would take their dots.
		if sh := s.themes.showing[cur.theme]; sh.Shown {
			s.setStatus("People are voting on this theme: delete it in the group phase, or merge it (m).", true)
			return nil
		}
		return t.updateGroup(msg, cur)
	case ph == session.PhaseVote && (key.Matches(msg, tk.Rename) || key.Matches(msg, tk.Merge)):
		// Two themes found to be one while people vote: merged, their dots add up;
		// each voter's selection follows its theme.
		return t.updateGroup(msg, cur)
	case ph.AtLeast(session.PhaseActions):
		return t.updateActions(msg, cur)
	}
	return nil
}

// updatePreview takes the keys of the suggestions, before any is accepted.
func (t *themesTab) updatePreview(msg tea.KeyMsg, cur themeRow) tea.Cmd {
	s := t.b
	switch {
	case key.Matches(msg, tk.Undo) && !s.themes.placing:
		// The last theme deleted, or the themes accepted: back to them (or it
		// says there is nothing to undo).
		return s.undoThemes()
	case key.Matches(msg, tk.Accept) && len(s.themes.themes) > 0 && !s.themes.placing:
		// A first shows what it would do.
		return s.place()
	case key.Matches(msg, tk.Accept) && s.themes.placing:
		if s.themes.suggesting || s.themes.suggestions == nil {
			s.themes.acceptWhenReady = true
			s.setStatus("Placing the notes; they are placed as soon as that is done.", false)
			if !s.themes.suggesting {
				// The last try failed or none ran: run one, or this would wait forever.
				return s.suggest()
			}
			return nil
		}
		return s.acceptPlacements()
	case key.Matches(msg, tk.Accept):
		if len(s.themes.suggestions) == 0 || s.themes.suggesting {
			// Not clustered yet, or clustering again for new notes: share the themes
			// when ready, so that no note is left out.
			s.themes.acceptWhenReady = true
			s.setStatus("Clustering the notes; the themes are shared as soon as they are ready.", false)
			if s.themes.suggesting {
				return nil
			}
			return s.suggest()
		}
		return s.acceptSuggestions()
	case key.Matches(msg, tk.Rename) && s.themes.placing:
		// The preview of where later notes go: R names a new theme before A makes
		// it, as it names the first suggestions before they are shared. An
		// arranged theme is everyone's already, and the preview shows it as it
		// was when g ran: renamed here, it would go on showing the old name, so
		// R renames it on the themes, after A or esc.
		switch {
		case cur.sug == 0 || cur.sug > len(s.themes.suggestions):
			s.setStatus("Select a new theme (or one of its notes) to name it before A places it.", true)
			return nil
		case cur.theme != 0:
			s.setStatus(fmt.Sprintf("Theme %d is shared already: R renames it once these notes are placed (A) or left (esc). Here R names the new themes.", s.themeNumber(cur.theme)), true)
			return nil
		}
		ids := slices.Clone(s.themes.suggestions[cur.sug-1].NoteIDs)
		return s.ask.open1("Name before placing: ", strings.TrimSuffix(s.themes.suggestions[cur.sug-1].Label, "…"), func(v string) (tea.Cmd, bool) {
			// The new theme of these notes, wherever the preview has it now: a
			// note placed in it while the name was typed made it another theme
			// by its exact notes, and the name typed was lost.
			i := s.themes.newThemeHolding(ids)
			if !s.themes.placing || i < 0 {
				// Placed or left meanwhile, or its notes placed elsewhere.
				s.setStatus("The preview changed meanwhile: nothing named (g shows it again).", true)
				return nil, true
			}
			name, err := session.ValidText(v, session.MaxTopicLen, "A theme's name", true)
			if err != nil {
				s.setStatus(s.e.errorMessage(err), true)
				return nil, false
			}
			for _, th := range s.themes.themes {
				if strings.EqualFold(strings.TrimSpace(th.Label), name) {
					s.setStatus(fmt.Sprintf("Theme %d is called “%s” already: give the new theme another name.", s.themeNumber(th.ID), th.Label), true)
					return nil, false
				}
			}
			for k, other := range s.themes.suggestions {
				if k != i && other.ID == 0 && strings.EqualFold(strings.TrimSpace(other.Label), name) {
					s.setStatus(fmt.Sprintf("Another new theme is called “%s” already: give this one another name.", other.Label), true)
					return nil, false
				}
			}
			// The name is the facilitator's now, not one given in another session.
			s.themes.suggestions[i].Label, s.themes.suggestions[i].Named, s.themes.suggestions[i].NameFrom = name, true, ""
			s.themes.sugGen++
			s.setStatus("Named; nobody sees it until A places it.", false)
			return nil, true
		})
	case key.Matches(msg, tk.Rename) && cur.sug != 0 && len(s.themes.themes) == 0 && cur.sug <= len(s.themes.suggestions):
		// Named before anyone sees it: accepted, a name cut from a note reached
		// every participant's screen at once.
		i := cur.sug - 1
		ids := slices.Sorted(slices.Values(s.themes.suggestions[i].NoteIDs))
		value, back := s.takeKeptSuggestion(ids)
		if !back {
			value = strings.TrimSuffix(s.themes.suggestions[i].Label, "…")
		}
		cmd := s.ask.open1("Name before sharing: ", value, func(v string) (tea.Cmd, bool) {
			name, err := session.ValidText(v, session.MaxTopicLen, "A theme's name", true)
			if err != nil {
				s.setStatus(s.e.errorMessage(err), true)
				return nil, false
			}
			// The suggestion of these notes: new notes clustered meanwhile may have
			// moved it in the list, or made it into others, and the name went to
			// whatever theme stood at its place. Kept as edited, it is the same
			// suggestion with a new note placed in it.
			at := slices.IndexFunc(s.themes.suggestions, func(t session.Theme) bool {
				if !s.themes.sugKept {
					return slices.Equal(slices.Sorted(slices.Values(t.NoteIDs)), ids)
				}
				for _, id := range ids {
					if !slices.Contains(t.NoteIDs, id) {
						return false
					}
				}
				return true
			})
			if at < 0 || len(s.themes.themes) > 0 || s.themes.placing {
				s.setStatus("The suggestions changed meanwhile: nothing renamed (R names one of those shown).", true)
				return nil, true
			}
			for k, other := range s.themes.suggestions {
				if k != at && strings.EqualFold(strings.TrimSpace(other.Label), name) {
					s.setStatus(fmt.Sprintf("Suggested theme %d is called “%s” already: m on one, then m on the other, merges them.", k+1, other.Label), true)
					return nil, false
				}
			}
			// The name is the facilitator's now, not one given in another session.
			s.themes.suggestions[at].Label, s.themes.suggestions[at].Named, s.themes.suggestions[at].NameFrom = name, true, ""
			s.themes.sugEdited = true
			s.themes.sugGen++
			s.setStatus("Renamed; nobody sees it until A.", false)
			return nil, true
		})
		s.keepAnswer(BoardDraft{Prompt: PromptSuggestionName, Notes: ids}, back)
		return cmd
	case key.Matches(msg, tk.Merge) && cur.sug != 0 && len(s.themes.themes) == 0 && cur.sug <= len(s.themes.suggestions):
		i := cur.sug - 1
		if s.themes.markSug == 0 {
			s.themes.markSug = cur.sug
			s.setStatus("Now select the suggested theme to merge it into and press m again (esc cancels).", false)
			return nil
		}
		from := s.themes.markSug - 1
		s.themes.markSug = 0
		if from == i || from >= len(s.themes.suggestions) {
			s.setStatus("That is the same theme; nothing merged.", true)
			return nil
		}
		sug := s.themes.suggestions
		sug[i].NoteIDs = append(sug[i].NoteIDs, sug[from].NoteIDs...)
		if !sug[i].Named {
			// A suggested name's side says what the merged notes agree on, as it
			// does once accepted.
			notes := s.noteByID()
			var lanes []string
			for _, id := range sug[i].NoteIDs {
				if n := notes[id]; n != nil {
					lanes = append(lanes, n.Lane)
				}
			}
			relabelled := analysis.RelabelSide(sug[i].Label, lanes)
			if relabelled != sug[i].Label {
				// Changed, the name is no longer the one another session gave.
				sug[i].Label, sug[i].NameFrom = relabelled, ""
			}
		}
		label := sug[from].Label
		s.themes.suggestions = slices.Delete(slices.Clone(sug), from, from+1)
		// Picks are by index: those after the merged one move up, and a pick of
		// the merged one goes to the theme it went into (dropped, A with no pick
		// left shared every suggestion).
		picked := map[int]bool{}
		into := i
		if into > from {
			into--
		}
		for k := range s.themes.picked {
			switch {
			case k == from:
				picked[into] = true
			case k < from:
				picked[k] = true
			default:
				picked[k-1] = true
			}
		}
		if len(picked) == 0 {
			picked = nil
		}
		s.themes.picked, s.themes.sugEdited = picked, true
		s.themes.sugMerged++
		s.themes.sugGen++
		s.setStatus(fmt.Sprintf("“%s” merged in; nobody sees it until A.", fit(label, 40)), false)
		return nil
	case key.Matches(msg, tk.Pick) && cur.sug != 0 && (len(s.themes.themes) == 0 || s.themes.placing):
		if s.themes.picked == nil {
			s.themes.picked = map[int]bool{}
		}
		i := cur.sug - 1
		if s.themes.picked[i] {
			delete(s.themes.picked, i)
		} else {
			s.themes.picked[i] = true
		}
		s.themes.sugGen++
		switch n := len(s.themes.picked); {
		case n > 0 && s.themes.placing:
			s.setStatus(fmt.Sprintf("%s picked: A places those notes; the others wait without a theme.", plural(n, "theme")), false)
		case n > 0:
			s.setStatus(fmt.Sprintf("%s picked: A accepts %s; the other notes wait without a theme.", plural(n, "theme"), them(n)), false)
		default:
			s.setStatus("Nothing picked: A accepts all.", false)
		}
		// Picking goes on to the next theme, as marking notes goes on to the
		// next note: v v v picks three in a row.
		rows := s.themeRows()
		for i := t.list.selected() + 1; i < len(rows); i++ {
			if rows[i].header && rows[i].sug != 0 && rows[i].sug != cur.sug {
				t.selectTheme(rows, i)
				break
			}
		}
	}
	return nil
}

// updateGroup takes the keys of editing accepted themes.
func (t *themesTab) updateGroup(msg tea.KeyMsg, cur themeRow) tea.Cmd {
	s := t.b
	switch {
	case key.Matches(msg, tk.Rename):
		// On a theme or on one of its notes: the theme is renamed.
		label := ""
		for _, th := range s.themes.themes {
			if th.ID == cur.theme {
				label = th.Label
			}
		}
		if cur.theme == 0 || label == "" {
			s.setStatus("Select a theme (or one of its notes) to rename it.", true)
			return nil
		}
		target := cur.theme
		// Another theme of that name: two "secrets" themes, and M secrets went to
		// whichever came first. Merging is what was meant.
		namesake := func(v string) *session.Theme {
			for _, th := range s.themes.themes {
				if th.ID != target && strings.EqualFold(strings.TrimSpace(th.Label), strings.TrimSpace(v)) {
					return th
				}
			}
			return nil
		}
		value, back := s.takeKept(PromptThemeName, target)
		if !back {
			// A name cut from a long note ends in "…": the box offers the words,
			// so that what is typed after them does not follow an ellipsis.
			value = strings.TrimSuffix(label, "…")
		}
		// The refusal of a name at enter is what the hint under it said as it was
		// typed, in the same words, so that the board says it once.
		calledAlready := func(th *session.Theme) string {
			return fmt.Sprintf("Theme %d is called “%s” already: m on one theme, then m on the other, merges them.", s.themeNumber(th.ID), th.Label)
		}
		cmd := s.ask.open1("New name: ", value, func(v string) (tea.Cmd, bool) {
			if th := namesake(v); th != nil {
				s.setStatus(calledAlready(th), true)
				return nil, false
			}
			if long := nameTooLong(v, "A theme's name"); long != "" {
				s.setStatus(long, true)
				return nil, false
			}
			what := fmt.Sprintf("the rename of “%s” to “%s”", fit(label, 30), fit(session.CleanText(strings.TrimSpace(v)), 30))
			return s.doThemes("Theme renamed.", what, func(ctx context.Context, svc *session.Service) error {
				return svc.RenameTheme(ctx, target, v)
			}), true
		})
		s.ask.hint = func(v string) string {
			if th := namesake(v); th != nil {
				return calledAlready(th)
			}
			return nameTooLong(v, "A theme's name")
		}
		s.keepAnswer(BoardDraft{Prompt: PromptThemeName, Target: target}, back)
		return cmd
	case key.Matches(msg, tk.Merge) && cur.theme != 0:
		if s.themes.markTheme == 0 {
			s.themes.markTheme = cur.theme
			s.setStatus("Now select the theme to merge it into and press m again (esc cancels).", false)
			return nil
		}
		from, into := s.themes.markTheme, cur.theme
		s.themes.markTheme = 0
		if from == into {
			s.setStatus("That is the same theme; nothing merged.", true)
			return nil
		}
		what := fmt.Sprintf("the merge of “%s” into “%s”", s.themeLabel(from), s.themeLabel(into))
		return s.doThemes(s.mergedSaying(from, into), what, func(ctx context.Context, svc *session.Service) error {
			return svc.MergeThemes(ctx, into, from)
		})
	case key.Matches(msg, tk.Undo):
		return s.undoThemes()
	case key.Matches(msg, tk.Mark):
		if s.themes.marked == nil {
			s.themes.marked = map[int64]bool{}
		}
		if cur.note == 0 && cur.theme != 0 {
			// On a theme's name, its notes (a search for a theme named after its
			// one note lands here, and broke a run of marks): all marked, or all
			// unmarked when they all were.
			var ids []int64
			for _, th := range s.themes.themes {
				if th.ID == cur.theme {
					ids = th.NoteIDs
				}
			}
			all := len(ids) > 0
			for _, id := range ids {
				all = all && s.themes.marked[id]
			}
			for _, id := range ids {
				if all {
					delete(s.themes.marked, id)
				} else {
					s.themes.marked[id] = true
				}
			}
			s.setStatus("", false)
			if len(s.themes.marked) == 0 {
				s.setStatus("No note marked.", false)
			}
			// On past the theme's notes, to the next theme.
			next := t.list.selected() + 1
			for next < len(t.rowsNow) && !t.rowsNow[next].header && t.rowsNow[next].theme == cur.theme {
				next++
			}
			t.selectTheme(t.rowsNow, next)
			return nil
		}
		if cur.note == 0 {
			s.setStatus("v marks notes; select a note or a theme.", true)
			return nil
		}
		if s.themes.marked[cur.note] {
			delete(s.themes.marked, cur.note)
		} else {
			s.themes.marked[cur.note] = true
		}
		if len(s.themes.marked) > 0 {
			// The line above the list says how many are marked and what M does.
			s.setStatus("", false)
		} else {
			s.setStatus("No note marked.", false)
		}
		// Marking goes on down the list, as people mark one note after another.
		t.rows().selectRow(t.list.selected() + 1)
	case key.Matches(msg, tk.Move):
		return t.askMove(cur)
	case key.Matches(msg, tk.Split) && cur.note != 0 && cur.theme != 0:
		label := splitName(noteTextOf(s, cur.note))
		t.follow = cur.note
		what := fmt.Sprintf("the note split out of “%s”", s.themeLabel(cur.theme))
		return s.doThemes("Note split out into a theme of its own; rename it with R.", what, func(ctx context.Context, svc *session.Service) error {
			_, err := svc.SplitTheme(ctx, cur.theme, []int64{cur.note}, label)
			return err
		})
	case key.Matches(msg, tk.Split) && cur.note != 0:
		// A note without a theme becomes a theme of its own.
		label, id, note := splitName(noteTextOf(s, cur.note)), s.sess.ID, cur.note
		t.follow = note
		return s.doThemes("Note made into a theme of its own; rename it with R.", "the new theme “"+fit(label, 30)+"”", func(ctx context.Context, svc *session.Service) error {
			_, err := svc.NewTheme(ctx, id, label, []int64{note}, false)
			return err
		})
	case key.Matches(msg, tk.Split):
		s.setStatus("Select a note to split it out into a theme of its own.", true)
	case (key.Matches(msg, tk.Delete) || key.Matches(msg, tk.Merge)) && cur.theme == 0:
		// On "no theme yet", or on nothing: said, not silently nothing.
		switch {
		case key.Matches(msg, tk.Merge) && s.sess.Phase == session.PhaseGroup:
			s.setStatus("Select a theme to merge (notes without a theme move with M).", true)
		case key.Matches(msg, tk.Merge):
			// While people vote M moves nothing: a note without a theme is placed
			// back in group.
			s.setStatus("Select a theme to merge.", true)
		default:
			s.setStatus("Select a theme's name to delete it.", true)
		}
	case key.Matches(msg, tk.Delete) && cur.header && cur.theme != 0:
		// The question names the theme and what it holds: a D pressed one line off
		// (on the theme below an emptied one) must be caught before y.
		name, notes := fmt.Sprintf("theme %d", s.themeNumber(cur.theme)), 0
		for _, th := range s.themes.themes {
			if th.ID == cur.theme {
				name += " “" + fit(th.Label, 40) + "”"
				notes = len(th.NoteIDs)
			}
		}
		done, ask := "Theme deleted; it held no notes.", fmt.Sprintf("Delete %s? It holds no notes. y = delete, any other key = keep", name)
		switch {
		case notes == 1:
			done = "Theme deleted; its note has no theme now."
			ask = fmt.Sprintf("Delete %s? Its note stays, without a theme. y = delete, any other key = keep", name)
		case notes > 1:
			done = fmt.Sprintf("Theme deleted; its %d notes have no theme now.", notes)
			ask = fmt.Sprintf("Delete %s? Its %d notes stay, without a theme. y = delete, any other key = keep", name, notes)
		}
		if k := s.themeNumber(cur.theme); k > 0 && k < len(s.themes.themes) {
			// As a merge says it: a number typed next (#, M) is another theme's.
			done = strings.TrimSuffix(done, ".") + fmt.Sprintf("; the themes after %d moved up one number.", k)
		}
		s.confirmDelete = func() tea.Cmd {
			return s.doThemes(done, "the deletion of "+name, func(ctx context.Context, svc *session.Service) error {
				return svc.DeleteTheme(ctx, cur.theme)
			})
		}
		s.setStatus(ask, true)
	}
	return nil
}

// them is the pronoun for n notes.
func them(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}

func noteTextOf(s *boardScreen, id int64) string {
	if n := s.noteByID()[id]; n != nil {
		return n.Text
	}
	return ""
}

// askMove asks for the theme to move the marked notes (or the selected one) to, by
// part of its name or its number.
func (t *themesTab) askMove(cur themeRow) tea.Cmd {
	s := t.b
	var ids []int64
	for _, r := range t.rowsNow {
		if r.note != 0 && s.themes.marked[r.note] {
			ids = append(ids, r.note)
		}
	}
	if len(ids) == 0 && cur.note != 0 {
		ids = []int64{cur.note}
	}
	if len(ids) == 0 {
		s.setStatus("Select a note, or mark notes with v, to move them.", true)
		return nil
	}
	what := "the note"
	if len(ids) > 1 {
		what = plural(len(ids), "note")
	}
	cmd := s.ask.open1("Move "+what+" to theme (name or number): ", "", func(v string) (tea.Cmd, bool) {
		// The move is shown done at once, the next note selected; a refusal
		// (the theme deleted or the session closed meanwhile) puts the selection
		// and the marks back, since nothing moved: the next note selected read as
		// if the move had worked, and M again moved the wrong note.
		was, marks := t.current(), s.themes.marked
		putBack := func(cmd tea.Cmd) tea.Cmd {
			return onRefusal(cmd, func() { t.putBack(was, marks) })
		}
		processed := func() {
			s.themes.marked = nil
			if next := t.nextToProcess(ids); next.note != 0 {
				// The moved note is done with: the next one to process is selected.
				t.at, t.atPhase = next, s.sess.Phase
				for i, r := range t.rowsNow {
					if r.note == next.note {
						t.list.selectRow(i)
					}
				}
			}
		}
		to, _ := s.findTheme(v)
		forced, isNew := newThemeName(v)
		if isNew {
			// +NAME: a new theme even where NAME is part of a theme's name, unless a
			// theme has that very name.
			to, _ = s.findTheme(forced)
			if to != nil && !strings.EqualFold(to.Label, forced) {
				to = nil
			}
		}
		if to == nil {
			name := strings.TrimSpace(v)
			if isNew {
				name = forced
			}
			if _, err := strconv.Atoi(name); err == nil || name == "" {
				s.setStatus("No theme has the number “"+session.CleanText(name)+"”: type part of its name or its number.", true)
				if name == "" {
					s.setStatus("Type part of a theme's name or its number, or a new theme's name.", true)
				}
				return nil, false
			}
			if long := nameTooLong(name, "A new theme's name"); long != "" {
				// As the hint says it (the store's words differ): said once.
				s.setStatus(long, true)
				return nil, false
			}
			// A name no theme has: a new theme of that name, with the notes.
			processed()
			id := s.sess.ID
			return putBack(s.doThemes(fmt.Sprintf("New theme “%s” with %s.", session.CleanText(name), plural(len(ids), "note")), "the new theme “"+fit(session.CleanText(name), 30)+"”", func(ctx context.Context, svc *session.Service) error {
				_, err := svc.NewTheme(ctx, id, name, ids, true)
				return err
			})), true
		}
		// Notes already in the theme stay where they are: only the others move.
		there := 0
		for _, n := range ids {
			if slices.Contains(to.NoteIDs, n) {
				there++
			}
		}
		if there == len(ids) {
			// Nothing changed, the selection and the marks neither: the next
			// note is not the one to process yet (M again names another theme).
			what := "The note is"
			if len(ids) > 1 {
				what = fmt.Sprintf("The %s are", plural(len(ids), "note"))
			}
			s.setStatus(fmt.Sprintf("%s in “%s” already: nothing moved.", what, to.Label), false)
			return nil, true
		}
		processed()
		said := fmt.Sprintf("%s moved to “%s”.", plural(len(ids)-there, "note"), to.Label)
		if len(ids) == 1 {
			said = "Note moved to “" + to.Label + "”."
		}
		if there > 0 {
			were := "were"
			if there == 1 {
				were = "was"
			}
			said = strings.TrimSuffix(said, ".") + fmt.Sprintf(" (%d %s there already).", there, were)
		}
		// A theme the move empties goes to the end of the list, and those after
		// it move up a number, as a merge says.
		moving := map[int64]bool{}
		for _, n := range ids {
			moving[n] = true
		}
		for _, th := range s.themes.themes {
			if th.ID == to.ID || len(th.NoteIDs) == 0 || !s.themes.showing[th.ID].Shown {
				continue
			}
			all := true
			for _, n := range th.NoteIDs {
				all = all && moving[n]
			}
			if k := s.themeNumber(th.ID); all && k > 0 && k < len(s.themes.themes) {
				said = strings.TrimSuffix(said, ".") + fmt.Sprintf("; %d. is empty now, listed last: the themes after it moved up one number.", k)
				break
			}
		}
		id := to.ID
		return putBack(s.doThemes(said, "the move to “"+fit(to.Label, 30)+"”", func(ctx context.Context, svc *session.Service) error {
			return svc.MoveNotes(ctx, ids, id)
		})), true
	})
	s.ask.hint = func(v string) string {
		to, others := s.findTheme(v)
		if name, ok := newThemeName(v); ok {
			switch to, _ := s.findTheme(name); {
			case name == "":
				return "Type the new theme's name after the +."
			case to != nil && strings.EqualFold(to.Label, name):
				return fmt.Sprintf("→ %d. %s (a theme has that name)", s.themeNumber(to.ID), to.Label)
			case nameTooLong(name, "A new theme's name") != "":
				return nameTooLong(name, "A new theme's name")
			}
			return "enter makes a new theme “" + session.CleanText(name) + "”."
		}
		partial := to != nil && !strings.EqualFold(to.Label, strings.TrimSpace(v))
		if _, err := strconv.Atoi(strings.TrimSpace(v)); err == nil {
			partial = false
		}
		newToo := ""
		if partial {
			newToo = " · +" + session.CleanText(strings.TrimSpace(v)) + " makes a new theme"
		}
		switch {
		case strings.TrimSpace(v) == "":
			return "Type part of a theme's name or its number, or a new theme's name; enter moves, esc cancels."
		case to == nil:
			if _, err := strconv.Atoi(strings.TrimSpace(v)); err == nil {
				return "No theme has the number “" + session.CleanText(strings.TrimSpace(v)) + "”."
			}
			if long := nameTooLong(v, "A new theme's name"); long != "" {
				return "No theme matches. " + long
			}
			return "No theme matches: enter makes a new theme “" + session.CleanText(strings.TrimSpace(v)) + "”."
		case others > 0:
			return fmt.Sprintf("→ %d. %s (and %d more match: type more)%s", s.themeNumber(to.ID), to.Label, others, newToo)
		}
		return fmt.Sprintf("→ %d. %s%s", s.themeNumber(to.ID), to.Label, newToo)
	}
	return cmd
}

// newThemeName reads "+NAME", typed at the move prompt for a new theme whose name
// is part of an existing theme's: the name, and whether v asked for a new theme.
func newThemeName(v string) (string, bool) {
	v = strings.TrimSpace(v)
	if !strings.HasPrefix(v, "+") {
		return "", false
	}
	return strings.TrimSpace(v[1:]), true
}

// findTheme finds the theme numbered v, or else the theme whose name is v or holds
// it (case does not matter; the first by number when several do), and counts the
// other themes that match too.
func (s *boardScreen) findTheme(v string) (*session.Theme, int) {
	v = strings.ToLower(strings.TrimSpace(v))
	if v == "" {
		return nil, 0
	}
	if k, err := strconv.Atoi(v); err == nil {
		if k >= 1 && k <= len(s.themes.themes) {
			return s.themes.themes[k-1], 0
		}
		return nil, 0
	}
	// A whole name wins over names that merely hold it; then a name that starts
	// with what was typed, then one with a word that does: "pen" is "pen
	// testing", not "dependency scanning" listed before it, which sent a
	// newcomer's pen-test notes there.
	var found *session.Theme
	best, n := 4, 0
	for _, th := range s.themes.themes {
		label := strings.ToLower(th.Label)
		tier := 4
		switch {
		case label == v:
			return th, 0
		case strings.HasPrefix(label, v):
			tier = 1
		case strings.Contains(" "+strings.Join(strings.FieldsFunc(label, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }), " "), " "+v):
			tier = 2
		case strings.Contains(label, v):
			tier = 3
		default:
			continue
		}
		if found != nil {
			n++
		}
		if tier < best {
			found, best = th, tier
		}
	}
	return found, n
}

// rankedTheme finds the theme ranked #v, or else by its name as findTheme does.
func (s *boardScreen) rankedTheme(v string) *session.Theme {
	if k, err := strconv.Atoi(strings.TrimPrefix(strings.TrimSpace(v), "#")); err == nil {
		if k < 1 || k > len(s.themes.ranked) {
			return nil
		}
		for _, th := range s.themes.themes {
			if th.ID == s.themes.ranked[k-1].ID {
				return th
			}
		}
		return nil
	}
	th, _ := s.findTheme(v)
	return th
}

// keptPrompts are the board prompts whose answer outlives a dropped connection:
// what the answer is called, and the key that opens the prompt.
var keptPrompts = map[BoardPrompt]struct {
	what string
	key  key.Binding
}{
	PromptAction:         {"The action point", tk.AddAction},
	PromptThemeName:      {"The name", tk.Rename},
	PromptActionTitle:    {"The title", tk.EditTitle},
	PromptActionOwner:    {"The owner", tk.Owner},
	PromptSuggestionName: {"The name", tk.Rename},
}

// sayKept says, once the board has what it is for (its first load; for a
// suggested theme's name, the suggestions), that an answer typed when a board's
// connection closed is kept, and which key on what brings it back. One whose
// theme, suggested theme or action point is gone since (merged, deleted, shared)
// is dropped, and said so: given to another, it would change what it was not
// typed for.
func (s *boardScreen) sayKept() {
	k := s.kept
	what := keptPrompts[k.Prompt].what + " “" + fit(session.CleanText(k.Text), 30) + "”, typed when the board's connection closed, "
	// Before the group phase the board reads no themes, nor action points.
	read := s.sess.Phase.AtLeast(session.PhaseGroup)
	press := keptPrompts[k.Prompt].key.Help().Key
	var where string
	switch k.Prompt {
	case PromptSuggestionName:
		where = press + " on its suggested theme"
		if !read {
			break
		}
		if s.sess.Phase != session.PhaseGroup || len(s.themes.themes) > 0 {
			s.dropKept(what + "was for a suggested theme no longer there (the themes were shared): dropped.")
			return
		}
		if s.themes.suggestions == nil {
			return // said once the clustering gives them
		}
		i := slices.IndexFunc(s.themes.suggestions, func(th session.Theme) bool {
			return slices.Equal(slices.Sorted(slices.Values(th.NoteIDs)), k.Notes)
		})
		if i < 0 {
			s.dropKept(what + "was for a suggested theme no longer there (merged, or the notes changed): dropped.")
			return
		}
		where = fmt.Sprintf("%s on suggested theme %d", press, i+1)
	case PromptAction, PromptThemeName:
		where = press + " on its theme"
		if !read {
			break
		}
		n, ok := s.themeRef(k.Target)
		if !ok {
			s.dropKept(what + "was for a theme no longer there (merged or deleted): dropped.")
			return
		}
		if n > 0 {
			where = fmt.Sprintf("%s on #%d", press, n)
		}
	default:
		where = press + " on its action point"
		if !read {
			break
		}
		a := s.action(k.Target)
		if !k.isFor(a) {
			s.dropKept(what + "was for an action point no longer there (deleted, or its title changed): dropped.")
			return
		}
		where = press + " on the action point “" + fit(session.CleanText(a.Title), 24) + "”"
	}
	if s.keptSaid == "" {
		s.keptSaid = what + "is kept: " + where + " brings it back" + keptWhen(k.Prompt, s.sess.Phase) + "."
		said := s.keptSaid
		if s.status != "" && !s.statusErr {
			// What the board said first ("The suggestions are as they were
			// last edited") stays said.
			said = s.status + " " + said
		}
		s.setStatus(said, false)
	}
}

// keptWhen says, when the session's phase does not take prompt p's key, in which
// phases it does (" in the group or vote phase"), and how to get there: a kept
// answer's key pressed in another phase does nothing with it. "" when the phase
// takes it.
func keptWhen(p BoardPrompt, ph session.Phase) string {
	switch p {
	case PromptSuggestionName:
		if ph == session.PhaseGroup {
			return ""
		}
		return " in the group phase"
	case PromptThemeName:
		if ph == session.PhaseGroup || ph == session.PhaseVote {
			return ""
		}
		if ph.AtLeast(session.PhaseActions) {
			return " in the group or vote phase ([ goes back)"
		}
		return " in the group or vote phase"
	case PromptActionOwner:
		if ph.AtLeast(session.PhaseActions) {
			return ""
		}
		return " from the actions phase on"
	default:
		if ph == session.PhaseActions {
			return ""
		}
		if ph == session.PhaseClosed {
			return " in the actions phase (reopen the session with [)"
		}
		return " in the actions phase"
	}
}

// isFor says whether a, the action point the board has under k's number, is the
// one k was typed for: made at the same time and with the title it had then.
func (k *BoardDraft) isFor(a *session.ActionPoint) bool {
	return a != nil && a.CreatedAt.Equal(k.Made) && a.Title == k.Was
}

// dropKept forgets the kept answer, here and on the connection unless a prompt
// open gave it another, and says why.
func (s *boardScreen) dropKept(why string) {
	s.kept = nil
	if s.ask.keep == nil {
		s.e.opt.Conn.KeepBoardDraft(s.sess.ID, BoardDraft{})
	}
	if s.status != "" && !s.statusErr && s.status != s.keptSaid {
		// What the board just did ("Action point deleted.") stays said.
		why = s.status + " " + why
	}
	s.setStatus(why, false)
}

// themeRef finds theme id: ok is false when the board has no such theme, and n is
// its number as # takes it (0 when the themes tab shows it without one).
func (s *boardScreen) themeRef(id int64) (n int, ok bool) {
	if !slices.ContainsFunc(s.themes.themes, func(th *session.Theme) bool { return th.ID == id }) {
		return 0, false
	}
	for _, r := range s.tabs[tabThemes].(*themesTab).rowsNow {
		if r.header && r.theme == id && r.num > 0 {
			return r.num, true
		}
	}
	return 0, true
}

// takeKept returns the answer kept for prompt p on target, and forgets it here;
// ok is false when none is.
func (s *boardScreen) takeKept(p BoardPrompt, target int64) (string, bool) {
	k := s.kept
	if k == nil || k.Prompt != p || k.Target != target {
		return "", false
	}
	if (p == PromptActionTitle || p == PromptActionOwner) && !k.isFor(s.action(target)) {
		return "", false
	}
	s.kept = nil
	return k.Text, true
}

// takeKeptSuggestion is takeKept for the name of the suggested theme of notes
// ids (in order of ID).
func (s *boardScreen) takeKeptSuggestion(ids []int64) (string, bool) {
	k := s.kept
	if k == nil || k.Prompt != PromptSuggestionName || !slices.Equal(k.Notes, ids) {
		return "", false
	}
	s.kept = nil
	return k.Text, true
}

// keepAnswer has the connection keep what is typed into the prompt just opened, as
// the answer to the prompt for (its Prompt, and its Target or Notes), should it
// drop before it is saved (see Conn.KeepBoardDraft); once emptied, closed or
// saved, an answer kept from a dropped board and not yet taken is kept again.
// back says the prompt opened with the answer takeKept gave, and the status line
// says so.
func (s *boardScreen) keepAnswer(to BoardDraft, back bool) {
	conn, id, p := s.e.opt.Conn, s.sess.ID, to.Prompt
	if p == PromptActionTitle || p == PromptActionOwner {
		if a := s.action(to.Target); a != nil {
			to.Made, to.Was = a.CreatedAt, a.Title
		}
	}
	isBack := keptPrompts[p].what + " you were typing is back: enter saves it, esc drops it."
	s.ask.keep = func(v string) {
		d := to
		d.Text = v
		if v == "" && s.kept != nil {
			d = *s.kept
		}
		conn.KeepBoardDraft(id, d)
		if back && v == "" {
			// Dropped with esc (or saved, which says so): the line that it
			// is back, and that esc drops it, is no longer so. A save that
			// said so at once (a suggestion's name) keeps its line.
			back = false
			if s.status == isBack {
				s.setStatus("", false)
			}
		}
	}
	if back {
		s.ask.keep(s.ask.in.Value())
		s.setStatus(isBack, false)
	}
}

func (s *boardScreen) themeNumber(id int64) int {
	for i, th := range s.themes.themes {
		if th.ID == id {
			return i + 1
		}
	}
	return 0
}

// updateActions takes the keys of the action points, from the actions phase on.
func (t *themesTab) updateActions(msg tea.KeyMsg, cur themeRow) tea.Cmd {
	s := t.b
	id := s.sess.ID
	if s.sess.Phase == session.PhaseClosed && key.Matches(msg, tk.AddAction, tk.Priority, tk.EditTitle, tk.Move, tk.Delete) {
		// Said at once, before anything is typed into a prompt that could not be saved.
		s.setStatus("The session is closed: its action points stay as they are, but for their status (s), owner (o) and due date (u). To change more, reopen it with [.", true)
		return nil
	}
	if key.Matches(msg, tk.AddAction) && cur.theme != 0 {
		theme := cur.theme
		value, back := s.takeKept(PromptAction, theme)
		cmd := s.ask.open1("Action point: ", value, func(v string) (tea.Cmd, bool) {
			if long := actionTitleTooLong(v); long != "" {
				s.setStatus(long, true)
				return nil, false
			}
			svc := s.e.opt.Service
			return s.e.withTimeout(func(ctx context.Context) tea.Msg {
				a, err := svc.AddAction(ctx, session.ActionPoint{SessionID: id, ThemeID: theme, Title: v, Priority: session.PriorityMedium})
				if err != nil {
					return errMsg{err}
				}
				return actionAddedMsg{a.ID}
			}), true
		})
		s.ask.hint = actionTitleTooLong
		s.keepAnswer(BoardDraft{Prompt: PromptAction, Target: theme}, back)
		return cmd
	}
	if cur.action == 0 {
		if key.Matches(msg, tk.Priority, tk.Status, tk.Owner, tk.Due, tk.EditTitle, tk.Move, tk.Delete) {
			// These keys are an action point's: on a theme's line they would do
			// nothing, and what is typed next would land on the board as keys.
			say := "Select an action point first (↓ to the lines under its theme), or press a to add one."
			if s.sess.Phase == session.PhaseClosed {
				say = "Select an action point first (↓ to the lines under its theme)."
			}
			s.setStatus(say, true)
		}
		return nil
	}
	a := s.action(cur.action)
	if a == nil {
		return nil
	}
	c := *a
	// edit asks for one field of the action point (prompt p), refuses an answer
	// that long says is too long (the hint under it says so as it is typed), and
	// saves it; an answer to it kept from a dropped board opens instead of the field.
	edit := func(p BoardPrompt, prompt, value string, long func(v string) string, set func(c *session.ActionPoint, v string)) tea.Cmd {
		aid := c.ID
		typed, back := s.takeKept(p, aid)
		if back {
			value = typed
		}
		cmd := s.ask.open1(prompt, value, func(v string) (tea.Cmd, bool) {
			if why := long(v); why != "" {
				s.setStatus(why, true)
				return nil, false
			}
			a := s.action(aid)
			if a == nil {
				return nil, true
			}
			c := *a
			set(&c, v)
			// Keep the change locally too, so a quick next edit builds on it rather
			// than on the state before it.
			*a = c
			return s.saveAction("Action point updated.", c), true
		})
		s.ask.hint = long
		s.keepAnswer(BoardDraft{Prompt: p, Target: aid}, back)
		return cmd
	}
	switch {
	case key.Matches(msg, tk.Move):
		// An action point added under the wrong theme goes to another, typed by
		// part of its name or its number in the ranking.
		aid := c.ID
		cmd := s.ask.open1("Move the action point to theme (name or #): ", "", func(v string) (tea.Cmd, bool) {
			to := s.rankedTheme(v)
			a := s.action(aid)
			if to == nil || a == nil {
				s.setStatus("No theme matches: type part of a theme's name or its number in the ranking.", true)
				return nil, false
			}
			c := *a
			c.ThemeID = to.ID
			*a = c
			// The selection goes with it, now and once the board reloads: it
			// stayed on the row where the action point was, another theme's.
			t.refresh()
			t.selectAction(aid)
			t.followAction = aid
			return s.saveAction("Action point moved to “"+to.Label+"”.", c), true
		})
		s.ask.hint = func(v string) string {
			if strings.TrimSpace(v) == "" {
				return "Type part of a theme's name or its number in the ranking; enter moves, esc cancels."
			}
			if to := s.rankedTheme(v); to != nil {
				return "→ " + to.Label
			}
			return "No theme matches."
		}
		return cmd
	case key.Matches(msg, tk.Priority):
		// Up a step (high after medium), then round to low.
		c.Priority = (c.Priority+1)%3 + 1
	case key.Matches(msg, tk.Status):
		for i, st := range session.ActionStatuses {
			if st == c.Status {
				c.Status = session.ActionStatuses[(i+1)%len(session.ActionStatuses)]
				break
			}
		}
	case key.Matches(msg, tk.Owner):
		ownerTooLong := func(v string) string { return tooLong(v, session.MaxTitleLen, "The owner") }
		return edit(PromptActionOwner, "Owner: ", c.Owner, ownerTooLong, func(c *session.ActionPoint, v string) { c.Owner = v })
	case key.Matches(msg, tk.EditTitle):
		return edit(PromptActionTitle, "Action point: ", c.Title, actionTitleTooLong, func(c *session.ActionPoint, v string) { c.Title = v })
	case key.Matches(msg, tk.Due):
		aid := c.ID
		return s.ask.openReplace("Due (YYYY-MM-DD, empty for none): ", c.Due, func(v string) (tea.Cmd, bool) {
			return s.do("Due date set.", func(ctx context.Context, svc *session.Service) error {
				return svc.SetActionDue(ctx, aid, v)
			}), true
		})
	case key.Matches(msg, tk.Delete):
		s.confirmDelete = func() tea.Cmd {
			return s.do("Action point deleted.", func(ctx context.Context, svc *session.Service) error {
				return svc.DeleteAction(ctx, c.ID)
			})
		}
		s.setStatus("Delete this action point? y = delete, any other key = keep", true)
		return nil
	default:
		return nil
	}
	*a = c
	return s.saveAction("Action point updated.", c)
}

func (t *themesTab) view(w, room int) string {
	s := t.b
	sty := s.e.sty
	var b strings.Builder
	ph := s.sess.Phase
	if !ph.AtLeast(session.PhaseGroup) {
		b.WriteString(sty.Muted.Render("Themes come in the group phase. Press ] to move on when the notes are in.") + "\n")
		return b.String()
	}
	l := &t.list
	rows := t.rowsNow
	switch {
	case ph == session.PhaseGroup && len(s.themes.themes) == 0 && s.themes.markSug > 0 && s.themes.markSug <= len(s.themes.suggestions):
		// Which one waits to be merged, in view wherever the list is scrolled
		// (the name cut, not the instruction), as on the accepted themes.
		head := fmt.Sprintf("Merging %d. “", s.themes.markSug)
		const tail = "”: select the suggestion to merge it into, press m."
		name := fit(s.themes.suggestions[s.themes.markSug-1].Label, max(w-lipgloss.Width(head)-lipgloss.Width(tail), 8))
		b.WriteString(sty.Muted.Render(fit(head+name+tail, w)) + "\n")
	case ph == session.PhaseGroup && len(s.themes.themes) == 0:
		// What A does is kept on a narrow board: it was cut off at 60 columns.
		b.WriteString(sty.Header.Render("Suggested themes") + sty.Muted.Render(either(" (only you see these until you accept them with A)", " (only you see them until A)", w-16)) + "\n")
		if s.themes.suggesting && len(s.themes.suggestions) == 0 {
			b.WriteString(sty.Muted.Render("Clustering the notes…") + "\n")
		}
		if len(rows) == 0 {
			return b.String()
		}
	case ph == session.PhaseVote:
		people := s.activePeople()
		finished := 0
		for _, p := range people {
			if s.finished(p) {
				finished++
			}
		}
		b.WriteString(either(fmt.Sprintf("Voting: %d of %d finished · %d dots each, at most %d on a theme · counts hidden",
			finished, len(people), s.sess.VoteBudget, session.MaxVotesPerTheme),
			fmt.Sprintf("Voting: %d of %d finished · %d dots each · counts hidden", finished, len(people), s.sess.VoteBudget), w) + "\n")
	case ph == session.PhaseGroup && s.themes.placing:
		const title = "Notes without a theme"
		b.WriteString(sty.Header.Render(title) + sty.Muted.Render(fit(": where they would go (only you see this until A)", w-lipgloss.Width(title))) + "\n")
		if len(rows) == 0 {
			b.WriteString(sty.Muted.Render("Placing the notes…") + "\n")
			return b.String()
		}
	case ph == session.PhaseGroup:
		hint := "Themes everyone sees; ★ the note that stands for each."
		if n := s.unthemed(); n > 0 {
			// Notes written or imported after the themes were accepted: the count
			// in the header went up, and nothing else said so.
			hint = fmt.Sprintf("%s without a theme (under “no theme yet”): g shows where %s would go.", plural(n, "note"), map[bool]string{true: "it", false: "they"}[n == 1])
		}
		if s.themes.markTheme != 0 {
			// The name is cut, not what to do: at 80 columns a long name took
			// the instruction's end.
			head := fmt.Sprintf("Merging %d. “", s.themeNumber(s.themes.markTheme))
			const tail = "”: select the theme to merge it into, press m."
			name := fit(s.themeLabel(s.themes.markTheme), max(w-lipgloss.Width(head)-lipgloss.Width(tail), 8))
			hint = head + name + tail
		} else if n := len(s.themes.marked); n > 0 {
			// Shorter on a narrow board, the keys kept: at 60 columns "esc" was cut off.
			hint = either(fmt.Sprintf("%s marked: M moves %s to a theme by name or number; esc unmarks all.", plural(n, "note"), them(n)),
				fmt.Sprintf("%s marked: M moves %s; esc unmarks all.", plural(n, "note"), them(n)), w)
		}
		b.WriteString(sty.Muted.Render(fit(hint, w)) + "\n")
	default:
		b.WriteString(sty.Muted.Render(fit("Themes by priority (score = 3 × votes + 2 × people + notes)", w)) + "\n")
	}
	if len(rows) == 0 {
		b.WriteString(sty.Muted.Render("No themes.") + "\n")
		return b.String()
	}
	sel := l.selected()
	selected := t.selectedLines(w)
	// A note's theme stays in view above it when both fit: after a search, a jump
	// or a split the selected note would otherwise stand at the top, its theme's
	// name scrolled away.
	if sel < len(rows) && !rows[sel].header && sel <= l.top+1 {
		h := sel
		for h > 0 && !rows[h].header {
			h--
		}
		if rows[h].header && h < l.top && sel-h < room-1-(len(selected)-1) {
			l.top = h
		}
	}
	start, end, more := l.cut(room-1, len(selected)-1)
	for i := start; i < end; i++ {
		if i == sel {
			for _, line := range selected {
				b.WriteString(sty.Selected.Render(line) + "\n")
			}
			continue
		}
		for _, line := range t.rowLines(i, sel, w) {
			if rows[i].header {
				line = sty.Header.Render(line)
			}
			b.WriteString(line + "\n")
		}
	}
	if more {
		b.WriteString(l.moreLine(start, end, w, sty) + "\n")
	}
	return b.String()
}

// rowText is row i as the themes view draws it when row sel is selected.
func (t *themesTab) rowText(i, sel int) string {
	rows := t.rowsNow
	prefix, text := "  ", rows[i].text
	if i == sel {
		prefix = "▸ "
	}
	if (i == sel || t.wholeRow(i)) && rows[i].whole != "" {
		text = rows[i].whole
	}
	if !rows[i].header {
		mark := "   "
		if t.b.themes.marked[rows[i].note] && rows[i].sug == 0 {
			mark = " ✓ "
		}
		prefix += mark
	}
	return prefix + text
}

// selectedLines is the selected row as the themes view draws it, w columns wide
// (see rowLines).
func (t *themesTab) selectedLines(w int) []string {
	sel := t.list.selected()
	if sel < 0 || sel >= len(t.rowsNow) {
		return nil
	}
	return t.rowLines(sel, sel, w)
}

// rowLines is row i as the themes view draws it, w columns wide, when row sel is
// selected: the selected row, and a row shown whole (wholeRow), wrapped over up
// to three lines, so that a long note or action point, owner or list of
// volunteers can be read at 80 columns; any other row cut to one line.
func (t *themesTab) rowLines(i, sel, w int) []string {
	text := t.rowText(i, sel)
	if lipgloss.Width(text) <= w || i != sel && !t.wholeRow(i) {
		return []string{fit(text, w)}
	}
	indent := 5
	if t.rowsNow[i].action != 0 {
		// Past the arrow: under it, the next line read as another action point.
		indent = 7
	}
	return cutLines(wrapHanging(text, w, indent), 3, w, cutHanging)
}

// wholeRow reports whether row i shows whole when it is not selected too: a
// closed session's action points, which are the results read out from the board.
// Cut, every one but the selected read as "Tune the SAST rules with … · owner
// AppSec team · 1 vol." at 80 columns. While action points are made, the cut row
// keeps the owner, due date and volunteers of each in view at a glance.
func (t *themesTab) wholeRow(i int) bool {
	return t.b.sess.Phase == session.PhaseClosed && i >= 0 && i < len(t.rowsNow) && t.rowsNow[i].action != 0
}

func noteText(n *session.Note) string {
	t := n.Text
	if n.Hidden {
		t = "(hidden) " + t
	}
	return t
}

// actionRow is the row of action point a under theme. Cut to one line, it keeps
// its status, owner, due date and how many volunteered in view and cuts the title,
// so that the list says at a glance where each point stands and which have an
// owner or volunteers; selected, it is shown whole, volunteers' names too.
func (s *boardScreen) actionRow(theme int64, a *session.ActionPoint) themeRow {
	row := themeRow{theme: theme, action: a.ID, text: actionText(a)}
	room := s.e.w - 5 // the row's prefix and mark column
	if lipgloss.Width(row.text) <= room {
		return row
	}
	// The tail as it is, then shorter (owner and volunteers cut down), then
	// with the owner cut further, then without the count of volunteers (the
	// selected row shows them), as long as a readable start of the title is
	// left: at 80 columns an owner, a due date and a volunteer took the room,
	// and the whole line was cut at its end instead. The status stays whole in
	// every one: it is what a facilitator scans the list for (testers at 80
	// columns read "→ [high…]" beside a due date).
	bracket := fmt.Sprintf("→ [%s · %s] ", session.PriorityName(a.Priority), a.Status)
	due, dueShort, long, short := "", "", "", ""
	if a.Due != "" {
		due = " · due " + a.Due
		dueShort = due
		// Within the year to come the day and month say it ("due 1 Feb"): the
		// date in full left no room for the count of volunteers at 80 columns.
		if d, err := time.Parse(session.DateLayout, a.Due); err == nil {
			today, _ := time.Parse(session.DateLayout, s.e.today())
			if !d.Before(today) && d.Before(today.AddDate(1, 0, 0)) {
				dueShort = " · due " + d.Format("2 Jan")
			}
		}
	}
	if n := len(a.Volunteers); n > 0 {
		long, short = " · "+plural(n, "volunteer"), fmt.Sprintf(" · %d vol.", n)
	}
	type tier struct {
		owner int    // cells of the owner's name at most
		vols  string // the count of volunteers
		give  bool   // the owner gives way to the title, down to ownerCut cells
		short bool   // the due date without its year, when it is in the year to come
	}
	const ownerCut = 6
	// The first tier that leaves the title readableTitle cells, else the first
	// that leaves it 16: a title cut to a few words beside an owner in full read
	// as nothing (testers at 80 columns).
	passes := []struct {
		least int
		tiers []tier
	}{
		{min(readableTitle, lipgloss.Width(a.Title)), []tier{{20, long, false, false}, {12, short, false, false}, {12, short, true, false}}},
		{16, []tier{{20, long, false, false}, {12, short, false, false}, {12, short, true, false}, {12, short, true, true}, {12, "", true, true}}},
	}
	for _, pass := range passes {
		for _, tier := range pass.tiers {
			tail, due := "", due
			if tier.short {
				due = dueShort
			}
			if a.Owner != "" {
				cells := tier.owner
				if tier.give {
					rest := room - lipgloss.Width(bracket) - pass.least - lipgloss.Width(" · owner "+due+tier.vols)
					cells = min(cells, rest)
				}
				if cells < min(ownerCut, lipgloss.Width(a.Owner)) {
					continue
				}
				tail += " · owner " + fit(a.Owner, cells)
			}
			tail += due + tier.vols
			if title := room - lipgloss.Width(bracket) - lipgloss.Width(tail); title >= pass.least {
				row.text, row.whole = bracket+fit(a.Title, title)+tail, actionText(a)
				return row
			}
		}
	}
	return row
}

// selectTheme selects rows[i], a theme's name, with the rows under it up to the
// next header (its notes) in sight (see list.selectItem).
func (t *themesTab) selectTheme(rows []themeRow, i int) {
	last := i
	for last+1 < len(rows) && !rows[last+1].header {
		last++
	}
	t.rows().selectItem(i, last)
}

// readableTitle is how many cells of an action point's title a cut row keeps
// before it shortens what follows the title.
const readableTitle = 24

func actionText(a *session.ActionPoint) string {
	t := fmt.Sprintf("→ [%s · %s] %s", session.PriorityName(a.Priority), a.Status, a.Title)
	if a.Owner != "" {
		t += " · owner " + a.Owner
	}
	if a.Due != "" {
		t += " · due " + a.Due
	}
	if len(a.Volunteers) > 0 {
		t += " · volunteers " + strings.Join(a.Volunteers, ", ")
	}
	return t
}

// plural writes a count with its noun: "1 note", "2 notes".
func plural(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// persons writes a count of people: "1 person", "2 people".
func persons(n int) string {
	if n == 1 {
		return "1 person"
	}
	return fmt.Sprintf("%d people", n)
}

// firstWords names a theme after the opening words of a note, without an ellipsis:
// the name is stored and exported, not only shown.
func firstWords(text string, n int) string {
	words := strings.Fields(text)
	if len(words) > n {
		words = words[:n]
	}
	return strings.Join(words, " ")
}

// splitName names a theme made of one note: the note itself when it fits a
// theme's name, else its first clause when that does, else the note's key
// phrase, as a suggestion would name it. Its first five words stopped
// mid-phrase ("We learn about incidents from").
func splitName(text string) string {
	t := strings.TrimRight(strings.TrimSpace(text), ".!?;:, ")
	fits := func(v string) bool { return v != "" && utf8.RuneCountInString(v) <= session.MaxTopicLen }
	if fits(t) {
		return t
	}
	if i := strings.IndexAny(t, ",;:.!?(—"); i > 0 {
		if c := strings.TrimSpace(t[:i]); fits(c) && len(strings.Fields(c)) >= 2 {
			return c
		}
	}
	if th := analysis.Cluster([]analysis.Doc{{ID: "1", Text: text}}); len(th) == 1 && th[0].Label != "unsorted" && fits(th[0].Label) {
		return th[0].Label
	}
	var b strings.Builder
	for _, w := range strings.Fields(t) {
		if utf8.RuneCountInString(b.String())+1+utf8.RuneCountInString(w) > session.MaxTopicLen {
			break
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}

// nameTooLong says, while a theme's name is typed, that it is longer than a
// name may be, so that it is shortened before enter is refused; "" when it
// fits.
func nameTooLong(v, what string) string {
	return tooLong(v, session.MaxTopicLen, what)
}

// actionTitleTooLong is the hint under an action point's title as it is typed.
func actionTitleTooLong(v string) string {
	return tooLong(v, session.MaxActionTitleLen, "An action point's title")
}

// tooLong says, as it is typed, that an answer is longer than most characters:
// said only at enter, the words typed past the limit had been typed in vain.
func tooLong(v string, most int, what string) string {
	if n := utf8.RuneCountInString(session.CleanText(v)); n > most {
		return fmt.Sprintf("%s can be at most %d characters: this one has %d.", what, most, n)
	}
	return ""
}

// themeLabel is the name of the theme id as the board has it, cut to 30 cells.
func (s *boardScreen) themeLabel(id int64) string {
	for _, th := range s.themes.themes {
		if th.ID == id {
			return fit(th.Label, 30)
		}
	}
	return ""
}

// mergedSaying says what merging theme from into theme into did, numbers included:
// the themes after the one merged away move up one number, so numbers noted for
// the next moves (M 14) would otherwise be wrong without a word.
func (s *boardScreen) mergedSaying(from, into int64) string {
	f, i := s.themeNumber(from), s.themeNumber(into)
	if f == 0 || i == 0 {
		return "Themes merged."
	}
	now := i
	if i > f {
		now--
	}
	said := fmt.Sprintf("“%s” merged into %d. “%s”", s.themeLabel(from), now, s.themeLabel(into))
	if f < len(s.themes.themes) {
		said += fmt.Sprintf("; the themes after %d moved up one number", f)
	}
	return said + "."
}
