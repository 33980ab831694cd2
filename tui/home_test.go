package tui_test

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/tui"
)

// homeOrder is the sessions in the order the home screen lists them: by campaign.
func (w *world) homeOrder() []*session.Session {
	w.t.Helper()
	all, err := w.svc.Sessions(w.ctx)
	if err != nil {
		w.t.Fatal(err)
	}
	var out []*session.Session
	for _, c := range session.Campaigns(all) {
		out = append(out, c.Sessions...)
	}
	return out
}

// TestFacilitatorHomePagesAndSearches fills the home screen with more sessions than
// 24 lines hold: End, Home and PgDn move through them and / finds one by its title.
func TestFacilitatorHomePagesAndSearches(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	for i := range 30 {
		if i == 14 {
			w.newSession("Auditors Lisbon")
			continue
		}
		w.newSession(fmt.Sprintf("Session %02d", i+1))
	}
	order := w.homeOrder()
	s := w.open(tui.Options{Facilitator: true})
	s.waitFor("▸ " + order[0].Title)
	if s.everDrawn(order[len(order)-1].Title) {
		t.Errorf("the last of 30 sessions shows before scrolling")
	}

	s.press(tea.KeyEnd)
	s.waitFor("▸ " + order[len(order)-1].Title)
	s.press(tea.KeyHome)
	s.waitFor("▸ " + order[0].Title)
	// A page is the 16 rows a 24-line terminal shows: 18 lines of room (24 less
	// the title and heading and the key help), less the campaign's heading and
	// the line of what is above and below. The next page begins with the first
	// row not shown (18 skipped two).
	s.press(tea.KeyPgDown)
	s.waitFor("▸ " + order[16].Title)
	s.press(tea.KeyPgUp)
	s.waitFor("▸ " + order[0].Title)

	// The search takes every key while open: n is a letter here, not a new session.
	s.keys("/lisbon")
	s.waitFor("▸ Auditors Lisbon", "/lisbon")
	s.press(tea.KeyEnter)
	// Words no row has: a random join code can hold any run of letters ("zzz"
	// matched one in a run), never a space.
	s.keys("/no such")
	s.waitFor("No match for “no such”.")
	// esc goes back to where the search began.
	s.press(tea.KeyEsc)
	v := s.view()
	requireFits(t, v)
	if !strings.Contains(v, "▸ Auditors Lisbon") || strings.Contains(v, "· new session") {
		t.Errorf("after the searches, Auditors Lisbon is not selected on the home screen:\n%s", v)
	}
	if strings.Contains(v, "No match") {
		t.Errorf("esc leaves the search's message:\n%s", v)
	}
}

// At 80 columns every row of the home has the same fields in the same columns,
// the title cut rather than a field left out, and the audience in words: a row
// whose title said its place and audience left them out ("Security engineers,
// Berlin · no date yet · lobby") beside "Developers, Berlin · Berlin · no date yet
// · developers · lobby".
func TestHomeRowsKeepTheirFieldsInColumns(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	made := map[string]*session.Session{}
	for _, s := range []session.Session{
		{Title: "Security engineers, Berlin", Location: "Berlin", Audience: session.AudienceSecurityEngineers},
		{Title: "Developers, Berlin", Location: "Berlin", Audience: session.AudienceDevelopers},
		{Title: "Service owners and managers of the payments platform, Lisbon", Location: "Lisbon", Audience: session.AudienceServiceOwners},
		// Its title says neither its place nor its audience: their columns stay
		// (see TestHomeLeavesOutColumnsEveryTitleSays).
		{Title: "Platform", Location: "Porto", Audience: session.AudienceMixed},
	} {
		ss, err := w.svc.NewSession(w.ctx, s)
		if err != nil {
			t.Fatal(err)
		}
		made[ss.Title] = ss
	}
	codes := func() []string {
		var cs []string
		for _, ss := range made {
			cs = append(cs, ss.Code[:4]+"-"+ss.Code[4:])
		}
		return cs
	}()
	s := w.open(tui.Options{Facilitator: true})
	s.waitFor(codes...)
	v := s.view()
	requireFits(t, v)
	column := func(line, field string) int {
		i := strings.Index(line, field)
		if i < 0 {
			return -1
		}
		return len([]rune(line[:i]))
	}
	want := map[string]int{}
	for title, ss := range made {
		l := lineWith(v, ss.Code[:4]+"-"+ss.Code[4:])
		if !strings.HasPrefix(strings.TrimLeft(l, "▸ "), strings.Fields(title)[0]) {
			t.Errorf("the row of %q does not start with its title: %q", title, l)
		}
		fields := map[string]string{"audience": ss.Audience.Title(), "phase": "lobby", "code": ss.Code[:4] + "-" + ss.Code[4:], "day": "no date yet"}
		if ss.Location != "" {
			fields["place"] = ss.Location
		}
		for name, f := range fields {
			c := column(l, "  "+f)
			if c < 0 {
				t.Errorf("the row of %q lacks its %s %q: %q", title, name, f, l)
				continue
			}
			if at, ok := want[name]; ok && at != c {
				t.Errorf("the %s of %q is at column %d, another row's at %d:\n%s", name, title, c, at, v)
			}
			want[name] = c
		}
		if strings.Contains(l, string(ss.Audience)) && strings.Contains(string(ss.Audience), "-") {
			t.Errorf("the row of %q names its audience by its key: %q", title, l)
		}
	}
	if l := lineWith(v, "Platform"); !strings.Contains(l, "Platform  ") {
		t.Errorf("a short title was cut: %q", l)
	}
}

