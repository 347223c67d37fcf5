package binder

import (
	"strconv"
	"strings"
)

// scenarios draws every scenario, each starting on its own page.
func (r *renderer) scenarios() {
	r.addEntry("", "Scenarios", 0, true)
	for i := range r.doc.Scenarios {
		// The running title names the scenario, so that a page of a long
		// checklist taken out of the binder still says which incident it is for.
		r.partTitle = "Scenario " + strconv.Itoa(i+1) + ": " + r.doc.Scenarios[i].Title
		if i > 0 {
			r.newPage()
		}
		r.scenario(i+1, &r.doc.Scenarios[i])
	}
}

// scenario draws one mock incident: what it looks like, the numbered
// response checklist with who does each step, the communications and
// ruled lines for notes.
func (r *renderer) scenario(n int, s *Scenario) {
	num := strconv.Itoa(n)
	r.y += 2
	r.addEntry(num, s.Title, 1, true)
	r.setFont("B", 10)
	r.setColor(colorGray)
	kicker := "SCENARIO " + num
	if tags := joinNonEmpty(" · ", levelTag(s.Level), severityTag(s.Severity)); tags != "" {
		kicker += " · " + strings.ToUpper(tags)
	}
	r.text(r.left, r.y+3.5, r.fit(kicker, "B", 10, r.width()))
	r.y += 6
	r.paragraph(styledSpans(s.Title, "B"), 0, 18, lineHeight(18)*0.95, colorAccent)
	r.y += 1.5
	r.rule(r.left, r.right, r.y, colorAccent, 0.6)
	r.y += 4
	if _, ok := r.bodies[s.Description]; ok {
		r.scenarioHeading("What it looks like", r.bodyLead(s.Description))
		r.markdown(s.Description, 0)
	}
	r.stepsTable("Response checklist", s.Steps, "Responsible", "No response steps are written for this scenario yet.")
	r.stepsTable("Communications", s.Communications, "Who speaks or approves", "No communication steps are written for this scenario yet.")
	for _, part := range []struct{ title, body string }{{"What not to say", s.DoNotSay}, {"Stand down", s.StandDown}} {
		if strings.TrimSpace(part.body) != "" {
			r.scenarioHeading(part.title, r.bodyLead(part.body))
			r.markdown(part.body, 0)
		}
	}
	r.notes()
}

// scenarioHeading draws a heading inside a scenario, kept with the lead mm
// of what follows.
func (r *renderer) scenarioHeading(title string, lead float64) {
	lh := lineHeight(12)
	const after = 0.8
	r.y += 2
	r.ensure(lh + after + lead)
	r.paragraph(styledSpans(title, "B"), 0, 12, lh, colorAccent)
	r.y += after
}

// stepsTable draws a heading over numbered steps with a box to tick, who
// does each and a blank column to write the time it was done; the heading
// stays on the page of the first step.
func (r *renderer) stepsTable(heading string, steps []Step, who, none string) {
	if len(steps) == 0 {
		r.scenarioHeading(heading, 2*lineHeight(bodySize))
		r.paragraph(styledSpans(none, "I"), 0, bodySize, lineHeight(bodySize), colorGray)
		r.y += 2
		return
	}
	t := &table{size: 10, header: []cell{txt("Done"), txt("#"), txt("Step"), txt(who + " (O office, M mobile, AH after hours)"), txt("Time")}}
	w := r.width()
	t.widths = []float64{13, 8, w - 13 - 8 - 64 - 15, 64, 15}
	box := ""
	for i, s := range steps {
		if s.TimeBox != "" && s.TimeBox != box { // steps are grouped under their time box
			box = s.TimeBox
			t.rows = append(t.rows, row{group: true, keep: 1,
				cells: []cell{{paras: []para{{spans: plainSpans(box), size: 10, color: colorWhite}}}}})
		}
		t.rows = append(t.rows, row{cells: []cell{tickBox(), boldTxt(strconv.Itoa(i + 1)), stepCell(s), roleCell(s), txt("")}})
	}
	r.scenarioHeading(heading, min(r.tableLead(t), (r.bottom()-marginTop)/2))
	r.drawTable(t)
}

// stepCell is a step's text, after its condition in bold ("If …, then"),
// with its detail in italics below.
func stepCell(s Step) cell {
	spans := plainSpans(s.Text)
	if s.Condition != "" {
		spans = append(styledSpans("If "+s.Condition+", then: ", "B"), spans...)
	}
	c := cell{paras: []para{{spans: spans}}}
	if s.Detail != "" {
		c.paras = append(c.paras, para{spans: styledSpans(s.Detail, "I"), size: 9.5, color: colorGray})
	}
	return c
}

// roleCell is the role responsible for a step with its primary and first
// backup, each with their office, mobile and after-hours numbers.
func roleCell(s Step) cell {
	role := s.Role
	if role == "" {
		role = "—"
	}
	c := cell{paras: []para{{spans: styledSpans(role, "B"), size: 9.5}}}
	if len(s.Call) == 0 && s.Who != "" {
		c.paras = append(c.paras, para{spans: plainSpans(s.Who), size: 8.5, color: colorGray})
	}
	for i, h := range s.Call {
		order := "Primary: "
		if i > 0 {
			order = "Backup: "
		}
		c.paras = append(c.paras, para{spans: []span{{text: order, style: "I"}, {text: cleanText(h.Name)}}, size: 8.5, color: colorGray})
		if nums := stepNumbers(h); nums != "" {
			c.paras = append(c.paras, para{spans: styledSpans(nums, "B"), size: 8.5})
		}
	}
	return c
}

// stepNumbers is a holder's numbers on one line, each after its letter.
func stepNumbers(h CallHolder) string {
	var parts []string
	for _, n := range [][2]string{{"O", h.Office}, {"M", h.Mobile}, {"AH", h.AfterHours}} {
		if strings.TrimSpace(n[1]) != "" {
			parts = append(parts, n[0]+"\u00a0"+strings.ReplaceAll(strings.TrimSpace(n[1]), " ", "\u00a0"))
		}
	}
	return strings.Join(parts, "  ")
}

// levelTag prints the level of government that leads a scenario.
func levelTag(level string) string {
	if level == "" {
		return ""
	}
	return level + " level"
}

// severityTag prints a scenario's severity.
func severityTag(severity string) string {
	if severity == "" {
		return ""
	}
	return severity + " severity"
}

// notes fills the rest of the page with ruled lines; with room for fewer
// than two, they get a page of their own.
func (r *renderer) notes() {
	const gap = 8.0
	r.y += 2
	r.ensure(lineHeight(12) + 2*gap)
	r.paragraph(styledSpans("Notes", "B"), 0, 12, lineHeight(12), colorAccent)
	for r.y+gap <= r.bottom() {
		r.y += gap
		r.rule(r.left, r.right, r.y, colorRule, 0.25)
	}
}
