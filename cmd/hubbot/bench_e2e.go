package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/northbrook/hubbot/bot/sms"
	"github.com/northbrook/hubbot/bot/sms/smsfake"
)

// e2eOptions shape one run of hubbot bench e2e.
type e2eOptions struct {
	Exe         string        // the hubbot binary to start (default: this one)
	Instances   int           // hubbot processes
	Duration    time.Duration // how long families keep writing
	Families    int           // simulated families
	Concurrency int           // families writing at once
	Replay      float64       // share of webhooks the provider sends twice
	Burst       float64       // share of families that send several messages at once
	Fault       string        // none, redis-restart, provider-429, provider-5xx, kill-instance
	Grace       time.Duration // how long after the run replies may still arrive
}

// e2eReport is what one run measured.
type e2eReport struct {
	Instances       int     `json:"instances"`
	Fault           string  `json:"fault"`
	Seconds         float64 `json:"seconds"`
	Inbound         int64   `json:"inbound_accepted"`
	PerSecond       float64 `json:"inbound_per_second"`
	Replays         int64   `json:"replays_sent"`
	Retried503      int64   `json:"webhooks_retried_after_503"`
	QueuedP50ms     float64 `json:"queued_p50_ms"`
	QueuedP99ms     float64 `json:"queued_p99_ms"`
	SentP50ms       float64 `json:"reply_sent_p50_ms"`
	SentP99ms       float64 `json:"reply_sent_p99_ms"`
	Doubles         int     `json:"double_replies"`
	Lost            int     `json:"lost_replies"`
	Conflicts       float64 `json:"conflicts_retried"`
	RedisPingP50ms  float64 `json:"redis_ping_p50_ms"`
	RedisPingP99ms  float64 `json:"redis_ping_p99_ms"`
	ProviderFailed  int64   `json:"provider_answers_failed"`
	RepliesReceived int     `json:"replies_received"`
}

