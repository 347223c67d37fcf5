package app

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"electionbinder/internal/exchange"
)

// rollupColumn is one column of the roll-up table.
type rollupColumn struct {
	title string
	width float32
	text  func(m exchange.Municipality, today time.Time) string
	less  func(a, b exchange.Municipality, today time.Time) bool
}

// rollupTab is the county's view of every municipality's last status.
type rollupTab struct {
	u       *ui
	list    []exchange.Municipality
	today   time.Time
	sortBy  int // column index; 1 (standing) lists overdue first
	table   *widget.Table
	summary *widget.Label
	columns []rollupColumn

	importFiles, importFolder, printButton *widget.Button
}

func newRollupTab(u *ui) *rollupTab {
	t := &rollupTab{u: u, sortBy: 1, summary: widget.NewLabel("")}
	t.columns = rollupColumns()
	t.table = widget.NewTable(t.size, t.newCell, t.updateCell)
	t.table.ShowHeaderRow = true
	t.table.CreateHeader = func() fyne.CanvasObject { return widget.NewButton("", nil) }
	t.table.UpdateHeader = t.updateHeader
	for i, c := range t.columns {
		t.table.SetColumnWidth(i, c.width)
	}
	t.importFiles = widget.NewButtonWithIcon("Import status packages…", theme.DownloadIcon(), t.askImportFiles)
	t.importFolder = widget.NewButtonWithIcon("Import a folder…", theme.FolderOpenIcon(), t.askImportFolder)
	t.printButton = widget.NewButtonWithIcon("Print roll-up…", theme.DocumentPrintIcon(), t.askPrint)
	return t
}

func (t *rollupTab) view() fyne.CanvasObject {
	top := container.NewVBox(container.NewHBox(t.importFiles, t.importFolder, t.printButton), t.summary)
	return container.NewBorder(top, nil, nil, nil, t.table)
}

func rollupColumns() []rollupColumn {
	standing := func(m exchange.Municipality, today time.Time) exchange.Standing { s, _ := m.Standing(today); return s }
	byInt := func(f func(exchange.Municipality) int) func(a, b exchange.Municipality, _ time.Time) bool {
		return func(a, b exchange.Municipality, _ time.Time) bool { return f(a) > f(b) }
	}
	return []rollupColumn{
		{"Municipality", 220, func(m exchange.Municipality, _ time.Time) string { return m.Name() },
			func(a, b exchange.Municipality, _ time.Time) bool {
				return strings.ToLower(a.Name()) < strings.ToLower(b.Name())
			}},
		{"Standing", 140, func(m exchange.Municipality, d time.Time) string { return standing(m, d).Label() },
			func(a, b exchange.Municipality, d time.Time) bool { return standing(a, d) < standing(b, d) }},
		{"Plan", 270, func(m exchange.Municipality, _ time.Time) string { return m.PlanWords() }, nil},
		{"Gaps", 60, func(m exchange.Municipality, _ time.Time) string { return strconv.Itoa(m.Gaps()) },
			byInt(exchange.Municipality.Gaps)},
		{"No backup", 90, func(m exchange.Municipality, _ time.Time) string { return strconv.Itoa(m.RolesWithoutBackup()) },
			byInt(exchange.Municipality.RolesWithoutBackup)},
		{"Training met", 110, func(m exchange.Municipality, _ time.Time) string { return m.TrainingWords() }, nil},
		{"Next election", 230, func(m exchange.Municipality, _ time.Time) string { return m.ReadinessWords() }, nil},
		{"Last package", 120, func(m exchange.Municipality, _ time.Time) string { return m.Report.CreatedAt.Format("2006-01-02") },
			func(a, b exchange.Municipality, _ time.Time) bool {
				return a.Report.CreatedAt.Before(b.Report.CreatedAt)
			}},
		{"Why", 420, func(m exchange.Municipality, d time.Time) string {
			_, why := m.Standing(d)
			return strings.Join(why, "; ")
		}, nil},
	}
}

func (t *rollupTab) size() (int, int) { return len(t.list), len(t.columns) }

func (t *rollupTab) newCell() fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

func (t *rollupTab) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	m := t.list[id.Row]
	l.SetText(t.columns[id.Col].text(m, t.today))
	s, _ := m.Standing(t.today)
	l.TextStyle = fyne.TextStyle{Bold: id.Col == 1 && s == exchange.Overdue}
	l.Refresh()
}

func (t *rollupTab) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	b := o.(*widget.Button)
	if id.Col < 0 {
		b.Hide()
		return
	}
	c := t.columns[id.Col]
	b.SetText(c.title)
	b.Importance = widget.LowImportance
	if id.Col == t.sortBy {
		b.SetIcon(theme.MenuDropDownIcon())
	} else {
		b.SetIcon(nil)
	}
	if c.less == nil {
		b.OnTapped = nil
		return
	}
	col := id.Col
	b.OnTapped = func() { t.sortOn(col) }
}

// sortOn orders the table by a column, worst or first-in-order at the top.
func (t *rollupTab) sortOn(col int) {
	t.sortBy = col
	less := t.columns[col].less
	exchange.SortRollup(t.list, t.today)
	sort.SliceStable(t.list, func(i, j int) bool { return less(t.list[i], t.list[j], t.today) })
	t.table.Refresh()
}

// reload reads the roll-up again.
func (t *rollupTab) reload() {
	t.today = time.Now()
	list, err := exchange.Rollup(t.u.db, t.today)
	if err != nil {
		t.u.showError(err)
		return
	}
	t.list = list
	t.sortOn(t.sortBy)
	if len(list) == 0 {
		t.summary.SetText("No status packages yet. Municipalities send them from the \"From the county\" tab of their binder.")
		return
	}
	t.summary.SetText(exchange.Tally(list, t.today))
}

// importPaths takes status packages in from files or folders.
func (t *rollupTab) importPaths(paths []string) {
	res, err := exchange.ImportStatusFiles(t.u.db, paths)
	if err != nil {
		t.u.showError(err)
		return
	}
	t.reload()
	msg := res.Summary()
	if len(res.Refused) > 0 {
		msg += "\n\nCould not be read:\n" + strings.Join(res.Refused, "\n")
	}
	t.u.showInfo("Status packages", msg)
}

func (t *rollupTab) askImportFiles() {
	req := fileRequest{title: "Import a status package", kind: "Binder package", exts: []string{exchange.FileExtension}}
	chooseOpenFile(t.u.win, req, func(path string) { t.importPaths([]string{path}) })
}

func (t *rollupTab) askImportFolder() {
	dialog.ShowFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil || dir == nil {
			t.u.showError(err)
			return
		}
		t.importPaths([]string{dir.Path()})
	}, t.u.win)
}

func (t *rollupTab) askPrint() {
	name := trFileName("Roll-up", time.Now().Format("2006-01-02")) + ".pdf"
	t.u.askSaveFile("Printing the roll-up", name, []string{".pdf"}, func(path string) error {
		return exchange.PrintRollup(t.u.db, time.Now(), path)
	})
}
