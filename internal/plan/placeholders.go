package plan

import (
	"regexp"
	"strings"

	"electionbinder/internal/contacts"
	"electionbinder/internal/settings"
)

// placeholderRE finds every {{…}} on one line of a body: {{name}} and
// {{role:slug}}, and also what a clerk mistyped, so that it shows as a gap
// instead of printing silently.
var placeholderRE = regexp.MustCompile(`\{\{([^{}\n]{0,200})\}\}`)

// slugSeparators are what clerks type between the words of a role's slug.
var slugSeparators = regexp.MustCompile(`[\s_-]+`)

// Placeholder is one {{…}} found in a text.
type Placeholder struct {
	Text string // as written, such as "{{role:it-support}}"
	Name string // "jurisdiction", "county", "state", "clerk" or "role"
	Role string // the slug, for a role placeholder
}

// FindPlaceholders returns every placeholder in text, in order.
func FindPlaceholders(text string) []Placeholder {
	var out []Placeholder
	for _, m := range placeholderRE.FindAllStringSubmatch(text, -1) {
		out = append(out, parsePlaceholder(m[0], m[1]))
	}
	return out
}

// parsePlaceholder reads the inside of {{…}} forgivingly: names in any case
// with spaces around them, and a role written "IT Support" or "it_support"
// for the slug "it-support". What it cannot read keeps its text as its name,
// which no resolver knows, so it counts as a gap.
func parsePlaceholder(text, inner string) Placeholder {
	name, arg, hasArg := strings.Cut(inner, ":")
	p := Placeholder{Text: text, Name: strings.ToLower(strings.TrimSpace(name))}
	if hasArg {
		p.Role = strings.Trim(slugSeparators.ReplaceAllString(strings.ToLower(strings.TrimSpace(arg)), "-"), "-")
	}
	if p.Name == "role" && hasArg {
		return p
	}
	if hasArg || p.Name == "role" {
		p.Name = strings.ToLower(strings.TrimSpace(inner))
	}
	return p
}

// Resolver fills placeholders from the jurisdiction profile and the call tree.
type Resolver struct {
	profile settings.Profile
	roles   map[string]contacts.CallTreeEntry
	slugs   []string // in call-tree order
}

// NewResolver returns a resolver over a profile and a call tree.
func NewResolver(profile settings.Profile, tree []contacts.CallTreeEntry) *Resolver {
	r := &Resolver{profile: profile, roles: map[string]contacts.CallTreeEntry{}}
	for _, e := range tree {
		r.roles[e.Role.Slug] = e
		r.slugs = append(r.slugs, e.Role.Slug)
	}
	return r
}

// Resolver reads the profile (settings) and the call tree (contacts) of the
// database the store works on.
func (s *Store) Resolver() (*Resolver, error) {
	profile, err := settings.New(s.db).LoadProfile()
	if err != nil {
		return nil, err
	}
	tree, err := contacts.NewStore(s.db).CallTree()
	if err != nil {
		return nil, err
	}
	return NewResolver(profile, tree), nil
}

// Value returns what a placeholder stands for, and false when it cannot be
// filled: an unknown name, an empty profile field, or a role that is not in
// the directory or has no primary. A role reads "Primary (phone); backup:
// Backup (phone)".
func (r *Resolver) Value(p Placeholder) (string, bool) {
	var v string
	switch p.Name {
	case "jurisdiction":
		v = r.profile.Jurisdiction
	case "county":
		v = r.profile.County
	case "state":
		v = r.profile.State
	case "clerk":
		v = r.profile.ClerkName
	case "role":
		return r.roleValue(p.Role)
	}
	v = strings.TrimSpace(v)
	return v, v != ""
}

func (r *Resolver) roleValue(slug string) (string, bool) {
	e, ok := r.roles[slug]
	if !ok {
		return "", false
	}
	primary, ok := e.Primary()
	if !ok {
		return "", false
	}
	v := reach(primary)
	if backups := e.Backups(); len(backups) > 0 {
		v += "; backup: " + reach(backups[0])
	}
	return v, true
}

// reach is a contact's name with the first phone number they can be reached on.
func reach(c contacts.Contact) string {
	for _, phone := range []string{c.OfficePhone, c.MobilePhone, c.AfterHoursPhone} {
		if phone != "" {
			return c.Name + ", " + phone
		}
	}
	return c.Name
}

// Resolve returns text with every placeholder it can fill replaced, and the
// placeholders left as written because they could not be filled.
func (r *Resolver) Resolve(text string) (string, []Placeholder) {
	var missing []Placeholder
	out := placeholderRE.ReplaceAllStringFunc(text, func(m string) string {
		p := FindPlaceholders(m)[0]
		if v, ok := r.Value(p); ok {
			return v
		}
		missing = append(missing, p)
		return m
	})
	return out, missing
}

// Fill returns text with every placeholder filled, and each one that cannot
// be filled replaced by blank: the printed binder shows a line to fill in by
// pen where the plan is not finished, never the placeholder's code.
func (r *Resolver) Fill(text, blank string) string {
	return placeholderRE.ReplaceAllStringFunc(text, func(m string) string {
		if v, ok := r.Value(FindPlaceholders(m)[0]); ok {
			return v
		}
		return blank
	})
}

// Role returns the call-tree entry of a role slug, if the directory has it.
func (r *Resolver) Role(slug string) (contacts.CallTreeEntry, bool) {
	e, ok := r.roles[slug]
	return e, ok
}

// Profile returns the jurisdiction profile the resolver fills from.
func (r *Resolver) Profile() settings.Profile { return r.profile }

// RoleSlugs returns the slugs of the directory's roles in call-tree order.
func (r *Resolver) RoleSlugs() []string { return append([]string(nil), r.slugs...) }
