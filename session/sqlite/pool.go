package sqlite

import (
	"context"
	"database/sql"
)

// pool is a database handle that counts the statements run on it outside a
// transaction. Its connections keep the statements they parse (keptConn), so a query
// run again is not parsed again.
type pool struct {
	*sql.DB
	count *counters
}

func newPool(db *sql.DB, count *counters) *pool {
	return &pool{DB: db, count: count}
}

func (p *pool) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	p.counted()
	return p.DB.QueryRowContext(ctx, q, args...)
}

func (p *pool) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	p.counted()
	return p.DB.QueryContext(ctx, q, args...)
}

func (p *pool) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	p.counted()
	return p.DB.ExecContext(ctx, q, args...)
}

// counted counts a statement run outside a transaction.
func (p *pool) counted() {
	p.count.statements.Add(1)
	p.count.outside.Add(1)
}
