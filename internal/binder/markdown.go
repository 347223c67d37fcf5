package binder

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"electionbinder/internal/plan"
)

// Text sizes in points.
const (
	bodySize  = 10.5
	tableSize = 9.5
	codeSize  = 9
)

// mdBody is a parsed section body with the source its nodes point into.
type mdBody struct {
	doc ast.Node
	src []byte
}

// gfm parses GitHub-flavoured Markdown: the parser used when the caller gives none.
var gfm = goldmark.New(goldmark.WithExtensions(extension.Table, extension.TaskList, extension.Strikethrough, extension.Footnote))

// ParseMarkdown parses a body as GitHub-flavoured Markdown.
func ParseMarkdown(source []byte) ast.Node {
	return gfm.Parser().Parse(text.NewReader(source))
}

// parseBodies parses every Markdown body of doc once, for all passes.
func parseBodies(doc *Document, parse func([]byte) ast.Node) map[string]mdBody {
	if parse == nil {
		parse = ParseMarkdown
	}
	out := map[string]mdBody{}
	add := func(body string) {
		if _, ok := out[body]; ok || strings.TrimSpace(body) == "" {
			return
		}
		src := []byte(body)
		out[body] = mdBody{doc: parse(src), src: src}
	}
	var walk func([]Section)
	walk = func(ss []Section) {
		for i := range ss {
			add(ss[i].Body)
			walk(ss[i].Children)
		}
	}
	walk(doc.Sections)
	for _, s := range doc.Scenarios {
		add(s.Description)
		add(s.DoNotSay)
		add(s.StandDown)
	}
	return out
}

// markdown draws a parsed body indented x mm from the left margin.
func (r *renderer) markdown(body string, x float64) {
	b, ok := r.bodies[body]
	if !ok {
		return
	}
	r.blocks(b.doc, x, b.src, colorText)
}

// blocks draws the block children of n.
func (r *renderer) blocks(n ast.Node, x float64, src []byte, color rgb) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		r.block(c, x, src, color)
	}
}

// block draws one block node.
func (r *renderer) block(n ast.Node, x float64, src []byte, color rgb) {
	lh := lineHeight(bodySize)
	switch n := n.(type) {
	case *ast.Heading:
		r.mdHeading(n, x, src)
	case *ast.Paragraph, *ast.TextBlock:
		if hasPicture(n) {
			r.pictureParagraph(n, x, src, color)
			break
		}
		r.paragraph(inlineSpans(n, src), x, bodySize, lh, color)
		if _, tight := n.(*ast.TextBlock); !tight {
			r.y += lh * 0.45
		}
	case *ast.List:
		r.list(n, x, src, color)
		r.y += lh * 0.3
	case *ast.Blockquote:
		r.blockquote(n, x, src)
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		r.codeBlock(n, x, src)
	case *ast.HTMLBlock:
		r.htmlBlock(n, x, src, color)
	case *ast.ThematicBreak:
		r.ensure(lh)
		r.rule(r.left+x, r.right, r.y+lh/2, colorRule, 0.3)
		r.y += lh
	case *east.Table:
		r.mdTable(n, x, src)
	case *east.FootnoteList:
		r.footnotes(n, x, src)
	default:
		r.blocks(n, x, src, color)
	}
}

// htmlBlock prints the words of an HTML block without its tags; a comment,
// a note the clerk left for themselves, is not printed at all.
func (r *renderer) htmlBlock(n *ast.HTMLBlock, x float64, src []byte, color rgb) {
	if n.HTMLBlockType == ast.HTMLBlockType2 {
		return
	}
	var b strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(src))
	}
	if n.HasClosure() {
		b.Write(n.ClosureLine.Value(src))
	}
	words := plan.HTMLWords(b.String())
	if words == "" {
		return
	}
	lh := lineHeight(bodySize)
	r.paragraph(plainSpans(cleanText(words)), x, bodySize, lh, color)
	r.y += lh * 0.45
}

// mdHeading draws a heading inside a section body, kept with what follows.
func (r *renderer) mdHeading(n *ast.Heading, x float64, src []byte) {
	size := map[int]float64{1: 13, 2: 12}[n.Level]
	if size == 0 {
		size = 11
	}
	lh := lineHeight(size)
	r.y += 1.5
	const after = 0.8
	r.ensure(lh + after + r.leadHeight(n.NextSibling(), x, src))
	r.paragraph(boldSpans(inlineSpans(n, src)), x, size, lh, colorAccent)
	r.y += after
}

