package session

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// HashKey returns the salted hash under which a participant's public key (in SSH wire
// format) is stored, so that the database never holds the key itself.
func HashKey(salt, key []byte) string {
	if len(key) == 0 {
		return ""
	}
	m := hmac.New(sha256.New, salt)
	m.Write(key)
	return hex.EncodeToString(m.Sum(nil))
}

// rejoinAlphabet leaves out letters and digits people confuse (0/O, 1/I/L), as join
// codes do.
const rejoinAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"

// rejoinLen gives 31^10, about 2^49.5 codes: with the lockout after a few wrong codes,
// nobody finds someone else's by trying. Join codes have 8 characters, so the two
// never look alike.
const rejoinLen = 10

// NewRejoinCode returns a new personal rejoin code, as people read it: XXXXX-XXXXX.
func NewRejoinCode() (string, error) {
	var b strings.Builder
	buf := make([]byte, 1)
	for n := 0; n < rejoinLen; {
		if _, err := rand.Read(buf); err != nil {
			return "", err
		}
		// Only bytes below the largest multiple of the alphabet's size: every
		// character equally likely.
		if int(buf[0]) >= 256/len(rejoinAlphabet)*len(rejoinAlphabet) {
			continue
		}
		if n == rejoinLen/2 {
			b.WriteByte('-')
		}
		b.WriteByte(rejoinAlphabet[int(buf[0])%len(rejoinAlphabet)])
		n++
	}
	return b.String(), nil
}

// IsRejoinCode reports whether code, as typed, has the shape of a personal rejoin
// code (case, spaces and dashes do not matter).
func IsRejoinCode(code string) bool {
	c := NormalizeCode(code)
	if len(c) != rejoinLen {
		return false
	}
	for _, r := range c {
		if !strings.ContainsRune(rejoinAlphabet, r) {
			return false
		}
	}
	return true
}

// readableRejoinCode writes a rejoin code as typed the way it was given: XXXXX-XXXXX.
func readableRejoinCode(code string) string {
	c := NormalizeCode(code)
	if len(c) != rejoinLen {
		return c
	}
	return c[:rejoinLen/2] + "-" + c[rejoinLen/2:]
}

// HashRejoinCode returns the keyed hash under which a rejoin code is stored, so that
// the database never holds the code itself.
func HashRejoinCode(secret []byte, code string) string {
	c := NormalizeCode(code)
	if c == "" {
		return ""
	}
	return HashKey(secret, []byte("rejoin code\x00"+c))
}
