package training

import (
	"bytes"
	"database/sql"
	"electionbinder/internal/db"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/google/uuid"
)

// Properties of our own that carry what iCalendar has no field for, so a
// file written by one binder reads back whole in another.
const (
	xKind        = "X-BINDER-KIND"
	xCapacity    = "X-BINDER-CAPACITY"
	xHours       = "X-BINDER-CREDIT-HOURS"
	xAddress     = "X-BINDER-ADDRESS"
	xRoom        = "X-BINDER-ROOM"
	xDirections  = "X-BINDER-DIRECTIONS"
	xOrganizer   = "X-BINDER-ORGANIZER"
	xNotes       = "X-BINDER-NOTES"
	icsLocalTime = "20060102T150405"
)

// uidSpace derives stable UUIDs from the UIDs of events made elsewhere.
var uidSpace = uuid.MustParse("5b0f3a4e-9c1d-4f7e-8a62-0d6f1c2b7e41")

// eventUUID is the UUID kept for an iCalendar UID: the UID itself when it is
// a UUID, otherwise one derived from it, the same on every import.
func eventUUID(uid string) string {
	if u, err := uuid.Parse(uid); err == nil {
		return u.String()
	}
	return uuid.NewSHA1(uidSpace, []byte(uid)).String()
}

// WriteICS writes events as an iCalendar file with a VTIMEZONE for each
// zone used, so Outlook, Apple Calendar and Thunderbird place them right.
func WriteICS(w io.Writer, events []Event, stampedAt time.Time) error {
	cal := ics.NewCalendar()
	cal.SetProductId("-//Election Security Binder//Training sessions//EN")
	cal.SetMethod(ics.MethodPublish)
	cal.SetCalscale("GREGORIAN")
	years := map[string][]int{}
	for _, e := range events {
		years[e.TimeZone] = append(years[e.TimeZone], e.Start.Year(), e.End.Year())
	}
	zones := make([]string, 0, len(years))
	for z := range years {
		zones = append(zones, z)
	}
	sort.Strings(zones)
	for _, z := range zones {
		tz, err := vtimezone(z, years[z])
		if err != nil {
			return err
		}
		cal.AddVTimezone(tz)
	}
	for _, e := range events {
		cal.AddVEvent(vevent(e, stampedAt))
	}
	return cal.SerializeTo(w, ics.WithNewLine("\r\n")) // RFC 5545 lines end in CRLF
}

func vevent(e Event, stampedAt time.Time) *ics.VEvent {
	v := ics.NewEvent(e.UUID)
	v.SetDtStampTime(stampedAt)
	if wholeDays(e) { // all day in Outlook and Apple Calendar, not a 24-hour meeting
		v.SetProperty(ics.ComponentPropertyDtStart, e.Start.Format("20060102"), ics.WithValue("DATE"))
		v.SetProperty(ics.ComponentPropertyDtEnd, e.End.Format("20060102"), ics.WithValue("DATE"))
	} else {
		v.SetProperty(ics.ComponentPropertyDtStart, e.Start.Format(icsLocalTime), ics.WithTZID(e.TimeZone))
		v.SetProperty(ics.ComponentPropertyDtEnd, e.End.Format(icsLocalTime), ics.WithTZID(e.TimeZone))
	}
	v.SetSummary(e.Title)
	if loc := e.Location(); loc != "" {
		v.SetLocation(loc)
	}
	v.SetDescription(describe(e))
	if e.RegistrationURL != "" {
		v.SetURL(e.RegistrationURL)
	}
	setX(v, xKind, string(e.Kind))
	if e.Capacity > 0 {
		setX(v, xCapacity, strconv.Itoa(e.Capacity))
	}
	setX(v, xHours, FormatHours(e.CreditHours))
	for _, p := range [][2]string{{xAddress, e.Address}, {xRoom, e.Room}, {xDirections, e.Directions},
		{xOrganizer, e.Organizer}, {xNotes, e.Notes}} {
		if p[1] != "" {
			setX(v, p[0], p[1])
		}
	}
	return v
}

// wholeDays tells a session that runs from midnight to a later midnight,
// such as an all-day event read from Outlook.
func wholeDays(e Event) bool {
	midnight := func(t time.Time) bool { return t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 }
	return midnight(e.Start) && midnight(e.End) && e.End.After(e.Start)
}

func setX(v *ics.VEvent, name, value string) {
	v.SetProperty(ics.ComponentProperty(name), value)
}

