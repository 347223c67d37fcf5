package app

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"electionbinder/internal/binder"
	"electionbinder/internal/training"
)

// complianceTab shows who met which requirement, per person and per
// office, and edits the requirements themselves.
type complianceTab struct {
	s      *trainingScreen
	report training.Report
	rows   []training.Standing // the people shown, after search and filter

	asOf        *widget.Entry
	search      *widget.Entry
	onlyMissing *widget.Check
	offices     *widget.Table
	table       *widget.Table
	why         *widget.Label // the chosen person's sessions and gaps
	printBtn    *widget.Button
	csvBtn      *widget.Button
	grantBtn    *widget.Button
	editor      *requirementEditor
	tabs        *container.AppTabs
	content     fyne.CanvasObject
}

func newComplianceTab(s *trainingScreen) *complianceTab {
	c := &complianceTab{s: s}
	c.asOf = widget.NewEntry()
	c.asOf.SetText(time.Now().Format("2006-01-02"))
	c.asOf.OnChanged = func(string) { c.reload() }
	c.search = widget.NewEntry()
	c.search.SetPlaceHolder("Search people or offices…")
	c.search.OnChanged = func(string) { c.filter() }
	c.onlyMissing = widget.NewCheck("Only people missing something", func(bool) { c.filter() })
	c.offices = widget.NewTable(c.officeSize, newComplianceCell, c.updateOfficeCell)
	c.offices.ShowHeaderRow = true
	c.offices.CreateHeader = newComplianceCell
	c.offices.UpdateHeader = c.updateOfficeHeader
	c.table = widget.NewTable(c.tableSize, newComplianceCell, c.updateCell)
	c.table.ShowHeaderRow = true
	c.table.CreateHeader = newComplianceCell
	c.table.UpdateHeader = c.updateHeader
	c.why = widget.NewLabel("Choose a person to see which sessions counted.")
	c.why.Wrapping = fyne.TextWrapWord
	c.table.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(c.rows) {
			c.why.SetText(standingText(c.report, c.rows[id.Row]))
		}
	}
	c.printBtn = widget.NewButtonWithIcon("Print report", theme.DocumentPrintIcon(), func() { c.askReportPDF(0) })
	c.csvBtn = widget.NewButtonWithIcon("Export CSV", theme.UploadIcon(), c.askCSV)
	c.grantBtn = widget.NewButtonWithIcon("Grant file…", theme.FileIcon(), c.askGrantFile)
	c.editor = newRequirementEditor(c)
	day := container.NewHBox(widget.NewLabel("As of"), container.NewGridWrap(fyne.NewSize(130, c.asOf.MinSize().Height), c.asOf))
	bar := container.NewVBox(
		container.NewBorder(nil, nil, day, c.onlyMissing, c.search),
		container.NewHBox(c.printBtn, c.csvBtn, c.grantBtn),
	)
	why := container.NewVScroll(c.why)
	why.SetMinSize(fyne.NewSize(0, 100))
	who := container.NewBorder(bar, why, nil, nil, c.table)
	c.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("Who met what", theme.ConfirmIcon(), who),
		container.NewTabItemWithIcon("By office", theme.HomeIcon(), c.offices),
		container.NewTabItemWithIcon("Requirements", theme.ListIcon(), c.editor.view()),
	)
	c.content = c.tabs
	return c
}

func (c *complianceTab) view() fyne.CanvasObject { return c.content }

func (c *complianceTab) focusSearch() { c.s.u.win.Canvas().Focus(c.search) }

// day reads the as-of day; a half-typed date counts as today.
func (c *complianceTab) day() time.Time {
	d, err := time.Parse("2006-01-02", strings.TrimSpace(c.asOf.Text))
	if err != nil {
		return time.Now()
	}
	return d
}

// reload checks everyone again.
func (c *complianceTab) reload() {
	rep, err := c.s.store.Compliance(c.day())
	if err != nil {
		c.s.u.showError(err)
		return
	}
	c.report = rep
	c.filter()
	c.offices.Refresh()
	for i := range rep.Requirements {
		c.table.SetColumnWidth(i+2, 260)
		c.offices.SetColumnWidth(i+2, 260)
	}
	c.table.SetColumnWidth(0, 190)
	c.table.SetColumnWidth(1, 230)
	c.offices.SetColumnWidth(0, 300)
	c.offices.SetColumnWidth(1, 80)
}

// filter keeps the people that match the search and the missing-only box.
func (c *complianceTab) filter() {
	words := strings.Fields(strings.ToLower(c.search.Text))
	c.rows = c.rows[:0]
	for _, st := range c.report.People {
		text := strings.ToLower(st.Person.Name + " " + st.Person.Office)
		keep := st.Covered() && (!c.onlyMissing.Checked || !st.Met())
		for _, w := range words {
			keep = keep && strings.Contains(text, w)
		}
		if keep {
			c.rows = append(c.rows, st)
		}
	}
	c.table.Refresh()
}

func (c *complianceTab) officeSize() (int, int) {
	return len(c.report.Offices), 2 + len(c.report.Requirements)
}

