package binder

import (
	"database/sql"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"

	"electionbinder/internal/atomicfile"
	"electionbinder/internal/exchange"
)

// WriteRollupReport prints the county's roll-up: every municipality with
// its standing, worst first, in landscape so the columns have room.
func WriteRollupReport(w io.Writer, list []exchange.Municipality, county string, today time.Time, setup PageSetup) error {
	setup.Landscape = true
	pdf, err := newPDF(setup)
	if err != nil {
		return err
	}
	title := "Municipal readiness roll-up"
	pdf.SetTitle(cleanText(title), true)
	pdf.AliasNbPages("{nb}")
	pdf.SetFooterFunc(func() { trainingFooter(pdf, county, title+" · as of "+today.Format("2006-01-02")) })
	pdf.AddPage()
	rollupHeading(pdf, title, county, list, today)
	rollupTable(pdf, list, today)
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("printing the roll-up: %w", err)
	}
	return pdf.Output(w)
}

func rollupHeading(pdf *gofpdf.Fpdf, title, county string, list []exchange.Municipality, today time.Time) {
	pdf.SetFont(Font, "B", 17)
	pdf.MultiCell(0, 8, cleanText(title), "", "L", false)
	pdf.SetFont(Font, "", 10)
	line := "As of " + today.Format("Monday, January 2, 2006")
	if county != "" {
		line = county + " · " + line
	}
	pdf.CellFormat(0, 6, cleanText(line), "", 1, "L", false, 0, "")
	counts := map[exchange.Standing]int{}
	for _, m := range list {
		s, _ := m.Standing(today)
		counts[s]++
	}
	pdf.SetFont(Font, "B", 10)
	pdf.CellFormat(0, 6, cleanText(fmt.Sprintf("%d municipalities: %d overdue, %d need attention, %d ready",
		len(list), counts[exchange.Overdue], counts[exchange.Attention], counts[exchange.Ready])), "", 1, "L", false, 0, "")
	pdf.SetFont(Font, "", 9)
	pdf.MultiCell(0, 4.6, cleanText(fmt.Sprintf("Overdue: no approved plan, its review date passed, or no status package for %d days. "+
		"Needs attention: open gaps, roles without a primary or backup, or training not met.", int(exchange.StaleAfter.Hours()/24))),
		"", "L", false)
	pdf.Ln(3)
}

func rollupTable(pdf *gofpdf.Fpdf, list []exchange.Municipality, today time.Time) {
	if len(list) == 0 {
		pdf.SetFont(Font, "I", 10)
		pdf.MultiCell(0, 6, "No status packages have been taken in yet.", "", "L", false)
		return
	}
	header := []string{"Municipality", "Standing", "Plan", "Gaps", "Roles without backup", "Training met", "Last package", "Why overdue"}
	rows := make([][]string, len(list))
	marks := make([][]bool, len(list))
	for i, m := range list {
		standing, _ := m.Standing(today)
		met, covered := m.TrainingMet()
		training := "—"
		if covered > 0 {
			training = fmt.Sprintf("%d of %d", met, covered)
		}
		rows[i] = []string{m.Name(), standing.Label(), m.PlanWords(), strconv.Itoa(m.Gaps()),
			strconv.Itoa(m.RolesWithoutBackup()), training, m.Report.CreatedAt.Format("2006-01-02"),
			strings.Join(m.OverdueReasons(today), "; ")}
		marks[i] = []bool{false, standing == exchange.Overdue}
	}
	trTable(pdf, trSpread(pdf, []float64{3, 1.6, 2.8, 0.8, 1.1, 1.1, 1.4, 3.4}, 0, 0), header, rows, marks)
}

// PrintRollupReport writes the roll-up as of today to path, on the paper
// chosen in Settings.
func PrintRollupReport(conn *sql.DB, today time.Time, path string) error {
	list, err := exchange.Rollup(conn, today)
	if err != nil {
		return err
	}
	setup, county, err := trainingSetup(conn)
	if err != nil {
		return err
	}
	return atomicfile.Write(path, func(w io.Writer) error { return WriteRollupReport(w, list, county, today, setup) })
}
