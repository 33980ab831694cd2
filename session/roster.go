package session

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// The roster is whom a security program can invite: its teams, where they are and
// how mature they are, and per team the people with their role, experience and
// contact. It is kept apart from everything participants write: nothing links a
// roster person to a participant, a note or a vote, and no export or report is
// given a roster contact (reports get RosterTeam summaries, which hold none).

// Role is what a roster person does in their team.
type Role string

// The roles a participant can give in the check-in.
const (
	RoleSecurityEngineer Role = "security-engineer"
	RoleDeveloper        Role = "developer"
	RoleServiceOwner     Role = "service-owner"
	RoleManager          Role = "manager"
)

// Roles lists every valid role.
var Roles = []Role{RoleSecurityEngineer, RoleDeveloper, RoleServiceOwner, RoleManager}

// Audience is the session audience of people in role r.
func (r Role) Audience() Audience {
	switch r {
	case RoleSecurityEngineer:
		return AudienceSecurityEngineers
	case RoleDeveloper:
		return AudienceDevelopers
	case RoleServiceOwner:
		return AudienceServiceOwners
	case RoleManager:
		return AudienceManagers
	}
	return AudienceMixed
}

// Experiences are the choices of a person's time in their role, shortest first;
// the same as a participant's Tenure.
var Experiences = Tenures

// RemoteLocation is the roster location of people who work from afar: they are
// invited to online sessions. "online" is read as the same.
const RemoteLocation = "remote"

// PlaceKey is where a session of mode at location is held, as sessions are
// compared for being at one place: online for an online session or a remote
// location ("online", whatever the location says), else the location whatever
// its case and spacing ("New  York" is "new york"). Planning, the twin of a
// session made by hand and the campaign report's places all compare by it.
func PlaceKey(mode Mode, location string) string {
	if mode == ModeOnline || IsRemote(location) {
		return "online"
	}
	return strings.ToLower(strings.Join(strings.Fields(location), " "))
}

// IsRemote reports whether a roster location means people who work from afar.
func IsRemote(location string) bool {
	l := strings.ToLower(strings.TrimSpace(location))
	return l == RemoteLocation || l == "online"
}

// RosterTeam is a team as reports may see it: no people, no contacts.
type RosterTeam struct {
	Name     string
	Location string
	Cluster  string
	Level    string
}

// Team is one team of the roster with its people.
type Team struct {
	ID int64
	RosterTeam
	People []*Person
}

// Person is one roster person: someone the program may invite. Name and Email are
// contacts, for invitations only.
type Person struct {
	ID         int64
	TeamID     int64
	Name       string
	Email      string
	Role       Role
	Experience string
}

// RosterRow is one line of a roster file as read.
type RosterRow struct {
	// Line is where the row starts in the file, for messages.
	Line int
	// Problem is set when the line could not be read as a row at all.
	Problem string

	Team, Location, Cluster, Level string
	Name, Email, Role, Experience  string
}

// RosterColumns are the fields of a roster row, in CSV header order; all but
// cluster are required.
var RosterColumns = []string{"team", "location", "cluster", "level", "name", "email", "role", "experience"}

// Bounds of a roster file, so that a wrong file cannot fill memory or the database.
const (
	MaxRosterBytes = 8 << 20
	MaxRosterRows  = 20000
	MaxEmailLen    = 254
	maxRosterLine  = 64 << 10
)

// RosterStore keeps the roster. session/sqlite implements it.
type RosterStore interface {
	// SaveRoster adds the teams and people of a checked roster in one transaction:
	// teams are matched by name and people by e-mail, ignoring case; a match is
	// updated, the rest added. It returns how many people were added and how many
	// updated (changed: those the same as before count in neither).
	SaveRoster(ctx context.Context, teams []*Team) (added, updated int, err error)
	// Roster returns every team with its people, teams by name.
	Roster(ctx context.Context) ([]*Team, error)
}

// ReadRoster reads a roster file as CSV (with the header RosterColumns, in any
// order) or JSONL (one object a line with the same fields). A line that cannot be
// read becomes a row with a Problem, so that every bad line is reported together;
// only a file that cannot be read at all is an error.
func ReadRoster(r io.Reader, format string) ([]RosterRow, error) {
	lr := &io.LimitedReader{R: r, N: MaxRosterBytes + 1}
	var rows []RosterRow
	var err error
	if format == "csv" {
		rows, err = readRosterCSV(lr)
	} else {
		rows, err = readRosterJSONL(lr)
	}
	if lr.N <= 0 {
		return nil, Errorf(ELimit, "The roster file is larger than %d MiB; split it.", MaxRosterBytes>>20)
	}
	if err != nil {
		return nil, err
	}
	if len(rows) > MaxRosterRows {
		return nil, Errorf(ELimit, "The roster has %d rows; at most %d are read at once.", len(rows), MaxRosterRows)
	}
	return rows, nil
}

