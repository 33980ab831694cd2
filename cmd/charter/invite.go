package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/charter-tool/charter/server"
	"github.com/charter-tool/charter/session"
)

func runInvite(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("invite", flag.ContinueOnError)
	fs.SetOutput(stderr)
	describe(fs, "charter invite --data DIR (--session ID | --campaign C [--session ID,...]) [--addr HOST:PORT] [--host NAME] [--when TEXT]", "Prints the invitation to a session, or one per person a campaign's plan invites (with --session, only those of the sessions named).")
	dir := fs.String("data", defaultDataDir, "data directory")
	id := fs.String("session", "", "ID of the session (this or --campaign is required); with --campaign, the planned sessions to write for, comma-separated")
	campaign := fs.String("campaign", "", "print one invitation per person the campaign's plan invites, headed by their name and e-mail")
	addr := fs.String("addr", "127.0.0.1:2222", "address of the server, for the ssh line (default: where charter serve on --data listens, if it runs)")
	host := fs.String("host", "", "host name participants connect to, instead of the one in --addr")
	when := fs.String("when", "", `date and time, e.g. "Tuesday 3 March, 14:00-16:00" (default: the session's --date, if it has one)`)
	if err := parseFlags(fs, args, stdout); err != nil {
		return parseExit(err)
	}
	if *id == "" && *campaign == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: charter invite --data DIR (--session ID | --campaign C [--session ID,...]) [--addr HOST:PORT] [--host NAME] [--when TEXT]")
		return 2
	}
	// The port charter serve listens on, when it runs on this data directory.
	*addr, _ = flagAddr(fs, *dir, *addr)
	h, port, err := net.SplitHostPort(*addr)
	if err != nil {
		fmt.Fprintf(stderr, "charter invite: --addr %q is not HOST:PORT\n", *addr)
		return 2
	}
	if *host != "" {
		h = *host
	}
	if localHost(h) {
		// Said to the facilitator, not in the letters: invitations are mailed
		// as they are printed.
		fmt.Fprintf(stderr, "charter invite: the ssh line says %s, which only this computer reaches; for participants elsewhere, give the server's host name with --host NAME (or --addr NAME:PORT).\n", h)
	}
	if *campaign != "" {
		var only listFlag
		only.Set(*id)
		return inviteCampaign(*dir, *campaign, only, net.JoinHostPort(h, port), session.CleanText(*when), stdout, stderr)
	}
	db, err := openExisting(*dir)
	if err != nil {
		fmt.Fprintln(stderr, "charter invite:", err)
		return 1
	}
	defer db.Close()
	svc := session.NewService(db, nil)
	s, err := svc.Session(context.Background(), sessionID(context.Background(), svc, *id))
	if session.ErrorCode(err) == session.ENotFound {
		fmt.Fprintf(stderr, "charter invite: there is no session %q in %s; charter session list --data %s lists them\n", *id, *dir, *dir)
		return 1
	}
	if err != nil {
		fmt.Fprintln(stderr, "charter invite:", errorText(err))
		return 1
	}
	if s.Phase == session.PhaseClosed {
		// Nobody new can join a closed session: an invitation to it is a mistake.
		fmt.Fprintf(stderr, "charter invite: the session %q is closed; nobody new can join it. Reopen it on the board first, or invite to another session.\n", s.Title)
		return 1
	}
	if *when == "" && s.PastDay(svc.Today()) {
		// The letter would give a day that has passed.
		fmt.Fprintf(stderr, "charter invite: %q was %s; give it a new day first (charter session edit --data %s --session %s --date YYYY-MM-DD), or say when with --when\n",
			session.CleanText(s.Title), session.PastDayText(s.Day(), session.PlannedNotHeld), *dir, s.ID)
		return 1
	}
	fp, _ := hostKeyFingerprint(*dir) // none yet: the server has not run
	off, moved := movedInto(context.Background(), svc, s)
	note := ""
	if len(off) > 0 {
		// One letter for all: it cannot say whose earlier session is off, so it
		// says which holds to whom it concerns, and the command names the
		// letters that say it to each.
		note = calledOffIfYou(s.Title, off)
		fmt.Fprintf(stderr, "charter invite: %d of the people invited to %q %s invited before to a session called off; the letter says this one holds to whoever was, and charter invite --data %s --campaign %q --session %s writes each their own.\n",
			moved, session.CleanText(s.Title), plural(moved, "was", "were"), *dir, session.CleanText(s.Campaign), s.ID)
	}
	fmt.Fprint(stdout, invitation(s, net.JoinHostPort(h, port), session.CleanText(*when), fp, 0, note))
	return 0
}

