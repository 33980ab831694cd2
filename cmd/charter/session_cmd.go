package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"strings"
	"text/tabwriter"

	"github.com/charter-tool/charter/server"
	"github.com/charter-tool/charter/session"
)

func runSessionNew(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("session new", flag.ContinueOnError)
	fs.SetOutput(stderr)
	describe(fs, "charter session new --data DIR --title T --audience A [--campaign C] [--location L] [--mode M] [--date D] [--addr HOST:PORT] [--new]",
		"Creates a session and prints its ID, join code and the line participants join with.")
	dir := fs.String("data", defaultDataDir, "data directory")
	in := session.Session{}
	var audience, mode string
	fs.StringVar(&in.Title, "title", "", "title of the session (required)")
	fs.StringVar(&audience, "audience", "", "security-engineers, developers, service-owners, managers or mixed (required)")
	fs.StringVar(&in.Location, "location", "", "where it takes place")
	fs.StringVar(&in.Campaign, "campaign", "", "the campaign it belongs to")
	isNew := fs.Bool("new", false, "start a campaign whose name is close to an existing one's")
	fs.StringVar(&mode, "mode", "in-person", "in-person or online")
	fs.StringVar(&in.Date, "date", "", "the day it is held, YYYY-MM-DD (default: the day it begins, leaving the lobby; no date until then); reports order sessions by it")
	addr := fs.String("addr", "127.0.0.1:2222", "server address, for the join line (default: where charter serve on --data listens, if it runs)")
	if err := parseFlags(fs, args, stdout); err != nil {
		return parseExit(err)
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "charter session new: unexpected argument %q; every value goes with a flag, e.g. --title %q\n", fs.Arg(0), fs.Arg(0))
		return 2
	}
	in.Audience, in.Mode = session.Audience(audience), session.Mode(mode)
	db, err := openData(*dir)
	if err != nil {
		fmt.Fprintln(stderr, "charter session new:", err)
		return 1
	}
	defer db.Close()
	svc := session.NewService(db, nil)
	if near := misspelt(context.Background(), svc, in.Campaign); near != "" && !*isNew {
		fmt.Fprintf(stderr, "charter session new: no campaign is called %q; did you mean %q? To start a new campaign of that name, add --new.\n",
			session.CleanText(in.Campaign), near)
		return 1
	}
	s, err := svc.NewSession(context.Background(), in)
	if err != nil {
		fmt.Fprintln(stderr, "charter session new:", errorText(err))
		return 1
	}
	line, guess := flagAddr(fs, *dir, *addr)
	fmt.Fprintf(stdout, "session: %s\ncode: %s\n%s %s\n", s.ID, code(s.Code), server.SSHLine(line), s.Code)
	if guess != "" {
		fmt.Fprintln(stderr, guess)
	}
	// As the home's form says it: a twin not begun is most often the session the
	// plan made for this one, whose people hold its code. Made; a failure to read
	// the others only leaves the note out.
	if twin, invited, err := svc.PlannedTwinOf(context.Background(), s); err == nil && twin != nil {
		fmt.Fprintln(stderr, twinNote(s, twin, invited, *dir, svc.Today()))
	}
	return 0
}

// twinNote is the note on a session made beside a twin of its campaign, audience
// and place (session.PlannedTwin), with the command that deletes one of the two.
func twinNote(made, twin *session.Session, invited int, dir, today string) string {
	where := ""
	if loc := strings.TrimSpace(twin.Location); loc != "" {
		where = " in " + session.CleanText(loc)
	}
	if invited > 0 {
		people := fmt.Sprintf("%d %s", invited, plural(invited, "person invited to it holds", "people invited to it hold"))
		if twin.PastDay(today) {
			// Its day passed: running it as it stands is no advice.
			return fmt.Sprintf("note: %s planned %q for %s%s (session %s, code %s) %s: the %s its code. Give it a new day (charter session edit --data %s --session %s --date YYYY-MM-DD) and run it, or close it (charter session edit --data %s --session %s --phase closed; its people are planned again) and run this one.",
				session.CleanText(made.Campaign), session.CleanText(twin.Title), made.Audience.Title(), where, twin.ID, code(twin.Code),
				session.PastDayText(twin.Day(), session.OnDayNotHeld), people, dir, twin.ID, dir, twin.ID)
		}
		return fmt.Sprintf("note: %s already plans %q for %s%s (session %s, code %s), not begun: the %s its code. Run that one, and delete this one: charter session delete --data %s --session %s",
			session.CleanText(made.Campaign), session.CleanText(twin.Title), made.Audience.Title(), where, twin.ID, code(twin.Code), people, dir, made.ID)
	}
	return fmt.Sprintf("note: %s already has %q for %s%s (session %s), not begun: run one of the two, and delete the other: charter session delete --data %s --session ID",
		session.CleanText(made.Campaign), session.CleanText(twin.Title), made.Audience.Title(), where, twin.ID, dir)
}

