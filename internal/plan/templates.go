package plan

import (
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"

	"electionbinder/assets/templates"
	"electionbinder/internal/settings"
)

// BuiltinTemplate is the name of the core template that ships with the binder.
const BuiltinTemplate = "contingency-plan"

// DefaultPack is the state pack a plan made from the built-in template
// gets unless another (or none) is chosen.
const DefaultPack = "wisconsin"

// NoPack, given as the pack, makes a plan from the core template alone.
const NoPack = "none"

// Kinds of template.
const (
	KindTemplate = "template"
	KindPack     = "pack"
)

// Template is a plan kept for starting new plans from, or a state pack
// (Kind "pack") merged into a template when a plan is made.
type Template struct {
	ID          int64
	UUID        string
	Name        string
	Kind        string // KindTemplate or KindPack
	Version     int
	Description string
	Builtin     bool
	Sections    int
	Scenarios   int
}

// builtin is one piece of content the binary carries.
type builtin struct {
	name, kind string
	content    []byte
}

var builtins = []builtin{
	{BuiltinTemplate, KindTemplate, templates.ContingencyPlan},
	{DefaultPack, KindPack, templates.Wisconsin},
}

// builtinHistory holds earlier releases of the built-in template by
// version, for plans made before the template text was kept with them.
var builtinHistory = map[int][]byte{1: templates.ContingencyPlanV1}

// InstallBuiltins puts the built-in template and packs in the database, or
// replaces older versions of them there.
func (s *Store) InstallBuiltins() error {
	for _, b := range builtins {
		var head Document
		readFrontMatter(b.content, &head) // the version is all that is needed to know whether to install
		version := head.TemplateVersion
		if b.kind == KindPack {
			version = head.PackVersion
		}
		var have int
		err := s.db.QueryRow(`SELECT version FROM plan_templates WHERE name = ? AND builtin = 1`, b.name).Scan(&have)
		if err == nil && have >= max(version, 1) {
			continue
		}
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("reading the built-in %s %s: %w", b.kind, b.name, err)
		}
		if _, err := ReadMarkdown(b.content); err != nil {
			return fmt.Errorf("reading the built-in %s %s: %w", b.kind, b.name, err)
		}
		_, err = s.db.Exec(`INSERT INTO plan_templates(uuid, name, kind, version, description, builtin, content)
			VALUES(?, ?, ?, ?, ?, 1, ?)
			ON CONFLICT(name) DO UPDATE SET version = excluded.version, description = excluded.description,
				content = excluded.content, kind = excluded.kind, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
			WHERE plan_templates.builtin = 1 AND plan_templates.version < excluded.version`,
			uuid.NewString(), b.name, b.kind, max(version, 1), head.Description, string(b.content))
		if err != nil {
			return fmt.Errorf("installing the built-in %s %s: %w", b.kind, b.name, err)
		}
	}
	return nil
}

// isBuiltinName reports whether name is taken by built-in content.
func isBuiltinName(name string) bool {
	for _, b := range builtins {
		if b.name == name {
			return true
		}
	}
	return false
}

// Templates lists the templates and then the state packs, built-in ones first.
func (s *Store) Templates() ([]Template, error) {
	if err := s.InstallBuiltins(); err != nil {
		return nil, err
	}
	rows, err := s.db.Query(`SELECT id, uuid, name, kind, version, description, builtin, content
		FROM plan_templates ORDER BY kind = 'pack', builtin DESC, name`)
	if err != nil {
		return nil, fmt.Errorf("reading the templates: %w", err)
	}
	defer rows.Close()
	var list []Template
	for rows.Next() {
		var t Template
		var content string
		if err := rows.Scan(&t.ID, &t.UUID, &t.Name, &t.Kind, &t.Version, &t.Description, &t.Builtin, &content); err != nil {
			return nil, err
		}
		if doc, err := ReadMarkdown([]byte(content)); err == nil {
			t.Sections, t.Scenarios = len(doc.Sections), len(doc.Scenarios)
		}
		list = append(list, t)
	}
	return list, rows.Err()
}

// storedDocument reads a template or pack's content by name; kind "" takes either.
func (s *Store) storedDocument(name, kind string) (Document, string, error) {
	if err := s.InstallBuiltins(); err != nil {
		return Document{}, "", err
	}
	var content, got string
	var version int
	err := s.db.QueryRow(`SELECT content, version, kind FROM plan_templates WHERE name = ? AND (? = '' OR kind = ?)`,
		name, kind, kind).Scan(&content, &version, &got)
	if errors.Is(err, sql.ErrNoRows) {
		what := "template"
		if kind == KindPack {
			what = "state pack"
		}
		return Document{}, "", missing("%s named %q (see templates list)", what, name)
	}
	if err != nil {
		return Document{}, "", fmt.Errorf("reading template %q: %w", name, err)
	}
	doc, err := ReadMarkdown([]byte(content))
	if got == KindPack {
		doc.PackName, doc.PackVersion = name, version
	} else {
		doc.TemplateName, doc.TemplateVersion = name, version
	}
	return doc, got, err
}

