package main

import (
	"context"
	"flag"
	"os"
)

// runServe runs hubbot until interrupted.
func runServe(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	if err := fs.Parse(args); err != nil {
		return err
	}
	log := newLogger(env.Config, os.Stderr)
	a, err := NewApp(ctx, env.Config, log)
	if err != nil {
		return err
	}
	defer a.Close()
	return a.Run(ctx)
}
