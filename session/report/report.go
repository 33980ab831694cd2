// Package report turns a session into its findings document and a campaign into its
// report: a summary, the activity matrix, prioritized themes, action points and every
// note, as Markdown, JSON, CSV or HTML. Build and BuildCampaign are pure functions of
// the sessions' data; Load and LoadCampaign gather it through a Source (the session
// service), each session read at one moment. Participants are never named, except
// volunteers on action points, who chose to be.
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
	"unicode/utf8"

	"github.com/charter-tool/charter/analysis"
	"github.com/charter-tool/charter/session"
)

// Data is what a findings document is built from, as the facilitator sees it:
// hidden notes included, which Build leaves out.
type Data = session.ReportData

// Source is what the report needs of the session service: each session's data read
// at one moment, and the campaigns there are.
type Source interface {
	ReportData(ctx context.Context, sessionID string) (*session.ReportData, error)
	CampaignReportData(ctx context.Context, campaign string) ([]*session.ReportData, error)
	CampaignNames(ctx context.Context) ([]string, error)
}

// Load gathers the data of a session from src.
func Load(ctx context.Context, src Source, sessionID string) (*Data, error) {
	return src.ReportData(ctx, sessionID)
}

// Findings is the findings document of one session. Its text fields hold user text
// as written; WriteMarkdown escapes it.
type Findings struct {
	// Schema and Version name the JSON layout (docs/report-schema.md).
	Schema        string         `json:"schema"`
	Version       int            `json:"schema_version"`
	Summary       Summary        `json:"summary"`
	Matrix        ActivityMatrix `json:"activity_matrix"`
	Session       Meta           `json:"session"`
	Participation Participation  `json:"participation"`
	// Confidence is nil when fewer than session.MinSegment people rated, so that
	// nobody's rating can be told.
	Confidence *Confidence `json:"confidence"`
	// Method says how theme scores were computed.
	Method  string   `json:"prioritization"`
	Themes  []Theme  `json:"themes"`
	Actions []Action `json:"action_points"`
	// Unthemed counts the notes in no theme.
	Unthemed int    `json:"unthemed_notes"`
	Areas    []Area `json:"notes"`

	// votesWithheld is set while people vote: the themes' votes are left out
	// (Data.VotesWithheld), and the document says so where it counts them.
	votesWithheld bool
}

// Meta describes the session.
type Meta struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Audience string `json:"audience"`
	Location string `json:"location"`
	Mode     string `json:"mode"`
	Campaign string `json:"campaign"`
	// Date is the day the session is held, as YYYY-MM-DD: the day it was given, or
	// else the day it was created (UTC). Empty while it has no day yet and is not
	// held (session.NoDayYet: none given, and it has not begun; nobody has joined
	// it and it has no notes), as in the campaign report's sessions not held.
	Date  string `json:"date"`
	Phase string `json:"phase"`
	// ReopenedOn is the last day the session was reopened after it had been closed
	// (YYYY-MM-DD), empty when it never was: results may then differ from the day's.
	ReopenedOn string `json:"reopened_on,omitempty"`
}

// Participation counts people and notes, never naming anyone.
type Participation struct {
	Audience string `json:"audience"`
	// Joined counts participants, those the facilitator removed too: what they
	// wrote and rated stays in the findings.
	Joined int `json:"participants"`
	// OnPaper counts those of Joined who wrote on paper (their notes imported), as
	// the board counts them apart ("4 people (+1 on paper)").
	OnPaper int `json:"on_paper"`
	Wrote   int `json:"wrote_notes"`
	// Rated counts the ratings the document counts, those the screens show.
	Rated int `json:"rated_confidence"`
	// HeldRatings counts the ratings given that are held for others' (see
	// session.MinBatchRaters) and left out, and HeldChanges the changes of a
	// rating left out so (the rating shown before counts): how many, never whose.
	HeldRatings int `json:"held_ratings_excluded"`
	HeldChanges int `json:"held_rating_changes_excluded"`
	Notes       int `json:"notes"`
	// Hidden counts hidden notes, which appear nowhere else in the document.
	Hidden int `json:"hidden_notes_excluded"`
}

// Confidence summarizes the check-in ratings.
type Confidence struct {
	Ratings int `json:"ratings"`
	// Distribution has one entry per rating from 1 to 5.
	Distribution []RatingCount `json:"distribution"`
	Mean         float64       `json:"mean"`
	Median       float64       `json:"median"`
}

// RatingCount is how many gave one rating.
type RatingCount struct {
	Rating int `json:"rating"`
	Count  int `json:"count"`
}

