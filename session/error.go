package session

import (
	"context"
	"errors"
	"fmt"
	"sync"
)

// Error codes, so that callers map an error to one message per kind.
const (
	ENotFound  = "not_found"
	EInvalid   = "invalid"
	EForbidden = "forbidden"
	EConflict  = "conflict"
	ELimit     = "limit"
	EInternal  = "internal"
)

// Error is a domain error whose Message is safe to show to the person who caused it.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string { return fmt.Sprintf("%s: %s", e.Code, e.Message) }

// Errorf returns an *Error with the given code and message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of err, EInternal for errors that are not domain errors.
func ErrorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	if err == nil {
		return ""
	}
	return EInternal
}

// ErrorMessage returns what to tell a person about err; internal details stay in logs.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	if err == nil {
		return ""
	}
	// A screen's work is canceled when its connection ends: nobody is left to be
	// told, and it is no failure to log.
	if errors.Is(err, context.Canceled) {
		return genericMessage
	}
	for _, f := range internalHooks() {
		f(err)
	}
	return genericMessage
}

// genericMessage is what a person is told of an internal error.
const genericMessage = "Something went wrong on the server; nothing you entered before was lost. Please try again."

var (
	hooksMu sync.Mutex
	hooks   = map[*func(error)]bool{}
)

// OnInternalError has f see every internal error ErrorMessage turns into "Something
// went wrong" for a person: the screen hides its details, a log should hold them.
// Screens call ErrorMessage once per error they show, so f sees each once. Remove
// ends it.
func OnInternalError(f func(err error)) (remove func()) {
	hooksMu.Lock()
	defer hooksMu.Unlock()
	hooks[&f] = true
	return func() {
		hooksMu.Lock()
		defer hooksMu.Unlock()
		delete(hooks, &f)
	}
}

func internalHooks() []func(error) {
	hooksMu.Lock()
	defer hooksMu.Unlock()
	fs := make([]func(error), 0, len(hooks))
	for f := range hooks {
		fs = append(fs, *f)
	}
	return fs
}