// movedInto returns the sessions called off (see session.Service.CalledOff) that
// people the plan invites to s were invited to before, and how many of them were;
// none when s is no planned session or they cannot be read (the letter then says
// nothing of them, as before).
func movedInto(ctx context.Context, svc *session.Service, s *session.Session) ([]string, int) {
	if s.Campaign == "" {
		return nil, 0
	}
	planned, err := svc.Invitations(ctx, s.Campaign)
	if err != nil {
		return nil, 0
	}
	off, err := svc.CalledOff(ctx, s.Campaign)
	if err != nil {
		return nil, 0
	}
	var titles []string
	moved := 0
	for _, si := range planned {
		if si.Session.ID != s.ID {
			continue
		}
		for _, inv := range si.Invitees {
			if len(off[inv.PersonID]) > 0 {
				moved++
			}
			for _, t := range off[inv.PersonID] {
				if !slices.Contains(titles, t) {
					titles = append(titles, t)
				}
			}
		}
	}
	return titles, moved
}

// inviteWidth is the column the invitation is wrapped at, so it reads well in a
// terminal, an e-mail and a Markdown file alike.
const inviteWidth = 78

// invitation is the text that tells participants what a chartering session is, what
// to prepare and how to join, so that nobody comes unprepared. invited is how many
// the plan invited to it, 0 when it was not planned from the roster; off, said
// first, tells a person invited before to sessions of the campaign that are called
// off which session holds (calledOff), "" for nobody.
func invitation(s *session.Session, addr, when, fingerprint string, invited int, off string) string {
	var t text
	title := mdText(s.Title)
	t.line("# Invitation: " + title)
	t.line("")
	intro := "You are invited to a security chartering session"
	if s.Campaign != "" {
		intro += " of " + mdText(s.Campaign)
	}
	t.para(intro + ". Please read this before you come: it takes five minutes and makes the two hours count.")
	if off != "" {
		t.para(off)
	}

	t.line("## What it is")
	t.line("")
	t.para("A chartering session is a facilitated focus group across teams in which the security program listens to the people who do the work. It is not an audit and not a training: we want your honest view of what helps, what gets in the way and what we should do next. There are no wrong answers, and criticism is as welcome as praise.")
	t.para(audienceSentence(s.Audience, invited))
	t.para("What you write is anonymous towards your peers: everyone sees the notes, but nobody sees who wrote which, and the findings never name anyone. You may give a display name or stay anonymous. The facilitator sees only how many people have not written yet, never who, which notes or how many each, so that every voice can be invited in.")

	t.line("## When and where")
	t.line("")
	t.item("- ", "Session: "+title)
	if when == "" && s.Date != "" {
		// The day the session is held, written out: "Tuesday 3 March 2026".
		when = s.Day().Format("Monday 2 January 2006") + " (time: see the calendar invitation)"
	}
	if when == "" {
		when = "see the calendar invitation"
	}
	t.item("- ", "When: "+mdText(when))
	t.item("- ", "How long: about 2 hours")
	if s.Mode == session.ModeOnline {
		t.item("- ", "Where: online. Join the video call of the calendar invitation and connect to the session from your own computer.")
	} else {
		where := "in person"
		if s.Location != "" {
			where = "in person, " + mdText(s.Location)
		}
		t.item("- ", "Where: "+where+". Bring your laptop: everyone writes on their own screen.")
	}
	t.line("")

	t.line("## What to expect")
	t.line("")
	t.para("You write short notes in a terminal window, privately at first. Then the facilitator reveals all notes to the group (without names), we group them into themes, vote on what matters most and agree on action points. We go through three areas:")
	t.item("1. ", "Confidence: how confident are you in your team's security? Give a rating from 1 to 5 and write notes on strengths and concerns.")
	acts := make([]string, len(s.Activities))
	for i, a := range s.Activities {
		acts[i] = mdText(a)
	}
	area2 := "Security activities: which should we keep, add, do less or do more?"
	if len(acts) > 0 {
		area2 += " We will talk about " + strings.Join(acts, ", ") + "; add any that is missing."
	}
	t.item("2. ", area2)
	t.item("3. ", "Motivation: what motivates you to work on security, and what demotivates you?")
	t.line("")
	t.para("You can also raise topics of your own: anything about security in your work that the three areas do not cover.")

	t.line("## How to connect")
	t.line("")
	t.para("When the session starts, open a terminal (Terminal on macOS and Linux, Windows Terminal or PowerShell on Windows) and type:")
	t.line("    " + server.SSHLine(addr) + " " + s.Code)
	t.line("")
	if fingerprint != "" {
		t.para("The join code is " + code(s.Code) + "; case and dashes do not matter. If you run just the ssh part without the code, you are asked for it. The first time, ssh shows the server's key fingerprint and asks whether to continue: type yes if it is " + fingerprint + " (if it is not, do not connect, and tell the facilitator).")
	} else {
		t.para("The join code is " + code(s.Code) + "; case and dashes do not matter. If you run just the ssh part without the code, you are asked for it. The first time, ssh shows the server's key fingerprint and asks whether to continue: type yes (if the facilitator gave you a fingerprint, compare it first).")
	}

	t.line("## How to prepare")
	t.line("")
	t.item("- ", "Check that you have an SSH client: type ssh -V in a terminal. It comes with macOS, Linux and Windows 10 and later. A terminal window of at least 80 by 24 characters works best.")
	t.item("- ", "Take ten minutes to think about your team's security: what works, what worries you, which security activities help and which cost time for little gain, and what makes you want to work on security or not. Jot down a few points.")
	if s.Mode == session.ModeOnline {
		t.item("- ", "Find a quiet place for two hours; we talk as much as we write.")
	}
	t.line("")

	t.line("## Afterwards")
	t.line("")
	t.para("The findings (prioritized themes and action points, no names) are sent to everyone who took part. You can volunteer for action points until the session closes. To see the action points and how they are going, connect again with the same command and code from the same computer: your SSH key lets the session recognise you.")
	t.para("Thank you for your time and your honesty.")
	return strings.TrimRight(t.b.String(), "\n") + "\n"
}

