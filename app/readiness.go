package app

import (
	"fmt"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"electionbinder/internal/readiness"
)

// readinessTitle is the navigation entry of the board.
const readinessTitle = "Readiness"

// openFirstDays: within this many days of an election the board opens first.
const openFirstDays = 90

// readinessScreen is the board: the next election's countdown and its
// tasks, overdue first, each with why and a button to where it is fixed.
type readinessScreen struct {
	u         *ui
	store     *readiness.Store
	now       func() time.Time
	elections []readiness.Election
	current   readiness.Board
	hasBoard  bool
	// generation counts board requests, so only the latest is shown.
	generation int

	picker   *widget.Select
	headline *widget.Label
	summary  *widget.Label
	tasks    *fyne.Container
	rows     map[string]*taskRow // by task key, for tests and refreshes
	printBtn *widget.Button
	icsBtn   *widget.Button
	content  fyne.CanvasObject

	// The dialog open last, for the keyboard and for tests.
	tickDialog *dialog.FormDialog
	tickForm   *tickForm
	checklist  dialog.Dialog
	checks     []*widget.Check
	editor     *electionsEditor
}

func newReadinessScreen(u *ui) screen {
	s := &readinessScreen{u: u, store: readiness.NewStore(u.db), now: time.Now, rows: map[string]*taskRow{}}
	s.picker = widget.NewSelect(nil, func(string) { s.showSelected() })
	s.picker.PlaceHolder = "No election on the calendar"
	s.headline = widget.NewLabel("")
	s.headline.TextStyle = fyne.TextStyle{Bold: true}
	s.headline.Wrapping = fyne.TextWrapWord
	s.headline.SizeName = theme.SizeNameSubHeadingText
	s.summary = widget.NewLabel("")
	s.summary.Wrapping = fyne.TextWrapWord
	s.tasks = container.NewVBox()
	s.printBtn = widget.NewButtonWithIcon("Print checklist…", theme.DocumentPrintIcon(), func() { s.askExport(".pdf") })
	s.icsBtn = widget.NewButtonWithIcon("Add to calendar (.ics)…", theme.CalendarIcon(), func() { s.askExport(".ics") })
	toolbar := container.NewBorder(nil, nil, widget.NewLabel("Election:"),
		container.NewHBox(widget.NewButtonWithIcon("Elections…", theme.ListIcon(), s.showElections), s.printBtn, s.icsBtn),
		s.picker)
	header := container.NewVBox(toolbar, s.headline, s.summary, widget.NewSeparator())
	s.content = container.NewBorder(header, nil, nil, nil, container.NewVScroll(container.NewPadded(s.tasks)))
	s.reload(0)
	return s
}

// view refreshes the board each time it comes into view: the data behind it
// may have changed on another screen.
func (s *readinessScreen) view() fyne.CanvasObject {
	s.showSelected()
	return s.content
}

// exportPDF prints the checklist (Ctrl+P).
func (s *readinessScreen) exportPDF() { s.askExport(".pdf") }

// reload reads the calendar again and selects the election with id select,
// or the next one ahead when select is 0.
func (s *readinessScreen) reload(selectID int64) {
	list, err := s.store.Elections()
	if err != nil {
		s.u.showError(err)
		return
	}
	s.elections = list
	s.picker.Options = labelsOf(list, electionLabel)
	if selectID == 0 {
		if next, ok, err := s.store.Next(s.now()); err == nil && ok {
			selectID = next.ID
		} else if len(list) > 0 {
			selectID = list[len(list)-1].ID
		}
	}
	for i, e := range list {
		if e.ID == selectID {
			s.picker.SetSelectedIndex(i) // shows the board
			return
		}
	}
	s.picker.ClearSelected()
	s.picker.Refresh()
	s.showSelected()
}

func electionLabel(e readiness.Election) string {
	return e.Day.Format("Jan 2, 2006") + " · " + e.Name
}

// board returns the board in view, if an election is chosen.
func (s *readinessScreen) board() (readiness.Board, bool) { return s.current, s.hasBoard }

