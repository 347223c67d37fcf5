package binder

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"electionbinder/internal/contacts"
	"electionbinder/internal/plan"
	"electionbinder/internal/settings"
)

// ExportOptions say what to print of a plan.
type ExportOptions struct {
	// Copy prints for this controlled copy: the latest approved revision with
	// the copy's number on every page, noted as what the copy now holds.
	Copy string
	// Since > 0 prints replacement pages for a binder printed at this
	// revision; with Copy, for the pages that copy holds, which must be at
	// this revision.
	Since int
	// Packet, with Copy, prints the replacement pages the copy needs.
	Packet bool
	// Revision > 0 reprints this approved revision exactly as it was
	// printed when it was approved.
	Revision int
	// Today is the date of the print, for pages changed since their
	// revision, such as by a new phone number; zero means now.
	Today time.Time
	// DryRun works out the pages without noting a copy's print.
	DryRun   bool
	Progress func(done float64)
}

// pocketContacts is how many roles the pocket card lists.
const pocketContacts = 6

// Export prints plan planID as a binder to w, reading the plan, the
// directory and the settings of the store's database. A print for a
// controlled copy is noted, so its next replacement pages are worked out
// from the pages it holds.
func (s *Store) Export(w io.Writer, planID int64, opt ExportOptions) (Result, error) {
	switch {
	case opt.Revision > 0:
		return s.reprint(w, planID, opt)
	case strings.TrimSpace(opt.Copy) != "":
		return s.exportCopy(w, planID, opt)
	}
	doc, opts, err := s.current(planID)
	if err != nil {
		return Result{}, err
	}
	opts.Today, opts.Progress = today(opt.Today), opt.Progress
	if opt.Since > 0 {
		held, err := s.revisionBinder(planID, opt.Since)
		if err != nil {
			return Result{}, err
		}
		opts.Replace = &Replacement{Held: held.Pages, Revision: opt.Since}
	}
	return Write(w, doc, opts)
}

// exportCopy prints the binder, or the replacement pages, of a controlled copy.
func (s *Store) exportCopy(w io.Writer, planID int64, opt ExportOptions) (Result, error) {
	c, err := s.copyByNumber(planID, opt.Copy)
	if err != nil {
		return Result{}, err
	}
	doc, opts, rev, err := s.approved(planID)
	if err != nil {
		return Result{}, err
	}
	doc.CopyNumber, doc.IssuedTo = c.Number, issuedTo(c)
	held, printed, err := s.heldPages(c.ID)
	if err != nil {
		return Result{}, err
	}
	opts.Editions = [][]Page{held.Pages, rev.Pages}
	opts.Today, opts.Progress = today(opt.Today), opt.Progress
	if opt.Packet || opt.Since > 0 {
		switch {
		case !printed:
			return Result{}, fmt.Errorf("copy %s has not been printed yet, so it needs the whole binder, not replacement pages", c.Number)
		case opt.Since > 0 && opt.Since != held.Revision:
			return Result{}, fmt.Errorf("copy %s holds revision %d, not revision %d", c.Number, held.Revision, opt.Since)
		}
		opts.Replace = &Replacement{Held: held.Pages, Revision: held.Revision, Holder: c.Holder}
	}
	res, err := Write(w, doc, opts)
	if err != nil || opt.DryRun {
		return res, err
	}
	return res, s.notePrint(c.ID, doc.Revision, opts.Replace != nil, res.Binder)
}

// issuedTo is the cover's words for who holds a copy.
func issuedTo(c Copy) []string {
	lines := []string{joinNonEmpty(", ", c.Holder, c.Title)}
	if c.Location != "" {
		lines = append(lines, "Kept at "+c.Location)
	}
	return lines
}

