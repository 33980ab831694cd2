package session

import (
	"fmt"
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
	// WrongCodes is how many wrong join codes one key (or the connections without a
	// key from one address) may try within CodeLockout before being locked out for
	// CodeLockout.
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

// CodeGuard locks out keys and addresses that try too many wrong join codes, so that
// codes cannot be found by guessing. Every wrong code counts against the key (or, for
// a connection without a key, against the keyless connections of its address) with
// the limit WrongCodes, and against the address with the higher limit
// WrongCodesPerAddress, so that a new key for every guess does not help. A key that
// then joins with the right code is forgiven its wrong codes, at the address too: one
// person's typos never add up to an office behind one address being locked out.
type CodeGuard struct {
	// OnLockout, if set, is told when a key (byKey) or an address reaches its limit,
	// e.g. to log it. It is called without the guard's lock held.
	OnLockout func(addr string, byKey bool)

	mu        sync.Mutex
	fails     map[string][]codeFailure // by key bucket and by address
	limit     int
	addrLimit int
	span      time.Duration
	now       func() time.Time
}

// codeFailure is one wrong code: when, and from which key bucket.
type codeFailure struct {
	at time.Time
	by string
}

// NewCodeGuard returns a guard with the limits' wrong-code settings.
func NewCodeGuard(l Limits) *CodeGuard {
	l = l.withDefaults()
	return &CodeGuard{fails: map[string][]codeFailure{}, limit: l.WrongCodes,
		addrLimit: max(l.WrongCodesPerAddress, l.WrongCodes), span: l.CodeLockout, now: time.Now}
}

// SetClock replaces the guard's clock, for tests.
func (g *CodeGuard) SetClock(now func() time.Time) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.now = now
}

// buckets are where a connection's wrong codes count: its key (or its address's
// keyless connections) and its address.
func buckets(addr, keyHash string) (key, address string) {
	if keyHash == "" {
		return "nokey:" + addr, "addr:" + addr
	}
	return "key:" + keyHash, "addr:" + addr
}

// recent drops failures older than the lockout span; call with mu held.
func (g *CodeGuard) recent(bucket string, now time.Time) []codeFailure {
	var keep []codeFailure
	for _, f := range g.fails[bucket] {
		if now.Sub(f.at) < g.span {
			keep = append(keep, f)
		}
	}
	if len(keep) == 0 {
		delete(g.fails, bucket)
	} else {
		g.fails[bucket] = keep
	}
	return keep
}

// Check returns an error when the key or the address is locked out.
func (g *CodeGuard) Check(addr, keyHash string) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	now := g.now()
	key, address := buckets(addr, keyHash)
	for _, b := range []struct {
		name  string
		limit int
	}{{key, g.limit}, {address, g.addrLimit}} {
		if f := g.recent(b.name, now); len(f) >= b.limit {
			wait := g.span - now.Sub(f[len(f)-b.limit].at)
			return Errorf(ELimit, "Too many wrong codes from your connection. Try again in %s, or ask your facilitator for the code.", roundUp(wait))
		}
	}
	return nil
}

// Fail records a wrong code from the key (or keyless connection) at addr.
func (g *CodeGuard) Fail(addr, keyHash string) {
	g.mu.Lock()
	now := g.now()
	key, address := buckets(addr, keyHash)
	f := codeFailure{at: now, by: key}
	g.fails[key] = append(g.recent(key, now), f)
	g.fails[address] = append(g.recent(address, now), f)
	keyLocked, addrLocked := len(g.fails[key]) == g.limit, len(g.fails[address]) == g.addrLimit
	g.mu.Unlock()
	if g.OnLockout != nil {
		if keyLocked {
			g.OnLockout(addr, true)
		}
		if addrLocked {
			g.OnLockout(addr, false)
		}
	}
}

// Succeed forgives, at the address, the wrong codes of a key that has now joined a
// session: one person's typos do not add up against an office behind one address.
// The key's own count stays (so a key cannot reset it by joining in between guesses),
// connections without a key are never forgiven (they share one count per address),
// and an address is forgiven for at most ForgivenPerAddress keys within a lockout
// span (each of which had to join a session as a participant the facilitator sees).
func (g *CodeGuard) Succeed(addr, keyHash string) {
	if keyHash == "" {
		return
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	now := g.now()
	key, address := buckets(addr, keyHash)
	forgiven := "forgiven:" + addr
	if len(g.recent(forgiven, now)) >= ForgivenPerAddress {
		return
	}
	var keep []codeFailure
	dropped := false
	for _, f := range g.recent(address, now) {
		if f.by == key {
			dropped = true
			continue
		}
		keep = append(keep, f)
	}
	if !dropped {
		return
	}
	g.fails[forgiven] = append(g.fails[forgiven], codeFailure{at: now, by: key})
	if len(keep) == 0 {
		delete(g.fails, address)
	} else {
		g.fails[address] = keep
	}
}

// ForgivenPerAddress bounds how many keys' wrong codes one address is forgiven within
// a lockout span: an office, not an endless supply of fresh keys.
const ForgivenPerAddress = 50

func roundUp(d time.Duration) string {
	m := int((d + time.Minute - 1) / time.Minute)
	if m <= 1 {
		return "a minute"
	}
	return fmt.Sprintf("%d minutes", m)
}
