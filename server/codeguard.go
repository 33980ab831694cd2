package server

import (
	"cmp"
	"fmt"
	"sync"
	"time"

	"github.com/charter-tool/charter/session"
)

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

// NewCodeGuard returns a guard with the limits' wrong-code settings; a zero takes
// the setting of session.DefaultLimits.
func NewCodeGuard(l session.Limits) *CodeGuard {
	d := session.DefaultLimits
	l.WrongCodes = cmp.Or(max(l.WrongCodes, 0), d.WrongCodes)
	l.WrongCodesPerAddress = cmp.Or(max(l.WrongCodesPerAddress, 0), d.WrongCodesPerAddress)
	l.CodeLockout = cmp.Or(max(l.CodeLockout, 0), d.CodeLockout)
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
			return session.Errorf(session.ELimit, "Too many wrong codes from your connection. Try again in %s, or ask your facilitator for the code.", roundUp(wait))
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