// today is t, or the current date when t is zero.
func today(t time.Time) time.Time {
	if t.IsZero() {
		t = time.Now()
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// current is the binder as the plan now stands: the latest approved
// revision when the plan is approved, else the draft.
func (s *Store) current(planID int64) (*Document, Options, error) {
	p, err := plan.NewStore(s.db).Load(planID)
	if err != nil {
		return nil, Options{}, err
	}
	if p.Status == plan.Approved {
		doc, opts, _, err := s.approved(planID)
		return doc, opts, err
	}
	doc, opts, err := s.build(p)
	if err != nil {
		return nil, Options{}, err
	}
	if last, ok := p.LatestRevision(); ok {
		rev, err := s.revisionBinder(planID, last.Number)
		if err != nil {
			return nil, Options{}, err
		}
		opts.Editions = [][]Page{rev.Pages}
	}
	return doc, opts, nil
}

// approved is the binder of the latest approved revision with the directory
// as it is now, and that revision's binder as printed at approval.
func (s *Store) approved(planID int64) (*Document, Options, revisionBinder, error) {
	doc, opts, err := s.approvedNow(planID)
	if err != nil {
		return nil, Options{}, revisionBinder{}, err
	}
	rev, err := s.revisionBinder(planID, doc.Revision)
	if err != nil {
		return nil, Options{}, revisionBinder{}, err
	}
	opts.Editions = [][]Page{rev.Pages}
	return doc, opts, rev, nil
}

// approvedNow builds the binder of the latest approved revision's text
// with the directory, settings and distribution list as they are now.
func (s *Store) approvedNow(planID int64) (*Document, Options, error) {
	ps := plan.NewStore(s.db)
	p, err := ps.Load(planID)
	if err != nil {
		return nil, Options{}, err
	}
	last, ok := p.LatestRevision()
	if !ok {
		return nil, Options{}, fmt.Errorf("plan %d has never been approved: approve it before printing a controlled copy", planID)
	}
	text, err := ps.RevisionPlan(planID, last.Number)
	if err != nil {
		return nil, Options{}, err
	}
	text.ID, text.Revisions, text.Status = p.ID, p.Revisions, plan.Approved
	text.Approver, text.ApprovedOn, text.NextReview = last.ApprovedBy, last.ApprovedAt, p.NextReview
	doc, opts, err := s.build(text)
	if err != nil {
		return nil, Options{}, err
	}
	doc.RevisionDate = last.ApprovedAt
	return doc, opts, nil
}

// build turns a plan into the binder's document with the directory,
// settings and distribution list as they are now.
func (s *Store) build(p *plan.Plan) (*Document, Options, error) {
	resolver, err := plan.NewStore(s.db).Resolver()
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
	copies, err := s.Copies(p.ID)
	if err != nil {
		return nil, Options{}, err
	}
	affected, err := s.pagesAffected(p.ID)
	if err != nil {
		return nil, Options{}, err
	}
	doc := documentOf(p, resolver, tree, copies)
	if doc.Pictures, err = pictures(plan.NewStore(s.db), p.ID); err != nil {
		return nil, Options{}, err
	}
	doc.Marking = marking
	for i := range doc.Changes {
		doc.Changes[i].Pages = affected[doc.Changes[i].Revision]
	}
	return doc, opts, nil
}

// pictures loads the pictures stored with a plan.
func pictures(ps *plan.Store, planID int64) (map[string]Picture, error) {
	imgs, err := ps.Images(planID)
	if err != nil || len(imgs) == 0 {
		return nil, err
	}
	out := map[string]Picture{}
	for _, img := range imgs {
		sum := sha256.Sum256(img.Data)
		out[img.Name] = Picture{Format: img.Format, Data: img.Data, Sum: hex.EncodeToString(sum[:8])}
	}
	return out, nil
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
	doc.Dated = p.UpdatedAt
	if last, ok := p.LatestRevision(); ok {
		doc.Revision = last.Number
		if !doc.Draft {
			doc.RevisionDate, doc.Dated = last.ApprovedAt, last.ApprovedAt
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
	// Facts are aged against a date of the plan, not of the printing, so a
	// revision always prints the same: its approval, else the last edit.
	asOf := p.UpdatedAt
	if last, ok := p.LatestRevision(); ok {
		asOf = last.ApprovedAt
	}
	doc.CallTree = callTreeOf(tree, asOf)
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
			body, _ := res.Resolve(flat[i].Body)
			s := Section{Title: flat[i].Title, Body: body}
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
	desc, _ := res.Resolve(sc.Description)
	out := Scenario{Title: sc.Title, Description: desc, Level: capital(string(sc.Level)), Severity: capital(string(sc.Severity)),
		DoNotSay: resolved(res, sc.DoNotSay), StandDown: resolved(res, sc.StandDown)}
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
	s := Step{TimeBox: st.TimeBox.Label(), Condition: resolved(res, st.Condition), Text: text, Detail: detail, Role: st.Role}
	if e, ok := res.Role(st.Role); ok {
		s.Role = e.Role.Name
		if c, ok := e.Primary(); ok {
			s.Who = c.Name
		}
		for _, c := range e.Holders[:min(len(e.Holders), 2)] {
			s.Call = append(s.Call, holderOf(c, time.Time{}))
		}
	}
	return s
}

func resolved(res *plan.Resolver, s string) string {
	out, _ := res.Resolve(s)
	return out
}

// levelNames are the headings of the call tree's groups.
var levelNames = map[contacts.Level]string{
	contacts.Federal: "Federal", contacts.State: "State", contacts.County: "County",
	contacts.Municipal: "Municipal", contacts.Vendor: "Vendors", contacts.Other: "Other partners",
}

// callTreeOf groups the roles by the level of their primary; roles nobody
// holds come last, so the gap shows. Facts checked more than a year before
// asOf are flagged.
func callTreeOf(tree []contacts.CallTreeEntry, asOf time.Time) CallTree {
	byLevel := map[contacts.Level][]CallRole{}
	var empty []CallRole
	for _, e := range tree {
		role := CallRole{Role: e.Role.Name}
		for _, c := range e.Holders {
			role.Holders = append(role.Holders, holderOf(c, asOf))
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

// holderOf is a directory contact as the binder prints it; numbers checked
// more than a year before asOf are flagged.
func holderOf(c contacts.Contact, asOf time.Time) CallHolder {
	return CallHolder{Name: c.Name, Organization: joinNonEmpty(", ", c.Title, c.Organization),
		Office: c.OfficePhone, Mobile: c.MobilePhone, AfterHours: c.AfterHoursPhone, Email: c.Email, Verified: c.VerifiedOn,
		Source: c.Source, Stale: !c.VerifiedOn.IsZero() && c.Stale(asOf)}
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