// Theme is one prioritized theme.
type Theme struct {
	Rank    int    `json:"rank"`
	ID      int64  `json:"id"`
	Label   string `json:"label"`
	Score   int    `json:"score"`
	Votes   int    `json:"votes"`
	Authors int    `json:"authors"`
	Notes   int    `json:"notes"`
	// Lanes say in which areas and lanes its notes are, most first.
	Lanes []LaneCount `json:"lanes"`
	// Quotes are up to MaxQuotes of the theme's notes; MoreNotes counts the others.
	Quotes    []string `json:"quotes"`
	MoreNotes int      `json:"more_notes"`
	// ActionIDs are the IDs of the theme's action points, in the order of Actions.
	ActionIDs []int64 `json:"action_point_ids"`
}

// Action is one action point.
type Action struct {
	ID         int64    `json:"id"`
	Priority   string   `json:"priority"`
	Title      string   `json:"title"`
	ThemeID    int64    `json:"theme_id,omitempty"`
	Theme      string   `json:"theme"`
	Owner      string   `json:"owner"`
	Volunteers []string `json:"volunteers"`
	Status     string   `json:"status"`
	// Due is the day it is due, YYYY-MM-DD, when one was set.
	Due string `json:"due,omitempty"`
}

// Area is the notes of one area of the method.
type Area struct {
	Area  string `json:"area"`
	Title string `json:"title"`
	Lanes []Lane `json:"lanes"`
}

// Lane is the notes of one lane; in the open area a lane is a topic.
type Lane struct {
	Lane  string `json:"lane"`
	Title string `json:"title"`
	Notes []Note `json:"notes"`
}

// Note is one visible note, without its author.
type Note struct {
	Text     string `json:"text"`
	Activity string `json:"activity,omitempty"`
	Theme    string `json:"theme,omitempty"`
}

// MaxQuotes is how many notes represent a theme.
const MaxQuotes = 3

// Names and versions of the JSON documents, see docs/report-schema.md.
const (
	FindingsSchema = "charter.findings"
	CampaignSchema = "charter.campaign-report"
	SchemaVersion  = 3
)

