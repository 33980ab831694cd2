package report_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charter-tool/charter/internal/notesets"
	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/report"
)

// campaignPlan is a synthetic campaign of nine sessions. Each lists the gold themes of
// the development notes it hears, by their order of first appearance in the file;
// every gold theme is heard in three sessions, four notes each time. Early sessions
// raise many new themes and the last three none, so saturation shows. The last
// session is not grouped yet, so the report has to cluster it.
var campaignPlan = []struct {
	title, location string
	audience        session.Audience
	mode            session.Mode
	people          int
	themes          []int
	grouped         bool
}{
	{"Security engineers Berlin", "Berlin", session.AudienceSecurityEngineers, session.ModeInPerson, 5, []int{0, 1, 2, 3, 4, 5, 6, 7}, true},
	{"Developers Berlin", "Berlin", session.AudienceDevelopers, session.ModeInPerson, 6, []int{8, 9, 10, 0, 1}, true},
	{"Developers Lisbon", "Lisbon", session.AudienceDevelopers, session.ModeInPerson, 5, []int{11, 12, 2, 3, 4}, true},
	{"Security engineers online", "", session.AudienceSecurityEngineers, session.ModeOnline, 4, []int{13, 5, 6, 7, 8}, true},
	{"Developers Porto", "Porto", session.AudienceDevelopers, session.ModeInPerson, 5, []int{14, 9, 10, 11, 12}, true},
	{"Developers online", "", session.AudienceDevelopers, session.ModeOnline, 5, []int{0, 1, 2, 13, 14}, true},
	{"Security engineers Lyon", "Lyon", session.AudienceSecurityEngineers, session.ModeInPerson, 4, []int{3, 4, 5, 6, 9}, true},
	{"Developers Lyon", "Lyon", session.AudienceDevelopers, session.ModeInPerson, 5, []int{7, 8, 10, 11, 12}, true},
	{"Security engineers Lisbon", "Lisbon", session.AudienceSecurityEngineers, session.ModeInPerson, 4, []int{13, 14}, false},
}

// Values the fixture gives to fewer than session.MinSegment participants, and text
// it plants.
const (
	rareTenure        = "<1y"
	rareLevel         = "platinum"
	campaignName      = "Chartering 2026"
	hostileAction     = "| split | <b>bold</b> # heading"
	campaignVolunteer = "Rosa"
	// returning people take part in two sessions with the same key.
	returning = 2
)

// campaign is the fixture: its service, its sessions' IDs in plan order, the gold
// theme of every note, and the names of participants who did not volunteer.
type campaign struct {
	svc        *session.Service
	ids        []string
	gold       map[int64]string
	goldOrder  []string
	volunteers []string
	others     []string
}

// profileFor gives person k, the jth of session i, a profile: the people of a
// session share theirs, those of the second session three and three, so that
// sessions have groups large enough to show; the rare answers break that up.
func profileFor(i, j, k int) session.Profile {
	var p session.Profile
	g := i
	if i == 1 && j >= 3 {
		g++
	}
	switch {
	case k == 4 || k == 20:
		p.Tenure = rareTenure
	case g%3 == 0:
		p.Tenure = ">3y"
	case g%3 == 1:
		p.Tenure = "1-3y"
	}
	p.Appointment = session.Appointments[g%2]
	p.Level = session.Levels[g%3]
	if k == 7 || k == 30 {
		p.Level = rareLevel
	}
	return p
}

// mustCampaign returns the campaign over a database of the test's own: a copy of the
// one built for the first test that asked.
func mustCampaign(t testing.TB) *campaign {
	t.Helper()
	svc, built := shared(t, "campaign", func(svc *session.Service) *campaign { return buildCampaign(t, svc) })
	c := *built
	c.svc = svc
	return &c
}

func buildCampaign(t testing.TB, svc *session.Service) *campaign {
	t.Helper()
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	notes := readDevNotes(t)
	c := &campaign{svc: svc, gold: map[int64]string{}}
	byGold := map[string][]notesets.Note{}
	for _, n := range notes {
		if byGold[n.Theme] == nil {
			c.goldOrder = append(c.goldOrder, n.Theme)
		}
		byGold[n.Theme] = append(byGold[n.Theme], n)
	}
	heard := map[int]int{}
	k := 0
	for i, plan := range campaignPlan {
		// Held on the day the report is given below (campaignData), a week apart:
		// due dates are checked against it.
		day := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC).AddDate(0, 0, 7*i)
		sess, err := svc.NewSession(ctx, session.Session{Title: plan.title, Audience: plan.audience, Location: plan.location,
			Campaign: campaignName, Mode: plan.mode, Date: day.Format(session.DateLayout)})
		must(err)
		c.ids = append(c.ids, sess.ID)
		phase := func(ph session.Phase) {
			t.Helper()
			_, err := svc.SetPhase(ctx, sess.ID, ph)
			must(err)
		}
		var people []*session.Participant
		for j := 0; j < plan.people; j++ {
			key := fmt.Sprintf("key-%d", k)
			if i == 5 && j < returning {
				// Two people of "Developers Berlin" come back with the same keys.
				key = fmt.Sprintf("key-%d", 5+j)
			}
			p, err := svc.Join(ctx, sess.ID, key)
			must(err)
			must(svc.SetNameAndProfile(ctx, p, fmt.Sprintf("Person%02d", k), profileFor(i, j, k)))
			people = append(people, p)
			k++
		}
		phase(session.PhaseCheckIn)
		for j, p := range people {
			if j == len(people)-1 && i%3 == 2 {
				continue // one who does not rate
			}
			rating := 1 + (i+j)%4
			if plan.audience == session.AudienceSecurityEngineers {
				rating = 3 + (i+j)%3
			}
			must(svc.Rate(ctx, p.ID, rating))
		}
		phase(session.PhaseWrite)
		j := 0
		for _, g := range plan.themes {
			chunk := heard[g]
			heard[g]++
			for _, n := range byGold[c.goldOrder[g]][4*chunk : 4*chunk+4] {
				note, err := svc.AddNote(ctx, people[j%len(people)].ID, session.Note{Area: session.Area(n.Area), Lane: n.Lane, Text: n.Text, Activity: activityFor(n)})
				must(err)
				c.gold[note.ID] = n.Theme
				j++
			}
		}
		phase(session.PhaseReveal)
		if !plan.grouped {
			for _, p := range people {
				c.others = append(c.others, p.Name)
			}
			continue
		}
		phase(session.PhaseGroup)
		suggested, err := svc.SuggestThemes(ctx, sess.ID)
		must(err)
		must(svc.SaveThemes(ctx, sess.ID, suggested))
		themes, err := svc.Themes(ctx, sess.ID)
		must(err)

		phase(session.PhaseVote)
		for j, p := range people {
			for d := 0; d < 3; d++ {
				must(svc.Vote(ctx, p.ID, themes[(j+d)%len(themes)].ID, 1))
			}
		}

		phase(session.PhaseActions)
		acts := []session.ActionPoint{
			{ThemeID: themes[0].ID, Title: fmt.Sprintf("Follow up on %s", themes[0].Label), Priority: 1 + i%3, Owner: "AppSec team",
				Status: session.ActionStatuses[i%len(session.ActionStatuses)]},
		}
		if i == 1 {
			acts = append(acts, session.ActionPoint{ThemeID: themes[1].ID, Title: hostileAction, Priority: 2},
				session.ActionPoint{Title: "Share the campaign report with all teams", Priority: 3, Owner: "Program lead"})
		}
		for _, a := range acts {
			a.SessionID = sess.ID
			got, err := svc.AddAction(ctx, a)
			must(err)
			if i%2 == 1 {
				must(svc.SetActionDue(ctx, got.ID, fmt.Sprintf("2026-0%d-30", 5+i%4)))
			}
			if i%4 == 0 {
				must(svc.VolunteerAs(ctx, people[0].ID, got.ID, people[0].Name))
				must(svc.VolunteerAs(ctx, people[1].ID, got.ID, people[1].Name))
				c.volunteers = append(c.volunteers, people[0].Name, people[1].Name)
			}
		}
		for _, p := range people {
			if !slices.Contains(c.volunteers, p.Name) {
				c.others = append(c.others, p.Name)
			}
		}
		if i < 6 {
			phase(session.PhaseClosed)
		}
	}
	return c
}

