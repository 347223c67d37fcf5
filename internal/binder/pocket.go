package binder

import (
	"strconv"
)

// Size of one panel of the pocket card, in mm; the card is two panels side
// by side, folded in the middle.
const (
	cardPanelW = 84.0
	cardPanelH = 120.0
	cardPad    = 4.0
)

// cardItem is one paragraph of a card panel.
type cardItem struct {
	spans  []span
	scale  float64 // size relative to the panel's base size
	color  rgb
	indent float64
	gap    float64 // space after, in mm
	rule   bool    // a line to write on instead of text
	marker string  // drawn in bold to the left of the first line, such as a step's number
	group  int     // items of one group (a contact, a step) are left out together
	fixed  bool    // always printed, at the end of the panel
}

// Size of one side of the badge card: CR80, the size of an ID badge
// (3.375 × 2.125 inches), printed front and back side by side to fold.
const (
	badgeW = 85.6
	badgeH = 54.0
)

// pocketCard draws the fold-and-cut reference cards: the wallet card, two
// tall panels, and the badge card, CR80 sized to slip behind an ID badge.
// Each has the top roles with their numbers on the front and the first
// steps on the back.
func (r *renderer) pocketCard() {
	r.partHeading("", "Pocket reference card")
	r.paragraph(plainSpans("Cut along the dashed lines and fold along the dotted ones. The wallet card folds to "+
		"3.3 × 4.7 inches; the badge card folds to 3.375 × 2.125 inches, two-sided, to slip into an ID badge holder. "+
		"Print new cards with every revision."), 0, bodySize, lineHeight(bodySize), colorText)
	r.y += 5
	r.foldCard(min(cardPanelW, r.width()/2), cardPanelH, false)
	r.y += 2
	r.ensure(lineHeight(9) + 2 + badgeH)
	r.paragraph(styledSpans("Badge card (CR80, 3.375 × 2.125 in)", "B"), 0, 9, lineHeight(9), colorGray)
	r.y += 1
	r.foldCard(badgeW, badgeH, true)
}

// foldCard draws a card of two panels of w × h mm side by side, the front
// on the left, with a dashed line to cut along and a dotted one to fold;
// a compact card puts each role and name on one line.
func (r *renderer) foldCard(w, h float64, compact bool) {
	r.ensure(h)
	x0 := r.left + (r.width()-2*w)/2
	y0 := r.y
	r.pdf.SetDrawColor(60, 60, 60)
	r.pdf.SetLineWidth(0.3)
	r.pdf.SetDashPattern([]float64{2.5, 1.5}, 0)
	r.pdf.Rect(x0, y0, 2*w, h, "D")
	r.pdf.SetDashPattern([]float64{0.5, 1.2}, 0)
	r.pdf.Line(x0+w, y0, x0+w, y0+h)
	r.pdf.SetDashPattern([]float64{}, 0)
	r.cardPanel(x0, y0, w, h, r.cardFront(compact))
	r.cardPanel(x0+w, y0, w, h, r.cardBack())
	r.y = y0 + h + 4
}

// cardFront lists the card's title and the roles to call.
func (r *renderer) cardFront(compact bool) []cardItem {
	c := r.doc.Pocket
	title := orDefault(c.Title, "Incident quick reference")
	items := []cardItem{
		{spans: styledSpans(title, "B"), scale: 1.35, color: colorAccent, gap: 0.5},
		{spans: plainSpans(orDefault(r.doc.Jurisdiction, r.doc.Title)), scale: 0.9, color: colorGray, gap: 2.5},
		{spans: styledSpans("CALL", "B"), scale: 0.85, color: colorGray, gap: 0.8},
	}
	for _, ct := range c.Contacts {
		g := len(items)
		if compact {
			items = append(items, cardItem{spans: []span{{text: cleanText(ct.Role), style: "B"}, {text: " · " + cleanText(ct.Name)}},
				scale: 0.9, gap: 0.1, group: g})
		} else {
			items = append(items,
				cardItem{spans: styledSpans(ct.Role, "B"), scale: 0.9, gap: 0.2, group: g},
				cardItem{spans: []span{{text: cleanText(ct.Name)}}, scale: 0.9, color: colorGray, gap: 0.2, group: g})
		}
		phones := cleanText(ct.Phone)
		if ct.Alt != "" {
			phones += "   alt. " + cleanText(ct.Alt)
		}
		items = append(items, cardItem{spans: styledSpans(phones, "B"), scale: 1.1, gap: 1.8, group: g})
	}
	if len(c.Contacts) == 0 {
		for i := 0; i < 6; i++ {
			items = append(items, cardItem{rule: true, gap: 7, group: len(items)})
		}
	}
	return items
}

