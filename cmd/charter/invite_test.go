package main

import (
	"bytes"
	"context"
	"net"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/charter-tool/charter/server"
	"github.com/charter-tool/charter/session"
)

// inviteSession makes a data directory with one session.
func inviteSession(t *testing.T, in session.Session) (string, *session.Session) {
	t.Helper()
	dir := newDataDir(t)
	db, err := openData(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s, err := session.NewService(db, nil).NewSession(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	return dir, s
}

func TestInvite(t *testing.T) {
	t.Parallel()
	dir, s := inviteSession(t, session.Session{Title: "Service owners Lisbon", Audience: session.AudienceServiceOwners,
		Location: "Lisbon, room 4", Activities: []string{"threat modelling", "bug bounty", "chaos game days"}})
	var out, errb bytes.Buffer
	rc := run([]string{"invite", "--data", dir, "--session", s.ID, "--addr", "0.0.0.0:2022", "--host", "charter.example.org",
		"--when", "Thursday 5 March, 10:00"}, nil, &out, &errb)
	if rc != 0 {
		t.Fatalf("exit %d: %s", rc, errb.String())
	}
	text := out.String()
	if !strings.Contains(text, "\n    ssh -p 2022 -t charter.example.org "+s.Code+"\n") {
		t.Errorf("invitation lacks the ssh line:\n%s", text)
	}
	// Phrases may be wrapped across lines.
	flat := strings.Join(strings.Fields(text), " ")
	for _, want := range []string{
		"# Invitation: Service owners Lisbon",
		code(s.Code),
		"Confidence:", "Security activities:", "Motivation:", "topics of your own",
		"keep, add, do less or do more",
		"threat modelling, bug bounty, chaos game days",
		"Lisbon, room 4", "Thursday 5 March, 10:00", "about 2 hours", "service owners",
		"in person", "SSH client", "findings", "volunteer", "connect again",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("invitation lacks %q:\n%s", want, text)
		}
	}
	// The board counts the people without a note, never says who or how many
	// notes each wrote: the invitation promises what the product does.
	if !strings.Contains(flat, "only how many people have not written yet, never who, which notes or how many each") ||
		strings.Contains(flat, "whether each person has written") || strings.Contains(flat, "how many notes each person wrote") {
		t.Errorf("invitation says something else about what the facilitator sees:\n%s", text)
	}
	if strings.Contains(text, "Facilitator: replace") {
		t.Error("asks to replace a public host name")
	}
	for i, l := range strings.Split(text, "\n") {
		if w := len([]rune(l)); w > inviteWidth {
			t.Errorf("line %d is %d wide: %q", i+1, w, l)
		}
	}
}

func TestInviteOnlineAndLocal(t *testing.T) {
	t.Parallel()
	dir, s := inviteSession(t, session.Session{Title: "Managers *all* [sites]", Audience: session.AudienceManagers, Mode: session.ModeOnline})
	var out, errb bytes.Buffer
	if code := run([]string{"invite", "--data", dir, "--session", s.ID}, nil, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	text := strings.Join(strings.Fields(out.String()), " ")
	for _, want := range []string{
		"online", "video call", "ssh -p 2222 -t 127.0.0.1 " + s.Code, `Managers \*all\* \[sites\]`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("invitation lacks %q:\n%s", want, text)
		}
	}
	// The letters are mailed as printed: what the facilitator must change is
	// said to them, apart.
	if strings.Contains(text, "127.0.0.1 with") || strings.Contains(text, "Facilitator:") {
		t.Errorf("the invitation holds a note for the facilitator:\n%s", text)
	}
	if !strings.Contains(errb.String(), "the ssh line says 127.0.0.1, which only this computer reaches") || !strings.Contains(errb.String(), "--host NAME") {
		t.Errorf("the facilitator is not told to give the host name: %q", errb.String())
	}
	if strings.Contains(text, "in person") {
		t.Errorf("online session invited in person:\n%s", text)
	}
}

func TestInviteRefuses(t *testing.T) {
	t.Parallel()
	dir, _ := inviteSession(t, session.Session{Title: "x", Audience: session.AudienceMixed})
	// A closed session in the same data directory: nobody new can join it.
	db, err := openData(dir)
	if err != nil {
		t.Fatal(err)
	}
	svc := session.NewService(db, nil)
	closed, err := svc.NewSession(context.Background(), session.Session{Title: "Done already", Audience: session.AudienceMixed, Campaign: "Chartering 2027"})
	if err == nil {
		_, err = svc.SetPhase(context.Background(), closed.ID, session.PhaseClosed)
	}
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"unknown session", []string{"--data", dir, "--session", "nope"}, 1, `there is no session "nope" in ` + dir + `; charter session list --data`},
		// A misspelt campaign is not one to plan: the campaigns there are are named.
		{"unknown campaign", []string{"--data", dir, "--campaign", "Charterng 2027"}, 1, `no campaign is called "Charterng 2027"; the campaigns are "Chartering 2027"`},
		{"a campaign not planned", []string{"--data", dir, "--campaign", "chartering 2027"}, 1, "has no planned sessions; plan it with charter plan --create"},
		{"no session", []string{"--data", dir}, 2, "usage: charter invite"},
		{"bad addr", []string{"--data", dir, "--session", "nope", "--addr", "nohost"}, 2, "HOST:PORT"},
		{"a closed session", []string{"--data", dir, "--session", closed.ID}, 1, `the session "Done already" is closed; nobody new can join it`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(append([]string{"invite"}, tt.args...), nil, &out, &errb)
			if code != tt.code || out.Len() != 0 || !strings.Contains(errb.String(), tt.want) {
				t.Fatalf("exit %d (want %d), stdout %q, stderr %q (want %q)", code, tt.code, out.String(), errb.String(), tt.want)
			}
		})
	}
}

// The invitation names the host key fingerprint that ssh shows participants on their
// first connection, so that they can check they reach the right server.
func TestInviteNamesTheHostKey(t *testing.T) {
	t.Parallel()
	dir, s := inviteSession(t, session.Session{Title: "Developers Porto", Audience: session.AudienceDevelopers})
	var out, errb bytes.Buffer
	if rc := run([]string{"invite", "--data", dir, "--session", s.ID}, nil, &out, &errb); rc != 0 || strings.Contains(out.String(), "SHA256:") {
		t.Fatalf("before the server ever ran: exit %d, a fingerprint in:\n%s", rc, out.String())
	}

	srv := testServerWith(t, server.Config{DataDir: dir})
	var seen string
	client, err := gossh.Dial("tcp", srv.Addr(), &gossh.ClientConfig{User: "x", Auth: []gossh.AuthMethod{gossh.PublicKeys(newKey(t))},
		HostKeyCallback: func(_ string, _ net.Addr, key gossh.PublicKey) error {
			seen = gossh.FingerprintSHA256(key)
			return nil
		}, Timeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	client.Close()

	out.Reset()
	if rc := run([]string{"invite", "--data", dir, "--session", s.ID}, nil, &out, &errb); rc != 0 {
		t.Fatalf("exit %d: %s", rc, errb.String())
	}
	if flat := strings.Join(strings.Fields(out.String()), " "); seen == "" || !strings.Contains(flat, "type yes if it is "+seen) {
		t.Errorf("the invitation does not name the fingerprint ssh sees (%s):\n%s", seen, out.String())
	}
}
