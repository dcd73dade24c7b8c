package main

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"time"

	"github.com/caarlos0/env/v11"
)

// Config is all of hubbot's configuration, read from HUBBOT_* environment
// variables. Every field has a default that works on a developer's machine;
// the `help` tag is what README.md's configuration table says.
type Config struct {
	Addr      string `env:"HUBBOT_ADDR" envDefault:"127.0.0.1:8080" help:"address the channels, web chat and staff inbox listen on"`
	AdminAddr string `env:"HUBBOT_ADMIN_ADDR" envDefault:"127.0.0.1:9090" help:"address of the admin listener (metrics, health)"`
	PublicURL string `env:"HUBBOT_PUBLIC_URL" envDefault:"http://127.0.0.1:8080" help:"the URL providers call; Twilio signatures are checked against it"`
	LogLevel  string `env:"HUBBOT_LOG_LEVEL" envDefault:"info" help:"debug, info, warn or error"`

	RedisURL     string `env:"HUBBOT_REDIS_URL" help:"Redis to keep conversations in (also read from REDIS_URL); empty runs an in-process store that forgets everything on restart"`
	EmbeddedAddr string `env:"HUBBOT_EMBEDDED_ADDR" envDefault:"127.0.0.1:6390" help:"where the in-process store listens when HUBBOT_REDIS_URL is empty, so hubbot staff and hubbot report reach a running hubbot serve"`
	HMACKey      string `env:"HUBBOT_HMAC_KEY" help:"secret keying the HMAC of family addresses in Redis keys; required with a real Redis"`

	Offer        string `env:"HUBBOT_OFFER" help:"local offer to serve: an Open Referral UK file or API base URL; empty serves the bundled Northbrook sample"`
	OfferVersion string `env:"HUBBOT_OFFER_VERSION" help:"force the feed version (oruk-1 or oruk-3) when it cannot be told from the data"`
	Directory    string `env:"HUBBOT_PRACTITIONERS" help:"practitioners and hub details JSON file; empty uses the bundled Northbrook sample"`
	IndexDir     string `env:"HUBBOT_INDEX_DIR" help:"keep the search index on disk under this directory; empty keeps it in memory"`

	TwilioAccountSID string  `env:"HUBBOT_TWILIO_ACCOUNT_SID" help:"Twilio account SID; with the auth token and number, turns the SMS channel on"`
	TwilioAuthToken  string  `env:"HUBBOT_TWILIO_AUTH_TOKEN" help:"Twilio auth token: signs webhooks and authorises sends"`
	TwilioFrom       string  `env:"HUBBOT_TWILIO_FROM" help:"the hub's number (E.164) or a Messaging Service SID (MG...)"`
	TwilioAPIURL     string  `env:"HUBBOT_TWILIO_API_URL" help:"Twilio REST API base URL (tests point it at a fake)"`
	SMSPerSecond     float64 `env:"HUBBOT_SMS_PER_SECOND" envDefault:"1" help:"sends a second from the hub's number (Twilio's rate for a long code is 1)"`

	TelegramToken  string `env:"HUBBOT_TELEGRAM_TOKEN" help:"Telegram bot token; turns the Telegram channel on"`
	TelegramMode   string `env:"HUBBOT_TELEGRAM_MODE" envDefault:"poll" help:"webhook (behind HTTPS) or poll (long polling, for local runs)"`
	TelegramSecret string `env:"HUBBOT_TELEGRAM_SECRET" help:"secret token Telegram sends with each webhook update; required in webhook mode"`
	TelegramAPIURL string `env:"HUBBOT_TELEGRAM_API_URL" help:"Telegram Bot API base URL (tests point it at a fake)"`

	Retention    time.Duration `env:"HUBBOT_RETENTION" envDefault:"720h" help:"how long a family's conversation is kept after its last message"`
	CheckinAfter time.Duration `env:"HUBBOT_CHECKIN_AFTER" envDefault:"336h" help:"when to ask a signposted family whether they got help (0 turns it off)"`
	TimeZone     string        `env:"HUBBOT_TIMEZONE" envDefault:"Europe/London" help:"the hub's time zone for opening hours"`
	BankHolidays []string      `env:"HUBBOT_BANK_HOLIDAYS" envSeparator:"," help:"dates (YYYY-MM-DD, comma separated) the hub is closed"`
}

