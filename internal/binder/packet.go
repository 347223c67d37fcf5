package binder

import (
	"electionbinder/internal/plural"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Replacement says which printed binder a replacement packet brings up to date.
type Replacement struct {
	Held     []Page // the pages that binder holds, as they were printed
	Revision int    // the revision it was printed at
	Holder   string // who holds it, for the instruction sheet; "" when it is not a controlled copy
}

// Packet is what a replacement packet takes out of a printed binder and
// what it puts in: every page that differs, by label.
type Packet struct {
	Remove []Page // pages of the printed binder to take out, in its order
	Insert []Page // pages of the binder as it is now to put in, in its order
}

// ErrUpToDate is returned for a replacement packet when the printed binder
// already matches the binder as it is now.
var ErrUpToDate = errors.New("the printed binder is up to date: there are no pages to replace")

// ComparePages works out the packet that turns the binder held into the
// binder now: a held page is taken out when the page of that label is gone
// or prints differently, and a page of now is put in when it is new or
// prints differently.
func ComparePages(held, now []Page) Packet {
	return compareBy(held, now, func(p Page) string { return p.Print })
}

// compareBy compares two binders page by page on what key says of a page.
func compareBy(held, now []Page, key func(Page) string) Packet {
	nowByLabel := map[string]Page{}
	for _, p := range now {
		nowByLabel[p.Label] = p
	}
	heldByLabel := map[string]Page{}
	var pk Packet
	for _, p := range held {
		heldByLabel[p.Label] = p
		if n, ok := nowByLabel[p.Label]; !ok || key(n) != key(p) {
			pk.Remove = append(pk.Remove, p)
		}
	}
	for _, p := range now {
		if h, ok := heldByLabel[p.Label]; !ok || key(h) != key(p) {
			pk.Insert = append(pk.Insert, p)
		}
	}
	return pk
}

// Empty reports whether the packet changes nothing.
func (p *Packet) Empty() bool { return len(p.Remove) == 0 && len(p.Insert) == 0 }

// Rows lists the packet for scripts: "remove" or "insert", a tab, the page label.
func (p *Packet) Rows() []string {
	var rows []string
	for _, pg := range p.Remove {
		rows = append(rows, "remove\t"+pg.Label)
	}
	for _, pg := range p.Insert {
		rows = append(rows, "insert\t"+pg.Label)
	}
	return rows
}

// insertLabels is the set of labels the packet puts in; nil without a packet.
func (p *Packet) insertLabels() map[string]bool {
	if p == nil {
		return nil
	}
	keep := map[string]bool{}
	for _, pg := range p.Insert {
		keep[pg.Label] = true
	}
	return keep
}

// printPacket compares the binder full has laid out with the pages held and
// prints the packet: the instruction sheet, then the pages to put in, drawn
// exactly as in the full binder.
func printPacket(doc *Document, opt Options, m *measurer, bodies map[string]mdBody, full *renderer) (*renderer, *Packet, error) {
	pk := ComparePages(opt.Replace.Held, full.out.binder)
	if doc.unapproved() {
		var err error
		if pk, err = draftPacket(doc, opt, m, bodies, full.out.binder); err != nil {
			return nil, nil, err
		}
	}
	if pk.Empty() {
		return nil, nil, ErrUpToDate
	}
	r, err := runPass(doc, opt, m, bodies, &full.out, 3, &pk)
	if err != nil {
		return nil, nil, err
	}
	if !samePrints(r.out.binder, full.out.binder) {
		return nil, nil, errors.New("the replacement pages came out different from the binder; print the whole binder instead")
	}
	return r, &pk, nil
}

// draftPacket works out the packet of a draft by what the pages say: every
// page of a draft differs from the approved one by its DRAFT marks, so the
// pages are compared as drawn without them, and the pages that differ are
// enclosed with their marks.
func draftPacket(doc *Document, opt Options, m *measurer, bodies map[string]mdBody, marked []Page) (Packet, error) {
	opt.hideDraftMarks = true
	plain, err := layOut(doc, opt, m, bodies)
	if err != nil {
		return Packet{}, err
	}
	held := opt.Replace.Held
	changed := compareBy(held, plain.out.binder, func(p Page) string { return p.Content })
	pk := Packet{Remove: changed.Remove}
	in := changed.insertLabels()
	for _, p := range marked {
		if in[p.Label] {
			pk.Insert = append(pk.Insert, p)
		}
	}
	return pk, nil
}

// samePrints reports whether two lists of pages print the same.
func samePrints(a, b []Page) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Label != b[i].Label || a[i].Print != b[i].Print {
			return false
		}
	}
	return true
}

