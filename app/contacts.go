package app

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"electionbinder/internal/contacts"
	"electionbinder/internal/plural"
	"electionbinder/internal/settings"
)

const (
	allLevels = "All levels"
	allRoles  = "All roles"
)

// contactsScreen is the directory: a list on the left that searches as the
// clerk types and filters by level, role and verification, the selected
// contact's form on the right, and the call tree in its own tab.
type contactsScreen struct {
	u     *ui
	store *contacts.Store
	index *contacts.Index
	ids   []int64 // the contacts the list shows, in order
	days  int     // the verification setting, read at each refresh
	now   func() time.Time
	draft newRecord[contacts.Contact] // the contact New person just added

	search  *widget.Entry
	level   *widget.Select
	role    *widget.Select
	due     *widget.Check
	retired *widget.Check
	count   *widget.Label
	verify  *widget.Button // marks every listed contact verified today
	none    *widget.Label  // shown over the empty list
	gapText *widget.Label  // the roles with gaps, shortened, above the list
	gaps    *widget.Button // opens the call tree, which lists every gap
	banner  fyne.CanvasObject
	list    *widget.List
	detail  *contactDetail
	tree    *callTreeView
	tabs    *container.AppTabs
	preview *importPreview // the last import preview shown
	treeTab *container.TabItem
	content fyne.CanvasObject

	// wholeText and wholeTextWidth remember the gap warning's uncut width.
	wholeText      string
	wholeTextWidth float32
}

func newContactsScreen(u *ui) screen {
	s := &contactsScreen{u: u, store: contacts.NewStore(u.db), now: time.Now}
	if err := s.store.EnsureDefaults(); err != nil {
		u.showError(err)
	}
	s.draft = newRecord[contacts.Contact]{load: s.store.Get, discard: s.store.Delete,
		inUse: func(id int64) bool { return len(s.index.Holdings(id)) > 0 }}
	s.detail = newContactDetail(s)
	s.tree = newCallTreeView(s)
	s.buildFilters()
	s.buildList()
	s.content = newRefreshWatch("Contacts", s.layout(), s.catchUp)
	s.reload()
	return s
}

func (s *contactsScreen) view() fyne.CanvasObject { return s.content }

// focusSearch brings the directory into view and puts the cursor in the search box (Ctrl+F).
func (s *contactsScreen) focusSearch() {
	s.tabs.SelectIndex(0)
	s.u.win.Canvas().Focus(s.search)
}

// menuImport is File → Import… on this screen.
func (s *contactsScreen) menuImport() { s.askImport() }

// menuExport is File → Export… on this screen: the directory as a
// spreadsheet or as vCards.
func (s *contactsScreen) menuExport() {
	s.u.choose("Export the directory", "Export every contact as a spreadsheet (CSV) for Excel or Outlook, or as vCards for a phone or an address book.",
		choice{"Spreadsheet (.csv)", func() { s.askExport("csv") }},
		choice{"vCards (.vcf)", func() { s.askExport("vcf") }})
}

// createNew adds a person and opens it for editing (Ctrl+N).
func (s *contactsScreen) createNew() { s.addContact(contacts.Person) }

func (s *contactsScreen) buildFilters() {
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder("Search name, organization, role, phone or email")
	s.search.OnChanged = func(string) { s.refresh() }
	s.search.OnSubmitted = func(string) { s.openFirst() }
	levels := []string{allLevels}
	for _, l := range contacts.Levels {
		levels = append(levels, l.Label())
	}
	s.level = widget.NewSelect(levels, func(string) { s.refresh() })
	s.level.PlaceHolder = "Level"
	s.level.SetSelected(allLevels)
	s.role = widget.NewSelect([]string{allRoles}, func(string) { s.refresh() })
	s.role.PlaceHolder = "Role"
	s.role.SetSelected(allRoles)
	s.due = widget.NewCheck("Due for verifying", func(bool) { s.refresh() })
	s.retired = widget.NewCheck("Show retired", func(bool) { s.refresh() })
	s.count = widget.NewLabel("")
	s.verify = widget.NewButtonWithIcon("Mark listed verified…", theme.ConfirmIcon(), s.askVerifyListed)
	s.none = widget.NewLabel("")
	s.none.Alignment = fyne.TextAlignCenter
	s.none.Wrapping = fyne.TextWrapWord
	s.none.Importance = widget.LowImportance
	s.gapText = widget.NewLabel("")
	s.gapText.Truncation = fyne.TextTruncateEllipsis // one line; the call tree lists every gap
	s.gapText.Importance = widget.WarningImportance
	s.gaps = widget.NewButtonWithIcon("Open the call tree", theme.NavigateNextIcon(), func() { s.tabs.Select(s.treeTab) })
	s.gaps.IconPlacement = widget.ButtonIconTrailingText
	s.banner = container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), container.NewCenter(s.gaps), s.gapText)
}

