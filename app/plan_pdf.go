package app

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"electionbinder/internal/atomicfile"
	"electionbinder/internal/binder"
	"electionbinder/internal/plan"
)

// exportPlanPDF prints the plan with the given id as a binder PDF: the
// clerk picks a controlled copy and the whole binder or replacement pages,
// then a file; the PDF is written behind a progress bar and offered to open.
func (u *ui) exportPlanPDF(planID int64) {
	p, err := newPrintSetup(u, planID)
	if err != nil {
		u.showError(err)
		return
	}
	u.showKeyed(p.dlg, p.dlg.Confirm, p.dlg.Dismiss)
}

// The choices of what to print.
const (
	wholeBinder = "The whole binder"
	copyPacket  = "Replacement pages this copy needs"
)

// printSetup is the dialog that prepares a print.
type printSetup struct {
	u      *ui
	planID int64
	title  string
	copies []binder.Copy
	revs   []plan.Revision

	copySel   *widget.Select
	pages     *widget.Select
	copyState *widget.Label  // what the chosen copy holds and needs
	seeGaps   *widget.Button // nil when the plan has no gaps
	dlg       *dialog.ConfirmDialog
}

func newPrintSetup(u *ui, planID int64) (*printSetup, error) {
	p := &printSetup{u: u, planID: planID}
	pl, err := plan.NewStore(u.db).Load(planID)
	if err != nil {
		return nil, err
	}
	p.title, p.revs = pl.Title, pl.Revisions
	p.pages = widget.NewSelect(nil, nil)
	p.copyState = widget.NewLabel("")
	p.copyState.Wrapping = fyne.TextWrapWord
	p.copySel = widget.NewSelect(nil, func(string) { p.copyChosen() })
	if err := p.reloadCopies(); err != nil {
		return nil, err
	}
	dist := widget.NewButtonWithIcon("Distribution list…", theme.AccountIcon(), p.editDistribution)
	form := widget.NewForm(
		widget.NewFormItem("Controlled copy", p.copySel),
		widget.NewFormItem("Print", p.pages),
	)
	hint := widget.NewLabel("Paper size, double-sided printing and the handling marking are in Settings.")
	hint.Wrapping = fyne.TextWrapWord
	content := container.NewVBox(form, p.copyState, container.NewHBox(dist), hint)
	gaps, err := plan.NewStore(u.db).Check(planID, time.Now())
	if err != nil {
		return nil, err
	}
	notice, see := gapNotice(len(gaps), "Each blank prints as a line to fill in by pen.", func() {
		p.dlg.Hide()
		u.showPlanGaps(planID)
	})
	if notice != nil {
		content.Add(notice)
		p.seeGaps = see
	}
	p.dlg = dialog.NewCustomConfirm("Print the binder", "Choose a file…", "Cancel", content, p.confirmed, u.win)
	p.dlg.Resize(fyne.NewSize(460, 0))
	return p, nil
}

// pageChoices are the whole binder, then for a controlled copy the pages
// it needs, else the pages changed since each revision, newest first.
func (p *printSetup) pageChoices() []string {
	choices := []string{wholeBinder}
	if p.chosenCopy() != nil {
		return append(choices, copyPacket)
	}
	for i := len(p.revs) - 1; i >= 0; i-- {
		choices = append(choices, fmt.Sprintf("Pages changed since revision %d", p.revs[i].Number))
	}
	return choices
}

// chosenCopy is the controlled copy chosen, or nil.
func (p *printSetup) chosenCopy() *binder.Copy {
	if i := p.copySel.SelectedIndex(); i > 0 && i <= len(p.copies) {
		return &p.copies[i-1]
	}
	return nil
}

// copyChosen offers the page choices that fit the copy and says, once
// worked out, what the copy holds and needs.
func (p *printSetup) copyChosen() {
	p.pages.SetOptions(p.pageChoices())
	p.pages.SetSelectedIndex(0)
	c := p.chosenCopy()
	if c == nil {
		p.copyState.SetText("A print without a copy number is not tracked. Choose a copy to print it for its holder.")
		return
	}
	p.copyState.SetText("Comparing copy " + c.Number + " with the binder as it is now…")
	chosen := *c
	p.u.inBackground(func() {
		text := copyStateText(p.u, chosen)
		fyne.Do(func() {
			if now := p.chosenCopy(); now != nil && now.ID == chosen.ID {
				p.copyState.SetText(text)
			}
		})
	})
}

