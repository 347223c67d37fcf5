package contacts

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Index is the directory held in memory for search as you type: every
// contact with its folded search text and the roles it holds. The Contacts
// screen loads it once and keeps it in step with its own edits.
type Index struct {
	entries []indexEntry  // ordered by folded name, then id
	pos     map[int64]int // contact id → index in entries
	roles   []Role
}

type indexEntry struct {
	contact Contact
	sortKey string
	text    string
	holds   []Holding
}

// LoadIndex reads the whole directory, retired contacts included.
func (s *Store) LoadIndex() (*Index, error) {
	rows, err := s.db.Query(`SELECT c.search_text, c.id, c.uuid, c.kind, c.name, c.title, coalesce(c.org_id, 0), '', c.level,
		c.office_phone, c.mobile_phone, c.after_hours_phone, c.email, c.address, c.notes, c.verified_on, c.active,
		c.builtin, c.source FROM contacts c`)
	if err != nil {
		return nil, fmt.Errorf("reading the directory: %w", err)
	}
	defer rows.Close()
	var list []Contact
	var texts []string
	for rows.Next() {
		var text string
		c, err := scanContact(rows, &text)
		if err != nil {
			return nil, err
		}
		list, texts = append(list, c), append(texts, text)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	ix := &Index{}
	if ix.roles, err = s.Roles(); err != nil {
		return nil, err
	}
	holdings, err := s.Holdings()
	if err != nil {
		return nil, err
	}
	ix.build(list, texts, holdings)
	return ix, nil
}

// build fills the index from contacts whose organization names are not yet
// known, with their search texts as saved.
func (ix *Index) build(list []Contact, texts []string, holdings map[int64][]Holding) {
	names := make(map[int64]string)
	for _, c := range list {
		if c.Kind == Organization {
			names[c.ID] = c.Name
		}
	}
	ix.entries = make([]indexEntry, len(list))
	for i, c := range list {
		c.Organization = names[c.OrgID]
		ix.entries[i] = indexEntry{contact: c, sortKey: fold(c.Name), text: texts[i], holds: holdings[c.ID]}
	}
	ix.sort()
}

func newEntry(c Contact, holds []Holding) indexEntry {
	return indexEntry{contact: c, sortKey: fold(c.Name), text: searchText(c), holds: holds}
}

// sort orders the entries by name and renews the positions by id.
func (ix *Index) sort() {
	slices.SortFunc(ix.entries, func(a, b indexEntry) int {
		return cmp.Or(strings.Compare(a.sortKey, b.sortKey), cmp.Compare(a.contact.ID, b.contact.ID))
	})
	ix.pos = make(map[int64]int, len(ix.entries))
	for i, e := range ix.entries {
		ix.pos[e.contact.ID] = i
	}
}

// Len is the number of contacts in the index, retired ones included.
func (ix *Index) Len() int { return len(ix.entries) }

// Roles returns the incident roles as they were when the index was loaded.
func (ix *Index) Roles() []Role { return ix.roles }

// Search returns the contacts that pass f, ordered by name.
func (ix *Index) Search(f Filter) []Contact {
	ids := ix.SearchIDs(f)
	out := make([]Contact, len(ids))
	for i, id := range ids {
		out[i] = ix.entries[ix.pos[id]].contact
	}
	return out
}

// SearchIDs returns the ids of the contacts that pass f, ordered by name:
// what the Contacts screen runs at every key the clerk types.
func (ix *Index) SearchIDs(f Filter) []int64 {
	terms := searchTerms(f.Search)
	roleTerms := make([]map[int64]bool, len(terms))
	for i, t := range terms {
		roleTerms[i] = map[int64]bool{}
		for _, r := range ix.roles {
			if strings.Contains(fold(r.Name), t) {
				roleTerms[i][r.ID] = true
			}
		}
	}
	cutoff := verifyCutoff(f.Today, f.VerifyDays)
	out := make([]int64, 0, 256)
	for i := range ix.entries {
		e := &ix.entries[i]
		if e.passes(f, cutoff) && e.matches(terms, roleTerms) {
			out = append(out, e.contact.ID)
		}
	}
	return out
}

// passes applies the filters other than the search words.
func (e *indexEntry) passes(f Filter, cutoff time.Time) bool {
	c := &e.contact
	switch {
	case !f.IncludeRetired && !c.Active,
		f.Level != "" && c.Level != f.Level,
		f.Kind != "" && c.Kind != f.Kind,
		f.RoleID != 0 && !e.holdsRole(f.RoleID),
		f.NeedsVerifying && !c.VerifiedOn.IsZero() && !c.VerifiedOn.Before(cutoff):
		return false
	}
	return true
}

func (e *indexEntry) holdsRole(roleID int64) bool {
	for _, h := range e.holds {
		if h.RoleID == roleID {
			return true
		}
	}
	return false
}

// matches reports whether every term is in the search text or names a role
// the contact holds.
func (e *indexEntry) matches(terms []string, roleTerms []map[int64]bool) bool {
	for i, t := range terms {
		if strings.Contains(e.text, t) {
			continue
		}
		found := false
		for _, h := range e.holds {
			found = found || roleTerms[i][h.RoleID]
		}
		if !found {
			return false
		}
	}
	return true
}

// Get returns the contact with the given id from the index.
func (ix *Index) Get(id int64) (Contact, bool) {
	if i := ix.find(id); i >= 0 {
		return ix.entries[i].contact, true
	}
	return Contact{}, false
}

// Holdings returns the roles a contact holds, in role order.
func (ix *Index) Holdings(id int64) []Holding {
	if i := ix.find(id); i >= 0 {
		return ix.entries[i].holds
	}
	return nil
}

func (ix *Index) find(id int64) int {
	if i, ok := ix.pos[id]; ok {
		return i
	}
	return -1
}

// Put adds or replaces a contact after it was saved, and brings the
// organization name of its members up to date when it is an organization.
func (ix *Index) Put(c Contact) {
	if i := ix.find(c.ID); i >= 0 {
		ix.entries[i] = newEntry(c, ix.entries[i].holds)
	} else {
		ix.entries = append(ix.entries, newEntry(c, nil))
	}
	if c.Kind == Organization {
		for i := range ix.entries {
			if m := ix.entries[i].contact; m.OrgID == c.ID && m.Organization != c.Name {
				m.Organization = c.Name
				ix.entries[i] = newEntry(m, ix.entries[i].holds)
			}
		}
	}
	ix.sort()
}

// Remove takes a deleted contact out of the index.
func (ix *Index) Remove(id int64) {
	if i := ix.find(id); i >= 0 {
		ix.entries = slices.Delete(ix.entries, i, i+1)
	}
	for i := range ix.entries {
		if m := ix.entries[i].contact; m.OrgID == id {
			m.OrgID, m.Organization = 0, ""
			ix.entries[i] = newEntry(m, ix.entries[i].holds)
		}
	}
	ix.sort()
}
