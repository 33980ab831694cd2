package session_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/sqlite"
)

// importCounts returns how many notes and participants a session has.
func importCounts(t *testing.T, db *sqlite.DB, sessionID string) (notes, people int) {
	t.Helper()
	ctx := context.Background()
	ns, err := db.Notes(ctx, sessionID)
	if err != nil {
		t.Fatal(err)
	}
	ps, err := db.Participants(ctx, sessionID)
	if err != nil {
		t.Fatal(err)
	}
	return len(ns), len(ps)
}

func TestImportGroupsAuthors(t *testing.T) {
	t.Parallel()
	svc, db := MustOpenService(t)
	rec := &recorder{}
	svc.Notifier = rec
	ctx := context.Background()
	s := mustSession(t, svc)
	live, err := svc.Join(ctx, s.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	rows := []session.ImportRow{
		{Line: 1, Text: "we keep the guild", Area: "activities", Lane: "keep", Activity: "security guild", Author: "table 1 / A"},
		{Line: 2, Text: "scanners are noisy", Area: "Activities", Lane: "LESS", Author: "Table 1 / a"},
		{Line: 3, Text: "nobody owns the backlog", Area: "open", Lane: "Ownership", Author: "table 2 / B"},
		{Line: 4, Text: "praise after a fix", Area: "motivation", Lane: "motivates"},
		{Line: 5, Text: "audits feel like blame", Area: "motivation", Lane: "demotivates"},
	}
	res, err := svc.Import(ctx, s.ID, rows, session.ImportOptions{})
	if err != nil || res != (session.ImportResult{Notes: 5, Authors: 3, PaperPeople: 3}) {
		t.Fatalf("Import = %+v, %v; want 5 notes from 3 authors", res, err)
	}
	if rec.last()&session.ChangeNotes == 0 {
		t.Errorf("published %v, want ChangeNotes", rec.last())
	}

	ps, err := db.Participants(ctx, s.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 4 || ps[0].ID != live.ID {
		t.Fatalf("participants %+v, want the live one and 3 imported", ps)
	}
	for i, p := range ps[1:] {
		if want := "P" + string(rune('2'+i)); p.Pseudonym != want || p.Name != "" || p.KeyHash != "" || !p.Paper {
			t.Errorf("imported participant %d = %+v, want pseudonym %s, no name, no key, on paper", i, p, want)
		}
	}
	if ps[0].Paper {
		t.Error("the live participant is marked as paper")
	}
	notes, err := db.Notes(ctx, s.ID)
	if err != nil {
		t.Fatal(err)
	}
	author := map[string]int64{}
	for _, nt := range notes {
		author[nt.Text] = nt.ParticipantID
	}
	if author["we keep the guild"] != author["scanners are noisy"] {
		t.Error("labels differing only in case got different participants")
	}
	if author["praise after a fix"] != author["audits feel like blame"] {
		t.Error("rows without author got different participants")
	}
	if author["we keep the guild"] == author["nobody owns the backlog"] || author["praise after a fix"] == author["we keep the guild"] {
		t.Error("different authors share a participant")
	}
	for _, nt := range notes {
		if nt.ParticipantID == live.ID {
			t.Errorf("note %q was given to the live participant", nt.Text)
		}
		if nt.Text == "scanners are noisy" && (nt.Area != session.AreaActivities || nt.Lane != "less") {
			t.Errorf("area and lane not normalized: %+v", nt)
		}
		if nt.Text == "nobody owns the backlog" && nt.Lane != "Ownership" {
			t.Errorf("topic title changed: %q", nt.Lane)
		}
	}
}

// A second file of unlabelled paper notes is more of the same sticky notes,
// not another person: the session's people count stays. Labels are never
// stored, so a labelled author of a second file is a new participant.
func TestImportAgainKeepsOneUnlabelledAuthor(t *testing.T) {
	t.Parallel()
	svc, db := MustOpenService(t)
	ctx := context.Background()
	s := mustSession(t, svc)
	first := []session.ImportRow{
		{Line: 1, Text: "praise after a fix", Area: "motivation", Lane: "motivates"},
		{Line: 2, Text: "table A says hi", Area: "motivation", Lane: "motivates", Author: "A"},
	}
	if _, err := svc.Import(ctx, s.ID, first, session.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	second := []session.ImportRow{
		{Line: 1, Text: "audits feel like blame", Area: "motivation", Lane: "demotivates"},
		{Line: 2, Text: "deadlines beat fixes", Area: "motivation", Lane: "demotivates"},
		{Line: 3, Text: "table B was here", Area: "motivation", Lane: "demotivates", Author: "B"},
	}
	if _, err := svc.Import(ctx, s.ID, second, session.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	notes, people := importCounts(t, db, s.ID)
	if notes != 5 || people != 3 {
		t.Errorf("after two imports: %d notes, %d participants; want 5 and 3 (one unlabelled author, A and B)", notes, people)
	}
	ns, err := db.Notes(ctx, s.ID)
	if err != nil {
		t.Fatal(err)
	}
	author := map[string]int64{}
	for _, nt := range ns {
		author[nt.Text] = nt.ParticipantID
	}
	if author["praise after a fix"] != author["audits feel like blame"] {
		t.Error("the second file's unlabelled notes got a participant of their own")
	}
	if author["praise after a fix"] == author["table B was here"] {
		t.Error("a labelled author shares the unlabelled notes' participant")
	}
}

// A full session still takes more unlabelled paper notes: they join the paper
// author it already has, who is no new participant.
func TestImportIntoFullSessionReusesTheUnlabelledAuthor(t *testing.T) {
	t.Parallel()
	svc, db := MustOpenService(t)
	ctx := context.Background()
	s := mustSession(t, svc)
	svc.Limits.MaxParticipants = 2
	first := []session.ImportRow{
		{Line: 1, Text: "praise after a fix", Area: "motivation", Lane: "motivates"},
		{Line: 2, Text: "table A says hi", Area: "motivation", Lane: "motivates", Author: "A"},
	}
	if _, err := svc.Import(ctx, s.ID, first, session.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	second := []session.ImportRow{{Line: 1, Text: "audits feel like blame", Area: "motivation", Lane: "demotivates"}}
	if _, err := svc.Import(ctx, s.ID, second, session.ImportOptions{}); err != nil {
		t.Fatalf("a full session refused unlabelled notes of its paper author: %v", err)
	}
	third := []session.ImportRow{{Line: 1, Text: "table C was here", Area: "motivation", Lane: "demotivates", Author: "C"}}
	if _, err := svc.Import(ctx, s.ID, third, session.ImportOptions{}); session.ErrorCode(err) != session.ELimit {
		t.Fatalf("a new labelled author in a full session: err = %v, want limit", err)
	}
	if notes, people := importCounts(t, db, s.ID); notes != 3 || people != 2 {
		t.Errorf("%d notes, %d participants; want 3 and 2", notes, people)
	}
}

func TestImportReportsEveryBadRowAndStoresNothing(t *testing.T) {
	t.Parallel()
	svc, db := MustOpenService(t)
	ctx := context.Background()
	s := mustSession(t, svc)
	rows := []session.ImportRow{
		{Line: 2, Text: "fine", Area: "confidence", Lane: "strength"},
		{Line: 3, Text: "x", Area: "activities", Lane: "sideways"},
		{Line: 5, Text: "", Area: "motivation", Lane: "motivates"},
		{Line: 4, Text: "x", Area: "feelings", Lane: "keep"},
		{Line: 7, Text: strings.Repeat("a", session.MaxNoteLen+1), Area: "confidence", Lane: "concern"},
		{Line: 8, Text: "x", Area: "open", Lane: " \x1b[31m "},
		{Line: 9, Problem: "not a JSON object"},
		{Line: 10, Text: "x", Area: "confidence", Lane: "concern", Activity: "pen testing"},
		{Line: 11, Text: "x", Area: "open", Lane: strings.Repeat("t", session.MaxTopicLen+1)},
		{Line: 12, Text: "fine too", Area: "open", Lane: "tooling"},
	}
	_, err := svc.Import(ctx, s.ID, rows, session.ImportOptions{})
	var ie *session.ImportError
	if !errors.As(err, &ie) {
		t.Fatalf("err = %v, want *ImportError", err)
	}
	var lines []int
	for _, p := range ie.Problems {
		lines = append(lines, p.Line)
	}
	want := []int{3, 4, 5, 7, 8, 9, 10, 11}
	if len(lines) != len(want) {
		t.Fatalf("reported lines %v, want %v", lines, want)
	}
	for i := range want {
		if lines[i] != want[i] {
			t.Fatalf("reported lines %v, want %v", lines, want)
		}
	}
	if session.ErrorCode(err) != session.EInvalid {
		t.Errorf("code %q, want invalid", session.ErrorCode(err))
	}
	msg := session.ErrorMessage(err)
	for _, w := range []string{`line 3: Unknown lane "sideways" in activities`, `line 4: Unknown area "feelings"`, "line 9: not a JSON object"} {
		if !strings.Contains(msg, w) {
			t.Errorf("message lacks %q:\n%s", w, msg)
		}
	}
	if n, p := importCounts(t, db, s.ID); n != 0 || p != 0 {
		t.Fatalf("after a failed import: %d notes, %d participants; want none", n, p)
	}
}

func TestImportCleansText(t *testing.T) {
	t.Parallel()
	svc, db := MustOpenService(t)
	ctx := context.Background()
	s := mustSession(t, svc)
	rows := []session.ImportRow{
		{Line: 1, Text: "\x1b[2J\x1b]0;pwned\x07scanners \u202ewrite\u202c fine", Area: "activities", Lane: "more", Activity: "code\tscanning"},
		{Line: 2, Text: "安全 training 🔐👍🏽 works", Area: "open", Lane: "学習 📚"},
	}
	if _, err := svc.Import(ctx, s.ID, rows, session.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	notes, err := db.Notes(ctx, s.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(notes) != 2 {
		t.Fatalf("%d notes", len(notes))
	}
	if got := notes[0].Text; got != "scanners write fine" {
		t.Errorf("escape sequences kept: %q", got)
	}
	if got := notes[0].Activity; got != "code scanning" {
		t.Errorf("activity %q", got)
	}
	if notes[1].Text != "安全 training 🔐👍🏽 works" || notes[1].Lane != "学習 📚" {
		t.Errorf("wide characters changed: %q in %q", notes[1].Text, notes[1].Lane)
	}
}

// Paper notes join a session in any phase but closed: a closed session's results are
// frozen, and the import is refused with nothing stored.
func TestImportInAnyPhaseButClosed(t *testing.T) {
	t.Parallel()
	svc, db := MustOpenService(t)
	ctx := context.Background()
	for _, ph := range session.Phases {
		t.Run(string(ph), func(t *testing.T) {
			s := mustSession(t, svc)
			if _, err := svc.SetPhase(ctx, s.ID, ph); err != nil {
				t.Fatal(err)
			}
			rows := []session.ImportRow{{Line: 1, Text: "late sticky note", Area: "confidence", Lane: "concern"}}
			if ph == session.PhaseClosed {
				_, err := svc.Import(ctx, s.ID, rows, session.ImportOptions{})
				if session.ErrorCode(err) != session.EForbidden || !strings.Contains(session.ErrorMessage(err), "reopen") {
					t.Fatalf("Import into a closed session = %v, want refused with how to reopen", err)
				}
				if n, p := importCounts(t, db, s.ID); n != 0 || p != 0 {
					t.Fatalf("a refused import stored %d notes, %d participants", n, p)
				}
				return
			}
			if res, err := svc.Import(ctx, s.ID, rows, session.ImportOptions{}); err != nil || res.Notes != 1 || res.Authors != 1 {
				t.Fatalf("Import = %+v, %v", res, err)
			}
			if n, p := importCounts(t, db, s.ID); n != 1 || p != 1 {
				t.Fatalf("%d notes, %d participants", n, p)
			}
		})
	}
}

func TestImportRefuses(t *testing.T) {
	t.Parallel()
	svc, db := MustOpenService(t)
	ctx := context.Background()
	s := mustSession(t, svc)
	one := []session.ImportRow{{Line: 1, Text: "x", Area: "confidence", Lane: "concern"}}

	t.Run("unknown session", func(t *testing.T) {
		if _, err := svc.Import(ctx, "nope", one, session.ImportOptions{}); session.ErrorCode(err) != session.ENotFound {
			t.Fatalf("err = %v, want not found", err)
		}
	})
	t.Run("no rows", func(t *testing.T) {
		if _, err := svc.Import(ctx, s.ID, nil, session.ImportOptions{}); session.ErrorCode(err) != session.EInvalid {
			t.Fatalf("err = %v, want invalid", err)
		}
	})
	t.Run("too many authors", func(t *testing.T) {
		small := session.NewService(db, nil)
		small.Limits.MaxParticipants = 2
		rows := []session.ImportRow{
			{Line: 1, Text: "x", Area: "confidence", Lane: "concern", Author: "a"},
			{Line: 2, Text: "y", Area: "confidence", Lane: "concern", Author: "b"},
			{Line: 3, Text: "z", Area: "confidence", Lane: "concern", Author: "c"},
		}
		if _, err := small.Import(ctx, s.ID, rows, session.ImportOptions{}); session.ErrorCode(err) != session.ELimit {
			t.Fatalf("err = %v, want limit", err)
		}
	})
	t.Run("store without import", func(t *testing.T) {
		plain := session.NewService(struct{ session.Store }{db}, nil)
		if _, err := plain.Import(ctx, s.ID, one, session.ImportOptions{}); err == nil || !strings.Contains(err.Error(), "cannot import") {
			t.Fatalf("err = %v", err)
		}
	})
	if n, p := importCounts(t, db, s.ID); n != 0 || p != 0 {
		t.Fatalf("refused imports stored %d notes, %d participants", n, p)
	}
}

// A store error half-way leaves neither participants nor notes behind.
func TestImportNotesIsOneTransaction(t *testing.T) {
	t.Parallel()
	svc, db := MustOpenService(t)
	ctx := context.Background()
	s := mustSession(t, svc)
	notes := []session.Note{
		{Area: session.AreaConfidence, Lane: "concern", Text: "stored first", ParticipantID: 0},
		{Area: session.AreaConfidence, Lane: "concern", Text: "names no author", ParticipantID: 5},
	}
	if err := db.ImportNotes(ctx, s.ID, []session.PaperPerson{{Label: "a"}, {Label: "b"}}, notes); err == nil {
		t.Fatal("ImportNotes accepted a note of an unknown author")
	}
	if n, p := importCounts(t, db, s.ID); n != 0 || p != 0 {
		t.Fatalf("failed import left %d notes, %d participants", n, p)
	}
}

// Rows already in the session are refused, but the same words about another activity
// are another note.
func TestImportDuplicatesByActivity(t *testing.T) {
	t.Parallel()
	svc, _ := MustOpenService(t)
	ctx := context.Background()
	s := mustSession(t, svc)
	row := func(activity string) []session.ImportRow {
		return []session.ImportRow{{Line: 1, Text: "We skip it", Area: "activities", Lane: "less", Activity: activity}}
	}
	if _, err := svc.Import(ctx, s.ID, row("code scanning (SAST)"), session.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Import(ctx, s.ID, []session.ImportRow{{Line: 1, Text: "we SKIP it", Area: "activities", Lane: "less", Activity: "code scanning (SAST)"}}, session.ImportOptions{}); err == nil || !strings.Contains(err.Error(), session.DuplicateNote) {
		t.Fatalf("the same note again (in other case): %v, want refused as a duplicate", err)
	}
	if _, err := svc.Import(ctx, s.ID, row("pen testing"), session.ImportOptions{}); err != nil {
		t.Fatalf("the same words about another activity: %v, want imported", err)
	}
}

// Paper check-in ratings come in with the notes or alone: a labelled author's
// rating is theirs, an unlabelled rating is one person's, and every rating counts
// in the check-in at once, as the notes show at once.
func TestImportRatings(t *testing.T) {
	t.Parallel()
	svc, db := MustOpenService(t)
	ctx := context.Background()
	s := mustSession(t, svc)
	rows := []session.ImportRow{
		{Line: 1, Text: "we keep the guild", Area: "activities", Lane: "keep", Author: "table 1 / A", Rating: "4"},
		{Line: 2, Rating: " 3 "},
		{Line: 3, Rating: "5", Area: "Confidence"},
		{Line: 4, Text: "audits feel like blame", Area: "motivation", Lane: "demotivates"},
		{Line: 5, Text: "threat models go stale", Area: "confidence", Lane: "concern", Author: "Table 1 / a"},
		{Line: 6, Rating: "2", Author: "table 2 / B"},
		{Line: 7, Rating: "2", Author: "table 2 / b"}, // the same rating again is the same person's
	}
	res, err := svc.Import(ctx, s.ID, rows, session.ImportOptions{})
	if want := (session.ImportResult{Notes: 3, Ratings: 4, Authors: 5, PaperPeople: 5, Filed: 1}); err != nil || res != want {
		t.Fatalf("Import = %+v, %v; want %+v", res, err, want)
	}
	ps, err := db.Participants(ctx, s.ID)
	if err != nil {
		t.Fatal(err)
	}
	var ratings []int
	for _, p := range ps {
		if p.ShownRating != p.Rating {
			t.Errorf("participant %s: rating %d shown as %d; a paper rating shows at once", p.Pseudonym, p.Rating, p.ShownRating)
		}
		if p.Rating > 0 {
			ratings = append(ratings, p.Rating)
		}
	}
	slices.Sort(ratings)
	if !slices.Equal(ratings, []int{2, 3, 4, 5}) || len(ps) != 5 {
		t.Fatalf("ratings %v among %d participants, want 2 3 4 5 among 5", ratings, len(ps))
	}
	data, err := svc.ReportData(ctx, s.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(data.Ratings, []int{2, 3, 4, 5}) {
		t.Errorf("the findings count ratings %v, want 2 3 4 5", data.Ratings)
	}

	// The same ratings again would count the same people twice.
	again := []session.ImportRow{{Line: 1, Rating: "3"}}
	if _, err := svc.Import(ctx, s.ID, again, session.ImportOptions{}); !errors.Is(err, session.ErrRatingsAgain) ||
		!strings.Contains(session.ErrorMessage(err), "has 4 paper ratings already") {
		t.Fatalf("ratings imported again: %v, want refused", err)
	}
	if res, err := svc.Import(ctx, s.ID, again, session.ImportOptions{AllowDuplicates: true}); err != nil || res.Ratings != 1 || res.Notes != 0 {
		t.Fatalf("other people's ratings, allowed: %+v, %v", res, err)
	}
}

func TestImportRefusesBadRatings(t *testing.T) {
	t.Parallel()
	svc, db := MustOpenService(t)
	ctx := context.Background()
	s := mustSession(t, svc)
	rows := []session.ImportRow{
		{Line: 1, Text: "fine", Area: "confidence", Lane: "strength", Author: "a", Rating: "4"},
		{Line: 2, Text: "also fine", Area: "confidence", Lane: "strength", Author: "A", Rating: "2"},
		{Line: 3, Rating: "6"},
		{Line: 4, Rating: "four"},
		{Line: 5, Rating: "3", Lane: "concern"},
		{Line: 6, Rating: "3", Area: "motivation"},
		{Line: 7, Author: "table 3 / X"},
	}
	_, err := svc.Import(ctx, s.ID, rows, session.ImportOptions{})
	var ie *session.ImportError
	if !errors.As(err, &ie) {
		t.Fatalf("err = %v, want an ImportError", err)
	}
	want := map[int]string{
		2: `Author "A" gave the rating 4 on line 1`,
		3: `The rating "6" is not a whole number from 1 to 5`,
		4: `The rating "four" is not`,
		5: "The text is missing. A row with only a rating names no lane",
		6: "The text is missing",
		7: "The row holds no note and no rating",
	}
	got := map[int]string{}
	for _, p := range ie.Problems {
		got[p.Line] = p.Message
	}
	for line, w := range want {
		if !strings.Contains(got[line], w) {
			t.Errorf("line %d: %q, want %q", line, got[line], w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("problems %v, want lines 2-7", got)
	}
	if n, p := importCounts(t, db, s.ID); n != 0 || p != 0 {
		t.Fatalf("a refused import stored %d notes, %d participants", n, p)
	}
}

// A JSONL line that is valid JSON but not an object, or whose field has the wrong
// type, is told in the file's own words: the column as written and what the line
// holds, never a Go type.
func TestDecodeJSONRowSaysWhatTheLineHolds(t *testing.T) {
	t.Parallel()
	var v struct {
		Text, Area string
	}
	for _, tc := range []struct{ in, want string }{
		{`[{"text":"x"}]`, "not a JSON object with text, area: the line holds an array"},
		{`42`, "not a JSON object with text, area: the line holds a number"},
		{`"x"`, "not a JSON object with text, area: the line holds a string"},
		{`{"text":42}`, "text must be a string"},
		// Decoded as Go does, the last would win and the first be lost unseen.
		{`{"text":"pen tests late","area":"activities","text":"pen tests early"}`, `"text" appears twice on the line; give each of text, area once`},
		{`{"Area":"motivation","text":"x","area":"activities"}`, `"area" appears twice on the line; give each of text, area once`},
		{`{"text":"a \"text\": b","area":"confidence"}`, ""},
	} {
		if got := session.DecodeJSONRow([]byte(tc.in), &v, []string{"text", "area"}); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.in, got, tc.want)
		}
	}
}

// Go's decoder folds keys as bytes.EqualFold does, where ſ (U+017F) is s and K
// (U+212A) is k: a roster line naming cluster twice that way imported the second
// value and lost the first without a word.
func TestDecodeJSONRowFindsAKeyTwiceAsGoFoldsIt(t *testing.T) {
	t.Parallel()
	var v struct {
		Cluster string `json:"cluster"`
		Name    string `json:"name"`
	}
	got := session.DecodeJSONRow([]byte(`{"cluster":"Payments","clu\u017fter":"Platform","name":"x"}`), &v, []string{"cluster", "name"})
	if got == "" {
		t.Fatalf("a line holding cluster twice (the second as cluſter) decoded without a word, keeping %q", v.Cluster)
	}
}

// A paper note of the security activities given no activity goes under the one of
// the session's list its text names, as a note written live does (it was stored
// with none: the matrix counted it under "(no activity named)" while a hypothesis
// about pen testing quoted it), and the result counts them. One given an activity
// keeps it, and one naming two or none stays about none. The duplicate check
// compares the activity a row comes to: the file again is refused, as is a row
// imported before notes were filed (stored with none), while the same words given
// another activity are another note.
func TestImportFilesANoteUnderTheActivityItNames(t *testing.T) {
	t.Parallel()
	svc, db := MustOpenService(t)
	ctx := context.Background()
	s := mustSession(t, svc)
	rows := []session.ImportRow{
		{Line: 2, Text: "Keep pen testing before major releases", Area: "activities", Lane: "keep"},
		{Line: 3, Text: "SAST findings are mostly noise", Area: "activities", Lane: "less", Author: "table 1"},
		{Line: 4, Text: "a bounty finds what pen testing misses", Area: "activities", Lane: "add", Activity: "bug bounty"},
		{Line: 5, Text: "pen testing finds what code scanning misses", Area: "activities", Lane: "more"},
		{Line: 6, Text: "more time for security work", Area: "activities", Lane: "more"},
		{Line: 7, Text: "pen testing results show real impact", Area: "motivation", Lane: "motivates"},
	}
	res, err := svc.Import(ctx, s.ID, rows, session.ImportOptions{})
	if want := (session.ImportResult{Notes: 6, Authors: 2, PaperPeople: 2, Filed: 2}); err != nil || res != want {
		t.Fatalf("Import = %+v, %v; want %+v", res, err, want)
	}
	ns, err := db.Notes(ctx, s.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"Keep pen testing before major releases":      "pen testing",
		"SAST findings are mostly noise":              "code scanning (SAST)",
		"a bounty finds what pen testing misses":      "bug bounty",
		"pen testing finds what code scanning misses": "",
		"more time for security work":                 "",
		"pen testing results show real impact":        "",
	}
	for _, n := range ns {
		if a, ok := want[n.Text]; !ok || n.Activity != a {
			t.Errorf("%q stored under %q, want %q", n.Text, n.Activity, a)
		}
	}

	if _, err := svc.Import(ctx, s.ID, rows[:1], session.ImportOptions{}); err == nil || !strings.Contains(err.Error(), session.DuplicateNote) {
		t.Fatalf("the file again: %v, want refused as a duplicate", err)
	}
	// A row imported before notes were filed, as that import stored it: about
	// no activity.
	before := session.ImportRow{Line: 2, Text: "Keep threat modelling in design reviews", Area: "activities", Lane: "keep"}
	if err := db.ImportNotes(ctx, s.ID, []session.PaperPerson{{Label: session.PaperAuthor}}, []session.Note{{Area: session.AreaActivities, Lane: "keep", Text: before.Text}}); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Import(ctx, s.ID, []session.ImportRow{before}, session.ImportOptions{}); err == nil || !strings.Contains(err.Error(), session.DuplicateNote) {
		t.Fatalf("a row imported before notes were filed, again: %v, want refused as a duplicate", err)
	}
	other := rows[0]
	other.Activity = "security training"
	if _, err := svc.Import(ctx, s.ID, []session.ImportRow{other}, session.ImportOptions{}); err != nil {
		t.Fatalf("the same words given another activity: %v, want imported", err)
	}
}
