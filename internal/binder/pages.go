package binder

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unsafe"

	"github.com/jung-kurt/gofpdf"
)

// Page is one page of a binder as printed: its label, the part it belongs
// to, fingerprints of what is on it and the edition its footer names.
type Page struct {
	Label   string  `json:"label"` // such as "2-7", "A-1" or "iii"
	Tab     string  `json:"tab"`   // the part's tab: "2", "A", or "" for the front matter
	Number  int     `json:"number"`
	Part    string  `json:"part"`    // the part's title
	Content string  `json:"content"` // fingerprint of everything drawn on the page but its footer
	Print   string  `json:"print"`   // fingerprint of the page as printed, footer included
	Edition Edition `json:"edition"`
}

// Edition is what a page's footer says about its version: the revision in
// which the page last changed, and the date of that change.
type Edition struct {
	Revision int       `json:"revision"`
	Date     time.Time `json:"date"`
	Updated  bool      `json:"updated,omitempty"` // changed after the revision was approved, as a directory change does
}

// pageNumbering numbers the pages of one part: "2-7" is page 7 of part 2.
// The front matter (cover, record of changes, contents) is numbered i, ii, iii.
type pageNumbering struct {
	tab   string
	title string
	first int // the logical page where the part starts
}

// number is the page's number within its part.
func (n pageNumbering) number(page int) int {
	if n.tab == "" {
		return page
	}
	return page - n.first + 1
}

// label is the page's label as printed.
func (n pageNumbering) label(page int) string {
	if n.tab == "" {
		return roman(page)
	}
	return n.tab + "-" + strconv.Itoa(n.number(page))
}

// startPart begins part p on a new page, numbered from 1.
func (r *renderer) startPart(p part) {
	r.numbering = pageNumbering{tab: p.tab, title: p.title, first: r.page + 1}
	r.partTitle = p.title
	r.newPage()
}

// pageLabel is the current page's label; "" outside the numbering.
func (r *renderer) pageLabel() string {
	if r.unnumbered {
		return ""
	}
	return r.numbering.label(r.page)
}

// roman writes n in lower-case Roman numerals.
func roman(n int) string {
	var b strings.Builder
	for _, d := range []struct {
		v int
		s string
	}{{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"}, {40, "xl"},
		{10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}} {
		for ; n >= d.v; n -= d.v {
			b.WriteString(d.s)
		}
	}
	return b.String()
}

// editionsByLabel indexes earlier pages by label, keeping their order.
func editionsByLabel(lists [][]Page) map[string][]Page {
	m := map[string][]Page{}
	for _, list := range lists {
		for _, p := range list {
			m[p.Label] = append(m[p.Label], p)
		}
	}
	return m
}

// beginPageContent marks where the page's own drawing starts and sets the
// graphics state it is drawn from, so that a page looks and fingerprints
// the same whatever page came before it.
func (r *renderer) beginPageContent() {
	r.contentStart = len(drawnSoFar(r.pdf))
	r.pagePictures = nil
	r.pdf.SetFillColor(255, 255, 255)
	r.pdf.SetDrawColor(0, 0, 0)
	r.pdf.SetLineWidth(0.2)
}

// notePage fingerprints the page just drawn, works out its edition and
// adds it to the binder's list of pages. Pages outside the numbering carry
// the binder's own revision.
func (r *renderer) notePage() Edition {
	if r.unnumbered {
		return Edition{Revision: r.doc.Revision, Date: r.doc.RevisionDate}
	}
	// A picture is named in the drawing by its order in the file, not by
	// what it shows, so its hash joins the fingerprint.
	drawn := string(drawnSoFar(r.pdf)[r.contentStart:])
	content := fingerprint([]byte(strings.Join(append([]string{drawn}, r.pagePictures...), "\n")))
	label := r.pageLabel()
	ed := r.editionOf(label, content)
	printed := fingerprint([]byte(strings.Join([]string{content, r.footerFacts(ed), label, r.marking()}, "\n")))
	r.out.binder = append(r.out.binder, Page{Label: label, Tab: r.numbering.tab, Number: r.numbering.number(r.page),
		Part: r.numbering.title, Content: content, Print: printed, Edition: ed})
	return ed
}

// editionOf is the edition of a page: that of an earlier page drawn the
// same under the same label, else this revision as of today.
func (r *renderer) editionOf(label, content string) Edition {
	if r.doc.unapproved() {
		return Edition{Revision: r.doc.Revision}
	}
	for _, p := range r.editions[label] {
		if p.Content == content && p.Edition.Revision <= r.doc.Revision {
			return p.Edition
		}
	}
	today := r.opt.Today
	if today.IsZero() {
		today = r.doc.RevisionDate
	}
	return Edition{Revision: r.doc.Revision, Date: today, Updated: !sameDay(today, r.doc.RevisionDate)}
}

// editionText is the footer's words for an edition.
func (r *renderer) editionText(ed Edition) string {
	switch {
	case r.doc.Revision == 0:
		return "DRAFT — never approved"
	case r.doc.unapproved():
		return "DRAFT — changed since revision " + strconv.Itoa(r.doc.Revision) + ", not approved"
	}
	s := "Revision " + strconv.Itoa(ed.Revision)
	switch {
	case ed.Date.IsZero():
	case ed.Updated:
		s += " · updated " + formatDate(ed.Date)
	default:
		s += " · " + formatDate(ed.Date)
	}
	return s
}

// draftMarks reports whether pages carry the DRAFT marks.
func (r *renderer) draftMarks() bool { return r.doc.unapproved() && !r.opt.hideDraftMarks }

// draftMark writes DRAFT across the page, over what is on it, so that a
// draft page cannot pass for an approved one.
func (r *renderer) draftMark() {
	const size = 120.0
	w := r.m.width("DRAFT", "B", size)
	cx, cy := r.pageW/2, r.pageH/2
	r.pdf.SetAlpha(0.15, "Normal")
	r.setFont("B", size)
	r.setColor(colorMarking)
	r.pdf.TransformBegin()
	r.pdf.TransformRotate(55, cx, cy)
	r.pdf.Text(cx-w/2, cy+0.35*size*mmPerPt, "DRAFT")
	r.pdf.TransformEnd()
	r.pdf.SetAlpha(1, "Normal")
}

func sameDay(a, b time.Time) bool {
	return a.Format(dateLayout) == b.Format(dateLayout)
}

// fingerprint is a short hash of b.
func fingerprint(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:12])
}

