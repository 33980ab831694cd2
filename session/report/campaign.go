package report

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/charter-tool/charter/analysis"
	"github.com/charter-tool/charter/session"
)

// MatchThreshold is the least average similarity at which themes of different
// sessions count as one campaign theme, set for precision (analysis.MatchThreshold).
const MatchThreshold = analysis.MatchThreshold

// SaturationWindow is how many of the last sessions the saturation verdict looks at.
const SaturationWindow = 3

// LoadCampaign loads every session of the named campaign from src, oldest first.
func LoadCampaign(ctx context.Context, src Source, name string) ([]*Data, error) {
	return src.CampaignReportData(ctx, name)
}

// CampaignFindings is the report of a whole campaign. Its text fields hold user text
// as written; WriteMarkdown escapes it. Participants are never named; only volunteers
// on action points are, who chose to be. A person is counted once per campaign when
// their sessions know them by the same SSH key, and once per session they joined
// when they had no key (paper notes, keyless connections). The writers of a theme or
// of a cell of the activity matrix are counted session by session and summed
// (writers), so that no count minus its parts tells who shared a writer.
type CampaignFindings struct {
	// Schema and Version name the JSON layout (docs/report-schema.md).
	Schema   string         `json:"schema"`
	Version  int            `json:"schema_version"`
	Summary  Summary        `json:"summary"`
	Matrix   ActivityMatrix `json:"activity_matrix"`
	Campaign string         `json:"campaign"`
	// From and To are the dates (UTC, YYYY-MM-DD) of the first and last session.
	From     string            `json:"from"`
	To       string            `json:"to"`
	Sessions []CampaignSession `json:"sessions"`
	// NotHeld are the campaign's sessions nobody has joined and without notes yet
	// (planned ones): listed, and left out of every figure, so that a session that
	// has not taken place counts neither as a session nor as one that brought no
	// new theme. They have no number.
	NotHeld []CampaignSession `json:"sessions_not_held"`
	// Participants counts people once per campaign (see CampaignFindings), and
	// Participations once per session they joined; hidden notes are left out,
	// participants the facilitator removed are not (what they wrote stays).
	Participants   int `json:"participants"`
	Participations int `json:"participations"`
	Notes          int `json:"notes"`
	// Confidence is over the ratings of the sessions whose own findings show their
	// confidence (at least session.MinSegment ratings), so that it adds nothing that
	// subtraction could single someone out by; nil when there are none.
	Confidence *Confidence `json:"confidence"`
	// ConfidenceLeftOut counts the sessions whose ratings Confidence leaves out:
	// those with some ratings, but fewer than session.MinSegment.
	ConfidenceLeftOut int `json:"confidence_sessions_left_out"`
	// RatingsHeldOut counts the ratings given in the sessions that are held for
	// others' (session.MinBatchRaters) and so left out of every figure, as each
	// session's findings leave them out: never whose.
	RatingsHeldOut int     `json:"ratings_held_out"`
	Threshold      float64 `json:"match_threshold"`
	// Method says how campaign themes were scored.
	Method string          `json:"prioritization"`
	Themes []CampaignTheme `json:"themes"`
	// Unthemed counts notes the facilitator left in no theme.
	Unthemed  int            `json:"unthemed_notes"`
	Audiences []AudienceView `json:"audiences"`
	// Segments show confidence only when SegmentConfidence is set (see breakdowns).
	Segments          []Breakdown      `json:"segments"`
	SegmentConfidence bool             `json:"segment_confidence"`
	Saturation        Saturation       `json:"saturation"`
	Actions           []CampaignAction `json:"action_points"`
	// Comparison is set by Compare, when the report follows an earlier campaign up.
	Comparison *Comparison `json:"comparison,omitempty"`
	// Coverage, Hypotheses and Unexpected are added by AddCoverage and
	// AddHypotheses, when there is a roster and there are hypotheses.
	Coverage   *Coverage           `json:"coverage,omitempty"`
	Hypotheses []HypothesisFinding `json:"hypotheses,omitempty"`
	Unexpected []UnexpectedTheme   `json:"unexpected_themes,omitempty"`

	// notes are the visible notes for the CSV document, by session, area, lane and
	// text, so that their order tells nothing of who wrote them.
	notes []campaignNote
	// ds are the sessions f was built from that took place, in the order numbered.
	ds []*Data
	// themeOfNote is the campaign theme of each note in one, hidden notes too, as
	// the segments count them (see participantsOf).
	themeOfNote map[noteKey]int
}

// campaignNote is a visible note of session number sess.
type campaignNote struct {
	sess int
	note *session.Note
}

// CampaignSession is one session of the campaign with its counts.
type CampaignSession struct {
	// Number is the session's place in date order, from 1.
	Number int `json:"number"`
	Meta
	Participants int `json:"participants"`
	Notes        int `json:"notes"`
	// Clustered is set when the facilitator had not grouped the notes into themes
	// yet, so the report clustered them itself.
	Clustered bool `json:"clustered_for_report"`
	// Undated is set when no day was given for the session: Date is then the day
	// it was created, which places it among the others.
	Undated bool `json:"undated,omitempty"`
	// FewWriters is set when its shown notes have fewer than session.MinSegment
	// writers, as far as the report can tell (paper notes without author labels
	// are of an unknown number of people): whoever knows who took part can tell
	// whose they are.
	FewWriters bool `json:"few_writers,omitempty"`
	// InPlaceOf is set on a planned session not held when a session made by hand
	// was held in its place (see Coverage.InPlace): that session, "S3".
	InPlaceOf string `json:"held_in_its_place_by,omitempty"`
}

// SessionTheme is one session's theme within a campaign theme. ThemeID is 0 for a
// theme the report clustered itself (the session has no themes yet).
type SessionTheme struct {
	Session int   `json:"session"`
	ThemeID int64 `json:"theme_id"`
	// Rank is the theme's rank in its session's findings, as its board ranks it
	// from the actions phase on; 0 for a theme the report clustered.
	Rank  int      `json:"rank"`
	Label string   `json:"label"`
	Notes []string `json:"notes"`
	// KeptApart are the themes (IDs) of other sessions that a facilitator split
	// this one from: matching never puts them together.
	KeptApart []int64 `json:"kept_apart,omitempty"`
	// JoinedWith are the themes (IDs) of other sessions that a facilitator joined
	// this one with: matching puts them together.
	JoinedWith []int64 `json:"joined_with,omitempty"`
}

// CampaignTheme is one concern as raised across the campaign, possibly in
// different words in different sessions.
type CampaignTheme struct {
	// ID numbers campaign themes in the order the sessions first raised them, from 1.
	ID    int    `json:"id"`
	Rank  int    `json:"rank"`
	Label string `json:"label"`
	Score int    `json:"score"`
	// SessionLabels are the distinct labels the theme had in its sessions.
	SessionLabels []string `json:"session_labels"`
	// SessionThemes are the session themes matched into it, with their notes, so
	// that a grouping can be checked, and a wrong match split
	// (charter report --split ID,ID).
	SessionThemes []SessionTheme `json:"session_themes"`
	Sessions      int            `json:"sessions"`
	Locations     []string       `json:"locations"`
	Audiences     []string       `json:"audiences"`
	// Participants counts the writers of its notes in each session theme matched
	// into it, floored as the session's findings floor them, and summed (writers).
	Participants int `json:"participants"`
	Votes        int `json:"votes"`
	Notes        int `json:"notes"`
	// Lanes say in which areas and lanes its notes are, most first.
	Lanes []LaneCount `json:"lanes"`
	// FirstSession is the Number of the session that raised it first.
	FirstSession int `json:"first_session"`
	// Quotes are up to MaxQuotes of its notes; MoreNotes counts the others.
	Quotes    []string `json:"quotes"`
	MoreNotes int      `json:"more_notes"`
	// ByAudience is the theme's rank and share in each audience of the campaign, in
	// the order of the campaign's Audiences.
	ByAudience []ThemeAudience `json:"by_audience"`
	// ActionIDs are its action points, in the order of the campaign's Actions.
	ActionIDs []int64 `json:"action_point_ids"`
	// NoteIDs are its visible notes, for callers that relate notes to themes.
	NoteIDs []int64 `json:"-"`
	notes   []themeNote
}

