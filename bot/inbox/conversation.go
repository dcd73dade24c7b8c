package inbox

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/northbrook/hubbot/content"
	"github.com/northbrook/hubbot/dialog"
)

// Limits on what a practitioner types.
const (
	maxReply = 1600 // ten SMS segments
	maxNote  = 4000
)

// choice is one option of a select.
type choice struct{ Value, Label string }

// outcomeChoices are the outcomes a conversation closes with.
func outcomeChoices() []choice {
	return []choice{
		{OutcomeSignposted, "Signposted to a service"},
		{OutcomeReferred, "Referred to a service"},
		{OutcomeSafeguarding, "Safeguarding referral made"},
		{OutcomeNoContact, "No contact with the family"},
	}
}

// riskChoices are the risk categories a practitioner flags, those of the
// safeguarding detector.
func riskChoices() []choice {
	return []choice{
		{"child-abuse", "Child abuse"},
		{"neglect", "Neglect"},
		{"domestic-abuse", "Domestic abuse"},
		{"sexual-abuse", "Sexual abuse"},
		{"exploitation", "Exploitation"},
		{"self-harm", "Self-harm"},
		{"suicide", "Suicide risk"},
		{"missing-child", "Missing child"},
		{"violence", "Violence"},
		{"homelessness-tonight", "Homeless tonight"},
		{"medical-emergency", "Medical emergency"},
		{"parent-crisis", "Parent in crisis"},
		{"fgm-forced-marriage", "FGM or forced marriage"},
		{"other", "Other concern"},
	}
}

// isChoice reports whether v is one of cs.
func isChoice(cs []choice, v string) bool {
	for _, c := range cs {
		if c.Value == v {
			return true
		}
	}
	return false
}

