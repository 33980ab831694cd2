package session

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Service applies the rules of the method on top of a Store and tells watchers of a
// session what changed. Screens and commands go through it, never straight to a Store.
type Service struct {
	store    Store
	Notifier Notifier
	// Now is the clock; tests may set it.
	Now func() time.Time
	// Limits are the abuse limits; a zero field means no limit.
	Limits Limits

	notes  noteLimiter
	voices voices
}

// NewService returns a Service over st that publishes to n (which may be nil).
func NewService(st Store, n Notifier) *Service {
	return &Service{store: st, Notifier: n, Now: time.Now}
}

// Today is the day of the clock (UTC), YYYY-MM-DD, as sessions are dated.
func (s *Service) Today() string { return s.Now().UTC().Format(DateLayout) }

func (s *Service) publish(sessionID string, what Change) {
	if s.Notifier != nil {
		s.Notifier.Publish(sessionID, what)
	}
}

// NewSession validates and creates a session in the lobby.
func (s *Service) NewSession(ctx context.Context, in Session) (*Session, error) {
	var err error
	if in.Title, err = ValidText(in.Title, MaxTitleLen, "The title", true); err != nil {
		return nil, err
	}
	if in.Location, err = ValidText(in.Location, MaxTitleLen, "The location", false); err != nil {
		return nil, err
	}
	if in.Campaign, err = campaignName(ctx, s.store, in.Campaign, ""); err != nil {
		return nil, err
	}
	if in.Date, err = ValidDate(in.Date); err != nil {
		return nil, err
	}
	if !validAudience(in.Audience) {
		return nil, Errorf(EInvalid, "Unknown audience %q; use one of %s.", in.Audience, joinAudiences())
	}
	if in.Mode == "" {
		in.Mode = ModeInPerson
	}
	if in.Mode != ModeInPerson && in.Mode != ModeOnline {
		return nil, Errorf(EInvalid, "Unknown mode %q; use in-person or online.", in.Mode)
	}
	in.Phase = PhaseLobby
	if len(in.Activities) == 0 {
		in.Activities = append([]string(nil), DefaultActivities...)
	}
	if in.VoteBudget == 0 {
		in.VoteBudget = 3
	}
	if err := s.store.CreateSession(ctx, &in); err != nil {
		return nil, fmt.Errorf("create session: %w", err)
	}
	s.publish(SessionList, ChangeSession)
	return &in, nil
}

func validAudience(a Audience) bool {
	for _, b := range Audiences {
		if a == b {
			return true
		}
	}
	return false
}

func joinAudiences() string {
	var names []string
	for _, a := range Audiences {
		names = append(names, string(a))
	}
	return strings.Join(names, ", ")
}

// FindByCode finds the session a join code belongs to.
func (s *Service) FindByCode(ctx context.Context, code string) (*Session, error) {
	c := NormalizeCode(code)
	if c == "" {
		return nil, Errorf(EInvalid, "Please type the join code your facilitator gave you.")
	}
	if err := misreadCode(code); err != nil {
		return nil, err
	}
	sess, err := s.store.SessionByCode(ctx, c)
	if ErrorCode(err) == ENotFound {
		if strings.HasPrefix(strings.ToUpper(strings.TrimSpace(code)), "CLAIM-") {
			// A facilitator claim code that is no longer open (or from another server).
			return nil, Errorf(ENotFound, "That claim code is not open any more: the first key that entered it is the facilitator. Ask a facilitator to add your public key to the server's facilitators file.")
		}
		return nil, Errorf(ENotFound, "No session has the code %q. Check the code with your facilitator and try again.", ShownCode(code))
	}
	return sess, err
}

// ShownCode is a code typed as a refusal names it: cleaned, and cut a little past a
// code's length, so that something long pasted in its place (an invitation's
// paragraph) does not fill the screen and push the code's box off it.
func ShownCode(code string) string {
	const most = 24
	code = CleanText(code)
	if r := []rune(code); len(r) > most {
		return string(r[:most-1]) + "…"
	}
	return code
}

// Join adds a participant to a session, or returns the one with the same key.
func (s *Service) Join(ctx context.Context, sessionID, keyHash string) (*Participant, error) {
	p, _, err := s.Rejoin(ctx, sessionID, keyHash)
	return p, err
}

// Rejoin is Join that also tells whether the key had joined the session before, so a
// returning person is not asked again for what they already answered.
func (s *Service) Rejoin(ctx context.Context, sessionID, keyHash string) (*Participant, bool, error) {
	var p *Participant
	var created bool
	// One transaction, so that two people joining at once cannot both take the last
	// place.
	err := s.store.WriteTx(ctx, func(st Store) error {
		sess, err := st.Session(ctx, sessionID)
		if err != nil {
			return err
		}
		if err := s.roomFor(ctx, st, sess, keyHash); err != nil {
			return err
		}
		p, created, err = st.JoinSession(ctx, sessionID, keyHash, "")
		return err
	})
	if err != nil {
		return nil, false, err
	}
	if p.Removed {
		return nil, false, Errorf(EForbidden, "The facilitator has removed you from this session.")
	}
	s.publish(sessionID, ChangePeople)
	return p, !created, nil
}