// describe writes the event's details as the text calendar programs show.
func describe(e Event) string {
	lines := []string{e.Kind.Label()}
	if e.Capacity > 0 {
		lines[0] += fmt.Sprintf(", %d seats", e.Capacity)
	}
	if e.CreditHours > 0 {
		lines = append(lines, hoursText(e.CreditHours)+" of credit")
	}
	for _, p := range [][2]string{{"Organiser", e.Organizer}, {"Register", e.RegistrationURL},
		{"Getting there", e.Directions}, {"Notes", e.Notes}} {
		if p[1] != "" {
			lines = append(lines, p[0]+": "+p[1])
		}
	}
	return strings.Join(lines, "\n")
}

// vtimezone describes a zone by the yearly rules in force in the last of
// years: a STANDARD and, where clocks change, a DAYLIGHT part with RRULEs,
// the form Outlook writes and reads.
func vtimezone(name string, years []int) (*ics.VTimezone, error) {
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("%q is not a time zone this computer knows", name)
	}
	year := years[0]
	for _, y := range years {
		year = max(year, y) // the latest rules in force
	}
	tz := ics.NewTimezone(name)
	changes := transitions(loc, year)
	if len(changes) == 0 {
		t := time.Date(year, 1, 1, 0, 0, 0, 0, loc)
		abbr, off := t.Zone()
		tz.Components = append(tz.Components, observance(&ics.Standard{}, abbr, off, off, "19700101T000000", ""))
		return tz, nil
	}
	for _, c := range changes {
		abbr, to := c.Zone()
		_, from := c.Add(-time.Second).Zone()
		wall := c.UTC().Add(time.Duration(from) * time.Second) // the clock reading just before the change
		month, week, weekday := yearlyRule(wall)
		rule := fmt.Sprintf("FREQ=YEARLY;BYMONTH=%d;BYDAY=%d%s", int(month), week, strings.ToUpper(weekday.String()[:2]))
		var part ics.Component = &ics.Standard{}
		if to > from {
			part = &ics.Daylight{}
		}
		// Like Outlook and Thunderbird, start the rule long before any event (1970).
		first := ruleDay(1970, month, week, weekday).Add(time.Duration(wall.Hour())*time.Hour +
			time.Duration(wall.Minute())*time.Minute + time.Duration(wall.Second())*time.Second)
		tz.Components = append(tz.Components, observance(part, abbr, from, to, first.Format(icsLocalTime), rule))
	}
	return tz, nil
}

// observance fills a STANDARD or DAYLIGHT part.
func observance(part ics.Component, abbr string, from, to int, start, rule string) ics.Component {
	var base *ics.ComponentBase
	switch p := part.(type) {
	case *ics.Standard:
		base = &p.ComponentBase
	case *ics.Daylight:
		base = &p.ComponentBase
	}
	base.SetProperty(ics.ComponentPropertyDtStart, start)
	base.SetProperty(ics.ComponentProperty(ics.PropertyTzoffsetfrom), utcOffset(from))
	base.SetProperty(ics.ComponentProperty(ics.PropertyTzoffsetto), utcOffset(to))
	if rule != "" {
		base.SetProperty(ics.ComponentPropertyRrule, rule)
	}
	base.SetProperty(ics.ComponentProperty(ics.PropertyTzname), abbr)
	return part
}

// transitions finds the instants in year when loc changes its offset.
func transitions(loc *time.Location, year int) []time.Time {
	var out []time.Time
	day := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)
	_, prev := day.In(loc).Zone()
	for ; day.Year() == year; day = day.AddDate(0, 0, 1) {
		next := day.AddDate(0, 0, 1)
		if _, off := next.In(loc).Zone(); off != prev {
			lo, hi := day.Unix(), next.Unix() // offset prev at lo, changed at hi
			for hi-lo > 1 {
				mid := (lo + hi) / 2
				if _, o := time.Unix(mid, 0).In(loc).Zone(); o == prev {
					lo = mid
				} else {
					hi = mid
				}
			}
			out = append(out, time.Unix(hi, 0).In(loc))
			prev = off
		}
	}
	return out
}

// yearlyRule finds the rule of a change that happens on the same weekday
// of the same week of its month each year, such as the second Sunday of
// March: week is 1 to 4, or -1 for the last.
func yearlyRule(wall time.Time) (time.Month, int, time.Weekday) {
	week := (wall.Day()-1)/7 + 1
	if wall.Day()+7 > daysIn(wall.Month(), wall.Year()) && week >= 4 {
		week = -1
	}
	return wall.Month(), week, wall.Weekday()
}

