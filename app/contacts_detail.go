package app

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"electionbinder/internal/contacts"
	"electionbinder/internal/plural"
	"electionbinder/internal/training"
	"electionbinder/internal/validate"
)

const noOrganisation = "— none —"

// contactDetail is the form of the selected contact; every change is saved
// as it is made, once it is valid.
type contactDetail struct {
	s        *contactsScreen
	id       int64     // 0 when no contact is shown
	loading  bool      // set while the form is filled, so filling saves nothing
	deleting *question // the open "Delete contact?" question, if any

	heading    *widget.Label
	kind       *widget.Label
	name       *widget.Entry
	title      *widget.Entry
	org        *widget.Select
	orgIDs     map[string]int64
	level      *widget.Select
	office     *widget.Entry
	mobile     *widget.Entry
	afterHours *widget.Entry
	email      *widget.Entry
	address    *widget.Entry
	notes      *widget.Entry
	verified   *widget.Label
	verify     *widget.Button
	active     *widget.Check
	roles      *fyne.Container
	addRole    *widget.Select
	remove     *widget.Button
	form       *widget.Form

	empty   fyne.CanvasObject
	scroll  *container.Scroll
	body    fyne.CanvasObject
	content *fyne.Container
}

func newContactDetail(s *contactsScreen) *contactDetail {
	d := &contactDetail{s: s, orgIDs: map[string]int64{}}
	d.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.heading.SizeName = theme.SizeNameSubHeadingText
	d.heading.Truncation = fyne.TextTruncateEllipsis
	d.kind = widget.NewLabel("")
	d.name = d.entry(nil, func(c *contacts.Contact, v string) { c.Name = v })
	d.name.Validator = plainCheck(func(v string) string {
		if strings.TrimSpace(v) == "" {
			return "A contact needs a name."
		}
		return contacts.LengthProblem("name is", v, contacts.MaxLineLength)
	})
	d.title = d.entry(lineLength("title is"), func(c *contacts.Contact, v string) { c.Title = v })
	d.office = d.entry(validate.Phone, func(c *contacts.Contact, v string) { c.OfficePhone = v })
	d.mobile = d.entry(validate.Phone, func(c *contacts.Contact, v string) { c.MobilePhone = v })
	d.afterHours = d.entry(validate.Phone, func(c *contacts.Contact, v string) { c.AfterHoursPhone = v })
	for _, e := range []*widget.Entry{d.office, d.mobile, d.afterHours} {
		e.SetPlaceHolder("for example (608) 555-0100 x204")
	}
	d.email = d.entry(validate.Email, func(c *contacts.Contact, v string) { c.Email = v })
	d.email.SetPlaceHolder("for example name@example.gov")
	d.address = d.multiLine("address is", func(c *contacts.Contact, v string) { c.Address = v })
	d.notes = d.multiLine("notes are", func(c *contacts.Contact, v string) { c.Notes = v })
	d.org = widget.NewSelect(nil, func(v string) {
		d.save(func(c *contacts.Contact) { c.OrgID = d.orgIDs[v] })
	})
	d.level = widget.NewSelect(labelsOf(contacts.Levels, contacts.Level.Label), func(string) {
		d.save(func(c *contacts.Contact) { c.Level = contacts.Levels[d.level.SelectedIndex()] })
	})
	d.verified = widget.NewLabel("")
	d.verified.Wrapping = fyne.TextWrapWord
	d.verify = widget.NewButtonWithIcon("Mark verified today", theme.ConfirmIcon(), d.markVerified)
	d.active = widget.NewCheck("Active (clear when the contact has left or retired)", func(on bool) {
		d.save(func(c *contacts.Contact) { c.Active = on })
	})
	d.roles = container.NewVBox()
	d.addRole = widget.NewSelect(nil, d.assignRole)
	d.addRole.PlaceHolder = "Add to a role…"
	d.remove = widget.NewButtonWithIcon("Delete contact…", theme.DeleteIcon(), d.askDelete)
	d.remove.Importance = widget.DangerImportance
	d.build()
	return d
}

// entry makes a one-line field that saves through set once check passes.
func (d *contactDetail) entry(check func(string) string, set func(*contacts.Contact, string)) *widget.Entry {
	e := widget.NewEntry()
	if check != nil {
		e.Validator = plainCheck(check)
	}
	e.OnChanged = func(v string) {
		if e.Validator != nil && e.Validator(v) != nil {
			return
		}
		d.save(func(c *contacts.Contact) { set(c, v) })
	}
	return e
}

