package tui

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/charter-tool/charter/session"
)

// notesTab lists the session's notes under counts per area and lane: newest first
// while people write, by area, lane and text from the reveal on (latest).
type notesTab struct {
	b    *boardScreen
	list list
}

func newNotesTab(b *boardScreen) *notesTab {
	t := &notesTab{b: b, list: newList()}
	t.list.match = func(i int, q string) bool {
		ns := b.latest()
		return i < len(ns) && noteMatches(ns[i], q)
	}
	return t
}

// noteMatches reports whether a note's text or its tag holds the lower-case query.
func noteMatches(n *session.Note, q string) bool {
	return strings.Contains(strings.ToLower(n.Text), q) || strings.Contains(strings.ToLower(noteTag(n, 0)), q)
}

// rows is the list of the notes as last synced; drawing only reads it.
func (t *notesTab) rows() *list { return &t.list }

// notesHead is how many lines of the notes tab's view come before the notes: the
// counts of each area and a blank line.
var notesHead = len(session.Areas) + 1

// head is how many lines of the notes tab's view in room lines come before the
// notes: notesHead, or none where the counts would leave fewer than minBody notes
// (the counts of each area give way before the notes do).
func (t *notesTab) head(room int) int {
	if room-notesHead < minBody {
		return 0
	}
	return notesHead
}

func (t *notesTab) sync() {
	t.list.setLen(len(t.b.notes))
	if room, shown := t.b.tabRoom(); shown {
		t.list.setCutPage(room - t.head(room))
	}
}

func (t *notesTab) keys() []key.Binding {
	if t.b.sess != nil && t.b.sess.Phase == session.PhaseClosed {
		// A closed session's notes are final: no hiding, no moving.
		return []key.Binding{bk.Read, bk.Activities}
	}
	return []key.Binding{bk.Read, bk.Hide, bk.Refile, bk.Activities}
}

// refileLane is a lane a note can be moved to with L.
type refileLane struct {
	area session.Area
	lane string
}

// refileLanes are the lanes L offers: every fixed lane of the method, then the
// session's open topics (named by their writers), and those L moved a note out of
// here that no note has now, so that a note moved out of its topic can go back.
// The topics are in the order of their titles: the order they were written in
// would tell the board what it never shows.
func (s *boardScreen) refileLanes() []refileLane {
	var out []refileLane
	for _, a := range session.Areas {
		for _, l := range a.Lanes() {
			out = append(out, refileLane{a, l})
		}
	}
	// One title a topic (spellings differ until the reveal makes them one).
	titles := map[string]string{}
	add := func(t string) {
		k := session.TopicKey(t)
		if was, ok := titles[k]; k != "" && (!ok || t < was) {
			titles[k] = t
		}
	}
	for _, n := range s.notes {
		if n.Area == session.AreaOpen {
			add(n.Lane)
		}
	}
	for _, t := range s.leftTopics {
		add(t)
	}
	for _, k := range slices.Sorted(maps.Keys(titles)) {
		out = append(out, refileLane{session.AreaOpen, titles[k]})
	}
	return out
}

// refileChoices is what L's prompt lists: "1 strength 2 concern · 3 keep 4 add 5
// less 6 more · 7 motivates 8 demotivates", an area's lanes together, within 80
// columns, and on a line of their own the open topics, "9 AI tools 10 …", each
// cut to cut cells (0: whole; the number typed names the whole one).
func refileChoices(lanes []refileLane, cut int) string {
	var b strings.Builder
	for i, l := range lanes {
		switch {
		case i == 0:
		case l.area == session.AreaOpen && lanes[i-1].area != session.AreaOpen:
			b.WriteString("\n")
		case l.area != lanes[i-1].area:
			b.WriteString(" · ")
		default:
			b.WriteString(" ")
		}
		name := l.lane
		if l.area == session.AreaOpen && cut > 0 {
			name = fit(name, cut)
		}
		fmt.Fprintf(&b, "%d %s", i+1, name)
	}
	return b.String()
}

