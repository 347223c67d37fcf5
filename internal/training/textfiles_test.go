package training

import (
	"bytes"
	"errors"
	"testing"

	"electionbinder/internal/textfile"
)

func TestImportsRefuseFilesThatAreNotText(t *testing.T) {
	s, _ := openStore(t)
	for _, data := range [][]byte{[]byte("PK\x03\x04xl/workbook.xml"), []byte("%PDF-1.4"), {'B', 0, 1, 2}} {
		if _, err := s.ImportRosterCSV(bytes.NewReader(data)); !errors.Is(err, textfile.ErrNotText) {
			t.Errorf("roster import of %q: %v, want a not-text error", data, err)
		}
		if _, err := s.ImportICS(bytes.NewReader(data)); !errors.Is(err, textfile.ErrNotText) {
			t.Errorf("calendar import of %q: %v, want a not-text error", data, err)
		}
	}
}

func TestCalendarInWindows1252IsRead(t *testing.T) {
	ics := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\nUID:a1@example.gov\r\n" +
		"DTSTAMP:20261101T120000Z\r\nDTSTART:20261201T150000Z\r\nDTEND:20261201T170000Z\r\n" +
		"SUMMARY:S\xe9ance de s\xe9curit\xe9\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	events, _, err := ReadICS(bytes.NewReader([]byte(ics)), DefaultTimeZone)
	if err != nil || len(events) != 1 || events[0].Title != "Séance de sécurité" {
		t.Fatalf("read %+v, %v", events, err)
	}
}
