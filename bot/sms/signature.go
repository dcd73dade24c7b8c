package sms

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/twilio/twilio-go/client"
)

// SignatureHeader carries Twilio's HMAC-SHA1 signature of a webhook.
const SignatureHeader = "X-Twilio-Signature"

// verifier checks that a webhook came from Twilio: the signature must match
// the URL Twilio called (the configured public base URL plus the request's
// path and query, never the Host header) and the POSTed form.
type verifier struct {
	validator client.RequestValidator
	base      string // public base URL without a trailing slash; "" refuses all
}

func newVerifier(authToken, publicURL string) verifier {
	base := strings.TrimRight(publicURL, "/")
	if u, err := url.Parse(base); err != nil || authToken == "" || u.Host == "" ||
		(u.Scheme != "https" && u.Scheme != "http") {
		base = "" // misconfigured: fail closed rather than accept anything
	}
	return verifier{validator: client.NewRequestValidator(authToken), base: base}
}

// ok reports whether signature is Twilio's for r and its form. The form is
// the POST body only; query parameters are signed as part of the URL. A
// key sent twice is checked with its first value, the one the webhooks
// read, so a value appended to a signed request changes nothing they use.
func (v verifier) ok(r *http.Request, form url.Values, signature string) bool {
	if v.base == "" || signature == "" {
		return false
	}
	params := make(map[string]string, len(form))
	for k, vs := range form {
		if len(vs) > 0 {
			params[k] = vs[0]
		}
	}
	return v.validator.Validate(v.url(r), params, signature)
}

// url is the address Twilio signed: the public base URL, then the path and
// query the request arrived with.
func (v verifier) url(r *http.Request) string {
	return v.base + r.URL.RequestURI()
}
