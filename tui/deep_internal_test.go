package tui

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

func TestDeepRunsTheFunctionBeforeItReturns(t *testing.T) {
	var wg sync.WaitGroup
	results := make([]int, 50)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			deep(func() { results[i] = i * i })
			if results[i] != i*i {
				t.Errorf("call %d: deep returned before its function ran", i)
			}
		}()
	}
	wg.Wait()
}

func TestDeepRaisesAPanicOnTheCaller(t *testing.T) {
	var got any
	func() {
		defer func() { got = recover() }()
		deep(func() { panicInAView() })
	}()
	if got == nil {
		t.Fatal("the function's panic did not reach the caller")
	}
	s := fmt.Sprint(got)
	if !strings.Contains(s, "the view broke") || !strings.Contains(s, "panicInAView") {
		t.Errorf("the panic says %q, want its value and where it happened", s)
	}
}

func panicInAView() { panic("the view broke") }

// With every deep goroutine held by a function that waits, another call runs on
// its caller's goroutine instead of waiting for them.
func TestDeepRunsOnTheCallerWhenNoneIsFree(t *testing.T) {
	release := make(chan struct{})
	var held, wg sync.WaitGroup
	held.Add(deepWorkers)
	for range deepWorkers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			deep(func() {
				held.Done()
				<-release
			})
		}()
	}
	// Every worker holds a call only if each ran on one: a call that ran inline
	// counts too, so wait for all of them to start.
	held.Wait()
	ran := make(chan struct{})
	go func() {
		deep(func() {})
		close(ran)
	}()
	select {
	case <-ran:
	case <-time.After(10 * time.Second):
		t.Error("with every deep goroutine busy, a call waited for one")
	}
	close(release)
	wg.Wait()
}

// blockedWriter is a terminal that stopped reading: a write waits until release.
type blockedWriter struct {
	writing chan struct{}
	release chan struct{}
}

func (w *blockedWriter) Write(b []byte) (int, error) {
	w.writing <- struct{}{}
	<-w.release
	return len(b), nil
}

type staticModel string

func (m staticModel) Init() tea.Cmd                       { return nil }
func (m staticModel) Update(tea.Msg) (tea.Model, tea.Cmd) { return m, nil }
func (m staticModel) View() string                        { return string(m) }

// A terminal whose network went away takes no more output once the SSH window is
// full, and a frame's write waits for it, for minutes: that wait holds the
// drawing program's goroutine, not a deep one every program shares.
func TestDeepGoroutinesDoNotWaitForATerminal(t *testing.T) {
	w := &blockedWriter{writing: make(chan struct{}), release: make(chan struct{})}
	// More screens than deep goroutines: those that found none free draw on
	// their own, and every deep goroutine that was free took one.
	screens := 4 * deepWorkers
	var wg sync.WaitGroup
	for range screens {
		wg.Add(1)
		go func() {
			defer wg.Done()
			NewFrames(w).Model(staticModel("a screen")).View()
		}()
	}
	for range screens {
		<-w.writing
	}
	defer func() {
		close(w.release)
		wg.Wait()
	}()
	c := &deepCall{fn: func() {}, done: make(chan *deepPanic, 1)}
	select {
	case deepCalls <- c:
		<-c.done
	case <-time.After(2 * time.Second):
		t.Error("every deep goroutine waits for a terminal that does not read")
	}
}

// runtime.Goexit in the function (t.FailNow in a test's View or Update) ends the
// caller's goroutine as it would have without deep: the caller waited for an answer
// that never came, for ever, and the deep goroutine it ran on was gone.
func TestDeepPassesAGoexitOnToTheCaller(t *testing.T) {
	for range deepWorkers + 1 {
		done := make(chan bool)
		go func() {
			after := false
			defer func() { done <- after }()
			deep(func() { runtime.Goexit() })
			after = true
		}()
		select {
		case after := <-done:
			if after {
				t.Fatal("the caller went on after its function's Goexit")
			}
		case <-time.After(5 * time.Second):
			t.Fatal("a Goexit in the function left its caller waiting")
		}
	}
	// As many deep goroutines as before.
	release := make(chan struct{})
	defer close(release)
	for i := range deepWorkers {
		c := &deepCall{fn: func() { <-release }, done: make(chan *deepPanic, 1)}
		select {
		case deepCalls <- c:
		case <-time.After(5 * time.Second):
			t.Fatalf("%d deep goroutines left of %d", i, deepWorkers)
		}
	}
}
