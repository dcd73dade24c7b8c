package telegram

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/northbrook/hubbot/bot"
	"github.com/northbrook/hubbot/dialog"
)

// Telegram's limits on what hubbot sends.
const (
	maxTextRunes    = 4000 // Telegram takes 4096 characters; keep a margin
	maxCallbackData = 64   // bytes of callback_data
	buttonsPerRow   = 3
)

// SenderOptions configure a Sender. Token is required.
type SenderOptions struct {
	Token      string       // the bot token from BotFather; never logged
	ServerURL  string       // the Bot API; default https://api.telegram.org (tests: a tgfake server)
	HTTPClient *http.Client // default a client with a 30s timeout
	Log        *slog.Logger // default slog.Default()
}

// Sender delivers replies on Telegram (it implements bot.Sender) and makes
// the other Bot API calls hubbot needs: answering callback queries,
// refusing groups, and the raw getUpdates of the Poller.
type Sender struct {
	b      *tgbot.Bot
	token  string
	url    string
	client *http.Client
	log    *slog.Logger
}

// NewSender returns a Sender for the bot with opts.Token. It makes no
// network call (getMe is skipped).
func NewSender(opts SenderOptions) (*Sender, error) {
	if strings.TrimSpace(opts.Token) == "" {
		return nil, errors.New("telegram sender: a bot token is required")
	}
	if opts.ServerURL == "" {
		opts.ServerURL = "https://api.telegram.org"
	}
	opts.ServerURL = strings.TrimRight(opts.ServerURL, "/")
	if opts.HTTPClient == nil {
		opts.HTTPClient = &http.Client{Timeout: 30 * time.Second}
	}
	if opts.Log == nil {
		opts.Log = slog.Default()
	}
	s := &Sender{token: opts.Token, url: opts.ServerURL, client: opts.HTTPClient, log: opts.Log}
	b, err := tgbot.New(opts.Token,
		tgbot.WithServerURL(opts.ServerURL),
		tgbot.WithSkipGetMe(),
		tgbot.WithHTTPClient(opts.HTTPClient.Timeout, statusClient{opts.HTTPClient}),
		tgbot.WithErrorsHandler(func(err error) { s.log.Debug("telegram: library error", "err", err) }),
	)
	if err != nil {
		return nil, fmt.Errorf("telegram sender: %w", err)
	}
	s.b = b
	return s, nil
}

// Send delivers one reply as plain text (no parse mode, so nothing needs
// escaping) with an inline keyboard of its options, and returns
// Telegram's message id. Errors: *bot.RetryError for 429 (After from
// retry_after), 5xx and network failures; bot.ErrStopped when the family
// blocked the bot or deleted their account; anything else is permanent.
func (s *Sender) Send(ctx context.Context, ob dialog.Outbound) (string, error) {
	chatID, err := strconv.ParseInt(ob.Address, 10, 64)
	if err != nil {
		return "", errors.New("telegram send: the address is not a chat id")
	}
	text := ob.Text
	if utf8.RuneCountInString(text) > maxTextRunes {
		text = string([]rune(text)[:maxTextRunes-1]) + "…"
		s.log.Warn("telegram send: reply shortened to Telegram's limit", "id", ob.ID)
	}
	params := &tgbot.SendMessageParams{ChatID: chatID, Text: text}
	if kb := s.keyboard(ob); kb != nil {
		params.ReplyMarkup = kb
	}
	var status int
	msg, err := s.b.SendMessage(withStatus(ctx, &status), params)
	if err != nil {
		return "", classify("sendMessage", status, err)
	}
	return strconv.Itoa(msg.ID), nil
}

// keyboard builds one button per option, in rows of up to three. The
// dialog decides which choices exist ("Talk to a person", "Start again"
// included); an option whose value Telegram cannot carry is left out.
func (s *Sender) keyboard(ob dialog.Outbound) *models.InlineKeyboardMarkup {
	var rows [][]models.InlineKeyboardButton
	for _, o := range ob.Options {
		if o.Label == "" || o.Value == "" || len(o.Value) > maxCallbackData {
			s.log.Warn("telegram send: option left out of the keyboard (empty, or value over 64 bytes)", "id", ob.ID)
			continue
		}
		if len(rows) == 0 || len(rows[len(rows)-1]) == buttonsPerRow {
			rows = append(rows, nil)
		}
		rows[len(rows)-1] = append(rows[len(rows)-1], models.InlineKeyboardButton{Text: o.Label, CallbackData: o.Value})
	}
	if rows == nil {
		return nil
	}
	return &models.InlineKeyboardMarkup{InlineKeyboard: rows}
}

