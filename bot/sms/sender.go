package sms

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/twilio/twilio-go/client"
	openapi "github.com/twilio/twilio-go/rest/api/v2010"

	"github.com/northbrook/hubbot/bot"
	"github.com/northbrook/hubbot/bot/gsm7"
	"github.com/northbrook/hubbot/dialog"
)

// Twilio error codes the Sender acts on.
const (
	codeOptedOut    = 21610 // the recipient has opted out: stop
	codeTooMany     = 20429 // too many requests
	codeChannelRate = 63018 // rate limit exceeded for the channel
)

// DefaultTimeout bounds one send when the caller's context does not.
const DefaultTimeout = 10 * time.Second

// maxRetryAfter caps how long a Retry-After may hold a reply back.
const maxRetryAfter = time.Hour

// Sender sends replies as SMS through Twilio's REST API (twilio-go). It
// implements bot.Sender: rate limits (429, 63018) come back as a
// *bot.RetryError carrying Retry-After, 5xx, timeouts and connection
// failures as a *bot.RetryError without a wait, an opted-out recipient
// (21610) as bot.ErrStopped, and any other rejection as a permanent error.
type Sender struct {
	accountSID, authToken string
	from                  string // a number, or a Messaging Service SID (MG...)
	statusBase            string // public base URL for status callbacks; "" sets none

	transport    http.RoundTripper
	timeout      time.Duration
	target       *url.URL // where API calls go instead of Twilio (a fake); nil for Twilio
	edge, region string
	err          error // a bad option: every send fails with it
}

// Option configures a Sender.
type Option func(*Sender)

// WithHTTPClient sends through c's Transport, and bounds each send by c's
// Timeout when it has one.
func WithHTTPClient(c *http.Client) Option {
	return func(s *Sender) {
		if c == nil {
			return
		}
		if c.Transport != nil {
			s.transport = c.Transport
		}
		if c.Timeout > 0 {
			s.timeout = c.Timeout
		}
	}
}

// WithBaseURL sends every API call to base (scheme, host and an optional
// path prefix) instead of https://api.twilio.com: for a fake Twilio API in
// tests, or a proxy.
func WithBaseURL(base string) Option {
	return func(s *Sender) {
		u, err := url.Parse(base)
		if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
			s.err = fmt.Errorf("sms: base URL %q: not an http(s) URL", base)
			return
		}
		u.Path = strings.TrimRight(u.Path, "/")
		s.target = u
	}
}

// WithEdge picks Twilio's edge location and processing region (for
// example "dublin" and "ie1"); by default the SDK's own choice applies.
func WithEdge(edge, region string) Option {
	return func(s *Sender) { s.edge, s.region = edge, region }
}

// NewSender returns a Sender for the account, sending from a number (or a
// Messaging Service SID beginning "MG"). statusCallbackBase is the public
// base URL of the StatusWebhook; each reply's callback goes to StatusURL.
func NewSender(accountSID, authToken, from, statusCallbackBase string, opts ...Option) *Sender {
	s := &Sender{
		accountSID: accountSID, authToken: authToken, from: from, statusBase: statusCallbackBase,
		transport: http.DefaultTransport, timeout: DefaultTimeout,
	}
	for _, o := range opts {
		o(s)
	}
	return s
}

// Send renders ob's text for SMS (gsm7.Render; within two segments unless
// ob.MoreOK) and posts it to ob.Address. Options are not added: the dialog
// writes numbered choices into the text. It returns Twilio's message SID;
// a message Twilio accepted but answered unreadably counts as sent, with
// an empty SID, so that it is not sent twice.
func (s *Sender) Send(ctx context.Context, ob dialog.Outbound) (string, error) {
	if s.err != nil {
		return "", s.err
	}
	if ob.Address == "" {
		return "", errors.New("sms: send: reply has no address")
	}
	body, _, _ := gsm7.Render(ob.Text, ob.MoreOK)
	if body == "" {
		return "", errors.New("sms: send: nothing left to send once rendered for SMS")
	}
	params := (&openapi.CreateMessageParams{}).SetTo(ob.Address).SetBody(body)
	if strings.HasPrefix(s.from, "MG") {
		params.SetMessagingServiceSid(s.from)
	} else {
		params.SetFrom(s.from)
	}
	if s.statusBase != "" {
		params.SetStatusCallback(StatusURL(s.statusBase, ob.ID, ob.ConvID))
	}

	ctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	call := &callTransport{ctx: ctx, base: s.transport, target: s.target}
	msg, err := s.api(call).CreateMessage(params)
	switch {
	case err == nil && msg.Sid != nil:
		return *msg.Sid, nil
	case call.status >= 200 && call.status < 300:
		return "", nil // accepted; the answer did not decode
	case err == nil:
		return "", errors.New("sms: send: Twilio answered without a message")
	}
	return "", classify(err, call)
}

// api builds a twilio-go API client whose HTTP calls go through call.
// Each send has its own, so that the call's context and response headers
// stay with it; building one is a few small allocations.
func (s *Sender) api(call *callTransport) *openapi.ApiService {
	c := &client.Client{
		Credentials: client.NewCredentials(s.accountSID, s.authToken),
		HTTPClient: &http.Client{
			Transport:     call,
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		},
	}
	c.SetAccountSid(s.accountSID)
	return openapi.NewApiService(&client.RequestHandler{Client: c, Edge: s.edge, Region: s.region})
}

// classify says what the outbox should do about a failed send.
func classify(err error, call *callTransport) error {
	status, code := call.status, 0
	if te, ok := errors.AsType[*client.TwilioRestError](err); ok {
		code = te.Code
		if status == 0 {
			status = te.Status
		}
	}
	switch {
	case code == codeOptedOut:
		return fmt.Errorf("sms: send: recipient opted out: %w: %w", bot.ErrStopped, err)
	case status == http.StatusTooManyRequests || code == codeTooMany || code == codeChannelRate:
		return bot.Retry(call.retryAfter, fmt.Errorf("sms: send: rate limited: %w", err))
	case status >= 500:
		return bot.Retry(0, fmt.Errorf("sms: send: Twilio failed (%d): %w", status, err))
	case status == 0:
		return bot.Retry(0, fmt.Errorf("sms: send: no answer from Twilio: %w", err))
	}
	return fmt.Errorf("sms: send: rejected by Twilio (%d): %w", status, err)
}