// ruleDay is the day of a year that a yearly rule names.
func ruleDay(year int, month time.Month, week int, weekday time.Weekday) time.Time {
	if week < 0 {
		last := time.Date(year, month, daysIn(month, year), 0, 0, 0, 0, time.UTC)
		return last.AddDate(0, 0, -((int(last.Weekday()) - int(weekday) + 7) % 7))
	}
	first := time.Date(year, month, 1, 0, 0, 0, 0, time.UTC)
	return first.AddDate(0, 0, (int(weekday)-int(first.Weekday())+7)%7+7*(week-1))
}

func daysIn(m time.Month, year int) int {
	return time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func utcOffset(seconds int) string {
	sign := "+"
	if seconds < 0 {
		sign, seconds = "-", -seconds
	}
	return fmt.Sprintf("%s%02d%02d", sign, seconds/3600, seconds/60%60)
}

// windowsZones maps the zone names Outlook writes on Windows to IANA names
// (the primary zone of each in the Unicode CLDR table), for the Americas
// and the zones a state office is most likely to meet.
var windowsZones = map[string]string{
	"Eastern Standard Time":           "America/New_York",
	"US Eastern Standard Time":        "America/Indiana/Indianapolis",
	"Central Standard Time":           "America/Chicago",
	"Canada Central Standard Time":    "America/Regina",
	"Central Standard Time (Mexico)":  "America/Mexico_City",
	"Central America Standard Time":   "America/Guatemala",
	"Mountain Standard Time":          "America/Denver",
	"Mountain Standard Time (Mexico)": "America/Mazatlan",
	"US Mountain Standard Time":       "America/Phoenix",
	"Pacific Standard Time":           "America/Los_Angeles",
	"Pacific Standard Time (Mexico)":  "America/Tijuana",
	"Alaskan Standard Time":           "America/Anchorage",
	"Aleutian Standard Time":          "America/Adak",
	"Hawaiian Standard Time":          "Pacific/Honolulu",
	"Atlantic Standard Time":          "America/Halifax",
	"Newfoundland Standard Time":      "America/St_Johns",
	"SA Western Standard Time":        "America/La_Paz", // Puerto Rico, US Virgin Islands
	"SA Pacific Standard Time":        "America/Bogota",
	"West Pacific Standard Time":      "Pacific/Port_Moresby", // Guam
	"UTC-11":                          "Etc/GMT+11",           // American Samoa
	"UTC":                             "UTC",
	"Coordinated Universal Time":      "UTC",
	"GMT Standard Time":               "Europe/London",
	"Greenwich Standard Time":         "Atlantic/Reykjavik",
	"W. Europe Standard Time":         "Europe/Berlin",
	"Romance Standard Time":           "Europe/Paris",
	"Central Europe Standard Time":    "Europe/Budapest",
	"Central European Standard Time":  "Europe/Warsaw",
	"GTB Standard Time":               "Europe/Bucharest",
	"FLE Standard Time":               "Europe/Kiev",
	"Tokyo Standard Time":             "Asia/Tokyo",
	"China Standard Time":             "Asia/Shanghai",
	"India Standard Time":             "Asia/Calcutta",
	"AUS Eastern Standard Time":       "Australia/Sydney",
}

// displayZones maps the display names older Outlook versions write as a
// TZID, such as "(UTC-06:00) Central Time (US & Canada)", without the offset.
var displayZones = map[string]string{
	"eastern time (us & canada)":  "America/New_York",
	"indiana (east)":              "America/Indiana/Indianapolis",
	"central time (us & canada)":  "America/Chicago",
	"mountain time (us & canada)": "America/Denver",
	"arizona":                     "America/Phoenix",
	"pacific time (us & canada)":  "America/Los_Angeles",
	"alaska":                      "America/Anchorage",
	"hawaii":                      "Pacific/Honolulu",
	"atlantic time (canada)":      "America/Halifax",
	"coordinated universal time":  "UTC",
}

// zoneNamed finds the location of a TZID, taking IANA names, Windows names,
// Outlook display names and, through fileZones, zones the file defines
// under a name of its own ("Customized Time Zone").
func zoneNamed(tzid string, fileZones map[string]string) (*time.Location, string, error) {
	tzid = strings.Trim(tzid, `"`)
	name := tzid
	if iana, ok := windowsZones[tzid]; ok {
		name = iana
	} else if iana, ok := displayZones[strings.ToLower(displayName(tzid))]; ok {
		name = iana
	} else if iana, ok := fileZones[tzid]; ok {
		name = iana
	} else if strings.HasPrefix(tzid, "/") {
		name = prefixedZone(tzid)
	}
	loc, err := loadZone(name)
	if err != nil {
		return nil, "", fmt.Errorf("time zone %q is unknown", tzid)
	}
	return loc, name, nil
}

// prefixedZone finds the IANA name at the end of a TZID such as older
// Thunderbird writes: /mozilla.org/20070129_1/America/New_York.
func prefixedZone(tzid string) string {
	parts := strings.Split(tzid, "/")
	for i := 1; i < len(parts); i++ {
		if _, err := loadZone(strings.Join(parts[i:], "/")); err == nil && parts[i] != "" {
			return strings.Join(parts[i:], "/")
		}
	}
	return tzid
}

// displayName drops the "(UTC-06:00) " or "(GMT-06.00) " before an
// Outlook display name.
func displayName(tzid string) string {
	if strings.HasPrefix(tzid, "(") {
		if i := strings.Index(tzid, ") "); i > 0 {
			return strings.TrimSpace(tzid[i+2:])
		}
	}
	return tzid
}

// likelyZones are tried, in order, for a zone a file defines under a name
// of its own: the United States first.
var likelyZones = []string{"America/Chicago", "America/New_York", "America/Denver", "America/Phoenix",
	"America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu", "America/Puerto_Rico", "Pacific/Guam",
	"America/Halifax", "Europe/London", "Europe/Berlin", "UTC"}

// fileZones names an IANA zone for each VTIMEZONE of a file whose TZID this
// computer does not know, by its standard and daylight offsets.
func fileZones(cal *ics.Calendar) map[string]string {
	out := map[string]string{}
	for _, c := range cal.Components {
		tz, ok := c.(*ics.VTimezone)
		if !ok {
			continue
		}
		p := tz.GetProperty(ics.ComponentPropertyTzid)
		if p == nil {
			continue
		}
		if _, _, err := zoneNamed(p.Value, nil); err == nil {
			continue
		}
		if name := zoneByOffsets(tz); name != "" {
			out[p.Value] = name
		}
	}
	return out
}

// zoneByOffsets finds the first likely zone whose winter and summer offsets
// are those of a VTIMEZONE's STANDARD and DAYLIGHT parts.
func zoneByOffsets(tz *ics.VTimezone) string {
	std, dst, ok := -1<<31, -1<<31, false
	for _, part := range tz.Components {
		var base *ics.ComponentBase
		switch p := part.(type) {
		case *ics.Standard:
			base = &p.ComponentBase
		case *ics.Daylight:
			base = &p.ComponentBase
		default:
			continue
		}
		to := base.GetProperty(ics.ComponentProperty(ics.PropertyTzoffsetto))
		if to == nil {
			continue
		}
		off, err := parseOffset(to.Value)
		if err != nil {
			return ""
		}
		if _, isStd := part.(*ics.Standard); isStd {
			std, ok = off, true
		} else {
			dst = off
		}
	}
	if !ok {
		return ""
	}
	if dst == -1<<31 {
		dst = std
	}
	for _, name := range likelyZones {
		loc := zone(name)
		_, jan := time.Date(2019, 1, 15, 12, 0, 0, 0, loc).Zone()
		_, jul := time.Date(2019, 7, 15, 12, 0, 0, 0, loc).Zone()
		if (jan == std && jul == dst) || (jan == dst && jul == std) {
			return name
		}
	}
	if std == dst && std%3600 == 0 { // a fixed offset: Etc/GMT+6 is six hours behind UTC
		return fmt.Sprintf("Etc/GMT%+d", -std/3600)
	}
	return ""
}

// parseOffset reads a UTC offset such as -0600 or +053000 in seconds.
func parseOffset(s string) (int, error) {
	s = strings.TrimSpace(s)
	if len(s) != 5 && len(s) != 7 || (s[0] != '+' && s[0] != '-') {
		return 0, fmt.Errorf("%q is not a UTC offset", s)
	}
	digits := s[1:] + "00"
	h, err1 := strconv.Atoi(digits[0:2])
	m, err2 := strconv.Atoi(digits[2:4])
	sec, err3 := strconv.Atoi(digits[4:6])
	if err1 != nil || err2 != nil || err3 != nil {
		return 0, fmt.Errorf("%q is not a UTC offset", s)
	}
	off := h*3600 + m*60 + sec
	if s[0] == '-' {
		off = -off
	}
	return off, nil
}

// ReadICS reads the events of an iCalendar file. Times keep their zone;
// times in UTC or floating are placed in the zone the calendar names in
// X-WR-TIMEZONE, else in fallbackZone. Problems are
// reported for every event, by its number in the file and its title. Notes
// say what was read differently from the file: a cancelled event is left
// out, and a repeating one gives only its first session.
func ReadICS(r io.Reader, fallbackZone string) (events []Event, notes []string, err error) {
	if r, err = readICSText(r); err != nil {
		return nil, nil, err
	}
	cal, err := parseCalendar(r)
	if err != nil {
		return nil, nil, fmt.Errorf("this is not a calendar file this program can read: %w", err)
	}
	zones := fileZones(cal)
	fallbackZone = calendarZone(cal, fallbackZone, zones)
	var problems []string
	all := cal.Events()
	masters := map[string]bool{}          // UIDs of repeating events in the file
	changes := map[string][]*ics.VEvent{} // changed sessions of repeating events, by UID
	for _, v := range all {
		if repeats(v) {
			masters[v.Id()] = true
		}
		if v.HasProperty(ics.ComponentPropertyRecurrenceId) {
			changes[v.Id()] = append(changes[v.Id()], v)
		}
	}
	for i, v := range all {
		name := fmt.Sprintf("event %d (%s)", i+1, propValue(v, ics.ComponentPropertySummary))
		if strings.EqualFold(propValue(v, ics.ComponentPropertyStatus), "CANCELLED") {
			notes = append(notes, name+" was cancelled by its organiser and is left out")
			continue
		}
		if v.HasProperty(ics.ComponentPropertyRecurrenceId) && masters[v.Id()] {
			continue // a changed session of a repeating event: read with its first session below
		}
		e, err := eventFromICS(v, fallbackZone, zones)
		if err == nil && repeats(v) {
			var note string
			e, note, err = firstSession(v, e, changes[v.Id()], fallbackZone, zones)
			notes = append(notes, name+note)
		}
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", name, err))
			continue
		}
		if !e.Start.IsZero() {
			events = append(events, e)
		}
	}
	if len(problems) > 0 {
		return nil, nil, errors.New("the calendar was not imported:\n" + strings.Join(problems, "\n"))
	}
	if len(events) == 0 {
		return nil, notes, errors.New(strings.Join(append([]string{"the calendar holds no sessions to import"}, notes...), "\n"))
	}
	return events, notes, nil
}

