package binder

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/jung-kurt/gofpdf"

	"electionbinder/internal/training"
)

// SignInSheet is what a session's sign-in sheet prints.
type SignInSheet struct {
	Event        training.EventSummary
	Roster       []training.Registration // as training.Store.Roster returns it
	Jurisdiction string                  // printed in the footer; may be empty
	ExtraLines   int                     // blank lines for walk-ins when the session has no limit
}

// signInRow is the height of one line of the sheet, tall enough to sign on.
const signInRow = 9.5

// WriteSignInSheet prints a session's sign-in sheet: the session, its date
// and place, then numbered lines with the printed names of those holding a
// seat, blank lines up to the capacity, and a column to sign; the waitlist
// follows on lines of its own.
func WriteSignInSheet(w io.Writer, sheet SignInSheet, setup PageSetup) error {
	pdf, err := newPDF(setup)
	if err != nil {
		return err
	}
	e := sheet.Event
	pdf.SetTitle(cleanText("Sign-in sheet: "+e.Title), true)
	pdf.AliasNbPages("{nb}")
	pdf.SetFooterFunc(func() { trainingFooter(pdf, sheet.Jurisdiction, "Sign-in sheet") })
	// Not "home mode": the table starts below this line, not over it.
	pdf.SetHeaderFuncMode(func() {
		if pdf.PageNo() > 1 {
			widths := signInWidths(pdf)
			width := widths[0] + widths[1] + widths[2] + widths[3]
			when := " — " + e.When()
			title := trFit(pdf, e.Title, width-runsWidth(pdf, cleanText(when), "B", 10)-2, "B", 10)
			writeCell(pdf, width, 6, title+when, "B", 10, 1, "L")
			pdf.Ln(2)
		}
	}, false)
	pdf.AddPage()
	signInHeading(pdf, e)
	seated, waiting := trSplitRoster(sheet.Roster)
	lines := signInLines(e, len(seated), sheet.ExtraLines)
	signInTable(pdf, seated, lines, 1)
	if len(waiting) > 0 {
		// Keep the heading with the table's header and first line.
		_, pageHeight := pdf.GetPageSize()
		_, _, _, bottom := pdf.GetMargins()
		if pdf.GetY()+4+8+7+signInRow > pageHeight-bottom-8 {
			pdf.AddPage()
		} else {
			pdf.Ln(4)
		}
		trSection(pdf, fmt.Sprintf("Waitlist (%d) — seated only when a seat is free", len(waiting)))
		signInTable(pdf, waiting, len(waiting), lines+1)
	}
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("printing the sign-in sheet: %w", err)
	}
	return pdf.Output(w)
}

// splitRoster keeps the seat holders and the waitlist, in order.
func trSplitRoster(roster []training.Registration) (seated, waiting []training.Registration) {
	for _, r := range roster {
		switch r.Status {
		case training.Registered:
			seated = append(seated, r)
		case training.Waitlisted:
			waiting = append(waiting, r)
		}
	}
	return seated, waiting
}

// signInHeading prints the session's title, kind, time and place.
func signInHeading(pdf *gofpdf.Fpdf, e training.EventSummary) {
	pdf.SetFont(Font, "", 10)
	pdf.CellFormat(0, 5, "SIGN-IN SHEET", "", 1, "L", false, 0, "")
	writeLines(pdf, 0, 7.5, e.Title, "B", 16)
	pdf.Ln(1)
	seats := "no limit"
	if e.Capacity > 0 {
		seats = fmt.Sprintf("%d seats, %d taken", e.Capacity, e.Registered)
	}
	facts := [][2]string{
		{"Kind", e.Kind.Label() + " · " + seats},
		{"When", e.When()},
		{"Where", e.Location()},
		{"Getting there", e.Directions},
		{"Organizer", e.Organizer},
		{"Credit", trCredit(e.CreditHours)},
	}
	for _, f := range facts {
		if strings.TrimSpace(f[1]) == "" {
			continue
		}
		pdf.SetFont(Font, "B", 10)
		pdf.CellFormat(32, 5.5, f[0], "", 0, "L", false, 0, "")
		writeLines(pdf, 0, 5.5, f[1], "", 10)
	}
	pdf.Ln(3)
}

func trCredit(hours float64) string {
	if hours <= 0 {
		return ""
	}
	if hours == 1 {
		return "1 hour of training credit"
	}
	return training.FormatHours(hours) + " hours of training credit"
}

// walkInLines are the blank lines an in-person sheet always ends with, so
// a full session still has room for people who come without registering.
const walkInLines = 5