// refile asks where note n belongs, by the number of a lane, and then, in the
// security activities, which activity it is about, and moves it there: a note
// written under the wrong heading would count there in the findings and the
// activity matrix.
func (s *boardScreen) refile(n *session.Note) tea.Cmd {
	if s.sess.Phase == session.PhaseClosed {
		s.setStatus("The session is closed: its notes stay where they are. [ reopens it.", true)
		return nil
	}
	lanes := s.refileLanes()
	lane := func(v string) (refileLane, bool) {
		k, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || k < 1 || k > len(lanes) {
			return refileLane{}, false
		}
		return lanes[k-1], true
	}
	move := func(to refileLane, activity string) tea.Cmd {
		id := n.ID
		if n.Area == session.AreaOpen && (to.area != session.AreaOpen || session.TopicKey(to.lane) != session.TopicKey(n.Lane)) &&
			!slices.Contains(s.leftTopics, n.Lane) {
			s.leftTopics = append(s.leftTopics, n.Lane)
		}
		where := noteTag(&session.Note{Area: to.area, Lane: to.lane, Activity: activity}, 0)
		what := "the move of “" + fit(n.Text, 30) + "” to " + where
		// While grouping, u takes it back as it does a move of the themes: the
		// note's lane can change a theme's name (its side).
		return s.doThemesStep("Note moved to "+where+".", what, func(ctx context.Context, svc *session.Service) (*refiled, error) {
			was, now, err := svc.RefileNote(ctx, id, to.area, to.lane, activity)
			if err != nil {
				return nil, err
			}
			return &refiled{was: was, now: now}, nil
		})
	}
	cmd := s.ask.open1("Move the note to lane (number): ", "", func(v string) (tea.Cmd, bool) {
		to, ok := lane(v)
		if !ok {
			s.setStatus(fmt.Sprintf("Type the number of a lane, 1 to %d.", len(lanes)), true)
			return nil, false
		}
		if to.area != session.AreaActivities {
			return move(to, ""), true
		}
		// Which activity: the note's own kept, one of the list found by a part
		// of its name, or none.
		// The note's own activity, as offered, is kept even when it is not on
		// the list and listed names hold it ("scanning" was refused as several
		// activities, or became the one listed name holding it).
		own := func(v string) bool {
			return n.Activity != "" && strings.TrimSpace(v) == n.Activity
		}
		ask := s.ask.open1("Activity (part of its name; empty for none): ", n.Activity, func(v string) (tea.Cmd, bool) {
			if own(v) {
				return move(to, n.Activity), true
			}
			a, several := s.activityNamed(v)
			if len(several) > 1 {
				s.setStatus("Several activities hold “"+strings.TrimSpace(v)+"”: type more of one.", true)
				return nil, false
			}
			return move(to, a), true
		})
		s.ask.hint = func(v string) string {
			if own(v) {
				return "about: " + n.Activity + " (the note's own)"
			}
			a, several := s.activityNamed(v)
			switch {
			case len(several) > 1:
				// The prompt wraps it to the screen (two lines at most).
				return "which one? " + strings.Join(several, ", ")
			case a == "":
				return "about no activity in particular"
			case s.proposedActivity(a) != "":
				return "about: " + a + " (proposed on notes, not on the list)"
			case !slices.Contains(s.sess.Activities, a):
				return "about: " + a + " (not on the list: a new activity)"
			}
			return "about: " + a
		}
		return ask, false
	})
	s.ask.hint = func(v string) string {
		if to, ok := lane(v); ok {
			return "→ " + noteTag(&session.Note{Area: to.area, Lane: to.lane}, 0)
		}
		// Whole where there is room, as the notes' tags are.
		cut := 24
		if tagCut(s.e.w) == 0 {
			cut = 0
		}
		return refileChoices(lanes, cut)
	}
	return cmd
}

