package safety

import "testing"

// TestAssess is a table of messages written as parents and young people
// write: disclosures with and without alarming words must be flagged;
// idioms, slang and ordinary worries must not.
func TestAssess(t *testing.T) {
	d := NewDetector()
	for _, c := range []struct {
		text string
		risk bool
	}{
		// Risk, said plainly.
		{"i want to kill myself", true},
		{"i dont want to be alive anymore", true},
		{"been cutting again, nobody knows", true},
		{"mum hits us with the belt when she drinks", true},
		{"my boyfriend hits me and im scared to go home", true},
		{"he said if i leave he will take the kids and i will never see them", true},
		{"my step dad makes me keep secrets and touches me when mum is at work", true},
		{"the baby has a temperature of 39 and is floppy and wont wake up properly", true},
		// Risk with no alarming word.
		{"dads been gone 3 days and theres nothing in the fridge, im looking after my little brother", true},
		{"i dont see the point in anything anymore and ive been saving up my tablets", true},
		{"my boyfriend takes all my wages and i have to ask him for money for nappies", true},
		{"ive been told to hold a bag for some lads and now they say i owe them", true},
		{"my 15 yo has a 24 year old boyfriend who buys her stuff and picks her up from school", true},
		{"theres a man at the park who keeps giving my son sweets and asking where he lives", true},
		{"a stranger asked my daughter where she lives", true},
		// Teen shorthand is risk unless plainly a joke about nothing.
		{"my mates keep saying i should just kms lol but im fine", true},
		// Idioms and ordinary worries.
		{"my little girl is killing me with these tantrums lol", false},
		{"dying for a cuppa, ds finally asleep", false},
		{"i could murder a takeaway tonight", false},
		{"my son smashed it at his football match today", false},
		{"im so tired i could cry, the twins wont sleep", false},
		{"can someone recommend a good dentist", false},
		{"my teenager is a nightmare, slams doors all day", false},
		{"we had a massive row but its sorted now", false},
		{"my 2 yr old isnt talking yet, we live in castleton", false},
		{"skint till payday, any food banks near me", false},
		{"my mum always gives my son sweets when she babysits", false},
		{"how much sugar is ok, grandad keeps giving my daughter sweets", false},
		{"my 15 year old has a 16 year old boyfriend, is that normal", false},
		{"", false},
		{"😂😂😂", false},
	} {
		t.Run(c.text, func(t *testing.T) {
			a := d.Assess(c.text)
			if a.Risk != c.risk {
				t.Errorf("Assess(%q) = risk %v (%s, %s), want %v", c.text, a.Risk, a.Category, a.Reason, c.risk)
			}
			if a.Risk && a.Category == "" {
				t.Errorf("Assess(%q): risk with no category", c.text)
			}
		})
	}
}

// TestAssessLines: the lines offered fit the harm.
func TestAssessLines(t *testing.T) {
	d := NewDetector()
	has := func(lines []string, key string) bool {
		for _, l := range lines {
			if l == key {
				return true
			}
		}
		return false
	}
	if a := d.Assess("my boyfriend hits me and im scared to go home"); !has(a.Lines, "domestic-abuse") {
		t.Errorf("domestic abuse without the helpline: %+v", a)
	}
	if a := d.Assess("i want to kill myself"); !has(a.Lines, "samaritans") && !has(a.Lines, "shout") && !has(a.Lines, "111") {
		t.Errorf("suicide risk without a crisis line: %+v", a)
	}
}

func BenchmarkAssess(b *testing.B) {
	d := NewDetector()
	msgs := []string{"my 2 yr old isnt talking yet, we live in castleton", "dads been gone 3 days and theres nothing in the fridge", "dying for a cuppa"}
	i := 0
	for b.Loop() {
		d.Assess(msgs[i%len(msgs)])
		i++
	}
}
