package app

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"electionbinder/internal/atomicfile"
	"electionbinder/internal/binder"
	"electionbinder/internal/training"
)

// askSaveTraining asks where to write a file and runs write there with a
// progress bar.
func (s *trainingScreen) askSaveTraining(title, name string, exts []string, write func(path string) error) {
	s.u.askSaveFile(title, name, exts, write)
}

// trFileName makes a file name from a title: "Sign-in Madison 2019-12-06.pdf".
func trFileName(parts ...string) string {
	name := strings.Join(parts, " ")
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) {
			return '-'
		}
		return r
	}, name)
}

// askSignInSheet prints the sign-in sheet of the session in view.
func (d *eventDetail) askSignInSheet() {
	if d.event.ID == 0 {
		return
	}
	id := d.event.ID
	name := trFileName("Sign-in", d.event.Title, d.event.Start.Format("2006-01-02")) + ".pdf"
	d.s.askSaveTraining("Printing the sign-in sheet", name, []string{".pdf"}, func(path string) error {
		return binder.PrintSignInSheet(d.s.u.db, id, path)
	})
}

// askImport reads a calendar (.ics) of sessions or a roster (.csv).
func (s *trainingScreen) askImport() {
	open := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			s.u.showError(err)
			return
		}
		path := r.URI().Path()
		r.Close()
		s.u.runWithProgress("Importing", func(progress func(float64)) (string, error) {
			msg, err := s.importFile(path)
			fyne.Do(func() {
				s.reload()
				if s.selected != 0 {
					s.detail.load(s.selected)
				}
			})
			if err == nil {
				s.u.showInfo("Imported", msg)
			}
			return "", err
		})
	}, s.u.win)
	open.SetFilter(storage.NewExtensionFileFilter([]string{".ics", ".csv"}))
	open.Show()
}

// importFile imports one file and says what it did.
func (s *trainingScreen) importFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	if strings.EqualFold(filepath.Ext(path), ".csv") {
		n, err := s.store.ImportRosterCSV(f)
		return fmt.Sprintf("%d roster lines were applied.", n), err
	}
	res, err := s.store.ImportICS(f)
	msg := fmt.Sprintf("%d new sessions, %d updated.", res.Created, res.Updated)
	for _, n := range res.Notes {
		msg += "\n" + n + "."
	}
	return msg, err
}

// askExport offers the calendar of sessions or the roster; Escape cancels.
func (s *trainingScreen) askExport() {
	day := time.Now().Format("2006-01-02")
	s.u.choose("Export", "Export every session as a calendar file for Outlook, Apple Calendar or Thunderbird, or every sign-up as a roster spreadsheet.",
		choice{"Calendar (.ics)", func() {
			s.askSaveTraining("Exporting the calendar", "Training sessions "+day+".ics", []string{".ics"},
				func(path string) error { return atomicfile.Write(path, s.store.ExportICS) })
		}},
		choice{"Roster (.csv)", func() {
			s.askSaveTraining("Exporting the roster", "Training roster "+day+".csv", []string{".csv"},
				func(path string) error { return atomicfile.Write(path, s.store.WriteRosterCSV) })
		}})
}

// writeComplianceCSV writes the compliance CSV of a report to path.
func writeComplianceCSV(path string, rep training.Report, only int64) error {
	return atomicfile.Write(path, func(w io.Writer) error { return training.WriteComplianceCSV(w, rep, only) })
}

// trDialogText is a paragraph for a dialog, wrapped to a readable width.
func trDialogText(text string) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return container.NewGridWrap(fyne.NewSize(420, 80), l)
}