func (s *contactsScreen) layout() fyne.CanvasObject {
	filters := container.NewVBox(
		container.NewBorder(nil, nil, nil, s.count, s.search),
		container.NewGridWithColumns(2, s.level, s.role),
		container.NewBorder(nil, nil, container.NewHBox(s.due, s.retired), s.verify),
	)
	left := container.NewBorder(filters, nil, nil, nil, container.NewStack(s.list, container.NewVBox(s.none)))
	split := container.NewHSplit(left, s.detail.view())
	split.SetOffset(0.42)
	toolbar := container.NewHBox(
		widget.NewButtonWithIcon("New person", theme.ContentAddIcon(), func() { s.addContact(contacts.Person) }),
		widget.NewButtonWithIcon("New organization", theme.ContentAddIcon(), func() { s.addContact(contacts.Organization) }),
		widget.NewButtonWithIcon("Import…", theme.DownloadIcon(), s.askImport),
		widget.NewButtonWithIcon("Export…", theme.UploadIcon(), s.menuExport),
	)
	directory := container.NewBorder(newBesideOrBelow(toolbar, s.banner, s.wholeBannerWidth, legibleBannerWidth), nil, nil, nil, split)
	s.treeTab = container.NewTabItemWithIcon("Call tree", theme.ListIcon(), s.tree.view())
	s.tabs = container.NewAppTabs(container.NewTabItemWithIcon("Directory", theme.AccountIcon(), directory), s.treeTab)
	s.tabs.OnSelected = func(t *container.TabItem) {
		if t == s.treeTab {
			s.tree.refresh() // names and numbers edited in the form since
		}
	}
	return s.tabs
}

// reload reads the whole directory again, after imports and role changes.
func (s *contactsScreen) reload() {
	ix, err := s.store.LoadIndex()
	if err != nil {
		s.u.showError(err)
		return
	}
	var filtered int64 // the role the list is filtered by, found again by id after a rename
	if s.index != nil {
		filtered = s.filter().RoleID
	}
	s.index = ix
	roles := []string{allRoles}
	selected := allRoles
	for _, r := range ix.Roles() {
		roles = append(roles, r.Name)
		if r.ID == filtered {
			selected = r.Name
		}
	}
	s.role.SetOptions(roles)
	if s.role.Selected != selected {
		s.role.SetSelected(selected)
	}
	s.refresh()
	s.tree.refresh()
	s.detail.reshow()
}

// catchUp follows a verification setting changed on the Settings screen
// since the directory was last shown.
func (s *contactsScreen) catchUp() {
	if s.index == nil || s.verifyDays() == s.days {
		return
	}
	s.refresh()
	if c, ok := s.detail.current(); ok {
		s.detail.showVerified(c)
	}
}

// refreshWatch wraps a screen's content and runs a function each time it is
// refreshed, as the navigation does when it brings the screen into view.
type refreshWatch struct {
	widget.BaseWidget
	name      string // the screen's name, for screen readers
	content   fyne.CanvasObject
	onRefresh func()
}

func newRefreshWatch(name string, content fyne.CanvasObject, onRefresh func()) *refreshWatch {
	w := &refreshWatch{name: name, content: content, onRefresh: onRefresh}
	w.ExtendBaseWidget(w)
	return w
}

// CreateRenderer shows the wrapped content.
func (w *refreshWatch) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(w.content)
}

// Refresh runs the function, then refreshes the content.
func (w *refreshWatch) Refresh() {
	w.onRefresh()
	w.BaseWidget.Refresh()
}

// verifyDays is the setting after which a contact is due for verifying.
func (s *contactsScreen) verifyDays() int {
	days, _ := s.u.settings.GetInt(settings.VerifyDaysKey, settings.DefaultVerifyDays)
	return days
}

// filter is what the search box and the filters ask for.
func (s *contactsScreen) filter() contacts.Filter {
	f := contacts.Filter{Search: s.search.Text, IncludeRetired: s.retired.Checked, NeedsVerifying: s.due.Checked,
		VerifyDays: s.days, Today: s.now()}
	if i := s.level.SelectedIndex(); i > 0 {
		f.Level = contacts.Levels[i-1]
	}
	if i := s.role.SelectedIndex(); i > 0 && i <= len(s.index.Roles()) {
		f.RoleID = s.index.Roles()[i-1].ID
	}
	return f
}

// refresh runs the search again and shows the result; the selected contact
// stays selected when it is still listed.
func (s *contactsScreen) refresh() {
	if s.index == nil {
		return
	}
	s.days = s.verifyDays()
	s.ids = s.index.SearchIDs(s.filter())
	total := s.index.Len()
	if len(s.ids) == total {
		s.count.SetText(fmt.Sprintf("%d contacts", total))
	} else {
		s.count.SetText(fmt.Sprintf("%d of %d", len(s.ids), total))
	}
	s.none.SetText("")
	s.verify.Enable()
	if len(s.ids) == 0 {
		s.verify.Disable()
		s.none.SetText("No contact matches. Clear the search or the filters to see the whole directory.")
	}
	s.list.UnselectAll()
	s.list.Refresh()
	if i := s.indexOf(s.detail.id); i >= 0 {
		s.list.Select(i)
	}
}

