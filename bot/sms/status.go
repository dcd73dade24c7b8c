package sms

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"strings"

	"github.com/northbrook/hubbot/dialog"
)

// StatusStopped is the status a StatusSink hears when Twilio reports that
// the family has opted out (error 21610): stop sending to them.
const StatusStopped = "stopped"

// errOptedOut is Twilio's error code for a recipient who has opted out.
const errOptedOut = "21610"

// StatusSink hears delivery receipts for replies: the reply's own id and
// conversation (from the callback URL the Sender set, so a receipt that
// arrives before the send call returns still matches), Twilio's status
// (queued, sent, delivered, undelivered, failed...) or StatusStopped, and
// Twilio's error code if any. An error wrapping dialog.ErrUnavailable is
// answered 503.
type StatusSink interface {
	SMSStatus(ctx context.Context, convID, replyID, status, errorCode string) error
}

// StatusWebhook receives Twilio's status callbacks for the replies the
// Sender sent (POST StatusPath?reply=<id>&conv=<id>), checks their
// signature as Webhook does, and tells a StatusSink.
type StatusWebhook struct {
	verify verifier
	sink   StatusSink
	log    *slog.Logger
}

// NewStatusWebhook returns the status callback webhook; authToken and
// publicURL are as for NewWebhook.
func NewStatusWebhook(authToken, publicURL string, sink StatusSink, log *slog.Logger) *StatusWebhook {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	v := newVerifier(authToken, publicURL)
	if v.base == "" {
		log.Error("sms: status webhook has no auth token or no usable public URL; refusing every request")
	}
	return &StatusWebhook{verify: v, sink: sink, log: log}
}

// ServeHTTP handles one status callback.
func (sw *StatusWebhook) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	form, status := readSigned(w, r, sw.verify)
	if status != http.StatusOK {
		sw.log.Warn("sms: status callback refused", "status", status)
		http.Error(w, http.StatusText(status), status)
		return
	}
	q := r.URL.Query()
	reply, conv := q.Get("reply"), q.Get("conv")
	st, code := form.Get("MessageStatus"), form.Get("ErrorCode")
	if reply == "" || conv == "" || !plainWord(st) || len(reply) > maxField || len(conv) > maxField || len(code) > 16 {
		sw.log.Warn("sms: status callback without reply, conv or a usable MessageStatus")
		http.Error(w, "reply, conv and MessageStatus are required", http.StatusBadRequest)
		return
	}
	if code == errOptedOut {
		st = StatusStopped
	}
	log := sw.log.With("conv", conv, "reply", reply, "status", st, "error_code", code)
	err := sw.sink.SMSStatus(r.Context(), conv, reply, st, code)
	switch {
	case errors.Is(err, dialog.ErrUnavailable):
		log.Warn("sms: store unavailable for a status callback", "err", err)
		http.Error(w, http.StatusText(http.StatusServiceUnavailable), http.StatusServiceUnavailable)
		return
	case err != nil:
		log.Error("sms: status callback could not be recorded; dropped", "err", err)
	default:
		log.Debug("sms: status recorded")
	}
	writeTwiML(w)
}

// plainWord reports whether s looks like a Twilio status: 1-32 lower-case
// letters and underscores.
func plainWord(s string) bool {
	if s == "" || len(s) > 32 {
		return false
	}
	for _, c := range s {
		if (c < 'a' || c > 'z') && c != '_' {
			return false
		}
	}
	return true
}

// StatusURL is the status callback URL for a reply: base (the public URL
// the status webhook is reached at) plus StatusPath, with the reply's and
// conversation's ids.
func StatusURL(base, replyID, convID string) string {
	return strings.TrimRight(base, "/") + StatusPath +
		"?reply=" + url.QueryEscape(replyID) + "&conv=" + url.QueryEscape(convID)
}
