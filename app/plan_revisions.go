package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"electionbinder/internal/plan"
)

// currentDraft names the plan as it stands in the compare choices.
const currentDraft = "Current plan"

// revisionView shows the record of changes and compares two versions of the
// plan section by section.
type revisionView struct {
	s        *plansScreen
	revs     []plan.Revision
	from, to *widget.Select
	all      *widget.Check // show unchanged sections too, to read a whole version
	changes  []plan.Change
	list     *widget.List
	diff     *widget.RichText // the chosen change, line by line
	summary  *widget.Label
	dialog   *dialog.CustomDialog
}

// showRevisions opens the record of changes of the plan being edited.
func (s *plansScreen) showRevisions() {
	if s.plan == nil {
		return
	}
	revs, err := s.store.Revisions(s.plan.ID)
	if err != nil {
		s.u.showError(err)
		return
	}
	if len(revs) == 0 {
		s.u.showInfo("Revisions", "This plan has not been approved yet.\nApproving it records revision 1.")
		return
	}
	v := &revisionView{s: s, revs: revs}
	v.dialog = dialog.NewCustom("Record of changes", "Close", v.build(), s.u.win)
	v.dialog.Resize(fyne.NewSize(980, 640))
	s.revisions = v
	s.u.showKeyed(v.dialog, v.dialog.Hide, v.dialog.Hide)
	v.compare()
}

func (v *revisionView) build() fyne.CanvasObject {
	record := widget.NewLabel(v.recordText())
	record.Wrapping = fyne.TextWrapWord
	recordScroll := container.NewVScroll(record)
	recordScroll.SetMinSize(fyne.NewSize(0, 90))
	choices := []string{}
	for _, r := range v.revs {
		choices = append(choices, fmt.Sprintf("Revision %d", r.Number))
	}
	v.from = widget.NewSelect(choices, func(string) { v.compare() })
	v.to = widget.NewSelect(append(choices, currentDraft), func(string) { v.compare() })
	v.all = widget.NewCheck("Show unchanged sections too", func(bool) { v.compare() })
	v.from.SetSelectedIndex(len(choices) - 1)
	v.to.SetSelected(currentDraft)
	v.summary = widget.NewLabel("")
	v.diff = widget.NewRichText()
	v.diff.Wrapping = fyne.TextWrapWord
	v.list = widget.NewList(func() int { return len(v.changes) },
		func() fyne.CanvasObject { return widget.NewLabel("changed: section title") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(planChangeLabel(v.changes[i]))
		})
	v.list.OnSelected = func(i widget.ListItemID) { v.showChange(v.changes[i]) }
	body := container.NewHSplit(v.list, container.NewVScroll(v.diff))
	body.SetOffset(0.3)
	top := container.NewVBox(recordScroll,
		container.NewHBox(widget.NewLabel("Compare"), v.from, widget.NewLabel("with"), v.to, v.all), v.summary)
	return container.NewBorder(top, nil, nil, nil, body)
}

func (v *revisionView) recordText() string {
	text := ""
	for _, r := range v.revs {
		text += fmt.Sprintf("Revision %d — %s — approved by %s — %s (hash %s)\n", r.Number,
			r.ApprovedAt.Local().Format("Jan 2, 2006 15:04"), r.ApprovedBy, r.Summary, r.ContentHash[:12])
	}
	return text
}

func planChangeLabel(c plan.Change) string {
	what := "section"
	if c.IsScenario {
		what = "scenario"
	}
	return fmt.Sprintf("%s %s: %s", c.Kind, what, c.Title)
}

// compare lists what differs between the two versions chosen.
func (v *revisionView) compare() {
	if v.list == nil || v.all == nil || v.from.SelectedIndex() < 0 || v.to.SelectedIndex() < 0 {
		return
	}
	old, err := v.s.store.RevisionPlan(v.s.plan.ID, v.revs[v.from.SelectedIndex()].Number)
	if err != nil {
		v.s.u.showError(err)
		return
	}
	newer := v.s.plan
	if v.to.Selected != currentDraft {
		if newer, err = v.s.store.RevisionPlan(v.s.plan.ID, v.revs[v.to.SelectedIndex()].Number); err != nil {
			v.s.u.showError(err)
			return
		}
	}
	v.changes = v.changes[:0]
	for _, c := range plan.Compare(old, newer) {
		if c.Kind != plan.Unchanged || v.all.Checked {
			v.changes = append(v.changes, c)
		}
	}
	if len(v.changes) == 0 {
		v.summary.SetText("No differences.")
	} else {
		v.summary.SetText(fmt.Sprintf("Sections and scenarios that differ: %d. Choose one to see its lines removed (−) and added (+).", len(v.changes)))
	}
	v.diff.Segments = nil
	v.diff.Refresh()
	v.list.UnselectAll()
	v.list.Refresh()
	if len(v.changes) > 0 {
		v.list.Select(0)
	}
}

func (v *revisionView) showChange(c plan.Change) {
	head := c.Title
	if c.OldTitle != "" && c.OldTitle != c.Title && c.Kind != plan.Removed {
		head = c.OldTitle + " → " + c.Title
	}
	segs := []widget.RichTextSegment{&widget.TextSegment{Style: widget.RichTextStyleSubHeading, Text: head}, &widget.TextSegment{Style: widget.RichTextStyleParagraph}}
	for _, l := range plan.DiffLines(c.Old, c.New) {
		segs = append(segs, planDiffSegment(l))
	}
	v.diff.Segments = segs
	v.diff.Refresh()
}

// planDiffSegment shows one line of a comparison: removed lines struck through
// in the error colour, added lines in the success colour.
func planDiffSegment(l plan.DiffLine) widget.RichTextSegment {
	style := widget.RichTextStyleParagraph
	prefix := "   "
	switch l.Op {
	case plan.Deleted:
		prefix, style.ColorName, style.TextStyle.Strikethrough = "− ", theme.ColorNameError, true
	case plan.Inserted:
		prefix, style.ColorName = "+ ", theme.ColorNameSuccess
	}
	return &widget.TextSegment{Style: style, Text: prefix + l.Text}
}