// drawnSoFar returns the content stream of pdf's current page as drawn so
// far: the page as a PDF reader will draw it. gofpdf keeps it in an
// unexported field, read here without changing it.
func drawnSoFar(pdf *gofpdf.Fpdf) []byte {
	v := reflect.ValueOf(pdf).Elem().FieldByName("pages")
	pages := reflect.NewAt(v.Type(), unsafe.Pointer(v.UnsafeAddr())).Elem().Interface().([]*bytes.Buffer)
	return pages[pdf.PageNo()].Bytes()
}

// pageLabelsEntry is the catalog's /PageLabels entry: each page of the file
// named by its label, so that a PDF reader's page box and bookmarks show
// "2-7" as the footer does. Pages outside the numbering read "Instructions".
func pageLabelsEntry(labels []string) string {
	var b strings.Builder
	b.WriteString("/PageLabels << /Nums [")
	for i, label := range labels {
		tab, num, numbered := strings.Cut(label, "-")
		switch {
		case label == "":
			fmt.Fprintf(&b, " %d << /P (Instructions) >>", i)
		case !numbered:
			fmt.Fprintf(&b, " %d << /S /r /St %d >>", i, romanNumber(label))
		default:
			fmt.Fprintf(&b, " %d << /S /D /P (%s-) /St %s >>", i, tab, num)
		}
	}
	b.WriteString(" ] >>")
	return b.String()
}

// romanNumber reads a lower-case Roman numeral written by roman.
func romanNumber(s string) int {
	values := map[byte]int{'i': 1, 'v': 5, 'x': 10, 'l': 50, 'c': 100, 'd': 500, 'm': 1000}
	n := 0
	for i := 0; i < len(s); i++ {
		v := values[s[i]]
		if i+1 < len(s) && values[s[i+1]] > v {
			v = -v
		}
		n += v
	}
	return n
}

// withCatalogEntry adds an entry to the catalog of a PDF gofpdf wrote. The
// catalog is the last object before the cross-reference table, so only
// the table's own offset moves; anything else is refused.
func withCatalogEntry(doc []byte, entry string) ([]byte, error) {
	const catalog = "/Type /Catalog"
	at := bytes.Index(doc, []byte(catalog))
	end := bytes.LastIndex(doc, []byte("endobj\nxref\n"))
	start := bytes.LastIndex(doc, []byte("\nstartxref\n"))
	if at < 0 || end < at || start < end || bytes.Contains(doc[at:end], []byte(" obj\n")) {
		return nil, errors.New("the PDF's catalog is not where it was expected")
	}
	var offset int
	if _, err := fmt.Sscanf(string(doc[start+len("\nstartxref\n"):]), "%d", &offset); err != nil {
		return nil, fmt.Errorf("the PDF's cross-reference offset is unreadable: %w", err)
	}
	insert := "\n" + entry
	at += len(catalog)
	out := make([]byte, 0, len(doc)+len(insert)+8)
	out = append(out, doc[:at]...)
	out = append(out, insert...)
	out = append(out, doc[at:start]...)
	return fmt.Appendf(out, "\nstartxref\n%d\n%%%%EOF\n", offset+len(insert)), nil
}
