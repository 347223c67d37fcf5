package binder

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/jung-kurt/gofpdf"

	"electionbinder/internal/training"
)

// ComplianceOptions say which compliance report to print.
type ComplianceOptions struct {
	Jurisdiction string
	// Only, when > 0, prints the grant-file version for one requirement:
	// each person's standing with the sessions that prove it.
	Only int64
}

// WriteComplianceReport prints the training compliance report: the
// requirements, a tally per office and each person's standing with what is
// missing. It is printed in landscape so the columns have room.
func WriteComplianceReport(w io.Writer, rep training.Report, opts ComplianceOptions, setup PageSetup) error {
	setup.Landscape = true
	pdf, err := newPDF(setup)
	if err != nil {
		return err
	}
	reqs, index := trChosen(rep, opts.Only)
	if opts.Only > 0 && len(reqs) == 0 {
		return fmt.Errorf("requirement %d: %w", opts.Only, training.ErrNotFound)
	}
	title := "Training compliance report"
	if opts.Only > 0 {
		title = "Grant file: " + reqs[0].Name
	}
	pdf.SetTitle(cleanText(title), true)
	pdf.AliasNbPages("{nb}")
	pdf.SetFooterFunc(func() { trainingFooter(pdf, opts.Jurisdiction, title+" · as of "+rep.AsOf.Format("2006-01-02")) })
	pdf.AddPage()
	trReportHeading(pdf, title, opts.Jurisdiction, rep)
	trRequirementList(pdf, reqs)
	if opts.Only > 0 {
		trGrantTable(pdf, rep, index[0])
	} else {
		trOfficeTable(pdf, rep, reqs, index)
		trPersonTable(pdf, rep, reqs, index)
	}
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("printing the compliance report: %w", err)
	}
	return pdf.Output(w)
}

// chosenRequirements returns the requirements to print and their indexes
// in the report's results.
func trChosen(rep training.Report, only int64) ([]training.Requirement, []int) {
	var reqs []training.Requirement
	var index []int
	for i, r := range rep.Requirements {
		if only == 0 || r.ID == only {
			reqs = append(reqs, r)
			index = append(index, i)
		}
	}
	return reqs, index
}

func trReportHeading(pdf *gofpdf.Fpdf, title, jurisdiction string, rep training.Report) {
	writeLines(pdf, 0, 8, title, "B", 17)
	line := "As of " + rep.AsOf.Format("Monday 2 January 2006")
	if jurisdiction != "" {
		line = jurisdiction + " · " + line
	}
	writeCell(pdf, 0, 6, line, "", 10, 1, "L")
	pdf.Ln(3)
}

func trRequirementList(pdf *gofpdf.Fpdf, reqs []training.Requirement) {
	trSection(pdf, "Requirements")
	if len(reqs) == 0 {
		pdf.SetFont(Font, "I", 10)
		pdf.MultiCell(0, 5.5, "No requirements are set up yet. Add them on the Compliance tab of the Training screen.", "", "L", false)
	}
	for _, r := range reqs {
		writeLines(pdf, 0, 5.5, r.Name, "B", 10)
		text := "Needs " + r.Rule() + ". Applies to: " + strings.Join(r.Levels, ", ") + "."
		if r.Description != "" {
			text += " " + r.Description
		}
		writeLines(pdf, 0, 5, text, "", 9.5)
		pdf.Ln(1.5)
	}
	pdf.Ln(3)
}

func trOfficeTable(pdf *gofpdf.Fpdf, rep training.Report, reqs []training.Requirement, index []int) {
	trSection(pdf, "By office")
	header := []string{"Office", "People"}
	for _, r := range reqs {
		header = append(header, r.Name+" (met of covered)")
	}
	var rows [][]string
	for _, o := range rep.Offices {
		row := []string{trOffice(o.Office), strconv.Itoa(o.People)}
		covered := false
		for _, i := range index {
			cell := "—"
			if o.Covered[i] > 0 {
				cell, covered = fmt.Sprintf("%d of %d", o.Met[i], o.Covered[i]), true
			}
			row = append(row, cell)
		}
		if covered {
			rows = append(rows, row)
		}
	}
	trTable(pdf, trSpread(pdf, []float64{3, 1}, len(reqs), 2), header, rows, nil)
	pdf.Ln(5)
}

func trOffice(o string) string {
	if o == "" {
		return "(no office)"
	}
	return o
}

func trPersonTable(pdf *gofpdf.Fpdf, rep training.Report, reqs []training.Requirement, index []int) {
	trSection(pdf, "By person")
	header := []string{"Name", "Office"}
	for _, r := range reqs {
		header = append(header, r.Name)
	}
	var rows [][]string
	var marks [][]bool
	for _, st := range rep.People {
		if !st.Covered() {
			continue
		}
		row := []string{st.Person.Name, trOffice(st.Person.Office)}
		mark := []bool{false, false}
		for _, i := range index {
			row = append(row, trResult(st.Results[i]))
			mark = append(mark, st.Results[i].Applies && !st.Results[i].Met)
		}
		rows = append(rows, row)
		marks = append(marks, mark)
	}
	trTable(pdf, trSpread(pdf, []float64{2, 2}, len(reqs), 3), header, rows, marks)
}

