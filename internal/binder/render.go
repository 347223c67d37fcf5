package binder

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/jung-kurt/gofpdf"
	"github.com/yuin/goldmark/ast"
)

// Options steer how a binder is printed.
type Options struct {
	Paper  string // Letter or A4; empty means Letter
	Duplex bool   // printed double-sided: each part starts on a right-hand page and the gutter alternates
	// Editions are pages printed before. A page drawn exactly as one of them,
	// under the same label, keeps its edition (the revision and date in its
	// footer), so a page that did not change reads the same in every print.
	// The first match wins.
	Editions [][]Page
	// Today dates the pages that changed since the editions; zero means the
	// revision's date.
	Today time.Time
	// Replace, when set, prints a replacement packet instead of the whole
	// binder: an instruction sheet and the pages that differ from Replace.Held.
	Replace *Replacement
	// Parse turns a section body into a goldmark tree; nil uses GitHub-flavoured
	// Markdown (tables, task lists, strikethrough).
	Parse func(source []byte) ast.Node
	// Progress, when set, hears how far the work is, from 0 to 1.
	Progress func(done float64)

	hideDraftMarks bool // draw a draft without its DRAFT marks, to see which pages differ in content
}

// Result describes a written binder.
type Result struct {
	Pages      int        // pages in the file
	TotalPages int        // pages of the full binder
	Binder     []Page     // every page of the full binder, in order
	Parts      []PartSpan // where each part of the full binder lies
	Packet     *Packet    // what a replacement packet takes out and puts in; nil for a whole binder
	Hash       string     // the content hash printed on the cover
	Warnings   []string   // what could not print as written, for the clerk to fix
}

// PartSpan is the page range of one part of the full binder.
type PartSpan struct {
	Title       string
	First, Last int // pages of the full binder, counted from 1
}

// Write prints doc as a binder PDF to w.
func Write(w io.Writer, doc *Document, opt Options) (Result, error) {
	if doc == nil {
		return Result{}, errors.New("there is no plan to print")
	}
	m, err := newMeasurer()
	if err != nil {
		return Result{}, err
	}
	bodies := parseBodies(doc, opt.Parse)
	r, err := layOut(doc, opt, m, bodies)
	if err != nil {
		return Result{}, err
	}
	var packet *Packet
	if opt.Replace != nil {
		if r, packet, err = printPacket(doc, opt, m, bodies, r); err != nil {
			return Result{}, err
		}
	}
	if err := r.output(w); err != nil {
		return Result{}, fmt.Errorf("writing the PDF: %w", err)
	}
	if opt.Progress != nil {
		opt.Progress(1)
	}
	res := r.result()
	res.Packet = packet
	res.Warnings = printWarnings(doc)
	return res, nil
}

// layOut draws the binder until every page number is known: a second
// pass uses the numbers the first learned, and a third is needed only when
// the contents grew a page.
func layOut(doc *Document, opt Options, m *measurer, bodies map[string]mdBody) (*renderer, error) {
	var prev *layout
	var r *renderer
	var err error
	for pass := 0; pass < 3; pass++ {
		r, err = runPass(doc, opt, m, bodies, prev, pass, nil)
		if err != nil {
			return nil, err
		}
		if prev != nil && r.out.sameNumbers(prev) {
			break
		}
		prev = &r.out
	}
	return r, nil
}

// layout is what one pass learned: where every part, entry and page landed.
type layout struct {
	pages   int // logical pages of the full binder
	entries []entry
	parts   []PartSpan
	binder  []Page // every page of the full binder
}

// entry is a heading that gets an outline entry and, when inTOC, a line in
// the table of contents.
type entry struct {
	number string
	title  string
	level  int
	page   int    // logical page, counted from 1 through the whole binder
	label  string // the page's label, such as "2-7"
	inTOC  bool
	y      float64 // where on its page the heading is
	sheet  int     // the page of this file it is on, for links to it
}

// sameNumbers reports whether two passes put every entry on the same page.
func (l *layout) sameNumbers(o *layout) bool {
	if l.pages != o.pages || len(l.entries) != len(o.entries) {
		return false
	}
	for i := range l.entries {
		if l.entries[i].page != o.entries[i].page {
			return false
		}
	}
	return true
}

