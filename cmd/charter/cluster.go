package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/charter-tool/charter/analysis"
)

// clusterOutput is what `charter cluster` prints.
type clusterOutput struct {
	Themes []clusterTheme `json:"themes"`
}

type clusterTheme struct {
	Label   string   `json:"label"`
	NoteIDs []string `json:"note_ids"`
	// Representative is the theme's most central note, to show under the label.
	Representative string `json:"representative"`
}

// runCluster implements `charter cluster [FILE]`: notes as JSONL in (stdin when
// there is no FILE or it is "-"), themes as JSON out. It returns the exit code.
func runCluster(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("cluster", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: charter cluster [FILE]")
		fmt.Fprintln(stderr, "Groups notes into themes. Reads JSONL, one note a line with \"id\" and")
		fmt.Fprintln(stderr, "\"text\" (optional \"area\", \"lane\"), from FILE or stdin; prints JSON themes.")
	}
	if err := fs.Parse(args); err != nil {
		return parseExit(err)
	}
	if fs.NArg() > 1 {
		fs.Usage()
		return 2
	}

	in, name := stdin, "stdin"
	if path := fs.Arg(0); path != "" && path != "-" {
		f, err := os.Open(path)
		if err != nil {
			fmt.Fprintf(stderr, "charter cluster: %v\n", err)
			return 1
		}
		defer f.Close()
		in, name = f, path
	}
	docs, err := readNotes(in)
	if err != nil {
		fmt.Fprintf(stderr, "charter cluster: %s: %v\n", name, err)
		return 1
	}

	out := clusterOutput{Themes: []clusterTheme{}}
	for _, th := range analysis.Cluster(docs) {
		out.Themes = append(out.Themes, clusterTheme{Label: th.Label, NoteIDs: th.NoteIDs, Representative: th.Representative})
	}
	// Encoding into memory first means a failure leaves stdout untouched.
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		fmt.Fprintf(stderr, "charter cluster: encode themes: %v\n", err)
		return 1
	}
	if _, err := stdout.Write(buf.Bytes()); err != nil {
		fmt.Fprintf(stderr, "charter cluster: write themes: %v\n", err)
		return 1
	}
	return 0
}

// readNotes parses JSONL notes, skipping blank lines. Errors name the line so
// that a hand-edited file can be fixed.
func readNotes(r io.Reader) ([]analysis.Doc, error) {
	var docs []analysis.Doc
	seen := map[string]int{}
	sc := bufio.NewScanner(&boundedReader{r: r})
	sc.Buffer(make([]byte, 0, 64*1024), maxInputLine)
	line := 0
	for sc.Scan() {
		line++
		if text := bytes.TrimSpace(sc.Bytes()); len(text) > 0 {
			doc, perr := parseNote(text)
			if perr != nil {
				return nil, fmt.Errorf("line %d: %w", line, perr)
			}
			if first, dup := seen[doc.ID]; dup {
				return nil, fmt.Errorf("line %d: duplicate id %q (first on line %d)", line, doc.ID, first)
			}
			seen[doc.ID] = line
			docs = append(docs, doc)
		}
	}
	switch err := sc.Err(); {
	case errors.Is(err, bufio.ErrTooLong):
		return nil, lineTooLong(line + 1)
	case errors.Is(err, errFileTooLarge):
		return nil, err
	case err != nil:
		return nil, fmt.Errorf("read line %d: %w", line+1, err)
	}
	return docs, nil
}

func parseNote(line []byte) (analysis.Doc, error) {
	var n struct {
		ID   *string `json:"id"`
		Text *string `json:"text"`
		Area string  `json:"area"`
		Lane string  `json:"lane"`
	}
	if err := json.Unmarshal(line, &n); err != nil {
		return analysis.Doc{}, fmt.Errorf("not a JSON note object: %v", err)
	}
	switch {
	case n.ID == nil || strings.TrimSpace(*n.ID) == "":
		return analysis.Doc{}, errors.New(`missing "id"`)
	case n.Text == nil || strings.TrimSpace(*n.Text) == "":
		return analysis.Doc{}, errors.New(`missing "text"`)
	}
	if p := longField([]string{"id", "text", "area", "lane"}, []string{*n.ID, *n.Text, n.Area, n.Lane}); p != "" {
		return analysis.Doc{}, errors.New(p)
	}
	return analysis.Doc{ID: *n.ID, Text: *n.Text, Area: n.Area, Lane: n.Lane}, nil
}
