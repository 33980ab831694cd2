package main

import (
	"bytes"
	"cmp"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/charmbracelet/log"
	"github.com/charter-tool/charter/internal/sshclient"
	"github.com/charter-tool/charter/internal/testdb"
	"github.com/charter-tool/charter/server"
	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/sqlite"
)

// testSrv is a running server with what tests look at beside it.
type testSrv struct {
	*server.Server
	cfg  server.Config
	db   *sqlite.DB
	svc  *session.Service
	salt []byte
}

// testServer starts a real charter server on a random loopback port with a real
// SQLite file, and returns it with the facilitator's key.
func testServer(t *testing.T, facilitatorKeys ...gossh.Signer) *testSrv {
	t.Helper()
	return testServerWith(t, server.Config{}, facilitatorKeys...)
}

// testServerWith is testServer with the settings of cfg; an empty address and data
// directory become a random loopback port and a new temporary directory.
func testServerWith(t *testing.T, cfg server.Config, facilitatorKeys ...gossh.Signer) *testSrv {
	t.Helper()
	dir := t.TempDir()
	cfg.Addr = cmp.Or(cfg.Addr, "127.0.0.1:0")
	if cfg.DataDir == "" {
		cfg.DataDir = newDataDir(t)
	}
	cfg.Facilitators = filepath.Join(dir, "facilitators")
	var lines []byte
	for _, k := range facilitatorKeys {
		lines = append(lines, gossh.MarshalAuthorizedKey(k.PublicKey())...)
	}
	if len(lines) > 0 {
		if err := os.WriteFile(cfg.Facilitators, lines, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	srv, db, err := newServer(cfg)
	if err != nil {
		t.Fatal(err)
	}
	salt, err := db.KeySalt(context.Background())
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
		db.Close()
	})
	return &testSrv{Server: srv, cfg: cfg, db: db, svc: srv.Service(), salt: salt}
}

// newDataDir is a new data directory holding a migrated database, as charter serve
// leaves one: a copy of a database migrated once for the test binary (see testdb),
// since migrating one per test cost a third of this package's CPU time. Tests that
// start from no database at all make their own directory.
func newDataDir(t *testing.T) string {
	t.Helper()
	dir := newEmptyDataDir(t)
	testdb.Place(t, dir)
	return dir
}

// newEmptyDataDir makes a data directory without a database.
func newEmptyDataDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "data")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	return dir
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

// term is a real SSH client with a pty, as a person's terminal is.
type term struct {
	t *testing.T
	*sshclient.Screen
}

