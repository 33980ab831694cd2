package report

import (
	"cmp"
	"maps"
	"slices"

	"github.com/charter-tool/charter/session"
)

// ActivityMatrix is the method's own result: for every security activity, how many
// notes, and how many distinct people, said keep, add, do less and do more.
type ActivityMatrix struct {
	// Lanes are the lanes of the activities area in the method's order.
	Lanes []string `json:"lanes"`
	// Activities are ordered by their number of notes, most first; notes that name
	// no activity come last, under an empty Activity.
	Activities []ActivityRow `json:"activities"`
	Total      ActivityRow   `json:"total"`
}

// ActivityRow is one activity's notes by lane.
type ActivityRow struct {
	Activity string `json:"activity"`
	// Proposed is set on an activity participants named on their notes that no
	// session's list has: the facilitator did not accept it into the list (a on
	// the board's notes view), so it is listed after the list's, marked (Title).
	Proposed bool `json:"proposed,omitempty"`
	// Cells has one entry per lane of the matrix, in its order.
	Cells  []MatrixCell `json:"cells"`
	Notes  int          `json:"notes"`
	People int          `json:"people"`
}

// MatrixCell is what was said about one activity in one lane.
type MatrixCell struct {
	Lane   string `json:"lane"`
	Notes  int    `json:"notes"`
	People int    `json:"people"`
	// Texts are the notes, in alphabetical order so that the order tells nothing of
	// who wrote them; left out of matrices that only count (per audience).
	Texts []string `json:"texts,omitempty"`
}

// ProposedMark follows the name of an activity participants proposed and the
// facilitator did not accept, wherever the documents name it.
const ProposedMark = " (proposed, not accepted)"

// Title names the row's activity as the documents show it: NoActivity for notes
// that name none, a proposal marked ProposedMark.
func (r ActivityRow) Title() string {
	switch {
	case r.Activity == "":
		return NoActivity
	case r.Proposed:
		return r.Activity + ProposedMark
	}
	return r.Activity
}

// Cell returns the row's cell of lane.
func (r ActivityRow) Cell(lane string) MatrixCell {
	for _, c := range r.Cells {
		if c.Lane == lane {
			return c
		}
	}
	return MatrixCell{Lane: lane}
}

// matrixNote is one note of the activities area, its author as a key that is the
// same for one person wherever the report may count them once, and its session
// (an index, 0 in a session's own findings).
type matrixNote struct {
	sess                         int
	activity, lane, person, text string
}

// writers counts the writers of notes part by part: the session themes of a
// campaign theme, the sessions of a matrix cell. A count over several parts is the
// sum of each one's count as session.WritersShown bounds it: an exact count over
// them all beside the bounded counts of its parts (an audience's, a session
// theme's in its findings) told by subtraction that a few notes of one part shared
// a writer (a theme of 5 people beside its audiences' 4 and 2). The sum is capped
// at the people who took part in the parts' sessions, which the report's sessions
// count already: a count of people beyond them read as fact says more people spoke
// than were there.
type writers struct {
	took  tookPart
	parts map[int]*partWriters
}

// tookPart is who took part in each session (by its index), by the key the report
// counts a person by: every participant, removed and paper ones too, as every
// note's writer is one.
type tookPart map[int]map[string]bool

type partWriters struct {
	sess   int
	people map[string]bool
	notes  int
}

func newWriters(took tookPart) writers {
	return writers{took: took, parts: map[int]*partWriters{}}
}

// add counts one note of part, in session sess, by person.
func (w writers) add(part, sess int, person string) {
	s := w.parts[part]
	if s == nil {
		s = &partWriters{sess: sess, people: map[string]bool{}}
		w.parts[part] = s
	}
	s.people[person] = true
	s.notes++
}

