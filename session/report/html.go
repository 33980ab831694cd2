package report

import (
	"bytes"
	"fmt"
	"io"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
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
// and no autolinks, so that the page links nowhere.
var markdownToHTML = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough))

const pageStyle = `body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#222}
table{border-collapse:collapse;margin:0 0 1rem}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f2f4f7}td{font-variant-numeric:tabular-nums}blockquote{margin:0 0 .5rem;padding:.25rem .75rem;border-left:4px solid #3b6ea5;color:#444}
pre{background:#f6f8fa;padding:.5rem;overflow-x:auto}figure{margin:0 0 1.5rem}svg{max-width:100%;height:auto}
h2{border-bottom:1px solid #ddd;padding-bottom:.2rem;margin-top:2rem}`

func writeHTML(w io.Writer, title string, sections []section) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
	fmt.Fprintf(&b, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	fmt.Fprintf(&b, "<title>%s</title>\n<style>\n%s\n</style>\n</head>\n<body>\n", esc(title), pageStyle)
	for _, s := range sections {
		m := newMarkdown(nil)
		s.markdown(m)
		if err := markdownToHTML.Convert(m.buf.Bytes(), &b); err != nil {
			return fmt.Errorf("render HTML: %w", err)
		}
		if s.chart != nil {
			if c := s.chart(); c != "" {
				fmt.Fprintf(&b, "<figure>%s</figure>\n", c)
			}
		}
	}
	b.WriteString("</body>\n</html>\n")
	_, err := w.Write(b.Bytes())
	return err
}
