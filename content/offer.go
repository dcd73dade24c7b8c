package content

import (
	"fmt"
	"sort"
	"strings"
)

// Offer is a loaded local offer: every service a family can be signposted to.
// An Offer is never changed after it is built; a new import builds a new one.
type Offer struct {
	Name     string    // e.g. "Northbrook sample" or the feed's address
	Services []Service // in feed order
	byID     map[string]int
}

// NewOffer builds an Offer from services whose ids are unique.
func NewOffer(name string, services []Service) *Offer {
	o := &Offer{Name: name, Services: services, byID: make(map[string]int, len(services))}
	for i, s := range services {
		o.byID[s.ID] = i
	}
	return o
}

// Service returns the service with the id, if the offer holds it.
func (o *Offer) Service(id string) (Service, bool) {
	i, ok := o.byID[id]
	if !ok {
		return Service{}, false
	}
	return o.Services[i], true
}

// Wards lists the wards the offer names, borough-wide excluded, sorted.
func (o *Offer) Wards() []string {
	seen := map[string]bool{}
	for _, s := range o.Services {
		for _, w := range s.Wards {
			if w != "" && w != BoroughWide {
				seen[w] = true
			}
		}
		for _, l := range s.Locations {
			if l.Ward != "" && l.Ward != BoroughWide {
				seen[l.Ward] = true
			}
		}
	}
	out := make([]string, 0, len(seen))
	for w := range seen {
		out = append(out, w)
	}
	sort.Strings(out)
	return out
}

// PostcodeWards maps each outward code (e.g. "NB3") seen at a location to
// the ward it lies in, so a family's postcode can stand for their ward.
func (o *Offer) PostcodeWards() map[string]string {
	count := map[string]map[string]int{}
	for _, s := range o.Services {
		for _, l := range s.Locations {
			out := OutwardCode(l.Postcode)
			if out == "" || l.Ward == "" || l.Ward == BoroughWide {
				continue
			}
			if count[out] == nil {
				count[out] = map[string]int{}
			}
			count[out][l.Ward]++
		}
	}
	res := map[string]string{}
	for out, wards := range count {
		best, n := "", 0
		for w, c := range wards {
			if c > n || (c == n && w < best) {
				best, n = w, c
			}
		}
		res[out] = best
	}
	return res
}

// OutwardCode returns the upper-cased outward part of a UK postcode
// ("nb3 4qt" gives "NB3"), or "" when there is none.
func OutwardCode(postcode string) string {
	f := strings.Fields(strings.ToUpper(postcode))
	if len(f) == 0 {
		return ""
	}
	if len(f) == 1 && len(f[0]) > 4 { // "NB34QT"
		return f[0][:len(f[0])-3]
	}
	return f[0]
}

// Terms lists every taxonomy term the offer uses, sorted.
func (o *Offer) Terms() []string {
	seen := map[string]bool{}
	for _, s := range o.Services {
		for _, t := range s.Terms {
			seen[t] = true
		}
	}
	out := make([]string, 0, len(seen))
	for t := range seen {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}

// String describes the offer for logs.
func (o *Offer) String() string { return fmt.Sprintf("%s (%d services)", o.Name, len(o.Services)) }