// runBenchE2E starts several hubbot processes against one real Redis and a
// fake Twilio, drives signed webhooks from many families (with replays and
// bursts), and reports throughput, latency, doubles and losses.
func runBenchE2E(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("bench e2e", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	o := e2eOptions{}
	fs.IntVar(&o.Instances, "instances", 3, "hubbot processes")
	fs.DurationVar(&o.Duration, "duration", 10*time.Second, "how long families keep writing")
	fs.IntVar(&o.Families, "families", 200, "simulated families")
	fs.IntVar(&o.Concurrency, "concurrency", 64, "families writing at once")
	fs.Float64Var(&o.Replay, "replay", 0.1, "share of webhooks sent twice")
	fs.Float64Var(&o.Burst, "burst", 0.1, "share of families sending several messages at once")
	fs.StringVar(&o.Fault, "fault", "none", "none, redis-restart, provider-429, provider-5xx or kill-instance")
	fs.DurationVar(&o.Grace, "grace", 45*time.Second, "how long after the run replies may still arrive")
	fs.StringVar(&o.Exe, "exe", "", "hubbot binary to start (default: this one)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	rep, err := benchE2E(ctx, o, env.Stderr)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "bench e2e: %d instances, fault %s, %.1fs\n", rep.Instances, rep.Fault, rep.Seconds)
	fmt.Fprintf(env.Stdout, "inbound:  %d accepted, %.0f/s (%d replays sent, %d webhooks retried after 503)\n", rep.Inbound, rep.PerSecond, rep.Replays, rep.Retried503)
	fmt.Fprintf(env.Stdout, "queued:   p50 %.2fms  p99 %.2fms (webhook answered = reply committed to the outbox)\n", rep.QueuedP50ms, rep.QueuedP99ms)
	fmt.Fprintf(env.Stdout, "sent:     p50 %.2fms  p99 %.2fms (webhook sent to reply received by the provider)\n", rep.SentP50ms, rep.SentP99ms)
	fmt.Fprintf(env.Stdout, "doubles:  %d   lost: %d   conflicts retried: %.0f   replies received: %d\n", rep.Doubles, rep.Lost, rep.Conflicts, rep.RepliesReceived)
	fmt.Fprintf(env.Stdout, "redis:    PING p50 %.3fms  p99 %.3fms (the floor)\n", rep.RedisPingP50ms, rep.RedisPingP99ms)
	return json.NewEncoder(env.Stdout).Encode(rep)
}

// benchE2E is the run itself; the CI test calls it with a short duration.
func benchE2E(ctx context.Context, o e2eOptions, logw io.Writer) (e2eReport, error) {
	rep := e2eReport{Instances: o.Instances, Fault: o.Fault}
	if o.Exe == "" {
		exe, err := os.Executable()
		if err != nil {
			return rep, err
		}
		o.Exe = exe
	}
	dir, err := os.MkdirTemp("", "hubbot-bench-")
	if err != nil {
		return rep, err
	}
	defer os.RemoveAll(dir)

	rs, err := startRedis(dir, o.Fault == "redis-restart")
	if err != nil {
		return rep, err
	}
	defer rs.stop()
	fake := newFakeTwilio()
	defer fake.close()

	var insts []*instance
	defer func() {
		for _, in := range insts {
			in.kill()
		}
	}()
	for i := 0; i < o.Instances; i++ {
		in, err := startInstance(ctx, o.Exe, i, rs.addr, fake.url, dir, logw)
		if err != nil {
			return rep, err
		}
		insts = append(insts, in)
	}

	d := newDriver(o, insts, fake)
	runCtx, cancel := context.WithTimeout(ctx, o.Duration)
	defer cancel()
	faultDone := make(chan struct{})
	go func() {
		defer close(faultDone)
		injectFault(runCtx, o, rs, fake, insts)
	}()
	pings := measurePings(runCtx, rs.addr)
	start := time.Now()
	d.run(runCtx)
	rep.Seconds = time.Since(start).Seconds()
	<-faultDone

	// Let replies arrive, then account.
	deadline := time.Now().Add(o.Grace)
	for time.Now().Before(deadline) && d.missing() > 0 {
		time.Sleep(200 * time.Millisecond)
	}
	rep.Inbound = d.accepted.Load()
	rep.PerSecond = float64(rep.Inbound) / rep.Seconds
	rep.Replays = d.replays.Load()
	rep.Retried503 = d.retried.Load()
	rep.QueuedP50ms, rep.QueuedP99ms = percentiles(d.queued())
	rep.SentP50ms, rep.SentP99ms = percentiles(d.sentLatencies())
	rep.Doubles = fake.doubles()
	rep.Lost = d.missing()
	rep.RepliesReceived = fake.count()
	rep.ProviderFailed = fake.failed.Load()
	rep.RedisPingP50ms, rep.RedisPingP99ms = percentiles(<-pings)
	for _, in := range insts {
		rep.Conflicts += in.metric("hubbot_dialog_conflicts_retried_total")
	}
	return rep, nil
}

// redisServer is the bench's own redis-server.
type redisServer struct {
	addr, dir string
	persist   bool
	mu        sync.Mutex
	cmd       *exec.Cmd
}

func startRedis(dir string, persist bool) (*redisServer, error) {
	port, err := freePort("127.0.0.1")
	if err != nil {
		return nil, err
	}
	rs := &redisServer{addr: fmt.Sprintf("127.0.0.1:%d", port), dir: dir, persist: persist}
	return rs, rs.start()
}

func (rs *redisServer) start() error {
	_, port, _ := net.SplitHostPort(rs.addr)
	args := []string{"--port", port, "--bind", "127.0.0.1", "--dir", rs.dir, "--save", ""}
	if rs.persist {
		args = append(args, "--appendonly", "yes", "--appendfsync", "always")
	} else {
		args = append(args, "--appendonly", "no")
	}
	cmd := exec.Command("redis-server", args...)
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("bench: redis-server: %w", err)
	}
	rs.mu.Lock()
	rs.cmd = cmd
	rs.mu.Unlock()
	c := redis.NewClient(&redis.Options{Addr: rs.addr})
	defer c.Close()
	for i := 0; i < 100; i++ {
		if c.Ping(context.Background()).Err() == nil {
			return nil
		}
		time.Sleep(50 * time.Millisecond)
	}
	return errors.New("bench: redis-server did not answer")
}

func (rs *redisServer) stop() {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	if rs.cmd != nil && rs.cmd.Process != nil {
		rs.cmd.Process.Signal(syscall.SIGTERM)
		rs.cmd.Wait()
		rs.cmd = nil
	}
}

// instance is one hubbot process.
type instance struct {
	url, admin string
	cmd        *exec.Cmd
	dead       atomic.Bool
}

func startInstance(ctx context.Context, exe string, i int, redisAddr, twilioURL, dir string, logw io.Writer) (*instance, error) {
	host := fmt.Sprintf("127.0.0.%d", 2+i)
	p1, err := freePort(host)
	if err != nil {
		return nil, fmt.Errorf("bench: %s unusable (%w)", host, err)
	}
	p2, err := freePort(host)
	if err != nil {
		return nil, err
	}
	in := &instance{url: fmt.Sprintf("http://%s:%d", host, p1), admin: fmt.Sprintf("http://%s:%d", host, p2)}
	cmd := exec.Command(exe, "serve")
	cmd.Env = append(os.Environ(),
		"HUBBOT_ADDR="+fmt.Sprintf("%s:%d", host, p1),
		"HUBBOT_ADMIN_ADDR="+fmt.Sprintf("%s:%d", host, p2),
		"HUBBOT_PUBLIC_URL="+in.url,
		"HUBBOT_REDIS_URL=redis://"+redisAddr,
		"HUBBOT_HMAC_KEY=bench-hmac-key",
		"HUBBOT_TWILIO_ACCOUNT_SID="+smsfake.AccountSID,
		"HUBBOT_TWILIO_AUTH_TOKEN="+smsfake.AuthToken,
		"HUBBOT_TWILIO_FROM=+441632960000",
		"HUBBOT_TWILIO_API_URL="+twilioURL,
		"HUBBOT_SMS_PER_SECOND=100000",
		"HUBBOT_LOG_LEVEL=error",
		"HUBBOT_CHECKIN_AFTER=0",
	)
	cmd.Stdout = io.Discard
	cmd.Stderr = logw
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("bench: start hubbot: %w", err)
	}
	in.cmd = cmd
	for j := 0; j < 200; j++ {
		resp, err := http.Get(in.admin + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return in, nil
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	in.kill()
	return nil, fmt.Errorf("bench: hubbot %d never became ready", i)
}

func (in *instance) kill() {
	if in.cmd != nil && in.cmd.Process != nil && !in.dead.Swap(true) {
		in.cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan struct{})
		go func() { in.cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(12 * time.Second):
			in.cmd.Process.Kill()
		}
	}
}

// metric reads one counter from the instance's /metrics (0 if gone).
func (in *instance) metric(name string) float64 {
	if in.dead.Load() {
		return 0
	}
	resp, err := http.Get(in.admin + "/metrics")
	if err != nil {
		return 0
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, name+" ") {
			var v float64
			fmt.Sscanf(strings.TrimPrefix(line, name+" "), "%g", &v)
			return v
		}
	}
	return 0
}

