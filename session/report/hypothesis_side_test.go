package report_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/report"
)

// Evidence is found by what a note says, not by its side: a hypothesis on
// deadlines pushing security work out quoted "Leadership backs us when we stop a
// risky release", a note on what motivates, with nothing to tell it from the
// complaints beside it. Every quote says its side where its area has one, in
// every format.
func TestHypothesisQuotesSayTheirSide(t *testing.T) {
	t.Parallel()
	svc := openService(t)
	ctx := context.Background()
	const campaign = "Chartering 2027"
	const (
		demotivates = "feature deadlines always win over security work"
		motivates   = "leadership backs us when we stop a risky release before the deadline"
		concern     = "no slack in the sprint for security fixes before the deadline"
		less        = "less pen testing right before the deadline"
		open        = "security work slips off the plan every deadline"
	)
	paperSession(t, svc, campaign, "Developers Porto", "2027-01-18", session.AudienceDevelopers, []session.ImportRow{
		{Line: 2, Text: demotivates, Area: "motivation", Lane: "demotivates", Author: "A"},
		{Line: 3, Text: motivates, Area: "motivation", Lane: "motivates", Author: "B"},
		{Line: 4, Text: concern, Area: "confidence", Lane: "concern", Author: "C"},
		{Line: 5, Text: less, Area: "activities", Lane: "less", Activity: "pen testing", Author: "A"},
		{Line: 6, Text: open, Area: "open", Lane: "Release pressure", Author: "B"},
	}, map[string][]string{
		"feature deadlines": {demotivates, motivates, concern, less, open},
	})
	if _, err := svc.AddHypothesis(ctx, campaign, "Deadlines push security work out of the teams' planning"); err != nil {
		t.Fatal(err)
	}
	f, err := report.LoadCampaignReport(ctx, svc, campaign)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Hypotheses) != 1 || len(f.Hypotheses[0].Quotes) != 5 {
		t.Fatalf("want H1 to quote the 5 notes of its theme, got %+v", f.Hypotheses)
	}
	// The side in the report's words for lanes; an open topic has none.
	sides := map[string]string{demotivates: "Demotivates", motivates: "Motivates", concern: "Concerns", less: "Do less", open: ""}
	where := map[string][2]string{demotivates: {"motivation", "demotivates"}, motivates: {"motivation", "motivates"},
		concern: {"confidence", "concern"}, less: {"activities", "less"}, open: {"open", "Release pressure"}}
	for _, q := range f.Hypotheses[0].Quotes {
		if got := q.Side(); got != sides[q.Text] {
			t.Errorf("%q is on the side %q, want %q", q.Text, got, sides[q.Text])
		}
		if got := [2]string{q.Area, q.Lane}; got != where[q.Text] {
			t.Errorf("%q is in %q, want %q", q.Text, got, where[q.Text])
		}
	}

	md, js := renderCampaign(t, f)
	h1 := hypothesisSection(md, "### H1. ")
	for text, side := range sides {
		want := "> " + text + " (S1, developers; " + side + ")\n"
		if side == "" {
			want = "> " + text + " (S1, developers)\n"
		}
		if !strings.Contains(h1, want) {
			t.Errorf("H1 lacks %q:\n%s", want, h1)
		}
	}
	if want := `"text": "` + motivates + `",
          "area": "motivation",
          "lane": "motivates",`; !strings.Contains(js, want) {
		t.Errorf("the JSON's quote lacks its area and lane:\n%s", js)
	}

	var page bytes.Buffer
	if err := f.WriteHTML(&page); err != nil {
		t.Fatal(err)
	}
	root, err := html.Parse(&page)
	if err != nil {
		t.Fatal(err)
	}
	if text, want := textOf(root), motivates+" (S1, developers; Motivates)"; !strings.Contains(text, want) {
		t.Errorf("the HTML page lacks %q", want)
	}

	var sheet bytes.Buffer
	if err := f.WriteCSV(&sheet); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&sheet).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	quoted := 0
	for _, r := range rows[1:] {
		if r[col["kind"]] != "hypothesis quote" {
			continue
		}
		quoted++
		if got, want := [2]string{r[col["area"]], r[col["lane"]]}, where[r[col["text"]]]; got != want {
			t.Errorf("the CSV puts %q in %q, want %q", r[col["text"]], got, want)
		}
	}
	if quoted != 5 {
		t.Errorf("the CSV has %d hypothesis quote rows, want 5", quoted)
	}
}
