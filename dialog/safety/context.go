package safety

// contextRules are the compiled patterns of rules/context.yaml, which read
// a message as a whole: topic (about a subject rather than an event), heavy
// (a dramatic phrase is meant, whatever emoji), past and resolved (harm told
// as over), current (happening now or again), now (immediacy), danger
// (someone frightened or unsafe), youth, youthParent and parentOfChild (a
// young person writing).
type contextRules struct {
	topic, heavy, past, resolved, current, now, danger, youth, youthParent, parentOfChild []*pattern
}

func (d *Detector) compileContext(c contextSpec) contextRules {
	return contextRules{
		topic: d.mustAll(c.topic), heavy: d.mustAll(c.heavy), past: d.mustAll(c.past),
		resolved: d.mustAll(c.resolved), current: d.mustAll(c.current), now: d.mustAll(c.now),
		danger: d.mustAll(c.danger), youth: d.mustAll(c.youth), youthParent: d.mustAll(c.youthParent),
		parentOfChild: d.mustAll(c.parentOfChild),
	}
}

// msgContext is what the context patterns found in one message.
type msgContext struct {
	topic    bool
	joke     bool
	resolved bool
	current  bool
	pastSent map[int]bool
	now      bool
	danger   bool
	youth    bool
}

func anyMatch(ps []*pattern, dc *doc) bool {
	for _, p := range ps {
		if s, _ := p.findIn(dc, 0); s >= 0 {
			return true
		}
	}
	return false
}

// readContext reads the whole-message signals, before idioms are masked.
func (d *Detector) readContext(dc *doc) msgContext {
	cx := msgContext{
		topic:    anyMatch(d.ctx.topic, dc),
		resolved: anyMatch(d.ctx.resolved, dc),
		current:  anyMatch(d.ctx.current, dc),
		now:      anyMatch(d.ctx.now, dc),
		danger:   anyMatch(d.ctx.danger, dc),
	}
	if dc.laugh {
		trivial := false
		for i := range dc.toks {
			if dc.toks[i].tags.has(tTrivial) {
				trivial = true
				break
			}
		}
		cx.joke = trivial && !anyMatch(d.ctx.heavy, dc)
	}
	if cx.resolved {
		for _, p := range d.ctx.past {
			for from := 0; from < len(dc.toks); {
				s, e := p.findIn(dc, from)
				if s < 0 {
					break
				}
				if cx.pastSent == nil {
					cx.pastSent = map[int]bool{}
				}
				cx.pastSent[dc.toks[s].sent] = true
				from = max(e, s+1)
			}
		}
	}
	cx.youth = anyMatch(d.ctx.youth, dc) ||
		(anyMatch(d.ctx.youthParent, dc) && !anyMatch(d.ctx.parentOfChild, dc))
	return cx
}
