package training

import (
	"testing"
	"time"
)

func TestParseClockTakesTheWaysAmericansTypeATime(t *testing.T) {
	for _, c := range []struct {
		in   string
		h, m int
	}{
		{"1 PM", 13, 0}, {"1:00 pm", 13, 0}, {"1:00PM", 13, 0}, {"1p", 13, 0}, {"1 p.m.", 13, 0},
		{"9:30 a.m.", 9, 30}, {"12 AM", 0, 0}, {"12:15 pm", 12, 15}, {"13:00", 13, 0}, {"09:05", 9, 5},
		{"0:30", 0, 30}, {"noon", 12, 0}, {"Midnight", 0, 0}, {" 7 ", 7, 0}, {"7.45", 7, 45},
	} {
		h, m, err := ParseClock(c.in)
		if err != nil || h != c.h || m != c.m {
			t.Errorf("ParseClock(%q) = %d:%02d, %v; want %d:%02d", c.in, h, m, err, c.h, c.m)
		}
	}
	for _, bad := range []string{"", "1:00 PX", "13 PM", "0 AM", "24:00", "9:60", "9:", "nine", "1:00 pmm", "1::00"} {
		if h, m, err := ParseClock(bad); err == nil {
			t.Errorf("ParseClock(%q) = %d:%02d, want an error", bad, h, m)
		}
	}
}

func TestParseDateTakesAmericanAndISODates(t *testing.T) {
	want := time.Date(2026, 12, 15, 0, 0, 0, 0, time.UTC)
	for _, in := range []string{"12/15/2026", "12-15-2026", "12/15/26", "2026-12-15", " 12/15/2026 "} {
		if d, err := ParseDate(in); err != nil || !d.Equal(want) {
			t.Errorf("ParseDate(%q) = %v, %v", in, d, err)
		}
	}
	for _, bad := range []string{"", "15/12/2026", "2026-13-01", "12/15", "Dec 15"} {
		if d, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) = %v, want an error", bad, d)
		}
	}
}
