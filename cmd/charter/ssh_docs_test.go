package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/charter-tool/charter/session"
)

// sshRun runs command over SSH without a terminal and returns its standard output,
// standard error and exit status.
func sshRun(t *testing.T, addr string, key gossh.Signer, command string) (string, string, int) {
	t.Helper()
	client, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{User: "someone", Auth: []gossh.AuthMethod{gossh.PublicKeys(key)},
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
	var stdout, stderr bytes.Buffer
	sess.Stdout, sess.Stderr = &stdout, &stderr
	err = sess.Run(command)
	var exit *gossh.ExitError
	switch {
	case errors.As(err, &exit):
		return stdout.String(), stderr.String(), exit.ExitStatus()
	case err != nil:
		t.Fatalf("%s: %v", command, err)
	}
	return stdout.String(), stderr.String(), 0
}

// seedCampaign makes a small closed session in campaign with notes and an action
// point, its participant joined with key, and returns the session.
func seedCampaign(t *testing.T, srv *testSrv, campaign string, key gossh.Signer) *session.Session {
	t.Helper()
	ctx := context.Background()
	svc := srv.svc
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	// Held in March of the campaign's year ("Chartering 2025" in 2025).
	sess, err := svc.NewSession(ctx, session.Session{Title: "Developers " + campaign, Audience: session.AudienceDevelopers, Campaign: campaign,
		Date: campaign[len(campaign)-4:] + "-03-10"})
	must(err)
	var people []*session.Participant
	for i := 0; i < 3; i++ {
		hash := session.HashKey(srv.salt, []byte(campaign+string(rune('a'+i))))
		if i == 0 {
			hash = session.HashKey(srv.salt, key.PublicKey().Marshal())
		}
		p, err := svc.Join(ctx, sess.ID, hash)
		must(err)
		people = append(people, p)
	}
	_, err = svc.SetPhase(ctx, sess.ID, session.PhaseWrite)
	must(err)
	for i, text := range []string{"=keep the threat modelling clinic", "more threat modelling help", "less threat model paperwork"} {
		_, err := svc.AddNote(ctx, people[i].ID, session.Note{Area: session.AreaActivities, Lane: []string{"keep", "more", "less"}[i],
			Activity: "threat modelling", Text: text})
		must(err)
	}
	for _, ph := range []session.Phase{session.PhaseReveal, session.PhaseGroup, session.PhaseVote, session.PhaseActions} {
		_, err = svc.SetPhase(ctx, sess.ID, ph)
		must(err)
	}
	a, err := svc.AddAction(ctx, session.ActionPoint{SessionID: sess.ID, Title: "Threat modelling clinic", Priority: session.PriorityHigh, Owner: "AppSec"})
	must(err)
	must(svc.SetActionDue(ctx, a.ID, "2026-06-30"))
	_, err = svc.SetPhase(ctx, sess.ID, session.PhaseClosed)
	must(err)
	return sess
}

func TestDocumentsOverSSH(t *testing.T) {
	t.Parallel()
	fac, participant, stranger := newKey(t), newKey(t), newKey(t)
	srv := testServer(t, fac)
	seedCampaign(t, srv, "Chartering 2025", participant)
	sess := seedCampaign(t, srv, "Chartering 2026", participant)
	addr := srv.Addr()

	t.Run("export in every format", func(t *testing.T) {
		out, errs, status := sshRun(t, addr, fac, "export "+sess.ID)
		if status != 0 || !strings.HasPrefix(out, "# Findings: Developers Chartering 2026") || !strings.Contains(out, "## Activity matrix") {
			t.Fatalf("status %d, stderr %q, output %q", status, errs, out)
		}
		// By its join code too, in any case, with or without the dash: the code is
		// what the board and the home show; "no session with ID" sent the
		// facilitator looking for an ID.
		for _, code := range []string{sess.Code, strings.ToLower(strings.ReplaceAll(sess.Code, "-", ""))} {
			byCode, errs, status := sshRun(t, addr, fac, "export "+code)
			if status != 0 || byCode != out {
				t.Errorf("export %s: status %d, stderr %q; want the findings export %s gives", code, status, errs, sess.ID)
			}
		}
		out, _, status = sshRun(t, addr, fac, "export "+sess.ID+" --format json")
		var doc struct {
			Schema string `json:"schema"`
		}
		if err := json.Unmarshal([]byte(out), &doc); status != 0 || err != nil || doc.Schema != "charter.findings" {
			t.Fatalf("json: status %d, %v, schema %q", status, err, doc.Schema)
		}
		out, _, status = sshRun(t, addr, fac, "export "+sess.ID+" --format csv")
		rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		// The header, the action point, the activity matrix (one activity in four
		// lanes) and the three notes.
		if status != 0 || err != nil || len(rows) != 1+1+4+3 || !strings.Contains(out, "'=keep") {
			t.Fatalf("csv: status %d, %v, %d rows:\n%s", status, err, len(rows), out)
		}
		out, _, status = sshRun(t, addr, fac, "export "+sess.ID+" --format html")
		if status != 0 || !strings.HasPrefix(out, "<!DOCTYPE html>") || !strings.Contains(out, "<svg") {
			t.Fatalf("html: status %d, %q", status, out[:min(len(out), 200)])
		}
	})

	t.Run("report with a comparison", func(t *testing.T) {
		out, errs, status := sshRun(t, addr, fac, "report --campaign 'chartering 2026' --compare 'Chartering 2025'")
		for _, want := range []string{"# Campaign report: Chartering 2026", "## Since Chartering 2025", "### You said, we did", "2026-06-30"} {
			if status != 0 || !strings.Contains(out, want) {
				t.Errorf("status %d, stderr %q: the report lacks %q", status, errs, want)
			}
		}
	})

	// ssh sends its command as one line, without the quotes the local shell took
	// off: a campaign's name with a space arrives as two words, and still names
	// the campaign, with flags after it.
	t.Run("a name the ssh client split", func(t *testing.T) {
		out, errs, status := sshRun(t, addr, fac, "report --campaign chartering 2026 --format json --compare Chartering 2025")
		if status != 0 || !strings.Contains(out, `"campaign"`) || !strings.Contains(out, "Chartering 2026") || !strings.Contains(out, "Chartering 2025") {
			t.Errorf("status %d, stderr %q, output %.300q", status, errs, out)
		}
	})

	t.Run("bad requests say why", func(t *testing.T) {
		for _, tt := range []struct {
			command, stderr string
			status          int
		}{
			{"export " + sess.ID + " --format pdf", `unknown format "pdf"`, 2},
			{"export nosuchsession", `no session with ID or join code "nosuchsession"`, 1},
			{"export", "usage: ssh HOST export SESSION", 2},
			{"report --campaign", "usage: ssh HOST report", 2},
			{"report --campaign Nope", `No campaign is called "Nope"`, 1},
			{"report --campaign 'Chartering 2026' --compare 'Chartering 2026'", "cannot be compared with itself", 1},
			{"report --campaign 'Chartering 2025' --compare 'Chartering 2026'", "began after “Chartering 2025”", 1},
		} {
			out, errs, status := sshRun(t, addr, fac, tt.command)
			if status != tt.status || !strings.Contains(errs, tt.stderr) || out != "" {
				t.Errorf("%s: status %d, stdout %q, stderr %q; want status %d and %q", tt.command, status, out, errs, tt.status, tt.stderr)
			}
		}
	})

	t.Run("participants and strangers are refused", func(t *testing.T) {
		for name, key := range map[string]gossh.Signer{"participant": participant, "stranger": stranger} {
			for _, command := range []string{"export " + sess.ID, "report --campaign 'Chartering 2026'"} {
				out, errs, status := sshRun(t, addr, key, command)
				if status == 0 || strings.Contains(out+errs, "Findings") || strings.Contains(out+errs, "threat") {
					t.Errorf("%s ran %q: status %d, %q %q", name, command, status, out, errs)
				}
			}
		}
	})
}

func TestFetchLine(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ addr, want string }{
		{"127.0.0.1:2222", "ssh -p 2222 127.0.0.1 export S1 > session-S1.md"},
		{"0.0.0.0:2222", "ssh -p 2222 HOST export S1 > session-S1.md"},
		{"[::]:22", "ssh HOST export S1 > session-S1.md"},
		{"charter.example.org:2200", "ssh -p 2200 charter.example.org export S1 > session-S1.md"},
	} {
		if got := fetchLine(tt.addr, "S1"); got != tt.want {
			t.Errorf("fetchLine(%q) = %q, want %q", tt.addr, got, tt.want)
		}
	}
}

