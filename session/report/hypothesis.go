package report

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/charter-tool/charter/analysis"
	"github.com/charter-tool/charter/session"
)

// HypothesisFinding is one hypothesis of the program with the evidence the tool
// found for it and the verdict a person gave.
type HypothesisFinding struct {
	Number int    `json:"number"`
	Text   string `json:"text"`
	// Verdict is supported, mixed, not-supported or no-evidence; empty until a
	// person gives one.
	Verdict string `json:"verdict"`
	Why     string `json:"why"`
	// Themes are the campaign themes that match it, most similar first.
	Themes    []HypothesisTheme `json:"themes"`
	Sessions  []int             `json:"sessions"`
	Audiences []string          `json:"audiences"`
	// Notes counts the notes of the matching themes; Quotes are some of them, the
	// most similar of each session in turn.
	Notes  int              `json:"notes"`
	Quotes []HypothesisNote `json:"quotes"`
	// MoreNotes counts the notes of the matching themes not quoted (the same
	// words are quoted once).
	MoreNotes int `json:"more_notes"`
	// Breakdown splits the participants by what the hypothesis is about
	// (appointment, experience, level, mode, else audience); a segment's notes and
	// themes are the matching ones.
	Breakdown Breakdown `json:"breakdown"`
	// Activities are the activity matrix's rows of the activities the hypothesis
	// names ("pen testing is seen as low value"): what every note about them said,
	// whichever theme it is in. Counts only, no texts.
	Activities []ActivityRow `json:"activities"`
	// ActivityNotes are notes about those activities that no matching theme holds,
	// at most MaxHypothesisQuotes, each session in turn: a developer's note on pen
	// testing in a theme on deadlines is evidence on pen testing all the same.
	// MoreActivityNotes counts those left out.
	ActivityNotes     []HypothesisNote `json:"activity_notes"`
	MoreActivityNotes int              `json:"more_activity_notes"`
	// NotHeard are the audiences the hypothesis names ("service owners") that no
	// session of the campaign was held for: the campaign cannot speak for them.
	NotHeard []string `json:"audiences_not_heard"`
	// Heard are the audiences the hypothesis names that sessions were held for
	// ("developers"); its notes from them are marked (HypothesisNote.NamedAudience),
	// and the report says when none of those it quotes is.
	Heard []string `json:"audiences_named_heard"`
}

// HypothesisTheme is a campaign theme that matches a hypothesis.
type HypothesisTheme struct {
	ID         int      `json:"id"`
	Rank       int      `json:"rank"`
	Label      string   `json:"label"`
	Similarity float64  `json:"similarity"`
	Sessions   []int    `json:"sessions"`
	Audiences  []string `json:"audiences"`
	Notes      int      `json:"notes"`
}

// HypothesisNote is one note of a matching theme, or about an activity the
// hypothesis names, with where it was written.
type HypothesisNote struct {
	Session  int    `json:"session"`
	Audience string `json:"audience"`
	Text     string `json:"text"`
	// Area and Lane are where it was written (in the open area the lane is its
	// topic's title): evidence is found by what a note says, not by its side, and
	// a reader took what motivates for support of a hypothesis on what demotivates.
	// See Side.
	Area string `json:"area"`
	Lane string `json:"lane"`
	// Activity is set on a note about an activity, Theme to the campaign theme
	// it is in (none when the campaign has it in none).
	Activity string `json:"activity,omitempty"`
	Theme    string `json:"theme,omitempty"`
	// NamedAudience is set when the note is from an audience the hypothesis names:
	// "pen testing is valued by developers" in a developer's words.
	NamedAudience bool `json:"named_audience"`
}

// UnexpectedTheme is a campaign theme no hypothesis matches: what the program did
// not expect.
type UnexpectedTheme struct {
	ID       int    `json:"id"`
	Rank     int    `json:"rank"`
	Label    string `json:"label"`
	Sessions int    `json:"sessions"`
}

// MaxHypothesisQuotes is how many notes a hypothesis shows.
const MaxHypothesisQuotes = 6

// themeNote is one note of a campaign theme with the session it came from.
type themeNote struct {
	sess int
	note *session.Note
}

