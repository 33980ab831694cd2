package tui_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/tui"
)

// In the vote phase the header counts as done whoever spent every dot, and the
// people tab marks per person only those who said they are done (x), with no dots
// per person: hiding or merging a theme gives its dots back, and a mark or count
// changing with it would tell the facilitator who voted for it.
func TestPeopleTabNeverSaysWhoVotedWhat(t *testing.T) {
	t.Parallel()
	w, sess, _ := groupWorld(t)
	w.setPhase(sess, session.PhaseVote)
	ts, err := w.svc.Themes(w.ctx, sess.ID)
	if err != nil || len(ts) < 2 {
		t.Fatalf("themes %v, %v", ts, err)
	}
	ps, err := w.db.Participants(w.ctx, sess.ID)
	if err != nil || len(ps) != 2 {
		t.Fatalf("participants %v, %v", ps, err)
	}
	for _, th := range []int64{ts[0].ID, ts[0].ID, ts[1].ID} {
		if err := w.svc.Vote(w.ctx, ps[0].ID, th, 1); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.svc.Vote(w.ctx, ps[1].ID, ts[1].ID, 1); err != nil {
		t.Fatal(err)
	}
	if err := w.svc.SetDone(w.ctx, ps[1].ID, true); err != nil {
		t.Fatal(err)
	}
	b := w.openBoard(sess)
	b.keys("2")
	b.waitFor("connection")
	// Both rows drawn, the done mark with them: the view was once taken before
	// (seen once in a full run under load).
	b.waitDrawn(ps[0].Pseudonym+" ", ps[1].Pseudonym+" ", "✓")
	v := b.view()
	if !strings.Contains(v, "2 people · 1 done") || !strings.Contains(v, "0 connected now, 1 done (said so with x).") {
		t.Errorf("header and people tab do not both count the one who said done (x), and only them:\n%s", v)
	}
	first, second := lineWith(v, ps[0].Pseudonym+" "), lineWith(v, ps[1].Pseudonym+" ")
	if strings.Contains(v, "3/3") || strings.Contains(v, "1/3") || strings.Contains(first, "✓") || !strings.Contains(second, "✓") {
		t.Errorf("dots per person, or a done mark for spending them (want only x marked):\n%s\n%s", first, second)
	}
}

// On a narrow terminal the promise that only the writer sees their notes until the
// reveal is wrapped, never cut off mid-word.
func TestEmptyNotesHintIsReadWholeWhenNarrow(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, p := w.writingParticipant()
	s := w.openSized(tui.Options{KeyHash: p.KeyHash, Code: sess.Code}, 60, 20)
	s.waitFor("You have no notes here yet.")
	v := s.view()
	requireFitsIn(t, v, 60, 20)
	if flat := strings.Join(strings.Fields(v), " "); !strings.Contains(flat, "Only you can see your notes until the reveal.") {
		t.Errorf("the hint is not shown whole at 60 columns:\n%s", v)
	}
}

// The people tab never says who wrote: notes reach the board in batches of at least
// two writers, and a per-person "wrote" flipping with a batch would name its writers
// (or its one real writer beside a second key the facilitator joined with). It
// counts those without a note.
func TestPeopleTabDoesNotSayWhoWrote(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Porto")
	w.setPhase(sess, session.PhaseWrite)
	many, one, _ := w.join(sess, "key-1", "Mia"), w.join(sess, "key-2", "Oskar"), w.join(sess, "key-3", "Nils")
	for _, text := range []string{"pen tests come too late", "threat models help us", "more threat modelling please"} {
		w.addNote(many, session.AreaActivities, "more", text)
	}
	w.addNote(one, session.AreaConfidence, "concern", "deadlines always win")
	w.setPhase(sess, session.PhaseReveal)
	b := w.openBoard(sess)
	b.keys("2")
	b.waitFor("1 without a note yet", "Nils")
	v := b.view()
	lines := map[string]string{}
	for _, name := range []string{"Mia", "Oskar", "Nils"} {
		lines[name] = lineWith(v, name)
		if _, after, _ := strings.Cut(lines[name], name); strings.Contains(after, "yes") || strings.Contains(after, " no ") ||
			strings.ContainsAny(after, "0123456789") {
			t.Errorf("%s's line %q says whether or how much they wrote", name, lines[name])
		}
	}
}

// A long name is shown whole on the people tab when the terminal has the room:
// cut at 22 characters with 30 columns free on its right at 80, two people
// whose names begin alike could not be told apart.
func TestPeopleTabShowsLongNamesWhole(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Porto")
	w.setPhase(sess, session.PhaseWrite)
	long := "Maximilian Alexander Konstantin Schmidt" // 39 characters, 40 allowed
	w.join(sess, "key-1", long)
	w.join(sess, "key-2", "Maximilian Alexander Konstantin Meier")
	w.join(sess, "key-3", "Nils")
	b := w.openBoard(sess)
	b.keys("2")
	b.waitFor("Nils")
	v := b.view()
	requireFits(t, v)
	if l := lineWith(v, "Maximilian"); !strings.Contains(l, long) || !strings.Contains(l, "not connected") {
		t.Errorf("the line %q does not show %q whole with its connection", l, long)
	}
	if l := lineWith(v, "Nils"); !strings.Contains(l, "P3") || !strings.Contains(l, "not connected") {
		t.Errorf("Nils's line %q", l)
	}
}

// The people view on a short terminal shows as many people as fit and a line
// saying how many more are below, as the other lists do: at 40x14 it showed one
// person above an empty line, and nothing said four more had joined.
func TestPeopleTabSaysHowManyMoreOnAShortTerminal(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	for _, name := range []string{"Ana", "Ben", "Cleo", "Dara", "Eli", "Fay"} {
		w.join(sess, "key-"+name, name)
	}
	b := w.openBoardSized(sess, 40, 14)
	b.keys("2")
	b.waitDrawn("who    name")
	v := b.view()
	requireFitsIn(t, v, 40, 14)
	rows := 0
	for _, l := range strings.Split(v, "\n") {
		if strings.TrimSpace(l) == "" {
			t.Errorf("the people view leaves a line empty where a person fits:\n%s", v)
		}
		if strings.HasPrefix(strings.TrimLeft(l, "▸ "), "P") {
			rows++
		}
	}
	if want := fmt.Sprintf("… %d below", 6-rows); rows == 0 || !strings.Contains(v, want) {
		t.Errorf("the people view shows %d of 6 people and does not say %q:\n%s", rows, want, v)
	}
}
