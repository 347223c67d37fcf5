package app

import (
	"errors"
	"fmt"
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

// eventDetail shows one session: its seat bar, the people signed up with
// check-in, sign-up from the directory, and the session's details, which
// save themselves as they are typed.
type eventDetail struct {
	s       *trainingScreen
	event   training.EventSummary
	loading bool

	heading  *widget.Label
	tabs     *container.AppTabs
	seatBar  *widget.ProgressBar
	seatText *widget.Label

	// Details.
	title, start, end, capacity, hours *widget.Entry
	date                               *dateEntry
	zone                               *widget.SelectEntry // a US zone from the list, or any IANA name typed
	room, link, organizer              *widget.Entry
	address, directions, notes         *widget.Entry
	kind                               *widget.Select

	// People signed up.
	roster        []training.Registration
	rosterList    *widget.List
	chosenReg     int // index in roster, -1 for none
	checkInBtn    *widget.Button
	noShowBtn     *widget.Button
	cancelBtn     *widget.Button
	signInBtn     *widget.Button
	deleteBtn     *widget.Button
	personSearch  *widget.Entry
	people        []contacts.Contact
	peopleList    *widget.List
	chosenPerson  int // index in people, -1 for none
	registerBtn   *widget.Button
	walkInBtn     *widget.Button
	directory     *contacts.Index
	body, nothing fyne.CanvasObject
	content       *fyne.Container
}

func newEventDetail(s *trainingScreen) *eventDetail {
	d := &eventDetail{s: s, chosenReg: -1, chosenPerson: -1}
	d.heading = widget.NewLabel("")
	d.heading.TextStyle.Bold = true
	d.heading.Wrapping = fyne.TextWrapWord
	d.seatBar = widget.NewProgressBar()
	d.seatBar.TextFormatter = func() string { return d.seatText.Text }
	d.seatText = widget.NewLabel("")
	d.signInBtn = widget.NewButtonWithIcon("Sign-in sheet", theme.DocumentPrintIcon(), d.askSignInSheet)
	d.deleteBtn = widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), func() { s.confirmDelete(d.event) })
	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewHBox(d.signInBtn, d.deleteBtn), d.heading),
		d.seatBar,
	)
	d.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("People", theme.AccountIcon(), d.peoplePane()),
		container.NewTabItemWithIcon("Details", theme.DocumentCreateIcon(), container.NewVScroll(d.detailsForm())),
	)
	d.body = container.NewBorder(top, nil, nil, nil, d.tabs)
	d.nothing = container.NewCenter(widget.NewLabel("Choose a session on the left, or add one with New session."))
	d.content = container.NewStack(d.nothing)
	return d
}

func (d *eventDetail) view() fyne.CanvasObject { return d.content }

func (d *eventDetail) focusTitle() { d.s.u.win.Canvas().Focus(d.title) }

// load shows the session with the given id (0: none).
func (d *eventDetail) load(id int64) {
	if id == 0 {
		d.event = training.EventSummary{} // nothing to print or save
		d.content.Objects = []fyne.CanvasObject{d.nothing}
		d.content.Refresh()
		return
	}
	if _, err := d.s.store.SettleSeats(id); err != nil { // seats freed by a deleted person
		d.s.u.showError(err)
		return
	}
	sum, err := d.s.store.Summary(id)
	if err != nil {
		d.s.u.showError(err)
		return
	}
	d.event = sum
	d.fillForm()
	d.refreshPeople()
	d.directory = nil
	d.personSearch.SetText("")
	d.searchPeople("")
	d.content.Objects = []fyne.CanvasObject{d.body}
	d.content.Refresh()
}

// refreshPeople reads the seat counts and the roster again.
func (d *eventDetail) refreshPeople() {
	if sum, err := d.s.store.Summary(d.event.ID); err == nil {
		d.event = sum
	}
	roster, err := d.s.store.Roster(d.event.ID)
	if err != nil {
		d.s.u.showError(err)
	}
	d.roster = roster
	d.chosenReg = -1
	d.rosterList.UnselectAll()
	d.rosterList.Refresh()
	d.updateRegButtons()
	d.updateSeats()
}

