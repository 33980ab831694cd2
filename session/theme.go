package session

import (
	"context"
	"time"
)

// ChangeThemes is a theme, vote, action point or volunteer added, changed or removed.
// Only the group, vote and actions screens (and the board) need to reload on it.
const ChangeThemes Change = 1 << 3

// Theme is a group of notes about the same thing, suggested by clustering and then
// edited by the facilitator.
type Theme struct {
	ID        int64
	SessionID string
	Label     string
	// Named is set when the facilitator named the theme (rather than clustering).
	Named bool
	// NameNote is the note the theme's name was made from when it was split out
	// of one (S on the board): its ★ and first quote, whatever notes are moved in
	// later. 0 when not known: clustering, or a name typed (Named).
	NameNote int64
	// NoteIDs are the theme's notes by ID as stored (the order written: screens list
	// them with SortNoteIDs); a note is in at most one theme.
	NoteIDs   []int64
	CreatedAt time.Time
	// Number is the theme's number on the board, set on the copies others see
	// (ShownThemes): its place among the themes they see, from 1. The board lists
	// those first (shownFirst) and the themes nobody else sees after them, so
	// that "vote for 3" means the same theme on every screen and the numbers run
	// without a gap. Zero where not set.
	Number int
	// NameFrom, on a suggested theme only (never stored), is the title of the
	// session of the campaign whose facilitator gave the name it suggests, so
	// that the board can say the name is not made from these notes.
	NameFrom string
}

// Vote is the dots one participant gave one theme.
type Vote struct {
	ParticipantID int64
	ThemeID       int64
	Count         int
}

// Voting limits.
const (
	// DefaultVoteBudget is the dots a participant gets when the facilitator sets none.
	DefaultVoteBudget = 3
	// MaxVoteBudget bounds what the facilitator may hand out: beyond it dots stop
	// meaning a choice.
	MaxVoteBudget = 10
	// MaxVotesPerTheme keeps one person from spending every dot on one theme.
	MaxVotesPerTheme = 2
)

// ActionStatus is where an action point stands.
type ActionStatus string

// The statuses an action point goes through.
const (
	ActionProposed   ActionStatus = "proposed"
	ActionAccepted   ActionStatus = "accepted"
	ActionInProgress ActionStatus = "in-progress"
	ActionDone       ActionStatus = "done"
	ActionDropped    ActionStatus = "dropped"
)

// ActionStatuses lists the statuses in the order an action point moves through them.
var ActionStatuses = []ActionStatus{ActionProposed, ActionAccepted, ActionInProgress, ActionDone, ActionDropped}

// Valid reports whether st is a known status.
func (st ActionStatus) Valid() bool {
	for _, x := range ActionStatuses {
		if st == x {
			return true
		}
	}
	return false
}

// Priorities of an action point; lower is more urgent.
const (
	PriorityHigh   = 1
	PriorityMedium = 2
	PriorityLow    = 3
)

// PriorityName is how a priority reads: high, medium or low.
func PriorityName(p int) string {
	switch p {
	case PriorityHigh:
		return "high"
	case PriorityMedium:
		return "medium"
	case PriorityLow:
		return "low"
	}
	return "unknown"
}

// MaxActionTitleLen is the longest title of an action point, in characters.
const MaxActionTitleLen = 120

// ActionPoint is what the program will do about a theme.
type ActionPoint struct {
	ID        int64
	SessionID string
	// ThemeID is the theme the action answers; 0 when it stands alone (or its theme
	// was deleted).
	ThemeID  int64
	Title    string
	Priority int
	Owner    string
	Status   ActionStatus
	// Volunteers are the names volunteers gave when they volunteered
	// (AnonymousVolunteer for none): kept with the volunteering, never a
	// participant's display name or pseudonym.
	Volunteers []string
	// VolunteerIDs are the participants behind Volunteers, in the same order, so a
	// screen can tell whether its own participant has volunteered.
	VolunteerIDs []int64
	// Due is the day the action point is due, YYYY-MM-DD, or empty.
	Due       string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// ThemeStore keeps themes, votes, action points and volunteers. session/sqlite
// implements it. Each method that changes more than one row does so atomically.
type ThemeStore interface {
	Theme(ctx context.Context, id int64) (*Theme, error)
	// Themes returns a session's themes ordered by ID.
	Themes(ctx context.Context, sessionID string) ([]*Theme, error)
	// ReplaceThemes makes themes the session's only themes: those with an ID of the
	// session are updated, those with ID 0 are created (their IDs set), those with an
	// ID no theme has are created with that ID (an undo putting a theme back), all
	// others are deleted with their votes. Notes not listed leave their themes.
	ReplaceThemes(ctx context.Context, sessionID string, themes []*Theme) error
	// CreateTheme stores t and sets its ID; its notes leave the themes they were in.
	CreateTheme(ctx context.Context, t *Theme) error
	// UpdateTheme stores the label of t.
	UpdateTheme(ctx context.Context, t *Theme) error
	// MergeThemes moves the notes, votes and action points of fromID to intoID and
	// deletes fromID. One person's dots on both themes add up to at most maxVotes;
	// any over that go back to them.
	MergeThemes(ctx context.Context, intoID, fromID int64, maxVotes int) error
	// SetNoteTheme puts a note in a theme, or in none when themeID is 0.
	SetNoteTheme(ctx context.Context, noteID, themeID int64) error
	// DeleteTheme deletes a theme and its votes; its notes and action points stay,
	// without a theme.
	DeleteTheme(ctx context.Context, id int64) error

	// Votes returns every vote in a session.
	Votes(ctx context.Context, sessionID string) ([]Vote, error)
	// ChangeVote adds delta dots of a participant to a theme in one transaction,
	// after check has approved it against the participant's current votes (theme ID
	// to dots). A count that reaches zero removes the vote.
	ChangeVote(ctx context.Context, participantID, themeID int64, delta int, check func(mine map[int64]int) error) error
	// ShownVotes returns a session's votes as the screens last showed them (see
	// ReleaseVotes).
	ShownVotes(ctx context.Context, sessionID string) ([]Vote, error)
	// HeldVoters returns how many people of a session have votes that differ from
	// the ones shown.
	HeldVoters(ctx context.Context, sessionID string) (int, error)
	// ReleaseVotes makes a session's votes the ones shown.
	ReleaseVotes(ctx context.Context, sessionID string) error
	// ClearVotes removes every dot on a theme, shown ones too.
	ClearVotes(ctx context.Context, themeID int64) error

	// AddAction stores a and sets its ID.
	AddAction(ctx context.Context, a *ActionPoint) error
	// Action returns an action point with VolunteerIDs filled in.
	Action(ctx context.Context, id int64) (*ActionPoint, error)
	// UpdateAction stores theme, title, priority, owner, status and updated time of a.
	UpdateAction(ctx context.Context, a *ActionPoint) error
	DeleteAction(ctx context.Context, id int64) error
	// Actions returns a session's action points ordered by ID, VolunteerIDs and
	// Volunteers (the names they volunteered under, empty for none) filled in order
	// of volunteering.
	Actions(ctx context.Context, sessionID string) ([]*ActionPoint, error)
	// SetVolunteer records that a participant volunteers for an action under name
	// (on), or withdraws.
	SetVolunteer(ctx context.Context, actionID, participantID int64, name string, on bool) error
	// SetActionDue stores the due day of an action point (empty for none).
	SetActionDue(ctx context.Context, actionID int64, due string, updated time.Time) error
}
