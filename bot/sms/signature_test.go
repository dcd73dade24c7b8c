package sms

import (
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/northbrook/hubbot/bot/sms/smsfake"
)

// docsForm is the form of the worked example in Twilio's security
// documentation: auth token "12345", URL docsURL, signature docsSig.
func docsForm() url.Values {
	return url.Values{
		"CallSid": {"CA1234567890ABCDE"}, "Caller": {"+12349013030"}, "Digits": {"1234"},
		"From": {"+12349013030"}, "To": {"+18005551212"},
	}
}

const (
	docsToken = "12345"
	docsURL   = "https://mycompany.com/myapp.php?foo=1&bar=2"
	docsSig   = "0/KCTR6DLpKmkAf8muzZqo1nDgQ="
	// the vector in twilio-go's own client/request_validator_test.go
	sdkSig = "vOEb5UThFn24KEfnOFLQY2AE5FY="
)

func sdkForm() url.Values {
	return url.Values{
		"Digits": {"1234"}, "CallSid": {"CA1234567890ABCDE"}, "To": {"+18005551212"},
		"Caller": {"+14158675309"}, "From": {"+14158675309"},
		"ReasonConferenceEnded": {"test"}, "Reason": {"Participant"},
	}
}

func TestVerifier(t *testing.T) {
	tests := []struct {
		label  string
		token  string
		public string // configured public base URL
		target string // what the request line and Host say
		form   url.Values
		sig    string
		want   bool
	}{
		{"twilio docs example", docsToken, "https://mycompany.com", docsURL, docsForm(), docsSig, true},
		{"twilio-go test vector", docsToken, "https://mycompany.com", docsURL, sdkForm(), sdkSig, true},
		{"trailing slash on the public URL", docsToken, "https://mycompany.com/", docsURL, docsForm(), docsSig, true},
		{"explicit default port", docsToken, "https://mycompany.com:443", docsURL, docsForm(), docsSig, true},
		{"host header is not trusted: public URL is", docsToken, "https://mycompany.com",
			"http://internal:8080/myapp.php?foo=1&bar=2", docsForm(), docsSig, true},
		{"path prefix stripped by a proxy", docsToken, "https://mycompany.com/hub",
			"http://internal/myapp.php?foo=1&bar=2", docsForm(), smsfake.Sign(docsToken, "https://mycompany.com/hub/myapp.php?foo=1&bar=2", docsForm()), true},
		{"wrong token", "54321", "https://mycompany.com", docsURL, docsForm(), docsSig, false},
		{"another public host", docsToken, "https://evil.example", docsURL, docsForm(), docsSig, false},
		{"http instead of https", docsToken, "http://mycompany.com", docsURL, docsForm(), docsSig, false},
		{"query changed", docsToken, "https://mycompany.com", "https://mycompany.com/myapp.php?foo=2&bar=2", docsForm(), docsSig, false},
		{"path changed", docsToken, "https://mycompany.com", "https://mycompany.com/other.php?foo=1&bar=2", docsForm(), docsSig, false},
		{"param changed", docsToken, "https://mycompany.com", docsURL, with(docsForm(), "Digits", "9999"), docsSig, false},
		{"param added", docsToken, "https://mycompany.com", docsURL, with(docsForm(), "Body", "hi"), docsSig, false},
		{"param removed", docsToken, "https://mycompany.com", docsURL, without(docsForm(), "Digits"), docsSig, false},
		{"missing signature", docsToken, "https://mycompany.com", docsURL, docsForm(), "", false},
		{"garbage signature", docsToken, "https://mycompany.com", docsURL, docsForm(), "not base64!", false},
		{"empty token refuses even a signature made with it", "", "https://mycompany.com", docsURL, docsForm(),
			smsfake.Sign("", docsURL, docsForm()), false},
		{"unusable public URL refuses", docsToken, "mycompany.com", docsURL, docsForm(), docsSig, false},
	}
	for _, tt := range tests {
		t.Run(tt.label, func(t *testing.T) {
			v := newVerifier(tt.token, tt.public)
			r := httptest.NewRequest("POST", tt.target, strings.NewReader(tt.form.Encode()))
			if got := v.ok(r, tt.form, tt.sig); got != tt.want {
				t.Errorf("ok = %v, want %v (signed URL %q)", got, tt.want, v.url(r))
			}
		})
	}
}

func with(f url.Values, k, v string) url.Values { f.Set(k, v); return f }
func without(f url.Values, k string) url.Values { f.Del(k); return f }
