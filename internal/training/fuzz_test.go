package training

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzReadICS feeds arbitrary bytes to the calendar reader: it may refuse a
// file but must not panic, and what it accepts must be valid events.
func FuzzReadICS(f *testing.F) {
	f.Add([]byte(outlookICS))
	f.Add([]byte("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20191104\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"))
	f.Add([]byte("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:y\r\nDTSTART:20191104T100000\r\nDURATION:P1DT2H\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"))
	f.Add([]byte(""))
	// Google's repeating series with an excluded and a changed session, and
	// Outlook's zone of its own defined by a VTIMEZONE.
	f.Add([]byte("BEGIN:VCALENDAR\r\nX-WR-TIMEZONE:America/Chicago\r\nBEGIN:VEVENT\r\nUID:s\r\n" +
		"DTSTART;TZID=America/Chicago:20191104T100000\r\nDTEND;TZID=America/Chicago:20191104T110000\r\n" +
		"RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=4\r\nEXDATE;TZID=America/Chicago:20191104T100000,20191111T160000Z\r\n" +
		"END:VEVENT\r\nBEGIN:VEVENT\r\nUID:s\r\nRECURRENCE-ID;TZID=America/Chicago:20191118T100000\r\n" +
		"DTSTART:20191119T200000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"))
	f.Add([]byte("BEGIN:VCALENDAR\r\nBEGIN:VTIMEZONE\r\nTZID:Customized Time Zone\r\nBEGIN:STANDARD\r\n" +
		"TZOFFSETFROM:-0500\r\nTZOFFSETTO:-0600\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\nTZOFFSETTO:-0500\r\n" +
		"END:DAYLIGHT\r\nEND:VTIMEZONE\r\nBEGIN:VEVENT\r\nUID:c\r\nDTSTART;TZID=Customized Time Zone:20191104T100000\r\n" +
		"END:VEVENT\r\nEND:VCALENDAR\r\n"))
	f.Add(nestedCalendar(20))
	f.Add(repeatingCalendar(3))
	f.Fuzz(func(t *testing.T, data []byte) {
		events, _, err := ReadICS(bytes.NewReader(data), DefaultTimeZone)
		if err != nil {
			return
		}
		for _, e := range events {
			if err := e.Validate(); err != nil {
				t.Fatalf("accepted an invalid event %+v: %v", e, err)
			}
		}
	})
}

// FuzzRosterCSV feeds arbitrary text to the roster import: wrong lines are
// refused by number, and a refused import leaves the database as it was.
func FuzzRosterCSV(f *testing.F) {
	f.Add("event,name,status,attendance\nLa Crosse,Office clerk Aa,,attended\n")
	f.Add("event_uuid,email\nnope,officeclerkaa@example.gov\n")
	f.Add("event,name\n\"La Crosse\",\"Office clerk Ba\"\nLa Crosse,Office clerk Ca,cancelled\n")
	f.Add("\ufeffEvent,Email,Attendance\nLa Crosse,x@y,no-show\n\"unterminated\n")
	s, conn := openStore(f)
	addPeople(f, conn, "Office", 3)
	addEvent(f, s, "La Crosse", InPerson, "2019-11-12", 2, 2)
	f.Fuzz(func(t *testing.T, text string) {
		var before, after bytes.Buffer
		if err := s.WriteRosterCSV(&before); err != nil {
			t.Fatal(err)
		}
		_, err := s.ImportRosterCSV(strings.NewReader(text))
		if err == nil {
			return
		}
		if err := s.WriteRosterCSV(&after); err != nil {
			t.Fatal(err)
		}
		if before.String() != after.String() {
			t.Fatalf("a refused import (%v) changed the roster", err)
		}
	})
}
