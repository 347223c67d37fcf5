package contacts

import (
	"electionbinder/internal/plural"
	"fmt"
	"slices"
	"strings"
)

// Action is what an import does with one record.
type Action int

// The actions of an import, in the order a preview lists them.
const (
	ActionNew       Action = iota // added to the directory
	ActionUpdate                  // fills in or changes a contact already there
	ActionDuplicate               // already in the directory as it is, or repeated in the file: skipped
	ActionRejected                // cannot be imported: skipped, with the reason
)

// String names the action as a preview shows it.
func (a Action) String() string {
	return [...]string{"New", "Updated", "Duplicate", "Rejected"}[a]
}

// Source is one file's records, named for the preview.
type Source struct {
	Name    string
	Records []Record
}

// ImportItem is what an import will do with one record.
type ImportItem struct {
	File    string
	Line    int
	Action  Action
	Contact Contact  // as it will be saved; for an update, with the existing id
	Reason  string   // for a duplicate or a rejected record
	Changes []string // for an update: the fields it changes
}

// ImportPlan is what an import will do, worked out before anything is
// written so the clerk can look at it first.
type ImportPlan struct {
	Items            []ImportItem
	NewOrganizations []string // organizations named by records that the directory lacks
}

// Count returns how many items the plan has with the given action.
func (p *ImportPlan) Count(a Action) int {
	n := 0
	for _, it := range p.Items {
		if it.Action == a {
			n++
		}
	}
	return n
}

// Writes reports whether applying the plan would change the directory.
func (p *ImportPlan) Writes() bool {
	return p.Count(ActionNew)+p.Count(ActionUpdate) > 0
}

// Summary says in one line what the plan will do.
func (p *ImportPlan) Summary() string {
	s := fmt.Sprintf("%d new, %d updated, %s, %d rejected", p.Count(ActionNew), p.Count(ActionUpdate),
		plural.Count(p.Count(ActionDuplicate), "duplicate", "duplicates"), p.Count(ActionRejected))
	if n := len(p.NewOrganizations); n > 0 {
		s += "; " + plural.Count(n, "new organization", "new organizations")
	}
	return s
}

// matcher finds the contact a record stands for, in the directory or earlier
// in the files being imported.
type matcher struct {
	byUUID    map[string]int // index into known
	byEmail   map[string]int
	byNameOrg map[string]int
	known     []known
	orgs      map[string]int64 // folded name → id of an existing organization
	out       *ImportPlan      // the plan being worked out, whose items later rows may add to
}

// known is a contact the matcher can match: one in the directory (item -1)
// or one from an earlier record (item is its index in the plan).
type known struct {
	contact Contact
	item    int
	file    string
	line    int
}

func nameOrgKey(c Contact) string {
	return string(c.Kind) + "|" + fold(c.Name) + "|" + fold(c.Organization)
}

func (m *matcher) add(k known) {
	m.known = append(m.known, k)
	m.index(len(m.known) - 1)
}

// index makes the known contact at i findable by its UUID, email and name.
func (m *matcher) index(i int) {
	k := m.known[i]
	if k.contact.UUID != "" {
		m.byUUID[strings.ToLower(k.contact.UUID)] = i
	}
	if k.contact.Kind == Person && k.contact.Email != "" {
		m.byEmail[strings.ToLower(k.contact.Email)] = i
	}
	m.byNameOrg[nameOrgKey(k.contact)] = i
	if k.contact.Kind == Organization && k.item < 0 {
		if _, ok := m.orgs[fold(k.contact.Name)]; !ok {
			m.orgs[fold(k.contact.Name)] = k.contact.ID
		}
	}
}

// find returns the known contact a record matches: same UUID, else a person
// with the same email, else the same kind, name and organization.
// It returns the index of the match in m.known, or -1.
func (m *matcher) find(c Contact) int {
	if i, ok := m.byUUID[strings.ToLower(c.UUID)]; ok && c.UUID != "" {
		return i
	}
	if i, ok := m.byEmail[strings.ToLower(c.Email)]; ok && c.Kind == Person && c.Email != "" {
		return i
	}
	if i, ok := m.byNameOrg[nameOrgKey(c)]; ok {
		return i
	}
	return -1
}