// flagAddr is joinAddr for a command whose flags fs hold --addr, given or not.
func flagAddr(fs *flag.FlagSet, dir, addr string) (line, guess string) {
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == "addr" })
	return joinAddr(dir, addr, given)
}

// joinAddr is the address the join line names: --addr when given, else the one
// the charter serve running on dir listens on, else the default. guess says, when
// the line may be wrong, why and what to do.
func joinAddr(dir, addr string, given bool) (line, guess string) {
	if given {
		return addr, ""
	}
	running := runningAddr(dir)
	if running == "" {
		// The server's port is whatever charter serve was started with.
		return addr, fmt.Sprintf("The ssh line assumes charter serve listens on %s; if it listens elsewhere, use the port charter serve listens on (or give --addr).", addr)
	}
	host, port, err := net.SplitHostPort(running)
	if err != nil {
		return addr, fmt.Sprintf("The ssh line assumes charter serve listens on %s; it says it listens on %q (give --addr).", addr, running)
	}
	if ip := net.ParseIP(host); host == "" || ip != nil && ip.IsUnspecified() {
		// Every address of the machine: which one participants reach is not known here.
		def, _, _ := net.SplitHostPort(addr)
		return net.JoinHostPort(def, port), fmt.Sprintf("charter serve listens on port %s of every address of this machine; in the ssh line, put the name or address participants reach it by in place of %s (or give --addr).", port, def)
	}
	return running, ""
}

// code formats a join code for reading aloud.
func code(c string) string {
	if len(c) == 8 {
		return c[:4] + "-" + c[4:]
	}
	return c
}

func runSessionList(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("session list", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("data", defaultDataDir, "data directory")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: charter session list --data DIR")
		fmt.Fprintln(fs.Output(), "\nLists the sessions by campaign: ID, date, campaign, title, audience, location, mode, phase (a session whose day passed in the lobby says lobby (not held)) and join code.")
		fmt.Fprintln(fs.Output())
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args, stdout); err != nil {
		return parseExit(err)
	}
	db, err := openExisting(*dir)
	if err != nil {
		fmt.Fprintln(stderr, "charter session list:", err)
		return 1
	}
	defer db.Close()
	svc := session.NewService(db, nil)
	all, err := svc.Sessions(context.Background())
	if err != nil {
		fmt.Fprintln(stderr, "charter session list:", err)
		return 1
	}
	today := svc.Today()
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tDATE\tCAMPAIGN\tTITLE\tAUDIENCE\tLOCATION\tMODE\tPHASE\tCODE")
	for _, c := range session.Campaigns(all) {
		for _, s := range c.Sessions {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", s.ID, day(s), dash(s.Campaign),
				s.Title, s.Audience, dash(s.Location), s.Mode, phaseText(s, today), code(s.Code))
		}
	}
	tw.Flush()
	return 0
}

// phaseText is a session's phase as session list and edit print it: a session
// whose day (before today, YYYY-MM-DD) passed in the lobby says "lobby (not
// held)", not to come, as the phase alone would say.
func phaseText(s *session.Session, today string) string {
	if s.PastDay(today) {
		return string(s.Phase) + " (not held)"
	}
	return string(s.Phase)
}