// shown is the count of writers to show: each part's bounded count, summed, and
// capped at the people of the parts' sessions.
func (w writers) shown() int {
	n := 0
	all := map[string]bool{}
	for _, s := range w.parts {
		// The writers are among those who took part; counted in, so that a
		// session without its participants' list still counts its writers.
		took := maps.Clone(w.took[s.sess])
		if took == nil {
			took = map[string]bool{}
		}
		maps.Copy(took, s.people)
		n += session.WritersShown(len(s.people), s.notes, len(took))
		maps.Copy(all, took)
	}
	return min(n, len(all))
}

// NoActivity names the row of notes that name no activity.
const NoActivity = "(no activity named)"

// buildMatrix counts notes into the matrix; order lists activities in the order the
// sessions had them, for ties, and took who took part in them. withTexts keeps the
// notes' texts in the cells.
func buildMatrix(notes []matrixNote, order []string, took tookPart, withTexts bool) ActivityMatrix {
	lanes := session.AreaActivities.Lanes()
	m := ActivityMatrix{Lanes: lanes, Activities: []ActivityRow{}}
	type acc struct {
		notes  map[string][]string
		people map[string]writers
		all    writers
		n      int
	}
	newAcc := func() *acc {
		return &acc{notes: map[string][]string{}, people: map[string]writers{}, all: newWriters(took)}
	}
	add := func(a *acc, n matrixNote) {
		a.notes[n.lane] = append(a.notes[n.lane], n.text)
		if _, ok := a.people[n.lane]; !ok {
			a.people[n.lane] = newWriters(took)
		}
		a.people[n.lane].add(n.sess, n.sess, n.person)
		a.all.add(n.sess, n.sess, n.person)
		a.n++
	}
	// One row per activity whatever its case and spacing: people propose
	// activities without seeing each other's ("Container Scanning", "container
	// scanning") and sessions' lists may spell one otherwise; two rows read as two
	// activities with half the notes each. A row takes the spelling of the first
	// list that has the activity, else the one most of its notes have (on a tie,
	// the first in alphabetical order, which says nothing of who wrote first).
	spelling := map[string]string{}
	listed := map[string]bool{}
	for _, a := range order {
		k := session.TopicKey(a)
		if spelling[k] == "" {
			spelling[k] = a
		}
		listed[k] = true
	}
	uses := map[string]map[string]int{}
	for _, n := range notes {
		k := session.TopicKey(n.activity)
		if uses[k] == nil {
			uses[k] = map[string]int{}
		}
		uses[k][n.activity]++
	}
	for k, us := range uses {
		if k == "" || spelling[k] != "" {
			continue
		}
		for a, c := range us {
			if b := spelling[k]; b == "" || c > us[b] || c == us[b] && a < b {
				spelling[k] = a
			}
		}
	}
	rows := map[string]*acc{}
	total := newAcc()
	for _, n := range notes {
		if !slices.Contains(lanes, n.lane) {
			continue
		}
		name := spelling[session.TopicKey(n.activity)]
		r := rows[name]
		if r == nil {
			r = newAcc()
			rows[name] = r
		}
		add(r, n)
		add(total, n)
	}
	row := func(name string, a *acc) ActivityRow {
		// People as a theme's writers are counted (writers.shown): an exact count
		// of a cell's few notes beside a theme's floored one would tell whether
		// those notes share a writer.
		out := ActivityRow{Activity: name, Proposed: name != "" && !listed[session.TopicKey(name)], Notes: a.n, People: a.all.shown()}
		for _, l := range lanes {
			c := MatrixCell{Lane: l, Notes: len(a.notes[l]), People: a.people[l].shown()}
			if withTexts && len(a.notes[l]) > 0 {
				c.Texts = slices.Clone(a.notes[l])
				slices.SortFunc(c.Texts, session.CompareText)
			}
			out.Cells = append(out.Cells, c)
		}
		return out
	}
	var names []string
	for name := range rows {
		names = append(names, name)
	}
	index := func(name string) int {
		if i := slices.Index(order, name); i >= 0 {
			return i
		}
		return len(order)
	}
	// The list's activities first, then those participants proposed that no list
	// has (in among them, a proposal read as one the program runs), then the notes
	// that name none.
	place := func(s string) int {
		switch {
		case s == "":
			return 2
		case !listed[session.TopicKey(s)]:
			return 1
		}
		return 0
	}
	slices.SortFunc(names, func(a, b string) int {
		return cmp.Or(cmp.Compare(place(a), place(b)), cmp.Compare(rows[b].n, rows[a].n),
			cmp.Compare(index(a), index(b)), cmp.Compare(a, b))
	})
	for _, name := range names {
		m.Activities = append(m.Activities, row(name, rows[name]))
	}
	m.Total = row("", total)
	m.Total.Activity = "all activities"
	return m
}

