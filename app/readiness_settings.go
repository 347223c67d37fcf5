package app

import (
	"errors"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"electionbinder/internal/readiness"
	"electionbinder/internal/training"
)

// readinessSettings are the entries of the Readiness card of Settings.
type readinessSettings struct {
	offsets map[string]*widget.Entry // by task key
	zone    *widget.SelectEntry
}

// readinessCard sets how many days before election day each readiness task
// falls due, and the office's time zone for the calendar export.
func (s *settingsScreen) readinessCard() fyne.CanvasObject {
	st := s.u.settings
	s.readiness = &readinessSettings{offsets: map[string]*widget.Entry{}}
	form := widget.NewForm()
	for _, o := range readiness.Offsets {
		o := o
		entry := widget.NewEntry()
		entry.SetText(strconv.Itoa(readiness.OffsetDays(st, o.Key)))
		entry.Validator = func(v string) error {
			if n, err := strconv.Atoi(v); err != nil || n < 0 || n > readiness.MaxOffset {
				return errors.New("Give a number of days between 0 and 365.")
			}
			return nil
		}
		entry.OnChanged = func(v string) {
			if entry.Validator(v) == nil {
				n, _ := strconv.Atoi(v)
				s.u.saved(readiness.SetOffsetDays(st, o.Key, n))
			}
		}
		form.Append(o.Label+" (days before)", entry)
		s.readiness.offsets[o.Key] = entry
	}
	zone, _ := st.Get(readiness.ZoneKey, readiness.DefaultZone)
	zones := widget.NewSelectEntry(training.CommonTimeZones)
	zones.SetText(zone)
	zones.Validator = func(v string) error {
		if _, err := time.LoadLocation(v); err != nil || v == "" || v == "Local" {
			return errors.New("Use a zone name such as America/Chicago.")
		}
		return nil
	}
	zones.OnChanged = func(v string) {
		if zones.Validator(v) == nil {
			s.u.saved(st.Set(readiness.ZoneKey, v))
		}
	}
	form.Append("Office time zone", zones)
	s.readiness.zone = zones
	return widget.NewCard("Readiness", "When each task on the readiness board falls due before an election. "+
		"Training falls due by each requirement's own deadline.", form)
}
