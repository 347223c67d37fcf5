package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"electionbinder/internal/readiness"
)

// electionsEditor is the election calendar: the elections with a button to
// remove each, a form to add one, the import of a calendar file, and the
// state's regular elections offered for the clerk to confirm.
type electionsEditor struct {
	s        *readinessScreen
	list     *fyne.Container
	offered  *fyne.Container
	name     *widget.Entry
	date     *widget.Entry
	kind     *widget.Select
	offices  *widget.Entry
	add      *widget.Button
	lastSeen int64 // the election added last, selected when the dialog closes
	dlg      dialog.Dialog
}

// showElections opens the election calendar.
func (s *readinessScreen) showElections() {
	e := &electionsEditor{s: s, list: container.NewVBox(), offered: container.NewVBox()}
	e.name, e.date, e.offices = widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	e.name.SetPlaceHolder("Name, such as Spring election")
	e.date.SetPlaceHolder("Election day, YYYY-MM-DD")
	e.date.Validator = func(v string) error {
		_, err := readiness.ParseDay(v)
		return err
	}
	e.offices.SetPlaceHolder("Offices on the ballot (optional)")
	e.kind = widget.NewSelect(labelsOf(readiness.Kinds, readiness.Kind.Label), nil)
	e.kind.SetSelectedIndex(0)
	e.add = widget.NewButtonWithIcon("Add election", theme.ContentAddIcon(), e.addTyped)
	form := widget.NewForm(
		widget.NewFormItem("Name", e.name),
		widget.NewFormItem("Election day", e.date),
		widget.NewFormItem("Kind", e.kind),
		widget.NewFormItem("Offices", e.offices),
	)
	importBtn := widget.NewButtonWithIcon("Import a calendar (.ics)…", theme.DownloadIcon(), s.askImport)
	content := container.NewVBox(
		heading("On the calendar"), e.list,
		heading("Add an election"), form, container.NewHBox(e.add, importBtn),
		e.offered,
	)
	e.refresh()
	e.dlg = dialog.NewCustom("Elections", "Close", container.NewVScroll(content), s.u.win)
	e.dlg.SetOnClosed(func() { s.reload(e.lastSeen) })
	e.dlg.Resize(fyne.NewSize(760, 600))
	s.editor = e
	e.dlg.Show()
}

func heading(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle = fyne.TextStyle{Bold: true}
	return l
}

// refresh lists the calendar and the regular elections still to confirm.
func (e *electionsEditor) refresh() {
	s := e.s
	list, err := s.store.Elections()
	if err != nil {
		s.u.showError(err)
		return
	}
	e.list.Objects = nil
	for _, el := range list {
		el := el
		remove := widget.NewButtonWithIcon("Remove", theme.DeleteIcon(), func() { e.confirmRemove(el) })
		line := widget.NewLabel(fmt.Sprintf("%s · %s (%s)", el.Day.Format("Mon, Jan 2, 2006"), el.Name, el.Kind.Label()))
		e.list.Add(container.NewBorder(nil, nil, nil, remove, line))
	}
	if len(list) == 0 {
		e.list.Add(widget.NewLabel("No elections yet."))
	}
	e.list.Refresh()
	e.refreshOffered()
}

// refreshOffered lists the state's regular elections not yet on the calendar.
func (e *electionsEditor) refreshOffered() {
	s := e.s
	profile, _ := s.u.settings.LoadProfile()
	offered, err := s.store.Suggestions(profile.State, s.now())
	if err != nil {
		s.u.showError(err)
		return
	}
	e.offered.Objects = nil
	if len(offered) > 0 {
		e.offered.Add(heading(profile.State + "'s regular elections of the next two years"))
		note := widget.NewLabel("Computed from the state's schedule: " + readiness.ConfirmNote + " before you add them.")
		note.Wrapping = fyne.TextWrapWord
		e.offered.Add(note)
	}
	for _, sg := range offered {
		sg := sg
		add := widget.NewButtonWithIcon("Add", theme.ContentAddIcon(), func() { e.save(sg.Election) })
		line := widget.NewLabel(fmt.Sprintf("%s · %s", sg.Day.Format("Mon, Jan 2, 2006"), sg.Name))
		e.offered.Add(container.NewBorder(nil, nil, nil, add, line))
	}
	e.offered.Refresh()
}

// addTyped adds the election typed in the form.
func (e *electionsEditor) addTyped() {
	d, err := readiness.ParseDay(e.date.Text)
	if err != nil {
		e.s.u.showError(err)
		return
	}
	el := readiness.Election{Name: e.name.Text, Day: d, Kind: readiness.Kinds[max(e.kind.SelectedIndex(), 0)], Offices: e.offices.Text}
	if e.save(el) {
		e.name.SetText("")
		e.date.SetText("")
		e.offices.SetText("")
	}
}

// save puts an election on the calendar; false when it was refused.
func (e *electionsEditor) save(el readiness.Election) bool {
	added, err := e.s.store.Add(el)
	if err != nil {
		e.s.u.showError(err)
		return false
	}
	e.lastSeen = added.ID
	e.s.u.saved(nil)
	e.refresh()
	return true
}

func (e *electionsEditor) confirmRemove(el readiness.Election) {
	dialog.ShowConfirm("Remove this election?", fmt.Sprintf("%s on %s comes off the calendar, with the tasks ticked for it.",
		el.Name, el.Day.Format("January 2, 2006")), func(ok bool) {
		if !ok {
			return
		}
		e.s.u.saved(e.s.store.Remove(el.ID))
		if e.lastSeen == el.ID {
			e.lastSeen = 0
		}
		e.refresh()
	}, e.s.u.win)
}
