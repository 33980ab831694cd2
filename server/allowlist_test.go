package server_test

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"os"
	"path/filepath"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"

	"github.com/charter-tool/charter/internal/testdb"
	"github.com/charter-tool/charter/server"
	"github.com/charter-tool/charter/session/sqlite"
)

// --facilitators naming a private key (the file beside the .pub one) is refused
// saying so and what the file should hold, not with the parser's "illegal base64
// data at input byte 4".
func TestFacilitatorsFileWithAPrivateKeySaysToGiveThePublicOne(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	block, err := gossh.MarshalPrivateKey(priv, "")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "id_ed25519")
	if err := os.WriteFile(file, pem.EncodeToMemory(block), 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := sqlite.Open(testdb.Place(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	_, err = server.New(server.Config{Addr: "127.0.0.1:0", DataDir: dir, Facilitators: file}, db)
	if err == nil {
		t.Fatal("a private key was taken for a facilitators file")
	}
	for _, want := range []string{file + " line 1 is a private key", ".pub"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
}