// load loads the campaign with session IDs and dates fixed: a session a week from
// 2 March 2026, in plan order.
func (c *campaign) load(t testing.TB) []*report.Data {
	t.Helper()
	ds, err := report.LoadCampaign(context.Background(), c.svc, campaignName)
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != len(campaignPlan) {
		t.Fatalf("loaded %d sessions, want %d", len(ds), len(campaignPlan))
	}
	for _, d := range ds {
		i := slices.Index(c.ids, d.Session.ID)
		d.Session.ID = fmt.Sprintf("campaign-s%d", i+1)
		d.Session.CreatedAt = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC).AddDate(0, 0, 7*i)
	}
	return ds
}

func renderCampaign(t testing.TB, f *report.CampaignFindings) (md, js string) {
	t.Helper()
	var a, b bytes.Buffer
	if err := f.WriteMarkdown(&a); err != nil {
		t.Fatal(err)
	}
	if err := f.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	return a.String(), b.String()
}

func TestCampaign(t *testing.T) {
	t.Parallel()
	c := mustCampaign(t)
	f := report.BuildCampaign(campaignName, c.load(t))
	md, js := renderCampaign(t, f)

	t.Run("golden", func(t *testing.T) {
		var csv, html bytes.Buffer
		if err := f.WriteCSV(&csv); err != nil {
			t.Fatal(err)
		}
		if err := f.WriteHTML(&html); err != nil {
			t.Fatal(err)
		}
		checkGolden(t, map[string]string{"campaign.golden.md": md, "campaign.golden.json": js,
			"campaign.golden.csv": csv.String(), "campaign.golden.html": html.String()})
	})

	t.Run("sessions in date order with counts", func(t *testing.T) {
		if len(f.Sessions) != 9 || f.From != "2026-03-02" || f.To != "2026-04-27" {
			t.Fatalf("%d sessions from %s to %s", len(f.Sessions), f.From, f.To)
		}
		notes, people := 0, 0
		for i, s := range f.Sessions {
			plan := campaignPlan[i]
			if s.Title != plan.title || s.Participants != plan.people || s.Notes != 4*len(plan.themes) || s.Clustered == plan.grouped {
				t.Errorf("session %d = %+v, want %q with %d people, %d notes", i+1, s, plan.title, plan.people, 4*len(plan.themes))
			}
			notes += s.Notes
			people += s.Participants
		}
		if notes != 180 || f.Notes != 180 || f.Participations != people || f.Participants != people-returning {
			t.Errorf("totals: %d notes, %d participants in %d participations", f.Notes, f.Participants, f.Participations)
		}
	})

	t.Run("saturation", func(t *testing.T) {
		// New gold themes per session, from the plan alone.
		seen := map[int]bool{}
		var goldNew []int
		for _, plan := range campaignPlan {
			n := 0
			for _, g := range plan.themes {
				if !seen[g] {
					seen[g] = true
					n++
				}
			}
			goldNew = append(goldNew, n)
		}
		steps := f.Saturation.Steps
		if len(steps) != len(goldNew) {
			t.Fatalf("%d steps", len(steps))
		}
		sum := 0
		var got []int
		for i, s := range steps {
			sum += s.New
			got = append(got, s.New)
			if s.Cumulative != sum || s.Session != i+1 {
				t.Errorf("step %d: %+v, cumulative should be %d", i+1, s, sum)
			}
			if i > 0 && s.New > steps[0].New {
				t.Errorf("session %d brought %d new themes, more than the first (%d)", i+1, s.New, steps[0].New)
			}
		}
		if sum != len(f.Themes) {
			t.Errorf("new themes add up to %d, campaign has %d", sum, len(f.Themes))
		}
		early, late := 0, 0
		for i := range got {
			if i < 3 {
				early += got[i]
			} else if i >= 6 {
				late += got[i]
			}
		}
		t.Logf("new themes per session %v, from the gold labels %v", got, goldNew)
		if early < 3*late || late > 3 {
			t.Errorf("new themes per session %v: want most early and few late (gold: %v)", got, goldNew)
		}
		// The verdict judges each audience by its own sessions: what the last of
		// them brought that the audience's earlier ones had not, read here from
		// the sessions each campaign theme lists.
		first := map[string]map[int]int{} // audience, campaign theme: its first session
		last := map[string]int{}
		for _, cs := range f.Sessions {
			if cs.Notes > 0 {
				last[cs.Audience] = max(last[cs.Audience], cs.Number)
			}
		}
		for _, th := range f.Themes {
			for _, st := range th.SessionThemes {
				a := f.Sessions[st.Session-1].Audience
				if first[a] == nil {
					first[a] = map[int]int{}
				}
				if n := first[a][th.ID]; n == 0 || st.Session < n {
					first[a][th.ID] = st.Session
				}
			}
		}
		if len(first) != 2 {
			t.Fatalf("themes of %d audiences, want 2", len(first))
		}
		for a, byTheme := range first {
			brought := 0
			for _, n := range byTheme {
				if n == last[a] {
					brought++
				}
			}
			// The audience's sentence, up to the next audience's.
			words := session.Audience(a).Title()
			_, said, _ := strings.Cut(f.Saturation.Verdict, "For "+words+", ")
			said, _, _ = strings.Cut(said, " For ")
			if !strings.Contains(said, fmt.Sprintf("S%d) ", last[a])) || !strings.Contains(said, fmt.Sprintf("(of the %d themes %s raised)", len(byTheme), words)) ||
				strings.Contains(said, "still brought") && !strings.Contains(said, fmt.Sprintf("still brought %d ", brought)) {
				t.Errorf("verdict %q: for %s, want its last session S%d, which brought %d of the %d themes it raised", f.Saturation.Verdict, a, last[a], brought, len(byTheme))
			}
		}
		if !strings.Contains(md, f.Saturation.Verdict) {
			t.Errorf("the Markdown does not say the verdict %q", f.Saturation.Verdict)
		}
		for _, s := range steps {
			line := fmt.Sprintf("S%-2d %s | %-*s %2d new (%d)\n", s.Session, s.Date, slices.Max(got), strings.Repeat("#", s.New), s.New, s.Cumulative)
			if !strings.Contains(md, line) {
				t.Errorf("chart lacks %q", line)
			}
		}
	})

	t.Run("themes matched across sessions", func(t *testing.T) {
		themeOf := map[int64]int{}
		for _, th := range f.Themes {
			for _, id := range th.NoteIDs {
				if _, dup := themeOf[id]; dup {
					t.Fatalf("note %d in two campaign themes", id)
				}
				themeOf[id] = th.ID
			}
		}
		if len(themeOf) != 180 {
			t.Fatalf("%d of 180 notes in a campaign theme", len(themeOf))
		}
		count := map[string]map[int]int{}
		for id, g := range c.gold {
			if count[g] == nil {
				count[g] = map[int]int{}
			}
			count[g][themeOf[id]]++
		}
		together := 0
		for _, g := range c.goldOrder {
			most := 0
			for _, n := range count[g] {
				most = max(most, n)
			}
			if most*10 >= 6*12 {
				together++
			} else {
				t.Logf("gold theme %s spread over campaign themes %v", g, count[g])
			}
		}
		// Sessions' own clustering splits some gold themes before matching sees them;
		// at MatchThreshold 10 of 15 stay together.
		if together < 9 {
			t.Errorf("%d of 15 gold themes have at least 60%% of their notes in one campaign theme, want at least 9", together)
		}
		if n := len(f.Themes); n < 12 || n > 30 {
			t.Errorf("%d campaign themes for 15 gold themes", n)
		}
		multi := 0
		for _, th := range f.Themes {
			if th.Sessions >= 2 {
				multi++
			}
			if th.Sessions > 1 && len(th.Locations) == 0 && len(th.Audiences) == 0 {
				t.Errorf("theme %q has no locations or audiences", th.Label)
			}
		}
		if multi < 10 {
			t.Errorf("only %d campaign themes raised in more than one session", multi)
		}
	})

	t.Run("ranked by the documented score", func(t *testing.T) {
		for i, th := range f.Themes {
			if want := 5*(th.Sessions-1) + 3*th.Votes + 2*th.Participants + th.Notes; th.Score != want || th.Rank != i+1 {
				t.Errorf("theme %q: score %d rank %d, want %d rank %d", th.Label, th.Score, th.Rank, want, i+1)
			}
			if i > 0 && th.Score > f.Themes[i-1].Score {
				t.Errorf("theme %q ranked below a lower score", th.Label)
			}
		}
		// The formula as a campaign counts its people: in each session theme,
		// summed (a person in two sessions counts in each).
		if !strings.Contains(md, f.Method) || !strings.Contains(f.Method, "2 × people (distinct within each session theme, summed)") {
			t.Errorf("the document does not state the formula as the campaign counts: %q", f.Method)
		}
	})

	t.Run("audiences", func(t *testing.T) {
		if len(f.Audiences) != 2 || f.Audiences[0].Audience != "security-engineers" || f.Audiences[1].Audience != "developers" {
			t.Fatalf("audiences %+v", f.Audiences)
		}
		sec, dev := f.Audiences[0].Confidence, f.Audiences[1].Confidence
		if sec == nil || dev == nil || sec.Mean <= dev.Mean {
			t.Fatalf("confidence: security engineers %+v, developers %+v", sec, dev)
		}
		for _, a := range f.Audiences {
			for _, id := range a.OnlyHere {
				for _, th := range f.Themes {
					if th.ID == id && !slices.Equal(th.Audiences, []string{a.Audience}) {
						t.Errorf("%q listed as only %s but raised by %v", th.Label, a.Audience, th.Audiences)
					}
				}
			}
			if len(a.OnlyHere) == 0 {
				t.Errorf("no theme raised only by %s", a.Audience)
			}
		}
	})

	t.Run("segments under three never shown", func(t *testing.T) {
		for _, doc := range []string{md, js} {
			for _, rare := range []string{rareLevel, rareTenure, report.Escape(rareTenure), "\\u003c1y"} {
				if strings.Contains(doc, rare) {
					t.Errorf("document names the segment %q", rare)
				}
			}
		}
		for _, b := range f.Segments {
			for _, s := range b.Segments {
				if s.Participations < session.MinSegment {
					t.Errorf("%s: segment %q of %d shown", b.By, s.Value, s.Participations)
				}
			}
			if b.Other != nil && b.Other.Participations < session.MinSegment {
				t.Errorf("%s: other of %d shown", b.By, b.Other.Participations)
			}
		}
		if !strings.Contains(md, "| >3y |") && !strings.Contains(md, "| &gt;3y |") {
			t.Error("a large segment is missing")
		}
		if !strings.Contains(md, "| online | ") || !strings.Contains(md, "| in-person | ") {
			t.Error("modes are not broken down")
		}
	})

	t.Run("no names but volunteers", func(t *testing.T) {
		for _, doc := range []string{md, js} {
			for _, name := range c.others {
				if strings.Contains(doc, name) {
					t.Errorf("document names participant %q", name)
				}
			}
			for _, name := range c.volunteers {
				if !strings.Contains(doc, name) {
					t.Errorf("volunteer %q not named", name)
				}
			}
		}
	})

	t.Run("user text cannot break tables", func(t *testing.T) {
		if strings.Contains(md, "<b>") || strings.Contains(md, hostileAction) {
			t.Error("hostile action title not escaped")
		}
		cells := 0
		for _, line := range strings.Split(md, "\n") {
			if strings.HasPrefix(line, "|---") {
				cells = strings.Count(line, "|")
			} else if strings.HasPrefix(line, "|") && strings.Count(line, "|") != cells && cells > 0 {
				t.Errorf("row with %d pipes, header has %d: %q", strings.Count(line, "|"), cells, line)
			} else if !strings.HasPrefix(line, "|") {
				cells = 0
			}
		}
		if len(f.Actions) != 10 {
			t.Errorf("%d action points, want 10", len(f.Actions))
		}
	})

	t.Run("JSON reads back", func(t *testing.T) {
		var back report.CampaignFindings
		if err := json.Unmarshal([]byte(js), &back); err != nil {
			t.Fatal(err)
		}
		if len(back.Themes) != len(f.Themes) || back.Saturation.Verdict != f.Saturation.Verdict || len(back.Actions) != len(f.Actions) {
			t.Errorf("JSON differs from the document")
		}
	})
}