// validID reports whether id looks like a conversation id (an HMAC in hex,
// or a test's short name), so nothing odd reaches the store or the logs.
func validID(id string) bool {
	if id == "" || len(id) > 128 {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

// stateLabel says where a conversation stands, in words.
func stateLabel(s dialog.State) string {
	switch s {
	case dialog.StateNew:
		return "new"
	case dialog.StateTriage:
		return "with the bot (finding out what is needed)"
	case dialog.StateOffered:
		return "with the bot (services offered)"
	case dialog.StateHandoff:
		return "waiting for a practitioner"
	case dialog.StateHuman:
		return "with a practitioner"
	case dialog.StateClosed:
		return "closed"
	}
	return string(s)
}

// entry is one transcript line as shown.
type entry struct {
	dialog.Entry
	Who   string
	Class string
}

// convData is the conversation page's.
type convData struct {
	Row           row
	State         string
	Summary       string
	Entries       []entry
	IsSMS         bool
	OptedOut      bool
	CanClaim      bool
	CanHandBack   bool
	Lead          bool
	Practitioners []content.Practitioner
	Outcomes      []choice
	Risks         []choice
	// Reply and Note keep what was typed when a form is refused.
	Reply, Note string
	// FieldError is shown by the form named in FieldFor.
	FieldError, FieldFor string
}

// loadFor loads a conversation u may open: ENOTFOUND for a bad id or one
// not kept, EFORBIDDEN for one that is not theirs.
func (h *handler) loadFor(ctx context.Context, u *user, id string) (dialog.Conversation, error) {
	if !validID(id) {
		return dialog.Conversation{}, Errorf(ENOTFOUND, "There is no such conversation.")
	}
	c, err := h.conv.Load(ctx, id)
	if err != nil {
		return dialog.Conversation{}, fmt.Errorf("inbox: load conversation: %w", err)
	}
	if c.ID == "" {
		c.ID = id
	}
	if !canSee(u, c) {
		return dialog.Conversation{}, Errorf(EFORBIDDEN, "This conversation is not yours to open.")
	}
	return c, nil
}

// convData builds the page's data for conversation c.
func (h *handler) convData(ctx context.Context, u *user, c dialog.Conversation) (convData, error) {
	tx, err := h.conv.Transcript(ctx, c.ID)
	if err != nil {
		return convData{}, fmt.Errorf("inbox: transcript: %w", err)
	}
	since := c.Updated
	if c.Handoff != nil && !c.Handoff.At.IsZero() {
		since = c.Handoff.At
	}
	d := convData{
		Row: h.rowOf(u, c, since), State: stateLabel(c.State),
		IsSMS: c.Channel == dialog.ChannelSMS, OptedOut: c.OptedOut, Lead: u.Lead(),
		Practitioners: h.dir.Practitioners, Outcomes: outcomeChoices(), Risks: riskChoices(),
	}
	if c.Handoff != nil {
		d.Summary = c.Handoff.Summary
		d.CanClaim = c.Handoff.PractitionerID == "" || (u.Lead() && c.Handoff.PractitionerID != u.acct.PractitionerID)
		d.CanHandBack = true
	}
	d.Entries = h.entries(tx)
	return d, nil
}

// fromStatus is the transcript direction of a delivery receipt (dialog's
// DeliveryStatus): a line saying what became of the outbound line with its
// ID, shown as that line's status rather than as a line of its own.
const fromStatus dialog.Direction = "status"

// entries labels the transcript's lines, folding each delivery receipt into
// the line it reports on.
func (h *handler) entries(tx []dialog.Entry) []entry {
	status := map[string]string{}
	for _, e := range tx {
		if e.From == fromStatus && e.ID != "" && e.Status != "" {
			status[e.ID] = e.Status
		}
	}
	out := make([]entry, 0, len(tx))
	for _, e := range tx {
		if e.From == fromStatus {
			continue
		}
		if s, ok := status[e.ID]; ok && e.ID != "" {
			e.Status = s
		}
		out = append(out, h.entryOf(e))
	}
	return out
}

// entryOf labels a transcript line with who wrote it.
func (h *handler) entryOf(e dialog.Entry) entry {
	v := entry{Entry: e}
	switch e.From {
	case dialog.FromFamily:
		v.Who, v.Class = "Family", "family"
	case dialog.FromBot:
		v.Who, v.Class = "Bot", "bot"
	case dialog.FromPractitioner:
		v.Who, v.Class = h.practitionerName(e.Author), "staff"
	case dialog.Note:
		v.Who, v.Class = "Internal note", "note"
		if e.Author != "" {
			v.Who = "Internal note by " + h.practitionerName(e.Author)
		}
	default:
		v.Who, v.Class = string(e.From), "bot"
	}
	return v
}

// conversationPage shows one conversation: summary, transcript, reply box,
// notes and actions. Every view is audited; without the audit entry the
// page is not shown.
func (h *handler) conversationPage(w http.ResponseWriter, r *http.Request, u *user) {
	c, err := h.loadFor(r.Context(), u, r.PathValue("id"))
	if err != nil {
		h.fail(w, r, u, err)
		return
	}
	d, err := h.convData(r.Context(), u, c)
	if err != nil {
		h.fail(w, r, u, err)
		return
	}
	if err := h.record(r.Context(), u, ActionView, c.ID, ""); err != nil {
		h.fail(w, r, u, err)
		return
	}
	h.render(w, r, http.StatusOK, "conversation", "", pageData{
		Title: "Conversation", User: u, Flash: doneMessage(r.URL.Query().Get("done")), Data: d,
	})
}

// conversationFragment is the summary and transcript alone, which the page
// fetches when the event stream says the conversation changed.
func (h *handler) conversationFragment(w http.ResponseWriter, r *http.Request, u *user) {
	c, err := h.loadFor(r.Context(), u, r.PathValue("id"))
	if err != nil {
		h.fail(w, r, u, err)
		return
	}
	d, err := h.convData(r.Context(), u, c)
	if err != nil {
		h.fail(w, r, u, err)
		return
	}
	h.render(w, r, http.StatusOK, "conversation", "conv-live", pageData{User: u, Data: d})
}

// formError is a refusal shown beside the form it concerns, with what was
// typed kept.
type formError struct {
	field string
	err   error
}

func (e *formError) Error() string { return e.err.Error() }
func (e *formError) Unwrap() error { return e.err }

// fieldErr marks err as belonging to the named form.
func fieldErr(field string, err error) error { return &formError{field: field, err: err} }

// text reads a trimmed text field and checks its length.
func text(r *http.Request, field, what string, max int) (string, error) {
	t := strings.TrimSpace(r.PostFormValue(field))
	switch {
	case t == "":
		return "", fieldErr(field, Errorf(EINVALID, "Write the %s first.", what))
	case utf8.RuneCountInString(t) > max:
		return "", fieldErr(field, Errorf(EINVALID, "The %s is too long: at most %d characters.", what, max))
	}
	return t, nil
}

// conversationAction runs one staff action, audits it, and redirects.
func (h *handler) conversationAction(w http.ResponseWriter, r *http.Request, u *user) {
	ctx := r.Context()
	action := r.PathValue("action")
	c, err := h.loadFor(ctx, u, r.PathValue("id"))
	if err != nil {
		h.fail(w, r, u, err)
		return
	}
	pid := u.acct.PractitionerID
	detail := ""
	back := mount + "/c/" + url.PathEscape(c.ID) + "?done=" + action
	switch action {
	case ActionReply:
		var t string
		if t, err = text(r, "text", "reply", maxReply); err == nil {
			err = fieldOf("text", h.conv.Reply(ctx, c.ID, pid, t))
		}
	case ActionNote:
		var t string
		if t, err = text(r, "note", "note", maxNote); err == nil {
			err = fieldOf("note", h.conv.Note(ctx, c.ID, pid, t))
		}
	case ActionClaim:
		err = h.conv.Claim(ctx, c.ID, pid)
	case ActionReassign:
		to := r.PostFormValue("to")
		_, known := findPractitioner(h.dir, to)
		switch {
		case !u.Lead():
			err = Errorf(EFORBIDDEN, "Only a lead can reassign a conversation.")
		case !known:
			err = fieldErr("to", Errorf(EINVALID, "Choose a practitioner to reassign to."))
		default:
			detail = "to:" + to
			err = fieldOf("to", h.conv.Reassign(ctx, c.ID, pid, to))
		}
	case ActionHandBack:
		err = h.conv.HandBack(ctx, c.ID, pid)
		back = mount + "/?done=" + action
	case ActionClose:
		outcome := r.PostFormValue("outcome")
		if !isChoice(outcomeChoices(), outcome) {
			err = fieldErr("outcome", Errorf(EINVALID, "Choose the outcome before closing."))
		} else {
			detail = outcome
			err = fieldOf("outcome", h.conv.Close(ctx, c.ID, pid, outcome))
		}
		back = mount + "/?done=" + action
	case ActionFlagRisk:
		cat := r.PostFormValue("category")
		if !isChoice(riskChoices(), cat) {
			err = fieldErr("category", Errorf(EINVALID, "Choose what the risk is."))
		} else {
			detail = "risk:" + cat
			err = fieldOf("category", h.conv.FlagRisk(ctx, c.ID, pid, detail))
		}
	default:
		h.fail(w, r, u, Errorf(ENOTFOUND, "There is no such action."))
		return
	}
	if err != nil {
		h.refuse(w, r, u, c, err)
		return
	}
	_ = h.record(ctx, u, action, c.ID, detail) // logged on failure: the action is done
	http.Redirect(w, r, back, http.StatusSeeOther)
}

// fieldOf marks a refusal from Conversations the practitioner can act on
// (EINVALID, ECONFLICT) as belonging to the named form.
func fieldOf(field string, err error) error {
	switch ErrorCode(err) {
	case "":
		return nil
	case EINVALID, ECONFLICT:
		return fieldErr(field, err)
	}
	return err
}

// refuse answers a refused action: beside its form, with what was typed
// kept, for a form error; as an error page for anything else.
func (h *handler) refuse(w http.ResponseWriter, r *http.Request, u *user, c dialog.Conversation, err error) {
	var fe *formError
	if !errors.As(err, &fe) {
		h.fail(w, r, u, err)
		return
	}
	d, derr := h.convData(r.Context(), u, c)
	if derr != nil {
		h.fail(w, r, u, derr)
		return
	}
	d.FieldFor, d.FieldError = fe.field, ErrorMessage(fe.err)
	d.Reply, d.Note = r.PostFormValue("text"), r.PostFormValue("note")
	h.render(w, r, statusOf(ErrorCode(fe.err)), "conversation", "", pageData{
		Title: "Conversation", User: u, Error: d.FieldError, Data: d,
	})
}
