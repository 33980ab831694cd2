package tui_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/tui"
)

// u on a selected action point asks for its due date; the board shows it, and a
// date that is not a day says so and changes nothing.
func TestBoardSetsADueDate(t *testing.T) {
	t.Parallel()
	w, sess, b := actionBoard(t, session.ActionPoint{Title: "Threat modelling clinic"})
	b.keys("u")
	b.waitFor("Due (YYYY-MM-DD")
	b.keys("2026-06-30")
	b.press(tea.KeyEnter)
	b.waitFor("due 2026-06-30")
	as, _ := w.svc.Actions(w.ctx, sess.ID)
	if len(as) != 1 || as[0].Due != "2026-06-30" {
		t.Fatalf("action points %+v, want one due 2026-06-30", as)
	}
	b.keys("u")
	b.waitFor("Due (YYYY-MM-DD")
	for range len("2026-06-30") {
		b.press(tea.KeyBackspace)
	}
	b.keys("next week")
	b.press(tea.KeyEnter)
	b.waitFor("is not a day as YYYY-MM-DD")
	if as, _ := w.svc.Actions(w.ctx, sess.ID); as[0].Due != "2026-06-30" {
		t.Errorf("a refused date changed the due date to %q", as[0].Due)
	}
	if !strings.Contains(b.view(), "due 2026-06-30") {
		t.Errorf("the board lost the due date:\n%s", b.view())
	}
}

// A participant who connects after the session closed sees what became of the
// action points: status, owner and due date, under the report's own words.
func TestClosedSessionShowsTheFollowUp(t *testing.T) {
	t.Parallel()
	w, sess, _ := groupWorld(t)
	ts, _ := w.svc.Themes(w.ctx, sess.ID)
	a, err := w.svc.AddAction(w.ctx, session.ActionPoint{SessionID: sess.ID, ThemeID: ts[0].ID, Title: "Pair on threat models", Owner: "AppSec"})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.svc.SetActionDue(w.ctx, a.ID, "2026-06-30"); err != nil {
		t.Fatal(err)
	}
	a.Status, a.Due = session.ActionInProgress, "2026-06-30"
	if err := w.svc.UpdateAction(w.ctx, *a); err != nil {
		t.Fatal(err)
	}
	for _, ph := range []session.Phase{session.PhaseVote, session.PhaseActions, session.PhaseClosed} {
		w.setPhase(sess, ph)
	}
	ps, _ := w.db.Participants(w.ctx, sess.ID)
	p := w.openAsParticipant(sess, ps[0])
	p.waitFor("You said, we did", "[in-progress] Pair on threat models", "due 2026-06-30")
}