// pureSession is a session built without a store, for rules that need exact data.
func pureSession(id string, day int, aud session.Audience, people []session.Profile, themes map[string][]string) *report.Data {
	d := &report.Data{Session: &session.Session{ID: id, Title: "Session " + id, Audience: aud, Mode: session.ModeOnline,
		Campaign: "c", Phase: session.PhaseClosed, CreatedAt: time.Date(2026, 1, day, 0, 0, 0, 0, time.UTC)}, VoteTotals: map[int64]int{}}
	for i, pr := range people {
		d.Participants = append(d.Participants, &session.Participant{ID: int64(i + 1), Name: fmt.Sprintf("Name-%s-%d", id, i), Rating: 1 + i%5, Profile: pr})
		d.Ratings = append(d.Ratings, 1+i%5)
	}
	slices.Sort(d.Ratings)
	var labels []string
	for l := range themes {
		labels = append(labels, l)
	}
	slices.Sort(labels)
	var nid int64 = int64(day) * 1000
	for ti, l := range labels {
		th := &session.Theme{ID: int64(day*100 + ti), Label: l}
		for i, text := range themes[l] {
			nid++
			d.Notes = append(d.Notes, &session.Note{ID: nid, ParticipantID: int64(1 + i%max(1, len(people))), Area: session.AreaOpen, Lane: "x", Text: text})
			th.NoteIDs = append(th.NoteIDs, nid)
		}
		d.Themes = append(d.Themes, th)
	}
	return d
}