// ThemeAudience is where one audience put a campaign theme.
type ThemeAudience struct {
	Audience string `json:"audience"`
	// Rank is the theme's rank among the themes this audience raised, by the same
	// formula on this audience's sessions only; 0 when it did not raise it.
	Rank   int `json:"rank"`
	People int `json:"people"`
	// Share is People out of the audience's participations, from 0 to 1.
	Share float64 `json:"share"`
}

// AudienceView is what one audience said across the campaign.
type AudienceView struct {
	Audience string `json:"audience"`
	Sessions int    `json:"sessions"`
	// Participations counts its people once per session they joined, as every
	// table of people does, so that the audiences add up to the campaign's.
	Participations int `json:"participations"`
	// Confidence is nil when fewer than session.MinSegment people rated.
	Confidence *Confidence `json:"confidence"`
	// Themes counts the campaign themes the audience raised.
	Themes int `json:"themes"`
	// OnlyHere are the IDs of the campaign themes no other audience raised, by rank;
	// empty when the campaign heard one audience only.
	OnlyHere []int `json:"themes_only_this_audience"`
	// Matrix counts this audience's notes on activities, without their texts.
	Matrix ActivityMatrix `json:"activity_matrix"`
}

// Breakdown splits the campaign's participations by one profile question or by
// mode: a person counts once in each session they joined, with the answers they
// gave there, so that the segments add up to the campaign's Participations.
type Breakdown struct {
	By    string `json:"by"`
	Title string `json:"title"`
	// Segments hold at least session.MinSegment participations each.
	Segments []Segment `json:"segments"`
	// Other holds those in smaller segments and those who did not answer, nil when
	// there are none. It too holds at least session.MinSegment participations: when
	// it would not, the smallest segments are folded into it.
	// Which answers were folded is not told: it would say that someone gave them.
	Other *Segment `json:"other"`
	// Folded counts segments of at least session.MinSegment participations folded
	// into Other so that Other is not too small.
	Folded int `json:"folded_segments"`
	// FoldedInSessions is set when answers given are counted in Other because,
	// within their session, fewer than session.MinSegment people shared all three
	// answers with them (see groupedProfiles).
	FoldedInSessions bool `json:"folded_within_sessions"`
	// Unanswered is set when nobody answered the question (sessions held on paper
	// ask none), so that the breakdown's emptiness is not taken for a rule's.
	Unanswered bool `json:"unanswered"`
}

// Segment is the confidence and themes of one group of participations.
type Segment struct {
	Value          string `json:"value"`
	Participations int    `json:"participations"`
	// Confidence is nil when fewer than session.MinSegment of them rated.
	Confidence *Confidence `json:"confidence"`
	// Themes counts the campaign themes they wrote notes in, and Notes the notes
	// they wrote, hidden ones too: hiding one note must not tell which segments
	// its writer is in.
	Themes int `json:"themes"`
	Notes  int `json:"notes"`
}

// Saturation tells how many new campaign themes each further session brought.
type Saturation struct {
	Steps []SaturationStep `json:"steps"`
	// Verdict says in a sentence whether more sessions are likely to pay off.
	Verdict string `json:"verdict"`
}

// SaturationStep is one session, in date order.
type SaturationStep struct {
	Session int    `json:"session"`
	Date    string `json:"date"`
	New     int    `json:"new_themes"`
	// Cumulative is the number of campaign themes raised up to this session.
	Cumulative  int   `json:"cumulative"`
	NewThemeIDs []int `json:"new_theme_ids"`
}

// CampaignAction is one action point of one session of the campaign.
type CampaignAction struct {
	Action
	Session      int    `json:"session"`
	SessionTitle string `json:"session_title"`
	// CampaignThemeID is the campaign theme its theme belongs to, 0 for none.
	CampaignThemeID int    `json:"campaign_theme_id"`
	CampaignTheme   string `json:"campaign_theme"`
}

// group is one theme of one session: the facilitator's, or one the report
// clustered from a session not grouped yet.
type group struct {
	sess  int
	theme *session.Theme
	// rank is the theme's rank in its session's findings (as its board ranks it
	// from the actions on); 0 for a theme the report clustered.
	rank    int
	label   string
	notes   []*session.Note
	actions []*session.ActionPoint
}

