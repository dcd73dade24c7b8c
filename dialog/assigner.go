package dialog

import (
	"context"
	"time"

	"github.com/northbrook/hubbot/content"
)

// AssignRequest is what a handoff asks of an Assigner.
type AssignRequest struct {
	ConvID  string // for a fair, deterministic choice between equals
	Channel Channel
	// Terms are the need's taxonomy terms, strongest first.
	Terms []string
	// Language is the family's language or script when it is not English
	// ("arabic", "polish"); "" when English or unknown.
	Language string
	Risk     bool // safeguarding-skilled practitioners first
	// Prefer is the practitioner who already has the family, if any: they
	// keep them while they are working (with risk, only if they have the
	// safeguarding skill).
	Prefer string
	Now    time.Time
}

// Assignment is who will pick a family up, and when. It is the Assigner's
// answer for the family's message; the family is told it word for word.
type Assignment struct {
	// Practitioner is who will reply; nil when nobody can be named.
	Practitioner *content.Practitioner
	// Working is true when the practitioner (or, with Busy, the team) is
	// working now: the family hears back By today.
	Working bool
	// Busy is true when people are working but every one is at their limit
	// of open conversations; Practitioner is then nil.
	Busy bool
	// By is when the family can expect a reply: the end of the working day
	// when Working, otherwise when the named practitioner starts.
	By time.Time
	// Opens is when the hub opens next, when not Working.
	Opens time.Time
}

// Assigner chooses the practitioner a family is handed to. It must be free of
// side effects: a Store may run a step more than once.
type Assigner interface {
	Assign(ctx context.Context, r AssignRequest) (Assignment, error)
}

// Catalog looks services up by id, to give details of one the family picked.
// *content.Offer is one.
type Catalog interface {
	Service(id string) (content.Service, bool)
}

// CatalogFunc adapts a function to a Catalog, e.g. one that asks the index
// for its current offer.
type CatalogFunc func(id string) (content.Service, bool)

// Service calls f.
func (f CatalogFunc) Service(id string) (content.Service, bool) { return f(id) }
