package training

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"electionbinder/internal/growth"
)

// nestedCalendar opens n components inside one another and closes none.
func nestedCalendar(n int) []byte {
	return []byte("BEGIN:VCALENDAR\r\n" + strings.Repeat("BEGIN:VEVENT\r\n", n))
}

// repeatingCalendar holds n weekly series, each with one changed session.
func repeatingCalendar(n int) []byte {
	var b strings.Builder
	b.WriteString("BEGIN:VCALENDAR\r\n")
	for i := range n {
		fmt.Fprintf(&b, "BEGIN:VEVENT\r\nUID:s%d\r\nSUMMARY:Session %d\r\nDTSTART:20191104T160000Z\r\n"+
			"RRULE:FREQ=WEEKLY;COUNT=4\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:s%d\r\n"+
			"RECURRENCE-ID:20191111T160000Z\r\nDTSTART:20191112T160000Z\r\nEND:VEVENT\r\n", i, i, i)
	}
	b.WriteString("END:VCALENDAR\r\n")
	return []byte(b.String())
}

func TestHostileCalendarsGrowLinearly(t *testing.T) {
	cases := map[string]struct {
		make func(int) []byte
		n    int
	}{
		"unterminated nesting": {nestedCalendar, 1000},
		"repeating events":     {repeatingCalendar, 400},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			growth.CheckLinear(t, c.make, c.n, func(data []byte) {
				ReadICS(bytes.NewReader(data), DefaultTimeZone)
			})
		})
	}
}

func TestDeeplyNestedCalendarRefusedPlainly(t *testing.T) {
	_, _, err := ReadICS(bytes.NewReader(nestedCalendar(10_000)), DefaultTimeZone)
	if err == nil || !strings.Contains(err.Error(), "nested") {
		t.Fatalf("got %v, want a refusal that names the nesting", err)
	}
}

func TestCalendarWithTooManyEventsRefusedPlainly(t *testing.T) {
	_, _, err := ReadICS(bytes.NewReader(repeatingCalendar(MaxEvents)), DefaultTimeZone)
	if err == nil || !strings.Contains(err.Error(), "more than") {
		t.Fatalf("got %v, want a refusal that names the limit", err)
	}
}
