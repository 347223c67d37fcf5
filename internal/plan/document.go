package plan

import (
	"bytes"
	"crypto/sha256"
	"electionbinder/internal/textfile"
	"encoding/hex"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Document is a plan in portable form, without database ids: what a
// template holds, what Markdown import reads and export writes.
type Document struct {
	Title           string
	Description     string // a template's description
	TemplateName    string
	TemplateVersion int
	PackName        string // the state pack merged in; for a pack file, the pack's own name
	PackVersion     int
	NextReview      time.Time
	Sections        []DocSection // reading order
	Scenarios       []Scenario   // ids and UUIDs are ignored on create
}

// DocSection is one section of a Document; Depth 0 is top level.
type DocSection struct {
	Depth    int
	Title    string
	Guidance string
	Body     string
}

// DocumentOf returns a plan in portable form.
func DocumentOf(p *Plan) Document {
	d := Document{Title: p.Title, TemplateName: p.TemplateName, TemplateVersion: p.TemplateVersion,
		PackName: p.PackName, PackVersion: p.PackVersion, NextReview: p.NextReview}
	for _, s := range p.Sections {
		d.Sections = append(d.Sections, DocSection{Depth: s.Depth, Title: s.Title, Guidance: s.Guidance, Body: s.Body})
	}
	for _, sc := range p.Scenarios {
		d.Scenarios = append(d.Scenarios, portableScenario(sc))
	}
	return d
}

// portableScenario drops the database ids and UUIDs of a scenario and its steps.
func portableScenario(sc Scenario) Scenario {
	sc.ID, sc.UUID, sc.Position, sc.Hash, sc.UpdatedAt = 0, "", 0, "", time.Time{}
	strip := func(steps []Step) []Step {
		out := make([]Step, len(steps))
		for i, st := range steps {
			st.ID, st.UUID = 0, ""
			out[i] = st
		}
		return out
	}
	sc.Response, sc.Communications = strip(sc.Response), strip(sc.Communications)
	return sc
}

// SectionHash is the content hash of a section: its title and Markdown body.
func SectionHash(title, body string) string {
	return hashOf(title, "\x00", body)
}

// ScenarioHash is the content hash of a scenario as its Markdown form writes it.
func ScenarioHash(sc Scenario) string {
	var b bytes.Buffer
	writeScenario(&b, sc)
	return hashOf(b.String())
}

// ContentHash is the content hash of a whole plan: its title, the shape of
// its tree, and every section's and scenario's hash.
func ContentHash(p *Plan) string {
	parts := []string{p.Title}
	for _, s := range p.Sections {
		parts = append(parts, "\x00s", strconv.Itoa(s.Depth), SectionHash(s.Title, s.Body))
	}
	for _, sc := range p.Scenarios {
		parts = append(parts, "\x00c", ScenarioHash(sc))
	}
	return hashOf(parts...)
}

func hashOf(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// scenarioPrefix starts the title of a top-level heading that holds a scenario.
const scenarioPrefix = "Scenario:"

// Headings of the parts of a scenario in Markdown.
const (
	headDescription    = "What it looks like"
	headResponse       = "Response steps"
	headCommunications = "Communications"
	headDoNotSay       = "What not to say"
	headStandDown      = "Stand down"
	guidancePrefix     = "**Guidance:**"
)

// WriteMarkdown writes a document as Markdown: a short front matter, one
// heading per section (its depth gives the heading level), the clerk's
// guidance as a quote starting "**Guidance:**", then each scenario under a
// top-level "# Scenario: …" heading. ReadMarkdown reads it back to the same
// document; headings written inside a body come back as sections.
func WriteMarkdown(d Document) []byte {
	var b bytes.Buffer
	writeFrontMatter(&b, d)
	for _, s := range d.Sections {
		fmt.Fprintf(&b, "%s %s\n\n", strings.Repeat("#", min(s.Depth, MaxDepth)+1), escapeTitle(oneLine(s.Title)))
		if g := normalizeBody(s.Guidance); g != "" {
			b.WriteString(quote(guidancePrefix + " " + g))
			b.WriteString("\n\n")
		}
		if body := normalizeBody(s.Body); body != "" {
			b.WriteString(body)
			b.WriteString("\n\n")
		}
	}
	for _, sc := range d.Scenarios {
		writeScenario(&b, sc)
	}
	return b.Bytes()
}

func writeFrontMatter(b *bytes.Buffer, d Document) {
	b.WriteString("---\n")
	fmt.Fprintf(b, "title: %s\n", oneLine(d.Title))
	if d.Description != "" {
		fmt.Fprintf(b, "description: %s\n", oneLine(d.Description))
	}
	if d.TemplateName != "" {
		fmt.Fprintf(b, "template: %s\ntemplate-version: %d\n", oneLine(d.TemplateName), d.TemplateVersion)
	}
	if d.PackName != "" {
		fmt.Fprintf(b, "pack: %s\npack-version: %d\n", oneLine(d.PackName), d.PackVersion)
	}
	if !d.NextReview.IsZero() {
		fmt.Fprintf(b, "next-review: %s\n", formatDate(d.NextReview))
	}
	b.WriteString("---\n\n")
}

func writeScenario(b *bytes.Buffer, sc Scenario) {
	sc = normalizeScenario(sc)
	fmt.Fprintf(b, "# %s %s\n\nLevel: %s\nSeverity: %s\n\n", scenarioPrefix, escapeTitle(oneLine(sc.Title)), sc.Level, sc.Severity)
	if desc := normalizeBody(sc.Description); desc != "" {
		fmt.Fprintf(b, "## %s\n\n%s\n\n", headDescription, desc)
	}
	writeSteps := func(head string, steps []Step, line func(Step) string) {
		var items []string
		for _, st := range steps {
			if l := line(st); l != "" {
				items = append(items, fmt.Sprintf("%d. %s", len(items)+1, l))
			}
		}
		if len(items) > 0 {
			fmt.Fprintf(b, "## %s\n\n%s\n\n", head, strings.Join(items, "\n"))
		}
	}
	writeSteps(headResponse, sc.Response, responseLine)
	writeSteps(headCommunications, sc.Communications, communicationLine)
	for _, part := range []struct{ head, body string }{{headDoNotSay, sc.DoNotSay}, {headStandDown, sc.StandDown}} {
		if body := normalizeBody(part.body); body != "" {
			fmt.Fprintf(b, "## %s\n\n%s\n\n", part.head, body)
		}
	}
}

// stepPrefix writes a step's time box and condition in brackets before it:
// "[First hour] [If the site is down] ".
func stepPrefix(st Step) string {
	var b strings.Builder
	if l := st.TimeBox.Label(); l != "" {
		b.WriteString("[" + l + "] ")
	}
	if c := oneLine(trimIf(st.Condition)); c != "" {
		b.WriteString("[If " + strings.ReplaceAll(c, "]", ")") + "] ")
	}
	return b.String()
}

var bracketPrefix = regexp.MustCompile(`^\[([^\]]*)\]\s*`)

// readStepPrefix takes a step's time box and condition off the front of a
// list item; brackets that are neither stay part of the text.
func readStepPrefix(item string) (Step, string) {
	var st Step
	for range 2 {
		m := bracketPrefix.FindStringSubmatch(item)
		if m == nil {
			break
		}
		inner := strings.TrimSpace(m[1])
		if tb, ok := ParseTimeBox(inner); ok && tb != NoTimeBox && st.TimeBox == NoTimeBox {
			st.TimeBox = tb
		} else if len(inner) > 3 && strings.EqualFold(inner[:3], "if ") && st.Condition == "" {
			st.Condition = trimIf(inner)
		} else {
			break
		}
		item = item[len(m[0]):]
	}
	return st, item
}

func responseLine(st Step) string {
	action := oneLine(st.Action)
	if role := oneLine(st.Role); role != "" {
		return strings.TrimSpace(stepPrefix(st) + "**" + role + "**: " + action)
	}
	if action == "" {
		return ""
	}
	return stepPrefix(st) + action
}

func communicationLine(st Step) string {
	var b strings.Builder
	prefix := stepPrefix(st)
	if role := oneLine(st.Role); role != "" {
		b.WriteString("**" + role + "**")
	}
	if aud := oneLine(st.Audience); aud != "" {
		if b.Len() > 0 {
			b.WriteString(" tells")
		} else {
			b.WriteString("Tells")
		}
		b.WriteString(" *" + aud + "*")
	}
	statement := oneLine(st.Statement)
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	b.WriteString(statement)
	if line := strings.TrimSpace(b.String()); line != "" {
		return prefix + line
	}
	return ""
}

// oneLine joins the lines of s with spaces.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func quote(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight("> "+l, " ")
	}
	return strings.Join(lines, "\n")
}

