package app

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"electionbinder/internal/plan"
)

// scenarioPane lists the plan's mock incident scenarios, with buttons to
// add, move and remove them.
type scenarioPane struct {
	s                     *plansScreen
	list                  *widget.List
	selected              int64
	add, up, down, remove *widget.Button
	confirm               *question
}

func newScenarioPane(s *plansScreen) *scenarioPane {
	p := &scenarioPane{s: s}
	p.list = widget.NewList(
		func() int {
			if s.plan == nil {
				return 0
			}
			return len(s.plan.Scenarios)
		},
		func() fyne.CanvasObject { return widget.NewLabel("Scenario title") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(s.plan.Scenarios) {
				sc := s.plan.Scenarios[i]
				o.(*widget.Label).SetText(fmt.Sprintf("%s (%s)", sc.Title, sc.Severity))
			}
		})
	p.list.OnSelected = func(i widget.ListItemID) {
		if i >= len(s.plan.Scenarios) {
			return
		}
		p.selected = s.plan.Scenarios[i].ID
		s.tree.selected = 0
		s.tree.tree.UnselectAll()
		s.scenario.edit(p.selected)
	}
	p.add = widget.NewButtonWithIcon("Scenario", theme.ContentAddIcon(), p.addScenario)
	p.up = widget.NewButtonWithIcon("Up", theme.MoveUpIcon(), func() { p.move(-1) })
	p.down = widget.NewButtonWithIcon("Down", theme.MoveDownIcon(), func() { p.move(1) })
	p.remove = widget.NewButtonWithIcon("Remove", theme.DeleteIcon(), p.askRemove)
	return p
}

func (p *scenarioPane) view() fyne.CanvasObject {
	top := container.NewHBox(p.add, p.up, p.down, p.remove)
	return container.NewBorder(top, nil, nil, nil, p.list)
}

func (p *scenarioPane) reload() {
	if p.s.scenarioIndex(p.selected) < 0 {
		p.selected = 0
		p.list.UnselectAll()
	}
	p.list.Refresh()
}

func (p *scenarioPane) selectScenario(id int64) {
	if i := p.s.scenarioIndex(id); i >= 0 {
		p.selected = 0
		p.s.left.SelectIndex(1)
		p.list.Select(i)
		p.list.ScrollTo(i)
	}
}

func (p *scenarioPane) addScenario() {
	if p.s.plan == nil {
		return
	}
	id, err := p.s.store.AddScenario(p.s.plan.ID, plan.Scenario{Title: "New scenario", Level: plan.County, Severity: plan.Moderate})
	p.s.u.saved(err)
	if err == nil {
		p.s.reloadPlan(0, id)
	}
}

func (p *scenarioPane) move(delta int) {
	if p.selected == 0 {
		return
	}
	id := p.selected
	err := p.s.store.MoveScenario(id, delta)
	p.s.u.saved(err)
	if err == nil {
		p.s.reloadPlan(0, id)
	}
}

func (p *scenarioPane) askRemove() {
	i := p.s.scenarioIndex(p.selected)
	if i < 0 {
		return
	}
	id := p.selected
	p.confirm = p.s.u.askDestructive("Remove scenario?", "Remove the scenario “"+p.s.plan.Scenarios[i].Title+"” and all its steps?", "Remove",
		func(ok bool) {
			p.confirm = nil
			if !ok {
				return
			}
			err := p.s.store.DeleteScenario(id)
			p.s.u.saved(err)
			if err == nil {
				p.s.reloadPlan(0, 0)
			}
		})
}

// scenarioEditor edits one scenario: title, level of government, severity,
// what it looks like, and its ordered response and communications steps.
type scenarioEditor struct {
	s           *plansScreen
	id          int64
	title       *widget.Entry
	level       *widget.Select
	severity    *widget.Select
	description *widget.Entry
	doNotSay    *widget.Entry
	standDown   *widget.Entry
	response    *stepList
	comms       *stepList
	content     fyne.CanvasObject
}