// readICSText reads a calendar file as UTF-8 text. Lines are unfolded
// before the encoding is decided, because programs fold long lines every 75
// bytes, sometimes inside a character (a folded "ñ" is not valid UTF-8
// until its halves are joined again).
func readICSText(r io.Reader) (io.Reader, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	if !bytes.HasPrefix(data, []byte{0xFF, 0xFE}) && !bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		for _, fold := range []string{"\r\n ", "\r\n\t", "\n ", "\n\t"} {
			data = bytes.ReplaceAll(data, []byte(fold), nil)
		}
	}
	return readText(bytes.NewReader(data))
}

func repeats(v *ics.VEvent) bool {
	return v.HasProperty(ics.ComponentPropertyRrule) || v.HasProperty(ics.ComponentPropertyRdate)
}

// firstSession finds the first session of a repeating event that is not
// excluded (EXDATE) and takes it as changed by one of the VEVENTs of the
// same UID (changes) whose RECURRENCE-ID names it. The note says what was
// imported; a zero start means no session is left.
func firstSession(v *ics.VEvent, e Event, changes []*ics.VEvent, fallbackZone string, zones map[string]string) (Event, string, error) {
	excluded := map[int64]bool{}
	for _, p := range v.GetProperties(ics.ComponentPropertyExdate) {
		for _, value := range strings.Split(p.Value, ",") {
			q := *p
			q.Value = value
			if t, _, err := icsTime(&q, fallbackZone, zones); err == nil {
				excluded[t.Unix()] = true
			}
		}
	}
	length := e.End.Sub(e.Start)
	start, ok := e.Start, true
	if excluded[start.Unix()] {
		start, ok = nextIncluded(propValue(v, ics.ComponentPropertyRrule), start, excluded)
		if start.IsZero() {
			return Event{}, " has no session left after its exclusions and is left out", nil
		}
		if !ok {
			return e, "", errors.New("its first session is excluded and its repeat rule is too complex to follow; add the session by hand")
		}
	}
	e.Start, e.End = start, start.Add(length)
	for _, o := range changes {
		if o == v {
			continue
		}
		if t, _, err := icsTime(o.GetProperty(ics.ComponentPropertyRecurrenceId), fallbackZone, zones); err == nil && t.Equal(start) {
			changed, err := eventFromICS(o, fallbackZone, zones)
			if err != nil {
				return e, "", err
			}
			changed.UUID = e.UUID
			return changed, " repeats; only its first session was imported, as changed by its organiser", nil
		}
	}
	return e, " repeats; only its first session was imported", nil
}

