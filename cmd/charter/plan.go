package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/charter-tool/charter/server"
	"github.com/charter-tool/charter/session"
)

// listFlag collects a flag given several times, or once with commas.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

func (l *listFlag) Set(v string) error {
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			*l = append(*l, s)
		}
	}
	return nil
}

// moveFlag collects --move WHO=N.
type moveFlag []session.Move

func (m *moveFlag) String() string { return fmt.Sprint(*m) }

func (m *moveFlag) Set(v string) error {
	i := strings.LastIndexByte(v, '=')
	if i <= 0 {
		return fmt.Errorf("%q is not NAME=SESSION, e.g. ada@example.org=3", v)
	}
	n, err := strconv.Atoi(strings.TrimSpace(v[i+1:]))
	if err != nil {
		return fmt.Errorf("%q: the session is the plan's session number, e.g. =3", v)
	}
	*m = append(*m, session.Move{Who: v[:i], To: n})
	return nil
}

// dateFlag collects --date N=YYYY-MM-DD.
type dateFlag []session.SessionDate

func (d *dateFlag) String() string { return fmt.Sprint(*d) }

func (d *dateFlag) Set(v string) error {
	num, day, ok := strings.Cut(v, "=")
	n, err := strconv.Atoi(strings.TrimSpace(num))
	if !ok || err != nil {
		return fmt.Errorf("%q is not SESSION=YYYY-MM-DD, e.g. 3=2027-03-14 (the plan's session number, then the day)", v)
	}
	*d = append(*d, session.SessionDate{Session: n, Date: day})
	return nil
}