// ProgramSource is a Source that also keeps what surrounds a campaign's sessions:
// the program's hypotheses and the roster's coverage. session.Service is one.
type ProgramSource interface {
	Source
	Hypotheses(ctx context.Context, campaign string) ([]*session.Hypothesis, error)
	Coverage(ctx context.Context, campaign string) (session.CoverageData, error)
}

// LoadCampaignReport loads a campaign and builds its whole report: the sessions'
// findings, the program's hypotheses with their evidence, and, when there is a
// roster, how much of it the campaign reached.
func LoadCampaignReport(ctx context.Context, src Source, name string) (*CampaignFindings, error) {
	ds, err := LoadCampaign(ctx, src, name)
	if err != nil {
		return nil, err
	}
	f := BuildCampaign(name, ds)
	if err := AddProgram(ctx, src, f, ds); err != nil {
		return nil, err
	}
	return f, nil
}

// AddProgram adds the hypotheses and the roster coverage of f's campaign when src
// keeps them (a ProgramSource); ds are the sessions f was built from.
func AddProgram(ctx context.Context, src Source, f *CampaignFindings, ds []*Data) error {
	ps, ok := src.(ProgramSource)
	if !ok {
		return nil
	}
	if f.ds != nil {
		// The sessions that took place, numbered as f numbers them.
		ds = f.ds
	}
	hs, err := ps.Hypotheses(ctx, f.Campaign)
	if err != nil {
		return fmt.Errorf("load hypotheses: %w", err)
	}
	f.AddHypotheses(hs, ds)
	cov, err := ps.Coverage(ctx, f.Campaign)
	if err != nil {
		return fmt.Errorf("load coverage: %w", err)
	}
	f.AddCoverage(cov, ds)
	return nil
}