// templateDocument reads a template's content by name.
func (s *Store) templateDocument(name string) (Document, error) {
	doc, _, err := s.storedDocument(name, KindTemplate)
	return doc, err
}

// composed is a template with a state pack merged in: pack "" takes the
// default pack for the built-in template and none for others, NoPack none.
func (s *Store) composed(name, pack string) (Document, error) {
	doc, err := s.templateDocument(name)
	if err != nil {
		return Document{}, err
	}
	pack = strings.TrimSpace(pack)
	defaulted := pack == "" && name == BuiltinTemplate
	if defaulted {
		pack = DefaultPack
	}
	if pack == "" || strings.EqualFold(pack, NoPack) {
		return doc, nil
	}
	p, _, err := s.storedDocument(pack, KindPack)
	if defaulted && errors.Is(err, ErrNotFound) {
		return doc, nil // a template of the clerk's own holds the default pack's name
	}
	if err != nil {
		return Document{}, err
	}
	return MergePack(doc, p), nil
}

// CreateFromTemplate starts a new draft plan from the named template (with
// the default state pack for the built-in template) and returns its id. An
// empty title becomes the jurisdiction's name followed by
// "election-security contingency plan".
func (s *Store) CreateFromTemplate(name, title string) (int64, error) {
	return s.CreateFromTemplatePack(name, "", title)
}

// CreateFromTemplatePack starts a new draft plan from a template with a
// state pack merged in (see composed for what pack means). The plan
// records the versions of both and keeps the text it started from.
func (s *Store) CreateFromTemplatePack(name, pack, title string) (int64, error) {
	doc, err := s.composed(name, pack)
	if err != nil {
		return 0, err
	}
	base := string(WriteMarkdown(doc))
	doc.Title = strings.TrimSpace(title)
	if doc.Title == "" {
		doc.Title, err = s.defaultTitle()
		if err != nil {
			return 0, err
		}
	}
	return s.create(doc, base)
}

func (s *Store) defaultTitle() (string, error) {
	profile, err := settings.New(s.db).LoadProfile()
	if err != nil {
		return "", err
	}
	if j := strings.TrimSpace(profile.Jurisdiction); j != "" {
		return j + " election-security contingency plan", nil
	}
	return "Election-security contingency plan", nil
}

// SaveAsTemplate keeps a plan as a template under name, so that other
// offices can start from it; saving again under the same name raises the
// template's version. The built-in template cannot be replaced.
func (s *Store) SaveAsTemplate(planID int64, name, description string) (Template, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return Template{}, errors.New("the template needs a name")
	}
	if isBuiltinName(name) {
		return Template{}, fmt.Errorf("%q is a built-in template's name; choose another", name)
	}
	p, err := s.Load(planID)
	if err != nil {
		return Template{}, err
	}
	doc := DocumentOf(p)
	doc.Description, doc.TemplateName, doc.TemplateVersion, doc.NextReview = description, name, 0, time.Time{}
	doc.PackName, doc.PackVersion = "", 0
	t := Template{Name: name, Kind: KindTemplate, Description: description, Sections: len(doc.Sections), Scenarios: len(doc.Scenarios)}
	err = s.db.QueryRow(`INSERT INTO plan_templates(uuid, name, version, description, content) VALUES(?, ?, 1, ?, ?)
		ON CONFLICT(name) DO UPDATE SET version = plan_templates.version + 1, description = excluded.description,
			content = excluded.content, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
		WHERE plan_templates.builtin = 0 AND plan_templates.kind = 'template'
		RETURNING id, uuid, version`, uuid.NewString(), name, description, string(WriteMarkdown(doc))).
		Scan(&t.ID, &t.UUID, &t.Version)
	if err != nil {
		return Template{}, fmt.Errorf("saving the template: %w", err)
	}
	return t, nil
}

// ImportMarkdown creates a new draft plan from a Markdown file's contents
// and returns its id. The title is, in order: title, the file's front
// matter, or "Imported plan". Nothing is written if the file cannot be read.
func (s *Store) ImportMarkdown(src []byte, title string) (int64, error) {
	doc, err := ReadMarkdown(src)
	if err != nil {
		return 0, err
	}
	if len(doc.Sections) == 0 && len(doc.Scenarios) == 0 {
		return 0, errors.New("the file has no text to make a plan from")
	}
	if t := strings.TrimSpace(title); t != "" {
		doc.Title = t
	}
	if strings.TrimSpace(doc.Title) == "" {
		doc.Title = "Imported plan"
	}
	return s.Create(doc)
}

