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

// BuiltinTemplate is the name of the template that ships with the binder.
const BuiltinTemplate = "contingency-plan"

// Template is a plan kept for starting new plans from.
type Template struct {
	ID          int64
	UUID        string
	Name        string
	Version     int
	Description string
	Builtin     bool
	Sections    int
	Scenarios   int
}

// InstallBuiltins puts the built-in template in the database, or replaces
// an older version of it there.
func (s *Store) InstallBuiltins() error {
	doc, err := ReadMarkdown(templates.ContingencyPlan)
	if err != nil {
		return fmt.Errorf("reading the built-in template: %w", err)
	}
	_, err = s.db.Exec(`INSERT INTO plan_templates(uuid, name, version, description, builtin, content)
		VALUES(?, ?, ?, ?, 1, ?)
		ON CONFLICT(name) DO UPDATE SET version = excluded.version, description = excluded.description,
			content = excluded.content, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
		WHERE plan_templates.builtin = 1 AND plan_templates.version < excluded.version`,
		uuid.NewString(), BuiltinTemplate, max(doc.TemplateVersion, 1), doc.Description, string(templates.ContingencyPlan))
	if err != nil {
		return fmt.Errorf("installing the built-in template: %w", err)
	}
	return nil
}

// Templates lists the templates, the built-in one first.
func (s *Store) Templates() ([]Template, error) {
	if err := s.InstallBuiltins(); err != nil {
		return nil, err
	}
	rows, err := s.db.Query(`SELECT id, uuid, name, version, description, builtin, content
		FROM plan_templates ORDER BY builtin DESC, name`)
	if err != nil {
		return nil, fmt.Errorf("reading the templates: %w", err)
	}
	defer rows.Close()
	var list []Template
	for rows.Next() {
		var t Template
		var content string
		if err := rows.Scan(&t.ID, &t.UUID, &t.Name, &t.Version, &t.Description, &t.Builtin, &content); err != nil {
			return nil, err
		}
		if doc, err := ReadMarkdown([]byte(content)); err == nil {
			t.Sections, t.Scenarios = len(doc.Sections), len(doc.Scenarios)
		}
		list = append(list, t)
	}
	return list, rows.Err()
}

// templateDocument reads a template's content by name.
func (s *Store) templateDocument(name string) (Document, error) {
	if err := s.InstallBuiltins(); err != nil {
		return Document{}, err
	}
	var content string
	var version int
	err := s.db.QueryRow(`SELECT content, version FROM plan_templates WHERE name = ?`, name).Scan(&content, &version)
	if errors.Is(err, sql.ErrNoRows) {
		return Document{}, missing("template named %q (see templates list)", name)
	}
	if err != nil {
		return Document{}, fmt.Errorf("reading template %q: %w", name, err)
	}
	doc, err := ReadMarkdown([]byte(content))
	doc.TemplateName, doc.TemplateVersion = name, version
	return doc, err
}

// CreateFromTemplate starts a new draft plan from the named template and
// returns its id. An empty title becomes the jurisdiction's name followed
// by "election-security contingency plan".
func (s *Store) CreateFromTemplate(name, title string) (int64, error) {
	doc, err := s.templateDocument(name)
	if err != nil {
		return 0, err
	}
	doc.Title = strings.TrimSpace(title)
	if doc.Title == "" {
		doc.Title, err = s.defaultTitle()
		if err != nil {
			return 0, err
		}
	}
	return s.Create(doc)
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
	if name == BuiltinTemplate {
		return Template{}, fmt.Errorf("%q is the built-in template's name; choose another", name)
	}
	p, err := s.Load(planID)
	if err != nil {
		return Template{}, err
	}
	doc := DocumentOf(p)
	doc.Description, doc.TemplateName, doc.TemplateVersion, doc.NextReview = description, name, 0, time.Time{}
	t := Template{Name: name, Description: description, Sections: len(doc.Sections), Scenarios: len(doc.Scenarios)}
	err = s.db.QueryRow(`INSERT INTO plan_templates(uuid, name, version, description, content) VALUES(?, ?, 1, ?, ?)
		ON CONFLICT(name) DO UPDATE SET version = plan_templates.version + 1, description = excluded.description,
			content = excluded.content, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
		WHERE plan_templates.builtin = 0
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

// TemplateMarkdown returns a template as the Markdown file it is kept as,
// to hand to another office.
func (s *Store) TemplateMarkdown(name string) ([]byte, error) {
	doc, err := s.templateDocument(name)
	if err != nil {
		return nil, err
	}
	return WriteMarkdown(doc), nil
}

// ImportTemplate adds a template from a Markdown file another office sent
// (see TemplateMarkdown and SaveAsTemplate). The name is, in order: name,
// or the file's "template:" line. A template of that name already here is
// replaced, and its version becomes the file's version or one more than
// before, whichever is higher.
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
	if name = strings.TrimSpace(name); name == "" {
		name = strings.TrimSpace(doc.TemplateName)
	}
	switch {
	case name == "":
		return Template{}, errors.New("the file does not name its template; give it a name")
	case name == BuiltinTemplate:
		return Template{}, fmt.Errorf("%q is the built-in template's name; choose another", name)
	case len(doc.Sections) == 0 && len(doc.Scenarios) == 0:
		return Template{}, errors.New("the file has no sections or scenarios to make a template from")
	}
	doc.TemplateName = name
	t := Template{Name: name, Description: doc.Description, Sections: len(doc.Sections), Scenarios: len(doc.Scenarios)}
	err = q.QueryRow(`INSERT INTO plan_templates(uuid, name, version, description, content) VALUES(?, ?, ?, ?, ?)
		ON CONFLICT(name) DO UPDATE SET version = max(excluded.version, plan_templates.version + 1),
			description = excluded.description, content = excluded.content,
			updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
		WHERE plan_templates.builtin = 0
		RETURNING id, uuid, version`, uuid.NewString(), name, max(doc.TemplateVersion, 1), doc.Description,
		string(WriteMarkdown(doc))).Scan(&t.ID, &t.UUID, &t.Version)
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
