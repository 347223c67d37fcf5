package training

import ics "github.com/arran4/golang-ical"

// VTimezone describes the IANA zone name as an iCalendar VTIMEZONE with the
// yearly rules in force in the latest of years, the form Outlook reads; the
// readiness calendar uses it too.
func VTimezone(name string, years []int) (*ics.VTimezone, error) {
	return vtimezone(name, years)
}
