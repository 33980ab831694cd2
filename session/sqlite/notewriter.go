package sqlite

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"sync"
	"time"

	"github.com/charter-tool/charter/session"
)

// noteWriter stores new notes in the order they arrive: one goroutine takes them from
// a queue and commits all that are waiting in one transaction, so one fsync covers a
// batch and an acknowledged note is still on disk. The same transaction applies the
// board's release rule (session.ReleaseIfDue) to each session the batch wrote to. When the bell rings and hundreds
// press enter at once, database/sql would hand the one write connection to a random
// waiter (a long tail, notes overtaking their author's earlier ones); the queue is
// first come, first served.
type noteWriter struct {
	db    *DB
	queue chan *noteWrite
	quit  chan struct{}
	done  chan struct{}
	once  sync.Once
}

// noteWrite is one note waiting to be stored; err receives the outcome.
type noteWrite struct {
	ctx    context.Context
	note   *session.Note
	author string // the author's token (see authors)
	// check, when not nil, runs in the batch's transaction before the note is
	// stored; its error is the note's answer, as it is, and nothing is stored.
	check func(ctx context.Context, st session.Store) error
	err   chan error
}

// writeTimeout bounds one batch's transaction, waiting for the connection included.
const writeTimeout = 30 * time.Second

// maxNoteBatch bounds one transaction, so that a long queue still commits in steps.
const maxNoteBatch = 256

// insertNote stores a note held back from the board (batch 0, see session.MinBatchWriters).
const insertNote = `INSERT INTO notes (session_id, author, area, lane, activity, activity_filed, text, hidden, created_at, updated_at, batch)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`

func newNoteWriter(db *DB) *noteWriter {
	w := &noteWriter{db: db, queue: make(chan *noteWrite, 1024), quit: make(chan struct{}), done: make(chan struct{})}
	go w.run()
	return w
}

// add queues n, written by author (a token), and returns once it is committed
// (setting its ID), or with an error: check's when it refused the note.
func (w *noteWriter) add(ctx context.Context, n *session.Note, author string, check func(ctx context.Context, st session.Store) error) error {
	closed := errors.New("insert note: database is closed")
	select {
	case <-w.quit:
		return closed
	default:
	}
	req := &noteWrite{ctx: ctx, note: n, author: author, check: check, err: make(chan error, 1)}
	select {
	case w.queue <- req:
	case <-w.quit:
		return closed
	case <-ctx.Done():
		return fmt.Errorf("insert note: %w", ctx.Err())
	}
	// Once queued the note is written whatever the caller's deadline: it waits for the
	// outcome, so that an acknowledged note is never one that was dropped.
	select {
	case err := <-req.err:
		return err
	case <-w.done:
		// The writer answered everything it took before it stopped.
		select {
		case err := <-req.err:
			return err
		default:
			return closed
		}
	}
}

// close stops the writer after the notes already queued are stored.
func (w *noteWriter) close() {
	w.once.Do(func() { close(w.quit) })
	<-w.done
}

func (w *noteWriter) run() {
	defer close(w.done)
	batch := make([]*noteWrite, 0, maxNoteBatch)
	for {
		select {
		case req := <-w.queue:
			batch = append(batch[:0], req)
		case <-w.quit:
			// Whatever is still queued gets an answer.
			for {
				select {
				case req := <-w.queue:
					w.commit([]*noteWrite{req})
				default:
					return
				}
			}
		}
	more:
		for len(batch) < maxNoteBatch {
			select {
			case req := <-w.queue:
				batch = append(batch, req)
			default:
				break more
			}
		}
		w.commit(batch)
		clear(batch)
	}
}

// commit stores the batch in one transaction. A note that fails alone (its session
// deleted meanwhile) gets its own error; a failed commit fails them all.
func (w *noteWriter) commit(batch []*noteWrite) {
	live := batch[:0:0]
	for _, req := range batch {
		if err := req.ctx.Err(); err != nil {
			req.err <- fmt.Errorf("insert note: %w", err)
			continue
		}
		live = append(live, req)
	}
	if len(live) == 0 {
		return
	}
	failAll := func(err error) {
		for _, req := range live {
			req.err <- fmt.Errorf("insert note: %w", err)
		}
	}
	// The transaction is not tied to one caller's context: it carries everyone's notes.
	deadline, cancel := context.WithTimeout(context.Background(), writeTimeout)
	defer cancel()
	tx, err := w.db.writePool.BeginTx(deadline, nil)
	if err != nil {
		failAll(err)
		return
	}
	w.db.count.writeTxs.Add(1)
	// The insert is the write connection's kept statement (parsed once, not per
	// batch: in a burst most batches hold a note or two).
	q := &txQuerier{tx: tx, write: true, count: w.db.count}
	in := w.db.within(q)
	// The statements run under a context that cannot end: the driver watches a
	// context that can in a goroutine of its own for each statement, and a batch's
	// statements are a row or two each on the one write connection. The deadline
	// is checked between notes, and the transaction (begun with it) ends with it.
	ctx := context.WithoutCancel(deadline)
	errs := make([]error, len(live))
	refused := make([]bool, len(live))
	in.batchSessions = map[string]*session.Session{}
	for i, req := range live {
		if errs[i] = deadline.Err(); errs[i] != nil {
			continue
		}
		if req.check != nil {
			if errs[i] = recovered("check of a new note", func() error { return req.check(ctx, in) }); errs[i] != nil {
				refused[i] = true
				continue
			}
		}
		errs[i] = w.insert(ctx, q, req)
	}
	in.batchSessions = nil // the rule below may write sessions
	var released map[string]int64
	err = recovered("release of held notes", func() (err error) {
		released, err = w.release(ctx, in, live, errs)
		return err
	})
	if err != nil {
		tx.Rollback()
		failAll(err)
		return
	}
	if err := tx.Commit(); err != nil {
		failAll(err)
		return
	}
	for i, req := range live {
		if errs[i] != nil {
			req.note.ID = 0
			if !refused[i] {
				errs[i] = fmt.Errorf("insert note: %w", errs[i])
			}
			req.err <- errs[i]
			continue
		}
		req.note.Batch = released[req.note.SessionID]
		req.err <- nil
	}
}

// release applies the board's rule once to each session the batch stored notes in,
// in the batch's transaction, and returns the batch each session's held notes were
// shown in (none: 0).
func (w *noteWriter) release(ctx context.Context, in *DB, live []*noteWrite, errs []error) (map[string]int64, error) {
	released := map[string]int64{}
	for i, req := range live {
		id := req.note.SessionID
		if _, done := released[id]; done || errs[i] != nil {
			continue
		}
		b, err := session.ReleaseIfDue(ctx, in, id)
		if err != nil {
			return nil, err
		}
		released[id] = b
	}
	return released, nil
}

// recovered runs the rule code fn in the writer's goroutine (a note's check, the
// board's release rule): a panic in it becomes its error, carrying the stack for
// the log, and fails that note or that batch instead of the server. In the
// caller's goroutine, where the checks ran before, bubbletea recovered it.
func recovered(what string, fn func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: panic: %v\n%s", what, r, debug.Stack())
		}
	}()
	return fn()
}

func (w *noteWriter) insert(ctx context.Context, q *txQuerier, req *noteWrite) error {
	n := req.note
	res, err := q.ExecContext(ctx, insertNote, n.SessionID, req.author, n.Area, n.Lane, n.Activity, b2i(n.ActivityFiled), n.Text, b2i(n.Hidden),
		ms(n.CreatedAt), ms(n.UpdatedAt))
	if err != nil {
		return err
	}
	n.ID, err = res.LastInsertId()
	return err
}
