package session

import "context"

// Store keeps sessions, participants and notes. session/sqlite implements it.
type Store interface {
	CreateSession(ctx context.Context, s *Session) error
	Session(ctx context.Context, id string) (*Session, error)
	SessionByCode(ctx context.Context, code string) (*Session, error)
	Sessions(ctx context.Context) ([]*Session, error)
	// UpdateSession stores phase, timer, activities, vote budget and the
	// ratings-shown flag of s.
	UpdateSession(ctx context.Context, s *Session) error
	// UpdateSessionDetails stores title, location, campaign, audience, mode and date
	// of s.
	UpdateSessionDetails(ctx context.Context, s *Session) error
	// DeleteSession deletes a session and everything in it.
	DeleteSession(ctx context.Context, id string) error

	// JoinSession returns the participant of sessionID with keyHash, creating one
	// when there is none or keyHash is empty; created tells which.
	JoinSession(ctx context.Context, sessionID, keyHash, name string) (p *Participant, created bool, err error)
	Participant(ctx context.Context, id int64) (*Participant, error)
	// ParticipantInSession returns a participant and their session as of one moment.
	ParticipantInSession(ctx context.Context, id int64) (*Participant, *Session, error)
	// NoteAuthor is ParticipantInSession for the checks of a new note, which a burst
	// makes for hundreds of notes at once: of the participant, only what the
	// checks read (ID, SessionID, Removed) is read, and the session may be the one
	// every check of the store's note batch reads: it is read, never changed.
	NoteAuthor(ctx context.Context, id int64) (*Participant, *Session, error)
	Participants(ctx context.Context, sessionID string) ([]*Participant, error)
	// ActiveParticipants counts the participants of sessionID not removed.
	ActiveParticipants(ctx context.Context, sessionID string) (int, error)
	// ParticipationsByKey returns the participants with keyHash in any session, newest
	// first, so a returning person can find the sessions they took part in.
	ParticipationsByKey(ctx context.Context, keyHash string) ([]*Participant, error)
	// UpdateParticipant stores name, rating, done and removed of p.
	UpdateParticipant(ctx context.Context, p *Participant) error
	// SetRejoinCode stores a keyed hash of a participant's personal rejoin code;
	// EConflict when another participant has it.
	SetRejoinCode(ctx context.Context, participantID int64, code string) error
	// ParticipantByRejoinCode returns the participant whose rejoin code is code.
	ParticipantByRejoinCode(ctx context.Context, code string) (*Participant, error)

	// AddNote stores a new note and sets its ID. In the transaction that stores it
	// (outside WriteTx) it first runs check (when not nil), which may read st and
	// complete n but writes nothing (notes arriving together are checked in one
	// transaction, which may read their session once for all of them), and stores
	// nothing when check fails, returning its error; after
	// the note it applies the board's rule, ReleaseIfDue, to the note's session,
	// and sets n.Batch when that released the session's held notes.
	AddNote(ctx context.Context, n *Note, check func(ctx context.Context, st Store) error) error
	Note(ctx context.Context, id int64) (*Note, error)
	// UpdateNote stores text, area, lane, activity and hidden of n.
	UpdateNote(ctx context.Context, n *Note) error
	DeleteNote(ctx context.Context, id int64) error
	// Notes returns every note of a session, hidden ones included, oldest first.
	Notes(ctx context.Context, sessionID string) ([]*Note, error)
	// NotesBy returns one participant's notes, oldest first.
	NotesBy(ctx context.Context, participantID int64) ([]*Note, error)
	// OpenTopics returns the titles the session's open topics were written under,
	// each once, in the order first written (hidden notes' included).
	OpenTopics(ctx context.Context, sessionID string) ([]string, error)
	// NoteActivities returns the activities the session's notes were written
	// under, each once, in the order first written (hidden notes' included).
	NoteActivities(ctx context.Context, sessionID string) ([]string, error)

	ThemeStore
	SplitStore
	JoinStore
	BatchStore
	RatingStore

	// ReadTx runs fn with a Store that reads one snapshot: what is committed while fn
	// runs does not show, so the pieces a screen shows are from one moment. fn must
	// not write.
	ReadTx(ctx context.Context, fn func(st Store) error) error
	// WriteTx runs fn with a Store whose reads and writes are one transaction: no
	// other write comes between fn's reads and its writes, and its writes are all kept
	// (fn returns nil) or none. Inside fn only st may be used; the Store WriteTx was
	// called on waits for the transaction to end. Called on st, ReadTx and WriteTx
	// run in the transaction already open.
	WriteTx(ctx context.Context, fn func(st Store) error) error
}

// Change says what kind of thing changed in a session, so that screens that do not
// show it need not reload.
type Change int

// Kinds of change.
const (
	// ChangeSession is a change of phase, timer or settings: every screen reloads.
	ChangeSession Change = 1 << iota
	// ChangeNotes is a note added, edited, hidden or deleted.
	ChangeNotes
	// ChangePeople is a participant joining, rating, finishing or being removed.
	ChangePeople
)

// ChangeNoteAdded is a note added and nothing else changed, so a screen may fetch
// just the new notes. (ChangeThemes, 1<<3, is defined with the themes.)
const ChangeNoteAdded Change = 1 << 4

// ChangeHidden is a note hidden or shown again by the facilitator, published with
// ChangeNotes: its author sees it in every phase, and hiding is rare enough for every
// participant's screen to watch it.
const ChangeHidden Change = 1 << 5

// SessionList is the ID under which changes to the list of sessions (a session
// created) and to campaigns (a hypothesis, a verdict, a split of matched themes) are
// published, for the screens that list sessions and campaigns. No session has it.
const SessionList = "*sessions"

// Notifier tells the screens watching a session that something in it changed.
type Notifier interface {
	Publish(sessionID string, what Change)
}

// ActivityRenamer is a Notifier that is told, too, which activity of a session was
// renamed to what, before the change is published: a screen cannot tell a rename
// from its lists alone (the last activity deleted and another added, seen in one
// read, looks the same), and what a participant writes next follows a rename, never
// a deletion.
type ActivityRenamer interface {
	ActivityRenamed(sessionID, from, to string)
}