// AddHypotheses adds a section per hypothesis and the themes no hypothesis
// matches. A theme matches a hypothesis when their average similarity reaches the
// threshold at which themes of different sessions match (analysis.Relate, as
// analysis.MatchThemes). ds are the sessions f was built from. It is a pure
// function of its input.
func (f *CampaignFindings) AddHypotheses(hs []*session.Hypothesis, ds []*Data) {
	if len(hs) == 0 {
		return
	}
	// In the order f numbers them: by day alone, two sessions of one day held in
	// the other order than they were made had their quotes under each other's
	// number and audience.
	ds = slices.Clone(ds)
	slices.SortStableFunc(ds, heldOrder)
	texts := make([][]string, len(f.Themes))
	for i, t := range f.Themes {
		texts[i] = append(texts[i], t.Label)
		for _, n := range t.notes {
			// A note written under an activity is about it, whatever its words:
			// "found the IDOR in the admin panel" under pen testing is on pen testing.
			text := n.note.Text
			if a := strings.TrimSpace(n.note.Activity); a != "" {
				text = a + ": " + text
			}
			texts[i] = append(texts[i], text)
		}
	}
	matched := map[int]bool{}
	f.Hypotheses = []HypothesisFinding{}
	for _, h := range hs {
		sims, noteSims := analysis.Relate([]string{h.Text}, texts)
		hf := HypothesisFinding{Number: h.Number, Text: h.Text, Verdict: string(h.Verdict), Why: h.Why,
			Themes: []HypothesisTheme{}, Sessions: []int{}, Audiences: []string{}, Quotes: []HypothesisNote{},
			Activities: namedActivities(h.Text, f.Matrix)}
		hf.NotHeard, hf.Heard = notHeard(namedAudiences(h.Text), f.Sessions)
		type scored struct {
			themeNote
			sim float64
		}
		var notes []scored
		matching := map[noteKey]bool{}
		themeIDs := map[int]bool{}
		sessions, audiences := map[int]bool{}, map[string]bool{}
		about := aboutActivities(hf.Activities, f.Themes, texts)
		for i, t := range f.Themes {
			if sims[i] < MatchThreshold || about != nil && !about[i] {
				continue
			}
			matched[t.ID] = true
			themeIDs[t.ID] = true
			ht := HypothesisTheme{ID: t.ID, Rank: t.Rank, Label: t.Label, Similarity: math.Round(sims[i]*100) / 100,
				Sessions: []int{}, Audiences: t.Audiences, Notes: t.Notes}
			for j, n := range t.notes {
				notes = append(notes, scored{n, noteSims[i][j+1]})
				matching[noteKey{n.sess, n.note.ParticipantID, n.note.ID}] = true
				if !slices.Contains(ht.Sessions, n.sess+1) {
					ht.Sessions = append(ht.Sessions, n.sess+1)
				}
				sessions[n.sess+1] = true
				audiences[string(ds[n.sess].Session.Audience)] = true
			}
			slices.Sort(ht.Sessions)
			hf.Themes = append(hf.Themes, ht)
		}
		slices.SortStableFunc(hf.Themes, func(a, b HypothesisTheme) int {
			return cmp.Or(cmp.Compare(b.Similarity, a.Similarity), cmp.Compare(a.Rank, b.Rank))
		})
		for s := range sessions {
			hf.Sessions = append(hf.Sessions, s)
		}
		slices.Sort(hf.Sessions)
		hf.Audiences = audienceOrder(audiences)
		hf.Notes = len(notes)
		// The most similar note of each session in turn, so the quotes show how
		// different rooms put it.
		slices.SortStableFunc(notes, func(a, b scored) int {
			return cmp.Or(cmp.Compare(b.sim, a.sim), cmp.Compare(a.sess, b.sess), cmp.Compare(a.note.Text, b.note.Text), cmp.Compare(a.note.ID, b.note.ID))
		})
		// The same words are quoted once.
		taken := make([]bool, len(notes))
		said := map[string]bool{}
		for progressed := true; progressed && len(hf.Quotes) < MaxHypothesisQuotes; {
			progressed = false
			seen := map[int]bool{}
			for i, n := range notes {
				if taken[i] || seen[n.sess] || len(hf.Quotes) == MaxHypothesisQuotes {
					continue
				}
				seen[n.sess], taken[i], progressed = true, true, true
				if k := quoteKey(n.note.Text); !said[k] {
					said[k] = true
					hf.Quotes = append(hf.Quotes, HypothesisNote{Session: n.sess + 1, Audience: string(ds[n.sess].Session.Audience), Text: n.note.Text,
						Area: string(n.note.Area), Lane: n.note.Lane})
				}
			}
		}
		hf.MoreNotes = hf.Notes - len(hf.Quotes)
		hf.ActivityNotes, hf.MoreActivityNotes = f.activityNotes(hf.Activities, ds, matching, hf.Quotes)
		for _, qs := range [][]HypothesisNote{hf.Quotes, hf.ActivityNotes} {
			for i := range qs {
				qs[i].NamedAudience = slices.Contains(hf.Heard, qs[i].Audience)
			}
		}
		by := hypothesisDimension(h.Text)
		hiddenOf := themeIDs
		if sessionDimension(by) {
			// A note's session tells its audience and mode to anyone who reads
			// the session's findings: counting hidden notes there hides nothing,
			// and made the groups' notes more than the themes' ("9 notes" beside
			// developers 8 and service owners 2).
			hiddenOf = nil
		}
		people := matchingPeople(ds, f.noteThemes(matching, hiddenOf))
		hf.Breakdown = hypothesisBreakdown(by, ds, people)
		f.Hypotheses = append(f.Hypotheses, hf)
	}
	f.Unexpected = []UnexpectedTheme{}
	for _, t := range f.Themes {
		if !matched[t.ID] {
			f.Unexpected = append(f.Unexpected, UnexpectedTheme{ID: t.ID, Rank: t.Rank, Label: t.Label, Sessions: t.Sessions})
		}
	}
}