// In the actions phase the cursor starts on a theme's line: v there volunteers for
// the theme's action point when it has just one, instead of asking to move first.
func TestVolunteerFromAThemesLine(t *testing.T) {
	t.Parallel()
	w, sess, _ := groupWorld(t)
	w.setPhase(sess, session.PhaseVote)
	w.setPhase(sess, session.PhaseActions)
	ts, err := w.svc.Themes(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, th := range ts {
		if _, err := w.svc.AddAction(w.ctx, session.ActionPoint{SessionID: sess.ID, ThemeID: th.ID, Title: "Act on " + th.Label}); err != nil {
			t.Fatal(err)
		}
	}
	ps, _ := w.db.Participants(w.ctx, sess.ID)
	p := w.openAsParticipant(sess, ps[0])
	p.waitFor("Act on pen tests", "v volunteer")
	p.keys("v")
	p.waitFor("Volunteer: give a name")
	p.press(tea.KeyEnter)
	p.waitFor("Thank you for volunteering!")
	as, err := w.svc.Actions(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, a := range as {
		n += len(a.Volunteers)
	}
	if n != 1 {
		t.Errorf("%d volunteers after v on the first theme's line, want 1", n)
	}
}

// A participant reads an action point whole with enter: at 80 columns its line
// cuts off the owner and the due date.
func TestParticipantReadsAnActionPointWhole(t *testing.T) {
	t.Parallel()
	w, sess, _ := groupWorld(t)
	w.setPhase(sess, session.PhaseVote)
	w.setPhase(sess, session.PhaseActions)
	ts, err := w.svc.Themes(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	a, err := w.svc.AddAction(w.ctx, session.ActionPoint{SessionID: sess.ID, ThemeID: ts[0].ID, Priority: session.PriorityHigh,
		Title: "Give every team a named owner for dependency updates, with time for it in planning", Owner: "AppSec guild and platform team"})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.svc.SetActionDue(w.ctx, a.ID, "2026-06-30"); err != nil {
		t.Fatal(err)
	}
	ps, _ := w.db.Participants(w.ctx, sess.ID)
	p := w.openAsParticipant(sess, ps[0])
	p.waitFor("Give every team a")
	p.keys("j") // from the theme's line to its action point
	p.press(tea.KeyEnter)
	p.waitFor("Action point", "for “pen tests”", "updates, with time for it in", "owner: AppSec guild and platform team",
		"due: 2026-06-30", "priority: high", "volunteers: none yet", "v volunteer")
	p.keys("v")
	p.waitFor("Volunteer: give a name")
}

// An action point's line, cut to the width, keeps its owner and how many volunteered
// in view; enter on it shows it whole with the notes of its theme.
func TestActionLineKeepsOwnerAndOpensWhole(t *testing.T) {
	t.Parallel()
	w, sess, notes := groupWorld(t)
	volunteeredAction(t, w, sess, session.ActionPoint{Owner: "AppSec",
		Title: "Book the yearly pen test three months ahead, with the product teams, and feed its findings into the next sprint plans"}, "")
	b := w.openBoard(sess)
	b.waitDrawn("→ [medium · proposed] Book the yearly", "· owner AppSec · 1 volunteer")
	// The cursor starts on the first theme's line (pen tests ranks first); its
	// action point is the next row.
	b.press(tea.KeyDown)
	b.waitDrawn("enter read it whole")
	b.press(tea.KeyEnter)
	b.waitDrawn("Action point of “pen tests”", "into the next sprint plans", "owner AppSec", "volunteers: anonymous", "The theme's 2 notes:")
	v := b.view()
	requireFits(t, v)
	for _, n := range notes[:2] {
		if !strings.Contains(v, n.Text) {
			t.Errorf("the action point's reader does not show its theme's note %q:\n%s", n.Text, v)
		}
	}
}

// With an owner, a due date and a volunteer, a long action point's line at 80
// columns still shows its status, the owner, the due date and the start of its
// title: the title and the owner are cut down, then the due date within the year
// to come gives up its year, so that the count of volunteers stays; never the
// status.
func TestActionLineKeepsOwnerDueAndVolunteersAt80(t *testing.T) {
	t.Parallel()
	w, sess, _ := groupWorld(t)
	volunteeredAction(t, w, sess, session.ActionPoint{Owner: "Platform team",
		Title: "Agree a patch SLA per severity and publish it on the wiki for every team"}, "2027-01-15")
	b := w.openBoard(sess)
	b.waitDrawn("Agree a patch")
	v := b.view()
	requireFits(t, v)
	if l := lineWith(v, "Agree a patch"); !strings.Contains(l, "→ [medium · proposed] Agree a patch") ||
		!strings.Contains(l, "· owner Platf") || !strings.Contains(l, "· due 15 Jan · 1 vol.") {
		t.Errorf("the action line at 80 columns: %q", l)
	}
}

// An unselected action point's line at 80 columns keeps its status whole, whatever
// it is, beside its owner and due date: testers read "→ [high…] Assign an owner to
// every l… · owner Platform te… · due 2027-03-31", the status the facilitator
// scans the list for left out and the title kept long instead.
func TestActionLineKeepsItsStatusAt80(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		status    session.ActionStatus
		volunteer bool
		want      string
	}{
		{session.ActionProposed, false, "→ [high · proposed] Assign an owner… · owner Platform team · due 2027-03-31"},
		{session.ActionAccepted, false, "→ [high · accepted] Assign an owner… · owner Platform team · due 2027-03-31"},
		{session.ActionInProgress, false, "→ [high · in-progress] Assign an owner… · owner Platform … · due 2027-03-31"},
		{session.ActionInProgress, true, "→ [high · in-progress] Assign an owner… · owner Platform … · due 2027-03-31"},
	} {
		t.Run(fmt.Sprintf("%s volunteer=%v", c.status, c.volunteer), func(t *testing.T) {
			t.Parallel()
			w, sess, _ := groupWorld(t)
			ts, err := w.svc.Themes(w.ctx, sess.ID)
			if err != nil {
				t.Fatal(err)
			}
			a, err := w.svc.AddAction(w.ctx, session.ActionPoint{SessionID: sess.ID, ThemeID: ts[0].ID,
				Priority: session.PriorityHigh, Status: c.status, Owner: "Platform team",
				Title: "Assign an owner to every legacy service and record it in the catalogue"})
			if err != nil {
				t.Fatal(err)
			}
			if err := w.svc.SetActionDue(w.ctx, a.ID, "2027-03-31"); err != nil {
				t.Fatal(err)
			}
			w.setPhase(sess, session.PhaseVote)
			w.setPhase(sess, session.PhaseActions)
			if c.volunteer {
				ps, err := w.db.Participants(w.ctx, sess.ID)
				if err != nil {
					t.Fatal(err)
				}
				if err := w.svc.Volunteer(w.ctx, ps[0].ID, a.ID, true); err != nil {
					t.Fatal(err)
				}
			}
			b := w.openBoard(sess)
			b.waitDrawn(c.want)
			requireFits(t, b.view())
		})
	}
}

// volunteeredAction adds action point a (due on due, unless "") to groupWorld's
// "pen tests" theme, moves the session on to the actions phase and has its first
// participant volunteer for it anonymously.
func volunteeredAction(t *testing.T, w *world, sess *session.Session, a session.ActionPoint, due string) {
	t.Helper()
	ts, err := w.svc.Themes(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, th := range ts {
		if th.Label == "pen tests" {
			a.ThemeID = th.ID
		}
	}
	a.SessionID = sess.ID
	added, err := w.svc.AddAction(w.ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	if due != "" {
		if err := w.svc.SetActionDue(w.ctx, added.ID, due); err != nil {
			t.Fatal(err)
		}
	}
	w.setPhase(sess, session.PhaseVote)
	w.setPhase(sess, session.PhaseActions)
	ps, err := w.db.Participants(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.svc.Volunteer(w.ctx, ps[0].ID, added.ID, true); err != nil {
		t.Fatal(err)
	}
}

// A participant's line of a long action point keeps its volunteers, owner and due
// date in view at 80 columns, the title cut instead, where the list has no room to
// spare; selected, it shows whole. The line was cut at its end, and "· 1
// volunteer" was what went. Where every row fits with a second line, the line
// shows whole: a closed session's few action points read as "Share pen te…"
// above an empty screen (a program lead's trial).
func TestParticipantActionLineKeepsWhatFollowsTheTitle(t *testing.T) {
	t.Parallel()
	w, sess, _ := groupWorld(t)
	volunteeredAction(t, w, sess, session.ActionPoint{Owner: "Platform team",
		Title: "Agree a patch SLA per severity and publish it on the wiki for every team"}, "2027-01-15")
	ps, err := w.db.Participants(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	opt := tui.Options{KeyHash: ps[1].KeyHash, Code: sess.Code}
	roomy := w.open(opt)
	roomy.waitDrawn("Agree a patch SLA per severity and publish it on the wiki for", "every team · 1 volunteer · owner Platform team · due 2027-01-15")
	requireFits(t, roomy.view())

	// Nine lines leave the list no room for a second line of the action point.
	p := w.openSized(opt, 80, 9)
	p.waitDrawn("Agree a patch", "· 1 vol. · owner Platform te… · due 2027-01-15")
	v := p.view()
	requireFits(t, v)
	for _, l := range strings.Split(v, "\n") {
		if strings.Contains(l, "Agree a patch") && !strings.Contains(l, "…") {
			t.Errorf("the unselected line shows the title whole, or the tail is cut: %q", l)
		}
	}
}

// An owner's name in full does not leave a long title only a few words at 80
// columns: the owner is cut down first, so that the title keeps readableTitle
// cells (on the board, with the status whole beside it, 16). Testers read
// "Reserve 15% of e… · owner Head of Engineering" as nothing.
func TestActionLineKeepsAReadableTitleBesideALongOwner(t *testing.T) {
	t.Parallel()
	w, sess, _ := groupWorld(t)
	ts, err := w.svc.Themes(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	a, err := w.svc.AddAction(w.ctx, session.ActionPoint{SessionID: sess.ID, ThemeID: ts[0].ID, Owner: "Head of Engineering",
		Title: "Reserve 15% of each sprint for security debt, agreed with product owners"})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.svc.SetActionDue(w.ctx, a.ID, "2027-01-31"); err != nil {
		t.Fatal(err)
	}
	w.setPhase(sess, session.PhaseVote)
	w.setPhase(sess, session.PhaseActions)
	ps, err := w.db.Participants(w.ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	p := w.openSized(tui.Options{KeyHash: ps[1].KeyHash, Code: sess.Code}, 80, 9)
	p.waitDrawn("→ [proposed] Reserve 15% of each spr", "· owner Head of Eng… · due 2027-01-31")
	requireFits(t, p.view())
	b := w.openBoard(sess)
	b.waitDrawn("→ [medium · proposed] Reserve 15% of … · owner Head of En… · due 2027-01-31")
	requireFits(t, b.view())
}

// A short title needs no readableTitle cells: where the row with its status and
// the owner in full already shows the whole title (only the volunteers' names
// were too long), neither the status nor the owner is cut for room the title
// does not use (a review's finding).
func TestActionLineKeepsTheOwnerBesideAShortTitle(t *testing.T) {
	t.Parallel()
	w, sess, _ := groupWorld(t)
	volunteeredAction(t, w, sess, session.ActionPoint{Owner: "Platform team", Title: "Rotate API keys"}, "")
	b := w.openBoard(sess)
	b.waitDrawn("keys")
	for _, l := range strings.Split(b.view(), "\n") {
		if strings.Contains(l, "Rotate API keys") && !strings.Contains(l, "[medium · proposed] Rotate API keys · owner Platform team") {
			t.Errorf("status or owner cut beside a title shown whole: %q", l)
		}
	}
}

// A volunteer's selected action point too long for two lines is cut at the
// screen's edge, after its text, not after a run of the wrapped lines' indent
// ("owner Ana · due      …", a tester's finding at 80 columns).
func TestSelectedActionPointCutWithoutARunOfSpaces(t *testing.T) {
	t.Parallel()
	w, sess, _ := groupWorld(t)
	ts, _ := w.svc.Themes(w.ctx, sess.ID)
	a, err := w.svc.AddAction(w.ctx, session.ActionPoint{SessionID: sess.ID, ThemeID: ts[0].ID,
		Title: "Run a threat modelling workshop for every new service before its design review", Owner: "Ana"})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.svc.SetActionDue(w.ctx, a.ID, "2099-01-15"); err != nil {
		t.Fatal(err)
	}
	w.setPhase(sess, session.PhaseVote)
	w.setPhase(sess, session.PhaseActions)
	ps, _ := w.db.Participants(w.ctx, sess.ID)
	if err := w.svc.VolunteerAs(w.ctx, ps[0].ID, a.ID, "Bo"); err != nil {
		t.Fatal(err)
	}
	p := w.openAsParticipant(sess, ps[0])
	p.waitFor("you volunteered")
	p.press(tea.KeyDown)
	p.waitFor("▸    → ✓ you volunteered")
	v := p.view()
	requireFits(t, v)
	if strings.Contains(v, "   …") || !strings.Contains(v, "owner Ana · due 20") {
		t.Errorf("the selected action point is cut after a run of spaces:\n%s", v)
	}
}

// A closed session's long list of action points fills the screen while its heading
// is selected: room kept for a theme's notes, which the heading has none of, left
// six blank lines under "… 8 below" at 60x20. A theme selected shows its notes.
func TestClosedListFillsTheScreenUnderItsHeading(t *testing.T) {
	t.Parallel()
	w, sess, _ := groupWorld(t)
	ts, _ := w.svc.Themes(w.ctx, sess.ID)
	for i, th := range ts {
		for j := range 6 {
			if _, err := w.svc.AddAction(w.ctx, session.ActionPoint{SessionID: sess.ID, ThemeID: th.ID, Title: fmt.Sprintf("Action %d-%d for the theme", i, j)}); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, ph := range []session.Phase{session.PhaseVote, session.PhaseActions, session.PhaseClosed} {
		w.setPhase(sess, ph)
	}
	ps, _ := w.db.Participants(w.ctx, sess.ID)
	open := func() *term {
		p := w.openSized(tui.Options{KeyHash: ps[0].KeyHash, Code: sess.Code}, 60, 20)
		p.waitFor("You said, we did", "below")
		return p
	}
	p := open()
	v := p.view()
	if strings.Contains(v, "\n\n\n") {
		t.Errorf("blank lines under the list with its heading selected:\n%s", v)
	}
	requireFitsIn(t, v, 60, 20)
	p = open()
	p.press(tea.KeyDown)
	p.waitFor("In “")
}

// At 60 columns a ranked theme whose name fills the row keeps its score and
// votes in view, as the board's and the action points' rows do: the name is cut,
// and the selected row shows it whole. It read "#2 Security exceptions take a
// month and nobody says… · sc…".
func TestParticipantRankingKeepsTheScoreAt60Columns(t *testing.T) {
	t.Parallel()
	w, sess, _ := groupWorld(t)
	const name = "Security exceptions take a month and nobody says why"
	ts, _ := w.svc.Themes(w.ctx, sess.ID)
	if err := w.svc.RenameTheme(w.ctx, ts[1].ID, name); err != nil {
		t.Fatal(err)
	}
	// A list longer than the screen: a short one shows its cut rows whole.
	for i := range 12 {
		if _, err := w.svc.AddAction(w.ctx, session.ActionPoint{SessionID: sess.ID, ThemeID: ts[1].ID, Title: fmt.Sprintf("Action %d", i)}); err != nil {
			t.Fatal(err)
		}
	}
	w.setPhase(sess, session.PhaseVote)
	w.setPhase(sess, session.PhaseActions)
	ps, _ := w.db.Participants(w.ctx, sess.ID)
	p := w.openSized(tui.Options{KeyHash: ps[0].KeyHash, Code: sess.Code}, 60, 20)
	p.waitFor("Press v on an action point", "#2 ")
	v := p.view()
	row := lineWith(v, "#2 ")
	if !regexp.MustCompile(`· score \d+ · \d+ votes?$`).MatchString(strings.TrimSpace(row)) {
		t.Errorf("the ranked theme's row lost its score or votes: %q\n%s", row, v)
	}
	requireFitsIn(t, v, 60, 20)
}

// An action point with an owner, a due date and a volunteer keeps the count of
// volunteers on the board's cut line at 80 columns: the due date, within the year
// to come, gives up its year instead ("due 1 Feb"). The count went, and the line
// read as if nobody had volunteered (a program lead's walkthrough).
func TestBoardActionLineKeepsItsVolunteersBesideADueDate(t *testing.T) {
	t.Parallel()
	w, sess, _ := groupWorld(t) // the clock is 10 March 2026
	volunteeredAction(t, w, sess, session.ActionPoint{Owner: "AppSec team",
		Title: "Lightweight threat model template for every new service"}, "2027-02-01")
	b := w.openBoard(sess)
	b.waitDrawn("Lightweight")
	v := b.view()
	requireFits(t, v)
	l := lineWith(v, "Lightweight")
	if !strings.Contains(l, "→ [medium · proposed] Lightweight") || !strings.Contains(l, "· 1 vol.") || !strings.Contains(l, "due 1 Feb") {
		t.Errorf("the action line at 80 columns: %q\n%s", l, v)
	}
}

// On a narrow board the selected action point cut to three lines ends after its
// text, not after a run of the wrapped lines' indent: it read "the CTO · owner
// Head of        o…" at 40 columns (a review's finding).
func TestBoardSelectedActionPointCutWithoutARunOfSpaces(t *testing.T) {
	t.Parallel()
	w, sess, _ := groupWorld(t)
	volunteeredAction(t, w, sess, session.ActionPoint{Owner: "Head of operations",
		Title: "Propose a shared security tool budget to the CTO for the coming year"}, "")
	b := w.openBoardSized(sess, 44, 16)
	b.waitDrawn("Propose")
	b.press(tea.KeyDown)
	b.waitFor("▸    → [medium")
	v := b.view()
	requireFitsIn(t, v, 44, 16)
	if strings.Contains(v, "   …") || strings.Contains(v, "   o…") {
		t.Errorf("the selected action point is cut after a run of spaces:\n%s", v)
	}
}
