package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/log"
	gossh "golang.org/x/crypto/ssh"

	"github.com/charter-tool/charter/internal/sshclient"
	"github.com/charter-tool/charter/server"
	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/sqlite"
)

// A key added to the facilitators file while the server runs is a facilitator's
// from its next connection, without a restart.
func TestFacilitatorsFileIsReadAgain(t *testing.T) {
	t.Parallel()
	first, second := newKey(t), newKey(t)
	srv := testServer(t, first)
	before := connect(t, srv.Addr(), second, "")
	before.waitFor("Join code:")
	before.close()

	f, err := os.OpenFile(srv.cfg.Facilitators, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write(append([]byte("# added while running\n"), gossh.MarshalAuthorizedKey(second.PublicKey())...)); err != nil {
		t.Fatal(err)
	}
	f.Close()
	after := connect(t, srv.Addr(), second, "")
	after.waitFor("· facilitator")
}

// syncBuffer is a log destination that tests read while the server writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// The server log holds no join code and nothing that names a participant's
// connection: no user name, address or command.
func TestLogNamesNoParticipant(t *testing.T) {
	t.Parallel()
	var logged syncBuffer
	facKey, pKey := newKey(t), newKey(t)
	srv := testServerWith(t, server.Config{Logger: log.New(&logged)}, facKey)
	fac := connect(t, srv.Addr(), facKey, "")
	code := createSession(t, fac, "Developers Porto")
	p := connect(t, srv.Addr(), pKey, code)
	p.waitFor("Your name")
	keyless := connect(t, srv.Addr(), nil, session.NormalizeCode(code))
	keyless.waitFor("Your name")
	p.close()
	keyless.close()
	for !strings.Contains(logged.String(), "participant disconnected") {
		time.Sleep(10 * time.Millisecond)
	}
	out := logged.String()
	if !strings.Contains(out, "facilitator connected") {
		t.Fatalf("the facilitator's connection is not logged:\n%s", out)
	}
	for _, secret := range []string{code, session.NormalizeCode(code), gossh.FingerprintSHA256(pKey.PublicKey())} {
		if strings.Contains(out, secret) {
			t.Errorf("the log holds %q:\n%s", secret, out)
		}
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, "participant") && (strings.Contains(line, "someone") || strings.Contains(line, "127.0.0.1")) {
			t.Errorf("a participant's line names a user or an address: %q", line)
		}
	}
}

// Whoever holds a backup of the database and people's public keys (often public on
// code hosting sites) cannot tell which participant, and so which notes, a key is:
// the secret keys are hashed with is not in the database.
func TestBackupAndPublicKeysDoNotLinkANoteToAKey(t *testing.T) {
	t.Parallel()
	facKey, pKey := newKey(t), newKey(t)
	srv := testServer(t, facKey)
	fac := connect(t, srv.Addr(), facKey, "")
	code := createSession(t, fac, "Developers Porto")
	p := joinAs(t, srv.Addr(), pKey, code, "")
	ctx := context.Background()
	sess, err := srv.svc.FindByCode(ctx, code)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := srv.svc.SetPhase(ctx, sess.ID, session.PhaseWrite); err != nil {
		t.Fatal(err)
	}
	p.waitFor("WRITE")
	p.waitFor("New note") // the box opens with the phase
	p.typeKeys("our CTO follows up", enter)
	p.waitFor("Saved")

	backup := filepath.Join(t.TempDir(), "backup.db")
	var out, errb bytes.Buffer
	if code := run([]string{"backup", "--data", srv.cfg.DataDir, "-o", backup}, nil, &out, &errb); code != 0 {
		t.Fatalf("backup: %s", errb.String())
	}
	db, err := sql.Open("sqlite", backup)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	// Every value the backup holds is tried as the secret, and the bare key too.
	var candidates [][]byte
	rows, err := db.QueryContext(ctx, `SELECT value FROM meta`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var v string
		rows.Scan(&v)
		b, _ := hex.DecodeString(v)
		candidates = append(candidates, []byte(v), b)
	}
	rows.Close()
	candidates = append(candidates, nil)
	var hashes []string
	// Notes name no participant (see the sqlite package's tests): the key hash of the
	// one participant is what a key could be matched with.
	rows, err = db.QueryContext(ctx, `SELECT key_hash FROM participants WHERE key_hash != ''`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var h string
		rows.Scan(&h)
		hashes = append(hashes, h)
	}
	rows.Close()
	if len(hashes) != 1 || hashes[0] == "" {
		t.Fatalf("the backup's key hashes: %q, want one keyed participant", hashes)
	}
	raw := pKey.PublicKey().Marshal()
	sum := sha256.Sum256(raw)
	for _, salt := range candidates {
		if session.HashKey(salt, raw) == hashes[0] || hex.EncodeToString(sum[:]) == hashes[0] {
			t.Fatalf("the backup links the participant to the key")
		}
	}
	// The server itself still knows the key: its secret is in the data directory.
	if fi, err := os.Stat(filepath.Join(srv.cfg.DataDir, sqlite.KeySecretFile)); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("key secret file: %v, %v", fi, err)
	}
	if session.HashKey(srv.salt, raw) != hashes[0] {
		t.Fatalf("the server's own secret does not make the stored hash")
	}
}