// activityNotes are the notes about the activities of rows that no matching
// theme holds (matching), as the activity matrix counts them (shown, in one of its
// lanes), each session in turn and the same words once, quoted ones too, at most
// MaxHypothesisQuotes; more is how many are left out.
func (f *CampaignFindings) activityNotes(rows []ActivityRow, ds []*Data, matching map[noteKey]bool, quoted []HypothesisNote) (notes []HypothesisNote, more int) {
	notes = []HypothesisNote{}
	if len(rows) == 0 {
		return notes, 0
	}
	activity := map[string]string{}
	for _, r := range rows {
		activity[session.TopicKey(r.Activity)] = r.Activity
	}
	label := map[int]string{}
	for _, t := range f.Themes {
		label[t.ID] = t.Label
	}
	bySession := make([][]HypothesisNote, len(ds))
	said := map[string]bool{}
	for _, q := range quoted {
		said[quoteKey(q.Text)] = true
	}
	for i, d := range ds {
		for _, n := range d.Notes {
			a, ok := activity[session.TopicKey(n.Activity)]
			k := noteKey{i, n.ParticipantID, n.ID}
			if !ok || n.Hidden || n.Area != session.AreaActivities || !slices.Contains(f.Matrix.Lanes, n.Lane) || matching[k] {
				continue
			}
			if said[quoteKey(n.Text)] {
				more++
				continue
			}
			said[quoteKey(n.Text)] = true
			bySession[i] = append(bySession[i], HypothesisNote{Session: i + 1, Audience: string(d.Session.Audience), Text: n.Text,
				Area: string(n.Area), Lane: n.Lane, Activity: a, Theme: label[f.themeOfNote[k]]})
		}
		slices.SortStableFunc(bySession[i], func(a, b HypothesisNote) int { return session.CompareText(a.Text, b.Text) })
	}
	for progressed := true; progressed; {
		progressed = false
		for i, ns := range bySession {
			if len(ns) == 0 {
				continue
			}
			progressed = true
			if len(notes) < MaxHypothesisQuotes {
				notes = append(notes, ns[0])
			} else {
				more++
			}
			bySession[i] = ns[1:]
		}
	}
	return notes, more
}

// noteThemes is the campaign theme of each matching note and of each hidden note
// of a matching theme (themeIDs): hidden notes count in a breakdown by what a
// person said of themselves as in the campaign's segments, or hiding one note and
// reporting again would tell which group its writer is in (see sessionDimension).
func (f *CampaignFindings) noteThemes(matching map[noteKey]bool, themeIDs map[int]bool) map[noteKey]int {
	themeOf := map[noteKey]int{}
	for _, t := range f.Themes {
		for _, n := range t.notes {
			if k := (noteKey{n.sess, n.note.ParticipantID, n.note.ID}); matching[k] {
				themeOf[k] = t.ID
			}
		}
	}
	for k, id := range f.themeOfNote {
		if _, ok := themeOf[k]; !ok && themeIDs[id] {
			themeOf[k] = id
		}
	}
	return themeOf
}

// matchingPeople lists the campaign's participants as the segments count them,
// with only the notes and themes that match (themeOf, see noteThemes): notes
// counts their matching notes, themes the matching themes those are in.
func matchingPeople(ds []*Data, themeOf map[noteKey]int) []*person {
	people := participantsOf(ds, themeOf, personKeys(ds))
	// participantsOf lists people in this order, removed ones too (what they
	// wrote stays); their notes are recounted.
	by := map[[2]int64]*person{}
	k := 0
	for i, d := range ds {
		for _, p := range d.Participants {
			by[[2]int64{int64(i), p.ID}] = people[k]
			people[k].notes = 0
			k++
		}
	}
	for i, d := range ds {
		for _, n := range d.Notes {
			if pp := by[[2]int64{int64(i), n.ParticipantID}]; pp != nil && themeOf[noteKey{i, n.ParticipantID, n.ID}] != 0 {
				pp.notes++
			}
		}
	}
	return people
}

// hypothesisDimensions are the questions a hypothesis may be about, found by the
// words it uses; the first that matches is the one its breakdown shows.
var hypothesisDimensions = []struct {
	by    string
	words []string
}{
	{"appointment", []string{"appoint", "volunt", "assigned", "chosen", "nominat"}},
	{"tenure", []string{"experience", "junior", "senior", "new to", "newcomer", "years", "tenure", "veteran"}},
	{"level", []string{"maturity", "level", "bronze", "silver", "gold", "platinum"}},
	{"mode", []string{"online", "remote", "in person", "in-person", "on site", "onsite"}},
}

// hypothesisDimension is what a hypothesis's breakdown splits people by: the first
// of hypothesisDimensions its words name, else their audience.
func hypothesisDimension(text string) string {
	lower := strings.ToLower(text)
	for _, d := range hypothesisDimensions {
		if slices.ContainsFunc(d.words, func(w string) bool { return strings.Contains(lower, w) }) {
			return d.by
		}
	}
	return "audience"
}

// sessionDimension reports whether a breakdown by is by what a session is (its
// audience, its mode), which its findings tell of every note, rather than by what a
// person said of themselves.
func sessionDimension(by string) bool { return by == "audience" || by == "mode" }