func TestCampaignSegmentsFoldSmallGroups(t *testing.T) {
	t.Parallel()
	level := func(l string, n int) []session.Profile {
		out := make([]session.Profile, n)
		for i := range out {
			out[i].Level = l
		}
		return out
	}
	tests := []struct {
		name   string
		people []session.Profile
		shown  []string
		other  int
	}{
		{"all large", append(level("bronze", 4), level("silver", 3)...), []string{"bronze", "silver"}, 0},
		{"small folded with no answer", slices.Concat(level("bronze", 4), level("gold", 2), level("", 2)), []string{"bronze"}, 4},
		{"lone small group takes the smallest along", slices.Concat(level("bronze", 5), level("silver", 3), level("gold", 1)), []string{"bronze"}, 4},
		{"too few to break down", level("bronze", 2), nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := pureSession("a", 1, session.AudienceDevelopers, tt.people, map[string][]string{"pen tests": {"more penetration tests"}})
			f := report.BuildCampaign("c", []*report.Data{d})
			var b report.Breakdown
			for _, x := range f.Segments {
				if x.By == "level" {
					b = x
				}
			}
			var shown []string
			for _, s := range b.Segments {
				shown = append(shown, s.Value)
			}
			if !slices.Equal(shown, tt.shown) {
				t.Errorf("shown %v, want %v", shown, tt.shown)
			}
			other := 0
			if b.Other != nil {
				other = b.Other.Participations
			}
			if other != tt.other {
				t.Errorf("other holds %d, want %d", other, tt.other)
			}
			md, js := renderCampaign(t, f)
			for _, l := range session.Levels {
				if !slices.Contains(tt.shown, l) && (strings.Contains(md, l) || strings.Contains(js, l)) {
					t.Errorf("document names the hidden segment %q", l)
				}
			}
		})
	}
}

// Saturation is judged per audience: further sessions of one audience stop
// bringing themes its earlier sessions had not. An audience with one session
// cannot be judged, whatever other audiences held, and their sessions neither
// count among its last ones nor make its themes any less new to it.
func TestCampaignVerdict(t *testing.T) {
	t.Parallel()
	pen := map[string][]string{"pen tests": {"more penetration tests", "pentest reports come too late", "external pentest of our API"}}
	dead := map[string][]string{"deadlines": {"deadlines always win over security", "no time in the sprint for security work"}}
	both := map[string][]string{"pen tests": pen["pen tests"], "deadlines": dead["deadlines"]}
	people := make([]session.Profile, 3)
	dev, se := session.AudienceDevelopers, session.AudienceSecurityEngineers
	tests := []struct {
		name     string
		sessions []map[string][]string
		// audiences are the sessions' audiences; developers when nil.
		audiences []session.Audience
		want      string
	}{
		{"one session", []map[string][]string{pen}, nil, "Only one session so far: saturation cannot be judged yet."},
		{"same theme again", []map[string][]string{pen, dead, pen, pen, pen}, nil, "The last 3 sessions brought no new theme between them (of 2 in all): further sessions are unlikely to pay off."},
		{"new theme last", []map[string][]string{pen, dead}, nil, "The last session still brought 1 new theme (of 2 in all): consider more sessions."},
		{"two audiences, one session each", []map[string][]string{pen, pen}, []session.Audience{se, dev},
			"For security engineers (S1) and developers (S2), only one session each so far: saturation cannot be judged yet."},
		{"three audiences, one session each", []map[string][]string{pen, dead, pen}, []session.Audience{se, dev, session.AudienceServiceOwners},
			"For security engineers (S1), developers (S2) and service owners (S3), only one session each so far: saturation cannot be judged yet."},
		{"one audience heard once among others heard more", []map[string][]string{pen, pen, dead, pen}, []session.Audience{dev, se, dev, session.AudienceServiceOwners},
			"For security engineers (S2) and service owners (S4), only one session each so far: saturation cannot be judged yet. " +
				"For developers, the last session (S3) still brought 1 theme new to developers (of the 2 themes developers raised): consider more sessions of developers."},
		{"other audiences' sessions do not count", []map[string][]string{pen, pen, pen, pen, dead}, []session.Audience{dev, se, se, se, dev},
			"For security engineers, the last 2 sessions (S3, S4) brought no theme new to security engineers between them (of the 1 theme security engineers raised): further sessions of security engineers are unlikely to pay off. " +
				"For developers, the last session (S5) still brought 1 theme new to developers (of the 2 themes developers raised): consider more sessions of developers."},
		{"a theme another audience raised is new to this one", []map[string][]string{both, pen, dead}, []session.Audience{se, dev, dev},
			"For security engineers, only one session so far (S1): saturation cannot be judged yet. " +
				"For developers, the last session (S3) still brought 1 theme new to developers (of the 2 themes developers raised): consider more sessions of developers."},
		{"audiences in the report's order", []map[string][]string{both, pen, pen, dead, pen}, []session.Audience{dev, se, dev, dev, dev},
			"For security engineers, only one session so far (S2): saturation cannot be judged yet. " +
				"For developers, the last 3 sessions (S3, S4, S5) brought no theme new to developers between them (of the 2 themes developers raised): further sessions of developers are unlikely to pay off."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var ds []*report.Data
			for i, th := range tt.sessions {
				aud := dev
				if tt.audiences != nil {
					aud = tt.audiences[i]
				}
				ds = append(ds, pureSession(fmt.Sprint(i), i+1, aud, people, th))
			}
			f := report.BuildCampaign("c", ds)
			if f.Saturation.Verdict != tt.want {
				t.Errorf("verdict\n%q\nwant\n%q", f.Saturation.Verdict, tt.want)
			}
			if md, _ := renderCampaign(t, f); !strings.Contains(md, "\n"+tt.want+"\n") {
				t.Errorf("the Markdown does not say the verdict %q", tt.want)
			}
		})
	}
}

// The saturation verdict names audiences, text from the store: the Markdown (and the
// HTML made from it) escapes them as every other audience it names.
func TestCampaignVerdictEscapesAudiences(t *testing.T) {
	t.Parallel()
	people := make([]session.Profile, 3)
	pen := map[string][]string{"pen tests": {"more penetration tests", "pentest reports come too late", "external pentest of our API"}}
	var ds []*report.Data
	for i, aud := range []session.Audience{"*ops* <b>", "*ops* <b>", session.AudienceDevelopers} {
		ds = append(ds, pureSession(fmt.Sprint(i), i+1, aud, people, pen))
	}
	f := report.BuildCampaign("c", ds)
	if !strings.Contains(f.Saturation.Verdict, "For *ops* <b>, the last session (S2)") {
		t.Fatalf("verdict %q does not judge the audience by its own sessions", f.Saturation.Verdict)
	}
	md, _ := renderCampaign(t, f)
	_, sat, _ := strings.Cut(md, "## Saturation")
	if strings.Contains(sat, "*ops* <b>") || !strings.Contains(sat, `For \*ops\* &lt;b&gt;, the last session (S2)`) {
		t.Errorf("the saturation section does not escape the audience:\n%s", sat)
	}
}

func TestCampaignEscapesNamesOfCampaignAndPlaces(t *testing.T) {
	t.Parallel()
	d := pureSession("a", 1, session.AudienceDevelopers, make([]session.Profile, 3), map[string][]string{"# x | y": {"[link](http://x)"}})
	d.Session.Location = "<Lisbon>"
	f := report.BuildCampaign("*Big* | campaign", []*report.Data{d})
	md, _ := renderCampaign(t, f)
	for _, raw := range []string{"*Big*", "<Lisbon>", "# x | y", "[link](http://x)"} {
		if strings.Contains(md, raw) {
			t.Errorf("raw user text %q in the document", raw)
		}
	}
	if !regexp.MustCompile(`(?m)^# Campaign report: \\\*Big\\\* &#124; campaign$`).MatchString(md) {
		t.Errorf("title not escaped:\n%s", md)
	}
}

// Saturation follows the days sessions were held, not the order they were entered:
// a paper session typed up last but held first comes first.
func TestSaturationFollowsSessionDates(t *testing.T) {
	t.Parallel()
	people := make([]session.Profile, 3)
	early := pureSession("late-entered", 20, session.AudienceDevelopers, people, map[string][]string{
		"pen tests": {"more penetration tests"}, "deadlines": {"deadlines always win"}})
	early.Session.Date = "2026-01-02"
	later := pureSession("on-time", 10, session.AudienceDevelopers, people, map[string][]string{
		"pen tests": {"more penetration tests"}})
	f := report.BuildCampaign("c", []*report.Data{later, early})
	st := f.Saturation.Steps
	if len(st) != 2 || st[0].Date != "2026-01-02" || st[1].Date != "2026-01-10" {
		t.Fatalf("saturation steps %+v, want the session held on 2026-01-02 first", st)
	}
	if st[0].New != 2 || st[1].New != 0 {
		t.Errorf("new themes per session %d, %d; want 2, 0", st[0].New, st[1].New)
	}
}

