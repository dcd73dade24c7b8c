package main

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/northbrook/hubbot/content"
	"github.com/northbrook/hubbot/dialog"
	"github.com/northbrook/hubbot/dialog/triage"
	"github.com/northbrook/hubbot/index"
)

// loadOffer imports the offer at src (a file path or an http(s) API base
// URL), or the bundled Northbrook sample when src is empty.
func loadOffer(ctx context.Context, src, version string) (*content.Offer, content.Report, error) {
	switch {
	case src == "":
		return content.Sample()
	case strings.HasPrefix(src, "http://") || strings.HasPrefix(src, "https://"):
		client := &http.Client{Timeout: 30 * time.Second}
		return content.FetchFeed(ctx, client, src, version)
	default:
		f, err := os.Open(src)
		if err != nil {
			return nil, content.Report{Source: src}, fmt.Errorf("offer: %w", err)
		}
		defer f.Close()
		return content.ReadFeed(f, src, version)
	}
}

// newParser builds the triage parser for an offer's places, reading needs
// with the thesaurus (through the glossaries for other languages) and the
// learned need model.
func newParser(o *content.Offer) (*triage.Parser, error) {
	r, err := triage.LoadNeedReader()
	if err != nil {
		return nil, err
	}
	g, err := triage.LoadGlossary()
	if err != nil {
		return nil, err
	}
	return triage.NewParser(o.Wards(), o.PostcodeWards()).WithNeeds(r).WithGlossary(g), nil
}

// buildSignposter indexes an offer and returns the signposter over it.
func buildSignposter(ctx context.Context, o *content.Offer, dir string) (dialog.Signposter, *index.Index, error) {
	ix := index.New(index.Options{Dir: dir})
	if err := ix.Build(ctx, o); err != nil {
		return dialog.Signposter{}, nil, err
	}
	p, err := newParser(o)
	if err != nil {
		ix.Close()
		return dialog.Signposter{}, nil, err
	}
	return dialog.Signposter{Parser: p, Searcher: ix}, ix, nil
}
