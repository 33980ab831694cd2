package server_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/log"
	gossh "golang.org/x/crypto/ssh"

	"github.com/charter-tool/charter/internal/sshclient"
	"github.com/charter-tool/charter/internal/testdb"
	"github.com/charter-tool/charter/server"
	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/sqlite"
)

// A terminal that answers neither the background-colour query nor the device
// attributes query still gets its screen, soon: the server stops waiting for the
// answers after a short while.
func TestUnansweredTerminalQueriesStillGetAScreen(t *testing.T) {
	t.Parallel()
	srv := startServer(t, server.Config{IdleTimeout: time.Hour})
	began := time.Now()
	s, err := sshclient.Open(t.Context(), srv.Addr(), newKey(t), "", 80, 24, nil, sshclient.Silent())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.WaitFor(context.Background(), 30*time.Second, "security chartering"); err != nil {
		t.Fatal(err)
	}
	t.Logf("screen after %s", time.Since(began))
}

// A flood of window changes costs a few redraws: the program gets the latest size at
// most every so often, and the screen ends at the last size.
func TestWindowChangeFloodIsCoalesced(t *testing.T) {
	t.Parallel()
	fac := newKey(t)
	srv := startServer(t, server.Config{}, fac)
	s, err := sshclient.Open(t.Context(), srv.Addr(), fac, "", 80, 24, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.WaitFor(context.Background(), 30*time.Second, "Sessions"); err != nil {
		t.Fatal(err)
	}
	before := srv.Resizes()
	began := time.Now()
	const flood, cols, rows = 5000, 141, 41
	for i := range flood {
		if err := s.Resize(40+i%60, 10+i%20); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Resize(cols, rows); err != nil {
		t.Fatal(err)
	}
	// The last frame drawn is the home at the last size: the window's height (the
	// flood's are 29 rows at most), the key help whole on the last line (at the
	// flood's 99 columns or fewer it wraps).
	// The help's keys may change; that it starts and ends on one line is the point.
	_, err = s.WaitUntil(context.Background(), 30*time.Second, "the home at the last size", func(text string) int {
		frame := text[strings.LastIndex(text, "charter · facilitator"):]
		lines := strings.Split(strings.TrimRight(frame, "\r\n"), "\r\n")
		if len(lines) >= rows-1 && isWholeHelp(lines[len(lines)-1]) {
			return 0
		}
		return -1
	})
	if err != nil {
		t.Fatal(err)
	}
	// The program got at most one size per interval, and one at once.
	got, most := srv.Resizes()-before, int64(time.Since(began)/server.ResizeEvery)+2
	t.Logf("%d window changes, %d sizes delivered in %s", flood+1, got, time.Since(began).Round(time.Millisecond))
	if got > most || got >= flood {
		t.Errorf("%d sizes delivered for %d window changes, want at most %d", got, flood+1, most)
	}
}

// Connections that never finish the SSH handshake are capped per address and in all;
// more are closed at once, and a place frees up when one of them closes.
func TestHandshakesAreCapped(t *testing.T) {
	t.Parallel()
	srv := startServer(t, server.Config{MaxHandshakesPerIP: 3, MaxHandshakes: 5})
	// dial connects from the loopback address from and reports whether the server
	// greeted it with its version line (false: it closed the connection at once).
	dial := func(from string) (net.Conn, bool) {
		t.Helper()
		d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(from)}, Timeout: 10 * time.Second}
		c, err := d.Dial("tcp", srv.Addr())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Close() })
		c.SetReadDeadline(time.Now().Add(20 * time.Second))
		line, err := bufio.NewReader(c).ReadString('\n')
		if err == nil && !strings.HasPrefix(line, "SSH-2.0-") {
			t.Fatalf("greeting %q", line)
		}
		if err != nil {
			c.Close()
		}
		return c, err == nil
	}
	var held []net.Conn
	for range 3 {
		c, ok := dial("127.0.0.1")
		if !ok {
			t.Fatal("a connection within the cap was closed")
		}
		held = append(held, c)
	}
	if _, ok := dial("127.0.0.1"); ok {
		t.Error("a fourth connection in the handshake from one address was kept")
	}
	for range 2 {
		if _, ok := dial("127.0.0.2"); !ok {
			t.Fatal("a connection from another address within the total was closed")
		}
	}
	if _, ok := dial("127.0.0.3"); ok {
		t.Error("a sixth connection in the handshake was kept")
	}
	// One leaves: its place is free again once the server has seen it go.
	held[0].Close()
	deadline := time.Now().Add(20 * time.Second)
	for {
		if _, ok := dial("127.0.0.3"); ok {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the place of a closed connection was never freed")
		}
		time.Sleep(10 * time.Millisecond) // polling for the condition, not a wait for it
	}
}

