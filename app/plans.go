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

	"electionbinder/internal/plan"
)

// plansScreen is the contingency-plan editor: the plan picker and its
// details at the top, the section tree and the scenarios on the left, the
// editor of the selected section (Markdown beside its preview) or scenario
// on the right, and the gaps below it. Every edit is saved as it is typed.
type plansScreen struct {
	u        *ui
	store    *plan.Store
	resolver *plan.Resolver

	plans  []plan.Summary
	picker *widget.Select
	plan   *plan.Plan // the plan being edited; nil when there is none
	today  func() time.Time

	title         *widget.Entry
	review        *widget.Entry
	status        *widget.Label
	actions       *fyne.Container
	tree          *sectionTree
	scen          *scenarioPane
	section       *sectionEditor
	scenario      *scenarioEditor
	gaps          *gapPanel
	left          *container.AppTabs // the sections and the scenarios, one tab each
	editor        *fyne.Container    // shows the section editor, the scenario editor or a hint
	body          *fyne.Container    // the whole editor, or the empty-state offer
	content       fyne.CanvasObject
	editingLayout fyne.CanvasObject
	newPlan       *dialog.FormDialog // the open "new plan" dialog, if any
	newPlanPack   *widget.Select     // its choice of state pack
	paste         *pasteForm         // the open "paste text" dialog, if any
	deletion      *question
	approval      *approveForm   // the open approval dialog, if any
	revisions     *revisionView  // the open record of changes, if any
	updates       *widget.Button // opens the offered template changes
	updatesView   *updatesView   // the open template updates, if any
	loading       bool           // set while widgets are filled from the store, so no save happens
}

func newPlansScreen(u *ui) screen {
	s := &plansScreen{u: u, store: plan.NewStore(u.db), today: time.Now}
	s.build()
	s.refreshResolver()
	s.reloadList(0)
	return s
}

func (s *plansScreen) build() {
	s.picker = widget.NewSelect(nil, s.pickTitle)
	s.picker.PlaceHolder = "Choose a plan"
	s.title = widget.NewEntry()
	s.title.SetPlaceHolder("Plan title")
	s.title.OnChanged = s.saveTitle
	s.review = widget.NewEntry()
	s.review.SetPlaceHolder("YYYY-MM-DD")
	s.review.OnChanged = s.saveReview
	s.status = widget.NewLabel("")
	s.status.Truncation = fyne.TextTruncateEllipsis
	s.actions = s.actionBar()
	s.tree = newSectionTree(s)
	s.scen = newScenarioPane(s)
	s.section = newSectionEditor(s)
	s.scenario = newScenarioEditor(s)
	s.gaps = newGapPanel(s)
	s.editor = container.NewStack(s.hint())
	s.left = container.NewAppTabs(
		container.NewTabItemWithIcon("Sections", theme.ListIcon(), s.tree.view()),
		container.NewTabItemWithIcon("Mock incidents", theme.WarningIcon(), s.scen.view()))
	right := container.NewVSplit(s.editor, s.gaps.view())
	right.SetOffset(0.78)
	split := container.NewHSplit(s.left, right)
	split.SetOffset(0.27)
	header := container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabel("Plan"), nil, s.picker),
		container.NewBorder(nil, nil, widget.NewLabel("Title"), container.NewHBox(widget.NewLabel("Next review"), container.NewGridWrap(fyne.NewSize(120, s.review.MinSize().Height), s.review)), s.title),
		container.NewBorder(nil, nil, nil, s.actions, s.status),
	)
	editing := container.NewBorder(header, nil, nil, nil, split)
	s.editingLayout = editing
	s.body = container.NewStack(editing)
	s.content = s.body
}

func (s *plansScreen) hint() fyne.CanvasObject {
	return container.NewCenter(widget.NewLabel("Choose a section or a scenario on the left to edit it."))
}

func (s *plansScreen) actionBar() *fyne.Container {
	s.updates = widget.NewButtonWithIcon(updatesButtonText(0), theme.DownloadIcon(), s.showUpdates)
	s.updates.Hide() // shown while a newer template version offers something
	return container.NewHBox(
		s.updates,
		widget.NewButtonWithIcon("New", theme.ContentAddIcon(), s.createNew),
		widget.NewButtonWithIcon("Print", theme.DocumentPrintIcon(), s.exportPDF),
		widget.NewButtonWithIcon("Approve…", theme.ConfirmIcon(), s.askApprove),
		widget.NewButtonWithIcon("Revisions", theme.HistoryIcon(), s.showRevisions),
		s.moreButton(),
	)
}

