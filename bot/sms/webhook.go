// Package sms carries hubbot's SMS channel through Twilio: a webhook that
// checks Twilio's signature and hands each text to the dialog, a webhook
// for delivery receipts, and a Sender that posts replies through Twilio's
// REST API in GSM-7 where it can.
package sms

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/northbrook/hubbot/bot"
	"github.com/northbrook/hubbot/dialog"
)

// Routes the webhooks are meant to be mounted on; the Sender points status
// callbacks at StatusPath under its callback base URL.
const (
	InboundPath = "/sms/inbound"
	StatusPath  = "/sms/status"
)

// MaxBody bounds a webhook's form body; Twilio's are a few KiB at most.
const MaxBody = 64 << 10

// maxField bounds ids and addresses taken from a form.
const maxField = 128

// emptyTwiML answers a webhook without replying inline: replies go out
// through the outbox and the REST API.
const emptyTwiML = `<?xml version="1.0" encoding="UTF-8"?><Response></Response>`

// Webhook receives the texts families send to the hub's number (Twilio's
// "A message comes in" webhook, a form POST) and hands each to a
// bot.Handler. It answers empty TwiML once the handler has committed the
// message, 503 when the store is unavailable so that Twilio retries, and
// 403 to a request without a valid Twilio signature, which it does not
// process. It never logs a phone number or a message body.
type Webhook struct {
	verify  verifier
	handler bot.Handler
	log     *slog.Logger
	hashKey []byte // keys the short hashes that stand for numbers in logs
}

// NewWebhook returns the inbound webhook. authToken is the Twilio auth
// token that signs webhooks; publicURL is the base URL Twilio is configured
// to call (scheme and host, and any path prefix a proxy strips), to which
// the request's path and query are added to check the signature. With an
// empty token or an unusable publicURL every request is refused.
func NewWebhook(authToken, publicURL string, h bot.Handler, log *slog.Logger) *Webhook {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	v := newVerifier(authToken, publicURL)
	if v.base == "" {
		log.Error("sms: webhook has no auth token or no usable public URL; refusing every request")
	}
	return &Webhook{verify: v, handler: h, log: log, hashKey: newHashKey()}
}

// ServeHTTP handles one inbound message webhook.
func (wh *Webhook) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	form, status := readSigned(w, r, wh.verify)
	if status != http.StatusOK {
		wh.log.Warn("sms: inbound webhook refused", "status", status)
		http.Error(w, http.StatusText(status), status)
		return
	}
	sid, from := form.Get("MessageSid"), form.Get("From")
	if sid == "" || from == "" || len(sid) > maxField || len(from) > maxField {
		wh.log.Warn("sms: inbound webhook without a usable MessageSid or From")
		http.Error(w, "MessageSid and From are required", http.StatusBadRequest)
		return
	}
	in := bot.Inbound{
		Channel:   dialog.ChannelSMS,
		Address:   from,
		MessageID: sid,
		Kind:      bot.KindText,
		Text:      strings.TrimSpace(strings.ToValidUTF8(form.Get("Body"), "\uFFFD")),
	}
	if media, _ := strconv.Atoi(form.Get("NumMedia")); media > 0 && in.Text == "" {
		in.Kind = bot.KindMedia
	}
	log := wh.log.With("sid", sid, "from", shortHash(wh.hashKey, from), "kind", in.Kind)
	err := wh.handler.Handle(r.Context(), in)
	switch {
	case errors.Is(err, dialog.ErrUnavailable):
		log.Warn("sms: store unavailable; Twilio will retry", "err", err)
		http.Error(w, http.StatusText(http.StatusServiceUnavailable), http.StatusServiceUnavailable)
		return
	case err != nil:
		// Retrying cannot help a message the dialog cannot take: answer
		// as accepted so Twilio does not loop on it.
		log.Error("sms: inbound message could not be handled; dropped", "err", err)
	default:
		log.Debug("sms: inbound message handled")
	}
	writeTwiML(w)
}

// readSigned reads a webhook's form body and checks its signature. It
// returns the form and 200, or the status to refuse the request with.
func readSigned(w http.ResponseWriter, r *http.Request, v verifier) (url.Values, int) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		return nil, http.StatusMethodNotAllowed
	}
	signature := r.Header.Get(SignatureHeader)
	if signature == "" {
		return nil, http.StatusForbidden
	}
	if ct, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || ct != "application/x-www-form-urlencoded" {
		return nil, http.StatusUnsupportedMediaType
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBody))
	if err != nil {
		if _, tooBig := errors.AsType[*http.MaxBytesError](err); tooBig {
			return nil, http.StatusRequestEntityTooLarge
		}
		return nil, http.StatusBadRequest
	}
	form, err := url.ParseQuery(string(body))
	if err != nil {
		return nil, http.StatusBadRequest
	}
	if !v.ok(r, form, signature) {
		return nil, http.StatusForbidden
	}
	return form, http.StatusOK
}

func writeTwiML(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	_, _ = io.WriteString(w, emptyTwiML)
}

// newHashKey makes the key for log hashes: random for each process, so a
// hash links one family's lines in a log and nothing else.
func newHashKey() []byte {
	k := make([]byte, 32)
	_, _ = rand.Read(k)
	return k
}

// shortHash stands for a phone number in logs.
func shortHash(key []byte, s string) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(s))
	return hex.EncodeToString(m.Sum(nil)[:4])
}
