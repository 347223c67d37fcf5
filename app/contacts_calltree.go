package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"electionbinder/internal/contacts"
)

// callTreeView shows every incident role with its primary and backups in
// calling order, marks the gaps, and edits roles and their holders.
type callTreeView struct {
	s       *contactsScreen
	entries []contacts.CallTreeEntry
	cards   *fyne.Container
	summary *widget.Label
	content fyne.CanvasObject
	picker  *holderPicker // the open "Add a holder" dialog, for tests
}

func newCallTreeView(s *contactsScreen) *callTreeView {
	v := &callTreeView{s: s, cards: container.NewVBox(), summary: widget.NewLabel("")}
	v.summary.Wrapping = fyne.TextWrapWord
	add := widget.NewButtonWithIcon("New role…", theme.ContentAddIcon(), v.askNewRole)
	top := container.NewBorder(nil, nil, nil, add, v.summary)
	v.content = container.NewBorder(top, nil, nil, nil, container.NewVScroll(v.cards))
	return v
}

func (v *callTreeView) view() fyne.CanvasObject { return v.content }

// refresh reads the call tree again and rebuilds the role cards.
func (v *callTreeView) refresh() {
	tree, err := v.s.store.CallTree()
	if err != nil {
		v.s.u.showError(err)
		return
	}
	v.entries = tree
	gaps := contacts.Gaps(tree)
	v.s.showGaps(gaps)
	if len(gaps) == 0 {
		v.summary.SetText(fmt.Sprintf("All %d roles have a primary and a backup. This is the call tree the binder prints.", len(tree)))
	} else {
		var lacks []string
		for _, g := range gaps {
			lacks = append(lacks, g.Role.Name+" ("+strings.ToLower(g.Gap())+")")
		}
		v.summary.SetText(fmt.Sprintf("Needs attention: %s. Each role should have a primary and at least one backup; the binder prints this call tree.",
			strings.Join(lacks, ", ")))
	}
	v.cards.Objects = nil
	for i, e := range tree {
		v.cards.Add(v.card(i, e))
	}
	v.cards.Refresh()
}

// card is one role: its holders with buttons to reorder and remove them,
// its gap, and buttons to add a holder, rename, move or delete the role.
func (v *callTreeView) card(index int, e contacts.CallTreeEntry) fyne.CanvasObject {
	rows := container.NewVBox()
	ids, err := v.s.store.HolderIDs(e.Role.ID)
	if err != nil {
		v.s.u.showError(err)
	}
	rank := 0
	for i, id := range ids {
		c, ok := v.s.index.Get(id)
		if !ok {
			continue
		}
		place := contacts.Holding{Rank: rank}.Label()
		if c.Active {
			rank++
		} else {
			place = "Retired"
		}
		rows.Add(v.holderRow(e.Role, i, len(ids), place, c))
	}
	if gap := e.Gap(); gap != "" {
		warn := widget.NewLabel(gap + ": add someone to call.")
		warn.Importance = widget.DangerImportance
		rows.Add(container.NewHBox(widget.NewIcon(theme.ErrorIcon()), warn))
	}
	role := e.Role
	addHolder := widget.NewButtonWithIcon("Add a holder…", theme.ContentAddIcon(), func() { v.pick(role) })
	return widget.NewCard("", "", container.NewVBox(v.roleHeader(index, role), rows, container.NewHBox(addHolder)))
}

// roleHeader is the role's name and what it does, with buttons to move,
// rename or delete the role itself.
func (v *callTreeView) roleHeader(index int, role contacts.Role) fyne.CanvasObject {
	up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { v.s.changeRoles(v.s.store.MoveRole(role.ID, -1)) })
	down := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { v.s.changeRoles(v.s.store.MoveRole(role.ID, 1)) })
	if index == 0 {
		up.Disable()
	}
	if index == len(v.entries)-1 {
		down.Disable()
	}
	rename := widget.NewButtonWithIcon("Rename…", theme.DocumentCreateIcon(), func() { v.askRename(role) })
	del := widget.NewButtonWithIcon("Delete…", theme.DeleteIcon(), func() { v.askDelete(role) })
	for _, b := range []*widget.Button{up, down, rename, del} {
		b.Importance = widget.LowImportance
	}
	title := widget.NewLabelWithStyle(role.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	title.Truncation = fyne.TextTruncateEllipsis
	about := "In plans: {{role:" + role.Slug + "}}"
	if role.Description != "" {
		about = role.Description + "   ·   " + about
	}
	sub := widget.NewLabel(about)
	sub.Importance = widget.LowImportance
	sub.Truncation = fyne.TextTruncateEllipsis
	return container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(up, down, rename, del), title), sub)
}