// renderer draws one pass of a binder.
type renderer struct {
	doc    *Document
	opt    Options
	m      *measurer
	pdf    *gofpdf.Fpdf // where drawing goes: real, or ghost for pages left out
	real   *gofpdf.Fpdf // the document being written
	ghost  *gofpdf.Fpdf // takes the pages a replacement packet lays out but leaves out
	keep   map[string]bool
	bodies map[string]mdBody
	hash   string
	prev   *layout // the previous pass, nil in the first
	out    layout
	final  bool // prev is known, so page numbers are real

	pageW, pageH float64
	left, right  float64 // x where the body starts and ends on this page
	y            float64
	page         int  // logical page number of the current page
	physical     int  // pages added to this file
	unnumbered   bool // the current page is outside the binder's numbering (instruction sheet)
	footerDone   bool // the current page's footer is drawn
	partTitle    string
	numbering    pageNumbering
	editions     map[string][]Page // earlier pages by label
	fileLabels   []string          // the label of every page of the file, "" outside the numbering
	contentStart int               // where the current page's own drawing starts in its content stream
	pagePictures []string          // the pictures drawn on the current page, by content hash
	packet       *Packet           // in a replacement packet, what it takes out and puts in
	links        []int             // internal link per entry, set when the contents is drawn
	entryIndex   int

	tocScale  float64 // line spacing of the contents, 1 unless tightened to save a page
	fontStyle string
	fontSize  float64
	progress  func(float64)
}

func runPass(doc *Document, opt Options, m *measurer, bodies map[string]mdBody, prev *layout, pass int, packet *Packet) (*renderer, error) {
	pdf, err := newPDF(PageSetup{Paper: opt.Paper})
	if err != nil {
		return nil, err
	}
	pdf.SetAutoPageBreak(false, 0)
	if dated := cmp.Or(doc.Dated, doc.RevisionDate); !dated.IsZero() {
		pdf.SetCreationDate(dated)
		pdf.SetModificationDate(dated)
	}
	pdf.SetTitle(cleanText(doc.Title), true)
	pdf.SetSubject(cleanText(doc.Jurisdiction), true)
	pdf.SetAuthor(cleanText(doc.Jurisdiction), true)
	pdf.SetKeywords("revision "+strconv.Itoa(doc.Revision)+" hash "+doc.ContentHash(), true)
	r := &renderer{doc: doc, opt: opt, m: m, pdf: pdf, real: pdf, packet: packet, keep: packet.insertLabels(), bodies: bodies, hash: doc.ContentHash(),
		prev: prev, final: prev != nil, editions: editionsByLabel(opt.Editions)}
	r.pageW, r.pageH = pdf.GetPageSize()
	r.progress = func(float64) {}
	if opt.Progress != nil {
		base := 0.45 * float64(min(pass, 1))
		r.progress = func(p float64) { opt.Progress(base + 0.45*p) }
	}
	r.renderParts()
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("drawing the binder: %w", err)
	}
	return r, nil
}

// languageEntry names the document's language in its catalog, which gofpdf
// has no call for, so that screen readers and search read it as English.
const languageEntry = "/Lang (en-US)"

// output writes the document with its page labels and language.
func (r *renderer) output(w io.Writer) error {
	var buf bytes.Buffer
	if err := r.real.Output(&buf); err != nil {
		return err
	}
	doc, err := withCatalogEntry(buf.Bytes(), pageLabelsEntry(r.fileLabels)+"\n"+languageEntry)
	if err != nil {
		return err
	}
	_, err = w.Write(doc)
	return err
}

// result summarises the pass for the caller.
func (r *renderer) result() Result {
	return Result{Pages: r.real.PageCount(), TotalPages: r.out.pages, Binder: r.out.binder, Parts: r.out.parts, Hash: r.hash}
}

// part is one piece of the binder that starts on a new (right-hand) page.
type part struct {
	title string
	tab   string // what its page labels start with, such as "2" in "2-7"; "" for the front matter
	draw  func()
}

