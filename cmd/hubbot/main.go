// Command hubbot is the Family Hub's messaging front door: it serves the
// SMS, Telegram and web chat channels and the staff inbox, and carries the
// tools to search, import and evaluate the local offer.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"syscall"
)

// command is one hubbot subcommand.
type command struct {
	summary string
	run     func(ctx context.Context, env *Env, args []string) error
}

// Env is what every subcommand is given: its configuration and where to write.
type Env struct {
	Config Config
	Stdout io.Writer
	Stderr io.Writer
}

func commands() map[string]command {
	return map[string]command{
		"serve":             {"run hubbot (the default): channels, staff inbox, health", runServe},
		"search":            {"search the local offer as a family would: hubbot search \"my 2 yr old isnt talking yet castleton\"", runSearch},
		"import":            {"import and check an Open Referral UK feed: hubbot import FILE|URL", runImport},
		"eval signposting":  {"score signposting on a query set: -queries FILE [-offer FILE]", runEvalSignposting},
		"eval needs":        {"score need reading on the family-needs corpus: [-cases FILE] (default: its frozen test split)", runEvalNeeds},
		"eval safeguarding": {"score the safeguarding detector: -cases FILE", runEvalSafeguardingCmd},
		"corpus split":      {"split a corpus's raw/*.jsonl once into train and a frozen test split: -dir DIR", runCorpusSplit},
		"train needs":       {"train the need model from the family-needs corpus's train split [-check: fail unless it reproduces the committed model]", runTrainNeeds},
		"train safety":      {"train the safeguarding models from the corpus's train split [-check: fail unless it reproduces the committed models]", runTrainSafety},
		"bench e2e":         {"prove it under load and faults: several hubbot processes, one Redis, fake Twilio [-instances 3 -duration 10s -fault none|redis-restart|provider-429|provider-5xx|kill-instance]", runBenchE2E},
		"bench search":      {"benchmark index build and search on a synthetic offer: [-n 10000]", runBenchSearch},
		"staff":             {"manage staff inbox accounts: hubbot staff add EMAIL --role lead|practitioner --practitioner ID | reset EMAIL | disable EMAIL (password on stdin)", runStaff},
		"report":            {"unmet need or outcomes as a table or CSV: hubbot report unmet|outcomes [-csv]", runReport},
		"healthcheck":       {"exit 0 if the hubbot on HUBBOT_ADMIN_ADDR is alive (the container's HEALTHCHECK)", runHealthcheck},
		"help":              {"list the commands", nil},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr, os.Getenv)
	stop()
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "hubbot:", err)
		}
		os.Exit(2)
	}
}

// run picks the subcommand from args and runs it.
func run(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	cmds := commands()
	name, rest := "serve", args
	if len(args) > 0 {
		if len(args) > 1 {
			if _, ok := cmds[args[0]+" "+args[1]]; ok {
				name, rest = args[0]+" "+args[1], args[2:]
			}
		}
		if name == "serve" {
			if _, ok := cmds[args[0]]; ok {
				name, rest = args[0], args[1:]
			} else if args[0] == "-h" || args[0] == "--help" {
				name = "help"
			} else if args[0][0] != '-' {
				usage(stderr, cmds)
				return fmt.Errorf("unknown command %q", args[0])
			}
		}
	}
	if name == "help" {
		usage(stdout, cmds)
		return nil
	}
	cfg, err := LoadConfig(getenv)
	if err != nil {
		return err
	}
	return cmds[name].run(ctx, &Env{Config: cfg, Stdout: stdout, Stderr: stderr}, rest)
}

func usage(w io.Writer, cmds map[string]command) {
	fmt.Fprintln(w, "hubbot: the Family Hub's messaging front door\n\nUsage: hubbot [command] [flags]\n\nCommands:")
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-18s %s\n", n, cmds[n].summary)
	}
	fmt.Fprintln(w, "\nConfiguration comes from HUBBOT_* environment variables: see README.md.")
}