// day is the day a session is held, as session list and edit print it: "-" for
// one planned without a day (session.NoDayYet), not the day it was created.
func day(s *session.Session) string {
	if s.NoDayYet() {
		return "-"
	}
	return s.Day().Format(session.DateLayout)
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func runSessionEdit(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("session edit", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("data", defaultDataDir, "data directory")
	id := fs.String("session", "", "ID of the session to edit (charter session list shows them)")
	var title, location, campaign, audience, mode, date string
	fs.StringVar(&title, "title", "", "new title")
	fs.StringVar(&location, "location", "", "new location (empty for none)")
	fs.StringVar(&campaign, "campaign", "", "new campaign (empty for none; names match whatever their case)")
	fs.StringVar(&audience, "audience", "", "new audience: security-engineers, developers, service-owners, managers or mixed")
	fs.StringVar(&mode, "mode", "", "new mode: in-person or online")
	fs.StringVar(&date, "date", "", "new day it is held, YYYY-MM-DD (empty: none; one in the lobby is then dated the day it begins, one that began the day it was created)")
	phase := fs.String("phase", "", "move the session to this phase ("+phaseNames()+"), as ] and [ on the board do: e.g. closed, for a session held on paper and imported")
	group := fs.Bool("group", false, "group the notes into the suggested themes, as A on the board does (a session without themes; before --phase)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: charter session edit --data DIR --session ID [--title T] [--campaign C] [--location L] [--audience A] [--mode M] [--date D] [--group] [--phase P]")
		fmt.Fprintln(fs.Output(), "Changes what the flags given name, leaving the rest as it is, and prints the session as it then is.")
		fmt.Fprintln(fs.Output())
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args, stdout); err != nil {
		return parseExit(err)
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "charter session edit: unexpected argument %q; every value goes with a flag\n", fs.Arg(0))
		return 2
	}
	if *id == "" {
		fmt.Fprintln(stderr, "charter session edit: give the session with --session ID (charter session list shows them)")
		return 2
	}
	var e session.SessionEdit
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "title":
			e.Title = &title
		case "location":
			e.Location = &location
		case "campaign":
			e.Campaign = &campaign
		case "date":
			e.Date = &date
		case "audience":
			a := session.Audience(audience)
			e.Audience = &a
		case "mode":
			m := session.Mode(mode)
			e.Mode = &m
		}
	})
	db, err := openExisting(*dir)
	if err != nil {
		fmt.Fprintln(stderr, "charter session edit:", err)
		return 1
	}
	defer db.Close()
	ph := session.Phase(strings.ToLower(strings.TrimSpace(*phase)))
	if *phase != "" && !ph.Valid() {
		fmt.Fprintf(stderr, "charter session edit: unknown phase %q; the phases are %s\n", *phase, phaseNames())
		return 2
	}
	svc := session.NewService(db, nil)
	*id = sessionID(context.Background(), svc, *id)
	if *group && ph != "" && ph != session.PhaseGroup && ph != session.PhaseClosed {
		fmt.Fprintf(stderr, "charter session edit: --group groups in the group phase: give it alone, with --phase group, or with --phase closed to close the session once grouped\n")
		return 2
	}
	if *group {
		// Checked before anything changes: a refusal after a reopen or a new
		// title would leave half the command done.
		err = canGroup(context.Background(), svc, *id, ph)
	}
	var s *session.Session
	planned := ""
	if err == nil {
		s, err = svc.EditSession(context.Background(), *id, e)
	}
	if err == nil {
		planned = s.Date
	}
	// Grouping happens in the group phase: a session before it is moved there
	// first (which shows the notes still waiting for a second writer, as moving
	// on from the board does: themes made of waiting notes would tell which were
	// written alone), a closed one is reopened there (--phase group), and one
	// being closed is grouped first (--group --phase closed).
	var to session.Phase
	switch {
	case err != nil:
	case ph != "" && ph != session.PhaseClosed:
		to = ph
	case *group && s.Phase != session.PhaseGroup && s.Phase != session.PhaseClosed:
		to = session.PhaseGroup
	}
	grouped := ""
	switch {
	case err != nil:
	case *group:
		// One step: a board open on the session never sees the group phase
		// without these themes (it would suggest its own meanwhile).
		s, grouped, err = groupAsSuggested(context.Background(), svc, *id, to)
	case to != "":
		s, err = svc.SetPhase(context.Background(), *id, to)
	}
	if err == nil && ph == session.PhaseClosed {
		if !*group && s.Phase != session.PhaseClosed {
			// Closing freezes the themes: notes in none (paper notes imported)
			// would stay so, and a campaign report would group them itself, in
			// themes no --split can take apart.
			if v, verr := svc.BoardView(context.Background(), *id); verr == nil && len(v.Themes) == 0 && len(v.Notes) > 0 {
				fmt.Fprintf(stderr, "note: the session's %d notes are in no theme, and closing freezes them so: its findings list them ungrouped, and a campaign report groups them itself. To group them, reopen it with the suggested themes (charter session edit --data %s --session %s --phase group --group), edit them on the board if you like, then close it again.\n",
					len(v.Notes), *dir, s.ID)
			}
		}
		s, err = svc.SetPhase(context.Background(), *id, ph)
	}
	if session.ErrorCode(err) == session.ENotFound {
		fmt.Fprintf(stderr, "charter session edit: there is no session %q in %s; charter session list --data %s lists them\n", *id, *dir, *dir)
		return 1
	}
	if err != nil {
		fmt.Fprintln(stderr, "charter session edit:", errorText(err))
		return 1
	}
	fmt.Fprintf(stdout, "session: %s\ntitle: %s\ncampaign: %s\naudience: %s\nlocation: %s\nmode: %s\ndate: %s\nphase: %s\n",
		s.ID, s.Title, dash(s.Campaign), s.Audience, dash(s.Location), s.Mode, day(s), phaseText(s, svc.Today()))
	if planned != "" && s.Date != planned {
		fmt.Fprintf(stderr, "note: dated today, the day it began (was planned for %s)\n", planned)
	}
	if ph == session.PhaseClosed && s.NotHeld() {
		if n := invitedTo(context.Background(), svc, s); n > 0 {
			fmt.Fprintf(stderr, "note: nobody joined the session and it has no notes: it is closed as not held, and the %d %s it invited %s offered another session when the campaign is planned again (charter plan --data %s --campaign %q)\n",
				n, plural(n, "person", "people"), plural(n, "is", "are"), *dir, s.Campaign)
		}
	}
	if grouped != "" {
		if s.Phase == session.PhaseClosed {
			// Closed by the same command: the board edits them only once it is
			// reopened.
			grouped = strings.Replace(grouped, "rename, merge and move them on the board, which shows them in the group phase",
				"the session is closed with them; to edit them, reopen it on the board ([ reopens it) and go back to the group phase", 1)
		}
		fmt.Fprintln(stdout, grouped)
	}
	return 0
}