// nextIncluded steps a simple repeat rule (FREQ with INTERVAL, COUNT or
// UNTIL, and at most the start's own weekday in BYDAY) from start to the
// first session not excluded. It returns a zero time when none is left,
// and false when the rule is beyond these.
func nextIncluded(rule string, start time.Time, excluded map[int64]bool) (time.Time, bool) {
	step := map[string][3]int{"DAILY": {0, 0, 1}, "WEEKLY": {0, 0, 7}, "MONTHLY": {0, 1, 0}, "YEARLY": {1, 0, 0}}
	var unit [3]int
	interval, count := 1, 1000
	var until time.Time
	for _, part := range strings.Split(rule, ";") {
		key, value, _ := strings.Cut(strings.ToUpper(part), "=")
		switch key {
		case "FREQ":
			var known bool
			if unit, known = step[value]; !known {
				return start, false
			}
		case "INTERVAL":
			n, err := strconv.Atoi(value)
			if err != nil || n < 1 {
				return start, false
			}
			interval = n
		case "COUNT":
			n, err := strconv.Atoi(value)
			if err != nil {
				return start, false
			}
			count = min(n, count)
		case "UNTIL":
			t, err := time.Parse("20060102T150405Z", value)
			if err != nil {
				if t, err = time.ParseInLocation("20060102", value, start.Location()); err != nil {
					return start, false
				}
				t = t.AddDate(0, 0, 1).Add(-time.Second)
			}
			until = t
		case "WKST":
		case "BYDAY":
			if value != strings.ToUpper(start.Weekday().String()[:2]) {
				return start, false
			}
		default:
			return start, false
		}
	}
	if unit == [3]int{} {
		return start, false
	}
	for i := 0; i < count; i++ {
		t := start.AddDate(unit[0]*interval*i, unit[1]*interval*i, unit[2]*interval*i)
		if !until.IsZero() && t.After(until) {
			break
		}
		if !excluded[t.Unix()] {
			return t, true
		}
	}
	return time.Time{}, true
}