func freePort(host string) (int, error) {
	l, err := net.Listen("tcp", host+":0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// injectFault applies the run's fault a third of the way in.
func injectFault(ctx context.Context, o e2eOptions, rs *redisServer, fake *fakeTwilio, insts []*instance) {
	if o.Fault == "none" || o.Fault == "" {
		return
	}
	select {
	case <-ctx.Done():
		return
	case <-time.After(o.Duration / 3):
	}
	switch o.Fault {
	case "redis-restart":
		rs.stop()
		time.Sleep(2 * time.Second)
		rs.start()
	case "provider-429":
		fake.failWith(http.StatusTooManyRequests, 2*time.Second)
	case "provider-5xx":
		fake.failWith(http.StatusInternalServerError, 2*time.Second)
	case "kill-instance":
		last := insts[len(insts)-1]
		if last.cmd != nil && last.cmd.Process != nil {
			last.dead.Store(true)
			last.cmd.Process.Kill()
			last.cmd.Wait()
		}
	}
}

func measurePings(ctx context.Context, addr string) <-chan []time.Duration {
	out := make(chan []time.Duration, 1)
	go func() {
		c := redis.NewClient(&redis.Options{Addr: addr})
		defer c.Close()
		var ds []time.Duration
		t := time.NewTicker(10 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				out <- ds
				return
			case <-t.C:
				s := time.Now()
				if c.Ping(ctx).Err() == nil {
					ds = append(ds, time.Since(s))
				}
			}
		}
	}()
	return out
}

func percentiles(ds []time.Duration) (p50, p99 float64) {
	if len(ds) == 0 {
		return 0, 0
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	at := func(q float64) float64 {
		return float64(ds[min(len(ds)-1, int(q*float64(len(ds))))].Microseconds()) / 1000
	}
	return at(0.50), at(0.99)
}

// fakeTwilio is a minimal Twilio Messages API that records replies by
// their outbound id (carried in the status callback URL).
type fakeTwilio struct {
	srv    *http.Server
	url    string
	mu     sync.Mutex
	byID   map[string]int         // outbound id -> times received
	byTo   map[string][]fakeReply // family -> replies
	failTo time.Time              // answer failStatus until then
	failSt int
	failed atomic.Int64
}

type fakeReply struct {
	id string
	at time.Time
}

func newFakeTwilio() *fakeTwilio {
	f := &fakeTwilio{byID: map[string]int{}, byTo: map[string][]fakeReply{}}
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	f.url = "http://" + l.Addr().String()
	f.srv = &http.Server{Handler: http.HandlerFunc(f.serve)}
	go f.srv.Serve(l)
	return f
}

func (f *fakeTwilio) close() { f.srv.Close() }

func (f *fakeTwilio) failWith(status int, d time.Duration) {
	f.mu.Lock()
	f.failTo, f.failSt = time.Now().Add(d), status
	f.mu.Unlock()
}

func (f *fakeTwilio) serve(w http.ResponseWriter, r *http.Request) {
	r.ParseForm()
	f.mu.Lock()
	failing := time.Now().Before(f.failTo)
	st := f.failSt
	f.mu.Unlock()
	if failing {
		f.failed.Add(1)
		if st == http.StatusTooManyRequests {
			w.Header().Set("Retry-After", "1")
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(st)
		fmt.Fprintf(w, `{"code": %d, "message": "busy", "status": %d}`, map[int]int{429: 20429, 500: 20500}[st], st)
		return
	}
	cb, _ := url.Parse(r.Form.Get("StatusCallback"))
	id := ""
	if cb != nil {
		id = cb.Query().Get("reply")
	}
	f.mu.Lock()
	f.byID[id]++
	n := f.byID[id]
	to := r.Form.Get("To")
	f.byTo[to] = append(f.byTo[to], fakeReply{id: id, at: time.Now()})
	f.mu.Unlock()
	sid := fmt.Sprintf("SM%032d", n)
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusCreated)
	json.NewEncoder(w).Encode(map[string]any{"sid": sid, "status": "queued", "to": to, "body": r.Form.Get("Body"),
		"account_sid": smsfake.AccountSID, "api_version": "2010-04-01", "num_segments": "1"})
}

func (f *fakeTwilio) doubles() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, c := range f.byID {
		if c > 1 {
			n += c - 1
		}
	}
	return n
}

func (f *fakeTwilio) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.byID)
}

