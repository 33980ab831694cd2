package session

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
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

// NoteImporter stores notes gathered outside the live session. session/sqlite
// implements it.
type NoteImporter interface {
	// ImportNotes creates one anonymous participant per entry of authors (pseudonyms
	// as at a normal join, no name, no key) and the notes, all in one transaction:
	// either everything is stored or nothing. notes[i].ParticipantID is the index in
	// authors of the note's author; it is replaced by the new participant's ID.
	ImportNotes(ctx context.Context, sessionID string, authors []string, notes []Note) error
}

// ImportOptions changes what Import accepts.
type ImportOptions struct {
	// AllowDuplicates imports rows that a note of the session already matches (same
	// text ignoring case, area, lane and activity); by default such rows are reported,
	// since they mostly mean the same file imported twice.
	AllowDuplicates bool
}

// DuplicateNote is the problem reported for a row the session already holds.
const DuplicateNote = "this note is already in the session (same text ignoring case, area, lane and activity)"

// Import validates rows and adds them to a session as notes, in any phase (paper
// notes may come in after the session). Rows with the same author label (compared
// after cleaning, ignoring case) share one new anonymous participant; rows without one
// share the participant PaperAuthor. On any bad row it returns an *ImportError listing
// them all and imports nothing. It returns how many notes and authors it imported.
func (s *Service) Import(ctx context.Context, sessionID string, rows []ImportRow, opts ImportOptions) (notes, authors int, err error) {
	if _, ok := s.store.(NoteImporter); !ok {
		return 0, 0, fmt.Errorf("import: the store %T cannot import notes", s.store)
	}
	var labels []string
	var batch []Note
	// One transaction: the duplicates and the room checked are what the notes join.
	err = s.store.WriteTx(ctx, func(st Store) error {
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
		if labels, batch, err = s.checkImport(sess, rows); err != nil {
			return err
		}
		if !opts.AllowDuplicates {
			if err := checkDuplicates(ctx, st, sess.ID, rows, batch); err != nil {
				return err
			}
		}
		if err := s.roomForAuthors(ctx, st, sess.ID, labels); err != nil {
			return err
		}
		now := s.Now()
		for i := range batch {
			batch[i].SessionID = sess.ID
			batch[i].CreatedAt, batch[i].UpdatedAt = now, now
		}
		if err := imp.ImportNotes(ctx, sess.ID, labels, batch); err != nil {
			return fmt.Errorf("import notes: %w", err)
		}
		return nil
	})
	if err != nil {
		return 0, 0, err
	}
	s.publish(sessionID, ChangeNotes|ChangePeople)
	return len(batch), len(labels), nil
}

// checkImport validates every row and returns the distinct author labels and the
// notes, each note's ParticipantID being the index of its author label.
func (s *Service) checkImport(sess *Session, rows []ImportRow) ([]string, []Note, error) {
	var (
		problems []ImportProblem
		labels   []string
		byLabel  = map[string]int{}
		notes    = make([]Note, 0, len(rows))
	)
	for _, r := range rows {
		n, err := s.importNote(sess, r)
		if err != nil {
			problems = append(problems, ImportProblem{Line: r.Line, Message: ErrorMessage(err)})
			continue
		}
		label := strings.ToLower(CleanText(r.Author))
		if label == "" {
			label = PaperAuthor
		}
		i, ok := byLabel[label]
		if !ok {
			i = len(labels)
			byLabel[label] = i
			labels = append(labels, label)
		}
		n.ParticipantID = int64(i)
		notes = append(notes, n)
	}
	if len(problems) > 0 {
		sort.SliceStable(problems, func(i, j int) bool { return problems[i].Line < problems[j].Line })
		return nil, nil, &ImportError{Problems: problems}
	}
	if len(notes) == 0 {
		return nil, nil, Errorf(EInvalid, "The file holds no notes.")
	}
	return labels, notes, nil
}

// checkDuplicates reports the rows whose note the session already holds; batch[i] is
// the checked note of rows[i].
func checkDuplicates(ctx context.Context, st Store, sessionID string, rows []ImportRow, batch []Note) error {
	existing, err := st.Notes(ctx, sessionID)
	if err != nil {
		return err
	}
	key := func(n Note) string {
		return string(n.Area) + "\x00" + n.Lane + "\x00" + n.Activity + "\x00" + strings.ToLower(n.Text)
	}
	have := make(map[string]bool, len(existing))
	for _, n := range existing {
		have[key(*n)] = true
	}
	var problems []ImportProblem
	for i, n := range batch {
		if have[key(n)] {
			problems = append(problems, ImportProblem{Line: rows[i].Line, Message: DuplicateNote})
		}
	}
	if len(problems) > 0 {
		return &ImportError{Problems: problems}
	}
	return nil
}

// importNote applies the rules of a note written live, and one more: only notes on
// security activities name an activity, so that a shifted column is caught.
func (s *Service) importNote(sess *Session, r ImportRow) (Note, error) {
	if r.Problem != "" {
		return Note{}, Errorf(EInvalid, "%s", r.Problem)
	}
	n := Note{Area: Area(strings.ToLower(CleanText(r.Area))), Lane: CleanText(r.Lane), Activity: r.Activity, Text: r.Text}
	if n.Area == "" {
		return Note{}, Errorf(EInvalid, "The area is missing; use one of %s.", joinAreas())
	}
	if !ValidArea(n.Area) {
		return Note{}, Errorf(EInvalid, "Unknown area %q; use one of %s.", n.Area, joinAreas())
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
func (s *Service) roomForAuthors(ctx context.Context, st Store, sessionID string, labels []string) error {
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
		return ""
	case errors.As(err, &typeErr) && typeErr.Field != "":
		return fmt.Sprintf("%s must be a string", typeErr.Field)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return fmt.Sprintf("%s; a row has only %s", strings.TrimPrefix(err.Error(), "json: "), strings.Join(columns, ", "))
	default:
		return fmt.Sprintf("not a JSON object with %s: %v", strings.Join(columns, ", "), err)
	}
}
