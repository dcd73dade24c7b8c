package inbox

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/northbrook/hubbot/dialog"
)

// Error codes, as in benbjohnson/wtf: each maps to one HTTP status, and every
// code but EINTERNAL is the caller's doing, so its message is shown as is.
const (
	ECONFLICT     = "conflict"     // the conversation moved on (409)
	EFORBIDDEN    = "forbidden"    // not yours to see or do (403)
	EINTERNAL     = "internal"     // anything unexpected (500, "Internal error.")
	EINVALID      = "invalid"      // a form that does not make sense (400)
	ENOTFOUND     = "not_found"    // no such conversation or page (404)
	EUNAVAILABLE  = "unavailable"  // Redis or the store cannot be reached (503)
	EUNAUTHORIZED = "unauthorized" // wrong email or password (401)
	ELOCKED       = "locked"       // too many failed logins (429)
)

// Error is an error whose message a practitioner may read. Conversations
// implementations return one (made with Errorf) for a refusal the
// practitioner should understand, for example Errorf(ECONFLICT, "The family
// has stopped messages.").
type Error struct {
	Code    string
	Message string
}

// Error returns the message with its code, for logs.
func (e *Error) Error() string {
	return fmt.Sprintf("inbox error: code=%s message=%s", e.Code, e.Message)
}

// Errorf returns an *Error with the code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain. Errors
// wrapping dialog.ErrNotFound are ENOTFOUND, dialog.ErrUnavailable
// EUNAVAILABLE, and anything else EINTERNAL; nil is "".
func ErrorCode(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Code
	case errors.Is(err, dialog.ErrNotFound):
		return ENOTFOUND
	case errors.Is(err, dialog.ErrUnavailable):
		return EUNAVAILABLE
	}
	return EINTERNAL
}

// ErrorMessage returns what a practitioner is shown for err: the message of
// its *Error, a fixed sentence for the well-known dialog errors, and
// "Internal error." for anything else, so internal text never reaches a
// browser.
func ErrorMessage(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Message
	case errors.Is(err, dialog.ErrNotFound):
		return "That conversation is no longer kept."
	case errors.Is(err, dialog.ErrUnavailable):
		return "The inbox cannot reach its store just now. Try again in a minute."
	}
	return "Internal error."
}

// statusOf maps an error code to its HTTP status.
func statusOf(code string) int {
	switch code {
	case ECONFLICT:
		return http.StatusConflict
	case EFORBIDDEN:
		return http.StatusForbidden
	case EINVALID:
		return http.StatusBadRequest
	case ENOTFOUND:
		return http.StatusNotFound
	case EUNAVAILABLE:
		return http.StatusServiceUnavailable
	case EUNAUTHORIZED:
		return http.StatusUnauthorized
	case ELOCKED:
		return http.StatusTooManyRequests
	}
	return http.StatusInternalServerError
}
