package binder

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// formatDate prints a date the way American offices write it.
func formatDate(t time.Time) string { return t.Format("January 2, 2006") }

// dateOr prints a date, or alt when it is not set.
func dateOr(t time.Time, alt string) string {
	if t.IsZero() {
		return alt
	}
	return formatDate(t)
}

// cover draws the cover page: title, jurisdiction, revision, approval,
// review date, controlled-copy number and who keeps the plan.
func (r *renderer) cover() {
	d := r.doc
	r.addEntry("", "Cover", 0, false)
	if d.CopyNumber != "" {
		r.copyStamp()
	}
	r.y = 52
	if d.Jurisdiction != "" {
		r.paragraph(plainSpans(d.Jurisdiction), 0, 15, lineHeight(15), colorGray)
		r.y += 2
	}
	title := d.Title
	if strings.TrimSpace(title) == "" {
		title = "Election Security Contingency Plan"
	}
	size := r.coverTitleSize(title)
	r.paragraph(styledSpans(title, "B"), 0, size, lineHeight(size)*0.92, colorAccent)
	if place := joinNonEmpty(", ", d.County, d.State); place != "" {
		r.y += 2
		r.paragraph(plainSpans(place), 0, 12.5, lineHeight(12.5), colorText)
	}
	r.y += 6
	r.rule(r.left, r.right, r.y, colorAccent, 0.8)
	r.y += 8
	r.coverFacts()
	r.coverFooter()
}

// coverTitleSize is the largest size, from 26 points down to 12, at which
// the title takes at most three lines, so a long title keeps the cover to
// one page.
func (r *renderer) coverTitleSize(title string) float64 {
	size := 26.0
	for size > 12 && len(r.m.flow(styledSpans(title, "B"), r.width(), size)) > 3 {
		size--
	}
	return size
}

// copyStamp draws the controlled-copy number in a box at the top right.
func (r *renderer) copyStamp() {
	label := "Controlled copy No. " + cleanText(r.doc.CopyNumber)
	r.setFont("B", 11)
	w := r.m.width(label, "B", 11) + 8
	w = min(w, r.width())
	x := r.right - w
	r.pdf.SetDrawColor(colorMarking.r, colorMarking.g, colorMarking.b)
	r.pdf.SetLineWidth(0.6)
	r.pdf.Rect(x, 24, w, 10, "D")
	r.setColor(colorMarking)
	r.text(x+4, 30.6, r.fit(label, "B", 11, w-8))
}

// coverFacts draws the revision, approval and review facts as a two-column list.
func (r *renderer) coverFacts() {
	d := r.doc
	rev := r.revisionLabel()
	if !d.RevisionDate.IsZero() {
		rev += " of " + formatDate(d.RevisionDate)
	}
	approved := "Not yet approved"
	if !d.ApprovedOn.IsZero() || d.ApprovedBy != "" {
		approved = joinNonEmpty(" by ", dateOr(d.ApprovedOn, ""), d.ApprovedBy)
	}
	if d.unapproved() {
		approved = "DRAFT: changed since it was last approved; not for use until approved"
		if d.Revision == 0 {
			approved = "DRAFT: not yet approved"
		}
	}
	facts := [][2]string{
		{"Version", rev},
		{"Approved", approved},
		{"Review by", dateOr(d.ReviewBy, "No review date set")},
	}
	if d.CopyNumber != "" {
		facts = append(facts, [2]string{"Copy", "Controlled copy No. " + d.CopyNumber})
		facts = append(facts, [2]string{"Issued to", strings.Join(d.IssuedTo, "\n")})
	}
	lh := lineHeight(12)
	for _, f := range facts {
		r.setFont("B", 10)
		r.setColor(colorGray)
		r.text(r.left, baseline(r.y, lh, 12), strings.ToUpper(f[0]))
		for _, line := range strings.Split(f[1], "\n") {
			r.paragraph(plainSpans(line), 32, 12, lh, colorText)
		}
		r.y += 1.5
	}
	r.y += 4
	r.approvalBlock()
}