// Connections do not mint voters: one address brings at most 3 people without a key
// into a session, and once someone alone on their address is removed, that address
// admits no new participant to it, keyless or with a fresh key, until the
// facilitator lets it in again; a key that took part before still comes back.
// Removing one of a room behind one address keeps the room open to latecomers.
// Two addresses: 127.0.0.1 is the office, 127.0.0.2 a remote participant's home.
func TestConnectionsDoNotMintVoters(t *testing.T) {
	facKey, aKey, bKey, cKey := newKey(t), newKey(t), newKey(t), newKey(t)
	srv := testServer(t, facKey)
	fac := connect(t, srv.Addr(), facKey, "")
	code := createSession(t, fac, "Developers Porto")
	for range session.DefaultKeylessPerAddress {
		connect(t, srv.Addr(), nil, code).waitFor("Your name")
	}
	connect(t, srv.Addr(), nil, code).waitFor("without an SSH key have joined this session from your network address")

	a := joinAs(t, srv.Addr(), aKey, code, "Troll", sshclient.From(home))
	b := joinAs(t, srv.Addr(), bKey, code, "Ben")
	c := joinAs(t, srv.Addr(), cKey, code, "Carl")
	fac.typeKeys("2")
	fac.waitFor("Carl")
	remove := func(name, pseudonym, says string) {
		t.Helper()
		pos := fac.mark()
		fac.typeKeys("/", name, enter)
		fac.waitAfter(pos, "▸ "+pseudonym)
		pos = fac.mark()
		fac.typeKeys("r")
		fac.waitAfter(pos, says)
		fac.typeKeys("y")
		fac.waitAfter(pos, "Removed from the session.")
	}

	// Carl shares the office address with Ben and the keyless three.
	remove("Carl", "P6", "Others joined")
	c.waitFor("The facilitator has removed you from this session")
	connect(t, srv.Addr(), cKey, code).waitFor("The facilitator has removed you from this session")
	connect(t, srv.Addr(), newKey(t), code).waitFor("Your name")

	// Troll is alone on the other address.
	remove("Troll", "P4", "Nobody else joined")
	a.waitFor("The facilitator has removed you from this session")
	connect(t, srv.Addr(), newKey(t), code, sshclient.From(home)).waitFor("Someone was removed from this session from your network address")
	connect(t, srv.Addr(), nil, code, sshclient.From(home)).waitFor("Someone was removed from this session from your network address")
	b.close()
	connect(t, srv.Addr(), bKey, code).waitFor("Hello")

	fac.waitFor("No new people from the network address of Troll")
	pos := fac.mark()
	fac.typeKeys("u")
	fac.waitAfter(pos, "Let new people join again")
	fac.typeKeys("y")
	fac.waitAfter(pos, "New people can join from there again")
	connect(t, srv.Addr(), newKey(t), code, sshclient.From(home)).waitFor("Your name")
	connect(t, srv.Addr(), aKey, code, sshclient.From(home)).waitFor("The facilitator has removed you from this session")
}

// home is a second loopback address, for a participant on another network than the
// office's 127.0.0.1: Linux answers all of 127.0.0.0/8.
const home = "127.0.0.2"

// A person without a key is given a personal rejoin code, and `ssh HOST CODE` with it
// brings them back as themselves: the same participant, not a new one, even after
// the address's keyless joins are used up.
func TestRejoinCodeOverSSH(t *testing.T) {
	t.Parallel()
	facKey := newKey(t)
	srv := testServer(t, facKey)
	fac := connect(t, srv.Addr(), facKey, "")
	code := createSession(t, fac, "Developers Porto")
	p := connect(t, srv.Addr(), nil, code)
	shown := p.waitFor("as a new participant")
	rejoin := regexp.MustCompile(`Your rejoin code: ([A-Z2-9]{5}-[A-Z2-9]{5})`).FindStringSubmatch(shown)
	if rejoin == nil {
		t.Fatalf("no rejoin code shown:\n%s", tail(shown, 2000))
	}
	p.typeKeys("Ana", enter)
	p.waitFor("Hello Ana")
	p.close()
	for range session.DefaultKeylessPerAddress - 1 {
		connect(t, srv.Addr(), nil, code).waitFor("Your name")
	}
	back := connect(t, srv.Addr(), nil, strings.ToLower(rejoin[1]))
	back.waitFor("Hello Ana")
	sess, err := srv.svc.FindByCode(context.Background(), code)
	if err != nil {
		t.Fatal(err)
	}
	ps, err := srv.db.Participants(context.Background(), sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != session.DefaultKeylessPerAddress {
		t.Fatalf("%d participants, want %d: coming back with the code made someone new", len(ps), session.DefaultKeylessPerAddress)
	}
}
