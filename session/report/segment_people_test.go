package report_test

import (
	"context"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"testing"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/report"
)

// leakyCampaign is the campaign a programme lead worked one person's notes out of:
// three sessions, the second with three people who share every answer and one
// who gave no profile, and someone of the first coming back to the third with
// another answer on their time in the role.
func leakyCampaign(t *testing.T) []*report.Data {
	t.Helper()
	ctx := context.Background()
	svc := openService(t)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	silver := session.Profile{Tenure: "1-3y", Appointment: "appointed", Level: "silver"}
	gold := session.Profile{Tenure: "1-3y", Appointment: "volunteered", Level: "gold"}
	type joiner struct {
		key     string
		profile session.Profile
		notes   int
	}
	plan := []struct {
		mode    session.Mode
		aud     session.Audience
		joiners []joiner
	}{
		{session.ModeInPerson, session.AudienceDevelopers, []joiner{{"k1", silver, 5}, {"k2", silver, 6}, {"k3", silver, 4}, {"k4", silver, 6}}},
		{session.ModeOnline, session.AudienceDevelopers, []joiner{{"k5", gold, 4}, {"k6", gold, 4}, {"k7", gold, 3}, {"k8", session.Profile{}, 3}}},
		{session.ModeInPerson, session.AudienceSecurityEngineers, []joiner{
			{"k1", session.Profile{Tenure: ">3y", Appointment: "appointed", Level: "silver"}, 1}, {"k9", session.Profile{}, 1}, {"k10", session.Profile{}, 1}}},
	}
	for i, s := range plan {
		sess, err := svc.NewSession(ctx, session.Session{Title: fmt.Sprintf("Session %d", i+1), Audience: s.aud, Campaign: "leaky",
			Mode: s.mode, Date: fmt.Sprintf("2026-03-0%d", i+1)})
		must(err)
		phase := func(ph session.Phase) {
			t.Helper()
			_, err := svc.SetPhase(ctx, sess.ID, ph)
			must(err)
		}
		var people []*session.Participant
		for _, jn := range s.joiners {
			p, err := svc.Join(ctx, sess.ID, jn.key)
			must(err)
			must(svc.SetNameAndProfile(ctx, p, "Person "+jn.key, jn.profile))
			people = append(people, p)
		}
		phase(session.PhaseCheckIn)
		for j, p := range people {
			must(svc.Rate(ctx, p.ID, 1+j%5))
		}
		phase(session.PhaseWrite)
		for j, jn := range s.joiners {
			for k := range jn.notes {
				_, err := svc.AddNote(ctx, people[j].ID, session.Note{Area: session.AreaActivities, Lane: "more",
					Text: fmt.Sprintf("more pen tests, point %d of %s", k+1, jn.key)})
				must(err)
			}
		}
		phase(session.PhaseReveal)
		phase(session.PhaseClosed)
	}
	ds, err := report.LoadCampaign(ctx, svc, "leaky")
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

// Every table of people counts one unit, participations, names it, and adds up to
// the campaign's count of them: the report said "8 people (11 participations)"
// above tables of 10, 10 and 11.
func TestSegmentsAddUpToTheParticipations(t *testing.T) {
	t.Parallel()
	f := report.BuildCampaign("leaky", leakyCampaign(t))
	if f.Participations != 11 || f.Participants != 10 {
		t.Fatalf("%d participations by %d people, want 11 by 10 (the fixture has one person come back)", f.Participations, f.Participants)
	}
	sum := 0
	for _, s := range f.Sessions {
		sum += s.Participants
	}
	if sum != f.Participations {
		t.Errorf("the sessions add up to %d, the header says %d participations", sum, f.Participations)
	}
	sum = 0
	for _, a := range f.Audiences {
		sum += a.Participations
	}
	if sum != f.Participations {
		t.Errorf("the audiences add up to %d, the header says %d participations", sum, f.Participations)
	}
	for _, b := range f.Segments {
		sum := 0
		for _, s := range b.Segments {
			sum += s.Participations
		}
		if b.Other != nil {
			sum += b.Other.Participations
		}
		if sum != f.Participations {
			t.Errorf("%s adds up to %d, the header says %d participations", b.By, sum, f.Participations)
		}
	}
	md, _ := renderCampaign(t, f)
	if !strings.Contains(md, "- Participations: 11 (10 people;") {
		t.Errorf("the header does not name the unit the tables count:\n%s", md)
	}
	_, seg, _ := strings.Cut(md, "## Segments\n")
	seg, _, _ = strings.Cut(seg, "\n## ")
	if n := strings.Count(seg, "| Segment | Participations |"); n != len(f.Segments) {
		t.Errorf("%d of the %d segment tables say they count participations:\n%s", n, len(f.Segments), seg)
	}
	_, sessions, _ := strings.Cut(md, "## Sessions\n")
	sessions, _, _ = strings.Cut(sessions, "\n## ")
	if !strings.Contains(sessions, "| Participations |") {
		t.Errorf("the sessions table does not say it counts participations:\n%s", sessions)
	}
}

// No figure of the report, taken with the others (the Sessions table above all),
// tells the notes of fewer than session.MinSegment people. Seen: the row 1-3y of
// time in the role held all of S1 and three of S2's four, so S2's notes less that
// row's, plus S1's, were the notes of the one who gave no profile.
//
// The attacker's arithmetic is any sum of figures with any factors. Each figure
// is a sum of some participations' notes; which ones, the test finds out by
// giving each participation one note more in turn. Nobody's notes can be told
// when no set of one or two participations is such a sum of figures.
func TestSegmentNotesSingleOutNobody(t *testing.T) {
	t.Parallel()
	ds := leakyCampaign(t)
	figures := func(ds []*report.Data) map[string]int {
		f := report.BuildCampaign("leaky", ds)
		out := map[string]int{"campaign": f.Notes}
		for _, s := range f.Sessions {
			out[fmt.Sprintf("S%d", s.Number)] = s.Notes
		}
		for _, b := range f.Segments {
			for _, s := range b.Segments {
				out[b.By+" "+s.Value] = s.Notes
			}
			if b.Other != nil {
				out[b.By+" other"] = b.Other.Notes
			}
		}
		return out
	}
	base := figures(ds)
	var names []string
	for name := range base {
		names = append(names, name)
	}
	slices.Sort(names)
	// rows[i][j] is 1 when figure i counts the notes of participation j.
	rows := make([][]int, len(names))
	var who []string
	for i, d := range ds {
		for _, p := range d.Participants {
			more := slices.Clone(ds)
			one := *d
			one.Notes = append(slices.Clone(d.Notes), &session.Note{ID: 1 << 40, ParticipantID: p.ID, Area: session.AreaActivities,
				Lane: "more", Text: "one more note"})
			more[i] = &one
			got := figures(more)
			for k, name := range names {
				rows[k] = append(rows[k], got[name]-base[name])
			}
			who = append(who, fmt.Sprintf("S%d/%s", i+1, p.Name))
		}
	}
	span := rank(rows)
	for _, set := range smallSets(len(who), session.MinSegment-1) {
		v := make([]int, len(who))
		var names []string
		for _, j := range set {
			v[j] = 1
			names = append(names, who[j])
		}
		if rank(append(slices.Clone(rows), v)) == span {
			t.Errorf("the figures add up to the notes of %s", strings.Join(names, " and "))
		}
	}
	t.Logf("%d figures over %d participations", len(names), len(who))
}

// smallSets are the sets of 1 to most of the numbers 0 to n-1.
func smallSets(n, most int) [][]int {
	var out [][]int
	var grow func(set []int, from int)
	grow = func(set []int, from int) {
		for j := from; j < n; j++ {
			s := append(slices.Clone(set), j)
			out = append(out, s)
			if len(s) < most {
				grow(s, j+1)
			}
		}
	}
	grow(nil, 0)
	return out
}

// rank is the rank of the rows over the rationals.
func rank(rows [][]int) int {
	m := make([][]*big.Rat, len(rows))
	for i, r := range rows {
		m[i] = make([]*big.Rat, len(r))
		for j, x := range r {
			m[i][j] = big.NewRat(int64(x), 1)
		}
	}
	r := 0
	for c := 0; len(m) > 0 && c < len(m[0]) && r < len(m); c++ {
		p := -1
		for i := r; i < len(m); i++ {
			if m[i][c].Sign() != 0 {
				p = i
				break
			}
		}
		if p < 0 {
			continue
		}
		m[r], m[p] = m[p], m[r]
		for i := range m {
			if i == r || m[i][c].Sign() == 0 {
				continue
			}
			k := new(big.Rat).Quo(m[i][c], m[r][c])
			for j := c; j < len(m[i]); j++ {
				m[i][j] = new(big.Rat).Sub(m[i][j], new(big.Rat).Mul(k, m[r][j]))
			}
		}
		r++
	}
	return r
}