// At 80x24 a home list of two campaigns that does not fit keeps its headings on
// screen and says how many sessions are above and below the rows shown.
func TestHomeSaysWhatIsAboveAndBelow(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	for _, c := range []string{"Chartering 2026", "Chartering 2027"} {
		for i := range 9 {
			if _, err := w.svc.NewSession(w.ctx, session.Session{Title: fmt.Sprintf("%s session %d", c[11:], i+1),
				Audience: session.AudienceDevelopers, Campaign: c}); err != nil {
				t.Fatal(err)
			}
		}
	}
	order := w.homeOrder()
	s := w.open(tui.Options{Facilitator: true})
	s.waitFor("▸ "+order[0].Title, "below")
	s.press(tea.KeyEnd)
	s.waitFor("▸ "+order[len(order)-1].Title, "above")
	s.press(tea.KeyHome)
	s.waitFor("▸ " + order[0].Title)
	v := s.view()
	requireFits(t, v)
	if !strings.Contains(v, order[0].Campaign) {
		t.Errorf("the first session's campaign heading is off screen:\n%s", v)
	}
	if !strings.Contains(v, "below") {
		t.Errorf("a cut list does not say sessions are below:\n%s", v)
	}
}

// At 60 columns a row still shows the session's join code whole, and its title:
// "▸ Ops sessi… · Berlin · 6 Dec · developers · group · WJ5S-N…" cut both, the
// code the facilitator reads out to the room. The audience gives way first, in
// every row alike.
func TestHomeRowKeepsTheCodeWhenNarrow(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ops := w.newSession("Ops session")
	pay := w.newSession("Payments chartering")
	s := w.openSized(tui.Options{Facilitator: true}, 60, 20)
	s.waitFor(ops.Code[:4]+"-"+ops.Code[4:], pay.Code[:4]+"-"+pay.Code[4:])
	v := s.view()
	requireFitsIn(t, v, 60, 20)
	for _, ss := range []*session.Session{ops, pay} {
		l := lineWith(v, ss.Title)
		c := ss.Code[:4] + "-" + ss.Code[4:]
		if !strings.Contains(l, c) || !strings.Contains(l, "  lobby  ") || !strings.Contains(l, "  Berlin  ") {
			t.Errorf("the row of %q lacks its place, phase or code %s at 60 columns: %q\n%s", ss.Title, c, l, v)
		}
	}
}

