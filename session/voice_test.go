package session_test

import (
	"context"
	"strings"
	"testing"

	"github.com/charter-tool/charter/session"
)

// Removing someone keeps their key out always, and their network address only when
// nobody else in the session joined from it: a room behind one office address keeps
// admitting latecomers, a remote participant alone on theirs does not come back with
// a new key. The facilitator sees such a block and can lift it.
func TestRemovalBlocksAnAddressOnlyWhenNobodyElseIsOnIt(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	svc, _ := MustOpenService(t)
	sess := mustSession(t, svc)
	const office, home = "192.0.2.10", "198.51.100.7"
	join := func(key, addr string) (*session.Participant, error) {
		p, _, err := svc.JoinFrom(ctx, sess.ID, key, addr)
		return p, err
	}
	mustJoin := func(key, addr string) *session.Participant {
		t.Helper()
		p, err := join(key, addr)
		if err != nil {
			t.Fatalf("%s from %s: %v", key, addr, err)
		}
		return p
	}
	refusedFromAddress := func(err error) bool {
		return session.ErrorCode(err) == session.EForbidden && strings.Contains(session.ErrorMessage(err), "from your network address")
	}
	mustJoin("ana", office)
	ben := mustJoin("ben", office)
	remote := mustJoin("rui", home)

	t.Run("in a room behind one address only the key is kept out", func(t *testing.T) {
		if r, err := svc.RemovalFor(ctx, ben.ID); err != nil || r != session.RemovalAddressShared {
			t.Fatalf("removal of one of two at an address would be %v, %v; want shared", r, err)
		}
		if r, err := svc.Remove(ctx, ben.ID); err != nil || r != session.RemovalAddressShared {
			t.Fatalf("removal: %v, %v", r, err)
		}
		if _, err := join("ben", office); session.ErrorCode(err) != session.EForbidden {
			t.Fatalf("the removed key came back: %v", err)
		}
		if _, err := join("latecomer", office); err != nil {
			t.Fatalf("a latecomer behind the office address was refused: %v", err)
		}
		if b := svc.AddressBlocks(sess.ID); len(b) != 0 {
			t.Fatalf("address blocks after a shared removal: %+v", b)
		}
	})

	t.Run("a participant alone on an address closes it", func(t *testing.T) {
		if r, err := svc.RemovalFor(ctx, remote.ID); err != nil || r != session.RemovalBlocksAddress {
			t.Fatalf("removal of the only one at an address would be %v, %v; want blocks", r, err)
		}
		if r, err := svc.Remove(ctx, remote.ID); err != nil || r != session.RemovalBlocksAddress {
			t.Fatalf("removal: %v, %v", r, err)
		}
		if _, err := join("rui-new-key", home); !refusedFromAddress(err) {
			t.Fatalf("a new key from the removed person's address: %v", err)
		}
		if !strings.Contains(session.ErrorMessage(func() error { _, err := join("x", home); return err }()), "let your address in again") {
			t.Error("the refusal does not say what the facilitator can do")
		}
		if _, err := join("another", office); err != nil {
			t.Fatalf("another address is refused: %v", err)
		}
		b := svc.AddressBlocks(sess.ID)
		if len(b) != 1 || b[0].ParticipantID != remote.ID {
			t.Fatalf("address blocks: %+v, want the one of %d", b, remote.ID)
		}
		view, err := svc.BoardView(ctx, sess.ID)
		if err != nil || len(view.AddressBlocks) != 1 {
			t.Fatalf("the board does not show the block: %+v, %v", view, err)
		}
	})

	t.Run("the facilitator lets the address in again, not the key", func(t *testing.T) {
		if n := svc.LetAddressesIn(sess.ID); n != 1 {
			t.Fatalf("lifted %d blocks, want 1", n)
		}
		if _, err := join("rui-new-key", home); err != nil {
			t.Fatalf("a new key after the block was lifted: %v", err)
		}
		if _, err := join("rui", home); session.ErrorCode(err) != session.EForbidden {
			t.Fatalf("the removed key came back with the address: %v", err)
		}
		if n := svc.LetAddressesIn(sess.ID); n != 0 {
			t.Fatalf("lifted %d blocks a second time", n)
		}
	})

	t.Run("removed people do not count as sharing an address", func(t *testing.T) {
		// Ben (removed) joined from the office too: Ana and the latecomer remain.
		lone := mustJoin("lone", "203.0.113.5")
		other := mustJoin("other", "203.0.113.5")
		if err := svc.RemoveParticipant(ctx, other.ID); err != nil {
			t.Fatal(err)
		}
		if r, err := svc.RemovalFor(ctx, lone.ID); err != nil || r != session.RemovalBlocksAddress {
			t.Fatalf("with the other one at the address removed: %v, %v; want blocks", r, err)
		}
	})

	t.Run("an address not known blocks only the key", func(t *testing.T) {
		// Joined without an address, as before the server (re)started.
		p, err := svc.Join(ctx, sess.ID, "old-key")
		if err != nil {
			t.Fatal(err)
		}
		if r, err := svc.Remove(ctx, p.ID); err != nil || r != session.RemovalKeyOnly {
			t.Fatalf("removal: %v, %v; want key only", r, err)
		}
	})
}
