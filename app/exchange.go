package app

import (
	"bytes"
	"fmt"
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"electionbinder/internal/atomicfile"
	"electionbinder/internal/exchange"
	"electionbinder/internal/settings"
)

// exchangeScreen moves data between a county and its municipalities as
// package files: the county sends its package and reads the roll-up; a
// municipality takes the county's package in and sends its status back.
type exchangeScreen struct {
	u *ui

	passphrase, confirm *widget.Entry
	sendButton          *widget.Button
	countyLabel         *widget.Label
	openButton          *widget.Button
	statusButton        *widget.Button
	rollup              *rollupTab
	tabs                *container.AppTabs
}

func newExchangeScreen(u *ui) screen {
	s := &exchangeScreen{u: u}
	s.rollup = newRollupTab(u)
	s.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("From the county", theme.DownloadIcon(), s.municipalityView()),
		container.NewTabItemWithIcon("To municipalities", theme.UploadIcon(), s.countyView()),
		container.NewTabItemWithIcon("Roll-up", theme.ListIcon(), s.rollup.view()),
	)
	s.tabs.OnSelected = func(t *container.TabItem) {
		if t.Text == "Roll-up" {
			s.rollup.reload()
		}
	}
	s.showCounty()
	s.rollup.reload()
	s.tabs.SelectIndex(s.openingTab())
	return s
}

// openingTab is the tab the office works in: a county's roll-up once
// municipalities have reported; the county's package for a municipality,
// or for any office that has taken one in; else the package for
// municipalities.
func (s *exchangeScreen) openingTab() int {
	if len(s.rollup.list) > 0 {
		return 2
	}
	tookCountyPackage := !s.statusButton.Disabled()
	if profile, err := s.u.settings.LoadProfile(); tookCountyPackage || (err == nil && profile.Kind == settings.Municipality) {
		return 0
	}
	return 1
}

func (s *exchangeScreen) view() fyne.CanvasObject { return s.tabs }

