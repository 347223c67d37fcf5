package app

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"electionbinder/internal/plan"
)

// sectionTree is the plan's outline: a tree of sections with buttons to
// add, move, indent, outdent and remove them, and a filter (Ctrl+F) that
// jumps to the first section whose title matches.
type sectionTree struct {
	s        *plansScreen
	tree     *widget.Tree
	filter   *widget.Entry
	children map[int64][]int64
	byID     map[int64]plan.Section
	selected int64

	add, addUnder, up, down, indent, outdent, remove, undo *widget.Button
	confirm                                                *question            // the open "remove?" question, if any
	removed                                                *plan.RemovedSection // what Undo puts back
}

func newSectionTree(s *plansScreen) *sectionTree {
	t := &sectionTree{s: s, children: map[int64][]int64{}, byID: map[int64]plan.Section{}}
	t.tree = widget.NewTree(t.childUIDs, t.isBranch,
		func(bool) fyne.CanvasObject { return widget.NewLabel("Section title") },
		func(uid widget.TreeNodeID, _ bool, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(t.byID[sectionNodeID(uid)].Title)
		})
	t.tree.OnSelected = func(uid widget.TreeNodeID) {
		id := sectionNodeID(uid)
		if id != t.selected {
			t.selected = id
			s.scen.list.UnselectAll()
			s.section.edit(id)
		}
	}
	t.filter = widget.NewEntry()
	t.filter.SetPlaceHolder("Find a section or scenario (Ctrl+F)")
	t.filter.OnChanged = t.find
	t.add = widget.NewButtonWithIcon("Section", theme.ContentAddIcon(), t.addAfter)
	t.addUnder = widget.NewButtonWithIcon("Subsection", theme.ContentAddIcon(), t.addChild)
	t.up = widget.NewButtonWithIcon("Up", theme.MoveUpIcon(), func() { t.reshape(func(id int64) error { return s.store.MoveSection(id, -1) }) })
	t.down = widget.NewButtonWithIcon("Down", theme.MoveDownIcon(), func() { t.reshape(func(id int64) error { return s.store.MoveSection(id, 1) }) })
	t.indent = widget.NewButtonWithIcon("In", theme.NavigateNextIcon(), func() { t.reshape(s.store.IndentSection) })
	t.outdent = widget.NewButtonWithIcon("Out", theme.NavigateBackIcon(), func() { t.reshape(s.store.OutdentSection) })
	t.remove = widget.NewButtonWithIcon("Remove", theme.DeleteIcon(), t.askRemove)
	t.undo = widget.NewButtonWithIcon("Undo", theme.ContentUndoIcon(), t.undoRemove)
	t.undo.Disable()
	return t
}

func (t *sectionTree) view() fyne.CanvasObject {
	top := container.NewVBox(widget.NewLabelWithStyle("Sections", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), t.filter,
		container.NewHBox(t.add, t.addUnder, t.remove, t.undo),
		container.NewHBox(t.up, t.down, t.outdent, t.indent))
	return container.NewBorder(top, nil, nil, nil, t.tree)
}

func sectionNodeID(uid widget.TreeNodeID) int64 {
	id, _ := strconv.ParseInt(uid, 10, 64)
	return id
}

func sectionNodeUID(id int64) widget.TreeNodeID { return strconv.FormatInt(id, 10) }

func (t *sectionTree) childUIDs(uid widget.TreeNodeID) []widget.TreeNodeID {
	var parent int64
	if uid != "" {
		parent = sectionNodeID(uid)
	}
	ids := t.children[parent]
	out := make([]widget.TreeNodeID, len(ids))
	for i, id := range ids {
		out[i] = sectionNodeUID(id)
	}
	return out
}

func (t *sectionTree) isBranch(uid widget.TreeNodeID) bool {
	return uid == "" || len(t.children[sectionNodeID(uid)]) > 0
}

// reload rebuilds the tree from the plan in memory, keeping branches open.
func (t *sectionTree) reload() {
	t.children = map[int64][]int64{}
	t.byID = map[int64]plan.Section{}
	for _, sec := range t.s.plan.Sections {
		t.children[sec.ParentID] = append(t.children[sec.ParentID], sec.ID)
		t.byID[sec.ID] = sec
	}
	if _, ok := t.byID[t.selected]; !ok {
		t.selected = 0
		t.tree.UnselectAll()
	}
	t.tree.OpenAllBranches()
	t.tree.Refresh()
}