// Build makes the findings document of d. Hidden notes are left out everywhere, and
// themes are as session.ThemeShowing shows them to participants: one none of whose
// notes is visible is left out (its action points stand without a theme), and a
// name clustering made from a note now hidden is replaced.
func Build(d *Data) *Findings {
	s := d.Session
	date := s.Day().Format(session.DateLayout)
	if s.NoDayYet() && !held(d) {
		// The day it was created, which Day falls back on, is not when it is held.
		// A session with people in its lobby or paper notes is held, and the
		// campaign report places it on that day: the findings say the same.
		date = ""
	}
	f := &Findings{
		Schema: FindingsSchema, Version: SchemaVersion,
		Session: Meta{ID: s.ID, Title: s.Title, Audience: string(s.Audience), Location: s.Location, Mode: string(s.Mode),
			Campaign: s.Campaign, Date: date, Phase: string(s.Phase), ReopenedOn: s.ReopenedOn},
		Method:        method(d),
		votesWithheld: d.VotesWithheld,
		Themes:        []Theme{},
		Actions:       []Action{},
		Areas:         []Area{},
	}

	visible := make(map[int64]*session.Note, len(d.Notes))
	// Writers are counted over every note, hidden ones too (and deleted ones, in
	// d.Writers): hiding notes one by one must not tell which share a writer.
	authors := map[int64]bool{}
	for _, n := range d.Notes {
		authors[n.ParticipantID] = true
		if n.Hidden {
			f.Participation.Hidden++
			continue
		}
		visible[n.ID] = n
	}
	f.Participation.Audience = string(s.Audience)
	f.Participation.Notes = len(visible)
	f.Participation.Wrote = max(len(authors), d.Writers)
	f.Participation.Joined = len(d.Participants)
	for _, p := range d.Participants {
		if p.Paper {
			f.Participation.OnPaper++
		}
	}
	// Every rating shown counts, whoever's: a database restored without its key
	// secret no longer knows, and each person rates once.
	f.Participation.Rated = len(d.Ratings)
	f.Participation.HeldRatings, f.Participation.HeldChanges = d.HeldRatings.First, d.HeldRatings.Changes

	f.Confidence = confidenceOf(d.Ratings)

	byID := map[int64]*session.Theme{}
	for _, t := range session.ShownThemes(d.Themes, d.Notes) {
		byID[t.ID] = t
	}
	themeOf := map[int64]string{}
	rank := map[int64]int{}
	for _, p := range session.RankThemes(d.Themes, d.Notes, d.VoteTotals, len(d.Participants)) {
		t := byID[p.ID]
		var notes []*session.Note
		for _, id := range t.NoteIDs {
			if n := visible[id]; n != nil {
				notes = append(notes, n)
			}
		}
		label := documentLabel(t.Label, notes)
		for _, n := range notes {
			themeOf[n.ID] = label
		}
		th := Theme{Rank: p.Rank, ID: t.ID, Label: label, Score: p.Score, Votes: p.Votes,
			Authors: p.Authors, Notes: p.Notes, Lanes: laneCounts(notes), Quotes: quotes(session.NamedAfterNote(t, label, notes), notes), ActionIDs: []int64{}}
		th.MoreNotes = th.Notes - len(th.Quotes)
		f.Themes = append(f.Themes, th)
		rank[t.ID] = p.Rank
	}
	labels := map[int64]string{}
	for _, th := range f.Themes {
		labels[th.ID] = th.Label
	}

	acts := slices.Clone(d.Actions)
	// Most urgent first; within a priority, the higher-ranked theme first, and
	// action points without a theme last.
	slices.SortStableFunc(acts, func(a, b *session.ActionPoint) int {
		return cmp.Or(cmp.Compare(a.Priority, b.Priority), cmp.Compare(rankOrLast(rank, a.ThemeID), rankOrLast(rank, b.ThemeID)),
			cmp.Compare(a.ID, b.ID))
	})
	for _, a := range acts {
		themeID := a.ThemeID
		if labels[themeID] == "" {
			themeID = 0
		}
		vols := a.Volunteers
		if vols == nil {
			vols = []string{}
		}
		f.Actions = append(f.Actions, Action{ID: a.ID, Priority: session.PriorityName(a.Priority), Title: a.Title,
			ThemeID: themeID, Theme: labels[themeID], Owner: a.Owner, Volunteers: vols, Status: string(a.Status), Due: a.Due})
	}
	for i := range f.Themes {
		for _, a := range f.Actions {
			if a.ThemeID == f.Themes[i].ID {
				f.Themes[i].ActionIDs = append(f.Themes[i].ActionIDs, a.ID)
			}
		}
	}

	for _, n := range visible {
		if themeOf[n.ID] == "" {
			f.Unthemed++
		}
	}
	f.Areas = areas(d.Notes, themeOf)

	var mn []matrixNote
	for _, n := range d.Notes {
		if !n.Hidden && n.Area == session.AreaActivities {
			mn = append(mn, matrixNote{activity: n.Activity, lane: n.Lane, person: fmt.Sprint(n.ParticipantID), text: n.Text})
		}
	}
	took := tookPart{0: {}}
	for _, p := range d.Participants {
		took[0][fmt.Sprint(p.ID)] = true
	}
	f.Matrix = buildMatrix(mn, s.Activities, took, true)
	f.Summary = f.summary()
	return f
}

// summary sums up the findings of one session.
func (f *Findings) summary() Summary {
	s := Summary{Sessions: 1, Participants: f.Participation.Joined, OnPaper: f.Participation.OnPaper, Audiences: []string{f.Session.Audience},
		Locations: []string{}, Confidence: figureOf("", f.Confidence), ConfidenceByAudience: []Figure{},
		Themes: []SummaryItem{}, Signals: signals(f.Matrix)}
	if f.Session.Location != "" {
		s.Locations = append(s.Locations, f.Session.Location)
	}
	for _, t := range f.Themes {
		if len(s.Themes) == MaxSummaryThemes {
			break
		}
		line := fmt.Sprintf("%s from %s", count(t.Notes, "note", "notes"), session.PeopleUpTo(t.Authors))
		if l := lanesLine(t.Lanes); l != "" {
			line += ", " + l
		}
		line += fmt.Sprintf("; score %d, ", t.Score)
		if f.votesWithheld {
			// "0 votes" read as nobody wanting it, while people were voting.
			line += "votes not counted while people vote"
		} else {
			line += count(t.Votes, "vote", "votes")
		}
		s.Themes = append(s.Themes, SummaryItem{Rank: t.Rank, Label: t.Label, Line: line})
	}
	s.Actions, s.Unowned = ownedActions(f.Actions)
	return s
}

func rankOrLast(rank map[int64]int, themeID int64) int {
	if r, ok := rank[themeID]; ok {
		return r
	}
	return int(^uint(0) >> 1)
}

// maxHeading bounds a note used whole as a theme's name in a document.
const maxHeading = 120

