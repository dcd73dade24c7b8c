package telegram

import (
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"io"
	"net/http"

	"github.com/northbrook/hubbot/bot"
)

// SecretHeader is the header in which Telegram sends back the webhook's
// secret token.
const SecretHeader = "X-Telegram-Bot-Api-Secret-Token"

// DefaultMaxBody bounds a webhook body when WebhookOptions leave it zero.
const DefaultMaxBody = 256 << 10

// WebhookOptions configure a Webhook. Secret is required.
type WebhookOptions struct {
	Options
	// Secret is the secret_token given to setWebhook (1-256 of A-Z a-z
	// 0-9 _ -); every update must carry it.
	Secret string
	// MaxBody bounds a request body in bytes; default DefaultMaxBody.
	MaxBody int64
}

// Webhook receives Telegram updates (POST /telegram/webhook). Unlike
// go-telegram/bot's own WebhookHandler, it answers a wrong or missing
// secret token with 401, compares it in constant time, and answers 200
// only after the Handler committed the update, so nothing Telegram
// considers delivered is lost:
//
//	405 not POST; 401 wrong or missing secret (nothing read or processed);
//	413 body over MaxBody; 400 not JSON, or no update_id;
//	503 the Handler's store is unavailable (Telegram delivers it again);
//	200 everything else, including updates the Handler failed on (logged
//	and counted) and updates the Telegram models cannot read, so one bad
//	update never blocks the queue behind it.
type Webhook struct {
	proc    *processor
	secret  [sha256.Size]byte
	maxBody int64
}

// NewWebhook returns a Webhook that hands updates to h and uses api to
// answer callback queries and refuse groups.
func NewWebhook(h bot.Handler, api *Sender, opts WebhookOptions) (*Webhook, error) {
	if opts.Secret == "" {
		return nil, errors.New("telegram webhook: a secret token is required")
	}
	proc, err := newProcessor(h, api, opts.Options)
	if err != nil {
		return nil, err
	}
	if opts.MaxBody <= 0 {
		opts.MaxBody = DefaultMaxBody
	}
	return &Webhook{proc: proc, secret: sha256.Sum256([]byte(opts.Secret)), maxBody: opts.MaxBody}, nil
}

// ServeHTTP handles one update delivery.
func (wh *Webhook) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	// Hashing both sides first makes the comparison take the same time
	// whatever the length of the token sent.
	got := sha256.Sum256([]byte(r.Header.Get(SecretHeader)))
	if len(r.Header.Values(SecretHeader)) != 1 || subtle.ConstantTimeCompare(got[:], wh.secret[:]) != 1 {
		wh.proc.count(EventUnauthorized)
		wh.proc.opts.Log.Warn("telegram webhook: wrong or missing secret token")
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, wh.maxBody))
	if err != nil {
		wh.proc.count(EventBadRequest)
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
			return
		}
		http.Error(w, "cannot read request body", http.StatusBadRequest)
		return
	}
	u, id, err := decodeUpdate(body)
	switch {
	case errors.Is(err, errUndecodable):
		wh.proc.count(EventUndecodable)
		wh.proc.opts.Log.Warn("telegram webhook: update not readable; acknowledged and skipped", "update_id", id, "err", err)
		w.WriteHeader(http.StatusOK)
		return
	case err != nil:
		wh.proc.count(EventBadRequest)
		http.Error(w, "not a Telegram update", http.StatusBadRequest)
		return
	}
	if err := wh.proc.process(r.Context(), u); err != nil {
		w.Header().Set("Retry-After", "5")
		http.Error(w, "temporarily unavailable", http.StatusServiceUnavailable)
		return
	}
	w.WriteHeader(http.StatusOK)
}