func newScenarioEditor(s *plansScreen) *scenarioEditor {
	e := &scenarioEditor{s: s}
	e.title = widget.NewEntry()
	e.title.OnChanged = func(string) { e.save() }
	e.level = widget.NewSelect(stringsOf(plan.Levels), func(string) { e.save() })
	e.severity = widget.NewSelect(stringsOf(plan.Severities), func(string) { e.save() })
	e.description = widget.NewMultiLineEntry()
	e.description.Wrapping = fyne.TextWrapWord
	e.description.SetMinRowsVisible(3)
	e.description.SetPlaceHolder("What the incident looks like when it starts")
	e.description.OnChanged = func(string) { e.save() }
	e.doNotSay = markdownEntry("Claims to avoid until they are confirmed, one per line starting with “- ”", e.save)
	e.standDown = markdownEntry("When the response ends and who decides", e.save)
	e.response = newStepList(e, plan.Response)
	e.comms = newStepList(e, plan.Communication)
	form := widget.NewForm(
		widget.NewFormItem("Scenario", e.title),
		widget.NewFormItem("Level", container.NewGridWithColumns(3, e.level, widget.NewLabel("Severity"), e.severity)),
		widget.NewFormItem("What it looks like", e.description),
	)
	e.content = container.NewVScroll(container.NewVBox(form,
		widget.NewCard("", "Response steps, in order, each with the role responsible", e.response.view()),
		widget.NewCard("", "Communications: who tells whom, and with which statement", e.comms.view()),
		widget.NewForm(widget.NewFormItem("What not to say", e.doNotSay), widget.NewFormItem("Stand down", e.standDown)),
	))
	return e
}

// edit shows the scenario with the given id.
func (e *scenarioEditor) edit(id int64) {
	i := e.s.scenarioIndex(id)
	if i < 0 {
		return
	}
	sc := e.s.plan.Scenarios[i]
	e.id = id
	e.s.loading = true
	e.title.SetText(sc.Title)
	e.level.SetSelected(string(sc.Level))
	e.severity.SetSelected(string(sc.Severity))
	e.description.SetText(sc.Description)
	e.doNotSay.SetText(sc.DoNotSay)
	e.standDown.SetText(sc.StandDown)
	e.response.fill(sc.Response)
	e.comms.fill(sc.Communications)
	e.s.loading = false
	e.s.editor.Objects = []fyne.CanvasObject{e.content}
	e.s.editor.Refresh()
}

// save writes the scenario as the widgets show it.
func (e *scenarioEditor) save() {
	i := e.s.scenarioIndex(e.id)
	if e.s.loading || i < 0 {
		return
	}
	sc := e.s.plan.Scenarios[i]
	if strings.TrimSpace(e.title.Text) != "" { // a title being retyped keeps the old one meanwhile
		sc.Title = e.title.Text
	}
	sc.Description, sc.DoNotSay, sc.StandDown = e.description.Text, e.doNotSay.Text, e.standDown.Text
	sc.Level, sc.Severity = plan.Level(e.level.Selected), plan.Severity(e.severity.Selected)
	sc.Response, sc.Communications = e.response.steps(), e.comms.steps()
	saved, err := e.s.store.UpdateScenario(sc)
	if err == nil {
		e.s.plan.Scenarios[i] = saved
		e.response.keepUUIDs(saved.Response)
		e.comms.keepUUIDs(saved.Communications)
		e.s.scen.list.RefreshItem(i)
		e.s.markEdited()
	}
	e.s.u.saved(err)
}

// stepList edits the ordered steps of one kind.
type stepList struct {
	e    *scenarioEditor
	kind plan.StepKind
	rows []*stepRow
	box  *fyne.Container
	add  *widget.Button
}

