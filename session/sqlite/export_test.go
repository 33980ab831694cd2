package sqlite

import (
	"slices"
	"sync"
)

// parsedSQL is every statement text the test binary's connections parsed.
var parsedSQL struct {
	sync.Mutex
	seen map[string]bool
}

func init() {
	parsed = func(q string) {
		parsedSQL.Lock()
		defer parsedSQL.Unlock()
		if parsedSQL.seen == nil {
			parsedSQL.seen = map[string]bool{}
		}
		parsedSQL.seen[q] = true
	}
}

// ParsedSQL returns the statements the test binary's connections parsed so far.
func ParsedSQL() []string {
	parsedSQL.Lock()
	defer parsedSQL.Unlock()
	var qs []string
	for q := range parsedSQL.seen {
		qs = append(qs, q)
	}
	slices.Sort(qs)
	return qs
}