// AnswerCallback answers a callback query, so the tapped button stops
// spinning; errors are classified like Send's.
func (s *Sender) AnswerCallback(ctx context.Context, callbackID string) error {
	var status int
	if _, err := s.b.AnswerCallbackQuery(withStatus(ctx, &status), &tgbot.AnswerCallbackQueryParams{CallbackQueryID: callbackID}); err != nil {
		return classify("answerCallbackQuery", status, err)
	}
	return nil
}

// SetWebhook points Telegram at url with the secret token it must send
// back, for the update kinds hubbot handles. Pending updates are kept.
func (s *Sender) SetWebhook(ctx context.Context, url, secret string) error {
	var status int
	_, err := s.b.SetWebhook(withStatus(ctx, &status), &tgbot.SetWebhookParams{
		URL: url, SecretToken: secret, AllowedUpdates: AllowedUpdates(),
	})
	if err != nil {
		return classify("setWebhook", status, err)
	}
	return nil
}

// DeleteWebhook removes the webhook so that long polling may run; pending
// updates are kept.
func (s *Sender) DeleteWebhook(ctx context.Context) error {
	var status int
	if _, err := s.b.DeleteWebhook(withStatus(ctx, &status), &tgbot.DeleteWebhookParams{}); err != nil {
		return classify("deleteWebhook", status, err)
	}
	return nil
}

// sendText sends plain text without a keyboard, outside the outbox (the
// group refusal).
func (s *Sender) sendText(ctx context.Context, chatID int64, text string) error {
	var status int
	if _, err := s.b.SendMessage(withStatus(ctx, &status), &tgbot.SendMessageParams{ChatID: chatID, Text: text}); err != nil {
		return classify("sendMessage", status, err)
	}
	return nil
}

// classify turns a go-telegram/bot error into bot.Sender's vocabulary,
// with a message free of chat ids and text: the library's decode errors
// quote the response body, so they are replaced by the HTTP status.
func classify(method string, status int, err error) error {
	var tooMany *tgbot.TooManyRequestsError
	switch {
	case errors.As(err, &tooMany):
		return bot.Retry(time.Duration(tooMany.RetryAfter)*time.Second,
			fmt.Errorf("telegram %s: 429 too many requests", method))
	case errors.Is(err, tgbot.ErrorForbidden):
		if stopped(err.Error()) {
			return fmt.Errorf("telegram %s: %w (%s)", method, bot.ErrStopped, describe(err))
		}
		return fmt.Errorf("telegram %s: 403: %s", method, describe(err))
	case status >= 500 || status == http.StatusRequestTimeout:
		return bot.Retry(0, fmt.Errorf("telegram %s: HTTP %d", method, status))
	case status == 0:
		// No response at all: connection refused, reset, timed out.
		return bot.Retry(0, fmt.Errorf("telegram %s: no response: %w", method, unwrapTransport(err)))
	case strings.Contains(err.Error(), "error decode response"):
		return fmt.Errorf("telegram %s: unreadable response (HTTP %d)", method, status)
	}
	return fmt.Errorf("telegram %s: HTTP %d: %s", method, status, describe(err))
}

// stopped reports whether a 403 description means the family has gone.
func stopped(desc string) bool {
	d := strings.ToLower(desc)
	return strings.Contains(d, "bot was blocked by the user") ||
		strings.Contains(d, "user is deactivated") ||
		strings.Contains(d, "bot was kicked")
}

// describe is the library's error text after its sentinel, e.g.
// "Forbidden: bot was blocked by the user".
func describe(err error) string {
	s := err.Error()
	if _, after, ok := strings.Cut(s, ", "); ok {
		return after
	}
	return s
}

// unwrapTransport keeps the transport's own error (a timeout, a refused
// connection) without the library's wrapping, which names the method again.
func unwrapTransport(err error) error {
	if u := errors.Unwrap(err); u != nil {
		return u
	}
	return err
}

// statusKey carries, in a request's context, where to record the HTTP
// status of its response: go-telegram/bot reports 5xx without the code.
type statusKey struct{}

func withStatus(ctx context.Context, status *int) context.Context {
	return context.WithValue(ctx, statusKey{}, status)
}

// statusClient records each response's status code for classify.
type statusClient struct{ c *http.Client }

// Do sends req and records the response status where the context asks.
func (s statusClient) Do(req *http.Request) (*http.Response, error) {
	resp, err := s.c.Do(req)
	if p, ok := req.Context().Value(statusKey{}).(*int); ok && resp != nil {
		*p = resp.StatusCode
	}
	return resp, err
}
