package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
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
	// Representative is the ID of the theme's most central note, to show under the
	// label.
	Representative string `json:"representative"`
	// Notes are the theme's notes in the order of NoteIDs, with their texts, so
	// that a person can read the grouping without the input beside it.
	Notes []clusterNote `json:"notes"`
}

type clusterNote struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

// runCluster implements `charter cluster [FILE]`: notes as JSONL in (stdin when
// there is no FILE or it is "-"), themes as JSON out. It returns the exit code.
func runCluster(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("cluster", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: charter cluster [--format jsonl|csv] [FILE]")
		fmt.Fprintln(fs.Output(), "Groups notes into themes. Reads JSONL, one note a line with \"text\" (optional")
		fmt.Fprintln(fs.Output(), "\"id\", \"area\", \"lane\", \"activity\"; other fields are left aside), or a CSV file as")
		fmt.Fprintln(fs.Output(), "charter import reads it, from FILE or stdin; prints JSON themes, each with")
		fmt.Fprintln(fs.Output(), "its label, note IDs, most central note and notes (id and text). A note")
		fmt.Fprintln(fs.Output(), "without an id is named by its line number.")
		fmt.Fprintln(fs.Output())
		fs.PrintDefaults()
	}
	format := fs.String("format", "", "jsonl or csv (default: from FILE's extension, else jsonl)")
	files, err := parseInterspersed(fs, args, stdout)
	if err != nil {
		return parseExit(err)
	}
	if len(files) > 1 {
		fs.Usage()
		return 2
	}
	path := ""
	if len(files) == 1 {
		path = files[0]
	}
	csvIn := strings.EqualFold(*format, formatCSV) || *format == "" && strings.EqualFold(filepath.Ext(path), ".csv")
	if *format != "" && !strings.EqualFold(*format, formatCSV) && !strings.EqualFold(*format, "jsonl") {
		fmt.Fprintf(stderr, "charter cluster: --format %q: use jsonl or csv\n", *format)
		return 2
	}

	in, name := stdin, "stdin"
	if path != "" && path != "-" {
		f, err := openInput(path)
		if err != nil {
			fmt.Fprintf(stderr, "charter cluster: %v\n", err)
			return 1
		}
		defer f.Close()
		in, name = f, path
	}
	read := readNotes
	if csvIn {
		read = readNotesCSV
	}
	docs, err := read(in)
	if err != nil {
		fmt.Fprintf(stderr, "charter cluster: %s: %v\n", name, err)
		return 1
	}

	text := make(map[string]string, len(docs))
	for _, d := range docs {
		text[d.ID] = d.Text
	}
	out := clusterOutput{Themes: []clusterTheme{}}
	for _, th := range analysis.Cluster(docs) {
		ct := clusterTheme{Label: th.Label, NoteIDs: th.NoteIDs, Representative: th.Representative, Notes: []clusterNote{}}
		for _, id := range th.NoteIDs {
			ct.Notes = append(ct.Notes, clusterNote{ID: id, Text: text[id]})
		}
		out.Themes = append(out.Themes, ct)
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
			if errors.Is(perr, errOnlyRating) {
				continue // charter import's check-in rating: no note to group
			}
			if perr != nil {
				return nil, fmt.Errorf("line %d: %w", line, perr)
			}
			if doc.ID == "" {
				doc.ID = strconv.Itoa(line)
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

// errOnlyRating is parseNote's answer for a row of charter import that holds a
// check-in rating and no note.
var errOnlyRating = errors.New("a rating without a note")

func parseNote(line []byte) (analysis.Doc, error) {
	var n struct {
		ID       *string         `json:"id"`
		Text     *string         `json:"text"`
		Area     string          `json:"area"`
		Lane     string          `json:"lane"`
		Activity string          `json:"activity"`
		Rating   json.RawMessage `json:"rating"`
	}
	if err := json.Unmarshal(line, &n); err != nil {
		return analysis.Doc{}, fmt.Errorf("not a JSON note object: %v", err)
	}
	id := ""
	switch {
	case n.ID != nil && strings.TrimSpace(*n.ID) == "":
		return analysis.Doc{}, errors.New(`blank "id"; leave it out to name the note by its line number`)
	case (n.Text == nil || strings.TrimSpace(*n.Text) == "") && jsonRating(n.Rating) != "":
		return analysis.Doc{}, errOnlyRating
	case n.Text == nil || strings.TrimSpace(*n.Text) == "":
		return analysis.Doc{}, errors.New(`missing "text"`)
	case n.ID != nil:
		id = *n.ID
	}
	if p := longField([]string{"id", "text", "area", "lane", "activity"}, []string{id, *n.Text, n.Area, n.Lane, n.Activity}); p != "" {
		return analysis.Doc{}, errors.New(p)
	}
	return analysis.Doc{ID: id, Text: *n.Text, Area: n.Area, Lane: n.Lane, Activity: n.Activity}, nil
}

// readNotesCSV reads notes as charter import reads a CSV file; each note is named by
// its line number, and rows holding only a rating are left aside.
func readNotesCSV(r io.Reader) ([]analysis.Doc, error) {
	rows, err := readImportCSV(r)
	if err != nil {
		return nil, err
	}
	var docs []analysis.Doc
	for _, row := range rows {
		if row.Problem != "" {
			return nil, fmt.Errorf("line %d: %s", row.Line, row.Problem)
		}
		if strings.TrimSpace(row.Text) == "" {
			continue
		}
		docs = append(docs, analysis.Doc{ID: strconv.Itoa(row.Line), Text: row.Text, Area: row.Area, Lane: row.Lane, Activity: row.Activity})
	}
	if len(docs) == 0 {
		return nil, errors.New("the file holds no notes")
	}
	return docs, nil
}
