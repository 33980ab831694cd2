package session

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// ImportRow is one note gathered on paper (a sticky note of an in-person session), as
// read from an import file.
type ImportRow struct {
	// Line is where the row starts in the file, for messages.
	Line int
	// Problem is set by the reader when the line could not be read as a row at all
	// (broken JSON, a wrong number of CSV fields); such a row is reported and nothing
	// is imported.
	Problem  string
	Text     string
	Area     string
	Lane     string
	Activity string
	// Author is a free label grouping the notes of one paper author, e.g.
	// "table 2 / person A". It only decides which notes share an anonymous
	// participant, so that counts of distinct authors stay meaningful; it is never
	// stored.
	Author string
	// Rating is the author's check-in rating as written on paper ("" for none), a
	// whole number from 1 to 5. A row may hold a rating and no text: a rating only.
	// A row without an author label that holds a rating is a person of its own (one
	// card, one person), not the shared PaperAuthor: unlabelled notes are one
	// participant, and one participant has one rating.
	Rating string
}

// PaperAuthor is the participant that every row without an author label is imported
// under: one anonymous participant for all unattributed sticky notes.
const PaperAuthor = "paper"

// ImportProblem is what is wrong with one row of an import file.
type ImportProblem struct {
	Line    int
	Message string
}

func (p ImportProblem) String() string { return fmt.Sprintf("line %d: %s", p.Line, p.Message) }

// ImportError lists every row of an import file that cannot be imported, in line order.
type ImportError struct {
	Problems []ImportProblem
}