// normalizeBody drops blank lines at the start and white space at the end
// of a body, so that it reads back from Markdown exactly as written.
func normalizeBody(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	s = strings.TrimRight(s, " \t\n")
	for {
		line, rest, found := strings.Cut(s, "\n")
		if !found || strings.TrimSpace(line) != "" {
			if strings.TrimSpace(s) == "" {
				return ""
			}
			return s
		}
		s = rest
	}
}

// ErrNotText is wrapped by the error for a file that is not text.
var ErrNotText = textfile.ErrNotText

// ReadMarkdown reads a plan from Markdown: top-level headings become
// sections (their level gives the depth), a leading quote starting
// "**Guidance:**" becomes the section's guidance, and a top-level heading
// "# Scenario: …" holds a structured scenario. Text before the first heading
// becomes a section titled "Introduction".
func ReadMarkdown(src []byte) (Document, error) {
	text, err := textfile.Decode(src)
	if err != nil {
		return Document{}, fmt.Errorf("%w; in Word, save the plan as Plain Text or Markdown and import that", err)
	}
	src = []byte(text)
	if err := CheckShape(src); err != nil {
		return Document{}, err
	}
	src = bytes.ReplaceAll(bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n")), []byte("\r"), []byte("\n"))
	src = wordBullets(src)
	var d Document
	src = readFrontMatter(src, &d)
	heads := topHeadings(src)
	r := reader{src: src, doc: &d}
	intro := src
	if len(heads) > 0 {
		intro = src[:heads[0].start]
	}
	if body := normalizeBody(string(intro)); body != "" {
		d.Sections = append(d.Sections, DocSection{Title: "Introduction", Body: body})
	}
	for i, h := range heads {
		end := len(src)
		if i+1 < len(heads) {
			end = heads[i+1].start
		}
		r.add(h, string(src[h.end:end]))
	}
	return d, nil
}

// wordBullet is a line of a list as Word saves it in plain text: a bullet
// glyph and a tab ("•" first level, "o" second, "§" third), or "•" and a space.
var wordBullet = regexp.MustCompile(`^([ \t]*)(?:([•·▪●])[ \t]|([o◦○])\t|([§■])\t)[ \t]*(.*)$`)

// wordBullets turns Word's plain-text bullets into Markdown list items,
// nested by the glyph Word uses for each level; code blocks are left alone.
func wordBullets(src []byte) []byte {
	if !bytes.ContainsAny(src, "•·▪●o◦○§■") {
		return src
	}
	lines := strings.Split(string(src), "\n")
	fence := ""
	for i, line := range lines {
		if t := strings.TrimLeft(line, " "); strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			if fence == "" {
				fence = t[:3]
			} else if strings.HasPrefix(t, fence) {
				fence = ""
			}
			continue
		}
		m := wordBullet.FindStringSubmatch(line)
		if fence != "" || m == nil {
			continue
		}
		tabs := strings.Count(m[1], "\t")
		level := tabs + (len(m[1])-tabs)/4
		switch {
		case m[3] != "":
			level = max(level, 1)
		case m[4] != "":
			level = max(level, 2)
		}
		lines[i] = strings.Repeat("  ", level) + "- " + m[5]
	}
	return []byte(strings.Join(lines, "\n"))
}