// list draws a bullet, numbered or task list; task items get a box.
func (r *renderer) list(n *ast.List, x float64, src []byte, color rgb) {
	lh := lineHeight(bodySize)
	indent := 6.5
	num := n.Start
	if num == 0 {
		num = 1
	}
	level := listLevel(n)
	marker := bullets[level%len(bullets)]
	if n.IsOrdered() {
		marker = listNumber(num, level)
		indent = max(indent, r.m.width(listNumber(num+n.ChildCount(), level), "", bodySize)+2.5)
	}
	heights, simple := r.itemHeights(n, x+indent, src)
	if total := sum(heights); simple && total <= (r.bottom()-marginTop)/2 {
		r.ensure(total) // a short list stays whole
	}
	i := 0
	for item := n.FirstChild(); item != nil; item = item.NextSibling() {
		need := lh
		if simple && i == len(heights)-2 { // the last item never stands alone
			need = heights[i] + heights[i+1]
		}
		r.ensure(min(need, (r.bottom()-marginTop)/2))
		i++
		if box, ok := taskBox(item); ok {
			side := 3.6
			r.box(r.left+x+0.4, r.y+(lh-side)/2, side, box.IsChecked)
		} else {
			r.setFont("", bodySize)
			r.setColor(color)
			r.text(r.left+x+indent-2-r.m.width(marker, "", bodySize), baseline(r.y, lh, bodySize), marker)
		}
		r.blocks(item, x+indent, src, color)
		if !n.IsTight {
			r.y += lh * 0.3
		}
		num++
		if n.IsOrdered() {
			marker = listNumber(num, level)
		}
	}
}

// taskBox finds the check box that makes a list item a task.
func taskBox(item ast.Node) (*east.TaskCheckBox, bool) {
	first := item.FirstChild()
	if first == nil || first.FirstChild() == nil {
		return nil, false
	}
	box, ok := first.FirstChild().(*east.TaskCheckBox)
	return box, ok
}

// blockquote draws quoted blocks indented, in grey, with a bar on the left.
func (r *renderer) blockquote(n ast.Node, x float64, src []byte) {
	page, top := r.physical, r.y
	r.blocks(n, x+5, src, colorGray)
	if r.physical != page {
		top = marginTop
	}
	r.pdf.SetDrawColor(colorRule.r, colorRule.g, colorRule.b)
	r.pdf.SetLineWidth(0.8)
	r.pdf.Line(r.left+x+1.5, top, r.left+x+1.5, r.y-1)
}

// codeBlock draws preformatted lines on a shaded band, breaking long lines.
func (r *renderer) codeBlock(n ast.Node, x float64, src []byte) {
	lh := lineHeight(codeSize)
	var b strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(src))
	}
	content := strings.TrimRight(cleanText(b.String()), "\n")
	for _, l := range r.m.flow([]span{{text: content, code: true}}, r.width()-x-4, codeSize) {
		r.ensure(lh)
		r.pdf.SetFillColor(colorShade.r, colorShade.g, colorShade.b)
		r.pdf.Rect(r.left+x, r.y, r.width()-x, lh, "F")
		r.drawLine(l, r.left+x+2, baseline(r.y, lh, codeSize), codeSize, colorCode)
		r.y += lh
	}
	r.y += lineHeight(bodySize) * 0.45
}

// leadHeight is how much of the block n must follow a heading on the same
// page: two lines of text, or a table's header and first row; at most half
// a page, so that a tall first row never leaves a page nearly blank.
func (r *renderer) leadHeight(n ast.Node, x float64, src []byte) float64 {
	lead := 2 * lineHeight(bodySize)
	switch n := n.(type) {
	case *east.Table:
		if t := r.mdTableOf(n, x, src); t != nil {
			lead = max(lead, r.tableLead(t))
		}
	case *ast.List: // a short list is kept whole, so its heading needs all of it
		if hs, simple := r.itemHeights(n, x+6.5, src); simple && sum(hs) <= (r.bottom()-marginTop)/2 {
			lead = max(lead, sum(hs))
		}
	}
	return min(lead, (r.bottom()-marginTop)/2)
}

// bodyLead is the leadHeight of the first block of a section body.
func (r *renderer) bodyLead(body string) float64 {
	b, ok := r.bodies[body]
	if !ok {
		return 2 * lineHeight(bodySize)
	}
	return r.leadHeight(b.doc.FirstChild(), 0, b.src)
}

// mdTable draws a Markdown table that breaks across pages with its header repeated.
func (r *renderer) mdTable(n *east.Table, x float64, src []byte) {
	if t := r.mdTableOf(n, x, src); t != nil {
		r.drawTable(t)
	}
}