// At 40 columns, the narrowest the screens are drawn for, a row keeps the code
// whole too, the day giving way after the audience and the place: "▸ Developer… ·
// 10 Mar · write · 9HBN-53…" cut it.
func TestHomeRowKeepsTheCodeAtForty(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess := w.newSession("Developers Berlin")
	s := w.openSized(tui.Options{Facilitator: true}, 40, 20)
	c := sess.Code[:4] + "-" + sess.Code[4:]
	s.waitFor(c)
	v := s.view()
	requireFitsIn(t, v, 40, 20)
	if l := lineWith(v, c); !strings.Contains(l, "  lobby  ") || !strings.Contains(l, "Developer") {
		t.Errorf("the row lacks its code %s at 40 columns: %q\n%s", c, l, v)
	}
}

// The edit form shows a session's title whole where the screen has room: its
// box was 40 columns wide whatever the screen, and a title of 48 characters
// opened scrolled to its end, "engineers Berlin with a long title here".
func TestEditFormShowsALongTitleWhole(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	const title = "Security engineers Berlin with a long title here"
	w.newSession(title)
	s := w.open(tui.Options{Facilitator: true})
	s.waitFor("▸ Security")
	s.keys("e")
	s.waitFor("edit session")
	v := s.view()
	if !strings.Contains(v, title) {
		t.Errorf("the edit form does not show the title whole:\n%s", v)
	}
}

// The edit form of a session given no day says which day it counts as held: the
// day it was created, not "today", which on a later day would be another one.
func TestEditFormOfAnUndatedSessionNamesTheDayItWasCreated(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	sess, err := w.svc.NewSession(w.ctx, session.Session{Title: "Developers Berlin", Audience: session.AudienceDevelopers})
	if err != nil {
		t.Fatal(err)
	}
	s := w.open(tui.Options{Facilitator: true})
	s.waitFor("Developers Berlin")
	s.keys("e")
	s.waitFor("edit session")
	v := s.view()
	if want := "optional: " + sess.Day().Format(session.DateLayout) + ", the day it was created"; !strings.Contains(v, want) || strings.Contains(v, "optional: today") {
		t.Errorf("the date field does not say %q:\n%s", want, v)
	}
	requireFits(t, v)
}

// At 40x14 the home showed one session and blank lines below it, and nothing said
// more sessions were below: the rows fill what the screen has, and a cut list says
// so.
func TestFacilitatorHomeFillsAShortScreen(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	for i := range 12 {
		w.newSession(fmt.Sprintf("Session %02d", i+1))
	}
	order := w.homeOrder()
	s := w.openSized(tui.Options{Facilitator: true}, 40, 14)
	s.waitFor("▸ " + order[0].Title)
	v := s.view()
	requireFitsIn(t, v, 40, 14)
	rows := strings.Count(v, "  Session ") + strings.Count(v, "▸ Session ")
	if rows < 4 {
		t.Errorf("%d sessions in view at 40x14, want 4 or more:\n%s", rows, v)
	}
	if !strings.Contains(v, fmt.Sprintf("%d below", len(order)-rows)) {
		t.Errorf("the list is cut and nothing says how many sessions are below:\n%s", v)
	}
}