// instructionSheet opens a replacement packet: which labeled pages to take
// out of the printed binder and which enclosed pages to put in. Its pages
// stand outside the binder's numbering.
func (r *renderer) instructionSheet() {
	r.unnumbered = true
	r.partTitle = "Replacement pages"
	r.newPage()
	r.y += 2
	r.pdf.Bookmark("Replacement instructions", 0, r.y)
	r.paragraph(styledSpans(r.sheetTitle(), "B"), 0, 20, lineHeight(20), colorAccent)
	r.y += 1.5
	r.rule(r.left, r.right, r.y, colorAccent, 0.6)
	r.y += 5
	for _, p := range r.sheetIntro() {
		r.paragraph(plainSpans(p), 0, bodySize, lineHeight(bodySize), colorText)
		r.y += 2
	}
	r.y += 2
	r.drawTable(r.packetTable())
	r.y += 4
	r.paragraph(plainSpans(r.sheetCheck()), 0, bodySize, lineHeight(bodySize), colorText)
	r.padToRightHand()
	r.finishPage()
	r.unnumbered = false
}

// sheetTitle heads the instruction sheet.
func (r *renderer) sheetTitle() string {
	if r.doc.unapproved() {
		return "DRAFT replacement pages — not approved"
	}
	return "Replacement pages for revision " + strconv.Itoa(r.doc.Revision)
}

// sheetIntro says which binder the packet is for and what to do with it.
func (r *renderer) sheetIntro() []string {
	d, rep := r.doc, r.opt.Replace
	which := "a binder printed at revision " + strconv.Itoa(rep.Revision)
	if d.CopyNumber != "" {
		which = "controlled copy No. " + d.CopyNumber
		if rep.Holder != "" {
			which += ", held by " + rep.Holder + ","
		}
		which += " as printed at revision " + strconv.Itoa(rep.Revision)
	}
	if d.unapproved() {
		return []string{"These are draft pages for review. The plan has changes that are not approved yet: " +
			"do not put these pages in a binder in use. Every page carries the DRAFT mark.",
			"They show what would change in " + which + "."}
	}
	target := "up to revision " + strconv.Itoa(d.Revision)
	if !d.RevisionDate.IsZero() {
		target += " of " + formatDate(d.RevisionDate)
	}
	if rep.Revision == d.Revision {
		target = "up to date (revision " + strconv.Itoa(d.Revision) + " with the directory as it is now)"
	}
	return []string{"These pages bring " + which + " " + target + ".",
		"Every page has its label in the bottom right corner, such as \"Page 2-7\" (page 7 of part 2). " +
			"Take out each page listed under Take out. Then put each enclosed page in its place by its label: " +
			"pages of a part go in the order of their numbers, and a part's pages follow the part before it."}
}

// packetTable lists, part by part, the labels to take out and to put in.
func (r *renderer) packetTable() *table {
	t := &table{size: tableSize, header: []cell{txt("Tab"), txt("Part"), txt("Take out"), txt("Put in")}}
	w := r.width()
	t.widths = []float64{14, w*0.42 - 14, w * 0.29, w * 0.29}
	for _, tab := range packetTabs(r.packet) {
		out, in := pagesOfTab(r.packet.Remove, tab), pagesOfTab(r.packet.Insert, tab)
		title := append(in, out...)[0].Part
		if tab == "" {
			tab, title = "—", "Front matter: cover, record of changes, distribution list, contents"
		}
		t.rows = append(t.rows, row{cells: []cell{boldTxt(tab), txt(title), txt(orDefault(labelRanges(out), "nothing")),
			txt(orDefault(labelRanges(in), "nothing"))}})
	}
	return t
}

// sheetCheck closes the sheet with how to check the result.
func (r *renderer) sheetCheck() string {
	s := fmt.Sprintf("Take out %d %s and put in %d. The binder then has %d pages.",
		len(r.packet.Remove), plural.Form(len(r.packet.Remove), "page", "pages"), len(r.packet.Insert), r.prev.pages)
	if !r.doc.unapproved() {
		s += " Its cover names revision " + strconv.Itoa(r.doc.Revision) +
			", and the contents lists the first page of every part. Destroy the pages you take out as the handling marking requires."
	}
	return s
}

// packetTabs lists the tabs the packet touches: in the new binder's order,
// then tabs that are gone.
func packetTabs(pk *Packet) []string {
	var tabs []string
	seen := map[string]bool{}
	for _, p := range append(append([]Page{}, pk.Insert...), pk.Remove...) {
		if !seen[p.Tab] {
			seen[p.Tab] = true
			tabs = append(tabs, p.Tab)
		}
	}
	return tabs
}

// pagesOfTab returns the pages with the given tab.
func pagesOfTab(pages []Page, tab string) []Page {
	var out []Page
	for _, p := range pages {
		if p.Tab == tab {
			out = append(out, p)
		}
	}
	return out
}

// labelRanges writes the labels of pages of one part as runs: "1-6 to 1-8, 1-11".
func labelRanges(pages []Page) string {
	var runs []string
	for i := 0; i < len(pages); {
		j := i
		for j+1 < len(pages) && pages[j+1].Number == pages[j].Number+1 {
			j++
		}
		run := pages[i].Label
		if j > i {
			run += " to " + pages[j].Label
		}
		runs = append(runs, run)
		i = j + 1
	}
	return strings.Join(runs, ", ")
}
