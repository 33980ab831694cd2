package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync/atomic"

	"github.com/charter-tool/charter/session"
)

// querier runs statements: a pool outside a transaction, a transaction inside one.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// Stats counts what the database was asked to do since it was opened, so that tests
// can bound how much a screen reads and check that it reads in one transaction.
type Stats struct {
	// Statements is every statement run, inside a transaction or not.
	Statements int64
	// Outside is the statements run outside ReadTx and WriteTx, each its own
	// transaction.
	Outside int64
	// ReadTxs and WriteTxs are the transactions begun by ReadTx and WriteTx (and by
	// the methods that write several rows at once).
	ReadTxs, WriteTxs int64
	// Connections is the connections opened to the file; SQLite parses the whole
	// schema on each.
	Connections int64
}

// counters are the live figures behind Stats, shared by a DB and its transactions.
type counters struct {
	statements, outside, readTxs, writeTxs, connections atomic.Int64
}

// Stats returns what the database has been asked to do so far.
func (db *DB) Stats() Stats {
	c := db.count
	return Stats{Statements: c.statements.Load(), Outside: c.outside.Load(), ReadTxs: c.readTxs.Load(), WriteTxs: c.writeTxs.Load(), Connections: c.connections.Load()}
}

// errReadOnly is a write attempted inside ReadTx: a programming error.
var errReadOnly = errors.New("sqlite: write inside a read transaction")

// txQuerier runs statements in one transaction. The transaction's connection keeps
// the statements it parses (keptConn), so none is parsed again for the next one.
type txQuerier struct {
	tx    *sql.Tx
	write bool
	count *counters
}

func (t *txQuerier) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	if !t.write {
		return nil, errReadOnly
	}
	t.count.statements.Add(1)
	return t.tx.ExecContext(ctx, q, args...)
}

func (t *txQuerier) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	t.count.statements.Add(1)
	return t.tx.QueryContext(ctx, q, args...)
}

func (t *txQuerier) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	t.count.statements.Add(1)
	return t.tx.QueryRowContext(ctx, q, args...)
}

// ReadTx runs fn with a Store that reads one snapshot of the database (SQLite's WAL
// keeps it while the transaction lasts): what is committed meanwhile does not show.
// Inside a transaction it runs fn in that transaction.
func (db *DB) ReadTx(ctx context.Context, fn func(st session.Store) error) error {
	if db.tx != nil {
		return fn(db)
	}
	tx, err := db.readPool.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("begin read: %w", err)
	}
	q := &txQuerier{tx: tx, count: db.count}
	defer tx.Rollback()
	db.count.readTxs.Add(1)
	if err := fn(db.within(q)); err != nil {
		return err
	}
	return tx.Commit()
}

// WriteTx runs fn with a Store whose reads and writes form one transaction on the
// write connection: no other write comes between them, and fn's writes are all kept
// (when it returns nil) or none. Inside a write transaction it runs fn in that one.
func (db *DB) WriteTx(ctx context.Context, fn func(st session.Store) error) error {
	return db.atomic(ctx, func(in *DB) error { return fn(in) })
}

// atomic runs fn in one write transaction, with a copy of db whose statements run
// in it, and commits when fn returns nil. Inside a write transaction it joins it.
func (db *DB) atomic(ctx context.Context, fn func(in *DB) error) error {
	if db.tx != nil {
		if !db.tx.write {
			return errReadOnly
		}
		return fn(db)
	}
	tx, err := db.writePool.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin write: %w", err)
	}
	q := &txQuerier{tx: tx, write: true, count: db.count}
	defer tx.Rollback()
	db.count.writeTxs.Add(1)
	if err := fn(db.within(q)); err != nil {
		return err
	}
	return tx.Commit()
}

// within returns a copy of db whose statements all run on q.
func (db *DB) within(q *txQuerier) *DB {
	in := *db
	in.read, in.write, in.tx = q, q, q
	return &in
}
