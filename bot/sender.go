// Package bot is hubbot's edge: the channels families write on (SMS,
// Telegram, web chat), the HTTP server that carries them, and the outbox
// that sends every reply exactly once.
package bot

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/northbrook/hubbot/dialog"
)

// Sender delivers one reply through a provider. It returns the provider's
// id for the message, or an error that says what to do next: a *RetryError
// to try again, ErrStopped when the family has left (opted out, blocked
// the bot), anything else is permanent.
type Sender interface {
	Send(ctx context.Context, ob dialog.Outbound) (providerID string, err error)
}

// ErrStopped means the family can no longer be reached on this channel
// (Twilio 21610, Telegram 403 "bot was blocked"): stop, do not retry.
var ErrStopped = errors.New("recipient has stopped this channel")

// RetryError is a temporary failure: rate limited (After says how long
// the provider asked us to wait), a 5xx, a timeout.
type RetryError struct {
	After time.Duration // 0 when the provider gave no hint
	Err   error
}

func (e *RetryError) Error() string {
	if e.After > 0 {
		return fmt.Sprintf("retry after %s: %v", e.After, e.Err)
	}
	return fmt.Sprintf("retry: %v", e.Err)
}

func (e *RetryError) Unwrap() error { return e.Err }

// Retry wraps err as temporary.
func Retry(after time.Duration, err error) error { return &RetryError{After: after, Err: err} }

// Delivery hears what became of replies: sent, delivered, failed, or the
// family stopped. The dialog engine implements it to update transcripts
// and opt families out.
type Delivery interface {
	Status(ctx context.Context, ob dialog.Outbound, status string)
	Stopped(ctx context.Context, ob dialog.Outbound)
}