func (c *complianceTab) updateOfficeHeader(id widget.TableCellID, o fyne.CanvasObject) {
	c.headerCell(id.Col, o, "Office", "People")
}

// headerCell names a column: two fixed ones, then one per requirement.
func (c *complianceTab) headerCell(col int, o fyne.CanvasObject, first, second string) {
	l := o.(*widget.Label)
	l.TextStyle.Bold = true
	switch col {
	case 0:
		l.SetText(first)
	case 1:
		l.SetText(second)
	default:
		l.SetText(c.report.Requirements[col-2].Name)
	}
}

// updateOfficeCell shows, per office, how many of those a requirement
// covers meet it.
func (c *complianceTab) updateOfficeCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	tally := c.report.Offices[id.Row]
	l.Importance = widget.MediumImportance
	switch id.Col {
	case 0:
		l.SetText(tally.Office)
		if tally.Office == "" {
			l.SetText("(no office)")
		}
	case 1:
		l.SetText(strconv.Itoa(tally.People))
	default:
		i := id.Col - 2
		l.SetText(officeCellText(tally.Met[i], tally.Covered[i]))
		if tally.Met[i] < tally.Covered[i] {
			l.Importance = widget.DangerImportance
		}
		l.Refresh()
	}
}

// officeCellText is "3 of 4 met", or a dash when nobody is covered.
func officeCellText(met, covered int) string {
	if covered == 0 {
		return "—"
	}
	return fmt.Sprintf("%d of %d met", met, covered)
}

func (c *complianceTab) tableSize() (int, int) { return len(c.rows), 2 + len(c.report.Requirements) }

func newComplianceCell() fyne.CanvasObject {
	l := widget.NewLabel("Cell")
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

func (c *complianceTab) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	c.headerCell(id.Col, o, "Name", "Office")
}

func (c *complianceTab) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	st := c.rows[id.Row]
	l.TextStyle.Bold = false
	l.Importance = widget.MediumImportance
	switch id.Col {
	case 0:
		l.SetText(st.Person.Name)
	case 1:
		l.SetText(st.Person.Office)
	default:
		r := st.Results[id.Col-2]
		l.SetText(complianceCellText(r))
		if r.Applies && !r.Met {
			l.Importance = widget.DangerImportance
		} else if r.Met {
			l.Importance = widget.SuccessImportance
		}
		l.Refresh()
	}
}

// complianceCellText is a person's standing against one requirement, in a cell.
func complianceCellText(r training.Result) string {
	switch {
	case !r.Applies:
		return "—"
	case r.Met:
		return fmt.Sprintf("Met · %d %s, %s h", r.Sessions, trPlural(r.Sessions, "session", "sessions"), training.FormatHours(r.Hours))
	case r.Overdue:
		return "Overdue: " + r.Missing
	}
	return "Missing " + r.Missing
}

// standingText explains one person's standing: per requirement, the
// sessions that counted and what is missing.
func standingText(rep training.Report, st training.Standing) string {
	lines := []string{st.Person.Label()}
	for i, r := range st.Results {
		if !r.Applies {
			continue
		}
		line := rep.Requirements[i].Name + ": " + r.Standing()
		if counted := r.CountedText(); counted != "" {
			line += " — counted: " + counted
		}
		if r.Missing != "" {
			line += " — missing " + r.Missing
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// askReportPDF prints the compliance report, or with only > 0 the grant file.
func (c *complianceTab) askReportPDF(only int64) {
	day := c.day()
	name := "Training compliance " + day.Format("2006-01-02") + ".pdf"
	if only > 0 {
		name = "Grant file " + day.Format("2006-01-02") + ".pdf"
	}
	c.s.askSaveTraining("Printing the compliance report", name, []string{".pdf"}, func(path string) error {
		return binder.PrintComplianceReport(c.s.u.db, day, only, path)
	})
}

func (c *complianceTab) askCSV() {
	rep := c.report
	name := "Training compliance " + rep.AsOf.Format("2006-01-02") + ".csv"
	c.s.askSaveTraining("Exporting the compliance list", name, []string{".csv"}, func(path string) error {
		return writeComplianceCSV(path, rep, 0)
	})
}

// askGrantFile asks which requirement the grant file is for.
func (c *complianceTab) askGrantFile() {
	reqs := c.report.Requirements
	if len(reqs) == 0 {
		c.s.u.showInfo("Grant file", "Add a requirement first, on the Requirements tab.")
		return
	}
	names := make([]string, len(reqs))
	for i, r := range reqs {
		names[i] = r.Name
	}
	choice := widget.NewSelect(names, nil)
	choice.SetSelectedIndex(0)
	d := dialog.NewCustomConfirm("Grant file", "Print", "Cancel", choice, func(ok bool) {
		if ok && choice.SelectedIndex() >= 0 {
			c.askReportPDF(reqs[choice.SelectedIndex()].ID)
		}
	}, c.s.u.win)
	c.s.u.showKeyed(d, d.Confirm, d.Dismiss)
}

func trPlural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
