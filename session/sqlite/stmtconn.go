package sqlite

import (
	"context"
	"database/sql/driver"
	"fmt"
	"strings"
	"sync"

	"github.com/charter-tool/charter/session"

	msqlite "modernc.org/sqlite"
)

// Parsing SQL is most of what SQLite does for charter's short statements, and a
// statement parsed on one connection can only run on that one. database/sql keeps
// prepared statements per connection too, but a statement prepared inside a
// transaction is closed when the transaction ends, and one prepared on the pool is
// parsed again inside a transaction that has not used it on that connection yet. So
// each connection here keeps every statement it has parsed, by its text, for as long
// as the connection lives: a query is parsed once per connection, whichever way it
// comes (a transaction, the pool, a prepared statement). Under the race detector this
// was a fifth of the tests' CPU time (docs/BENCHMARKS.md "Test suite time").

// maxKeptStmts bounds the statements a connection keeps; charter runs about a hundred
// distinct ones. Past it a query is parsed each time, as without the cache.
const maxKeptStmts = 400

// parsed, when set (by the package's tests, before any connection opens), is told
// the text of each statement a connection parses for charter, with the counters of
// the database the connection is of.
var parsed func(db *counters, q string)

// keptConnector opens modernc.org/sqlite connections that keep their statements.
type keptConnector struct {
	dsn   string
	drv   *msqlite.Driver
	count *counters // nil: not counted
}

func newKeptConnector(dsn string, count *counters) keptConnector {
	return keptConnector{dsn: dsn, drv: charterDriver(), count: count}
}

// charterDriver is the modernc.org/sqlite driver with charter's own SQL function:
// campaign_key(name), session.CampaignKey in SQL, so that the store matches campaign
// names as the domain does.
var charterDriver = sync.OnceValue(func() *msqlite.Driver {
	d := &msqlite.Driver{}
	err := d.RegisterDeterministicScalarFunction("campaign_key", 1, func(_ *msqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
		switch v := args[0].(type) {
		case string:
			return session.CampaignKey(strings.TrimSpace(v)), nil
		case []byte:
			return session.CampaignKey(strings.TrimSpace(string(v))), nil
		case nil:
			return nil, nil
		default:
			return nil, fmt.Errorf("campaign_key: a name is text, not %T", v)
		}
	})
	if err != nil {
		panic(err) // a programming error: the name is taken or the function malformed
	}
	return d
})

func (c keptConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.drv.Open(c.dsn)
	if err != nil {
		return nil, err
	}
	if c.count != nil {
		c.count.connections.Add(1)
	}
	in, ok := conn.(innerConn)
	if !ok {
		conn.Close()
		return nil, fmt.Errorf("sqlite: the driver's connection %T lacks a method charter uses", conn)
	}
	return &keptConn{innerConn: in, stmts: map[string]*keptStmt{}, count: c.count}, nil
}

func (c keptConnector) Driver() driver.Driver { return c.drv }

// innerConn is what charter needs of a modernc.org/sqlite connection. keptConn
// implements each of these interfaces too, so database/sql sees the same driver.
type innerConn interface {
	driver.Conn
	driver.ConnPrepareContext
	driver.ConnBeginTx
	driver.ExecerContext
	driver.QueryerContext
	driver.Pinger
	driver.SessionResetter
	driver.Validator
}

type innerStmt interface {
	driver.Stmt
	driver.StmtExecContext
	driver.StmtQueryContext
}

// keptConn is a connection with the statements it has parsed. It needs no lock of
// its own: database/sql holds the driver connection's lock around every call to it,
// from whichever goroutine (a transaction or sql.Conn shared by several, rows closed
// when a context ends), Rows.Next and Rows.Close included.
type keptConn struct {
	innerConn
	stmts map[string]*keptStmt
	count *counters // the database's, to tell parsed whose statement it is
}