func runPlan(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("plan", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: charter plan --data DIR --campaign C [--per-session 8-10] [--locations A,B]")
		fmt.Fprintln(fs.Output(), "         [--audiences A,B] [--exclude-team TEAM]... [--move NAME=SESSION]... [--date SESSION=DAY]... [--format md|json] [--create] [--plan ID] [--addr HOST:PORT] [--new] [--cross-audience]")
		fmt.Fprintln(fs.Output(), "\nProposes the campaign's sessions from the roster and whom to invite to each. Adjust")
		fmt.Fprintln(fs.Output(), "it with --exclude-team and --move until it is right (the plan is the same for the")
		fmt.Fprintln(fs.Output(), "same roster and flags), then run the same command with --create --plan ID, the ID")
		fmt.Fprintln(fs.Output(), "the plan was shown with. --move and --date both name sessions by the numbers the")
		fmt.Fprintln(fs.Output(), "plan prints, and a move never renumbers them (a session it empties is left out, its")
		fmt.Fprintln(fs.Output(), "number with it): the numbers one run prints hold in the next (other flags, such as")
		fmt.Fprintln(fs.Output(), "--exclude-team, may number the sessions anew).")
		fmt.Fprintln(fs.Output(), "\nA campaign planned before is planned again for the people not placed yet: those its")
		fmt.Fprintln(fs.Output(), "sessions held or to come invite are left out, and those whose planned session was not")
		fmt.Fprintln(fs.Output(), "held (deleted, or closed with nobody in it) are offered again, marked Planned before;")
		fmt.Fprintln(fs.Output(), "the plan says how many of each, and --create makes the sessions for them.")
		fmt.Fprintln(fs.Output())
		fs.PrintDefaults()
	}
	dir := fs.String("data", defaultDataDir, "data directory")
	campaign := fs.String("campaign", "", "the campaign to plan (required)")
	size := fs.String("per-session", fmt.Sprintf("%d-%d", session.DefaultMinSize, session.DefaultMaxSize), "people per session, MIN-MAX")
	var locations, exclude, audiences listFlag
	var moves moveFlag
	var dates dateFlag
	fs.Var(&locations, "locations", "the only locations with in-person sessions, comma-separated; teams elsewhere are invited online")
	fs.Var(&audiences, "audiences", "the audiences to plan sessions for, comma-separated (default security-engineers,developers,service-owners; managers too if asked)")
	fs.Var(&exclude, "exclude-team", "leave a team out of the plan (repeatable)")
	fs.Var(&dates, "date", "the day session number N, as the plan prints it, is held: N=YYYY-MM-DD (repeatable; campaign reports order sessions by day)")
	fs.Var(&moves, "move", "put a person (e-mail, or a name only one person has) into session number N, as the plan prints it: NAME=N (repeatable)")
	format := fs.String("format", "md", "md or json")
	create := fs.Bool("create", false, "create the planned sessions")
	isNew := fs.Bool("new", false, "with --create: start a campaign whose name is close to an existing one's")
	planID := fs.String("plan", "", "with --create: the ID the plan was shown with; nothing is made if the plan is another now (needed with --move and --date)")
	cross := fs.Bool("cross-audience", false, "with --create: make a --move into a session of another audience (the findings count the person as that audience)")
	addr := fs.String("addr", "127.0.0.1:2222", "server address, for the join lines printed with --create (default: where charter serve on --data listens, if it runs)")
	if err := parseFlags(fs, args, stdout); err != nil {
		return parseExit(err)
	}
	if *campaign == "" || fs.NArg() > 0 {
		fs.Usage()
		return 2
	}
	if *format != "md" && *format != "json" {
		fmt.Fprintf(stderr, "charter plan: unknown format %q; use md or json\n", *format)
		return 2
	}
	lo, hi, ok := parseRange(*size)
	if !ok {
		fmt.Fprintf(stderr, "charter plan: --per-session %q is not MIN-MAX, e.g. 8-10\n", *size)
		return 2
	}
	db, err := openExisting(*dir)
	if err != nil {
		fmt.Fprintln(stderr, "charter plan:", err)
		return 1
	}
	defer db.Close()
	ctx := context.Background()
	svc := session.NewService(db, nil)
	if near := misspelt(ctx, svc, *campaign); near != "" && *create && !*isNew {
		fmt.Fprintf(stderr, "charter plan: no campaign is called %q; did you mean %q? To create the sessions of a new campaign of that name, add --new.\n",
			session.CleanText(*campaign), near)
		return 1
	}
	var auds []session.Audience
	for _, a := range audiences {
		auds = append(auds, session.Audience(strings.ToLower(a)))
	}
	opt := session.PlanOptions{Campaign: *campaign, MinSize: lo, MaxSize: hi,
		Locations: locations, ExcludeTeams: exclude, Moves: moves, Dates: dates, Audiences: auds, CrossAudience: *cross}
	if !*create {
		p, err := svc.PlanCampaign(ctx, opt)
		if err != nil {
			fmt.Fprintln(stderr, "charter plan:", errorText(err))
			return 1
		}
		if *format == "json" {
			enc := json.NewEncoder(stdout)
			enc.SetIndent("", "  ")
			err = enc.Encode(p)
		} else {
			_, err = io.WriteString(stdout, planMarkdown(p))
		}
		if err != nil {
			fmt.Fprintln(stderr, "charter plan:", err)
			return 1
		}
		return 0
	}
	// --move and --date name sessions by their number in the plan looked at, and
	// the numbers follow what took part in other campaigns, which their sessions
	// change as they are held: only that plan is made. It is checked in the
	// transaction that makes it, so that nothing held or added meanwhile slips in.
	shown := strings.TrimSpace(*planID)
	done, err := svc.CreatePlan(ctx, opt, func(p *session.Plan) error {
		if shown == "" && (len(moves) > 0 || len(dates) > 0) {
			return session.Errorf(session.EInvalid, "--move and --date name sessions by their number in the plan you looked at; add --plan %s if it is the one shown with the ID %s (nothing was created)", p.ID, p.ID)
		}
		if shown != "" && !strings.EqualFold(shown, p.ID) {
			var now []string
			for _, s := range p.Sessions {
				now = append(now, fmt.Sprintf("%d. %s", s.Number, s.Title))
			}
			return session.Errorf(session.EConflict, "the plan is not the one shown with the ID %s: the same flags plan %s now (%s), most likely because a session of another campaign was held meanwhile (what took part before is planned last), a session of this campaign was made, deleted or closed, or the roster changed. Nothing was created; look at the plan again without --create.",
				shown, p.ID, strings.Join(now, ", "))
		}
		return nil
	})
	if err != nil {
		fmt.Fprintln(stderr, "charter plan:", errorText(err))
		return 1
	}
	p := done.Plan
	created := done.Created
	if len(created) == 0 {
		// Every session of the plan is held by one made by hand, which takes
		// the people invited before (see session.SkippedSession).
		fmt.Fprintf(stdout, "created no session of the campaign %s\n", p.Campaign)
	} else {
		fmt.Fprintf(stdout, "created %d %s of the campaign %s:\n", len(created), plural(len(created), "session", "sessions"), p.Campaign)
	}
	line, guess := flagAddr(fs, *dir, *addr)
	// Numbered as the plan numbers them, which --move and --date name.
	for _, c := range created {
		fmt.Fprintf(stdout, "%d. %s: session %s, code %s, %d invited\n", c.Planned.Number, c.Session.Title, c.Session.ID, code(c.Session.Code), len(c.Planned.Invitees))
		fmt.Fprintf(stdout, "   %s %s\n", server.SSHLine(line), c.Session.Code)
	}
	if b := p.Before; b != nil {
		fmt.Fprintln(stdout)
		if b.OfferedAgain > 0 {
			fmt.Fprintf(stdout, "offered again: %d %s whose planned session was not held\n", b.OfferedAgain, plural(b.OfferedAgain, "person", "people"))
		}
		if b.People > 0 {
			fmt.Fprintf(stdout, "not planned again: %d %s invited to the campaign's %d %s %s\n", b.People, plural(b.People, "person", "people"),
				b.Sessions, plural(b.Sessions, "session", "sessions"), heldOrToCome(b))
		}
	}
	if len(done.Skipped) > 0 {
		fmt.Fprintf(stdout, "\nnot created: %d %s of the plan that the campaign already holds (made by hand, of the same audience and place):\n",
			len(done.Skipped), plural(len(done.Skipped), "session", "sessions"))
		for _, sk := range done.Skipped {
			h := sk.Holder
			where := "online"
			if h.Mode != session.ModeOnline {
				where = h.Location
			}
			fmt.Fprintf(stdout, "%d. %s: held by session %s %q (%s, %s); %s\n", sk.Planned.Number, sk.Planned.Title,
				h.ID, h.Title, h.Audience.Title(), where, skippedPeople(sk))
		}
	}
	if guess != "" {
		fmt.Fprintln(stderr, guess)
	}
	// What the preview's notes said holds for the sessions made: said again here,
	// or the plan is made without the warnings it was shown with.
	for _, n := range p.Notes {
		fmt.Fprintln(stderr, "note:", n)
	}
	var undated []string
	for _, c := range created {
		if c.Session.Date == "" {
			undated = append(undated, strconv.Itoa(c.Planned.Number))
		}
	}
	if len(undated) > 0 {
		// Reports order sessions by day, and invitations say when: a session
		// without one comes after those with one, and its invitation says "see
		// the calendar invitation".
		fmt.Fprintf(stderr, "note: %s no date; give %s one with charter session edit --data %s --session ID --date YYYY-MM-DD (reports order sessions by day, invitations say it)\n",
			plural(len(undated), "session "+undated[0]+" has", "sessions "+strings.Join(undated, ", ")+" have"), plural(len(undated), "it", "each"), *dir)
	}
	if p.Before != nil && p.Before.Sessions > 0 {
		// The people of the sessions planned before had their letters: only
		// those of the sessions made now are written.
		ids := make([]string, 0, len(created))
		for _, c := range created {
			ids = append(ids, c.Session.ID)
		}
		which := "to the sessions made now"
		for _, sk := range done.Skipped {
			if len(sk.Invited) > 0 {
				ids = append(ids, sk.Holder.ID)
				which = "of the people planned now"
			}
		}
		fmt.Fprintf(stdout, "\nEvery invitation %s, one per person: charter invite --data %s --campaign %q --session %s --addr %s\n",
			which, *dir, p.Campaign, strings.Join(ids, ","), line)
		return 0
	}
	fmt.Fprintf(stdout, "\nEvery invitation, one per person: charter invite --data %s --campaign %q --addr %s\n", *dir, p.Campaign, line)
	return 0
}

