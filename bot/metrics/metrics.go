// Package metrics holds hubbot's Prometheus metrics, registered on a
// registry of their own and served on the admin listener.
package metrics

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/northbrook/hubbot/dialog"
)

// Metrics are the counters and histograms an operator watches.
type Metrics struct {
	reg *prometheus.Registry

	Inbound      *prometheus.CounterVec   // inbound messages by channel
	Replies      *prometheus.CounterVec   // replies sent by channel
	Handoffs     *prometheus.CounterVec   // handoffs to a practitioner by reason
	RiskFlags    *prometheus.CounterVec   // safeguarding flags by category
	Duplicates   *prometheus.CounterVec   // replayed webhooks ignored, by channel
	Retries      *prometheus.CounterVec   // outbound sends retried, by channel
	DeadLetters  *prometheus.CounterVec   // outbound sends given up, by channel
	Conflicts    prometheus.Counter       // dialog updates re-applied after a concurrent change
	SearchTime   prometheus.Histogram     // signposting search latency (triage included)
	WebhookTime  *prometheus.HistogramVec // webhook latency by channel and status
	OutboxDepth  prometheus.GaugeFunc
	outboxDepthF func() float64
}

// New registers hubbot's metrics. outboxDepth reports the replies waiting
// to be sent; it may be nil.
func New(outboxDepth func() float64) *Metrics {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	m := &Metrics{reg: reg, outboxDepthF: outboxDepth}
	counter := func(name, help string, labels ...string) *prometheus.CounterVec {
		c := prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: "hubbot", Name: name, Help: help}, labels)
		reg.MustRegister(c)
		return c
	}
	m.Inbound = counter("inbound_messages_total", "Inbound messages from families.", "channel")
	m.Replies = counter("replies_sent_total", "Replies delivered to a provider.", "channel")
	m.Handoffs = counter("handoffs_total", "Conversations handed to a practitioner.", "reason")
	m.RiskFlags = counter("risk_flags_total", "Messages the safeguarding detector flagged.", "category")
	m.Duplicates = counter("duplicate_inbound_total", "Replayed webhooks ignored.", "channel")
	m.Retries = counter("outbox_retries_total", "Sends retried after a temporary failure.", "channel")
	m.DeadLetters = counter("outbox_dead_letters_total", "Sends given up and dead-lettered.", "channel")
	m.Conflicts = prometheus.NewCounter(prometheus.CounterOpts{Namespace: "hubbot", Name: "dialog_conflicts_retried_total", Help: "Dialog updates re-applied after a concurrent change."})
	m.SearchTime = prometheus.NewHistogram(prometheus.HistogramOpts{Namespace: "hubbot", Name: "search_seconds", Help: "Signposting search latency, triage included.",
		Buckets: []float64{.0002, .0005, .001, .002, .005, .01, .025, .05, .1}})
	m.WebhookTime = prometheus.NewHistogramVec(prometheus.HistogramOpts{Namespace: "hubbot", Name: "webhook_seconds", Help: "Webhook latency from request to answer.",
		Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, 1}}, []string{"channel", "code"})
	reg.MustRegister(m.Conflicts, m.SearchTime, m.WebhookTime)
	if outboxDepth != nil {
		m.OutboxDepth = prometheus.NewGaugeFunc(prometheus.GaugeOpts{Namespace: "hubbot", Name: "outbox_depth", Help: "Replies waiting to be sent."}, outboxDepth)
		reg.MustRegister(m.OutboxDepth)
	}
	return m
}

// Handler serves the metrics for Prometheus to scrape.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}

// Sent counts a delivered reply (outbox.Metrics).
func (m *Metrics) Sent(ch dialog.Channel) { m.Replies.WithLabelValues(string(ch)).Inc() }

// Retried counts a retried send (outbox.Metrics).
func (m *Metrics) Retried(ch dialog.Channel) { m.Retries.WithLabelValues(string(ch)).Inc() }

// DeadLettered counts a send given up (outbox.Metrics).
func (m *Metrics) DeadLettered(ch dialog.Channel) { m.DeadLetters.WithLabelValues(string(ch)).Inc() }

// Webhook wraps a channel's webhook handler to time it by status code.
func (m *Metrics) Webhook(channel string, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, code: http.StatusOK}
		h.ServeHTTP(rec, r)
		m.WebhookTime.WithLabelValues(channel, http.StatusText(rec.code)).Observe(time.Since(start).Seconds())
	})
}

type statusRecorder struct {
	http.ResponseWriter
	code int
}

func (s *statusRecorder) WriteHeader(code int) {
	s.code = code
	s.ResponseWriter.WriteHeader(code)
}

// Flush lets server-sent events through the recorder.
func (s *statusRecorder) Flush() {
	if f, ok := s.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}