// canGroup says why --group cannot group session id, moved to phase ph if given:
// it has themes (the facilitator's: the board edits them), or no notes, or it is
// closed and not reopened by the same command.
func canGroup(ctx context.Context, svc *session.Service, id string, ph session.Phase) error {
	v, err := svc.BoardView(ctx, id)
	if err != nil {
		return err
	}
	if len(v.Themes) > 0 {
		return session.Errorf(session.EConflict, "The session has %d themes already; edit them on the board (nothing was changed).", len(v.Themes))
	}
	visible := 0
	for _, n := range v.Notes {
		if !n.Hidden {
			visible++
		}
	}
	if visible == 0 {
		// Before the reveal the board may not show notes that wait for a second
		// writer yet (moving to group shows them): the clustering sees them.
		if sug, err := svc.SuggestThemes(ctx, id); err != nil || len(sug) == 0 {
			return session.Errorf(session.EInvalid, "The session has no notes to group (nothing was changed).")
		}
	}
	if p := v.Session.Phase; p.AtLeast(session.PhaseVote) && p != session.PhaseClosed && ph != session.PhaseGroup {
		return session.Errorf(session.EForbidden, "The session is in %s, past grouping; to group it, go back with --phase group --group (nothing was changed).", p)
	}
	if v.Session.Phase == session.PhaseClosed && ph != session.PhaseGroup {
		return session.Errorf(session.EForbidden, "The session is closed; to group it, reopen it with --phase group --group (nothing was changed).")
	}
	return nil
}

// groupAsSuggested moves session id to phase to (none if "") and makes the
// clustering's suggested themes its own, as A on the board does, in one step
// (see session.Service.MoveAndGroup), and says what it did.
func groupAsSuggested(ctx context.Context, svc *session.Service, id string, to session.Phase) (*session.Session, string, error) {
	s, sug, err := svc.MoveAndGroup(ctx, id, to)
	if err != nil {
		return nil, "", err
	}
	n := 0
	for _, t := range sug {
		n += len(t.NoteIDs)
	}
	return s, fmt.Sprintf("grouped: %d %s into %d suggested %s; rename, merge and move them on the board, which shows them in the group phase",
		n, plural(n, "note", "notes"), len(sug), plural(len(sug), "theme", "themes")), nil
}