// activityNamed is the activity of the session's list whose name holds v (ignoring
// case), when exactly one does; else v as typed, cleaned (a proposal), or "". A
// name that holds v at the start of a word goes before one that holds it inside a
// word ("pen" is pen testing, not dependency scanning); when several are as good,
// they are returned as well, and v is none of them. From the reveal on, v that
// differs only in case or spacing from an activity participants proposed on their
// notes is that one, spelled as they have it, as the refile stores it.
func (s *boardScreen) activityNamed(v string) (string, []string) {
	v = strings.TrimSpace(v)
	if v == "" {
		return "", nil
	}
	if p := s.proposedActivity(v); p != "" {
		return p, nil
	}
	lv := strings.ToLower(v)
	var atWord, inside []string
	for _, a := range s.sess.Activities {
		if strings.EqualFold(a, v) {
			return a, nil
		}
		la := strings.ToLower(a)
		switch {
		case strings.HasPrefix(la, lv) || strings.Contains(la, " "+lv) || strings.Contains(la, "("+lv):
			atWord = append(atWord, a)
		case strings.Contains(la, lv):
			inside = append(inside, a)
		}
	}
	found := atWord
	if len(found) == 0 {
		found = inside
	}
	if len(found) == 1 {
		return found[0], nil
	}
	return v, found
}

// proposedActivity is the activity not on the session's list that a note has and
// v differs from only in case or spacing, once everyone sees the notes; else "".
func (s *boardScreen) proposedActivity(v string) string {
	if !s.sess.Phase.NotesVisibleToAll() {
		return ""
	}
	k := session.TopicKey(v)
	for _, a := range s.sess.Activities {
		if session.TopicKey(a) == k {
			return ""
		}
	}
	for _, n := range s.notes {
		if n.Activity != "" && session.TopicKey(n.Activity) == k {
			return n.Activity
		}
	}
	return ""
}

func (t *notesTab) selected() *session.Note {
	i := t.rows().selected()
	if i < 0 {
		return nil
	}
	return t.b.latest()[i]
}

// themeOfNote is the name of the theme that holds note id, quoted as a note's
// page names it; "" when no theme does (or none was accepted yet).
func (s *boardScreen) themeOfNote(id int64) string {
	for _, th := range s.themes.themes {
		if slices.Contains(th.NoteIDs, id) {
			return "“" + th.Label + "”"
		}
	}
	return ""
}

func (t *notesTab) update(msg tea.KeyMsg) tea.Cmd {
	s := t.b
	switch {
	case key.Matches(msg, bk.Read):
		if n := t.selected(); n != nil {
			// With its theme, as the themes view's page says it.
			s.reading = newNoteReader(n, s.themeOfNote(n.ID))
		}
	case key.Matches(msg, bk.Hide):
		if n := t.selected(); n != nil {
			if s.arrivedBefore {
				return s.askAfterArrival(n, "hide %s", func() tea.Cmd { return s.toggleHidden(n) })
			}
			return s.toggleHidden(n)
		}
	case key.Matches(msg, bk.Refile):
		if n := t.selected(); n != nil {
			if s.arrivedBefore {
				return s.askAfterArrival(n, "move %s to another lane", func() tea.Cmd { return s.refile(n) })
			}
			return s.refile(n)
		}
	case key.Matches(msg, bk.Activities):
		s.acts = newActivityEditor(s.sess.Activities, s.notes, s.e.sty)
	case key.Matches(msg, tk.Undo) && s.sess.Phase == session.PhaseGroup:
		// An L made here says "u undoes it", here as on the themes view.
		return s.undoThemes()
	}
	return nil
}

// askAfterArrival asks before doing what a key does to note n, which newer notes
// made the selected one after the facilitator's last key: the key may have been
// meant for the note selected before them.
func (s *boardScreen) askAfterArrival(n *session.Note, what string, do func() tea.Cmd) tea.Cmd {
	s.confirmDelete = do
	s.confirmNo = "Note left as it is."
	s.setStatus("New notes came in at the top: "+fmt.Sprintf(what, "“"+fit(n.Text, 40)+"”")+"? y/n", true)
	return nil
}

