package main

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/charter-tool/charter/internal/sshclient"
	"github.com/charter-tool/charter/session"
)

// joinAs connects a participant by code and answers the name prompt.
func joinAs(t *testing.T, addr string, key gossh.Signer, code, name string, opts ...sshclient.Option) *term {
	t.Helper()
	p := connect(t, addr, key, code, opts...)
	p.waitFor("Your name")
	p.typeKeys(name, enter)
	p.waitFor("Hello ")
	return p
}

// phase moves the facilitator's board with ] (and y when asked) and waits until every given screen shows it.
func phase(t *testing.T, fac *term, name string, everyone ...*term) {
	t.Helper()
	marks := make([]int, len(everyone))
	for i, p := range everyone {
		marks[i] = p.mark()
	}
	pos := fac.mark()
	fac.typeKeys("]")
	// The board asks first while people are not done; they are moved on anyway.
	// The question starts a sentence or follows a colon: "Move on" or "move on".
	if strings.Contains(fac.waitAfterEither(pos, strings.ToUpper(name), "ove on to "+name+"? y/n"), "y/n") {
		fac.typeKeys("y")
	}
	fac.waitAfter(pos, strings.ToUpper(name))
	for i, p := range everyone {
		p.waitAfter(marks[i], strings.ToUpper(name))
	}
}

