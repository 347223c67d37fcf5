package app

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"electionbinder/internal/training"
)

// trainingScreen tracks training sessions: the list of sessions (upcoming
// first) beside the chosen session's detail, and a compliance tab.
type trainingScreen struct {
	u      *ui
	store  *training.Store
	events []training.EventSummary

	search     *widget.Entry
	list       *widget.List
	newButton  *widget.Button
	importBtn  *widget.Button
	exportBtn  *widget.Button
	detail     *eventDetail
	compliance *complianceTab
	tabs       *container.AppTabs
	selected   int64 // id of the session in the detail pane, 0 for none
	content    fyne.CanvasObject
}

func newTrainingScreen(u *ui) screen {
	s := &trainingScreen{u: u, store: training.NewStore(u.db)}
	s.detail = newEventDetail(s)
	s.compliance = newComplianceTab(s)
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder("Search sessions…")
	s.search.OnChanged = func(string) { s.reload() }
	s.list = widget.NewList(func() int { return len(s.events) }, newEventRow, s.updateEventRow)
	s.list.OnSelected = func(id widget.ListItemID) { s.show(s.events[id].ID) }
	s.newButton = widget.NewButtonWithIcon("New session", theme.ContentAddIcon(), s.createNew)
	s.importBtn = widget.NewButtonWithIcon("Import…", theme.DownloadIcon(), s.askImport)
	s.exportBtn = widget.NewButtonWithIcon("Export…", theme.UploadIcon(), s.askExport)
	left := container.NewBorder(
		container.NewVBox(s.search, container.NewHBox(s.newButton, s.importBtn, s.exportBtn)), nil, nil, nil, s.list)
	split := container.NewHSplit(left, s.detail.view())
	split.SetOffset(0.42)
	s.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("Sessions", theme.CalendarIcon(), split),
		container.NewTabItemWithIcon("Compliance", theme.ConfirmIcon(), s.compliance.view()),
	)
	s.tabs.OnSelected = func(t *container.TabItem) {
		if t.Text == "Compliance" {
			s.compliance.reload()
		}
	}
	s.content = s.tabs
	s.reload()
	if len(s.events) > 0 {
		s.list.Select(0)
	}
	return s
}

func (s *trainingScreen) view() fyne.CanvasObject { return s.content }

// focusSearch puts the cursor in the search box of the tab in view (Ctrl+F).
func (s *trainingScreen) focusSearch() {
	if s.tabs.SelectedIndex() == 1 {
		s.compliance.focusSearch()
		return
	}
	s.u.win.Canvas().Focus(s.search)
}

// menuImport and menuExport are File → Import… and Export… on this screen.
func (s *trainingScreen) menuImport() { s.askImport() }
func (s *trainingScreen) menuExport() { s.askExport() }

// exportPDF prints the sign-in sheet of the session in view, or the
// compliance report on the Compliance tab (Ctrl+P).
func (s *trainingScreen) exportPDF() {
	if s.tabs.SelectedIndex() == 1 {
		s.compliance.askReportPDF(0)
		return
	}
	s.detail.askSignInSheet()
}

// reload reads the sessions again and keeps the chosen one selected.
func (s *trainingScreen) reload() {
	if !s.changed() {
		return
	}
	for i, e := range s.events {
		if e.ID == s.selected {
			s.list.Select(i)
			return
		}
	}
	s.list.UnselectAll()
}

// show opens a session in the detail pane, once a value of the session
// shown that could not be saved has been fixed or left.
func (s *trainingScreen) show(id int64) {
	if id == s.selected {
		return
	}
	s.u.whenSaved(func() {
		s.selected = id
		s.detail.load(id)
	}, s.reselect)
}

// reselect highlights the session shown in the list again.
func (s *trainingScreen) reselect() {
	for i, e := range s.events {
		if e.ID == s.selected {
			s.list.Select(i)
		}
	}
}

// unsaved is what the session shown holds that could not be saved, if anything.
func (s *trainingScreen) unsaved() *unsavedValue { return s.detail.unsaved() }

