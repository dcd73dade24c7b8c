package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/northbrook/hubbot/content"
)

func TestSearchCommand(t *testing.T) {
	var out, errb bytes.Buffer
	err := run(context.Background(), []string{"search", "my 2 yr old isnt talking yet castleton"}, &out, &errb, noEnv)
	if err != nil {
		t.Fatalf("search: %v\nstderr: %s", err, errb.String())
	}
	got := out.String()
	for _, want := range []string{"age 2", "speech-language", "ward Castleton"} {
		if !strings.Contains(got, want) {
			t.Errorf("the triage line does not say %q:\n%s", want, got)
		}
	}
	// Ranked services, each with its ages, ward(s) and how to get in.
	entry := regexp.MustCompile(`(?m)^(\d)\. (.+)  \[(nb-[a-z0-9-]+), score [0-9.]+\]\n   ages ([0-9a-z+ -]+) \| ([^|]+) \| (.+)$`)
	ms := entry.FindAllStringSubmatch(got, -1)
	if len(ms) != 3 {
		t.Fatalf("want 3 ranked services, got %d:\n%s", len(ms), got)
	}
	o, _, err := content.Sample()
	if err != nil {
		t.Fatal(err)
	}
	access := map[string]bool{}
	for _, a := range []content.Access{content.AccessDropIn, content.AccessBooking, content.AccessSelfReferral, content.AccessReferral} {
		access[string(a)] = true
	}
	for i, m := range ms {
		if m[1] != string(rune('1'+i)) {
			t.Errorf("entry %d is numbered %s", i+1, m[1])
		}
		s, ok := o.Service(m[3])
		if !ok {
			t.Errorf("entry %d: %s is not in the sample", i+1, m[3])
			continue
		}
		if m[2] != s.Name || m[4] != ageText(s) || m[5] != strings.Join(s.Wards, ", ") {
			t.Errorf("entry %d: %q, ages %q, wards %q; want %q, %q, %q", i+1, m[2], m[4], m[5], s.Name, ageText(s), strings.Join(s.Wards, ", "))
		}
		if s.MinAge > 2 || s.MaxAge < 2 {
			t.Errorf("entry %d: %s is for ages %d-%d, not a 2-year-old", i+1, s.ID, s.MinAge, s.MaxAge)
		}
		for _, a := range strings.Split(m[6], ", ") {
			if !access[a] {
				t.Errorf("entry %d: access %q is not a way in", i+1, a)
			}
		}
	}
	if !strings.Contains(got, "nb-early-talk-castleton") {
		t.Errorf("the Castleton Early Talk drop-in is not among the services:\n%s", got)
	}
}

func TestSearchCommandJSON(t *testing.T) {
	var out, errb bytes.Buffer
	if err := run(context.Background(), []string{"search", "-json", "skint", "and", "the", "meter", "is", "on", "emergency", "credit"}, &out, &errb, noEnv); err != nil {
		t.Fatalf("search -json: %v", err)
	}
	var v struct {
		Triage struct {
			Terms []string `json:"terms"`
			Words string   `json:"words"`
		} `json:"triage"`
		Result struct {
			Matches []json.RawMessage `json:"matches"`
			NoFit   bool              `json:"no_fit"`
		} `json:"result"`
	}
	if err := json.Unmarshal(out.Bytes(), &v); err != nil {
		t.Fatalf("search -json printed %q: %v", out.String(), err)
	}
	if !strings.Contains(v.Triage.Words, "meter") || len(v.Result.Matches) == 0 || v.Result.NoFit {
		t.Errorf("search -json: words %q, %d matches, no_fit %v", v.Triage.Words, len(v.Result.Matches), v.Result.NoFit)
	}
}

func TestSearchCommandNoFit(t *testing.T) {
	var out, errb bytes.Buffer
	if err := run(context.Background(), []string{"search", "my car needs an mot"}, &out, &errb, noEnv); err != nil {
		t.Fatalf("search: %v", err)
	}
	if !strings.Contains(out.String(), "No good fit") {
		t.Errorf("no fit not said:\n%s", out.String())
	}
}

func TestSearchCommandNeedsText(t *testing.T) {
	var out, errb bytes.Buffer
	err := run(context.Background(), []string{"search", "  "}, &out, &errb, noEnv)
	if err == nil || !strings.Contains(err.Error(), "hubbot search") {
		t.Errorf("search with no text: err %v, want usage", err)
	}
}

func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"-h"}, {"--help"}} {
		var out, errb bytes.Buffer
		if err := run(context.Background(), args, &out, &errb, noEnv); err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		for _, cmd := range []string{"serve", "search", "import", "eval signposting", "bench search", "help"} {
			if !strings.Contains(out.String(), "  "+cmd+" ") {
				t.Errorf("%v does not list %q:\n%s", args, cmd, out.String())
			}
		}
	}
}