// hypothesisBreakdown splits people by what the hypothesis is about (by, see
// hypothesisDimension), with the rules of every breakdown: segments of at least
// session.MinSegment people.
func hypothesisBreakdown(by string, ds []*Data, people []*person) Breakdown {
	conf := segmentsMayShowConfidence(ds, people)
	for _, b := range breakdowns(ds, people, conf) {
		if b.By == by {
			return b
		}
	}
	var audiences []string
	for _, a := range session.Audiences {
		audiences = append(audiences, string(a))
	}
	return breakdown("audience", "Audience", audiences, people, bySession(ds, func(d *Data) string { return string(d.Session.Audience) }), func(p *person) string { return p.audience })
}

// mdSummaryHypotheses lists the program's hypotheses in the summary, each with
// its verdict and where its evidence was found: what a program lead looks for
// first, and the section that says it comes after every theme.
func mdSummaryHypotheses(p func(string, ...any), hs []HypothesisFinding, sessions int) {
	if len(hs) == 0 {
		return
	}
	p("- Hypotheses (the verdict a person gave; the evidence is under Hypotheses):\n")
	for _, h := range hs {
		evidence := "no matching theme"
		if len(h.Themes) > 0 {
			evidence = fmt.Sprintf("themes matching it in %d of %d sessions", len(h.Sessions), sessions)
		}
		p("  - H%d %s: %s (%s)\n", h.Number, Escape(session.Verdict(h.Verdict).Title()), Escape(h.Text), evidence)
	}
}

// namedAudiences are the audiences text names ("service owners", "developer"),
// in session.Audiences order.
func namedAudiences(text string) []session.Audience {
	var out []session.Audience
	lower := " " + strings.Join(strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) }), " ") + " "
	for _, a := range session.Audiences {
		if a == session.AudienceMixed {
			continue
		}
		name := strings.ReplaceAll(string(a), "-", " ")
		one := strings.TrimSuffix(name, "s")
		if strings.Contains(lower, " "+one+" ") || strings.Contains(lower, " "+name+" ") {
			out = append(out, a)
		}
	}
	return out
}

// notHeard are the audiences of named ("service owners") that no session of
// sessions was held for, and heard those that one was.
func notHeard(named []session.Audience, sessions []CampaignSession) (not, heard []string) {
	not, heard = []string{}, []string{}
	for _, a := range named {
		held := false
		for _, s := range sessions {
			held = held || s.Audience == string(a)
		}
		if held {
			heard = append(heard, string(a))
		} else {
			not = append(not, a.Title())
		}
	}
	return not, heard
}

// mdHypotheses writes a section per hypothesis and the themes nobody expected,
// when the campaign has hypotheses.
func (f *CampaignFindings) mdHypotheses(m *markdown) {
	p := m.p
	if len(f.Hypotheses) == 0 {
		return
	}
	e := Escape
	p("## Hypotheses\n\n")
	p("What the program believed before or during the campaign, with the evidence the sessions gave. ")
	p("A campaign theme matches a hypothesis when they are as similar as themes of different sessions must be to count as one (at least %s). ", trimFloat2(f.Threshold))
	p("The evidence is found by the tool; the verdict is given by a person.\n\n")
	for _, h := range f.Hypotheses {
		p("### H%d. %s\n\n", h.Number, e(h.Text))
		if h.Verdict == "" {
			p("Verdict: none yet.\n\n")
		} else {
			// The reason is the facilitator's words as typed, often without a
			// capital: after a colon, not as a sentence of its own.
			if h.Why == "" {
				p("Verdict: **%s**.\n\n", e(session.Verdict(h.Verdict).Title()))
			} else {
				p("Verdict: **%s**: %s\n\n", e(session.Verdict(h.Verdict).Title()), e(h.Why))
			}
		}
		quoted := len(h.Quotes) + len(h.ActivityNotes)
		if len(h.NotHeard) > 0 {
			if quoted == 0 {
				p("It names %s: no session was held with them, so their own view was not heard.\n\n", escapeAll(h.NotHeard))
			} else {
				p("It names %s: no session was held with them, so the evidence below is what others said, not their own view.\n\n", escapeAll(h.NotHeard))
			}
		}
		writeNamedHeard(p, h, quoted)
		if len(h.Themes) == 0 {
			p("No campaign theme matches it.\n\n")
		} else {
			p("%d matching %s with %d %s from %d of %d sessions (%s):\n\n", len(h.Themes), plural(len(h.Themes), "theme", "themes"),
				h.Notes, plural(h.Notes, "note", "notes"), len(h.Sessions), len(f.Sessions), audienceTitles(h.Audiences))
			p("| Theme | Rank | Similarity | Sessions | Audiences | Notes |\n")
			p("|---|---|---|---|---|---|\n")
			for _, t := range h.Themes {
				p("| %s | %d | %.2f | %s | %s | %d |\n", e(t.Label), t.Rank, t.Similarity, sessionList(t.Sessions), audienceTitles(t.Audiences), t.Notes)
			}
			p("\n")
			for i, q := range h.Quotes {
				if i > 0 {
					p(">\n")
				}
				p("> %s (%s)\n", escapeProse(q.Text), quoteWhere(q))
			}
			if len(h.Quotes) > 0 {
				p("\n")
			}
			if h.MoreNotes > 0 {
				// Without it, "9 notes" above six quotes read as six.
				p("And %d more %s of these themes.\n\n", h.MoreNotes, plural(h.MoreNotes, "note", "notes"))
			}
		}
		writeHypothesisActivities(p, h)
		writeHypothesisBreakdown(p, h.Breakdown)
	}
	p("## What the program did not expect\n\n")
	if len(f.Unexpected) == 0 {
		p("Every campaign theme matches a hypothesis.\n\n")
		return
	}
	p("Campaign themes that match no hypothesis, by rank:\n\n")
	for _, t := range f.Unexpected {
		p("- %s (rank %d, %d %s)\n", e(t.Label), t.Rank, t.Sessions, plural(t.Sessions, "session", "sessions"))
	}
	p("\n")
}

