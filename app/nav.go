package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// screen is one page of the window, reached from the navigation list.
type screen interface {
	view() fyne.CanvasObject
}

// page is an entry of the navigation list.
type page struct {
	title string
	icon  fyne.Resource
	build func(*ui) screen
}

func pages() []page {
	return []page{
		{"Plans", theme.DocumentIcon(), newPlansScreen},
		{"Contacts", theme.AccountIcon(), newContactsScreen},
		{"Training", theme.CalendarIcon(), newTrainingScreen},
		{readinessTitle, theme.ConfirmIcon(), newReadinessScreen},
		{"Exercises", theme.MediaPlayIcon(), newExercisesScreen},
		{"County exchange", theme.MailSendIcon(), newExchangeScreen},
		{"Settings", theme.SettingsIcon(), newSettingsScreen},
	}
}

// navigation is the list on the left and the screen it selects on the right.
type navigation struct {
	u       *ui
	pages   []page
	built   []screen
	list    *widget.List
	content *fyne.Container
	shown   int
}

func newNavigation(u *ui) *navigation {
	n := &navigation{u: u, pages: pages(), shown: -1}
	n.built = make([]screen, len(n.pages))
	n.content = container.NewStack()
	n.list = widget.NewList(
		func() int { return len(n.pages) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.DocumentIcon()), widget.NewLabel("Navigation"))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Icon).SetResource(n.pages[id].icon)
			row.Objects[1].(*widget.Label).SetText(n.pages[id].title)
		},
	)
	n.list.OnSelected = func(id widget.ListItemID) { n.show(id) }
	return n
}

func (n *navigation) view() fyne.CanvasObject {
	split := container.NewHSplit(n.list, n.content)
	split.SetOffset(0.16)
	return split
}

// show brings the page at index into view, once a value the page in view
// could not save has been fixed or left.
func (n *navigation) show(index int) {
	if index == n.shown {
		return
	}
	n.u.whenSaved(func() { n.switchTo(index) }, func() { n.list.Select(n.shown) })
}

// switchTo brings the page at index into view, building its screen the first time.
func (n *navigation) switchTo(index int) {
	if n.built[index] == nil {
		n.built[index] = n.pages[index].build(n.u)
	}
	n.shown = index
	if err := n.u.settings.SetInt(pageKey, index); err != nil && !n.u.readOnly() {
		n.u.showError(err)
	}
	n.content.Objects = []fyne.CanvasObject{n.u.guardEdits(n.built[index].view())}
	n.content.Refresh()
	n.list.Select(index)
	n.u.followScreen()
}

// showTitled brings the page with the given title into view.
func (n *navigation) showTitled(title string) {
	for i, p := range n.pages {
		if p.title == title {
			n.show(i)
		}
	}
}

// pageKey remembers the page in view, so the app reopens where the clerk left it.
const pageKey = "window.page"

func (n *navigation) savedPage() int {
	i, _ := n.u.settings.GetInt(pageKey, 0)
	if i < 0 || i >= len(n.pages) {
		return 0
	}
	return i
}

func (n *navigation) current() screen {
	if n.shown < 0 {
		return nil
	}
	return n.built[n.shown]
}

// rebuild drops every built screen, for when the database underneath changed.
func (n *navigation) rebuild() {
	shown := n.shown
	n.built = make([]screen, len(n.pages))
	n.shown = -1
	n.show(max(shown, 0))
}
