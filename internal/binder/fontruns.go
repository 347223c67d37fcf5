package binder

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jung-kurt/gofpdf"

	"electionbinder/internal/fonts"
)

// fontRun is a stretch of text printed in one embedded font.
type fontRun struct {
	face  *fonts.Face
	style string // Noto Sans's style; the fallback fonts have only one
	text  string
}

// fontRuns splits s into runs by the font that prints each character: Noto
// Sans (or Noto Sans Mono for code) when it has the character, else the
// first fallback that does. Text is cleaned first, so every character has a
// font; one that none has is already U+FFFD.
func fontRuns(s, style string, code bool) []fontRun {
	if !code && plainLatin(s) {
		return []fontRun{{face: fonts.Main, style: style, text: s}}
	}
	var out []fontRun
	start := 0
	var cur *fonts.Face
	for i, r := range s {
		f := fontFor(r, code)
		if f != cur && i > start {
			out = append(out, run(cur, style, s[start:i]))
			start = i
		}
		cur = f
	}
	if start < len(s) {
		out = append(out, run(cur, style, s[start:]))
	}
	return out
}

func run(f *fonts.Face, style, text string) fontRun {
	if f != fonts.Main {
		style = ""
	}
	return fontRun{face: f, style: style, text: text}
}

// fontFor picks the face of one character; marks and spaces stay in the
// font of what they follow only when that font has them.
func fontFor(r rune, code bool) *fonts.Face {
	if code && fonts.Mono.Has(r) {
		return fonts.Mono
	}
	if f := fonts.For(r); f != nil {
		return f
	}
	return fonts.Main
}

// plainLatin reports whether Noto Sans prints every character of s.
func plainLatin(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			for _, r := range s[i:] {
				if r >= 0x250 {
					return false
				}
			}
			return true
		}
	}
	return true
}

// useFace registers a font in pdf the first time the document needs it, so
// a plan in English carries no CJK font at all.
func useFace(pdf *gofpdf.Fpdf, f *fonts.Face, style string) {
	if pdf.GetFontDesc(f.Family, style).Ascent != 0 {
		return
	}
	ttf, err := f.TTF()
	if err != nil {
		pdf.SetError(err)
		return
	}
	pdf.AddUTF8FontFromBytes(f.Family, style, ttf)
}

// setRunFont selects a run's font in pdf.
func setRunFont(pdf *gofpdf.Fpdf, fr fontRun, size float64) {
	if fr.face == fonts.Main {
		pdf.SetFont(Font, fr.style, size)
		return
	}
	useFace(pdf, fr.face, "")
	pdf.SetFont(fr.face.Family, "", size)
}

// textIn draws s at x on baseline y in the given style, each run in the
// font that has its characters, and leaves Noto Sans selected.
func (r *renderer) textIn(x, y float64, s, style string, size float64, code bool) {
	runs := fontRuns(s, style, code)
	if len(runs) == 1 && runs[0].face == fonts.Main {
		r.setFont(style, size)
		r.pdf.Text(x, y, s)
		return
	}
	for _, fr := range runs {
		setRunFont(r.pdf, fr, size)
		r.pdf.Text(x, y, fr.text)
		x += r.m.runWidth(fr) * size
	}
	r.fontStyle, r.fontSize = "", 0
	r.setFont(style, size)
}

// text draws the line s at x on baseline y in the current style and size,
// right-to-left words in visual order.
func (r *renderer) text(x, y float64, s string) {
	r.textIn(x, y, visualOrder(s), r.fontStyle, r.fontSize, false)
}

// isMark reports whether r is a combining mark, drawn over the character before it.
func isMark(r rune) bool { return unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) }

// runsWidth is the width of s in pdf at size points, each run in its font.
func runsWidth(pdf *gofpdf.Fpdf, s, style string, size float64) float64 {
	w := 0.0
	for _, fr := range fontRuns(s, style, false) {
		setRunFont(pdf, fr, size)
		w += pdf.GetStringWidth(fr.text)
	}
	pdf.SetFont(Font, style, size)
	return w
}

// drawRuns draws the line s at x on baseline y, each run in the font that
// has it and right-to-left words in visual order.
func drawRuns(pdf *gofpdf.Fpdf, x, y float64, s, style string, size float64) {
	for _, fr := range fontRuns(visualOrder(s), style, false) {
		setRunFont(pdf, fr, size)
		pdf.Text(x, y, fr.text)
		x += pdf.GetStringWidth(fr.text)
	}
	pdf.SetFont(Font, style, size)
}

// fitInBox prints text whole in a box of w × h mm: on one line at size
// points or smaller (down to 7), else on as many lines as it takes at the
// largest size down to 5.5 points at which they fit, so a long name or
// office is not cut short.
func fitInBox(pdf *gofpdf.Fpdf, text string, x, top, w, h, size float64) {
	text = cleanText(strings.Join(strings.Fields(text), " "))
	if text == "" {
		return
	}
	for s := size; s >= 7; s -= 0.5 {
		if runsWidth(pdf, text, "", s) <= w {
			drawRuns(pdf, x, baseline(top, h, s), text, "", s)
			return
		}
	}
	s := 7.0
	lines := wrapRuns(pdf, text, w, "", s)
	for s > 5.5 && float64(len(lines))*lineHeight(s)*0.95 > h {
		s -= 0.5
		lines = wrapRuns(pdf, text, w, "", s)
	}
	lh := lineHeight(s) * 0.95
	lines = lines[:min(len(lines), max(1, int(h/lh)))]
	y := top + (h-lh*float64(len(lines)))/2
	for _, l := range lines {
		drawRuns(pdf, x, baseline(y, lh, s), l, "", s)
		y += lh
	}
}

// wrapRuns breaks text into lines no wider than w at size points; a word
// wider than a line is broken between characters.
func wrapRuns(pdf *gofpdf.Fpdf, text string, w float64, style string, size float64) []string {
	var lines []string
	cur := ""
	for _, word := range strings.Fields(text) {
		try := strings.TrimSpace(cur + " " + word)
		if cur != "" && runsWidth(pdf, try, style, size) > w {
			lines = append(lines, cur)
			try = word
		}
		for runsWidth(pdf, try, style, size) > w && utf8.RuneCountInString(try) > 1 {
			cut := len(try)
			for cut > 0 && runsWidth(pdf, try[:cut], style, size) > w {
				_, n := utf8.DecodeLastRuneInString(try[:cut])
				cut -= n
			}
			cut = max(cut, len(string([]rune(try)[0])))
			lines = append(lines, try[:cut])
			try = try[cut:]
		}
		cur = try
	}
	return append(lines, cur)
}