// skippedPeople says what became of the people of a plan's session that a
// session made by hand holds: those invited before to a session called off are
// invited to it, the others not.
func skippedPeople(sk session.SkippedSession) string {
	in, out := len(sk.Invited), len(sk.Planned.Invitees)-len(sk.Invited)
	switch {
	case in == 0:
		return fmt.Sprintf("the %d %s planned for it %s not invited", out, plural(out, "person", "people"), plural(out, "is", "are"))
	case out == 0:
		return fmt.Sprintf("the %d %s planned for it, whose planned session was not held, %s invited to it", in, plural(in, "person", "people"), plural(in, "is", "are"))
	}
	return fmt.Sprintf("the %d %s planned for it whose planned session was not held %s invited to it; the other %d %s not invited",
		in, plural(in, "person", "people"), plural(in, "is", "are"), out, plural(out, "is", "are"))
}

// parseRange reads MIN-MAX (or a single number).
func parseRange(s string) (lo, hi int, ok bool) {
	a, b, found := strings.Cut(s, "-")
	if !found {
		b = a
	}
	lo, err1 := strconv.Atoi(strings.TrimSpace(a))
	hi, err2 := strconv.Atoi(strings.TrimSpace(b))
	return lo, hi, err1 == nil && err2 == nil && lo >= 1 && hi >= lo
}