// namedActivities returns the matrix's rows of the activities text names, in the
// matrix's order, counts only: "code scanning (SAST)" is named by "code scanning",
// "pen testing" by "pen tests" (analysis.NamedIn).
func namedActivities(text string, m ActivityMatrix) []ActivityRow {
	names := make([]string, len(m.Activities))
	for i, row := range m.Activities {
		names[i], _, _ = strings.Cut(row.Activity, "(")
	}
	named := analysis.NamedIn(text, names)
	out := []ActivityRow{}
	for i, row := range m.Activities {
		if !named[i] {
			continue
		}
		r := row
		r.Cells = make([]MatrixCell, len(row.Cells))
		for i, c := range row.Cells {
			c.Texts = nil
			r.Cells[i] = c
		}
		out = append(out, r)
	}
	return out
}

// aboutActivities tells, for each theme, whether one of its notes is about one of
// the activities a hypothesis names (rows): written under it, or as similar to its
// name as themes of two sessions must be to match. nil when the hypothesis names
// none. A hypothesis about pen testing that matched a theme "recognition" on the
// word "valued" quoted notes on salaries as its evidence: what the hypothesis is
// about must be in the theme, not only what it says of it. texts[i] are theme i's
// label and notes, as AddHypotheses relates them.
func aboutActivities(rows []ActivityRow, themes []CampaignTheme, texts [][]string) []bool {
	if len(rows) == 0 {
		return nil
	}
	out := make([]bool, len(themes))
	for _, r := range rows {
		name, _, _ := strings.Cut(r.Activity, "(")
		_, noteSims := analysis.Relate([]string{name}, texts)
		for i, t := range themes {
			for j, n := range t.notes {
				out[i] = out[i] || strings.EqualFold(strings.TrimSpace(n.note.Activity), strings.TrimSpace(r.Activity)) ||
					noteSims[i][j+1] >= MatchThreshold
			}
		}
	}
	return out
}

// writeHypothesisActivities says what the notes about the activities a hypothesis
// names said, lane by lane, from the activity matrix, and quotes those no matching
// theme holds.
func writeHypothesisActivities(p func(string, ...any), h HypothesisFinding) {
	for _, r := range h.Activities {
		p("In the activity matrix, %s: %s, in any theme.\n\n", Escape(r.Title()), r.Said())
	}
	if len(h.ActivityNotes) == 0 {
		return
	}
	names := make([]string, len(h.Activities))
	for i, r := range h.Activities {
		names[i] = r.Activity
	}
	p("Notes about %s in themes that do not match the hypothesis:\n\n", escapeAll(names))
	for i, n := range h.ActivityNotes {
		if i > 0 {
			p(">\n")
		}
		p("> %s (%s)\n", escapeProse(n.Text), activityNoteWhere(n, len(names) > 1))
	}
	p("\n")
	if h.MoreActivityNotes > 0 {
		p("And %d more %s, in the activity matrix.\n\n", h.MoreActivityNotes, plural(h.MoreActivityNotes, "note", "notes"))
	}
}

