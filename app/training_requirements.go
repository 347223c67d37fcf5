package app

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"electionbinder/internal/contacts"
	"electionbinder/internal/training"
)

// requirementEditor lists the requirements and edits the chosen one; every
// change saves itself once the requirement reads as a whole.
type requirementEditor struct {
	c       *complianceTab
	reqs    []training.Requirement
	chosen  int // index in reqs, -1 for none
	loading bool

	list                                *widget.List
	name, description                   *widget.Entry
	sessions, hours, startsOn, deadline *widget.Entry
	termYears                           *widget.Entry
	kinds, levels                       *widget.CheckGroup
	newBtn, deleteBtn                   *widget.Button
	form                                *fyne.Container
	content                             fyne.CanvasObject
}

func newRequirementEditor(c *complianceTab) *requirementEditor {
	e := &requirementEditor{c: c, chosen: -1}
	e.list = widget.NewList(func() int { return len(e.reqs) }, func() fyne.CanvasObject {
		l := widget.NewLabel("Requirement")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(e.reqs[id].Name) })
	e.list.OnSelected = func(id widget.ListItemID) { e.choose(id) }
	e.newBtn = widget.NewButtonWithIcon("New requirement", theme.ContentAddIcon(), e.createNew)
	e.deleteBtn = widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), e.confirmDelete)
	e.form = container.NewStack(e.buildForm())
	e.form.Hide()
	left := container.NewBorder(nil, e.newBtn, nil, nil, e.list)
	split := container.NewHSplit(left, container.NewVScroll(container.NewVBox(e.form)))
	split.SetOffset(0.3)
	e.content = split
	e.reload(0)
	return e
}

func (e *requirementEditor) view() fyne.CanvasObject { return e.content }

func (e *requirementEditor) buildForm() fyne.CanvasObject {
	entry := func(placeholder string) *widget.Entry { return trSavingEntry(placeholder, false, e.save) }
	e.name = entry("Name")
	e.description = trSavingEntry("What it is for, who asks for it", true, e.save)
	e.sessions, e.hours = entry("0"), entry("0")
	e.startsOn, e.deadline = entry("YYYY-MM-DD or empty"), entry("YYYY-MM-DD or empty")
	e.termYears = entry("0: no term")
	e.kinds = widget.NewCheckGroup(labelsOf(training.RequirementKinds, training.Kind.Label), func([]string) { e.save() })
	e.levels = widget.NewCheckGroup(stringsOf(contacts.Levels), func([]string) { e.save() })
	return container.NewVBox(widget.NewForm(
		widget.NewFormItem("Name", e.name),
		widget.NewFormItem("Sessions that count", e.kinds),
		widget.NewFormItem("Sessions needed", e.sessions),
		widget.NewFormItem("Hours needed", e.hours),
		widget.NewFormItem("Counts from", e.startsOn),
		widget.NewFormItem("Deadline", e.deadline),
		widget.NewFormItem("Renews every (years)", e.termYears),
		widget.NewFormItem("Applies to", e.levels),
		widget.NewFormItem("Description", e.description),
	), container.NewHBox(e.deleteBtn))
}

// reload reads the requirements and chooses the one with id (0: none).
func (e *requirementEditor) reload(id int64) {
	reqs, err := e.c.s.store.Requirements()
	if err != nil {
		e.c.s.u.showError(err)
		return
	}
	e.reqs = reqs
	e.list.Refresh()
	for i, r := range reqs {
		if r.ID == id {
			e.list.Select(i)
			return
		}
	}
	e.chosen = -1
	e.list.UnselectAll()
	e.form.Hide()
}

func (e *requirementEditor) choose(i int) {
	e.chosen = i
	e.fill(e.reqs[i])
	e.form.Show()
}