// dotsLostByHiding returns the theme n is the last shown note of, and the dots
// on it, which hiding n would give back to their voters (see session's
// returnDots); no theme and 0 dots when hiding n leaves every theme shown as it is.
func (s *boardScreen) dotsLostByHiding(n *session.Note) (*session.Theme, int) {
	for _, th := range s.themes.themes {
		if sh := s.themes.showing[th.ID]; sh.Shown && len(sh.Notes) == 1 && sh.Notes[0] == n.ID {
			return th, s.themes.totals[th.ID]
		}
	}
	return nil, 0
}

// toggleHidden hides note n, or shows it again, asking first when it is the last
// note shown of a theme (the notes view's h, and the themes view's on a note).
func (s *boardScreen) toggleHidden(n *session.Note) tea.Cmd {
	hide := !n.Hidden
	word := "Note hidden: kept, but left out of what participants see and of exports."
	if !hide {
		word = "Note shown again."
	}
	do := func() tea.Cmd {
		return s.do(word, func(ctx context.Context, svc *session.Service) error {
			return svc.HideNote(ctx, n.ID, hide)
		})
	}
	// While people vote the counts are hidden, so every theme's last note asks
	// the same, dots or none: a question only for themes with dots, or one
	// that said how many, would tell the board how the vote stands.
	voting := s.sess.Phase == session.PhaseVote
	if th, dots := s.dotsLostByHiding(n); hide && th != nil && (dots > 0 || voting) {
		// The theme leaves every participant's view and its dots go back to
		// their voters, to give again: showing the note later brings the theme
		// back without them. Votes are results; they change only on purpose.
		label := fit(th.Label, 40)
		s.confirmDelete = do
		s.confirmNo = "Note left as it is."
		if voting {
			word = fmt.Sprintf("Note hidden, and with it the theme %q: any dots on it went back to their voters.", label)
			s.setStatus(fmt.Sprintf("This is the last note shown of %q: hiding it hides the theme and gives any dots on it back to their voters (showing the note again does not bring them back). Hide? y/n", label), true)
			return nil
		}
		them := map[bool]string{true: "it", false: "them"}[dots == 1]
		word = fmt.Sprintf("Note hidden, and with it the theme %q: the %s on it went back to the voters.", label, plural(dots, "dot"))
		s.setStatus(fmt.Sprintf("This is the last note shown of %q: hiding it hides the theme and gives the %s on it back to the voters (showing the note again does not bring %s back). Hide? y/n", label, plural(dots, "dot"), them), true)
		return nil
	}
	return do()
}