// namedMark follows the audience of a quoted note from an audience the
// hypothesis names.
const namedMark = "the audience it names"

// audienceMark is the audience of a quoted note, marked when the hypothesis names
// it: "developers, the audience it names".
func audienceMark(n HypothesisNote) string {
	if n.NamedAudience {
		return audienceTitle(n.Audience) + ", " + namedMark
	}
	return audienceTitle(n.Audience)
}

// Side is the lane of a quoted note in the words the report uses for lanes
// ("Motivates", "Concerns", "Do less"), where its area has sides; "" for an open
// topic.
func (n HypothesisNote) Side() string {
	if !slices.Contains(session.Area(n.Area).Lanes(), n.Lane) {
		return ""
	}
	return session.LaneTitle(n.Lane)
}

// quoteWhere says where a note a hypothesis quotes from its matching themes was
// written, and on which side: "S1, developers; Motivates".
func quoteWhere(n HypothesisNote) string {
	out := fmt.Sprintf("S%d, %s", n.Session, audienceMark(n))
	if side := n.Side(); side != "" {
		out += "; " + side
	}
	return out
}

// QuotedFromNamed counts the notes h quotes (from matching themes and about its
// activities) that are from an audience it names.
func (h HypothesisFinding) QuotedFromNamed() int {
	n := 0
	for _, qs := range [][]HypothesisNote{h.Quotes, h.ActivityNotes} {
		for _, q := range qs {
			if q.NamedAudience {
				n++
			}
		}
	}
	return n
}

// writeNamedHeard says how many of the notes quoted (quoted) are from the
// audiences the hypothesis names that sessions were held for: when none is, the
// evidence is what others said of them, as when no session was held with them.
func writeNamedHeard(p func(string, ...any), h HypothesisFinding, quoted int) {
	if len(h.Heard) == 0 || quoted == 0 {
		return
	}
	from := h.QuotedFromNamed()
	if from == 0 {
		p("It names %s, but none of the notes quoted below is theirs: they are what others said, not their own view.\n\n", audienceTitles(h.Heard))
		return
	}
	p("It names %s: %d of the %d notes quoted below %s theirs, marked \"%s\".\n\n", audienceTitles(h.Heard), from, quoted, plural(from, "is", "are"), namedMark)
}

// activityNoteWhere says where a note about an activity was written and in which
// lane, its activity too when several are quoted: "S2, developers; Do more, in the
// theme feature deadlines".
func activityNoteWhere(n HypothesisNote, withActivity bool) string {
	lane := session.LaneTitle(n.Lane)
	if withActivity {
		lane = n.Activity + ": " + lane
	}
	out := fmt.Sprintf("S%d, %s; %s", n.Session, audienceMark(n), Escape(lane))
	if n.Theme != "" {
		out += ", in the theme " + Escape(n.Theme)
	}
	return out
}

// Said is what the notes about the row's activity said, lane by lane, with their
// number in all: "Keep 2 (up to 2 people), Do less 4 (up to 3 people), 6 notes in
// all". The people are the activity matrix's, a bound (session.PeopleUpTo).
func (r ActivityRow) Said() string {
	var cells []string
	for _, c := range r.Cells {
		if c.Notes > 0 {
			cells = append(cells, fmt.Sprintf("%s %d (%s)", session.LaneTitle(c.Lane), c.Notes, session.PeopleUpTo(c.People)))
		}
	}
	return strings.Join(append(cells, count(r.Notes, "note", "notes")+" in all"), ", ")
}