// A connection in a session holds no handshake place: more people than the caps join.
func TestSessionsDoNotCountAsHandshakes(t *testing.T) {
	t.Parallel()
	fac := newKey(t)
	srv := startServer(t, server.Config{MaxHandshakesPerIP: 2, MaxHandshakes: 2}, fac)
	for range 4 {
		s, err := sshclient.Open(t.Context(), srv.Addr(), fac, "", 80, 24, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if _, err := s.WaitFor(context.Background(), 30*time.Second, "Sessions"); err != nil {
			t.Fatal(err)
		}
	}
}

// syncBuffer is a log destination the server and the test share.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// A write that fails (here: the database is gone; in life a full disk) is shown to
// the person as "something went wrong" and logged as an error once, without what
// they typed.
func TestFailedWriteIsLoggedOnce(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db, err := sqlite.Open(testdb.Place(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	fac := newKey(t)
	if err := os.WriteFile(filepath.Join(dir, "facilitators"), gossh.MarshalAuthorizedKey(fac.PublicKey()), 0o600); err != nil {
		t.Fatal(err)
	}
	var logs syncBuffer
	srv, err := server.New(server.Config{Addr: "127.0.0.1:0", DataDir: dir, Logger: log.New(&logs)}, db)
	if err != nil {
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
	})
	s, err := sshclient.Open(t.Context(), srv.Addr(), fac, "", 100, 30, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.WaitFor(context.Background(), 30*time.Second, "No sessions yet"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	// "n" and the title in one write, as a fast typist's keys or a paste arrive
	// together: the form that "n" opens takes the title (keys after one that opens
	// a screen reach that screen; see tui's toScreen).
	const title = "Developers Quixotic"
	if err := s.Send("n" + title); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"\r", "\r", "Lisbon", "\r", "\r", "Chartering 2026", "\r"} {
		if err := s.Send(k); err != nil {
			t.Fatal(err)
		}
		time.Sleep(30 * time.Millisecond) // keys typed apart, as a person types
	}
	if _, err := s.WaitFor(context.Background(), 30*time.Second, "Something went wrong on the server"); err != nil {
		t.Fatal(err)
	}
	// The message shown may be an earlier read's (the list, the form's campaigns):
	// wait for the write's own line in the log.
	const want = "ERRO a person was told something went wrong err=\"sql: database is closed\""
	for end := time.Now().Add(30 * time.Second); !strings.Contains(logs.String(), want) && time.Now().Before(end); {
		time.Sleep(20 * time.Millisecond)
	}
	// Each failure shown is one error line (opening the form reads the campaigns,
	// which fails too); none twice.
	got := logs.String()
	seen := map[string]bool{}
	for _, l := range strings.Split(got, "\n") {
		if !strings.HasPrefix(l, "ERRO") {
			continue
		}
		if seen[l] {
			t.Errorf("logged twice: %s", l)
		}
		seen[l] = true
	}
	if !strings.Contains(got, want) {
		t.Errorf("the failed write is not logged as an error:\n%s\nSCREEN:\n%s", got, s.Text())
	}
	if strings.Contains(got, "Quixotic") || strings.Contains(got, "Lisbon") {
		t.Errorf("the log holds what the person typed:\n%s", got)
	}
}

// isWholeHelp reports whether line is the home's key help from its first key to its last.
func isWholeHelp(line string) bool {
	return strings.HasPrefix(line, "? all keys • ") && strings.HasSuffix(line, " • q quit")
}

// A command's internal error, shown to the facilitator who ran it as "Something
// went wrong", is logged by the server, as a screen's is; a domain error is not.
func TestCommandFailuresAreLogged(t *testing.T) {
	t.Parallel()
	fac := newKey(t)
	var logs syncBuffer
	disk := errors.New("disk I/O error of a command")
	fail := func(_ context.Context, x server.Exec) int {
		fmt.Fprintln(x.Stderr, x.ErrorMessage(disk))
		fmt.Fprintln(x.Stderr, x.ErrorMessage(session.Errorf(session.EInvalid, "Name a session.")))
		return 1
	}
	srv := startServer(t, server.Config{Logger: log.New(&logs), Commands: map[string]server.Command{"fail": fail}}, fac)
	out, status := runCommand(t, srv.Addr(), fac, "fail")
	if status != 1 || !strings.Contains(out, "Something went wrong") || !strings.Contains(out, "Name a session.") {
		t.Fatalf("exit %d, output %q", status, out)
	}
	got := logs.String()
	if !strings.Contains(got, `ERRO a person was told something went wrong err="disk I/O error of a command"`) {
		t.Errorf("the command's failure is not logged:\n%s", got)
	}
	if strings.Contains(got, "Name a session") {
		t.Errorf("a domain error was logged as a failure:\n%s", got)
	}
}
