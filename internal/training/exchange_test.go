package training

import (
	"bytes"
	"errors"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestICSRoundTripKeepsTimeZone(t *testing.T) {
	s, _ := openStore(t)
	start := time.Date(2019, 11, 4, 10, 0, 0, 0, central)
	webinar, err := s.CreateEvent(Event{Title: "Security communications webinar", Kind: LiveWebinar, Start: start,
		End: start.Add(time.Hour), TimeZone: "America/Chicago", Capacity: 500, CreditHours: 1,
		RegistrationURL: "https://example.gov/register", Organizer: "State elections commission",
		Notes: "Phones muted; questions by chat"})
	if err != nil {
		t.Fatal(err)
	}
	ny := time.Date(2020, 3, 20, 9, 30, 0, 0, mustZone("America/New_York"))
	eastern, err := s.CreateEvent(Event{Title: "Eastern session", Kind: InPerson, Start: ny, End: ny.Add(90 * time.Minute),
		TimeZone: "America/New_York", Address: "1 Main St\nAlbany, NY", Room: "Room 2", Directions: "Park behind; use the ramp",
		Capacity: 50, CreditHours: 1.5})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := s.ExportICS(&buf); err != nil {
		t.Fatal(err)
	}
	text := buf.String()
	for _, want := range []string{
		"BEGIN:VTIMEZONE\r\nTZID:America/Chicago",
		"BEGIN:DAYLIGHT\r\nDTSTART:19700308T020000\r\nTZOFFSETFROM:-0600\r\nTZOFFSETTO:-0500\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\nTZNAME:CDT",
		"BEGIN:STANDARD\r\nDTSTART:19701101T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0600\r\nRRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\nTZNAME:CST",
		"DTSTART;TZID=America/Chicago:20191104T100000",
		"DTEND;TZID=America/Chicago:20191104T110000",
		"DTSTART;TZID=America/New_York:20200320T093000",
		"UID:" + webinar.UUID,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("export lacks %q", want)
		}
	}
	// Into another office's binder: everything comes back, at the same instants and zones.
	other, _ := openStore(t)
	res, err := other.ImportICS(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	if res.Created != 2 {
		t.Fatalf("created %d", res.Created)
	}
	for _, want := range []Event{webinar, eastern} {
		got, err := other.EventByUUID(want.UUID)
		if err != nil {
			t.Fatal(err)
		}
		if !got.Start.Equal(want.Start) || !got.End.Equal(want.End) || got.TimeZone != want.TimeZone ||
			got.Title != want.Title || got.Kind != want.Kind || got.Capacity != want.Capacity ||
			got.CreditHours != want.CreditHours || got.Address != want.Address || got.Room != want.Room ||
			got.Directions != want.Directions || got.Notes != want.Notes || got.RegistrationURL != want.RegistrationURL {
			t.Errorf("round trip\n got %+v\nwant %+v", got, want)
		}
		if got.Start.Format("15:04 MST") != want.Start.Format("15:04 MST") {
			t.Errorf("wall clock %s, want %s", got.Start.Format("15:04 MST"), want.Start.Format("15:04 MST"))
		}
	}
	// Importing the same file again updates instead of duplicating.
	res, err = other.ImportICS(strings.NewReader(text))
	if err != nil || res.Updated != 2 || res.Created != 0 {
		t.Fatalf("re-import %+v %v", res, err)
	}
}

// A file as Outlook writes it: Windows zone names and no fields of ours.
const outlookICS = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\n" +
	"BEGIN:VTIMEZONE\r\nTZID:Central Standard Time\r\nBEGIN:STANDARD\r\nDTSTART:16011104T020000\r\n" +
	"RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0600\r\nEND:STANDARD\r\n" +
	"BEGIN:DAYLIGHT\r\nDTSTART:16010311T020000\r\nRRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3\r\nTZOFFSETFROM:-0600\r\n" +
	"TZOFFSETTO:-0500\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n" +
	"BEGIN:VEVENT\r\nUID:040000008200E00074C5B7101A82E008000000001@state.example\r\nSUMMARY:Communications training - La Crosse\r\n" +
	"DTSTART;TZID=Central Standard Time:20191112T130000\r\nDTEND;TZID=Central Standard Time:20191112T150000\r\n" +
	"LOCATION:Administrative Center\\, Room 0430\r\nORGANIZER;CN=Elections Commission:mailto:training@state.example\r\n" +
	"DTSTAMP:20191001T120000Z\r\nEND:VEVENT\r\n" +
	"BEGIN:VEVENT\r\nUID:webinar-2019-11-04@state.example\r\nSUMMARY:Election security communications webinar\r\n" +
	"DTSTART:20191104T160000Z\r\nDURATION:PT1H\r\nDTSTAMP:20191001T120000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"

func TestImportOutlookCalendar(t *testing.T) {
	s, _ := openStore(t)
	res, err := s.ImportICS(strings.NewReader(outlookICS))
	if err != nil {
		t.Fatal(err)
	}
	if res.Created != 2 {
		t.Fatalf("created %d", res.Created)
	}
	lacrosse, _ := s.Event(res.IDs[0])
	if lacrosse.TimeZone != "America/Chicago" || lacrosse.Start.Format("2006-01-02 15:04 MST") != "2019-11-12 13:00 CST" ||
		lacrosse.Kind != InPerson || lacrosse.Address != "Administrative Center, Room 0430" ||
		lacrosse.Organizer != "Elections Commission" || lacrosse.CreditHours != 2 {
		t.Fatalf("La Crosse read as %+v", lacrosse)
	}
	webinar, _ := s.Event(res.IDs[1])
	if webinar.Kind != LiveWebinar || webinar.Start.Format("15:04 MST") != "10:00 CST" || webinar.End.Sub(webinar.Start) != time.Hour {
		t.Fatalf("webinar read as %+v", webinar)
	}
	// The same state file again matches by UID.
	again, err := s.ImportICS(strings.NewReader(outlookICS))
	if err != nil || again.Updated != 2 {
		t.Fatalf("re-import %+v %v", again, err)
	}
}

func TestImportICSWithBadEventWritesNothing(t *testing.T) {
	s, _ := openStore(t)
	bad := strings.Replace(outlookICS, "DTSTART:20191104T160000Z", "DTSTART;TZID=Mars/Olympus:20191104T160000", 1)
	_, err := s.ImportICS(strings.NewReader(bad))
	if err == nil || !strings.Contains(err.Error(), "event 2 (Election security communications webinar)") {
		t.Fatalf("error %v", err)
	}
	if list, _ := s.Events(""); len(list) != 0 {
		t.Fatalf("%d events saved from a bad file", len(list))
	}
}

func TestVTimezoneWithoutDaylightSaving(t *testing.T) {
	var cal bytes.Buffer
	if err := WriteICS(&cal, []Event{{UUID: "u", Title: "x", Kind: InPerson, TimeZone: "America/Phoenix",
		Start: time.Date(2019, 7, 1, 9, 0, 0, 0, mustZone("America/Phoenix")),
		End:   time.Date(2019, 7, 1, 10, 0, 0, 0, mustZone("America/Phoenix"))}}, time.Unix(0, 0)); err != nil {
		t.Fatal(err)
	}
	text := cal.String()
	if strings.Contains(text, "DAYLIGHT") || !strings.Contains(text, "TZOFFSETFROM:-0700\r\nTZOFFSETTO:-0700") {
		t.Fatalf("Phoenix zone:\n%s", text)
	}
}

func TestRosterCSVRoundTripAndBadRows(t *testing.T) {
	s, conn := openStore(t)
	people := addPeople(t, conn, "Lakeshore County Clerk", 4)
	e := addEvent(t, s, "La Crosse", InPerson, "2019-11-12", 2, 2)
	webinar := addEvent(t, s, "Webinar", LiveWebinar, "2019-11-04", 500, 1)
	names := make([]string, len(people))
	for i, p := range people {
		r, _ := s.People("", 0)
		for _, x := range r {
			if x.ID == p {
				names[i] = x.Name
			}
		}
	}
	good := "Event,Start,Name,Email,Status,Attendance\n" +
		"La Crosse,2019-11-12 10:00," + names[0] + ",,registered,attended\n" +
		"La Crosse,2019-11-12 10:00,," + emailFor(names[1]) + ",,no-show\n" +
		"La Crosse,2019-11-12 10:00," + names[2] + ",,,\n" +
		"Webinar,," + names[3] + ",,,attended\n"
	n, err := s.ImportRosterCSV(strings.NewReader(good))
	if err != nil || n != 4 {
		t.Fatalf("imported %d: %v", n, err)
	}
	seated, waiting := statuses(t, s, e.ID)
	if !equalIDs(seated, people[:2]) || !equalIDs(waiting, people[2:3]) {
		t.Fatalf("seated %v waiting %v", seated, waiting)
	}
	var out bytes.Buffer
	if err := s.WriteRosterCSV(&out); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.String(), strings.Join(RosterColumns, ",")+"\n") ||
		!strings.Contains(out.String(), webinar.UUID+",Webinar,2019-11-04 10:00,live_webinar,"+names[3]) ||
		!strings.Contains(out.String(), ",waitlisted,\n") || !strings.Contains(out.String(), ",registered,no_show\n") {
		t.Fatalf("export:\n%s", out.String())
	}

	// Bad rows: every one named by its line; nothing written.
	before := out.String()
	bad := "event,name,status,attendance\n" +
		"Webinar," + names[0] + ",,\n" + // fine
		"No such session," + names[0] + ",,\n" +
		"Webinar,Nobody Known,,\n" +
		"\"Webinar\",\"" + names[1] + "\",maybe,\n" +
		"Webinar," + names[2] + ",canceled,attended\n"
	_, err = s.ImportRosterCSV(strings.NewReader(bad))
	var re *RosterError
	if !errors.As(err, &re) {
		t.Fatalf("error %v, want a RosterError", err)
	}
	for i, want := range []string{"line 3: no session", "line 4: nobody in the directory", "line 5: status \"maybe\"",
		"line 6: only a person with a seat"} {
		if i >= len(re.Lines) || !strings.HasPrefix(re.Lines[i], want) {
			t.Fatalf("problems %q, want line %d to start %q", re.Lines, i, want)
		}
	}
	var after bytes.Buffer
	s.WriteRosterCSV(&after)
	if after.String() != before {
		t.Fatal("a failed roster import changed the database")
	}

	// A row that is fine alone but fails when applied also writes nothing.
	full := "event,name,attendance\nLa Crosse," + names[3] + ",attended\n"
	if _, err := s.ImportRosterCSV(strings.NewReader(full)); err == nil || !strings.Contains(err.Error(), "line 2:") {
		t.Fatalf("walk-in into a full session: %v", err)
	}
}

