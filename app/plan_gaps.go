package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"electionbinder/internal/exercise"
	"electionbinder/internal/plan"
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
