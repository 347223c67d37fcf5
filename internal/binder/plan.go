package binder

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"electionbinder/internal/contacts"
	"electionbinder/internal/plan"
	"electionbinder/internal/settings"
)

// ExportOptions say what to print of a plan.
type ExportOptions struct {
	Copy     string // controlled-copy number to print on every page; empty for none
	Since    int    // > 0: print only the pages changed since this revision
	Progress func(done float64)
}

// pocketContacts is how many roles the pocket card lists.
const pocketContacts = 6

// Export prints plan planID as a binder to w, reading the plan, the
// directory and the settings of the store's database. A full print is noted
// in the print log, so a later changed-pages export knows whether the call
// tree changed.
func (s *Store) Export(w io.Writer, planID int64, opt ExportOptions) (Result, error) {
	doc, opts, err := s.Document(planID, opt)
	if err != nil {
		return Result{}, err
	}
	res, err := Write(w, doc, opts)
	if err != nil {
		return res, err
	}
	if opt.Since == 0 && !doc.Draft {
		err = s.recordPrint(planID, print{revision: doc.Revision, contentHash: res.Hash,
			directoryHash: directoryHash(doc), pages: res.TotalPages})
	}
	return res, err
}

// Document builds the binder of a plan with its placeholders resolved,
// and the print options from Settings.
func (s *Store) Document(planID int64, opt ExportOptions) (*Document, Options, error) {
	ps := plan.NewStore(s.db)
	p, err := ps.Load(planID)
	if err != nil {
		return nil, Options{}, err
	}
	resolver, err := ps.Resolver()
	if err != nil {
		return nil, Options{}, err
	}
	tree, err := contacts.NewStore(s.db).CallTree()
	if err != nil {
		return nil, Options{}, err
	}
	opts, marking, err := s.printSettings()
	if err != nil {
		return nil, Options{}, err
	}
	copies, err := s.Copies(planID)
	if err != nil {
		return nil, Options{}, err
	}
	doc := documentOf(p, resolver, tree, copies)
	doc.Marking = marking
	doc.CopyNumber = strings.TrimSpace(opt.Copy)
	opts.Progress = opt.Progress
	if opt.Since > 0 {
		removed, err := s.markChanges(doc, p, opt.Since)
		if err != nil {
			return nil, Options{}, err
		}
		opts.ChangedOnly, opts.Since, opts.Removed = true, opt.Since, removed
	}
	return doc, opts, nil
}

// printSettings reads paper, double-sided printing and the marking.
func (s *Store) printSettings() (Options, string, error) {
	st := settings.New(s.db)
	paper, err := st.Get(settings.PaperKey, settings.DefaultPaper)
	if err != nil {
		return Options{}, "", err
	}
	duplex, err := st.Get(settings.DuplexKey, "false")
	if err != nil {
		return Options{}, "", err
	}
	marking, err := st.Get(settings.MarkingKey, settings.DefaultMarking)
	if err != nil {
		return Options{}, "", err
	}
	return Options{Paper: paper, Duplex: duplex == "true", Parse: plan.ParseMarkdown}, marking, nil
}

// markChanges flags what changed since revision since: sections and
// scenarios from the plan's revisions, the call tree from the print log.
// It returns the titles of what was removed since.
func (s *Store) markChanges(doc *Document, p *plan.Plan, since int) ([]string, error) {
	changes, err := plan.NewStore(s.db).ChangedSince(p.ID, since)
	if err != nil {
		return nil, fmt.Errorf("comparing with revision %d: %w", since, err)
	}
	markTree(doc.Sections, changes.Sections)
	for i, sc := range p.Scenarios {
		doc.Scenarios[i].Changed = changes.Scenarios[sc.ID]
	}
	printed, ok, err := s.directoryAt(p.ID, since)
	if err != nil {
		return nil, err
	}
	doc.CallTree.Changed = !ok || printed != directoryHash(doc)
	return changes.Removed, nil
}

// markTree flags the sections whose plan section ids are in changed.
func markTree(ss []Section, changed map[int64]bool) {
	for i := range ss {
		ss[i].Changed = changed[ss[i].planID]
		markTree(ss[i].Children, changed)
	}
}

// directoryHash fingerprints the call tree and pocket contacts as printed.
func directoryHash(doc *Document) string {
	b, _ := json.Marshal(struct {
		Groups []CallGroup
		Card   []CardContact
	}{doc.CallTree.Groups, doc.Pocket.Contacts})
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:8])
}

