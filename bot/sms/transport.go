package sms

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// callTransport carries one send's HTTP calls. twilio-go builds its
// requests without a context and keeps no response headers on errors, so
// this gives each request the send's context, sends it to the configured
// target (a fake Twilio in tests), and keeps the status and Retry-After of
// the answer.
type callTransport struct {
	ctx    context.Context
	base   http.RoundTripper
	target *url.URL

	status     int
	retryAfter time.Duration
}

// RoundTrip sends req under the send's context.
func (t *callTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	r := req.Clone(t.ctx)
	if t.target != nil {
		r.URL.Scheme, r.URL.Host = t.target.Scheme, t.target.Host
		r.URL.Path = t.target.Path + r.URL.Path
		r.URL.RawPath = ""
		r.Host = ""
	}
	resp, err := t.base.RoundTrip(r)
	if err != nil {
		return nil, err
	}
	t.status = resp.StatusCode
	t.retryAfter = retryAfter(resp.Header.Get("Retry-After"), time.Now())
	if resp.StatusCode >= 400 {
		// twilio-go decodes an error answer but never closes its body,
		// which would hold the connection for good: read it here.
		b, err := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
		resp.Body.Close()
		if err != nil {
			return nil, err
		}
		resp.Body = io.NopCloser(bytes.NewReader(b))
	}
	return resp, nil
}

// maxErrorBody bounds the error answer kept for twilio-go to decode.
const maxErrorBody = 64 << 10

// retryAfter reads a Retry-After header: seconds or an HTTP date; 0 when
// absent or unreadable, at most maxRetryAfter.
func retryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	var d time.Duration
	if secs, err := strconv.Atoi(v); err == nil {
		d = time.Duration(min(max(secs, 0), int(maxRetryAfter/time.Second))) * time.Second
	} else if at, err := http.ParseTime(v); err == nil {
		d = at.Sub(now)
	}
	return min(max(d, 0), maxRetryAfter)
}