// updateSeats draws the seat bar: seats taken of the capacity, and the waitlist.
func (d *eventDetail) updateSeats() {
	e := d.event
	d.heading.SetText(e.Title + "\n" + e.Kind.Label() + " · " + e.When())
	text := fmt.Sprintf("%d registered (no limit)", e.Registered)
	d.seatBar.Max = float64(max(e.Registered, 1))
	if e.Capacity > 0 {
		text = fmt.Sprintf("%d of %d seats taken", e.Registered, e.Capacity)
		if over := e.Registered - e.Capacity; over > 0 { // the capacity was lowered below the seats given
			text += fmt.Sprintf(" (%d over the capacity: cancel %d or raise it)", over, over)
		}
		d.seatBar.Max = float64(e.Capacity)
	}
	if e.Waitlisted > 0 {
		text += fmt.Sprintf(" · %d on the waitlist", e.Waitlisted)
	}
	if e.Attended > 0 {
		text += fmt.Sprintf(" · %d attended", e.Attended)
	}
	d.seatText.SetText(text)
	d.seatBar.SetValue(float64(e.Registered))
}

// peoplePane holds the roster with check-in above, and sign-up from the
// directory below.
func (d *eventDetail) peoplePane() fyne.CanvasObject {
	d.rosterList = widget.NewList(func() int { return len(d.roster) }, newRosterRow, d.updateRosterRow)
	d.rosterList.OnSelected = func(id widget.ListItemID) { d.chosenReg = id; d.updateRegButtons() }
	d.rosterList.OnUnselected = func(widget.ListItemID) { d.chosenReg = -1; d.updateRegButtons() }
	d.checkInBtn = widget.NewButtonWithIcon("Check in", theme.ConfirmIcon(), func() { d.setAttendance(training.Attended) })
	d.noShowBtn = widget.NewButtonWithIcon("No-show", theme.CancelIcon(), func() { d.setAttendance(training.NoShow) })
	d.cancelBtn = widget.NewButtonWithIcon("Cancel sign-up", theme.ContentRemoveIcon(), d.cancelChosen)
	roster := container.NewBorder(
		widget.NewLabelWithStyle("Signed up", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewHBox(d.checkInBtn, d.noShowBtn, d.cancelBtn), nil, nil, d.rosterList)

	d.personSearch = widget.NewEntry()
	d.personSearch.SetPlaceHolder("Find a person in the directory…")
	d.personSearch.OnChanged = d.searchPeople
	d.personSearch.OnSubmitted = func(string) { d.registerChosen() } // Enter signs up the one found
	d.peopleList = widget.NewList(func() int { return len(d.people) }, func() fyne.CanvasObject {
		l := widget.NewLabel("Person")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, func(id widget.ListItemID, o fyne.CanvasObject) {
		o.(*widget.Label).SetText(training.PersonFrom(d.people[id]).Label())
	})
	d.peopleList.OnSelected = func(id widget.ListItemID) { d.chosenPerson = id; d.updatePersonButtons() }
	d.peopleList.OnUnselected = func(widget.ListItemID) { d.chosenPerson = -1; d.updatePersonButtons() }
	d.registerBtn = widget.NewButtonWithIcon("Sign up", theme.ContentAddIcon(), d.registerChosen)
	d.walkInBtn = widget.NewButtonWithIcon("Check in as walk-in", theme.LoginIcon(), d.walkInChosen)
	add := container.NewBorder(
		container.NewVBox(widget.NewLabelWithStyle("Add from the directory", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), d.personSearch),
		container.NewHBox(d.registerBtn, d.walkInBtn), nil, nil, d.peopleList)
	split := container.NewVSplit(roster, add)
	split.SetOffset(0.58)
	d.updateRegButtons()
	d.updatePersonButtons()
	return split
}

func newRosterRow() fyne.CanvasObject {
	name := widget.NewLabel("Name")
	name.Truncation = fyne.TextTruncateEllipsis
	state := widget.NewLabel("Status")
	return container.NewBorder(nil, nil, widget.NewIcon(theme.AccountIcon()), state, name)
}

func (d *eventDetail) updateRosterRow(id widget.ListItemID, o fyne.CanvasObject) {
	r := d.roster[id]
	row := o.(*fyne.Container)
	name := r.Name
	if r.Office != "" {
		name += " · " + r.Office
	}
	row.Objects[0].(*widget.Label).SetText(name)
	row.Objects[2].(*widget.Label).SetText(registrationState(r, id, d.roster))
	icon := theme.AccountIcon()
	switch {
	case r.Attendance == training.Attended:
		icon = theme.ConfirmIcon()
	case r.Attendance == training.NoShow || r.Status == training.Cancelled:
		icon = theme.CancelIcon()
	case r.Status == training.Waitlisted:
		icon = theme.HistoryIcon()
	}
	row.Objects[1].(*widget.Icon).SetResource(icon)
}

// registrationState says where a sign-up stands, with the place in line
// for the waitlist.
func registrationState(r training.Registration, index int, roster []training.Registration) string {
	switch r.Status {
	case training.Waitlisted:
		place := 1
		for _, x := range roster[:index] {
			if x.Status == training.Waitlisted {
				place++
			}
		}
		return fmt.Sprintf("Waitlist #%d", place)
	case training.Cancelled:
		return "Cancelled"
	}
	return r.Attendance.Label()
}

func (d *eventDetail) chosenRegistration() (training.Registration, bool) {
	if d.chosenReg < 0 || d.chosenReg >= len(d.roster) {
		return training.Registration{}, false
	}
	return d.roster[d.chosenReg], true
}

func (d *eventDetail) updateRegButtons() {
	r, ok := d.chosenRegistration()
	seated := ok && r.Status == training.Registered
	trEnable(d.checkInBtn, seated && r.Attendance != training.Attended)
	trEnable(d.noShowBtn, seated && r.Attendance != training.NoShow)
	trEnable(d.cancelBtn, ok && r.Status != training.Cancelled)
}

func (d *eventDetail) updatePersonButtons() {
	ok := d.chosenPerson >= 0 && d.chosenPerson < len(d.people)
	trEnable(d.registerBtn, ok)
	trEnable(d.walkInBtn, ok)
}

func trEnable(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// searchPeople lists the directory's people matching text, as it is typed.
func (d *eventDetail) searchPeople(text string) {
	if d.directory == nil {
		ix, err := contacts.NewStore(d.s.u.db).LoadIndex()
		if err != nil {
			d.s.u.showError(err)
			return
		}
		d.directory = ix
	}
	d.people = d.directory.Search(contacts.Filter{Search: text, Kind: contacts.Person})
	d.chosenPerson = -1
	d.peopleList.UnselectAll()
	d.peopleList.Refresh()
	d.updatePersonButtons()
	if len(d.people) == 1 {
		d.peopleList.Select(0)
	}
}

func (d *eventDetail) chosenPersonID() (int64, bool) {
	if d.chosenPerson < 0 || d.chosenPerson >= len(d.people) {
		return 0, false
	}
	return d.people[d.chosenPerson].ID, true
}

// registerChosen signs the chosen person up: a seat, or the waitlist.
func (d *eventDetail) registerChosen() {
	id, ok := d.chosenPersonID()
	if !ok {
		return
	}
	r, err := d.s.store.Register(d.event.ID, id)
	d.afterPeopleChange(err)
	if err == nil && r.Status == training.Waitlisted {
		d.s.u.status.set(r.Name + " is on the waitlist: every seat is taken")
	}
}

// walkInChosen checks in the chosen person, signing them up if a seat is free.
func (d *eventDetail) walkInChosen() {
	id, ok := d.chosenPersonID()
	if !ok {
		return
	}
	_, err := d.s.store.CheckIn(d.event.ID, id)
	if errors.Is(err, training.ErrFull) {
		err = errors.New("every seat of this session is taken, so this person cannot be checked in; cancel a seat or raise the capacity first")
	}
	d.afterPeopleChange(err)
}

func (d *eventDetail) setAttendance(a training.Attendance) {
	r, ok := d.chosenRegistration()
	if !ok {
		return
	}
	d.afterPeopleChange(d.s.store.SetAttendance(r.ID, a))
}

// cancelChosen cancels the chosen sign-up; the first on the waitlist moves up.
func (d *eventDetail) cancelChosen() {
	r, ok := d.chosenRegistration()
	if !ok {
		return
	}
	promoted, err := d.s.store.Cancel(r.ID)
	d.afterPeopleChange(err)
	if err != nil {
		return
	}
	msg := "Canceled the sign-up of " + r.Name + "."
	if p, err := d.s.store.Registration(promoted); promoted > 0 && err == nil {
		msg += " " + p.Name + " moved from the waitlist to a seat."
	}
	d.s.u.offerUndo(msg, func() error {
		err := d.s.store.UndoCancel(r, promoted)
		if d.event.ID == r.EventID {
			d.refreshPeople()
		}
		d.s.changed()
		return err
	})
}

func (d *eventDetail) afterPeopleChange(err error) {
	if errors.Is(err, training.ErrAlreadyInside) {
		err = errors.New("this person is already signed up for this session")
	}
	d.s.u.saved(err)
	d.refreshPeople()
	d.s.changed()
}

// detailsForm holds the session's fields; every change saves.
func (d *eventDetail) detailsForm() fyne.CanvasObject {
	entry := func(placeholder string) *widget.Entry { return trSavingEntry(placeholder, false, d.save) }
	multi := func(placeholder string) *widget.Entry { return trSavingEntry(placeholder, true, d.save) }
	d.title = entry("Title")
	d.kind = widget.NewSelect(labelsOf(training.Kinds, training.Kind.Label), func(string) { d.save() })
	d.date = newDateEntry()
	d.date.OnChanged = func(string) { d.save() }
	d.start, d.end = newClockEntry(d.save), newClockEntry(d.save)
	d.zone = widget.NewSelectEntry(training.CommonTimeZones)
	d.zone.SetPlaceHolder(training.DefaultTimeZone)
	d.zone.OnChanged = func(string) { d.save() }
	d.capacity, d.hours = entry("empty: no limit"), entry("0")
	d.address, d.room, d.directions = multi("Street, town"), entry("Room or hall"), multi("Parking, entrance")
	d.link, d.organizer, d.notes = entry("https://…"), entry("Who runs it"), multi("")
	times := container.NewGridWithColumns(2, d.start, d.end)
	return widget.NewForm(
		widget.NewFormItem("Title", d.title),
		widget.NewFormItem("Kind", d.kind),
		widget.NewFormItem("Date", d.date),
		widget.NewFormItem("Start, end", times),
		widget.NewFormItem("Time zone", d.zone),
		widget.NewFormItem("Capacity", d.capacity),
		widget.NewFormItem("Hours of credit", d.hours),
		widget.NewFormItem("Address", d.address),
		widget.NewFormItem("Room", d.room),
		widget.NewFormItem("Getting there", d.directions),
		widget.NewFormItem("Registration link", d.link),
		widget.NewFormItem("Organiser", d.organizer),
		widget.NewFormItem("Notes", d.notes),
	)
}

// fillForm shows the session in the form without saving it back.
func (d *eventDetail) fillForm() {
	d.loading = true
	defer func() { d.loading = false }()
	e := d.event
	d.title.SetText(e.Title)
	d.kind.SetSelected(e.Kind.Label())
	d.date.SetText(e.Start.Format(training.DateLayout))
	d.start.SetText(e.Start.Format(training.ClockLayout))
	d.end.SetText(e.End.Format(training.ClockLayout))
	d.zone.SetText(e.TimeZone)
	d.capacity.SetText("")
	if e.Capacity > 0 {
		d.capacity.SetText(strconv.Itoa(e.Capacity))
	}
	d.hours.SetText(training.FormatHours(e.CreditHours))
	d.address.SetText(e.Address)
	d.room.SetText(e.Room)
	d.directions.SetText(e.Directions)
	d.link.SetText(e.RegistrationURL)
	d.organizer.SetText(e.Organizer)
	d.notes.SetText(e.Notes)
}

// save reads the form and saves the session; a field that does not read yet
// (a half-typed date) leaves the saved session as it was and says why.
func (d *eventDetail) save() {
	if d.loading || d.event.ID == 0 {
		return
	}
	e, err := d.formEvent()
	if err == nil {
		err = d.s.store.UpdateEvent(e)
	}
	if err != nil {
		d.s.u.status.set("Not saved yet: " + err.Error())
		return
	}
	d.s.u.saved(nil)
	d.event.Event = e
	d.refreshPeople()
	d.s.reload() // a new day or title may move the session in the list: keep it highlighted
}

// formEvent reads the session from the form.
func (d *eventDetail) formEvent() (training.Event, error) {
	e := d.event.Event
	e.Title = d.title.Text
	kind, err := training.ParseKind(d.kind.Selected)
	if err != nil {
		return e, err
	}
	e.Kind = kind
	e.TimeZone = strings.TrimSpace(d.zone.Text)
	loc, err := time.LoadLocation(e.TimeZone)
	if err != nil || e.TimeZone == "" {
		return e, fmt.Errorf("%q is not a time zone (use a name such as America/Chicago)", e.TimeZone)
	}
	day, err := training.ParseDate(d.date.Text)
	if err != nil {
		return e, fieldError("date", d.date.Text, err)
	}
	h, m, err := training.ParseClock(d.start.Text)
	if err != nil {
		return e, fieldError("start time", d.start.Text, err)
	}
	e.Start = training.At(day, h, m, loc)
	if h, m, err = training.ParseClock(d.end.Text); err != nil {
		return e, fieldError("end time", d.end.Text, err)
	}
	e.End = training.At(day, h, m, loc)
	e.End = e.End.AddDate(0, 0, daysSpanned(d.event.Start, d.event.End)) // past midnight, or all day

	if e.Capacity, err = trOptionalInt(d.capacity.Text); err != nil {
		return e, errors.New("the capacity is a number of seats, or empty for no limit")
	}
	if e.CreditHours, err = trOptionalFloat(d.hours.Text); err != nil {
		return e, errors.New("the hours of credit are a number such as 1.5")
	}
	e.Address, e.Room, e.Directions = d.address.Text, d.room.Text, d.directions.Text
	e.RegistrationURL, e.Organizer, e.Notes = strings.TrimSpace(d.link.Text), d.organizer.Text, d.notes.Text
	return e, nil
}

// fieldError says which field does not read, what it holds, and how to write it.
func fieldError(field, text string, err error) error {
	if strings.TrimSpace(text) == "" {
		return fmt.Errorf("the %s is empty: %w", field, err)
	}
	return fmt.Errorf("the %s %q does not read: %w", field, text, err)
}

// unsaved is what the session's form holds that could not be saved, if anything.
func (d *eventDetail) unsaved() *unsavedValue {
	if d.event.ID == 0 {
		return nil
	}
	e, err := d.formEvent()
	if err == nil {
		err = e.Validate()
	}
	if err == nil {
		return nil
	}
	return &unsavedValue{
		problem: fmt.Sprintf("A change to %q was not saved: %v.", d.event.Title, err),
		focus:   d.focusProblem,
		discard: d.fillForm,
	}
}

// focusProblem opens the Details tab and puts the cursor in the first
// field that does not read.
func (d *eventDetail) focusProblem() {
	d.tabs.SelectIndex(1)
	c := d.s.u.win.Canvas()
	switch {
	case d.date.Validate() != nil:
		c.Focus(d.date)
	case d.start.Validate() != nil:
		c.Focus(d.start)
	case d.end.Validate() != nil:
		c.Focus(d.end)
	}
}

// daysSpanned counts the midnights a session crosses in its own zone: 0
// for a session within one day, 1 for one that ends the next day.
func daysSpanned(start, end time.Time) int {
	y1, m1, d1 := start.Date()
	y2, m2, d2 := end.In(start.Location()).Date()
	a := time.Date(y1, m1, d1, 12, 0, 0, 0, time.UTC)
	b := time.Date(y2, m2, d2, 12, 0, 0, 0, time.UTC)
	return int(b.Sub(a).Hours() / 24)
}

func trOptionalInt(s string) (int, error) {
	if strings.TrimSpace(s) == "" {
		return 0, nil
	}
	return strconv.Atoi(strings.TrimSpace(s))
}

func trOptionalFloat(s string) (float64, error) {
	if strings.TrimSpace(s) == "" {
		return 0, nil
	}
	return strconv.ParseFloat(strings.TrimSpace(s), 64)
}

// trSavingEntry is an entry that calls save at every change; a multi-line
// one wraps words and shows two rows.
func trSavingEntry(placeholder string, multiLine bool, save func()) *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder(placeholder)
	if multiLine {
		e.MultiLine, e.Wrapping = true, fyne.TextWrapWord
		e.SetMinRowsVisible(2)
	}
	e.OnChanged = func(string) { save() }
	return e
}