// documentOf turns a loaded plan into the binder's document model.
func documentOf(p *plan.Plan, res *plan.Resolver, tree []contacts.CallTreeEntry, copies []Copy) *Document {
	profile := res.Profile()
	doc := &Document{
		Title:        p.Title,
		Jurisdiction: profile.Jurisdiction,
		County:       profile.County,
		State:        profile.State,
		ApprovedBy:   p.Approver,
		ApprovedOn:   p.ApprovedOn,
		ReviewBy:     p.NextReview,
		PreparedBy:   preparedBy(profile),
		Draft:        p.Status != plan.Approved,
	}
	if last, ok := p.LatestRevision(); ok {
		doc.Revision = last.Number
		if !doc.Draft {
			doc.RevisionDate = last.ApprovedAt
		}
	} else {
		doc.Draft = true
	}
	for _, r := range p.Revisions {
		doc.Changes = append(doc.Changes, Change{Revision: r.Number, Date: r.ApprovedAt, ApprovedBy: r.ApprovedBy, Summary: r.Summary})
	}
	for _, c := range copies {
		doc.Distribution = append(doc.Distribution, CopyHolder{Copy: c.Number, Name: c.Holder, Title: c.Title, Location: c.Location, Issued: c.Issued})
	}
	doc.Sections = sectionTree(p.Sections, res)
	for _, sc := range p.Scenarios {
		doc.Scenarios = append(doc.Scenarios, scenarioOf(sc, res))
	}
	doc.CallTree = callTreeOf(tree)
	doc.Pocket = pocketOf(doc.Sections, tree)
	return doc
}

// preparedBy is the cover's lines about the office that keeps the plan.
func preparedBy(p settings.Profile) []string {
	var lines []string
	add := func(s string) {
		if strings.TrimSpace(s) != "" {
			lines = append(lines, strings.TrimSpace(s))
		}
	}
	add(joinNonEmpty(", ", p.ClerkName, p.ClerkTitle))
	add(joinNonEmpty(", ", strings.Split(p.Address, "\n")...))
	add(joinNonEmpty(" · ", p.Phone, p.Email))
	return lines
}

// sectionTree rebuilds the tree from sections in depth-first reading order,
// with placeholders resolved.
func sectionTree(flat []plan.Section, res *plan.Resolver) []Section {
	var build func(i, depth int) ([]Section, int)
	build = func(i, depth int) ([]Section, int) {
		var out []Section
		for i < len(flat) && flat[i].Depth >= depth {
			if flat[i].Depth > depth { // a gap in depth: treat as a child of the last section
				if len(out) == 0 {
					out = append(out, Section{})
				}
				var kids []Section
				kids, i = build(i, depth+1)
				out[len(out)-1].Children = append(out[len(out)-1].Children, kids...)
				continue
			}
			s := Section{Title: flat[i].Title, Body: res.Fill(flat[i].Body, markdownBlank), planID: flat[i].ID}
			i++
			s.Children, i = build(i, depth+1)
			out = append(out, s)
		}
		return out, i
	}
	tree, _ := build(0, 0)
	return tree
}

// scenarioOf turns a plan scenario into the binder's, naming each step's
// role and its primary holder.
func scenarioOf(sc plan.Scenario, res *plan.Resolver) Scenario {
	out := Scenario{Title: sc.Title, Description: res.Fill(sc.Description, markdownBlank), Level: capital(string(sc.Level)), Severity: capital(string(sc.Severity))}
	for _, st := range sc.Response {
		out.Steps = append(out.Steps, stepOf(st, res, resolved(res, st.Action), ""))
	}
	for _, st := range sc.Communications {
		text := resolved(res, st.Action)
		if st.Audience != "" {
			text = joinNonEmpty(" ", text, "Tell "+resolved(res, st.Audience)+".")
		}
		detail := ""
		if st.Statement != "" {
			detail = "“" + strings.Trim(resolved(res, st.Statement), `"“”`) + "”"
		}
		out.Communications = append(out.Communications, stepOf(st, res, text, detail))
	}
	return out
}

func stepOf(st plan.Step, res *plan.Resolver, text, detail string) Step {
	s := Step{Text: text, Detail: detail, Role: st.Role}
	if e, ok := res.Role(st.Role); ok {
		s.Role = e.Role.Name
		if c, ok := e.Primary(); ok {
			s.Who = c.Name
		}
	}
	return s
}

// The blank printed for a placeholder that cannot be filled: a line to write
// on. In Markdown it leads with a no-break space, so that a blank alone on
// its line is not read as a horizontal rule.
const (
	plainBlank    = "________________"
	markdownBlank = "\u00a0" + plainBlank
)