// showSelected computes the board of the chosen election off the UI
// goroutine (comparing each controlled copy's pages takes a moment) and
// shows it when it is ready; a newer request wins over an older one.
func (s *readinessScreen) showSelected() {
	i := s.picker.SelectedIndex()
	if i < 0 || i >= len(s.elections) {
		s.showEmpty()
		return
	}
	id := s.elections[i].ID
	s.generation++
	generation := s.generation
	s.summary.SetText("Checking the binder…")
	compute := func() {
		b, err := s.store.Board(id, s.now())
		fyne.Do(func() {
			switch {
			case generation != s.generation:
			case err != nil:
				s.u.showError(err)
			default:
				s.showBoard(b)
			}
		})
	}
	s.u.inBackground(compute)
}

// wait returns once the boards being computed are shown.
func (s *readinessScreen) wait() { s.u.background.Wait() }

// showBoard shows a computed board.
func (s *readinessScreen) showBoard(b readiness.Board) {
	s.current, s.hasBoard = b, true
	s.printBtn.Enable()
	s.icsBtn.Enable()
	s.headline.SetText(b.Headline())
	s.summary.SetText(boardSummary(b))
	s.rows = map[string]*taskRow{}
	objects := make([]fyne.CanvasObject, 0, len(b.Tasks))
	for _, t := range b.Tasks {
		row := newTaskRow(s, t)
		s.rows[t.Key] = row
		objects = append(objects, row.view())
	}
	s.tasks.Objects = objects
	s.tasks.Refresh()
}

func boardSummary(b readiness.Board) string {
	text := fmt.Sprintf("%d overdue · %d due · %d done — as of %s", b.Overdue(), b.Open(),
		len(b.Tasks)-b.Overdue()-b.Open(), b.AsOf.Format("Monday, January 2"))
	if b.Election.Offices != "" {
		text += "\nOn the ballot: " + b.Election.Offices
	}
	return text
}

// showEmpty invites the clerk to put an election on the calendar.
func (s *readinessScreen) showEmpty() {
	s.generation++
	s.current, s.hasBoard = readiness.Board{}, false
	s.printBtn.Disable()
	s.icsBtn.Disable()
	s.headline.SetText("No election on the calendar")
	s.summary.SetText("Add the next election, or import the state's calendar, and this board lists what must be " +
		"ready before it: the call tree, verified contacts, the approved plan, binder copies, training, an exercise, " +
		"backups, the go-kit and the pocket cards.")
	s.rows = map[string]*taskRow{}
	s.tasks.Objects = []fyne.CanvasObject{container.NewHBox(
		widget.NewButtonWithIcon("Add an election…", theme.ContentAddIcon(), s.showElections),
		widget.NewButtonWithIcon("Import a calendar (.ics)…", theme.DownloadIcon(), s.askImport),
	)}
	s.tasks.Refresh()
}

// taskRow is one task on the board.
type taskRow struct {
	s     *readinessScreen
	task  readiness.Task
	state *widget.Label
	fix   *widget.Button
	tick  *widget.Button // nil for tasks the data decides
}

func newTaskRow(s *readinessScreen, t readiness.Task) *taskRow {
	r := &taskRow{s: s, task: t}
	r.state = widget.NewLabel(stateText(t.State))
	r.state.TextStyle = fyne.TextStyle{Bold: true}
	if t.Fix != readiness.AtBoard {
		r.fix = widget.NewButtonWithIcon(fixLabel(t.Fix), theme.NavigateNextIcon(), func() { s.goFix(t) })
	}
	if t.Tickable {
		r.tick = widget.NewButtonWithIcon(tickLabel(t), theme.ConfirmIcon(), func() { s.askTick(t) })
	}
	return r
}

func (r *taskRow) view() fyne.CanvasObject {
	t := r.task
	title := widget.NewLabel(t.Title)
	title.TextStyle = fyne.TextStyle{Bold: true}
	title.Wrapping = fyne.TextWrapWord
	why := widget.NewLabel(t.Why)
	why.Wrapping = fyne.TextWrapWord
	due := widget.NewLabel(dueText(t, r.s.current))
	due.TextStyle = fyne.TextStyle{Italic: true}
	buttons := container.NewHBox()
	for _, b := range []*widget.Button{r.fix, r.tick} {
		if b != nil {
			buttons.Add(b)
		}
	}
	left := container.NewVBox(container.NewHBox(widget.NewIcon(stateIcon(t.State)), r.state), due)
	bar := canvas.NewRectangle(stateColor(t.State))
	bar.SetMinSize(fyne.NewSize(5, 0))
	body := container.NewBorder(nil, nil, container.NewHBox(bar, container.NewGridWrap(fyne.NewSize(120, left.MinSize().Height), left)),
		container.NewVBox(buttons), container.NewVBox(title, why))
	return container.NewVBox(body, widget.NewSeparator())
}

