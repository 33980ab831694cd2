package tui

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
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
