package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/northbrook/hubbot/bot"
	"github.com/northbrook/hubbot/bot/outbox"
	"github.com/northbrook/hubbot/bot/telegram"
	"github.com/northbrook/hubbot/bot/web"
	"github.com/northbrook/hubbot/dialog"
)

// telegramPerChat is Telegram's pace for one chat: about a message a second.
const telegramPerChat = time.Second

// moreChannels mounts Telegram (when configured) and the web chat.
func (a *App) moreChannels(h bot.Handler, senders map[dialog.Channel]bot.Sender, pace map[dialog.Channel]outbox.Pace) error {
	cfg := a.Config
	if cfg.TelegramToken != "" {
		api, err := telegram.NewSender(telegram.SenderOptions{Token: cfg.TelegramToken, ServerURL: cfg.TelegramAPIURL, Log: a.Log})
		if err != nil {
			return fmt.Errorf("app: telegram: %w", err)
		}
		senders[dialog.ChannelTelegram] = api
		pace[dialog.ChannelTelegram] = outbox.Pace{PerChat: telegramPerChat, PerSecond: 30}
		opts := telegram.Options{Log: a.Log, Once: telegram.NewRedisOnce(a.Redis, "hubbot:", cfg.Retention), EditsAsMedia: true}
		switch cfg.TelegramMode {
		case "webhook":
			wh, err := telegram.NewWebhook(h, api, telegram.WebhookOptions{Options: opts, Secret: cfg.TelegramSecret})
			if err != nil {
				return fmt.Errorf("app: telegram webhook: %w", err)
			}
			a.mux.Handle("POST /telegram/webhook", a.Metrics.Webhook("telegram", wh))
			a.workers = append(a.workers, func(ctx context.Context) {
				url := strings.TrimRight(cfg.PublicURL, "/") + "/telegram/webhook"
				if err := api.SetWebhook(ctx, url, cfg.TelegramSecret); err != nil {
					a.Log.Error("telegram: could not set the webhook", "err", err)
				}
			})
			a.Log.Info("channel on: Telegram (webhook)")
		default:
			p, err := telegram.NewPoller(h, api, telegram.PollerOptions{Options: opts})
			if err != nil {
				return fmt.Errorf("app: telegram poller: %w", err)
			}
			a.workers = append(a.workers, func(ctx context.Context) {
				if err := p.Run(ctx); err != nil && ctx.Err() == nil {
					a.Log.Error("telegram poller stopped", "err", err)
				}
			})
			a.Log.Info("channel on: Telegram (long polling)")
		}
	} else {
		a.Log.Info("channel off: Telegram (set HUBBOT_TELEGRAM_TOKEN)")
	}

	chat, err := web.New(web.Options{Handler: h, Redis: a.Redis, Secret: a.Secret, PublicURL: cfg.PublicURL, Log: a.Log})
	if err != nil {
		return fmt.Errorf("app: web chat: %w", err)
	}
	senders[dialog.ChannelWeb] = a.webSender
	a.mux.Handle("/chat", chat)
	a.mux.Handle("/chat/", chat)
	a.workers = append(a.workers, func(ctx context.Context) {
		if err := chat.Run(ctx); err != nil && ctx.Err() == nil {
			a.Log.Error("web chat stopped", "err", err)
		}
	})
	a.Log.Info("channel on: web chat", "url", strings.TrimRight(cfg.PublicURL, "/")+"/chat")
	return nil
}
