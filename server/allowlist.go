package server

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"crypto/subtle"
	"errors"
	"fmt"
	"math/big"
	"os"
	"sync"
	"time"

	"github.com/charmbracelet/ssh"
	gossh "golang.org/x/crypto/ssh"

	"github.com/charter-tool/charter/session"
)

// allowlist holds the facilitator keys and the one-time claim code. The file is read
// again when it changes, so keys added to it count from the next connection.
type allowlist struct {
	mu   sync.Mutex
	path string
	keys []ssh.PublicKey
	code string
	// seen is the file's size and modification time when it was last read.
	seen fileStamp
	// warn tells the operator that a changed file could not be read.
	warn func(err error)
}

type fileStamp struct {
	size int64
	mod  time.Time
}

func stampOf(path string) fileStamp {
	fi, err := os.Stat(path)
	if err != nil {
		return fileStamp{}
	}
	return fileStamp{fi.Size(), fi.ModTime()}
}

func loadAllowlist(path string) (*allowlist, error) {
	a := &allowlist{path: path, seen: stampOf(path)}
	keys, err := readAuthorizedKeys(path)
	if err != nil {
		return nil, err
	}
	a.keys = keys
	if len(a.keys) == 0 {
		if a.code, err = newClaimCode(); err != nil {
			return nil, err
		}
	}
	return a, nil
}

func readAuthorizedKeys(path string) ([]ssh.PublicKey, error) {
	buf, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("facilitators file: %w", err)
	}
	var keys []ssh.PublicKey
	sc := bufio.NewScanner(bytes.NewReader(buf))
	line := 0
	for sc.Scan() {
		line++
		text := bytes.TrimSpace(sc.Bytes())
		if len(text) == 0 || text[0] == '#' {
			continue
		}
		if bytes.HasPrefix(text, []byte("-----BEGIN")) {
			// --facilitators given the key file itself, beside its .pub.
			return nil, fmt.Errorf("facilitators file %s line %d is a private key: the file holds public keys, one a line, as in authorized_keys (the line of a .pub file, \"ssh-ed25519 AAAA… name\")", path, line)
		}
		k, _, _, _, err := gossh.ParseAuthorizedKey(text)
		if err != nil {
			return nil, fmt.Errorf("facilitators file %s line %d: not an authorized_keys line: %w", path, line, err)
		}
		keys = append(keys, k)
	}
	return keys, nil
}

// refresh reads the file again if it changed since it was last read; a file that
// cannot be read keeps the keys known so far. The caller holds a.mu.
func (a *allowlist) refresh() {
	st := stampOf(a.path)
	if st == a.seen {
		return
	}
	keys, err := readAuthorizedKeys(a.path)
	if err != nil {
		if a.warn != nil {
			a.warn(err)
		}
		return
	}
	a.seen = st
	a.keys = keys
	if len(keys) > 0 {
		// Someone became a facilitator through the file: the claim is over.
		a.code = ""
	}
}

func newClaimCode() (string, error) {
	const alphabet = session.CodeAlphabet
	b := make([]byte, 12)
	for i := range b {
		n, err := rand.Int(rand.Reader, big.NewInt(int64(len(alphabet))))
		if err != nil {
			return "", err
		}
		b[i] = alphabet[n.Int64()]
	}
	return "CLAIM-" + string(b), nil
}

func (a *allowlist) has(k ssh.PublicKey) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.refresh()
	for _, f := range a.keys {
		if ssh.KeysEqual(f, k) {
			return true
		}
	}
	return false
}

func (a *allowlist) len() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return len(a.keys)
}

func (a *allowlist) claimOpen() bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.code != ""
}

func (a *allowlist) claimCode() string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.code
}

// claim makes k a facilitator if code is the open claim code, saving k to the file.
func (a *allowlist) claim(code string, k ssh.PublicKey) (bool, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.code == "" || subtle.ConstantTimeCompare([]byte(session.NormalizeCode(code)), []byte(session.NormalizeCode(a.code))) != 1 {
		return false, nil
	}
	f, err := os.OpenFile(a.path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return false, fmt.Errorf("save facilitator key: %w", err)
	}
	if _, err := f.Write(gossh.MarshalAuthorizedKey(k)); err != nil {
		f.Close()
		return false, fmt.Errorf("save facilitator key: %w", err)
	}
	if err := f.Close(); err != nil {
		return false, fmt.Errorf("save facilitator key: %w", err)
	}
	a.keys = append(a.keys, k)
	a.code = ""
	a.seen = stampOf(a.path)
	return true, nil
}
