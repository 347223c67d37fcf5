package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"electionbinder/internal/exercise"
	"electionbinder/internal/plan"
	"electionbinder/internal/plural"
)

// gapPanel lists what the plan still lacks; choosing a gap jumps to the
// section or scenario it is in.
type gapPanel struct {
	s     *plansScreen
	gaps  []plan.Gap
	title *widget.Label
	list  *widget.List
}

func newGapPanel(s *plansScreen) *gapPanel {
	g := &gapPanel{s: s, title: widget.NewLabelWithStyle("Gaps", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	g.list = widget.NewList(
		func() int { return len(g.gaps) },
		func() fyne.CanvasObject {
			return container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), nil, widget.NewLabel("Gap"))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			for _, obj := range row.Objects {
				if l, ok := obj.(*widget.Label); ok {
					l.SetText(g.gaps[i].Message)
				}
			}
		})
	g.list.OnSelected = func(i widget.ListItemID) {
		g.jump(g.gaps[i])
		g.list.UnselectAll()
	}
	return g
}

func (g *gapPanel) view() fyne.CanvasObject {
	return container.NewBorder(g.title, nil, nil, nil, g.list)
}

func (g *gapPanel) show(gaps []plan.Gap) {
	g.gaps = gaps
	if len(gaps) == 0 {
		g.title.SetText("Gaps: none. Every section is filled and every role has a primary and a backup.")
	} else {
		g.title.SetText(fmt.Sprintf("Gaps: %d to fill (choose one to go there)", len(gaps)))
	}
	g.list.Refresh()
}

// jump goes to where a gap is fixed: the call tree for a role without
// holders, Settings for a blank profile field, the plan's review date, or
// the section or scenario.
func (g *gapPanel) jump(gap plan.Gap) {
	_, roleExists := g.s.resolver.Role(gap.Role)
	setting, inSettings := placeholderSettings[gap.Field]
	switch {
	case gap.Kind == plan.GapNoPrimary || gap.Kind == plan.GapNoBackup,
		gap.Kind == plan.GapPlaceholder && gap.Field == "role" && roleExists:
		g.s.u.openRole(gap.Role)
	case gap.Kind == plan.GapPlaceholder && inSettings:
		g.s.u.openSetting(setting)
	case gap.SectionID != 0:
		g.s.tree.selectSection(gap.SectionID)
	case gap.ScenarioID != 0:
		g.s.scen.selectScenario(gap.ScenarioID)
	case gap.Kind == plan.GapReviewOverdue || gap.Kind == plan.GapNoReviewDate:
		focusPlanField(g.s.review)
	case gap.Kind == exercise.GapOpenItem:
		g.jumpToItem()
	}
}

// gapNotice says how many gaps the plan still has, with advice, and a button
// that shows them; it is nil when there are none.
func gapNotice(count int, advice string, see func()) (notice fyne.CanvasObject, seeButton *widget.Button) {
	if count == 0 {
		return nil, nil
	}
	text := widget.NewLabel(fmt.Sprintf("%s in this plan. %s", plural.Count(count, "gap remains", "gaps remain"), advice))
	text.Wrapping = fyne.TextWrapWord
	text.Importance = widget.WarningImportance
	seeButton = widget.NewButtonWithIcon("See the gaps", theme.NavigateNextIcon(), see)
	return container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), container.NewCenter(seeButton), text), seeButton
}

// reveal puts the keyboard in the gap list, scrolled to the first gap.
func (g *gapPanel) reveal() {
	g.list.ScrollToTop()
	g.s.u.win.Canvas().Focus(g.list)
	g.s.u.status.set(g.title.Text)
}

// showPlanGaps brings the plan with the given id into the Plans screen and
// its gap list into view.
func (u *ui) showPlanGaps(planID int64) {
	u.nav.showTitled("Plans")
	s, ok := u.nav.current().(*plansScreen)
	if !ok {
		return
	}
	if s.plan == nil || s.plan.ID != planID {
		s.reloadList(planID)
	}
	s.gaps.reveal()
}
