package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/charter-tool/charter/session"
)

// importColumns are the fields of a row, in both formats; text, area and lane are
// required, unless a file holds ratings only. Anything else is refused, so that a
// misspelt optional column ("autor") is not silently dropped.
var importColumns = []string{"text", "area", "lane", "activity", "author", "rating"}

func runImport(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: charter import --data DIR --session ID [--format jsonl|csv] FILE")
		fmt.Fprintln(fs.Output(), "\nFILE holds one note a row with text, area and lane (for area open, lane is the")
		fmt.Fprintln(fs.Output(), "topic), optional activity and author (a label such as \"table 2 / person A\"; rows")
		fmt.Fprintln(fs.Output(), "without one share one anonymous participant, the same in every import). FILE -")
		fmt.Fprintln(fs.Output(), "reads stdin.")
		fmt.Fprintln(fs.Output(), "\nA row may give its author's check-in rating (rating, 1 to 5), with a note or")
		fmt.Fprintln(fs.Output(), "alone (text, area and lane empty). A rating on a row without an author is one")
		fmt.Fprintln(fs.Output(), "person's (one card, one person). A file of ratings only needs just the rating")
		fmt.Fprintln(fs.Output(), "column. Ratings are refused for a session that has paper ratings already.")
		fmt.Fprintln(fs.Output())
		fs.PrintDefaults()
	}
	dir := fs.String("data", defaultDataDir, "data directory")
	id := fs.String("session", "", "ID of the session to import into (required)")
	format := fs.String("format", "", "jsonl or csv (default: from FILE's extension)")
	allowDup := fs.Bool("allow-duplicates", false, "import rows the session already has a note for (same text, area and lane), and ratings into a session that has paper ratings")
	files, err := parseInterspersed(fs, args, stdout)
	if err != nil {
		return parseExit(err)
	}
	if *id == "" || len(files) != 1 {
		fs.Usage()
		// Said last, under the usage, where it is read.
		switch {
		case *id == "":
			fmt.Fprintln(stderr, "charter import: --session is required (charter session list gives the IDs)")
		case len(files) == 0:
			fmt.Fprintln(stderr, "charter import: no FILE given (- reads standard input)")
		default:
			quoted := make([]string, len(files))
			for i, f := range files {
				quoted[i] = fmt.Sprintf("%q", f)
			}
			fmt.Fprintf(stderr, "charter import: one FILE at a time; %d given: %s\n", len(files), strings.Join(quoted, " "))
		}
		return 2
	}
	name := files[0]
	f, err := importFormat(name, *format)
	if err != nil {
		fmt.Fprintln(stderr, "charter import:", err)
		return 2
	}

	in := stdin
	if name != "-" {
		file, err := openInput(name)
		if err != nil {
			fmt.Fprintln(stderr, "charter import:", err)
			return 1
		}
		defer file.Close()
		in = file
	}
	rows, ignored, err := readImport(in, f)
	if err != nil {
		fmt.Fprintf(stderr, "charter import: %s: %v\n", name, err)
		return 1
	}

	db, err := openExisting(*dir)
	if err != nil {
		fmt.Fprintln(stderr, "charter import:", err)
		return 1
	}
	defer db.Close()
	svc := session.NewService(db, nil)
	*id = sessionID(context.Background(), svc, *id)
	res, err := svc.Import(context.Background(), *id, rows, session.ImportOptions{AllowDuplicates: *allowDup})
	var ie *session.ImportError
	switch {
	case errors.As(err, &ie):
		dups := 0
		for _, p := range ie.Problems {
			if p.Message == session.DuplicateNote {
				dups++
			}
		}
		notes := 0
		for _, r := range rows {
			if strings.TrimSpace(r.Text) != "" {
				notes++
			}
		}
		if dups == len(ie.Problems) && dups > 3 {
			// The same file again, or mostly: one line, not one per row.
			some := fmt.Sprintf("all %d of its notes are", dups)
			if dups < notes {
				some = fmt.Sprintf("%d of its %d notes are", dups, notes)
			}
			fmt.Fprintf(stderr, "charter import: %s: %s in the session already %s; nothing was imported.\n",
				name, some, strings.TrimPrefix(session.DuplicateNote, "this note is already in the session "))
		} else {
			fmt.Fprintf(stderr, "charter import: %s: %d %s cannot be imported; nothing was imported:\n", name, len(ie.Problems), plural(len(ie.Problems), "row", "rows"))
			for _, p := range ie.Problems {
				fmt.Fprintln(stderr, "  "+p.String())
			}
		}
		if dups > 0 {
			fmt.Fprintln(stderr, "Was this file imported before? If these are different sticky notes that say the same, import with --allow-duplicates.")
		}
		return 1
	case errors.Is(err, session.ErrRatingsAgain):
		fmt.Fprintln(stderr, "charter import:", errorText(err), "Nothing was imported.")
		fmt.Fprintln(stderr, "Was this file imported before? If these ratings are other people's, import with --allow-duplicates.")
		return 1
	case session.ErrorCode(err) == session.ENotFound:
		fmt.Fprintf(stderr, "charter import: there is no session %q in %s; charter session list --data %s lists them\n", *id, *dir, *dir)
		return 1
	case err != nil:
		fmt.Fprintln(stderr, "charter import:", errorText(err))
		return 1
	}
	var what []string
	if res.Notes > 0 || res.Ratings == 0 {
		what = append(what, fmt.Sprintf("%d %s", res.Notes, plural(res.Notes, "note", "notes")))
	}
	if res.Ratings > 0 {
		what = append(what, fmt.Sprintf("%d check-in %s", res.Ratings, plural(res.Ratings, "rating", "ratings")))
	}
	fmt.Fprintf(stdout, "imported %s into session %s (%d paper %s)\n", strings.Join(what, " and "), *id, res.Authors, plural(res.Authors, "author", "authors"))
	if res.Duplicates > 0 {
		// Allowed, but a file imported twice counts its people twice: say so in
		// numbers, while it can still be seen.
		var some string
		switch {
		case res.Notes == 1:
			some = "the imported note is"
		case res.Duplicates == res.Notes:
			some = fmt.Sprintf("all %d imported notes are", res.Notes)
		case res.Duplicates == 1:
			some = fmt.Sprintf("1 of the %d imported notes is", res.Notes)
		default:
			some = fmt.Sprintf("%d of the %d imported notes are", res.Duplicates, res.Notes)
		}
		fmt.Fprintf(stdout, "note: %s the same as notes the session had; it now counts %d paper %s. If this file was imported before, its notes and authors count twice in the findings.\n",
			some, res.PaperPeople, plural(res.PaperPeople, "author", "authors"))
	}
	if res.Filed > 0 {
		// As for notes written live: said, for the facilitator to see why the
		// matrix counts notes whose rows named no activity.
		some := fmt.Sprintf("%d notes", res.Filed)
		if res.Filed == 1 {
			some = "1 note"
		}
		fmt.Fprintf(stdout, "note: %s of the security activities given no activity went under the one of the session's list %s text names, as notes written live do (L on the board files a note elsewhere).\n",
			some, plural(res.Filed, "its", "their"))
	}
	if ignored {
		fmt.Fprintf(stdout, "note: the %s fields were left aside: each note gets its own ID, and themes are made on the board.\n", ignoredFields)
	}
	sess, serr := svc.Session(context.Background(), *id)
	if serr == nil {
		for _, line := range unknownActivities(rows, sess.Activities) {
			fmt.Fprintln(stdout, line)
		}
	}
	if serr == nil && sess.Date == "" {
		// Paper comes in after the day: a session left undated is placed on the day
		// it was created, which may be long after it was held. Its paper authors
		// make it held even if it never left the lobby: reports, session list and
		// the home all date it so.
		fmt.Fprintf(stdout, "note: the session was given no day (--date), so reports place it on %s, the day it was created; if it was held on another day: charter session edit --data %s --session %s --date YYYY-MM-DD\n",
			sess.Day().Format(session.DateLayout), *dir, *id)
	}
	if serr == nil && res.Notes > 0 {
		switch {
		case sess.Phase == session.PhaseGroup:
			fmt.Fprintln(stdout, "note: the session is in group: the new notes are in no theme yet. Put them into themes on the board (M moves a note), or press g: before any theme is accepted it suggests themes again, after it shows where the new notes would go.")
		case sess.Phase.AtLeast(session.PhaseVote):
			fmt.Fprintf(stdout, "note: the session is in the %s phase, past grouping: the new notes are in no theme yet, so they count in no theme's score.\n", sess.Phase)
			fmt.Fprintln(stdout, "Open the board, go back to the group phase with [ and put them into themes (or export as it is: they are in the appendix).")
		}
	}
	return 0
}