// askVerifyListed asks before marking every contact the list shows as
// verified today, for the clerk who has just called down the list.
func (s *contactsScreen) askVerifyListed() {
	ids := append([]int64(nil), s.ids...)
	if len(ids) == 0 {
		return
	}
	question := fmt.Sprintf("Mark the %s listed as verified today?\nDo this after you have confirmed their details.",
		plural.Count(len(ids), "contact", "contacts"))
	dialog.ShowConfirm("Mark verified", question, func(ok bool) {
		if ok {
			s.verifyAll(ids)
		}
	}, s.u.win)
}

// verifyAll marks the contacts ids verified today and shows the result.
func (s *contactsScreen) verifyAll(ids []int64) {
	if err := s.store.MarkAllVerified(ids, s.now()); err != nil {
		s.u.saved(err)
		return
	}
	s.reload()
	s.u.status.set(fmt.Sprintf("Marked %s verified", plural.Count(len(ids), "contact", "contacts")))
}

func (s *contactsScreen) indexOf(id int64) int {
	for i, v := range s.ids {
		if v == id {
			return i
		}
	}
	return -1
}

// showGaps updates the warning above the list and the call tree tab's title.
// The warning is one line that names the first few roles, beside the toolbar
// when it fits there whole and under it when not, and is cut short where the
// window ends, so it never widens the window; its button opens the call
// tree, which lists every gap.
func (s *contactsScreen) showGaps(gaps []contacts.CallTreeEntry) {
	if len(gaps) == 0 {
		s.banner.Hide()
		s.treeTab.Text = "Call tree"
		s.tabs.Refresh()
		return
	}
	missing := make([]string, len(gaps))
	for i, g := range gaps {
		missing[i] = g.Role.Name + ": " + strings.Replace(g.Gap(), "No ", "no ", 1)
	}
	s.gapText.SetText(joinShort(missing, 3))
	s.banner.Show()
	s.treeTab.Text = fmt.Sprintf("Call tree (%s)", plural.Count(len(gaps), "gap", "gaps"))
	s.tabs.Refresh()
}

// legibleBannerWidth is the narrowest the gap warning may be cut to beside
// the toolbar; narrower, it moves to a line of its own.
const legibleBannerWidth = 400

// wholeBannerWidth is the gap warning's width with nothing cut short.
func (s *contactsScreen) wholeBannerWidth() float32 {
	if s.wholeText != s.gapText.Text {
		s.wholeText = s.gapText.Text
		s.wholeTextWidth = widget.NewLabel(s.wholeText).MinSize().Width
	}
	return s.banner.MinSize().Width - s.gapText.MinSize().Width + s.wholeTextWidth
}

// addContact saves a new contact with a placeholder name and opens it, with
// the name ready to be typed over.
func (s *contactsScreen) addContact(kind contacts.Kind) {
	s.dropDraft(0)
	name := "New person"
	if kind == contacts.Organization {
		name = "New organization"
	}
	c, err := s.store.Create(contacts.Contact{Kind: kind, Name: name, Level: contacts.Other, Active: true})
	if err != nil {
		s.u.showError(err)
		return
	}
	s.index.Put(c)
	s.draft.added(c.ID)
	s.tabs.SelectIndex(0)
	s.search.SetText("")
	s.level.SetSelected(allLevels)
	s.role.SetSelected(allRoles)
	s.due.SetChecked(false)
	s.detail.show(c.ID)
	s.refresh()
	s.u.win.Canvas().Focus(s.detail.name)
	s.detail.name.TypedShortcut(&fyne.ShortcutSelectAll{})
	s.u.saved(nil)
}

// dropDraft deletes the contact New person added if the clerk left it as it
// was, unless it is keep, the contact being opened; it reports whether it did.
func (s *contactsScreen) dropDraft(keep int64) bool {
	id := s.draft.dropIfUntouched(keep)
	if id == 0 {
		return false
	}
	s.index.Remove(id)
	s.refresh()
	return true
}

// selectInList highlights the contact in the list, when it is listed.
func (s *contactsScreen) selectInList(id int64) {
	if i := s.indexOf(id); i >= 0 {
		s.list.Select(i)
	}
}

// leave drops an untouched new contact when the clerk moves to another screen.
func (s *contactsScreen) leave() {
	if s.dropDraft(0) {
		s.detail.show(0)
	}
}

// saved takes a contact just written into the index and the list.
func (s *contactsScreen) saved(c contacts.Contact) {
	s.index.Put(c)
	if i := s.indexOf(c.ID); i >= 0 {
		s.list.RefreshItem(i)
	}
}

// openFirst opens the first contact listed (Enter in the search box).
func (s *contactsScreen) openFirst() {
	if len(s.ids) > 0 {
		s.list.Select(0)
		s.list.ScrollToTop()
	}
}