func writeHypothesisBreakdown(p func(string, ...any), b Breakdown) {
	if len(b.Segments) == 0 {
		p("By %s: no group of at least %d participations to compare.\n\n", strings.ToLower(b.Title), session.MinSegment)
		return
	}
	p("By %s (groups of at least %d participations, a person once in each session they joined; notes and themes that match the hypothesis", strings.ToLower(b.Title), session.MinSegment)
	if !sessionDimension(b.By) {
		// Said, so that the groups' notes are not read as more than the themes'.
		p(", the notes the facilitator hid too, so that hiding a note cannot tell which group its writer is in; they are quoted nowhere")
	}
	p("):\n\n")
	p("| Group | Participations | Matching notes | Matching themes | Mean confidence |\n")
	p("|---|---|---|---|---|\n")
	rows := b.Segments
	if b.Other != nil {
		rows = append(slices.Clone(rows), *b.Other)
	}
	for i, s := range rows {
		mean := "–"
		if s.Confidence != nil {
			mean = tenths(s.Confidence.Mean)
		}
		group := Escape(s.Value)
		if b.By == "audience" && i < len(b.Segments) {
			group = audienceTitle(s.Value)
		}
		p("| %s | %d | %d | %d | %s |\n", group, s.Participations, s.Notes, s.Themes, mean)
	}
	p("\n")
}

// sessionList writes session numbers as S1, S3.
func sessionList(ns []int) string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = fmt.Sprintf("S%d", n)
	}
	return strings.Join(out, ", ")
}

// sessionTitles names the sessions numbered ns by their titles, as the CSV's
// session column does on every other row, joined by "; ".
func (f *CampaignFindings) sessionTitles(ns []int) string {
	out := make([]string, 0, len(ns))
	for _, n := range ns {
		for _, s := range f.Sessions {
			if s.Number == n {
				out = append(out, s.Title)
			}
		}
	}
	return strings.Join(out, "; ")
}

// csvHypotheses writes what the document says of each hypothesis, every row
// naming it (H1) in the hypothesis column: a row for the hypothesis itself
// ("hypothesis": text is the hypothesis, status the verdict, why its reason,
// notes and sessions those of its matching themes), a row per theme that matches
// it ("hypothesis theme"), per note it quotes from those ("hypothesis quote", with
// its area and lane, so that a sheet tells what motivates from what does not), per
// activity it names and lane as the activity matrix counts them ("hypothesis
// activity"), and per note about those activities it quotes from other themes
// ("hypothesis activity note", theme the one the note is in); then a row per theme
// no hypothesis matches ("unexpected theme"). Like the document, no row says who
// wrote a note.
func (f *CampaignFindings) csvHypotheses(cw *csvWriter) {
	rank := map[string]int{}
	for _, t := range f.Themes {
		if _, twice := rank[t.Label]; twice {
			// Two campaign themes of one name: a note's rank would be a guess.
			rank[t.Label] = 0
			continue
		}
		rank[t.Label] = t.Rank
	}
	byNumber := map[int]CampaignSession{}
	for _, s := range f.Sessions {
		byNumber[s.Number] = s
	}
	for _, h := range f.Hypotheses {
		name := fmt.Sprintf("H%d", h.Number)
		cw.row("hypothesis", "", "", strings.Join(h.Audiences, "; "), "", "", "", "", "", h.Text, "", "", "",
			h.Verdict, "", h.Why, name, "", "", "", "", strconv.Itoa(h.Notes), "", strconv.Itoa(len(h.Sessions)))
		for _, t := range h.Themes {
			cw.row("hypothesis theme", f.sessionTitles(t.Sessions), "", strings.Join(t.Audiences, "; "), rankCell(t.Rank), t.Label,
				"", "", "", "", "", "", "", "", "", "", name)
		}
		for _, q := range h.Quotes {
			s := byNumber[q.Session]
			cw.row("hypothesis quote", s.Title, s.Date, q.Audience, "", "", q.Area, q.Lane, "", q.Text,
				"", "", "", "", "", "", name)
		}
		cw.activityRowsOf("hypothesis activity", "", "", "", name, h.Activities)
		for _, n := range h.ActivityNotes {
			s := byNumber[n.Session]
			cw.row("hypothesis activity note", s.Title, s.Date, n.Audience, rankCell(rank[n.Theme]), n.Theme,
				string(session.AreaActivities), n.Lane, n.Activity, n.Text, "", "", "", "", "", "", name)
		}
	}
	for _, t := range f.Unexpected {
		cw.row("unexpected theme", "", "", "", rankCell(t.Rank), t.Label, "", "", "", "", "", "", "", "", "")
	}
}