// parseExit is a command's exit code for a flag parsing error: 0 when help was
// asked for (-h), 2 for a usage error (already explained on stderr by flag).
func parseExit(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	return 2
}

// parseInterspersed parses flags that may come before or after the positional
// arguments, and returns the positional ones; help goes to stdout, as parseFlags says.
// After "--" everything is an argument, as flag has it: "-- a.csv -h" is two files.
func parseInterspersed(fs *flag.FlagSet, args []string, stdout io.Writer) ([]string, error) {
	var pos []string
	for {
		if err := parseFlags(fs, args, stdout); err != nil {
			return nil, err
		}
		if endedAtDashes(fs, args) {
			return append(pos, fs.Args()...), nil
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// endedAtDashes reports whether fs, having parsed args, stopped at a "--" (which
// flag drops) rather than at an argument or the end. It walks the flags fs took as
// flag does, so that a "--" given as a flag's value ("--title --") is no end.
func endedAtDashes(fs *flag.FlagSet, args []string) bool {
	took := args[:len(args)-fs.NArg()]
	for i := 0; i < len(took); i++ {
		if took[i] == "--" {
			return true
		}
		name, _, hasValue := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(took[i], "-"), "-"), "=")
		f := fs.Lookup(name)
		if hasValue || f == nil {
			continue
		}
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
			continue
		}
		i++ // the flag's value, the next argument
	}
	return false
}