// renderParts draws every part in order; a replacement packet opens with
// its instruction sheet.
func (r *renderer) renderParts() {
	parts := r.parts()
	if r.keep != nil {
		r.instructionSheet()
	}
	for i, p := range parts {
		first := r.page + 1
		r.startPart(p)
		p.draw()
		r.padToRightHand()
		r.finishPage()
		r.out.parts = append(r.out.parts, PartSpan{Title: p.title, First: first, Last: r.page})
		r.progress(float64(i+1) / float64(len(parts)))
	}
	r.finishPage()
	r.pdf = r.real
	r.out.pages = r.page
}

// parts lists the binder's parts in print order. Sections are numbered
// parts; the call tree, scenarios and pocket card are annexes A, B and C,
// so adding a section leaves their page labels alone.
func (r *renderer) parts() []part {
	d := r.doc
	ps := []part{
		{title: "Cover", draw: r.cover},
		{title: "Record of changes", draw: r.frontMatter},
		{title: "Contents", draw: r.contents},
	}
	for i := range d.Sections {
		s := &d.Sections[i]
		num := strconv.Itoa(i + 1)
		ps = append(ps, part{title: s.Title, tab: num, draw: func() { r.section(s, num, 0) }})
	}
	ps = append(ps, part{title: "Call tree", tab: "A", draw: r.callTree})
	if len(d.Scenarios) > 0 {
		ps = append(ps, part{title: "Scenarios", tab: "B", draw: r.scenarios})
	}
	ps = append(ps, part{title: "Pocket reference card", tab: "C", draw: r.pocketCard})
	return ps
}

// addEntry records a heading on the current page: an outline entry, a
// contents line when inTOC, and the target of the contents line's link.
func (r *renderer) addEntry(number, title string, level int, inTOC bool) {
	label := title
	if number != "" {
		label = number + "  " + title
	}
	r.pdf.Bookmark(cleanText(label), level, r.y)
	r.out.entries = append(r.out.entries, entry{number: number, title: title, level: level, page: r.page,
		label: r.pageLabel(), inTOC: inTOC, y: r.y, sheet: r.pdf.PageNo()})
	if r.entryIndex < len(r.links) && r.links[r.entryIndex] != 0 {
		r.pdf.SetLink(r.links[r.entryIndex], r.y, r.pdf.PageNo())
	}
	r.entryIndex++
}

// Page geometry in millimetres.
const (
	marginInner  = 25.0 // binding side, room for the punch holes
	marginOuter  = 16.0
	marginTop    = 22.0 // body starts here
	marginBottom = 23.0 // body ends this far above the bottom edge
)

// newPage finishes the current page and starts the next one with its
// header, setting the gutter on the binding side.
func (r *renderer) newPage() {
	r.finishPage()
	if !r.unnumbered {
		r.page++
	}
	r.physical++
	r.pdf = r.real
	if r.keep != nil && !r.unnumbered && !r.keep[r.pageLabel()] {
		r.pdf = r.ghostPDF()
	}
	if r.pdf == r.real {
		r.fileLabels = append(r.fileLabels, r.pageLabel())
	}
	r.left, r.right = marginInner, r.pageW-marginOuter
	if r.opt.Duplex && r.sheetSide() == 0 {
		r.left, r.right = marginOuter, r.pageW-marginInner
	}
	r.pdf.SetMargins(r.left, marginTop, r.pageW-r.right)
	r.pdf.AddPage()
	r.beginPageContent()
	r.footerDone = false
	r.fontStyle, r.fontSize = "", 0
	r.header()
	r.y = marginTop
}

// ghostPDF returns the document that takes pages a replacement packet lays
// out but leaves out.
func (r *renderer) ghostPDF() *gofpdf.Fpdf {
	if r.ghost == nil {
		g, err := newPDF(PageSetup{Paper: r.opt.Paper})
		if err != nil {
			r.real.SetError(err)
			return r.real
		}
		g.SetAutoPageBreak(false, 0)
		r.ghost = g
	}
	return r.ghost
}