// copyStateText says what a copy holds and which pages it needs.
func copyStateText(u *ui, c binder.Copy) string {
	state, err := binder.NewStore(u.db).CopyState(c)
	switch {
	case err != nil:
		return "Copy " + c.Number + ": " + err.Error()
	case !state.Printed:
		return "Copy " + c.Number + " has not been printed yet."
	}
	return fmt.Sprintf("Copy %s holds revision %d (printed %s): %s.", c.Number, state.Revision,
		state.PrintedOn.Local().Format("Jan 2, 2006"), state.Summary())
}

// reloadCopies refills the controlled-copy choices from the distribution list.
func (p *printSetup) reloadCopies() error {
	copies, err := binder.NewStore(p.u.db).Copies(p.planID)
	if err != nil {
		return err
	}
	p.copies = copies
	options := []string{"No copy number"}
	for _, c := range copies {
		options = append(options, "Copy "+c.Number+" — "+c.Holder)
	}
	keep := p.copySel.SelectedIndex()
	p.copySel.SetOptions(options)
	if keep < 0 || keep >= len(options) {
		keep = 0
	}
	p.copySel.SetSelectedIndex(keep)
	p.copyChosen()
	return nil
}

// options turns the choices into export options.
func (p *printSetup) options() binder.ExportOptions {
	var opt binder.ExportOptions
	i := p.pages.SelectedIndex()
	if c := p.chosenCopy(); c != nil {
		opt.Copy, opt.Packet = c.Number, i == 1
		return opt
	}
	if i > 0 && i <= len(p.revs) {
		opt.Since = p.revs[len(p.revs)-i].Number
	}
	return opt
}

// fileName suggests a file name from the plan's title and the choices.
func (p *printSetup) fileName() string {
	name := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) {
			return '-'
		}
		return r
	}, strings.TrimSpace(p.title))
	opt := p.options()
	if opt.Copy != "" {
		name += " - copy " + opt.Copy
	}
	switch {
	case opt.Packet:
		name += " - replacement pages"
	case opt.Since > 0:
		name += " - changes since revision " + strconv.Itoa(opt.Since)
	}
	return name + ".pdf"
}

func (p *printSetup) confirmed(ok bool) {
	if !ok {
		return
	}
	req := fileRequest{title: "Print the binder to a PDF file", name: p.fileName(), kind: "PDF document", exts: []string{".pdf"}}
	chooseSaveFile(p.u.win, req, p.print)
}

// print writes the binder to path behind a progress bar.
func (p *printSetup) print(path string) {
	opt := p.options()
	p.u.runWithProgress("Printing the binder", func(progress func(float64)) (string, error) {
		opt.Progress = progress
		return path, writeBinderFile(p.u, p.planID, path, opt)
	})
}

// writeBinderFile renders the binder in memory and puts it at path in one
// step, so a failed print never leaves half a file.
func writeBinderFile(u *ui, planID int64, path string, opt binder.ExportOptions) error {
	var buf bytes.Buffer
	res, err := binder.NewStore(u.db).Export(&buf, planID, opt)
	if err != nil {
		return err
	}
	if len(res.Warnings) > 0 {
		fyne.Do(func() {
			dialog.ShowInformation("Some characters cannot print", strings.Join(res.Warnings, "\n"), u.win)
		})
	}
	return atomicfile.WriteFile(path, buf.Bytes())
}

// editDistribution opens the distribution list; closing it refreshes the
// controlled-copy choices.
func (p *printSetup) editDistribution() {
	d := newDistributionEditor(p.u, p.planID)
	d.dlg.SetOnClosed(func() {
		if err := p.reloadCopies(); err != nil {
			p.u.showError(err)
		}
	})
	p.u.showKeyed(d.dlg, d.dlg.Hide, d.dlg.Hide)
}

// distributionEditor lists who holds which controlled copy and adds or
// removes copies; every change is saved at once.
type distributionEditor struct {
	u      *ui
	planID int64
	store  *binder.Store
	copies []binder.Copy
	states map[int64]string // what each copy holds and needs, once worked out
	now    func() time.Time // the issue date of a new copy

	list                            *widget.List
	number, holder, title, location *formEntry
	add                             *widget.Button
	dlg                             dialog.Dialog
}

