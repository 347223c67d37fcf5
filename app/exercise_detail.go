package app

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"electionbinder/internal/binder"
	"electionbinder/internal/contacts"
	"electionbinder/internal/exercise"
	"electionbinder/internal/plan"
)

// exerciseDetail is one exercise: its overview and objectives, who takes
// part, the script and notes, the hot wash and the improvement plan.
type exerciseDetail struct {
	s       *exercisesScreen
	e       *exercise.Exercise
	plan    *plan.Plan // nil when the exercise's plan was deleted
	people  []contacts.Contact
	loading bool

	heading       *widget.Label
	facilitateBtn *widget.Button
	reportBtn     *widget.Button
	deleteBtn     *widget.Button

	name, date, start, hours, location *widget.Entry
	facilitator                        *widget.Select
	scenarios                          *widget.Label
	addScenario                        *widget.Select
	objectives                         *rowList
	participants                       *rowList
	injects                            *rowList
	notes                              *rowList
	findings                           *rowList
	items                              *rowList
	closeBtn                           *widget.Button

	tabs    *container.AppTabs
	content *fyne.Container
	body    fyne.CanvasObject
	nothing fyne.CanvasObject
}

func newExerciseDetail(s *exercisesScreen) *exerciseDetail {
	d := &exerciseDetail{s: s}
	d.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.heading.Truncation = fyne.TextTruncateEllipsis
	d.facilitateBtn = widget.NewButtonWithIcon("Facilitator mode", theme.MediaPlayIcon(), d.facilitate)
	d.facilitateBtn.Importance = widget.HighImportance
	d.reportBtn = widget.NewButtonWithIcon("After-action report…", theme.DocumentPrintIcon(), d.askReport)
	d.deleteBtn = widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), d.askDelete)
	top := container.NewBorder(nil, nil, nil, container.NewHBox(d.facilitateBtn, d.reportBtn, d.deleteBtn), d.heading)
	d.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("Overview", theme.InfoIcon(), d.overviewPane()),
		container.NewTabItemWithIcon("Participants", theme.AccountIcon(), d.participantsPane()),
		container.NewTabItemWithIcon("Script", theme.ListIcon(), d.scriptPane()),
		container.NewTabItemWithIcon("Notes", theme.DocumentCreateIcon(), d.notesPane()),
		container.NewTabItemWithIcon("Hot wash", theme.QuestionIcon(), d.findingsPane()),
		container.NewTabItemWithIcon("Improvement plan", theme.ConfirmIcon(), d.itemsPane()),
	)
	d.body = container.NewBorder(top, nil, nil, nil, d.tabs)
	d.nothing = container.NewCenter(widget.NewLabel("Choose an exercise on the left, or plan one with New exercise."))
	d.content = container.NewStack(d.nothing)
	return d
}

func (d *exerciseDetail) view() fyne.CanvasObject { return d.content }

// load shows the exercise with the given id (0: none).
func (d *exerciseDetail) load(id int64) {
	if id == 0 {
		d.e = nil
		d.content.Objects = []fyne.CanvasObject{d.nothing}
		d.content.Refresh()
		return
	}
	e, err := d.s.store.Load(id)
	if err != nil {
		d.s.u.showError(err)
		return
	}
	d.e, d.plan = e, nil
	if e.PlanID != 0 {
		if d.plan, err = plan.NewStore(d.s.u.db).Load(e.PlanID); err != nil {
			d.s.u.showError(err)
		}
	}
	if d.people, err = contacts.NewStore(d.s.u.db).List(contacts.Filter{Kind: contacts.Person}); err != nil {
		d.s.u.showError(err)
	}
	d.fill()
	d.content.Objects = []fyne.CanvasObject{d.body}
	d.content.Refresh()
}

// reload rereads the exercise after a change and refreshes the list beside it.
func (d *exerciseDetail) reload() {
	if d.e == nil {
		return
	}
	d.load(d.e.ID)
	d.s.reload()
	d.s.u.refreshPlanGaps()
}

// fill puts the loaded exercise into every tab.
func (d *exerciseDetail) fill() {
	d.loading = true
	defer func() { d.loading = false }()
	e := d.e
	d.heading.SetText(e.Name + " · " + e.HeldOn.Format("Monday, January 2, 2006"))
	d.name.SetText(e.Name)
	d.date.SetText(e.HeldOn.Format("2006-01-02"))
	d.start.SetText(exercise.ClockText(e.StartsAt))
	d.hours.SetText(strconv.FormatFloat(e.Hours, 'f', -1, 64))
	d.location.SetText(e.Location)
	d.facilitator.Options = append([]string{"(nobody yet)"}, labelsOf(d.people, personLabel)...)
	d.facilitator.SetSelectedIndex(d.personIndex(e.FacilitatorID) + 1)
	d.fillScenarios()
	d.objectives.set(labelsOf(e.Objectives, objectiveRow))
	d.participants.set(labelsOf(e.Participants, participantRow))
	d.injects.set(d.injectRows())
	d.notes.set(labelsOf(e.Notes, noteRow))
	d.findings.set(labelsOf(e.Findings, d.findingRow))
	d.items.set(labelsOf(e.Items, itemRow))
}

