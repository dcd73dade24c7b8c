package main

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/northbrook/hubbot/bot"
	"github.com/northbrook/hubbot/bot/metrics"
	"github.com/northbrook/hubbot/bot/outbox"
	"github.com/northbrook/hubbot/bot/sms"
	"github.com/northbrook/hubbot/bot/web"
	"github.com/northbrook/hubbot/content"
	"github.com/northbrook/hubbot/content/copy"
	"github.com/northbrook/hubbot/dialog"
	"github.com/northbrook/hubbot/dialog/assign"
	"github.com/northbrook/hubbot/dialog/lingua"
	"github.com/northbrook/hubbot/dialog/redisstore"
	"github.com/northbrook/hubbot/dialog/safety"
	"github.com/northbrook/hubbot/dialog/triage"
	"github.com/northbrook/hubbot/index"
)

// App is a running hubbot: its store, index, dialog engine, channels,
// outbox and listeners. main wires it; the end-to-end tests reuse it.
type App struct {
	Config   Config
	Log      *slog.Logger
	Redis    redis.UniversalClient
	Store    *redisstore.Store
	Index    *index.Index
	Offer    *content.Offer
	Dir      content.Directory
	Engine   *dialog.Engine
	Metrics  *metrics.Metrics
	Secret   []byte
	Embedded bool // running on the in-process Redis

	mux       *http.ServeMux
	webSender *web.Sender
	workers   []func(ctx context.Context)
	closers   []func()
}

// newLogger returns hubbot's JSON logger at the configured level.
func newLogger(cfg Config, w *os.File) *slog.Logger {
	var lvl slog.Level
	_ = lvl.UnmarshalText([]byte(cfg.LogLevel))
	return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: lvl}))
}

// NewApp builds hubbot from its configuration: it loads the offer and the
// practitioners, connects to Redis (or starts the embedded one), and wires
// the dialog. It does not listen yet.
func NewApp(ctx context.Context, cfg Config, log *slog.Logger) (*App, error) {
	a := &App{Config: cfg, Log: log, mux: http.NewServeMux()}
	if err := a.openRedis(ctx); err != nil {
		a.Close()
		return nil, err
	}
	if err := a.loadContent(ctx); err != nil {
		a.Close()
		return nil, err
	}
	a.Metrics = metrics.New(a.outboxDepth)
	if err := a.buildDialog(); err != nil {
		a.Close()
		return nil, err
	}
	a.routes()
	if err := a.channels(); err != nil {
		a.Close()
		return nil, err
	}
	if err := a.mountInbox(); err != nil {
		a.Close()
		return nil, err
	}
	a.workers = append(a.workers, a.checkins)
	return a, nil
}

func (a *App) openRedis(ctx context.Context) error {
	cfg := a.Config
	if cfg.RedisURL == "" {
		addr, stop, err := redisstore.StartEmbedded(cfg.EmbeddedAddr)
		if err != nil {
			return fmt.Errorf("app: embedded redis: %w", err)
		}
		a.closers = append(a.closers, stop)
		a.Redis = redis.NewClient(&redis.Options{Addr: addr})
		a.Embedded = true
		a.Log.Warn("NO HUBBOT_REDIS_URL: running on an IN-PROCESS Redis-compatible store. NOTHING SURVIVES A RESTART: conversations, queue and outbox are lost when hubbot stops. Set HUBBOT_REDIS_URL for real use.", "embedded_addr", addr)
	} else {
		opt, err := redis.ParseURL(cfg.RedisURL)
		if err != nil {
			return fmt.Errorf("app: HUBBOT_REDIS_URL: %w", err)
		}
		a.Redis = redis.NewClient(opt)
		if err := a.Redis.Ping(ctx).Err(); err != nil {
			a.Log.Warn("redis not answering yet; webhooks answer 503 until it does", "err", err)
		}
	}
	a.closers = append(a.closers, func() { a.Redis.Close() })
	switch {
	case cfg.HMACKey != "":
		a.Secret = []byte(cfg.HMACKey)
	case a.Embedded:
		a.Secret = make([]byte, 32)
		rand.Read(a.Secret)
	default:
		return errors.New("app: HUBBOT_HMAC_KEY is required with a real Redis: family addresses are keyed by an HMAC under it")
	}
	ws, err := web.NewSender(a.Redis, web.SenderOptions{Retention: cfg.Retention})
	if err != nil {
		return fmt.Errorf("app: web chat: %w", err)
	}
	a.webSender = ws
	a.Store = redisstore.New(a.Redis, a.Secret, redisstore.Options{Retention: cfg.Retention, FamilyKeys: ws.Keys, OnConflict: a.conflict})
	return nil
}

