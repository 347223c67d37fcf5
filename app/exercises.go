package app

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"electionbinder/internal/exercise"
	"electionbinder/internal/plan"
)

// exercisesScreen runs tabletop exercises of the plan: the list of
// exercises beside the chosen one's detail, from which facilitator mode
// and the after-action report start.
type exercisesScreen struct {
	u         *ui
	store     *exercise.Store
	exercises []exercise.Summary
	selected  int64

	list      *widget.List
	newButton *widget.Button
	detail    *exerciseDetail
	content   fyne.CanvasObject
}

func newExercisesScreen(u *ui) screen {
	s := &exercisesScreen{u: u, store: exercise.NewStore(u.db)}
	s.detail = newExerciseDetail(s)
	s.list = widget.NewList(func() int { return len(s.exercises) }, newExerciseRow, s.updateExerciseRow)
	s.list.OnSelected = func(id widget.ListItemID) { s.show(s.exercises[id].ID) }
	s.newButton = widget.NewButtonWithIcon("New exercise", theme.ContentAddIcon(), s.createNew)
	left := container.NewBorder(container.NewHBox(s.newButton), nil, nil, nil, s.list)
	split := container.NewHSplit(left, s.detail.view())
	split.SetOffset(0.28)
	s.content = split
	s.reload()
	if len(s.exercises) > 0 {
		s.list.Select(0)
	}
	return s
}

func (s *exercisesScreen) view() fyne.CanvasObject { return s.content }