// LoadConfig reads the configuration from the environment, naming the
// variable when a value is malformed.
func LoadConfig(getenv func(string) string) (Config, error) {
	var c Config
	vars := map[string]string{}
	for _, key := range configKeys() {
		if v := getenv(key); v != "" {
			vars[key] = v
		}
	}
	if _, ok := vars["HUBBOT_REDIS_URL"]; !ok {
		if v := getenv("REDIS_URL"); v != "" {
			vars["HUBBOT_REDIS_URL"] = v
		}
	}
	if err := env.ParseWithOptions(&c, env.Options{Environment: vars}); err != nil {
		return c, configError(err)
	}
	switch strings.ToLower(c.LogLevel) {
	case "debug", "info", "warn", "error":
	default:
		return c, fmt.Errorf("config: HUBBOT_LOG_LEVEL=%q: want debug, info, warn or error", c.LogLevel)
	}
	if _, err := time.LoadLocation(c.TimeZone); err != nil {
		return c, fmt.Errorf("config: HUBBOT_TIMEZONE=%q: %w", c.TimeZone, err)
	}
	for _, d := range c.BankHolidays {
		if _, err := time.Parse(time.DateOnly, strings.TrimSpace(d)); err != nil {
			return c, fmt.Errorf("config: HUBBOT_BANK_HOLIDAYS: %q is not a YYYY-MM-DD date", d)
		}
	}
	switch c.TelegramMode {
	case "poll", "webhook":
	default:
		return c, fmt.Errorf("config: HUBBOT_TELEGRAM_MODE=%q: want poll or webhook", c.TelegramMode)
	}
	if c.TelegramToken != "" && c.TelegramMode == "webhook" && c.TelegramSecret == "" {
		return c, fmt.Errorf("config: HUBBOT_TELEGRAM_SECRET is required with HUBBOT_TELEGRAM_MODE=webhook")
	}
	if (c.TwilioAccountSID != "" || c.TwilioAuthToken != "" || c.TwilioFrom != "") && (c.TwilioAccountSID == "" || c.TwilioAuthToken == "" || c.TwilioFrom == "") {
		return c, fmt.Errorf("config: the SMS channel needs all of HUBBOT_TWILIO_ACCOUNT_SID, HUBBOT_TWILIO_AUTH_TOKEN and HUBBOT_TWILIO_FROM")
	}
	if c.SMSPerSecond <= 0 {
		return c, fmt.Errorf("config: HUBBOT_SMS_PER_SECOND=%v: must be positive", c.SMSPerSecond)
	}
	if c.Retention <= 0 {
		return c, fmt.Errorf("config: HUBBOT_RETENTION=%s: must be positive", c.Retention)
	}
	return c, nil
}

// configKeys lists every variable Config reads, in field order.
func configKeys() []string {
	var keys []string
	t := reflect.TypeOf(Config{})
	for i := 0; i < t.NumField(); i++ {
		if k := t.Field(i).Tag.Get("env"); k != "" {
			keys = append(keys, k)
		}
	}
	return keys
}

// configError rewrites the library's field names into variable names.
func configError(err error) error {
	var agg env.AggregateError
	if !errors.As(err, &agg) {
		return fmt.Errorf("config: %w", err)
	}
	var msgs []string
	t := reflect.TypeOf(Config{})
	for _, e := range agg.Errors {
		var pe env.ParseError
		if errors.As(e, &pe) {
			if f, ok := t.FieldByName(pe.Name); ok {
				msgs = append(msgs, fmt.Sprintf("%s: cannot read as %s: %v", f.Tag.Get("env"), pe.Type, pe.Err))
				continue
			}
		}
		msgs = append(msgs, e.Error())
	}
	return fmt.Errorf("config: %s", strings.Join(msgs, "; "))
}
