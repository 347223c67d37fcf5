package binder

import (
	"strconv"
)

// Sizes of the call tree, chosen to be read at arm's length.
const (
	callNameSize  = 10
	callPhoneSize = 9
	callSmallSize = 7
)

var colorWhite = rgb{255, 255, 255}

// callTree draws who to call for every role, primary then backups, grouped
// by level of government: a notification list with one row a person, about
// twenty people to two pages, and a marked gap wherever a role lacks a
// primary or a backup.
func (r *renderer) callTree() {
	r.partHeading("", "Call tree")
	r.paragraph(plainSpans("Call the primary first. If they do not answer, call the backups in order. "+
		"“Checked” is when the numbers were last verified."), 0, bodySize, lineHeight(bodySize), colorText)
	r.y += 2
	t := &table{size: tableSize, pad: 1.1}
	t.header = []cell{txt("Role"), txt("Who, in calling order"), txt("Office"), txt("Mobile"), txt("After hours"), txt("Checked")}
	t.widths = r.callWidths(t.pad)
	for _, g := range r.doc.CallTree.Groups {
		level := g.Level
		band := row{group: true,
			cells:  []cell{{paras: []para{{spans: plainSpans(level), size: 9.5, color: colorWhite}}}},
			before: func() { r.addEntry("", level, 1, false) }}
		t.rows = append(t.rows, band)
		band0 := len(t.rows) - 1
		for i, role := range g.Roles {
			rows := roleRows(role, i%2 == 1)
			if i == 0 { // the band stays with its first role's primary and first backup
				t.rows[band0].keep = min(len(rows), 2)
			}
			t.rows = append(t.rows, rows...)
		}
	}
	if len(t.rows) == 0 {
		r.paragraph(styledSpans("No one in the directory holds a role yet. Write the names and numbers in "+
			"by hand below, or add them in the Contacts screen and print again.", "I"), 0, bodySize, lineHeight(bodySize), colorMarking)
		r.y += 3
		for i := 0; i < 10; i++ {
			t.rows = append(t.rows, row{cells: []cell{txt("\n"), txt(""), txt(""), txt(""), txt(""), txt("")}})
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
	phone = min(phone+2*pad+0.8, r.width()*0.16)
	checked := max(r.m.width("00/00/0000", "", callSmallSize), r.m.width("Checked", "B", tableSize)) + 2*pad
	rest := r.width() - 3*phone - checked
	role := rest * 0.26
	for _, g := range r.doc.CallTree.Groups {
		for _, cr := range g.Roles {
			for _, w := range splitWords(cleanText(cr.Role)) {
				role = max(role, r.m.width(w, "B", 9.5)+2*pad+0.5)
			}
		}
	}
	role = min(role, rest*0.4)
	return []float64{role, rest - role, phone, phone, phone, checked}
}

// roleRows are the rows of one role: one per holder, the primary kept with
// its first backup. A role without a primary or a backup says so in red.
func roleRows(role CallRole, shade bool) []row {
	if len(role.Holders) == 0 {
		return []row{{shade: shade, cells: []cell{roleLabel(role.Role, 0),
			{paras: []para{{spans: styledSpans("GAP: nobody holds this role yet", "B"), size: 9, color: colorMarking}}},
			txt(""), txt(""), txt(""), txt("")}}}
	}
	rows := make([]row, len(role.Holders))
	for i, h := range role.Holders {
		rows[i] = row{shade: shade, cells: []cell{roleLabel(role.Role, i), holderCell(h),
			phone(h.Office), phone(h.Mobile), phone(h.AfterHours), checkedCell(h)}}
	}
	if len(role.Holders) == 1 {
		rows[0].cells[1].paras = append(rows[0].cells[1].paras,
			para{spans: styledSpans("GAP: no backup", "B"), size: 8, color: colorMarking})
	}
	rows[0].keep = min(len(rows)-1, 1)
	return rows
}

// roleLabel is the role column of the holder in calling order i: the role
// in bold over "Primary" for the first, and quietly again under "Backup i"
// for the others, so a row carried to the next page still says the role.
func roleLabel(role string, i int) cell {
	if i == 0 {
		return cell{paras: []para{{spans: styledSpans(role, "B"), size: 9.5}, {spans: plainSpans("Primary"), size: 7, color: colorGray}}}
	}
	return cell{paras: []para{{spans: styledSpans("Backup "+strconv.Itoa(i), "B"), size: 8, color: colorGray},
		{spans: plainSpans(role), size: 7, color: colorGray}}}
}

// holderCell is the name in bold and, in small grey type, the title or
// organization, the email address and, for a built-in partner, the source.
func holderCell(h CallHolder) cell {
	c := cell{paras: []para{{spans: styledSpans(h.Name, "B"), size: callNameSize}}}
	source := ""
	if h.Source != "" {
		source = "source: " + h.Source
	}
	if details := joinNonEmpty(" · ", h.Organization, h.Email, source); details != "" {
		c.paras = append(c.paras, para{spans: plainSpans(details), size: callSmallSize, color: colorGray})
	}
	return c
}

// checkedCell is the date the numbers were last verified, in red with
// "verify first" when that is over a year ago, or "never" in red.
func checkedCell(h CallHolder) cell {
	if h.Verified.IsZero() {
		return cell{paras: []para{{spans: styledSpans("never", "I"), size: callSmallSize, color: colorMarking}}}
	}
	c := cell{paras: []para{{spans: plainSpans(h.Verified.Format("01/02/2006")), size: callSmallSize}}}
	if h.Stale { // checked over a year before the plan was printed
		c.paras[0].color = colorMarking
		c.paras = append(c.paras, para{spans: styledSpans("verify first", "B"), size: callSmallSize, color: colorMarking})
	}
	return c
}

// phone is a phone number cell, or a dash when there is none.
func phone(n string) cell {
	if n == "" {
		return cell{paras: []para{{spans: plainSpans("—"), size: callPhoneSize, color: colorGray}}}
	}
	return cell{paras: []para{{spans: plainSpans(n), size: callPhoneSize}}}
}
