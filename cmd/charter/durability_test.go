package main

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/charter-tool/charter/session"
	"github.com/charter-tool/charter/session/sqlite"
)

// startBinary runs charter's server in a process of its own (this test binary, as
// charter: see TestMain) and waits until it accepts.
func startBinary(t *testing.T, addr, data string) *exec.Cmd {
	t.Helper()
	bin, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "serve", "--addr", addr, "--data", data)
	cmd.Env = append(os.Environ(), runMainEnv+"=1")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			return cmd
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("server on %s did not start", addr)
	return nil
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func TestAcknowledgedNotesSurviveSIGKILL(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("runs and kills the server in a process of its own")
	}
	data := newDataDir(t)
	db, err := openData(data)
	if err != nil {
		t.Fatal(err)
	}
	svc := session.NewService(db, nil)
	ctx := context.Background()
	sess, err := svc.NewSession(ctx, session.Session{Title: "Durability", Audience: session.AudienceDevelopers})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SetPhase(ctx, sess.ID, session.PhaseWrite); err != nil {
		t.Fatal(err)
	}
	db.Close()

	addr := freeAddr(t)
	server := startBinary(t, addr, data)
	key := newKey(t)
	p := connect(t, addr, key, sess.Code)
	p.waitFor("Your name")
	p.typeKeys("Kim", enter)
	p.waitFor("Write notes in each area")

	var acked []string
	for i := 0; i < 8; i++ {
		text := fmt.Sprintf("durable note %02d", i)
		pos := p.mark()
		if i == 0 {
			// The box is open on arrival; saved, a note leaves it open for the
			// next.
			p.waitFor("New note in")
		}
		p.typeKeys(text, enter)
		p.waitAfter(pos, "Saved")
		acked = append(acked, text)
	}
	// One more goes out and the server dies while it may be in flight.
	p.typeKeys("note in flight", enter)
	if err := server.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	server.Wait()
	p.close()

	startBinary(t, addr, data)
	again := connect(t, addr, key, sess.Code)
	again.waitFor("WRITE")
	again.waitFor("durable note 07")

	check, err := sqlite.Open(filepath.Join(data, "charter.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer check.Close()
	notes, err := check.Notes(ctx, sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	stored := map[string]bool{}
	for _, n := range notes {
		stored[n.Text] = true
	}
	for _, text := range acked {
		if !stored[text] {
			t.Errorf("acknowledged note %q lost after SIGKILL", text)
		}
	}
	got, err := check.Session(ctx, sess.ID)
	if err != nil || got.Phase != session.PhaseWrite {
		t.Fatalf("phase after restart: %v, %v", got, err)
	}
	if strings.Contains(again.screen(), "Your name") {
		t.Error("the participant was not recognised after the restart")
	}
}