func personLabel(c contacts.Contact) string {
	parts := []string{c.Name}
	for _, x := range []string{c.Title, c.Organization} {
		if x != "" {
			parts = append(parts, x)
		}
	}
	return strings.Join(parts, " · ")
}

// personIndex is the index of a contact among d.people, -1 when absent.
func (d *exerciseDetail) personIndex(id int64) int {
	for i, c := range d.people {
		if c.ID == id {
			return i
		}
	}
	return -1
}

// personAt is the contact id behind option i of a person select whose
// first option is "nobody".
func (d *exerciseDetail) personAt(i int) int64 {
	if i <= 0 || i > len(d.people) {
		return 0
	}
	return d.people[i-1].ID
}

// personSelect is a select of the directory's people with "nobody" first.
func (d *exerciseDetail) personSelect(chosen int64) *widget.Select {
	sel := widget.NewSelect(append([]string{"(nobody yet)"}, labelsOf(d.people, personLabel)...), nil)
	sel.SetSelectedIndex(d.personIndex(chosen) + 1)
	return sel
}

// Overview

func (d *exerciseDetail) overviewPane() fyne.CanvasObject {
	d.name = widget.NewEntry()
	d.date = exDateEntry(time.Time{})
	d.start = exClockEntry(0)
	d.hours = widget.NewEntry()
	d.hours.Validator = func(v string) error {
		if h, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err != nil || h <= 0 {
			return fmt.Errorf("type the length in hours, such as 2.5")
		}
		return nil
	}
	d.location = widget.NewEntry()
	for _, e := range []*widget.Entry{d.name, d.date, d.start, d.hours, d.location} {
		e.OnChanged = func(string) { d.saveDetails() }
	}
	d.facilitator = widget.NewSelect(nil, func(string) { d.saveDetails() })
	d.scenarios = widget.NewLabel("")
	d.scenarios.Wrapping = fyne.TextWrapWord
	d.addScenario = widget.NewSelect(nil, d.chooseScenario)
	d.addScenario.PlaceHolder = "Add a scenario of the plan…"
	form := widget.NewForm(
		widget.NewFormItem("Name", d.name),
		&widget.FormItem{Text: "Date", Widget: d.date, HintText: "YYYY-MM-DD"},
		&widget.FormItem{Text: "Starts at", Widget: d.start, HintText: "HH:MM on the exercise clock"},
		&widget.FormItem{Text: "Hours", Widget: d.hours, HintText: "How long it runs; counted as training hours"},
		widget.NewFormItem("Location", d.location),
		widget.NewFormItem("Facilitator", d.facilitator),
		widget.NewFormItem("Scenarios", container.NewVBox(d.scenarios, d.addScenario)),
	)
	d.objectives = newRowList("objective", d.addObjective, d.editObjective, d.deleteObjective)
	objectives := container.NewBorder(widget.NewLabelWithStyle("Objectives", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		nil, nil, nil, d.objectives.view())
	split := container.NewVSplit(container.NewVScroll(form), objectives)
	split.SetOffset(0.7)
	return split
}

// saveDetails saves the overview when every field reads well.
func (d *exerciseDetail) saveDetails() {
	if d.loading || d.e == nil {
		return
	}
	for _, e := range []*widget.Entry{d.date, d.start, d.hours} {
		if e.Validate() != nil {
			d.s.u.status.set("Not saved yet: " + e.Validate().Error())
			return
		}
	}
	det := exercise.Details{Name: d.name.Text, HeldOn: exParseDay(d.date.Text), Location: d.location.Text,
		FacilitatorID: d.personAt(d.facilitator.SelectedIndex())}
	det.StartsAt, _ = exercise.ParseClock(d.start.Text)
	det.Hours, _ = strconv.ParseFloat(strings.TrimSpace(d.hours.Text), 64)
	err := d.s.store.SaveDetails(d.e.ID, det)
	if err != nil && strings.TrimSpace(d.name.Text) == "" {
		d.s.u.status.set("Not saved yet: " + err.Error())
		return
	}
	d.s.u.saved(err)
	if err == nil {
		d.heading.SetText(strings.TrimSpace(det.Name) + " · " + det.HeldOn.Format("Monday, January 2, 2006"))
		d.s.reload()
	}
}

// fillScenarios lists the exercise's scenarios and offers the plan's others.
func (d *exerciseDetail) fillScenarios() {
	names := labelsOf(d.e.Scenarios, func(r exercise.ScenarioRef) string { return "• " + r.Title })
	d.scenarios.SetText(strings.Join(names, "\n"))
	d.addScenario.Options = nil
	if d.plan != nil {
		for _, sc := range d.plan.Scenarios {
			if !d.uses(sc.ID) {
				d.addScenario.Options = append(d.addScenario.Options, sc.Title)
			}
		}
	}
	d.addScenario.ClearSelected()
}

func (d *exerciseDetail) uses(scenarioID int64) bool {
	for _, r := range d.e.Scenarios {
		if r.ScenarioID == scenarioID {
			return true
		}
	}
	return false
}

// chooseScenario adds the chosen scenario, with its injects, to the exercise.
func (d *exerciseDetail) chooseScenario(title string) {
	if d.loading || d.plan == nil || title == "" {
		return
	}
	for _, sc := range d.plan.Scenarios {
		if sc.Title == title && !d.uses(sc.ID) {
			err := d.s.store.AddScenario(d.e.ID, sc.ID)
			d.s.u.saved(err)
			d.reload()
			return
		}
	}
}

func objectiveRow(o exercise.Objective) string {
	s := o.Text
	if o.Rating != exercise.Unrated {
		s += " — " + string(o.Rating)
	}
	return s
}

func (d *exerciseDetail) addObjective() { d.objectiveForm(exercise.Objective{}) }

func (d *exerciseDetail) editObjective(i int) { d.objectiveForm(d.e.Objectives[i]) }

func (d *exerciseDetail) deleteObjective(i int) {
	o := d.e.Objectives[i]
	d.s.u.deleteAfterAsking("Delete objective", fmt.Sprintf("Delete the objective %q? Findings about it keep their words.", o.Text),
		func() error { return d.s.store.DeleteObjective(o.ID) }, d.reload)
}

// objectiveForm adds (ID 0) or changes an objective, with its rating and analysis.
func (d *exerciseDetail) objectiveForm(o exercise.Objective) {
	text := exMultiLine(o.Text)
	capability := widget.NewSelectEntry(exercise.Capabilities)
	capability.SetText(o.Capability)
	rating := widget.NewSelect(append([]string{exercise.Unrated.Label()}, labelsOf(exercise.Ratings, exercise.Rating.Label)...), nil)
	rating.SetSelected(o.Rating.Label())
	analysis := exMultiLine(o.Analysis)
	items := []*widget.FormItem{
		widget.NewFormItem("Objective", text),
		widget.NewFormItem("Capability", capability),
		{Text: "Rating", Widget: rating, HintText: "After the hot wash: how it was performed"},
		widget.NewFormItem("Analysis", analysis),
	}
	d.s.u.formDialog("Objective", items, func() error {
		o.Text, o.Capability, o.Analysis = text.Text, capability.Text, analysis.Text
		o.Rating, _ = exercise.ParseRating(rating.Selected)
		var err error
		if o.ID == 0 {
			o.ID, err = d.s.store.AddObjective(d.e.ID, o)
		} else {
			err = d.s.store.UpdateObjective(o)
		}
		if err == nil {
			d.reload()
		}
		return err
	})
}

// askReport writes the after-action report and improvement plan as a PDF.
func (d *exerciseDetail) askReport() {
	if d.e == nil {
		return
	}
	id := d.e.ID
	name := trFileName("After-action report", d.e.Name, d.e.HeldOn.Format("2006-01-02")) + ".pdf"
	d.s.u.askSaveFile("Printing the after-action report", name, []string{".pdf"}, func(path string) error {
		return binder.PrintExerciseReport(d.s.u.db, id, path)
	})
}

func (d *exerciseDetail) askDelete() {
	if d.e == nil {
		return
	}
	e := d.e
	q := fmt.Sprintf("Delete %q with its script, %d notes, hot wash and %d improvement items? Attendance at it will no longer count as training.",
		e.Name, len(e.Notes), len(e.Items))
	d.s.u.deleteAfterAsking("Delete exercise", q, func() error { return d.s.store.Delete(e.ID) }, func() {
		d.s.selected = 0
		d.load(0)
		d.s.reload()
		d.s.u.refreshPlanGaps()
	})
}
