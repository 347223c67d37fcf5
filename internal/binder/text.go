package binder

import (
	"strings"
	"unicode/utf8"

	"github.com/jung-kurt/gofpdf"
)

// mmPerPt converts a font size in points to millimetres.
const mmPerPt = 25.4 / 72

// span is a run of text in one style: "" regular, "B" bold, "I" italic or
// "BI" bold italic. Code spans print in a dark teal so they stand out.
type span struct {
	text   string
	style  string
	code   bool
	strike bool // struck through: text the plan crossed out
}

// piece is a measured word or space of a line, placed at x from the line's start.
type piece struct {
	text   string
	style  string
	code   bool
	strike bool
	x, w   float64
}

// textLine is one laid-out line of a paragraph.
type textLine struct {
	pieces []piece
	width  float64
}

// measurer tells how wide text is in the embedded font, caching the width
// of every word it has seen. It works on a PDF that never gets a page, so
// selecting fonts writes nothing into the document being built.
type measurer struct {
	pdf   *gofpdf.Fpdf
	cache map[string]float64 // style + "\x00" + text → width in mm at 1 pt
}

func newMeasurer() (*measurer, error) {
	pdf, err := newPDF(PageSetup{})
	if err != nil {
		return nil, err
	}
	return &measurer{pdf: pdf, cache: map[string]float64{}}, nil
}

// width returns the width of s in mm at size points in the given style.
func (m *measurer) width(s, style string, size float64) float64 {
	return m.styledWidth(s, style, false, size)
}

// styledWidth is width for text that may be code (set in Noto Sans Mono).
func (m *measurer) styledWidth(s, style string, code bool, size float64) float64 {
	key := style + "\x00" + s
	if code {
		key = "M" + key
	}
	w, ok := m.cache[key]
	if !ok {
		for _, fr := range fontRuns(s, style, code) {
			w += m.runWidth(fr)
		}
		m.cache[key] = w
	}
	return w * size
}

// runWidth is the width of one font run in mm at 1 pt.
func (m *measurer) runWidth(fr fontRun) float64 {
	setRunFont(m.pdf, fr, 1)
	return m.pdf.GetStringWidth(fr.text)
}

// flow breaks spans into lines no wider than width (mm) at size points.
// Newlines in the text force a break; a word wider than a line is broken
// between characters, so nothing ever runs off the page.
func (m *measurer) flow(spans []span, width, size float64) []textLine {
	var lines []textLine
	var cur textLine
	pendingSpace := 0.0
	flush := func() {
		lines = append(lines, cur)
		cur = textLine{}
		pendingSpace = 0
	}
	place := func(word string, sp span, w float64) {
		if len(cur.pieces) > 0 {
			cur.width += pendingSpace
		}
		cur.pieces = append(cur.pieces, piece{text: word, style: sp.style, code: sp.code, strike: sp.strike, x: cur.width, w: w})
		cur.width += w
		pendingSpace = 0
	}
	for _, sp := range spans {
		for i, para := range strings.Split(strings.ReplaceAll(sp.text, "\t", "    "), "\n") {
			if i > 0 {
				flush()
			}
			for j, word := range strings.Split(para, " ") {
				if j > 0 && len(cur.pieces) > 0 {
					pendingSpace += m.width(" ", sp.style, size)
				}
				if word == "" {
					continue
				}
				w := m.styledWidth(word, sp.style, sp.code, size)
				if len(cur.pieces) > 0 && cur.width+pendingSpace+w > width {
					flush()
				}
				for w > width && utf8.RuneCountInString(word) > 1 {
					head := m.fitRunes(word, sp.style, sp.code, size, width)
					place(head, sp, m.styledWidth(head, sp.style, sp.code, size))
					flush()
					word = word[len(head):]
					w = m.styledWidth(word, sp.style, sp.code, size)
				}
				place(word, sp, w)
			}
		}
	}
	if len(cur.pieces) > 0 || len(lines) == 0 {
		lines = append(lines, cur)
	}
	for i := range lines {
		orderRTL(&lines[i])
	}
	return lines
}

// fitRunes returns the longest prefix of word that fits in width, and at
// least its first character. gofpdf does not kern, so a word is as wide as
// its characters added up.
func (m *measurer) fitRunes(word, style string, code bool, size, width float64) string {
	_, end := utf8.DecodeRuneInString(word)
	total := 0.0
	for i, r := range word {
		total += m.styledWidth(string(r), style, code, size)
		if i > 0 && total > width {
			break
		}
		end = i + utf8.RuneLen(r)
	}
	if end < len(word) { // break after punctuation of an address when there is some
		if cut := strings.LastIndexAny(word[:end], "@./-_"); cut >= end/3 {
			end = cut + 1
		}
	}
	return word[:end]
}

// plainSpans turns plain text into one regular span, made safe for gofpdf.
func plainSpans(s string) []span { return []span{{text: cleanText(s)}} }

// styledSpans turns plain text into one span of the given style.
func styledSpans(s, style string) []span { return []span{{text: cleanText(s), style: style}} }

// spansText joins the text of spans, for measuring and for tests.
func spansText(spans []span) string {
	var b strings.Builder
	for _, s := range spans {
		b.WriteString(s.text)
	}
	return b.String()
}

// splitWords splits text at spaces and newlines.
func splitWords(s string) []string { return strings.Fields(s) }
