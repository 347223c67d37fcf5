package training

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// ClockLayout and DateLayout are how the window shows a session's time of
// day and date: the American way ("1:30 PM", "12/15/2026").
const (
	ClockLayout = "3:04 PM"
	DateLayout  = "01/02/2006"
)

var clockRE = regexp.MustCompile(`^(\d{1,2})(?:[:.](\d{2}))?\s*(?:([ap])\.?\s*(?:m\.?)?)?$`)

// ErrClock and ErrDate say how to write a time or a date the window can read.
var (
	ErrClock = errors.New("type a time such as 1 PM, 1:30 pm or 13:30")
	ErrDate  = errors.New("type a date such as 12/15/2026 or 2026-12-15")
)

// ParseClock reads a time of day the ways Americans type it: "1 PM",
// "1:00 pm", "1:00PM", "1p", "9:30 a.m.", "13:00", "noon", "midnight". A
// time without AM or PM is read on the 24-hour clock.
func ParseClock(s string) (hour, minute int, err error) {
	text := strings.ToLower(strings.TrimSpace(s))
	switch text {
	case "noon":
		return 12, 0, nil
	case "midnight":
		return 0, 0, nil
	}
	m := clockRE.FindStringSubmatch(text)
	if m == nil {
		return 0, 0, ErrClock
	}
	hour, _ = strconv.Atoi(m[1])
	if m[2] != "" {
		minute, _ = strconv.Atoi(m[2])
	}
	if minute > 59 {
		return 0, 0, ErrClock
	}
	switch m[3] {
	case "":
		if hour > 23 {
			return 0, 0, ErrClock
		}
	case "a", "p":
		if hour < 1 || hour > 12 {
			return 0, 0, ErrClock
		}
		hour %= 12
		if m[3] == "p" {
			hour += 12
		}
	}
	return hour, minute, nil
}

// dateLayouts are the ways a date may be typed: the American month/day/year
// (with a two- or four-digit year, slashes or dashes) and the ISO year-month-day.
var dateLayouts = []string{"2006-01-02", "1/2/2006", "1-2-2006", "1/2/06", "1-2-06"}

// ParseDate reads a date typed as 12/15/2026, 12-15-2026, 12/15/26 or 2026-12-15.
func ParseDate(s string) (time.Time, error) {
	text := strings.TrimSpace(s)
	for _, layout := range dateLayouts {
		if d, err := time.Parse(layout, text); err == nil {
			return d, nil
		}
	}
	return time.Time{}, ErrDate
}

// At is the moment on day at the time of day given, in loc.
func At(day time.Time, hour, minute int, loc *time.Location) time.Time {
	return time.Date(day.Year(), day.Month(), day.Day(), hour, minute, 0, 0, loc)
}
