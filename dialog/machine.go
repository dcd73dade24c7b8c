package dialog

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/northbrook/hubbot/content"
	"github.com/northbrook/hubbot/content/copy"
)

// Defaults for Options' zero fields.
const (
	DefaultRetention    = 30 * 24 * time.Hour
	DefaultCheckinAfter = 14 * 24 * time.Hour
	DefaultLocation     = "Europe/London"
)

// pageSize is how many services one offer shows.
const pageSize = 3

// maxOffered bounds the service ids a conversation keeps (three pages).
const maxOffered = 9

// stuckTurns is how many turns without progress pass a family to a person.
const stuckTurns = 3

// Options tune a Machine; zero fields take the defaults.
type Options struct {
	// Retention is how long the store keeps a conversation; the welcome
	// tells families (30 days).
	Retention time.Duration
	// CheckinAfter is how long after signposting the outcome check-in goes
	// (14 days); negative turns check-ins off.
	CheckinAfter time.Duration
	// Location is the hub's time zone, for "today before 5pm" and the
	// once-a-day out-of-hours reply (Europe/London).
	Location *time.Location
	// Wards are offered as numbered choices when the bot asks for the area;
	// empty asks with no choices.
	Wards []string
}

// Config is what a Machine is built from.
type Config struct {
	Copy       *copy.Copy
	Signposter Signposter // reads messages and searches the offer
	Catalog    Catalog    // looks up offered services for details
	Detector   Detector   // safeguarding, on every inbound message
	Assigner   Assigner   // who a family is handed to
	Directory  content.Directory
	Options    Options
}

// Machine is the dialog's transition function: Step takes a conversation and
// an event and returns the next conversation and what to commit with it. It
// holds no state between steps and is safe for concurrent use.
type Machine struct {
	copy      *copy.Copy
	sp        Signposter
	catalog   Catalog
	detector  Detector
	assigner  Assigner
	dir       content.Directory
	opts      Options
	needOpts  []string
	ageOpts   []string
	areaOpts  []string
	offerBtns []string
	checkOpts []string
}

// NewMachine checks a Config and builds its Machine. Copy, Signposter (both
// parts), Catalog, Detector and Assigner are required: a machine without a
// safety detector must not run.
func NewMachine(cfg Config) (*Machine, error) {
	switch {
	case cfg.Copy == nil:
		return nil, errors.New("dialog: machine: no copy")
	case cfg.Signposter.Parser == nil || cfg.Signposter.Searcher == nil:
		return nil, errors.New("dialog: machine: no signposter")
	case cfg.Catalog == nil:
		return nil, errors.New("dialog: machine: no catalog")
	case cfg.Detector == nil:
		return nil, errors.New("dialog: machine: no safety detector")
	case cfg.Assigner == nil:
		return nil, errors.New("dialog: machine: no assigner")
	}
	o := cfg.Options
	if o.Retention <= 0 {
		o.Retention = DefaultRetention
	}
	if o.CheckinAfter == 0 {
		o.CheckinAfter = DefaultCheckinAfter
	}
	if o.Location == nil {
		loc, err := time.LoadLocation(DefaultLocation)
		if err != nil {
			return nil, fmt.Errorf("dialog: machine: %w", err)
		}
		o.Location = loc
	}
	m := &Machine{copy: cfg.Copy, sp: cfg.Signposter, catalog: cfg.Catalog, detector: cfg.Detector,
		assigner: cfg.Assigner, dir: cfg.Directory, opts: o}
	var err error
	lines := func(name string) []string {
		if err != nil {
			return nil
		}
		var l []string
		l, err = m.copy.Lines(name, copy.Data{})
		return l
	}
	m.needOpts = lines("need-options")
	m.ageOpts = lines("age-options")
	m.offerBtns = lines("offer-buttons")
	m.checkOpts = lines("checkin-options")
	other := lines("area-other")
	if err != nil {
		return nil, fmt.Errorf("dialog: machine: %w", err)
	}
	if len(m.needOpts) != len(needChoices) || len(m.ageOpts) != len(ageChoices) || len(m.offerBtns) != 2 || len(m.checkOpts) != 3 {
		return nil, errors.New("dialog: machine: the copy's options do not match the dialog's choices")
	}
	if len(o.Wards) > 0 {
		m.areaOpts = append(append([]string{}, o.Wards...), other...)
	}
	return m, nil
}

