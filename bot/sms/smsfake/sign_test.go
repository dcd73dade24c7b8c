package smsfake

import (
	"net/url"
	"testing"
)

// The worked examples: Twilio's security documentation, and the vector in
// twilio-go's own request_validator_test.go.
func TestSign(t *testing.T) {
	const docsURL = "https://mycompany.com/myapp.php?foo=1&bar=2"
	tests := []struct {
		label string
		token string
		url   string
		form  url.Values
		want  string
	}{
		{"twilio docs example", "12345", docsURL, url.Values{
			"CallSid": {"CA1234567890ABCDE"}, "Caller": {"+12349013030"}, "Digits": {"1234"},
			"From": {"+12349013030"}, "To": {"+18005551212"},
		}, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="},
		{"twilio-go test vector", "12345", docsURL, url.Values{
			"Digits": {"1234"}, "CallSid": {"CA1234567890ABCDE"}, "To": {"+18005551212"},
			"Caller": {"+14158675309"}, "From": {"+14158675309"},
			"ReasonConferenceEnded": {"test"}, "Reason": {"Participant"},
		}, "vOEb5UThFn24KEfnOFLQY2AE5FY="},
	}
	for _, tt := range tests {
		if got := Sign(tt.token, tt.url, tt.form); got != tt.want {
			t.Errorf("%s: Sign = %q, want %q", tt.label, got, tt.want)
		}
	}
}