// planMarkdown shows a plan for the facilitator to check: who goes where, with
// what level and experience, and what the rules could not do. No e-mail addresses:
// those go into invitations only.
func planMarkdown(p *session.Plan) string {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	people, teams, locations := 0, map[string]bool{}, map[string]bool{}
	for _, s := range p.Sessions {
		people += len(s.Invitees)
		for _, inv := range s.Invitees {
			teams[strings.ToLower(inv.Team)] = true
			locations[strings.ToLower(inv.Location)] = true
		}
	}
	w("# Plan: %s\n\n", mdText(p.Campaign))
	w("Plan ID %s.\n\n", p.ID)
	w("%d %s for %d %s of %d %s in %d %s.\n\n", len(p.Sessions), plural(len(p.Sessions), "session", "sessions"),
		people, plural(people, "person", "people"), len(teams), plural(len(teams), "team", "teams"),
		len(locations), plural(len(locations), "location", "locations"))
	again := false
	if b := p.Before; b != nil {
		for _, line := range plannedBefore(b) {
			w("%s\n\n", mdText(line))
		}
		again = b.OfferedAgain > 0
	}
	for _, s := range p.Sessions {
		where := "in person"
		if s.Mode == session.ModeOnline {
			where = "online"
		}
		w("## %d. %s\n\n", s.Number, mdText(s.Title))
		w("%s, %s, ", s.Audience.Title(), where)
		if s.Date != "" {
			w("on %s, ", s.Date)
		}
		w("%d %s", len(s.Invitees), plural(len(s.Invitees), "person", "people"))
		levels, exps := map[string]int{}, map[string]int{}
		for _, inv := range s.Invitees {
			levels[inv.Level]++
			exps[inv.Experience]++
		}
		w(" (levels: %s; experience: %s)\n\n", counts(session.Levels, levels), counts(session.Experiences, exps))
		if h := s.HeldBy; h != nil {
			// As --create will find it: said here, not learnt after.
			held := fmt.Sprintf("Held by %q (code %s), a session made by hand: --create makes no session here", session.CleanText(h.Title), code(h.Code))
			switch {
			case h.StandsIn && h.Invited > 0:
				held += fmt.Sprintf(", and invites to it the %d %s who were invited before to a session called off; the others planned here are not invited (whom a session made by hand takes is for its facilitator to say).",
					h.Invited, plural(h.Invited, "person of this place", "people of this place"))
			case h.StandsIn:
				held += " and invites nobody to it (whom a session made by hand takes is for its facilitator to say)."
			default:
				held += " and invites nobody to it: it has begun, or its day passed before it was held."
			}
			w("%s\n\n", mdText(held))
		}
		w("| Name | Team | Location | Level | Role | Experience | Team took part before |")
		if again {
			w(" Planned before |")
		}
		w("\n|---|---|---|---|---|---|---|")
		if again {
			w("---|")
		}
		w("\n")
		for _, inv := range s.Invitees {
			before := ""
			if inv.Earlier {
				before = "yes"
			}
			w("| %s | %s | %s | %s | %s | %s | %s |", mdText(inv.Name), mdText(inv.Team), mdText(inv.Location), inv.Level,
				inv.Role, inv.Experience, before)
			if again {
				w(" %s |", mdText(inv.PlannedBefore))
			}
			w("\n")
		}
		w("\n")
	}
	if len(p.Notes) > 0 {
		w("## Notes\n\n")
		for _, n := range p.Notes {
			w("- %s\n", mdText(n))
		}
		w("\n")
	}
	if len(p.Sessions) == 0 && p.Before != nil && p.Before.Sessions > 0 {
		// --create would refuse it: nothing to adjust or make.
		w("Nobody is left to plan: the campaign's sessions invite everyone this plan would. The people of a planned session that will not be held are offered again once it is deleted or closed.\n")
		return b.String()
	}
	w("Adjust with --exclude-team TEAM and --move NAME=SESSION (a name or an e-mail), give days with --date SESSION=YYYY-MM-DD (both by the numbers above, which a move does not change), then run again with --create --plan %s (which makes this plan or nothing).\n", p.ID)
	return b.String()
}

