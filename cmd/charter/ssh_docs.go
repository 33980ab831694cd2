package main

import (
	"context"
	"flag"
	"fmt"
	"net"
	"slices"
	"strings"

	"github.com/charter-tool/charter/server"
	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/report"
)

// documentCommands are the server's commands that write a document to standard
// output for a facilitator's key, without a terminal:
//
//	ssh -p 2222 HOST export SESSION [--format md|json|csv|html] > findings.md
//	ssh -p 2222 HOST report --campaign C [--compare EARLIER] [--format F] > report.md
//
// The server runs them only for facilitators' keys; everyone else is refused.
func documentCommands() map[string]server.Command {
	return map[string]server.Command{"export": sshExport, "report": sshReport}
}

func sshExport(ctx context.Context, x server.Exec) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(x.Stderr)
	fs.Usage = func() {
		fmt.Fprintln(x.Stderr, "usage: ssh HOST export SESSION [--format md|json|csv|html] > FILE  (SESSION: its ID or join code)")
	}
	format := fs.String("format", "md", "md, json, csv or html")
	// The session comes first, flags after it, as the board's x shows the command.
	if len(x.Args) == 0 || strings.HasPrefix(x.Args[0], "-") {
		fs.Usage()
		return 2
	}
	id := x.Args[0]
	if err := fs.Parse(x.Args[1:]); err != nil {
		return parseExit(err)
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return 2
	}
	if err := report.ValidFormat(*format); err != nil {
		fmt.Fprintln(x.Stderr, "export:", err)
		return 2
	}
	// The session's ID or its join code, as charter export takes them: the code
	// is what the facilitator sees on every screen.
	doc, err := renderFindings(ctx, x.Service, sessionID(ctx, x.Service, id), *format)
	if session.ErrorCode(err) == session.ENotFound {
		fmt.Fprintf(x.Stderr, "export: no session with ID or join code %q\n", id)
		return 1
	}
	if err != nil {
		fmt.Fprintln(x.Stderr, "export:", x.ErrorMessage(err))
		return 1
	}
	if _, err := x.Stdout.Write(doc); err != nil {
		return 1
	}
	return 0
}

func sshReport(ctx context.Context, x server.Exec) int {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	fs.SetOutput(x.Stderr)
	// As export's: not flag's bare "Usage of report:".
	describe(fs, "ssh HOST report [--campaign C] [--compare EARLIER] [--format md|json|csv|html] > FILE",
		"The campaign's findings from the server's data.")
	name := fs.String("campaign", "", "the campaign to report on (needed when there are several)")
	compare := fs.String("compare", "", "an earlier campaign to follow up on")
	format := fs.String("format", "md", "md, json, csv or html")
	if err := fs.Parse(rejoinValues(x.Args, "campaign", "compare")); err != nil {
		return parseExit(err)
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(x.Stderr, "report: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	if err := report.ValidFormat(*format); err != nil {
		fmt.Fprintln(x.Stderr, "report:", err)
		return 2
	}
	doc, err := renderCampaign(ctx, x.Service, *name, *compare, *format)
	if err != nil {
		fmt.Fprintln(x.Stderr, "report:", reportMessage(err))
		return 1
	}
	if _, err := x.Stdout.Write(doc); err != nil {
		return 1
	}
	return 0
}

// fetchLine is the command that fetches a session's findings from the server at
// addr into a file named after the session.
func fetchLine(addr, sessionID string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		host, port = addr, "22"
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "HOST"
	}
	p := ""
	if port != "22" {
		p = "-p " + port + " "
	}
	return fmt.Sprintf("ssh %s%s export %s > session-%s.md", p, host, sessionID, sessionID)
}

// rejoinValues puts back together the values of the named flags that the SSH
// client split at their spaces. ssh sends its command as one line, and the shell
// that ran ssh has already taken the quotes off: `ssh HOST report --campaign
// "Chartering 2027"` arrives as the words --campaign, Chartering, 2027. The words
// after such a flag, up to the next flag, are its value. Arguments quoted a second
// time (`'report --campaign "Chartering 2027"'`) arrive whole and stay as they are.
func rejoinValues(args []string, names ...string) []string {
	isFlag := func(a string) bool { return strings.HasPrefix(a, "-") && len(a) > 1 }
	named := func(a string) (joined, takesNext bool) {
		name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !isFlag(a) || !slices.Contains(names, name) {
			return false, false
		}
		return true, !hasValue
	}
	out := make([]string, 0, len(args))
	for i := 0; i < len(args); i++ {
		a := args[i]
		ok, takesNext := named(a)
		if !ok {
			out = append(out, a)
			continue
		}
		if takesNext {
			out = append(out, a)
			if i+1 >= len(args) {
				break
			}
			i++
			a = args[i]
		}
		for i+1 < len(args) && !isFlag(args[i+1]) {
			i++
			a += " " + args[i]
		}
		out = append(out, a)
	}
	return out
}
