package server

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"

	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	"github.com/charmbracelet/x/ansi"

	"github.com/charter-tool/charter/internal/proccpu"
	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/tui"
)

// A Command is run by a facilitator's key without a terminal: `ssh HOST NAME ARGS...`.
// It returns the exit status the client sees.
type Command func(ctx context.Context, x Exec) int

// Exec is one run of a Command.
type Exec struct {
	// Args are the words after the command's name.
	Args    []string
	Service *session.Service
	Stdout  io.Writer
	Stderr  io.Writer
	// Failed logs an internal error the command tells its caller of; see
	// ErrorMessage.
	Failed func(err error)
}

// ErrorMessage is what to tell the command's caller about err. An internal error
// ("Something went wrong") is logged by the server too, as a screen's is.
func (x Exec) ErrorMessage(err error) string {
	return session.Tell(err, x.Failed)
}

// route sends a connection with a terminal on to the app, and runs the command of a
// facilitator's key without one (see the package doc).
func (s *Server) route() wish.Middleware {
	return func(next ssh.Handler) ssh.Handler {
		return func(sess ssh.Session) {
			if _, _, ok := sess.Pty(); !ok {
				s.exec(sess)
				return
			}
			next(sess)
			if fr, ok := s.frames.LoadAndDelete(sess); ok {
				fr.(*tui.Frames).Close()
			}
			// Why the app ended the connection, written again on the normal screen:
			// what it showed on the alternate screen is gone with it.
			if msg, ok := s.goodbyes.LoadAndDelete(sess); ok {
				pty, _, _ := sess.Pty()
				fmt.Fprintf(sess, "\r\n%s\r\n", wrapLines(msg.(string), pty.Window.Width))
			}
		}
	}
}

// wrapLines wraps each line of msg (lines end in \r\n) at word boundaries to width
// columns: written as it is, the terminal broke it in the middle of words ("in this
// s" / "ession"). A width the client did not say leaves it as it is.
func wrapLines(msg string, width int) string {
	if width < 20 {
		return msg
	}
	lines := strings.Split(msg, "\r\n")
	for i, l := range lines {
		lines[i] = strings.ReplaceAll(ansi.Wordwrap(l, width-1, ""), "\n", "\r\n")
	}
	return strings.Join(lines, "\r\n")
}

// MaxCommand is the longest command line the server reads, in bytes: a join code,
// `present CODE`, or a facilitator's command with a campaign's name and flags
// need far less. An SSH request may hold 256 KiB, and splitting one long word into
// words (charmbracelet/ssh's Command, by go-shlex) takes time that grows with the
// square of its length: seconds of CPU for 100 KB, on every call.
const MaxCommand = 4 << 10

// limitCommand refuses a command line over MaxCommand before anything splits it,
// from anyone, with or without a terminal.
func limitCommand() wish.Middleware {
	return func(next ssh.Handler) ssh.Handler {
		return func(sess ssh.Session) {
			if n := len(sess.RawCommand()); n > MaxCommand {
				wish.Fatalf(sess, "charter: the command is too long (%d bytes; at most %d). Connect with: %s [JOIN-CODE]\n", n, MaxCommand, SSHLine(sess.LocalAddr().String()))
				return
			}
			next(sess)
		}
	}
}

// exec runs a command without a terminal; only facilitators' keys run any.
func (s *Server) exec(sess ssh.Session) {
	args := sess.Command()
	// How to connect, with the address this connection reached (the host's name
	// is the client's to know) and the join code the person was given.
	var (
		c      Command
		known  bool
		meant  = "[JOIN-CODE]"
		forgot bool
	)
	facilitator := sess.PublicKey() != nil && s.fac.has(sess.PublicKey())
	if len(args) > 0 {
		c, known = s.commands[args[0]]
	}
	if !known {
		meant, forgot = terminalMeant(args, facilitator)
	}
	connect := "charter needs a terminal. Connect with: " + SSHLine(sess.LocalAddr().String()) + " " + meant
	if len(args) > 0 && args[0] == "present" && !facilitator {
		// The projector view opens for facilitators' keys only (tui.New): the line
		// with present in it would refuse this key too.
		connect = "charter needs a terminal, and the projector view is for facilitators' keys. To join the session, connect with: " +
			SSHLine(sess.LocalAddr().String()) + " " + meant
	}
	if len(args) == 0 {
		wish.Fatalln(sess, connect)
		return
	}
	switch {
	case forgot:
		// `ssh HOST CODE` or `ssh HOST present CODE`: OpenSSH gives a command no
		// terminal unless -t asks for one; present is no command to list.
		wish.Fatalln(sess, connect)
	case known && facilitator:
		sess.Exit(c(sess.Context(), Exec{Args: args[1:], Service: s.svc, Stdout: sess, Stderr: sess.Stderr(), Failed: s.failed}))
	case known:
		// Said plainly, rather than "needs a terminal": the person has the right
		// command and the wrong key.
		wish.Fatalln(sess, "charter: "+args[0]+" is for facilitators, and this key is not on the server's list of facilitators. "+connect)
	case facilitator:
		names := make([]string, 0, len(s.commands))
		for n := range s.commands {
			names = append(names, n)
		}
		slices.Sort(names)
		wish.Fatalln(sess, fmt.Sprintf("charter: there is no command %q; there are %s. Without a command, %s", session.CleanText(args[0]), strings.Join(names, ", "), connect))
	default:
		wish.Fatalln(sess, connect)
	}
}

