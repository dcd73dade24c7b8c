package assign

import (
	"context"
	"maps"
	"sync"

	"github.com/northbrook/hubbot/dialog"
)

// Caseload says how many open conversations each practitioner holds, by
// practitioner id.
type Caseload interface {
	OpenCounts(ctx context.Context) (map[string]int, error)
}

// QueueCaseload counts the conversations on a store's staff queue held by
// or waiting for each practitioner: the open ones.
type QueueCaseload struct {
	Store dialog.Store
}

// OpenCounts counts queue items by practitioner.
func (q QueueCaseload) OpenCounts(ctx context.Context) (map[string]int, error) {
	items, err := q.Store.Queue(ctx)
	if err != nil {
		return nil, err
	}
	out := map[string]int{}
	for _, it := range items {
		if it.PractitionerID != "" {
			out[it.PractitionerID]++
		}
	}
	return out, nil
}

// MemCaseload is a Caseload held in memory, for tests and tools.
type MemCaseload struct {
	mu     sync.Mutex
	counts map[string]int
}

// NewMemCaseload returns a caseload with the given counts.
func NewMemCaseload(counts map[string]int) *MemCaseload {
	return &MemCaseload{counts: maps.Clone(counts)}
}

// Set sets a practitioner's count.
func (m *MemCaseload) Set(id string, n int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.counts == nil {
		m.counts = map[string]int{}
	}
	m.counts[id] = n
}

// OpenCounts returns a copy of the counts.
func (m *MemCaseload) OpenCounts(context.Context) (map[string]int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return maps.Clone(m.counts), nil
}