func TestVTimezoneLastSundayRule(t *testing.T) {
	var cal bytes.Buffer
	berlin := mustZone("Europe/Berlin")
	start := time.Date(2021, 5, 3, 9, 0, 0, 0, berlin)
	if err := WriteICS(&cal, []Event{{UUID: "u", Title: "x", Kind: InPerson, TimeZone: "Europe/Berlin",
		Start: start, End: start.Add(time.Hour)}}, time.Unix(0, 0)); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"DTSTART:19700329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
		"DTSTART:19701025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
	} {
		if !strings.Contains(cal.String(), want) {
			t.Errorf("Berlin zone lacks %q:\n%s", want, cal.String())
		}
	}
}

// An independent reader (python-dateutil's tzical, where installed) gives
// the exported zone the offsets Go gives America/Chicago.
func TestVTimezoneReadByDateutil(t *testing.T) {
	if err := exec.Command("python3", "-c", "import dateutil.tz").Run(); err != nil {
		t.Skip("python3 with dateutil is not installed")
	}
	start := time.Date(2019, 11, 4, 10, 0, 0, 0, central)
	var cal bytes.Buffer
	if err := WriteICS(&cal, []Event{{UUID: "u", Title: "x", Kind: InPerson, TimeZone: "America/Chicago",
		Start: start, End: start.Add(time.Hour)}}, time.Unix(0, 0)); err != nil {
		t.Fatal(err)
	}
	script := `import sys, io, re
from datetime import datetime
from dateutil import tz
text = sys.stdin.read()
zone = tz.tzical(io.StringIO(re.search(r'BEGIN:VTIMEZONE.*?END:VTIMEZONE\r?\n', text, re.S).group(0))).get('America/Chicago')
for line in sys.argv[1:]:
    d = datetime.strptime(line, '%Y-%m-%d %H:%M').replace(tzinfo=zone)
    print(int(d.utcoffset().total_seconds()))`
	days := []string{"2019-11-04 10:00", "2019-07-01 09:00", "2030-03-10 03:00", "2030-11-03 01:00", "2031-01-01 00:00"}
	cmd := exec.Command("python3", append([]string{"-c", script}, days...)...)
	cmd.Stdin = &cal
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("dateutil: %v\n%s", err, out)
	}
	got := strings.Fields(string(out))
	for i, d := range days {
		local, _ := time.ParseInLocation("2006-01-02 15:04", d, central)
		_, want := local.Zone()
		if i >= len(got) || got[i] != strconv.Itoa(want) {
			t.Errorf("%s: dateutil offset %v, Go %d", d, got, want)
		}
	}
}

func TestImportICSLeavesOutCancelledAndNotesRepeats(t *testing.T) {
	s, _ := openStore(t)
	text := strings.Replace(outlookICS, "DTSTAMP:20191001T120000Z\r\nEND:VEVENT\r\nBEGIN:VEVENT",
		"DTSTAMP:20191001T120000Z\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\nBEGIN:VEVENT", 1)
	text = strings.Replace(text, "DURATION:PT1H\r\n", "DURATION:PT1H\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\n", 1)
	res, err := s.ImportICS(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	if res.Created != 1 || len(res.Notes) != 2 ||
		!strings.Contains(res.Notes[0], "event 1 (Communications training - La Crosse) was canceled") ||
		!strings.Contains(res.Notes[1], "event 2 (Election security communications webinar) repeats") {
		t.Fatalf("result %+v", res)
	}
}