func (a *App) loadContent(ctx context.Context) error {
	offer, rep, err := loadOffer(ctx, a.Config.Offer, a.Config.OfferVersion)
	if err != nil {
		return fmt.Errorf("app: offer: %w", err)
	}
	if len(offer.Services) == 0 {
		return fmt.Errorf("app: offer %s has no services: refusing to serve an empty offer", rep.Source)
	}
	if a.Config.Offer == "" {
		a.Log.Warn("NO HUBBOT_OFFER: serving the bundled NORTHBROOK SAMPLE local offer (fictional services). Set HUBBOT_OFFER to a council's Open Referral UK feed.", "services", len(offer.Services))
	} else {
		a.Log.Info("offer loaded", "source", rep.Source, "version", rep.Version, "read", rep.Read, "imported", rep.Imported, "skipped", rep.SkippedTotal())
	}
	a.Offer = offer
	a.Index = index.New(index.Options{Dir: a.Config.IndexDir})
	if err := a.Index.Build(ctx, offer); err != nil {
		return fmt.Errorf("app: index: %w", err)
	}
	a.closers = append(a.closers, func() { a.Index.Close() })
	if a.Config.Directory == "" {
		a.Dir, err = content.SampleDirectory()
		a.Log.Warn("NO HUBBOT_PRACTITIONERS: using the bundled Northbrook sample practitioners")
	} else {
		var f *os.File
		if f, err = os.Open(a.Config.Directory); err == nil {
			a.Dir, err = content.ReadDirectory(f)
			f.Close()
		}
	}
	if err != nil {
		return fmt.Errorf("app: practitioners: %w", err)
	}
	return nil
}

func (a *App) buildDialog() error {
	loc, err := time.LoadLocation(a.Config.TimeZone)
	if err != nil {
		return fmt.Errorf("app: time zone: %w", err)
	}
	cp, err := copy.New()
	if err != nil {
		return fmt.Errorf("app: copy: %w", err)
	}
	asg, err := assign.New(a.Dir, assign.QueueCaseload{Store: a.Store}, assign.Options{Location: loc, BankHolidays: a.Config.BankHolidays})
	if err != nil {
		return fmt.Errorf("app: assigner: %w", err)
	}
	det, err := safety.NewReader(lingua.New(false))
	if err != nil {
		return fmt.Errorf("app: safety: %w", err)
	}
	parser, err := newParser(a.Offer)
	if err != nil {
		return fmt.Errorf("app: triage: %w", err)
	}
	checkin := a.Config.CheckinAfter
	if checkin == 0 {
		checkin = -1
	}
	m, err := dialog.NewMachine(dialog.Config{
		Copy:       cp,
		Signposter: dialog.Signposter{Parser: parser, Searcher: timedSearcher{a.Index, a.Metrics}},
		Catalog:    dialog.CatalogFunc(func(id string) (content.Service, bool) { return a.Index.Offer().Service(id) }),
		Detector:   dialog.DetectorFunc(func(s string, earlier []string) dialog.Risk { return dialog.Risk(det.Assess(s, earlier)) }),
		Assigner:   asg,
		Directory:  a.Dir,
		Options:    dialog.Options{Retention: a.Config.Retention, CheckinAfter: checkin, Location: loc, Wards: a.Offer.Wards()},
	})
	if err != nil {
		return fmt.Errorf("app: dialog: %w", err)
	}
	a.Engine = &dialog.Engine{Store: a.Store, Machine: m, Log: a.Log, Observe: a.observe,
		Replayed: func(ch dialog.Channel) { a.Metrics.Duplicates.WithLabelValues(string(ch)).Inc() }}
	return nil
}

