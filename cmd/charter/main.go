// Command charter runs security chartering sessions: an SSH server that serves the
// live session to participants and facilitators, and commands to create sessions,
// import notes, cluster them and export findings.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	gossh "golang.org/x/crypto/ssh"

	"github.com/charter-tool/charter/session/sqlite"
)

// command is one subcommand; run returns the exit code.
type command struct {
	name    string // as typed: "serve", or "session new" for a command with a verb
	summary string
	run     func(args []string, stdin io.Reader, stdout, stderr io.Writer) int
}

// commands is every subcommand, in the order usage lists them. Adding a command is
// one line here and its run function in a file of its own.
var commands = []command{
	{"backup", "copy the database consistently, also while the server runs", runBackup},
	{"cluster", "group notes (JSONL) into themes (JSON)", runCluster},
	{"export", "write a session's findings and action points (Markdown, JSON, CSV or HTML)", runExport},
	{"hypothesis add", "record what the program believes, for the report to test", runHypothesisAdd},
	{"hypothesis list", "list a campaign's hypotheses and verdicts", runHypothesisList},
	{"hypothesis verdict", "give a hypothesis a verdict with a line of why", runHypothesisVerdict},
	{"hypothesis delete", "remove a hypothesis (to reword one: delete it, add it again)", runHypothesisDelete},
	{"import", "load notes gathered on paper (JSONL or CSV) into a session", runImport},
	{"invite", "print invitations: a session's, or each planned person's", runInvite},
	{"loadtest", "drive a live session with many SSH participants and measure it", runLoadtest},
	{"plan", "propose a campaign's sessions from the roster; --create them", runPlan},
	{"report", "write one prioritized document for a whole campaign", runReport},
	{"roster import", "load the teams and people a campaign may invite", runRosterImport},
	{"serve", "run the SSH server for live sessions", runServe},
	{"session new", "create a session and print its join code", runSessionNew},
	{"session list", "list the sessions by campaign", runSessionList},
	{"session edit", "change a session's title, campaign, location, audience, mode or date", runSessionEdit},
	{"session delete", "delete a session and everything in it (asks first)", runSessionDelete},
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	name := args[0]
	if len(args) > 1 && findCommand(name+" "+args[1]) != nil {
		name = name + " " + args[1]
		args = args[1:]
	}
	c := findCommand(name)
	if c == nil && len(verbs(name)) > 0 {
		// A command with verbs ("session new") named without one, or with one it lacks.
		if len(args) > 1 && (args[1] == "-h" || args[1] == "--help" || args[1] == "help") {
			// Help for the command: its verbs, each with what it does.
			fmt.Fprintf(stdout, "usage: charter %s VERB [flags]\n\n", name)
			for _, v := range verbs(name) {
				fmt.Fprintf(stdout, "  %-19s %s\n", name+" "+v, findCommand(name+" "+v).summary)
			}
			fmt.Fprintf(stdout, "\nRun 'charter %s VERB -h' for a verb's flags.\n", name)
			return 0
		}
		if len(args) > 1 {
			fmt.Fprintf(stderr, "charter %s: unknown %s command %q; use one of: %s\n", name, name, args[1], strings.Join(verbs(name), ", "))
		} else {
			fmt.Fprintf(stderr, "charter %s: say what to do: %s (e.g. charter %s %s -h)\n", name, strings.Join(verbs(name), ", "), name, verbs(name)[0])
		}
		return 2
	}
	if c == nil {
		fmt.Fprintf(stderr, "charter: unknown command %q\n\n", args[0])
		usage(stderr)
		return 2
	}
	return c.run(args[1:], stdin, stdout, stderr)
}

// parseFlags parses a command's flags. Help asked for (-h, --help) is the answer,
// on stdout: `charter serve -h | less` showed nothing, flag writing it to fs's
// output, the command's stderr, where a mistake and its usage still go. Only flag
// knows whether an -h asks for help or is a flag's value (--title -h), so what it
// writes waits until it has said which.
func parseFlags(fs *flag.FlagSet, args []string, stdout io.Writer) error {
	out := fs.Output()
	var said bytes.Buffer
	fs.SetOutput(&said)
	defer fs.SetOutput(out)
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		out = stdout
	}
	out.Write(said.Bytes())
	return err
}

// verbs are the words that follow name in the commands that have one ("new", "list"
// for "session"), in the order usage lists them.
func verbs(name string) []string {
	var out []string
	for _, c := range commands {
		if v, ok := strings.CutPrefix(c.name, name+" "); ok {
			out = append(out, v)
		}
	}
	return out
}

// findCommand is the command with the name, nil when there is none.
func findCommand(name string) *command {
	for i := range commands {
		if commands[i].name == name {
			return &commands[i]
		}
	}
	return nil
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: charter COMMAND [flags]")
	fmt.Fprintln(w)
	for _, c := range commands {
		fmt.Fprintf(w, "  %-19s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'charter COMMAND -h' for a command's flags (or its verbs).")
}

// defaultDataDir is where the server keeps its database and host key.
const defaultDataDir = "./charter-data"

// hostKeyFingerprint is the SHA256 fingerprint of the server's host key in dir, as
// ssh shows it on a first connection; an error when the server has not made one yet.
func hostKeyFingerprint(dir string) (string, error) {
	pem, err := os.ReadFile(filepath.Join(dir, "host_ed25519"))
	if err != nil {
		return "", err
	}
	key, err := gossh.ParsePrivateKey(pem)
	if err != nil {
		return "", fmt.Errorf("host key: %w", err)
	}
	return gossh.FingerprintSHA256(key.PublicKey()), nil
}

// openExisting opens the database of a data directory that must already hold one:
// commands that read or add to a server's data must not create an empty one when
// --data is mistyped.
func openExisting(dir string) (*sqlite.DB, error) {
	if _, err := os.Stat(filepath.Join(dir, "charter.db")); err != nil {
		return nil, fmt.Errorf("no charter data in %s; give the server's data directory with --data", dir)
	}
	return openData(dir)
}

// openData makes sure the data directory exists with mode 0700 and opens its database.
func openData(dir string) (*sqlite.DB, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("data directory: %w", err)
	}
	if err := os.Chmod(dir, 0o700); err != nil {
		return nil, chmodError(dir, err)
	}
	db, err := sqlite.Open(filepath.Join(dir, "charter.db"))
	if err != nil {
		return nil, err
	}
	return db, nil
}

// chmodError says why the data directory's mode could not be set: one that belongs
// to another user (a copy to look at, a colleague's) said only "operation not
// permitted", as if charter were broken.
func chmodError(dir string, err error) error {
	if errors.Is(err, fs.ErrPermission) {
		return fmt.Errorf("the data directory %s belongs to another user: charter keeps it private (mode 700), "+
			"which only its owner may set; run charter as its owner, or give --data a directory of your own (%w)", dir, err)
	}
	return fmt.Errorf("data directory: %w", err)
}

// describe gives fs a usage that starts with how the command is called and what
// it does, before its flags, instead of flag's bare "Usage of NAME:".
func describe(fs *flag.FlagSet, usage, about string) {
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: "+usage)
		fmt.Fprintln(fs.Output(), about)
		fmt.Fprintln(fs.Output())
		fs.PrintDefaults()
	}
}
