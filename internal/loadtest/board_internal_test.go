package loadtest

import (
	"testing"
	"time"
)

// TestOnBoardByCount checks when the board is taken to have each note: when its
// token showed, or else once the board's count has risen by every note sent before
// the note was acknowledged, never earlier.
func TestOnBoardByCount(t *testing.T) {
	t0 := time.Date(2026, 12, 2, 5, 0, 0, 0, time.UTC)
	at := func(ms int) time.Time { return t0.Add(time.Duration(ms) * time.Millisecond) }
	lt := &loadtest{tokens: map[string]*noteTrace{}}
	// a, b and c are sent at once and stored in one batch; a's token is drawn, the
	// others are pushed off the screen by it. d is sent after they were acknowledged.
	a := &noteTrace{sent: at(0), acked: at(50)}
	b := &noteTrace{sent: at(1), acked: at(40)}
	c := &noteTrace{sent: at(2), acked: at(45)}
	d := &noteTrace{sent: at(100), acked: at(130)}
	e := &noteTrace{sent: at(135)} // never acknowledged
	lt.tokens = map[string]*noteTrace{"a": a, "b": b, "c": c, "d": d, "e": e}
	lt.scanBoard("2 persons · 0 done · 5 notes", at(-10)) // from before the run
	lt.countFrom = 5
	lt.scanBoard("lt-1-1-0000000a", at(-5)) // not a token of this run
	a.seen = at(30)
	lt.scanBoard("2 persons · 0 done · 7 notes", at(20)) // too few for b and c
	// The row after the header drawn after a cursor move: no separator is left.
	lt.scanBoard("2 persons · 0 done · 8 notesConfidence", at(30))
	lt.scanBoard("2 persons · 0 done · 8 no", at(31)) // cut short: no count
	lt.scanBoard("tes\n2 persons · 1 done · 9 notes", at(140))

	on, byCount := lt.onBoard()
	want := map[*noteTrace]time.Time{a: at(30), b: at(30), c: at(30), d: at(140)}
	for tr, w := range want {
		if got, ok := on[tr]; !ok || !got.Equal(w) {
			t.Errorf("note sent at %s: on the board at %v (%v), want %s", tr.sent.Sub(t0), got.Sub(t0), ok, w.Sub(t0))
		}
	}
	if _, ok := on[e]; ok {
		t.Error("a note never acknowledged is on the board")
	}
	if byCount != 3 {
		t.Errorf("%d notes timed by the count, want 3", byCount)
	}
}

// TestReleasesWaitForASecondWriter checks the estimate of when the batching rule let
// each note on the board: a lone writer's notes wait for another writer's note, and
// a batch goes out with the note that completed it.
func TestReleasesWaitForASecondWriter(t *testing.T) {
	t0 := time.Date(2026, 12, 2, 5, 0, 0, 0, time.UTC)
	at := func(ms int) time.Time { return t0.Add(time.Duration(ms) * time.Millisecond) }
	a1 := &noteTrace{writer: 1, sent: at(0), acked: at(10)}
	a2 := &noteTrace{writer: 1, sent: at(20), acked: at(30)}  // the same writer: still held
	b1 := &noteTrace{writer: 2, sent: at(40), acked: at(50)}  // releases a1, a2 and itself
	c1 := &noteTrace{writer: 3, sent: at(60), acked: at(70)}  // alone: held
	d1 := &noteTrace{writer: 4, sent: at(61), acked: at(71)}  // releases c1 and itself
	e1 := &noteTrace{writer: 5, sent: at(90), acked: at(100)} // never released
	x := &noteTrace{writer: 6, sent: at(95)}                  // never acknowledged
	got := releases(map[string]*noteTrace{"a1": a1, "a2": a2, "b1": b1, "c1": c1, "d1": d1, "e1": e1, "x": x})
	want := map[*noteTrace]time.Time{a1: at(50), a2: at(50), b1: at(50), c1: at(71), d1: at(71)}
	if len(got) != len(want) {
		t.Errorf("%d notes released, want %d", len(got), len(want))
	}
	for tr, w := range want {
		if r, ok := got[tr]; !ok || !r.Equal(w) {
			t.Errorf("note of writer %d acknowledged at %s: released at %s (%v), want %s",
				tr.writer, tr.acked.Sub(t0), r.Sub(t0), ok, w.Sub(t0))
		}
	}
}

// TestHeldNoteLeavesTheCountShort checks the notes the board has when a lone
// writer's last note is held after a batch too long for the screen: the board's
// count stops one short of the notes sent before the batch was acknowledged, and
// the batch's notes whose tokens were never drawn are on the board all the same,
// from the moment the count reached its last value. Only the held note is not.
func TestHeldNoteLeavesTheCountShort(t *testing.T) {
	t0 := time.Date(2026, 12, 2, 5, 0, 0, 0, time.UTC)
	at := func(ms int) time.Time { return t0.Add(time.Duration(ms) * time.Millisecond) }
	// a, b and c are stored in one batch; d is sent while it is committed, stored
	// alone after it, and held for a second writer who never comes.
	a := &noteTrace{writer: 1, sent: at(0), acked: at(40), seen: at(50)}
	b := &noteTrace{writer: 2, sent: at(1), acked: at(41)} // pushed off the screen by a
	c := &noteTrace{writer: 3, sent: at(2), acked: at(42)} // likewise
	d := &noteTrace{writer: 4, sent: at(30), acked: at(70)}
	lt := &loadtest{tokens: map[string]*noteTrace{"a": a, "b": b, "c": c, "d": d}}
	lt.scanBoard("4 persons · 0 done · 3 notes", at(50))

	on, byCount := lt.onBoard()
	want := map[*noteTrace]time.Time{a: at(50), b: at(50), c: at(50)}
	for tr, w := range want {
		if got, ok := on[tr]; !ok || !got.Equal(w) {
			t.Errorf("note of writer %d: on the board at %v (%v), want %s", tr.writer, got.Sub(t0), ok, w.Sub(t0))
		}
	}
	if _, ok := on[d]; ok {
		t.Error("the held note is on the board")
	}
	if byCount != 2 {
		t.Errorf("%d notes timed by the count, want 2", byCount)
	}
	if held, missing := lt.absent(on); held != 1 || missing != 0 {
		t.Errorf("%d held, %d missing; want 1 held, 0 missing", held, missing)
	}

	// A board that lacks a batch of two writers' notes has them missing.
	lt = &loadtest{tokens: lt.tokens}
	lt.scanBoard("4 persons · 0 done · 1 note", at(50))
	on, _ = lt.onBoard()
	if held, missing := lt.absent(on); held != 0 || missing != 3 {
		t.Errorf("board short of b and c: %d held, %d missing; want 0 held, 3 missing", held, missing)
	}
}