// holderRow is one person in a role's calling order.
// A retired holder keeps its place but is skipped when calling.
func (v *callTreeView) holderRow(role contacts.Role, at, count int, label string, c contacts.Contact) fyne.CanvasObject {
	place := widget.NewLabelWithStyle(label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	var phones []string
	for _, p := range c.Phones() {
		phones = append(phones, p.Label+" "+p.Number)
	}
	text := c.Name
	if c.Organization != "" {
		text += " (" + c.Organization + ")"
	}
	if len(phones) > 0 {
		text += " — " + strings.Join(phones, ", ")
	} else {
		text += " — no phone number yet"
	}
	if !c.Active {
		text += " (retired: skipped when calling)"
	}
	who := widget.NewLabel(text)
	who.Truncation = fyne.TextTruncateEllipsis
	if !c.Active {
		place.Importance, who.Importance = widget.LowImportance, widget.LowImportance
	}
	up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { v.s.changeRoles(v.s.store.MoveHolder(role.ID, c.ID, -1)) })
	down := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { v.s.changeRoles(v.s.store.MoveHolder(role.ID, c.ID, 1)) })
	if at == 0 {
		up.Disable()
	}
	if at == count-1 {
		down.Disable()
	}
	open := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { v.s.open(c.ID) })
	remove := widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), func() { v.removeHolder(role, c) })
	return container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(90, place.MinSize().Height), place),
		container.NewHBox(up, down, remove, open), who)
}

func (v *callTreeView) askNewRole() {
	name, desc := newFormEntry(), newFormEntry()
	name.SetPlaceHolder("Poll-worker coordinator")
	desc.SetPlaceHolder("What this role does in an incident")
	d := dialog.NewForm("New role", "Add", "Cancel", []*widget.FormItem{
		widget.NewFormItem("Name", name), widget.NewFormItem("What it does", desc),
	}, func(ok bool) {
		if ok {
			_, err := v.s.store.AddRole(name.Text, desc.Text)
			v.s.changeRoles(err)
		}
	}, v.s.u.win)
	v.s.u.showForm(d, name, desc)
}

func (v *callTreeView) askRename(r contacts.Role) {
	name, desc := newFormEntry(), newFormEntry()
	name.SetText(r.Name)
	desc.SetText(r.Description)
	d := dialog.NewForm("Rename role", "Save", "Cancel", []*widget.FormItem{
		widget.NewFormItem("Name", name), widget.NewFormItem("What it does", desc),
		widget.NewFormItem("In plans", widget.NewLabel("{{role:"+r.Slug+"}} (stays the same)")),
	}, func(ok bool) {
		if ok {
			v.s.changeRoles(v.s.store.RenameRole(r.ID, name.Text, desc.Text))
		}
	}, v.s.u.win)
	v.s.u.showForm(d, name, desc)
}

func (v *callTreeView) askDelete(r contacts.Role) {
	v.s.u.askDestructive("Delete role?", fmt.Sprintf("Delete the role %q and its call order?\n"+
		"Plans that use {{role:%s}} will show it as missing.", r.Name, r.Slug), "Delete", func(ok bool) {
		if ok {
			v.s.changeRoles(v.s.store.DeleteRole(r.ID))
		}
	})
}

// pick opens a searchable list of contacts; the one chosen joins the role
// at the end of its calling order.
func (v *callTreeView) pick(role contacts.Role) {
	v.picker = newHolderPicker(v.s, role)
	v.s.u.showKeyed(v.picker.dialog, v.picker.dialog.Hide, v.picker.dialog.Hide)
}

// holderPicker is the dialog that adds a holder to a role.
type holderPicker struct {
	search *formEntry
	list   *widget.List
	ids    []int64
	dialog dialog.Dialog
}

func newHolderPicker(s *contactsScreen, role contacts.Role) *holderPicker {
	p := &holderPicker{search: newFormEntry()}
	p.search.SetPlaceHolder("Search the directory")
	find := func(q string) {
		p.ids = s.index.SearchIDs(contacts.Filter{Search: q})
		p.list.Refresh()
	}
	p.list = widget.NewList(func() int { return len(p.ids) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c, _ := s.index.Get(p.ids[i])
			o.(*widget.Label).SetText(strings.TrimSuffix(c.Name+" · "+rowDetail(c), " · No details yet"))
		})
	p.list.OnSelected = func(i widget.ListItemID) {
		p.dialog.Hide()
		s.changeRoles(s.store.AddHolder(role.ID, p.ids[i]))
	}
	p.search.OnChanged = find
	p.dialog = dialog.NewCustom("Add a holder to "+role.Name, "Cancel",
		container.NewBorder(p.search, nil, nil, nil, p.list), s.u.win)
	p.dialog.Resize(fyne.NewSize(560, 480))
	p.search.onEscape = p.dialog.Hide
	find("")
	return p
}

// open shows a contact in the directory tab.
func (s *contactsScreen) open(id int64) {
	s.tabs.SelectIndex(0)
	s.search.SetText("")
	s.level.SetSelected(allLevels)
	s.role.SetSelected(allRoles)
	s.due.SetChecked(false)
	if c, ok := s.index.Get(id); ok && !c.Active {
		s.retired.SetChecked(true)
	}
	s.detail.show(id)
	s.refresh()
	if i := s.indexOf(id); i >= 0 {
		s.list.ScrollTo(i)
	}
}