func TestUnknownCommand(t *testing.T) {
	var out, errb bytes.Buffer
	err := run(context.Background(), []string{"frobnicate", "now"}, &out, &errb, noEnv)
	if err == nil || !strings.Contains(err.Error(), `"frobnicate"`) {
		t.Fatalf("unknown command: err %v, want one naming it", err)
	}
	if !strings.Contains(errb.String(), "Commands:") {
		t.Errorf("unknown command: usage not printed to stderr:\n%s", errb.String())
	}
}

func TestMalformedConfig(t *testing.T) {
	for _, c := range []struct{ key, value string }{
		{"HUBBOT_RETENTION", "abc"},
		{"HUBBOT_RETENTION", "-1h"},
		{"HUBBOT_CHECKIN_AFTER", "fortnight"},
		{"HUBBOT_LOG_LEVEL", "loud"},
		{"HUBBOT_TIMEZONE", "Mars/Olympus"},
		{"HUBBOT_BANK_HOLIDAYS", "2026-12-25,Boxing Day"},
	} {
		getenv := func(k string) string {
			if k == c.key {
				return c.value
			}
			return ""
		}
		var out, errb bytes.Buffer
		err := run(context.Background(), []string{"search", "skint"}, &out, &errb, getenv)
		if err == nil || !strings.Contains(err.Error(), c.key) {
			t.Errorf("%s=%q: err %v, want one naming %s", c.key, c.value, err, c.key)
		}
		if out.Len() > 0 {
			t.Errorf("%s=%q: the command ran anyway:\n%s", c.key, c.value, out.String())
		}
	}
}

func TestSearchOfferFromFile(t *testing.T) {
	var out, errb bytes.Buffer
	err := run(context.Background(), []string{"search", "-offer", filepath.Join(t.TempDir(), "missing.json"), "skint"}, &out, &errb, noEnv)
	if err == nil {
		t.Error("search with a missing offer file: no error")
	}
}

// bench search runs end to end on a small synthetic offer: readable lines,
// then one JSON line with every figure.
func TestBenchSearch(t *testing.T) {
	var out, errb bytes.Buffer
	args := []string{"bench", "search", "-n", "300", "-rounds", "2", "-queries", "", "-dir", t.TempDir()}
	if err := run(context.Background(), args, &out, &errb, noEnv); err != nil {
		t.Fatalf("bench search: %v\nstderr: %s", err, errb.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	for _, want := range []string{"build:", "p50", "p99", "max", "heap in use:"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output does not say %q:\n%s", want, out.String())
		}
	}
	var r benchResult
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &r); err != nil {
		t.Fatalf("last line is not JSON: %v\n%s", err, out.String())
	}
	if r.Services != 300 || r.Queries != len(builtinBenchQueries) || r.Rounds != 2 || r.Searches != 2*len(builtinBenchQueries) || !r.OnDisk {
		t.Errorf("figures: %+v", r)
	}
	if r.BuildMS <= 0 || r.P50MS <= 0 || r.P50MS > r.P99MS || r.P99MS > r.MaxMS || r.HeapInuseBytes == 0 {
		t.Errorf("implausible figures: %+v", r)
	}
}

func TestBenchSearchQueriesFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "q.jsonl")
	os.WriteFile(path, []byte(`{"id":"a","text":"we are skint"}`+"\n"+`{"id":"b","text":"nursary for my 2 year old"}`+"\n"), 0o644)
	var out, errb bytes.Buffer
	if err := run(context.Background(), []string{"bench", "search", "-n", "50", "-rounds", "3", "-queries", path}, &out, &errb, noEnv); err != nil {
		t.Fatalf("bench search: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	var r benchResult
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &r); err != nil || r.Queries != 2 || r.Searches != 6 || r.OnDisk {
		t.Errorf("got %+v (%v)", r, err)
	}
	if err := run(context.Background(), []string{"bench", "search", "-n", "0"}, &out, &errb, noEnv); err == nil {
		t.Error("-n 0: no error")
	}
}

// The synthetic offer is shaped like the sample and the same every time.
func TestSyntheticOffer(t *testing.T) {
	base, _, err := content.Sample()
	if err != nil {
		t.Fatal(err)
	}
	a, b := content.Synthetic(base, 500), content.Synthetic(base, 500)
	if len(a.Services) != 500 {
		t.Fatalf("%d services, want 500", len(a.Services))
	}
	ids := map[string]bool{}
	for i, s := range a.Services {
		if ids[s.ID] {
			t.Fatalf("duplicate id %s", s.ID)
		}
		ids[s.ID] = true
		if _, ok := a.Service(s.ID); !ok {
			t.Fatalf("%s not found by id", s.ID)
		}
		if s.Description != b.Services[i].Description || s.MinAge != b.Services[i].MinAge {
			t.Fatalf("service %d differs between two runs", i)
		}
		if s.Name == "" || len(s.Terms) == 0 || s.MinAge > s.MaxAge || len(strings.Fields(s.Description)) < 20 {
			t.Errorf("service %s is not shaped like the sample: %+v", s.ID, s)
		}
	}
	if len(a.Wards()) != len(base.Wards()) {
		t.Errorf("wards %v, want the sample's %v", a.Wards(), base.Wards())
	}
}
