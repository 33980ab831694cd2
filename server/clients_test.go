package server_test

import (
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/charter-tool/charter/server"
	"github.com/charter-tool/charter/session"
)

// Other SSH clients than OpenSSH join with the algorithms the server offers: PuTTY's
// plink (Debian putty-tools) and Dropbear's dbclient (Debian dropbear-bin), without
// a key, as a person without one does. Each runs in a pty that script(1) gives it.
func TestOtherClientsJoin(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	srv := startServer(t, server.Config{DataDir: dir})
	sess, err := srv.Service().NewSession(context.Background(), session.Session{Title: "Developers Porto", Audience: session.AudienceDevelopers})
	if err != nil {
		t.Fatal(err)
	}
	hostKey, err := os.ReadFile(filepath.Join(dir, "host_ed25519"))
	if err != nil {
		t.Fatal(err)
	}
	signer, err := gossh.ParsePrivateKey(hostKey)
	if err != nil {
		t.Fatal(err)
	}
	host, port := "127.0.0.1", srv.Addr()[strings.LastIndex(srv.Addr(), ":")+1:]
	for _, c := range []struct{ name, command string }{
		{"plink", "plink -ssh -batch -t -P " + port + " -hostkey " + gossh.FingerprintSHA256(signer.PublicKey()) + " charter@" + host + " " + sess.Code},
		{"dbclient", "dbclient -y -t -p " + port + " charter@" + host + " " + sess.Code},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			for _, tool := range []string{c.name, "script"} {
				if _, err := exec.LookPath(tool); err != nil {
					t.Skipf("%s is not installed (plink: Debian putty-tools; dbclient: dropbear-bin; script: util-linux)", tool)
				}
			}
			// The first question a new participant gets is their name.
			if out := runInPty(t, c.command, "Your name"); !strings.Contains(out, "Your name") {
				t.Fatalf("%s did not reach the name question; it showed:\n%s", c.name, out)
			}
		})
	}
}

var escapes = regexp.MustCompile("\x1b(\\[[0-9;?]*[a-zA-Z]|\\][^\x07]*\x07|[()][0-9A-Z])")

// runInPty runs command in a pty until its output, escape sequences taken out,
// shows want (or 60 seconds pass), and returns that output.
func runInPty(t *testing.T, command, want string) string {
	t.Helper()
	cmd := exec.Command("script", "-qfec", command, "/dev/null")
	stdin, err := cmd.StdinPipe() // kept open: the client's terminal stays
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = cmd.Stdout
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		cmd.Process.Kill()
		cmd.Wait()
	}()
	var (
		mu    sync.Mutex
		shown strings.Builder
		seen  = make(chan struct{})
	)
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := out.Read(buf)
			mu.Lock()
			shown.Write(buf[:n])
			text := escapes.ReplaceAllString(shown.String(), "")
			mu.Unlock()
			if strings.Contains(text, want) {
				close(seen)
				io.Copy(io.Discard, out)
				return
			}
			if err != nil {
				return
			}
		}
	}()
	select {
	case <-seen:
	case <-time.After(60 * time.Second):
	}
	mu.Lock()
	defer mu.Unlock()
	return escapes.ReplaceAllString(shown.String(), "")
}