// unknownActivities says which activities the imported notes name that the session's
// list has not: each is a proposal in the findings (a row of the activity matrix
// marked "proposed, not accepted", after the list's, until a on the board's notes
// view accepts it), so a slip ("pen tsting") split an activity's notes in two
// without a word. One within two letters of the list's is asked about.
func unknownActivities(rows []session.ImportRow, list []string) []string {
	known := map[string]bool{}
	for _, a := range list {
		known[strings.ToLower(session.CleanText(a))] = true
	}
	count := map[string]int{}
	var order []string
	for _, r := range rows {
		a := session.CleanText(r.Activity)
		if a == "" || known[strings.ToLower(a)] {
			continue
		}
		if count[a] == 0 {
			order = append(order, a)
		}
		count[a]++
	}
	var out []string
	for _, a := range order {
		n := fmt.Sprintf("%d %s", count[a], plural(count[a], "note names", "notes name"))
		near := ""
		for _, k := range list {
			if digitsOf(a) == digitsOf(k) && editDistance([]rune(strings.ToLower(a)), []rune(strings.ToLower(k))) <= 2 {
				near = k
				break
			}
		}
		if near != "" {
			out = append(out, fmt.Sprintf("note: %s the activity %q, which the session does not have: did you mean %q? As written the findings list it apart, as proposed, not accepted; on the board, L on a note files it under another.", n, a, near))
		} else {
			out = append(out, fmt.Sprintf("note: %s the activity %q, which is not in the session's list; the findings list it apart, as proposed, not accepted, until it is accepted into the list (a on the board's notes view).", n, a))
		}
	}
	return out
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Import file formats.
const (
	formatJSONL = "jsonl"
	formatCSV   = "csv"
)

// importFormat is the format asked for, or else the one FILE's extension names.
func importFormat(name, asked string) (string, error) {
	switch strings.ToLower(asked) {
	case "jsonl", "json", "ndjson":
		return formatJSONL, nil
	case "csv":
		return formatCSV, nil
	case "":
	default:
		return "", fmt.Errorf("unknown format %q; use jsonl or csv", asked)
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".jsonl", ".json", ".ndjson":
		return formatJSONL, nil
	case ".csv":
		return formatCSV, nil
	}
	return "", fmt.Errorf("cannot tell the format of %s from its name; add --format jsonl or --format csv", name)
}

// readImport reads the rows of an import file. A line that cannot be read as a row
// becomes a row with a Problem, so that every bad line is reported together; only
// a file that cannot be read at all (I/O, a wrong CSV header) is an error.
// readImport reads the rows of a file; ignored says a row had a field of
// ignoredFields.
func readImport(r io.Reader, format string) (rows []session.ImportRow, ignored bool, err error) {
	if format == formatCSV {
		rows, err = readImportCSV(r)
		return rows, false, err
	}
	return readImportJSONL(r)
}

func readImportJSONL(r io.Reader) ([]session.ImportRow, bool, error) {
	r, err := session.UTF8Input(r)
	if err != nil {
		return nil, false, err
	}
	sc := bufio.NewScanner(&boundedReader{r: r})
	sc.Buffer(make([]byte, 0, 64*1024), maxInputLine)
	var rows []session.ImportRow
	line, ignored := 0, false
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if line == 1 {
			b = bytes.TrimPrefix(b, []byte("\uFEFF"))
		}
		if len(b) == 0 {
			continue
		}
		if !utf8.Valid(b) {
			rows = append(rows, session.ImportRow{Line: line, Problem: session.NotUTF8})
			continue
		}
		row, ign := jsonlRow(line, b)
		rows, ignored = append(rows, row), ignored || ign
	}
	switch err := sc.Err(); {
	case errors.Is(err, bufio.ErrTooLong):
		return nil, false, lineTooLong(line + 1)
	case errors.Is(err, errFileTooLarge):
		return nil, false, err
	case err != nil:
		return nil, false, fmt.Errorf("line %d: %w", line+1, err)
	}
	return rows, ignored, nil
}