// resolved is plain text with its placeholders filled, or blanks to fill in.
func resolved(res *plan.Resolver, s string) string {
	return res.Fill(s, plainBlank)
}

// levelNames are the headings of the call tree's groups.
var levelNames = map[contacts.Level]string{
	contacts.Federal: "Federal", contacts.State: "State", contacts.County: "County",
	contacts.Municipal: "Municipal", contacts.Vendor: "Vendors", contacts.Other: "Other partners",
}

// callTreeOf groups the roles by the level of their primary; roles nobody
// holds come last, so the gap shows.
func callTreeOf(tree []contacts.CallTreeEntry) CallTree {
	byLevel := map[contacts.Level][]CallRole{}
	var empty []CallRole
	for _, e := range tree {
		role := CallRole{Role: e.Role.Name}
		for _, c := range e.Holders {
			role.Holders = append(role.Holders, CallHolder{Name: c.Name, Organization: joinNonEmpty(", ", c.Title, c.Organization),
				Office: c.OfficePhone, Mobile: c.MobilePhone, AfterHours: c.AfterHoursPhone, Email: c.Email, Verified: c.VerifiedOn})
		}
		primary, ok := e.Primary()
		if !ok {
			empty = append(empty, role)
			continue
		}
		byLevel[primary.Level] = append(byLevel[primary.Level], role)
	}
	var ct CallTree
	for _, l := range contacts.Levels {
		if roles := byLevel[l]; len(roles) > 0 {
			ct.Groups = append(ct.Groups, CallGroup{Level: levelNames[l], Roles: roles})
		}
	}
	if len(empty) > 0 {
		ct.Groups = append(ct.Groups, CallGroup{Level: "Roles nobody holds yet", Roles: empty})
	}
	return ct
}

// pocketOf fills the pocket card: the first roles that have a primary, and
// the first steps from the section on whom to notify (its table or list).
func pocketOf(sections []Section, tree []contacts.CallTreeEntry) PocketCard {
	var card PocketCard
	for _, e := range tree {
		c, ok := e.Primary()
		if !ok || len(card.Contacts) == pocketContacts {
			continue
		}
		first := firstNonEmpty(c.MobilePhone, c.OfficePhone, c.AfterHoursPhone)
		alt := ""
		if c.AfterHoursPhone != first {
			alt = c.AfterHoursPhone
		}
		card.Contacts = append(card.Contacts, CardContact{Role: e.Role.Name, Name: c.Name, Phone: first, Alt: alt})
	}
	if s := findSection(sections, "notify", "first steps", "immediate", "first hour"); s != nil {
		card.Steps = firstSteps(s.Body)
	}
	return card
}

// findSection returns the first section whose title holds one of words.
func findSection(ss []Section, words ...string) *Section {
	for i := range ss {
		title := strings.ToLower(ss[i].Title)
		for _, w := range words {
			if strings.Contains(title, w) {
				return &ss[i]
			}
		}
		if s := findSection(ss[i].Children, words...); s != nil {
			return s
		}
	}
	return nil
}

// firstSteps reads up to eight steps from a body: each row of its first
// table ("situation: call first, then …") or each item of its first list.
func firstSteps(body string) []string {
	src := []byte(body)
	doc := plan.ParseMarkdown(src)
	var steps []string
	for n := doc.FirstChild(); n != nil && len(steps) == 0; n = n.NextSibling() {
		switch n := n.(type) {
		case *east.Table:
			for row := n.FirstChild(); row != nil; row = row.NextSibling() {
				if _, head := row.(*east.TableHeader); head {
					continue
				}
				var cells []string
				for c := row.FirstChild(); c != nil; c = c.NextSibling() {
					cells = append(cells, strings.TrimSpace(spansText(inlineSpans(c, src))))
				}
				steps = append(steps, tableStep(cells))
			}
		case *ast.List:
			for item := n.FirstChild(); item != nil; item = item.NextSibling() {
				steps = append(steps, strings.TrimSpace(spansText(inlineSpans(item.FirstChild(), src))))
			}
		}
	}
	if len(steps) > 8 {
		steps = steps[:8]
	}
	return steps
}

// tableStep reads a row "situation | call first | then" as one step.
func tableStep(cells []string) string {
	switch len(cells) {
	case 0:
		return ""
	case 1:
		return cells[0]
	case 2:
		return cells[0] + ": " + cells[1]
	}
	return cells[0] + ": " + cells[1] + "; then " + strings.Join(cells[2:], ", ")
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

// capital returns s with its first letter in upper case.
func capital(s string) string {
	if s == "" {
		return ""
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
