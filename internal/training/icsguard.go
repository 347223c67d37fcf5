package training

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"

	ics "github.com/arran4/golang-ical"
)

// Limits on a calendar file, far past what any calendar program writes: a
// file past them is refused before the iCalendar parser, whose memory grows
// with the square of the nesting, reads it.
const (
	MaxCalendarBytes = 32 << 20 // 32 MB
	MaxNesting       = 8        // components within components (a calendar, an event, an alarm: 3)
	MaxEvents        = 20_000   // events in one file: decades of a state's training calendar
)

// parseCalendar checks the file's size and nesting, then parses it.
func parseCalendar(r io.Reader) (*ics.Calendar, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxCalendarBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxCalendarBytes {
		return nil, fmt.Errorf("this calendar file is larger than %d MB, far past any calendar of training sessions", MaxCalendarBytes>>20)
	}
	if err := checkNesting(data); err != nil {
		return nil, err
	}
	return ics.ParseCalendar(bytes.NewReader(data))
}

// checkNesting follows the BEGIN: and END: lines of a calendar and refuses
// one nested deeper than MaxNesting or holding more than MaxEvents events.
func checkNesting(data []byte) error {
	depth, events := 0, 0
	lines := bufio.NewScanner(bytes.NewReader(data))
	lines.Buffer(nil, len(data)+1)
	for n := 1; lines.Scan(); n++ {
		line := strings.ToUpper(strings.TrimSpace(lines.Text()))
		switch {
		case strings.HasPrefix(line, "BEGIN:"):
			if line == "BEGIN:VEVENT" {
				if events++; events > MaxEvents {
					return fmt.Errorf("this calendar holds more than %d events, far more than any training calendar; export only the training sessions", MaxEvents)
				}
			}
			if depth++; depth > MaxNesting {
				return fmt.Errorf("line %d opens a part nested %d deep (calendars nest at most %d)", n, depth, MaxNesting)
			}
		case strings.HasPrefix(line, "END:"):
			depth = max(depth-1, 0)
		}
	}
	return lines.Err()
}