// cardBack lists the first steps and the card's revision.
func (r *renderer) cardBack() []cardItem {
	c := r.doc.Pocket
	items := []cardItem{{spans: styledSpans("FIRST STEPS", "B"), scale: 1.0, color: colorAccent, gap: 1.5}}
	for i, s := range c.Steps {
		items = append(items, cardItem{marker: strconv.Itoa(i+1) + ".", indent: 5, spans: plainSpans(s), scale: 1, gap: 1.2, group: len(items)})
	}
	if len(c.Steps) == 0 {
		for i := 0; i < 8; i++ {
			items = append(items, cardItem{rule: true, gap: 7, group: len(items)})
		}
	}
	items = append(items, cardItem{spans: plainSpans(r.revisionLabel()), scale: 0.8, color: colorGray, gap: 0.5, fixed: true},
		cardItem{spans: styledSpans(r.marking(), "B"), scale: 0.75, color: colorMarking, fixed: true})
	return items
}

// cardPanel draws items in a panel h mm tall, at the largest size (10 pt down to 5.5 pt)
// at which they fit; what still does not fit is left out with a pointer to
// the binder.
func (r *renderer) cardPanel(x, y, w, h float64, items []cardItem) {
	inner := w - 2*cardPad
	size := 10.0
	for size > 5.5 && r.cardHeight(items, inner, size) > h-2*cardPad {
		size -= 0.5
	}
	items = r.cardFit(items, inner, size, h)
	top := y + cardPad
	for _, it := range items {
		s := size * max(it.scale, 0.5)
		lh := lineHeight(s) * 0.95
		if it.rule {
			r.rule(x+cardPad, x+w-cardPad, top+it.gap-1, colorRule, 0.25)
			top += it.gap
			continue
		}
		color := it.color
		if color == (rgb{}) {
			color = colorText
		}
		if it.marker != "" {
			r.setFont("B", s)
			r.setColor(color)
			r.text(x+cardPad, baseline(top, lh, s), it.marker)
		}
		for _, l := range r.m.flow(it.spans, inner-it.indent, s) {
			r.drawLine(l, x+cardPad+it.indent, baseline(top, lh, s), s, color)
			top += lh
		}
		top += it.gap
	}
}

// cardFit leaves out whole groups from the end, before the fixed items,
// until the panel's items fit, and then says that more is in the binder.
func (r *renderer) cardFit(items []cardItem, width, size, h float64) []cardItem {
	var body, fixed []cardItem
	for _, it := range items {
		if it.fixed {
			fixed = append(fixed, it)
		} else {
			body = append(body, it)
		}
	}
	more := []cardItem{{spans: styledSpans("More in the binder.", "I"), scale: 0.9, gap: 1.5}}
	dropped := false
	fits := func() bool {
		all := append(append([]cardItem{}, body...), fixed...)
		if dropped {
			all = append(append(append([]cardItem{}, body...), more...), fixed...)
		}
		return r.cardHeight(all, width, size) <= h-2*cardPad
	}
	for len(body) > 1 && !fits() {
		g := body[len(body)-1].group
		for len(body) > 1 && body[len(body)-1].group == g {
			body = body[:len(body)-1]
		}
		dropped = true
	}
	if dropped {
		body = append(body, more...)
	}
	return append(body, fixed...)
}

// cardHeight is how tall items are at base size.
func (r *renderer) cardHeight(items []cardItem, width, size float64) float64 {
	h := 0.0
	for _, it := range items {
		if it.rule {
			h += it.gap
			continue
		}
		s := size * max(it.scale, 0.5)
		h += float64(len(r.m.flow(it.spans, width-it.indent, s)))*lineHeight(s)*0.95 + it.gap
	}
	return h
}
