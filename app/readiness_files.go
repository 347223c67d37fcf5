package app

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"electionbinder/internal/readiness"
)

// askExport writes the board in view as the checklist (.pdf) or the calendar (.ics).
func (s *readinessScreen) askExport(ext string) {
	b, ok := s.board()
	if !ok {
		return
	}
	what := map[string]string{".pdf": "Printing the readiness checklist", ".ics": "Writing the calendar"}[ext]
	name := trFileName("Readiness", strings.TrimSuffix(b.Election.Name, " (sample)"), b.Election.Day.Format("2006-01-02")) + ext
	s.u.askSaveFile(what, name, []string{ext}, func(path string) error {
		return s.store.Export(path, b, time.Now())
	})
}

// askImport adds the elections of a calendar file (.ics).
func (s *readinessScreen) askImport() {
	open := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			s.u.showError(err)
			return
		}
		defer r.Close()
		zone, _ := s.u.settings.Get(readiness.ZoneKey, readiness.DefaultZone)
		list, notes, err := readiness.ReadElectionsICS(r, zone)
		if err != nil {
			s.u.showError(fmt.Errorf("%s: %w", r.URI().Name(), err))
			return
		}
		added, skipped, err := s.store.Import(list)
		if err != nil {
			s.u.showError(err)
			return
		}
		msg := fmt.Sprintf("Added %s to the calendar.", plural(len(added), "election", "elections"))
		if skipped > 0 {
			msg += fmt.Sprintf(" %s already there.", plural(skipped, "was", "were"))
		}
		for _, n := range notes {
			msg += "\n" + n
		}
		s.reload(0)
		s.u.showInfo("Elections imported", msg)
	}, s.u.win)
	open.SetFilter(storage.NewExtensionFileFilter([]string{".ics"}))
	open.Show()
}