// signInLines is how many numbered lines the sheet has: for a session in a
// room, a line per seat and room for walk-ins; for a webinar, which keeps
// its attendance online, a line per person registered and a few more; for
// a session without a limit, those registered and extra lines.
func signInLines(e training.EventSummary, seated, extra int) int {
	switch {
	case e.Kind != training.InPerson:
		return seated + walkInLines
	case e.Capacity > 0:
		return max(seated+walkInLines, e.Capacity)
	}
	return seated + max(extra, walkInLines)
}

// signInTable prints numbered lines from first on, names where known.
func signInTable(pdf *gofpdf.Fpdf, people []training.Registration, lines, first int) {
	widths := signInWidths(pdf)
	header := func() {
		pdf.SetFont(Font, "B", 9)
		pdf.SetFillColor(225, 229, 235)
		for i, h := range []string{"No.", "Printed name", "Office", "Signature"} {
			pdf.CellFormat(widths[i], 7, h, "1", 0, "L", true, 0, "")
		}
		pdf.Ln(-1)
	}
	header()
	_, pageHeight := pdf.GetPageSize()
	_, _, _, bottom := pdf.GetMargins()
	for i := range lines {
		if pdf.GetY()+signInRow > pageHeight-bottom-8 {
			pdf.AddPage()
			header()
		}
		name, office := "", ""
		if i < len(people) {
			name, office = people[i].Name, people[i].Office
		}
		pdf.SetFont(Font, "", 10)
		x, y := pdf.GetX(), pdf.GetY()
		pdf.CellFormat(widths[0], signInRow, strconv.Itoa(first+i), "1", 0, "R", false, 0, "")
		pdf.CellFormat(widths[1], signInRow, "", "1", 0, "L", false, 0, "")
		pdf.CellFormat(widths[2], signInRow, "", "1", 0, "L", false, 0, "")
		pdf.CellFormat(widths[3], signInRow, "", "1", 1, "L", false, 0, "")
		fitInBox(pdf, name, x+widths[0]+1, y, widths[1]-2, signInRow, 10)
		fitInBox(pdf, office, x+widths[0]+widths[1]+1, y, widths[2]-2, signInRow, 8.5)
	}
}

// signInWidths shares the text width among the four columns.
func signInWidths(pdf *gofpdf.Fpdf) []float64 {
	pageWidth, _ := pdf.GetPageSize()
	left, _, right, _ := pdf.GetMargins()
	w := pageWidth - left - right
	return []float64{11, w * 0.36, w * 0.27, w - 11 - w*0.36 - w*0.27}
}

// trFit shortens text with an ellipsis until it fits width in the given style and size.
func trFit(pdf *gofpdf.Fpdf, text string, width float64, style string, size float64) string {
	text = cleanText(strings.ReplaceAll(text, "\n", " "))
	if runsWidth(pdf, text, style, size) <= width {
		return text
	}
	runes := []rune(text)
	for len(runes) > 0 && runsWidth(pdf, string(runes)+"…", style, size) > width {
		runes = runes[:len(runes)-1]
	}
	return string(runes) + "…"
}

// trSectionRoom is the room a section heading needs under it on its page:
// the heading and a table's header with its first row, or a few lines.
const trSectionRoom = 32

// trSection prints a bold heading line, on a new page when too little of
// this one is left for the heading and what follows it.
func trSection(pdf *gofpdf.Fpdf, text string) {
	_, pageH := pdf.GetPageSize()
	if auto, bottom := pdf.GetAutoPageBreak(); auto && pdf.GetY()+trSectionRoom > pageH-bottom {
		pdf.AddPage()
	}
	writeCell(pdf, 0, 7, text, "B", 12, 1, "L")
	pdf.Ln(1)
}

// trainingFooter prints the jurisdiction, the document and the page number.
func trainingFooter(pdf *gofpdf.Fpdf, jurisdiction, document string) {
	pdf.SetY(-14)
	pdf.SetFont(Font, "", 8)
	pdf.SetTextColor(90, 90, 90)
	left := document
	if jurisdiction != "" {
		left = jurisdiction + " · " + document
	}
	margin, _, _, _ := pdf.GetMargins()
	writeCell(pdf, 0, 5, left, "", 8, 0, "L")
	pdf.SetX(margin)
	pdf.CellFormat(0, 5, fmt.Sprintf("Page %d of {nb}", pdf.PageNo()), "", 0, "R", false, 0, "")
	pdf.SetTextColor(0, 0, 0)
}
