package main

import (
	"context"
	"errors"
)

func runEvalSafeguardingCmd(ctx context.Context, env *Env, args []string) error {
	return errors.New("todo")
}
