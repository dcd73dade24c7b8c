package bot

import (
	"context"

	"github.com/northbrook/hubbot/dialog"
)

// Kind says what an inbound message carries.
type Kind string

// The kinds of inbound message a channel hands on.
const (
	KindText    Kind = "text"    // a typed message
	KindButton  Kind = "button"  // a tapped option (Telegram inline keyboard); Text is its value
	KindCommand Kind = "command" // a channel command such as Telegram's /start; Text is the command without "/"
	KindMedia   Kind = "media"   // a photo, sticker, voice note or anything without readable text
	KindStopped Kind = "stopped" // the family blocked the bot or left the channel: send nothing more
)

// Inbound is one message from a family, as a channel decoded it.
type Inbound struct {
	Channel   dialog.Channel
	Address   string // phone number, chat id or web session id: never logged
	MessageID string // the provider's id, for dedupe of retried webhooks
	Text      string
	Kind      Kind
}

// Handler takes an inbound message and commits it (dedupe, dialog step,
// replies into the outbox) before returning. An error wrapping
// dialog.ErrUnavailable means nothing was committed: the webhook answers
// 503 so the provider retries.
type Handler interface {
	Handle(ctx context.Context, in Inbound) error
}

// HandlerFunc adapts a function to a Handler.
type HandlerFunc func(ctx context.Context, in Inbound) error

// Handle calls f.
func (f HandlerFunc) Handle(ctx context.Context, in Inbound) error { return f(ctx, in) }
