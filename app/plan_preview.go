package app

import (
	"html"
	"regexp"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"electionbinder/internal/plan"
)

// markdownSegments renders Markdown to rich-text segments from the same
// goldmark parse the printed binder uses (plan.ParseMarkdown). Placeholders
// still written as {{…}} (the ones that could not be filled) show in the
// error colour so the clerk sees them.
func markdownSegments(src string) []widget.RichTextSegment {
	source := []byte(src)
	r := previewRenderer{src: source}
	segs := r.blocks(plan.ParseMarkdown(source))
	if len(segs) == 0 {
		return []widget.RichTextSegment{&widget.TextSegment{Style: widget.RichTextStyleParagraph, Text: ""}}
	}
	return segs
}

// previewRenderer walks a goldmark tree and builds Fyne segments.
type previewRenderer struct {
	src []byte
}

func (r previewRenderer) blocks(n ast.Node) []widget.RichTextSegment {
	var out []widget.RichTextSegment
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		out = append(out, r.block(c)...)
	}
	return out
}

func (r previewRenderer) block(n ast.Node) []widget.RichTextSegment {
	switch t := n.(type) {
	case *ast.Heading:
		return r.heading(t)
	case *ast.Paragraph, *ast.TextBlock:
		return r.paragraph(n, widget.RichTextStyleParagraph)
	case *ast.List:
		return []widget.RichTextSegment{r.list(t)}
	case *ast.Blockquote:
		var out []widget.RichTextSegment
		for c := t.FirstChild(); c != nil; c = c.NextSibling() {
			out = append(out, r.paragraph(c, widget.RichTextStyleBlockquote)...)
		}
		return out
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		return []widget.RichTextSegment{&widget.TextSegment{Style: widget.RichTextStyleCodeBlock, Text: r.lines(n)}}
	case *ast.ThematicBreak:
		return []widget.RichTextSegment{&widget.SeparatorSegment{}}
	case *east.Table:
		return []widget.RichTextSegment{r.table(t)}
	case *ast.HTMLBlock:
		return r.html(t)
	}
	return r.blocks(n)
}

// html previews an HTML block as the binder prints it: a comment not at
// all, other HTML as its words without the tags.
func (r previewRenderer) html(n *ast.HTMLBlock) []widget.RichTextSegment {
	if n.HTMLBlockType == ast.HTMLBlockType2 {
		return nil
	}
	text := r.lines(n)
	if n.HasClosure() {
		text += " " + string(n.ClosureLine.Value(r.src))
	}
	words := plan.HTMLWords(text)
	if words == "" {
		return nil
	}
	return []widget.RichTextSegment{&widget.TextSegment{Style: widget.RichTextStyleParagraph, Text: words}}
}

func (r previewRenderer) lines(n ast.Node) string {
	var b strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(r.src))
	}
	return strings.TrimRight(b.String(), "\n")
}

func (r previewRenderer) heading(h *ast.Heading) []widget.RichTextSegment {
	style := widget.RichTextStyleHeading
	switch {
	case h.Level == 2:
		style = widget.RichTextStyleSubHeading
	case h.Level > 2:
		style = widget.RichTextStyleStrong
	}
	style.Inline = false // Fyne's heading styles are inline: what follows would join the heading's line
	segs := r.inlines(h, style.TextStyle)
	for _, s := range segs {
		if t, ok := s.(*widget.TextSegment); ok {
			t.Style.SizeName = style.SizeName
			t.Style.TextStyle.Bold = true
		}
	}
	return append(segs, &widget.TextSegment{Style: style})
}

// paragraph renders a block's inline content followed by a break in style.
func (r previewRenderer) paragraph(n ast.Node, style widget.RichTextStyle) []widget.RichTextSegment {
	segs := r.inlines(n, style.TextStyle)
	return append(segs, &widget.TextSegment{Style: style})
}

func (r previewRenderer) list(l *ast.List) *widget.ListSegment {
	seg := &widget.ListSegment{Ordered: l.IsOrdered()}
	if l.IsOrdered() {
		seg.SetStartNumber(l.Start)
	}
	for item := l.FirstChild(); item != nil; item = item.NextSibling() {
		var texts []widget.RichTextSegment
		var nested []widget.RichTextSegment
		for c := item.FirstChild(); c != nil; c = c.NextSibling() {
			if sub, ok := c.(*ast.List); ok {
				nested = append(nested, r.list(sub))
				continue
			}
			if len(texts) > 0 { // a second paragraph of the item: keep its words apart
				texts = append(texts, previewText(" ", fyne.TextStyle{}))
			}
			texts = append(texts, r.listText(c)...)
		}
		seg.Items = append(seg.Items, &widget.ParagraphSegment{Texts: texts})
		seg.Items = append(seg.Items, nested...)
	}
	return seg
}

