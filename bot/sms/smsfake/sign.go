// Package smsfake is a fake Twilio for tests: an httptest server that speaks
// the Messages API (the request form and JSON answers of the real one),
// records what it is sent and can be told to fail, and helpers that sign
// webhook requests as Twilio does.
package smsfake

import (
	"context"
	"crypto/hmac"
	"crypto/sha1"
	"encoding/base64"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
)

// Sign computes Twilio's X-Twilio-Signature for a webhook POST: HMAC-SHA1,
// keyed with the auth token, of the full URL Twilio calls followed by each
// form key (sorted) and its values, base64-encoded.
func Sign(authToken, fullURL string, form url.Values) string {
	keys := make([]string, 0, len(form))
	for k := range form {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString(fullURL)
	for _, k := range keys {
		for _, v := range form[k] {
			b.WriteString(k)
			b.WriteString(v)
		}
	}
	m := hmac.New(sha1.New, []byte(authToken))
	m.Write([]byte(b.String()))
	return base64.StdEncoding.EncodeToString(m.Sum(nil))
}

// InboundForm is the form Twilio posts to a messaging webhook for an SMS
// from a family.
func InboundForm(accountSID, messageSID, from, to, body string) url.Values {
	return url.Values{
		"ToCountry":     {"GB"},
		"ToState":       {""},
		"SmsMessageSid": {messageSID},
		"NumMedia":      {"0"},
		"ToCity":        {""},
		"FromZip":       {""},
		"SmsSid":        {messageSID},
		"FromState":     {""},
		"SmsStatus":     {"received"},
		"FromCity":      {""},
		"Body":          {body},
		"FromCountry":   {"GB"},
		"To":            {to},
		"ToZip":         {""},
		"NumSegments":   {"1"},
		"MessageSid":    {messageSID},
		"AccountSid":    {accountSID},
		"From":          {from},
		"ApiVersion":    {"2010-04-01"},
	}
}

// NewRequest builds a webhook POST to fullURL carrying form, signed with
// authToken as Twilio would sign it.
func NewRequest(ctx context.Context, authToken, fullURL string, form url.Values) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, fullURL, strings.NewReader(form.Encode()))
	if err != nil {
		return nil, fmt.Errorf("smsfake: request: %w", err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
	req.Header.Set("X-Twilio-Signature", Sign(authToken, fullURL, form))
	req.Header.Set("User-Agent", "TwilioProxy/1.1")
	return req, nil
}

// Post sends a signed webhook POST with c (http.DefaultClient when nil).
func Post(ctx context.Context, c *http.Client, authToken, fullURL string, form url.Values) (*http.Response, error) {
	req, err := NewRequest(ctx, authToken, fullURL, form)
	if err != nil {
		return nil, err
	}
	if c == nil {
		c = http.DefaultClient
	}
	resp, err := c.Do(req)
	if err != nil {
		return nil, fmt.Errorf("smsfake: post: %w", err)
	}
	return resp, nil
}