// plannedBefore says what a plan made again of a campaign leaves to the sessions
// planned before, and whom it offers again, in lines.
func plannedBefore(b *session.PlannedBefore) []string {
	var out []string
	if b.Sessions > 0 {
		out = append(out, fmt.Sprintf("The campaign has %d planned %s %s, inviting %d %s: they are not planned again.",
			b.Sessions, plural(b.Sessions, "session", "sessions"), heldOrToCome(b), b.People, plural(b.People, "person", "people")))
	}
	for _, pd := range b.PastDay {
		out = append(out, fmt.Sprintf("%s was %s: it is still in the lobby, and not to come. Its %d %s stay placed while it stands (offered again, they would hold two invitations): give it a new day if it is put off (charter session edit --date), or close it (--phase closed) or delete it to offer them another session.",
			pd.Title, session.PastDayText(pd.Day, session.PlannedAndNotHeld), pd.People, plural(pd.People, "person", "people")))
	}
	if b.OfferedAgain > 0 {
		from := make([]string, len(b.From))
		for i, f := range b.From {
			from[i] = fmt.Sprintf("%d of %s", f.People, f.Session)
		}
		out = append(out, fmt.Sprintf("%s offered again (Planned before): %s.",
			plural(b.OfferedAgain, "1 person whose planned session was not held is", fmt.Sprintf("%d people whose planned session was not held are", b.OfferedAgain)),
			strings.Join(from, ", ")))
	}
	if b.NotOffered > 0 {
		out = append(out, fmt.Sprintf("%s not offered again: their team is left out (--exclude-team), their audience not planned (--audiences), or a teammate of their role is placed.",
			plural(b.NotOffered, "1 person whose planned session was not held is", fmt.Sprintf("%d people whose planned session was not held are", b.NotOffered))))
	}
	return out
}

// heldOrToCome says what the campaign's planned sessions are, counted: "held or to
// come (1 held, 2 to come)". A session whose day passed in the lobby is neither,
// and said by its day: counted as to come, it reads as still ahead.
func heldOrToCome(b *session.PlannedBefore) string {
	toCome := b.Sessions - b.Held - len(b.PastDay)
	if len(b.PastDay) == 0 {
		return fmt.Sprintf("held or to come (%d held, %d to come)", b.Held, toCome)
	}
	out := fmt.Sprintf("held, to come or past their day (%d held, %d to come", b.Held, toCome)
	for _, pd := range b.PastDay {
		out += ", " + pd.Title + " " + pd.Said
	}
	return out + ")"
}

// counts lists how many of each value there are, in the given order: "gold 3, silver 2".
func counts(order []string, n map[string]int) string {
	var out []string
	for _, v := range order {
		if n[v] > 0 {
			out = append(out, fmt.Sprintf("%s %d", v, n[v]))
		}
	}
	return strings.Join(out, ", ")
}
