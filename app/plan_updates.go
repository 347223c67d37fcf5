package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"electionbinder/internal/plan"
)

// updatesView lists what a newer version of the plan's template or state
// pack adds or words differently, and lets the clerk take in or turn down
// each section or scenario on its own. Nothing changes until Accept.
type updatesView struct {
	s        *plansScreen
	offers   []plan.Offer
	selected int // index in offers; -1 when none is chosen
	list     *widget.List
	note     *widget.Label
	current  *widget.RichText // the plan's text now
	offered  *widget.RichText // the newer version's text
	accept   *widget.Button
	decline  *widget.Button
	allNew   *widget.Button // takes in every part the plan lacks, replacing nothing
	dialog   *dialog.CustomDialog
}

// updatesButtonText names the button by how many offers wait.
func updatesButtonText(n int) string {
	return fmt.Sprintf("Updates (%d)", n)
}

// refreshUpdates counts the offers for the open plan and sets the button.
func (s *plansScreen) refreshUpdates() {
	n := 0
	if s.plan != nil {
		offers, err := s.store.TemplateUpdates(s.plan.ID)
		if err != nil {
			s.u.showError(err)
		}
		n = len(offers)
	}
	s.updates.SetText(updatesButtonText(n))
	if n == 0 {
		s.updates.Hide()
	} else {
		s.updates.Show()
	}
}

// showUpdates opens the list of offered template changes.
func (s *plansScreen) showUpdates() {
	if s.plan == nil {
		return
	}
	v := &updatesView{s: s, selected: -1}
	if !v.load() {
		return
	}
	v.dialog = dialog.NewCustom("Template updates", "Close", v.build(), s.u.win)
	v.dialog.SetOnClosed(func() { s.updatesView = nil })
	v.dialog.Resize(fyne.NewSize(1000, 640))
	s.updatesView = v
	s.u.showKeyed(v.dialog, v.dialog.Hide, v.dialog.Hide)
	if len(v.offers) > 0 {
		v.list.Select(0)
	}
}

func (v *updatesView) load() bool {
	offers, err := v.s.store.TemplateUpdates(v.s.plan.ID)
	if err != nil {
		v.s.u.showError(err)
		return false
	}
	v.offers = offers
	return true
}

func (v *updatesView) build() fyne.CanvasObject {
	v.list = widget.NewList(func() int { return len(v.offers) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("Changed section: a title of some length")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(v.offers) {
				o.(*widget.Label).SetText(offerLabel(v.offers[i]))
			}
		})
	v.list.OnSelected = func(i widget.ListItemID) { v.show(i) }
	v.note = widget.NewLabel("")
	v.note.Wrapping = fyne.TextWrapWord
	v.current, v.offered = widget.NewRichText(), widget.NewRichText()
	v.current.Wrapping, v.offered.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
	v.accept = widget.NewButtonWithIcon("Accept the new text", theme.ConfirmIcon(), func() { v.decide(true) })
	v.accept.Importance = widget.HighImportance
	v.decline = widget.NewButtonWithIcon("Keep mine", theme.CancelIcon(), func() { v.decide(false) })
	texts := container.NewGridWithColumns(2,
		container.NewBorder(widget.NewLabelWithStyle("Your plan now", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil,
			container.NewVScroll(v.current)),
		container.NewBorder(widget.NewLabelWithStyle("The new version", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil,
			container.NewVScroll(v.offered)))
	v.allNew = widget.NewButtonWithIcon("Accept all new parts", theme.ContentAddIcon(), v.acceptAllNew)
	detail := container.NewBorder(v.note, container.NewHBox(v.accept, v.decline, layout.NewSpacer(), v.allNew), nil, nil, texts)
	intro := widget.NewLabel(fmt.Sprintf("This plan was made from %s. A newer version offers these sections and scenarios. "+
		"Accept each one you want, or keep your own text; nothing changes until you choose.", madeFrom(v.s.plan)))
	intro.Wrapping = fyne.TextWrapWord
	split := container.NewHSplit(v.list, detail)
	split.SetOffset(0.3)
	v.show(-1)
	return container.NewBorder(intro, nil, nil, nil, split)
}

// madeFrom names the template and pack versions a plan was made from.
func madeFrom(p *plan.Plan) string {
	text := fmt.Sprintf("template “%s”, version %d", templateLabel(p.TemplateName), p.TemplateVersion)
	if p.PackName != "" {
		text += fmt.Sprintf(" with the %q state pack version %d", p.PackName, p.PackVersion)
	}
	return text
}

// offerLabel is an offer as the list shows it.
func offerLabel(o plan.Offer) string {
	kinds := map[plan.OfferKind]string{plan.NewSection: "New section", plan.ChangedSection: "Changed section",
		plan.NewScenario: "New scenario", plan.ChangedScenario: "Changed scenario"}
	return kinds[o.Kind] + ": " + o.Title
}

// show puts offer i beside the plan's own text; -1 shows none.
func (v *updatesView) show(i int) {
	v.selected = i
	if i < 0 || i >= len(v.offers) {
		v.note.SetText("Nothing left to review.")
		if len(v.offers) > 0 {
			v.note.SetText("Choose a section or scenario on the left.")
		}
		v.current.Segments, v.offered.Segments = markdownSegments(""), markdownSegments("")
		v.current.Refresh()
		v.offered.Refresh()
		v.accept.Disable()
		v.decline.Disable()
		return
	}
	o := v.offers[i]
	note := o.Place + " › " + o.Title + "."
	switch {
	case o.Current == "" && o.Edited:
		note += " You removed or renamed this part; accepting adds it back."
	case o.Current == "":
		note += " Your plan does not have this part yet; accepting adds it."
	case o.Edited:
		note += " You have changed this part. Accepting replaces your words with the new text; Keep mine leaves them as they are."
	default:
		note += " You have not changed this part; accepting takes in the new wording."
	}
	v.note.SetText(note)
	v.current.Segments, v.offered.Segments = markdownSegments(o.Current), markdownSegments(o.Offered)
	v.current.Refresh()
	v.offered.Refresh()
	v.accept.Enable()
	v.decline.Enable()
}

// acceptAllNew takes in every section and scenario the plan lacks; the
// changed ones stay to be reviewed one by one.
func (v *updatesView) acceptAllNew() {
	n, err := v.s.store.AcceptNewUpdates(v.s.plan.ID)
	v.s.u.saved(err)
	if n > 0 {
		v.s.reloadPlan(0, 0)
		v.s.u.status.set(fmt.Sprintf("Took in %d new sections and scenarios", n))
	}
	v.s.refreshUpdates()
	if v.load() {
		v.list.UnselectAll()
		v.list.Refresh()
		v.show(-1)
		if len(v.offers) > 0 {
			v.list.Select(0)
		}
	}
}

// decide takes in or turns down the chosen offer, then shows the next one.
func (v *updatesView) decide(accept bool) {
	if v.selected < 0 || v.selected >= len(v.offers) {
		return
	}
	o, at := v.offers[v.selected], v.selected
	var err error
	if accept {
		err = v.s.store.AcceptUpdate(v.s.plan.ID, o.Key)
	} else {
		err = v.s.store.DeclineUpdate(v.s.plan.ID, o.Key)
	}
	v.s.u.saved(err)
	if err != nil {
		return
	}
	if accept {
		v.s.reloadPlan(0, 0)
	}
	v.s.refreshUpdates()
	if !v.load() {
		return
	}
	v.list.UnselectAll()
	v.list.Refresh()
	if len(v.offers) == 0 {
		v.show(-1)
		return
	}
	v.list.Select(min(at, len(v.offers)-1))
}
