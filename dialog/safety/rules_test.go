package safety

import (
	"fmt"
	"strings"
	"testing"
)

// ruleFires reports whether the named rule fires on text, with the
// cancellations Assess applies (negation, topic, joke, past and resolved).
func (d *Detector) ruleFires(name, text string) (bool, error) {
	for i := range d.rules {
		r := &d.rules[i]
		if r.name != name {
			continue
		}
		dc := d.parse(text)
		if len(dc.toks) == 0 {
			return false, nil
		}
		cx := d.readContext(dc)
		d.maskIdioms(dc)
		_, _, ok := d.fire(r, dc, &cx)
		return ok, nil
	}
	return false, fmt.Errorf("no rule %q", name)
}

// firingRules lists the rules that fire on text: the rules' verdict is
// risk exactly when it is not empty.
func (d *Detector) firingRules(text string) []string {
	dc := d.parse(text)
	if len(dc.toks) == 0 {
		return nil
	}
	cx := d.readContext(dc)
	d.maskIdioms(dc)
	var names []string
	for i := range d.rules {
		if _, _, ok := d.fire(&d.rules[i], dc, &cx); ok {
			names = append(names, d.rules[i].name)
		}
	}
	return names
}

// TestRuleExamples runs the examples written under each rule in
// rules/rules.yaml: the rule itself must fire on every flag example, and
// no rule may fire on a pass example, so the rules do not flag it as risk.
func TestRuleExamples(t *testing.T) {
	d := NewDetector()
	data := mustBuiltinData()
	nFlag, nPass := 0, 0
	for _, r := range data.rules {
		t.Run(r.name, func(t *testing.T) {
			if len(r.flagEx) < 2 || len(r.passEx) < 1 {
				t.Errorf("rule %s: want at least 2 flag and 1 pass examples, have %d and %d", r.name, len(r.flagEx), len(r.passEx))
			}
			for _, ex := range r.flagEx {
				ok, err := d.ruleFires(r.name, ex)
				if err != nil {
					t.Fatal(err)
				}
				if !ok {
					t.Errorf("flag example not caught by %s: %q (rules that fire: %v)", r.name, ex, d.firingRules(ex))
				}
			}
			for _, ex := range r.passEx {
				if fired := d.firingRules(ex); len(fired) > 0 {
					t.Errorf("pass example of %s flagged by %s: %q", r.name, strings.Join(fired, ", "), ex)
				}
			}
		})
		nFlag += len(r.flagEx)
		nPass += len(r.passEx)
	}
	t.Logf("%d rules, %d flag and %d pass examples", len(data.rules), nFlag, nPass)
}