func readRosterJSONL(r io.Reader) ([]RosterRow, error) {
	r, err := UTF8Input(r)
	if err != nil {
		return nil, err
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), maxRosterLine)
	var rows []RosterRow
	line := 0
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
			rows = append(rows, RosterRow{Line: line, Problem: NotUTF8})
			continue
		}
		var v struct {
			Team       string `json:"team"`
			Location   string `json:"location"`
			Cluster    string `json:"cluster"`
			Level      string `json:"level"`
			Name       string `json:"name"`
			Email      string `json:"email"`
			Role       string `json:"role"`
			Experience string `json:"experience"`
		}
		row := RosterRow{Line: line}
		if row.Problem = DecodeJSONRow(b, &v, RosterColumns); row.Problem == "" {
			row.Team, row.Location, row.Cluster, row.Level = v.Team, v.Location, v.Cluster, v.Level
			row.Name, row.Email, row.Role, row.Experience = v.Name, v.Email, v.Role, v.Experience
		}
		rows = append(rows, row)
		if len(rows) > MaxRosterRows {
			break
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, Errorf(EInvalid, "line %d: longer than %d KiB; is this a roster file?", line+1, maxRosterLine>>10)
		}
		return nil, fmt.Errorf("line %d: %w", line+1, err)
	}
	return rows, nil
}