func (e *requirementEditor) fill(r training.Requirement) {
	e.loading = true
	defer func() { e.loading = false }()
	e.name.SetText(r.Name)
	e.description.SetText(r.Description)
	e.sessions.SetText(strconv.Itoa(r.MinSessions))
	e.hours.SetText(training.FormatHours(r.MinHours))
	e.startsOn.SetText(trDateText(r.StartsOn))
	e.deadline.SetText(trDateText(r.Deadline))
	e.termYears.SetText(strconv.Itoa(r.TermYears))
	var kinds []string
	for _, k := range r.Kinds {
		kinds = append(kinds, k.Label())
	}
	e.kinds.SetSelected(kinds)
	e.levels.SetSelected(r.Levels)
}

func trDateText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// save writes the form back once it reads; until then the status line says why not.
func (e *requirementEditor) save() {
	if e.loading || e.chosen < 0 {
		return
	}
	r, err := e.read(e.reqs[e.chosen])
	if err == nil {
		r, err = e.c.s.store.SaveRequirement(r)
	}
	if err != nil {
		e.c.s.u.status.set("Not saved yet: " + err.Error())
		return
	}
	e.c.s.u.saved(nil)
	e.reqs[e.chosen] = r
	e.list.RefreshItem(e.chosen)
	e.c.reload()
}

func (e *requirementEditor) read(r training.Requirement) (training.Requirement, error) {
	var err error
	r.Name, r.Description = e.name.Text, e.description.Text
	r.Kinds = nil
	for _, label := range e.kinds.Selected {
		k, _ := training.ParseRequirementKind(label)
		r.Kinds = append(r.Kinds, k)
	}
	r.Levels = append([]string(nil), e.levels.Selected...)
	if r.MinSessions, err = trOptionalInt(e.sessions.Text); err != nil {
		return r, errors.New("sessions needed is a whole number")
	}
	if r.MinHours, err = trOptionalFloat(e.hours.Text); err != nil {
		return r, errors.New("hours needed is a number such as 6 or 1.5")
	}
	if r.TermYears, err = trOptionalInt(e.termYears.Text); err != nil {
		return r, errors.New("the term is a whole number of years")
	}
	if r.StartsOn, err = trOptionalDate(e.startsOn.Text); err != nil {
		return r, errors.New("write the start as YYYY-MM-DD, or leave it empty")
	}
	if r.Deadline, err = trOptionalDate(e.deadline.Text); err != nil {
		return r, errors.New("write the deadline as YYYY-MM-DD, or leave it empty")
	}
	return r, nil
}

func trOptionalDate(s string) (time.Time, error) {
	if strings.TrimSpace(s) == "" {
		return time.Time{}, nil
	}
	return time.Parse("2006-01-02", strings.TrimSpace(s))
}

// createNew adds a requirement of one in-person session for county and
// municipal people, ready to edit.
func (e *requirementEditor) createNew() {
	name := "New requirement"
	for n := 2; e.hasName(name); n++ {
		name = "New requirement " + strconv.Itoa(n)
	}
	r, err := e.c.s.store.SaveRequirement(training.Requirement{Name: name, Kinds: []training.Kind{training.InPerson},
		MinSessions: 1, Levels: []string{"county", "municipal"}})
	if err != nil {
		e.c.s.u.showError(err)
		return
	}
	e.c.s.u.saved(nil)
	e.reload(r.ID)
	e.c.reload()
	e.c.s.u.win.Canvas().Focus(e.name)
}

func (e *requirementEditor) hasName(name string) bool {
	for _, r := range e.reqs {
		if r.Name == name {
			return true
		}
	}
	return false
}

func (e *requirementEditor) confirmDelete() {
	if e.chosen < 0 {
		return
	}
	r := e.reqs[e.chosen]
	e.c.s.u.askDestructive("Delete requirement?", "Delete "+strconv.Quote(r.Name)+"? Attendance stays recorded.", "Delete", func(ok bool) {
		if !ok {
			return
		}
		e.c.s.u.saved(e.c.s.store.DeleteRequirement(r.ID))
		e.reload(0)
		e.c.reload()
	})
}