// Step is the transition function: from conversation c and event ev at now,
// the next conversation and what to commit with it (transcript lines,
// replies, queue changes, records). It does not change c.ID, c.Channel,
// c.Address or c.Version (the store owns them); outbound ids are
// c.ID:start:c.Version+1:index, so a re-applied step yields the same ids. It calls
// the Searcher and the Assigner but has no side effects of its own.
func (m *Machine) Step(ctx context.Context, c Conversation, ev Event, now time.Time) (Conversation, Commit, error) {
	t := &turn{m: m, ctx: ctx, c: c.clone(), ev: ev, now: now}
	if t.c.Started.IsZero() {
		t.c.Started = now
	}
	var err error
	switch {
	case ev.Kind == EventMessage || ev.Kind == EventButton || ev.Kind == EventMedia:
		err = t.inbound()
	case ev.Kind == EventOptedOut:
		t.note("provider reports the family has stopped messages")
		t.c.OptedOut = true
	case ev.Kind == EventCheckin:
		err = t.checkin()
	case ev.Kind.IsStaff():
		err = t.staff()
	default:
		err = fmt.Errorf("dialog: step: unknown event kind %q", ev.Kind)
	}
	if err != nil {
		return c, Commit{}, err
	}
	return t.finish()
}

// turn is one step in progress.
type turn struct {
	m       *Machine
	ctx     context.Context
	c       Conversation
	ev      Event
	now     time.Time
	commit  Commit
	replies []reply
}

// reply is one message to the family.
type reply struct {
	text    string
	options []Option
	moreOK  bool
}

// finish stamps the conversation and turns replies into outbound messages
// and transcript lines.
func (t *turn) finish() (Conversation, Commit, error) {
	t.c.Updated = t.now
	version := t.c.Version + 1
	for i, r := range t.replies {
		text := r.text // the sender renders it for the channel (bot/gsm7 for SMS)
		// The conversation's start time keeps ids unique across FORGET,
		// after which the version counts from 0 again: a reply must never
		// share an id (and so a sent marker) with one from before.
		id := fmt.Sprintf("%s:%s:%d:%d", t.c.ID, strconv.FormatInt(t.c.Started.UnixNano(), 36), version, i)
		t.commit.Outbound = append(t.commit.Outbound, Outbound{
			ID: id, ConvID: t.c.ID, Channel: t.c.Channel, Address: t.c.Address,
			Text: text, Options: r.options, MoreOK: r.moreOK, Created: t.now,
		})
		from, author := FromBot, ""
		if t.ev.Kind == EventStaffReply {
			from, author = FromPractitioner, t.ev.PractitionerID
		}
		t.commit.Transcript = append(t.commit.Transcript, Entry{At: t.now, From: from, Text: text, Author: author, ID: id})
	}
	return t.c, t.commit, nil
}

// say renders a message and queues it for the family.
func (t *turn) say(name string, d copy.Data, options ...Option) error {
	text, err := t.m.copy.Render(name, d)
	if err != nil {
		return err
	}
	t.sayText(text, name == "details", options...)
	return nil
}

// sayText queues a reply, unless the family has opted out of messages. A
// reply past two SMS segments is marked MoreOK so the sender does not cut it.
func (t *turn) sayText(text string, moreOK bool, options ...Option) {
	if t.c.OptedOut {
		return
	}
	t.replies = append(t.replies, reply{text: text, options: options, moreOK: moreOK || len(text) > maxReply})
}

// maxReply is two SMS segments.
const maxReply = 306

// data is the copy data every message can use.
func (t *turn) data() copy.Data {
	return copy.Data{
		Hub:           t.m.dir.Hub.Name,
		Phone:         t.m.dir.Hub.Phone,
		SMS:           t.c.Channel == ChannelSMS,
		RetentionDays: int(t.m.opts.Retention / (24 * time.Hour)),
	}
}

// note adds an internal line to the transcript.
func (t *turn) note(text string) {
	t.commit.Transcript = append(t.commit.Transcript, Entry{At: t.now, From: Note, Text: text, Author: t.ev.PractitionerID})
}

// record adds the family's message to the transcript.
func (t *turn) record(text string) {
	t.commit.Transcript = append(t.commit.Transcript, Entry{At: t.now, From: FromFamily, Text: text, ID: t.ev.MessageID})
}

// options numbers labels as choices: value "1" for the first.
func options(labels []string) []Option {
	out := make([]Option, len(labels))
	for i, l := range labels {
		out[i] = Option{Label: l, Value: fmt.Sprint(i + 1)}
	}
	return out
}

// day is the hub's calendar day of now, YYYY-MM-DD.
func (t *turn) day() string { return t.now.In(t.m.opts.Location).Format(time.DateOnly) }

// addFlag adds a flag once.
func (t *turn) addFlag(f string) {
	for _, x := range t.c.Flags {
		if x == f {
			return
		}
	}
	t.c.Flags = append(t.c.Flags, f)
}