// ExportMarkdown returns a whole plan as Markdown (see WriteMarkdown).
func (s *Store) ExportMarkdown(planID int64) ([]byte, error) {
	p, err := s.Load(planID)
	if err != nil {
		return nil, err
	}
	return WriteMarkdown(DocumentOf(p)), nil
}

// ExportMarkdownSince returns as Markdown only the sections and scenarios
// added or changed since revision number, each at its own depth; it is a
// list of changes for review, not a whole plan.
func (s *Store) ExportMarkdownSince(planID int64, number int) ([]byte, error) {
	ch, err := s.ChangedSince(planID, number)
	if err != nil {
		return nil, err
	}
	p, err := s.Load(planID)
	if err != nil {
		return nil, err
	}
	p.Title = fmt.Sprintf("%s (changes since revision %d)", p.Title, number)
	p.Sections = slices.DeleteFunc(p.Sections, func(sec Section) bool { return !ch.Sections[sec.ID] })
	p.Scenarios = slices.DeleteFunc(p.Scenarios, func(sc Scenario) bool { return !ch.Scenarios[sc.ID] })
	return WriteMarkdown(DocumentOf(p)), nil
}

// TemplateMarkdown returns a template or a state pack as the Markdown file
// it is kept as, to hand to another office.
func (s *Store) TemplateMarkdown(name string) ([]byte, error) {
	doc, _, err := s.storedDocument(name, "")
	if err != nil {
		return nil, err
	}
	return WriteMarkdown(doc), nil
}

// ImportTemplate adds a template or a state pack from a Markdown file
// another office sent (see TemplateMarkdown and SaveAsTemplate). A file
// whose front matter names a pack and no template is a pack. The name is,
// in order: name, or the file's "template:" (or "pack:") line. One of that
// name already here is replaced, and its version becomes the file's
// version or one more than before, whichever is higher.
func (s *Store) ImportTemplate(src []byte, name string) (Template, error) {
	return importTemplate(s.db, src, name)
}

// ImportTemplateTx is ImportTemplate inside a transaction the caller owns.
func ImportTemplateTx(tx *sql.Tx, src []byte, name string) (Template, error) {
	return importTemplate(tx, src, name)
}

// rowQuerier is a database or a transaction, for a statement that returns a row.
type rowQuerier interface {
	QueryRow(query string, args ...any) *sql.Row
}

func importTemplate(q rowQuerier, src []byte, name string) (Template, error) {
	doc, err := ReadMarkdown(src)
	if err != nil {
		return Template{}, err
	}
	kind, version := KindTemplate, doc.TemplateVersion
	if doc.TemplateName == "" && doc.PackName != "" {
		kind, version = KindPack, doc.PackVersion
	}
	if name = strings.TrimSpace(name); name == "" {
		name = strings.TrimSpace(doc.TemplateName + doc.PackName)
	}
	switch {
	case name == "":
		return Template{}, errors.New("the file does not name its template; give it a name")
	case strings.EqualFold(name, NoPack):
		return Template{}, fmt.Errorf("%q means no pack; choose another name", name)
	case isBuiltinName(name):
		return Template{}, fmt.Errorf("%q is a built-in template's name; choose another", name)
	case len(doc.Sections) == 0 && len(doc.Scenarios) == 0:
		return Template{}, errors.New("the file has no sections or scenarios to make a template from")
	}
	if kind == KindPack {
		doc.PackName = name
	} else {
		doc.TemplateName = name
	}
	t := Template{Name: name, Kind: kind, Description: doc.Description, Sections: len(doc.Sections), Scenarios: len(doc.Scenarios)}
	err = q.QueryRow(`INSERT INTO plan_templates(uuid, name, kind, version, description, content) VALUES(?, ?, ?, ?, ?, ?)
		ON CONFLICT(name) DO UPDATE SET version = max(excluded.version, plan_templates.version + 1),
			description = excluded.description, content = excluded.content,
			updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
		WHERE plan_templates.builtin = 0 AND plan_templates.kind = excluded.kind
		RETURNING id, uuid, version`, uuid.NewString(), name, kind, max(version, 1), doc.Description,
		string(WriteMarkdown(doc))).Scan(&t.ID, &t.UUID, &t.Version)
	if errors.Is(err, sql.ErrNoRows) {
		return Template{}, fmt.Errorf("%q is already the name of a %s; choose another", name, otherKind(kind))
	}
	if err != nil {
		return Template{}, fmt.Errorf("saving the template: %w", err)
	}
	return t, nil
}

// RevisionMarkdown returns a plan as it was approved in revision number,
// as Markdown.
func (s *Store) RevisionMarkdown(planID int64, number int) ([]byte, error) {
	p, err := s.RevisionPlan(planID, number)
	if err != nil {
		return nil, err
	}
	return WriteMarkdown(DocumentOf(p)), nil
}
