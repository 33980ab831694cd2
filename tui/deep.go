package tui

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"sync"
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
// raised again on the caller's goroutine; or, goexit, its runtime.Goexit (a test's
// t.FailNow), which ends the caller's goroutine too.
type deepPanic struct {
	value  any
	stack  []byte
	goexit bool
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
		runDeep(c)
	}
}

// runDeep runs c.fn and tells c.done how it ended. A runtime.Goexit in it ends this
// goroutine whatever is done here: another deep goroutine takes its place, and the
// caller, told, exits too (it waited for an answer that never came).
func runDeep(c *deepCall) {
	finished := false
	defer func() {
		if finished {
			return
		}
		if v := recover(); v != nil {
			c.done <- &deepPanic{value: v, stack: debug.Stack()}
			return
		}
		c.done <- &deepPanic{goexit: true}
		go deepWorker()
	}()
	c.fn()
	finished = true
	c.done <- nil
}

// deep runs fn on a deep goroutine when one is free, otherwise on the caller's,
// and returns once fn has. A panic in fn is raised again on the caller's goroutine
// (where the connection's recovery takes it), saying where it happened.
func deep(fn func()) {
	c := deepCallPool.Get().(*deepCall)
	c.fn = fn
	select {
	case deepCalls <- c:
		p := <-c.done
		// Answered: nothing refers to c any more.
		c.fn = nil
		deepCallPool.Put(c)
		if p != nil {
			if p.goexit {
				runtime.Goexit()
			}
			panic(p)
		}
	default:
		c.fn = nil
		deepCallPool.Put(c)
		fn()
	}
}

// deepCallPool keeps calls and their answer channels for the next: a call was made
// for every message and frame of every screen.
var deepCallPool = sync.Pool{New: func() any { return &deepCall{done: make(chan *deepPanic, 1)} }}
