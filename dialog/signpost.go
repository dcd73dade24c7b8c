package dialog

import (
	"context"
	"fmt"

	"github.com/northbrook/hubbot/dialog/triage"
)

// Searcher finds the local services that fit a triage.
type Searcher interface {
	Search(ctx context.Context, t triage.Triage) (triage.Result, error)
}

// Signposter turns what a family wrote into the services that fit it. The
// dialog, `hubbot search` and the evaluation all signpost through it.
type Signposter struct {
	Parser   *triage.Parser
	Searcher Searcher
}

// Signpost reads one message and searches for it.
func (s Signposter) Signpost(ctx context.Context, text string) (triage.Triage, triage.Result, error) {
	t := s.Parser.Parse(text)
	r, err := s.Search(ctx, t)
	return t, r, err
}

// Search searches for a triage already read (perhaps over several messages).
func (s Signposter) Search(ctx context.Context, t triage.Triage) (triage.Result, error) {
	r, err := s.Searcher.Search(ctx, t)
	if err != nil {
		return triage.Result{}, fmt.Errorf("signpost: %w", err)
	}
	return r, nil
}
