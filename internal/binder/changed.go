package binder

import (
	"fmt"
	"strconv"
	"strings"
)

// instructionSheet opens a changed-pages export: which parts to take out of
// a binder printed earlier and which enclosed pages replace them. Its
// pages stand outside the binder's numbering.
func (r *renderer) instructionSheet(parts []part) {
	r.unnumbered = true
	r.partTitle = "Replacement pages"
	r.newPage()
	r.y += 2
	r.pdf.Bookmark("Replacement instructions", 0, r.y)
	r.paragraph(styledSpans(fmt.Sprintf("Replacement pages for revision %d", r.doc.Revision), "B"), 0, 20, lineHeight(20), colorAccent)
	r.y += 1.5
	r.rule(r.left, r.right, r.y, colorAccent, 0.6)
	r.y += 5
	date := ""
	if !r.doc.RevisionDate.IsZero() {
		date = " of " + formatDate(r.doc.RevisionDate)
	}
	intro := fmt.Sprintf("These pages bring a binder printed at revision %d up to revision %d%s. "+
		"Take out the pages listed below and put in the enclosed pages in their place. "+
		"Every enclosed page shows \"Revision %d\" and the code %s in its footer.",
		r.opt.Since, r.doc.Revision, date, r.doc.Revision, r.hash)
	r.paragraph(plainSpans(intro), 0, bodySize, lineHeight(bodySize), colorText)
	r.y += 4
	t := &table{size: tableSize, header: []cell{txt("Part"), txt("Pages"), txt("Why it is enclosed")}}
	t.widths = []float64{62, 26, r.width() - 88}
	for i, p := range parts {
		if !p.always && !p.changed {
			continue
		}
		span := r.prev.parts[i]
		t.rows = append(t.rows, row{cells: []cell{boldTxt(p.title), txt(pageRange(r.printFrom(i, p), span.Last)), txt(r.reason(p))}})
	}
	r.drawTable(t)
	if len(r.opt.Removed) > 0 {
		r.y += 3
		r.paragraph(styledSpans("Taken out of the plan since revision "+strconv.Itoa(r.opt.Since)+
			": remove their pages and do not replace them", "B"), 0, bodySize, lineHeight(bodySize), colorText)
		for _, title := range r.opt.Removed {
			r.paragraph(plainSpans("•  "+title), 4, bodySize, lineHeight(bodySize), colorText)
		}
	}
	r.y += 3
	r.paragraph(styledSpans(fmt.Sprintf("The full binder now has %d pages. Compare the enclosed contents with the one "+
		"you take out: if the page numbers of parts that are not enclosed have moved, print the whole binder instead.",
		r.prev.pages), "I"), 0, bodySize, lineHeight(bodySize), colorGray)
	r.padToRightHand()
	r.finishPage()
	r.unnumbered = false
}

// reason says why a part is among the replacement pages.
func (r *renderer) reason(p part) string {
	switch {
	case !p.changed && p.title == "Cover":
		return "Shows the new revision number and approval."
	case !p.changed && p.title == "Record of changes":
		return "Lists the new revision."
	case !p.changed && p.title == "Contents":
		return "Shows the new page numbers."
	case p.title == "Call tree" || p.title == "Pocket reference card":
		return "The directory changed."
	case p.title == "Scenarios":
		return "Changed: " + strings.Join(r.changedScenarios(), "; ")
	}
	if p.sec != nil {
		return "Changed: " + strings.Join(changedTitles(p.sec), "; ")
	}
	return "Changed."
}

// changedTitles lists the titles of the changed sections of a tree.
func changedTitles(s *Section) []string {
	var out []string
	if s.Changed {
		out = append(out, s.Title)
	}
	for i := range s.Children {
		out = append(out, changedTitles(&s.Children[i])...)
	}
	return out
}

// changedScenarios lists the titles of the changed scenarios.
func (r *renderer) changedScenarios() []string {
	var out []string
	for _, s := range r.doc.Scenarios {
		if s.Changed {
			out = append(out, s.Title)
		}
	}
	return out
}

// pageRange prints "7" or "7–12".
func pageRange(first, last int) string {
	if first == last {
		return fmt.Sprint(first)
	}
	return fmt.Sprintf("%d–%d", first, last)
}
