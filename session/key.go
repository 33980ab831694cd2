package session

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
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
