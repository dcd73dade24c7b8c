package main

import (
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/redis/go-redis/v9"

	"github.com/northbrook/hubbot/dialog"
	"github.com/northbrook/hubbot/dialog/redisstore"
)

// runReport prints the unmet-need or outcome records as a table or CSV:
// hubbot report unmet|outcomes [-csv]. It reads HUBBOT_REDIS_URL.
func runReport(ctx context.Context, env *Env, args []string) error {
	if len(args) == 0 || (args[0] != "unmet" && args[0] != "outcomes") {
		return fmt.Errorf("report: say which: hubbot report unmet|outcomes [-csv]")
	}
	what := args[0]
	fs := flag.NewFlagSet("report "+what, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	asCSV := fs.Bool("csv", false, "print CSV instead of a table")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	opt, err := redis.ParseURL(redisURL(env))
	if err != nil {
		return fmt.Errorf("report: HUBBOT_REDIS_URL: %w", err)
	}
	rdb := redis.NewClient(opt)
	defer rdb.Close()
	store := redisstore.New(rdb, []byte(env.Config.HMACKey), redisstore.Options{Retention: env.Config.Retention})
	var header []string
	var rows [][]string
	switch what {
	case "unmet":
		recs, err := store.Unmet(ctx)
		if err != nil {
			return fmt.Errorf("report: %w", err)
		}
		header, rows = unmetRows(recs)
	default:
		recs, err := store.Outcomes(ctx)
		if err != nil {
			return fmt.Errorf("report: %w", err)
		}
		header, rows = outcomeRows(recs)
	}
	if *asCSV {
		w := csv.NewWriter(env.Stdout)
		w.Write(header)
		w.WriteAll(rows)
		return w.Error()
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(header, "\t"))
	for _, r := range rows {
		fmt.Fprintln(tw, strings.Join(r, "\t"))
	}
	fmt.Fprintf(tw, "(%d records)\n", len(rows))
	return tw.Flush()
}

// unmetRows lays out unmet-need records, newest first.
func unmetRows(recs []dialog.UnmetNeed) ([]string, [][]string) {
	sort.SliceStable(recs, func(i, j int) bool { return recs[i].Date > recs[j].Date })
	rows := make([][]string, 0, len(recs))
	for _, r := range recs {
		rows = append(rows, []string{r.Date, r.Reason, strings.Join(r.Terms, " "), r.AgeBand, r.Ward, r.Words})
	}
	return []string{"date", "reason", "terms", "age band", "ward", "need words"}, rows
}

// outcomeRows lays out check-in answers, newest first.
func outcomeRows(recs []dialog.Outcome) ([]string, [][]string) {
	sort.SliceStable(recs, func(i, j int) bool { return recs[i].Date > recs[j].Date })
	rows := make([][]string, 0, len(recs))
	for _, r := range recs {
		rows = append(rows, []string{r.Date, r.Answer, strings.Join(r.Terms, " "), r.Ward})
	}
	return []string{"date", "answer", "terms", "ward"}, rows
}
