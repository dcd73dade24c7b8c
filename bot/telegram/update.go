// Package telegram carries hubbot's conversations on Telegram: a webhook
// that checks Telegram's secret token and commits each update before
// answering, a long-polling loop for local runs that confirms an update only
// after it was committed, and a Sender that delivers replies as plain text
// with inline keyboards through go-telegram/bot.
//
// Updates are routed deliberately, one rule per kind:
//
//   - a private message with text: KindText, or KindCommand for /start,
//     /help and /forget (Text "start", "help", "forget");
//   - a private message without text (sticker, photo, voice, document,
//     location, ...): KindMedia, with the caption, if any, as Text so that
//     safety checks still see it;
//   - a callback query (a tapped inline button): KindButton with the
//     button's data as Text, answered with answerCallbackQuery after the
//     Handler committed it;
//   - an edited message: ignored and counted (the original was already
//     answered; an edit is not a new message). Options.EditsAsMedia hands
//     edits on as KindMedia instead, for a polite "send it again" reply;
//   - my_chat_member in a private chat: the family blocking the bot is
//     handed on as KindStopped (no reply can reach them; the dialog stops
//     sending), unblocking is only counted (their next message, usually
//     /start, speaks for itself);
//   - a message in, or the bot being added to, a group or supergroup: a
//     polite one-to-one-only refusal sent directly (never through the
//     dialog) once per chat, then ignored;
//   - channel posts and every other kind of update: ignored and counted.
//
// Chat ids, session ids and message text are never logged.
package telegram

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/northbrook/hubbot/bot"
	"github.com/northbrook/hubbot/dialog"
)

// Events counted through Metrics, one per update outcome.
const (
	EventInbound       = "inbound"        // handed to the Handler and committed
	EventUnavailable   = "unavailable"    // the Handler's store was down: Telegram retries
	EventHandlerError  = "handler_error"  // the Handler failed: logged, acknowledged, skipped
	EventEdit          = "edit_ignored"   // an edited message, ignored by design
	EventBlocked       = "member_blocked" // the family blocked the bot (my_chat_member), handed on as KindStopped
	EventMember        = "member_other"   // any other my_chat_member change in a private chat
	EventGroupRefused  = "group_refused"  // the one-to-one-only refusal was sent to a group
	EventGroupIgnored  = "group_ignored"  // a group update after the refusal
	EventIgnored       = "ignored"        // channel posts and update kinds hubbot does not use
	EventUndecodable   = "undecodable"    // valid JSON the Telegram models could not read: skipped
	EventCallbackError = "callback_error" // answerCallbackQuery failed
	EventRefusalError  = "refusal_error"  // the group refusal could not be sent
	EventBadRequest    = "bad_request"    // webhook body not an update (400) or too large (413)
	EventUnauthorized  = "unauthorized"   // webhook secret token wrong or missing (401)
)

// Metrics counts what happens to updates; a nil Metrics counts nothing.
type Metrics interface {
	Count(event string)
}

// DefaultGroupRefusal is the refusal a group gets when Options leave it empty.
const DefaultGroupRefusal = "Hello! I can only chat one-to-one, so I will not answer in groups. " +
	"Please message me directly to talk privately."

// AllowedUpdates returns the update kinds hubbot handles, for setWebhook
// and getUpdates: asking Telegram for only these keeps the rest away.
func AllowedUpdates() []string {
	return []string{
		models.AllowedUpdateMessage,
		models.AllowedUpdateEditedMessage,
		models.AllowedUpdateCallbackQuery,
		models.AllowedUpdateMyChatMember,
	}
}

// Options are what the webhook and the poller share: how updates are
// routed, logged and counted. Zero values take the defaults.
type Options struct {
	Log     *slog.Logger // default slog.Default()
	Metrics Metrics      // nil counts nothing
	// Once remembers which groups were already refused; default an
	// in-memory set (per instance). Use NewRedisOnce with several instances.
	Once Once
	// GroupRefusal is the text sent to a group once; default DefaultGroupRefusal.
	GroupRefusal string
	// EditsAsMedia hands edited messages on as KindMedia instead of
	// ignoring them.
	EditsAsMedia bool
	// HandlerTimeout bounds one Handler call, which runs to its end even if
	// the webhook request is cancelled; default 25s.
	HandlerTimeout time.Duration
}

// action is what one update asks of hubbot.
type action int

const (
	actIgnore  action = iota // acknowledge, count, nothing else
	actInbound               // hand to the Handler
	actRefuse                // a group: refuse once
)