func newExerciseRow() fyne.CanvasObject {
	name := widget.NewLabelWithStyle("Exercise", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.Truncation = fyne.TextTruncateEllipsis
	facts := widget.NewLabel("Date")
	facts.Truncation = fyne.TextTruncateEllipsis
	return container.NewVBox(name, facts)
}

func (s *exercisesScreen) updateExerciseRow(id widget.ListItemID, o fyne.CanvasObject) {
	x := s.exercises[id]
	box := o.(*fyne.Container)
	box.Objects[0].(*widget.Label).SetText(x.Name)
	box.Objects[1].(*widget.Label).SetText(exerciseFacts(x))
}

// exerciseFacts is an exercise's line under its name in the list.
func exerciseFacts(x exercise.Summary) string {
	s := x.HeldOn.Format("Jan 2, 2006") + fmt.Sprintf(" · %d people", x.Participants)
	if x.OpenItems > 0 {
		s += fmt.Sprintf(" · %d open items", x.OpenItems)
	}
	return s
}

// reload reads the list again and keeps the chosen exercise selected.
func (s *exercisesScreen) reload() {
	list, err := s.store.List()
	if err != nil {
		s.u.showError(err)
		return
	}
	s.exercises = list
	s.list.Refresh()
	for i, x := range list {
		if x.ID == s.selected {
			s.list.Select(i)
			return
		}
	}
	s.list.UnselectAll()
}

// show opens an exercise in the detail pane.
func (s *exercisesScreen) show(id int64) {
	s.selected = id
	s.detail.load(id)
}

// exportPDF writes the after-action report of the exercise in view (Ctrl+P).
func (s *exercisesScreen) exportPDF() { s.detail.askReport() }

// createNew asks for a name, a date and the plan scenarios to use (Ctrl+N).
func (s *exercisesScreen) createNew() {
	plans, err := plan.NewStore(s.u.db).List()
	if err != nil {
		s.u.showError(err)
		return
	}
	if len(plans) == 0 {
		s.u.showInfo("No plan yet", "An exercise tests the plan's scenarios. Start a plan on the Plans screen first.")
		return
	}
	f := newExerciseForm(s, plans)
	d := dialog.NewForm("New exercise", "Create", "Cancel", f.items(), func(ok bool) {
		if ok {
			f.create()
		}
	}, s.u.win)
	d.Resize(fyne.NewSize(640, 560))
	s.u.showKeyed(d, d.Submit, d.Dismiss)
}

// exerciseForm is the form of a new exercise.
type exerciseForm struct {
	s         *exercisesScreen
	plans     []plan.Summary
	name      *widget.Entry
	date      *widget.Entry
	start     *widget.Entry
	plan      *widget.Select
	scenarios *widget.CheckGroup
	loaded    *plan.Plan
}

func newExerciseForm(s *exercisesScreen, plans []plan.Summary) *exerciseForm {
	f := &exerciseForm{s: s, plans: plans}
	f.name = widget.NewEntry()
	f.name.SetPlaceHolder("Spring tabletop exercise")
	f.name.Validator = func(v string) error {
		if strings.TrimSpace(v) == "" {
			return fmt.Errorf("the exercise needs a name")
		}
		return nil
	}
	f.date = exDateEntry(time.Now().AddDate(0, 0, 14))
	f.start = exClockEntry(9 * time.Hour)
	f.scenarios = widget.NewCheckGroup(nil, nil)
	f.plan = widget.NewSelect(labelsOf(plans, func(p plan.Summary) string { return p.Title }), f.choosePlan)
	f.plan.SetSelectedIndex(0)
	return f
}

func (f *exerciseForm) items() []*widget.FormItem {
	scroll := container.NewVScroll(f.scenarios)
	scroll.SetMinSize(fyne.NewSize(420, 220))
	return []*widget.FormItem{
		widget.NewFormItem("Name", f.name),
		{Text: "Date", Widget: f.date, HintText: "YYYY-MM-DD"},
		{Text: "Starts at", Widget: f.start, HintText: "HH:MM on the exercise clock"},
		widget.NewFormItem("Plan", f.plan),
		{Text: "Scenarios", Widget: scroll, HintText: "Each scenario brings its own script of injects"},
	}
}

// choosePlan lists the scenarios of the chosen plan.
func (f *exerciseForm) choosePlan(string) {
	i := f.plan.SelectedIndex()
	if i < 0 {
		return
	}
	p, err := plan.NewStore(f.s.u.db).Load(f.plans[i].ID)
	if err != nil {
		f.s.u.showError(err)
		return
	}
	f.loaded = p
	f.scenarios.Options = labelsOf(p.Scenarios, func(sc plan.Scenario) string { return sc.Title })
	f.scenarios.Selected = nil
	if len(p.Scenarios) > 0 {
		f.scenarios.Selected = []string{p.Scenarios[0].Title}
	}
	f.scenarios.Refresh()
}

// create saves the new exercise and opens it.
func (f *exerciseForm) create() {
	d := exercise.Draft{Name: f.name.Text}
	d.HeldOn, _ = time.Parse("2006-01-02", strings.TrimSpace(f.date.Text))
	d.StartsAt, _ = exercise.ParseClock(f.start.Text)
	if f.loaded != nil {
		for _, sc := range f.loaded.Scenarios {
			if slices.Contains(f.scenarios.Selected, sc.Title) {
				d.ScenarioIDs = append(d.ScenarioIDs, sc.ID)
			}
		}
	}
	id, err := f.s.store.Create(d)
	f.s.u.saved(err)
	if err != nil {
		return
	}
	f.s.selected = id
	f.s.reload()
	f.s.show(id)
}

// exDateEntry is an entry for a day, YYYY-MM-DD, that says when it is not one.
func exDateEntry(day time.Time) *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder("YYYY-MM-DD")
	if !day.IsZero() {
		e.SetText(day.Format("2006-01-02"))
	}
	e.Validator = func(v string) error {
		if _, err := time.Parse("2006-01-02", strings.TrimSpace(v)); err != nil {
			return fmt.Errorf("type the date as YYYY-MM-DD")
		}
		return nil
	}
	return e
}

// exOptionalDateEntry is a dateEntry that may be left empty.
func exOptionalDateEntry(day time.Time) *widget.Entry {
	e := exDateEntry(day)
	check := e.Validator
	e.Validator = func(v string) error {
		if strings.TrimSpace(v) == "" {
			return nil
		}
		return check(v)
	}
	return e
}

// exClockEntry is an entry for a time on the exercise clock, HH:MM.
func exClockEntry(at time.Duration) *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder("HH:MM")
	e.SetText(exercise.ClockText(at))
	e.Validator = func(v string) error {
		_, err := exercise.ParseClock(v)
		return err
	}
	return e
}

// exParseDay reads an entry's day; the zero time when it is empty.
func exParseDay(text string) time.Time {
	d, _ := time.Parse("2006-01-02", strings.TrimSpace(text))
	return d
}
