package inbox

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/northbrook/hubbot/content"
	"github.com/northbrook/hubbot/dialog"
)

// skillSafeguarding is the skill that sees every risk-flagged conversation.
const skillSafeguarding = "safeguarding"

// termsOf lists what a conversation is about, for matching skills: its
// triage terms, its risk categories, and "professional-referral" for a
// service that needs one.
func termsOf(c dialog.Conversation) []string {
	terms := slices.Clone(c.Triage.Terms)
	for _, f := range c.Flags {
		if cat, ok := strings.CutPrefix(f, "risk:"); ok && cat != "" {
			terms = append(terms, cat)
		}
	}
	if c.Handoff != nil && c.Handoff.Reason == "referral" {
		terms = append(terms, "professional-referral")
	}
	return terms
}

// isRisk reports whether a conversation is urgent or carries a risk flag.
func isRisk(c dialog.Conversation) bool {
	if c.Handoff != nil && c.Handoff.Urgent {
		return true
	}
	for _, f := range c.Flags {
		if f == "risk" || strings.HasPrefix(f, "risk:") {
			return true
		}
	}
	return false
}

// fits reports whether an unassigned conversation is for practitioner p:
// a risk one for safeguarding staff, one whose terms meet p's skills, or
// one with nothing to match, which every practitioner sees so none is lost.
func fits(p content.Practitioner, c dialog.Conversation) bool {
	if isRisk(c) && p.HasSkill(skillSafeguarding) {
		return true
	}
	terms := termsOf(c)
	if len(terms) == 0 {
		return true
	}
	for _, t := range terms {
		if p.HasSkill(t) {
			return true
		}
	}
	return false
}

// canSee reports whether u may open the conversation: a lead any; a
// practitioner one handed to them, or one waiting unassigned that fits
// their skills.
func canSee(u *user, c dialog.Conversation) bool {
	if u.Lead() {
		return true
	}
	if c.Handoff == nil {
		return false
	}
	if c.Handoff.PractitionerID != "" {
		return c.Handoff.PractitionerID == u.acct.PractitionerID
	}
	return fits(u.prac, c)
}

// row is one conversation on the queue, with its triage summary.
type row struct {
	ID           string
	Urgent       bool
	Since        time.Time
	Waiting      string
	Channel      string
	For          string
	Age          string
	Need         string
	Ward         string
	Offered      []string
	Flags        []string
	Reason       string
	AssignedID   string
	AssignedName string
	Mine         bool
}

// waited says how long since t, briefly.
func waited(now, t time.Time) string {
	d := now.Sub(t)
	switch {
	case t.IsZero():
		return "unknown"
	case d < time.Minute:
		return "under a minute"
	case d < time.Hour:
		return fmt.Sprintf("%d min", int(d/time.Minute))
	case d < 48*time.Hour:
		return fmt.Sprintf("%d h %d min", int(d/time.Hour), int(d%time.Hour/time.Minute))
	}
	return fmt.Sprintf("%d days", int(d/(24*time.Hour)))
}

// ageOf says how old the person the help is for is.
func ageOf(c dialog.Conversation) string {
	t := c.Triage
	switch {
	case t.Pregnant && !t.AgeKnown:
		return "pregnancy"
	case t.AgeKnown && len(t.Ages) > 1:
		parts := make([]string, len(t.Ages))
		for i, a := range t.Ages {
			parts[i] = strconv.Itoa(a)
		}
		return "ages " + strings.Join(parts, ", ")
	case t.AgeKnown && t.Age < 2 && t.AgeMonths > 0:
		return fmt.Sprintf("%d months", t.AgeMonths)
	case t.AgeKnown:
		return strconv.Itoa(t.Age)
	}
	return "not known"
}

// practitionerName names a practitioner by id.
func (h *handler) practitionerName(id string) string {
	if p, ok := findPractitioner(h.dir, id); ok {
		return p.Name
	}
	return id
}

// rowOf summarises a conversation for the queue.
func (h *handler) rowOf(u *user, c dialog.Conversation, since time.Time) row {
	r := row{
		ID: c.ID, Since: since, Waiting: waited(h.now(), since), Channel: string(c.Channel),
		For: string(c.Triage.For), Age: ageOf(c), Ward: c.Triage.Ward, Flags: c.Flags,
	}
	if r.For == "" {
		r.For = "not known"
	}
	need := strings.Join(c.Triage.Terms, ", ")
	if w := strings.TrimSpace(c.Triage.Words); w != "" {
		need = strings.TrimSpace(need + ` ("` + w + `")`)
	}
	r.Need = need
	for _, id := range c.Offered {
		if h.svcName != nil {
			if n := h.svcName(id); n != "" {
				id = n
			}
		}
		r.Offered = append(r.Offered, id)
	}
	if c.Handoff != nil {
		r.Urgent = c.Handoff.Urgent
		r.Reason = c.Handoff.Reason
		r.AssignedID = c.Handoff.PractitionerID
	}
	r.Urgent = r.Urgent || isRisk(c)
	if r.AssignedID != "" {
		r.AssignedName = h.practitionerName(r.AssignedID)
		r.Mine = r.AssignedID == u.acct.PractitionerID
	}
	return r
}

