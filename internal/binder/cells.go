package binder

import (
	"strings"

	"github.com/jung-kurt/gofpdf"
)

// The training, readiness, roll-up and after-action reports lay text out
// with gofpdf's cells, which print in one font. writeLines, writeCell and
// lineCount stand in for MultiCell, CellFormat and SplitText so that a
// title or a name in Chinese, Hebrew or with a ✓ prints in the fallback
// font that has it, not as empty boxes. Text Noto Sans prints whole goes to
// gofpdf's own cells unchanged.

// writeLines prints text as MultiCell does with no border, left aligned:
// from the current position, across w mm (0: to the right margin), lines
// lineH apart, breaking to a new page when one is full.
func writeLines(pdf *gofpdf.Fpdf, w, lineH float64, text, style string, size float64) {
	text = cleanText(text)
	pdf.SetFont(Font, style, size)
	if plainLatin(text) {
		pdf.MultiCell(w, lineH, text, "", "L", false)
		return
	}
	w = cellWidth(pdf, w)
	margin := pdf.GetCellMargin()
	for _, para := range strings.Split(text, "\n") {
		for _, line := range wrapRuns(pdf, para, w-2*margin, style, size) {
			x, top := reserveCell(pdf, w, lineH)
			drawRuns(pdf, x+margin, cellBaseline(top, lineH, size), line, style, size)
		}
	}
	left, _, _, _ := pdf.GetMargins()
	pdf.SetX(left)
}

// writeCell prints one line of text as CellFormat does with no border or
// fill: in a cell w mm wide (0: to the right margin) and h tall, aligned
// "L", "C" or "R", then moves as CellFormat's ln says.
func writeCell(pdf *gofpdf.Fpdf, w, h float64, text, style string, size float64, ln int, align string) {
	text = cleanText(text)
	pdf.SetFont(Font, style, size)
	if plainLatin(text) {
		pdf.CellFormat(w, h, text, "", ln, align, false, 0, "")
		return
	}
	w = cellWidth(pdf, w)
	x, top := reserveCell(pdf, w, h)
	margin := pdf.GetCellMargin()
	tx := x + margin
	switch align {
	case "R":
		tx = x + w - margin - runsWidth(pdf, text, style, size)
	case "C":
		tx = x + (w-runsWidth(pdf, text, style, size))/2
	}
	drawRuns(pdf, tx, cellBaseline(top, h, size), text, style, size)
	switch ln {
	case 0:
		pdf.SetXY(x+w, top)
	case 1:
		left, _, _, _ := pdf.GetMargins()
		pdf.SetXY(left, top+h)
	}
}

// lineCount is how many lines writeLines takes for text across w mm.
func lineCount(pdf *gofpdf.Fpdf, text string, w float64, style string, size float64) int {
	text = cleanText(text)
	pdf.SetFont(Font, style, size)
	if plainLatin(text) {
		return len(pdf.SplitText(text, w))
	}
	return len(wrapRuns(pdf, text, w-2*pdf.GetCellMargin(), style, size))
}

// cellWidth is w, or for 0 the room from the current position to the right margin.
func cellWidth(pdf *gofpdf.Fpdf, w float64) float64 {
	if w > 0 {
		return w
	}
	pageW, _ := pdf.GetPageSize()
	_, _, right, _ := pdf.GetMargins()
	return pageW - right - pdf.GetX()
}

// reserveCell takes a cell w mm wide and h tall at the current position
// through gofpdf, which starts a new page first when the cell does not fit
// (but never in a page's header or footer), and returns the cell's top left
// corner; the position is left under the cell.
func reserveCell(pdf *gofpdf.Fpdf, w, h float64) (x, top float64) {
	pdf.CellFormat(w, h, "", "", 2, "L", false, 0, "")
	return pdf.GetX(), pdf.GetY() - h
}

// cellBaseline is where gofpdf puts the baseline of text in a cell h mm
// tall whose top is at top.
func cellBaseline(top, h, size float64) float64 {
	return top + h/2 + 0.3*size*mmPerPt
}