// resultText is a person's standing in one cell.
func trResult(r training.Result) string {
	switch {
	case !r.Applies:
		return "—"
	case r.Met:
		return fmt.Sprintf("Met (%d %s, %s h)", r.Sessions, trSessionWord(r.Sessions), training.FormatHours(r.Hours))
	case r.Overdue:
		return "OVERDUE: " + r.Missing
	}
	return "Not met: " + r.Missing
}

func trGrantTable(pdf *gofpdf.Fpdf, rep training.Report, i int) {
	trSection(pdf, "Standing of each person covered")
	header := []string{"Name", "Office", "Standing", "Sessions that count", "Still missing"}
	var rows [][]string
	var marks [][]bool
	for _, st := range rep.People {
		r := st.Results[i]
		if !r.Applies {
			continue
		}
		rows = append(rows, []string{st.Person.Name, trOffice(st.Person.Office), r.Standing(), r.CountedText(), r.Missing})
		marks = append(marks, []bool{false, false, !r.Met, false, false})
	}
	trTable(pdf, trSpread(pdf, []float64{2, 2, 1, 4, 3}, 0, 0), header, rows, marks)
	trAttestation(pdf)
}

// trAttestation leaves lines for the clerk who certifies the grant file.
func trAttestation(pdf *gofpdf.Fpdf) {
	_, pageHeight := pdf.GetPageSize()
	_, _, _, bottom := pdf.GetMargins()
	if pdf.GetY()+34 > pageHeight-bottom {
		pdf.AddPage()
	}
	pdf.Ln(8)
	pdf.SetFont(Font, "", 9.5)
	pdf.MultiCell(0, 5, "I certify that this record of attendance is true and complete to the best of my knowledge.", "", "L", false)
	pdf.Ln(8)
	widths := trSpread(pdf, []float64{3, 3, 2, 3}, 0, 0)
	for i, label := range []string{"Name", "Title", "Date", "Signature"} {
		x, y := pdf.GetXY()
		pdf.Line(x+2, y, x+widths[i]-4, y)
		pdf.CellFormat(widths[i], 5, label, "", 0, "L", false, 0, "")
	}
	pdf.Ln(-1)
}

// spread shares the text width: fixed weights for the first columns, then
// n columns of weight each.
func trSpread(pdf *gofpdf.Fpdf, weights []float64, n int, each float64) []float64 {
	for range n {
		weights = append(weights, each)
	}
	total := 0.0
	for _, w := range weights {
		total += w
	}
	pageWidth, _ := pdf.GetPageSize()
	left, _, right, _ := pdf.GetMargins()
	width := pageWidth - left - right
	out := make([]float64, len(weights))
	for i, w := range weights {
		out[i] = width * w / total
	}
	return out
}

const trCellLine = 4.6

// table prints rows under a shaded header that repeats on each page (none
// when header is nil). Rows
// are measured first so a row never breaks across pages; cells whose mark
// is set print in bold.
func trTable(pdf *gofpdf.Fpdf, widths []float64, header []string, rows [][]string, marks [][]bool) {
	printHeader := func() {
		if header == nil {
			return
		}
		pdf.SetFillColor(225, 229, 235)
		trTableRow(pdf, widths, header, nil, true)
	}
	printHeader()
	_, pageHeight := pdf.GetPageSize()
	_, _, _, bottom := pdf.GetMargins()
	for r, row := range rows {
		var mark []bool
		if marks != nil {
			mark = marks[r]
		}
		if pdf.GetY()+trRowHeight(pdf, widths, row, mark, false) > pageHeight-bottom-6 {
			pdf.AddPage()
			printHeader()
		}
		trTableRow(pdf, widths, row, mark, false)
	}
	if len(rows) == 0 {
		pdf.SetFont(Font, "I", 9)
		pdf.CellFormat(0, 7, "Nobody in the directory yet.", "", 1, "L", false, 0, "")
	}
}

// trRowHeight is the height of a row, each cell measured in its own style.
func trRowHeight(pdf *gofpdf.Fpdf, widths []float64, row []string, mark []bool, fill bool) float64 {
	lines := 1
	for i, text := range row {
		lines = max(lines, lineCount(pdf, text, widths[i]-2, trCellStyle(i, mark, fill), 8.5))
	}
	return float64(lines)*trCellLine + 2
}

// trCellStyle is bold for a header row's cells and for marked cells.
func trCellStyle(i int, mark []bool, fill bool) string {
	if fill || (i < len(mark) && mark[i]) {
		return "B"
	}
	return ""
}

func trTableRow(pdf *gofpdf.Fpdf, widths []float64, row []string, mark []bool, fill bool) {
	h := trRowHeight(pdf, widths, row, mark, fill)
	x, y := pdf.GetXY()
	for i, text := range row {
		if fill {
			pdf.Rect(x, y, widths[i], h, "FD")
		} else {
			pdf.Rect(x, y, widths[i], h, "D")
		}
		pdf.SetXY(x+1, y+1)
		writeLines(pdf, widths[i]-2, trCellLine, text, trCellStyle(i, mark, fill), 8.5)
		x += widths[i]
	}
	left, _, _, _ := pdf.GetMargins()
	pdf.SetXY(left, y+h)
}

func trSessionWord(n int) string {
	if n == 1 {
		return "session"
	}
	return "sessions"
}