// A session held on paper and never moved out of the lobby, without a day given,
// is held on the day it was created: numbered and counted for saturation in that
// day's order, not after every session that has a day (as session.CompareDay lists
// it, among sessions planned).
func TestSaturationPlacesAnUndatedLobbySessionOnItsDay(t *testing.T) {
	t.Parallel()
	people := make([]session.Profile, 3)
	paper := pureSession("paper", 6, session.AudienceDevelopers, people, map[string][]string{
		"pen tests": {"more penetration tests"}, "deadlines": {"deadlines always win"}})
	paper.Session.Phase, paper.Session.Reached = session.PhaseLobby, session.PhaseLobby
	dated := pureSession("dated", 1, session.AudienceDevelopers, people, map[string][]string{
		"pen tests": {"more penetration tests"}})
	dated.Session.Date = "2026-01-20"
	f := report.BuildCampaign("c", []*report.Data{dated, paper})
	if len(f.Sessions) != 2 || f.Sessions[0].ID != "paper" || f.Sessions[0].Date != "2026-01-06" || !f.Sessions[0].Undated {
		t.Fatalf("sessions held %+v, want S1 the paper session on 2026-01-06, undated", f.Sessions)
	}
	st := f.Saturation.Steps
	if len(st) != 2 || st[0].Date != "2026-01-06" || st[1].Date != "2026-01-20" || st[0].New != 2 || st[1].New != 0 {
		t.Errorf("saturation steps %+v, want 2 new themes on 2026-01-06, then none on 2026-01-20", st)
	}
	if f.From != "2026-01-06" || f.To != "2026-01-20" {
		t.Errorf("period %s – %s, want 2026-01-06 – 2026-01-20", f.From, f.To)
	}
}

// Two sessions held on one day are numbered in the order they took place, not the
// order they were made: one planned weeks ahead and held in the afternoon came
// first, before one made by hand that morning and held then, and saturation said
// the afternoon's session, which raised nothing new, "still brought" the morning's
// themes.
func TestSessionsOfOneDayInTheOrderTheyWereHeld(t *testing.T) {
	t.Parallel()
	people := make([]session.Profile, 3)
	at := func(d *report.Data, hour int) {
		when := time.Date(2026, 1, 5, hour, 0, 0, 0, time.UTC)
		for _, p := range d.Participants {
			p.JoinedAt = when
		}
		for i, n := range d.Notes {
			n.CreatedAt = when.Add(time.Duration(i+1) * time.Minute)
		}
	}
	planned := pureSession("planned", 5, session.AudienceDevelopers, people, map[string][]string{
		"alerts": {"night alerts wake the on-call engineer every week"}})
	byHand := pureSession("byhand", 5, session.AudienceDevelopers, people, map[string][]string{
		"alerts": {"night alerts wake the on-call engineer every week"},
		"pen":    {"pen tests come too late to change the design"}})
	byHand.Session.CreatedAt = planned.Session.CreatedAt.Add(9 * time.Hour) // made that morning
	at(byHand, 10)
	at(planned, 15)
	f := report.BuildCampaign("c", []*report.Data{planned, byHand})
	if len(f.Sessions) != 2 || f.Sessions[0].ID != "byhand" || f.Sessions[1].ID != "planned" {
		t.Fatalf("sessions %+v, want byhand (held at 10:00) as S1, planned (held at 15:00) as S2", f.Sessions)
	}
	st := f.Saturation.Steps
	if len(st) != 2 || st[0].New != 2 || st[1].New != 0 {
		t.Errorf("saturation steps %+v, want 2 new themes in S1, none in S2", st)
	}
}

// The hypotheses quote each note under the number and audience of its session as
// the report numbers them: they sorted the sessions of one day by when they were
// made, the report by when they were held, and a developer's words were quoted
// as a manager's. Paper notes, stored when imported, say nothing of when their
// session was held.
func TestHypothesisQuotesFollowTheSessionsAsNumbered(t *testing.T) {
	t.Parallel()
	people := make([]session.Profile, 3)
	at := func(d *report.Data, hour int, paper bool) {
		when := time.Date(2026, 1, 5, hour, 0, 0, 0, time.UTC)
		for _, p := range d.Participants {
			p.JoinedAt, p.Paper = when, paper
		}
		for i, n := range d.Notes {
			n.CreatedAt = when.Add(time.Duration(i+1) * time.Minute)
		}
	}
	planned := pureSession("planned", 5, session.AudienceManagers, people, map[string][]string{
		"budget": {"the budget for security tooling is decided without us"}})
	byHand := pureSession("byhand", 5, session.AudienceDevelopers, people, map[string][]string{
		"pen": {"pen tests come too late to change the design"}})
	paper := pureSession("paper", 5, session.AudienceServiceOwners, people, map[string][]string{
		"pen": {"pen tests come far too late for our releases"}})
	byHand.Session.CreatedAt = planned.Session.CreatedAt.Add(9 * time.Hour)
	paper.Session.CreatedAt = planned.Session.CreatedAt.Add(8 * time.Hour)
	at(byHand, 10, false)
	at(planned, 15, false)
	at(paper, 20, true) // held at 08:00 on paper, imported at 20:00
	ds := []*report.Data{planned, byHand, paper}
	f := report.BuildCampaign("c", ds)
	var order []string
	for _, s := range f.Sessions {
		order = append(order, s.ID)
	}
	if want := []string{"paper", "byhand", "planned"}; !slices.Equal(order, want) {
		t.Fatalf("sessions %v, want %v", order, want)
	}
	f.AddHypotheses([]*session.Hypothesis{{Number: 1, Text: "Pen tests come too late"}}, ds)
	if len(f.Hypotheses) != 1 || len(f.Hypotheses[0].Quotes) == 0 {
		t.Fatalf("hypotheses %+v, want one with quotes", f.Hypotheses)
	}
	for _, q := range f.Hypotheses[0].Quotes {
		s := f.Sessions[q.Session-1]
		if q.Audience != s.Audience || !strings.HasPrefix(q.Text, "pen tests") {
			t.Errorf("quote %q is under S%d (%s), whose audience is %s", q.Text, q.Session, q.Audience, s.Audience)
		}
	}
}

// "Berlin" and "berlin " are one place, as creating a session takes them: the
// report names it once, in the spelling most sessions use, in every count and
// list, and leaves the sessions it was given as they were.
func TestOnePlaceWhateverItsCase(t *testing.T) {
	t.Parallel()
	people := make([]session.Profile, 3)
	var ds []*report.Data
	for i, loc := range []string{"berlin ", "Berlin", "Berlin", "Lisbon"} {
		d := pureSession(fmt.Sprint("s", i), i+1, session.AudienceDevelopers, people, map[string][]string{
			"alerts": {"night alerts wake the on-call engineer every week"}})
		d.Session.Location, d.Session.Mode = loc, session.ModeInPerson
		ds = append(ds, d)
	}
	f := report.BuildCampaign("c", ds)
	if want := []string{"Berlin", "Lisbon"}; !slices.Equal(f.Summary.Locations, want) {
		t.Errorf("locations %q, want %q", f.Summary.Locations, want)
	}
	for _, s := range f.Sessions {
		if s.Location != "Berlin" && s.Location != "Lisbon" {
			t.Errorf("S%d is at %q, want Berlin or Lisbon", s.Number, s.Location)
		}
	}
	if len(f.Themes) != 1 || !slices.Equal(f.Themes[0].Locations, []string{"Berlin", "Lisbon"}) {
		t.Errorf("themes %+v, want one at Berlin and Lisbon", f.Themes)
	}
	md, _ := renderCampaign(t, f)
	if strings.Contains(md, "berlin") {
		t.Errorf("the report spells Berlin in lower case:\n%s", md)
	}
	if ds[0].Session.Location != "berlin " {
		t.Errorf("the session given was changed to %q", ds[0].Session.Location)
	}
}