// connect opens an SSH session with a pty; command is what follows the host on an
// ssh command line (e.g. a join code), empty for a shell. A nil key connects
// without one. A test that connects from another loopback address than 127.0.0.1
// (sshclient.From) is skipped where the system has none.
func connect(t *testing.T, addr string, key gossh.Signer, command string, opts ...sshclient.Option) *term {
	t.Helper()
	s, err := sshclient.Open(t.Context(), addr, key, command, 100, 30, nil, opts...)
	if err != nil && len(opts) > 0 && errors.Is(err, syscall.EADDRNOTAVAIL) {
		t.Skipf("no second loopback address here: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return &term{t: t, Screen: s}
}

func (tm *term) close() { tm.Close() }

// screen is everything shown so far, without escape sequences.
func (tm *term) screen() string { return tm.Text() }

// mark returns a position in the output; waitAfter looks only after it.
func (tm *term) mark() int { return len(tm.Text()) }

func (tm *term) since(pos int) string { return tm.Text()[pos:] }

// waitAfter waits until the screen shows want after pos, and returns what it
// showed after pos.
func (tm *term) waitAfter(pos int, want string) string {
	tm.t.Helper()
	return tm.waitAfterEither(pos, want)
}

// waitAfterEither waits until the screen shows one of wants after pos, and returns
// what it showed after pos.
func (tm *term) waitAfterEither(pos int, wants ...string) string {
	tm.t.Helper()
	var shown string
	_, err := tm.WaitUntil(context.Background(), 20*time.Second, fmt.Sprintf("%q", wants), func(text string) int {
		shown = text[pos:]
		for _, w := range wants {
			if strings.Contains(shown, w) {
				return 0
			}
		}
		return -1
	})
	if err != nil {
		tm.t.Fatalf("screen never showed %q: %v; last output:\n%s", wants, err, tail(tm.since(pos), 2000))
	}
	return shown
}

func (tm *term) waitFor(want string) string { tm.t.Helper(); return tm.waitAfter(0, want) }

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

func (tm *term) typeKeys(keys ...string) {
	tm.t.Helper()
	for _, k := range keys {
		if err := tm.Send(k); err != nil {
			tm.t.Fatal(err)
		}
		// Keys typed in one write could be read as one paste; a person types apart.
		time.Sleep(30 * time.Millisecond)
	}
}

const enter, tab, esc = "\r", "\t", "\x1b"

// right is the → key, as a terminal sends it.
const right = "\x1b[C"

var codeRE = regexp.MustCompile(`code ([A-Z0-9]{4}-[A-Z0-9]{4})`)

// createSession drives the facilitator's form and returns the new session's code.
func createSession(t *testing.T, fac *term, title string) string {
	t.Helper()
	fac.waitFor("Sessions")
	pos := fac.mark()
	fac.typeKeys("n")
	fac.waitAfter(pos, "new session")
	fac.typeKeys(title, enter, enter, "Lisbon", enter, enter, "Chartering 2026", enter)
	s := fac.waitAfter(pos, "people ·")
	m := codeRE.FindStringSubmatch(s)
	if m == nil {
		t.Fatalf("no join code on the board:\n%s", s)
	}
	return m[1]
}

func TestLiveSessionEndToEnd(t *testing.T) {
	t.Parallel()
	facKey, partKey, strangerKey := newKey(t), newKey(t), newKey(t)
	srv := testServer(t, facKey)

	fac := connect(t, srv.Addr(), facKey, "")
	code := createSession(t, fac, "Developers Lisbon")
	phase(t, fac, "check-in")
	phase(t, fac, "write")

	part := connect(t, srv.Addr(), partKey, code)
	part.waitFor("Your name")
	part.typeKeys("Ana", enter)
	part.waitFor("Write notes in each area")
	pos := fac.mark()
	part.waitFor("New note in Strengths") // the box is open on arrival
	part.typeKeys("our CTO follows up on findings", enter)
	part.waitFor("Saved")
	// A second writer, so that the board gets the notes (see session.MinBatchWriters).
	sess, err := srv.svc.FindByCode(context.Background(), code)
	if err != nil {
		t.Fatal(err)
	}
	other, err := srv.svc.Join(context.Background(), sess.ID, "another-key")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := srv.svc.AddNote(context.Background(), other.ID, session.Note{Area: session.AreaConfidence, Lane: "concern", Text: "nobody owns the scanners"}); err != nil {
		t.Fatal(err)
	}

	if !strings.Contains(part.screen(), "follows up on") {
		t.Logf("participant: %s", tail(part.screen(), 1500))
	}
	fac.waitAfter(pos, "our CTO follows up on findings")

	pos = fac.mark()
	fac.typeKeys("x")
	doc := fetchedExport(t, srv, facKey, fac.waitAfter(pos, ".md"))
	if !strings.Contains(string(doc), "our CTO follows up on findings") {
		t.Fatalf("export lacks the note:\n%s", doc)
	}
	if strings.Contains(string(doc), "Ana") {
		t.Fatalf("export names a participant:\n%s", doc)
	}

	t.Run("the database holds no participant key, only a salted hash", func(t *testing.T) {
		raw := partKey.PublicKey().Marshal()
		b64 := base64.StdEncoding.EncodeToString(raw)
		for _, f := range []string{"charter.db", "charter.db-wal"} {
			buf, err := os.ReadFile(filepath.Join(srv.cfg.DataDir, f))
			if err != nil {
				continue
			}
			if bytes.Contains(buf, raw) || bytes.Contains(buf, []byte(b64)) {
				t.Fatalf("%s contains the participant's public key", f)
			}
		}
		ps, err := srv.db.ParticipationsByKey(context.Background(), session.HashKey(srv.salt, raw))
		if err != nil || len(ps) != 1 {
			t.Fatalf("participant not found by salted hash: %v, %v", ps, err)
		}
	})

	t.Run("data directory 0700, database and host key 0600", func(t *testing.T) {
		for name, want := range map[string]os.FileMode{"": 0o700, "charter.db": 0o600, "host_ed25519": 0o600, "exports": 0o700} {
			fi, err := os.Stat(filepath.Join(srv.cfg.DataDir, name))
			if err != nil {
				t.Fatal(err)
			}
			if got := fi.Mode().Perm(); got != want {
				t.Errorf("%q has mode %o, want %o", name, got, want)
			}
		}
	})

	t.Run("wrong code is refused with a message", func(t *testing.T) {
		other := connect(t, srv.Addr(), newKey(t), "ZZZZ-ZZZZ")
		other.waitFor(`No session has the code "ZZZZ-ZZZZ"`)
	})

	t.Run("a key not on the allowlist never reaches facilitator screens", func(t *testing.T) {
		st := connect(t, srv.Addr(), strangerKey, "")
		st.waitFor("Join code")
		st.typeKeys("n", enter)
		st.waitFor(`No session has the code "n"`)
		if strings.Contains(st.screen(), "Sessions") || strings.Contains(st.screen(), "new session") {
			t.Fatalf("stranger saw a facilitator screen:\n%s", st.screen())
		}
	})
}

func TestClaimFacilitator(t *testing.T) {
	t.Parallel()
	var logged syncBuffer
	srv := testServerWith(t, server.Config{Logger: log.New(&logged)})
	claim := srv.ClaimCode()
	if claim == "" {
		t.Fatal("no claim code without facilitators")
	}
	first, second := newKey(t), newKey(t)
	a := connect(t, srv.Addr(), first, "")
	a.waitFor("Join code")
	a.typeKeys(claim, enter)
	a.waitFor("No sessions yet")
	saved, err := os.ReadFile(srv.cfg.Facilitators)
	if err != nil || !bytes.Contains(saved, gossh.MarshalAuthorizedKey(first.PublicKey())[:40]) {
		t.Fatalf("claimed key not saved: %q, %v", saved, err)
	}
	b := connect(t, srv.Addr(), second, claim)
	b.waitFor("That claim code is not open any more")

	again := connect(t, srv.Addr(), first, "")
	again.waitFor("No sessions yet")

	// The claiming connection ends as a facilitator's in the log, not a participant's.
	a.close()
	for !strings.Contains(logged.String(), "facilitator disconnected") {
		if strings.Contains(logged.String(), "participant disconnected") {
			t.Fatalf("the claiming connection was logged as a participant's:\n%s", logged.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// The claim code given as the command, as the server's first lines print it: the
// connection is logged as a claim from its first line to its last, and the log
// does not hold the code.
func TestClaimByCommandIsLoggedAsAClaim(t *testing.T) {
	t.Parallel()
	var logged syncBuffer
	srv := testServerWith(t, server.Config{Logger: log.New(&logged)})
	claim := srv.ClaimCode()
	a := connect(t, srv.Addr(), newKey(t), claim)
	a.waitFor("No sessions yet")
	a.close()
	for !strings.Contains(logged.String(), "facilitator disconnected") {
		time.Sleep(10 * time.Millisecond)
	}
	if l := logged.String(); strings.Contains(l, "participant") || !strings.Contains(l, "connected with a claim code") ||
		strings.Contains(l, claim) {
		t.Errorf("the claiming connection is logged as a participant's, or the log holds the code:\n%s", l)
	}
}

func TestLimitsRefuseWithAMessage(t *testing.T) {
	t.Parallel()
	srv := testServerWith(t, server.Config{
		Limits: session.Limits{WrongCodes: 2, WrongCodesPerAddress: 4, CodeLockout: time.Minute}})

	t.Run("a connection that never finishes the handshake is closed", func(t *testing.T) {
		// A server of its own: its handshake timeout would also close the real
		// clients of the subtests below when a loaded machine makes their handshake
		// (and session start) take longer than it.
		srv := testServerWith(t, server.Config{HandshakeTimeout: 300 * time.Millisecond})
		c, err := net.Dial("tcp", srv.Addr())
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		c.SetReadDeadline(time.Now().Add(5 * time.Second))
		if _, err := io.ReadAll(c); err != nil {
			t.Fatalf("server did not close the silent connection: %v", err)
		}
	})

	sess, err := srv.svc.NewSession(context.Background(), session.Session{Title: "Developers Porto", Audience: session.AudienceDevelopers})
	if err != nil {
		t.Fatal(err)
	}
	// Each subtest on an address of its own (127.0.0.x), as people in different
	// places are, so that their wrong codes do not add up.
	t.Run("one person's wrong codes lock out them only, saying the tries left", func(t *testing.T) {
		const office = "127.0.0.3"
		k := newKey(t)
		p := connect(t, srv.Addr(), k, "", sshclient.From(office))
		p.waitFor("Join code")
		pos := p.mark()
		p.typeKeys("WRNG-KEYS", enter)
		p.waitAfter(pos, "1 try left before this key is locked out for a minute.")
		// Connecting again, they are told why before typing anything; the same
		// wrong code typed again is no new guess, though the join screen that
		// counted it is gone (a new one counted it again, and locked them out).
		p.close()
		p = connect(t, srv.Addr(), k, "", sshclient.From(office))
		p.waitFor("A wrong code was typed from here before: 1 try left before this key is locked out")
		pos = p.mark()
		p.typeKeys("wrng keys", enter)
		p.waitAfter(pos, `No session has the code "wrng keys": it was refused from your network address`)
		p.waitAfter(pos, "1 try left before this key is locked out for a minute.")
		pos = p.mark()
		p.typeKeys("WRNG-KEYX", enter)
		p.waitAfter(pos, "Too many wrong codes from this key (2): it may try again in a minute")
		pos = p.mark()
		p.typeKeys(sess.Code, enter)
		p.waitAfter(pos, "it may try again in a minute, the right code too")
		connect(t, srv.Addr(), newKey(t), sess.Code, sshclient.From(office)).waitFor("Your name")
		connect(t, srv.Addr(), nil, sess.Code, sshclient.From(office)).waitFor("Your name")
	})

	// The join line typed whole at the prompt, a key at a time, is tried by its
	// code; the same wrong code entered again is no new guess and is not counted,
	// while a different one still is, up to the lockout.
	t.Run("a typed join line is tried by its code, and the same wrong code counts once", func(t *testing.T) {
		const office = "127.0.0.6"
		p := connect(t, srv.Addr(), newKey(t), "", sshclient.From(office))
		p.waitFor("Join code")
		pos := p.mark()
		for _, r := range server.SSHLine(srv.Addr()) + " WRNG-KEYS" {
			p.typeKeys(string(r))
		}
		p.typeKeys(enter)
		p.waitAfter(pos, `No session has the code "WRNG-KEYS"`)
		p.waitAfter(pos, "1 try left before this key is locked out for a minute.")
		pos = p.mark()
		p.typeKeys(enter)
		p.waitAfter(pos, "refused from your network address a short while ago")
		pos = p.mark()
		p.typeKeys("\x15", "WRNG-KEYX", enter) // ctrl+u, another code
		p.waitAfter(pos, "Too many wrong codes from this key (2)")
		// A typed join line with the right code, from a key of its own there.
		q := connect(t, srv.Addr(), newKey(t), "", sshclient.From(office))
		q.waitFor("Join code")
		for _, r := range server.SSHLine(srv.Addr()) + " " + sess.Code {
			q.typeKeys(string(r))
		}
		q.typeKeys(enter)
		q.waitFor("Your name")
	})

	t.Run("without a key the connection is the person, not the address", func(t *testing.T) {
		const office = "127.0.0.4"
		for i := 0; i < 2; i++ {
			// A code of its own each: the same one again would be no new guess.
			p := connect(t, srv.Addr(), nil, "WRNG-KEY"+string(rune('A'+i)), sshclient.From(office))
			p.waitFor("No session has the code")
			p.close()
		}
		connect(t, srv.Addr(), nil, sess.Code, sshclient.From(office)).waitFor("Your name")
	})

	t.Run("a new key for every guess stops at the address's limit, the right code too", func(t *testing.T) {
		const office = "127.0.0.5"
		before := newKey(t)
		joinAs(t, srv.Addr(), before, sess.Code, "Ana", sshclient.From(office)).close()
		for i := 0; i < 4; i++ {
			p := connect(t, srv.Addr(), newKey(t), "WRNG-KEY"+string(rune('A'+i)), sshclient.From(office))
			p.waitFor("No session has the code")
			p.close()
		}
		connect(t, srv.Addr(), newKey(t), sess.Code, sshclient.From(office)).waitFor("Too many wrong codes from your network address")
		connect(t, srv.Addr(), nil, sess.Code, sshclient.From(office)).waitFor("Too many wrong codes from your network address")
		// Coming back into a session taken part in is no guess.
		connect(t, srv.Addr(), before, sess.Code, sshclient.From(office)).waitFor("Hello")
		connect(t, srv.Addr(), newKey(t), sess.Code).waitFor("Your name")
	})

	t.Run("too many connections from one address", func(t *testing.T) {
		// A server of its own: the connections above may not all be counted out yet.
		srv := testServerWith(t, server.Config{MaxConnsPerIP: 2})
		a := connect(t, srv.Addr(), newKey(t), "")
		a.waitFor("Join code")
		b := connect(t, srv.Addr(), newKey(t), "")
		b.waitFor("Join code")
		c := connect(t, srv.Addr(), newKey(t), "")
		c.waitFor("Too many connections from your address (at most 2)")
	})
}

func TestShutdownTellsEveryone(t *testing.T) {
	t.Parallel()
	srv := testServer(t)
	p := connect(t, srv.Addr(), newKey(t), "")
	p.waitFor("Join code")
	done := make(chan error, 1)
	go func() { done <- srv.Shutdown(context.Background()) }()
	p.waitFor("The server is shutting down")
	if err := <-done; err != nil {
		t.Fatalf("shutdown: %v", err)
	}
	select {
	case <-p.Done():
	case <-time.After(5 * time.Second):
		t.Fatal("the connection stayed open after shutdown")
	}
	// The words stay in the terminal after the alternate screen is gone: written
	// last, on a line of their own (the screen wrapped them at its width).
	out := strings.TrimSpace(p.screen())
	if joined, _ := goodbye(t, out, "The server is shutting down"); !strings.HasSuffix(joined, "reconnect with the same command in a minute.") {
		t.Errorf("after leaving the alternate screen the terminal does not say why:\n%q", tail(out, 1500))
	}
}

// goodbye is the message the server writes on the normal screen as it ends a
// connection, from its last line starting with start to the end, its lines joined
// with spaces; it fails the test if a line is wider than connect's terminal (100
// columns), as the terminal would break it mid-word.
func goodbye(t *testing.T, out, start string) (joined string, lines []string) {
	t.Helper()
	why := out[max(strings.LastIndex(out, start), 0):]
	lines = strings.Split(strings.ReplaceAll(why, "\r", ""), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
		if len(lines[i]) > 100 {
			t.Errorf("a line of the message is %d wide on a 100-column terminal: %q", len(lines[i]), lines[i])
		}
	}
	return strings.Join(lines, " "), lines
}

// Notes imported by another process while the server runs reach the open board
// without anyone reconnecting.
func TestImportWhileServingReachesTheBoard(t *testing.T) {
	t.Parallel()
	facKey := newKey(t)
	// The server looks for other writers often, so the wait is for the board.
	srv := testServerWith(t, server.Config{OtherWritersPoll: 50 * time.Millisecond}, facKey)
	fac := connect(t, srv.Addr(), facKey, "")
	code := createSession(t, fac, "Developers Lisbon")
	phase(t, fac, "check-in")
	phase(t, fac, "write")
	sess, err := srv.db.SessionByCode(context.Background(), code)
	if err != nil {
		t.Fatal(err)
	}

	file := filepath.Join(t.TempDir(), "paper.jsonl")
	row := `{"text":"Sticky note from table two about pen test reports","area":"confidence","lane":"concern"}` + "\n"
	if err := os.WriteFile(file, []byte(row), 0o600); err != nil {
		t.Fatal(err)
	}
	pos := fac.mark()
	var out, errb bytes.Buffer
	if rc := run([]string{"import", "--data", srv.cfg.DataDir, "--session", sess.ID, file}, nil, &out, &errb); rc != 0 {
		t.Fatalf("import: exit %d: %s", rc, errb.String())
	}
	fac.waitAfter(pos, "Sticky note from table two")
	fac.waitAfter(pos, "(+1 on paper)")
}

// A session created from the command line while the server runs shows up on an open
// facilitator home, and the selection stays on the session it was on (the new
// campaign is listed first, above it).
func TestSessionNewWhileServingReachesTheHome(t *testing.T) {
	t.Parallel()
	facKey := newKey(t)
	srv := testServerWith(t, server.Config{OtherWritersPoll: 50 * time.Millisecond}, facKey)
	fac := connect(t, srv.Addr(), facKey, "")
	createSession(t, fac, "Developers Lisbon")
	pos := fac.mark()
	fac.typeKeys(esc) // the first says what a second does
	fac.waitAfter(pos, "esc again goes back")
	pos = fac.mark()
	fac.typeKeys(esc)
	fac.waitAfter(pos, "Sessions")

	pos = fac.mark()
	var out, errb bytes.Buffer
	if rc := run([]string{"session", "new", "--data", srv.cfg.DataDir, "--title", "Service owners Porto", "--audience", "service-owners", "--campaign", "Pilot 2027"}, nil, &out, &errb); rc != 0 {
		t.Fatalf("session new: exit %d: %s", rc, errb.String())
	}
	fac.waitAfter(pos, "Service owners Porto")
	pos = fac.mark()
	fac.typeKeys(enter)
	fac.waitAfter(pos, "Developers Lisbon")
	if s := fac.since(pos); strings.Contains(s, "Service owners Porto") {
		t.Errorf("enter opened the new session, not the one selected before it arrived:\n%s", tail(s, 1500))
	}
}

// A connection without a key press is warned before it is closed, can stay by
// pressing a key, and is told why when it is closed.
func TestIdleConnectionIsWarnedThenToldWhy(t *testing.T) {
	t.Parallel()
	srv := testServerWith(t, server.Config{IdleTimeout: 2 * time.Second})

	p := connect(t, srv.Addr(), newKey(t), "")
	p.waitFor("Join code")
	pos := p.mark()
	p.waitAfter(pos, "Still there?")
	pos = p.mark()
	p.typeKeys("x") // answers the warning; the join screen is back
	p.waitAfter(pos, "Join code")
	if strings.Contains(p.since(pos), "Disconnected") {
		t.Fatal("disconnected although a key answered the warning")
	}
	pos = p.mark()
	p.waitAfter(pos, "Disconnected after 2 seconds without a key press")
	select {
	case <-p.Done():
	case <-time.After(10 * time.Second):
		t.Fatal("the idle connection was not closed")
	}
	out := strings.TrimSpace(p.screen())
	// Wrapped at words to the terminal's width (the terminal broke it mid-word).
	if joined, lines := goodbye(t, out, "Disconnected after 2 seconds"); !strings.HasPrefix(joined, "Disconnected after 2 seconds without a key press or any change in the session.") ||
		!strings.HasSuffix(joined, "to carry on.") || len(lines) < 2 {
		t.Errorf("after leaving the alternate screen the terminal does not say why, wrapped at words:\n%q", tail(out, 1500))
	}
}

// A board that notes keep arriving on is watched, not idle: it is not warned.
func TestBoardWithArrivingNotesIsNotIdle(t *testing.T) {
	t.Parallel()
	facKey := newKey(t)
	// Three seconds: the warning comes at 1.5 s without a change, time enough for a
	// note's way to the board on a loaded machine (two seconds warned at one).
	const limit = 3 * time.Second
	srv := testServerWith(t, server.Config{IdleTimeout: limit}, facKey)

	ctx := context.Background()
	sess, err := srv.svc.NewSession(ctx, session.Session{Title: "Developers Lisbon", Audience: session.AudienceDevelopers})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := srv.svc.SetPhase(ctx, sess.ID, session.PhaseWrite); err != nil {
		t.Fatal(err)
	}
	// Two writers take turns: the board gets notes in batches of two people or more
	// (see session.MinBatchWriters).
	var writers [2]*session.Participant
	for i := range writers {
		p, err := srv.svc.Join(ctx, sess.ID, fmt.Sprintf("some-key-%d", i))
		if err != nil {
			t.Fatal(err)
		}
		writers[i] = p
	}
	fac := connect(t, srv.Addr(), facKey, "")
	fac.waitFor("Developers Lisbon") // the row, not the help line: enter needs a session to open
	fac.typeKeys(enter)
	fac.waitFor(" done · ")
	pos := fac.mark()
	// A note every 250 ms (or as fast as a save returns) for twice the idle timeout,
	// no key pressed.
	tick := time.NewTicker(250 * time.Millisecond)
	defer tick.Stop()
	n := int(2 * limit / (250 * time.Millisecond))
	for i := range n {
		if _, err := srv.svc.AddNote(ctx, writers[i%2].ID, session.Note{Area: session.AreaConfidence, Lane: "strength", Text: fmt.Sprintf("note number %d", i)}); err != nil {
			t.Fatal(err)
		}
		<-tick.C
	}
	fac.waitAfter(pos, fmt.Sprintf("note number %d", n-2))
	if s := fac.since(pos); strings.Contains(s, "Still there?") || strings.Contains(s, "Disconnected") {
		t.Fatalf("a board with notes arriving was treated as idle:\n%s", tail(s, 1500))
	}
}
