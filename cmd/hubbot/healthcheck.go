package main

import (
	"context"
	"fmt"
	"net/http"
	"time"
)

// runHealthcheck asks the running hubbot's admin listener whether it is
// alive, for a container HEALTHCHECK with no shell or curl in the image.
func runHealthcheck(ctx context.Context, env *Env, args []string) error {
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+env.Config.AdminAddr+"/healthz", nil)
	if err != nil {
		return fmt.Errorf("healthcheck: %w", err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("healthcheck: %w", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("healthcheck: %s", resp.Status)
	}
	fmt.Fprintln(env.Stdout, "ok")
	return nil
}
