package report_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/report"
)

// A theme has one name in a document, in every format: split out of a note (S on
// the board), given a second note (M) and its first note hidden (h), it was headed
// "### 2. Incident response runbooks are well maintained by the SRE team" in the
// Markdown but called "Incident response runbooks are well…" beside its notes, in
// the JSON, the CSV and the campaign report. The name is made from the visible note
// only: the hidden note's words are nowhere.
func TestThemeHasOneNameInEveryFormat(t *testing.T) {
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
	const (
		hidden = "Runbooks are outdated and nobody owns them"
		moved  = "Incident response runbooks are well maintained by the SRE team"
		cut    = "Incident response runbooks are well…"
	)
	texts := []string{hidden, moved, "patching takes too long", "nobody owns patching"}
	var ids []int64
	for i, text := range texts {
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
	// As S on the board names it: after the note.
	split, err := svc.SplitTheme(ctx, themes[0].ID, ids[:1], hidden)
	must(err)
	must(svc.MoveNote(ctx, ids[1], split.ID))
	must(svc.HideNote(ctx, ids[0], true))
	_, err = svc.AddAction(ctx, session.ActionPoint{SessionID: sess.ID, ThemeID: split.ID, Title: "Review the runbooks", Priority: session.PriorityHigh})
	must(err)

	d, err := report.Load(ctx, svc, sess.ID)
	must(err)
	if sh := session.ThemeShowing(d.Themes, d.Notes)[split.ID]; sh.Label != cut {
		t.Fatalf("participants see the theme as %q, want %q: the test needs the name made from the visible note", sh.Label, cut)
	}
	f := report.Build(d)
	var name string
	for _, th := range f.Themes {
		if th.ID == split.ID {
			name = th.Label
		}
	}
	if name != moved {
		t.Errorf("the findings name the theme %q, want the visible note it was named after, whole: %q", name, moved)
	}
	ds, err := report.LoadCampaign(ctx, svc, "c")
	must(err)
	cf := report.BuildCampaign("c", ds)
	docs := map[string]report.Document{"findings": f, "campaign": cf}
	for what, doc := range docs {
		for _, format := range report.Formats {
			b, err := report.Render(doc, format)
			must(err)
			out := string(b)
			if strings.Contains(out, "Runbooks are outdated") || strings.Contains(out, cut) {
				t.Errorf("%s %s names the theme after the hidden note or cut:\n%s", what, format, out)
			}
			if !strings.Contains(out, moved) {
				t.Errorf("%s %s lacks the theme's name %q:\n%s", what, format, moved, out)
			}
		}
	}
	// The same name beside the note, on the action point, in the JSON and the CSV.
	md, js := render(t, f)
	for _, want := range []string{"### 2. " + moved + " (score", "(theme: " + moved + ")"} {
		if !strings.Contains(md, want) {
			t.Errorf("the Markdown lacks %q:\n%s", want, md)
		}
	}
	var doc struct {
		Themes  []struct{ Label string } `json:"themes"`
		Actions []struct{ Theme string } `json:"action_points"`
	}
	must(json.Unmarshal([]byte(js), &doc))
	if len(doc.Actions) != 1 || doc.Actions[0].Theme != moved || doc.Themes[1].Label != moved {
		t.Errorf("the JSON names the theme %+v, its action point %+v; want %q", doc.Themes, doc.Actions, moved)
	}
	b, err := report.Render(f, "csv")
	must(err)
	rows, err := csv.NewReader(strings.NewReader(string(b))).ReadAll()
	must(err)
	named := 0
	for _, r := range rows {
		for _, c := range r {
			if strings.HasPrefix(c, "Incident response runbooks") && c != moved {
				t.Errorf("the CSV names the theme %q, want %q", c, moved)
			}
			if c == moved {
				named++
			}
		}
	}
	if named == 0 {
		t.Errorf("the CSV never names the theme %q:\n%s", moved, b)
	}
}