var frontMatterLine = regexp.MustCompile(`^([a-z][a-z-]*):\s*(.*)$`)

// readFrontMatter reads a leading "---" block of "key: value" lines into d
// and returns the rest; anything else is left as Markdown.
func readFrontMatter(src []byte, d *Document) []byte {
	if !bytes.HasPrefix(src, []byte("---\n")) {
		return src
	}
	block, rest, found := frontMatterBlock(src[4:])
	if !found {
		return src
	}
	fields := map[string]string{}
	for _, line := range strings.Split(string(block), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		m := frontMatterLine.FindStringSubmatch(strings.TrimSpace(line))
		if m == nil {
			return src
		}
		fields[m[1]] = strings.TrimSpace(m[2])
	}
	d.Title, d.Description, d.TemplateName = fields["title"], fields["description"], fields["template"]
	d.TemplateVersion, _ = strconv.Atoi(fields["template-version"])
	d.PackName = fields["pack"]
	d.PackVersion, _ = strconv.Atoi(fields["pack-version"])
	d.NextReview = parseDate(fields["next-review"])
	return rest
}

// frontMatterBlock splits what follows the opening "---" line into the
// block before the closing "---" line and the rest; the block may be empty.
func frontMatterBlock(after []byte) (block, rest []byte, found bool) {
	if bytes.Equal(after, []byte("---")) || bytes.HasPrefix(after, []byte("---\n")) {
		return nil, after[min(len(after), 4):], true
	}
	if block, rest, found = bytes.Cut(after, []byte("\n---\n")); found {
		return block, rest, true
	}
	if bytes.HasSuffix(after, []byte("\n---")) {
		return after[:len(after)-4], nil, true
	}
	return nil, nil, false
}