// stepRow is one step's widgets; uuid keeps the step's identity.
type stepRow struct {
	uuid      string
	timeBox   *widget.Select // when: first 15 minutes, first hour …
	condition *widget.Entry  // "if …": the step applies only then
	role      *widget.SelectEntry
	holder    *widget.Label // who holds the role, from the call tree
	action    *widget.Entry // the action of a response step
	audience  *widget.Entry // whom a communications step tells
	statement *widget.Entry // what a communications step says
}

func newStepList(e *scenarioEditor, kind plan.StepKind) *stepList {
	l := &stepList{e: e, kind: kind, box: container.NewVBox()}
	l.add = widget.NewButtonWithIcon("Add a step", theme.ContentAddIcon(), func() {
		l.rows = append(l.rows, l.newRow(plan.Step{Kind: kind}))
		l.layout()
		l.e.save()
	})
	return l
}

func (l *stepList) view() fyne.CanvasObject {
	return container.NewVBox(l.box, container.NewHBox(l.add))
}

func (l *stepList) fill(steps []plan.Step) {
	l.rows = l.rows[:0]
	for _, st := range steps {
		l.rows = append(l.rows, l.newRow(st))
	}
	l.layout()
}

func (l *stepList) newRow(st plan.Step) *stepRow {
	r := &stepRow{uuid: st.UUID}
	changed := func(string) { l.e.save() }
	r.timeBox = widget.NewSelect(timeBoxLabels(), nil)
	r.timeBox.PlaceHolder = "When?"
	r.timeBox.SetSelected(st.TimeBox.Label())
	r.timeBox.OnChanged = changed
	r.condition = widget.NewEntry()
	r.condition.SetPlaceHolder("only if … (leave blank when it always applies)")
	r.condition.SetText(st.Condition)
	r.condition.OnChanged = changed
	r.role = widget.NewSelectEntry(l.e.s.roleOptions())
	r.role.SetPlaceHolder("role")
	r.role.SetText(l.e.s.roleName(st.Role))
	r.holder = widget.NewLabel("")
	r.holder.TextStyle.Italic = true
	r.holder.Truncation = fyne.TextTruncateEllipsis
	l.e.s.showHolder(r)
	r.role.OnChanged = func(string) {
		l.e.s.showHolder(r)
		l.e.save()
	}
	if l.kind == plan.Response {
		r.action = stepEntry()
		r.action.SetPlaceHolder("what to do")
		r.action.SetText(st.Action)
		r.action.OnChanged = changed
	} else {
		r.audience = widget.NewEntry()
		r.audience.SetPlaceHolder("tells whom")
		r.audience.SetText(st.Audience)
		r.audience.OnChanged = changed
		r.statement = stepEntry()
		r.statement.SetPlaceHolder("what they say: the message or holding statement")
		r.statement.SetText(st.Statement)
		r.statement.OnChanged = changed
	}
	return r
}

// layout rebuilds the rows on screen, numbered, with move and remove buttons.
func (l *stepList) layout() {
	objs := make([]fyne.CanvasObject, 0, len(l.rows))
	for i, r := range l.rows {
		i := i
		buttons := container.NewHBox(
			widget.NewButtonWithIcon("Up", theme.MoveUpIcon(), func() { l.move(i, -1) }),
			widget.NewButtonWithIcon("Down", theme.MoveDownIcon(), func() { l.move(i, 1) }),
			widget.NewButtonWithIcon("Remove", theme.DeleteIcon(), func() { l.removeAt(i) }),
		)
		role := container.NewGridWrap(fyne.NewSize(220, r.role.MinSize().Height), r.role)
		head := container.NewBorder(nil, nil, container.NewHBox(widget.NewLabel(strconv.Itoa(i+1)+"."), role), buttons, r.holder)
		when := container.NewGridWrap(fyne.NewSize(175, r.timeBox.MinSize().Height), r.timeBox)
		condition := container.NewBorder(nil, nil, container.NewHBox(when, widget.NewLabel("If")), nil, r.condition)
		text := fyne.CanvasObject(r.action)
		if l.kind == plan.Communication {
			tells := container.NewHBox(widget.NewLabel("tells"), container.NewGridWrap(fyne.NewSize(180, r.audience.MinSize().Height), r.audience))
			text = container.NewBorder(nil, nil, tells, nil, r.statement)
		}
		objs = append(objs, container.NewBorder(container.NewVBox(head, condition), nil, nil, nil, text))
	}
	l.box.Objects = objs
	l.box.Refresh()
}