func stateText(s readiness.State) string {
	switch s {
	case readiness.Overdue:
		return "OVERDUE"
	case readiness.Due:
		return "Due"
	}
	return "Done"
}

// stateIcon marks the state by shape as well as by color.
func stateIcon(s readiness.State) fyne.Resource {
	switch s {
	case readiness.Overdue:
		return theme.NewErrorThemedResource(theme.ErrorIcon())
	case readiness.Due:
		return theme.NewWarningThemedResource(theme.WarningIcon())
	}
	return theme.NewSuccessThemedResource(theme.ConfirmIcon())
}

func stateColor(s readiness.State) color.Color {
	switch s {
	case readiness.Overdue:
		return theme.Color(theme.ColorNameError)
	case readiness.Due:
		return theme.Color(theme.ColorNameWarning)
	}
	return theme.Color(theme.ColorNameSuccess)
}

// dueText says when a task falls due, such as "by Nov 26 (E-45)".
func dueText(t readiness.Task, b readiness.Board) string {
	days := int(b.Election.Day.Sub(t.Due).Hours() / 24)
	if days >= 0 {
		return fmt.Sprintf("by %s (E-%d)", t.Due.Format("Jan 2"), days)
	}
	return fmt.Sprintf("by %s (after the election)", t.Due.Format("Jan 2, 2006"))
}

// fixLabel is the text of the button that goes where a task is fixed.
func fixLabel(p readiness.Place) string {
	switch p {
	case readiness.AtCallTree:
		return "Open the call tree"
	case readiness.AtVerify:
		return "Verify contacts"
	case readiness.AtPlan:
		return "Open the plan"
	case readiness.AtPrint:
		return "Print the binder…"
	case readiness.AtTraining:
		return "Open compliance"
	case readiness.AtBackup:
		return "Back up now…"
	case readiness.AtExercise:
		return "Open exercises"
	}
	return "Open"
}

func tickLabel(t readiness.Task) string {
	switch {
	case len(t.Items) > 0:
		return "Check the list…"
	case t.Tick != nil:
		return "Change or undo…"
	}
	return "Mark done…"
}

// goFix brings into view the place where a task is put right.
func (s *readinessScreen) goFix(t readiness.Task) {
	nav := s.u.nav
	switch t.Fix {
	case readiness.AtCallTree:
		nav.showTitled("Contacts")
		if c, ok := nav.current().(*contactsScreen); ok {
			c.tabs.Select(c.treeTab)
		}
	case readiness.AtVerify:
		nav.showTitled("Contacts")
		if c, ok := nav.current().(*contactsScreen); ok {
			c.tabs.SelectIndex(0)
			c.due.SetChecked(true)
		}
	case readiness.AtPlan:
		nav.showTitled("Plans")
	case readiness.AtPrint:
		s.printPlan()
	case readiness.AtTraining:
		nav.showTitled("Training")
		if tr, ok := nav.current().(*trainingScreen); ok {
			tr.tabs.SelectIndex(1)
		}
	case readiness.AtBackup:
		s.u.askBackup()
	case readiness.AtExercise:
		nav.showTitled("Exercises")
	}
}

// printPlan opens the print dialog of the plan the board speaks of.
func (s *readinessScreen) printPlan() {
	id, err := s.store.CurrentPlanID()
	if err != nil {
		s.u.showError(err)
		return
	}
	if id == 0 {
		s.u.nav.showTitled("Plans")
		return
	}
	s.u.exportPlanPDF(id)
}

// openingPage is the page the window opens on: the board when an election
// is within 90 days, else the page the clerk last had open.
func (n *navigation) openingPage() int {
	now := time.Now()
	next, ok, err := readiness.NewStore(n.u.db).Next(now)
	if err == nil && ok && next.DaysUntil(now) <= openFirstDays {
		for i, p := range n.pages {
			if p.title == readinessTitle {
				return i
			}
		}
	}
	return n.savedPage()
}