// sheetSide is 1 on a right-hand (front) page and 0 on a left-hand (back)
// one. Every part starts on a right-hand page, so its own page numbers say.
func (r *renderer) sheetSide() int {
	if r.unnumbered {
		return r.physical % 2
	}
	return r.numbering.number(r.page) % 2
}

// padToRightHand adds a blank back page when printing double-sided and the
// part ended on a right-hand page, so the next part starts on the right.
func (r *renderer) padToRightHand() {
	if !r.opt.Duplex || r.sheetSide() == 0 {
		return
	}
	r.partTitle = ""
	r.newPage()
	r.setFont("I", 10)
	r.setColor(colorGray)
	r.centered(r.pageH/2, "This page is intentionally blank.")
}

// finishPage draws the footer of the current page, once, after noting the
// page's content and edition.
func (r *renderer) finishPage() {
	if r.pdf.PageNo() == 0 || r.footerDone {
		return
	}
	if r.draftMarks() {
		r.draftMark()
	}
	ed := r.notePage()
	r.footer(ed)
	r.footerDone = true
}

// bottom is the lowest y the body may reach.
func (r *renderer) bottom() float64 { return r.pageH - marginBottom }

// width is the width of the body.
func (r *renderer) width() float64 { return r.right - r.left }

// ensure starts a new page unless h millimetres fit below y.
func (r *renderer) ensure(h float64) {
	if r.y+h > r.bottom()+0.01 {
		r.newPage()
	}
}

// header draws the marking and, on all but the cover, the running title.
func (r *renderer) header() {
	r.setColor(colorMarking)
	r.setFont("B", 8.5)
	mark := r.marking()
	if r.draftMarks() {
		mark = "DRAFT — NOT APPROVED  ·  " + mark
	}
	r.centered(9, mark)
	if r.partTitle == "" || r.partTitle == "Cover" {
		return
	}
	r.setColor(colorGray)
	r.setFont("", 8)
	title := r.fit(r.doc.Title, "", 8, r.width()*0.55)
	r.text(r.left, 15, title)
	part := r.fit(r.partTitle, "", 8, r.width()*0.43)
	r.text(r.right-r.m.width(part, "", 8), 15, part)
	r.rule(r.left, r.right, 16.8, colorRule, 0.2)
}

// footer draws the page's edition, the copy number, the page label and the marking.
func (r *renderer) footer(ed Edition) {
	y := r.pageH - 14.5
	r.rule(r.left, r.right, y-4, colorRule, 0.2)
	r.setColor(colorGray)
	r.setFont("", 8)
	left := r.fit(r.footerFacts(ed), "", 8, r.width()*0.7)
	r.text(r.left, y, left)
	right := r.footerLabel()
	r.setFont("B", 8)
	r.text(r.right-r.m.width(right, "B", 8), y, right)
	r.setColor(colorMarking)
	r.setFont("B", 8.5)
	r.centered(r.pageH-8, r.marking())
}

// footerLabel is "Page 2-7", or what stands in for it on pages outside the numbering.
func (r *renderer) footerLabel() string {
	if r.unnumbered {
		return "Instructions — not a binder page"
	}
	return "Page " + r.pageLabel()
}

// footerFacts is the footer's left side: the page's edition and the copy number.
func (r *renderer) footerFacts(ed Edition) string {
	s := r.editionText(ed)
	if r.doc.CopyNumber != "" {
		s += " · Copy " + cleanText(r.doc.CopyNumber)
	}
	return s
}

// revisionLabel names the revision, or says the binder is a draft.
func (r *renderer) revisionLabel() string {
	switch {
	case r.doc.Revision == 0:
		return "Draft, never approved"
	case !r.doc.unapproved():
		return "Revision " + strconv.Itoa(r.doc.Revision)
	}
	return "Draft after revision " + strconv.Itoa(r.doc.Revision)
}

// marking is the handling marking, or the default one.
func (r *renderer) marking() string {
	if r.doc.Marking != "" {
		return cleanText(r.doc.Marking)
	}
	return "SENSITIVE — FOR OFFICIAL USE ONLY"
}