// Rows of sessions titled alike can be told apart at 80 columns and at 40: a
// title is cut in its middle, keeping its end, where such titles differ, and an
// online session held nowhere in particular says "online" where its place is.
// Four rows read "Security enginee…" beside an empty place.
func TestHomeTellsSessionsTitledAlikeApart(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	var online []*session.Session
	for i := range 3 {
		ss, err := w.svc.NewSession(w.ctx, session.Session{Title: fmt.Sprintf("Security engineers online %d", i+1),
			Audience: session.AudienceSecurityEngineers, Mode: session.ModeOnline, Campaign: "Chartering 2026"})
		if err != nil {
			t.Fatal(err)
		}
		online = append(online, ss)
	}
	var berlin []*session.Session
	for _, place := range []string{"Berlin", "berlin"} {
		ss, err := w.svc.NewSession(w.ctx, session.Session{Title: "Developers, Berlin", Location: place,
			Audience: session.AudienceDevelopers, Campaign: "Chartering 2026"})
		if err != nil {
			t.Fatal(err)
		}
		berlin = append(berlin, ss)
	}
	// title is a row's title as shown: what is before the first gap of two.
	title := func(row string) string {
		cell, _, _ := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(row, "▸"), "  "), "  ")
		return strings.TrimSpace(cell)
	}
	for _, size := range [][2]int{{termW, termH}, {40, 14}} {
		s := w.openSized(tui.Options{Facilitator: true}, size[0], size[1])
		s.waitFor(code(online[0].Code))
		v := s.view()
		requireFitsIn(t, v, size[0], size[1])
		seen := map[string]string{}
		for i, ss := range online {
			l := lineWith(v, code(ss.Code))
			if l == "" {
				continue // below, at 40x14
			}
			tt := title(l)
			if !strings.HasSuffix(tt, fmt.Sprint(" ", i+1)) {
				t.Errorf("at %dx%d the row of %q lost the end of its title: %q", size[0], size[1], ss.Title, l)
			}
			if other, ok := seen[tt]; ok {
				t.Errorf("at %dx%d the rows of %q and %q show the same title %q:\n%s", size[0], size[1], ss.Title, other, tt, v)
			}
			seen[tt] = ss.Title
			if size[0] == termW && !strings.Contains(l, "online") {
				t.Errorf("the row of an online session does not say it is online: %q", l)
			}
		}
		if size[0] == termW {
			for _, ss := range berlin {
				// Whole: every title says its place, so no place column takes its room.
				if l := lineWith(v, code(ss.Code)); title(l) != ss.Title {
					t.Errorf("the row of %q in %s: %q", ss.Title, ss.Location, l)
				}
			}
		}
	}
}

// code is a join code as the screens show it, XXXX-XXXX.
func code(c string) string { return c[:4] + "-" + c[4:] }