// documentLabel is the one name a document gives a theme, in its heading, its
// summary, its action points, beside its notes and in every format: the label
// others see (session.ThemeShowing), or, when that is a note's opening cut with
// "…" ("I do security stuff after hours…"), that note whole if it is short enough
// for a heading. A board's list needs the cut; a document read by everyone reads
// better without it. notes are the theme's visible notes only, so that the whole
// note is never a hidden one: when the name came from a note now hidden, the label
// others see is made from a visible note's words, and so is this. Named whole in
// the heading and cut elsewhere, one theme read as two.
func documentLabel(label string, notes []*session.Note) string {
	if !strings.HasSuffix(label, "…") {
		return label
	}
	docs := make([]analysis.Doc, len(notes))
	for i, n := range notes {
		docs[i] = session.ClusterDoc(n)
	}
	id := analysis.NamedAfter(label, docs)
	for i, d := range docs {
		if d.ID == id && id != "" {
			if text := session.CleanText(notes[i].Text); utf8.RuneCountInString(text) <= maxHeading {
				return strings.TrimRight(text, " .")
			}
		}
	}
	return label
}

// quotes picks the notes that stand for a theme: the first MaxQuotes of
// standingFirst.
func quotes(named int64, notes []*session.Note) []string {
	out := []string{}
	for _, n := range standingFirst(named, notes)[:min(len(notes), MaxQuotes)] {
		out = append(out, n.Text)
	}
	return out
}

// standingFirst orders a theme's notes for quoting: the one its name was made
// from (named, see session.NamedAfterNote; 0 for none), then the most central
// first (analysis.Central). Only the notes' words order them, never who wrote
// them or when: quotes chosen one per writer, in the order written, told which
// notes shared a writer, which a count of writers floored at three does not.
func standingFirst(named int64, notes []*session.Note) []*session.Note {
	docs := make([]analysis.Doc, len(notes))
	byID := make(map[string]*session.Note, len(notes))
	for i, n := range notes {
		docs[i] = session.ClusterDoc(n)
		byID[docs[i].ID] = n
	}
	order := analysis.Central(docs)
	if first := strconv.FormatInt(named, 10); byID[first] != nil {
		order = append([]string{first}, slices.DeleteFunc(order, func(id string) bool { return id == first })...)
	}
	out := make([]*session.Note, len(order))
	for i, id := range order {
		out[i] = byID[id]
	}
	return out
}

// areas sorts visible notes into areas in the method's order and lanes in each area's
// order; open topics are sorted alphabetically, and areas or lanes the method does not
// know (e.g. from an import) come last, so no note is lost.
func areas(notes []*session.Note, themeOf map[int64]string) []Area {
	byArea := map[session.Area]map[string][]Note{}
	for _, n := range notes {
		if n.Hidden {
			continue
		}
		if byArea[n.Area] == nil {
			byArea[n.Area] = map[string][]Note{}
		}
		byArea[n.Area][n.Lane] = append(byArea[n.Area][n.Lane], Note{Text: n.Text, Activity: n.Activity, Theme: themeOf[n.ID]})
	}
	order := slices.Clone(session.Areas)
	var extra []session.Area
	for a := range byArea {
		if !slices.Contains(order, a) {
			extra = append(extra, a)
		}
	}
	slices.Sort(extra)
	order = append(order, extra...)

	out := []Area{}
	for _, a := range order {
		lanes := byArea[a]
		if len(lanes) == 0 {
			continue
		}
		known := a.Lanes()
		var rest []string
		for l := range lanes {
			if !slices.Contains(known, l) {
				rest = append(rest, l)
			}
		}
		slices.SortFunc(rest, func(x, y string) int {
			return cmp.Or(cmp.Compare(strings.ToLower(x), strings.ToLower(y)), cmp.Compare(x, y))
		})
		ar := Area{Area: string(a), Title: a.Title()}
		for _, l := range append(slices.Clone(known), rest...) {
			if ns := lanes[l]; len(ns) > 0 {
				ar.Lanes = append(ar.Lanes, Lane{Lane: l, Title: session.LaneTitle(l), Notes: ns})
			}
		}
		out = append(out, ar)
	}
	return out
}

// WriteJSON writes f as indented JSON.
func (f *Findings) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(f)
}

// method is how the document's scores were computed, saying when the votes are left
// out because people are still voting.
func method(d *Data) string {
	if d.VotesWithheld {
		return priorityFormula + "; votes are left out while people vote (a document exported after each person's vote would tell how they spread their dots), and count once the session moves on"
	}
	return priorityFormula
}
