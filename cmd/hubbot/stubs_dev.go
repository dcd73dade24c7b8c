package main

import (
	"context"
	"errors"
)

func runServe(ctx context.Context, env *Env, args []string) error       { return errors.New("todo") }
func runBenchSearch(ctx context.Context, env *Env, args []string) error { return errors.New("todo") }
func runEvalSafeguardingCmd(ctx context.Context, env *Env, args []string) error {
	return errors.New("todo")
}