func newDistributionEditor(u *ui, planID int64) *distributionEditor {
	d := &distributionEditor{u: u, planID: planID, store: binder.NewStore(u.db), now: time.Now}
	d.list = widget.NewList(func() int { return len(d.copies) }, d.newRow, d.updateRow)
	d.number, d.holder, d.title, d.location = newFormEntry(), newFormEntry(), newFormEntry(), newFormEntry()
	d.number.SetPlaceHolder("No.")
	d.holder.SetPlaceHolder("Held by")
	d.title.SetPlaceHolder("Title or organization")
	d.location.SetPlaceHolder("Kept at")
	d.add = widget.NewButtonWithIcon("Add copy", theme.ContentAddIcon(), d.addCopy)
	d.reload()
	form := container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(70, d.number.MinSize().Height), d.number), d.add,
		container.NewGridWithColumns(3, d.holder, d.title, d.location))
	content := container.NewBorder(nil, form, nil, nil, d.list)
	d.dlg = dialog.NewCustom("Distribution list", "Close", content, u.win)
	d.dlg.Resize(fyne.NewSize(720, 420))
	for _, e := range []*formEntry{d.number, d.holder, d.title, d.location} {
		e.onEscape = d.dlg.Hide
		e.OnSubmitted = func(string) { d.addCopy() }
	}
	return d
}

func (d *distributionEditor) newRow() fyne.CanvasObject {
	remove := widget.NewButtonWithIcon("Remove", theme.DeleteIcon(), nil)
	return container.NewBorder(nil, nil, nil, remove, widget.NewLabel(""))
}

func (d *distributionEditor) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	row := o.(*fyne.Container)
	c := d.copies[i]
	line := copyLine(c)
	if state, ok := d.states[c.ID]; ok {
		line += " — " + state
	}
	row.Objects[0].(*widget.Label).SetText(line)
	row.Objects[1].(*widget.Button).OnTapped = func() { d.remove(c) }
}

// copyLine is one copy as the list shows it.
func copyLine(c binder.Copy) string {
	parts := []string{"Copy " + c.Number, c.Holder}
	for _, s := range []string{c.Title, c.Location} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	if !c.Issued.IsZero() {
		parts = append(parts, "issued "+c.Issued.Format("Jan 2, 2006"))
	}
	return strings.Join(parts, " · ")
}

func (d *distributionEditor) reload() {
	copies, err := d.store.Copies(d.planID)
	if err != nil {
		d.u.showError(err)
		return
	}
	d.copies = copies
	d.list.Refresh()
	if d.number.Text == "" {
		d.number.SetText(d.nextNumber())
	}
	d.u.inBackground(func() { d.loadStates(copies) })
}

// loadStates works out, away from the window, what each copy holds and
// needs, and shows it in the list.
func (d *distributionEditor) loadStates(copies []binder.Copy) {
	states := map[int64]string{}
	for _, c := range copies {
		states[c.ID] = copyStateText(d.u, c)
	}
	fyne.Do(func() {
		d.states = states
		d.list.Refresh()
	})
}

// nextNumber suggests the number after the highest numbered copy.
func (d *distributionEditor) nextNumber() string {
	n := 0
	for _, c := range d.copies {
		if v, err := strconv.Atoi(c.Number); err == nil && v > n {
			n = v
		}
	}
	return strconv.Itoa(n + 1)
}

func (d *distributionEditor) addCopy() {
	c := binder.Copy{PlanID: d.planID, Number: d.number.Text, Holder: d.holder.Text, Title: d.title.Text,
		Location: d.location.Text, Issued: d.now()}
	if _, err := d.store.AddCopy(c); err != nil {
		d.u.showError(err)
		return
	}
	d.u.saved(nil)
	for _, e := range []*formEntry{d.number, d.holder, d.title, d.location} {
		e.SetText("")
	}
	d.reload()
}

func (d *distributionEditor) remove(c binder.Copy) {
	d.u.askDestructive("Take copy "+c.Number+" off the list?",
		"Take the copy held by "+c.Holder+" off the distribution list?", "Take it off", func(ok bool) {
			if ok {
				d.removeNow(c)
			}
		})
}

// removeNow takes a copy off the list without asking.
func (d *distributionEditor) removeNow(c binder.Copy) {
	d.u.saved(d.store.DeleteCopy(c.ID))
	d.reload()
}