// reader turns headings and the text under them into sections and scenarios.
type reader struct {
	src      []byte
	doc      *Document
	levels   []int     // heading levels of the open sections
	scenario *Scenario // the scenario being read, if any
	part     string    // which part of the scenario is being read
}

func (r *reader) add(h heading, body string) {
	if h.level == 1 && hasScenarioPrefix(h.title) {
		r.levels = nil
		r.doc.Scenarios = append(r.doc.Scenarios, Scenario{
			Title: strings.TrimSpace(h.title[len(scenarioPrefix):]), Level: County, Severity: Moderate})
		r.scenario = &r.doc.Scenarios[len(r.doc.Scenarios)-1]
		r.scenarioPreamble(body)
		return
	}
	if r.scenario != nil && h.level > 1 {
		r.scenarioPart(h.title, body)
		return
	}
	r.scenario = nil
	for len(r.levels) > 0 && r.levels[len(r.levels)-1] >= h.level {
		r.levels = r.levels[:len(r.levels)-1]
	}
	depth := min(len(r.levels), MaxDepth)
	r.levels = append(r.levels, h.level)
	guidance, rest := splitGuidance(body)
	title := h.title
	if title == "" {
		title = "Untitled section"
	}
	r.doc.Sections = append(r.doc.Sections, DocSection{Depth: depth, Title: title, Guidance: guidance, Body: normalizeBody(rest)})
}

func hasScenarioPrefix(title string) bool {
	return len(title) >= len(scenarioPrefix) && strings.EqualFold(title[:len(scenarioPrefix)], scenarioPrefix)
}

// splitGuidance takes a leading "> **Guidance:** …" quote off a body.
func splitGuidance(body string) (guidance, rest string) {
	body = normalizeBody(body)
	if !strings.HasPrefix(body, "> "+guidancePrefix) {
		return "", body
	}
	lines := strings.Split(body, "\n")
	var g []string
	i := 0
	for ; i < len(lines) && strings.HasPrefix(lines[i], ">"); i++ {
		g = append(g, strings.TrimRight(strings.TrimPrefix(strings.TrimPrefix(lines[i], ">"), " "), " \t"))
	}
	text := strings.TrimSpace(strings.TrimPrefix(strings.Join(g, "\n"), guidancePrefix))
	return text, strings.Join(lines[i:], "\n")
}