// routed is an update's action and what it needs.
type routed struct {
	act        action
	in         bot.Inbound
	callbackID string // answered after the Handler committed (or on ignore)
	chatID     int64  // the group to refuse
	event      string // what to count for an ignore, or besides EventInbound
}

// decodeUpdate reads one update. A body that is not JSON, or carries no
// update_id, is an error (errNotUpdate); valid JSON with an update_id that
// the Telegram models cannot read returns the id and errUndecodable, so
// the caller can acknowledge and skip it rather than block the queue.
func decodeUpdate(body []byte) (*models.Update, int64, error) {
	var head struct {
		ID *int64 `json:"update_id"`
	}
	if err := json.Unmarshal(body, &head); err != nil {
		return nil, 0, fmt.Errorf("telegram decode: %w: %w", errNotUpdate, err)
	}
	if head.ID == nil {
		return nil, 0, fmt.Errorf("telegram decode: %w: no update_id", errNotUpdate)
	}
	var u models.Update
	if err := json.Unmarshal(body, &u); err != nil {
		return nil, *head.ID, fmt.Errorf("telegram decode: %w: %w", errUndecodable, err)
	}
	return &u, *head.ID, nil
}

var (
	errNotUpdate   = errors.New("not a Telegram update")
	errUndecodable = errors.New("update not readable by the Telegram models")
)

// route decides what an update asks for.
func route(u *models.Update, editsAsMedia bool) routed {
	switch {
	case u.Message != nil:
		return routeMessage(u.ID, u.Message, false)
	case u.EditedMessage != nil:
		if editsAsMedia {
			return routeMessage(u.ID, u.EditedMessage, true)
		}
		return routed{act: actIgnore, event: EventEdit}
	case u.CallbackQuery != nil:
		return routeCallback(u.CallbackQuery)
	case u.MyChatMember != nil:
		return routeMember(u.ID, u.MyChatMember)
	}
	return routed{act: actIgnore, event: EventIgnored}
}

func routeMessage(updateID int64, m *models.Message, edit bool) routed {
	switch m.Chat.Type {
	case models.ChatTypePrivate:
	case models.ChatTypeGroup, models.ChatTypeSupergroup:
		return routed{act: actRefuse, chatID: m.Chat.ID}
	default:
		return routed{act: actIgnore, event: EventIgnored}
	}
	in := bot.Inbound{
		Channel:   dialog.ChannelTelegram,
		Address:   strconv.FormatInt(m.Chat.ID, 10),
		MessageID: "tg:" + strconv.FormatInt(updateID, 10),
	}
	switch {
	case edit || m.Text == "":
		in.Kind, in.Text = bot.KindMedia, m.Caption
	case command(m.Text) != "":
		in.Kind, in.Text = bot.KindCommand, command(m.Text)
	default:
		in.Kind, in.Text = bot.KindText, m.Text
	}
	return routed{act: actInbound, in: in}
}

// command returns "start", "help" or "forget" for those commands (also
// "/start@SomeBot" and "/start payload"), and "" for anything else.
func command(text string) string {
	if !strings.HasPrefix(text, "/") {
		return ""
	}
	word, _, _ := strings.Cut(text[1:], " ")
	word, _, _ = strings.Cut(word, "@")
	switch word = strings.ToLower(strings.TrimSpace(word)); word {
	case "start", "help", "forget":
		return word
	}
	return ""
}

func routeCallback(q *models.CallbackQuery) routed {
	ignore := routed{act: actIgnore, event: EventIgnored, callbackID: q.ID}
	var chat *models.Chat
	switch {
	case q.Message.Message != nil:
		chat = &q.Message.Message.Chat
	case q.Message.InaccessibleMessage != nil:
		chat = &q.Message.InaccessibleMessage.Chat
	}
	if chat == nil || q.ID == "" {
		return ignore // an inline-mode message or a malformed query
	}
	switch chat.Type {
	case models.ChatTypePrivate:
	case models.ChatTypeGroup, models.ChatTypeSupergroup:
		ignore.event = EventGroupIgnored
		return ignore
	default:
		return ignore
	}
	if q.Data == "" {
		return ignore // a game button: nothing hubbot offered
	}
	return routed{act: actInbound, callbackID: q.ID, in: bot.Inbound{
		Channel:   dialog.ChannelTelegram,
		Address:   strconv.FormatInt(chat.ID, 10),
		MessageID: "tg:cb:" + q.ID,
		Text:      q.Data,
		Kind:      bot.KindButton,
	}}
}

