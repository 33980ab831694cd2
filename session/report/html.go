package report

import (
	"bytes"
	"fmt"
	"io"
	"regexp"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// WriteHTML writes f as one self-contained HTML page: the Markdown document
// rendered, each section followed by its chart as inline SVG.
func (f *Findings) WriteHTML(w io.Writer) error {
	return writeHTML(w, "Findings: "+f.Session.Title, f.sections())
}

// WriteHTML writes f as one self-contained HTML page: the Markdown document
// rendered, each section followed by its chart as inline SVG.
func (f *CampaignFindings) WriteHTML(w io.Writer) error {
	return writeHTML(w, "Campaign report: "+f.Campaign, f.sections())
}

// markdownToHTML renders the document's Markdown: GitHub tables and
// strikethrough, no raw HTML (Escape never leaves any, and goldmark would omit it),
// and no autolinks, so that the page links nowhere but to its own headings: each
// has an ID made from its words, which the contents at the top link to.
var markdownToHTML = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough),
	goldmark.WithParserOptions(parser.WithAutoHeadingID(), parser.WithASTTransformers(util.Prioritized(wholeCells{}, 100))))

// unbrokenColumns are the tables' columns whose cells a browser must not break
// across lines: the method's words and dates, each read as one. In a narrow
// column a status broke at its hyphen ("in-" above "progress"), a date after its
// year, a mode and an audience as "in-" "person" and "security-" "engineers".
var unbrokenColumns = map[string]bool{"Status": true, "Due": true, "Date": true, "Audience": true, "Mode": true, "Phase": true}

// wholeCells marks the cells of unbrokenColumns, in every table, with the class
// that pageStyle keeps on one line.
type wholeCells struct{}

func (wholeCells) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Kind() != east.KindTable {
			return ast.WalkContinue, nil
		}
		var whole []bool // by column, from the header
		for row := n.FirstChild(); row != nil; row = row.NextSibling() {
			col := 0
			for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
				if row.Kind() == east.KindTableHeader {
					whole = append(whole, unbrokenColumns[cellText(cell, src)])
				}
				if col < len(whole) && whole[col] {
					cell.SetAttributeString("class", "whole")
				}
				col++
			}
		}
		return ast.WalkSkipChildren, nil
	})
}

// cellText is the text of a table cell as its Markdown wrote it.
func cellText(cell ast.Node, src []byte) string {
	var b bytes.Buffer
	for c := cell.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			b.Write(t.Value(src))
		}
	}
	return b.String()
}

// sectionHeading is a second-level heading as goldmark renders it with its ID.
var sectionHeading = regexp.MustCompile(`<h2 id="([^"]+)">(.*?)</h2>`)

const pageStyle = `body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#222}
table{border-collapse:collapse;margin:0 0 1rem}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f2f4f7}td{font-variant-numeric:tabular-nums}.whole{white-space:nowrap}blockquote{margin:0 0 .5rem;padding:.25rem .75rem;border-left:4px solid #3b6ea5;color:#444}
pre{background:#f6f8fa;padding:.5rem;overflow-x:auto}figure{margin:0 0 1.5rem}svg{max-width:100%;height:auto}figcaption{color:#555;font-size:.9rem;max-width:40rem}
h2{border-bottom:1px solid #ddd;padding-bottom:.2rem;margin-top:2rem}
nav{background:#f6f8fa;padding:.5rem 1rem;margin:0 0 1.5rem}nav ul{margin:.25rem 0;padding-left:1.25rem;columns:2}`

func writeHTML(w io.Writer, title string, sections []section) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
	fmt.Fprintf(&b, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	fmt.Fprintf(&b, "<title>%s</title>\n<style>\n%s\n</style>\n</head>\n<body>\n", esc(title), pageStyle)
	// One parser context for the page, so that two headings alike get two IDs.
	pc := parser.NewContext()
	var body bytes.Buffer
	for _, s := range sections {
		chart := ""
		if s.chart != nil {
			chart = s.chart()
		}
		m := newMarkdown(nil)
		m.charted = chart != ""
		s.markdown(m)
		if err := markdownToHTML.Convert(m.buf.Bytes(), &body, parser.WithContext(pc)); err != nil {
			return fmt.Errorf("render HTML: %w", err)
		}
		if chart != "" {
			fmt.Fprintf(&body, "<figure>%s</figure>\n", chart)
		}
	}
	page := body.Bytes()
	// The contents, after the page's title: a link to each section.
	if hs := sectionHeading.FindAllSubmatch(page, -1); len(hs) > 1 {
		var nav bytes.Buffer
		nav.WriteString("<nav><strong>Contents</strong>\n<ul>\n")
		for _, h := range hs {
			fmt.Fprintf(&nav, "<li><a href=\"#%s\">%s</a></li>\n", h[1], h[2])
		}
		nav.WriteString("</ul></nav>\n")
		at := 0
		if i := bytes.Index(page, []byte("</h1>\n")); i >= 0 {
			at = i + len("</h1>\n")
		}
		b.Write(page[:at])
		b.Write(nav.Bytes())
		page = page[at:]
	}
	b.Write(page)
	b.WriteString("</body>\n</html>\n")
	_, err := w.Write(b.Bytes())
	return err
}
