package readiness

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/google/uuid"

	"electionbinder/internal/training"
)

// taskSpace derives each task's stable UID from the election and the task,
// so a calendar imported again updates its events instead of doubling them.
var taskSpace = uuid.MustParse("0c6f5b7e-2a41-4d8e-9f3a-6e1b2c7d9a50")

// Calendar times: each task is a half-hour reminder at 9 in the morning,
// office time, on its due day.
const (
	reminderHour    = 9
	reminderMinutes = 30
	icsLocal        = "20060102T150405"
)

// WriteICS writes the board's tasks as an iCalendar file for Outlook and
// Google Calendar: one event a task on its due day, in the office's time
// zone, with the reason and where to fix it in the description.
func WriteICS(w io.Writer, b Board, stampedAt time.Time) error {
	loc, err := time.LoadLocation(b.Zone)
	if err != nil || b.Zone == "Local" {
		return fmt.Errorf("%q is not a time zone this computer knows (set the office's zone in Settings)", b.Zone)
	}
	cal := ics.NewCalendar()
	cal.SetProductId("-//Election Security Binder//Readiness//EN")
	cal.SetMethod(ics.MethodPublish)
	cal.SetCalscale("GREGORIAN")
	cal.SetXWRCalName("Readiness: " + b.Election.Name)
	cal.SetXWRTimezone(b.Zone)
	years := []int{b.Election.Day.Year()}
	for _, t := range b.Tasks {
		years = append(years, t.Due.Year())
	}
	tz, err := training.VTimezone(b.Zone, years)
	if err != nil {
		return err
	}
	cal.AddVTimezone(tz)
	for _, t := range b.Tasks {
		cal.AddVEvent(taskEvent(b, t, loc, stampedAt))
	}
	return cal.SerializeTo(w, ics.WithNewLine("\r\n"))
}

func taskEvent(b Board, t Task, loc *time.Location, stampedAt time.Time) *ics.VEvent {
	v := ics.NewEvent(uuid.NewSHA1(taskSpace, []byte(b.Election.UUID+"/"+t.Key)).String())
	v.SetDtStampTime(stampedAt.UTC())
	start := time.Date(t.Due.Year(), t.Due.Month(), t.Due.Day(), reminderHour, 0, 0, 0, loc)
	end := start.Add(reminderMinutes * time.Minute)
	v.SetProperty(ics.ComponentPropertyDtStart, start.Format(icsLocal), ics.WithTZID(b.Zone))
	v.SetProperty(ics.ComponentPropertyDtEnd, end.Format(icsLocal), ics.WithTZID(b.Zone))
	v.SetSummary(fmt.Sprintf("%s (%s)", t.Title, b.Election.Name))
	v.SetDescription(taskDescription(b, t))
	v.SetProperty(ics.ComponentPropertyCategories, "Election readiness")
	if t.State == Done {
		v.SetStatus(ics.ObjectStatusConfirmed)
	}
	return v
}

// taskDescription is the event's text: state, reason and where to fix it.
func taskDescription(b Board, t Task) string {
	lines := []string{
		fmt.Sprintf("Due %d days before %s on %s.", int(b.Election.Day.Sub(t.Due).Hours()/24), b.Election.Name, dayText(b.Election.Day)),
		fmt.Sprintf("As of %s: %s. %s", dayText(b.AsOf), t.State, t.Why),
		"Where to fix it: " + t.Fix.Label() + " in Election Security Binder.",
	}
	for _, it := range t.Items {
		box := "[ ]"
		if it.Tick != nil {
			box = "[x]"
		}
		lines = append(lines, box+" "+it.Text)
	}
	return strings.Join(lines, "\n")
}

// ReadElectionsICS reads the elections of an iCalendar file, such as one
// from the state's election calendar: each event's title is the election's
// name and its start day (in its own zone, else fallbackZone) the election
// day. The kind is guessed from the title, special when it says nothing.
func ReadElectionsICS(r io.Reader, fallbackZone string) ([]Election, []string, error) {
	events, notes, err := training.ReadICS(r, fallbackZone)
	if err != nil {
		if events == nil && len(notes) == 0 && strings.Contains(err.Error(), "no sessions") {
			return nil, nil, errors.New("the calendar holds no elections to import")
		}
		return nil, notes, err
	}
	out := make([]Election, 0, len(events))
	for _, e := range events {
		el := Election{Name: strings.TrimSpace(e.Title), Day: day(e.Start), Kind: KindFromTitle(e.Title)}
		if el.Name == "" {
			el.Name = "Election of " + el.Day.Format(dayLayout)
		}
		out = append(out, el)
	}
	return out, notes, nil
}

// KindFromTitle guesses an election's kind from its title.
func KindFromTitle(title string) Kind {
	t := strings.ToLower(title)
	switch {
	case strings.Contains(t, "recall"):
		return Recall
	case strings.Contains(t, "special"):
		return Special
	case strings.Contains(t, "partisan") || strings.Contains(t, "august") || strings.Contains(t, "fall primary"):
		return PartisanPrimary
	case strings.Contains(t, "general") || strings.Contains(t, "november"):
		return General
	case strings.Contains(t, "spring") || strings.Contains(t, "april") || strings.Contains(t, "february"):
		return Spring
	}
	return Special
}

// Import adds the elections read from a calendar in one transaction; ones
// already on the calendar (same day and name) are skipped and counted.
func (s *Store) Import(list []Election) (added []Election, skipped int, err error) {
	for _, e := range list {
		if err := e.Check(); err != nil {
			return nil, 0, fmt.Errorf("%s on %s: %w", e.Name, e.Day.Format(dayLayout), err)
		}
	}
	tx, err := s.db.Begin()
	if err != nil {
		return nil, 0, err
	}
	defer tx.Rollback()
	for _, e := range list {
		e, ok, err := insertElection(tx, e)
		if err != nil {
			return nil, 0, err
		}
		if !ok {
			skipped++
			continue
		}
		added = append(added, e)
	}
	return added, skipped, tx.Commit()
}