// fetchedExport reads the command the board's x showed on screen, checks that it
// reaches this server, runs it over SSH as key, and returns the document; it also
// checks that the server kept its copy in the data directory.
func fetchedExport(t *testing.T, srv *testSrv, key gossh.Signer, screen string) string {
	t.Helper()
	// The command has a line of its own, so that it copies whole.
	const said = "default):" // the end of the line before the command
	i := strings.Index(screen, said)
	if i < 0 {
		t.Fatalf("no fetch command on screen:\n%s", screen)
	}
	rest := screen[i+len(said):]
	if j := strings.Index(rest, "ssh"); j < 0 || strings.TrimSpace(rest[:j]) != "" || !strings.Contains(rest[:j], "\n") {
		t.Fatalf("the fetch command is not on a line of its own:\n%s", screen)
	}
	// The screen is the stream of frames with escape sequences stripped: an
	// unchanged line below the command is skipped by a cursor move, so the next
	// frame's text may follow the command's last word directly.
	f := strings.Fields(rest)
	if len(f) > 7 {
		if end := strings.Index(f[7], ".md"); end >= 0 {
			f[7] = f[7][:end+len(".md")]
		}
	}
	host, port, _ := net.SplitHostPort(srv.Addr())
	if len(f) < 8 || f[0] != "ssh" || f[1] != "-p" || f[2] != port || f[3] != host || f[4] != "export" || f[6] != ">" || f[7] != "session-"+f[5]+".md" {
		t.Fatalf("the fetch command is %q", f)
	}
	out, errs, status := sshRun(t, srv.Addr(), key, "export "+f[5])
	if status != 0 {
		t.Fatalf("%s: status %d: %s", strings.Join(f, " "), status, errs)
	}
	saved, err := os.ReadFile(filepath.Join(srv.cfg.DataDir, "exports", "session-"+f[5]+".md"))
	if err != nil || string(saved) != out {
		t.Fatalf("the server's copy differs from the fetched one (%v)", err)
	}
	return out
}