// A session not held is listed with no date yet only while it has none
// (session.NoDayYet): begun without a day given, nobody joining, it is on the day it
// was created, as session list and its findings give it; the report said "no date
// yet" for it.
func TestSessionsNotHeldHaveNoDateOnlyWhileTheyHaveNone(t *testing.T) {
	t.Parallel()
	empty := func(id string, day int, ph session.Phase) *report.Data {
		d := pureSession(id, day, session.AudienceDevelopers, nil, nil)
		d.Session.Phase, d.Session.Reached = ph, ph
		return d
	}
	planned, begun := empty("planned", 3, session.PhaseLobby), empty("begun", 4, session.PhaseCheckIn)
	f := report.BuildCampaign("c", []*report.Data{planned, begun})
	got := map[string]string{}
	for _, s := range f.NotHeld {
		got[s.ID] = s.Date
	}
	if len(f.Sessions) != 0 || len(got) != 2 || got["planned"] != "" || got["begun"] != "2026-01-04" {
		t.Errorf("sessions not held %+v, want planned with no date and begun on 2026-01-04", f.NotHeld)
	}
	if want := report.Build(begun).Session.Date; want != got["begun"] {
		t.Errorf("the report dates the session begun %q, its findings %q", got["begun"], want)
	}
}

// Two different campaign themes never share a label in the report.
func TestCampaignLabelsAreDistinct(t *testing.T) {
	t.Parallel()
	people := make([]session.Profile, 3)
	// One session with two themes the facilitator labelled alike and kept apart.
	a := pureSession("a", 1, session.AudienceDevelopers, people, map[string][]string{
		"team":  {"the security champion of our team left and nobody took over"},
		"other": {"quarterly phishing drills annoy everyone in accounting"}})
	a.Themes[0].Label = "team" // the themes are in label order: "other" first
	f := report.BuildCampaign("c", []*report.Data{a})
	labels := map[string]bool{}
	for _, th := range f.Themes {
		if labels[th.Label] {
			t.Errorf("two campaign themes are labelled %q", th.Label)
		}
		labels[th.Label] = true
	}
	// The lower-ranked one says what sets it apart in its notes' words
	// ("team: champion"), never by a number ("team · 2").
	if len(f.Themes) != 2 || f.Themes[0].Label != "team" || !strings.HasPrefix(f.Themes[1].Label, "team: ") ||
		strings.ContainsAny(f.Themes[1].Label, "·0123456789") {
		t.Errorf("labels %q, %q; want team and team: followed by words of its notes", f.Themes[0].Label, f.Themes[1].Label)
	}
	// Its section says so too: the heading was the label before it was set apart,
	// and the document had two sections called "team".
	md, _ := renderCampaign(t, f)
	if n := strings.Count(md, ". team (score"); n != 1 || !strings.Contains(md, ". "+report.Escape(f.Themes[1].Label)+" (score") {
		t.Errorf("%d sections headed “team”, want one and one headed %q:\n%s", n, f.Themes[1].Label, md)
	}
}

// A name the facilitator typed wins over a label from clustering, even from a session
// with fewer notes on the theme.
func TestCampaignPrefersNamesTheFacilitatorGave(t *testing.T) {
	t.Parallel()
	people := make([]session.Profile, 3)
	a := pureSession("a", 1, session.AudienceDevelopers, people, map[string][]string{
		"alerts, call, night": {"night alerts wake the on-call engineer every week", "on call at night with no runbook", "alerts at night for noise"}})
	b := pureSession("b", 2, session.AudienceDevelopers, people, map[string][]string{
		"alerts": {"night alerts wake the on-call engineer every week"}})
	b.Themes[0].Label, b.Themes[0].Named = "On-call burden", true
	f := report.BuildCampaign("c", []*report.Data{a, b})
	if len(f.Themes) != 1 {
		t.Fatalf("%d campaign themes, want the two matched into one: %+v", len(f.Themes), f.Themes)
	}
	if f.Themes[0].Label != "On-call burden" {
		t.Errorf("campaign label %q, want the facilitator's name On-call burden", f.Themes[0].Label)
	}
}

