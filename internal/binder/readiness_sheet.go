package binder

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"
)

// ReadinessSheet is the one-page readiness checklist for the wall: the
// election, the countdown and one line per task.
type ReadinessSheet struct {
	Jurisdiction string
	Election     string // the election's name and day, such as "Spring election — Tuesday, April 6, 2027"
	Countdown    string // such as "40 days to go"
	AsOf         time.Time
	Rows         []ReadinessRow // in the board's order: overdue first
}

// ReadinessRow is one task of the checklist.
type ReadinessRow struct {
	Due   time.Time
	State string // done, due or overdue
	Task  string
	Why   string
	Fix   string // where in the binder to put it right
	Done  bool
}

// Type sizes the checklist tries, largest first, to keep to one page.
var readinessSizes = []float64{9, 8.5, 8, 7.5, 7, 6.5, 6}

// WriteReadinessSheet prints the checklist on one page: a tick box, the due
// day, the state, the task with why, where to fix it, and a space to initial.
// Type shrinks as needed to keep every task on the page.
func WriteReadinessSheet(w io.Writer, sheet ReadinessSheet, setup PageSetup) error {
	pdf, err := newPDF(setup)
	if err != nil {
		return err
	}
	pdf.SetTitle(cleanText("Readiness checklist: "+sheet.Election), true)
	pdf.AliasNbPages("{nb}")
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetFooterFunc(func() { trainingFooter(pdf, sheet.Jurisdiction, "Readiness checklist") })
	pdf.AddPage()
	readinessHeading(pdf, sheet)
	widths := readinessWidths(pdf)
	size := fitSize(pdf, sheet, widths)
	readinessTable(pdf, sheet, widths, size)
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("printing the readiness checklist: %w", err)
	}
	return pdf.Output(w)
}

func readinessHeading(pdf *gofpdf.Fpdf, sheet ReadinessSheet) {
	pdf.SetFont(Font, "", 10)
	pdf.CellFormat(0, 5, "READINESS CHECKLIST", "", 1, "L", false, 0, "")
	writeLines(pdf, 0, 7.5, sheet.Election, "B", 16)
	overdue, open := 0, 0
	for _, r := range sheet.Rows {
		switch r.State {
		case "overdue":
			overdue++
		case "due":
			open++
		}
	}
	writeCell(pdf, 0, 6.5, fmt.Sprintf("%s · %d overdue · %d due · %d done", sheet.Countdown, overdue, open,
		len(sheet.Rows)-overdue-open), "B", 11, 1, "L")
	writeLines(pdf, 0, 4.5, "As of "+sheet.AsOf.Format("January 2, 2006")+
		". Tick each line when it is done and initial it; the board in the app checks most of them against the binder's data.", "", 9)
	pdf.Ln(2)
}

var readinessHeader = []string{"", "Due", "State", "Task and why", "Where to fix it", "Initials, date"}

func readinessWidths(pdf *gofpdf.Fpdf) []float64 {
	pageW, _ := pdf.GetPageSize()
	left, _, right, _ := pdf.GetMargins()
	avail := pageW - left - right
	fixed := []float64{7, 20, 17, 0, 34, 24}
	fixed[3] = avail - sum(fixed)
	return fixed
}

// readinessCells are the texts of one row's columns (the box column is
// drawn); the due day names its year when it is not year.
func readinessCells(r ReadinessRow, year int) []string {
	task := r.Task
	if r.Why != "" {
		task += "\n" + r.Why
	}
	due := r.Due.Format("Jan 2")
	if r.Due.Year() != year {
		due = r.Due.Format("Jan 2, 2006")
	}
	return []string{"", due, strings.ToUpper(r.State[:1]) + r.State[1:], task, r.Fix, ""}
}