func (t *notesTab) view(w, room int) string {
	s := t.b
	sty := s.e.sty
	var b strings.Builder
	// Keyed by area and lane as they are: a key joined into one string was made
	// for every note at every drawing, most of what the board allocated.
	type place struct {
		area session.Area
		lane string
	}
	count := map[place]int{}
	topics := map[string]bool{}
	for _, n := range s.notes {
		if n.Hidden {
			continue
		}
		count[place{n.Area, n.Lane}]++
		if n.Area == session.AreaOpen {
			topics[n.Lane] = true
		}
	}
	for _, a := range session.Areas {
		if t.head(room) == 0 {
			break
		}
		var parts []string
		for _, l := range a.Lanes() {
			parts = append(parts, fmt.Sprintf("%s %d", session.LaneTitle(l), count[place{a, l}]))
		}
		if a == session.AreaOpen {
			names := make([]string, 0, len(topics))
			for t := range topics {
				names = append(names, t)
			}
			// The topics with the most notes first; those that do not fit are
			// counted at the end rather than cut off unsaid.
			sort.Slice(names, func(i, j int) bool {
				ci, cj := count[place{session.AreaOpen, names[i]}], count[place{session.AreaOpen, names[j]}]
				return ci > cj || ci == cj && names[i] < names[j]
			})
			for _, t := range names {
				parts = append(parts, fmt.Sprintf("%s %d", t, count[place{session.AreaOpen, t}]))
			}
			if len(parts) == 0 {
				parts = append(parts, "none yet")
			}
			for shown := len(parts); shown > 1 && lipgloss.Width(strings.Join(parts, " · ")) > w-20; {
				shown--
				parts = append(parts[:shown], fmt.Sprintf("%d more", len(names)-shown))
			}
		}
		label := fmt.Sprintf("%-20s", a.Title())
		b.WriteString(sty.Header.Render(label) + fit(strings.Join(parts, " · "), w-20) + "\n")
	}
	if t.head(room) > 0 {
		b.WriteString("\n")
	}
	ns := s.latest()
	if len(ns) == 0 {
		for _, l := range wrap("Notes appear here in batches holding notes of two people or more, so that no note can be told by its writer.", w-2) {
			b.WriteString(sty.Muted.Render(l) + "\n")
		}
		return b.String()
	}
	l := &t.list
	start, end, more := l.cut(room-t.head(room), 0)
	s.lines.frame(sty)
	for i := start; i < end; i++ {
		n := ns[i]
		sel := i == l.selected()
		// Kept from the drawings before: most rows stay as they were while notes
		// arrive, and cutting each to the width was most of a drawing.
		k := lineKey{kind: lineBoardNote, id: n.ID, text: n.Text, extra: n.Lane, mark: n.Activity, area: n.Area, width: w, sel: sel}
		if n.Hidden {
			k.kind = lineBoardHidden
		}
		b.WriteString(s.lines.line(k, func() string {
			prefix := "  "
			if sel {
				prefix = "▸ "
			}
			switch {
			case n.Hidden:
				// Hidden, still with its tag: unhiding it is easier where one sees
				// what it was written under.
				return sty.Muted.Render(fit(prefix+"(hidden) ["+noteTag(n, tagCut(w))+"] "+n.Text, w))
			case sel:
				return sty.Selected.Render(fit(prefix+"["+noteTag(n, tagCut(w))+"] "+n.Text, w))
			}
			return fit(prefix+"["+noteTag(n, tagCut(w))+"] "+n.Text, w)
		}))
		b.WriteByte('\n')
	}
	if more {
		b.WriteString(l.moreLine(start, end, w, sty) + "\n")
	}
	return b.String()
}

// noteTag says in a few cells where a note was written: its area, lane and, if it
// names one, its activity ("act more · pen testing", "open · AI tools"). An open
// topic's title and the activity are cut to cut cells; cut 0 keeps them whole.
func noteTag(n *session.Note, cut int) string {
	short := func(s string) string {
		if cut <= 0 || lipgloss.Width(s) <= cut {
			return s
		}
		// A bracketed part ("(SAST)") goes before any word does.
		if i := strings.IndexByte(s, '('); i > 0 {
			if j := strings.IndexByte(s[i:], ')'); j > 0 {
				if b := strings.Join(strings.Fields(s[:i]+s[i+j+1:]), " "); b != "" && lipgloss.Width(b) <= cut {
					return b
				}
			}
		}
		return fit(s, cut)
	}
	var tag string
	switch n.Area {
	case session.AreaConfidence:
		tag = "conf " + n.Lane
	case session.AreaActivities:
		tag = "act " + n.Lane
	case session.AreaMotivation:
		tag = "mot " + n.Lane
	case session.AreaOpen:
		tag = "open · " + short(n.Lane)
	default:
		tag = string(n.Area) + " " + n.Lane
	}
	if n.Activity != "" {
		tag += " · " + short(n.Activity)
	}
	return tag
}

// tagCut is how many cells a list of width w gives an activity or topic in a tag:
// a few on a narrow screen, all of it where there is room.
func tagCut(w int) int {
	if w >= 120 {
		return 0
	}
	return 16
}