// PlanImport works out what importing the sources would do, without writing.
func (s *Store) PlanImport(sources ...Source) (*ImportPlan, error) {
	existing, err := s.List(Filter{IncludeRetired: true})
	if err != nil {
		return nil, err
	}
	plan := &ImportPlan{}
	m := &matcher{byUUID: map[string]int{}, byEmail: map[string]int{}, byNameOrg: map[string]int{}, orgs: map[string]int64{},
		out: plan}
	for _, c := range existing {
		m.add(known{contact: c, item: -1})
	}
	newOrgs := map[string]bool{}
	for _, src := range sources {
		for _, rec := range src.Records {
			it := m.plan(src.Name, rec)
			it.File = src.Name
			if it.Action == ActionNew || it.Action == ActionUpdate {
				m.add(known{contact: it.Contact, item: len(plan.Items), file: src.Name, line: it.Line})
			}
			plan.Items = append(plan.Items, it)
		}
	}
	for _, it := range plan.Items {
		if it.Action == ActionNew && it.Contact.Kind == Organization {
			newOrgs[fold(it.Contact.Name)] = true
		}
	}
	for _, it := range plan.Items {
		org := it.Contact.Organization
		if (it.Action == ActionNew || it.Action == ActionUpdate) && org != "" && it.Contact.OrgID == 0 && !newOrgs[fold(org)] {
			newOrgs[fold(org)] = true
			plan.NewOrganizations = append(plan.NewOrganizations, org)
		}
	}
	return plan, nil
}

// plan decides what to do with one record.
func (m *matcher) plan(file string, rec Record) ImportItem {
	it := ImportItem{Line: rec.Line, Contact: rec.Contact}
	if rec.Problem != "" {
		it.Action, it.Reason = ActionRejected, rec.Problem
		return it
	}
	at := m.find(rec.Contact)
	if at < 0 {
		it.Action = ActionNew
		it.Contact.OrgID = m.orgs[fold(rec.Contact.Organization)]
		if rec.Contact.Level == "" {
			it.Contact.Level = Other
		}
		return it
	}
	found := m.known[at]
	if found.item >= 0 {
		return m.repeat(at, file, it, rec)
	}
	merged, changes := merge(found.contact, rec, m.orgs)
	if len(changes) == 0 {
		it.Action, it.Reason, it.Contact = ActionDuplicate, "already in the directory", found.contact
		return it
	}
	it.Action, it.Contact, it.Changes = ActionUpdate, merged, changes
	return it
}

// repeat handles a record that stands for a contact an earlier record of
// the import already adds or updates: what it adds goes into that earlier
// item, and it is itself skipped as a duplicate.
func (m *matcher) repeat(at int, file string, it ImportItem, rec Record) ImportItem {
	found := m.known[at]
	where := fmt.Sprintf("line %d", found.line)
	if found.file != file {
		where += " of " + found.file
	}
	it.Action, it.Reason = ActionDuplicate, "repeats "+where
	merged, changes := merge(found.contact, rec, m.orgs)
	if len(changes) == 0 {
		return it
	}
	earlier := &m.out.Items[found.item]
	earlier.Contact = merged
	if earlier.Action == ActionUpdate {
		for _, ch := range changes {
			if !slices.Contains(earlier.Changes, ch) {
				earlier.Changes = append(earlier.Changes, ch)
			}
		}
	}
	m.known[at].contact = merged
	m.index(at)
	verb := "is"
	if len(changes) > 1 {
		verb = "are"
	}
	it.Reason = fmt.Sprintf("same contact as %s; its %s %s added there", where, strings.Join(changes, ", "), verb)
	return it
}

