// Package redistest starts a Redis server for tests: a real redis-server on a
// free loopback port with its own directory, which a test can stop and
// restart, or, where redis-server is not installed and CI is not "true", an
// in-process miniredis, said loudly in the test output.
package redistest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/redis/go-redis/v9"
)

// How long a server gets to start answering PING, and to exit when stopped.
const (
	startTimeout = 15 * time.Second
	stopTimeout  = 10 * time.Second
)

// Option changes how Start runs the server.
type Option func(*config)

type config struct{ persist bool }

// WithPersistence turns on the append-only file with an fsync on every
// write, so Stop and Restart keep the data.
func WithPersistence() Option { return func(c *config) { c.persist = true } }

// Server is a Redis server started for one test.
type Server struct {
	mr *miniredis.Miniredis // the fallback; nil for a real server

	bin, dir, logPath string
	port              int
	persist           bool
	cmd               *exec.Cmd
	exited            chan struct{} // closed when cmd has exited
}

// Start starts a real redis-server for tb and stops it when tb ends. Where
// redis-server is not on PATH it fails the test if the environment variable
// CI is "true", and otherwise falls back to miniredis and logs that it did.
func Start(tb testing.TB, opts ...Option) *Server {
	tb.Helper()
	var cfg config
	for _, o := range opts {
		o(&cfg)
	}
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("redis-server not installed: CI requires the real server")
		}
		tb.Log("redistest: !!! redis-server NOT FOUND on PATH: FALLING BACK to in-process miniredis; " +
			"stop/restart tests are skipped and behaviour may differ from real Redis. Install redis-server to test for real. !!!")
		return &Server{mr: miniredis.RunT(tb)}
	}
	dir := tb.TempDir()
	s := &Server{bin: bin, dir: dir, logPath: filepath.Join(dir, "redis.log"), persist: cfg.persist}
	tb.Cleanup(s.kill)
	for try := 0; ; try++ {
		if s.port, err = freePort(); err == nil {
			if err = s.start(); err == nil {
				return s
			}
		}
		if try == 4 {
			tb.Fatalf("redistest: start redis-server: %v", err)
		}
	}
}

// Real reports whether this is a real redis-server (false for the miniredis
// fallback).
func (s *Server) Real() bool { return s.mr == nil }

// Addr returns the server's host:port.
func (s *Server) Addr() string {
	if s.mr != nil {
		return s.mr.Addr()
	}
	return net.JoinHostPort("127.0.0.1", strconv.Itoa(s.port))
}

// Client returns a client of the server, closed when tb ends. Its timeouts
// are short, so a stopped server fails calls quickly. Like any go-redis
// client, after a run of failed dials it stops dialing and probes the server
// once a second, so calls may fail for up to a second after Restart.
func (s *Server) Client(tb testing.TB) *redis.Client {
	tb.Helper()
	c := redis.NewClient(&redis.Options{
		Addr:         s.Addr(),
		DialTimeout:  time.Second,
		ReadTimeout:  2 * time.Second,
		WriteTimeout: 2 * time.Second,
		// fail fast while a test has the server stopped
		DialerRetries:      2,
		DialerRetryTimeout: 50 * time.Millisecond,
	})
	tb.Cleanup(func() { _ = c.Close() })
	return c
}

// Stop shuts the server down gracefully (SIGTERM, which flushes the
// append-only file) and waits for it to exit. With the miniredis fallback it
// skips the test.
func (s *Server) Stop(tb testing.TB) {
	tb.Helper()
	s.skipFallback(tb, "Stop")
	if err := s.stop(); err != nil {
		tb.Fatalf("redistest: stop: %v", err)
	}
}

// Restart starts the server again on the same port and directory (stopping
// it first if it runs), and waits until it answers. With the miniredis
// fallback it skips the test.
func (s *Server) Restart(tb testing.TB) {
	tb.Helper()
	s.skipFallback(tb, "Restart")
	if err := s.stop(); err != nil {
		tb.Fatalf("redistest: restart: %v", err)
	}
	var err error
	for try := 0; try < 20; try++ { // the old socket may linger a moment
		if err = s.start(); err == nil {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	tb.Fatalf("redistest: restart: %v", err)
}

func (s *Server) skipFallback(tb testing.TB, what string) {
	tb.Helper()
	if s.mr != nil {
		tb.Skipf("redistest: %s needs a real redis-server; this run fell back to miniredis (redis-server not on PATH)", what)
	}
}

func (s *Server) args() []string {
	a := []string{
		"--port", strconv.Itoa(s.port), "--bind", "127.0.0.1", "--dir", s.dir,
		"--save", "", "--daemonize", "no", "--logfile", "",
	}
	if s.persist {
		return append(a, "--appendonly", "yes", "--appendfsync", "always")
	}
	return append(a, "--appendonly", "no")
}

// start runs redis-server and waits until it, and not some other process on
// the port, answers.
func (s *Server) start() error {
	logf, err := os.OpenFile(s.logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return err
	}
	cmd := exec.Command(s.bin, s.args()...)
	cmd.Dir, cmd.Stdout, cmd.Stderr = s.dir, logf, logf
	if err := cmd.Start(); err != nil {
		logf.Close()
		return err
	}
	exited := make(chan struct{})
	go func() {
		_ = cmd.Wait()
		logf.Close()
		close(exited)
	}()
	s.cmd, s.exited = cmd, exited

	c := redis.NewClient(&redis.Options{Addr: s.Addr(), DialTimeout: 200 * time.Millisecond, MaxRetries: -1})
	defer c.Close()
	deadline := time.Now().Add(startTimeout)
	for {
		select {
		case <-exited:
			return fmt.Errorf("redis-server exited at start: %s", s.logTail())
		default:
		}
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		info, err := c.Info(ctx, "server").Result()
		cancel()
		if err == nil {
			if pid := infoField(info, "process_id"); pid != strconv.Itoa(cmd.Process.Pid) {
				s.kill()
				return fmt.Errorf("port %d answered by another redis (pid %s)", s.port, pid)
			}
			return nil
		}
		if time.Now().After(deadline) {
			s.kill()
			return fmt.Errorf("redis-server did not answer within %v: %v; %s", startTimeout, err, s.logTail())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// stop sends SIGTERM and waits; a server that does not exit is killed.
func (s *Server) stop() error {
	if s.cmd == nil {
		return nil
	}
	select {
	case <-s.exited:
		s.cmd = nil
		return nil
	default:
	}
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil && !errors.Is(err, os.ErrProcessDone) {
		return err
	}
	select {
	case <-s.exited:
		s.cmd = nil
		return nil
	case <-time.After(stopTimeout):
		s.kill()
		return fmt.Errorf("redis-server did not exit within %v of SIGTERM; killed", stopTimeout)
	}
}

// kill ends the server at once and waits for it.
func (s *Server) kill() {
	if s.cmd == nil {
		return
	}
	_ = s.cmd.Process.Kill()
	<-s.exited
	s.cmd = nil
}

func (s *Server) logTail() string {
	b, _ := os.ReadFile(s.logPath)
	if len(b) > 2000 {
		b = b[len(b)-2000:]
	}
	return "log: " + string(bytes.TrimSpace(b))
}

func infoField(info, name string) string {
	for line := range strings.Lines(info) {
		if v, ok := strings.CutPrefix(strings.TrimSpace(line), name+":"); ok {
			return v
		}
	}
	return ""
}

// freePort asks the kernel for a free loopback port.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