// versions lists, per family, the conversation versions its replies carry
// (an outbound id is conv:version:index): one per inbound message answered.
func (f *fakeTwilio) versions(to string) map[string]time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := map[string]time.Time{}
	for _, r := range f.byTo[to] {
		parts := strings.Split(r.id, ":")
		if len(parts) < 3 {
			continue
		}
		v := parts[len(parts)-2]
		if t, ok := out[v]; !ok || r.at.Before(t) {
			out[v] = r.at
		}
	}
	return out
}

// driver plays the families.
type driver struct {
	o        e2eOptions
	insts    []*instance
	fake     *fakeTwilio
	client   *http.Client
	accepted atomic.Int64
	replays  atomic.Int64
	retried  atomic.Int64
	seq      atomic.Int64
	mu       sync.Mutex
	lat      []time.Duration // webhook sent -> answered
	sends    map[string][]time.Time
}

func newDriver(o e2eOptions, insts []*instance, fake *fakeTwilio) *driver {
	return &driver{o: o, insts: insts, fake: fake, sends: map[string][]time.Time{},
		client: &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 256}}}
}

// familyTexts are first messages; every later message is "start again",
// which the dialog answers in every state.
var familyTexts = []string{
	"my 2 yr old isnt talking yet, we live in castleton",
	"skint till payday and the leccy is on emergency credit",
	"my 14yo wont go to school and cries every morning",
	"any baby groups in fernhill for my 6 month old",
	"we keep arguing in front of the kids, ds is 7",
	"im 15 and my anxiety is really bad",
}