// changed reads the sessions again after something was saved, and
// reports whether that worked.
func (s *trainingScreen) changed() bool {
	events, err := s.store.Events(s.search.Text)
	if err != nil {
		s.u.showError(err)
		return false
	}
	s.events = events
	s.list.Refresh()
	return true
}

func newEventRow() fyne.CanvasObject {
	title := widget.NewLabel("Session title")
	title.TextStyle.Bold = true
	title.Truncation = fyne.TextTruncateEllipsis
	when := widget.NewLabel("When")
	when.Truncation = fyne.TextTruncateEllipsis
	seats := widget.NewLabel("Seats")
	return container.NewVBox(title, container.NewBorder(nil, nil, nil, seats, when))
}

func (s *trainingScreen) updateEventRow(id widget.ListItemID, o fyne.CanvasObject) {
	e := s.events[id]
	row := o.(*fyne.Container)
	row.Objects[0].(*widget.Label).SetText(e.Title)
	line := row.Objects[1].(*fyne.Container)
	when := e.Kind.Label() + " · " + e.When()
	if e.End.Before(time.Now()) {
		when = "Past · " + when
	}
	line.Objects[0].(*widget.Label).SetText(when)
	line.Objects[1].(*widget.Label).SetText(seatsText(e))
}

// seatsText is the short form of a session's seats: "12/50 +3".
func seatsText(e training.EventSummary) string {
	text := fmt.Sprintf("%d", e.Registered)
	if e.Capacity > 0 {
		text = fmt.Sprintf("%d/%d", e.Registered, e.Capacity)
	}
	if e.Waitlisted > 0 {
		text += fmt.Sprintf(" +%d waiting", e.Waitlisted)
	}
	return text
}

// createNew starts a session a week from today at 10:00, on a weekday (Ctrl+N).
func (s *trainingScreen) createNew() {
	if s.u.unsaved() != nil { // fixed or left first
		s.u.whenSaved(s.createNew, nil)
		return
	}
	s.tabs.SelectIndex(0)
	loc, err := time.LoadLocation(training.DefaultTimeZone)
	if err != nil {
		loc = time.Local
	}
	start := newSessionStart(time.Now().In(loc))
	e, err := s.store.CreateEvent(training.Event{Title: "New session", Kind: training.InPerson, Start: start,
		End: start.Add(2 * time.Hour), TimeZone: training.DefaultTimeZone, Capacity: 50, CreditHours: 2})
	if err != nil {
		s.u.showError(err)
		return
	}
	s.u.saved(nil)
	s.search.SetText("")
	s.selected = 0
	s.show(e.ID)
	s.reload()
	s.detail.focusTitle()
}

// confirmDelete asks before removing a session with its sign-ups.
func (s *trainingScreen) confirmDelete(e training.EventSummary) {
	msg := deleteSessionQuestion(e)
	s.u.askDestructive("Delete session?", msg, "Delete", func(ok bool) {
		if !ok {
			return
		}
		if err := s.store.DeleteEvent(e.ID); err != nil {
			s.u.showError(err)
			return
		}
		s.u.saved(nil)
		s.selected = 0
		s.detail.load(0)
		s.reload()
	})
}

// deleteSessionQuestion asks before a session goes, saying what goes with
// it: the sign-ups, and the attendance that counted toward requirements.
func deleteSessionQuestion(e training.EventSummary) string {
	msg := fmt.Sprintf("Delete %q and its %d sign-ups?", e.Title, e.Registered+e.Waitlisted)
	if e.Attended > 0 {
		msg += fmt.Sprintf("\nThe attendance of %d people is recorded there; it will no longer count toward any requirement or appear in the compliance report.", e.Attended)
	}
	return msg
}

// newSessionStart is 10:00 a week after now, moved to the Monday when that
// falls on a weekend.
func newSessionStart(now time.Time) time.Time {
	d := now.AddDate(0, 0, 7)
	switch d.Weekday() {
	case time.Saturday:
		d = d.AddDate(0, 0, 2)
	case time.Sunday:
		d = d.AddDate(0, 0, 1)
	}
	return time.Date(d.Year(), d.Month(), d.Day(), 10, 0, 0, 0, now.Location())
}