func (a *App) now() time.Time { return time.Now() }

// observe counts handoffs and safeguarding flags as the dialog makes them.
func (a *App) observe(before, after dialog.Conversation) {
	if after.Handoff != nil && (before.Handoff == nil || before.Handoff.At != after.Handoff.At) {
		a.Metrics.Handoffs.WithLabelValues(after.Handoff.Reason).Inc()
	}
	had := map[string]bool{}
	for _, f := range before.Flags {
		had[f] = true
	}
	for _, f := range after.Flags {
		if strings.HasPrefix(f, "risk:") && !had[f] {
			a.Metrics.RiskFlags.WithLabelValues(strings.TrimPrefix(f, "risk:")).Inc()
		}
	}
}

// conflict counts a dialog update re-applied after a concurrent change.
func (a *App) conflict() {
	if a.Metrics != nil {
		a.Metrics.Conflicts.Inc()
	}
}

// channels mounts each configured channel and the outbox that sends for
// them. The web chat is always on; SMS and Telegram when configured.
func (a *App) channels() error {
	cfg := a.Config
	senders := map[dialog.Channel]bot.Sender{}
	pace := map[dialog.Channel]outbox.Pace{}
	h := a.Handler()
	d := delivery{a}
	if cfg.TwilioAccountSID != "" {
		var opts []sms.Option
		if cfg.TwilioAPIURL != "" {
			opts = append(opts, sms.WithBaseURL(cfg.TwilioAPIURL))
		}
		senders[dialog.ChannelSMS] = sms.NewSender(cfg.TwilioAccountSID, cfg.TwilioAuthToken, cfg.TwilioFrom, cfg.PublicURL, opts...)
		pace[dialog.ChannelSMS] = outbox.Pace{PerSecond: cfg.SMSPerSecond}
		a.mux.Handle("POST "+sms.InboundPath, a.Metrics.Webhook("sms", sms.NewWebhook(cfg.TwilioAuthToken, cfg.PublicURL, h, a.Log)))
		a.mux.Handle("POST "+sms.StatusPath, a.Metrics.Webhook("sms-status", sms.NewStatusWebhook(cfg.TwilioAuthToken, cfg.PublicURL, d, a.Log)))
		a.Log.Info("channel on: SMS", "inbound", cfg.PublicURL+sms.InboundPath)
	} else {
		a.Log.Info("channel off: SMS (set HUBBOT_TWILIO_ACCOUNT_SID, HUBBOT_TWILIO_AUTH_TOKEN, HUBBOT_TWILIO_FROM)")
	}
	if err := a.moreChannels(h, senders, pace); err != nil {
		return err
	}
	w := outbox.New(a.Redis, senders, d, a.Metrics, a.Log, outbox.Options{Stream: a.Store.OutboxKey(), Pace: pace})
	a.workers = append(a.workers, func(ctx context.Context) {
		if err := w.Run(ctx); err != nil {
			a.Log.Error("outbox stopped", "err", err)
		}
	})
	return nil
}

// Handler is the bot.Handler every channel hands messages to.
func (a *App) Handler() bot.Handler {
	return bot.HandlerFunc(func(ctx context.Context, in bot.Inbound) error {
		a.Metrics.Inbound.WithLabelValues(string(in.Channel)).Inc()
		kind := dialog.EventMessage
		text := in.Text
		switch in.Kind {
		case bot.KindButton:
			kind = dialog.EventButton
		case bot.KindMedia:
			kind = dialog.EventMedia
		case bot.KindStopped:
			kind = dialog.EventOptedOut
		case bot.KindCommand:
			text = commandText(text)
		}
		return a.Engine.Handle(ctx, dialog.Inbound{Channel: in.Channel, Address: in.Address, MessageID: in.MessageID, Text: text, Kind: kind})
	})
}

// commandText turns a channel command into what a family would type.
func commandText(cmd string) string {
	switch strings.ToLower(strings.TrimPrefix(cmd, "/")) {
	case "start":
		return "hello"
	case "help":
		return "help"
	case "forget":
		return "forget"
	}
	return cmd
}

