package session

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Limits are the abuse limits of a server. In a Service, a zero field means no limit
// (the server sets DefaultLimits from its flags); NewCodeGuard takes defaults for zeros.
type Limits struct {
	// NotesPerMinute is the steady rate at which one participant may add or edit
	// notes; NoteBurst is how many may come at once (a person pasting a list).
	NotesPerMinute float64
	NoteBurst      int
	// MaxParticipants is the most people one session admits.
	MaxParticipants int
	// WrongCodes is how many wrong join codes one key (or a connection without a key)
	// may try within CodeLockout before it is locked out for CodeLockout.
	WrongCodes int
	// WrongCodesPerAddress is the same for all keys from one address together: higher,
	// so that one person fumbling a code does not lock out an office behind one
	// address, while making a new key for every guess does not help guessing.
	WrongCodesPerAddress int
	CodeLockout          time.Duration
}

// DefaultLimits suit a focus group of 8-10 people and a loadtest of hundreds.
var DefaultLimits = Limits{NotesPerMinute: 30, NoteBurst: 10, MaxParticipants: 500, WrongCodes: 5, WrongCodesPerAddress: 30, CodeLockout: 10 * time.Minute}

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

// CodeGuard locks out addresses and keys that try too many wrong join codes, so that
// codes cannot be found by guessing.
type CodeGuard struct {
	mu        sync.Mutex
	fails     map[string][]time.Time
	limit     int
	addrLimit int
	span      time.Duration
	now       func() time.Time
}

// GuardKey and GuardAddress name who wrong codes are counted against: a key (by its
// hash) or an address, which has the higher WrongCodesPerAddress limit.
func GuardKey(keyHash string) string { return "key:" + keyHash }

// GuardAddress: see GuardKey.
func GuardAddress(addr string) string { return addrPrefix + addr }

const addrPrefix = "addr:"

// NewCodeGuard returns a guard with the limits' wrong-code settings.
func NewCodeGuard(l Limits) *CodeGuard {
	l = l.withDefaults()
	return &CodeGuard{fails: map[string][]time.Time{}, limit: l.WrongCodes, addrLimit: max(l.WrongCodesPerAddress, l.WrongCodes), span: l.CodeLockout, now: time.Now}
}

// limitFor is how many wrong codes who may try.
func (g *CodeGuard) limitFor(who string) int {
	if strings.HasPrefix(who, addrPrefix) {
		return g.addrLimit
	}
	return g.limit
}

// recent drops failures older than the lockout span; call with mu held.
func (g *CodeGuard) recent(who string, now time.Time) []time.Time {
	var keep []time.Time
	for _, t := range g.fails[who] {
		if now.Sub(t) < g.span {
			keep = append(keep, t)
		}
	}
	if len(keep) == 0 {
		delete(g.fails, who)
	} else {
		g.fails[who] = keep
	}
	return keep
}

// Check returns an error when any of who (an address, a key hash) is locked out.
func (g *CodeGuard) Check(who ...string) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	now := g.now()
	for _, w := range who {
		if w == "" {
			continue
		}
		if limit := g.limitFor(w); len(g.recent(w, now)) >= limit {
			f := g.fails[w]
			wait := g.span - now.Sub(f[len(f)-limit])
			return Errorf(ELimit, "Too many wrong codes from your connection. Try again in %s, or ask your facilitator for the code.", roundUp(wait))
		}
	}
	return nil
}

// Fail records a wrong code for each of who.
func (g *CodeGuard) Fail(who ...string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	now := g.now()
	for _, w := range who {
		if w != "" {
			g.fails[w] = append(g.recent(w, now), now)
		}
	}
}

func roundUp(d time.Duration) string {
	m := int((d + time.Minute - 1) / time.Minute)
	if m <= 1 {
		return "a minute"
	}
	return fmt.Sprintf("%d minutes", m)
}