// keptStmt is a parsed statement; busy says its rows are open, and a second query
// of the same text meanwhile (a nested loop) runs on a statement of its own.
type keptStmt struct {
	s    innerStmt
	busy bool
}

// kept returns q's statement, parsing it on first use. It returns nil, with no error,
// when the connection keeps no more statements or the driver's statement lacks a
// method: the query then runs as the driver runs any.
func (c *keptConn) kept(ctx context.Context, q string) (*keptStmt, error) {
	if k := c.stmts[q]; k != nil {
		return k, nil
	}
	if len(c.stmts) >= maxKeptStmts {
		return nil, nil
	}
	ds, err := c.innerConn.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	if parsed != nil {
		parsed(c.count, q)
	}
	s, ok := ds.(innerStmt)
	if !ok {
		ds.Close()
		return nil, nil
	}
	k := &keptStmt{s: s}
	c.stmts[q] = k
	return k, nil
}

func (c *keptConn) ExecContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Result, error) {
	k, err := c.kept(ctx, q)
	if err != nil {
		return nil, err
	}
	if k == nil || k.busy {
		return c.innerConn.ExecContext(ctx, q, args)
	}
	return k.s.ExecContext(ctx, args)
}

func (c *keptConn) QueryContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Rows, error) {
	k, err := c.kept(ctx, q)
	if err != nil {
		return nil, err
	}
	if k == nil || k.busy {
		return c.innerConn.QueryContext(ctx, q, args)
	}
	rows, err := k.s.QueryContext(ctx, args)
	if err != nil {
		return nil, err
	}
	k.busy = true
	return &keptRows{Rows: rows, k: k}, nil
}

// PrepareContext parses q now (reporting a syntax error as a prepare does) and
// returns a handle that runs it through the connection's kept statement.
func (c *keptConn) PrepareContext(ctx context.Context, q string) (driver.Stmt, error) {
	k, err := c.kept(ctx, q)
	if err != nil {
		return nil, err
	}
	if k == nil {
		// The connection keeps no more: a statement of the driver's own, parsed now.
		return c.innerConn.PrepareContext(ctx, q)
	}
	return stmtHandle{c: c, q: q}, nil
}

func (c *keptConn) Prepare(q string) (driver.Stmt, error) {
	return c.PrepareContext(context.Background(), q)
}

// Close closes the kept statements, then the connection.
func (c *keptConn) Close() error {
	var first error
	for q, k := range c.stmts {
		if err := k.s.Close(); err != nil && first == nil {
			first = err
		}
		delete(c.stmts, q)
	}
	if err := c.innerConn.Close(); err != nil {
		return err
	}
	return first
}

// keptRows frees its statement for the next query once closed.
type keptRows struct {
	driver.Rows
	k *keptStmt
}

func (r *keptRows) Close() error {
	err := r.Rows.Close()
	r.k.busy = false
	return err
}

// stmtHandle is a prepared statement as database/sql holds it; closing it leaves
// the parsed statement to its connection.
type stmtHandle struct {
	c *keptConn
	q string
}

func (h stmtHandle) Close() error  { return nil }
func (h stmtHandle) NumInput() int { return -1 }

func (h stmtHandle) ExecContext(ctx context.Context, args []driver.NamedValue) (driver.Result, error) {
	return h.c.ExecContext(ctx, h.q, args)
}

func (h stmtHandle) QueryContext(ctx context.Context, args []driver.NamedValue) (driver.Rows, error) {
	return h.c.QueryContext(ctx, h.q, args)
}

func (h stmtHandle) Exec(args []driver.Value) (driver.Result, error) {
	return h.ExecContext(context.Background(), named(args))
}

func (h stmtHandle) Query(args []driver.Value) (driver.Rows, error) {
	return h.QueryContext(context.Background(), named(args))
}

func named(args []driver.Value) []driver.NamedValue {
	out := make([]driver.NamedValue, len(args))
	for i, v := range args {
		out[i] = driver.NamedValue{Ordinal: i + 1, Value: v}
	}
	return out
}