// timedSearcher records search latency.
type timedSearcher struct {
	ix *index.Index
	m  *metrics.Metrics
}

func (t timedSearcher) Search(ctx context.Context, tr triage.Triage) (triage.Result, error) {
	start := time.Now()
	r, err := t.ix.Search(ctx, tr)
	t.m.SearchTime.Observe(time.Since(start).Seconds())
	return r, err
}

func (a *App) outboxDepth() float64 {
	if a.Redis == nil || a.Store == nil {
		return 0
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	n, err := a.Redis.XLen(ctx, a.Store.OutboxKey()).Result()
	if err != nil {
		return -1
	}
	return float64(n)
}

// routes mounts health checks; channels and the inbox add theirs.
func (a *App) routes() {
	a.mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { fmt.Fprintln(w, "ok") })
	a.mux.HandleFunc("GET /readyz", a.ready)
}

func (a *App) ready(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if err := a.Redis.Ping(ctx).Err(); err != nil {
		http.Error(w, "redis not answering", http.StatusServiceUnavailable)
		return
	}
	if !a.Index.Ready() {
		http.Error(w, "index not loaded", http.StatusServiceUnavailable)
		return
	}
	fmt.Fprintln(w, "ready")
}

// Run listens and serves until ctx ends, then shuts down within 10 s:
// stop taking webhooks, finish in-flight requests and sends.
func (a *App) Run(ctx context.Context) error {
	pub, err := net.Listen("tcp", a.Config.Addr)
	if err != nil {
		return fmt.Errorf("app: listen %s: %w", a.Config.Addr, err)
	}
	admin, err := net.Listen("tcp", a.Config.AdminAddr)
	if err != nil {
		pub.Close()
		return fmt.Errorf("app: listen %s: %w", a.Config.AdminAddr, err)
	}
	return a.Serve(ctx, pub, admin)
}

// Serve is Run on listeners the caller opened (tests use free ports).
func (a *App) Serve(ctx context.Context, pub, admin net.Listener) error {
	adminMux := http.NewServeMux()
	adminMux.Handle("GET /metrics", a.Metrics.Handler())
	adminMux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { fmt.Fprintln(w, "ok") })
	adminMux.HandleFunc("GET /readyz", a.ready)
	srv := &http.Server{Handler: a.mux, ReadHeaderTimeout: 10 * time.Second}
	adm := &http.Server{Handler: adminMux, ReadHeaderTimeout: 10 * time.Second}
	wctx, stopWorkers := context.WithCancel(ctx)
	var wg sync.WaitGroup
	for _, w := range a.workers {
		wg.Add(1)
		go func() { defer wg.Done(); w(wctx) }()
	}
	errc := make(chan error, 2)
	go func() { errc <- srv.Serve(pub) }()
	go func() { errc <- adm.Serve(admin) }()
	a.Log.Info("hubbot listening", "addr", pub.Addr().String(), "admin", admin.Addr().String(), "offer", a.Offer.Name, "embedded_redis", a.Embedded)
	var runErr error
	select {
	case <-ctx.Done():
	case runErr = <-errc:
	}
	a.Log.Info("hubbot shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 9*time.Second)
	defer cancel()
	_ = srv.Shutdown(sctx)
	_ = adm.Shutdown(sctx)
	stopWorkers()
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-sctx.Done():
		a.Log.Warn("workers still busy at shutdown deadline")
	}
	if errors.Is(runErr, http.ErrServerClosed) {
		runErr = nil
	}
	return runErr
}

// Close releases what NewApp opened.
func (a *App) Close() {
	for i := len(a.closers) - 1; i >= 0; i-- {
		a.closers[i]()
	}
	a.closers = nil
}

// checkins sends due outcome check-ins every minute.
func (a *App) checkins(ctx context.Context) {
	t := time.NewTicker(time.Minute)
	defer t.Stop()
	for {
		if n, err := a.Engine.Checkins(ctx); err != nil && ctx.Err() == nil {
			a.Log.Warn("check-ins failed", "err", err)
		} else if n > 0 {
			a.Log.Info("check-ins sent", "n", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