func runSessionDelete(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("session delete", flag.ContinueOnError)
	fs.SetOutput(stderr)
	describe(fs, "charter session delete --data DIR --session ID [--yes]", "Deletes a session with all its notes, themes, votes and action points.")
	dir := fs.String("data", defaultDataDir, "data directory")
	id := fs.String("session", "", "ID of the session to delete (charter session list shows them)")
	yes := fs.Bool("yes", false, "delete without asking")
	if err := parseFlags(fs, args, stdout); err != nil {
		return parseExit(err)
	}
	if *id == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "charter session delete: give the session with --session ID (charter session list shows them)")
		return 2
	}
	db, err := openExisting(*dir)
	if err != nil {
		fmt.Fprintln(stderr, "charter session delete:", err)
		return 1
	}
	defer db.Close()
	ctx := context.Background()
	svc := session.NewService(db, nil)
	// The session and its notes as the board shows them: read at one moment.
	v, err := svc.BoardView(ctx, *id)
	if err != nil {
		fmt.Fprintln(stderr, "charter session delete:", errorText(err))
		return 1
	}
	s := v.Session
	invited := invitedTo(ctx, svc, s)
	if !*yes {
		fmt.Fprintf(stdout, "Delete session %s %q with its %d notes, themes, votes and action points? ", s.ID, s.Title, len(v.Notes))
		if invited > 0 && !s.Held && s.Phase != session.PhaseClosed {
			// The letters carry its code: deleted, it refuses them.
			fmt.Fprintf(stdout, "The %d %s its join code %s, which will refuse them: to invite them again, plan the campaign again (charter plan --data %s --campaign %q --create) and send the new letters with the charter invite command it prints, which tell them this session is off. ",
				invited, plural(invited, "person invited to it holds", "people invited to it hold"), code(s.Code), *dir, s.Campaign)
		}
		fmt.Fprint(stdout, "This cannot be undone. [y/N] ")
		answer, _ := bufio.NewReader(stdin).ReadString('\n')
		if a := strings.ToLower(strings.TrimSpace(answer)); a != "y" && a != "yes" {
			fmt.Fprintln(stdout, "\nNothing deleted.")
			return 1
		}
	}
	if err := svc.DeleteSession(ctx, s.ID); err != nil {
		fmt.Fprintln(stderr, "charter session delete:", errorText(err))
		return 1
	}
	fmt.Fprintf(stdout, "Deleted session %s %q.\n", s.ID, s.Title)
	if invited > 0 && !s.Held {
		fmt.Fprintf(stdout, "The %d %s it invited %s offered another session when the campaign is planned again: charter plan --data %s --campaign %q\n",
			invited, plural(invited, "person", "people"), plural(invited, "is", "are"), *dir, s.Campaign)
	}
	return 0
}

// invitedTo counts the people a campaign's plan invites to session s; 0 when it
// is no planned session, or they cannot be read (only a hint depends on it).
func invitedTo(ctx context.Context, svc *session.Service, s *session.Session) int {
	if s.Campaign == "" {
		return 0
	}
	n, err := svc.InviteeCount(ctx, s.ID)
	if err != nil {
		return 0
	}
	return n
}

// phaseNames lists the phases in their order, for flags and messages.
func phaseNames() string {
	names := make([]string, len(session.Phases))
	for i, p := range session.Phases {
		names[i] = string(p)
	}
	return strings.Join(names, ", ")
}

// sessionID turns what was given for --session into a session's ID: the ID as
// charter session list shows it, in any case, or the session's join code (with or
// without its dash). What matches no session is returned as given, for the
// command to say so.
func sessionID(ctx context.Context, svc *session.Service, given string) string {
	given = strings.TrimSpace(given)
	for _, id := range []string{given, strings.ToLower(given), strings.ToUpper(given)} {
		if _, err := svc.Session(ctx, id); err == nil {
			return id
		}
	}
	if s, err := svc.FindByCode(ctx, given); err == nil {
		return s.ID
	}
	return given
}