func readRosterCSV(r io.Reader) ([]RosterRow, error) {
	r, err := UTF8Input(r)
	if err != nil {
		return nil, err
	}
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1 // counted here, so that every short row is reported
	header, err := cr.Read()
	if err == io.EOF {
		return nil, Errorf(EInvalid, "The file is empty; the first line names the columns %s.", strings.Join(RosterColumns, ","))
	}
	if err != nil {
		return nil, Errorf(EInvalid, "line 1: %v", err)
	}
	col := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\uFEFF")))
		if !slices.Contains(RosterColumns, h) {
			return nil, Errorf(EInvalid, "line 1: unknown column %q; the columns are %s", h, strings.Join(RosterColumns, ","))
		}
		if _, dup := col[h]; dup {
			return nil, Errorf(EInvalid, "line 1: column %q appears twice", h)
		}
		col[h] = i
	}
	for _, h := range RosterColumns {
		if _, ok := col[h]; !ok && h != "cluster" {
			return nil, Errorf(EInvalid, "line 1: the header has no column %q; it is %s", h, strings.Join(RosterColumns, ","))
		}
	}
	field := func(rec []string, name string) string {
		if i, ok := col[name]; ok {
			return rec[i]
		}
		return ""
	}
	var rows []RosterRow
	for len(rows) <= MaxRosterRows {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			// The reader cannot be trusted past a broken record; report it with the rest.
			return append(rows, RosterRow{Line: pe.StartLine, Problem: pe.Err.Error()}), nil
		}
		if err != nil {
			return nil, err
		}
		line, _ := cr.FieldPos(0)
		row := RosterRow{Line: line}
		if len(rec) != len(header) {
			row.Problem = FieldCountProblem(rec, len(header))
		} else if !ValidUTF8(rec) {
			row.Problem = NotUTF8
		} else {
			row.Team, row.Location, row.Cluster, row.Level = field(rec, "team"), field(rec, "location"), field(rec, "cluster"), field(rec, "level")
			row.Name, row.Email, row.Role, row.Experience = field(rec, "name"), field(rec, "email"), field(rec, "role"), field(rec, "experience")
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// CheckRoster validates every row and groups them into teams (by name, ignoring
// case, in the order they first appear). A team named on several rows must have
// the same location, cluster and level on each; an e-mail appears once. On any bad
// row it returns an *ImportError listing them all.
func CheckRoster(rows []RosterRow) ([]*Team, error) {
	var problems []ImportProblem
	bad := func(line int, format string, args ...any) {
		problems = append(problems, ImportProblem{Line: line, Message: fmt.Sprintf(format, args...)})
	}
	var teams []*Team
	byName := map[string]*Team{}
	firstLine := map[string]int{}
	emails := map[string]int{}
	for _, r := range rows {
		if r.Problem != "" {
			bad(r.Line, "%s", r.Problem)
			continue
		}
		t, p, err := checkRosterRow(r)
		if err != nil {
			bad(r.Line, "%s", ErrorMessage(err))
			continue
		}
		key := strings.ToLower(p.Email)
		if l, dup := emails[key]; dup {
			bad(r.Line, "the e-mail %s is already on line %d; a person appears once", p.Email, l)
			continue
		}
		name := strings.ToLower(t.Name)
		have := byName[name]
		if have == nil {
			have = &Team{RosterTeam: t}
			byName[name] = have
			firstLine[name] = r.Line
			teams = append(teams, have)
		} else if !strings.EqualFold(have.Location, t.Location) || !strings.EqualFold(have.Cluster, t.Cluster) || have.Level != t.Level {
			bad(r.Line, "team %s has location %q, cluster %q and level %s on line %d, but %q, %q and %s here; a team has one of each",
				t.Name, have.Location, have.Cluster, have.Level, firstLine[name], t.Location, t.Cluster, t.Level)
			continue
		}
		emails[key] = r.Line
		have.People = append(have.People, p)
	}
	if len(problems) > 0 {
		sort.SliceStable(problems, func(i, j int) bool { return problems[i].Line < problems[j].Line })
		return nil, &ImportError{Problems: problems}
	}
	if len(teams) == 0 {
		return nil, Errorf(EInvalid, "The file holds no people.")
	}
	return teams, nil
}

func checkRosterRow(r RosterRow) (RosterTeam, *Person, error) {
	var t RosterTeam
	var p Person
	var err error
	for _, f := range []struct {
		dst      *string
		src      string
		max      int
		what     string
		required bool
	}{
		{&t.Name, r.Team, MaxTitleLen, "The team", true},
		{&t.Location, r.Location, MaxTitleLen, "The location", true},
		{&t.Cluster, r.Cluster, MaxTitleLen, "The cluster", false},
		{&p.Name, r.Name, MaxTitleLen, "The name", true},
		{&p.Email, r.Email, MaxEmailLen, "The e-mail", true},
	} {
		if *f.dst, err = ValidText(f.src, f.max, f.what, f.required); err != nil {
			return t, nil, err
		}
	}
	if !validEmail(p.Email) {
		return t, nil, Errorf(EInvalid, "%q is not an e-mail address", p.Email)
	}
	t.Level = strings.ToLower(CleanText(r.Level))
	if !slices.Contains(Levels, t.Level) {
		return t, nil, Errorf(EInvalid, "unknown level %q; use one of %s", t.Level, strings.Join(Levels, ", "))
	}
	p.Role = Role(strings.ToLower(CleanText(r.Role)))
	if !slices.Contains(Roles, p.Role) {
		return t, nil, Errorf(EInvalid, "unknown role %q; use one of %s", p.Role, joinRoles())
	}
	p.Experience = strings.ReplaceAll(strings.ToLower(CleanText(r.Experience)), " ", "")
	if !slices.Contains(Experiences, p.Experience) {
		return t, nil, Errorf(EInvalid, "unknown experience %q; use one of %s", p.Experience, strings.Join(Experiences, ", "))
	}
	return t, &p, nil
}

// validEmail accepts one @ with something on both sides and no space: enough to
// catch a shifted column, without pretending to know every valid address.
func validEmail(e string) bool {
	at := strings.IndexByte(e, '@')
	return at > 0 && at == strings.LastIndexByte(e, '@') && at < len(e)-1 &&
		!strings.ContainsAny(e, " ,;<>\"") && utf8.ValidString(e)
}

func joinRoles() string {
	names := make([]string, len(Roles))
	for i, r := range Roles {
		names[i] = string(r)
	}
	return strings.Join(names, ", ")
}

// ImportRoster checks rows and saves them: all or, on any bad row, nothing (an
// *ImportError lists every bad row). It returns how many people it added and
// updated.
func (s *Service) ImportRoster(ctx context.Context, rows []RosterRow) (added, updated int, err error) {
	rs, ok := s.store.(RosterStore)
	if !ok {
		return 0, 0, fmt.Errorf("roster: the store %T keeps no roster", s.store)
	}
	teams, err := CheckRoster(rows)
	if err != nil {
		return 0, 0, err
	}
	if added, updated, err = rs.SaveRoster(ctx, teams); err != nil {
		return 0, 0, fmt.Errorf("save roster: %w", err)
	}
	return added, updated, nil
}

// Roster returns the roster's teams with their people.
func (s *Service) Roster(ctx context.Context) ([]*Team, error) {
	rs, ok := s.store.(RosterStore)
	if !ok {
		return nil, fmt.Errorf("roster: the store %T keeps no roster", s.store)
	}
	return rs.Roster(ctx)
}

// FieldCountProblem says what is wrong with a CSV record of another number of fields
// than the header's columns. A field holding a line break most often comes from a
// quote that was never closed, which took the next lines into it: it says so, as the
// count alone points at the wrong line.
func FieldCountProblem(rec []string, columns int) string {
	fields := "fields"
	if len(rec) == 1 {
		fields = "field"
	}
	problem := fmt.Sprintf("%d %s, but the header names %d columns", len(rec), fields, columns)
	for _, f := range rec {
		if strings.ContainsAny(f, "\r\n") {
			return problem + `; a quoted field runs over several lines: is a closing quote (") missing?`
		}
	}
	return problem
}
