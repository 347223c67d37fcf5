package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"electionbinder/internal/training"
)

// A session that runs past midnight, or an all-day one read from Outlook
// (00:00 to 00:00 the next day), can still be edited: its end stays on its
// own day instead of "ending before it starts" at every keystroke.
func TestTrainingScreenEditsSessionEndingNextDay(t *testing.T) {
	u, s, _ := openTrainingScreen(t)
	central, _ := time.LoadLocation("America/Chicago")
	start := time.Date(2030, 11, 4, 0, 0, 0, 0, central)
	e, err := s.store.CreateEvent(training.Event{Title: "Election security day", Kind: training.InPerson,
		Start: start, End: start.AddDate(0, 0, 1), TimeZone: "America/Chicago"})
	if err != nil {
		t.Fatal(err)
	}
	s.reload()
	s.show(e.ID)
	d := s.detail
	d.capacity.SetText("")
	test.Type(d.capacity, "30")
	saved, _ := s.store.Event(e.ID)
	if saved.Capacity != 30 || u.status.label.Text != "Saved" {
		t.Fatalf("capacity %d, status %q", saved.Capacity, u.status.label.Text)
	}
	if !saved.End.Equal(start.AddDate(0, 0, 1)) {
		t.Fatalf("end moved to %s", saved.End)
	}
	// Moving the day keeps the length.
	d.date.SetText("2030-11-05")
	saved, _ = s.store.Event(e.ID)
	if saved.Start.Format("2006-01-02 15:04") != "2030-11-05 00:00" || saved.End.Format("2006-01-02 15:04") != "2030-11-06 00:00" {
		t.Fatalf("moved to %s – %s", saved.Start, saved.End)
	}
}

// After the session in view is deleted, Ctrl+P has no session to print:
// it opens no save dialog for a sheet that would fail with "not found".
func TestTrainingScreenPrintAfterDeleteDoesNothing(t *testing.T) {
	u, s, _ := openTrainingScreen(t)
	d := s.detail
	id := d.event.ID
	if err := s.store.DeleteEvent(id); err != nil {
		t.Fatal(err)
	}
	s.selected = 0
	d.load(0)
	s.reload()
	s.exportPDF()
	if top := u.win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("Ctrl+P opened %T for deleted session %d", top, id)
	}
}

// Deleting a past session takes its attendance out of the compliance
// report: the question says so before the clerk confirms.
func TestDeleteSessionQuestionWarnsOfAttendance(t *testing.T) {
	e := training.EventSummary{Event: training.Event{Title: "Past exercise"}, Registered: 12, Waitlisted: 1, Attended: 10}
	q := deleteSessionQuestion(e)
	if !strings.Contains(q, "13 sign-ups") || !strings.Contains(q, "attendance of 10 people") {
		t.Fatalf("question %q", q)
	}
	e.Attended = 0
	if q := deleteSessionQuestion(e); strings.Contains(q, "attendance") {
		t.Fatalf("question %q", q)
	}
}

// Lowering the capacity below the seats given keeps everyone seated (nobody
// is dropped silently) and the seat bar says how many are over.
func TestTrainingScreenCapacityLoweredBelowSeats(t *testing.T) {
	_, s, _ := openTrainingScreen(t)
	d := s.detail
	signUp(t, d, "nunez")
	signUp(t, d, "pao")
	d.capacity.SetText("1")
	if d.event.Registered != 2 || d.seatText.Text != "2 of 1 seats taken (1 over the capacity: cancel 1 or raise it)" {
		t.Fatalf("seat bar %q, %d seated", d.seatText.Text, d.event.Registered)
	}
}

// Moving the session in view to another day re-sorts the list; the
// highlight follows it, so choosing the session now in its old row opens
// that session instead of doing nothing.
func TestTrainingScreenEditThatReordersKeepsSelection(t *testing.T) {
	_, s, _ := openTrainingScreen(t)
	d := s.detail
	if s.events[0].Title != "Upcoming exercise" {
		t.Fatalf("first row %q", s.events[0].Title)
	}
	d.date.SetText("2019-11-18") // now past, and after "Past exercise"
	if s.events[0].Title != "Upcoming exercise" {
		t.Fatalf("after the move the first row is %q", s.events[0].Title)
	}
	d.date.SetText("2018-11-18") // now the oldest: the second row
	if s.events[1].Title != "Upcoming exercise" {
		t.Fatalf("rows %q, %q", s.events[0].Title, s.events[1].Title)
	}
	s.list.Select(0) // the row now showing "Past exercise"
	if d.event.Title != "Past exercise" {
		t.Fatalf("choosing the first row shows %q", d.event.Title)
	}
	// Typing a title after switching goes to the session now in view.
	d.title.SetText("")
	test.Type(d.title, "Renamed")
	if got, _ := s.store.Event(d.event.ID); got.Title != "Renamed" || d.event.Title != "Renamed" {
		t.Fatalf("saved %q", got.Title)
	}
}

// The time zone is chosen from the zones of the United States (or typed);
// choosing one keeps the clock times and saves.
func TestTrainingScreenChoosesTimeZone(t *testing.T) {
	_, s, _ := openTrainingScreen(t)
	d := s.detail
	var _ *widget.SelectEntry = d.zone // a list to choose from, not a bare entry
	if training.CommonTimeZones[0] != "America/Chicago" {
		t.Fatalf("zone choices %v", training.CommonTimeZones)
	}
	before := d.event.Start.Format("15:04")
	d.zone.SetText("America/New_York")
	saved, _ := s.store.Event(d.event.ID)
	if saved.TimeZone != "America/New_York" || saved.Start.Format("15:04") != before {
		t.Fatalf("saved %s at %s, want %s", saved.TimeZone, saved.Start.Format("15:04"), before)
	}
	for _, z := range training.CommonTimeZones {
		if _, err := time.LoadLocation(z); err != nil {
			t.Errorf("choice %q: %v", z, err)
		}
	}
}

// A new session (Ctrl+N) falls on a weekday, a week ahead.
func TestNewSessionStartsOnAWeekday(t *testing.T) {
	central, _ := time.LoadLocation("America/Chicago")
	for day := 1; day <= 7; day++ {
		now := time.Date(2026, 11, day, 15, 0, 0, 0, central)
		got := newSessionStart(now)
		if got.Weekday() == time.Saturday || got.Weekday() == time.Sunday || got.Hour() != 10 ||
			got.Sub(now) < 6*24*time.Hour || got.Sub(now) > 10*24*time.Hour {
			t.Errorf("from %s: %s", now.Format("Mon 2 Jan"), got.Format("Mon 2 Jan 15:04"))
		}
	}
}
