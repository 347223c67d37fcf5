package binder

// para is one paragraph of a table cell, in its own size and colour.
type para struct {
	spans []span
	size  float64 // points; 0 means the table's size
	color rgb
	align byte // 'L' (default), 'C' or 'R'
}

// cell is one cell of a table: paragraphs of text, or a tick box.
type cell struct {
	paras  []para
	box    bool // a box to tick by pen
	ticked bool
}

// row is one row of a table. A group row is a single shaded label across
// all columns, such as a level of government in the call tree; keep asks
// for the next rows to stay on the same page as this one.
type row struct {
	cells  []cell
	group  bool
	shade  bool
	keep   int
	before func() // called once, just before the row is first drawn
}

// table is a grid that breaks across pages, repeating its header row.
type table struct {
	widths []float64 // column widths in mm
	header []cell    // repeated at the top of every page; nil for none
	rows   []row
	size   float64 // default text size in points
	pad    float64 // inner padding in mm
	indent float64 // from the left margin, in mm
}

// cellLine is one laid-out line of a cell.
type cellLine struct {
	line  textLine
	size  float64
	h     float64
	color rgb
	align byte
}

// laidRow is a row whose cells have been broken into lines.
type laidRow struct {
	src    *row
	cells  [][]cellLine
	height float64
}

// txt builds a cell of one regular paragraph.
func txt(s string) cell { return cell{paras: []para{{spans: plainSpans(s)}}} }

// boldTxt builds a cell of one bold paragraph.
func boldTxt(s string) cell { return cell{paras: []para{{spans: styledSpans(s, "B")}}} }

// tickBox builds a cell holding a box to tick.
func tickBox() cell { return cell{box: true} }

const boxSide = 4.2 // mm

// layRow breaks every cell of a row into lines.
func (r *renderer) layRow(t *table, rw *row, header bool) laidRow {
	lr := laidRow{src: rw}
	widths := t.widths
	if rw.group {
		widths = []float64{sum(t.widths)}
	}
	for i, c := range rw.cells {
		if i >= len(widths) {
			break
		}
		var lines []cellLine
		for _, p := range c.paras {
			size := p.size
			if size == 0 {
				size = t.size
			}
			spans := p.spans
			if header || rw.group {
				spans = boldSpans(spans)
			}
			for _, l := range r.m.flow(spans, widths[i]-2*t.pad, size) {
				lines = append(lines, cellLine{line: l, size: size, h: lineHeight(size), color: p.color, align: p.align})
			}
		}
		lr.cells = append(lr.cells, lines)
		h := 2 * t.pad
		for _, l := range lines {
			h += l.h
		}
		if c.box {
			h = max(h, boxSide+2*t.pad)
		}
		lr.height = max(lr.height, h)
	}
	return lr
}

// boldSpans returns spans with bold added to their style.
func boldSpans(spans []span) []span {
	out := make([]span, len(spans))
	for i, s := range spans {
		out[i] = s
		switch s.style {
		case "":
			out[i].style = "B"
		case "I":
			out[i].style = "BI"
		}
	}
	return out
}

func sum(xs []float64) float64 {
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return t
}

// drawTable draws t from y onwards, breaking across pages.
func (r *renderer) drawTable(t *table) {
	if t.pad == 0 {
		t.pad = 1.6
	}
	var head laidRow
	if t.header != nil {
		head = r.layRow(t, &row{cells: t.header}, true)
	}
	laid := make([]laidRow, len(t.rows))
	for i := range t.rows {
		laid[i] = r.layRow(t, &t.rows[i], false)
	}
	r.ensure(r.tableStart(head, laid))
	r.drawRowAt(t, head, true)
	for i := range laid {
		keep := laid[i].src.keep
		if i == len(laid)-2 { // never one row alone on the next page
			keep = max(keep, 1)
		}
		r.keepTogether(t, head, laid[i:min(len(laid), i+1+keep)])
		r.drawSplitting(t, head, laid[i])
	}
	r.y += 2
}

// tableLead is what must fit on a page for the table to start there: all
// of a short table, else its header and first row.
func (r *renderer) tableLead(t *table) float64 {
	if t.pad == 0 {
		t.pad = 1.6
	}
	var head laidRow
	if t.header != nil {
		head = r.layRow(t, &row{cells: t.header}, true)
	}
	laid := make([]laidRow, len(t.rows))
	for i := range t.rows {
		laid[i] = r.layRow(t, &t.rows[i], false)
	}
	return r.tableStart(head, laid)
}

// tableStart is the height a table needs on the page it starts on: all of
// it when it takes at most half a page, so a short table is never split,
// else its header and first row.
func (r *renderer) tableStart(head laidRow, laid []laidRow) float64 {
	whole := head.height
	for _, lr := range laid {
		whole += lr.height
	}
	if whole <= (r.bottom()-marginTop)/2 {
		return whole
	}
	first := 0.0
	if len(laid) > 0 {
		first = laid[0].height
	}
	return head.height + min(first, r.bottom()-marginTop-head.height)
}

// keepTogether starts a new page (with the header) when rows do not fit in
// what is left of this page but would fit on a fresh one.
func (r *renderer) keepTogether(t *table, head laidRow, rows []laidRow) {
	h := 0.0
	for _, lr := range rows {
		h += lr.height
	}
	if r.y+h > r.bottom() && h <= r.bottom()-marginTop-head.height && len(rows) > 1 {
		r.tableBreak(t, head)
	}
}

// tableBreak moves to a new page and repeats the header row.
func (r *renderer) tableBreak(t *table, head laidRow) {
	r.newPage()
	r.drawRowAt(t, head, true)
}

