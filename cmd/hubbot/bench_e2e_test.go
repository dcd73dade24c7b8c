package main

import (
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// TestBenchE2EShort runs a short hubbot bench e2e (two hubbot processes,
// one real redis-server, a fake Twilio, replays and bursts) and asserts the
// counts only: nothing doubled, nothing lost. Timings belong to the bench.
func TestBenchE2EShort(t *testing.T) {
	if _, err := exec.LookPath("redis-server"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("redis-server not installed: CI requires the real server")
		}
		t.Skip("redis-server not installed; skipping the multi-process run")
	}
	exe := filepath.Join(t.TempDir(), "hubbot")
	build := exec.Command("go", "build", "-o", exe, ".")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		t.Fatalf("build hubbot: %v", err)
	}
	rep, err := benchE2E(context.Background(), e2eOptions{
		Exe: exe, Instances: 2, Duration: 4 * time.Second, Families: 40, Concurrency: 16,
		Replay: 0.2, Burst: 0.2, Fault: "none", Grace: 20 * time.Second,
	}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Inbound == 0 || rep.RepliesReceived == 0 {
		t.Fatalf("nothing got through: %+v", rep)
	}
	if rep.Doubles != 0 || rep.Lost != 0 {
		t.Errorf("doubles %d, lost %d (want 0 and 0): %+v", rep.Doubles, rep.Lost, rep)
	}
	t.Logf("%d messages accepted, %d replays, %d replies", rep.Inbound, rep.Replays, rep.RepliesReceived)
}
