package app

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"electionbinder/internal/training"
)

// dateEntry is a date field that reads 12/15/2026 as well as 2026-12-15,
// with a calendar to pick the day from; a date that does not read is
// marked on the field.
type dateEntry struct {
	widget.Entry
	calendar *widget.Calendar
	popUp    *widget.PopUp
}

func newDateEntry() *dateEntry {
	e := &dateEntry{}
	e.ExtendBaseWidget(e)
	e.SetPlaceHolder("MM/DD/YYYY")
	e.Validator = func(text string) error {
		_, err := training.ParseDate(text)
		return err
	}
	e.ActionItem = widget.NewButtonWithIcon("", theme.CalendarIcon(), e.openCalendar)
	return e
}

// openCalendar shows a month under the field, at the date typed or today;
// choosing a day writes it in the field.
func (e *dateEntry) openCalendar() {
	c := fyne.CurrentApp().Driver().CanvasForObject(e)
	if c == nil {
		return
	}
	month := time.Now()
	if d, err := training.ParseDate(e.Text); err == nil {
		month = d
	}
	e.calendar = widget.NewCalendar(month, e.pick)
	e.popUp = widget.NewPopUp(e.calendar, c)
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(e)
	e.popUp.ShowAtPosition(at.Add(fyne.NewPos(0, e.Size().Height)))
}

func (e *dateEntry) pick(day time.Time) {
	if e.popUp != nil {
		e.popUp.Hide()
	}
	e.SetText(day.Format(training.DateLayout))
}

// newClockEntry is a time-of-day field that reads 1 PM, 1:30 pm and 13:30;
// a time that does not read is marked on the field.
func newClockEntry(onChanged func()) *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder("1:00 PM")
	e.Validator = func(text string) error {
		_, _, err := training.ParseClock(text)
		return err
	}
	e.OnChanged = func(string) { onChanged() }
	return e
}