func TestCampaignCompare(t *testing.T) {
	t.Parallel()
	c := mustCampaign(t)
	ds := c.load(t)
	earlier := report.BuildCampaign("Chartering 2025", ds[:4])
	f := report.BuildCampaign(campaignName, ds[4:])
	f.Compare(earlier)
	md, js := renderCampaign(t, f)
	var csv, html bytes.Buffer
	if err := f.WriteCSV(&csv); err != nil {
		t.Fatal(err)
	}
	if err := f.WriteHTML(&html); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, map[string]string{"compare.golden.md": md, "compare.golden.json": js,
		"compare.golden.csv": csv.String(), "compare.golden.html": html.String()})

	cmp := f.Comparison
	status := map[string]int{}
	for _, th := range cmp.Themes {
		status[th.Status]++
		if (th.Status == report.ThemeGone) != (th.Rank == 0) || (th.Status == report.ThemeNew) != (th.EarlierRank == 0) {
			t.Errorf("theme %q is %s with rank %d, earlier %d", th.Label, th.Status, th.Rank, th.EarlierRank)
		}
	}
	if status[report.ThemeNew] == 0 || status[report.ThemePersisting] == 0 || status[report.ThemeGone] == 0 {
		t.Errorf("themes by status %v: the fixture has all three", status)
	}
	if status[report.ThemeNew]+status[report.ThemePersisting] != len(f.Themes) ||
		status[report.ThemePersisting]+status[report.ThemeGone] != len(earlier.Themes) {
		t.Errorf("themes by status %v, %d themes now and %d before", status, len(f.Themes), len(earlier.Themes))
	}
	if len(cmp.Actions) != len(earlier.Actions) {
		t.Errorf("%d earlier action points followed up, want %d", len(cmp.Actions), len(earlier.Actions))
	}
	for _, want := range []string{"## Since Chartering 2025", "### You said, we did", "### Confidence per audience", "- Since the earlier campaign:"} {
		if !strings.Contains(md, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
}

// A campaign without sessions says so rather than leaving fields blank.
func TestEmptyCampaignHasNoBlankFields(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	if err := report.BuildCampaign("Chartering 2028", nil).WriteMarkdown(&b); err != nil {
		t.Fatal(err)
	}
	md := b.String()
	for _, blank := range []string{"()", "Period:  – ", "Audiences: \n"} {
		if strings.Contains(md, blank) {
			t.Errorf("the report of an empty campaign holds %q:\n%s", blank, md)
		}
	}
	for _, want := range []string{"0 people in 0 sessions\n", "Period: no session dates yet", "Audiences: none yet"} {
		if !strings.Contains(md, want) {
			t.Errorf("the report of an empty campaign lacks %q:\n%s", want, md)
		}
	}
}

// A campaign count of a theme's or an activity's writers is the sum of what its
// audiences' counts show: the report said 5 people beside developers 4 and service
// owners 2, and 5 - 4 told that the service owners' two notes had one writer,
// which each of those counts, floored at three, was there to hide.
func TestCampaignWritersAreTheSumOfTheirParts(t *testing.T) {
	t.Parallel()
	devs := pureSession("a", 1, session.AudienceDevelopers, make([]session.Profile, 4), map[string][]string{"pen tests": {
		"more pen tests before release", "pen tests come too late", "pen test findings are vague", "pen tests only once a year",
		"pen tests should cover the api", "pen test reports nobody reads", "pen tests block the release"}})
	owners := pureSession("b", 2, session.AudienceServiceOwners, make([]session.Profile, 1), map[string][]string{"pen tests": {
		"pen tests cost too much", "pen tests for every service"}})
	for _, d := range []*report.Data{devs, owners} {
		for _, n := range d.Notes {
			n.Area, n.Lane, n.Activity = session.AreaActivities, "more", "pen testing"
		}
		d.Session.Activities = []string{"pen testing"}
	}
	f := report.BuildCampaign("c", []*report.Data{devs, owners})
	if len(f.Themes) != 1 {
		t.Fatalf("%d campaign themes, want the pen tests of both sessions in one", len(f.Themes))
	}
	th := f.Themes[0]
	sum := 0
	for _, a := range th.ByAudience {
		sum += a.People
	}
	if th.Participants != sum || len(th.ByAudience) != 2 {
		t.Errorf("the theme's people: %d in all, %+v by audience", th.Participants, th.ByAudience)
	}
	row := func(m report.ActivityMatrix) report.ActivityRow {
		for _, r := range m.Activities {
			if r.Activity == "pen testing" {
				return r
			}
		}
		t.Fatalf("no pen testing row in %+v", m)
		return report.ActivityRow{}
	}
	all, parts := row(f.Matrix), 0
	cells := 0
	for _, a := range f.Audiences {
		parts += row(a.Matrix).People
		cells += row(a.Matrix).Cell("more").People
	}
	if all.People != parts || all.Cell("more").People != cells {
		t.Errorf("pen testing: %d people (%d in do more) in all, %d (%d) by audience", all.People, all.Cell("more").People, parts, cells)
	}
}

// A session of fewer than three people is named as such under the sessions: its
// notes are its one or two people's, whoever knows who came can tell whose, and
// nothing else in the report said so.
func TestCampaignNamesSessionsOfFewPeople(t *testing.T) {
	t.Parallel()
	big := pureSession("a", 1, session.AudienceDevelopers, make([]session.Profile, 4), map[string][]string{"pen tests": {"more pen tests", "pen tests come late", "retest after fixes", "pen tests for every api"}})
	lone := pureSession("b", 2, session.AudienceServiceOwners, make([]session.Profile, 1), map[string][]string{"budget": {"no budget for security work"}})
	f := report.BuildCampaign("c", []*report.Data{big, lone})
	md, _ := renderCampaign(t, f)
	if !strings.Contains(md, "**Few people:** S2 had fewer than 3 people writing") || strings.Contains(md, "S1 had fewer") {
		t.Errorf("the report does not name the one-person session S2 alone:\n%s", md)
	}
	if got := report.BuildCampaign("c", []*report.Data{big}).SmallSessions(); len(got) != 0 {
		t.Errorf("a session of four writers is named as small: %v", got)
	}
	// Paper notes without author labels are of an unknown number of people: one
	// participant stands for them all, and the session is not said to be small.
	lone.Participants[0].Paper, lone.Participants[0].Unlabelled = true, true
	if got := report.BuildCampaign("c", []*report.Data{big, lone}).SmallSessions(); len(got) != 0 {
		t.Errorf("a session of unlabelled paper notes is named as small: %v", got)
	}
	// Two writers of four joined are few: the others wrote nothing.
	two := pureSession("c", 3, session.AudienceDevelopers, make([]session.Profile, 2), map[string][]string{"budget": {"no budget", "no time"}})
	two.Participants = append(two.Participants, &session.Participant{ID: 9}, &session.Participant{ID: 10})
	if got := report.BuildCampaign("c", []*report.Data{big, two}).SmallSessions(); len(got) != 1 {
		t.Errorf("a session of four joined and two writers is not named: %v", got)
	}
}

// A session without a date is placed on the day it was created, and the report
// says so: it gave that day as the session's, in the table, the period and the
// saturation, with nothing to tell it from a day given.
func TestCampaignMarksSessionsWithoutADate(t *testing.T) {
	t.Parallel()
	dated := pureSession("a", 1, session.AudienceDevelopers, make([]session.Profile, 3), map[string][]string{"pen tests": {"more pen tests"}})
	dated.Session.Date = "2026-01-01"
	undated := pureSession("b", 2, session.AudienceDevelopers, make([]session.Profile, 3), map[string][]string{"budget": {"no budget for security"}})
	md, _ := renderCampaign(t, report.BuildCampaign("c", []*report.Data{dated, undated}))
	if !strings.Contains(md, "| S2 | 2026-01-02 † |") || strings.Contains(md, "| S1 | 2026-01-01 † |") || !strings.Contains(md, "† No date was given") {
		t.Errorf("the undated session is not marked alone:\n%s", md)
	}
}

// A campaign lists notes with numbers in them by the numbers' value, in its CSV
// and in the cells of its activity matrix, as a session's documents do.
func TestCampaignListsNumberedNotesByValue(t *testing.T) {
	t.Parallel()
	people := make([]session.Profile, 4)
	d := pureSession("a", 1, session.AudienceDevelopers, people, map[string][]string{
		"pen tests": {"pen test 10", "Pen test 2", "pen test 1"},
	})
	for _, n := range d.Notes {
		n.Area, n.Lane, n.Activity = session.AreaActivities, "more", "pen testing"
	}
	want := []string{"pen test 1", "Pen test 2", "pen test 10"}
	f := report.BuildCampaign("c", []*report.Data{d})

	var buf bytes.Buffer
	if err := f.WriteCSV(&buf); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	text := slices.Index(report.CSVHeader, "text")
	var got []string
	for _, r := range rows {
		if r[0] == "note" {
			got = append(got, r[text])
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("the CSV lists the notes %q, want %q", got, want)
	}

	var cells []string
	for _, c := range f.Matrix.Total.Cells {
		cells = append(cells, c.Texts...)
	}
	if !slices.Equal(cells, want) {
		t.Errorf("the matrix lists the notes %q, want %q", cells, want)
	}
}

// The CSV carries the activity matrix, the method's own result, as the other
// formats do: a row per activity and lane with its notes and people, all of the
// campaign's ("activity") and each audience's ("activity by audience"), which add
// up to it; a session's CSV has its own. It had none: a sheet could not show what
// people said to keep, add, do less and do more.
func TestCSVCarriesTheActivityMatrix(t *testing.T) {
	t.Parallel()
	devs := pureSession("a", 1, session.AudienceDevelopers, make([]session.Profile, 3), map[string][]string{"pen tests": {
		"more pen tests before release", "pen tests come too late", "pen test findings are vague"}})
	owners := pureSession("b", 2, session.AudienceServiceOwners, make([]session.Profile, 3), map[string][]string{"pen tests": {
		"pen tests cost too much", "pen tests for every service"}})
	for _, d := range []*report.Data{devs, owners} {
		for i, n := range d.Notes {
			n.Area, n.Lane, n.Activity = session.AreaActivities, []string{"more", "less"}[i%2], "pen testing"
		}
		d.Session.Activities = []string{"pen testing"}
	}
	col := func(name string) int { return slices.Index(report.CSVHeader, name) }
	read := func(doc report.Document) [][]string {
		var buf bytes.Buffer
		if err := doc.WriteCSV(&buf); err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(&buf).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		return rows
	}
	// notesBy adds up the notes of the rows of kind, by lane, for pen testing.
	notesBy := func(rows [][]string, kind string) map[string]int {
		got := map[string]int{}
		for _, r := range rows {
			if r[0] == kind && r[col("activity")] == "pen testing" && r[col("area")] == string(session.AreaActivities) {
				n, err := strconv.Atoi(r[col("notes")])
				if err != nil {
					t.Fatalf("row %q: notes %q", r, r[col("notes")])
				}
				got[r[col("lane")]] += n
			}
		}
		return got
	}
	f := report.BuildCampaign("c", []*report.Data{devs, owners})
	rows := read(f)
	want := map[string]int{}
	for _, c := range f.Matrix.Activities[0].Cells {
		want[c.Lane] = c.Notes
	}
	if got := notesBy(rows, "activity"); !maps.Equal(got, want) || got["more"] != 3 || got["less"] != 2 {
		t.Errorf("the campaign's activity rows count %v, its matrix %v", got, want)
	}
	if got := notesBy(rows, "activity by audience"); !maps.Equal(got, want) {
		t.Errorf("the audiences' activity rows count %v, want them to add up to %v", got, want)
	}
	if got := notesBy(read(report.Build(devs)), "activity"); got["more"] != 2 || got["less"] != 1 {
		t.Errorf("a session's activity rows count %v, want 2 more, 1 less", got)
	}
}

// The summary says which sessions are still running before any of its figures: a
// reader who goes no further took a campaign's numbers for final while one of
// its sessions was still being written, which only the list of sessions said.
func TestSummarySaysWhatIsStillRunning(t *testing.T) {
	t.Parallel()
	people := make([]session.Profile, 3)
	a := pureSession("a", 1, session.AudienceDevelopers, people, map[string][]string{"training": {"more training", "deeper training", "hands-on training"}})
	b := pureSession("b", 2, session.AudienceDevelopers, people, map[string][]string{"scanner": {"scanner noise", "false positives"}})
	b.Session.Phase = session.PhaseWrite
	summary := func(md string) string {
		_, s, _ := strings.Cut(md, "## Summary\n")
		s, _, _ = strings.Cut(s, "\n## ")
		return s
	}
	md, _ := renderCampaign(t, report.BuildCampaign("c", []*report.Data{a, b}))
	if want := "- Still running: S2 (write); their figures will change until they close\n"; !strings.Contains(summary(md), want) {
		t.Errorf("the campaign's summary lacks %q:\n%s", want, summary(md))
	}
	sess, _ := render(t, report.Build(b))
	if want := "- Still running (write phase): the figures will change until the session closes\n"; !strings.Contains(summary(sess), want) {
		t.Errorf("the session's summary lacks %q:\n%s", want, summary(sess))
	}
	// Once every session is closed, nothing is said.
	b.Session.Phase = session.PhaseClosed
	md, _ = renderCampaign(t, report.BuildCampaign("c", []*report.Data{a, b}))
	sess, _ = render(t, report.Build(b))
	if strings.Contains(md, "Still running") || strings.Contains(sess, "Still running") {
		t.Errorf("closed sessions are said to be running:\n%s\n%s", summary(md), summary(sess))
	}
}

// The segments' introduction says which tables leave confidence out: it said
// "Confidence is not shown by segment" above a table by mode that shows it (the
// mode's segments are whole sessions).
func TestSegmentsSayWhereConfidenceIsShown(t *testing.T) {
	t.Parallel()
	tenure := func(ts ...string) []session.Profile {
		out := make([]session.Profile, len(ts))
		for i, x := range ts {
			out[i].Tenure = x
		}
		return out
	}
	// Two raters of one session share an answer, and one each another: too few
	// for confidence by time in the role.
	f := report.BuildCampaign("c", []*report.Data{
		pureSession("a", 1, session.AudienceDevelopers, tenure("<1y", "<1y", "1-3y", ">3y"), map[string][]string{"training": {"more training"}}),
		pureSession("b", 2, session.AudienceDevelopers, tenure("<1y", "<1y", "1-3y", ">3y"), map[string][]string{"scanner": {"scanner noise"}}),
	})
	if f.SegmentConfidence {
		t.Fatal("the fixture was meant to keep confidence out of the profile segments")
	}
	md, _ := renderCampaign(t, f)
	_, seg, _ := strings.Cut(md, "## Segments\n")
	seg, _, _ = strings.Cut(seg, "\n## ")
	intro, _, _ := strings.Cut(seg, "\n### ")
	_, mode, _ := strings.Cut(seg, "### In person or online\n")
	if !strings.Contains(mode, "| online | 8 | 2.") {
		t.Fatalf("the table by mode shows no confidence:\n%s", mode)
	}
	if strings.Contains(intro, "not shown by segment") || !strings.Contains(intro, "In person or online") {
		t.Errorf("the introduction does not say the table by mode shows confidence:\n%s", intro)
	}
}

// While people vote, a session's findings leave the votes out (a document after
// each vote would tell how people spread their dots); its summary said "0 votes"
// of every theme, which read as nobody wanting any of them.
func TestFindingsWhileVotingDoNotSayZeroVotes(t *testing.T) {
	t.Parallel()
	d := pureSession("a", 1, session.AudienceDevelopers, make([]session.Profile, 3), map[string][]string{"training": {"more training", "deeper training", "hands-on training"}})
	d.Session.Phase, d.VotesWithheld = session.PhaseVote, true
	md, _ := render(t, report.Build(d))
	for _, want := range []string{"1. training: 3 notes from up to 3 people, all Open topics; score 9, votes not counted while people vote\n",
		"Score 9 = 3 × 0 votes (not counted while people vote) + 2 × up to 3 people + 1 × 3 notes."} {
		if !strings.Contains(md, want) {
			t.Errorf("the findings lack %q:\n%s", want, md)
		}
	}
	if strings.Contains(md, "; 0 votes") {
		t.Errorf("the findings say 0 votes while people vote:\n%s", md)
	}
	// Once voting closed, the votes are counted and said.
	d.Session.Phase, d.VotesWithheld = session.PhaseActions, false
	if md, _ := render(t, report.Build(d)); !strings.Contains(md, "all Open topics; score 9, 0 votes\n") {
		t.Errorf("after the vote, the summary does not give the votes:\n%s", md)
	}
}

// The summary's top themes give what ranks them: a theme raised in as many
// sessions by more people was listed below another, its votes and score unsaid,
// and read as ranked by mistake.
func TestSummaryTopThemesGiveTheirScore(t *testing.T) {
	t.Parallel()
	people := make([]session.Profile, 4)
	a := pureSession("a", 1, session.AudienceDevelopers, people, map[string][]string{
		"training": {"more training", "deeper training", "hands-on training", "training for seniors"},
		"scanner":  {"scanner noise", "false positives"},
	})
	// The two notes on the scanner have all the dots.
	for _, th := range a.Themes {
		if th.Label == "scanner" {
			a.VoteTotals[th.ID] = 4
		}
	}
	for _, f := range []interface {
		WriteMarkdown(io.Writer) error
	}{report.Build(a), report.BuildCampaign("c", []*report.Data{a})} {
		var b bytes.Buffer
		if err := f.WriteMarkdown(&b); err != nil {
			t.Fatal(err)
		}
		_, summary, _ := strings.Cut(b.String(), "- Top themes by score")
		summary, _, _ = strings.Cut(summary, "\n- ")
		lines := strings.Split(summary, "\n")[1:]
		if len(lines) != 2 || !strings.HasPrefix(lines[0], "  1. scanner:") {
			t.Fatalf("top themes:\n%s", summary)
		}
		for i, want := range []string{"; score 18, 4 votes", "; score 12, 0 votes"} {
			if !strings.HasSuffix(lines[i], want) {
				t.Errorf("%q does not end in %q", lines[i], want)
			}
		}
	}
}