// SetName sets the display name a participant chose; empty stays anonymous.
func (s *Service) SetName(ctx context.Context, p *Participant, name string) error {
	return s.SetNameAndProfile(ctx, p, name, p.Profile)
}

// SetNameAndProfile sets the display name and the optional profile a participant gave.
func (s *Service) SetNameAndProfile(ctx context.Context, p *Participant, name string, profile Profile) error {
	name, err := ValidText(name, MaxNameLen, "A name", false)
	if err != nil {
		return err
	}
	if !profile.Valid() {
		return Errorf(EInvalid, "Unknown profile answer.")
	}
	// The stored row, not the caller's copy, in one transaction: what changed
	// meanwhile (removed, done, a rating) is kept.
	err = s.store.WriteTx(ctx, func(st Store) error {
		fresh, _, err := s.current(ctx, st, p.ID)
		if err != nil {
			return err
		}
		fresh.Name, fresh.Profile = name, profile
		return st.UpdateParticipant(ctx, fresh)
	})
	if err != nil {
		return err
	}
	p.Name, p.Profile = name, profile
	s.publish(p.SessionID, ChangePeople)
	return nil
}

// current reads the participant and session from st, in one statement (one
// snapshot), so that rules see the latest state; a removed participant is refused.
func (s *Service) current(ctx context.Context, st Store, participantID int64) (*Participant, *Session, error) {
	p, sess, err := st.ParticipantInSession(ctx, participantID)
	if err != nil {
		return nil, nil, err
	}
	if p.Removed {
		return nil, nil, errRemoved()
	}
	return p, sess, nil
}

// errRemoved is the answer to a participant the facilitator removed.
func errRemoved() error {
	return Errorf(EForbidden, "The facilitator has removed you from this session.")
}

// updateParticipant changes the stored participant with change, in one transaction
// (the caller's copy may be stale: a rating must not undo a removal), and tells the
// session's screens.
func (s *Service) updateParticipant(ctx context.Context, participantID int64, change func(p *Participant, sess *Session) error) error {
	var sessionID string
	err := s.store.WriteTx(ctx, func(st Store) error {
		p, sess, err := s.current(ctx, st, participantID)
		if err != nil {
			return err
		}
		if err := change(p, sess); err != nil {
			return err
		}
		sessionID = p.SessionID
		return st.UpdateParticipant(ctx, p)
	})
	if err != nil {
		return err
	}
	s.publish(sessionID, ChangePeople)
	return nil
}

// Rate records a participant's confidence rating, 1 to 5. In the same transaction it
// shows the held ratings when this one makes a batch (see MinBatchRaters).
func (s *Service) Rate(ctx context.Context, participantID int64, rating int) error {
	if rating < 1 || rating > 5 {
		return Errorf(EInvalid, "A rating is a whole number from 1 to 5.")
	}
	var sessionID string
	err := s.store.WriteTx(ctx, func(st Store) error {
		p, sess, err := s.current(ctx, st, participantID)
		if err != nil {
			return err
		}
		if sess.Phase == PhaseClosed {
			return Errorf(EForbidden, "The session is closed.")
		}
		sessionID = p.SessionID
		p.Rating = rating
		if err := st.UpdateParticipant(ctx, p); err != nil {
			return err
		}
		return releaseRatings(ctx, st, p.SessionID, minRaters(sess), false)
	})
	if err != nil {
		return err
	}
	s.publish(sessionID, ChangePeople)
	return nil
}

// SetDone records that a participant has finished (or not) what the phase asks.
func (s *Service) SetDone(ctx context.Context, participantID int64, done bool) error {
	return s.updateParticipant(ctx, participantID, func(p *Participant, sess *Session) error {
		if done && sess.Phase == PhaseCheckIn {
			// Rating is the check-in, and the board counts ratings without knowing
			// whose: a done mark, given after rating, would say who rated.
			return Errorf(EInvalid, "At check-in your rating is your check-in; there is nothing to mark done.")
		}
		p.Done = done
		return nil
	})
}

