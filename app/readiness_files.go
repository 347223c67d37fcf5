package app

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"electionbinder/internal/plural"
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
	req := fileRequest{title: "Import elections", kind: "Calendar", exts: []string{".ics"}}
	s.u.openAndRead(req, 32<<20, func(name string, data []byte) {
		zone, _ := s.u.settings.Get(readiness.ZoneKey, readiness.DefaultZone)
		list, notes, err := readiness.ReadElectionsICS(bytes.NewReader(data), zone)
		if err != nil {
			s.u.showError(fmt.Errorf("%s: %w", name, err))
			return
		}
		added, skipped, err := s.store.Import(list)
		if err != nil {
			s.u.showError(err)
			return
		}
		msg := fmt.Sprintf("Added %s to the calendar.", plural.Count(len(added), "election", "elections"))
		if skipped > 0 {
			msg += fmt.Sprintf(" %s already there.", plural.Count(skipped, "was", "were"))
		}
		for _, n := range notes {
			msg += "\n" + n
		}
		s.reload(0)
		s.u.showInfo("Elections imported", msg)
	})
}