// A column that every row's title says already is left out of every row, and the
// titles take its room: "Service owners Berlin" was cut to "Service… Berlin"
// beside a place column saying Berlin, and two such rows could not be told
// apart. A title that says its place only inside another word ("Portofino" for
// Porto) does not say it: the column comes back for every row.
func TestHomeLeavesOutColumnsEveryTitleSays(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	for _, s := range []session.Session{
		{Title: "Service owners Berlin", Location: "Berlin", Audience: session.AudienceServiceOwners},
		{Title: "Service owners Hamburg", Location: "hamburg", Audience: session.AudienceServiceOwners},
		{Title: "Security engineers Amsterdam", Location: "Amsterdam", Audience: session.AudienceSecurityEngineers},
	} {
		if _, err := w.svc.NewSession(w.ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	s := w.open(tui.Options{Facilitator: true})
	s.waitFor("Service owners Berlin", "Service owners Hamburg", "Security engineers Amsterdam")
	v := s.view()
	requireFits(t, v)
	for _, word := range []string{"Berlin", "hamburg", "Amsterdam", "service owners", "security engineers"} {
		if strings.Contains(v, "  "+word+"  ") {
			t.Errorf("a column says %q, which every title says:\n%s", word, v)
		}
	}
	if _, err := w.svc.NewSession(w.ctx, session.Session{Title: "Developers Portofino", Location: "Porto", Audience: session.AudienceDevelopers}); err != nil {
		t.Fatal(err)
	}
	s = w.open(tui.Options{Facilitator: true})
	s.waitFor("Developers Portofino")
	v = s.view()
	requireFits(t, v)
	if l := lineWith(v, "Portofino"); !strings.Contains(l, "  Porto  ") {
		t.Errorf("the place column is left out though one title does not say its place: %q\n%s", l, v)
	}
	if l := lineWith(v, "Amsterdam"); !strings.Contains(l, "  Amsterdam  ") {
		t.Errorf("with the place column back, a row lacks its place: %q", l)
	}
	// With both columns back the titles are cut; one that ends in the place
	// beside it is cut at its end, keeping the words that tell it apart: it read
	// "Sec… Amsterdam  Amsterd…" (found trying it).
	if _, err := w.svc.NewSession(w.ctx, session.Session{Title: "Platform crew", Location: "Porto", Audience: session.AudienceMixed}); err != nil {
		t.Fatal(err)
	}
	s = w.open(tui.Options{Facilitator: true})
	s.waitFor("Platform crew")
	v = s.view()
	requireFits(t, v)
	l := lineWith(v, "Amsterd")
	cell, _, _ := strings.Cut(strings.TrimLeft(l, "▸ "), "  ")
	if !strings.HasPrefix(cell, "Security eng") || strings.Contains(cell, "Amsterdam") {
		t.Errorf("the title ending in the place beside it is cut to %q: %q\n%s", cell, l, v)
	}
}

// Titles of one length that differ only in their middle are cut so that their
// rows still tell them apart, at 80 columns and at 40: "Developers Berlin, 1
// March 2027" and "Developers Munich, 1 March 2027" were both "Developers… 1
// March 2027" (and "Developers… 1 March" at 40), the part they differ in cut
// away.
func TestHomeKeepsWhereTitlesDiffer(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	var made []*session.Session
	for _, s := range []session.Session{
		{Title: "Developers Berlin, 1 March 2027", Location: "Berlin"},
		{Title: "Developers Munich, 1 March 2027", Location: "Munich"},
		{Title: "Developers Hamburg, 1 March 2027", Location: "Hamburg"},
		// Its title does not say its place: the place column stays, and the
		// titles are cut at 80 columns too.
		{Title: "Platform crew", Location: "Porto"},
	} {
		s.Audience, s.Campaign = session.AudienceDevelopers, "Spring 2027"
		ss, err := w.svc.NewSession(w.ctx, s)
		if err != nil {
			t.Fatal(err)
		}
		made = append(made, ss)
	}
	for _, size := range [][2]int{{termW, termH}, {40, 14}} {
		s := w.openSized(tui.Options{Facilitator: true}, size[0], size[1])
		s.waitFor(code(made[0].Code))
		v := s.view()
		requireFitsIn(t, v, size[0], size[1])
		seen := map[string]string{}
		for _, ss := range made[:3] {
			l := lineWith(v, code(ss.Code))
			cell, _, _ := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(l, "▸"), "  "), "  ")
			cell = strings.TrimSpace(cell)
			if cell == ss.Title {
				t.Errorf("at %dx%d the title %q is not cut, and the test tells nothing: %q", size[0], size[1], ss.Title, l)
			}
			// The row without its code: the title, and the place beside it
			// where the place column is shown.
			row, _, _ := strings.Cut(l, code(ss.Code))
			if !strings.Contains(row, ss.Location) {
				t.Errorf("at %dx%d the row of %q lost where the titles differ, %q: %q\n%s", size[0], size[1], ss.Title, ss.Location, l, v)
			}
			if n := strings.Count(row, ss.Location); n > 1 {
				t.Errorf("at %dx%d the row of %q says %q %d times: %q", size[0], size[1], ss.Title, ss.Location, n, l)
			}
			if other, ok := seen[row]; ok {
				t.Errorf("at %dx%d the rows of %q and %q read the same %q:\n%s", size[0], size[1], ss.Title, other, row, v)
			}
			seen[row] = ss.Title
		}
	}
}

// Titles that end in their place, beside a place column that says it, are cut at
// their end as before: the column tells the rows apart, and keeping the title's
// place as well said it twice ("Security… Berlin  Berlin").
func TestHomeTitlesBesideTheirPlaceAreNotKeptToIt(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	var made []*session.Session
	for _, s := range []session.Session{
		{Title: "Security champions workshop Berlin", Location: "Berlin"},
		{Title: "Security champions workshop Munich", Location: "Munich"},
		// Its title does not say its place: the place column stays.
		{Title: "Platform crew", Location: "Porto"},
	} {
		s.Audience, s.Campaign = session.AudienceSecurityEngineers, "Spring 2027"
		ss, err := w.svc.NewSession(w.ctx, s)
		if err != nil {
			t.Fatal(err)
		}
		made = append(made, ss)
	}
	s := w.openSized(tui.Options{Facilitator: true}, termW, termH)
	s.waitFor(code(made[0].Code))
	v := s.view()
	for _, ss := range made[:2] {
		l := lineWith(v, code(ss.Code))
		if !strings.Contains(l, "Security champion") {
			t.Errorf("the row of %q lost its title's start: %q", ss.Title, l)
		}
		if n := strings.Count(l, ss.Location); n != 1 {
			t.Errorf("the row of %q says %q %d times, want once (the place column): %q", ss.Title, ss.Location, n, l)
		}
	}
}
