// Package session holds the domain of a security chartering session: sessions,
// participants, notes, phases, areas and lanes, and the rules that tie them together.
// It imports no storage, SSH or terminal code; those live in subpackages and in tui.
package session

import (
	"regexp"
	"strings"
	"time"
)

// Audience is the one group of people a session is run for.
type Audience string

// The audiences a session can be run for: one per session.
const (
	AudienceSecurityEngineers Audience = "security-engineers"
	AudienceDevelopers        Audience = "developers"
	AudienceServiceOwners     Audience = "service-owners"
	AudienceManagers          Audience = "managers"
	AudienceMixed             Audience = "mixed"
)

// Audiences lists every valid audience in display order.
var Audiences = []Audience{AudienceSecurityEngineers, AudienceDevelopers, AudienceServiceOwners, AudienceManagers, AudienceMixed}

// Title is the audience as people read it in running text: "security engineers",
// "service owners". The key (security-engineers) is what commands, JSON and the
// CSV's audience column take and give.
func (a Audience) Title() string { return strings.ReplaceAll(string(a), "-", " ") }

// Mode says whether people sit in one room or join from afar.
type Mode string

// The ways a session can be held.
const (
	ModeInPerson Mode = "in-person"
	ModeOnline   Mode = "online"
)

// Modes lists every valid mode.
var Modes = []Mode{ModeInPerson, ModeOnline}

// Phase is the step of the method a live session is in.
type Phase string

// Phases of a live session, in order.
const (
	PhaseLobby   Phase = "lobby"
	PhaseCheckIn Phase = "check-in"
	PhaseWrite   Phase = "write"
	PhaseReveal  Phase = "reveal"
	PhaseGroup   Phase = "group"
	PhaseVote    Phase = "vote"
	PhaseActions Phase = "actions"
	PhaseClosed  Phase = "closed"
)

// Phases lists the phases in the order the facilitator steps through them.
var Phases = []Phase{PhaseLobby, PhaseCheckIn, PhaseWrite, PhaseReveal, PhaseGroup, PhaseVote, PhaseActions, PhaseClosed}

func (p Phase) index() int {
	for i, q := range Phases {
		if q == p {
			return i
		}
	}
	return -1
}

// Furthest is the furthest phase the session has been in: Reached, or its phase
// when that is further or Reached is not known.
func (s *Session) Furthest() Phase {
	if s.Reached.index() < s.Phase.index() {
		return s.Phase
	}
	return s.Reached
}

// Next returns the phase after p, or p itself when p is the last.
func (p Phase) Next() Phase {
	i := p.index()
	if i < 0 || i == len(Phases)-1 {
		return p
	}
	return Phases[i+1]
}

// Prev returns the phase before p, or p itself when p is the first.
func (p Phase) Prev() Phase {
	i := p.index()
	if i <= 0 {
		return p
	}
	return Phases[i-1]
}

// AtLeast reports whether p comes at or after q in the method.
func (p Phase) AtLeast(q Phase) bool { return p.index() >= q.index() }

// Valid reports whether p is a known phase.
func (p Phase) Valid() bool { return p.index() >= 0 }

// NotesVisibleToAll reports whether, in this phase, every participant sees every note.
// Before the reveal a note is private to its author.
func (p Phase) NotesVisibleToAll() bool { return p.AtLeast(PhaseReveal) }

// AcceptsNotes reports whether participants may add, edit or delete notes.
func (p Phase) AcceptsNotes() bool { return p == PhaseWrite || p == PhaseReveal }

// Area is one of the standing areas of the method.
type Area string

// The areas a note is written in: the three standing areas and open topics.
const (
	AreaConfidence Area = "confidence"
	AreaActivities Area = "activities"
	AreaMotivation Area = "motivation"
	AreaOpen       Area = "open"
)

// Areas lists the areas in the order they are discussed.
var Areas = []Area{AreaConfidence, AreaActivities, AreaMotivation, AreaOpen}

