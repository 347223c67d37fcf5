package app

import (
	"database/sql"
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"electionbinder/internal/settings"
)

const (
	widthKey      = "window.width"
	heightKey     = "window.height"
	defaultWidth  = 1100
	defaultHeight = 720
)

// newUI builds the main window over an open database; tests call it with
// fyne's test app.
func newUI(a fyne.App, dbPath string, conn *sql.DB) *ui {
	u := &ui{app: a, dbPath: dbPath, db: conn, settings: settings.New(conn)}
	u.win = a.NewWindow(Name)
	look, _ := u.settings.Get(appearanceKey, appearanceLight)
	u.applyAppearance(look)
	u.status = newStatusLine(dbPath)
	u.nav = newNavigation(u)
	u.win.SetMainMenu(u.mainMenu())
	u.win.SetContent(container.NewBorder(nil, u.status.view(), nil, nil, u.nav.view()))
	u.win.Resize(u.savedSize())
	u.win.SetCloseIntercept(func() {
		u.whenSaved(func() {
			u.saveSize()
			u.autoBackup(u.win.Close)
		}, nil)
	})
	u.win.Canvas().SetOnTypedKey(u.typedKey)
	u.showReadOnly()
	u.showLastBackup()
	u.nav.show(u.nav.openingPage())
	return u
}

func (u *ui) savedSize() fyne.Size {
	w, _ := u.settings.GetInt(widthKey, defaultWidth)
	h, _ := u.settings.GetInt(heightKey, defaultHeight)
	return fyne.NewSize(float32(max(w, 640)), float32(max(h, 480)))
}

func (u *ui) saveSize() {
	size := u.win.Canvas().Size()
	if size.Width < 1 || size.Height < 1 || u.readOnly() {
		return
	}
	if err := u.settings.SetInt(widthKey, int(size.Width)); err != nil {
		log.Print(err)
	}
	if err := u.settings.SetInt(heightKey, int(size.Height)); err != nil {
		log.Print(err)
	}
}

// quit remembers the window size and ends the app, once a value that
// could not be saved has been fixed or left.
func (u *ui) quit() {
	u.whenSaved(u.quitNow, nil)
}

// quitNow remembers the window size, writes the day's automatic backup when
// one is due, and ends the app.
func (u *ui) quitNow() {
	u.saveSize()
	u.autoBackup(u.app.Quit)
}

// What the menu's commands ask of the screen in view, when it can do them.
type (
	searcher interface{ focusSearch() }
	creator  interface{ createNew() }
	printer  interface{ exportPDF() }
	importer interface{ menuImport() }
	exporter interface{ menuExport() }
)

func (u *ui) find() {
	if s, ok := u.nav.current().(searcher); ok {
		s.focusSearch()
	}
}

func (u *ui) createNew() {
	if s, ok := u.nav.current().(creator); ok {
		s.createNew()
	}
}

func (u *ui) print() {
	if s, ok := u.nav.current().(printer); ok {
		s.exportPDF()
	}
}

func (u *ui) importFile() {
	if s, ok := u.nav.current().(importer); ok {
		s.menuImport()
	}
}

func (u *ui) exportFile() {
	if s, ok := u.nav.current().(exporter); ok {
		s.menuExport()
	}
}

// statusLine is the line at the foot of the window that says "Saved", with
// the time of the last backup and the data file on the right.
type statusLine struct {
	label  *widget.Label
	undo   *widget.Button // shown for a short while after a delete or a cancellation
	backup *widget.Label  // when the last backup was written
	file   *widget.Label
}

func newStatusLine(dbPath string) *statusLine {
	file := widget.NewLabel("Data: " + dbPath)
	file.Truncation = fyne.TextTruncateEllipsis
	file.Alignment = fyne.TextAlignTrailing
	undo := widget.NewButtonWithIcon("Undo", theme.ContentUndoIcon(), nil)
	undo.Hide()
	return &statusLine{label: widget.NewLabel("Ready"), undo: undo, backup: widget.NewLabel(""), file: file}
}

func (s *statusLine) view() fyne.CanvasObject {
	return container.NewBorder(nil, nil, container.NewHBox(s.label, s.undo), s.backup, s.file)
}

// set shows text; safe to call from any goroutine.
func (s *statusLine) set(text string) {
	fyne.Do(func() { s.label.SetText(text) })
}

// saved reports the outcome of an automatic save.
func (u *ui) saved(err error) {
	if err != nil {
		u.status.set("Not saved: " + err.Error())
		u.showError(err)
		return
	}
	u.status.set("Saved")
}

// setDB swaps in a newly opened database and rebuilds the screens over it.
func (u *ui) setDB(conn *sql.DB) {
	u.db = conn
	u.settings = settings.New(conn)
	u.nav.rebuild()
	u.showReadOnly()
	u.showLastBackup()
}
