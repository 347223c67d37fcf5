package binder

import (
	"database/sql"
	"fmt"
	"io"
	"time"

	"github.com/jung-kurt/gofpdf"

	"electionbinder/internal/atomicfile"
)

// RollupReport is the county's roll-up as it is printed: one row a
// municipality, worst standing first.
type RollupReport struct {
	County  string
	Today   time.Time
	Summary string // such as "301 municipalities: 222 overdue, …"
	Note    string // what the standings mean
	Header  []string
	Weights []float64 // relative column widths
	Rows    [][]string
	Overdue []bool // per row: print its standing in bold
}

// WriteRollupReport prints the roll-up in landscape, so the columns have room.
func WriteRollupReport(w io.Writer, rep RollupReport, setup PageSetup) error {
	setup.Landscape = true
	pdf, err := newPDF(setup)
	if err != nil {
		return err
	}
	title := "Municipal readiness roll-up"
	pdf.SetTitle(cleanText(title), true)
	pdf.AliasNbPages("{nb}")
	pdf.SetFooterFunc(func() { trainingFooter(pdf, rep.County, title+" · as of "+rep.Today.Format("2006-01-02")) })
	pdf.AddPage()
	rollupHeading(pdf, title, rep)
	rollupTable(pdf, rep)
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("printing the roll-up: %w", err)
	}
	return pdf.Output(w)
}

func rollupHeading(pdf *gofpdf.Fpdf, title string, rep RollupReport) {
	writeLines(pdf, 0, 8, title, "B", 17)
	line := "As of " + rep.Today.Format("Monday, January 2, 2006")
	if rep.County != "" {
		line = rep.County + " · " + line
	}
	writeCell(pdf, 0, 6, line, "", 10, 1, "L")
	writeCell(pdf, 0, 6, rep.Summary, "B", 10, 1, "L")
	writeLines(pdf, 0, 4.6, rep.Note, "", 9)
	pdf.Ln(3)
}

func rollupTable(pdf *gofpdf.Fpdf, rep RollupReport) {
	if len(rep.Rows) == 0 {
		pdf.SetFont(Font, "I", 10)
		pdf.MultiCell(0, 6, "No status packages have been taken in yet.", "", "L", false)
		return
	}
	marks := make([][]bool, len(rep.Rows))
	for i := range rep.Rows {
		marks[i] = []bool{false, rep.Overdue[i]}
	}
	trTable(pdf, trSpread(pdf, rep.Weights, 0, 0), rep.Header, rep.Rows, marks)
}

// OfficePageSetup reads the paper size and the jurisdiction's name from
// Settings, for reports printed outside the plan binder.
func OfficePageSetup(conn *sql.DB) (PageSetup, string, error) {
	return trainingSetup(conn)
}

// PrintRollupReport writes the roll-up to path in one step.
func PrintRollupReport(path string, rep RollupReport, setup PageSetup) error {
	return atomicfile.Write(path, func(w io.Writer) error { return WriteRollupReport(w, rep, setup) })
}
