package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"electionbinder/internal/exchange"
)

// countyPreview lists what a county package will change, with a choice on
// each conflict, before anything is written.
type countyPreview struct {
	s       *exchangeScreen
	ci      *exchange.CountyImport
	list    *widget.List
	dialog  *dialog.ConfirmDialog
	written int
}

func (s *exchangeScreen) showPreview(ci *exchange.CountyImport) *countyPreview {
	p := &countyPreview{s: s, ci: ci}
	p.list = widget.NewList(func() int { return len(ci.Changes) }, newChangeRow, p.updateRow)
	heading := wrapped(fmt.Sprintf("From %s, written %s.\n%s", ci.Package.County.Name,
		ci.Package.CreatedAt.Local().Format("January 2, 2006 3:04 PM"), ci.Summary()))
	body := container.NewBorder(heading, nil, nil, nil, p.list)
	p.dialog = dialog.NewCustomConfirm("Take in the county package?", "Take in", "Cancel", body, func(ok bool) {
		if ok {
			p.apply()
		}
	}, s.u.win)
	p.dialog.Resize(fyne.NewSize(760, 520))
	s.u.showKeyed(p.dialog, p.dialog.Confirm, p.dialog.Dismiss)
	return p
}

// changeRow is one change of the preview: what, which, detail, and for a
// conflict the choice of the county's version.
type changeRow struct {
	widget.BaseWidget
	what, name, detail *widget.Label
	take               *widget.Check
}

func newChangeRow() fyne.CanvasObject {
	r := &changeRow{what: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		name: widget.NewLabel(""), detail: widget.NewLabel(""), take: widget.NewCheck("Take the county's version", nil)}
	r.detail.Truncation = fyne.TextTruncateEllipsis
	r.name.Truncation = fyne.TextTruncateEllipsis
	r.ExtendBaseWidget(r)
	return r
}

func (r *changeRow) CreateRenderer() fyne.WidgetRenderer {
	top := container.NewBorder(nil, nil, r.what, r.take, r.name)
	return widget.NewSimpleRenderer(container.NewVBox(top, r.detail))
}

func (p *countyPreview) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	r := o.(*changeRow)
	c := p.ci.Changes[id]
	r.what.SetText(c.Kind.Label())
	r.name.SetText(c.Name)
	r.detail.SetText(c.Detail)
	r.take.OnChanged = nil
	r.take.SetChecked(c.TakeCounty)
	r.take.OnChanged = func(on bool) { p.ci.Changes[id].TakeCounty = on }
	if c.Kind == exchange.PartnerConflict {
		r.take.Show()
	} else {
		r.take.Hide()
	}
}

// apply writes the package as previewed, with the clerk's choices.
func (p *countyPreview) apply() {
	n, err := p.ci.Apply(p.s.u.db)
	if err != nil {
		p.s.u.showError(err)
		return
	}
	p.written = n
	p.s.u.status.set(fmt.Sprintf("Took in %d from %s", n, p.ci.Package.County.Name))
	p.s.showCounty()
	// Contacts and Training show what was taken in the next time they open.
	p.s.u.nav.rebuild()
}