// BuildCampaign makes the report of the campaign name from its sessions' data. It
// is a pure function of its input: sessions are ordered by date, then ID.
func BuildCampaign(name string, sessions []*Data) *CampaignFindings {
	ds := slices.Clone(sessions)
	slices.SortStableFunc(ds, func(a, b *Data) int {
		return session.CompareDay(a.Session, b.Session)
	})
	ds = onePlaceName(ds)
	f := &CampaignFindings{Schema: CampaignSchema, Version: SchemaVersion, Campaign: name, Threshold: MatchThreshold, Method: campaignFormula,
		Sessions: []CampaignSession{}, NotHeld: []CampaignSession{}, Themes: []CampaignTheme{}, Audiences: []AudienceView{},
		Segments: []Breakdown{}, Actions: []CampaignAction{}}
	ds = slices.DeleteFunc(ds, func(d *Data) bool {
		if held(d) {
			return false
		}
		m := metaOf(d)
		if d.Session.NoDayYet() {
			// Not held, no day given and not begun: the day it was created is no
			// date of it. Begun, that day stands for it, as session list and its
			// findings give it.
			m.Date = ""
		}
		f.NotHeld = append(f.NotHeld, CampaignSession{Meta: m})
		return true
	})
	// A session held has a day here, the day it was created standing for one not
	// given (Undated), and the sessions held are numbered and counted for
	// saturation in the order of those days. CompareDay puts one that never left
	// the lobby (session.NoDayYet: paper notes, people in its lobby) after every
	// session with a day, which made S2 held before S1 and saturation's "last
	// session" not the last.
	// Within a day, the session that began first is first: a session planned
	// weeks ahead and held in the afternoon came before one made by hand and held
	// that morning, and saturation called the morning's themes new.
	slices.SortStableFunc(ds, heldOrder)
	f.ds = ds
	if len(ds) > 0 {
		f.From, f.To = dateOf(ds[0]), dateOf(ds[len(ds)-1])
	}

	var groups []group
	for i, d := range ds {
		visible := visibleNotes(d)
		cs := CampaignSession{Number: i + 1, Meta: metaOf(d), Notes: len(visible), Clustered: len(d.Themes) == 0, Undated: d.Session.Date == ""}
		cs.Participants = len(d.Participants)
		cs.FewWriters = fewWriters(d, visible)
		f.Sessions = append(f.Sessions, cs)
		f.Participations += cs.Participants
		f.Notes += cs.Notes
		for _, n := range visible {
			f.notes = append(f.notes, campaignNote{i + 1, n})
		}
		gs, unthemed := sessionGroups(i, d, visible)
		groups = append(groups, gs...)
		f.Unthemed += unthemed
	}

	texts := make([]analysis.MatchGroup, len(groups))
	for i, g := range groups {
		texts[i] = analysis.MatchGroup{Session: g.sess, Texts: []string{g.label}, Label: g.label}
		for _, n := range g.notes {
			texts[i].Texts = append(texts[i].Texts, n.Text)
			texts[i].Lanes = append(texts[i].Lanes, matchLane(n))
		}
	}
	ids, central := analysis.MatchSessionThemesCentral(texts, MatchThreshold,
		themePairs(ds, groups, func(d *Data) [][2]int64 { return d.Splits }),
		themePairs(ds, groups, func(d *Data) [][2]int64 { return d.Joins }))
	match := keepSessionThemesApart(ids, groups)
	standingFirstAll(groups, central)
	members := map[int][]group{}
	// themeOfNote holds hidden notes too, as the segments count them (see
	// participantsOf).
	themeOfNote := map[noteKey]int{}
	noteOf := map[[2]int64]*session.Note{}
	stored := map[[2]int64][]int64{} // a session theme's notes as stored, hidden ones too
	for i, d := range ds {
		for _, n := range d.Notes {
			noteOf[[2]int64{int64(i), n.ID}] = n
		}
		for _, t := range d.Themes {
			stored[[2]int64{int64(i), t.ID}] = t.NoteIDs
		}
	}
	for i, g := range groups {
		id := match[i] + 1
		members[id] = append(members[id], g)
		for _, n := range g.notes {
			themeOfNote[noteKey{g.sess, n.ParticipantID, n.ID}] = id
		}
		if g.theme != nil {
			for _, nid := range stored[[2]int64{int64(g.sess), g.theme.ID}] {
				if n := noteOf[[2]int64{int64(g.sess), nid}]; n != nil && n.Hidden {
					themeOfNote[noteKey{g.sess, n.ParticipantID, n.ID}] = id
				}
			}
		}
	}

	keys := personKeys(ds)
	took := tookPartIn(ds, keys)
	byID := map[int]*CampaignTheme{}
	var inputs []analysis.PriorityInput
	for id := 1; id <= len(members); id++ {
		t := campaignTheme(id, members[id], ds, keys, took)
		byID[id] = &t
		inputs = append(inputs, analysis.PriorityInput{ID: int64(id), Key: t.Label, Votes: t.Votes,
			Authors: t.Participants, Notes: t.Notes, Sessions: t.Sessions})
	}
	for _, p := range analysis.Prioritize(inputs) {
		t := byID[int(p.ID)]
		t.Score = p.Score
		f.Themes = append(f.Themes, *t)
	}
	// Two themes with one label would read as one: the lower-ranked ones say
	// what sets them apart, in words of their notes.
	labels := make([]string, len(f.Themes))
	themeTexts := make([][]string, len(f.Themes))
	for i := range f.Themes {
		f.Themes[i].Rank = i + 1
		byID[f.Themes[i].ID] = &f.Themes[i]
		labels[i] = f.Themes[i].Label
		for _, g := range members[f.Themes[i].ID] {
			for _, n := range g.notes {
				themeTexts[i] = append(themeTexts[i], n.Text)
			}
		}
	}
	for i, l := range analysis.DistinctLabels(labels, themeTexts) {
		f.Themes[i].Label = l
	}

	f.Actions = campaignActions(ds, groups, match, byID)
	for _, a := range f.Actions {
		if t := byID[a.CampaignThemeID]; t != nil {
			t.ActionIDs = append(t.ActionIDs, a.ID)
		}
	}

	f.themeOfNote = themeOfNote
	people := participantsOf(ds, themeOfNote, keys)
	f.Participants = len(distinct(people))
	f.Confidence = confidenceOf(sessionRatings(ds, func(*Data) bool { return true }))
	for _, d := range ds {
		if n := len(d.Ratings); n > 0 && n < session.MinSegment {
			f.ConfidenceLeftOut++
		}
		f.RatingsHeldOut += d.HeldRatings.First
	}
	f.Audiences = audienceViews(ds, people, f.Themes, members)
	f.SegmentConfidence = segmentsMayShowConfidence(ds, people)
	f.Segments = breakdowns(ds, people, f.SegmentConfidence)
	f.Saturation = saturation(f.Sessions, members)
	byAudience(f, ds, members, keys)
	f.Matrix = campaignMatrix(ds, keys, "", true)
	for i := range f.Audiences {
		f.Audiences[i].Matrix = campaignMatrix(ds, keys, f.Audiences[i].Audience, false)
	}
	f.Summary = f.summary()
	slices.SortFunc(f.notes, func(a, b campaignNote) int {
		return cmp.Or(cmp.Compare(a.sess, b.sess), cmp.Compare(areaRank(a.note.Area), areaRank(b.note.Area)),
			cmp.Compare(a.note.Lane, b.note.Lane), session.CompareText(a.note.Text, b.note.Text), cmp.Compare(a.note.ID, b.note.ID))
	})
	return f
}

func areaRank(a session.Area) int {
	if i := slices.Index(session.Areas, a); i >= 0 {
		return i
	}
	return len(session.Areas)
}

// personKeys gives every participant of every session the key the campaign counts
// them by: their SSH key's hash when they had one, so a person who took part in
// several sessions counts once, else their place in their session.
func personKeys(ds []*Data) map[[2]int64]string {
	out := map[[2]int64]string{}
	for i, d := range ds {
		for _, p := range d.Participants {
			k := fmt.Sprintf("s%d/p%d", i, p.ID)
			if p.KeyHash != "" {
				k = "k/" + p.KeyHash
			}
			out[[2]int64{int64(i), p.ID}] = k
		}
	}
	return out
}

// tookPartIn is who took part in each session of ds, by the keys the campaign
// counts people by.
func tookPartIn(ds []*Data, keys map[[2]int64]string) tookPart {
	out := tookPart{}
	for i, d := range ds {
		out[i] = map[string]bool{}
		for _, p := range d.Participants {
			out[i][keys[[2]int64{int64(i), p.ID}]] = true
		}
	}
	return out
}

// campaignMatrix is the activity matrix of the campaign's sessions, or of one
// audience's when audience is set.
func campaignMatrix(ds []*Data, keys map[[2]int64]string, audience string, withTexts bool) ActivityMatrix {
	var notes []matrixNote
	var order []string
	for i, d := range ds {
		// Every session's list, an audience's matrix too: an activity accepted
		// in one session is no proposal in another audience's row of it.
		for _, a := range d.Session.Activities {
			if !slices.Contains(order, a) {
				order = append(order, a)
			}
		}
		if audience != "" && string(d.Session.Audience) != audience {
			continue
		}
		for _, n := range d.Notes {
			if !n.Hidden && n.Area == session.AreaActivities {
				notes = append(notes, matrixNote{sess: i, activity: n.Activity, lane: n.Lane, person: keys[[2]int64{int64(i), n.ParticipantID}], text: n.Text})
			}
		}
	}
	return buildMatrix(notes, order, tookPartIn(ds, keys), withTexts)
}

// byAudience ranks each campaign theme within each audience, by the one formula on
// that audience's sessions, and tells what share of the audience raised it.
func byAudience(f *CampaignFindings, ds []*Data, members map[int][]group, keys map[[2]int64]string) {
	took := tookPartIn(ds, keys)
	for _, a := range f.Audiences {
		// Its participations, as its theme's writers are counted in each session.
		size := a.Participations
		var in []analysis.PriorityInput
		stats := map[int]ThemeAudience{}
		for id, gs := range members {
			sessions := map[int]bool{}
			ws := newWriters(took)
			votes, notes := 0, 0
			for gi, g := range gs {
				if string(ds[g.sess].Session.Audience) != a.Audience {
					continue
				}
				sessions[g.sess] = true
				if g.theme != nil {
					votes += ds[g.sess].VoteTotals[g.theme.ID]
				}
				for _, n := range g.notes {
					ws.add(gi, g.sess, keys[[2]int64{int64(g.sess), n.ParticipantID}])
				}
				notes += len(g.notes)
			}
			if len(sessions) == 0 {
				continue
			}
			// Counted as every other count of a theme's writers (writers.shown): an
			// exact count here beside a floored one elsewhere would tell which.
			people := ws.shown()
			in = append(in, analysis.PriorityInput{ID: int64(id), Key: labelOf(f, id), Votes: votes, Authors: people, Notes: notes, Sessions: len(sessions)})
			ta := ThemeAudience{Audience: a.Audience, People: people}
			if size > 0 {
				ta.Share = float64(min(people, size)) / float64(size)
			}
			stats[id] = ta
		}
		for _, p := range analysis.Prioritize(in) {
			ta := stats[int(p.ID)]
			ta.Rank = p.Rank
			stats[int(p.ID)] = ta
		}
		for i := range f.Themes {
			ta, ok := stats[f.Themes[i].ID]
			if !ok {
				ta = ThemeAudience{Audience: a.Audience}
			}
			f.Themes[i].ByAudience = append(f.Themes[i].ByAudience, ta)
		}
	}
}

