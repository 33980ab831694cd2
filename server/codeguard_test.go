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
	locked := func(err error) bool {
		return session.ErrorCode(err) == session.ELimit && strings.Contains(session.ErrorMessage(err), "Too many wrong codes")
	}
	t.Run("a key is locked after its limit, from any address", func(t *testing.T) {
		g := server.NewCodeGuard(session.Limits{WrongCodes: 3, WrongCodesPerAddress: 5, CodeLockout: time.Minute})
		for i := 0; i < 3; i++ {
			if err := g.Check(addr, "key1"); err != nil {
				t.Fatalf("locked after %d failures: %v", i, err)
			}
			g.Fail(addr, "key1")
		}
		if err := g.Check(other, "key1"); !locked(err) {
			t.Fatalf("key not locked from another address: %v", err)
		}
		if err := g.Check(addr, "key2"); err != nil {
			t.Fatalf("a second key from the address is locked after 3 failures: %v", err)
		}
		if err := g.Check(other, "key2"); err != nil {
			t.Fatalf("an unrelated address and key are locked: %v", err)
		}
	})
	t.Run("a new key for every guess stops at the address's limit", func(t *testing.T) {
		g := server.NewCodeGuard(session.Limits{WrongCodes: 3, WrongCodesPerAddress: 5, CodeLockout: time.Minute})
		var told []string
		g.OnLockout = func(a string, byKey bool) { told = append(told, fmt.Sprintf("%s %v", a, byKey)) }
		defer func() {
			if len(told) != 1 || told[0] != addr+" false" {
				t.Errorf("lockouts told: %q, want the address once", told)
			}
		}()
		for i := 0; i < 5; i++ {
			k := fmt.Sprintf("fresh%d", i)
			if err := g.Check(addr, k); err != nil {
				t.Fatalf("locked after %d failures from the address: %v", i, err)
			}
			g.Fail(addr, k)
		}
		if err := g.Check(addr, "fresh-again"); !locked(err) {
			t.Fatalf("new keys from one address guess on after 5 wrong codes: %v", err)
		}
	})
	t.Run("connections without a key have the small limit per address", func(t *testing.T) {
		g := server.NewCodeGuard(session.Limits{WrongCodes: 3, WrongCodesPerAddress: 5, CodeLockout: time.Minute})
		for i := 0; i < 3; i++ {
			g.Fail(addr, "")
		}
		if err := g.Check(addr, ""); !locked(err) {
			t.Fatalf("keyless connections guess on after 3 wrong codes: %v", err)
		}
		if err := g.Check(addr, "key1"); err != nil {
			t.Fatalf("a key at the address is locked by keyless guesses: %v", err)
		}
	})
	t.Run("joining with the right code forgives, at the address too", func(t *testing.T) {
		g := server.NewCodeGuard(session.Limits{WrongCodes: 3, WrongCodesPerAddress: 5, CodeLockout: time.Minute})
		// Ten people behind one address each mistype twice, then get it right.
		for i := 0; i < 10; i++ {
			k := fmt.Sprintf("person%d", i)
			for j := 0; j < 2; j++ {
				if err := g.Check(addr, k); err != nil {
					t.Fatalf("person %d locked out at try %d: %v", i, j, err)
				}
				g.Fail(addr, k)
			}
			g.Succeed(addr, k)
		}
		if err := g.Check(addr, "latecomer"); err != nil {
			t.Fatalf("an office of people who got the code right locked its address: %v", err)
		}
	})
	t.Run("joining does not reset a key's own count", func(t *testing.T) {
		g := server.NewCodeGuard(session.Limits{WrongCodes: 3, WrongCodesPerAddress: 5, CodeLockout: time.Minute})
		g.Fail(addr, "key1")
		g.Fail(addr, "key1")
		g.Succeed(addr, "key1")
		g.Fail(addr, "key1")
		if err := g.Check(other, "key1"); !locked(err) {
			t.Fatalf("a key that joined in between guesses guesses on: %v", err)
		}
	})
	t.Run("connections without a key are never forgiven", func(t *testing.T) {
		g := server.NewCodeGuard(session.Limits{WrongCodes: 3, WrongCodesPerAddress: 5, CodeLockout: time.Minute})
		for i := 0; i < 3; i++ {
			g.Fail(addr, "")
		}
		g.Succeed(addr, "")
		if err := g.Check(addr, ""); !locked(err) {
			t.Fatalf("one keyless join forgave every keyless guess at the address: %v", err)
		}
	})
	t.Run("an address is forgiven for a bounded number of keys", func(t *testing.T) {
		g := server.NewCodeGuard(session.Limits{WrongCodes: 3, WrongCodesPerAddress: 5, CodeLockout: time.Minute})
		for i := 0; i < server.ForgivenPerAddress+5; i++ {
			k := fmt.Sprintf("fresh%d", i)
			if err := g.Check(addr, k); err != nil {
				if i < server.ForgivenPerAddress+4 {
					t.Fatalf("locked after %d keys that each joined: %v", i, err)
				}
				return
			}
			g.Fail(addr, k)
			g.Succeed(addr, k)
		}
		if err := g.Check(addr, "one-more"); !locked(err) {
			t.Fatalf("fresh keys that join in between guess on without end: %v", err)
		}
	})
	t.Run("lockouts end", func(t *testing.T) {
		now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
		g := server.NewCodeGuard(session.Limits{WrongCodes: 1, CodeLockout: time.Minute})
		g.SetClock(func() time.Time { return now })
		g.Fail(addr, "key1")
		if err := g.Check(addr, "key1"); !locked(err) || !strings.Contains(session.ErrorMessage(err), "a minute") {
			t.Fatalf("not locked with the wait: %v", err)
		}
		now = now.Add(time.Minute)
		if err := g.Check(addr, "key1"); err != nil {
			t.Fatalf("still locked after the lockout: %v", err)
		}
	})
}
