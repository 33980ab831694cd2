package server_test

import (
	"bufio"
	"cmp"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/charter-tool/charter/internal/sshclient"
	"github.com/charter-tool/charter/internal/testdb"
	"github.com/charter-tool/charter/server"
	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/sqlite"
)

// startServer runs a server on a random loopback port over a new SQLite file, with
// the given facilitator keys.
func startServer(t *testing.T, cfg server.Config, facilitators ...gossh.Signer) *server.Server {
	t.Helper()
	dir := t.TempDir()
	cfg.Addr = cmp.Or(cfg.Addr, "127.0.0.1:0")
	cfg.DataDir = cmp.Or(cfg.DataDir, dir)
	var lines []byte
	for _, k := range facilitators {
		lines = append(lines, gossh.MarshalAuthorizedKey(k.PublicKey())...)
	}
	cfg.Facilitators = filepath.Join(dir, "facilitators")
	if err := os.WriteFile(cfg.Facilitators, lines, 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := sqlite.Open(testdb.Place(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	srv, err := server.New(cfg, db)
	if err != nil {
		db.Close()
		t.Fatal(err)
	}
	if err := srv.Listen(); err != nil {
		t.Fatal(err)
	}
	go srv.Serve()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
		db.Close()
	})
	return srv
}

func newKey(t *testing.T) gossh.Signer {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// runCommand runs command without a terminal and returns its output and exit status.
func runCommand(t *testing.T, addr string, key gossh.Signer, command string) (string, int) {
	t.Helper()
	client, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{User: "x", Auth: []gossh.AuthMethod{gossh.PublicKeys(key)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	sess, err := client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	out, err := sess.CombinedOutput(command)
	var exit *gossh.ExitError
	switch {
	case errors.As(err, &exit):
		return string(out), exit.ExitStatus()
	case err != nil:
		t.Fatalf("%s: %v", command, err)
	}
	return string(out), 0
}

func TestCommandsRunForFacilitatorsOnly(t *testing.T) {
	t.Parallel()
	fac := newKey(t)
	echo := func(_ context.Context, x server.Exec) int {
		fmt.Fprintln(x.Stdout, strings.Join(x.Args, " "))
		fmt.Fprintln(x.Stderr, "to stderr")
		return 3
	}
	srv := startServer(t, server.Config{Commands: map[string]server.Command{"echo": echo}}, fac)

	t.Run("a facilitator runs a command with its arguments and exit status", func(t *testing.T) {
		out, status := runCommand(t, srv.Addr(), fac, "echo one two")
		if status != 3 || !strings.Contains(out, "one two\n") || !strings.Contains(out, "to stderr") {
			t.Errorf("exit %d, output %q", status, out)
		}
	})
	t.Run("the server's own stats", func(t *testing.T) {
		out, status := runCommand(t, srv.Addr(), fac, "stats")
		var st server.Stats
		if status != 0 || json.Unmarshal([]byte(out), &st) != nil {
			t.Fatalf("exit %d, output %q", status, out)
		}
		// Live objects sit in the spans in use: fewer bytes, never none.
		// Allocated counts what was freed too; the command's own collection counts.
		if st.HeapLive == 0 || st.HeapLive > st.HeapInuse || st.Goroutines == 0 || st.Allocated < st.HeapLive || st.Collections == 0 {
			t.Errorf("stats %+v from %q", st, out)
		}
	})
	t.Run("stats refuses arguments it would ignore", func(t *testing.T) {
		out, status := runCommand(t, srv.Addr(), fac, "stats --json extra")
		if status != 2 || !strings.Contains(out, "stats takes no arguments") || strings.Contains(out, "heap") {
			t.Errorf("exit %d, output %q; want a refusal", status, out)
		}
	})
	for _, c := range []struct {
		name    string
		key     gossh.Signer
		command string
		// says is what the refusal says besides how to connect.
		says string
	}{
		{"a participant's key runs nothing", newKey(t), "echo one two", "echo is for facilitators"},
		{"a participant's key gets no stats", newKey(t), "stats", "stats is for facilitators"},
		{"an unknown command", fac, "nope", `no command "nope"; there are echo, stats`},
		{"a participant's unknown command", newKey(t), "nope", "charter needs a terminal"},
	} {
		t.Run(c.name, func(t *testing.T) {
			out, status := runCommand(t, srv.Addr(), c.key, c.command)
			if status == 0 || strings.Contains(out, "one two") || strings.Contains(out, "heap") || !strings.Contains(out, "charter needs a terminal") || !strings.Contains(out, c.says) {
				t.Errorf("exit %d, output %q, want it to say %q", status, out, c.says)
			}
			// How to connect names this server, not placeholders.
			if want := server.SSHLine(srv.Addr()); !strings.Contains(out, want) || strings.Contains(out, "PORT HOST") {
				t.Errorf("output %q does not say %q", out, want)
			}
		})
	}
}

// `ssh -p PORT HOST CODE` without -t (OpenSSH gives a command no terminal) is the
// commonest slip of a participant, and `ssh HOST present CODE` of a facilitator at
// the projector: the refusal gives back the line they meant, -t added, and never
// calls present a command that does not exist.
func TestAForgottenTerminalGivesBackTheLineMeant(t *testing.T) {
	t.Parallel()
	fac := newKey(t)
	srv := startServer(t, server.Config{}, fac)
	ssh := server.SSHLine(srv.Addr())
	for _, c := range []struct {
		name    string
		key     gossh.Signer
		command string
		want    string
	}{
		{"a participant's join code", newKey(t), "C3U2Z3B4", ssh + " C3U2Z3B4"},
		{"a join code typed with its dash", newKey(t), "c3u2-z3b4", ssh + " c3u2-z3b4"},
		{"a join code typed with a space", fac, "C3U2 Z3B4", ssh + " C3U2 Z3B4"},
		{"the projector's code typed with a space", fac, "present C3U2 Z3B4", ssh + " present C3U2 Z3B4"},
		{"a facilitator's join code", fac, "C3U2Z3B4", ssh + " C3U2Z3B4"},
		{"the projector", fac, "present C3U2Z3B4", ssh + " present C3U2Z3B4"},
		{"the projector without its code", fac, "present", ssh + " present [JOIN-CODE]"},
		// The projector opens for facilitators' keys only: a participant's key is
		// given the line that joins, which works for it, not one that refuses it.
		{"a participant's key at the projector", newKey(t), "present C3U2Z3B4", ssh + " C3U2Z3B4"},
		{"a participant's key at the projector without its code", newKey(t), "present", ssh + " [JOIN-CODE]"},
		{"a word that is no code", newKey(t), "hello", ssh + " [JOIN-CODE]"},
		{"a pasted escape is no code", newKey(t), "C3U2\x1b[2JZ3B4", ssh + " [JOIN-CODE]"},
	} {
		t.Run(c.name, func(t *testing.T) {
			out, status := runCommand(t, srv.Addr(), c.key, c.command)
			if status == 0 || !strings.Contains(out, "charter needs a terminal") || !strings.Contains(out, c.want+"\n") {
				t.Errorf("exit %d, output %q; want it to say %q", status, out, c.want)
			}
			if strings.Contains(out, "no command") || strings.Contains(out, "\x1b") {
				t.Errorf("output %q", out)
			}
			if c.key != fac && strings.HasPrefix(c.command, "present") && (strings.Contains(out, " present") || !strings.Contains(out, "the projector view is for facilitators' keys")) {
				t.Errorf("output %q suggests the projector to a participant's key, or does not say why not", out)
			}
		})
	}
}

func TestACommandCannotReplaceABuiltIn(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db, err := sqlite.Open(testdb.Place(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	stats := func(context.Context, server.Exec) int { return 0 }
	if _, err := server.New(server.Config{DataDir: dir, Commands: map[string]server.Command{"stats": stats}}, db); err == nil || !strings.Contains(err.Error(), "built in") {
		t.Fatalf("New with a second stats: %v", err)
	}
}

// The server offers only algorithms ssh-audit passes: read from its KEXINIT.
func TestOfferedAlgorithms(t *testing.T) {
	t.Parallel()
	srv := startServer(t, server.Config{})
	c, err := net.Dial("tcp", srv.Addr())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.WriteString(c, "SSH-2.0-charter_test\r\n"); err != nil {
		t.Fatal(err)
	}
	r := bufio.NewReader(c)
	if line, err := r.ReadString('\n'); err != nil || !strings.HasPrefix(line, "SSH-2.0-") {
		t.Fatalf("version line %q: %v", line, err)
	}
	var length uint32
	if err := binary.Read(r, binary.BigEndian, &length); err != nil {
		t.Fatal(err)
	}
	packet := make([]byte, length)
	if _, err := io.ReadFull(r, packet); err != nil {
		t.Fatal(err)
	}
	const msgKexInit = 20
	payload := packet[1 : len(packet)-int(packet[0])]
	if payload[0] != msgKexInit {
		t.Fatalf("first packet is message %d, not KEXINIT", payload[0])
	}
	rest := payload[17:] // after the message number and the cookie
	var lists [][]string
	for range 6 { // kex, host key, ciphers both ways, MACs both ways
		n := binary.BigEndian.Uint32(rest)
		lists = append(lists, strings.Split(string(rest[4:4+n]), ","))
		rest = rest[4+n:]
	}
	var kex []string
	for _, k := range lists[0] {
		// Markers for extension negotiation and strict key exchange, not algorithms.
		if k != "ext-info-s" && !strings.HasPrefix(k, "kex-strict-") {
			kex = append(kex, k)
		}
	}
	want := map[string][]string{
		"key exchange": {"mlkem768x25519-sha256", "curve25519-sha256", "curve25519-sha256@libssh.org"},
		"host key":     {"ssh-ed25519"},
		"ciphers":      {"chacha20-poly1305@openssh.com", "aes256-gcm@openssh.com", "aes128-gcm@openssh.com", "aes256-ctr", "aes192-ctr", "aes128-ctr"},
		"MACs":         {"hmac-sha2-256-etm@openssh.com", "hmac-sha2-512-etm@openssh.com"},
	}
	for name, got := range map[string][]string{"key exchange": kex, "host key": lists[1], "ciphers": lists[2], "MACs": lists[4]} {
		if !slices.Equal(got, want[name]) {
			t.Errorf("%s offered: %q, want %q", name, got, want[name])
		}
	}
	if !slices.Equal(lists[2], lists[3]) || !slices.Equal(lists[4], lists[5]) {
		t.Errorf("the two directions differ: %q / %q, %q / %q", lists[2], lists[3], lists[4], lists[5])
	}
}

// A command of one very long word (an SSH request holds up to 256 KiB) is refused
// at once, from anyone: splitting it into words took time that grew with the
// square of its length (seconds of CPU for 100 KB, three times a connection), so
// that a few connections without a key could keep the server's cores busy.
func TestALongCommandIsRefusedAtOnce(t *testing.T) {
	t.Parallel()
	fac := newKey(t)
	srv := startServer(t, server.Config{}, fac)
	for _, key := range []gossh.Signer{newKey(t), fac} {
		done := make(chan string, 1)
		go func() {
			client, err := gossh.Dial("tcp", srv.Addr(), &gossh.ClientConfig{User: "x", Auth: []gossh.AuthMethod{gossh.PublicKeys(key)},
				HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 10 * time.Second})
			if err != nil {
				done <- err.Error()
				return
			}
			defer client.Close()
			sess, err := client.NewSession()
			if err != nil {
				done <- err.Error()
				return
			}
			defer sess.Close()
			out, err := sess.CombinedOutput(strings.Repeat("A", 200<<10))
			done <- fmt.Sprintf("%v: %s", err, out)
		}()
		select {
		case out := <-done:
			if !strings.Contains(out, "status 1") || !strings.Contains(out, "too long") {
				t.Errorf("a 200 KiB command: %.300s, want it refused as too long", out)
			}
		case <-time.After(time.Minute): // a hang, not a measure: the refusal is at once
			t.Fatal("a 200 KiB command was not answered within a minute")
		}
	}
}

// A join code read out in the room ("S5AG, TK6P") is typed with a space; ssh then
// gives it as two words, and the first half alone was tried: "No session has the
// code", one try of the key's few gone. The words are the code together, as at
// the join prompt, for a participant and for the projector.
func TestAJoinCodeTypedWithASpaceJoins(t *testing.T) {
	t.Parallel()
	fac := newKey(t)
	srv := startServer(t, server.Config{}, fac)
	sess, err := srv.Service().NewSession(t.Context(), session.Session{Title: "Developers Porto", Audience: session.AudienceDevelopers})
	if err != nil {
		t.Fatal(err)
	}
	code := session.NormalizeCode(sess.Code)
	spaced := code[:4] + " " + code[4:]
	for _, c := range []struct {
		name, command, want string
		key                 gossh.Signer
	}{
		{"a participant", spaced, "Your name", newKey(t)},
		{"the projector", "present " + spaced, "Join code", fac},
	} {
		t.Run(c.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
			defer cancel()
			scr, err := sshclient.Open(ctx, srv.Addr(), c.key, c.command, 100, 30, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer scr.Close()
			if _, err := scr.WaitFor(ctx, 30*time.Second, c.want); err != nil {
				t.Fatalf("%v; the screen shows:\n%s", err, scr.Text())
			}
			if strings.Contains(scr.Text(), "No session has the code") {
				t.Errorf("the code typed with a space was refused:\n%s", scr.Text())
			}
		})
	}
}