// centered draws one line of text centred between the margins at baseline y.
func (r *renderer) centered(y float64, s string) {
	s = r.fit(s, r.fontStyle, r.fontSize, r.width())
	w := r.m.width(s, r.fontStyle, r.fontSize)
	r.text(r.left+(r.width()-w)/2, y, s)
}

// fit shortens s with an ellipsis until it is at most width wide.
func (r *renderer) fit(s, style string, size, width float64) string {
	s = cleanText(s)
	if r.m.width(s, style, size) <= width {
		return s
	}
	runes := []rune(s)
	for len(runes) > 0 && r.m.width(string(runes)+"…", style, size) > width {
		runes = runes[:len(runes)-1]
	}
	return string(runes) + "…"
}

// setFont selects the embedded font, skipping calls that change nothing.
func (r *renderer) setFont(style string, size float64) {
	if style == r.fontStyle && size == r.fontSize {
		return
	}
	r.pdf.SetFont(Font, style, size)
	r.fontStyle, r.fontSize = style, size
}

// rgb is a colour.
type rgb struct{ r, g, b int }

// The binder's colours: dark enough to photocopy well.
var (
	colorText    = rgb{20, 20, 20}
	colorGray    = rgb{95, 95, 95}
	colorAccent  = rgb{22, 52, 96}
	colorMarking = rgb{150, 20, 20}
	colorRule    = rgb{150, 150, 150}
	colorCode    = rgb{0, 92, 92}
	colorShade   = rgb{232, 236, 242}
	colorHead    = rgb{214, 222, 234}
)

func (r *renderer) setColor(c rgb) { r.pdf.SetTextColor(c.r, c.g, c.b) }

// rule draws a horizontal line.
func (r *renderer) rule(x1, x2, y float64, c rgb, width float64) {
	r.pdf.SetDrawColor(c.r, c.g, c.b)
	r.pdf.SetLineWidth(width)
	r.pdf.Line(x1, y, x2, y)
}

// box draws a tick box of side s with its top-left corner at x, y; ticked
// boxes get a check mark.
func (r *renderer) box(x, y, s float64, ticked bool) {
	r.pdf.SetDrawColor(40, 40, 40)
	r.pdf.SetLineWidth(0.3)
	r.pdf.Rect(x, y, s, s, "D")
	if ticked {
		r.pdf.Line(x+s*0.2, y+s*0.55, x+s*0.42, y+s*0.8)
		r.pdf.Line(x+s*0.42, y+s*0.8, x+s*0.82, y+s*0.2)
	}
}

// baseline is where text of size points sits in a line of height lineH starting at top.
func baseline(top, lineH, size float64) float64 {
	return top + lineH/2 + 0.36*size*mmPerPt
}

// drawLine draws a laid-out line with its left end at x and baseline at by.
func (r *renderer) drawLine(l textLine, x, by, size float64, color rgb) {
	for _, p := range l.pieces {
		if p.code {
			r.setColor(colorCode)
		} else {
			r.setColor(color)
		}
		r.textIn(x+p.x, by, p.text, p.style, size, p.code)
	}
	r.strikeThrough(l, x, by, size, color)
}

// paragraph flows spans from indent mm right of the left margin to the
// right margin, starting new pages as needed, and leaves y below the last line.
func (r *renderer) paragraph(spans []span, indent, size, lineH float64, color rgb) {
	lines := r.m.flow(spans, r.width()-indent, size)
	for i, l := range lines {
		r.ensure(keepLines(i, len(lines)) * lineH)
		r.drawLine(l, r.left+indent, baseline(r.y, lineH, size), size, color)
		r.y += lineH
	}
}

// keepLines is how many lines must fit for line i of n to be drawn on
// this page: two for the first and the next to last (all of a paragraph
// of up to three lines), so a paragraph never leaves one line alone at the
// foot or the top of a page.
func keepLines(i, n int) float64 {
	switch {
	case i == 0 && n <= 3:
		return float64(n)
	case i == 0 || n > 3 && i == n-2:
		return 2
	}
	return 1
}

// lineHeight is the line height for body text of size points.
func lineHeight(size float64) float64 { return size * mmPerPt * 1.42 }
