package server_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charter-tool/charter/server"
	"github.com/charter-tool/charter/session"
)

func TestCodeGuard(t *testing.T) {
	const addr, other = "10.0.0.1", "10.0.0.9"
	limits := session.Limits{WrongCodes: 3, WrongCodesPerAddress: 8, CodeLockout: 10 * time.Minute}
	locked := func(err error, says ...string) bool {
		t.Helper()
		if session.ErrorCode(err) != session.ELimit {
			return false
		}
		for _, s := range says {
			if !strings.Contains(session.ErrorMessage(err), s) {
				t.Errorf("the lockout does not say %q: %s", s, session.ErrorMessage(err))
			}
		}
		return true
	}
	// guess is a wrong code not typed before: the same one again is no new guess.
	n := 0
	guess := func() string { n++; return fmt.Sprintf("GUESS-%03d", n) }
	t.Run("the same wrong code from one address counts once, over reconnects", func(t *testing.T) {
		g := server.NewCodeGuard(limits)
		k := g.For(addr, "key1")
		if k.Refused("WRNG-KEYS") {
			t.Fatal("a code never typed is said to be refused")
		}
		k.Fail("WRNG-KEYS")
		// The key connects again from the address, and types it another way.
		again := g.For(addr, "key1")
		if !again.Refused("wrng keys") {
			t.Fatal("a reconnect is not told the code was refused from its address")
		}
		again.Fail("wrngkeys")
		g.For(addr, "").Fail("WRNG-KEYS")
		if l := again.Left(); l != "2 tries left before this key is locked out for 10 minutes." {
			t.Fatalf("after the same wrong code three times: %q, want it counted once", l)
		}
		// A different code is another guess; the same code elsewhere is too.
		again.Fail("WRNG-KEYX")
		if l := again.Left(); l != "1 try left before this key is locked out for 10 minutes." {
			t.Fatalf("after a second wrong code: %q", l)
		}
		if g.For(other, "key2").Refused("WRNG-KEYS") {
			t.Fatal("a code refused at one address is said refused at another")
		}
	})
	t.Run("a key is locked after its limit, from any address, and nobody else", func(t *testing.T) {
		g := server.NewCodeGuard(limits)
		k := g.For(addr, "key1")
		for i := 0; i < 3; i++ {
			if err := k.Check(); err != nil {
				t.Fatalf("locked after %d failures: %v", i, err)
			}
			k.Fail(guess())
		}
		if err := g.For(other, "key1").Check(); !locked(err, "Too many wrong codes from this key (3)", "try again in 10 minutes", "Nobody else is locked out") {
			t.Fatalf("key not locked from another address: %v", err)
		}
		if err := g.For(addr, "key2").Check(); err != nil {
			t.Fatalf("a second key from the address is locked by the first one's typos: %v", err)
		}
		if err := g.For(addr, "").Check(); err != nil {
			t.Fatalf("a connection without a key from the address is locked by a key's typos: %v", err)
		}
	})
	t.Run("without a key the connection is the person, not the address", func(t *testing.T) {
		g := server.NewCodeGuard(limits)
		first := g.For(addr, "")
		for i := 0; i < 3; i++ {
			first.Fail(guess())
		}
		if err := first.Check(); !locked(err, "Too many wrong codes from this connection (3)") {
			t.Fatalf("a connection without a key guesses on after 3 wrong codes: %v", err)
		}
		if err := g.For(addr, "").Check(); err != nil {
			t.Fatalf("the next person without a key at the address is locked out: %v", err)
		}
	})
	t.Run("a new key for every guess stops at the address's limit, the right code too", func(t *testing.T) {
		g := server.NewCodeGuard(limits)
		var told []string
		g.OnLockout = func(a string, byKey bool) { told = append(told, fmt.Sprintf("%s %v", a, byKey)) }
		for i := 0; i < 8; i++ {
			k := g.For(addr, fmt.Sprintf("fresh%d", i))
			if err := k.Check(); err != nil {
				t.Fatalf("locked after %d failures from the address: %v", i, err)
			}
			k.Fail(guess())
		}
		if len(told) != 1 || told[0] != addr+" false" {
			t.Errorf("lockouts told: %q, want the address once", told)
		}
		// Check comes before the code is looked at: whatever it is, it is not tried.
		if err := g.For(addr, "never-failed").Check(); !locked(err, "from your network address", "not even the right one", "for 10 minutes") {
			t.Fatalf("new keys from one address guess on after 8 wrong codes: %v", err)
		}
		if err := g.For(addr, "").Check(); !locked(err) {
			t.Fatalf("connections without a key guess on from a locked address: %v", err)
		}
		if err := g.For(other, "fresh-elsewhere").Check(); err != nil {
			t.Fatalf("another address is locked: %v", err)
		}
	})
	t.Run("tries left are said once a code was wrong", func(t *testing.T) {
		g := server.NewCodeGuard(limits)
		k := g.For(addr, "key1")
		if l := k.Left(); l != "" {
			t.Fatalf("before any wrong code: %q", l)
		}
		k.Fail(guess())
		if l := k.Left(); l != "2 tries left before this key is locked out for 10 minutes." {
			t.Fatalf("after one wrong code: %q", l)
		}
		k.Fail(guess())
		if l := g.For(other, "key1").Left(); l != "1 try left before this key is locked out for 10 minutes." {
			t.Fatalf("after two wrong codes, from another address: %q", l)
		}
		if l := g.For(addr, "").Left(); l != "" {
			t.Fatalf("a new connection without a key at the address is told %q", l)
		}
		// The address nears its limit: 8 - 2 - 5 = 1 try left there, fewer than a
		// new key's 3.
		for i := 0; i < 5; i++ {
			g.For(addr, fmt.Sprintf("other%d", i)).Fail(guess())
		}
		if l := g.For(addr, "newcomer").Left(); l != "1 try left from your network address before it is locked out for 10 minutes." {
			t.Fatalf("near the address's limit: %q", l)
		}
		k.Fail(guess())
		if l := k.Left(); l != "" {
			t.Fatalf("once locked out: %q", l)
		}
	})
	t.Run("lockouts end, and say when", func(t *testing.T) {
		now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
		g := server.NewCodeGuard(session.Limits{WrongCodes: 2, WrongCodesPerAddress: 3, CodeLockout: 10 * time.Minute})
		g.SetClock(func() time.Time { return now })
		k := g.For(addr, "key1")
		k.Fail("WRNG-KEYS")
		now = now.Add(4 * time.Minute)
		k.Fail(guess())
		if err := k.Check(); !locked(err, "try again in 6 minutes") {
			t.Fatalf("not locked with the wait: %v", err)
		}
		g.For(addr, "key2").Fail(guess())
		now = now.Add(time.Minute)
		if err := g.For(addr, "key3").Check(); !locked(err, "for 5 minutes") {
			t.Fatalf("address not locked with the wait: %v", err)
		}
		now = now.Add(5 * time.Minute)
		if err := g.For(addr, "key3").Check(); err != nil {
			t.Fatalf("the address is still locked once its first wrong code is 10 minutes old: %v", err)
		}
		if err := k.Check(); err != nil {
			t.Fatalf("the key is still locked once its first wrong code is 10 minutes old: %v", err)
		}
		if k.Refused("WRNG-KEYS") {
			t.Fatal("a code refused 10 minutes ago is still said refused: typed again it would not count")
		}
	})
}
