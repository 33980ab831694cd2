package report_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/report"
)

// formulaNotes are notes a spreadsheet would run as formulas if they were left as
// they are.
var formulaNotes = []string{`=HYPERLINK("http://evil.example","click")`, "+1+2", "-2+3", "@SUM(A1:A9)", "\t=1+1"}

func formulaSession() *report.Data {
	d := pureSession("f", 1, session.AudienceDevelopers, make([]session.Profile, 4), map[string][]string{"formulas": formulaNotes})
	d.Actions = []*session.ActionPoint{{ID: 1, ThemeID: d.Themes[0].ID, Title: "=cmd|' /C calc'!A0", Priority: 1, Owner: "@owner", Status: session.ActionProposed}}
	return d
}

func TestCSVReadsBackAndNeutralisesFormulas(t *testing.T) {
	t.Parallel()
	docs := map[string]report.Document{
		"session":  report.Build(formulaSession()),
		"campaign": report.BuildCampaign("c", []*report.Data{formulaSession()}),
	}
	for name, doc := range docs {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := doc.WriteCSV(&b); err != nil {
				t.Fatal(err)
			}
			text := b.String()
			rows, err := csv.NewReader(&b).ReadAll()
			if err != nil {
				t.Fatalf("the CSV does not read back: %v", err)
			}
			if strings.Join(rows[0], ",") != strings.Join(report.CSVHeader, ",") {
				t.Fatalf("header %v", rows[0])
			}
			kinds := map[string]int{}
			for _, r := range rows[1:] {
				kinds[r[0]]++
				for _, cell := range r {
					if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
						t.Errorf("cell %q starts a formula", cell)
					}
				}
			}
			if kinds["action point"] != 1 || kinds["note"] != len(formulaNotes) {
				t.Errorf("rows by kind %v", kinds)
			}
			for _, want := range []string{`'=HYPERLINK`, `'@owner`, `'-2+3`, `'=cmd`} {
				if !strings.Contains(text, want) {
					t.Errorf("CSV lacks %q", want)
				}
			}
		})
	}
}

// htmlDoc renders the campaign fixture as HTML once for the tests below.
// htmlPage is the campaign's HTML report, written once for the tests that read it
// (charts and all, it is seconds of CPU under the race detector).
var htmlPage struct {
	once sync.Once
	doc  []byte
	err  error
}

func htmlDoc(t *testing.T) []byte {
	t.Helper()
	c := mustCampaign(t)
	htmlPage.once.Do(func() {
		var b bytes.Buffer
		htmlPage.err = report.BuildCampaign(campaignName, c.load(t)).WriteHTML(&b)
		htmlPage.doc = b.Bytes()
	})
	if htmlPage.err != nil {
		t.Fatal(htmlPage.err)
	}
	return htmlPage.doc
}

func TestHTMLIsSelfContainedAndParses(t *testing.T) {
	t.Parallel()
	doc := htmlDoc(t)
	root, err := html.Parse(bytes.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	var svgs, tables, h2 int
	var texts strings.Builder
	ids := map[string]bool{}
	var links []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "iframe", "object", "embed", "link", "img":
				t.Errorf("element <%s> in a self-contained page", n.Data)
			case "svg":
				svgs++
			case "table":
				tables++
			case "h2":
				h2++
			}
			for _, a := range n.Attr {
				switch {
				case a.Key == "id":
					ids[a.Val] = true
				case a.Key == "href" && n.Data == "a" && strings.HasPrefix(a.Val, "#"):
					// The contents link to the page's own headings, nowhere else.
					links = append(links, a.Val[1:])
				case a.Key == "src" || a.Key == "href" || strings.HasPrefix(a.Key, "on"):
					t.Errorf("<%s %s=%q> reaches outside the page or runs code", n.Data, a.Key, a.Val)
				}
			}
		}
		if n.Type == html.TextNode {
			texts.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	if len(links) != h2 {
		t.Errorf("the contents link %d sections, the page has %d", len(links), h2)
	}
	for _, l := range links {
		if !ids[l] {
			t.Errorf("the contents link #%s, which no heading has", l)
		}
	}
	// Activity heat map, theme ranking, confidence per audience, saturation.
	if svgs != 4 {
		t.Errorf("%d charts, want 4", svgs)
	}
	if tables < 5 || h2 < 8 {
		t.Errorf("%d tables and %d sections", tables, h2)
	}
	// User text arrives as text, whole: the hostile action title did not become markup.
	if !strings.Contains(texts.String(), hostileAction) {
		t.Errorf("the page lacks the action title %q as text", hostileAction)
	}
	for _, want := range []string{"Summary", "Activity matrix", "Audiences side by side", "Saturation"} {
		if !strings.Contains(texts.String(), want) {
			t.Errorf("the page lacks %q", want)
		}
	}
}