func (l *stepList) move(i, delta int) {
	j := i + delta
	if j < 0 || j >= len(l.rows) {
		return
	}
	l.rows[i], l.rows[j] = l.rows[j], l.rows[i]
	l.layout()
	l.e.save()
}

func (l *stepList) removeAt(i int) {
	l.rows = append(l.rows[:i], l.rows[i+1:]...)
	l.layout()
	l.e.save()
}

func (l *stepList) steps() []plan.Step {
	out := make([]plan.Step, 0, len(l.rows))
	for _, r := range l.rows {
		tb, _ := plan.ParseTimeBox(r.timeBox.Selected)
		st := plan.Step{UUID: r.uuid, Kind: l.kind, Role: l.e.s.roleSlug(r.role.Text), TimeBox: tb, Condition: r.condition.Text}
		if l.kind == plan.Response {
			st.Action = r.action.Text
		} else {
			st.Audience, st.Statement = r.audience.Text, r.statement.Text
		}
		out = append(out, st)
	}
	return out
}

// keepUUIDs remembers the UUIDs the store gave to new steps.
func (l *stepList) keepUUIDs(saved []plan.Step) {
	for i := range min(len(saved), len(l.rows)) {
		l.rows[i].uuid = saved[i].UUID
	}
}

// roleOptions are the directory's role names, for the steps' role fields.
func (s *plansScreen) roleOptions() []string {
	if s.resolver == nil {
		return nil
	}
	return labelsOf(s.resolver.RoleSlugs(), s.roleName)
}

// roleName is the name of the role a step names by its slug, or the slug
// itself when the directory has no such role.
func (s *plansScreen) roleName(slug string) string {
	if s.resolver != nil {
		if e, ok := s.resolver.Role(slug); ok {
			return e.Role.Name
		}
	}
	return slug
}

// roleSlug is the slug of the role with the name typed or chosen; text that
// names no role (a slug typed as such, or a role still to be added) is kept.
func (s *plansScreen) roleSlug(name string) string {
	name = strings.TrimSpace(name)
	if s.resolver != nil {
		for _, slug := range s.resolver.RoleSlugs() {
			if e, _ := s.resolver.Role(slug); strings.EqualFold(e.Role.Name, name) {
				return slug
			}
		}
	}
	return name
}

// timeBoxLabels are the choices of a step's time box, with a blank for none.
func timeBoxLabels() []string {
	out := []string{""}
	for _, t := range plan.TimeBoxes {
		out = append(out, t.Label())
	}
	return out
}

// markdownEntry is a wrapping multi-line field that saves as it is typed.
func markdownEntry(placeholder string, save func()) *widget.Entry {
	e := widget.NewMultiLineEntry()
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(2)
	e.SetPlaceHolder(placeholder)
	e.OnChanged = func(string) { save() }
	return e
}

// stepEntry is a field for a step's text that wraps, so a long step shows whole.
func stepEntry() *widget.Entry {
	e := widget.NewMultiLineEntry()
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(2)
	return e
}

// showHolder shows beside a step's role who holds it now, or that nobody does.
func (s *plansScreen) showHolder(r *stepRow) {
	slug := s.roleSlug(r.role.Text)
	var text string
	if s.resolver != nil && slug != "" {
		entry, ok := s.resolver.Role(slug)
		switch primary, has := entry.Primary(); {
		case !ok:
			text = "not in the directory"
		case !has:
			text = "nobody holds this role"
		default:
			text = primary.Name
		}
	}
	r.holder.SetText(text)
}
