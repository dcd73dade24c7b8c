package inbox

import (
	"net/http"
	"strings"
)

// auditData is the audit page's.
type auditData struct {
	Conv, Actor string
	Entries     []AuditEntry
	Limit       int
}

// auditLimit is how many entries the audit page shows.
const auditLimit = 500

// auditPage shows the audit trail to leads, newest first, optionally for
// one conversation or one member of staff.
func (h *handler) auditPage(w http.ResponseWriter, r *http.Request, u *user) {
	if !u.Lead() {
		h.fail(w, r, u, Errorf(EFORBIDDEN, "Only a lead can read the audit trail."))
		return
	}
	q := r.URL.Query()
	d := auditData{Conv: strings.TrimSpace(q.Get("conv")), Actor: strings.ToLower(strings.TrimSpace(q.Get("actor"))), Limit: auditLimit}
	if d.Conv != "" && !validID(d.Conv) {
		h.fail(w, r, u, Errorf(EINVALID, "That is not a conversation id."))
		return
	}
	entries, err := h.audit.List(r.Context(), AuditFilter{ConvID: d.Conv, Actor: d.Actor, Limit: auditLimit})
	if err != nil {
		h.fail(w, r, u, err)
		return
	}
	d.Entries = entries
	_ = h.record(r.Context(), u, ActionViewAudit, d.Conv, "")
	h.render(w, r, http.StatusOK, "audit", "", pageData{Title: "Audit trail", User: u, Data: d})
}