func routeMember(updateID int64, m *models.ChatMemberUpdated) routed {
	switch m.Chat.Type {
	case models.ChatTypePrivate:
		if m.NewChatMember.Type == models.ChatMemberTypeBanned {
			return routed{act: actInbound, event: EventBlocked, in: bot.Inbound{
				Channel:   dialog.ChannelTelegram,
				Address:   strconv.FormatInt(m.Chat.ID, 10),
				MessageID: "tg:" + strconv.FormatInt(updateID, 10),
				Kind:      bot.KindStopped,
			}}
		}
		return routed{act: actIgnore, event: EventMember}
	case models.ChatTypeGroup, models.ChatTypeSupergroup:
		switch m.NewChatMember.Type {
		case models.ChatMemberTypeMember, models.ChatMemberTypeAdministrator:
			return routed{act: actRefuse, chatID: m.Chat.ID}
		}
		return routed{act: actIgnore, event: EventGroupIgnored}
	}
	return routed{act: actIgnore, event: EventIgnored}
}

// processor is the one path every update takes, from the webhook or the
// poller: route, hand on, answer the callback, refuse groups.
type processor struct {
	h    bot.Handler
	api  *Sender
	opts Options
}

func newProcessor(h bot.Handler, api *Sender, opts Options) (*processor, error) {
	if h == nil {
		return nil, errors.New("telegram: a Handler is required")
	}
	if api == nil {
		return nil, errors.New("telegram: a Sender is required to answer callbacks and refuse groups")
	}
	if opts.Log == nil {
		opts.Log = slog.Default()
	}
	if opts.Once == nil {
		opts.Once = NewMemoryOnce(10000)
	}
	if opts.GroupRefusal == "" {
		opts.GroupRefusal = DefaultGroupRefusal
	}
	if opts.HandlerTimeout <= 0 {
		opts.HandlerTimeout = 25 * time.Second
	}
	return &processor{h: h, api: api, opts: opts}, nil
}

func (p *processor) count(event string) {
	if p.opts.Metrics != nil {
		p.opts.Metrics.Count(event)
	}
}

// process handles one decoded update. It returns an error only when the
// update was not committed and must be delivered again (the Handler's
// store is unavailable); every other failure is logged, counted and
// acknowledged so that one bad update cannot block those behind it.
func (p *processor) process(ctx context.Context, u *models.Update) error {
	r := route(u, p.opts.EditsAsMedia)
	switch r.act {
	case actRefuse:
		p.refuse(ctx, u.ID, r.chatID)
	case actInbound:
		hctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), p.opts.HandlerTimeout)
		err := p.h.Handle(hctx, r.in)
		cancel()
		if errors.Is(err, dialog.ErrUnavailable) {
			p.count(EventUnavailable)
			p.opts.Log.Warn("telegram: store unavailable; update left for redelivery", "update_id", u.ID, "err", err)
			return fmt.Errorf("telegram update %d: %w", u.ID, err)
		}
		if err != nil {
			p.count(EventHandlerError)
			p.opts.Log.Error("telegram: handler failed; update acknowledged and skipped",
				"update_id", u.ID, "kind", string(r.in.Kind), "err", err)
		} else {
			p.count(EventInbound)
			if r.event != "" {
				p.count(r.event)
			}
		}
	default:
		p.count(r.event)
		p.opts.Log.Debug("telegram: update ignored", "update_id", u.ID, "why", r.event)
	}
	if r.callbackID != "" {
		p.answer(ctx, u.ID, r.callbackID)
	}
	return nil
}

// answer stops the spinner on a tapped button; failures are only counted.
func (p *processor) answer(ctx context.Context, updateID int64, id string) {
	actx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	if err := p.api.AnswerCallback(actx, id); err != nil {
		p.count(EventCallbackError)
		p.opts.Log.Warn("telegram: answerCallbackQuery failed", "update_id", updateID, "err", err)
	}
}

// refuse sends the one-to-one-only text to a group the first time it is
// seen, and does nothing after that.
func (p *processor) refuse(ctx context.Context, updateID, chatID int64) {
	first, err := p.opts.Once.First(ctx, "group:"+strconv.FormatInt(chatID, 10))
	if err != nil {
		p.count(EventRefusalError)
		p.opts.Log.Warn("telegram: cannot tell whether a group was refused; not refusing again", "update_id", updateID, "err", err)
		return
	}
	if !first {
		p.count(EventGroupIgnored)
		return
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if err := p.api.sendText(sctx, chatID, p.opts.GroupRefusal); err != nil {
		p.count(EventRefusalError)
		p.opts.Log.Warn("telegram: group refusal not sent", "update_id", updateID, "err", err)
		return
	}
	p.count(EventGroupRefused)
}