func labelOf(f *CampaignFindings, id int) string {
	for _, t := range f.Themes {
		if t.ID == id {
			return t.Label
		}
	}
	return ""
}

// priorityFormula is analysis.PriorityFormula: its people's floor is worded as
// every other count of people in the documents (session.PeopleBound).
const priorityFormula = analysis.PriorityFormula

// campaignFormula is analysis.PriorityFormula as a campaign counts its people: in
// each session theme, then summed (writers), not once per person.
var campaignFormula = strings.Replace(priorityFormula, "2 × distinct people", "2 × people (distinct within each session theme, summed)", 1)

// placeOf is where a session took place, as the report's locations list it: its
// location, or "online" for an online session without one (left out, two online
// sessions of five read as if the campaign had been in three cities only).
func placeOf(location, mode string) string {
	if location == "" && mode == string(session.ModeOnline) {
		return "online"
	}
	return location
}

// sortPlaces sorts places by name, online last.
func sortPlaces(places []string) {
	slices.SortFunc(places, func(a, b string) int {
		return cmp.Or(cmp.Compare(boolInt(a == "online"), boolInt(b == "online")), cmp.Compare(a, b))
	})
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// summary sums up the campaign.
func (f *CampaignFindings) summary() Summary {
	s := Summary{Sessions: len(f.Sessions), Participants: f.Participants, Audiences: []string{}, Locations: []string{},
		Confidence: figureOf("", f.Confidence), ConfidenceLeftOut: f.ConfidenceLeftOut, ConfidenceByAudience: []Figure{}, Themes: []SummaryItem{}, Signals: signals(f.Matrix)}
	for _, se := range f.Sessions {
		if pl := placeOf(se.Location, se.Mode); pl != "" && !slices.Contains(s.Locations, pl) {
			s.Locations = append(s.Locations, pl)
		}
	}
	sortPlaces(s.Locations)
	for _, a := range f.Audiences {
		s.Audiences = append(s.Audiences, a.Audience)
		if fig := figureOf(a.Audience, a.Confidence); fig != nil {
			s.ConfidenceByAudience = append(s.ConfidenceByAudience, *fig)
		}
	}
	for _, t := range f.Themes {
		if len(s.Themes) == MaxSummaryThemes {
			break
		}
		line := fmt.Sprintf("raised in %d of %d sessions by %s", t.Sessions, len(f.Sessions), session.PeopleUpTo(t.Participants))
		if l := lanesLine(t.Lanes); l != "" {
			line += ", " + l
		}
		// The score and votes rank it: without them a theme of more sessions
		// and people read as ranked below one of fewer by mistake.
		line += fmt.Sprintf("; score %d, %s", t.Score, count(t.Votes, "vote", "votes"))
		s.Themes = append(s.Themes, SummaryItem{Rank: t.Rank, Label: t.Label, Line: line})
	}
	var acts []Action
	for _, a := range f.Actions {
		acts = append(acts, a.Action)
	}
	s.Actions, s.Unowned = ownedActions(acts)
	return s
}

// noteKey identifies a note's author within a session, with the note.
type noteKey struct {
	sess          int
	participantID int64
	noteID        int64
}

// onePlaceName gives the sessions of one place one spelling of its name: the one
// most of them use, else the earliest session's. Locations are one place whatever
// their case or spacing (as creating a session checks them), yet "Berlin" and
// "berlin" were two locations in every count and list of the report. The
// sessions whose spelling changes are copies; ds's own are left as they are.
func onePlaceName(ds []*Data) []*Data {
	// A location's spelling, whatever the session's mode: an online session's
	// location is shown as it is written, as the others' are.
	key := func(l string) string { return session.PlaceKey(session.ModeInPerson, l) }
	count := map[string]map[string]int{}
	var order []string // spellings, first seen first
	for _, d := range ds {
		l := d.Session.Location
		if key(l) == "" {
			continue
		}
		if count[key(l)] == nil {
			count[key(l)] = map[string]int{}
		}
		if count[key(l)][l] == 0 {
			order = append(order, l)
		}
		count[key(l)][l]++
	}
	best := map[string]string{}
	for _, l := range order {
		k := key(l)
		if b, ok := best[k]; !ok || count[k][l] > count[k][b] {
			best[k] = l
		}
	}
	out := slices.Clone(ds)
	for i, d := range out {
		if b, ok := best[key(d.Session.Location)]; ok && b != d.Session.Location {
			c, sess := *d, *d.Session
			sess.Location = b
			c.Session = &sess
			out[i] = &c
		}
	}
	return out
}

// heldOrder is the order of the sessions held, as the report numbers them (S1,
// S2, …): by day, then by when they began, then as made. Every part of the report
// that indexes sessions by their number sorts by it.
func heldOrder(a, b *Data) int {
	return cmp.Or(a.Session.Day().Compare(b.Session.Day()), began(a).Compare(began(b)),
		a.Session.CreatedAt.Compare(b.Session.CreatedAt), strings.Compare(a.Session.ID, b.Session.ID))
}

// began is when the session took place: its first person joining or its first
// note, whichever came first; the time it was created when it has neither. Paper
// notes and their writers are left out: they are stored when they are imported,
// often hours after the session, which put a morning's paper session after the
// afternoon's.
func began(d *Data) time.Time {
	t := d.Session.CreatedAt
	first := true
	paper := map[int64]bool{}
	for _, p := range d.Participants {
		if p.Paper {
			paper[p.ID] = true
			continue
		}
		if !p.JoinedAt.IsZero() && (first || p.JoinedAt.Before(t)) {
			t, first = p.JoinedAt, false
		}
	}
	for _, n := range d.Notes {
		if !paper[n.ParticipantID] && !n.CreatedAt.IsZero() && (first || n.CreatedAt.Before(t)) {
			t, first = n.CreatedAt, false
		}
	}
	return t
}

func dateOf(d *Data) string { return d.Session.Day().Format(session.DateLayout) }

func metaOf(d *Data) Meta {
	s := d.Session
	return Meta{ID: s.ID, Title: s.Title, Audience: string(s.Audience), Location: s.Location, Mode: string(s.Mode),
		Campaign: s.Campaign, Date: dateOf(d), Phase: string(s.Phase)}
}

// held reports whether a session has taken place, as far as a report can tell:
// someone joined it (and was not removed) or it has notes (paper notes too).
func held(d *Data) bool {
	for _, p := range d.Participants {
		if !p.Removed {
			return true
		}
	}
	return len(visibleNotes(d)) > 0
}

// visibleNotes returns a session's notes that are not hidden, by ID.
// fewWriters says whether the shown notes of a session have fewer than
// session.MinSegment writers, removed people included (their notes stay); notes of
// the unlabelled paper author may be anyone's, so a session with any is not said
// to be small.
func fewWriters(d *Data, visible map[int64]*session.Note) bool {
	unlabelled := map[int64]bool{}
	for _, p := range d.Participants {
		if p.Unlabelled {
			unlabelled[p.ID] = true
		}
	}
	writers := map[int64]bool{}
	for _, n := range visible {
		if unlabelled[n.ParticipantID] {
			return false
		}
		writers[n.ParticipantID] = true
	}
	return len(writers) > 0 && len(writers) < session.MinSegment
}

func visibleNotes(d *Data) map[int64]*session.Note {
	out := make(map[int64]*session.Note, len(d.Notes))
	for _, n := range d.Notes {
		if !n.Hidden {
			out[n.ID] = n
		}
	}
	return out
}

// sessionGroups returns the themes of session i, clustering its visible notes when
// the facilitator has not grouped them yet, and how many visible notes are in no
// theme. As in a session's findings, themes are as session.ThemeShowing shows them:
// one without visible notes is left out, its action points then without a theme.
func sessionGroups(i int, d *Data, visible map[int64]*session.Note) ([]group, int) {
	var out []group
	if len(d.Themes) == 0 {
		docs := make([]analysis.Doc, 0, len(visible))
		for _, n := range visible {
			docs = append(docs, session.ClusterDoc(n))
		}
		for _, c := range analysis.Cluster(docs) {
			g := group{sess: i}
			for _, id := range c.NoteIDs {
				// The IDs are the ones formatted above, so they parse.
				n, _ := strconv.ParseInt(id, 10, 64)
				g.notes = append(g.notes, visible[n])
			}
			g.label = documentLabel(c.Label, g.notes)
			// In content order until the matching orders them (see
			// standingFirstAll); never in the order written.
			session.SortNotes(g.notes)
			out = append(out, g)
		}
		return out, 0
	}
	actionsOf := map[int64][]*session.ActionPoint{}
	for _, a := range d.Actions {
		actionsOf[a.ThemeID] = append(actionsOf[a.ThemeID], a)
	}
	themed := map[int64]bool{}
	rank := map[int64]int{}
	for _, p := range session.RankThemes(d.Themes, d.Notes, d.VoteTotals, len(d.Participants)) {
		rank[p.ID] = p.Rank
	}
	for _, t := range session.ShownThemes(d.Themes, d.Notes) {
		g := group{sess: i, theme: t, rank: rank[t.ID], actions: actionsOf[t.ID]}
		for _, id := range t.NoteIDs {
			if n := visible[id]; n != nil {
				g.notes = append(g.notes, n)
				themed[id] = true
			}
		}
		// Named as its session's findings name it, so that the report and the
		// findings agree.
		g.label = documentLabel(t.Label, g.notes)
		// In content order until the matching orders them (see
		// standingFirstAll); never in the order written.
		session.SortNotes(g.notes)
		out = append(out, g)
	}
	return out, len(visible) - len(themed)
}

// standingFirstAll orders each session theme's notes as standingFirst does (the one
// its name was made from, then the most central), with the vectors the matching
// made (central[g] orders group g's texts: its label, then its notes).
func standingFirstAll(groups []group, central [][]int) {
	for g := range groups {
		notes := groups[g].notes
		docs := make([]analysis.Doc, len(notes))
		for i, n := range notes {
			docs[i] = session.ClusterDoc(n)
		}
		named := analysis.NamedAfter(groups[g].label, docs)
		if t := groups[g].theme; t != nil {
			named = ""
			if id := session.NamedAfterNote(t, groups[g].label, notes); id != 0 {
				named = strconv.FormatInt(id, 10)
			}
		}
		out := make([]*session.Note, 0, len(notes))
		for i, n := range notes {
			if docs[i].ID == named {
				out = append(out, n)
			}
		}
		for _, k := range central[g] {
			if k == 0 {
				continue // the label
			}
			if n := notes[k-1]; docs[k-1].ID != named {
				out = append(out, n)
			}
		}
		groups[g].notes = out
	}
}

// campaignTheme sums up the session themes matched as one.
func campaignTheme(id int, gs []group, ds []*Data, keys map[[2]int64]string, took tookPart) CampaignTheme {
	t := CampaignTheme{ID: id, Label: campaignLabel(gs), FirstSession: gs[0].sess + 1, SessionLabels: []string{}, SessionThemes: []SessionTheme{},
		Locations: []string{}, Audiences: []string{}, ActionIDs: []int64{}, NoteIDs: []int64{}, ByAudience: []ThemeAudience{}}
	sessions := map[int]bool{}
	ws := newWriters(took)
	var all []*session.Note
	audiences := map[string]bool{}
	// The session themes matched as this one: a join names only those (a stored
	// split may have kept a joined theme apart, see analysis.MatchSessionThemes).
	here := map[int64]bool{}
	for _, g := range gs {
		if g.theme != nil {
			here[g.theme.ID] = true
		}
	}
	for gi, g := range gs {
		s := ds[g.sess].Session
		sessions[g.sess] = true
		if pl := placeOf(s.Location, string(s.Mode)); pl != "" && !slices.Contains(t.Locations, pl) {
			t.Locations = append(t.Locations, pl)
		}
		audiences[string(s.Audience)] = true
		if !slices.Contains(t.SessionLabels, g.label) {
			t.SessionLabels = append(t.SessionLabels, g.label)
		}
		st := SessionTheme{Session: g.sess + 1, Rank: g.rank, Label: g.label, Notes: []string{}}
		if g.theme != nil {
			st.ThemeID = g.theme.ID
			st.KeptApart = othersOf(g.theme.ID, ds[g.sess].Splits)
			st.JoinedWith = slices.DeleteFunc(othersOf(g.theme.ID, ds[g.sess].Joins), func(o int64) bool { return !here[o] })
		}
		for _, n := range g.notes {
			st.Notes = append(st.Notes, n.Text)
		}
		t.SessionThemes = append(t.SessionThemes, st)
		if g.theme != nil {
			t.Votes += ds[g.sess].VoteTotals[g.theme.ID]
		}
		for _, n := range g.notes {
			ws.add(gi, g.sess, keys[[2]int64{int64(g.sess), n.ParticipantID}])
			t.NoteIDs = append(t.NoteIDs, n.ID)
			t.notes = append(t.notes, themeNote{g.sess, n})
		}
		all = append(all, g.notes...)
		t.Notes += len(g.notes)
	}
	t.Lanes = laneCounts(all)
	sortPlaces(t.Locations)
	t.Audiences = audienceOrder(audiences)
	t.Sessions, t.Participants = len(sessions), ws.shown()
	t.Quotes = spreadQuotes(gs)
	t.MoreNotes = t.Notes - len(t.Quotes)
	return t
}

// campaignLabel is the label most of the theme's sessions gave it; names a
// facilitator typed (renamed themes) win over labels from clustering, themes of the
// sessions over those the report clustered, and on a tie the label of the most notes,
// then the first, wins.
func campaignLabel(gs []group) string {
	type cand struct{ groups, notes, first int }
	cands := map[string]*cand{}
	var order []string
	facilitator := slices.ContainsFunc(gs, func(g group) bool { return g.theme != nil })
	named := slices.ContainsFunc(gs, func(g group) bool { return g.theme != nil && g.theme.Named })
	for i, g := range gs {
		if facilitator && g.theme == nil || named && !g.theme.Named {
			continue
		}
		c := cands[g.label]
		if c == nil {
			c = &cand{first: i}
			cands[g.label] = c
			order = append(order, g.label)
		}
		c.groups++
		c.notes += len(g.notes)
	}
	return slices.MinFunc(order, func(a, b string) int {
		x, y := cands[a], cands[b]
		return cmp.Or(cmp.Compare(y.groups, x.groups), cmp.Compare(y.notes, x.notes), cmp.Compare(x.first, y.first))
	})
}

// spreadQuotes picks up to MaxQuotes notes, the first of each session's theme in
// turn, so that the quotes show how different sessions put it.
func spreadQuotes(gs []group) []string {
	out := []string{}
	// The same words from several people are quoted once: six quotes of one
	// sentence would say less than one.
	said := map[string]bool{}
	for r := 0; len(out) < MaxQuotes; r++ {
		took := false
		for _, g := range gs {
			if r < len(g.notes) && len(out) < MaxQuotes {
				took = true
				if k := quoteKey(g.notes[r].Text); !said[k] {
					said[k] = true
					out = append(out, g.notes[r].Text)
				}
			}
		}
		if !took {
			break
		}
	}
	return out
}

// quoteKey is what two quotes that say the same share: their words, case aside.
func quoteKey(text string) string {
	return strings.Join(strings.Fields(strings.ToLower(text)), " ")
}

// audienceOrder lists audiences in session.Audiences order, unknown ones last.
func audienceOrder(set map[string]bool) []string {
	out := []string{}
	for _, a := range session.Audiences {
		if set[string(a)] {
			out = append(out, string(a))
		}
	}
	var rest []string
	for a := range set {
		if !slices.Contains(out, a) {
			rest = append(rest, a)
		}
	}
	slices.Sort(rest)
	return append(out, rest...)
}

// campaignActions lists every action point of the campaign, most urgent first, then
// by the rank of its campaign theme (none last), then by session and ID.
func campaignActions(ds []*Data, groups []group, match []int, byID map[int]*CampaignTheme) []CampaignAction {
	themeOf := map[[2]int64]int{}
	labelOf := map[[2]int64]string{}
	for i, g := range groups {
		if g.theme != nil {
			themeOf[[2]int64{int64(g.sess), g.theme.ID}] = match[i] + 1
			labelOf[[2]int64{int64(g.sess), g.theme.ID}] = g.label
		}
	}
	out := []CampaignAction{}
	for i, d := range ds {
		for _, a := range d.Actions {
			k := [2]int64{int64(i), a.ThemeID}
			ca := CampaignAction{Session: i + 1, SessionTitle: d.Session.Title, CampaignThemeID: themeOf[k]}
			themeID := a.ThemeID
			if ca.CampaignThemeID == 0 {
				themeID = 0
			} else {
				ca.CampaignTheme = byID[ca.CampaignThemeID].Label
			}
			vols := a.Volunteers
			if vols == nil {
				vols = []string{}
			}
			ca.Action = Action{ID: a.ID, Priority: session.PriorityName(a.Priority), Title: a.Title, ThemeID: themeID,
				Theme: labelOf[k], Owner: a.Owner, Volunteers: vols, Status: string(a.Status), Due: a.Due}
			out = append(out, ca)
		}
	}
	priority := func(name string) int {
		for p := session.PriorityHigh; p <= session.PriorityLow; p++ {
			if session.PriorityName(p) == name {
				return p
			}
		}
		return session.PriorityLow + 1
	}
	rank := func(id int) int {
		if t := byID[id]; t != nil {
			return t.Rank
		}
		return len(byID) + 1
	}
	slices.SortStableFunc(out, func(a, b CampaignAction) int {
		return cmp.Or(cmp.Compare(priority(a.Priority), priority(b.Priority)),
			cmp.Compare(rank(a.CampaignThemeID), rank(b.CampaignThemeID)),
			cmp.Compare(a.Session, b.Session), cmp.Compare(a.ID, b.ID))
	})
	return out
}

// person is one participant of one session, as far as the report may know them.
type person struct {
	// key is the same for one person in every session where a key says so.
	key      string
	sess     int
	audience string
	mode     string
	profile  session.Profile
	// grouped is the profile the breakdowns count them by (groupedProfiles).
	grouped session.Profile
	rating  int
	// shown is set when the session shows its confidence (enough ratings), so
	// that this rating may count in the campaign's confidence figures.
	shown  bool
	notes  int
	themes map[int]bool
}

func participantsOf(ds []*Data, themeOfNote map[noteKey]int, keys map[[2]int64]string) []*person {
	var out []*person
	for i, d := range ds {
		byID := map[int64]*person{}
		shown := len(d.Ratings) >= session.MinSegment
		profiles := make([]session.Profile, len(d.Participants))
		for j, p := range d.Participants {
			profiles[j] = p.Profile
		}
		grouped := groupedProfiles(profiles)
		for j, p := range d.Participants {
			pp := &person{key: keys[[2]int64{int64(i), p.ID}], sess: i, audience: string(d.Session.Audience), mode: string(d.Session.Mode),
				profile: p.Profile, grouped: grouped[j], rating: p.Rating, shown: shown, themes: map[int]bool{}}
			byID[p.ID] = pp
			out = append(out, pp)
		}
		// Hidden notes count: were they left out, hiding one note and reporting
		// again would tell which segments its writer is in.
		for _, n := range d.Notes {
			pp := byID[n.ParticipantID]
			if pp == nil {
				continue
			}
			pp.notes++
			if id := themeOfNote[noteKey{i, n.ParticipantID, n.ID}]; id != 0 {
				pp.themes[id] = true
			}
		}
	}
	return out
}

// groupedProfiles gives each of one session's participants, their profiles ps,
// the answers the breakdowns count them by: their own, or none ("other or not
// given") where fewer than session.MinSegment of the session's people share all
// three answers with them. Every figure of a segment is then a sum over whole
// groups of at least MinSegment people of one session, whatever question it is
// by, and neither one figure less another nor the Sessions table less the
// segments tells what one or two people wrote (the rule segmentsMayShowConfidence
// has for ratings). A session of fewer than MinSegment people gives no answers.
func groupedProfiles(ps []session.Profile) []session.Profile {
	out := make([]session.Profile, len(ps))
	if len(ps) < session.MinSegment {
		return out
	}
	cells := make([][3]string, len(ps))
	for i, p := range ps {
		cells[i] = [3]string{p.Tenure, p.Appointment, p.Level}
	}
	var none [3]string
	for {
		size := map[[3]string]int{}
		for _, c := range cells {
			size[c]++
		}
		// The smallest group too small, and of equal ones the first in order.
		smallest := func(keep func(c [3]string) bool) ([3]string, bool) {
			var best [3]string
			found := false
			for c, n := range size {
				if keep(c) && (!found || n < size[best] || n == size[best] && slices.Compare(c[:], best[:]) < 0) {
					best, found = c, true
				}
			}
			return best, found
		}
		small, found := smallest(func(c [3]string) bool { return size[c] < session.MinSegment })
		if !found {
			break
		}
		from, to := small, none
		if small == none {
			// Those without answers left too few: the smallest group joins them.
			from, _ = smallest(func(c [3]string) bool { return c != none })
		} else {
			// One answer less: the question whose group they then join is largest.
			best := -1
			for q := range small {
				if small[q] == "" {
					continue
				}
				c := small
				c[q] = ""
				if best < 0 || size[c] > size[to] {
					best, to = q, c
				}
			}
		}
		for i := range cells {
			if cells[i] == from {
				cells[i] = to
			}
		}
	}
	for i, c := range cells {
		out[i] = session.Profile{Tenure: c[0], Appointment: c[1], Level: c[2]}
	}
	return out
}

// distinct returns the keys of the people, each once.
func distinct(ps []*person) map[string]bool {
	out := map[string]bool{}
	for _, p := range ps {
		out[p.key] = true
	}
	return out
}

func filter(ps []*person, keep func(*person) bool) []*person {
	var out []*person
	for _, p := range ps {
		if keep(p) {
			out = append(out, p)
		}
	}
	return out
}

func rated(p *person) bool { return p.rating >= 1 && p.rating <= 5 }

// shownRatings are the ratings that may count in a campaign figure: those of
// sessions that show their own confidence. A figure over whole shown sessions tells
// nothing that the sessions' own findings do not; adding a session of one or two
// ratings would let subtraction tell theirs.
func shownRatings(ps []*person) []int {
	var out []int
	for _, p := range ps {
		if p.shown && rated(p) {
			out = append(out, p.rating)
		}
	}
	return out
}

// sessionRatings are the ratings of the sessions of ds that keep says, of those that
// show their own confidence (see shownRatings). Read by session, not by person, they
// count too the ratings of a database restored without its key secret, which no
// longer knows whose they are.
func sessionRatings(ds []*Data, keep func(*Data) bool) []int {
	var out []int
	for _, d := range ds {
		if keep(d) && len(d.Ratings) >= session.MinSegment {
			out = append(out, d.Ratings...)
		}
	}
	return out
}

// segmentsMayShowConfidence reports whether profile segments may show confidence:
// only when every group of raters who share a session and all three profile
// answers holds at least session.MinSegment of them. Every figure the documents show
// (a session, an audience, a mode, a segment) is then a sum over whole such groups,
// so no subtraction of one figure from others can single out fewer people. The
// ratings of a session that no participant holds (a database restored without its
// key secret, someone who rated again after that) are a group of their own: the
// session's figure less its segments' would show them.
func segmentsMayShowConfidence(ds []*Data, ps []*person) bool {
	cells := map[[4]string]int{}
	held := map[int]int{}
	for _, p := range ps {
		if p.shown && rated(p) {
			cells[[4]string{fmt.Sprint(p.sess), p.profile.Tenure, p.profile.Appointment, p.profile.Level}]++
			held[p.sess]++
		}
	}
	for i, d := range ds {
		if n := len(d.Ratings); n >= session.MinSegment && n > held[i] {
			cells[[4]string{fmt.Sprint(i), "ratings nobody holds"}] = n - held[i]
		}
	}
	for _, n := range cells {
		if n < session.MinSegment {
			return false
		}
	}
	return len(cells) > 0
}

// segmentOf sums up a group of people, without confidence: the breakdown's
// confidenceBy gives it.
func segmentOf(value string, ps []*person) Segment {
	s := Segment{Value: value, Participations: len(ps)}
	themes := map[int]bool{}
	for _, p := range ps {
		s.Notes += p.notes
		for id := range p.themes {
			themes[id] = true
		}
	}
	s.Themes = len(themes)
	return s
}

// confidenceBy gives a segment's confidence, or nil: ps are its people, in says
// which values of the breakdown it holds.
type confidenceBy func(ps []*person, in func(value string) bool) *Confidence

// byPerson counts the ratings of the segment's people, when may is set
// (segmentsMayShowConfidence).
func byPerson(may bool) confidenceBy {
	return func(ps []*person, _ func(string) bool) *Confidence {
		if !may {
			return nil
		}
		return confidenceOf(shownRatings(ps))
	}
}

// bySession counts the ratings of whole sessions, those whose value valueOf gives
// the segment holds. A database restored without its key secret no longer knows
// whose ratings are whose; a session still knows its own.
func bySession(ds []*Data, valueOf func(*Data) string) confidenceBy {
	return func(_ []*person, in func(string) bool) *Confidence {
		return confidenceOf(sessionRatings(ds, func(d *Data) bool { return in(valueOf(d)) }))
	}
}

// confidenceOf summarizes ratings, or returns nil when fewer than
// session.MinSegment were given, so that nobody's rating can be told.
func confidenceOf(ratings []int) *Confidence {
	st := session.Summarize(ratings)
	if st.N < session.MinSegment {
		return nil
	}
	c := &Confidence{Ratings: st.N, Mean: st.Mean, Median: st.Median}
	for r := 1; r <= 5; r++ {
		c.Distribution = append(c.Distribution, RatingCount{Rating: r, Count: st.Counts[r]})
	}
	return c
}

func audienceViews(ds []*Data, people []*person, themes []CampaignTheme, members map[int][]group) []AudienceView {
	set := map[string]bool{}
	sessions := map[string]int{}
	for _, d := range ds {
		set[string(d.Session.Audience)] = true
		sessions[string(d.Session.Audience)]++
	}
	raisedBy := map[int]map[string]bool{}
	for id, gs := range members {
		raisedBy[id] = map[string]bool{}
		for _, g := range gs {
			raisedBy[id][string(ds[g.sess].Session.Audience)] = true
		}
	}
	out := []AudienceView{}
	for _, a := range audienceOrder(set) {
		ps := filter(people, func(p *person) bool { return p.audience == a })
		// An audience is a set of whole sessions, so its confidence may be shown.
		seg := segmentOf(a, ps)
		conf := confidenceOf(sessionRatings(ds, func(d *Data) bool { return string(d.Session.Audience) == a }))
		v := AudienceView{Audience: a, Sessions: sessions[a], Participations: seg.Participations, Confidence: conf, OnlyHere: []int{}}
		for _, t := range themes {
			by := raisedBy[t.ID]
			if !by[a] {
				continue
			}
			v.Themes++
			if len(by) == 1 && len(set) > 1 {
				v.OnlyHere = append(v.OnlyHere, t.ID)
			}
		}
		out = append(out, v)
	}
	return out
}

// breakdowns splits participations by each profile question and by mode. A mode
// is a set of whole sessions, so it shows confidence as an audience does, counted
// by session; profile segments only when conf is set (segmentsMayShowConfidence).
// Profile segments count people by the answers groupedProfiles leaves them.
func breakdowns(ds []*Data, people []*person, conf bool) []Breakdown {
	mine := byPerson(conf)
	profile := func(by, title string, values []string, answer func(session.Profile) string) Breakdown {
		b := breakdown(by, title, values, people, mine, func(p *person) string { return answer(p.grouped) })
		if b.Other != nil {
			// Answers folded within sessions are answers all the same.
			b.Unanswered = !slices.ContainsFunc(people, func(p *person) bool { return answer(p.profile) != "" })
			b.FoldedInSessions = slices.ContainsFunc(people, func(p *person) bool { return answer(p.profile) != answer(p.grouped) })
		}
		return b
	}
	return []Breakdown{
		profile("tenure", "Time in the role (the security role for security engineers)", session.Tenures, func(p session.Profile) string { return p.Tenure }),
		profile("appointment", "Appointed or volunteered", session.Appointments, func(p session.Profile) string { return p.Appointment }),
		profile("level", "Team's security level", session.Levels, func(p session.Profile) string { return p.Level }),
		breakdown("mode", "In person or online", modeNames(), people, bySession(ds, func(d *Data) string { return string(d.Session.Mode) }), func(p *person) string { return p.mode }),
	}
}

func modeNames() []string {
	var out []string
	for _, m := range session.Modes {
		out = append(out, string(m))
	}
	return out
}

// breakdown shows a segment only when it holds at least session.MinSegment
// participations. The rest (smaller segments and those who did not answer) make
// up Other; when Other would hold from 1 to MinSegment-1, the smallest shown
// segments join it, or subtracting the shown segments from the totals would tell
// the small group's answers.
func breakdown(by, title string, values []string, people []*person, conf confidenceBy, valueOf func(*person) string) Breakdown {
	b := Breakdown{By: by, Title: title, Segments: []Segment{}}
	if len(distinct(people)) < session.MinSegment {
		return b
	}
	groups := map[string][]*person{}
	for _, p := range people {
		groups[valueOf(p)] = append(groups[valueOf(p)], p)
	}
	b.Unanswered = len(groups) == 1 && len(groups[""]) > 0
	size := func(v string) int { return len(groups[v]) }
	var shown []string
	for _, v := range values {
		if size(v) >= session.MinSegment {
			shown = append(shown, v)
		}
	}
	rest := func() int {
		return len(filter(people, func(p *person) bool { return !slices.Contains(shown, valueOf(p)) }))
	}
	for r := rest(); r > 0 && r < session.MinSegment && len(shown) > 0; r = rest() {
		// The smallest, and of equal ones the last in display order.
		k := 0
		for i, v := range shown {
			if size(v) <= size(shown[k]) {
				k = i
			}
		}
		shown = slices.Delete(shown, k, k+1)
		b.Folded++
	}
	for _, v := range shown {
		s := segmentOf(v, groups[v])
		s.Confidence = conf(groups[v], func(w string) bool { return w == v })
		b.Segments = append(b.Segments, s)
	}
	notShown := func(v string) bool { return !slices.Contains(shown, v) }
	other := filter(people, func(p *person) bool { return notShown(valueOf(p)) })
	if len(other) > 0 {
		s := segmentOf("other or not given", other)
		s.Confidence = conf(other, notShown)
		b.Other = &s
	}
	return b
}

// saturation counts the campaign themes each session raised first. Campaign theme
// IDs follow first appearance, and sessions are in date order.
func saturation(sessions []CampaignSession, members map[int][]group) Saturation {
	var st Saturation
	total := 0
	for _, cs := range sessions {
		if cs.Notes == 0 {
			// Under way, nothing written yet: no step that brought no theme.
			continue
		}
		step := SaturationStep{Session: cs.Number, Date: cs.Date, NewThemeIDs: []int{}}
		for id := 1; id <= len(members); id++ {
			if members[id][0].sess+1 == cs.Number {
				step.NewThemeIDs = append(step.NewThemeIDs, id)
			}
		}
		step.New = len(step.NewThemeIDs)
		total += step.New
		step.Cumulative = total
		st.Steps = append(st.Steps, step)
	}
	st.Verdict = verdict(sessions, st.Steps, members)
	return st
}

// audienceSteps are the sessions of one audience that have notes, in date order,
// each with how many campaign themes it raised that no earlier session of the
// audience had: the steps of the audience's own saturation.
type audienceSteps struct {
	audience string
	steps    []audienceStep
	// themes is how many campaign themes the audience raised in all.
	themes int
}

type audienceStep struct{ session, new int }

// saturationByAudience splits the steps by audience, in the report's order of
// audiences. Sessions of other audiences neither count as an audience's sessions
// nor make its themes any less new to it.
func saturationByAudience(sessions []CampaignSession, steps []SaturationStep, members map[int][]group) []audienceSteps {
	audienceOf := func(number int) string { return sessions[number-1].Audience }
	set := map[string]bool{}
	for _, s := range steps {
		set[audienceOf(s.Session)] = true
	}
	var out []audienceSteps
	for _, a := range audienceOrder(set) {
		as := audienceSteps{audience: a}
		// The audience's first session of each campaign theme it raised.
		first := map[int]int{}
		for id := 1; id <= len(members); id++ {
			for _, g := range members[id] {
				if n := g.sess + 1; audienceOf(n) == a && (first[id] == 0 || n < first[id]) {
					first[id] = n
				}
			}
		}
		as.themes = len(first)
		brought := map[int]int{} // session number: how many themes were new to the audience there
		for _, n := range first {
			brought[n]++
		}
		for _, s := range steps {
			if audienceOf(s.Session) == a {
				as.steps = append(as.steps, audienceStep{session: s.Session, new: brought[s.Session]})
			}
		}
		out = append(out, as)
	}
	return out
}

// verdict judges saturation per audience, as the method means it: further sessions
// of an audience stop paying off when its last sessions brought at most a tenth
// of the themes it raised (or none) that its earlier sessions had not. An audience
// with one session cannot be judged yet, whatever other audiences held.
func verdict(sessions []CampaignSession, steps []SaturationStep, members map[int][]group) string {
	switch {
	case len(steps) == 0:
		return "No sessions yet."
	case len(steps) == 1:
		return "Only one session so far: saturation cannot be judged yet."
	}
	byAudience := saturationByAudience(sessions, steps, members)
	if len(byAudience) == 1 {
		// One audience: its themes are the campaign's, and the words say so.
		return audienceVerdict(byAudience[0], false)
	}
	// The audiences with one session share one sentence, where the first of them
	// is: three audiences heard once each read as one fact, not three.
	var out, once []string
	at := -1
	for _, as := range byAudience {
		if len(as.steps) == 1 {
			once = append(once, fmt.Sprintf("%s (S%d)", session.Audience(as.audience).Title(), as.steps[0].session))
			if at < 0 {
				at = len(out)
				out = append(out, "")
			}
			continue
		}
		out = append(out, audienceVerdict(as, true))
	}
	switch len(once) {
	case 0:
	case 1:
		out[at] = audienceVerdict(byAudience[slices.IndexFunc(byAudience, func(as audienceSteps) bool { return len(as.steps) == 1 })], true)
	default:
		out[at] = fmt.Sprintf("For %s, only one session each so far: saturation cannot be judged yet.", andList(once))
	}
	return strings.Join(out, " ")
}

// andList joins items as a sentence lists them: "a", "a and b", "a, b and c".
func andList(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// audienceVerdict judges one audience's saturation from its last sessions. Named,
// it says whose sessions and themes it counts, as a campaign of several audiences
// needs; unnamed, an audience's themes are all the campaign's.
func audienceVerdict(as audienceSteps, named bool) string {
	steps, a := as.steps, session.Audience(as.audience).Title()
	if len(steps) == 1 {
		return fmt.Sprintf("For %s, only one session so far (S%d): saturation cannot be judged yet.", a, steps[0].session)
	}
	k := min(SaturationWindow, len(steps)-1)
	recent := 0
	var which []string
	for _, s := range steps[len(steps)-k:] {
		recent += s.new
		which = append(which, fmt.Sprintf("S%d", s.session))
	}
	last := steps[len(steps)-1]
	themes := func(n int) string {
		switch {
		case n == 0 && named:
			return "no theme new to " + a
		case n == 0:
			return "no new theme"
		case named:
			return fmt.Sprintf("%d %s new to %s", n, plural(n, "theme", "themes"), a)
		}
		return fmt.Sprintf("%d new %s", n, plural(n, "theme", "themes"))
	}
	lastK, lastOne, between := fmt.Sprintf("The last %d sessions", k), "The last session", " between them"
	if k == 1 {
		lastK, between = lastOne, ""
	}
	of, more := fmt.Sprintf("of %d in all", as.themes), "sessions"
	if named {
		lastK = fmt.Sprintf("For %s, the %s (%s)", a, strings.TrimPrefix(lastK, "The "), strings.Join(which, ", "))
		lastOne = fmt.Sprintf("For %s, the last session (S%d)", a, last.session)
		of, more = fmt.Sprintf("of the %d %s %s raised", as.themes, plural(as.themes, "theme", "themes"), a), "sessions of "+a
	}
	switch {
	case recent*10 <= as.themes:
		return fmt.Sprintf("%s brought %s%s (%s): further %s are unlikely to pay off.", lastK, themes(recent), between, of, more)
	case last.new > 0:
		return fmt.Sprintf("%s still brought %s (%s): consider more %s.", lastOne, themes(last.new), of, more)
	default:
		return fmt.Sprintf("%s brought %s%s (%s): a few more %s may still pay off.", lastK, themes(recent), between, of, more)
	}
}

func capitalize(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

// WriteJSON writes f as indented JSON.
func (f *CampaignFindings) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(f)
}

// themePairs returns, as pairs of group indexes, the pairs of session themes that
// of gives for each session (a facilitator's splits, or joins).
func themePairs(ds []*Data, groups []group, of func(*Data) [][2]int64) [][2]int {
	at := map[int64]int{}
	for i, g := range groups {
		if g.theme != nil {
			at[g.theme.ID] = i
		}
	}
	var out [][2]int
	seen := map[[2]int64]bool{}
	for _, d := range ds {
		for _, p := range of(d) {
			a, okA := at[p[0]]
			b, okB := at[p[1]]
			if okA && okB && !seen[p] {
				seen[p] = true
				out = append(out, [2]int{a, b})
			}
		}
	}
	return out
}

// othersOf is the other theme of each pair that holds theme id, sorted, each once;
// nil for none.
func othersOf(id int64, pairs [][2]int64) []int64 {
	var out []int64
	for _, p := range pairs {
		switch id {
		case p[0]:
			out = append(out, p[1])
		case p[1]:
			out = append(out, p[0])
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// keepSessionThemesApart undoes matches between two themes of the same session: the
// facilitator kept them apart on purpose, and the report must not merge them back.
// The later of the two gets a campaign theme of its own. Numbers are then given
// again in order of first appearance, as MatchThemes gives them.
func keepSessionThemesApart(match []int, groups []group) []int {
	next := 0
	for _, m := range match {
		next = max(next, m+1)
	}
	out := slices.Clone(match)
	seen := map[[2]int]bool{}
	for i, g := range groups {
		k := [2]int{out[i], g.sess}
		if seen[k] {
			out[i] = next
			next++
			continue
		}
		seen[k] = true
	}
	renumber := map[int]int{}
	for i, m := range out {
		if _, ok := renumber[m]; !ok {
			renumber[m] = len(renumber)
		}
		out[i] = renumber[m]
	}
	return out
}