// calendarZone is the zone a calendar says it is kept in (Google and Apple
// write X-WR-TIMEZONE), for its times in UTC or without a zone; fallback
// when it says none this computer knows.
func calendarZone(cal *ics.Calendar, fallback string, zones map[string]string) string {
	for _, p := range cal.CalendarProperties {
		if strings.EqualFold(p.IANAToken, "X-WR-TIMEZONE") {
			if _, name, err := zoneNamed(p.Value, zones); err == nil {
				return name
			}
		}
	}
	return fallback
}

func propValue(v *ics.VEvent, p ics.ComponentProperty) string {
	if prop := v.GetProperty(p); prop != nil {
		return prop.Value
	}
	return ""
}

func eventFromICS(v *ics.VEvent, fallbackZone string, zones map[string]string) (Event, error) {
	e := Event{Title: propValue(v, ics.ComponentPropertySummary), TimeZone: fallbackZone}
	uid := v.Id()
	if uid == "" {
		return e, errors.New("it has no UID")
	}
	e.UUID = eventUUID(uid)
	var err error
	if e.Start, e.TimeZone, err = icsTime(v.GetProperty(ics.ComponentPropertyDtStart), fallbackZone, zones); err != nil {
		return e, fmt.Errorf("start: %w", err)
	}
	if e.End, err = eventEnd(v, e.Start, fallbackZone, zones); err != nil {
		return e, fmt.Errorf("end: %w", err)
	}
	fillFromICS(v, &e)
	if allDay(v) && propValue(v, ics.ComponentProperty(xHours)) == "" {
		e.CreditHours = 0 // a whole day on the calendar is not 24 hours of training
	}
	return e, e.Validate()
}

