// Package content holds hubbot's knowledge of the borough: the local offer
// (services families can be signposted to), the hub's practitioners and
// details, and the loaders that read them from Open Referral UK feeds.
// It does no I/O beyond reading what it is given.
package content

// Access says how a family gets into a service.
type Access string

// The ways into a service, as a family would understand them.
const (
	AccessDropIn       Access = "drop-in"
	AccessBooking      Access = "booking"
	AccessSelfReferral Access = "self-referral"
	AccessReferral     Access = "professional-referral"
)

// BoroughWide is the ward name for a service that serves the whole borough
// (online, by phone, or open to everyone wherever they live).
const BoroughWide = "Northbrook Borough"

// Service is one entry of the local offer, shaped for what the bot says
// about it rather than for the Open Referral standard.
type Service struct {
	ID           string `json:"id"`
	Name         string `json:"name"`
	Description  string `json:"description"`
	Organisation string `json:"organisation"`
	// MinAge and MaxAge bound the age in whole years of the person the
	// service is for; 0 to 0 with the pregnancy term means expectant parents.
	MinAge      int        `json:"min_age"`
	MaxAge      int        `json:"max_age"`
	Eligibility string     `json:"eligibility,omitempty"`
	Terms       []string   `json:"terms"` // taxonomy term names, e.g. "speech-language"
	Wards       []string   `json:"wards"` // service areas; BoroughWide for all
	Locations   []Location `json:"locations,omitempty"`
	Access      []Access   `json:"access"`
	Attending   string     `json:"attending,omitempty"` // in person, telephone, online
	Cost        string     `json:"cost,omitempty"`
	Schedules   []Schedule `json:"schedules,omitempty"`
	Contacts    []Contact  `json:"contacts,omitempty"`
	Languages   []string   `json:"languages,omitempty"`
	URL         string     `json:"url,omitempty"`
	Email       string     `json:"email,omitempty"`
}

// Location is a place a service runs from.
type Location struct {
	Name     string  `json:"name"`
	Address  string  `json:"address,omitempty"`
	Postcode string  `json:"postcode,omitempty"`
	Ward     string  `json:"ward,omitempty"`
	Lat      float64 `json:"lat,omitempty"`
	Lon      float64 `json:"lon,omitempty"`
}

// Schedule is when a service runs, in the words a family reads.
type Schedule struct {
	Days        string `json:"days,omitempty"` // e.g. "TU" or "MO,WE"
	Opens       string `json:"opens,omitempty"`
	Closes      string `json:"closes,omitempty"`
	Description string `json:"description,omitempty"`
}

// Contact is a named way to reach a service.
type Contact struct {
	Name  string `json:"name,omitempty"`
	Title string `json:"title,omitempty"`
	Phone string `json:"phone,omitempty"`
}

// HasTerm reports whether the service carries the taxonomy term.
func (s Service) HasTerm(term string) bool {
	for _, t := range s.Terms {
		if t == term {
			return true
		}
	}
	return false
}

// HasAccess reports whether families can get in the given way.
func (s Service) HasAccess(a Access) bool {
	for _, x := range s.Access {
		if x == a {
			return true
		}
	}
	return false
}

// NeedsReferral reports whether only a professional can refer a family in.
func (s Service) NeedsReferral() bool {
	return s.HasAccess(AccessReferral) && !s.HasAccess(AccessSelfReferral) && !s.HasAccess(AccessDropIn)
}

// ForPregnancy reports whether the service is for expectant parents.
func (s Service) ForPregnancy() bool { return s.HasTerm("pregnancy") }

// IsBoroughWide reports whether the service is open to families in any ward.
func (s Service) IsBoroughWide() bool {
	if len(s.Wards) == 0 {
		return true
	}
	for _, w := range s.Wards {
		if w == BoroughWide {
			return true
		}
	}
	return false
}

// Phone returns the first phone number a family can call, or "".
func (s Service) Phone() string {
	for _, c := range s.Contacts {
		if c.Phone != "" {
			return c.Phone
		}
	}
	return ""
}
