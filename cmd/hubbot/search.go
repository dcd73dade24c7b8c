package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"strings"

	"github.com/northbrook/hubbot/content"
	"github.com/northbrook/hubbot/dialog/triage"
)

// runSearch signposts one message from the command line, as the bot would.
func runSearch(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("search", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	offerPath := fs.String("offer", env.Config.Offer, "offer file or API URL (default: the bundled Northbrook sample)")
	asJSON := fs.Bool("json", false, "print the triage and result as JSON")
	n := fs.Int("n", 3, "how many services to show")
	if err := fs.Parse(args); err != nil {
		return err
	}
	text := strings.Join(fs.Args(), " ")
	if strings.TrimSpace(text) == "" {
		return fmt.Errorf("search: say what the family wrote, e.g. hubbot search \"my 2 yr old isnt talking yet castleton\"")
	}
	offer, _, err := loadOffer(ctx, *offerPath, env.Config.OfferVersion)
	if err != nil {
		return err
	}
	sp, ix, err := buildSignposter(ctx, offer, "")
	if err != nil {
		return err
	}
	defer ix.Close()
	t, res, err := sp.Signpost(ctx, text)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			Triage triage.Triage `json:"triage"`
			Result triage.Result `json:"result"`
		}{t, res})
	}
	fmt.Fprintf(env.Stdout, "Understood: %s\n\n", describeTriage(t))
	if res.NoFit {
		fmt.Fprintf(env.Stdout, "No good fit in %s (%s): a practitioner should pick this up.\n", offer.Name, res.Reason)
		if len(res.Matches) == 0 {
			return nil
		}
		fmt.Fprintln(env.Stdout, "Nearest services, for the practitioner:")
	}
	for i, m := range res.Matches {
		if i >= *n {
			break
		}
		s := m.Service
		fmt.Fprintf(env.Stdout, "%d. %s  [%s, score %.2f]\n   ages %s | %s | %s\n", i+1, s.Name, s.ID, m.Score,
			ageText(s), strings.Join(s.Wards, ", "), accessText(s))
		if p := s.Phone(); p != "" {
			fmt.Fprintf(env.Stdout, "   phone %s\n", p)
		}
	}
	return nil
}

// describeTriage says in one line what triage read.
func describeTriage(t triage.Triage) string {
	var parts []string
	if t.For != "" {
		parts = append(parts, "for "+string(t.For))
	}
	switch {
	case t.Pregnant:
		parts = append(parts, "pregnancy")
	case t.AgeKnown:
		parts = append(parts, fmt.Sprintf("age %d", t.Age))
	}
	if len(t.Terms) > 0 {
		parts = append(parts, "need "+strings.Join(t.Terms, ", "))
	}
	if t.Ward != "" {
		parts = append(parts, "ward "+t.Ward)
	}
	if t.Urgent {
		parts = append(parts, "urgent")
	}
	if len(parts) == 0 {
		return "nothing yet"
	}
	return strings.Join(parts, "; ")
}

func ageText(s content.Service) string {
	switch {
	case s.ForPregnancy() && s.MaxAge == 0:
		return "pregnancy"
	case s.ForPregnancy():
		return fmt.Sprintf("pregnancy to %d", s.MaxAge)
	case s.MinAge >= 16 && s.MaxAge >= 99:
		return fmt.Sprintf("%d+", s.MinAge)
	}
	return fmt.Sprintf("%d-%d", s.MinAge, s.MaxAge)
}

func accessText(s content.Service) string {
	var a []string
	for _, x := range s.Access {
		a = append(a, string(x))
	}
	if len(a) == 0 {
		return "ask the hub"
	}
	return strings.Join(a, ", ")
}