func (s *Service) validNote(sess *Session, n *Note) error {
	if !ValidArea(n.Area) {
		return Errorf(EInvalid, "Unknown area %q.", n.Area)
	}
	var err error
	if n.Area == AreaOpen {
		if n.Lane, err = ValidText(n.Lane, MaxTopicLen, "A topic", true); err != nil {
			return err
		}
	} else if !contains(n.Area.Lanes(), n.Lane) {
		return Errorf(EInvalid, "Unknown lane %q in %s.", n.Lane, n.Area)
	}
	if n.Activity, err = ValidText(n.Activity, MaxTopicLen, "An activity", false); err != nil {
		return err
	}
	// An activity of the session's list typed in another case is the listed one.
	n.Activity = listedSpelling(sess.Activities, n.Activity)
	if n.Text, err = ValidText(n.Text, MaxNoteLen, "A note", true); err != nil {
		return err
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// AddNote stores a note by a participant. It returns only once the note is stored.
func (s *Service) AddNote(ctx context.Context, participantID int64, n Note) (*Note, error) {
	// The checks run in the transaction that stores the note (the store's note
	// writer, which batches the commits of notes arriving together): a note is never
	// stored for someone removed, or in a phase moved past, since it was checked.
	// That connection's cache holds the participant and the session, where a read
	// of its own was a tenth of the server's CPU in a burst of notes.
	n.ParticipantID = participantID
	var refused error // the checks' answer, given as it is
	err := s.store.AddNote(ctx, &n, func(ctx context.Context, st Store) error {
		refused = s.checkNewNote(ctx, st, &n)
		return refused
	})
	if refused != nil {
		return nil, refused
	}
	if err != nil {
		return nil, fmt.Errorf("add note: %w", err)
	}
	change := ChangeNoteAdded
	if n.Batch > 0 {
		// Stored with a release of the session's held notes (ReleaseIfDue).
		change |= ChangeReleased
	}
	s.publish(n.SessionID, change)
	return &n, nil
}

// checkNewNote applies the rules to a new note of n.ParticipantID, reading st, and
// completes n: its session, its topic's spelling, its times.
func (s *Service) checkNewNote(ctx context.Context, st Store, n *Note) error {
	p, sess, err := st.NoteAuthor(ctx, n.ParticipantID)
	if err != nil {
		return err
	}
	if p.Removed {
		return errRemoved()
	}
	if !sess.Phase.AcceptsNotes() {
		return Errorf(EForbidden, "Notes can be written in the write and reveal phases; the session is in %s.", sess.Phase)
	}
	if err := s.validNote(sess, n); err != nil {
		return err
	}
	fileActivity(sess, n)
	if err := revealedSpelling(ctx, st, sess, n); err != nil {
		return err
	}
	if sess.Phase == PhaseReveal && n.Area == AreaOpen {
		// Everyone sees the topics now: a topic raised again in another case is
		// the one already there (see unifySpellings).
		if n.Lane, err = topicSpelling(ctx, st, sess.ID, n.Lane); err != nil {
			return err
		}
	}
	if err := s.allowNote(p.ID); err != nil {
		return err
	}
	n.SessionID = p.SessionID
	n.CreatedAt = s.Now()
	n.UpdatedAt = n.CreatedAt
	return nil
}

// own returns the note if participantID wrote it.
func (s *Service) own(ctx context.Context, st Store, participantID, noteID int64) (*Note, *Session, error) {
	p, sess, err := s.current(ctx, st, participantID)
	if err != nil {
		return nil, nil, err
	}
	n, err := st.Note(ctx, noteID)
	if err != nil {
		return nil, nil, err
	}
	if n.ParticipantID != p.ID {
		return nil, nil, Errorf(EForbidden, "You can only change your own notes.")
	}
	if !sess.Phase.AcceptsNotes() {
		return nil, nil, Errorf(EForbidden, "Notes can be changed in the write and reveal phases; the session is in %s.", sess.Phase)
	}
	return n, sess, nil
}

// EditNote changes the text (and lane) of a participant's own note. A note filed
// under the activity its words name (Note.ActivityFiled) is filed again by its new
// words, as a new note would be; an activity chosen stays.
func (s *Service) EditNote(ctx context.Context, participantID int64, edited Note) (*Note, error) {
	return s.changeOwnNote(ctx, participantID, edited.ID, func(n *Note) (Note, error) {
		edited.Area = n.Area
		if edited.Lane == "" || n.Area != AreaOpen && !contains(n.Area.Lanes(), edited.Lane) {
			// No lane, or one of another area: the facilitator moved the note
			// (RefileNote) while its writer edited it; the edit changes the text.
			edited.Lane, edited.Activity = n.Lane, n.Activity
		}
		// The activity as stored was not chosen by this edit.
		edited.ActivityFiled = n.ActivityFiled && edited.Activity == n.Activity
		return edited, nil
	})
}

// PlaceOwnNote puts a participant's own note in lane of area, about activity, its
// text as stored: moving a note or choosing its activity changes where it is,
// never its words, which its writer may have changed on another terminal since
// this one read them (sent whole, the old words came back). A note the
// facilitator moved to another area meanwhile is refused, and stays there.
func (s *Service) PlaceOwnNote(ctx context.Context, participantID, noteID int64, area Area, lane, activity string) (*Note, error) {
	return s.changeOwnNote(ctx, participantID, noteID, func(n *Note) (Note, error) {
		if n.Area != area {
			return Note{}, Errorf(EConflict, "The facilitator moved this note meanwhile: it is in %s now, and stays there.", n.Area.Title())
		}
		placed := *n
		placed.Lane, placed.Activity = lane, activity
		// Another activity is chosen; a move keeps how the note's came.
		placed.ActivityFiled = n.ActivityFiled && activity == n.Activity
		return placed, nil
	})
}

// ChooseOwnActivity puts a participant's own note of the security activities under
// activity (none for ""), its words and lane as stored: their choice, which an edit
// of the words never changes, even when it is the activity the words named. A note
// the facilitator moved to another area meanwhile is refused, and stays there.
func (s *Service) ChooseOwnActivity(ctx context.Context, participantID, noteID int64, activity string) (*Note, error) {
	return s.changeOwnNote(ctx, participantID, noteID, func(n *Note) (Note, error) {
		if n.Area != AreaActivities {
			return Note{}, Errorf(EConflict, "The facilitator moved this note meanwhile: it is in %s now, and stays there.", n.Area.Title())
		}
		chosen := *n
		chosen.Activity, chosen.ActivityFiled = activity, false
		return chosen, nil
	})
}

// changeOwnNote stores the note change makes of a participant's own note as
// stored, checked as a new note is, in one transaction.
func (s *Service) changeOwnNote(ctx context.Context, participantID, noteID int64, change func(stored *Note) (Note, error)) (*Note, error) {
	var n *Note
	err := s.store.WriteTx(ctx, func(st Store) error {
		var sess *Session
		var err error
		if n, sess, err = s.own(ctx, st, participantID, noteID); err != nil {
			return err
		}
		edited, err := change(n)
		if err != nil {
			return err
		}
		if err := s.validNote(sess, &edited); err != nil {
			return err
		}
		edited.ActivityFiled = edited.ActivityFiled && edited.Area == AreaActivities
		if edited.ActivityFiled && edited.Text != n.Text {
			// The words changed under an activity they named: filed again.
			edited.Activity = ""
			fileActivity(sess, &edited)
		}
		if edited.Activity != n.Activity {
			if err := revealedSpelling(ctx, st, sess, &edited); err != nil {
				return err
			}
		}
		if err := s.allowNote(participantID); err != nil {
			return err
		}
		n.Text, n.Lane, n.Activity, n.ActivityFiled = edited.Text, edited.Lane, edited.Activity, edited.ActivityFiled
		n.UpdatedAt = s.Now()
		if err := st.UpdateNote(ctx, n); err != nil {
			return fmt.Errorf("edit note: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	s.publish(n.SessionID, ChangeNotes)
	return n, nil
}

// DeleteNote removes a participant's own note.
func (s *Service) DeleteNote(ctx context.Context, participantID, noteID int64) error {
	var sessionID string
	err := s.store.WriteTx(ctx, func(st Store) error {
		n, _, err := s.own(ctx, st, participantID, noteID)
		if err != nil {
			return err
		}
		sessionID = n.SessionID
		if err := st.DeleteNote(ctx, n.ID); err != nil {
			return fmt.Errorf("delete note: %w", err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	s.publish(sessionID, ChangeNotes)
	return nil
}

// NotesFor returns the notes a participant may see: their own before the reveal,
// every visible note after it. Authors are not part of what a peer gets.
func (s *Service) NotesFor(ctx context.Context, participantID int64) ([]*Note, error) {
	var out []*Note
	err := s.store.ReadTx(ctx, func(st Store) error {
		p, sess, err := s.current(ctx, st, participantID)
		if err != nil {
			return err
		}
		var all []*Note
		if sess.Phase.NotesVisibleToAll() {
			all, err = st.Notes(ctx, sess.ID)
		} else {
			// Before the reveal only one's own notes are visible: read just those.
			all, err = st.NotesBy(ctx, p.ID)
		}
		out = notesFor(p, sess, all)
		return err
	})
	return out, err
}

// notesFor returns what participant p may see of all: their own notes, and every
// visible note once the phase shows them, without anyone else's participant ID.
func notesFor(p *Participant, sess *Session, all []*Note) []*Note {
	var out []*Note
	for _, n := range all {
		mine := n.ParticipantID == p.ID
		if !mine && (n.Hidden || !sess.Phase.NotesVisibleToAll()) {
			continue
		}
		c := *n
		if !mine {
			c.ParticipantID = 0
		}
		out = append(out, &c)
	}
	if sess.Phase.NotesVisibleToAll() {
		// After the reveal everyone's notes are listed in an order that says
		// nothing about who wrote them; before, one's own stay in writing order.
		SortNotes(out)
	}
	return out
}

// SetPhase moves a session to a phase. Done marks are reset: each phase asks for
// something new. A session dated after today, or not dated, that leaves the lobby
// is dated today, the day it is held.
func (s *Service) SetPhase(ctx context.Context, sessionID string, ph Phase) (*Session, error) {
	if !ph.Valid() {
		return nil, Errorf(EInvalid, "Unknown phase %q.", ph)
	}
	var sess *Session
	moved := false
	err := s.store.WriteTx(ctx, func(st Store) error {
		var err error
		sess, moved, err = s.setPhase(ctx, st, sessionID, ph)
		return err
	})
	if err != nil {
		return nil, err
	}
	if moved {
		s.publish(sessionID, ChangeSession|ChangePeople)
	}
	return sess, nil
}

// MoveAndGroup moves a session that has no themes to phase ph (none if "") and
// makes the clustering's suggested themes its themes, as SetPhase, SuggestThemes
// and SaveThemes would one after the other, in one transaction: a board never sees
// the session in the group phase without them (and suggests none of its own
// meanwhile), and the clustering sees the notes as the move leaves them (those
// that waited for a second writer shown, open topics spelt as one). A session with
// themes is refused (EConflict): they are the facilitator's; one without notes to
// group too (EInvalid). It returns the session and the themes made.
func (s *Service) MoveAndGroup(ctx context.Context, sessionID string, ph Phase) (*Session, []Theme, error) {
	if ph != "" && !ph.Valid() {
		return nil, nil, Errorf(EInvalid, "Unknown phase %q.", ph)
	}
	var sess *Session
	var themes []Theme
	err := s.store.WriteTx(ctx, func(st Store) error {
		have, err := st.Themes(ctx, sessionID)
		if err != nil {
			return err
		}
		if len(have) > 0 {
			return Errorf(EConflict, "The session has %d themes already; edit them on the board (nothing was changed).", len(have))
		}
		if ph != "" {
			if _, _, err = s.setPhase(ctx, st, sessionID, ph); err != nil {
				return err
			}
		}
		if themes, err = s.suggestThemes(ctx, st, sessionID, nil); err != nil {
			return err
		}
		if len(themes) == 0 {
			return Errorf(EInvalid, "The session has no notes to group (nothing was changed).")
		}
		if err := s.saveThemes(ctx, st, sessionID, themes, false); err != nil {
			return err
		}
		sess, err = st.Session(ctx, sessionID)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	s.publish(sessionID, ChangeSession|ChangePeople|ChangeThemes)
	return sess, themes, nil
}

// setPhase is SetPhase in st; moved says whether the phase changed.
func (s *Service) setPhase(ctx context.Context, st Store, sessionID string, ph Phase) (sess *Session, moved bool, err error) {
	if sess, err = st.Session(ctx, sessionID); err != nil {
		return nil, false, err
	}
	if sess.Phase == ph {
		return sess, false, nil
	}
	from, furthest := sess.Phase, sess.Furthest()
	s.reopening(sess, ph)
	// first tells whether this move takes the session past phase stage for the
	// first time: going back a phase and forward again does not.
	first := func(stage Phase) bool { return ph.AtLeast(stage) && !furthest.AtLeast(stage) }
	sess.Phase = ph
	if !furthest.AtLeast(ph) {
		sess.Reached = ph
	}
	// A session planned for a later day that begins now is held today: its
	// findings, the due dates of its action points and the campaign's order of
	// sessions go by the day it was held, not the day it was meant for. So is one
	// planned with no day: without one it went by the day it was created, which
	// for a session planned weeks ahead is not when it was held.
	if today := s.Today(); first(PhaseCheckIn) && (sess.Date == "" || sess.Date > today) {
		sess.Date = today
	}
	sess.Timer = Timer{}
	if err := st.UpdateSession(ctx, sess); err != nil {
		return nil, false, fmt.Errorf("set phase: %w", err)
	}
	// The first time the writing (the reveal, where notes can still be
	// written, included) is over the board shows every note; the first time the
	// check-in is, the screens every rating; the first time the vote is, the
	// totals every dot. Only then: going back a phase and forward again, or on to
	// a phase never reached (closing, say), would show one person's waiting note,
	// rating or change of dots on its own whenever the facilitator liked. Anything
	// given after that waits for a second person.
	if first(PhaseReveal) || first(PhaseGroup) {
		if err := releaseAll(ctx, st, sessionID); err != nil {
			return nil, false, err
		}
	}
	if first(PhaseWrite) {
		if err := releaseRatings(ctx, st, sessionID, MinBatchRaters, true); err != nil {
			return nil, false, err
		}
	}
	// Leaving the vote releases a batch of changed dots only once the totals
	// were shown: in the first vote, going back to the group and on again,
	// a batch shown in between would let the first move on show one
	// person's later dot on its own.
	if from == PhaseVote && furthest.AtLeast(PhaseActions) || first(PhaseActions) {
		if err := releaseVotes(ctx, st, sessionID, first(PhaseActions)); err != nil {
			return nil, false, err
		}
	}
	if ph.AtLeast(PhaseReveal) {
		if err := unifySpellings(ctx, st, sess); err != nil {
			return nil, false, err
		}
	}
	ps, err := st.Participants(ctx, sessionID)
	if err != nil {
		return nil, false, err
	}
	for _, p := range ps {
		if p.Done {
			p.Done = false
			if err := st.UpdateParticipant(ctx, p); err != nil {
				return nil, false, err
			}
		}
	}
	return sess, true, nil
}

// updateSession changes the stored session with change in one transaction and tells
// the session's screens.
func (s *Service) updateSession(ctx context.Context, sessionID string, change func(st Store, sess *Session) error) (*Session, error) {
	var sess *Session
	err := s.store.WriteTx(ctx, func(st Store) error {
		var err error
		if sess, err = st.Session(ctx, sessionID); err != nil {
			return err
		}
		if err := change(st, sess); err != nil {
			return err
		}
		return st.UpdateSession(ctx, sess)
	})
	if err != nil {
		return nil, err
	}
	s.publish(sessionID, ChangeSession)
	return sess, nil
}

// TimerAction is what the facilitator does to a phase's timer.
type TimerAction int

// Timer actions.
const (
	TimerSet TimerAction = iota
	TimerStart
	TimerPause
	TimerExtend
	TimerClear
)

// MaxTimer is the longest timer a phase may have.
const MaxTimer = 4 * time.Hour

// ValidTimer refuses a timer shorter than a second or longer than MaxTimer.
func ValidTimer(d time.Duration) error {
	if d < time.Second || d > MaxTimer {
		return Errorf(EInvalid, "A timer runs between 1 second and 4 hours.")
	}
	return nil
}

// ChangeTimer applies a timer action; d is the duration for set and extend.
func (s *Service) ChangeTimer(ctx context.Context, sessionID string, a TimerAction, d time.Duration) (*Session, error) {
	if a == TimerSet {
		if err := ValidTimer(d); err != nil {
			return nil, err
		}
	}
	sess, err := s.updateSession(ctx, sessionID, func(_ Store, sess *Session) error {
		now := s.Now()
		switch a {
		case TimerSet:
			sess.Timer = SetTimer(d)
		case TimerStart:
			sess.Timer = sess.Timer.Start(now)
		case TimerPause:
			sess.Timer = sess.Timer.Pause(now)
		case TimerExtend:
			sess.Timer = sess.Timer.Extend(d, now)
		case TimerClear:
			sess.Timer = Timer{}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("timer: %w", err)
	}
	return sess, nil
}

// ShowRatings reveals (or hides again) the check-in distribution to participants.
func (s *Service) ShowRatings(ctx context.Context, sessionID string, show bool) error {
	_, err := s.updateSession(ctx, sessionID, func(_ Store, sess *Session) error {
		sess.RatingsShown = show
		return nil
	})
	return err
}

// SetActivities replaces a session's list of security activities.
func (s *Service) SetActivities(ctx context.Context, sessionID string, list []string) error {
	var clean []string
	for _, a := range list {
		a, err := ValidText(a, MaxTopicLen, "An activity", false)
		if err != nil {
			return err
		}
		if a != "" && !contains(clean, a) {
			clean = append(clean, a)
		}
	}
	_, err := s.updateSession(ctx, sessionID, func(_ Store, sess *Session) error {
		sess.Activities = clean
		return nil
	})
	return err
}

// RenameActivity renames activity from of the session's list to to, and the notes
// written about it with it: they stay about the same activity, under its new name,
// on every screen and in the findings' matrix (renamed in the list alone, they kept
// the old name and were listed as a participant's proposal); a note filed under it
// by words that do not name the new name stays under it whatever an edit of them
// says, as after a refile. A name the list has
// already, in any case, is refused, as is retagging the notes of a closed session.
func (s *Service) RenameActivity(ctx context.Context, sessionID, from, to string) error {
	to, err := ValidText(to, MaxTopicLen, "An activity", false)
	if err != nil {
		return err
	}
	if to == "" {
		return Errorf(EInvalid, "An activity needs a name.")
	}
	retagged := false
	err = s.store.WriteTx(ctx, func(st Store) error {
		sess, err := st.Session(ctx, sessionID)
		if err != nil {
			return err
		}
		i := slices.Index(sess.Activities, from)
		if i < 0 {
			return Errorf(ENotFound, "“%s” is not on the session's list of activities.", from)
		}
		for j, a := range sess.Activities {
			if j != i && strings.EqualFold(a, to) {
				return Errorf(EInvalid, "“%s” is on the list already.", a)
			}
		}
		notes, err := st.Notes(ctx, sessionID)
		if err != nil {
			return err
		}
		sess.Activities = slices.Clone(sess.Activities)
		sess.Activities[i] = to
		for _, n := range notes {
			// Its notes in another case or spacing are about it too (see
			// listedSpelling): left out, they stayed a proposal of the old name.
			if from == to || n.Activity == to || topicKey(n.Activity) != topicKey(from) {
				continue
			}
			if sess.Phase == PhaseClosed {
				return closedError()
			}
			c := *n
			c.Activity = to
			// A note filed by words that name the old name only is the renamed
			// activity's now, as a refile makes it: filed again by the renamed
			// list, an edit of its words put it under none.
			c.ActivityFiled = n.ActivityFiled && FiledActivity(sess, &Note{Area: n.Area, Text: n.Text}) == to
			if err := st.UpdateNote(ctx, &c); err != nil {
				return err
			}
			retagged = true
		}
		return st.UpdateSession(ctx, sess)
	})
	if err != nil {
		return err
	}
	// Told before the change is published, so that the screens it wakes know the
	// new name for a rename.
	if r, ok := s.Notifier.(ActivityRenamer); ok && from != to {
		r.ActivityRenamed(sessionID, from, to)
	}
	what := ChangeSession
	if retagged {
		what |= ChangeNotes
	}
	s.publish(sessionID, what)
	return nil
}

// RefileNote puts a note under another area and lane (and activity, in the
// security activities; none elsewhere): the facilitator moves a note written under
// the wrong heading to where it belongs, so that the findings and the activity
// matrix count it there. Its text, author and theme stay; a suggested theme name's
// side follows its notes (see relabelSides). It returns the note as it was and as
// it is now, without its writer, which UndoRefile takes to move it back.
func (s *Service) RefileNote(ctx context.Context, noteID int64, area Area, lane, activity string) (was, now *Note, err error) {
	err = s.store.WriteTx(ctx, func(st Store) error {
		var err error
		if was, err = st.Note(ctx, noteID); err != nil {
			return err
		}
		// The facilitator chose the activity, unless the note kept its own.
		filed := was.ActivityFiled && area == was.Area && activity == was.Activity
		now, err = s.refile(ctx, st, was, area, lane, activity, filed)
		if err != nil {
			return err
		}
		return relabelSides(ctx, st, now.SessionID)
	})
	if err != nil {
		return nil, nil, err
	}
	s.publish(now.SessionID, ChangeNotes|ChangeThemes)
	// The board that moved it learns nothing of who wrote it (see boardNotes).
	was.ParticipantID, now.ParticipantID = 0, 0
	return was, now, nil
}

// UndoRefile takes a RefileNote back: the note goes back under the area, lane and
// activity it had (was; an open topic whose only note it was comes back with it),
// and the session's themes to themes, as RestoreThemes puts them (the names whose
// side followed the note), in one transaction. A note no longer filed where the
// refile put it (now), moved again since on another board, is left there: EConflict.
func (s *Service) UndoRefile(ctx context.Context, was, now *Note, themes []Theme) error {
	var sessionID string
	err := s.store.WriteTx(ctx, func(st Store) error {
		n, err := st.Note(ctx, now.ID)
		if err != nil {
			return err
		}
		if n.Area != now.Area || n.Lane != now.Lane || n.Activity != now.Activity {
			return Errorf(EConflict, "The note was moved to another lane again since.")
		}
		if _, err := s.refile(ctx, st, n, was.Area, was.Lane, was.Activity, was.ActivityFiled); err != nil {
			return err
		}
		sessionID = n.SessionID
		return s.saveThemes(ctx, st, sessionID, themes, true)
	})
	if err != nil {
		return err
	}
	s.publish(sessionID, ChangeNotes|ChangeThemes)
	return nil
}

// refile stores note n under area, lane and activity (none outside the security
// activities) in st, unless its session is closed, and returns it as stored; filed
// says the activity is still the one its words name (Note.ActivityFiled).
func (s *Service) refile(ctx context.Context, st Store, n *Note, area Area, lane, activity string, filed bool) (*Note, error) {
	sess, err := s.notFrozen(ctx, st, n.SessionID)
	if err != nil {
		return nil, err
	}
	c := *n
	c.Area, c.Lane, c.Activity, c.ActivityFiled = area, lane, activity, filed
	if area != AreaActivities {
		c.Activity, c.ActivityFiled = "", false
	}
	if err := s.validNote(sess, &c); err != nil {
		return nil, err
	}
	if c.Activity != n.Activity {
		// A participant's proposal typed in another case is theirs, as on their
		// own notes.
		if err := revealedSpelling(ctx, st, sess, &c); err != nil {
			return nil, err
		}
	}
	c.UpdatedAt = s.Now()
	if err := st.UpdateNote(ctx, &c); err != nil {
		return nil, err
	}
	return &c, nil
}

// HideNote hides a note from everyone but the facilitator and from exports, or shows
// it again. The note is kept.
func (s *Service) HideNote(ctx context.Context, noteID int64, hidden bool) error {
	var n *Note
	back := false
	// One transaction, so that an edit made meanwhile is not undone.
	err := s.store.WriteTx(ctx, func(st Store) error {
		var err error
		if n, err = st.Note(ctx, noteID); err != nil {
			return err
		}
		if _, err := s.notFrozen(ctx, st, n.SessionID); err != nil {
			return err
		}
		n.Hidden = hidden
		if err := st.UpdateNote(ctx, n); err != nil {
			return err
		}
		if hidden {
			// The last visible note of a theme hidden: the theme leaves every view
			// but the board, and the dots on it go back to their voters.
			back, err = returnDots(ctx, st, n.SessionID)
		}
		return err
	})
	if err != nil {
		return err
	}
	what := ChangeNotes | ChangeHidden
	if back {
		what |= ChangeThemes
	}
	s.publish(n.SessionID, what)
	return nil
}

// RemoveParticipant takes a participant out of a live session: their screen ends and
// they cannot rejoin with the same key (nor, without a key, with their rejoin code);
// their address admits no new participant either when they were alone on it. What they contributed stays (notes, rating,
// votes, volunteering): the facilitator hides notes one by one if need be. A closed
// session's results are frozen, so nobody is removed from it.
func (s *Service) RemoveParticipant(ctx context.Context, participantID int64) error {
	_, err := s.Remove(ctx, participantID)
	return err
}

// Remove is RemoveParticipant that also says what it did about the participant's
// network address (see Removal).
func (s *Service) Remove(ctx context.Context, participantID int64) (Removal, error) {
	var p *Participant
	var people []*Participant
	err := s.store.WriteTx(ctx, func(st Store) error {
		var err error
		if p, err = st.Participant(ctx, participantID); err != nil {
			return err
		}
		if _, err := s.notFrozen(ctx, st, p.SessionID); err != nil {
			return err
		}
		if people, err = st.Participants(ctx, p.SessionID); err != nil {
			return err
		}
		p.Removed = true
		return st.UpdateParticipant(ctx, p)
	})
	if err != nil {
		return 0, err
	}
	r := s.removedFromAddress(p, people)
	// ChangeSession reaches every screen, the removed person's too.
	s.publish(p.SessionID, ChangeSession|ChangePeople)
	return r, nil
}

// Ratings returns the confidence ratings of a session as the screens show them (1-5
// each, see MinBatchRaters), removed participants' too (what they contributed stays),
// sorted, so that nobody's rating can be told from its position.
func (s *Service) Ratings(ctx context.Context, sessionID string) ([]int, error) {
	return s.store.ShownRatings(ctx, sessionID)
}

// roomFor refuses a new participant when the session is full; a returning one (same
// key) always gets back in.
func (s *Service) roomFor(ctx context.Context, st Store, sess *Session, keyHash string) error {
	// The key's participations and a count, not every participant's row: each
	// person joining a room of a thousand read them all.
	if keyHash != "" {
		ps, err := st.ParticipationsByKey(ctx, keyHash)
		if err != nil {
			return err
		}
		for _, p := range ps {
			if p.SessionID == sess.ID {
				return nil
			}
		}
	}
	active, err := st.ActiveParticipants(ctx, sess.ID)
	if err != nil {
		return err
	}
	// After the session, only the people who took part come back (to its action
	// points); a newcomer would be counted as a participant in the findings.
	if sess.Phase == PhaseClosed {
		if keyHash == "" {
			return Errorf(EForbidden, "This session is closed. A connection without an SSH key cannot be recognised as someone who took part; ask your facilitator for the findings.")
		}
		return Errorf(EForbidden, "This session is closed. If you took part, connect with the SSH key you used then (ssh -i KEYFILE ...) to see its action points.")
	}
	if max := s.Limits.MaxParticipants; max > 0 && active >= max {
		return Errorf(ELimit, "This session is full (%d participants). Please tell your facilitator.", max)
	}
	return nil
}

// Participation is one session a person took part in.
type Participation struct {
	Session     *Session
	Participant *Participant
}

// Participations returns the sessions a key took part in (not those it was removed
// from), newest first.
func (s *Service) Participations(ctx context.Context, keyHash string) ([]Participation, error) {
	var out []Participation
	err := s.store.ReadTx(ctx, func(st Store) error {
		ps, err := st.ParticipationsByKey(ctx, keyHash)
		if err != nil {
			return err
		}
		for _, p := range ps {
			if p.Removed {
				continue
			}
			sess, err := st.Session(ctx, p.SessionID)
			if err != nil {
				return err
			}
			out = append(out, Participation{sess, p})
		}
		return nil
	})
	return out, err
}

// CampaignActions returns the action points of the other sessions of a session's
// campaign, by session, so participants see what became of the whole campaign.
func (s *Service) CampaignActions(ctx context.Context, sessionID string) ([]*Session, map[string][]*ActionPoint, error) {
	var others []*Session
	var acts map[string][]*ActionPoint
	err := s.store.ReadTx(ctx, func(st Store) error {
		sess, err := st.Session(ctx, sessionID)
		if err != nil {
			return err
		}
		others, acts, err = campaignActions(ctx, st, sess)
		return err
	})
	return others, acts, err
}

func campaignActions(ctx context.Context, st Store, sess *Session) ([]*Session, map[string][]*ActionPoint, error) {
	if sess.Campaign == "" {
		return nil, nil, nil
	}
	all, err := st.Sessions(ctx)
	if err != nil {
		return nil, nil, err
	}
	var others []*Session
	acts := map[string][]*ActionPoint{}
	for _, o := range all {
		if !SameCampaign(o.Campaign, sess.Campaign) || o.ID == sess.ID {
			continue
		}
		a, err := actions(ctx, st, o.ID)
		if err != nil {
			return nil, nil, err
		}
		if len(a) > 0 {
			others = append(others, o)
			acts[o.ID] = a
		}
	}
	return others, acts, nil
}