func (e *ImportError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Unwrap makes an ImportError an EInvalid domain error whose message lists every row.
func (e *ImportError) Unwrap() error { return &Error{Code: EInvalid, Message: e.Error()} }

// PaperPerson is one author of an import: the label that groups their rows and the
// check-in rating they gave on paper (0 for none).
type PaperPerson struct {
	Label  string
	Rating int
}

// NoteImporter stores notes gathered outside the live session. session/sqlite
// implements it.
type NoteImporter interface {
	// ImportNotes creates one anonymous participant per entry of authors (pseudonyms
	// as at a normal join, no name, no key), with its rating shown at once, and the
	// notes, all in one transaction: either everything is stored or nothing.
	// notes[i].ParticipantID is the index in authors of the note's author; it is
	// replaced by the new participant's ID. The author labelled PaperAuthor is the
	// session's participant of unlabelled notes if it has one already.
	ImportNotes(ctx context.Context, sessionID string, authors []PaperPerson, notes []Note) error
}

// ImportResult is what an import added to a session.
type ImportResult struct {
	// Notes and Ratings are how many of each; Authors is how many paper authors
	// they came from (the unlabelled notes' one included, even if the session had
	// it already).
	Notes, Ratings, Authors int
	// Duplicates counts the notes imported although the session had one the same
	// (AllowDuplicates), and PaperPeople the paper authors the session counts now,
	// so that a file imported twice can be told by its people counted twice.
	Duplicates, PaperPeople int
	// Filed counts the notes of the security activities given no activity that
	// went under the one of the session's list their text names, as a note
	// written live does (FiledActivity).
	Filed int
}

// ImportOptions changes what Import accepts.
type ImportOptions struct {
	// AllowDuplicates imports rows that a note of the session already matches (same
	// text ignoring case, area, lane and activity), and ratings into a session that
	// has paper ratings already; by default such rows are refused, since they mostly
	// mean the same file imported twice.
	AllowDuplicates bool
}

// DuplicateNote is the problem reported for a row the session already holds.
const DuplicateNote = "this note is already in the session (same text ignoring case, area, lane and activity)"

// ErrRatingsAgain is part of the error of an import that brings ratings into a
// session that has paper ratings already: a person's paper rating cannot be told
// from another's, so the same file imported twice would count every rating twice.
var ErrRatingsAgain = errors.New("paper ratings imported again")

// Import validates rows and adds them to a session as notes and check-in ratings, in
// any phase but closed (paper notes may come in after the session). Rows with the
// same author label (compared after cleaning, ignoring case) share one new anonymous
// participant; rows without one share the participant PaperAuthor, except that each
// unlabelled row with a rating is a participant of its own. On any bad row it
// returns an *ImportError listing them all and imports nothing.
func (s *Service) Import(ctx context.Context, sessionID string, rows []ImportRow, opts ImportOptions) (ImportResult, error) {
	if _, ok := s.store.(NoteImporter); !ok {
		return ImportResult{}, fmt.Errorf("import: the store %T cannot import notes", s.store)
	}
	var people []PaperPerson
	var batch []Note
	var res ImportResult
	// One transaction: the duplicates and the room checked are what the notes join.
	err := s.store.WriteTx(ctx, func(st Store) error {
		imp, ok := st.(NoteImporter)
		if !ok {
			return fmt.Errorf("import: the store %T cannot import notes", st)
		}
		// A closed session's results are frozen: paper notes join it only once the
		// facilitator reopens it, as anything else would.
		sess, err := s.notFrozen(ctx, st, sessionID)
		if err != nil {
			return err
		}
		if people, batch, err = s.checkImport(sess, rows); err != nil {
			return err
		}
		dups, err := duplicateRows(ctx, st, sess.ID, rows, batch)
		if err != nil {
			return err
		}
		res.Duplicates = len(dups)
		if !opts.AllowDuplicates {
			if len(dups) > 0 {
				return &ImportError{Problems: dups}
			}
			if err := checkRatingsAgain(ctx, st, sess.ID, people); err != nil {
				return err
			}
		}
		if err := s.roomForAuthors(ctx, st, sess.ID, people); err != nil {
			return err
		}
		now := s.Now()
		for i := range batch {
			batch[i].SessionID = sess.ID
			batch[i].CreatedAt, batch[i].UpdatedAt = now, now
		}
		if err := imp.ImportNotes(ctx, sess.ID, people, batch); err != nil {
			return fmt.Errorf("import notes: %w", err)
		}
		ps, err := st.Participants(ctx, sess.ID)
		for _, p := range ps {
			if p.Paper {
				res.PaperPeople++
			}
		}
		return err
	})
	if err != nil {
		return ImportResult{}, err
	}
	s.publish(sessionID, ChangeNotes|ChangePeople)
	res.Notes, res.Authors = len(batch), len(people)
	for _, n := range batch {
		if n.ActivityFiled && n.Activity != "" {
			res.Filed++
		}
	}
	for _, p := range people {
		if p.Rating > 0 {
			res.Ratings++
		}
	}
	return res, nil
}

// checkImport validates every row and returns the distinct authors and the notes,
// each note's ParticipantID being the index of its author.
func (s *Service) checkImport(sess *Session, rows []ImportRow) ([]PaperPerson, []Note, error) {
	var (
		problems []ImportProblem
		people   []PaperPerson
		byLabel  = map[string]int{}
		ratedOn  = map[string]int{} // the line of an author's rating
		notes    = make([]Note, 0, len(rows))
	)
	bad := func(r ImportRow, err error) {
		problems = append(problems, ImportProblem{Line: r.Line, Message: ErrorMessage(err)})
	}
	for _, r := range rows {
		rating, err := importRating(r)
		if err != nil {
			bad(r, err)
			continue
		}
		var n Note
		onlyRating := rating > 0 && CleanText(r.Text) == ""
		if onlyRating {
			if err := ratingOnly(r); err != nil {
				bad(r, err)
				continue
			}
		} else if n, err = s.importNote(sess, r); err != nil {
			bad(r, err)
			continue
		}
		label := strings.ToLower(CleanText(r.Author))
		switch {
		case label == "" && rating > 0:
			// One card, one person: a label no author can write, never stored.
			label = fmt.Sprintf("\x00line %d", r.Line)
		case label == "":
			label = PaperAuthor
		}
		i, ok := byLabel[label]
		if !ok {
			i = len(people)
			byLabel[label] = i
			people = append(people, PaperPerson{Label: label})
		}
		if rating > 0 {
			if had := people[i].Rating; had != 0 && had != rating {
				bad(r, Errorf(EInvalid, "Author %q gave the rating %d on line %d; one person gives one rating.", CleanText(r.Author), had, ratedOn[label]))
				continue
			}
			if people[i].Rating == 0 {
				people[i].Rating, ratedOn[label] = rating, r.Line
			}
		}
		if !onlyRating {
			n.ParticipantID = int64(i)
			notes = append(notes, n)
		}
	}
	if len(problems) > 0 {
		sort.SliceStable(problems, func(i, j int) bool { return problems[i].Line < problems[j].Line })
		return nil, nil, &ImportError{Problems: problems}
	}
	if len(people) == 0 {
		return nil, nil, Errorf(EInvalid, "The file holds no notes and no ratings.")
	}
	return people, notes, nil
}

// importRating reads a row's rating: 0 for none.
func importRating(r ImportRow) (int, error) {
	v := strings.TrimSpace(r.Rating)
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > 5 {
		return 0, Errorf(EInvalid, "The rating %q is not a whole number from 1 to 5.", CleanText(v))
	}
	return n, nil
}

// ratingOnly checks a row that holds a rating and no text: it names no lane or
// activity, and no area but confidence, so that a note whose text went missing (a
// shifted column) is not taken for a rating.
func ratingOnly(r ImportRow) error {
	area := strings.ToLower(CleanText(r.Area))
	if (area != "" && area != string(AreaConfidence)) || CleanText(r.Lane) != "" || CleanText(r.Activity) != "" {
		return Errorf(EInvalid, "The text is missing. A row with only a rating names no lane or activity, and no area but %s.", AreaConfidence)
	}
	return nil
}

// checkRatingsAgain refuses ratings for a session that has paper ratings already.
func checkRatingsAgain(ctx context.Context, st Store, sessionID string, people []PaperPerson) error {
	if !slices.ContainsFunc(people, func(p PaperPerson) bool { return p.Rating > 0 }) {
		return nil
	}
	ps, err := st.Participants(ctx, sessionID)
	if err != nil {
		return err
	}
	had := 0
	for _, p := range ps {
		if p.Paper && p.Rating > 0 {
			had++
		}
	}
	if had > 0 {
		return fmt.Errorf("%w: %w", ErrRatingsAgain, Errorf(EInvalid,
			"This session has %d paper %s already; importing ratings again would count the same people twice.", had, pluralWord(had, "rating", "ratings")))
	}
	return nil
}

// duplicateRows returns a problem for each row whose note the session already holds;
// batch[i] is the checked note of rows[i].
func duplicateRows(ctx context.Context, st Store, sessionID string, rows []ImportRow, batch []Note) ([]ImportProblem, error) {
	existing, err := st.Notes(ctx, sessionID)
	if err != nil {
		return nil, err
	}
	key := func(n Note) string {
		// Activity case aside: a file imported before its activities took the
		// list's spelling ("Pen Testing") is the same file.
		return string(n.Area) + "\x00" + n.Lane + "\x00" + strings.ToLower(n.Activity) + "\x00" + strings.ToLower(n.Text)
	}
	have := make(map[string]bool, len(existing))
	for _, n := range existing {
		have[key(*n)] = true
	}
	var problems []ImportProblem
	for i, n := range batch {
		dup := have[key(n)]
		if n.ActivityFiled {
			// Given no activity: the same row imported before notes were filed
			// under the activity their text names is stored with none.
			given := n
			given.Activity = ""
			dup = dup || have[key(given)]
		}
		if dup {
			problems = append(problems, ImportProblem{Line: rows[i].Line, Message: DuplicateNote})
		}
	}
	return problems, nil
}

// importNote applies the rules of a note written live, and one more: only notes on
// security activities name an activity, so that a shifted column is caught. As a
// note written live, one given no activity goes under the one its text names.
func (s *Service) importNote(sess *Session, r ImportRow) (Note, error) {
	if r.Problem != "" {
		return Note{}, Errorf(EInvalid, "%s", r.Problem)
	}
	n := Note{Area: Area(strings.ToLower(CleanText(r.Area))), Lane: CleanText(r.Lane), Activity: r.Activity, Text: r.Text}
	if n.Area == "" && CleanText(n.Text) == "" && CleanText(n.Lane) == "" {
		return Note{}, Errorf(EInvalid, "The row holds no note and no rating: give a text, an area and a lane, or a rating.")
	}
	if n.Area == "" {
		return Note{}, Errorf(EInvalid, "The area is missing; use one of %s.", joinAreas())
	}
	if !ValidArea(n.Area) {
		return Note{}, Errorf(EInvalid, "Unknown area %q; use one of %s.", n.Area, joinAreas())
	}
	if n.Area == AreaOpen && CleanText(n.Lane) == "" {
		return Note{}, Errorf(EInvalid, "An open topic's lane is the topic's title, e.g. \"AI tools\"; this row has none.")
	}
	if n.Area != AreaOpen {
		n.Lane = strings.ToLower(n.Lane)
		if !contains(n.Area.Lanes(), n.Lane) {
			return Note{}, Errorf(EInvalid, "Unknown lane %q in %s; use one of %s.", n.Lane, n.Area, strings.Join(n.Area.Lanes(), ", "))
		}
	}
	if n.Area != AreaActivities && CleanText(n.Activity) != "" {
		return Note{}, Errorf(EInvalid, "Only notes in the activities area name an activity (this one is in %s).", n.Area)
	}
	if err := s.validNote(sess, &n); err != nil {
		return Note{}, err
	}
	// The list's spelling of an activity typed in another case: the findings
	// count activities by their name as written, and "Pen Testing" made a row of
	// the matrix apart from "pen testing".
	for _, a := range sess.Activities {
		if n.Activity != a && strings.EqualFold(n.Activity, a) {
			n.Activity = a
		}
	}
	fileActivity(sess, &n)
	return n, nil
}

func joinAreas() string {
	names := make([]string, len(Areas))
	for i, a := range Areas {
		names[i] = string(a)
	}
	return strings.Join(names, ", ")
}

// roomForAuthors refuses an import that would take the session over its participant
// limit. The unlabelled notes' author is new only if the session has none yet.
func (s *Service) roomForAuthors(ctx context.Context, st Store, sessionID string, people []PaperPerson) error {
	labels := make([]string, len(people))
	for i, p := range people {
		labels[i] = p.Label
	}
	ps, err := st.Participants(ctx, sessionID)
	if err != nil {
		return err
	}
	active, authors, reused := 0, len(labels), false
	for _, p := range ps {
		if p.Removed {
			continue
		}
		active++
		if p.Unlabelled && !reused && contains(labels, PaperAuthor) {
			authors, reused = authors-1, true
		}
	}
	if authors == 0 {
		return nil
	}
	if max := s.Limits.withDefaults().MaxParticipants; active+authors > max {
		return Errorf(ELimit, "Importing %d paper authors would take the session over its limit of %d participants (it has %d).", authors, max, active)
	}
	return nil
}

// DecodeJSONRow decodes one JSON-lines row into v, a struct of string fields named
// after columns, and returns what is wrong with it in words a person can act on, or ""
// when the row decoded. Note and roster imports share it so that both say the same.
func DecodeJSONRow(b []byte, v any, columns []string) string {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil && dec.More() {
		err = errors.New("more than one value on the line")
	}
	var typeErr *json.UnmarshalTypeError
	switch {
	case err == nil:
		if k := duplicateKey(b); k != "" {
			return fmt.Sprintf("%q appears twice on the line; give each of %s once", k, strings.Join(columns, ", "))
		}
		return ""
	case errors.As(err, &typeErr) && typeErr.Field != "":
		// The field as the file names it: a struct without tags has Go's "Text".
		return fmt.Sprintf("%s must be a string", strings.ToLower(typeErr.Field))
	case errors.As(err, &typeErr):
		// Valid JSON, but not an object: say what it is, not the Go type it missed.
		what := map[string]string{"array": "an array", "number": "a number", "string": "a string", "bool": "true or false"}[typeErr.Value]
		if what == "" {
			what = typeErr.Value
		}
		return fmt.Sprintf("not a JSON object with %s: the line holds %s", strings.Join(columns, ", "), what)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return fmt.Sprintf("%s; a row has only %s", strings.TrimPrefix(err.Error(), "json: "), strings.Join(columns, ", "))
	default:
		return fmt.Sprintf("not a JSON object with %s: %v", strings.Join(columns, ", "), err)
	}
}

// duplicateKey returns a key the JSON object b holds twice, as its second spelling
// ("" when none). Go's decoder matches keys whatever their case and keeps the last
// value: the first would be lost without a word.
func duplicateKey(b []byte) string {
	dec := json.NewDecoder(bytes.NewReader(b))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return ""
	}
	// Compared as the decoder matches them (strings.EqualFold, where ſ is s and
	// the Kelvin sign k), not by lower case alone.
	var seen []string
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return ""
		}
		k, _ := t.(string)
		if slices.ContainsFunc(seen, func(s string) bool { return strings.EqualFold(s, k) }) {
			return k
		}
		seen = append(seen, k)
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return ""
		}
	}
	return ""
}
