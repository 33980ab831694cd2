package sqlite

import (
	"context"
	"slices"
	"strings"
	"sync"
)

// parsedSQL is every statement text the test binary's connections parsed, by the
// database (its counters) they are of.
var parsedSQL struct {
	sync.Mutex
	seen map[*counters]map[string]bool
}

func init() {
	parsed = func(db *counters, q string) {
		parsedSQL.Lock()
		defer parsedSQL.Unlock()
		if parsedSQL.seen == nil {
			parsedSQL.seen = map[*counters]map[string]bool{}
		}
		if parsedSQL.seen[db] == nil {
			parsedSQL.seen[db] = map[string]bool{}
		}
		parsedSQL.seen[db][q] = true
	}
}

// ParsedSQL returns the statements db's connections parsed so far.
func (db *DB) ParsedSQL() []string {
	parsedSQL.Lock()
	defer parsedSQL.Unlock()
	var qs []string
	for q := range parsedSQL.seen[db.count] {
		qs = append(qs, q)
	}
	slices.Sort(qs)
	return qs
}

// ExplainQueryPlan returns the details of SQLite's plan for q, explained on one of
// db's own connections (with charter's SQL functions), its parameters unbound.
func (db *DB) ExplainQueryPlan(ctx context.Context, q string) ([]string, error) {
	rows, err := db.readPool.QueryContext(ctx, "EXPLAIN QUERY PLAN "+q, make([]any, strings.Count(q, "?"))...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			return nil, err
		}
		plan = append(plan, detail)
	}
	return plan, rows.Err()
}

// MigrationsDigest is migrationsDigest, for schema.sql's second line.
var MigrationsDigest = migrationsDigest
