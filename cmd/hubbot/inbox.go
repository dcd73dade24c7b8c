package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/redis/go-redis/v9"

	"github.com/northbrook/hubbot/bot/inbox"
	"github.com/northbrook/hubbot/dialog"
)

// staffConversations adapts the dialog engine and store to what the staff
// inbox needs.
type staffConversations struct{ a *App }

var _ inbox.Conversations = staffConversations{}

func (s staffConversations) Queue(ctx context.Context) ([]dialog.QueueItem, error) {
	return s.a.Store.Queue(ctx)
}

func (s staffConversations) Load(ctx context.Context, id string) (dialog.Conversation, error) {
	return s.a.Store.Load(ctx, id)
}

func (s staffConversations) Transcript(ctx context.Context, id string) ([]dialog.Entry, error) {
	return s.a.Store.Transcript(ctx, id)
}

func (s staffConversations) Reply(ctx context.Context, id, pid, text string) error {
	_, err := s.a.Engine.Reply(ctx, id, pid, text)
	return staffError(err)
}

// staffError turns the dialog's refusals into messages a practitioner can act on.
func staffError(err error) error {
	switch {
	case errors.Is(err, dialog.ErrOptedOut):
		return inbox.Errorf(inbox.ECONFLICT, "The family has stopped messages (STOP). Nothing was sent.")
	case errors.Is(err, dialog.ErrHeld):
		return inbox.Errorf(inbox.ECONFLICT, "Another practitioner has already taken this conversation.")
	case errors.Is(err, dialog.ErrBadStaffEvent):
		return inbox.Errorf(inbox.EINVALID, "That action does not fit this conversation now.")
	}
	return err
}

func (s staffConversations) Note(ctx context.Context, id, pid, text string) error {
	_, err := s.a.Engine.AddNote(ctx, id, pid, text)
	return staffError(err)
}

func (s staffConversations) Claim(ctx context.Context, id, pid string) error {
	_, err := s.a.Engine.Claim(ctx, id, pid)
	return staffError(err)
}

func (s staffConversations) Reassign(ctx context.Context, id, by, to string) error {
	_, err := s.a.Engine.Reassign(ctx, id, by, to)
	return staffError(err)
}

func (s staffConversations) HandBack(ctx context.Context, id, pid string) error {
	_, err := s.a.Engine.HandBack(ctx, id, pid)
	return staffError(err)
}

func (s staffConversations) Close(ctx context.Context, id, pid, outcome string) error {
	_, err := s.a.Engine.Close(ctx, id, pid, outcome)
	return staffError(err)
}

func (s staffConversations) FlagRisk(ctx context.Context, id, pid, flag string) error {
	_, err := s.a.Engine.Flag(ctx, id, pid, flag)
	return staffError(err)
}

func (s staffConversations) Unmet(ctx context.Context) ([]dialog.UnmetNeed, error) {
	return s.a.Store.Unmet(ctx)
}

func (s staffConversations) Outcomes(ctx context.Context) ([]dialog.Outcome, error) {
	return s.a.Store.Outcomes(ctx)
}

// mountInbox serves the staff inbox under /staff.
func (a *App) mountInbox() error {
	accounts, err := inbox.NewAccounts(a.Redis, inbox.AccountsOptions{})
	if err != nil {
		return fmt.Errorf("app: staff accounts: %w", err)
	}
	audit, err := inbox.NewAudit(a.Redis, inbox.AuditOptions{Retention: a.Config.Retention})
	if err != nil {
		return fmt.Errorf("app: audit: %w", err)
	}
	h := inbox.New(inbox.Options{
		Conversations: staffConversations{a},
		Accounts:      accounts,
		Directory:     a.Dir,
		Audit:         audit,
		PublicURL:     a.Config.PublicURL,
		Log:           a.Log,
		ServiceName: func(id string) string {
			if s, ok := a.Index.Offer().Service(id); ok {
				return s.Name
			}
			return id
		},
	})
	a.mux.Handle("/staff", h)
	a.mux.Handle("/staff/", h)
	return nil
}

// runStaff manages staff accounts in the Redis hubbot serve uses:
// hubbot staff add|reset|disable. Passwords are read from standard input,
// never from the command line.
func runStaff(ctx context.Context, env *Env, args []string) error {
	opt, err := redis.ParseURL(redisURL(env))
	if err != nil {
		return fmt.Errorf("staff: HUBBOT_REDIS_URL: %w", err)
	}
	rdb := redis.NewClient(opt)
	defer rdb.Close()
	accounts, err := inbox.NewAccounts(rdb, inbox.AccountsOptions{})
	if err != nil {
		return fmt.Errorf("staff: %w", err)
	}
	in := bufio.NewReader(os.Stdin)
	readPassword := func() (string, error) {
		fmt.Fprint(env.Stderr, "password: ")
		line, err := in.ReadString('\n')
		if err != nil && line == "" {
			return "", fmt.Errorf("staff: read password: %w", err)
		}
		return strings.TrimRight(line, "\r\n"), nil
	}
	return inbox.RunStaffCommand(ctx, accounts, args, env.Stdout, readPassword)
}

// redisURL is the Redis the tools talk to: HUBBOT_REDIS_URL, or the
// embedded store of a hubbot serve running on this machine.
func redisURL(env *Env) string {
	if env.Config.RedisURL != "" {
		return env.Config.RedisURL
	}
	fmt.Fprintf(env.Stderr, "no HUBBOT_REDIS_URL: using the embedded store of the hubbot serve running at %s\n", env.Config.EmbeddedAddr)
	return "redis://" + env.Config.EmbeddedAddr
}
