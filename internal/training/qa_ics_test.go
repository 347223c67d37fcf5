package training

import (
	"bytes"
	"strings"
	"testing"
)

// qaCal wraps VEVENT text in a calendar.
func qaCal(body string) string {
	return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//QA//EN\r\n" + body + "END:VCALENDAR\r\n"
}

func qaImportOne(t *testing.T, s *Store, text string) Event {
	t.Helper()
	res, err := s.ImportICS(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.IDs) != 1 {
		t.Fatalf("import %+v", res)
	}
	e, err := s.Event(res.IDs[0])
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// A program that folds a line every 75 bytes may cut "ñ" in two; the
// halves joined again are UTF-8, not Windows-1252.
func TestImportICSLineFoldedInsideACharacter(t *testing.T) {
	s, _ := openStore(t)
	e := qaImportOne(t, s, qaCal("BEGIN:VEVENT\r\nUID:fold-1\r\nSUMMARY:Training with Mar\xc3\xada N\xc3\xba\xc3\r\n \xb1ez\r\n"+
		"DTSTART:20191104T100000\r\nDTEND:20191104T110000\r\nDTSTAMP:20191001T120000Z\r\nEND:VEVENT\r\n"))
	if e.Title != "Training with María Núñez" {
		t.Fatalf("title %q", e.Title)
	}
}

// Outlook's all-day events (DTSTART;VALUE=DATE) are not 24 hours of credit,
// and one with no DTEND lasts the day (RFC 5545 3.6.1).
func TestImportICSAllDayEvents(t *testing.T) {
	s, _ := openStore(t)
	withEnd := qaImportOne(t, s, qaCal("BEGIN:VEVENT\r\nUID:allday-1\r\nSUMMARY:Election security day\r\n"+
		"DTSTART;VALUE=DATE:20191104\r\nDTEND;VALUE=DATE:20191105\r\nX-MICROSOFT-CDO-ALLDAYEVENT:TRUE\r\n"+
		"DTSTAMP:20191001T120000Z\r\nEND:VEVENT\r\n"))
	if withEnd.CreditHours != 0 {
		t.Errorf("all-day event gives %v hours of credit", withEnd.CreditHours)
	}
	noEnd := qaImportOne(t, s, qaCal("BEGIN:VEVENT\r\nUID:allday-2\r\nSUMMARY:Election security day two\r\n"+
		"DTSTART;VALUE=DATE:20191104\r\nDTSTAMP:20191001T120000Z\r\nEND:VEVENT\r\n"))
	if got := noEnd.End.Sub(noEnd.Start).Hours(); got != 24 || noEnd.CreditHours != 0 {
		t.Errorf("all-day event without DTEND lasts %v hours, %v hours of credit", got, noEnd.CreditHours)
	}
}

// The state re-sends its calendar after moving a session by an hour. The
// session is updated, not duplicated, and what the clerk set that the
// state's file does not carry (capacity, kind, hours, room) stays: the
// waitlist is not all seated because the file has no capacity.
func TestReimportMovedEventKeepsClerksSettings(t *testing.T) {
	s, conn := openStore(t)
	first := qaCal("BEGIN:VEVENT\r\nUID:moved-1@state.example\r\nSUMMARY:Tabletop exercise\r\nLOCATION:County building\r\n" +
		"DTSTART;TZID=America/Chicago:20191104T100000\r\nDTEND;TZID=America/Chicago:20191104T120000\r\n" +
		"DTSTAMP:20191001T120000Z\r\nEND:VEVENT\r\n")
	e := qaImportOne(t, s, first)
	e.Capacity, e.Room, e.CreditHours, e.Kind = 1, "Room 12", 1.5, LiveWebinar
	if err := s.UpdateEvent(e); err != nil {
		t.Fatal(err)
	}
	people := addPeople(t, conn, "Dane County Clerk", 3)
	for _, p := range people {
		mustRegister(t, s, e.ID, p)
	}
	moved := strings.ReplaceAll(first, "T100000", "T110000")
	moved = strings.ReplaceAll(moved, "T120000", "T130000")
	res, err := s.ImportICS(strings.NewReader(moved))
	if err != nil || res.Updated != 1 || res.Created != 0 {
		t.Fatalf("re-import %+v %v", res, err)
	}
	got, _ := s.Summary(e.ID)
	if got.Start.Format("15:04") != "11:00" || got.Capacity != 1 || got.Room != "Room 12" ||
		got.CreditHours != 1.5 || got.Kind != LiveWebinar || got.Registered != 1 || got.Waitlisted != 2 {
		t.Fatalf("after re-import: %+v", got)
	}
	if list, _ := s.Events(""); len(list) != 1 {
		t.Fatalf("%d events after re-import", len(list))
	}
}

// Outlook writes Windows zone names, older versions their display names,
// and some files a zone of their own ("Customized Time Zone") defined only
// by its VTIMEZONE: all of them are read, not refused.
func TestImportICSOutlookZoneNames(t *testing.T) {
	customZone := "BEGIN:VTIMEZONE\r\nTZID:Customized Time Zone\r\nBEGIN:STANDARD\r\nDTSTART:16010101T020000\r\n" +
		"TZOFFSETFROM:-0600\r\nTZOFFSETTO:-0700\r\nRRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11\r\nEND:STANDARD\r\n" +
		"BEGIN:DAYLIGHT\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:-0700\r\nTZOFFSETTO:-0600\r\n" +
		"RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n"
	cases := []struct{ tzid, before, zone, when string }{
		{`"(UTC-06:00) Central Time (US & Canada)"`, "", "America/Chicago", "10:00 CST"},
		{`(GMT-05.00) Eastern Time (US & Canada)`, "", "America/New_York", "10:00 EST"},
		{"US Eastern Standard Time", "", "America/Indiana/Indianapolis", "10:00 EST"},
		{"/mozilla.org/20070129_1/America/New_York", "", "America/New_York", "10:00 EST"},
		{"Customized Time Zone", customZone, "America/Denver", "10:00 MST"},
	}
	for i, c := range cases {
		s, _ := openStore(t)
		e := qaImportOne(t, s, qaCal(c.before+"BEGIN:VEVENT\r\nUID:zone-"+string(rune('a'+i))+"\r\nSUMMARY:Session\r\n"+
			"DTSTART;TZID="+c.tzid+":20191104T100000\r\nDTEND;TZID="+c.tzid+":20191104T110000\r\n"+
			"DTSTAMP:20191001T120000Z\r\nEND:VEVENT\r\n"))
		if e.TimeZone != c.zone || e.Start.Format("15:04 MST") != c.when {
			t.Errorf("%s: read as %s in %s", c.tzid, e.Start.Format("15:04 MST"), e.TimeZone)
		}
	}
}

// Google Calendar writes its times in UTC and names the calendar's zone in
// X-WR-TIMEZONE: the session keeps that zone, not ours.
func TestImportICSGoogleCalendarZone(t *testing.T) {
	s, _ := openStore(t)
	res, err := s.ImportICS(strings.NewReader("BEGIN:VCALENDAR\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\n" +
		"VERSION:2.0\r\nX-WR-TIMEZONE:America/New_York\r\nBEGIN:VEVENT\r\nDTSTART:20191104T150000Z\r\n" +
		"DTEND:20191104T160000Z\r\nUID:g1@google.com\r\nSUMMARY:Webinar\r\nDTSTAMP:20191001T120000Z\r\n" +
		"END:VEVENT\r\nEND:VCALENDAR\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	e, _ := s.Event(res.IDs[0])
	if e.TimeZone != "America/New_York" || e.Start.Format("15:04 MST") != "10:00 EST" {
		t.Fatalf("read as %s in %s", e.Start.Format("15:04 MST"), e.TimeZone)
	}
}

// Google Calendar: a weekly series whose first session was deleted
// (EXDATE) and whose second was moved (a VEVENT with RECURRENCE-ID). The
// session imported is the first one that takes place, at its new time.
func TestImportICSRepeatingWithExdateAndChangedSession(t *testing.T) {
	head := "BEGIN:VCALENDAR\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\nVERSION:2.0\r\n" +
		"X-WR-TIMEZONE:America/Chicago\r\nBEGIN:VEVENT\r\nDTSTART;TZID=America/Chicago:20191104T100000\r\n" +
		"DTEND;TZID=America/Chicago:20191104T110000\r\nRRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=4\r\n" +
		"EXDATE;TZID=America/Chicago:20191104T100000\r\nUID:series@google.com\r\nSUMMARY:Weekly webinar\r\n" +
		"DTSTAMP:20191001T120000Z\r\nEND:VEVENT\r\n"
	moved := "BEGIN:VEVENT\r\nDTSTART;TZID=America/Chicago:20191112T140000\r\nDTEND;TZID=America/Chicago:20191112T150000\r\n" +
		"RECURRENCE-ID;TZID=America/Chicago:20191111T100000\r\nUID:series@google.com\r\nSUMMARY:Weekly webinar (moved)\r\n" +
		"DTSTAMP:20191001T120000Z\r\nEND:VEVENT\r\n"
	cases := []struct{ name, text, start, title string }{
		{"first excluded", head + "END:VCALENDAR\r\n", "2019-11-11 10:00", "Weekly webinar"},
		{"second moved", head + moved + "END:VCALENDAR\r\n", "2019-11-12 14:00", "Weekly webinar (moved)"},
	}
	for _, c := range cases {
		s, _ := openStore(t)
		res, err := s.ImportICS(strings.NewReader(c.text))
		if err != nil || len(res.IDs) != 1 {
			t.Fatalf("%s: %+v %v", c.name, res, err)
		}
		e, _ := s.Event(res.IDs[0])
		if e.Start.Format("2006-01-02 15:04") != c.start || e.Title != c.title {
			t.Errorf("%s: imported %q at %s", c.name, e.Title, e.Start.Format("2006-01-02 15:04"))
		}
	}
}

// An all-day session goes out as an all-day event (VALUE=DATE), not a
// 24-hour meeting across the clerk's calendar, and reads back the same.
func TestExportAllDaySessionAsDates(t *testing.T) {
	s, _ := openStore(t)
	e := qaImportOne(t, s, qaCal("BEGIN:VEVENT\r\nUID:allday-x\r\nSUMMARY:Election security day\r\n"+
		"DTSTART;VALUE=DATE:20191104\r\nDTEND;VALUE=DATE:20191106\r\nDTSTAMP:20191001T120000Z\r\nEND:VEVENT\r\n"))
	var out bytes.Buffer
	if err := s.ExportICS(&out); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	if !strings.Contains(text, "DTSTART;VALUE=DATE:20191104\r\n") || !strings.Contains(text, "DTEND;VALUE=DATE:20191106\r\n") {
		t.Fatalf("export:\n%s", text)
	}
	other, _ := openStore(t)
	back := qaImportOne(t, other, text)
	if !back.Start.Equal(e.Start) || !back.End.Equal(e.End) || back.CreditHours != 0 {
		t.Fatalf("read back %s – %s, %v hours", back.Start, back.End, back.CreditHours)
	}
}