// Title is the area's name as people read it.
func (a Area) Title() string {
	switch a {
	case AreaConfidence:
		return "Confidence"
	case AreaActivities:
		return "Security activities"
	case AreaMotivation:
		return "Motivation"
	case AreaOpen:
		return "Open topics"
	}
	return string(a)
}

// Lanes returns the fixed lanes of an area. The open area has none: its lanes are
// the topics participants raise.
func (a Area) Lanes() []string {
	switch a {
	case AreaConfidence:
		return []string{"strength", "concern"}
	case AreaActivities:
		return []string{"keep", "add", "less", "more"}
	case AreaMotivation:
		return []string{"motivates", "demotivates"}
	}
	return nil
}

// LaneTitle is a lane's name as people read it.
func LaneTitle(lane string) string {
	switch lane {
	case "strength":
		return "Strengths"
	case "concern":
		return "Concerns"
	case "keep":
		return "Keep"
	case "add":
		return "Add"
	case "less":
		return "Do less"
	case "more":
		return "Do more"
	case "motivates":
		return "Motivates"
	case "demotivates":
		return "Demotivates"
	}
	return lane
}

// ValidArea reports whether a is a known area.
func ValidArea(a Area) bool {
	for _, b := range Areas {
		if a == b {
			return true
		}
	}
	return false
}

// DefaultActivities is the starting list of security activities of the development life
// cycle; a session may edit its own copy.
var DefaultActivities = []string{
	"self-assessment", "code scanning (SAST)", "dependency scanning", "threat modelling",
	"pen testing", "bug bounty", "security training", "security guild", "incident handling",
	"security champions", "secure code review",
}

// Session is one focus group.
type Session struct {
	ID         string
	Title      string
	Audience   Audience
	Location   string
	Mode       Mode
	Campaign   string
	Code       string
	Phase      Phase
	Activities []string
	VoteBudget int
	// RatingsShown is set when the facilitator reveals the check-in distribution.
	RatingsShown bool
	Timer        Timer
	// Date is the day the session is held, YYYY-MM-DD, when it was given; empty means
	// the day it was created. Reports order sessions by Day.
	Date string
	// ReopenedOn is the last day (YYYY-MM-DD) the session was reopened after it had
	// been closed, empty when it never was: its results may differ from the day's.
	ReopenedOn string
	// Reached is the furthest phase the session has been in (see Furthest).
	Reached Phase
	// Held is set when the session has taken place as its documents tell it:
	// someone joined it and was not removed, or it has a note shown (paper notes
	// imported too), though it may never have left the lobby. The store sets it
	// whenever it reads a session.
	Held      bool
	CreatedAt time.Time
	UpdatedAt time.Time
}

// NotHeld says the session was closed without taking place: nobody was in it and it
// has no notes. A planned session closed so was skipped, and whom it invited is
// offered again when the campaign is planned again.
func (s *Session) NotHeld() bool { return s.Phase == PhaseClosed && !s.Held }

// PastDay says the session was planned for a day before today (YYYY-MM-DD) and
// was not held then: it never left the lobby, nobody is in it and it has no notes.
// It is no session to come, though nobody closed it; whom it invites stays placed
// until it is closed or deleted (offered again) or given a new day (to come).
func (s *Session) PastDay(today string) bool {
	return s.Date != "" && s.Date < today && s.Furthest() == PhaseLobby && !s.Held
}

// DayText writes a day for people to read: "2 Dec 2026", or without its year
// "2 Dec", where the year goes without saying.
func DayText(day time.Time, year bool) string {
	if !year {
		return day.Format("2 Jan")
	}
	return day.Format("2 Jan 2006")
}

// PastDayWording is how PastDayText words a session whose day passed (PastDay).
type PastDayWording int

const (
	// PlannedNotHeld is the words on their own: "planned for 2 Dec 2026, not held".
	PlannedNotHeld PastDayWording = iota
	// PlannedAndNotHeld follows "was" in a sentence that goes on: "planned for 2
	// Dec 2026 and not held".
	PlannedAndNotHeld
	// OnDayNotHeld follows what was planned: "on 2 Dec 2026, and it was not held".
	OnDayNotHeld
	// DayNotHeld leaves out the year, beside the session: "2 Dec, not held".
	DayNotHeld
)