// TestHTMLInBrowser has Chromium draw the page, when it is installed, and checks
// that it drew a page of ink, not an empty one. The PNG stays in the test's
// directory with -v for a person to look at. It runs when CHARTER_BROWSER_TEST=1,
// as make test sets it: Chromium spends four or five seconds of CPU on it, a tenth
// of what the bare go test -race ./... has for all the tests on two cores.
func TestHTMLInBrowser(t *testing.T) {
	t.Parallel()
	if os.Getenv("CHARTER_BROWSER_TEST") != "1" {
		t.Skip("a browser draws the page only when CHARTER_BROWSER_TEST=1, as make test sets it")
	}
	browser := "/usr/bin/chromium"
	if _, err := os.Stat(browser); err != nil {
		t.Skipf("no browser at %s (apt-get install chromium to run this test)", browser)
	}
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	if err := os.WriteFile(page, htmlDoc(t), 0o600); err != nil {
		t.Fatal(err)
	}
	// The top of the page, a screen and a half: the race detector's build decodes
	// a PNG slowly, and 4,000 rows took three seconds.
	shot := filepath.Join(dir, "report.png")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--single-process", "--no-zygote",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+filepath.Join(dir, "profile"), "--window-size=1024,1536", "--screenshot="+shot, "file://"+page)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, out)
	}
	f, err := os.Open(shot)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	ink := 0
	for y := b.Min.Y; y < b.Max.Y; y += 4 {
		for x := b.Min.X; x < b.Max.X; x += 4 {
			if r, g, bl, _ := img.At(x, y).RGBA(); r+g+bl < 3*0xc000 {
				ink++
			}
		}
	}
	if ink < 2000 {
		t.Errorf("the page drew %d dark samples: is it empty?", ink)
	}
	if dst := os.Getenv("CHARTER_SCREENSHOT"); dst != "" {
		data, _ := os.ReadFile(shot)
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// The HTML page draws its charts once: the bars the Markdown draws in text (the
// confidence distributions, the saturation) are left out beside their SVG charts.
func TestHTMLDrawsEachChartOnce(t *testing.T) {
	t.Parallel()
	doc := string(htmlDoc(t))
	if strings.Contains(doc, "language-text") || strings.Contains(doc, "| ###") || strings.Contains(doc, "█") {
		t.Errorf("the HTML page holds text-drawn bars beside its charts")
	}
	if !strings.Contains(doc, "New campaign themes each session brought, in date order (cumulative in brackets): S1 ") {
		t.Errorf("the HTML page lost the saturation figures")
	}
}

// In the HTML page the method's words and dates are never broken across lines:
// in a narrow column "in-progress" broke at its hyphen, a date after its year
// ("2026-" above "03-02"), a session's mode into "in-" and "person".
func TestHTMLKeepsWordsAndDatesWhole(t *testing.T) {
	t.Parallel()
	d := pureSession("s", 1, session.AudienceDevelopers, make([]session.Profile, 4), map[string][]string{"pen tests": {"more pen tests", "pen tests come late"}})
	d.Actions = []*session.ActionPoint{{ID: 1, ThemeID: d.Themes[0].ID, Title: "Book the pen testers a year ahead", Priority: 1,
		Status: session.ActionInProgress, Due: "2026-08-30"}}
	var findings bytes.Buffer
	if err := report.Build(d).WriteHTML(&findings); err != nil {
		t.Fatal(err)
	}
	// The columns kept whole, and cells each page must have shown in them.
	whole := map[string]bool{"Status": true, "Due": true, "Date": true, "Audience": true, "Mode": true, "Phase": true}
	for _, page := range []struct {
		name string
		doc  []byte
		want []string
	}{
		{"findings", findings.Bytes(), []string{"in-progress", "2026-08-30"}},
		{"campaign report", htmlDoc(t), []string{"in-progress", "2026-08-30", "2026-03-02", "in-person", "security engineers"}},
	} {
		root, err := html.Parse(bytes.NewReader(page.doc))
		if err != nil {
			t.Fatal(err)
		}
		var style string
		var tables []*html.Node
		var walk func(n *html.Node)
		walk = func(n *html.Node) {
			switch {
			case n.Type == html.ElementNode && n.Data == "table":
				tables = append(tables, n)
			case n.Type == html.TextNode && n.Parent != nil && n.Parent.Data == "style":
				style += n.Data
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(root)
		cells := map[string]int{}
		for _, table := range tables {
			var head []string
			for _, row := range elements(table, "tr") {
				for i, cell := range append(elements(row, "th"), elements(row, "td")...) {
					if cell.Data == "th" {
						head = append(head, textOf(cell))
						continue
					}
					if i >= len(head) || !whole[head[i]] {
						continue
					}
					cells[textOf(cell)]++
					kept := false
					for _, a := range cell.Attr {
						for _, class := range strings.Fields(a.Val) {
							kept = kept || (a.Key == "class" && strings.Contains(style, "."+class+"{white-space:nowrap}"))
						}
					}
					if !kept {
						t.Errorf("%s: the %s cell %q may be broken across lines", page.name, head[i], textOf(cell))
					}
				}
			}
		}
		for _, w := range page.want {
			if cells[w] == 0 {
				t.Errorf("%s: no cell %q among those looked at: %v", page.name, w, cells)
			}
		}
	}
}

// elements are the elements named tag under n, in document order.
func elements(n *html.Node, tag string) []*html.Node {
	var out []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.Data == tag {
			out = append(out, c)
		}
		out = append(out, elements(c, tag)...)
	}
	return out
}

// textOf is the text under n.
func textOf(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(textOf(c))
	}
	return b.String()
}
