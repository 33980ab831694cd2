package tui

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

// A screen's Update and View call deep (lipgloss styles are values of half a
// kilobyte, passed down many calls), and the program's goroutine grows its stack to
// tens of kilobytes for each. Between messages that goroutine is idle, and every
// collection halves an idle goroutine's stack: with hundreds of people writing at
// once, each message began by growing (copying) a stack again, an eighth of the
// server's CPU in a burst of notes. A few long-lived goroutines do that work for
// every program instead; busy, they keep their stacks grown.

// deepCall is a function for a deep goroutine to run; done carries what it panicked
// with (nil when it returned).
type deepCall struct {
	fn   func()
	done chan *deepPanic
}

// deepPanic is a panic of a function run by deep, with the stack where it happened,
// raised again on the caller's goroutine.
type deepPanic struct {
	value any
	stack []byte
}

func (p *deepPanic) String() string { return fmt.Sprintf("%v\n\n%s", p.value, p.stack) }

// deepCalls hands a call to a deep goroutine waiting for one: unbuffered, so that a
// send succeeds only when one is free.
var deepCalls = make(chan *deepCall)

// deepWorkers is how many deep goroutines there are: one a core, as no more run at
// once.
var deepWorkers = max(2, runtime.GOMAXPROCS(0))

func init() {
	for range deepWorkers {
		go deepWorker()
	}
}

func deepWorker() {
	for c := range deepCalls {
		c.done <- runCaught(c.fn)
	}
}

// runCaught runs fn and returns what it panicked with, if it did.
func runCaught(fn func()) (p *deepPanic) {
	defer func() {
		if v := recover(); v != nil {
			p = &deepPanic{value: v, stack: debug.Stack()}
		}
	}()
	fn()
	return nil
}

// deep runs fn on a deep goroutine when one is free, otherwise on the caller's,
// and returns once fn has. A panic in fn is raised again on the caller's goroutine
// (where the connection's recovery takes it), saying where it happened.
func deep(fn func()) {
	c := &deepCall{fn: fn, done: make(chan *deepPanic, 1)}
	select {
	case deepCalls <- c:
		if p := <-c.done; p != nil {
			panic(p)
		}
	default:
		fn()
	}
}