// selectSection selects and shows a section, opening the branches above it.
func (t *sectionTree) selectSection(id int64) {
	for p := t.byID[id].ParentID; p != 0; p = t.byID[p].ParentID {
		t.tree.OpenBranch(sectionNodeUID(p))
	}
	t.selected = 0
	t.tree.Select(sectionNodeUID(id))
	t.tree.ScrollTo(sectionNodeUID(id))
}

// retitle updates one row after the section was renamed in the editor.
func (t *sectionTree) retitle(id int64, title string) {
	sec := t.byID[id]
	sec.Title = title
	t.byID[id] = sec
	t.tree.RefreshItem(sectionNodeUID(id))
}

func (t *sectionTree) focusFilter() { focusPlanField(t.filter) }

// focusPlanField puts the keyboard focus on a widget shown in a window.
func focusPlanField(w interface {
	fyne.Focusable
	fyne.CanvasObject
}) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(w); c != nil {
		c.Focus(w)
	}
}

// find selects the first section, or else the first scenario, whose title
// contains the text typed.
func (t *sectionTree) find(text string) {
	text = strings.ToLower(strings.TrimSpace(text))
	if text == "" || t.s.plan == nil {
		return
	}
	for _, sec := range t.s.plan.Sections {
		if strings.Contains(strings.ToLower(sec.Title), text) {
			t.selectSection(sec.ID)
			return
		}
	}
	for _, sc := range t.s.plan.Scenarios {
		if strings.Contains(strings.ToLower(sc.Title), text) {
			t.s.scen.selectScenario(sc.ID)
			return
		}
	}
}

func (t *sectionTree) addAfter() {
	if t.s.plan == nil {
		return
	}
	parent := int64(0)
	if t.selected != 0 {
		parent = t.byID[t.selected].ParentID
	}
	id, err := t.s.store.AddSection(t.s.plan.ID, parent, t.selected, "New section")
	t.afterAdd(id, err)
}

func (t *sectionTree) addChild() {
	if t.s.plan == nil || t.selected == 0 {
		return
	}
	id, err := t.s.store.AddSection(t.s.plan.ID, t.selected, 0, "New section")
	t.afterAdd(id, err)
}

func (t *sectionTree) afterAdd(id int64, err error) {
	t.s.u.saved(err)
	if err != nil {
		return
	}
	t.s.reloadPlan(id, 0)
	t.s.section.focusTitle()
}

// reshape applies a change of place to the selected section.
func (t *sectionTree) reshape(change func(id int64) error) {
	id := t.selected
	if id == 0 {
		return
	}
	err := change(id)
	t.s.u.saved(err)
	if err == nil {
		t.s.reloadPlan(id, 0)
	}
}

func (t *sectionTree) askRemove() {
	id := t.selected
	if id == 0 {
		return
	}
	sec := t.byID[id]
	msg := "Remove the section “" + sec.Title + "”?"
	if n := t.countUnder(id); n > 0 {
		msg += "\nThe " + strconv.Itoa(n) + " sections under it go with it."
	}
	t.confirm = t.s.u.askDestructive("Remove section?", msg+"\n\nUndo puts it back.", "Remove", func(ok bool) {
		t.confirm = nil
		if ok {
			t.removeSection(id)
		}
	})
}

func (t *sectionTree) countUnder(id int64) int {
	n := 0
	for _, c := range t.children[id] {
		n += 1 + t.countUnder(c)
	}
	return n
}

func (t *sectionTree) removeSection(id int64) {
	removed, err := t.s.store.DeleteSection(id)
	t.s.u.saved(err)
	if err != nil {
		return
	}
	t.removed = &removed
	t.undo.Enable()
	t.s.u.offerUndo("Removed “"+removed.Sections[0].Title+"”.", func() error {
		t.undoRemove()
		return nil
	})
	t.s.reloadPlan(0, 0)
}

func (t *sectionTree) undoRemove() {
	if t.removed == nil {
		return
	}
	err := t.s.store.RestoreSection(*t.removed)
	t.s.u.saved(err)
	if err != nil {
		return
	}
	if t.s.plan == nil || t.s.plan.ID != t.removed.PlanID { // the clerk moved to another plan since
		t.s.reloadList(t.removed.PlanID)
	}
	id := t.removed.Sections[0].ID
	t.removed = nil
	t.undo.Disable()
	t.s.reloadPlan(id, 0)
}