// mdTableOf lays out a Markdown table's cells and column widths, or returns
// nil for a table without columns.
func (r *renderer) mdTableOf(n *east.Table, x float64, src []byte) *table {
	t := &table{size: tableSize}
	var cols [][]cell
	for rowNode := n.FirstChild(); rowNode != nil; rowNode = rowNode.NextSibling() {
		var cells []cell
		i := 0
		for c := rowNode.FirstChild(); c != nil; c = c.NextSibling() {
			align := byte('L')
			if i < len(n.Alignments) {
				align = map[east.Alignment]byte{east.AlignRight: 'R', east.AlignCenter: 'C'}[n.Alignments[i]]
			}
			cells = append(cells, cell{paras: []para{{spans: inlineSpans(c, src), align: align}}})
			i++
		}
		for len(cols) < len(cells) {
			cols = append(cols, nil)
		}
		for i, c := range cells {
			cols[i] = append(cols[i], c)
		}
		if _, isHead := rowNode.(*east.TableHeader); isHead {
			t.header = cells
		} else {
			t.rows = append(t.rows, row{cells: cells})
		}
	}
	if len(cols) == 0 {
		return nil
	}
	for i := range t.rows {
		t.rows[i].cells = padCells(t.rows[i].cells, len(cols))
	}
	if t.header != nil {
		t.header = padCells(t.header, len(cols))
	}
	t.indent = x
	t.size = r.tableTextSize(cols, r.width()-x, 1.6)
	t.widths = r.columnWidths(cols, r.width()-x, t.size, 1.6)
	return t
}

// tableTextSize is the text size of a Markdown table: the usual size, or,
// for a table with so many columns that its longest words would break in
// the middle, down to 6 points where they fit whole.
func (r *renderer) tableTextSize(cols [][]cell, width, pad float64) float64 {
	size := tableSize
	for ; size > 6; size -= 0.5 {
		total := 0.0
		for _, col := range cols {
			widest := 0.0
			for _, c := range col {
				for _, p := range c.paras {
					w, _ := r.spanWidths(p.spans, size)
					widest = max(widest, w)
				}
			}
			total += widest + 2*pad
		}
		if total <= width {
			break
		}
	}
	return size
}

// padCells gives a row as many cells as the table has columns.
func padCells(cells []cell, n int) []cell {
	for len(cells) < n {
		cells = append(cells, cell{})
	}
	return cells
}

// inlineSpans turns the inline children of n into styled spans; a
// picture, which only a paragraph can show, becomes "[picture: …]".
func inlineSpans(n ast.Node, src []byte) []span { return inlineSpansOpt(n, src, false) }

// inlineSpansOpt is inlineSpans, leaving pictures out when skipPictures.
func inlineSpansOpt(n ast.Node, src []byte, skipPictures bool) []span {
	var out []span
	var walk func(n ast.Node, style string, code bool)
	walk = func(n ast.Node, style string, code bool) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				out = append(out, span{text: cleanText(string(c.Segment.Value(src))), style: style, code: code})
				if c.HardLineBreak() {
					out = append(out, span{text: "\n", style: style})
				} else if c.SoftLineBreak() {
					out = append(out, span{text: " ", style: style})
				}
			case *ast.String:
				out = append(out, span{text: cleanText(string(c.Value)), style: style, code: code})
			case *ast.CodeSpan:
				walk(c, style, true)
			case *ast.Emphasis:
				walk(c, addStyle(style, c.Level), code)
			case *ast.Link:
				before := len(out)
				walk(c, style, code)
				dest := string(c.Destination)
				if dest != "" && !strings.HasPrefix(dest, "#") && dest != spansText(out[before:]) {
					out = append(out, span{text: " (" + cleanText(strings.TrimPrefix(dest, "mailto:")) + ")", style: style})
				}
			case *ast.AutoLink:
				out = append(out, span{text: cleanText(string(c.Label(src))), style: style, code: code})
			case *ast.Image:
				if skipPictures {
					continue
				}
				out = append(out, span{text: "[picture: ", style: "I"})
				walk(c, "I", code)
				out = append(out, span{text: "]", style: "I"})
			case *east.Strikethrough:
				before := len(out)
				walk(c, style, code)
				for i := before; i < len(out); i++ {
					out[i].strike = true
				}
			case *east.FootnoteLink:
				out = append(out, span{text: superscript(c.Index), style: style})
			case *ast.RawHTML, *east.TaskCheckBox, *east.FootnoteBacklink:
			default:
				walk(c, style, code)
			}
		}
	}
	walk(n, "", false)
	return out
}

// addStyle adds italic (level 1) or bold (level 2 or more) to a style.
func addStyle(style string, level int) string {
	b, i := strings.Contains(style, "B"), strings.Contains(style, "I")
	if level >= 2 {
		b = true
	} else {
		i = true
	}
	switch {
	case b && i:
		return "BI"
	case b:
		return "B"
	case i:
		return "I"
	}
	return ""
}
