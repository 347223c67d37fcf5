package readiness

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"electionbinder/internal/atomicfile"
	"electionbinder/internal/binder"
	"electionbinder/internal/settings"
)

// WritePDF prints the board as the one-page readiness checklist, on the
// paper chosen in Settings.
func (s *Store) WritePDF(w io.Writer, b Board) error {
	st := settings.New(s.db)
	paper, err := st.Get(settings.PaperKey, settings.DefaultPaper)
	if err != nil {
		return err
	}
	profile, err := st.LoadProfile()
	if err != nil {
		return err
	}
	return binder.WriteReadinessSheet(w, Sheet(b, profile.Jurisdiction), binder.PageSetup{Paper: paper})
}

// Sheet is the board as the printed checklist shows it.
func Sheet(b Board, jurisdiction string) binder.ReadinessSheet {
	sheet := binder.ReadinessSheet{Jurisdiction: jurisdiction, AsOf: b.AsOf, Countdown: b.Countdown(),
		Election: b.Election.Name + " — " + b.Election.Day.Format("Monday, January 2, 2006")}
	for _, t := range b.Tasks {
		sheet.Rows = append(sheet.Rows, binder.ReadinessRow{Due: t.Due, State: string(t.State), Task: t.Title,
			Why: t.Why, Fix: t.Fix.Label(), Done: t.State == Done})
	}
	return sheet
}

// Export writes the board to path in one step: the checklist when path ends
// in .pdf, the calendar when it ends in .ics.
func (s *Store) Export(path string, b Board, now time.Time) error {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".pdf":
		return atomicfile.Write(path, func(w io.Writer) error { return s.WritePDF(w, b) })
	case ".ics":
		return atomicfile.Write(path, func(w io.Writer) error { return WriteICS(w, b, now) })
	}
	return fmt.Errorf("%s: write the checklist as a .pdf file or the calendar as an .ics file", filepath.Base(path))
}