// moreButton opens a menu of the less frequent actions.
func (s *plansScreen) moreButton() *widget.Button {
	var b *widget.Button
	b = widget.NewButtonWithIcon("More", theme.MoreHorizontalIcon(), func() {
		menu := fyne.NewMenu("",
			fyne.NewMenuItem("Export as Markdown…", s.askExport),
			fyne.NewMenuItem("Import a Markdown file as a new plan…", s.askImport),
			fyne.NewMenuItem("Bring an edited Markdown copy back into this plan…", s.askReimport),
			fyne.NewMenuItem("Paste text as a new plan…", s.askPaste),
			fyne.NewMenuItem("Save as template…", s.askSaveTemplate),
			fyne.NewMenuItemSeparator(),
			fyne.NewMenuItem("Delete this plan…", s.askDelete),
		)
		widget.ShowPopUpMenuAtRelativePosition(menu, s.u.win.Canvas(), fyne.NewPos(0, b.Size().Height), b)
	})
	return b
}

func (s *plansScreen) view() fyne.CanvasObject {
	s.refreshResolver()
	if s.plan != nil {
		s.showStatus()
		s.refreshGaps()
		s.section.refreshPreview()
	}
	return s.content
}

// menuImport and menuExport are File → Import… and Export… on this screen:
// a Markdown file as a new plan, and the plan in view as Markdown.
func (s *plansScreen) menuImport() { s.askImport() }
func (s *plansScreen) menuExport() { s.askExport() }

// exportPDF prints the plan being edited as a binder (Ctrl+P).
func (s *plansScreen) exportPDF() {
	if s.plan != nil {
		s.u.exportPlanPDF(s.plan.ID)
	}
}

// focusSearch puts the cursor in the section filter (Ctrl+F).
func (s *plansScreen) focusSearch() {
	s.tree.focusFilter()
}

// refreshResolver rereads the profile and the call tree, which other
// screens may have changed.
func (s *plansScreen) refreshResolver() {
	r, err := s.store.Resolver()
	if err != nil {
		s.u.showError(err)
		return
	}
	s.resolver = r
}

// reloadList rereads the list of plans and opens selectID, or the first plan.
func (s *plansScreen) reloadList(selectID int64) {
	list, err := s.store.List()
	if err != nil {
		s.u.showError(err)
		return
	}
	s.plans = list
	titles := make([]string, len(list))
	for i, p := range list {
		titles[i] = planPickerLabel(p)
	}
	s.picker.SetOptions(titles)
	if len(list) == 0 {
		s.showEmpty()
		return
	}
	if selectID == 0 {
		selectID = list[0].ID
	}
	for i, p := range list {
		if p.ID == selectID {
			s.picker.SetSelectedIndex(i)
		}
	}
}

func planPickerLabel(p plan.Summary) string {
	return fmt.Sprintf("%s (%s, #%d)", p.Title, p.Status, p.ID)
}

func (s *plansScreen) pickTitle(string) {
	i := s.picker.SelectedIndex()
	if i < 0 || i >= len(s.plans) {
		return
	}
	if s.plan == nil || s.plan.ID != s.plans[i].ID {
		s.open(s.plans[i].ID)
	}
}

// showEmpty offers to start a plan when there is none.
func (s *plansScreen) showEmpty() {
	s.plan = nil
	start := widget.NewButtonWithIcon("Start from the built-in template", theme.ContentAddIcon(), s.createNew)
	start.Importance = widget.HighImportance
	s.body.Objects = []fyne.CanvasObject{container.NewCenter(container.NewVBox(
		widget.NewLabelWithStyle("No contingency plan yet", fyne.TextAlignCenter, fyne.TextStyle{Bold: true}),
		widget.NewLabel("Start from the built-in template, written for county and municipal clerks,\nor bring in the plan you keep today as a Markdown file."),
		start,
		widget.NewButtonWithIcon("Import a Markdown file…", theme.FolderOpenIcon(), s.askImport),
		widget.NewButtonWithIcon("Paste the text of your plan…", theme.ContentPasteIcon(), s.askPaste),
		widget.NewButtonWithIcon("Try the sample county in a window of its own…", theme.FileApplicationIcon(), s.u.askSampleCounty),
	))}
	s.body.Refresh()
}

// open loads a plan into the editor.
func (s *plansScreen) open(id int64) {
	p, err := s.store.Load(id)
	if err != nil {
		s.u.showError(err)
		return
	}
	if len(s.body.Objects) == 0 || s.body.Objects[0] != s.editingLayout {
		s.body.Objects = []fyne.CanvasObject{s.editingLayout}
		s.body.Refresh()
	}
	s.plan = p
	s.fillHeader()
	s.tree.reload()
	s.scen.reload()
	s.showHint()
	s.refreshGaps()
	s.refreshUpdates()
}

