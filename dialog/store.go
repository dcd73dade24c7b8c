package dialog

import (
	"context"
	"errors"
	"time"
)

// ErrNotFound is returned by a Store for a conversation it does not hold.
var ErrNotFound = errors.New("conversation not found")

// ErrDuplicate is returned by a ClaimingUpdater for a message id already
// handled: a provider's replayed webhook, to be answered with no reply.
var ErrDuplicate = errors.New("message already handled")

// ClaimingUpdater is a Store that claims an inbound message id in the same
// commit as the update it causes, so a message is never claimed without
// being handled (a crash between the two would drop the provider's retry).
type ClaimingUpdater interface {
	UpdateClaiming(ctx context.Context, k Key, messageID string, fn UpdateFunc) (Conversation, error)
}

// ErrUnavailable wraps a Store's failure to reach its backing service; a
// webhook answers it with an error the provider retries.
var ErrUnavailable = errors.New("store unavailable")

// Direction says who wrote a transcript entry.
type Direction string

// Who wrote a transcript entry.
const (
	FromFamily       Direction = "in"
	FromBot          Direction = "bot"
	FromPractitioner Direction = "staff"
	Note             Direction = "note"   // an internal note, never sent
	DeliveryStatus   Direction = "status" // what became of an outbound line (ID): Status says sent, delivered, failed
)

// Entry is one line of a conversation's transcript.
type Entry struct {
	At     time.Time `json:"at"`
	From   Direction `json:"from"`
	Text   string    `json:"text"`
	Author string    `json:"author,omitempty"` // practitioner id for staff lines and notes
	Status string    `json:"status,omitempty"` // delivery status of an outbound line
	ID     string    `json:"id,omitempty"`     // the outbound id, to match delivery receipts
}

// Option is a numbered choice offered with a reply; on Telegram it becomes a button.
type Option struct {
	Label string `json:"label"`
	Value string `json:"value"` // what the family's choice sends back, e.g. "1"
}

// Outbound is one reply to send to a family, recorded in the outbox in the
// same commit as the state change that made it. ID is its idempotency key.
type Outbound struct {
	ID      string    `json:"id"`
	ConvID  string    `json:"conv"`
	Channel Channel   `json:"ch"`
	Address string    `json:"addr"`
	Text    string    `json:"text"`
	Options []Option  `json:"opts,omitempty"`
	MoreOK  bool      `json:"more,omitempty"` // the family asked for detail: may exceed 2 SMS segments
	Created time.Time `json:"at"`
}

// UnmetNeed is a need the offer could not meet, kept without personal data.
type UnmetNeed struct {
	Date    string   `json:"date"`               // YYYY-MM-DD
	Words   string   `json:"words,omitempty"`    // the need words, cleaned of numbers and names
	Terms   []string `json:"terms,omitempty"`    // taxonomy guess
	AgeBand string   `json:"age_band,omitempty"` // "pregnancy", "0-4", "5-10", "11-15", "16-19", "20-25", "adult"
	Ward    string   `json:"ward,omitempty"`
	Reason  string   `json:"reason"` // "no-fit", "family-said"
}

// Outcome is a family's answer to the check-in after signposting.
type Outcome struct {
	Date   string   `json:"date"`
	Answer string   `json:"answer"` // "helped", "not-yet", "talk", "no-answer"
	Terms  []string `json:"terms,omitempty"`
	Ward   string   `json:"ward,omitempty"`
}

// QueueItem is a conversation waiting for, or held by, a practitioner.
type QueueItem struct {
	ConvID         string    `json:"conv"`
	Urgent         bool      `json:"urgent"`
	Since          time.Time `json:"since"`
	PractitionerID string    `json:"pid,omitempty"`
}

// Commit is what a dialog step wants stored with its new state, atomically:
// transcript lines, replies for the outbox, records and queue changes.
type Commit struct {
	Transcript []Entry
	Outbound   []Outbound
	Unmet      []UnmetNeed
	Outcomes   []Outcome
	// Enqueue puts (or moves) the conversation on the staff queue; Dequeue takes it off.
	Enqueue *QueueItem
	Dequeue bool
	// CheckinAt schedules the outcome check-in; zero leaves any timer as it is.
	CheckinAt time.Time
	// Forget erases every key of the family after the replies are queued.
	Forget bool
}

// UpdateFunc computes a conversation's next state and what to commit with it.
// A Store may call it more than once when another update races it, so it must
// not have side effects of its own.
type UpdateFunc func(c Conversation) (Conversation, Commit, error)

// Store keeps conversations, transcripts, the outbox and the staff queue.
type Store interface {
	// ClaimInbound reports whether a provider's message id is seen for the
	// first time for this conversation; a replayed webhook gets false.
	ClaimInbound(ctx context.Context, k Key, messageID string) (bool, error)
	// Update applies fn to the conversation (a new one if none is kept)
	// under a compare-and-set on its version, re-reading and re-applying on
	// conflict, and commits the result with its Commit.
	Update(ctx context.Context, k Key, fn UpdateFunc) (Conversation, error)
	// UpdateByID is Update for a conversation known only by its id (staff actions, timers).
	UpdateByID(ctx context.Context, id string, fn UpdateFunc) (Conversation, error)
	// Load returns a conversation by id, or ErrNotFound.
	Load(ctx context.Context, id string) (Conversation, error)
	// Transcript returns the kept transcript, oldest first.
	Transcript(ctx context.Context, id string) ([]Entry, error)
	// Queue lists conversations on the staff queue: urgent first, then longest waiting.
	Queue(ctx context.Context) ([]QueueItem, error)
	// DueCheckins returns ids of conversations whose check-in is due by now.
	DueCheckins(ctx context.Context, now time.Time, max int) ([]string, error)
	// Unmet and Outcomes return the recorded unmet needs and outcomes.
	Unmet(ctx context.Context) ([]UnmetNeed, error)
	Outcomes(ctx context.Context) ([]Outcome, error)
	// Forget erases every key of the family.
	Forget(ctx context.Context, k Key) error
}
