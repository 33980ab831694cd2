package sqlite

import (
	"context"
	"strings"
	"testing"

	"github.com/charter-tool/charter/session"
)

// A panic in the board's rule, applied to a batch of notes, fails the batch with an
// error that carries the stack, instead of ending the server.
func TestReleaseThatPanicsFailsTheBatch(t *testing.T) {
	w := &noteWriter{}
	live := []*noteWrite{{note: &session.Note{SessionID: "s1"}}}
	// A database that is nil panics as soon as the rule reads it.
	var released map[string]int64
	err := recovered("release of held notes", func() (err error) {
		released, err = w.release(context.Background(), nil, live, []error{nil})
		return err
	})
	if err == nil || !strings.Contains(err.Error(), "panic") || !strings.Contains(err.Error(), "goroutine") {
		t.Fatalf("released %v, err %v: want the panic, with its stack, as the batch's error", released, err)
	}
}
