package inbox_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/northbrook/hubbot/bot/inbox"
	"github.com/northbrook/hubbot/dialog"
	"github.com/northbrook/hubbot/dialog/triage"
)

// chromiumPath is Debian's chromium, which .ci/run installs.
const chromiumPath = "/usr/bin/chromium"

// browser is a headless chromium driven for one test.
type browser struct {
	t   *testing.T
	ctx context.Context

	mu      sync.Mutex
	console []string // errors the page logged: exceptions, CSP violations
}

// newBrowser starts chromium with a fresh profile, or skips (fails on CI)
// where it is not installed. When the test fails, a screenshot of the page
// is saved to failure.png in the test's temporary directory.
func newBrowser(t *testing.T, timeout time.Duration) *browser {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("browser test: %s not installed: CI requires it (apt-get install chromium)", chromiumPath)
		}
		t.Skipf("!!! browser test SKIPPED: %s not installed. Install Debian's chromium (apt-get install -y chromium) to run it; CI=true makes this a failure. !!!", chromiumPath)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("mute-audio", true),
		chromedp.Flag("autoplay-policy", "no-user-gesture-required"),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	// not t.Context(): that ends before the cleanups, and the screenshot needs the browser
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	bctx, cancelBrowser := chromedp.NewContext(actx, chromedp.WithLogf(t.Logf))
	b := &browser{t: t, ctx: bctx}
	t.Cleanup(func() {
		cancelBrowser()
		cancelAlloc()
		cancel()
	})
	// registered after the cancels, so it runs before them
	t.Cleanup(func() {
		if t.Failed() {
			b.screenshot()
		}
	})
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("browser: start %s: %v", chromiumPath, err)
	}
	// collect the page's errors: exceptions and CSP violations fail the test
	messages := chromedp.Console(bctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleException {
				b.mu.Lock()
				b.console = append(b.console, string(m.Type)+": "+m.Text+" ("+m.URL+")")
				b.mu.Unlock()
			}
		}
	}()
	return b
}

// consoleErrors returns the errors the page logged so far.
func (b *browser) consoleErrors() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.console...)
}

// screenshot saves the page to failure.png in the test's directory.
func (b *browser) screenshot() {
	ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // 100 is PNG; less is JPEG
	if err != nil {
		b.t.Logf("browser: no screenshot: %v", err)
		return
	}
	path := filepath.Join(b.t.TempDir(), "failure.png")
	if err := os.WriteFile(path, png, 0o600); err != nil {
		b.t.Logf("browser: save screenshot: %v", err)
		return
	}
	b.t.Logf("browser: screenshot of the failure saved to %s", path)
	// the test's directory goes when it ends: keep a copy where CI asks
	if dir := os.Getenv("HUBBOT_ARTIFACTS"); dir != "" {
		keep := filepath.Join(dir, b.t.Name()+"-failure.png")
		if err := os.WriteFile(keep, png, 0o600); err == nil {
			b.t.Logf("browser: and copied to %s", keep)
		}
	}
}

// fatal fails the test with what was being done and where.
func (b *browser) fatal(what string, err error) {
	b.t.Helper()
	loc, _ := chromedp.Run(b.ctx, chromedp.Location())
	b.t.Fatalf("browser: %s (at %s): %v", what, loc, err)
}

// run runs steps, failing the test with what was being done.
func (b *browser) run(what string, steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, steps...); err != nil {
		b.fatal(what, err)
	}
}

// text returns the text of the first element matching the CSS selector.
func (b *browser) text(sel string) string {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		b.fatal("read "+sel, err)
	}
	return s
}

// eval evaluates JavaScript to a value of type T.
func eval[T any](b *browser, js string) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](js))
	if err != nil {
		b.fatal("evaluate "+js, err)
	}
	return v
}