// allDay tells an event that takes whole days (DTSTART;VALUE=DATE).
func allDay(v *ics.VEvent) bool {
	p := v.GetProperty(ics.ComponentPropertyDtStart)
	if p == nil {
		return false
	}
	if vals := p.ICalParameters["VALUE"]; len(vals) > 0 && strings.EqualFold(vals[0], "DATE") {
		return true
	}
	return len(strings.TrimSpace(p.Value)) == len("20060102")
}

// eventEnd reads DTEND, or DTSTART plus DURATION, or the start itself (the
// day after it for an all-day event, as RFC 5545 says).
func eventEnd(v *ics.VEvent, start time.Time, fallbackZone string, zones map[string]string) (time.Time, error) {
	if p := v.GetProperty(ics.ComponentPropertyDtEnd); p != nil {
		end, _, err := icsTime(p, fallbackZone, zones)
		return end.In(start.Location()), err
	}
	if d := propValue(v, ics.ComponentPropertyDuration); d != "" {
		dur, err := parseDuration(d)
		return start.Add(dur), err
	}
	if allDay(v) {
		return start.AddDate(0, 0, 1), nil
	}
	return start, nil
}

// icsTime reads a DATE-TIME or DATE property and the zone it is in.
func icsTime(p *ics.IANAProperty, fallbackZone string, zones map[string]string) (time.Time, string, error) {
	if p == nil {
		return time.Time{}, "", errors.New("missing")
	}
	zoneName := fallbackZone
	loc, err := loadZone(fallbackZone)
	if err != nil {
		return time.Time{}, "", err
	}
	if ids := p.ICalParameters["TZID"]; len(ids) > 0 {
		if loc, zoneName, err = zoneNamed(ids[0], zones); err != nil {
			return time.Time{}, "", err
		}
	}
	value := strings.TrimSpace(p.Value)
	for _, layout := range []string{icsLocalTime, "20060102"} {
		if t, err := time.ParseInLocation(layout, value, loc); err == nil {
			return t, zoneName, nil
		}
	}
	if t, err := time.Parse("20060102T150405Z", value); err == nil {
		return t.In(loc), zoneName, nil
	}
	return time.Time{}, "", fmt.Errorf("%q is not a date and time", value)
}

// parseDuration reads the common iCalendar durations: PnW, PnDTnHnMnS.
func parseDuration(s string) (time.Duration, error) {
	orig := s
	s = strings.TrimPrefix(strings.TrimPrefix(s, "+"), "P")
	var total time.Duration
	units := map[byte]time.Duration{'W': 7 * 24 * time.Hour, 'D': 24 * time.Hour, 'H': time.Hour, 'M': time.Minute, 'S': time.Second}
	num := ""
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			num += string(c)
		case c == 'T':
		case units[c] != 0 && num != "":
			n, _ := strconv.Atoi(num)
			total += time.Duration(n) * units[c]
			num = ""
		default:
			return 0, fmt.Errorf("%q is not a duration", orig)
		}
	}
	if num != "" || total < 0 {
		return 0, fmt.Errorf("%q is not a duration", orig)
	}
	return total, nil
}

// fillFromICS takes the rest of an event from our own properties, or
// guesses from the standard ones in a file written elsewhere.
func fillFromICS(v *ics.VEvent, e *Event) {
	e.RegistrationURL = propValue(v, ics.ComponentPropertyUrl)
	e.Address = propValue(v, ics.ComponentProperty(xAddress))
	e.Room = propValue(v, ics.ComponentProperty(xRoom))
	e.Directions = propValue(v, ics.ComponentProperty(xDirections))
	e.Organizer = propValue(v, ics.ComponentProperty(xOrganizer))
	e.Notes = propValue(v, ics.ComponentProperty(xNotes))
	e.Capacity, _ = strconv.Atoi(propValue(v, ics.ComponentProperty(xCapacity)))
	if h, err := strconv.ParseFloat(propValue(v, ics.ComponentProperty(xHours)), 64); err == nil {
		e.CreditHours = h
	} else {
		e.CreditHours = e.End.Sub(e.Start).Hours()
	}
	if k, err := ParseKind(propValue(v, ics.ComponentProperty(xKind))); err == nil {
		e.Kind = k
	} else {
		e.Kind = guessKind(e.Title + " " + propValue(v, ics.ComponentPropertyDescription))
	}
	if propValue(v, ics.ComponentProperty(xKind)) == "" {
		e.guessed = true
		guessPlace(v, e)
	}
}