// approvalBlock is the promulgation: who approved the plan for use, with a
// line to sign. A draft says in the same place that it is not approved.
func (r *renderer) approvalBlock() {
	d := r.doc
	place := orDefault(d.Jurisdiction, "this office")
	text := "This plan is approved for use by " + place + ". It takes effect on the date below and replaces every earlier revision."
	if d.unapproved() {
		text = "DRAFT. This plan is not approved. Do not use it in an incident, and do not put its pages in a binder in use."
	}
	top := r.y
	r.y += 3
	r.paragraph(styledSpans(text, "B"), 4, 10.5, lineHeight(10.5), colorText)
	if !d.unapproved() {
		r.y += 9
		third := (r.width() - 8) / 3
		for i, label := range []string{"Signature", "Name and title", "Date"} {
			x := r.left + 4 + float64(i)*third
			r.rule(x, x+third-6, r.y, colorText, 0.3)
			value := ""
			switch i {
			case 1:
				value = d.ApprovedBy
			case 2:
				value = dateOr(d.ApprovedOn, "")
			}
			r.setFont("", 10)
			r.setColor(colorText)
			r.pdf.Text(x, r.y-1.5, r.fit(value, "", 10, third-6))
			r.setFont("", 8)
			r.setColor(colorGray)
			r.pdf.Text(x, r.y+3.5, label)
		}
		r.y += 5
	}
	r.y += 3
	color := colorAccent
	if d.unapproved() {
		color = colorMarking
	}
	r.pdf.SetDrawColor(color.r, color.g, color.b)
	r.pdf.SetLineWidth(0.5)
	r.pdf.Rect(r.left, top, r.width(), r.y-top, "D")
}

// coverFooter draws who keeps the plan and the handling note at the bottom.
func (r *renderer) coverFooter() {
	d := r.doc
	lh := lineHeight(10)
	lines := 0
	for _, l := range d.PreparedBy {
		lines += len(r.m.flow(plainSpans(l), r.width(), 10))
	}
	note := "This binder describes how " + orDefault(d.Jurisdiction, "this office") +
		" protects its elections and whom it calls in an incident. Keep it in a secure place, " +
		"do not copy it without the clerk's approval, and return it when you leave your post."
	noteLines := len(r.m.flow(plainSpans(note), r.width(), 9))
	top := r.bottom() - float64(lines)*lh - float64(noteLines)*lineHeight(9) - 14
	if len(d.PreparedBy) == 0 {
		top = r.bottom() - float64(noteLines)*lineHeight(9) - 4
	}
	r.y = max(r.y+6, top)
	if len(d.PreparedBy) > 0 {
		r.setFont("B", 9)
		r.setColor(colorGray)
		r.text(r.left, r.y+3, "PREPARED BY")
		r.y += 5
		for _, l := range d.PreparedBy {
			r.paragraph(plainSpans(l), 0, 10, lh, colorText)
		}
		r.y += 5
	}
	r.paragraph(styledSpans(note, "I"), 0, 9, lineHeight(9), colorGray)
}

// frontMatter draws the record of changes and the distribution list.
func (r *renderer) frontMatter() {
	r.partHeading("", "Record of changes")
	r.changesTable()
	r.y += 6
	r.ensure(30)
	r.partHeading("", "Distribution list")
	r.distributionTable()
}

// changesTable lists every revision with its date, approver and summary.
func (r *renderer) changesTable() {
	t := &table{size: tableSize, header: []cell{txt("Revision"), txt("Date"), txt("Approved by"), txt("What changed"), txt("Pages affected")}}
	w := r.width()
	t.widths = []float64{18, 30, 36, w - 84 - 40, 40}
	for _, c := range r.doc.Changes {
		t.rows = append(t.rows, row{cells: []cell{txt(strconv.Itoa(c.Revision)), txt(dateOr(c.Date, "")), txt(c.ApprovedBy),
			txt(c.Summary), txt(orDefault(c.Pages, "—"))}})
	}
	if len(t.rows) == 0 {
		t.rows = append(t.rows, row{cells: []cell{txt("—"), txt(""), txt(""), txt("No revisions are recorded yet."), txt("")}})
	}
	r.drawTable(t)
}

// distributionTable lists who holds which controlled copy.
func (r *renderer) distributionTable() {
	t := &table{size: tableSize, header: []cell{txt("Copy"), txt("Held by"), txt("Title or organization"), txt("Kept at"), txt("Issued"),
		txt("Received (signature)")}}
	w := r.width()
	t.widths = []float64{13, 34, w - 13 - 34 - 32 - 27 - 36, 32, 27, 36}
	for _, h := range r.doc.Distribution {
		t.rows = append(t.rows, row{cells: []cell{boldTxt(h.Copy), txt(h.Name), txt(h.Title), txt(h.Location), txt(dateOr(h.Issued, "")), txt("")}})
	}
	if len(t.rows) == 0 {
		t.rows = append(t.rows, row{cells: []cell{txt("—"), txt("No controlled copies have been issued."), txt(""), txt(""), txt(""), txt("")}})
	}
	r.drawTable(t)
}