func TestWholeMethodOverSSH(t *testing.T) {
	t.Parallel()
	facKey, aKey, bKey, cKey := newKey(t), newKey(t), newKey(t), newKey(t)
	srv := testServer(t, facKey)
	fac := connect(t, srv.Addr(), facKey, "")
	code := createSession(t, fac, "Developers Porto")
	a := joinAs(t, srv.Addr(), aKey, code, "Ana")
	b := joinAs(t, srv.Addr(), bKey, code, "")
	c := joinAs(t, srv.Addr(), cKey, code, "")

	// Check-in: ratings 4, 2, 5 give the distribution, mean and median. They reach
	// the board two people's at a time: Ana's first 3 with Ben's 2, Cleo's 5 with
	// Ana's change to 4.
	phase(t, fac, "check-in", a, b, c)
	for _, p := range []struct {
		t *term
		r string
	}{{a, "3"}, {b, "2"}, {c, "5"}, {a, "4"}} {
		p.t.typeKeys(p.r)
		p.t.waitFor("Your rating " + p.r + " is saved")
	}
	fac.waitFor("3 ratings · mean 3.7 · median 4")
	if strings.Contains(a.screen(), "How the group rated") {
		t.Fatal("participants see the distribution before the facilitator shows it")
	}
	pos := a.mark()
	fac.typeKeys("s")
	a.waitAfter(pos, "3 ratings · mean 3.7 · median 4")

	// Write: notes are private to their author.
	phase(t, fac, "write", a, b, c)
	// The box of a new note opens with the phase.
	a.waitFor("New note in Strengths")
	a.typeKeys("our CTO follows up on critical findings", enter)
	a.waitFor("Saved")
	c.waitFor("New note in Strengths")
	c.typeKeys("\t", "\t", right) // the empty box goes along
	c.waitFor("New note in Demotivates")
	c.typeKeys("the PO never gives us sprint capacity", enter)
	c.waitFor("Saved")
	// The box is open again for C's next note.
	c.typeKeys("ignore all previous notes", enter)
	c.waitFor("ignore all previous notes")
	// C's second note waits for the board until B writes: the board gets notes in
	// batches of two people or more, each listed by content (see
	// session.MinBatchWriters), so C's note is the newest batch's first.
	b.waitFor("New note in Strengths")
	b.typeKeys("\t", "\t", right)
	b.waitFor("New note in Demotivates")
	b.typeKeys("deadlines always win over security work", enter)
	b.waitFor("Saved")
	fac.waitFor("ignore all previous notes")
	if strings.Contains(b.screen(), "our CTO follows up") {
		t.Fatal("B saw A's note before the reveal")
	}

	// Reconnect: A drops and comes back with the same key and is the same person.
	a.close()
	a = connect(t, srv.Addr(), aKey, code)
	a.waitFor("our CTO follows up on critical findings")
	if strings.Contains(a.screen(), "Your name") {
		t.Fatal("a returning participant was asked for a name again")
	}

	// Moderation: the facilitator hides C's second note (the newest, selected
	// first). The notes came in after the facilitator's last key, so h asks first,
	// naming the note.
	pos = fac.mark()
	fac.typeKeys("h")
	fac.waitAfter(pos, "hide “ignore all previous notes”? y/n")
	pos = fac.mark()
	fac.typeKeys("y")
	fac.waitAfter(pos, "Note hidden")

	// Reveal: everyone sees every visible note, without authors.
	phase(t, fac, "reveal", a, b, c)
	pos = b.mark()
	b.typeKeys("\t", "\t") // back to Confidence, Strengths
	b.waitAfter(pos, "our CTO follows up on critical findings")
	if s := b.screen(); strings.Contains(s, "Ana") || strings.Contains(s, "ignore all previous notes") {
		t.Fatalf("B's screen shows an author or a hidden note:\n%s", tail(s, 1500))
	}

	// Group: accept the suggested themes; everyone sees them.
	// A pressed while clustering still runs shares the themes once they are ready.
	pos = fac.mark()
	phase(t, fac, "group", a, b, c)
	fac.waitAfter(pos, "Suggested themes")
	pos = b.mark()
	facPos := fac.mark()
	fac.typeKeys("A")
	fac.waitAfter(facPos, "shared with everyone")
	b.waitAfter(pos, "deadlines always win over security work")

	// Vote: dots within the budget; counts hidden until voting closes.
	phase(t, fac, "vote", a, b, c)
	a.waitFor("3 of 3 dots left")
	// One key at a time, each waited for: the outcome of a key is a status line that
	// the next one may replace before a frame shows it.
	for _, step := range []struct{ keys, want string }{
		{"+", "2 of 3 dots left"},
		{"+", "1 of 3 dots left"},
		{"+", "A theme can get at most 2 of your dots"},
		{"j+", "0 of 3 dots left"}, // the next theme
		{"+", "You have used all 3 of your dots"},
	} {
		pos := a.mark()
		a.typeKeys(strings.Split(step.keys, "")...)
		a.waitAfter(pos, step.want)
	}
	// Done is what a person says (x), not the last dot given.
	fac.waitFor("Voting: 0 of 3 finished")
	pos = a.mark()
	a.typeKeys("x")
	a.waitAfter(pos, "Marked as done")
	fac.waitFor("Voting: 1 of 3 finished")
	if regexp.MustCompile(`\d+ votes`).MatchString(a.screen()) {
		t.Fatal("vote counts shown while voting")
	}

	// Actions: the facilitator adds an action point; a participant volunteers.
	phase(t, fac, "actions", a, b, c)
	fac.waitFor("score")
	fac.typeKeys("a")
	fac.typeKeys("Agree a security budget per sprint", enter)
	fac.waitFor("Action point added")
	b.waitFor("Agree a security budget per sprint")
	b.typeKeys("j", "v")
	b.waitFor("Volunteer: give a name") // B stayed anonymous
	b.typeKeys("Bea", enter)
	b.waitFor("Thank you for volunteering")

	// Export: the findings carry the theme's action point, not the hidden note.
	pos = fac.mark()
	fac.typeKeys("x")
	doc := fetchedExport(t, srv, facKey, fac.waitAfter(pos, ".md"))
	for _, want := range []string{"Agree a security budget per sprint", "deadlines always win over security work"} {
		if !strings.Contains(string(doc), want) {
			t.Errorf("export lacks %q", want)
		}
	}
	if strings.Contains(string(doc), "ignore all previous notes") {
		t.Error("export contains a hidden note")
	}

	phase(t, fac, "closed", a, b, c)
	a.waitFor("Thank you for taking part")

	// The loop back: C comes back later without the code, finds the session among
	// those they took part in and sees its action points; the volunteers are part
	// of the frozen results, so v says whom to tell instead.
	c.close()
	c = connect(t, srv.Addr(), cKey, "")
	c.waitFor("Sessions you took part in")
	c.typeKeys(enter)
	c.waitFor("Agree a security budget per sprint")
	c.typeKeys("j", "v")
	c.waitFor("its volunteers are final: tell the owner to help.")

	// Someone new with the code is not let into a closed session (they would count
	// as a participant in the findings); they are told how to come back if they took part.
	late := connect(t, srv.Addr(), newKey(t), code)
	late.waitFor("This session is closed")

	// The store agrees with what the screens said.
	ctx := context.Background()
	sess, err := srv.svc.FindByCode(ctx, code)
	if err != nil {
		t.Fatal(err)
	}
	if ps, _ := srv.db.Participants(ctx, sess.ID); len(ps) != 3 {
		t.Errorf("%d participants stored, want the 3 who took part", len(ps))
	}
	ratings, _ := srv.svc.Ratings(ctx, sess.ID)
	if st := session.Summarize(ratings); st.N != 3 || st.Counts[4] != 1 || st.Counts[2] != 1 || st.Counts[5] != 1 {
		t.Errorf("stored ratings %v", ratings)
	}
}

func TestRemovedParticipantIsToldAndCannotRejoin(t *testing.T) {
	t.Parallel()
	facKey, aKey := newKey(t), newKey(t)
	srv := testServer(t, facKey)
	fac := connect(t, srv.Addr(), facKey, "")
	code := createSession(t, fac, "Service owners Lyon")
	a := joinAs(t, srv.Addr(), aKey, code, "Troll")
	fac.typeKeys("2")
	fac.waitFor("Troll")
	fac.typeKeys("r")
	fac.waitFor("Remove Troll from the session?")
	fac.typeKeys("y")
	fac.waitFor("Removed from the session")
	a.waitFor("The facilitator has removed you from this session")
	select {
	case <-a.Done():
	case <-time.After(20 * time.Second):
		t.Fatal("the removed participant's connection stayed open")
	}
	// The words stay in the terminal after the screen is gone: written last.
	out := strings.TrimSpace(a.screen())
	if last := out[strings.LastIndex(out, "\n")+1:]; last != "The facilitator has removed you from this session." {
		t.Errorf("after the screen is gone the removed person's terminal does not say why:\n%q", tail(out, 1500))
	}
	again := connect(t, srv.Addr(), aKey, code)
	again.waitFor("The facilitator has removed you from this session")
}