// ignoredFields are fields of a labelled note set (testdata/notes-*.jsonl, charter
// cluster's input) that import takes and leaves aside: a note gets its own ID, and
// themes are made on the board.
const ignoredFields = "id and theme"

// jsonlRow decodes one row; ignored says it had a field of ignoredFields.
func jsonlRow(line int, b []byte) (row session.ImportRow, ignored bool) {
	var v struct {
		Text, Area, Lane, Activity, Author string
		// A number or a string: ratings are written both ways.
		Rating json.RawMessage
		// Taken and left aside: see ignoredFields.
		ID    json.RawMessage
		Theme json.RawMessage
	}
	row = session.ImportRow{Line: line}
	if row.Problem = session.DecodeJSONRow(b, &v, importColumns); row.Problem == "" {
		ignored = v.ID != nil || v.Theme != nil
		row.Text, row.Area, row.Lane, row.Activity, row.Author = v.Text, v.Area, v.Lane, v.Activity, v.Author
		row.Rating = jsonRating(v.Rating)
		row.Problem = longField(importColumns, []string{v.Text, v.Area, v.Lane, v.Activity, v.Author, row.Rating})
	}
	return row, ignored
}

// jsonRating is a row's rating as written, a number or a string; the service reads
// it. null is no rating.
func jsonRating(raw json.RawMessage) string {
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return s
	}
	if t := strings.TrimSpace(string(raw)); t != "null" {
		return t
	}
	return ""
}

// longField is the problem of the first field over maxInputField, or "".
func longField(names, fields []string) string {
	for i, f := range fields {
		if len(f) > maxInputField {
			return fieldTooLong(names[i])
		}
	}
	return ""
}

func readImportCSV(r io.Reader) ([]session.ImportRow, error) {
	r, err := session.UTF8Input(r)
	if err != nil {
		return nil, err
	}
	br := &boundedReader{r: r}
	cr := csv.NewReader(br)
	br.rowStart = cr.InputOffset
	cr.FieldsPerRecord = -1 // counted here, so that every short row is reported
	cr.LazyQuotes = true    // a quote inside a hand-typed note is not an error
	header, err := cr.Read()
	if err == io.EOF {
		return nil, errors.New("the file is empty; the first line names the columns " + strings.Join(importColumns, ", "))
	}
	if err != nil {
		return nil, err
	}
	col := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\uFEFF")))
		if !slices.Contains(importColumns, h) {
			return nil, fmt.Errorf("line 1: unknown column %q; the columns are %s", h, strings.Join(importColumns, ", "))
		}
		if _, dup := col[h]; dup {
			return nil, fmt.Errorf("line 1: column %q appears twice", h)
		}
		col[h] = i
	}
	for _, h := range importColumns[:3] {
		if _, ok := col[h]; !ok && !onlyRatings(col) {
			return nil, fmt.Errorf("line 1: the header has no column %q; text, area and lane are required (or rating alone, for a file of ratings)", h)
		}
	}
	field := func(rec []string, name string) string {
		if i, ok := col[name]; ok {
			return rec[i]
		}
		return ""
	}
	var rows []session.ImportRow
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return rows, nil
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			// The reader cannot be trusted past a broken record; report it with the rest.
			return append(rows, session.ImportRow{Line: pe.StartLine, Problem: pe.Err.Error()}), nil
		}
		if err != nil {
			return nil, err
		}
		line, _ := cr.FieldPos(0)
		row := session.ImportRow{Line: line}
		if len(rec) != len(header) {
			row.Problem = session.FieldCountProblem(rec, len(header))
		} else if !session.ValidUTF8(rec) {
			row.Problem = session.NotUTF8
		} else if p := longField(header, rec); p != "" {
			row.Problem = p
		} else {
			row.Text, row.Area, row.Lane = field(rec, "text"), field(rec, "area"), field(rec, "lane")
			row.Activity, row.Author, row.Rating = field(rec, "activity"), field(rec, "author"), field(rec, "rating")
		}
		rows = append(rows, row)
	}
}

// onlyRatings says a CSV header is of a file of ratings: a rating column, and no
// text, area or lane.
func onlyRatings(col map[string]int) bool {
	_, rating := col["rating"]
	for _, h := range importColumns[:3] {
		if _, ok := col[h]; ok {
			return false
		}
	}
	return rating
}