// guessKind takes a session for a webinar when its text says so.
func guessKind(text string) Kind {
	t := strings.ToLower(text)
	switch {
	case strings.Contains(t, "recorded") && strings.Contains(t, "webinar"):
		return RecordedWebinar
	case strings.Contains(t, "webinar") || strings.Contains(t, "online") || strings.Contains(t, "webcast"):
		return LiveWebinar
	}
	return InPerson
}

// guessPlace fills the address and notes of an event from elsewhere.
func guessPlace(v *ics.VEvent, e *Event) {
	e.Address = propValue(v, ics.ComponentPropertyLocation)
	e.Notes = propValue(v, ics.ComponentPropertyDescription)
	if org := v.GetProperty(ics.ComponentPropertyOrganizer); org != nil {
		e.Organizer = strings.TrimPrefix(strings.TrimPrefix(org.Value, "mailto:"), "MAILTO:")
		if cn := org.ICalParameters["CN"]; len(cn) > 0 {
			e.Organizer = cn[0]
		}
	}
}

// ImportResult counts what an import did.
type ImportResult struct {
	Created, Updated int
	IDs              []int64  // ids of the events, in file order
	Notes            []string // what was read differently from the file
}

// ImportEvents saves events read from a calendar: one whose UUID is known
// replaces the saved one (the state re-announced it), others are added.
// Either every event is saved or none is.
func (s *Store) ImportEvents(events []Event) (ImportResult, error) {
	var res ImportResult
	err := db.InTx(s.db, func(tx *sql.Tx) error {
		var err error
		res, err = ImportEventsTx(tx, events)
		return err
	})
	return res, err
}

func importEvent(tx *sql.Tx, e Event, res *ImportResult) error {
	var id int64
	err := tx.QueryRow(`SELECT id FROM training_events WHERE uuid=?`, e.UUID).Scan(&id)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		saved, err := insertEvent(tx, e)
		if err != nil {
			return err
		}
		res.Created++
		res.IDs = append(res.IDs, saved.ID)
		return nil
	case err != nil:
		return err
	}
	e.ID = id
	if e.guessed {
		if err := keepClerksSettings(tx, &e); err != nil {
			return err
		}
	}
	if err := e.Validate(); err != nil {
		return err
	}
	if err := updateEvent(tx, e); err != nil {
		return err
	}
	if _, err := fillSeats(tx, id); err != nil {
		return err
	}
	res.Updated++
	res.IDs = append(res.IDs, id)
	return nil
}

// keepClerksSettings keeps, on a session re-imported from a calendar
// written elsewhere, what the clerk set that such a file does not carry:
// kind, capacity, hours of credit, room and directions, and the organiser,
// link and notes when the file leaves them empty. Without it a re-sent
// state calendar would lift the capacity and seat the whole waitlist.
func keepClerksSettings(tx *sql.Tx, e *Event) error {
	old, err := scanEvent(tx.QueryRow(`SELECT `+eventColumns+` FROM training_events e WHERE e.id=?`, e.ID))
	if err != nil {
		return err
	}
	e.Kind, e.Capacity, e.CreditHours, e.Room, e.Directions = old.Kind, old.Capacity, old.CreditHours, old.Room, old.Directions
	for _, f := range []struct{ to, from *string }{{&e.Organizer, &old.Organizer},
		{&e.RegistrationURL, &old.RegistrationURL}, {&e.Notes, &old.Notes}} {
		if *f.to == "" {
			*f.to = *f.from
		}
	}
	return nil
}

// ExportICS writes every event as an iCalendar file.
func (s *Store) ExportICS(w io.Writer) error {
	list, err := s.Events("")
	if err != nil {
		return err
	}
	events := make([]Event, len(list))
	for i, e := range list {
		events[i] = e.Event
	}
	sort.SliceStable(events, func(i, j int) bool { return events[i].Start.Before(events[j].Start) })
	return WriteICS(w, events, s.now())
}

// ImportICS reads an iCalendar file and saves its events.
func (s *Store) ImportICS(r io.Reader) (ImportResult, error) {
	events, notes, err := ReadICS(r, DefaultTimeZone)
	if err != nil {
		return ImportResult{}, err
	}
	res, err := s.ImportEvents(events)
	res.Notes = notes
	return res, err
}

// hoursText writes hours with their unit: 1 hour, 1.5 hours.
func hoursText(h float64) string {
	if h == 1 {
		return "1 hour"
	}
	return FormatHours(h) + " hours"
}