// merge lays a record over an existing contact: what the record fills in
// wins, what it leaves empty is kept. It returns the fields that change.
func merge(old Contact, rec Record, orgs map[string]int64) (Contact, []string) {
	c, r := old, rec.Contact
	var changes []string
	set := func(label string, dst *string, v string) {
		if v != "" && v != *dst && !lossyCopy(*dst, v) {
			*dst = v
			changes = append(changes, label)
		}
	}
	// Keep the accents the directory has, but take those a file puts into a
	// name the directory writes without any.
	if fold(r.Name) != fold(c.Name) || isASCII(c.Name) && !isASCII(r.Name) {
		set("name", &c.Name, r.Name)
	}
	if strings.EqualFold(r.Email, c.Email) {
		r.Email = c.Email
	}
	set("title", &c.Title, r.Title)
	set("office phone", &c.OfficePhone, r.OfficePhone)
	set("mobile phone", &c.MobilePhone, r.MobilePhone)
	set("after-hours phone", &c.AfterHoursPhone, r.AfterHoursPhone)
	set("email", &c.Email, r.Email)
	set("address", &c.Address, r.Address)
	set("notes", &c.Notes, r.Notes)
	if r.Level != "" && r.Level != c.Level {
		c.Level = r.Level
		changes = append(changes, "level")
	}
	if r.VerifiedOn.After(c.VerifiedOn) {
		c.VerifiedOn = r.VerifiedOn
		changes = append(changes, "last verified")
	}
	if rec.Active != nil && *rec.Active != c.Active {
		c.Active = *rec.Active
		changes = append(changes, "active")
	}
	if r.Organization != "" && fold(r.Organization) != fold(c.Organization) {
		c.Organization, c.OrgID = r.Organization, orgs[fold(r.Organization)]
		changes = append(changes, "organization")
	}
	return c, changes
}

// lossyCopy reports whether v is old as a program saved it in a character
// set lacking some of its letters, each written as "?" (Excel's plain CSV
// in Windows-1252 does this to ś, ł, ğ …): such a value changes nothing.
func lossyCopy(old, v string) bool {
	if !strings.Contains(v, "?") || isASCII(old) {
		return false
	}
	o, n := []rune(old), []rune(v)
	if len(o) != len(n) {
		return false
	}
	for i := range o {
		if o[i] != n[i] && (n[i] != '?' || o[i] < 0x80) {
			return false
		}
	}
	return true
}

// ApplyImport writes a plan in one transaction: organizations first, then
// the new and updated contacts. If anything fails, nothing is written.
func (s *Store) ApplyImport(plan *ImportPlan) (written int, err error) {
	tx, err := s.db.Begin()
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	orgs, err := s.orgIndex()
	if err != nil {
		return 0, err
	}
	w := newStmtCache(tx)
	for pass := 0; pass < 3; pass++ {
		for _, it := range plan.Items {
			if applyPass(it.Contact) != pass || (it.Action != ActionNew && it.Action != ActionUpdate) {
				continue
			}
			if err := applyItem(w, it, orgs); err != nil {
				return 0, fmt.Errorf("%s line %d: %w", it.File, it.Line, err)
			}
			written++
		}
	}
	return written, tx.Commit()
}

// applyPass orders the writes of an import: organizations that belong to no
// other first, then the other organizations, then people.
func applyPass(c Contact) int {
	switch {
	case c.Kind == Organization && c.Organization == "":
		return 0
	case c.Kind == Organization:
		return 1
	}
	return 2
}

// orgIndex maps folded organization names to their ids.
func (s *Store) orgIndex() (map[string]int64, error) {
	orgs, err := s.Organizations()
	if err != nil {
		return nil, err
	}
	index := map[string]int64{}
	for _, o := range orgs {
		if _, ok := index[fold(o.Name)]; !ok {
			index[fold(o.Name)] = o.ID
		}
	}
	return index, nil
}

func applyItem(tx execer, it ImportItem, orgs map[string]int64) error {
	c := it.Contact
	if c.Organization != "" && c.OrgID == 0 {
		id, err := orgFor(tx, c, orgs)
		if err != nil {
			return err
		}
		c.OrgID = id
	}
	if it.Action == ActionUpdate {
		return updateContact(tx, c)
	}
	id, err := insertContact(tx, c)
	if err == nil && c.Kind == Organization {
		if _, ok := orgs[fold(c.Name)]; !ok {
			orgs[fold(c.Name)] = id
		}
	}
	return err
}

// orgFor returns the id of the contact's organization, creating it when the
// directory lacks it.
func orgFor(tx execer, c Contact, orgs map[string]int64) (int64, error) {
	if id, ok := orgs[fold(c.Organization)]; ok {
		return id, nil
	}
	id, err := insertContact(tx, Contact{Kind: Organization, Name: c.Organization, Level: c.Level, Active: true})
	if err != nil {
		return 0, err
	}
	orgs[fold(c.Organization)] = id
	return id, nil
}