// partHeading draws a part's heading with its entry in the outline and contents.
func (r *renderer) partHeading(number, title string) {
	r.y += 2
	r.addEntry(number, title, 0, true)
	if number != "" {
		r.setFont("B", 10)
		r.setColor(colorGray)
		r.text(r.left, r.y+3.5, "SECTION "+number)
		r.y += 6
	}
	r.paragraph(styledSpans(title, "B"), 0, 20, lineHeight(20)*0.95, colorAccent)
	r.y += 1.5
	r.rule(r.left, r.right, r.y, colorAccent, 0.6)
	r.y += 5
}

// tocLine is one line of the contents: an entry and its index among all entries.
type tocLine struct {
	entry
	index int
}

// contents draws the table of contents with page numbers and links.
func (r *renderer) contents() {
	r.y += 2
	r.addEntry("", "Contents", 0, false)
	r.paragraph(styledSpans("Contents", "B"), 0, 20, lineHeight(20)*0.95, colorAccent)
	r.y += 1.5
	r.rule(r.left, r.right, r.y, colorAccent, 0.6)
	r.y += 4
	planned := r.plannedEntries()
	r.tocScale = r.contentsScale(planned)
	r.links = make([]int, len(planned))
	for i, e := range planned {
		if !e.inTOC {
			continue
		}
		if r.prev != nil && i < len(r.prev.entries) {
			e.page, e.label = r.prev.entries[i].page, r.prev.entries[i].label
		}
		if r.keep == nil {
			r.links[i] = r.pdf.AddLink()
			if i < len(r.out.entries) { // drawn before the contents, such as the record of changes
				r.pdf.SetLink(r.links[i], r.out.entries[i].y, r.out.entries[i].sheet)
			}
		}
		r.tocEntry(tocLine{entry: e, index: i})
	}
}

// tocEntry draws one contents line: number, title, dot leaders, page.
func (r *renderer) tocEntry(l tocLine) {
	size, style, lh, lines := r.tocLines(l.entry)
	if l.level == 0 {
		r.y += 1.6 * r.tocScale
	}
	indent, numW, pageCol := r.tocColumns(l.entry, style, size)
	r.ensure(lh * float64(min(len(lines), 2)))
	top, page := r.y, r.pdf.PageNo()
	if l.number != "" {
		r.setFont(style, size)
		r.setColor(colorText)
		r.text(r.left+indent, baseline(r.y, lh, size), l.number)
	}
	for i, line := range lines {
		r.ensure(lh)
		r.drawLine(line, r.left+indent+numW, baseline(r.y, lh, size), size, colorText)
		if i == len(lines)-1 {
			r.leaders(r.left+indent+numW+line.width+1.5, r.right-pageCol+1, baseline(r.y, lh, size))
			num := "0-00"
			if r.prev != nil {
				num = l.label
			}
			r.setFont(style, size)
			r.setColor(colorText)
			r.text(r.right-r.m.width(num, style, size), baseline(r.y, lh, size), num)
		}
		r.y += lh
	}
	if link := r.links[l.index]; link != 0 && r.pdf.PageNo() == page {
		r.pdf.Link(r.left, top, r.width(), r.y-top, link)
	}
}

// tocLines lays out a contents line: its size, style, line height and lines.
func (r *renderer) tocLines(e entry) (size float64, style string, lh float64, lines []textLine) {
	size = 10.0
	if e.level == 0 {
		size, style = 10.5, "B"
	}
	indent, numW, pageCol := r.tocColumns(e, style, size)
	lines = r.m.flow(styledSpans(e.title, style), r.width()-indent-numW-pageCol, size)
	return size, style, lineHeight(size) * r.tocScale, lines
}

// tocColumns are the indent, number width and page-number column of a contents line.
func (r *renderer) tocColumns(e entry, style string, size float64) (indent, numW, pageCol float64) {
	indent = float64(min(e.level, 5)) * 6
	if e.number != "" {
		numW = max(r.m.width(e.number, style, size)+3, 6+float64(min(e.level, 5))*4)
	}
	return indent, numW, 14
}

