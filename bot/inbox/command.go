package inbox

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// StaffUsage is the help for `hubbot staff`.
const StaffUsage = `usage:
  hubbot staff add EMAIL --role practitioner|lead --practitioner ID
  hubbot staff reset EMAIL
  hubbot staff disable EMAIL

The password is read by the caller (from the terminal, or from stdin when
it is not one), never from the command line. Add enables a disabled account
again with the new password; reset and disable end the account's sessions.`

// ErrUsage is returned by RunStaffCommand for arguments it cannot use; the
// caller prints StaffUsage.
var ErrUsage = errors.New("inbox: staff: bad arguments")

// RunStaffCommand runs `hubbot staff add | reset | disable` against
// accounts: args are the words after "staff", readPassword supplies the
// password for add and reset, and a line saying what was done goes to
// stdout.
func RunStaffCommand(ctx context.Context, accounts *Accounts, args []string, stdout io.Writer, readPassword func() (string, error)) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: no subcommand", ErrUsage)
	}
	fs := flag.NewFlagSet("staff "+args[0], flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	role := fs.String("role", "", "practitioner or lead")
	pid := fs.String("practitioner", "", "the practitioner id in the content directory")
	pos, err := parseInterleaved(fs, args[1:])
	if err != nil {
		return fmt.Errorf("%w: %w", ErrUsage, err)
	}
	if len(pos) != 1 {
		return fmt.Errorf("%w: want exactly one EMAIL, got %d arguments", ErrUsage, len(pos))
	}
	email := pos[0]
	password := func() (string, error) {
		if readPassword == nil {
			return "", errors.New("inbox: staff: no way to read a password")
		}
		pw, err := readPassword()
		if err != nil {
			return "", fmt.Errorf("inbox: staff: read password: %w", err)
		}
		return strings.TrimRight(pw, "\r\n"), nil
	}
	switch args[0] {
	case "add":
		if *role == "" || *pid == "" {
			return fmt.Errorf("%w: add needs --role and --practitioner", ErrUsage)
		}
		pw, err := password()
		if err != nil {
			return err
		}
		if err := accounts.Add(ctx, email, pw, Role(*role), *pid); err != nil {
			return fmt.Errorf("inbox: staff add: %w", err)
		}
		_, err = fmt.Fprintf(stdout, "added %s as %s, practitioner %s\n", strings.ToLower(strings.TrimSpace(email)), *role, *pid)
		return err
	case "reset":
		if *role != "" || *pid != "" {
			return fmt.Errorf("%w: reset takes no flags", ErrUsage)
		}
		pw, err := password()
		if err != nil {
			return err
		}
		if err := accounts.Reset(ctx, email, pw); err != nil {
			return fmt.Errorf("inbox: staff reset: %w", err)
		}
		_, err = fmt.Fprintf(stdout, "reset the password of %s; its sessions are ended\n", strings.ToLower(strings.TrimSpace(email)))
		return err
	case "disable":
		if *role != "" || *pid != "" {
			return fmt.Errorf("%w: disable takes no flags", ErrUsage)
		}
		if err := accounts.Disable(ctx, email); err != nil {
			return fmt.Errorf("inbox: staff disable: %w", err)
		}
		_, err := fmt.Fprintf(stdout, "disabled %s; its sessions are ended\n", strings.ToLower(strings.TrimSpace(email)))
		return err
	}
	return fmt.Errorf("%w: unknown subcommand %q", ErrUsage, args[0])
}

// parseInterleaved parses flags that may come before or after the
// positional arguments, and returns the positional ones.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}