// calledOff tells a person invited before to sessions that will not be held that
// this invitation is the one that holds.
func calledOff(title string, off []string) string {
	return offSaid("This invitation replaces your invitation to", title, off)
}

// calledOffIfYou is calledOff for a letter to everyone invited to a session, of
// whom some were invited before to sessions called off: it says which holds to
// those it concerns.
func calledOffIfYou(title string, off []string) string {
	return offSaid("If you were invited before to", title, off)
}

// offSaid is the paragraph on sessions called off, opening with lead: which they
// are, and that title is the one that holds.
func offSaid(lead, title string, off []string) string {
	return fmt.Sprintf("%s %s: %s called off and will not take place. The session below, %s, is the one that holds.",
		lead, offList(title, off), plural(len(off), "that session is", "those sessions are"), mdText(title))
}

// offList names sessions called off, "A, B and C"; one of the same title as the
// session that holds is said to be the earlier one.
func offList(title string, off []string) string {
	names := make([]string, len(off))
	for i, o := range off {
		names[i] = mdText(o)
		if strings.EqualFold(strings.TrimSpace(o), strings.TrimSpace(title)) {
			// Made before titles were kept apart: the name alone tells nothing.
			names[i] = "the earlier session called " + mdText(o)
		}
	}
	list := names[0]
	if n := len(names); n > 1 {
		list = strings.Join(names[:n-1], ", ") + " and " + names[n-1]
	}
	return list
}

// text builds wrapped plain text that is also Markdown.
type text struct{ b strings.Builder }

func (t *text) line(s string) { t.b.WriteString(s + "\n") }

// para writes s wrapped, followed by a blank line.
func (t *text) para(s string) {
	t.item("", s)
	t.line("")
}

// item writes s wrapped after prefix, continuation lines indented under the text.
func (t *text) item(prefix, s string) {
	indent := strings.Repeat(" ", len(prefix))
	lead, width := prefix, len(prefix)
	first := true
	for _, w := range strings.Fields(s) {
		ww := ansi.StringWidth(w)
		if !first && width+1+ww > inviteWidth {
			t.b.WriteString("\n")
			lead, width, first = indent, len(indent), true
		}
		if !first {
			t.b.WriteString(" ")
			width++
		}
		t.b.WriteString(lead)
		lead = ""
		t.b.WriteString(w)
		width += ww
		first = false
	}
	t.b.WriteString("\n")
}

// mdText cleans a session field and escapes what Markdown would read as structure,
// so that a title cannot turn into a link, a heading or a list.
func mdText(s string) string {
	s = session.CleanText(s)
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>#|~", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// audienceSentence says who comes: one audience per session, so that people who
// share their daily work speak freely.
func audienceSentence(a session.Audience, invited int) string {
	small := "a small group, so that everyone is heard."
	size := "About 8 to 10 people take part"
	if invited > 0 {
		size = fmt.Sprintf("%d people are invited", invited)
	}
	switch a {
	case session.AudienceSecurityEngineers, session.AudienceDevelopers, session.AudienceServiceOwners, session.AudienceManagers:
		return fmt.Sprintf("%s, all of them %s: %s Sharing the same kind of work, you can speak freely and build on each other's points.",
			size, a.Title(), small)
	}
	return size + " from several roles: " + small
}

// localHost reports whether participants could not reach h from their own machine.
func localHost(h string) bool {
	if h == "localhost" {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && (ip.IsLoopback() || ip.IsUnspecified())
}