// waitFor evaluates js until it is true, through the page's navigations,
// for up to ten seconds.
func (b *browser) waitFor(what, js string) {
	b.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		ok, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](js))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			if err == nil {
				err = errors.New("still false")
			}
			b.fatal(what, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// waitFlash waits for the page (after a form's redirect) to confirm with want.
func (b *browser) waitFlash(what, want string) {
	b.t.Helper()
	b.waitFor(what+": wait for "+strconv.Quote(want),
		fmt.Sprintf(`(function(){var f=document.getElementById('flash');return !!f && f.textContent===%q;})()`, want))
}

// css is a CSS selector.
func css(sel string) chromedp.CSS { return chromedp.CSS(sel) }

// TestBrowser drives the inbox in chromium as Marcus, a safeguarding
// practitioner: sign in; an urgent escalation arrives while the queue is
// open and shows up by itself with a banner and the tone; he opens it,
// claims it, checks the SMS segment counter, replies (the fake channel
// receives the reply), adds an internal note, and closes it with an
// outcome.
func TestBrowser(t *testing.T) {
	e := newEnv(t, func(o *envOptions) { o.poll = 100 * time.Millisecond })
	b := newBrowser(t, 60*time.Second)
	base := e.srv.URL
	const (
		live   = "c-live"
		family = "my partner hit me last night and the kids saw <b>it</b>"
		reply  = "Hello, it's Marcus from the Family Hub. Are you safe to talk now? Reply YES or NO."
		note   = "Spoke to mum; agreed a call at 4pm."
	)

	// sign in: the queue shows what Marcus may see, with no cue for what was already waiting
	b.run("sign in",
		chromedp.Navigate(base+"/staff/"),
		chromedp.WaitVisible(css("#email")),
		chromedp.SendKeys(css("#email"), marcus),
		chromedp.SendKeys(css("#password"), password),
		chromedp.Click(css(`#login-form button[type=submit]`)),
		chromedp.WaitVisible(css(`tr[data-conv="`+convRisk+`"]`)),
		chromedp.WaitVisible(css(`body[data-stream="open"]`)),
	)
	if eval[bool](b, `document.body.hasAttribute('data-cues')`) {
		t.Error("cued for a conversation that was waiting when the page loaded")
	}
	if q := b.text("#queue"); strings.Contains(q, convEarly) || strings.Contains(q, "talking") {
		t.Error("Marcus's queue shows Priya's early-years conversation")
	}

	// an urgent escalation arrives live
	e.fake.Escalate(dialog.Conversation{
		ID: live, Channel: dialog.ChannelSMS, Address: "+447700900123",
		Triage:  triage.Triage{For: triage.WhoParent, Ward: "Castleton", Terms: []string{"domestic-abuse"}},
		Flags:   []string{"risk:domestic-abuse"},
		Handoff: &dialog.Handoff{Reason: "risk", Urgent: true, At: time.Now(), Summary: "for: parent; flags: risk:domestic-abuse"},
	}, dialog.Entry{At: time.Now(), From: dialog.FromFamily, Text: family})
	b.run("see the escalation arrive",
		chromedp.WaitVisible(css(`tr[data-conv="`+live+`"].urgent`)),
		chromedp.WaitVisible(css(`#alerts .banner.urgent`)),
	)
	if cues := eval[string](b, `document.body.getAttribute('data-cues')`); cues != "1" {
		t.Errorf("cues %q, want 1 (banner and tone for the one new urgent conversation)", cues)
	}
	if s := b.text("#alerts"); !strings.Contains(s, "Urgent") {
		t.Errorf("banner %q", s)
	}
	title, err := chromedp.Run(b.ctx, chromedp.Title())
	if err != nil {
		b.fatal("title", err)
	}
	if !strings.HasPrefix(title, "(1 urgent)") {
		t.Errorf("title %q, want the urgent count", title)
	}

	// open and claim it
	b.run("open the conversation",
		chromedp.Click(css(`tr[data-conv="`+live+`"] a`)),
		chromedp.WaitVisible(css(`#transcript`)),
	)
	if tx := b.text("#transcript"); !strings.Contains(tx, family) {
		t.Errorf("transcript %q lacks the family's message as text", tx)
	}
	if eval[int](b, `document.querySelectorAll('#transcript b').length`) != 0 {
		t.Error("the family's markup was rendered")
	}
	b.run("claim", chromedp.Click(css(`#claim`)))
	b.waitFlash("claim", "The conversation is yours now.")
	if w := b.text("#conv-with"); w != "Marcus Reid" {
		t.Errorf("with %q after claim", w)
	}

	// the SMS segment counter
	counter := func(text string) (segments, encoding string) {
		b.t.Helper()
		js := fmt.Sprintf(`(function(){var el=document.getElementById('reply-text');el.value=%q;el.dispatchEvent(new Event('input'));
			var c=document.getElementById('reply-count');return c.getAttribute('data-segments')+' '+c.getAttribute('data-encoding');})()`, text)
		out := eval[string](b, js)
		segments, encoding, _ = strings.Cut(out, " ")
		return segments, encoding
	}
	for _, tt := range []struct {
		label, text, segments, encoding string
	}{
		{"Empty", "", "0", "GSM-7"},
		{"OneGSM", strings.Repeat("a", 160), "1", "GSM-7"},
		{"TwoGSM", strings.Repeat("a", 161), "2", "GSM-7"},
		{"Extended", strings.Repeat("€", 80), "1", "GSM-7"},
		{"ExtendedSplit", strings.Repeat("€", 81), "2", "GSM-7"},
		{"OneUCS2", strings.Repeat("a", 69) + "’", "1", "UCS-2"},
		{"TwoUCS2", strings.Repeat("a", 70) + "’", "2", "UCS-2"},
		{"Emoji", strings.Repeat("a", 66) + "😀", "1", "UCS-2"},
	} {
		if s, enc := counter(tt.text); s != tt.segments || enc != tt.encoding {
			t.Errorf("counter %s: %s segments %s, want %s %s", tt.label, s, enc, tt.segments, tt.encoding)
		}
	}
	counter("")

	// reply through the family's channel
	b.run("reply",
		chromedp.SendKeys(css(`#reply-text`), reply),
		chromedp.WaitVisible(css(`#reply-count[data-segments="1"][data-encoding="GSM-7"]`)),
		chromedp.Click(css(`#reply-send`)),
	)
	b.waitFlash("reply", "Reply sent.")
	sent := e.fake.Sent()
	if len(sent) != 1 || sent[0].Text != reply || sent[0].Channel != dialog.ChannelSMS ||
		sent[0].Address != "+447700900123" || sent[0].PractitionerID != "prac-marcus-reid" {
		t.Fatalf("the fake channel got %+v, want the one reply by SMS", sent)
	}
	if tx := b.text("#transcript"); !strings.Contains(tx, reply) {
		t.Error("the reply is not in the transcript")
	}

	// an internal note
	b.run("note",
		chromedp.SendKeys(css(`#note-text`), note),
		chromedp.Click(css(`#note-add`)),
	)
	b.waitFlash("note", "Note added. It is not sent to the family.")
	if tx := b.text("#transcript"); !strings.Contains(tx, note) || !strings.Contains(tx, "Internal note by Marcus Reid") {
		t.Errorf("the note is not in the transcript: %q", tx)
	}
	if len(e.fake.Sent()) != 1 {
		t.Error("the note was sent to the family")
	}

	// the family writes again while the page is open: the transcript updates by itself
	e.fake.FamilySays(live, "yes i can talk")
	b.waitFor("see the family's new message", `document.getElementById('transcript').textContent.includes('yes i can talk')`)

	// close with an outcome
	b.run("close",
		chromedp.Click(css(`#outcome-safeguarding-referral`)),
		chromedp.Click(css(`#close`)),
	)
	b.waitFlash("close", "Conversation closed.")
	b.run("back on the queue", chromedp.WaitVisible(css(`#queue`)))
	if eval[int](b, `document.querySelectorAll('tr[data-conv="`+live+`"]').length`) != 0 {
		t.Error("the closed conversation is still on the queue")
	}
	c, _ := e.fake.Conversation(live)
	if c.State != dialog.StateClosed || !strings.Contains(strings.Join(c.Flags, ","), "outcome:safeguarding-referral") {
		t.Errorf("conversation after close: state %q flags %v", c.State, c.Flags)
	}

	// every step is in the audit trail, and no text of any message
	var got []string
	for _, en := range e.auditActions(t) {
		if en.ConvID == live {
			got = append([]string{en.Action}, got...)
		}
	}
	want := []string{inbox.ActionView, inbox.ActionClaim, inbox.ActionView, inbox.ActionReply, inbox.ActionView,
		inbox.ActionNote, inbox.ActionView, inbox.ActionClose}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("audit for the conversation %v, want %v", got, want)
	}
	if errs := b.consoleErrors(); len(errs) > 0 {
		t.Errorf("the page logged errors:\n%s", strings.Join(errs, "\n"))
	}
}
