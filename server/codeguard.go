package server

import (
	"cmp"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/tui"
)

// CodeGuard locks out people and addresses that try too many wrong join (or rejoin)
// codes, so that codes cannot be found by guessing, without one person's typos
// locking out a room behind one office address.
//
// Every wrong code counts twice, within a window of CodeLockout:
//   - against the person: their key, or, without a key, their connection. At
//     WrongCodes that person may try no code, the right one included, until the
//     window has passed; nobody else is locked out with them.
//   - against the address, all its people together. At WrongCodesPerAddress the
//     address may try no code, the right one included, until the window has
//     passed: a new key (or connection) for every guess does not help, and a
//     guesser gets at most WrongCodesPerAddress tries per window and address.
//
// A code refused from an address is no new guess when it is typed there again
// within the window, by the same connection, a reconnect or another key there:
// it counts once, and Refused tells the join screen to say so without trying it.
//
// Keys coming back into a session they took part in are no guess: the join screen
// lets them in without asking the guard.
type CodeGuard struct {
	// OnLockout, if set, is told when a person (byKey) or an address reaches its
	// limit, e.g. to log it. It is called without the guard's lock held.
	OnLockout func(addr string, byKey bool)

	mu        sync.Mutex
	fails     map[string][]time.Time // by person, by address, and by code refused at an address
	limit     int
	addrLimit int
	span      time.Duration
	now       func() time.Time
	swept     time.Time
	conns     atomic.Int64 // numbers the connections without a key
}

// NewCodeGuard returns a guard with the limits' wrong-code settings; a zero takes
// the setting of session.DefaultLimits.
func NewCodeGuard(l session.Limits) *CodeGuard {
	d := session.DefaultLimits
	l.WrongCodes = cmp.Or(max(l.WrongCodes, 0), d.WrongCodes)
	l.WrongCodesPerAddress = cmp.Or(max(l.WrongCodesPerAddress, 0), d.WrongCodesPerAddress)
	l.CodeLockout = cmp.Or(max(l.CodeLockout, 0), d.CodeLockout)
	return &CodeGuard{fails: map[string][]time.Time{}, limit: l.WrongCodes,
		addrLimit: max(l.WrongCodesPerAddress, l.WrongCodes), span: l.CodeLockout, now: time.Now}
}

// SetClock replaces the guard's clock, for tests.
func (g *CodeGuard) SetClock(now func() time.Time) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.now = now
}

// For is the guard of one connection from addr with the key keyHash (empty without
// a key, when the connection itself is the person).
func (g *CodeGuard) For(addr, keyHash string) tui.Guard {
	c := &codeCaller{g: g, addr: addr, person: "key:" + keyHash, address: "addr:" + addr}
	if keyHash == "" {
		c.person, c.keyless = fmt.Sprintf("conn:%d", g.conns.Add(1)), true
	}
	return c
}

// recent drops failures older than the window; call with mu held.
func (g *CodeGuard) recent(bucket string, now time.Time) []time.Time {
	fs := g.fails[bucket]
	i := 0
	for i < len(fs) && now.Sub(fs[i]) >= g.span {
		i++
	}
	if i == len(fs) {
		delete(g.fails, bucket)
		return nil
	}
	g.fails[bucket] = fs[i:]
	return fs[i:]
}

// sweep drops, once a window, the failures of buckets no one asked about since:
// people who never came back. Call with mu held.
func (g *CodeGuard) sweep(now time.Time) {
	if now.Sub(g.swept) < g.span {
		return
	}
	g.swept = now
	for b := range g.fails {
		g.recent(b, now)
	}
}

// refusal is the bucket of code refused from addr; its one failure is when.
// The address comes first: it holds no NUL, so no two pairs share a bucket.
func refusal(addr, code string) string {
	return "refused:" + addr + "\x00" + session.NormalizeCode(code)
}

// codeCaller is the guard as one connection sees it.
type codeCaller struct {
	g               *CodeGuard
	addr            string
	person, address string
	keyless         bool
}

// Check returns an error when the person or the address is locked out, saying when
// it ends and what to do meanwhile.
func (c *codeCaller) Check() error {
	g := c.g
	g.mu.Lock()
	defer g.mu.Unlock()
	now := g.now()
	if f := g.recent(c.address, now); len(f) >= g.addrLimit {
		wait := g.span - now.Sub(f[len(f)-g.addrLimit])
		return session.Errorf(session.ELimit, "Too many wrong codes from your network address (%d within %s): it may try no code for %s, not even the right one, so that nobody finds a code by guessing. Someone there has been trying codes: tell your facilitator. If you took part in a session with this key, its code still brings you back.",
			g.addrLimit, minutes(g.span), minutes(wait))
	}
	if f := g.recent(c.person, now); len(f) >= g.limit {
		wait := g.span - now.Sub(f[len(f)-g.limit])
		who := "this key"
		if c.keyless {
			who = "this connection"
		}
		return session.Errorf(session.ELimit, "Too many wrong codes from %s (%d): it may try again in %s, the right code too. Nobody else is locked out. Meanwhile, check the code with your facilitator.",
			who, g.limit, minutes(wait))
	}
	return nil
}

// Refused reports whether code was refused from this address within the window.
func (c *codeCaller) Refused(code string) bool {
	g := c.g
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.recent(refusal(c.addr, code), g.now()) != nil
}

// Fail records a wrong code, once per address and window: typed there again,
// by whoever, it is no new guess.
func (c *codeCaller) Fail(code string) {
	g := c.g
	g.mu.Lock()
	now := g.now()
	g.sweep(now)
	r := refusal(c.addr, code)
	if g.recent(r, now) != nil {
		g.mu.Unlock()
		return
	}
	g.fails[r] = []time.Time{now}
	g.fails[c.person] = append(g.recent(c.person, now), now)
	g.fails[c.address] = append(g.recent(c.address, now), now)
	personLocked, addrLocked := len(g.fails[c.person]) == g.limit, len(g.fails[c.address]) == g.addrLimit
	g.mu.Unlock()
	if g.OnLockout != nil {
		if personLocked {
			g.OnLockout(c.addr, true)
		}
		if addrLocked {
			g.OnLockout(c.addr, false)
		}
	}
}

// Left says how many tries are left before a lockout, once the person has typed a
// wrong code or the address is nearer its limit than the person is; empty before.
func (c *codeCaller) Left() string {
	g := c.g
	g.mu.Lock()
	defer g.mu.Unlock()
	now := g.now()
	person, address := g.limit-len(g.recent(c.person, now)), g.addrLimit-len(g.recent(c.address, now))
	switch {
	case person <= 0 || address <= 0:
		return ""
	case address < person:
		return fmt.Sprintf("%s left from your network address before it is locked out for %s.", tries(address), minutes(g.span))
	case person < g.limit:
		who := "this key"
		if c.keyless {
			who = "this connection"
		}
		return fmt.Sprintf("%s left before %s is locked out for %s.", tries(person), who, minutes(g.span))
	}
	return ""
}

func tries(n int) string {
	if n == 1 {
		return "1 try"
	}
	return fmt.Sprintf("%d tries", n)
}

// minutes says d in whole minutes, rounded up: a wait said shorter than it is
// would send people back to a refusal.
func minutes(d time.Duration) string {
	m := int((d + time.Minute - 1) / time.Minute)
	if m <= 1 {
		return "a minute"
	}
	return fmt.Sprintf("%d minutes", m)
}
