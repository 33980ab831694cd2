package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"sync"
	"time"
)

// pool is a database handle that prepares each distinct query once and keeps the
// statement: SQLite's parser was a tenth of the server's CPU under load when every
// call parsed its SQL again. database/sql prepares a kept statement again on each
// connection of the pool as needed. Transactions (BeginTx) are not affected.
type pool struct {
	*sql.DB
	count   *counters
	mu      sync.Mutex
	stmts   map[string]*sql.Stmt
	warming map[string]bool
	// queue are the queries waiting to be prepared, in order; preparing says a
	// goroutine is preparing them.
	queue     []string
	preparing bool
	// warmers are the background preparations running; Close waits for them, so that
	// none opens a connection (and the database's files) after it.
	warmers sync.WaitGroup
	closed  bool
}

func newPool(db *sql.DB, count *counters) *pool {
	return &pool{DB: db, count: count, stmts: map[string]*sql.Stmt{}, warming: map[string]bool{}}
}

// cached returns the kept statement for q, or nil when there is none yet.
func (p *pool) cached(q string) *sql.Stmt {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.stmts[q]
}

// warm prepares q in the background, once, for a transaction that could not wait for
// it (see txQuerier). One goroutine prepares the queries in the order asked, so that
// warming holds at most one connection and does not make the pool open more.
func (p *pool) warm(q string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed || p.warming[q] || p.stmts[q] != nil {
		return
	}
	p.warming[q] = true
	p.queue = append(p.queue, q)
	if p.preparing {
		return // the goroutine preparing the queue takes it too
	}
	p.preparing = true
	p.warmers.Add(1)
	go p.prepareQueue()
}

// prepareQueue prepares the queued queries until none is left. It decides to stop
// under the same lock as warm decides to start another, so that one runs at a time.
func (p *pool) prepareQueue() {
	defer p.warmers.Done()
	for {
		p.mu.Lock()
		if len(p.queue) == 0 {
			p.preparing = false
			p.mu.Unlock()
			return
		}
		q := p.queue[0]
		p.queue = p.queue[1:]
		p.mu.Unlock()
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		p.stmt(ctx, q) // an error leaves q unprepared; the transaction ran it anyway
		cancel()
		p.mu.Lock()
		delete(p.warming, q)
		p.mu.Unlock()
	}
}

// stmt returns the kept statement for q, preparing it on first use. The lock is not
// held while preparing: that waits for a connection, and on the one-connection write
// pool other callers must keep their own deadlines meanwhile.
func (p *pool) stmt(ctx context.Context, q string) (*sql.Stmt, error) {
	p.mu.Lock()
	s, ok := p.stmts[q]
	closed := p.closed
	p.mu.Unlock()
	if ok {
		return s, nil
	}
	if closed {
		return nil, errors.New("sql: database is closed")
	}
	s, err := p.DB.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if kept, ok := p.stmts[q]; ok || p.closed {
		// Another caller prepared it meanwhile, or the pool closed: use theirs (or
		// this one once), keep one.
		if ok {
			s.Close()
			return kept, nil
		}
		return s, nil
	}
	p.stmts[q] = s
	return s, nil
}

func (p *pool) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	p.counted()
	s, err := p.stmt(ctx, q)
	if err != nil {
		// The same query again, for a *sql.Row that carries the error.
		return p.DB.QueryRowContext(ctx, q, args...)
	}
	return s.QueryRowContext(ctx, args...)
}

func (p *pool) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	p.counted()
	s, err := p.stmt(ctx, q)
	if err != nil {
		return nil, err
	}
	return s.QueryContext(ctx, args...)
}

func (p *pool) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	p.counted()
	s, err := p.stmt(ctx, q)
	if err != nil {
		return nil, err
	}
	return s.ExecContext(ctx, args...)
}

// counted counts a statement run outside a transaction.
func (p *pool) counted() {
	p.count.statements.Add(1)
	p.count.outside.Add(1)
}

// Close closes the kept statements and the database.
func (p *pool) Close() error {
	p.mu.Lock()
	p.closed = true
	p.mu.Unlock()
	p.warmers.Wait()
	p.mu.Lock()
	var errs []error
	for q, s := range p.stmts {
		errs = append(errs, s.Close())
		delete(p.stmts, q)
	}
	p.mu.Unlock()
	return errors.Join(append(errs, p.DB.Close())...)
}