// fitSize returns the largest type size at which every row fits the page.
func fitSize(pdf *gofpdf.Fpdf, sheet ReadinessSheet, widths []float64) float64 {
	_, pageH := pdf.GetPageSize()
	avail := pageH - pdf.GetY() - 20
	for _, size := range readinessSizes {
		total := readinessRowHeight(pdf, readinessHeader, widths, size)
		for _, r := range sheet.Rows {
			total += readinessRowHeight(pdf, readinessCells(r, sheet.AsOf.Year()), widths, size)
		}
		if total <= avail {
			return size
		}
	}
	return readinessSizes[len(readinessSizes)-1]
}

func readinessLine(size float64) float64 { return size * 0.3528 * 1.3 }

// readinessRowHeight measures a row in bold, the wider style, so it is never short.
func readinessRowHeight(pdf *gofpdf.Fpdf, cells []string, widths []float64, size float64) float64 {
	lines := 1
	for i, text := range cells {
		n := 0
		for _, para := range strings.Split(cleanText(text), "\n") {
			n += max(1, lineCount(pdf, para, widths[i]-2, "B", size))
		}
		lines = max(lines, n)
	}
	return float64(lines)*readinessLine(size) + 2
}

func readinessTable(pdf *gofpdf.Fpdf, sheet ReadinessSheet, widths []float64, size float64) {
	pdf.SetFillColor(225, 229, 235)
	readinessRow(pdf, readinessHeader, widths, size, true, ReadinessRow{})
	_, pageH := pdf.GetPageSize()
	for _, r := range sheet.Rows {
		if pdf.GetY()+readinessRowHeight(pdf, readinessCells(r, sheet.AsOf.Year()), widths, size) > pageH-18 {
			pdf.SetFont(Font, "I", size)
			pdf.CellFormat(0, 5, "More tasks than fit on a page: see the board in the app.", "", 1, "L", false, 0, "")
			return
		}
		readinessRow(pdf, readinessCells(r, sheet.AsOf.Year()), widths, size, false, r)
	}
}

func readinessRow(pdf *gofpdf.Fpdf, cells []string, widths []float64, size float64, header bool, r ReadinessRow) {
	h := readinessRowHeight(pdf, cells, widths, size)
	left, _, _, _ := pdf.GetMargins()
	x, y := left, pdf.GetY()
	line := readinessLine(size)
	for i, text := range cells {
		style := "D"
		if header {
			style = "FD"
		}
		pdf.Rect(x, y, widths[i], h, style)
		switch {
		case i == 0 && !header:
			readinessBox(pdf, x+1.5, y+1.2, r.Done)
		case i == 3 && !header:
			readinessTaskCell(pdf, r, x, y, widths[i], size, line)
		default:
			font := ""
			if header || (i == 2 && r.State == "overdue") {
				font = "B"
			}
			pdf.SetXY(x+1, y+1)
			writeLines(pdf, widths[i]-2, line, text, font, size)
		}
		x += widths[i]
	}
	pdf.SetXY(left, y+h)
}

// readinessTaskCell prints the task in bold and why it stands as it does below it.
func readinessTaskCell(pdf *gofpdf.Fpdf, r ReadinessRow, x, y, width, size, line float64) {
	pdf.SetXY(x+1, y+1)
	writeLines(pdf, width-2, line, r.Task, "B", size)
	if r.Why == "" {
		return
	}
	pdf.SetTextColor(70, 70, 70)
	pdf.SetX(x + 1)
	writeLines(pdf, width-2, line, r.Why, "", size)
	pdf.SetTextColor(0, 0, 0)
}

// readinessBox draws a tick box, ticked when the task is done.
func readinessBox(pdf *gofpdf.Fpdf, x, y float64, ticked bool) {
	const s = 3.6
	pdf.SetLineWidth(0.3)
	pdf.Rect(x, y, s, s, "D")
	if ticked {
		pdf.Line(x+0.7, y+1.9, x+1.5, y+2.9)
		pdf.Line(x+1.5, y+2.9, x+3.0, y+0.7)
	}
	pdf.SetLineWidth(0.2)
}
