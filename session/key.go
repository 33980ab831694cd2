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

// CodeAlphabet is the characters of every code people are given (join, rejoin and
// claim codes): it leaves out those people confuse, 0 and O, 1, I and L.
const CodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"

// misreadable are the characters CodeAlphabet leaves out, as a code read or typed
// wrongly may hold them.
const misreadable = "0O1IL"

// rejoinAlphabet is CodeAlphabet: rejoin codes are read off a screen or paper too.
const rejoinAlphabet = CodeAlphabet

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

// misreadCode refuses a code of a given code's length (8, 10, or CLAIM and 12,
// dashes and spaces aside) that holds a character no code has: one misread (an O
// for a 0 or the other way round, an I or l for a 1). It names the character, so
// that the person checks that one, and it is no guess at another's code (nothing
// with that character can match), so the caller does not count it as a wrong try.
// nil when code is not of that shape or holds no such character.
func misreadCode(code string) error {
	c := NormalizeCode(code)
	if rest, ok := strings.CutPrefix(c, "CLAIM"); ok && len(rest) == 12 {
		c = rest
	} else if len(c) != 8 && len(c) != rejoinLen {
		return nil
	}
	for _, r := range c {
		if strings.ContainsRune(misreadable, r) {
			return Errorf(EInvalid, "The code %q has %s, which no code has: codes leave out 0, O, 1, I and L, as they are easily misread. Check that character with your facilitator.", ShownCode(code), misreadName(r))
		}
	}
	return nil
}

// misreadName names a misreadable character as a refusal says it.
func misreadName(r rune) string {
	switch r {
	case '0':
		return "a zero (0)"
	case 'O':
		return "the letter O"
	case '1':
		return "a one (1)"
	default:
		return "the letter " + string(r)
	}
}