// queueData is the queue page's.
type queueData struct {
	Mine      []row // assigned to the user
	Waiting   []row // unassigned, for the user's skills (a lead: all)
	Others    []row // assigned to someone else (leads only)
	Total     int
	Refreshed string
}

// visible loads the queue and keeps what u may see, urgent first, then
// longest waiting.
func (h *handler) visible(ctx context.Context, u *user) ([]row, error) {
	items, err := h.conv.Queue(ctx)
	if err != nil {
		return nil, fmt.Errorf("inbox: queue: %w", err)
	}
	items = slices.Clone(items)
	slices.SortStableFunc(items, func(a, b dialog.QueueItem) int {
		if a.Urgent != b.Urgent {
			if a.Urgent {
				return -1
			}
			return 1
		}
		return a.Since.Compare(b.Since)
	})
	rows := make([]row, 0, len(items))
	for _, it := range items {
		c, err := h.conv.Load(ctx, it.ConvID)
		switch {
		case errors.Is(err, dialog.ErrNotFound) || ErrorCode(err) == ENOTFOUND:
			continue // forgotten or expired since it was queued
		case err != nil:
			return nil, fmt.Errorf("inbox: queue: load: %w", err)
		}
		if c.ID == "" {
			c.ID = it.ConvID
		}
		if c.Handoff == nil { // the queue item is what the store knows
			c.Handoff = &dialog.Handoff{PractitionerID: it.PractitionerID, Urgent: it.Urgent, At: it.Since}
		}
		if !canSee(u, c) {
			continue
		}
		r := h.rowOf(u, c, it.Since)
		r.Urgent = r.Urgent || it.Urgent
		rows = append(rows, r)
	}
	// a risk flag found on loading may lift an item above the store's order
	slices.SortStableFunc(rows, func(a, b row) int {
		if a.Urgent != b.Urgent {
			if a.Urgent {
				return -1
			}
			return 1
		}
		return a.Since.Compare(b.Since)
	})
	return rows, nil
}

// queueData splits the visible rows into the page's sections.
func (h *handler) queueData(ctx context.Context, u *user) (queueData, error) {
	rows, err := h.visible(ctx, u)
	if err != nil {
		return queueData{}, err
	}
	d := queueData{Total: len(rows), Refreshed: h.now().In(h.loc).Format("15:04:05")}
	for _, r := range rows {
		switch {
		case r.Mine:
			d.Mine = append(d.Mine, r)
		case r.AssignedID == "":
			d.Waiting = append(d.Waiting, r)
		default:
			d.Others = append(d.Others, r)
		}
	}
	return d, nil
}

// doneMessage is the confirmation a redirect asks a page to show: a fixed
// sentence, so nothing from the URL is reflected.
func doneMessage(action string) string {
	switch action {
	case ActionReply:
		return "Reply sent."
	case ActionNote:
		return "Note added. It is not sent to the family."
	case ActionClaim:
		return "The conversation is yours now."
	case ActionReassign:
		return "Reassigned."
	case ActionHandBack:
		return "Handed back to the bot."
	case ActionClose:
		return "Conversation closed."
	case ActionFlagRisk:
		return "Risk flagged. The conversation is now urgent."
	}
	return ""
}

// queuePage shows the queue.
func (h *handler) queuePage(w http.ResponseWriter, r *http.Request, u *user) {
	d, err := h.queueData(r.Context(), u)
	if err != nil {
		h.fail(w, r, u, err)
		return
	}
	h.render(w, r, http.StatusOK, "queue", "", pageData{Title: "Queue", User: u, Flash: doneMessage(r.URL.Query().Get("done")), Data: d})
}

// queueFragment is the queue's tables alone, which the page fetches when
// the event stream says the queue changed.
func (h *handler) queueFragment(w http.ResponseWriter, r *http.Request, u *user) {
	d, err := h.queueData(r.Context(), u)
	if err != nil {
		h.fail(w, r, u, err)
		return
	}
	h.render(w, r, http.StatusOK, "queue", "queue-tables", pageData{User: u, Data: d})
}
