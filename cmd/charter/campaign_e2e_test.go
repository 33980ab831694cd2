package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charter-tool/charter/session"
)

// runCmd runs charter with args and returns its exit code and output.
func runCmd(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errs := runCmd(args...)
	if code != 0 {
		t.Fatalf("charter %s: exit %d\n%s%s", strings.Join(args, " "), code, out, errs)
	}
	return out
}

// rosterContacts reads every name and e-mail of a roster file.
func rosterContacts(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range recs[1:] {
		out = append(out, r[4], r[5])
	}
	return out
}

// The campaign around the sessions, end to end: a roster of 40 teams in four
// locations and remote, a plan with the balance rules, its sessions created,
// notes imported into some of them, three hypotheses with verdicts, and a report
// whose coverage and hypothesis sections say what happened, without any roster
// contact in any format.
func TestCampaignEndToEnd(t *testing.T) {
	t.Parallel()
	// Session 1 is dated today: a day passed would leave its invitations out
	// (invite writes no letter giving a day that has passed), a day to come
	// would number it after the sessions held today.
	today := time.Now().UTC().Format(session.DateLayout)
	dir := newDataDir(t)
	roster := filepath.Join("testdata", "roster.csv")

	// An earlier campaign took place in Lyon: Lyon comes last in the new plan.
	out := mustRun(t, "session", "new", "--data", dir, "--title", "Pilot Lyon", "--audience", "developers",
		"--location", "Lyon", "--campaign", "Pilot 2024")
	pilot := regexp.MustCompile(`session: (\S+)`).FindStringSubmatch(out)[1]
	mustRun(t, "import", "--data", dir, "--session", pilot, filepath.Join("testdata", "campaign-dev.jsonl"))

	out = mustRun(t, "roster", "import", "--data", dir, roster)
	if !strings.Contains(out, "204 people of 40 teams in 5 locations") {
		t.Fatalf("roster import said:\n%s", out)
	}

	// The plan, as JSON, follows the balance rules.
	var plan struct {
		Sessions []struct {
			Number   int
			Title    string
			Audience string
			Location string
			Mode     string
			Invitees []struct {
				Name, Team, Location, Level, Role, Experience string
			}
		}
		Notes []string
	}
	// By default the method's three audiences have sessions: service owners too.
	out = mustRun(t, "plan", "--data", dir, "--campaign", "Chartering 2027", "--format", "json")
	if err := json.Unmarshal([]byte(out), &plan); err != nil {
		t.Fatal(err)
	}
	owners := 0
	for _, s := range plan.Sessions {
		for _, inv := range s.Invitees {
			if inv.Role == "service-owner" && s.Audience == "service-owners" {
				owners++
			}
		}
	}
	if owners == 0 {
		t.Error("the default plan invites no service owner")
	}
	// This campaign plans two of them.
	two := []string{"--audiences", "security-engineers,developers"}
	plan.Sessions, plan.Notes = nil, nil
	out = mustRun(t, append([]string{"plan", "--data", dir, "--campaign", "Chartering 2027", "--format", "json"}, two...)...)
	if err := json.Unmarshal([]byte(out), &plan); err != nil {
		t.Fatal(err)
	}
	var places []string
	perTeam := map[string]map[string]int{}
	for _, s := range plan.Sessions {
		place := s.Location
		if s.Mode == "online" {
			place = "online"
		}
		places = append(places, s.Audience+"@"+place)
		if n := len(s.Invitees); n < 8 || n > 10 {
			t.Errorf("session %d (%s) has %d people", s.Number, s.Title, n)
		}
		levels, exps := map[string]bool{}, map[string]bool{}
		for _, inv := range s.Invitees {
			levels[inv.Level], exps[inv.Experience] = true, true
			if perTeam[inv.Team] == nil {
				perTeam[inv.Team] = map[string]int{}
			}
			perTeam[inv.Team][inv.Role]++
			if s.Mode == "in-person" && inv.Location != s.Location {
				t.Errorf("%s of %s invited to %s", inv.Name, inv.Location, s.Title)
			}
		}
		if len(levels) < 3 || len(exps) < 2 {
			t.Errorf("session %s mixes levels %v and experience %v", s.Title, levels, exps)
		}
	}
	want := []string{"security-engineers@Berlin", "developers@Berlin", "security-engineers@Porto", "developers@Porto",
		"security-engineers@online", "developers@online", "security-engineers@Lyon", "developers@Lyon"}
	if strings.Join(places, " ") != strings.Join(want, " ") {
		t.Errorf("sessions\n got %v\nwant %v", places, want)
	}
	if len(perTeam) != 40 {
		t.Errorf("%d teams invited, want 40", len(perTeam))
	}
	for team, roles := range perTeam {
		if roles["security-engineer"] > 1 || roles["developer"] != 1 || roles["manager"]+roles["service-owner"] > 0 {
			t.Errorf("team %s: %v", team, roles)
		}
	}
	notes := strings.Join(plan.Notes, "\n")
	for _, n := range []string{"Team Harbor has no security engineer.", "at Oslo, fewer than 8: they are invited to the online session"} {
		if !strings.Contains(notes, n) {
			t.Errorf("plan notes lack %q:\n%s", n, notes)
		}
	}

	// The facilitator drops a team and moves a person, then creates the plan.
	adjust := append([]string{"--data", dir, "--campaign", "Chartering 2027", "--exclude-team", "Nova", "--move", "carla.ortega@example.org=4",
		"--date", "1=" + today}, two...)
	md := mustRun(t, append([]string{"plan"}, adjust...)...)
	if strings.Contains(md, "| Nova |") || !strings.Contains(md, "## 4. Developers, Porto\n\ndevelopers, in person, 11 people") ||
		!strings.Contains(md, "## 1. Security engineers, Berlin\n\nsecurity engineers, in person, on "+today+", ") {
		t.Errorf("adjusted plan:\n%s", md)
	}
	if strings.Contains(md, "@example.org") {
		t.Error("the printed plan holds e-mail addresses")
	}
	// It is made as shown: --create names the plan by the ID it was shown with.
	shown := regexp.MustCompile(`Plan ID (\w+)\.`).FindStringSubmatch(md)
	if shown == nil {
		t.Fatalf("the plan shows no ID:\n%s", md)
	}
	adjust = append(adjust, "--plan", shown[1])
	code, out, errs := runCmd(append([]string{"plan", "--create", "--addr", "charter.example.org:2222"}, adjust...)...)
	ids := regexp.MustCompile(`session (\w+), code`).FindAllStringSubmatch(out, -1)
	if code != 0 || len(ids) != 8 {
		t.Fatalf("plan --create: exit %d\n%s%s", code, out, errs)
	}
	// Only session 1 was given a day: the others are named.
	if !strings.Contains(errs, "note: sessions 2, 3, 4, 5, 6, 7, 8 have no date; give each one with charter session edit") {
		t.Errorf("plan --create does not name the sessions without a day: %q", errs)
	}
	// The command it gives for the invitations keeps the server's address.
	if want := `charter invite --data ` + dir + ` --campaign "Chartering 2027" --addr charter.example.org:2222`; !strings.Contains(out, want) {
		t.Errorf("plan --create does not say %q:\n%s", want, out)
	}
	if code, _, errs := runCmd(append([]string{"plan", "--create"}, adjust...)...); code != 1 || !strings.Contains(errs, "already has 8 planned sessions") {
		t.Errorf("planning twice: exit %d, %s", code, errs)
	}
	// A slip in the campaign's name would create a second campaign: refused.
	slip := append([]string{"plan", "--create"}, adjust...)
	slip[slices.Index(slip, "Chartering 2027")] = "Charterng 2027"
	if code, _, errs := runCmd(slip...); code != 1 || !strings.Contains(errs, `did you mean "Chartering 2027"?`) {
		t.Errorf("plan --create of a misspelt campaign: exit %d, %s", code, errs)
	}
	if list := mustRun(t, "session", "list", "--data", dir); !regexp.MustCompile(ids[0][1] + `.*` + today).MatchString(list) {
		t.Errorf("session 1 of the plan is not listed on its day:\n%s", list)
	}

	// Invitations name each planned person; Carla was moved to the Porto developers.
	inv := mustRun(t, "invite", "--data", dir, "--campaign", "chartering 2027", "--addr", "charter.example.org:2222")
	if n := strings.Count(inv, "\nSubject: Invitation: "); n < 70 {
		t.Errorf("%d invitations", n)
	}
	if !strings.Contains(inv, "To: Carla Ortega <carla.ortega@example.org>\nSubject: Invitation: Developers, Porto\n") {
		t.Error("no invitation for the moved person")
	}
	// Each says how many the plan invited to its session, not a size it did not plan.
	if strings.Contains(inv, "8 to 10 people") || !regexp.MustCompile(`\n[0-9]+ people are invited, all of them`).MatchString(inv) {
		t.Error("the invitations do not say how many people the plan invited")
	}

	// Berlin and Porto are held (notes imported); the rest not yet.
	mustRun(t, "import", "--data", dir, "--session", ids[0][1], filepath.Join("testdata", "campaign-se.jsonl"))
	mustRun(t, "import", "--data", dir, "--session", ids[1][1], filepath.Join("testdata", "campaign-dev.jsonl"))
	mustRun(t, "import", "--data", dir, "--session", ids[2][1], filepath.Join("testdata", "campaign-se.jsonl"))
	mustRun(t, "import", "--data", dir, "--session", ids[3][1], filepath.Join("testdata", "campaign-dev.jsonl"))

	for _, h := range []string{"Appointed security engineers are less motivated than volunteers",
		"The self-assessment takes too long", "Teams want deeper training"} {
		mustRun(t, "hypothesis", "add", "--data", dir, "--campaign", "Chartering 2027", h)
	}
	mustRun(t, "hypothesis", "verdict", "--data", dir, "--campaign", "Chartering 2027", "H2", "supported", "--why", "raised unprompted in all four sessions")
	mustRun(t, "hypothesis", "verdict", "--data", dir, "--campaign", "Chartering 2027", "3", "mixed", "--why", "developers want it, engineers less so")
	list := mustRun(t, "hypothesis", "list", "--data", dir, "--campaign", "Chartering 2027")
	if !strings.Contains(list, "H2  The self-assessment takes too long\n    verdict: supported (raised unprompted in all four sessions)") ||
		!strings.Contains(list, "H1  Appointed security engineers are less motivated than volunteers\n    verdict: no verdict yet") {
		t.Errorf("hypothesis list:\n%s", list)
	}

	md = mustRun(t, "report", "--data", dir, "--campaign", "Chartering 2027")
	for _, want := range []string{
		"## Coverage of the roster",
		"- People: 39 invited to a held session; 16 participants joined those sessions (invited or not)",
		"- Teams: 20 of 40 invited to a held session, 20 not",
		"- Locations: 2 of 5 with a team invited to a held session or a session held there; neither: Lyon, Oslo, remote",
		"| Berlin | 10 | 10 | 0 |",
		"| Lyon | 10 | 0 | 10 |",
		"## Hypotheses",
		"### H2. The self-assessment takes too long",
		"Verdict: **supported**: raised unprompted in all four sessions",
		"### H3. Teams want deeper training",
		"Verdict: **mixed**: developers want it, engineers less so",
		"### H1. Appointed security engineers are less motivated than volunteers",
		"Verdict: none yet.",
		"## What the program did not expect",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if !regexp.MustCompile(`\| S1 \| [0-9-]+ \| Security engineers, Berlin( \\\*)? \|`).MatchString(md) {
		t.Error("the report does not number the sessions in the plan's order")
	}
	h3 := section(md, "### H3.", "###")
	// Four of the eight planned sessions were held: the others count nowhere, and
	// the report says which they are.
	if !strings.Contains(md, "- Sessions: 4 in ") || !strings.Contains(md, "Not held yet (nobody taking part, no notes shown), so left out of every figure: Security engineers, online (") {
		t.Errorf("the report counts sessions not held, or does not list them:\n%s", section(md, "## Campaign", "## Themes"))
	}
	// Given no day, a session not held has none: not the day it was created.
	if !strings.Contains(md, "Security engineers, online (no date yet, lobby)") {
		t.Errorf("a session not held and given no day is dated:\n%s", section(md, "## Campaign", "## Themes"))
	}
	if strings.Contains(md, "| 0 new") || strings.Contains(md, "of 8 sessions") {
		t.Errorf("sessions not held count in the figures:\n%s", md)
	}
	if !strings.Contains(h3, "from 4 of 4 sessions (security engineers, developers)") || !strings.Contains(h3, "training") {
		t.Errorf("H3 evidence:\n%s", h3)
	}
	if !strings.Contains(h3, "By audience") {
		t.Errorf("H3 has no breakdown by audience:\n%s", h3)
	}

	var doc struct {
		Coverage struct {
			Teams        int `json:"teams"`
			TeamsReached int `json:"teams_reached"`
		} `json:"coverage"`
		Hypotheses []struct {
			Number  int    `json:"number"`
			Verdict string `json:"verdict"`
			Themes  []struct {
				Label string `json:"label"`
			} `json:"themes"`
		} `json:"hypotheses"`
		Themes []struct {
			ID     int      `json:"id"`
			Quotes []string `json:"quotes"`
		} `json:"themes"`
		Unexpected []struct {
			ID int `json:"id"`
		} `json:"unexpected_themes"`
	}
	js := mustRun(t, "report", "--data", dir, "--campaign", "Chartering 2027", "--format", "json")
	if err := json.Unmarshal([]byte(js), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Coverage.Teams != 40 || doc.Coverage.TeamsReached != 20 || len(doc.Hypotheses) != 3 ||
		doc.Hypotheses[1].Verdict != "supported" || len(doc.Hypotheses[1].Themes) == 0 || len(doc.Unexpected) == 0 {
		t.Errorf("JSON report: %+v", doc)
	}
	// The scanner noise matches no hypothesis: the program did not expect it.
	noise := 0
	for _, th := range doc.Themes {
		if strings.Contains(strings.Join(th.Quotes, " "), "false positives") {
			noise = th.ID
		}
	}
	found := false
	for _, u := range doc.Unexpected {
		found = found || u.ID == noise
	}
	if noise == 0 || !found {
		t.Errorf("the theme of scanner noise (%d) is not among what the program did not expect: %+v", noise, doc.Unexpected)
	}

	// No roster contact reaches any document: every format of the report and the
	// session exports.
	contacts := rosterContacts(t, roster)
	docs := map[string]string{}
	for _, f := range reportFormats {
		docs["report "+f] = mustRun(t, "report", "--data", dir, "--campaign", "Chartering 2027", "--format", f)
		docs["export "+f] = mustRun(t, "export", "--data", dir, "--session", ids[0][1], "--format", f)
	}
	// Hypotheses and verdicts are in every format of the report.
	for _, f := range reportFormats {
		text := docs["report "+f]
		for _, want := range []string{"The self-assessment takes too long", "raised unprompted in all four sessions", "supported"} {
			if !strings.Contains(text, want) {
				t.Errorf("report as %s lacks %q", f, want)
			}
		}
	}
	if !strings.Contains(docs["report csv"], "hypothesis,,,") || !strings.Contains(docs["report csv"], "coverage,,,,,,location,Lyon,,0 of 10 teams invited to a held session") {
		t.Errorf("CSV report lacks hypothesis or coverage rows:\n%s", docs["report csv"])
	}
	// What the report quotes as a hypothesis's evidence, the CSV has as rows of it.
	recs, err := csv.NewReader(strings.NewReader(docs["report csv"])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	evidence := map[string]bool{}
	for _, r := range recs[1:] {
		if r[slices.Index(recs[0], "hypothesis")] != "" && strings.HasPrefix(r[0], "hypothesis ") {
			evidence[r[slices.Index(recs[0], "text")]] = true
		}
	}
	quoted := 0
	hyps, _, _ := strings.Cut(docs["report md"], "## What the program did not expect")
	_, hyps, _ = strings.Cut(hyps, "## Hypotheses")
	for _, line := range strings.Split(hyps, "\n") {
		text, _, ok := strings.Cut(strings.TrimPrefix(line, "> "), " (S")
		if !strings.HasPrefix(line, "> ") || !ok {
			continue
		}
		quoted++
		if !evidence[text] {
			t.Errorf("the report quotes %q under a hypothesis; the CSV has no row of it", text)
		}
	}
	if quoted == 0 {
		t.Errorf("the report quotes no note under its hypotheses:\n%s", hyps)
	}
	if !strings.Contains(docs["report html"], "Coverage of the roster") || !strings.Contains(docs["report html"], "What the program did not expect") {
		t.Error("HTML report lacks the coverage or hypothesis sections")
	}
	for name, text := range docs {
		for _, c := range contacts {
			if strings.Contains(text, c) {
				t.Errorf("%s holds the roster contact %q", name, c)
			}
		}
	}

	// A closed session gets no invitations, as invite --session refuses one: the
	// campaign's letters invited to a session nobody could join any more.
	mustRun(t, "session", "edit", "--data", dir, "--session", ids[0][1], "--phase", "closed")
	code, after, errs := runCmd("invite", "--data", dir, "--campaign", "chartering 2027", "--addr", "charter.example.org:2222")
	left := regexp.MustCompile(`left out the closed session "([^"]+)" \((\d+) invitations?\)`).FindStringSubmatch(errs)
	if code != 0 || left == nil {
		t.Fatalf("invite after closing a session: exit %d, %q", code, errs)
	}
	if n, _ := strconv.Atoi(left[2]); strings.Count(after, "\nSubject: Invitation: ") != strings.Count(inv, "\nSubject: Invitation: ")-n || n == 0 ||
		strings.Contains(after, "Subject: Invitation: "+left[1]+"\n") {
		t.Errorf("the invitations still invite to the closed session %q (%s left out)", left[1], left[2])
	}
}

// reportFormats are the formats charter report writes.
var reportFormats = []string{"md", "json", "csv", "html"}

// section returns the text from the line starting with start up to the next line
// starting with end.
func section(doc, start, end string) string {
	i := strings.Index(doc, "\n"+start)
	if i < 0 {
		return ""
	}
	rest := doc[i+1:]
	if j := strings.Index(rest[len(start):], "\n"+end); j >= 0 {
		return rest[:len(start)+j]
	}
	return rest
}