func (s *plansScreen) fillHeader() {
	s.loading = true
	defer func() { s.loading = false }()
	s.title.SetText(s.plan.Title)
	s.review.SetText(formatPlanDate(s.plan.NextReview))
	s.showStatus()
}

func (s *plansScreen) showStatus() {
	p := s.plan
	var parts []string
	if s.resolver != nil && s.resolver.Profile().Jurisdiction != "" {
		parts = append(parts, s.resolver.Profile().Jurisdiction)
	}
	parts = append(parts, strings.ToUpper(string(p.Status[:1]))+string(p.Status[1:]))
	if rev, ok := p.LatestRevision(); ok {
		parts = append(parts, fmt.Sprintf("revision %d approved by %s on %s", rev.Number, rev.ApprovedBy,
			rev.ApprovedAt.Local().Format("Jan 2, 2006")))
	} else {
		parts = append(parts, "never approved")
	}
	parts = append(parts, fmt.Sprintf("%d sections, %d scenarios", len(p.Sections), len(p.Scenarios)))
	s.status.SetText(strings.Join(parts, " · "))
	s.relabel()
}

// relabel keeps the plan picker's label of the open plan in step with its
// title and status as they are edited.
func (s *plansScreen) relabel() {
	i := s.picker.SelectedIndex()
	if i < 0 || i >= len(s.plans) || s.plans[i].ID != s.plan.ID {
		return
	}
	s.plans[i].Title, s.plans[i].Status = s.plan.Title, s.plan.Status
	label := planPickerLabel(s.plans[i])
	if s.picker.Options[i] == label {
		return
	}
	s.picker.Options[i] = label
	s.picker.Selected = label // set directly: OnChanged would reopen the plan
	s.picker.Refresh()
}

func formatPlanDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

func (s *plansScreen) showHint() {
	s.editor.Objects = []fyne.CanvasObject{s.hint()}
	s.editor.Refresh()
}

func (s *plansScreen) saveTitle(text string) {
	if s.loading || s.plan == nil || strings.TrimSpace(text) == "" || text == s.plan.Title {
		return
	}
	err := s.store.SetTitle(s.plan.ID, text)
	if err == nil {
		s.plan.Title = strings.TrimSpace(text)
		s.markEdited()
	}
	s.u.saved(err)
}

func (s *plansScreen) saveReview(text string) {
	if s.loading || s.plan == nil {
		return
	}
	var date time.Time
	if strings.TrimSpace(text) != "" {
		d, err := time.Parse("2006-01-02", strings.TrimSpace(text))
		if err != nil {
			s.u.status.set("Next review: type the date as YYYY-MM-DD")
			return
		}
		date = d
	}
	err := s.store.SetNextReview(s.plan.ID, date)
	if err == nil {
		s.plan.NextReview = date
		s.refreshGaps()
	}
	s.u.saved(err)
}

// markEdited notes in memory what the store did on an edit: the plan is a
// draft again, and the gap list may have changed.
func (s *plansScreen) markEdited() {
	s.plan.Status = plan.Draft
	s.showStatus()
	s.refreshGaps()
}

// refreshGaps reruns the gap check on the plan in memory.
func (s *plansScreen) refreshGaps() {
	if s.plan == nil || s.resolver == nil {
		return
	}
	s.gaps.show(append(plan.CheckPlan(s.plan, s.resolver, s.today()), s.improvementGaps()...))
}

// reloadPlan rereads the plan after a change of shape (sections added,
// moved or removed) and selects the section or scenario given.
func (s *plansScreen) reloadPlan(sectionID, scenarioID int64) {
	p, err := s.store.Load(s.plan.ID)
	if err != nil {
		s.u.showError(err)
		return
	}
	s.plan = p
	s.showStatus()
	s.tree.reload()
	s.scen.reload()
	s.refreshGaps()
	switch {
	case sectionID != 0:
		s.tree.selectSection(sectionID)
	case scenarioID != 0:
		s.scen.selectScenario(scenarioID)
	default:
		s.showHint()
	}
}

// sectionIndex returns the index of a section in the plan in memory.
func (s *plansScreen) sectionIndex(id int64) int {
	for i, sec := range s.plan.Sections {
		if sec.ID == id {
			return i
		}
	}
	return -1
}

// scenarioIndex returns the index of a scenario in the plan in memory.
func (s *plansScreen) scenarioIndex(id int64) int {
	for i, sc := range s.plan.Scenarios {
		if sc.ID == id {
			return i
		}
	}
	return -1
}
