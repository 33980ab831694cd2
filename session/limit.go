package session

import (
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Limits are the abuse limits of a server. In a Service, a zero field means no limit
// (the server sets DefaultLimits from its flags).
type Limits struct {
	// NotesPerMinute is the steady rate at which one participant may add or edit
	// notes; NoteBurst is how many may come at once (a person pasting a list).
	NotesPerMinute float64
	NoteBurst      int
	// MaxParticipants is the most people one session admits.
	MaxParticipants int
	// WrongCodes is how many wrong join codes one person (a key, or a connection
	// without a key) may try within CodeLockout; then that person, and nobody else,
	// may try no code until the window has passed.
	WrongCodes int
	// WrongCodesPerAddress is the same for all people from one address together:
	// much higher, so that one person fumbling a code does not lock out a room behind
	// one office address, while a new key for every guess gets a guesser no further
	// than this many tries per window (see server.CodeGuard).
	WrongCodesPerAddress int
	CodeLockout          time.Duration
	// KeylessPerAddress is how many people without an SSH key one address may bring
	// into one session; 0 means DefaultKeylessPerAddress, below 0 no limit.
	KeylessPerAddress int
}

// DefaultLimits suit a focus group of 8-10 people and a loadtest of hundreds.
var DefaultLimits = Limits{NotesPerMinute: 30, NoteBurst: 10, MaxParticipants: 500, WrongCodes: 5, WrongCodesPerAddress: 100, CodeLockout: 10 * time.Minute}

func (l Limits) withDefaults() Limits {
	d := DefaultLimits
	if l.NotesPerMinute > 0 {
		d.NotesPerMinute = l.NotesPerMinute
	}
	if l.NoteBurst > 0 {
		d.NoteBurst = l.NoteBurst
	}
	if l.MaxParticipants > 0 {
		d.MaxParticipants = l.MaxParticipants
	}
	if l.WrongCodes > 0 {
		d.WrongCodes = l.WrongCodes
	}
	if l.WrongCodesPerAddress > 0 {
		d.WrongCodesPerAddress = l.WrongCodesPerAddress
	}
	if l.CodeLockout > 0 {
		d.CodeLockout = l.CodeLockout
	}
	return d
}

// noteLimiter keeps one token bucket per participant.
type noteLimiter struct {
	mu       sync.Mutex
	limiters map[int64]*rate.Limiter
}

func (s *Service) allowNote(participantID int64) error {
	lim := s.Limits
	if lim.NotesPerMinute <= 0 {
		return nil
	}
	lim.NoteBurst = max(lim.NoteBurst, 1)
	s.notes.mu.Lock()
	if s.notes.limiters == nil {
		s.notes.limiters = map[int64]*rate.Limiter{}
	}
	l := s.notes.limiters[participantID]
	if l == nil {
		l = rate.NewLimiter(rate.Limit(lim.NotesPerMinute/60), lim.NoteBurst)
		s.notes.limiters[participantID] = l
	}
	s.notes.mu.Unlock()
	if !l.AllowN(s.Now(), 1) {
		return Errorf(ELimit, "You are saving notes very fast (limit %.0f a minute). Wait a few seconds and save again; your text is still here.", lim.NotesPerMinute)
	}
	return nil
}
