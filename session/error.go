package session

import (
	"context"
	"errors"
	"fmt"
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
	return "Something went wrong on the server; nothing you entered before was lost. Please try again."
}

// Internal reports whether err is an internal error, one ErrorMessage turns into
// "Something went wrong" and a log should hold. A canceled one is not: work is
// canceled when its connection ends, and then nobody is left to be told.
func Internal(err error) bool {
	var e *Error
	return err != nil && !errors.As(err, &e) && !errors.Is(err, context.Canceled)
}

// Tell returns what to tell a person about err, as ErrorMessage does, and hands an
// internal error (see Internal) to failed, when set, so that a log holds what the
// person is not shown.
func Tell(err error, failed func(error)) string {
	if Internal(err) && failed != nil {
		failed(err)
	}
	return ErrorMessage(err)
}