// Signal is an activity on which most notes agree: keep it, add it, do less or more.
type Signal struct {
	Activity string `json:"activity"`
	Lane     string `json:"lane"`
	Notes    int    `json:"notes"`
	People   int    `json:"people"`
	// Of is how many notes the activity had in all lanes.
	Of int `json:"of_notes"`
}

// MaxSignals is how many activities the summary names.
const MaxSignals = 5

// signals picks the activities with the clearest signal: one lane holds more than
// half of the activity's notes, from at least two people; the strongest (most notes
// in that lane, then the largest share) first.
func signals(m ActivityMatrix) []Signal {
	out := []Signal{}
	for _, r := range m.Activities {
		if r.Activity == "" || r.Proposed {
			// A proposal the facilitator did not accept is no activity of the
			// program's to keep or do more of; the matrix shows it apart.
			continue
		}
		best := MatrixCell{}
		for _, c := range r.Cells {
			if c.Notes > best.Notes {
				best = c
			}
		}
		if best.People >= 2 && best.Notes*2 > r.Notes {
			out = append(out, Signal{Activity: r.Activity, Lane: best.Lane, Notes: best.Notes, People: best.People, Of: r.Notes})
		}
	}
	slices.SortStableFunc(out, func(a, b Signal) int {
		return cmp.Or(cmp.Compare(b.Notes, a.Notes), cmp.Compare(b.Notes*a.Of, a.Notes*b.Of))
	})
	if len(out) > MaxSignals {
		out = out[:MaxSignals]
	}
	return out
}

// LaneCount is how many of a theme's notes are in one area and lane, so that a theme
// of concerns is not read as praise.
type LaneCount struct {
	Area  string `json:"area"`
	Lane  string `json:"lane"`
	Title string `json:"title"`
	Notes int    `json:"notes"`
}

// laneCounts counts notes by area and lane, most first, then in the method's order.
func laneCounts(notes []*session.Note) []LaneCount {
	counts := map[[2]string]int{}
	for _, n := range notes {
		counts[[2]string{string(n.Area), n.Lane}]++
	}
	out := []LaneCount{}
	for k, n := range counts {
		out = append(out, LaneCount{Area: k[0], Lane: k[1], Title: session.LaneTitle(k[1]), Notes: n})
	}
	areaIndex := func(a string) int {
		if i := slices.Index(session.Areas, session.Area(a)); i >= 0 {
			return i
		}
		return len(session.Areas)
	}
	laneIndex := func(a, l string) int {
		if i := slices.Index(session.Area(a).Lanes(), l); i >= 0 {
			return i
		}
		return 99
	}
	slices.SortFunc(out, func(a, b LaneCount) int {
		return cmp.Or(cmp.Compare(b.Notes, a.Notes), cmp.Compare(areaIndex(a.Area), areaIndex(b.Area)),
			cmp.Compare(laneIndex(a.Area, a.Lane), laneIndex(b.Area, b.Lane)), cmp.Compare(a.Area, b.Area), cmp.Compare(a.Lane, b.Lane))
	})
	return out
}
