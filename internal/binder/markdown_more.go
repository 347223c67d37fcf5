package binder

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// bullets mark the items of unordered lists, one shape a level.
var bullets = []string{"•", "◦", "▪"}

// listLevel counts the lists n sits inside: 0 for a list at the top.
func listLevel(n ast.Node) int {
	level := 0
	for p := n.Parent(); p != nil; p = p.Parent() {
		if _, ok := p.(*ast.List); ok {
			level++
		}
	}
	return level
}

// listNumber is the marker of item n of an ordered list: 1. at the top,
// a. one level in, i. two levels in, then again.
func listNumber(n, level int) string {
	switch level % 3 {
	case 1:
		return letters(n) + "."
	case 2:
		return roman(n) + "."
	}
	return strconv.Itoa(n) + "."
}

// letters numbers 1, 2 … 26, 27 as a, b … z, aa.
func letters(n int) string {
	s := ""
	for n > 0 {
		n--
		s = string(rune('a'+n%26)) + s
		n /= 26
	}
	return s
}

// superscript writes a footnote number in superscript digits.
func superscript(n int) string {
	digits := []rune("⁰¹²³⁴⁵⁶⁷⁸⁹")
	var b strings.Builder
	for _, d := range strconv.Itoa(n) {
		b.WriteRune(digits[d-'0'])
	}
	return b.String()
}

// footnotes draws a body's footnotes under a short rule, each after its number.
func (r *renderer) footnotes(n *east.FootnoteList, x float64, src []byte) {
	const size = 9.0
	lh := lineHeight(size)
	r.ensure(3 * lh)
	r.y += 1
	r.rule(r.left+x, r.left+x+40, r.y, colorRule, 0.3)
	r.y += 1.5
	for fn := n.FirstChild(); fn != nil; fn = fn.NextSibling() {
		note, ok := fn.(*east.Footnote)
		if !ok {
			continue
		}
		marker := superscript(note.Index)
		for c := note.FirstChild(); c != nil; c = c.NextSibling() {
			spans := inlineSpans(c, src)
			if marker != "" {
				spans = append([]span{{text: marker + " "}}, spans...)
				marker = ""
			}
			r.paragraph(spans, x, size, lh, colorGray)
		}
	}
	r.y += lh * 0.45
}

// strikeThrough draws a line through the struck pieces of a laid-out line.
func (r *renderer) strikeThrough(l textLine, x, by, size float64, color rgb) {
	for i, p := range l.pieces {
		if !p.strike {
			continue
		}
		end := x + p.x + p.w
		if i+1 < len(l.pieces) && l.pieces[i+1].strike { // through the space to the next struck word
			end = x + l.pieces[i+1].x
		}
		r.rule(x+p.x, end, by-0.3*size*mmPerPt, color, 0.05*size*mmPerPt*2)
	}
}

// itemHeights measures each item of a list whose items hold only text; for
// any other list it reports false.
func (r *renderer) itemHeights(n *ast.List, x float64, src []byte) ([]float64, bool) {
	lh := lineHeight(bodySize)
	var hs []float64
	for item := n.FirstChild(); item != nil; item = item.NextSibling() {
		h := 0.0
		for c := item.FirstChild(); c != nil; c = c.NextSibling() {
			switch c.(type) {
			case *ast.Paragraph, *ast.TextBlock:
				h += float64(len(r.m.flow(inlineSpans(c, src), r.width()-x, bodySize))) * lh
			default:
				return nil, false
			}
		}
		if !n.IsTight {
			h += lh * 0.3
		}
		hs = append(hs, h)
	}
	return hs, true
}
