package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"

	"github.com/northbrook/hubbot/content"
)

// runImport reads an Open Referral UK feed (a file or an API base URL) and
// prints what it found: version, services read, imported, skipped by reason.
// It is how a council checks its feed before pointing HUBBOT_OFFER at it.
func runImport(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	version := fs.String("version", env.Config.OfferVersion, "force the feed version: oruk-1 or oruk-3 (default: detect)")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	warnings := fs.Bool("warnings", false, "list every skipped or repaired record")
	if err := fs.Parse(args); err != nil {
		return err
	}
	src := env.Config.Offer
	if fs.NArg() > 0 {
		src = fs.Arg(0)
	}
	offer, rep, err := loadOffer(ctx, src, *version)
	if err != nil {
		return fmt.Errorf("import: %w (nothing was loaded)", err)
	}
	if _, _, err := buildSignposter(ctx, offer, ""); err != nil {
		return fmt.Errorf("import: indexing: %w", err)
	}
	if src == "" {
		fmt.Fprintf(env.Stdout, "no feed named: checking the bundled %s\n", content.SampleName)
	}
	if *asJSON {
		return json.NewEncoder(env.Stdout).Encode(rep)
	}
	fmt.Fprintln(env.Stdout, rep.Summary())
	fmt.Fprintf(env.Stdout, "wards: %v\n", offer.Wards())
	if *warnings {
		for _, w := range rep.Warnings {
			fmt.Fprintln(env.Stdout, "  ", w.String())
		}
	} else if len(rep.Warnings) > 0 {
		fmt.Fprintf(env.Stdout, "(%d warnings: -warnings lists them)\n", len(rep.Warnings))
	}
	return nil
}
