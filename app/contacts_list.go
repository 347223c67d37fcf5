package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"electionbinder/internal/contacts"
)

// contactRow is one line of the directory list: kind icon, name and level
// on top; roles, title and organization, and whether the contact is due for
// verifying below.
type contactRow struct {
	widget.BaseWidget
	icon   *widget.Icon
	name   *widget.Label
	detail *widget.Label
	level  *widget.Label
	status *widget.Label
}

func newContactRow() *contactRow {
	r := &contactRow{
		icon:   widget.NewIcon(theme.AccountIcon()),
		name:   widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		detail: widget.NewLabel(""),
		level:  widget.NewLabel(""),
		status: widget.NewLabel(""),
	}
	r.name.Truncation = fyne.TextTruncateEllipsis
	r.detail.Truncation = fyne.TextTruncateEllipsis
	r.level.Alignment = fyne.TextAlignTrailing
	r.level.TextStyle = fyne.TextStyle{Italic: true}
	r.status.Alignment = fyne.TextAlignTrailing
	r.ExtendBaseWidget(r)
	return r
}

func (r *contactRow) CreateRenderer() fyne.WidgetRenderer {
	lines := container.New(layout.NewCustomPaddedVBoxLayout(-2*theme.InnerPadding()), // two lines set close, as in a table cell
		container.NewBorder(nil, nil, nil, r.level, r.name),
		container.NewBorder(nil, nil, nil, r.status, r.detail))
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, container.NewCenter(r.icon), nil, lines))
}

// show fills the row with a contact; the second line leads with the roles
// the contact holds, in the accent color.
func (r *contactRow) show(c contacts.Contact, holds []contacts.Holding, due bool) {
	if c.Kind == contacts.Organization {
		r.icon.SetResource(theme.HomeIcon())
	} else {
		r.icon.SetResource(theme.AccountIcon())
	}
	r.name.SetText(c.Name)
	parts := make([]string, len(holds))
	for i, h := range holds {
		parts[i] = fmt.Sprintf("%s (%s)", h.Role, strings.ToLower(h.Label()))
	}
	r.detail.Importance = widget.MediumImportance
	text := rowDetail(c)
	if len(parts) > 0 {
		r.detail.Importance = widget.HighImportance
		text = strings.Join(parts, ", ") + " · " + text
	}
	r.detail.SetText(text)
	r.level.SetText(c.Level.Label())
	switch {
	case !c.Active:
		r.status.SetText("Retired")
		r.status.Importance = widget.LowImportance
	case due && c.VerifiedOn.IsZero():
		r.status.SetText("Never verified")
		r.status.Importance = widget.WarningImportance
	case due:
		r.status.SetText("Verify again")
		r.status.Importance = widget.WarningImportance
	default:
		r.status.SetText("Verified " + c.VerifiedOn.Format("Jan 2"))
		r.status.Importance = widget.SuccessImportance
	}
	r.status.Refresh()
}

// rowDetail is the row's second line: title and organization, else the first phone.
func rowDetail(c contacts.Contact) string {
	parts := []string{}
	for _, p := range []string{c.Title, c.Organization} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	if phones := c.Phones(); len(phones) > 0 {
		parts = append(parts, phones[0].Number)
	}
	if len(parts) == 0 {
		return "No details yet"
	}
	return strings.Join(parts, " · ")
}

func (s *contactsScreen) buildList() {
	s.list = widget.NewList(
		func() int { return len(s.ids) },
		func() fyne.CanvasObject { return newContactRow() },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(s.ids) {
				return
			}
			c, _ := s.index.Get(s.ids[i])
			o.(*contactRow).show(c, s.index.Holdings(c.ID), c.NeedsVerifying(s.now(), s.days))
		},
	)
	s.list.OnSelected = func(i widget.ListItemID) {
		if i < len(s.ids) && s.ids[i] != s.detail.id {
			s.detail.show(s.ids[i])
		}
	}
}
