package report_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/report"
)

// A document names audiences in words wherever a person reads them ("service
// owners"), as the rest of the product does; their keys (service-owners) stay
// where programs read them: the JSON and the CSV's audience column. The reports
// said "security-engineers" in the summary, the tables, the headings, the quotes
// and the saturation verdict, and "security engineers" elsewhere, at times in one
// section.
func TestDocumentsNameAudiencesInWords(t *testing.T) {
	t.Parallel()
	svc := openService(t)
	ctx := context.Background()
	const campaign = "Chartering 2027"
	pen := func(title string, aud session.Audience) string {
		return paperSession(t, svc, campaign, title, "", aud, []session.ImportRow{
			{Line: 2, Text: "the pen test report arrives after the release " + title, Area: "activities", Lane: "less", Activity: "pen testing", Author: "A"},
			{Line: 3, Text: "pen test findings are useless to us " + title, Area: "activities", Lane: "less", Activity: "pen testing", Author: "B"},
			{Line: 4, Text: "pen testing finds what scanners miss " + title, Area: "activities", Lane: "keep", Activity: "pen testing", Author: "C"},
		}, map[string][]string{"pen testing": {"the pen test report arrives after the release " + title,
			"pen test findings are useless to us " + title, "pen testing finds what scanners miss " + title}})
	}
	pen("Security engineers Berlin", session.AudienceSecurityEngineers)
	owners := pen("Service owners Lyon", session.AudienceServiceOwners)
	pen("Security engineers Lyon", session.AudienceSecurityEngineers)
	for _, h := range []string{"Service owners find pen tests useless", "Security engineers value pen tests"} {
		if _, err := svc.AddHypothesis(ctx, campaign, h); err != nil {
			t.Fatal(err)
		}
	}
	f, err := report.LoadCampaignReport(ctx, svc, campaign)
	if err != nil {
		t.Fatal(err)
	}
	d, err := report.Load(ctx, svc, owners)
	if err != nil {
		t.Fatal(err)
	}
	findings := report.Build(d)

	keys := []string{string(session.AudienceSecurityEngineers), string(session.AudienceServiceOwners)}
	for _, doc := range []struct {
		name  string
		write func(*bytes.Buffer) error
		want  []string
	}{
		{"campaign Markdown", func(b *bytes.Buffer) error { return f.WriteMarkdown(b) }, []string{
			"- Audiences: security engineers, service owners\n",
			"### service owners\n",
			"(S2, service owners, the audience it names; ",
			"It names service owners: ",
			"For security engineers, ",
			"| service owners | 3 | ",
		}},
		{"campaign HTML", func(b *bytes.Buffer) error { return f.WriteHTML(b) }, []string{"service owners"}},
		{"findings Markdown", func(b *bytes.Buffer) error { return findings.WriteMarkdown(b) }, []string{
			"- Audience: service owners\n", "- Participants (service owners): 3",
		}},
		{"findings HTML", func(b *bytes.Buffer) error { return findings.WriteHTML(b) }, []string{"service owners"}},
	} {
		var b bytes.Buffer
		if err := doc.write(&b); err != nil {
			t.Fatal(err)
		}
		text := b.String()
		if strings.HasSuffix(doc.name, "HTML") {
			// What the page shows: its headings' IDs may keep the hyphen.
			root, err := html.Parse(&b)
			if err != nil {
				t.Fatal(err)
			}
			text = textOf(root)
		}
		for _, k := range keys {
			if i := strings.Index(text, k); i >= 0 {
				t.Errorf("%s names an audience by its key: %q", doc.name, text[max(0, i-80):min(len(text), i+80)])
			}
		}
		for _, w := range doc.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s lacks %q", doc.name, w)
			}
		}
	}

	// For programs, the keys.
	_, js := renderCampaign(t, f)
	if !strings.Contains(js, `"audience": "service-owners"`) {
		t.Error("the JSON no longer gives audiences by their keys")
	}
	audiences := map[string]bool{}
	for _, r := range csvRows(t, f) {
		for _, a := range strings.Split(r["audience"], "; ") {
			audiences[a] = true
		}
	}
	if !audiences["service-owners"] || !audiences["security-engineers"] || audiences["service owners"] {
		t.Errorf("the CSV's audience column holds %v, want the keys", audiences)
	}
}