// multiLine makes a field of several lines that saves through set while it
// is no longer than contacts.MaxTextLength; label names it in the problem.
func (d *contactDetail) multiLine(label string, set func(*contacts.Contact, string)) *widget.Entry {
	e := widget.NewMultiLineEntry()
	e.SetMinRowsVisible(3)
	e.Wrapping = fyne.TextWrapWord
	e.Validator = plainCheck(func(v string) string { return contacts.LengthProblem(label, v, contacts.MaxTextLength) })
	e.OnChanged = func(v string) {
		if e.Validator(v) != nil {
			return
		}
		d.save(func(c *contacts.Contact) { set(c, v) })
	}
	return e
}

// lineLength checks that a one-line field is not longer than contacts.MaxLineLength.
func lineLength(label string) func(string) string {
	return func(v string) string { return contacts.LengthProblem(label, v, contacts.MaxLineLength) }
}

func (d *contactDetail) build() {
	d.form = widget.NewForm(
		widget.NewFormItem("Name", d.name),
		widget.NewFormItem("Title", d.title),
		widget.NewFormItem("Organization", d.org),
		widget.NewFormItem("Level", d.level),
		widget.NewFormItem("Office phone", d.office),
		widget.NewFormItem("Mobile phone", d.mobile),
		widget.NewFormItem("After hours", d.afterHours),
		widget.NewFormItem("Email", d.email),
		widget.NewFormItem("Address", d.address),
		widget.NewFormItem("Notes", d.notes),
	)
	verification := container.NewBorder(nil, nil, nil, d.verify, d.verified)
	rolesTitle := widget.NewLabelWithStyle("Roles in the call tree", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	rolesHeader := container.NewBorder(nil, nil, rolesTitle, container.NewGridWrap(fyne.NewSize(220, d.addRole.MinSize().Height), d.addRole))
	roles := container.NewVBox(rolesHeader, d.roles)
	d.scroll = container.NewVScroll(container.NewPadded(container.NewVBox(
		container.NewBorder(nil, nil, nil, d.kind, d.heading),
		verification,
		roles,
		widget.NewSeparator(),
		d.form,
		d.active,
		container.NewHBox(d.remove),
	)))
	d.body = d.scroll
	hint := widget.NewLabel("Choose a contact on the left, or add one with New person (Ctrl+N).")
	hint.Wrapping = fyne.TextWrapWord
	hint.Alignment = fyne.TextAlignCenter
	d.empty = container.NewVBox(layout.NewSpacer(), hint, layout.NewSpacer())
	d.content = container.NewStack(d.empty)
}

func (d *contactDetail) view() fyne.CanvasObject { return d.content }

// current is the shown contact as the index holds it.
func (d *contactDetail) current() (contacts.Contact, bool) {
	if d.id == 0 || d.s.index == nil {
		return contacts.Contact{}, false
	}
	return d.s.index.Get(d.id)
}

// show fills the form with the contact with the given id.
func (d *contactDetail) show(id int64) {
	if lost := d.unsaved(); lost != "" {
		d.s.u.status.set(lost)
		d.s.u.showError(errors.New(lost))
	}
	if id != d.id {
		d.scroll.ScrollToTop() // a new contact is read from its name down
		if d.s.dropDraft(id) {
			defer d.s.selectInList(id)
		}
	}
	d.id = id
	c, ok := d.current()
	if !ok {
		d.id = 0
		d.content.Objects = []fyne.CanvasObject{d.empty}
		d.content.Refresh()
		return
	}
	d.loading = true
	defer func() { d.loading = false }()
	d.fillOrganisations(c)
	d.heading.SetText(c.Name)
	kind := map[contacts.Kind]string{contacts.Person: "Person", contacts.Organization: "Organization"}[c.Kind]
	if c.Builtin {
		kind += " from the built-in partner list"
	}
	d.kind.SetText(kind)
	d.form.Items[2].Text = map[contacts.Kind]string{contacts.Person: "Organization", contacts.Organization: "Part of"}[c.Kind]
	for _, f := range []struct {
		e *widget.Entry
		v string
	}{{d.name, c.Name}, {d.title, c.Title}, {d.office, c.OfficePhone}, {d.mobile, c.MobilePhone},
		{d.afterHours, c.AfterHoursPhone}, {d.email, c.Email}, {d.address, c.Address}, {d.notes, c.Notes}} {
		f.e.SetText(f.v)
		f.e.SetValidationError(nil)
		if f.e.Validator != nil {
			f.e.SetValidationError(f.e.Validator(f.v))
		}
	}
	d.level.SetSelected(c.Level.Label())
	d.active.SetChecked(c.Active)
	d.showVerified(c)
	d.showRoles(c)
	d.form.Refresh()
	d.content.Objects = []fyne.CanvasObject{d.body}
	d.content.Refresh()
}

// unsaved says which fields of the shown contact hold text that could not
// be saved because it is not valid, and that refilling the form would drop.
func (d *contactDetail) unsaved() string {
	c, ok := d.current()
	if !ok || d.loading {
		return ""
	}
	var lost []string
	for _, f := range []struct {
		label string
		e     *widget.Entry
	}{{"name", d.name}, {"title", d.title}, {"office phone", d.office}, {"mobile phone", d.mobile},
		{"after-hours phone", d.afterHours}, {"email", d.email}, {"address", d.address}, {"notes", d.notes}} {
		if f.e.Validator != nil && f.e.Validator(f.e.Text) != nil {
			lost = append(lost, fmt.Sprintf("%s %q", f.label, shortened(f.e.Text)))
		}
	}
	if len(lost) == 0 {
		return ""
	}
	return fmt.Sprintf("Not saved: the %s of %s, which is not valid; the rest of the contact is saved.",
		strings.Join(lost, " and the "), c.Name)
}

// shortened cuts a long text to its first words for a message.
func shortened(v string) string {
	if r := []rune(v); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return v
}

// reshow fills the form again from the index, after a reload.
func (d *contactDetail) reshow() {
	if d.id != 0 {
		d.show(d.id)
	}
}

// fillOrganisations offers every other organization, by name.
func (d *contactDetail) fillOrganisations(c contacts.Contact) {
	orgs := d.s.index.Search(contacts.Filter{Kind: contacts.Organization, IncludeRetired: true})
	options := []string{noOrganisation}
	d.orgIDs = map[string]int64{noOrganisation: 0}
	for _, o := range orgs {
		if _, dup := d.orgIDs[o.Name]; !dup && o.ID != c.ID {
			options = append(options, o.Name)
			d.orgIDs[o.Name] = o.ID
		}
	}
	d.org.SetOptions(options)
	if c.Organization != "" {
		d.org.SetSelected(c.Organization)
	} else {
		d.org.SetSelected(noOrganisation)
	}
}

// showVerified says when the contact was last verified, in warning colors
// when that is too long ago.
func (d *contactDetail) showVerified(c contacts.Contact) {
	due := c.NeedsVerifying(d.s.now(), d.s.verifyDays())
	switch {
	case c.VerifiedOn.IsZero():
		d.verified.SetText("Never verified: call to confirm these details.")
	default:
		y, m, day := d.s.now().Date() // the clerk's calendar day; VerifiedOn is a date kept at midnight UTC
		days := int(time.Date(y, m, day, 0, 0, 0, 0, time.UTC).Sub(c.VerifiedOn).Hours() / 24)
		text := fmt.Sprintf("Last verified %s (%s).", c.VerifiedOn.Format("January 2, 2006"), daysAgo(days))
		if c.Stale(d.s.now()) {
			text += " Over a year old: verify before relying on it."
		} else if due {
			text += " Due for verifying."
		}
		d.verified.SetText(text)
	}
	if c.Source != "" {
		d.verified.SetText(d.verified.Text + " Source of the built-in facts: " + c.Source + ".")
	}
	d.verified.Importance = widget.SuccessImportance
	if due {
		d.verified.Importance = widget.WarningImportance
	}
	d.verified.Refresh()
}

func daysAgo(days int) string {
	switch {
	case days <= 0:
		return "today"
	case days == 1:
		return "yesterday"
	}
	return fmt.Sprintf("%d days ago", days)
}

// save applies edit to the shown contact and writes it.
func (d *contactDetail) save(edit func(*contacts.Contact)) {
	if d.loading {
		return
	}
	c, ok := d.current()
	if !ok {
		return
	}
	wasActive := c.Active
	edit(&c)
	saved, err := d.s.store.Update(c)
	if err != nil {
		d.s.u.saved(err)
		return
	}
	d.heading.SetText(saved.Name)
	d.s.u.saved(nil)
	if saved.Active != wasActive {
		d.s.reload() // the other holders of its roles move up or back, and gaps open or close
		return
	}
	d.s.saved(saved)
}

func (d *contactDetail) markVerified() {
	if err := d.s.store.MarkVerified(d.id, d.s.now()); err != nil {
		d.s.u.saved(err)
		return
	}
	c, err := d.s.store.Get(d.id)
	if err != nil {
		d.s.u.showError(err)
		return
	}
	d.s.saved(c)
	d.showVerified(c)
	d.s.u.saved(nil)
}

// showRoles lists the roles the contact holds with buttons to leave them.
func (d *contactDetail) showRoles(c contacts.Contact) {
	d.roles.Objects = nil
	holds := d.s.index.Holdings(c.ID)
	for _, h := range holds {
		h := h
		leave := widget.NewButtonWithIcon("Leave role", theme.ContentRemoveIcon(), func() {
			d.s.changeRoles(d.s.store.RemoveHolder(h.RoleID, c.ID))
		})
		label := widget.NewLabel(fmt.Sprintf("%s: %s", h.Role, strings.ToLower(h.Label())))
		label.Importance = widget.HighImportance
		label.Truncation = fyne.TextTruncateEllipsis
		d.roles.Add(container.NewBorder(nil, nil, nil, leave, label))
	}
	if len(holds) == 0 {
		none := widget.NewLabel("None yet")
		none.Importance = widget.LowImportance
		d.roles.Add(none)
	}
	d.roles.Refresh()
	var options []string
	for _, r := range d.s.index.Roles() {
		options = append(options, r.Name)
	}
	d.addRole.SetOptions(options)
	d.addRole.ClearSelected()
}

// assignRole adds the contact to the chosen role, after those already holding it.
func (d *contactDetail) assignRole(name string) {
	if d.loading || name == "" {
		return
	}
	for _, r := range d.s.index.Roles() {
		if r.Name == name {
			d.s.changeRoles(d.s.store.AddHolder(r.ID, d.id))
			return
		}
	}
}

func (d *contactDetail) askDelete() {
	c, ok := d.current()
	if !ok {
		return
	}
	d.deleting = d.s.u.askDestructive("Delete contact?", d.deleteQuestion(c), "Delete", func(ok bool) {
		if ok {
			d.delete(c.ID)
		}
	})
}

// deleteQuestion asks whether to delete c, saying what else the deletion touches.
func (d *contactDetail) deleteQuestion(c contacts.Contact) string {
	msg := fmt.Sprintf("Delete %s from the directory?", c.Name)
	if holds := d.s.index.Holdings(c.ID); len(holds) > 0 {
		msg += fmt.Sprintf("\nThey hold %s in the call tree; those places will be left to the others.",
			plural.Count(len(holds), "role", "roles"))
	}
	members := 0
	for _, m := range d.s.index.Search(contacts.Filter{IncludeRetired: true}) {
		if m.OrgID == c.ID {
			members++
		}
	}
	switch {
	case members == 1:
		msg += "\nThe one person of this organization keeps their details without it."
	case members > 1:
		msg += fmt.Sprintf("\nThe %d people of this organization keep their details without it.", members)
	}
	return msg
}

// delete removes a contact, then offers for a short while to put it back
// with its places in the call tree, its people and its training sign-ups.
func (d *contactDetail) delete(id int64) {
	signUps := training.NewStore(d.s.u.db)
	regs, err := signUps.SignUpsOf(id)
	if err != nil {
		d.s.u.showError(err)
		return
	}
	removed, err := d.s.store.Remove(id)
	if err != nil {
		d.s.u.showError(err)
		return
	}
	d.show(0)
	d.s.reload()
	d.s.u.offerUndo("Deleted "+removed.Contact.Name+".", func() error {
		c, err := d.s.store.Restore(removed)
		if err == nil {
			err = signUps.RestoreSignUps(c.ID, regs)
		}
		d.s.reload()
		if err == nil {
			d.s.open(c.ID)
		}
		return err
	})
}

// changeRoles reloads what depends on the call tree after a role edit.
func (s *contactsScreen) changeRoles(err error) {
	s.u.saved(err)
	s.reload()
}