// PastDayText says that a session planned for day was not held (see PastDay), in
// the words w.
func PastDayText(day time.Time, w PastDayWording) string {
	switch w {
	case PlannedAndNotHeld:
		return "planned for " + DayText(day, true) + " and not held"
	case OnDayNotHeld:
		return "on " + DayText(day, true) + ", and it was not held"
	case DayNotHeld:
		return DayText(day, false) + ", not held"
	}
	return "planned for " + DayText(day, true) + ", not held"
}

// DateLayout is how session dates are written.
const DateLayout = "2006-01-02"

// Day is the day the session is held: its Date, or else the day it was created (UTC).
func (s *Session) Day() time.Time {
	if d, err := time.Parse(DateLayout, s.Date); err == nil {
		return d
	}
	c := s.CreatedAt.UTC()
	return time.Date(c.Year(), c.Month(), c.Day(), 0, 0, 0, 0, time.UTC)
}

// NoDayYet says whether the session has no day yet: none was given, it has not
// begun (planned ahead, by charter plan --create or session new) and it is not
// Held. The day it was created, which Day falls back on, is then not when it is
// held; once it has begun or is held (people in its lobby, paper notes imported),
// that day stands for it, as every document dates it.
func (s *Session) NoDayYet() bool { return s.Date == "" && s.Furthest() == PhaseLobby && !s.Held }

// CompareDay orders sessions by the day they are held, then by when they were
// created, then by ID. Sessions with no day yet (NoDayYet) come after every session
// with one, in the order they were created: the day they were created, which Day
// falls back on, put one planned for next month above a session held next week.
func CompareDay(a, b *Session) int {
	if an, bn := a.NoDayYet(), b.NoDayYet(); an != bn {
		if an {
			return 1
		}
		return -1
	}
	if c := a.Day().Compare(b.Day()); c != 0 {
		return c
	}
	if c := a.CreatedAt.Compare(b.CreatedAt); c != 0 {
		return c
	}
	return strings.Compare(a.ID, b.ID)
}

// ValidDate checks a session date: empty, or a real day as YYYY-MM-DD.
func ValidDate(d string) (string, error) {
	d = strings.TrimSpace(d)
	if d == "" {
		return "", nil
	}
	if _, err := time.Parse(DateLayout, d); err != nil {
		if isoShape.MatchString(d) {
			// Written right, but no such day: "not a day as YYYY-MM-DD" sent
			// people looking for a fault in how they wrote it.
			if m := d[5:7]; m == "00" || m > "12" {
				return "", Errorf(EInvalid, "The date %q has no such day in the calendar: there is no month %s.", d, m)
			}
			return "", Errorf(EInvalid, "The date %q has no such day in the calendar: its month has fewer days.", d)
		}
		return "", Errorf(EInvalid, "The date %q is not a day as YYYY-MM-DD, e.g. 2026-03-14.", d)
	}
	return d, nil
}

// isoShape is a date written YYYY-MM-DD, whether or not the day exists.
var isoShape = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// Timer is the visible countdown of a phase. It never moves the phase by itself.
type Timer struct {
	// Set is the duration last set by the facilitator; zero means no timer.
	Set time.Duration
	// Left is what remains while paused.
	Left time.Duration
	// Running is true while counting down; then Ends is when it reaches zero.
	Running bool
	Ends    time.Time
}

// Remaining is the time left at now, never negative.
func (t Timer) Remaining(now time.Time) time.Duration {
	d := t.Left
	if t.Running {
		d = t.Ends.Sub(now)
	}
	if d < 0 {
		return 0
	}
	return d
}

// Active reports whether there is a timer to show.
func (t Timer) Active() bool { return t.Set > 0 }

// Start runs the timer from what is left.
func (t Timer) Start(now time.Time) Timer {
	if t.Running || t.Set == 0 {
		return t
	}
	t.Running = true
	t.Ends = now.Add(t.Left)
	return t
}