// listText renders one block of a list item, with a task's box first.
func (r previewRenderer) listText(n ast.Node) []widget.RichTextSegment {
	if box, ok := n.FirstChild().(*east.TaskCheckBox); ok {
		mark := "☐ "
		if box.IsChecked {
			mark = "☑ "
		}
		return append([]widget.RichTextSegment{previewText(mark, fyne.TextStyle{})}, r.inlines(n, fyne.TextStyle{})...)
	}
	if _, ok := n.(*ast.Paragraph); ok || isPreviewTextBlock(n) {
		return r.inlines(n, fyne.TextStyle{})
	}
	return r.block(n)
}

func isPreviewTextBlock(n ast.Node) bool {
	_, ok := n.(*ast.TextBlock)
	return ok
}

func (r previewRenderer) table(t *east.Table) *widget.TableSegment {
	seg := &widget.TableSegment{}
	for _, a := range t.Alignments {
		switch a {
		case east.AlignCenter:
			seg.Alignments = append(seg.Alignments, fyne.TextAlignCenter)
		case east.AlignRight:
			seg.Alignments = append(seg.Alignments, fyne.TextAlignTrailing)
		default:
			seg.Alignments = append(seg.Alignments, fyne.TextAlignLeading)
		}
	}
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		var cells [][]widget.RichTextSegment
		_, header := row.(*east.TableHeader)
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			cells = append(cells, r.inlines(cell, fyne.TextStyle{Bold: header}))
		}
		if header {
			seg.Headers = cells
		} else {
			seg.Rows = append(seg.Rows, cells)
		}
	}
	return seg
}

// inlines renders the inline children of n with the given base style.
func (r previewRenderer) inlines(n ast.Node, style fyne.TextStyle) []widget.RichTextSegment {
	var out []widget.RichTextSegment
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		out = append(out, r.inline(c, style)...)
	}
	return out
}

func (r previewRenderer) inline(n ast.Node, style fyne.TextStyle) []widget.RichTextSegment {
	switch t := n.(type) {
	case *ast.Text:
		text := string(t.Value(r.src))
		if t.SoftLineBreak() || t.HardLineBreak() {
			text += " "
		}
		return placeholderAware(html.UnescapeString(text), style)
	case *ast.String:
		return placeholderAware(string(t.Value), style)
	case *ast.Emphasis:
		s := style
		if t.Level >= 2 {
			s.Bold = true
		} else {
			s.Italic = true
		}
		return r.inlines(n, s)
	case *east.Strikethrough:
		s := style
		s.Strikethrough = true
		return r.inlines(n, s)
	case *ast.CodeSpan:
		seg := &widget.TextSegment{Style: widget.RichTextStyleCodeInline, Text: string(n.Text(r.src))}
		return []widget.RichTextSegment{seg}
	case *east.TaskCheckBox:
		return nil
	case *ast.AutoLink:
		return []widget.RichTextSegment{previewText(string(t.Label(r.src)), style)}
	}
	return r.inlines(n, style)
}

func previewText(text string, style fyne.TextStyle) *widget.TextSegment {
	s := widget.RichTextStyleInline
	s.TextStyle = style
	return &widget.TextSegment{Style: s, Text: text}
}

var unresolvedPlaceholderRE = regexp.MustCompile(`\{\{[^{}]*\}\}`)

// placeholderAware splits text so that unresolved placeholders stand out.
func placeholderAware(text string, style fyne.TextStyle) []widget.RichTextSegment {
	var out []widget.RichTextSegment
	last := 0
	for _, m := range unresolvedPlaceholderRE.FindAllStringIndex(text, -1) {
		if m[0] > last {
			out = append(out, previewText(text[last:m[0]], style))
		}
		seg := previewText(text[m[0]:m[1]], style)
		seg.Style.ColorName = theme.ColorNameError
		seg.Style.TextStyle.Bold = true
		out = append(out, seg)
		last = m[1]
	}
	if last < len(text) {
		out = append(out, previewText(text[last:], style))
	}
	return out
}