func (d *driver) run(ctx context.Context) {
	sem := make(chan struct{}, d.o.Concurrency)
	var wg sync.WaitGroup
	for f := 0; ctx.Err() == nil; f = (f + 1) % d.o.Families {
		sem <- struct{}{}
		wg.Add(1)
		go func(f int) {
			defer func() { <-sem; wg.Done() }()
			d.family(ctx, f)
		}(f)
	}
	wg.Wait()
}

// family sends one turn for family f: its first message, or "start again"
// (several at once for a bursting family), each perhaps replayed.
func (d *driver) family(ctx context.Context, f int) {
	phone := fmt.Sprintf("+4477009%05d", f)
	d.mu.Lock()
	first := len(d.sends[phone]) == 0
	d.mu.Unlock()
	n := 1
	if !first && float64(f%100)/100 < d.o.Burst {
		n = 3
	}
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		text := "start again"
		if first {
			text = familyTexts[f%len(familyTexts)]
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			d.send(ctx, phone, text)
		}()
	}
	wg.Wait()
	// Wait for this turn's replies before the family writes again, so
	// "sent" latency is measured per message.
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) && ctx.Err() == nil {
		d.mu.Lock()
		want := len(d.sends[phone])
		d.mu.Unlock()
		if len(d.fake.versions(phone)) >= want {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func (d *driver) send(ctx context.Context, phone, text string) {
	sid := fmt.Sprintf("SMb%031d", d.seq.Add(1))
	form := smsfake.InboundForm(smsfake.AccountSID, sid, phone, "+441632960000", text)
	times := 1
	if rand.Float64() < d.o.Replay {
		times = 2
		d.replays.Add(1)
	}
	sent := time.Now()
	ok := false
	for t := 0; t < times; t++ {
		if d.post(ctx, form, t) {
			ok = true
		}
	}
	if ok {
		d.accepted.Add(1)
		d.mu.Lock()
		d.lat = append(d.lat, time.Since(sent)/time.Duration(times))
		d.sends[phone] = append(d.sends[phone], sent)
		d.mu.Unlock()
	}
}

// post delivers one webhook like a provider: to a live instance, retrying
// on 503 or a dead connection, for up to 30 seconds.
func (d *driver) post(ctx context.Context, form url.Values, attempt int) bool {
	giveUp := time.Now().Add(30 * time.Second)
	for i := attempt; time.Now().Before(giveUp); i++ {
		in := d.insts[(int(d.seq.Load())+i)%len(d.insts)]
		if in.dead.Load() {
			continue
		}
		resp, err := smsfake.Post(context.WithoutCancel(ctx), d.client, smsfake.AuthToken, in.url+sms.InboundPath, form)
		if err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return true
			}
		}
		d.retried.Add(1)
		time.Sleep(100 * time.Millisecond)
	}
	return false
}

func (d *driver) queued() []time.Duration {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]time.Duration(nil), d.lat...)
}

// sentLatencies pairs each family's sends with its first reply of each
// new version, in order.
func (d *driver) sentLatencies() []time.Duration {
	d.mu.Lock()
	sends := map[string][]time.Time{}
	for k, v := range d.sends {
		sends[k] = append([]time.Time(nil), v...)
	}
	d.mu.Unlock()
	var out []time.Duration
	for phone, ss := range sends {
		var firsts []time.Time
		for _, t := range d.fake.versions(phone) {
			firsts = append(firsts, t)
		}
		sort.Slice(firsts, func(i, j int) bool { return firsts[i].Before(firsts[j]) })
		sort.Slice(ss, func(i, j int) bool { return ss[i].Before(ss[j]) })
		for i := 0; i < len(ss) && i < len(firsts); i++ {
			if l := firsts[i].Sub(ss[i]); l > 0 {
				out = append(out, l)
			}
		}
	}
	return out
}

// missing counts accepted messages that no reply answers yet.
func (d *driver) missing() int {
	d.mu.Lock()
	want := map[string]int{}
	for k, v := range d.sends {
		want[k] = len(v)
	}
	d.mu.Unlock()
	n := 0
	for phone, w := range want {
		if got := len(d.fake.versions(phone)); got < w {
			n += w - got
		}
	}
	return n
}
