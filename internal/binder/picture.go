package binder

import (
	"bytes"
	"strings"

	"github.com/jung-kurt/gofpdf"
	"github.com/yuin/goldmark/ast"

	"electionbinder/internal/plan"
)

// pictureDPI is the resolution a picture prints at when the page is wide
// enough: a map of 1500 pixels is 10 inches wide at most, and less fits.
const pictureDPI = 150.0

// hasPicture reports whether a paragraph shows a picture.
func hasPicture(n ast.Node) bool {
	found := false
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if _, ok := c.(*ast.Image); ok && entering {
			found = true
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}

// pictureParagraph draws a paragraph's words, then each picture it shows
// across the width of the text with its description under it.
func (r *renderer) pictureParagraph(n ast.Node, x float64, src []byte, color rgb) {
	lh := lineHeight(bodySize)
	if spans := inlineSpansOpt(n, src, true); strings.TrimSpace(spansText(spans)) != "" {
		r.paragraph(spans, x, bodySize, lh, color)
		r.y += lh * 0.3
	}
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if img, ok := c.(*ast.Image); ok && entering {
			r.picture(img, x, src)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// picture draws one picture stored with the plan, scaled to fit the text
// width and a page; a picture the plan lacks prints as a red note.
func (r *renderer) picture(img *ast.Image, x float64, src []byte) {
	name := plan.ImageName(string(img.Destination))
	alt := strings.TrimSpace(spansText(inlineSpans(img, src)))
	pic, ok := r.doc.Pictures[name]
	if !ok {
		r.paragraph(styledSpans("[Picture "+name+" is not stored with the plan: add it on the Plans screen.]", "I"),
			x, bodySize, lineHeight(bodySize), colorMarking)
		r.y += lineHeight(bodySize) * 0.45
		return
	}
	key := "picture-" + pic.Sum
	kind := map[string]string{"png": "PNG", "jpeg": "JPG"}[pic.Format]
	info := r.pdf.RegisterImageOptionsReader(key, gofpdf.ImageOptions{ImageType: kind}, bytes.NewReader(pic.Data))
	if info == nil || info.Width() <= 0 {
		return
	}
	capH := 0.0
	if alt != "" {
		capH = float64(len(r.m.flow(styledSpans(alt, "I"), r.width()-x, 9))) * lineHeight(9)
	}
	maxW := r.width() - x
	w := min(maxW, info.Width()*72/pictureDPI) // info measures at 72 dpi
	h := w * info.Height() / info.Width()
	if maxH := r.bottom() - marginTop - capH - 3; h > maxH {
		w, h = w*maxH/h, maxH
	}
	r.ensure(h + capH + 3)
	r.pagePictures = append(r.pagePictures, pic.Sum)
	r.pdf.ImageOptions(key, r.left+x+(maxW-w)/2, r.y+1, w, h, false, gofpdf.ImageOptions{ImageType: kind}, 0, "")
	r.y += h + 2
	if alt != "" {
		r.paragraph(styledSpans(alt, "I"), x, 9, lineHeight(9), colorGray)
	}
	r.y += lineHeight(bodySize) * 0.45
}
