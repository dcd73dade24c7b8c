package inbox_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/northbrook/hubbot/bot/inbox"
)

func TestRunStaffCommand(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	pw := func(s string) func() (string, error) { return func() (string, error) { return s + "\n", nil } }
	tests := []struct {
		label   string
		args    []string
		pw      func() (string, error)
		usage   bool
		code    string
		out     string
		login   string // a password that logs in afterwards, for the email
		email   string
		refused bool
	}{
		{"Add", []string{"add", "New@Hub.example", "--role", "lead", "--practitioner", "prac-hannah-clarke"}, pw("a long enough password"),
			false, "", "added new@hub.example as lead, practitioner prac-hannah-clarke", "a long enough password", "new@hub.example", false},
		{"AddFlagsFirst", []string{"add", "--role=practitioner", "--practitioner=prac-ioana-popescu", "ioana@hub.example"}, pw("ioana's long password"),
			false, "", "added ioana@hub.example", "ioana's long password", "ioana@hub.example", false},
		{"AddDuplicate", []string{"add", priya, "--role", "lead", "--practitioner", "prac-priya-sharma"}, pw("a long enough password"),
			false, inbox.ECONFLICT, "", "", "", false},
		{"AddNoRole", []string{"add", "x@hub.example", "--practitioner", "prac-priya-sharma"}, pw("a long enough password"), true, "", "", "", "", false},
		{"AddPasswordFlag", []string{"add", "x@hub.example", "--role", "lead", "--practitioner", "p", "--password", "hunter2"}, pw("x"), true, "", "", "", "", false},
		{"AddReadFails", []string{"add", "y@hub.example", "--role", "lead", "--practitioner", "prac-priya-sharma"},
			func() (string, error) { return "", errors.New("no terminal") }, false, inbox.EINTERNAL, "", "", "", false},
		{"Reset", []string{"reset", marcus}, pw("marcus new password"), false, "", "reset the password of marcus@hub.example", "marcus new password", marcus, false},
		{"ResetUnknown", []string{"reset", "ghost@hub.example"}, pw("a long enough password"), false, inbox.ENOTFOUND, "", "", "", false},
		{"Disable", []string{"disable", priya}, nil, false, "", "disabled priya@hub.example", password, priya, true},
		{"NoSubcommand", nil, nil, true, "", "", "", "", false},
		{"Unknown", []string{"list", "a@b.c"}, nil, true, "", "", "", "", false},
		{"TwoEmails", []string{"disable", "a@hub.example", "b@hub.example"}, nil, true, "", "", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.label, func(t *testing.T) {
			var out bytes.Buffer
			err := inbox.RunStaffCommand(ctx, e.acc, tt.args, &out, tt.pw)
			switch {
			case tt.usage:
				if !errors.Is(err, inbox.ErrUsage) {
					t.Fatalf("err %v, want ErrUsage", err)
				}
				return
			case tt.code != "":
				if got := inbox.ErrorCode(err); got != tt.code {
					t.Fatalf("code %q (%v), want %q", got, err, tt.code)
				}
				return
			case err != nil:
				t.Fatalf("err %v", err)
			}
			if !strings.Contains(out.String(), tt.out) {
				t.Errorf("output %q, want %q", out.String(), tt.out)
			}
			if tt.email != "" {
				_, err := e.acc.Authenticate(ctx, tt.email, tt.login)
				if (err != nil) != tt.refused {
					t.Errorf("login afterwards: %v", err)
				}
			}
		})
	}
	if !strings.Contains(inbox.StaffUsage, "hubbot staff add EMAIL") {
		t.Error("usage text")
	}
}