var metaLine = regexp.MustCompile(`(?i)^(?:[-*+]\s+)?(level|severity):\s*([a-z]+)\s*$`)

// scenarioPreamble reads the Level: and Severity: lines under a scenario's
// heading; other text there starts its description.
func (r *reader) scenarioPreamble(body string) {
	var rest []string
	for _, line := range strings.Split(body, "\n") {
		m := metaLine.FindStringSubmatch(strings.TrimSpace(line))
		switch {
		case m != nil && strings.EqualFold(m[1], "level"):
			r.scenario.Level = Level(strings.ToLower(m[2]))
		case m != nil:
			r.scenario.Severity = Severity(strings.ToLower(m[2]))
		default:
			rest = append(rest, line)
		}
	}
	*r.scenario = normalizeScenario(*r.scenario)
	r.scenario.Description = normalizeBody(strings.Join(rest, "\n"))
}

func (r *reader) scenarioPart(title, body string) {
	sc := r.scenario
	switch {
	case strings.EqualFold(title, headResponse) || strings.EqualFold(title, "Response"):
		for _, item := range listItems(body) {
			sc.Response = append(sc.Response, parseResponse(item))
		}
	case strings.EqualFold(title, headCommunications):
		for _, item := range listItems(body) {
			sc.Communications = append(sc.Communications, parseCommunication(item))
		}
	case strings.EqualFold(title, headDoNotSay):
		sc.DoNotSay = joinBlocks(sc.DoNotSay, normalizeBody(body))
	case strings.EqualFold(title, headStandDown):
		sc.StandDown = joinBlocks(sc.StandDown, normalizeBody(body))
	case strings.EqualFold(title, headDescription):
		sc.Description = joinBlocks(sc.Description, normalizeBody(body))
	default:
		sc.Description = joinBlocks(sc.Description, "**"+title+"**\n\n"+normalizeBody(body))
	}
}

func joinBlocks(a, b string) string {
	a, b = normalizeBody(a), normalizeBody(b)
	if a == "" || b == "" {
		return a + b
	}
	return a + "\n\n" + b
}

var itemStart = regexp.MustCompile(`^\s{0,3}(?:\d{1,9}[.)]|[-*+])(?:\s+(.*))?$`)

// listItems returns the text of each item of the lists in body, with
// continuation lines joined by spaces.
func listItems(body string) []string {
	var items []string
	for _, line := range strings.Split(body, "\n") {
		if m := itemStart.FindStringSubmatch(line); m != nil {
			items = append(items, strings.TrimSpace(m[1]))
			continue
		}
		if t := strings.TrimSpace(line); t != "" && len(items) > 0 {
			items[len(items)-1] = strings.TrimSpace(items[len(items)-1] + " " + t)
		}
	}
	var out []string
	for _, it := range items {
		if it != "" {
			out = append(out, it)
		}
	}
	return out
}

var (
	roleFirst = regexp.MustCompile(`^\*\*([a-z0-9][a-z0-9-]*)\*\*:\s*(.*)$`)
	tellsLine = regexp.MustCompile(`^(?:\*\*([a-z0-9][a-z0-9-]*)\*\*\s+tells|(?i:tells))\s+\*([^*]+)\*:\s*(.*)$`)
)

func parseResponse(item string) Step {
	st, item := readStepPrefix(item)
	st.Kind = Response
	if m := roleFirst.FindStringSubmatch(item); m != nil {
		st.Role, st.Action = m[1], m[2]
		return st
	}
	st.Action = item
	return st
}

func parseCommunication(item string) Step {
	st, item := readStepPrefix(item)
	st.Kind = Communication
	if m := tellsLine.FindStringSubmatch(item); m != nil {
		st.Role, st.Audience, st.Statement = m[1], strings.TrimSpace(m[2]), m[3]
		return st
	}
	if m := roleFirst.FindStringSubmatch(item); m != nil {
		st.Role, st.Statement = m[1], m[2]
		return st
	}
	st.Statement = item
	return st
}
