package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"electionbinder/internal/plan"
)

// askReimport brings an edited Markdown copy of the open plan (exported
// from here, or from Word through pandoc) back into it, after showing what
// would change.
func (s *plansScreen) askReimport() {
	if s.plan == nil {
		return
	}
	id := s.plan.ID
	req := fileRequest{title: "Bring an edited copy back in", kind: "Markdown", exts: []string{".md", ".markdown", ".txt"}}
	s.u.openAndRead(req, 64<<20, func(name string, src []byte) {
		if d := s.reviewReimport(id, name, src); d != nil {
			d.Show()
		}
	})
}

// reviewReimport lists what bringing src into plan id changes; the plan
// is written, as a new draft, only when the clerk confirms.
func (s *plansScreen) reviewReimport(id int64, name string, src []byte) *dialog.ConfirmDialog {
	r, err := s.store.PrepareReimport(id, src)
	if err != nil {
		s.u.showError(fmt.Errorf("%s could not be read: %w", name, err))
		return nil
	}
	var lines []string
	for _, c := range r.Changes {
		if c.Kind != plan.Unchanged {
			lines = append(lines, reimportLine(c))
		}
	}
	changed, added, removed := r.Counts()
	summary := widget.NewLabel(fmt.Sprintf("%d changed, %d added, %d removed. The plan becomes a draft until it is approved again.",
		changed, added, removed))
	summary.Wrapping = fyne.TextWrapWord
	if len(lines) == 0 {
		summary.SetText("The file reads the same as the plan: nothing would change.")
	}
	list := widget.NewList(func() int { return len(lines) }, func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(lines[i]) })
	d := dialog.NewCustomConfirm("Bring "+name+" into this plan?", "Bring in as a draft", "Cancel",
		container.NewBorder(summary, nil, nil, nil, list), func(ok bool) {
			if ok {
				s.applyReimport(r)
			}
		}, s.u.win)
	d.Resize(fyne.NewSize(620, 420))
	return d
}

// reimportLine is one change as the review lists it.
func reimportLine(c plan.Change) string {
	what := "Section"
	if c.IsScenario {
		what = "Scenario"
	}
	title := c.Title
	if c.OldTitle != "" && c.OldTitle != c.Title {
		title = c.OldTitle + " → " + c.Title
	}
	return fmt.Sprintf("%s %s: %s", what, c.Kind, title)
}

// applyReimport writes the reviewed file into the plan and shows it.
func (s *plansScreen) applyReimport(r *plan.Reimport) {
	err := s.store.ApplyReimport(r)
	s.u.saved(err)
	if err != nil {
		return
	}
	s.plan = nil
	s.reloadList(r.PlanID)
}
