package binder

import (
	"strconv"
	"strings"
)

// Sizes of the call tree, chosen to be read at arm's length.
const (
	callNameSize  = 11
	callPhoneSize = 10.5
	callSmallSize = 8.5
)

var colorWhite = rgb{255, 255, 255}

// callTree draws who to call for every role, primary then backups, grouped
// by level of government, as one table that breaks across pages.
func (r *renderer) callTree() {
	r.partHeading("", "Call tree")
	r.paragraph(plainSpans("Call the primary first. If they do not answer, call the backups in order. "+
		"The date under a name is when the numbers were last checked."), 0, bodySize, lineHeight(bodySize), colorText)
	r.y += 3
	t := &table{size: tableSize, pad: 1.8}
	t.header = []cell{txt("Role"), txt("Who, in calling order"), txt("Office"), txt("Mobile"), txt("After hours")}
	t.widths = r.callWidths(t.pad)
	for _, g := range r.doc.CallTree.Groups {
		level := g.Level
		t.rows = append(t.rows, row{group: true, keep: 1,
			cells:  []cell{{paras: []para{{spans: plainSpans(level), size: 11, color: colorWhite}}}},
			before: func() { r.addEntry("", level, 1, false) }})
		for i, role := range g.Roles {
			t.rows = append(t.rows, roleRows(role, i%2 == 1)...)
		}
	}
	if len(t.rows) == 0 {
		r.paragraph(styledSpans("No one in the directory holds a role yet. Write the names and numbers in "+
			"by hand below, or add them in the Contacts screen and print again.", "I"), 0, bodySize, lineHeight(bodySize), colorMarking)
		r.y += 3
		for i := 0; i < 10; i++ {
			t.rows = append(t.rows, row{cells: []cell{txt("\n"), txt(""), txt(""), txt(""), txt("")}})
		}
	}
	r.drawTable(t)
}

// callWidths sizes the call tree's columns: the phone columns as wide as
// the longest number, the name column the rest.
func (r *renderer) callWidths(pad float64) []float64 {
	phone := r.m.width("(000) 000-0000", "", callPhoneSize)
	for _, g := range r.doc.CallTree.Groups {
		for _, role := range g.Roles {
			for _, h := range role.Holders {
				for _, n := range []string{h.Office, h.Mobile, h.AfterHours} {
					phone = max(phone, r.m.width(cleanText(n), "", callPhoneSize))
				}
			}
		}
	}
	phone = min(phone+2*pad, r.width()*0.17)
	rest := r.width() - 3*phone
	role := rest * 0.26
	for _, g := range r.doc.CallTree.Groups {
		for _, cr := range g.Roles {
			for _, w := range splitWords(cleanText(cr.Role)) {
				role = max(role, r.m.width(w, "B", 10)+2*pad+0.5)
			}
		}
	}
	role = min(role, rest*0.4)
	return []float64{role, rest - role, phone, phone, phone}
}

// roleRows are the rows of one role: one per holder, kept on one page.
func roleRows(role CallRole, shade bool) []row {
	roleCell := cell{paras: []para{{spans: styledSpans(role.Role, "B"), size: 10}}}
	if len(role.Holders) == 0 {
		return []row{{shade: shade, cells: []cell{roleCell,
			{paras: []para{{spans: styledSpans("Nobody holds this role yet", "I"), size: 10, color: colorMarking}}},
			txt(""), txt(""), txt("")}}}
	}
	rows := make([]row, len(role.Holders))
	for i, h := range role.Holders {
		order := "Primary"
		if i > 0 {
			order = "Backup " + strconv.Itoa(i)
		}
		c := roleCell
		if i > 0 { // the role again, quietly, so a row carried to the next page still says it
			c = cell{paras: []para{{spans: plainSpans(role.Role), size: 8, color: colorGray}}}
		}
		rows[i] = row{shade: shade, cells: []cell{c, holderCell(order, h), phone(h.Office), phone(h.Mobile), phone(h.AfterHours)}}
	}
	rows[0].keep = min(len(rows)-1, 1)
	return rows
}

// holderCell is the calling order, the name in large bold type, and the
// organization, email and date last checked in small grey type.
func holderCell(order string, h CallHolder) cell {
	c := cell{paras: []para{
		{spans: styledSpans(strings.ToUpper(order), "B"), size: 7, color: colorGray},
		{spans: styledSpans(h.Name, "B"), size: callNameSize},
	}}
	if h.Organization != "" {
		c.paras = append(c.paras, para{spans: plainSpans(h.Organization), size: callSmallSize, color: colorGray})
	}
	if h.Email != "" {
		c.paras = append(c.paras, para{spans: plainSpans(h.Email), size: 7.5, color: colorGray})
	}
	checked, color := "never checked", colorGray
	if !h.Verified.IsZero() {
		checked = "checked " + h.Verified.Format("Jan 2, 2006")
	}
	if h.Stale {
		checked, color = checked+" · over a year ago: verify before use", colorMarking
	}
	if h.Source != "" {
		checked += " · source: " + h.Source
	}
	c.paras = append(c.paras, para{spans: styledSpans(checked, "I"), size: 7.5, color: color})
	return c
}

// phone is a phone number cell, or a dash when there is none.
func phone(n string) cell {
	if n == "" {
		return cell{paras: []para{{spans: plainSpans("—"), size: callPhoneSize, color: colorGray}}}
	}
	return cell{paras: []para{{spans: plainSpans(n), size: callPhoneSize}}}
}
