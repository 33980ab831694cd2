package report_test

import (
	"fmt"
	mrand "math/rand/v2"
	"strconv"
	"testing"
	"time"

	"github.com/charter-tool/charter/internal/notesets"
	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/report"
)

// BenchmarkCampaignReport builds and writes (Markdown) the report of campaigns of
// 10,000, 20,000 and 50,000 notes: 50, 100 and 250 sessions of 200 notes, 20 people
// each, grouped by the facilitator into the dev notes' themes. The target is growth
// no faster than n log n: from 10k to 50k notes at most about 5.9 times the time
// (50k·log 50k / 10k·log 10k).
func BenchmarkCampaignReport(b *testing.B) {
	dev := readDevNotes(b)
	for _, sessions := range []int{50, 100, 250} {
		ds := syntheticCampaign(dev, sessions, 200, 20)
		b.Run(fmt.Sprintf("notes=%d", sessions*200), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				f := report.BuildCampaign("Load", ds)
				if _, err := report.Render(f, "md"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// syntheticCampaign makes sessions of perSession notes drawn from the dev notes (each
// with a word of its own session, so that no two sessions' texts are the same), by
// people participants, with the notes grouped into themes by their dev theme and a
// few dots and action points per session.
func syntheticCampaign(dev []notesets.Note, sessions, perSession, people int) []*report.Data {
	r := mrand.New(mrand.NewPCG(14, 14))
	audiences := []session.Audience{"developers", "security-engineers", "service-owners", "managers"}
	locations := []string{"Amsterdam", "Berlin", "Lisbon", "Madrid"}
	day := time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)
	var out []*report.Data
	var noteID, themeID, pid int64
	for s := range sessions {
		sess := &session.Session{ID: "s" + strconv.Itoa(s), Title: fmt.Sprintf("Session %d", s+1),
			Audience: audiences[s%len(audiences)], Location: locations[s%len(locations)], Mode: "in-person",
			Campaign: "Load", Phase: session.PhaseClosed, VoteBudget: 3,
			Date: day.AddDate(0, 0, s).Format(session.DateLayout), CreatedAt: day}
		d := &report.Data{Session: sess, VoteTotals: map[int64]int{}}
		for p := range people {
			pid++
			d.Participants = append(d.Participants, &session.Participant{ID: pid, SessionID: sess.ID,
				KeyHash: fmt.Sprintf("k%d", r.IntN(sessions*people)), Pseudonym: fmt.Sprintf("P%d", p+1), Rating: 1 + r.IntN(5)})
			d.Ratings = append(d.Ratings, d.Participants[p].Rating)
		}
		byTheme := map[string]*session.Theme{}
		var order []string
		for i := range perSession {
			dn := dev[r.IntN(len(dev))]
			noteID++
			n := &session.Note{ID: noteID, SessionID: sess.ID, ParticipantID: d.Participants[i%people].ID,
				Area: session.Area(dn.Area), Lane: dn.Lane, Text: dn.Text + " (s" + strconv.Itoa(s) + ")"}
			d.Notes = append(d.Notes, n)
			t := byTheme[dn.Theme]
			if t == nil {
				themeID++
				t = &session.Theme{ID: themeID, SessionID: sess.ID, Label: dn.Theme, Named: true}
				byTheme[dn.Theme] = t
				order = append(order, dn.Theme)
			}
			t.NoteIDs = append(t.NoteIDs, n.ID)
		}
		for i, name := range order {
			t := byTheme[name]
			d.Themes = append(d.Themes, t)
			d.VoteTotals[t.ID] = r.IntN(10)
			if i < 3 {
				d.Actions = append(d.Actions, &session.ActionPoint{ID: t.ID, SessionID: sess.ID, ThemeID: t.ID,
					Title: "Act on " + name, Priority: 1 + i, Status: "proposed"})
			}
		}
		out = append(out, d)
	}
	return out
}