// terminalMeant is what goes after `ssh -p PORT -t HOST` for a person who ran
// args without a terminal, and whether args were that (a join code, rejoin code or
// claim code, perhaps typed with a space, or `present` and a code), the -t
// forgotten. `present` stays in it for a facilitator's key only, the one key it
// opens for; anyone else is given the line that joins. A code is given back as
// typed but never looked up: the refusal tells nothing of which codes exist.
func terminalMeant(args []string, facilitator bool) (string, bool) {
	const placeholder = "[JOIN-CODE]"
	present := len(args) > 0 && args[0] == "present"
	prefix, words := "", args
	if present {
		words = args[1:]
		if facilitator {
			prefix = "present "
		}
	}
	code := strings.Join(words, " ")
	switch {
	case len(words) > 0 && len(words) <= 2 && looksLikeCode(code):
		return prefix + code, true
	case present:
		return prefix + placeholder, true
	}
	return placeholder, false
}

// looksLikeCode says whether text has the shape of a code people are given:
// letters and digits, with dashes or spaces, of a join code's length (8) up to a
// claim code's.
func looksLikeCode(text string) bool {
	c := session.NormalizeCode(text)
	if len(c) < 8 || len(c) > 20 || len(text) > 30 {
		return false
	}
	for _, r := range c {
		if (r < 'A' || r > 'Z') && (r < '0' || r > '9') {
			return false
		}
	}
	return true
}

// Stats are the server's figures as `ssh HOST stats` prints them (JSON).
type Stats struct {
	Connections int `json:"connections"`
	Goroutines  int `json:"goroutines"`
	// HeapInuse is the heap's spans in use after a collection, HeapLive the
	// objects in them still reachable (a heap profile's inuse_space): the spans
	// also hold the room between live objects.
	HeapInuse uint64 `json:"heap_inuse_bytes"`
	HeapLive  uint64 `json:"heap_live_bytes"`
	Sys       uint64 `json:"sys_bytes"`
	// CPUSeconds is the CPU time the server process has used since it started.
	CPUSeconds float64 `json:"cpu_seconds"`
	// Allocated is what the server has allocated since it started, garbage
	// included, and Collections the collections it has made, this command's
	// among them: what a load costs the collector.
	Allocated   uint64 `json:"allocated_bytes"`
	Collections uint32 `json:"collections"`
}

// stats is the `stats` command, which charter loadtest reads.
func (s *Server) stats(_ context.Context, x Exec) int {
	if len(x.Args) > 0 {
		// Taken for an option it does not have, an argument would be ignored.
		fmt.Fprintf(x.Stderr, "stats takes no arguments (got %q); usage: ssh HOST stats\n", strings.Join(x.Args, " "))
		return 2
	}
	cpu := proccpu.Seconds() // before the GC below, which is not the server's own work
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	if err := json.NewEncoder(x.Stdout).Encode(Stats{Connections: s.hub.Len(), Goroutines: runtime.NumGoroutine(), HeapInuse: m.HeapInuse, HeapLive: m.HeapAlloc, Sys: m.Sys, CPUSeconds: cpu,
		Allocated: m.TotalAlloc, Collections: m.NumGC}); err != nil {
		return 1
	}
	return 0
}

// failed logs an internal error a person was told of as "Something went wrong": the
// error only, which names no participant and holds no text they typed.
func (s *Server) failed(err error) {
	s.cfg.Logger.Error("a person was told something went wrong", "err", err)
}
