package report_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/report"
)

// A theme split out of a note (S) stands for that note, whatever notes are moved
// into it later (M): the ★ on the board and the first quote of the documents went
// to a moved note that began with the same words as the name, or to the note
// nearest the mean when the name came from clustering the note's words ("sprint").
func TestThemeStandsForTheNoteItsNameWasMadeFrom(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ name, source, label, moved string }{
		{"a moved note begins with the name", "Incident response runbooks are well maintained, except for payments which nobody updates",
			"Incident response runbooks are well maintained", "Incident response runbooks are well maintained and tested"},
		{"the name came from clustering", "we never get time in the sprint to fix the findings of the scanners we run",
			"sprint", "runbooks for incidents are out of date"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			svc := openService(t)
			must := func(err error) {
				t.Helper()
				if err != nil {
					t.Fatal(err)
				}
			}
			sess, err := svc.NewSession(ctx, session.Session{Title: "Developers", Audience: session.AudienceDevelopers, Campaign: "c"})
			must(err)
			var ids []int64
			for i, text := range []string{tt.source, tt.moved, "patching takes too long"} {
				p, err := svc.Join(ctx, sess.ID, fmt.Sprint("key-", i))
				must(err)
				if i == 0 {
					_, err = svc.SetPhase(ctx, sess.ID, session.PhaseWrite)
					must(err)
				}
				n, err := svc.AddNote(ctx, p.ID, session.Note{Area: session.AreaConfidence, Lane: "concern", Text: text})
				must(err)
				ids = append(ids, n.ID)
			}
			for _, ph := range []session.Phase{session.PhaseReveal, session.PhaseGroup} {
				_, err = svc.SetPhase(ctx, sess.ID, ph)
				must(err)
			}
			must(svc.SaveThemes(ctx, sess.ID, []session.Theme{{Label: "patching", NoteIDs: ids}}))
			themes, err := svc.Themes(ctx, sess.ID)
			must(err)
			split, err := svc.SplitTheme(ctx, themes[0].ID, ids[:1], tt.label)
			must(err)
			must(svc.MoveNote(ctx, ids[1], split.ID))
			// An undo on the board puts the themes back as they were read: the
			// note the name came from goes back with them.
			themes, err = svc.Themes(ctx, sess.ID)
			must(err)
			var back []session.Theme
			for _, th := range themes {
				back = append(back, *th)
			}
			must(svc.RestoreThemes(ctx, sess.ID, back))

			d, err := report.Load(ctx, svc, sess.ID)
			must(err)
			for _, th := range session.ShownThemes(d.Themes, d.Notes) {
				if th.ID != split.ID {
					continue
				}
				var notes []*session.Note
				for _, n := range d.Notes {
					for _, id := range th.NoteIDs {
						if n.ID == id {
							notes = append(notes, n)
						}
					}
				}
				if got := session.NamedAfterNote(th, th.Label, notes); got != ids[0] {
					t.Errorf("the theme stands for note %d, want %d, the one its name was made from", got, ids[0])
				}
			}
			f := report.Build(d)
			for _, th := range f.Themes {
				if th.ID == split.ID && (len(th.Quotes) == 0 || th.Quotes[0] != tt.source) {
					t.Errorf("the theme's first quote is %q, want the note its name was made from, %q", th.Quotes, tt.source)
				}
			}
		})
	}
}