// Pause stops the countdown and keeps what is left.
func (t Timer) Pause(now time.Time) Timer {
	if !t.Running {
		return t
	}
	t.Left = t.Remaining(now)
	t.Running = false
	t.Ends = time.Time{}
	return t
}

// Extend adds d to the time left, running or not.
func (t Timer) Extend(d time.Duration, now time.Time) Timer {
	if t.Set == 0 {
		return SetTimer(d)
	}
	if t.Running {
		if t.Ends.Before(now) {
			t.Ends = now
		}
		t.Ends = t.Ends.Add(d)
	} else {
		t.Left += d
	}
	t.Set += d
	return t
}

// SetTimer returns a paused timer of d.
func SetTimer(d time.Duration) Timer { return Timer{Set: d, Left: d} }

// Participant is one person in one session. Peers never see which notes are theirs.
type Participant struct {
	ID        int64
	SessionID string
	// KeyHash is a salted hash of the participant's SSH public key, empty when they
	// connected without one; it lets a participant who reconnects be the same one.
	KeyHash   string
	Name      string
	Pseudonym string
	// Rating is the participant's confidence rating, 0 before they give one.
	Rating int
	// ShownRating is their rating as the screens show it: as last released in a
	// batch (see MinBatchRaters), 0 before any. Every screen and document counts
	// ShownRating.
	ShownRating int
	Done        bool
	Removed     bool
	JoinedAt    time.Time
	Profile     Profile
	// Paper is set for the authors of imported paper notes: they count in the
	// session's figures but never connect.
	Paper bool
	// Unlabelled marks the one paper author of a session's notes imported without
	// an author label; every such import reuses it.
	Unlabelled bool
	// RejoinCode is the personal rejoin code of a person without a key, as they
	// read it, on the connection that made or entered it only: the store keeps a
	// keyed hash of it.
	RejoinCode string
}

// Profile is what a participant may say about themselves at join, all optional, so
// that reports can compare segments; reports show a segment only when it holds at
// least MinSegment participants, so that nobody can be picked out.
type Profile struct {
	// Tenure is the time in the security role: "<1y", "1-3y", ">3y".
	Tenure string
	// Appointment is how they got the role: "appointed" or "volunteered".
	Appointment string
	// Level is the team's security level: "bronze", "silver", "gold", "platinum".
	Level string
}

// MinSegment is the smallest group a report breaks results down by.
const MinSegment = 3

// Choices of the profile's fields, in display order.
var (
	Tenures      = []string{"<1y", "1-3y", ">3y"}
	Appointments = []string{"appointed", "volunteered"}
	Levels       = []string{"bronze", "silver", "gold", "platinum"}
)

// Valid reports whether every field is empty or one of its choices.
func (p Profile) Valid() bool {
	return (p.Tenure == "" || contains(Tenures, p.Tenure)) &&
		(p.Appointment == "" || contains(Appointments, p.Appointment)) &&
		(p.Level == "" || contains(Levels, p.Level))
}

// DisplayName is the name the facilitator sees for p.
func (p Participant) DisplayName() string {
	if p.Name != "" {
		return p.Name
	}
	return p.Pseudonym
}

// Note is one short text by one participant in one area and lane.
type Note struct {
	ID            int64
	SessionID     string
	ParticipantID int64
	Area          Area
	Lane          string
	Activity      string
	// ActivityFiled says that Activity is the one the note's words name, its writer
	// having chosen none (FiledActivity), or none for words that name none or
	// several: an edit of the words files it again. A writer's or the
	// facilitator's choice, and the activity of a note stored before filings were
	// told apart, is never changed by an edit.
	ActivityFiled bool
	Text          string
	Hidden        bool
	// Batch is the batch the note reached the facilitator's board in, 0 while it is
	// held back (see MinBatchWriters).
	Batch     int64
	CreatedAt time.Time
	UpdatedAt time.Time
}

// NormalizeCode makes a join code as typed comparable to the stored one: case, spaces
// and dashes do not matter.
func NormalizeCode(code string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(code) {
		if r == '-' || r == ' ' || r == '\t' {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