// drawSplitting draws a row, moving it to the next page when it does not
// fit, and splitting it between pages when it is taller than a page.
func (r *renderer) drawSplitting(t *table, head laidRow, lr laidRow) {
	for {
		if r.y+lr.height <= r.bottom() {
			r.rowStarts(lr)
			r.drawRowAt(t, lr, false)
			return
		}
		fresh := r.y <= marginTop+head.height+0.01
		if !fresh && lr.height <= r.bottom()-marginTop-head.height {
			r.tableBreak(t, head)
			continue
		}
		top, rest, ok := splitRow(lr, r.bottom()-r.y-2*t.pad, t.pad)
		if !ok {
			r.tableBreak(t, head)
			continue
		}
		r.rowStarts(lr)
		r.drawRowAt(t, top, false)
		r.tableBreak(t, head)
		lr = rest
	}
}

// rowStarts runs the row's before hook the first time the row is drawn.
func (r *renderer) rowStarts(lr laidRow) {
	if lr.src.before != nil {
		lr.src.before()
		lr.src.before = nil
	}
}

// splitRow cuts a row so that its first part's lines fit in avail mm.
func splitRow(lr laidRow, avail, pad float64) (top, rest laidRow, ok bool) {
	top, rest = laidRow{src: lr.src}, laidRow{src: lr.src}
	any := false
	for _, lines := range lr.cells {
		used, n := 0.0, 0
		for n < len(lines) && used+lines[n].h <= avail {
			used += lines[n].h
			n++
		}
		any = any || n > 0
		top.cells = append(top.cells, lines[:n])
		rest.cells = append(rest.cells, lines[n:])
		top.height = max(top.height, used+2*pad)
		restH := 2 * pad
		for _, l := range lines[n:] {
			restH += l.h
		}
		rest.height = max(rest.height, restH)
	}
	return top, rest, any
}

// drawRowAt draws a laid-out row at y and moves y below it.
func (r *renderer) drawRowAt(t *table, lr laidRow, header bool) {
	if lr.src == nil {
		return
	}
	widths := t.widths
	if lr.src.group {
		widths = []float64{sum(t.widths)}
	}
	x := r.left + t.indent
	for i, lines := range lr.cells {
		w := widths[i]
		switch {
		case header:
			r.pdf.SetFillColor(colorHead.r, colorHead.g, colorHead.b)
			r.pdf.Rect(x, r.y, w, lr.height, "F")
		case lr.src.group:
			r.pdf.SetFillColor(colorAccent.r, colorAccent.g, colorAccent.b)
			r.pdf.Rect(x, r.y, w, lr.height, "F")
		case lr.src.shade:
			r.pdf.SetFillColor(colorShade.r, colorShade.g, colorShade.b)
			r.pdf.Rect(x, r.y, w, lr.height, "F")
		}
		c := lr.src.cells[i]
		if header {
			c = t.header[i]
		}
		if c.box {
			r.box(x+(w-boxSide)/2, r.y+t.pad, boxSide, c.ticked)
		}
		r.drawCellLines(lines, x+t.pad, w-2*t.pad, r.y+t.pad)
		r.pdf.SetDrawColor(colorRule.r, colorRule.g, colorRule.b)
		r.pdf.SetLineWidth(0.2)
		r.pdf.Rect(x, r.y, w, lr.height, "D")
		x += w
	}
	r.y += lr.height
}

// drawCellLines draws a cell's lines from top, aligned within width.
func (r *renderer) drawCellLines(lines []cellLine, x, width, top float64) {
	y := top
	for _, l := range lines {
		lx := x
		switch l.align {
		case 'R':
			lx = x + width - l.line.width
		case 'C':
			lx = x + (width-l.line.width)/2
		}
		color := l.color
		if color == (rgb{}) {
			color = colorText
		}
		r.drawLine(l.line, lx, baseline(y, l.h, l.size), l.size, color)
		y += l.h
	}
}

// columnWidths shares width between columns: each gets at least its longest
// word (up to a cap) and the rest goes where the text is longest.
func (r *renderer) columnWidths(cols [][]cell, width, size, pad float64) []float64 {
	n := len(cols)
	minW := make([]float64, n)
	natural := make([]float64, n)
	for i, col := range cols {
		for _, c := range col {
			for _, p := range c.paras {
				wide, long := r.spanWidths(p.spans, size)
				minW[i] = max(minW[i], min(wide, width/float64(n)))
				natural[i] = max(natural[i], long)
			}
		}
		minW[i] += 2 * pad
		natural[i] = max(natural[i]+2*pad, minW[i])
	}
	out := make([]float64, n)
	totalMin, totalNat := sum(minW), sum(natural)
	switch {
	case totalNat <= width:
		for i := range out {
			out[i] = natural[i] * width / totalNat
		}
	case totalMin >= width:
		for i := range out {
			out[i] = minW[i] * width / totalMin
		}
	default:
		f := (width - totalMin) / (totalNat - totalMin)
		for i := range out {
			out[i] = minW[i] + (natural[i]-minW[i])*f
		}
	}
	return out
}

// spanWidths returns the widest word and the whole length of spans on one line.
func (r *renderer) spanWidths(spans []span, size float64) (widest, total float64) {
	for _, s := range spans {
		for _, w := range splitWords(s.text) {
			ww := r.m.width(w, "B", size)
			widest = max(widest, ww)
			total += ww + r.m.width(" ", "B", size)
		}
	}
	return widest, total
}
