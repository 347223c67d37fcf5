package app

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"electionbinder/internal/exercise"
)

// Hot wash

func (d *exerciseDetail) findingsPane() fyne.CanvasObject {
	d.findings = newRowList("finding", d.addFinding, d.editFinding, d.deleteFinding)
	note := widget.NewLabel("Right after play: what went well, and what to improve. Each point can name the capability, objective or plan section it concerns.")
	note.Wrapping = fyne.TextWrapWord
	return container.NewBorder(note, nil, nil, nil, d.findings.view())
}

func (d *exerciseDetail) findingRow(f exercise.Finding) string {
	kind := "Strength"
	if f.Kind == exercise.Improvement {
		kind = "To improve"
	}
	return kind + " — " + f.Text + d.concerns(f.Capability, f.SectionID)
}

// concerns names the capability and plan section a point is about.
func (d *exerciseDetail) concerns(capability string, sectionID int64) string {
	var parts []string
	if capability != "" {
		parts = append(parts, capability)
	}
	if d.plan != nil {
		if s, ok := d.plan.Section(sectionID); ok {
			parts = append(parts, "“"+s.Title+"”")
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, "; ") + ")"
}

func (d *exerciseDetail) addFinding() { d.findingForm(exercise.Finding{Kind: exercise.Strength}) }

func (d *exerciseDetail) editFinding(i int) { d.findingForm(d.e.Findings[i]) }

func (d *exerciseDetail) deleteFinding(i int) {
	f := d.e.Findings[i]
	d.s.u.deleteAfterAsking("Delete finding", fmt.Sprintf("Delete %q from the hot wash?", f.Text),
		func() error { return d.s.store.DeleteFinding(f.ID) }, d.reload)
}

func (d *exerciseDetail) findingForm(f exercise.Finding) {
	kind := widget.NewRadioGroup([]string{"Strength", "Area for improvement"}, nil)
	kind.Horizontal = true
	kind.SetSelected("Strength")
	if f.Kind == exercise.Improvement {
		kind.SetSelected("Area for improvement")
	}
	text := exMultiLine(f.Text)
	objective, objectiveAt := d.objectiveSelect(f.ObjectiveID)
	capability := widget.NewSelectEntry(exercise.Capabilities)
	capability.SetText(f.Capability)
	section, sectionAt := d.sectionSelect(f.SectionID)
	items := []*widget.FormItem{
		widget.NewFormItem("Kind", kind),
		widget.NewFormItem("What", text),
		widget.NewFormItem("Objective", objective),
		widget.NewFormItem("Capability", capability),
		widget.NewFormItem("Plan section", section),
	}
	d.s.u.formDialog("Hot wash", items, func() error {
		f.Kind = exercise.Strength
		if kind.Selected == "Area for improvement" {
			f.Kind = exercise.Improvement
		}
		f.Text, f.ObjectiveID, f.Capability, f.SectionID = text.Text, objectiveAt(), capability.Text, sectionAt()
		var err error
		if f.ID == 0 {
			_, err = d.s.store.AddFinding(d.e.ID, f)
		} else {
			err = d.s.store.UpdateFinding(f)
		}
		if err == nil {
			d.reload()
		}
		return err
	})
}

// objectiveSelect is a select of the exercise's objectives with "none"
// first, and a function that returns the chosen objective's id.
func (d *exerciseDetail) objectiveSelect(chosen int64) (*widget.Select, func() int64) {
	ids := make([]int64, len(d.e.Objectives))
	for i, o := range d.e.Objectives {
		ids[i] = o.ID
	}
	sel := widget.NewSelect(append([]string{"(none)"}, labelsOf(d.e.Objectives, func(o exercise.Objective) string { return o.Text })...), nil)
	sel.SetSelectedIndex(slices.Index(ids, chosen) + 1)
	return sel, func() int64 {
		if i := sel.SelectedIndex(); i > 0 {
			return ids[i-1]
		}
		return 0
	}
}

// Improvement plan

func itemRow(it exercise.Item) string {
	s := fmt.Sprintf("#%d  %s", it.ID, it.Status())
	if it.Owner != "" {
		s += " · " + it.Owner
	}
	if !it.Due.IsZero() {
		s += " · due " + it.Due.Format("2006-01-02")
	}
	return s + " — " + it.Issue
}

func (d *exerciseDetail) itemsPane() fyne.CanvasObject {
	d.closeBtn = widget.NewButtonWithIcon("Close or reopen", theme.ConfirmIcon(), func() { d.items.act(d.toggleItem) })
	d.items = newRowList("item", d.addItem, d.editItem, d.deleteItem, d.closeBtn)
	note := widget.NewLabel("Each open item is a gap of the plan (Plans screen and binder plans check) until it is closed.")
	note.Wrapping = fyne.TextWrapWord
	return container.NewBorder(note, nil, nil, nil, d.items.view())
}

func (d *exerciseDetail) addItem() { d.itemForm(exercise.Item{}) }

func (d *exerciseDetail) editItem(i int) { d.itemForm(d.e.Items[i]) }

func (d *exerciseDetail) deleteItem(i int) {
	it := d.e.Items[i]
	d.s.u.deleteAfterAsking("Delete item", fmt.Sprintf("Delete improvement item #%d, %q?", it.ID, it.Issue),
		func() error { return d.s.store.DeleteItem(it.ID) }, d.reload)
}

// toggleItem closes an open item in the name of the clerk in Settings, or
// reopens a closed one.
func (d *exerciseDetail) toggleItem(i int) {
	it := d.e.Items[i]
	var err error
	if it.Closed {
		err = d.s.store.ReopenItem(it.ID)
	} else {
		err = d.s.store.CloseItem(it.ID, d.closer())
	}
	d.s.u.saved(err)
	d.reload()
}

// closer is who closes items from the window: the clerk named in Settings.
func (d *exerciseDetail) closer() string {
	p, err := d.s.u.settings.LoadProfile()
	if err != nil || strings.TrimSpace(p.ClerkName) == "" {
		return "the clerk's office"
	}
	return p.ClerkName
}

func (d *exerciseDetail) itemForm(it exercise.Item) {
	issue := exMultiLine(it.Issue)
	action := exMultiLine(it.Action)
	capability := widget.NewSelectEntry(exercise.Capabilities)
	capability.SetText(it.Capability)
	section, sectionAt := d.sectionSelect(it.SectionID)
	owner := d.personSelect(it.OwnerID)
	due := exOptionalDateEntry(it.Due)
	items := []*widget.FormItem{
		widget.NewFormItem("Issue", issue),
		widget.NewFormItem("Corrective action", action),
		widget.NewFormItem("Capability", capability),
		widget.NewFormItem("Plan section", section),
		widget.NewFormItem("Owner", owner),
		{Text: "Due", Widget: due, HintText: "YYYY-MM-DD"},
	}
	d.s.u.formDialog("Improvement item", items, func() error {
		it.Issue, it.Action, it.Capability, it.SectionID = issue.Text, action.Text, capability.Text, sectionAt()
		it.OwnerID, it.Due = d.personAt(owner.SelectedIndex()), exParseDay(due.Text)
		var err error
		if it.ID == 0 {
			_, err = d.s.store.AddItem(d.e.ID, it)
		} else {
			err = d.s.store.UpdateItem(it)
		}
		if err == nil {
			d.reload()
		}
		return err
	})
}