// contentsScale tightens the contents' line spacing, by up to 12 %, when
// that saves a last page holding only a few lines.
func (r *renderer) contentsScale(es []entry) float64 {
	r.tocScale = 1
	need := 0.0
	for _, e := range es {
		if !e.inTOC {
			continue
		}
		_, _, lh, lines := r.tocLines(e)
		need += lh * float64(len(lines))
		if e.level == 0 {
			need += 1.6
		}
	}
	first, next := r.bottom()-r.y, r.bottom()-marginTop
	if need <= first {
		return 1
	}
	full := first + next*float64(int((need-first)/next)) // room on the pages before the last
	if need-full > 0.15*next || need*0.88 > full*0.97 {
		return 1
	}
	return full * 0.97 / need
}

// leaders draws a row of dots from x1 to x2 on baseline y.
func (r *renderer) leaders(x1, x2, y float64) {
	r.setFont("", 8)
	r.setColor(colorRule)
	dot := r.m.width(". ", "", 8)
	if x2-x1 < dot {
		return
	}
	n := int((x2 - x1) / dot)
	s := strings.Repeat(". ", n)
	r.text(x2-float64(n)*dot, y, s)
}

// plannedEntries lists, before anything is drawn, every entry the binder
// will have, in order: the contents is drawn before the parts it lists.
func (r *renderer) plannedEntries() []entry {
	d := r.doc
	es := []entry{
		{title: "Cover"},
		{title: "Record of changes", inTOC: true},
		{title: "Distribution list", inTOC: true},
		{title: "Contents"},
	}
	var walk func(ss []Section, prefix string, level int)
	walk = func(ss []Section, prefix string, level int) {
		for i := range ss {
			num := prefix + strconv.Itoa(i+1)
			es = append(es, entry{number: printedNumber(num, ss[i].Title), title: ss[i].Title, level: level, inTOC: true})
			walk(ss[i].Children, num+".", level+1)
		}
	}
	walk(d.Sections, "", 0)
	es = append(es, entry{title: "Call tree", inTOC: true})
	for _, g := range d.CallTree.Groups {
		es = append(es, entry{title: g.Level, level: 1})
	}
	if len(d.Scenarios) > 0 {
		es = append(es, entry{title: "Scenarios", inTOC: true})
		for i, s := range d.Scenarios {
			es = append(es, entry{number: strconv.Itoa(i + 1), title: s.Title, level: 1, inTOC: true})
		}
	}
	es = append(es, entry{title: "Pocket reference card", inTOC: true})
	return es
}

// section draws a section (a part when depth is 0) and its subsections.
func (r *renderer) section(s *Section, number string, depth int) {
	if shown := printedNumber(number, s.Title); depth == 0 {
		r.partHeading(shown, s.Title)
	} else {
		r.subHeading(shown, s.Title, depth, r.bodyLead(s.Body))
	}
	r.markdown(s.Body, 0)
	for i := range s.Children {
		r.section(&s.Children[i], number+"."+strconv.Itoa(i+1), depth+1)
	}
}

// subHeading draws the heading of a subsection, kept with what follows it.
func (r *renderer) subHeading(number, title string, depth int, lead float64) {
	size := map[int]float64{1: 14, 2: 12}[depth]
	if size == 0 {
		size = 11
	}
	lh := lineHeight(size)
	r.y += 3
	const after = 1.2
	r.ensure(lh + after + lead)
	r.addEntry(number, title, depth, true)
	numW := 0.0
	if number != "" {
		numW = r.m.width(number, "B", size) + 3
	}
	r.setFont("B", size)
	r.setColor(colorAccent)
	r.text(r.left, baseline(r.y, lh, size), number)
	r.paragraph(styledSpans(title, "B"), numW, size, lh, colorAccent)
	r.y += after
}

// ownNumber matches a title that carries its own number, as imported
// plans and the built-in template's parts do: "1.1 Procedures",
// "2. Scope", "IV. Annexes", "Part 1: Preparation", "Annex B – Maps".
var ownNumber = regexp.MustCompile(`^\s*(\d+(\.\d+)*[.):]?|[IVXLC]+[.):]|[A-Z][.)]|(?i:part|section|chapter|annex|appendix|attachment)\s+[0-9A-Z]+[.):]?)(\s|$)`)

// printedNumber is the number printed before a section's title: none when
// the title has its own, so "1.1 Procedures" does not print as "1.1 1.1 Procedures".
func printedNumber(number, title string) string {
	if ownNumber.MatchString(title) {
		return ""
	}
	return number
}

// joinNonEmpty joins the parts that are not blank.
func joinNonEmpty(sep string, parts ...string) string {
	var keep []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			keep = append(keep, strings.TrimSpace(p))
		}
	}
	return strings.Join(keep, sep)
}

// orDefault returns s, or def when s is blank.
func orDefault(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}