// wrapped is a label that wraps its text to the width it is given.
func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func (s *exchangeScreen) countyView() fyne.CanvasObject {
	s.passphrase = widget.NewPasswordEntry()
	s.passphrase.SetPlaceHolder(fmt.Sprintf("At least %d characters, such as a few words", exchange.MinPassphraseLength))
	s.confirm = widget.NewPasswordEntry()
	s.confirm.SetPlaceHolder("Type it again")
	s.sendButton = widget.NewButtonWithIcon("Save county package…", theme.DocumentSaveIcon(), s.askSaveCountyPackage)
	form := widget.NewForm(widget.NewFormItem("Passphrase", s.passphrase), widget.NewFormItem("Again", s.confirm))
	return container.NewVScroll(container.NewVBox(
		widget.NewLabelWithStyle("Send your county's package to its municipalities", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		wrapped("The package holds the templates you made, the county and state partners of your directory, "+
			"the training sessions still to come, and this binder's public key, so municipalities can send "+
			"their status back to you alone. It is locked with a passphrase: give the passphrase to each "+
			"municipal clerk by phone or in person, never in the same email as the file."),
		form, container.NewHBox(s.sendButton)))
}

func (s *exchangeScreen) municipalityView() fyne.CanvasObject {
	s.countyLabel = wrapped("")
	s.openButton = widget.NewButtonWithIcon("Open county package…", theme.FolderOpenIcon(), s.askOpenCountyPackage)
	s.statusButton = widget.NewButtonWithIcon("Save status package…", theme.DocumentSaveIcon(), s.askSaveStatusPackage)
	return container.NewVScroll(container.NewVBox(
		widget.NewLabelWithStyle("Take in your county's package", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		wrapped("You see what it adds or changes before anything is written. A partner you changed here "+
			"and the county changed too is shown as a conflict, and your version is kept unless you choose the county's."),
		s.countyLabel, container.NewHBox(s.openButton),
		widget.NewSeparator(),
		widget.NewLabelWithStyle("Send your status to the county", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		wrapped(exchange.StatusContents+" Only the county's binder can open it."),
		container.NewHBox(s.statusButton)))
}

// showCounty says which county this binder reports to.
func (s *exchangeScreen) showCounty() {
	county, ok, err := exchange.ReportsTo(s.u.db)
	switch {
	case err != nil:
		s.u.showError(err)
	case !ok:
		s.countyLabel.SetText("No county package has been taken in yet.")
		s.statusButton.Disable()
	default:
		s.countyLabel.SetText(fmt.Sprintf("This binder reports to %s (package of %s).", county.Name,
			county.PackageAt.Local().Format("January 2, 2006 3:04 PM")))
		s.statusButton.Enable()
	}
}

// askSaveTo asks for a new package file and hands its path to write.
func (s *exchangeScreen) askSaveTo(title, name string, write func(path string) error) {
	req := fileRequest{title: title, name: name, kind: "Binder package", exts: []string{exchange.FileExtension}}
	chooseSaveFile(s.u.win, req, func(path string) {
		if err := removeEmptyFile(path); err != nil {
			s.u.showError(err)
			return
		}
		if err := write(path); err != nil {
			s.u.showError(err)
			return
		}
		s.u.status.set("Written to " + path)
	})
}

func (s *exchangeScreen) askSaveCountyPackage() {
	if err := s.checkPassphrase(); err != nil {
		s.u.showError(err)
		return
	}
	s.askSaveTo("Save the county package", packageName("County package"), s.saveCountyPackage)
}

func (s *exchangeScreen) checkPassphrase() error {
	if err := exchange.CheckPassphrase(s.passphrase.Text); err != nil {
		return err
	}
	if s.passphrase.Text != s.confirm.Text {
		return fmt.Errorf("the two passphrases differ; type the same words twice")
	}
	return nil
}

// saveCountyPackage writes the county package to path.
func (s *exchangeScreen) saveCountyPackage(path string) error {
	if err := s.checkPassphrase(); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := exchange.WriteCountyPackage(s.u.db, &buf, s.passphrase.Text, time.Now()); err != nil {
		return err
	}
	return atomicfile.WriteFile(path, buf.Bytes())
}

func (s *exchangeScreen) askSaveStatusPackage() {
	s.askSaveTo("Save the status package", packageName("Status package"), s.saveStatusPackage)
}

// saveStatusPackage writes this binder's status for the county to path.
func (s *exchangeScreen) saveStatusPackage(path string) error {
	var buf bytes.Buffer
	if err := exchange.WriteStatusPackage(s.u.db, &buf, time.Now()); err != nil {
		return err
	}
	return atomicfile.WriteFile(path, buf.Bytes())
}

// packageName is a file name for a package written today.
func packageName(what string) string {
	return trFileName(what, time.Now().Format("2006-01-02")) + exchange.FileExtension
}

func (s *exchangeScreen) askOpenCountyPackage() {
	req := fileRequest{title: "Open the county package", kind: "Binder package", exts: []string{exchange.FileExtension}}
	chooseOpenFile(s.u.win, req, s.askPassphraseFor)
}

// askPassphraseFor asks the passphrase of the county package at path.
func (s *exchangeScreen) askPassphraseFor(path string) {
	entry := newFormEntry()
	entry.Password = true
	items := []*widget.FormItem{widget.NewFormItem("Passphrase", entry)}
	d := dialog.NewForm("Passphrase from the county", "Open", "Cancel", items, func(ok bool) {
		if ok {
			s.previewCountyPackage(path, entry.Text)
		}
	}, s.u.win)
	d.Resize(fyne.NewSize(420, 160))
	s.u.showForm(d, entry)
	s.u.win.Canvas().Focus(entry)
}

// previewCountyPackage reads the package at path and shows what it would
// do; it returns the preview, or nil when the package cannot be read.
func (s *exchangeScreen) previewCountyPackage(path, passphrase string) *countyPreview {
	ci, err := planCountyFile(s.u, path, passphrase)
	if err != nil {
		s.u.showError(err)
		return nil
	}
	return s.showPreview(ci)
}

func planCountyFile(u *ui, path, passphrase string) (*exchange.CountyImport, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	pkg, err := exchange.ReadCountyPackage(src, passphrase)
	if err != nil {
		return nil, err
	}
	return exchange.PlanCountyImport(u.db, pkg)
}
