package plan

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/google/uuid"

	"electionbinder/internal/db"
)

// OfferKind says what a newer template version offers a plan.
type OfferKind string

// The kinds of offer.
const (
	NewSection      OfferKind = "new-section"
	ChangedSection  OfferKind = "changed-section"
	NewScenario     OfferKind = "new-scenario"
	ChangedScenario OfferKind = "changed-scenario"
)

// Offer is one section or scenario that a newer version of the plan's
// template (or state pack) adds or words differently. Nothing changes in
// the plan until the clerk accepts it.
type Offer struct {
	Key     string    // what AcceptUpdate and DeclineUpdate take
	Kind    OfferKind // new or changed, section or scenario
	Title   string
	Place   string // where it sits, such as "Part 1 › Partners"
	Edited  bool   // the clerk changed (or removed) this part: accepting replaces their words
	Current string // the plan's text now, Markdown; empty when the plan lacks it
	Offered string // the newer version's text, Markdown
	hash    string
	section int // index in the newer document's sections, or -1
	doc     *Document
}

// Choices a clerk makes about an offer.
const (
	choiceAccepted = "accepted"
	choiceDeclined = "declined"
)

// TemplateUpdates lists, in reading order, what the current version of a
// plan's template and pack adds or changes compared with the text the plan
// was made from, leaving out what the clerk already accepted or declined
// and what the plan already says.
func (s *Store) TemplateUpdates(planID int64) ([]Offer, error) {
	p, err := s.Load(planID)
	if err != nil {
		return nil, err
	}
	base, pack, err := s.planBase(planID, p)
	if err != nil || base == nil {
		return nil, err
	}
	latest, err := s.composed(p.TemplateName, pack)
	if errors.Is(err, ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	decided, err := s.decidedOffers(planID)
	if err != nil {
		return nil, err
	}
	mine := DocumentOf(p)
	offers := sectionOffers(base, &latest, &mine)
	offers = append(offers, scenarioOffers(base, &latest, &mine)...)
	var out []Offer
	for _, o := range offers {
		if !decided[o.Key+"\x00"+o.hash] {
			out = append(out, o)
		}
	}
	return out, nil
}

// planBase is the template text a plan was made from, and the pack to
// compare it with: the text kept with the plan, or for a plan made before
// it was kept, the built-in template's release of that version.
func (s *Store) planBase(planID int64, p *Plan) (*Document, string, error) {
	var text string
	if err := s.db.QueryRow(`SELECT template_base FROM plans WHERE id = ?`, planID).Scan(&text); err != nil {
		return nil, "", err
	}
	pack := p.PackName
	if pack == "" {
		pack = NoPack
	}
	if text == "" && p.TemplateName == BuiltinTemplate {
		old, ok := builtinHistory[p.TemplateVersion]
		if !ok {
			return nil, "", nil
		}
		text, pack = string(old), DefaultPack
	}
	if text == "" || p.TemplateName == "" {
		return nil, "", nil
	}
	doc, err := ReadMarkdown([]byte(text))
	if err != nil {
		return nil, "", fmt.Errorf("reading the template text the plan was made from: %w", err)
	}
	return &doc, pack, nil
}

func (s *Store) decidedOffers(planID int64) (map[string]bool, error) {
	rows, err := s.db.Query(`SELECT item_key, item_hash FROM plan_update_choices WHERE plan_id = ?`, planID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var k, h string
		if err := rows.Scan(&k, &h); err != nil {
			return nil, err
		}
		out[k+"\x00"+h] = true
	}
	return out, rows.Err()
}

// sectionOffers compares the sections of base, latest and the plan (mine)
// by title path.
func sectionOffers(base, latest, mine *Document) []Offer {
	basePaths, latestPaths, minePaths := sectionPaths(base.Sections), sectionPaths(latest.Sections), sectionPaths(mine.Sections)
	var out []Offer
	for i, sec := range latest.Sections {
		path := latestPaths[i]
		b, m := indexOf(basePaths, path), indexOf(minePaths, path)
		if b >= 0 && sameText(base.Sections[b].Body, sec.Body) {
			continue // the template did not change it
		}
		if m >= 0 && sameText(mine.Sections[m].Body, sec.Body) {
			continue // the plan already says it
		}
		o := Offer{Key: "section:" + path, Kind: ChangedSection, Title: sec.Title, Place: placeOfPath(latest, latestPaths, path),
			Offered: sec.Body, hash: SectionHash(sec.Title, normalizeBody(sec.Body)), section: i, doc: latest}
		if b < 0 {
			o.Kind = NewSection
		}
		if m >= 0 {
			o.Current = mine.Sections[m].Body
		}
		o.Edited = (m >= 0 && (b < 0 || !sameText(mine.Sections[m].Body, base.Sections[b].Body))) || (m < 0 && b >= 0)
		out = append(out, o)
	}
	return out
}

// scenarioOffers compares the scenarios of base, latest and the plan by title.
func scenarioOffers(base, latest, mine *Document) []Offer {
	var out []Offer
	for _, sc := range latest.Scenarios {
		hash := ScenarioHash(portableScenario(sc))
		b, m := scenarioIndex(base.Scenarios, sc.Title), scenarioIndex(mine.Scenarios, sc.Title)
		if b >= 0 && ScenarioHash(portableScenario(base.Scenarios[b])) == hash {
			continue
		}
		if m >= 0 && ScenarioHash(portableScenario(mine.Scenarios[m])) == hash {
			continue
		}
		o := Offer{Key: "scenario:" + strings.ToLower(oneLine(sc.Title)), Kind: ChangedScenario, Title: sc.Title,
			Place: "Scenarios", Offered: scenarioText(sc), hash: hash, section: -1, doc: latest}
		if b < 0 {
			o.Kind = NewScenario
		}
		if m >= 0 {
			o.Current = scenarioText(mine.Scenarios[m])
			o.Edited = b < 0 || ScenarioHash(portableScenario(mine.Scenarios[m])) != ScenarioHash(portableScenario(base.Scenarios[b]))
		} else {
			o.Edited = b >= 0
		}
		out = append(out, o)
	}
	return out
}

// scenarioText is a scenario as Markdown, without its heading line.
func scenarioText(sc Scenario) string {
	var b strings.Builder
	buf := WriteMarkdown(Document{Scenarios: []Scenario{sc}})
	_, rest, _ := strings.Cut(string(buf), "\n# ")
	_, rest, _ = strings.Cut(rest, "\n")
	b.WriteString(strings.TrimSpace(rest))
	return b.String()
}

func sameText(a, b string) bool {
	return normalizeBody(a) == normalizeBody(b)
}

// placeOfPath names where a section sits: its ancestors' titles joined by "›".
func placeOfPath(d *Document, paths []string, path string) string {
	var titles []string
	for p := parentPath(path); p != ""; p = parentPath(p) {
		if i := indexOf(paths, p); i >= 0 {
			titles = append([]string{d.Sections[i].Title}, titles...)
		}
	}
	if len(titles) == 0 {
		return "Top level"
	}
	return strings.Join(titles, " › ")
}

// AcceptUpdate puts one offered section or scenario into the plan: a
// changed one replaces the plan's text of it, a new one is added where the
// newer template has it (with any new parent sections it needs). It is
// recorded, so it is not offered again.
func (s *Store) AcceptUpdate(planID int64, key string) error {
	o, err := s.offer(planID, key)
	if err != nil {
		return err
	}
	err = db.InTx(s.db, func(tx *sql.Tx) error { return applyOffer(tx, planID, o) })
	if err != nil {
		return fmt.Errorf("taking in %q: %w", o.Title, err)
	}
	return nil
}

// applyOffer puts an offered section or scenario into the plan and records it.
func applyOffer(tx *sql.Tx, planID int64, o Offer) error {
	if o.section >= 0 {
		if _, err := putSection(tx, planID, o.doc, o.section); err != nil {
			return err
		}
	} else if err := putScenario(tx, planID, o.doc.Scenarios[scenarioIndex(o.doc.Scenarios, o.Title)]); err != nil {
		return err
	}
	return recordChoice(tx, planID, o, choiceAccepted)
}

// AcceptNewUpdates takes in every offered section and scenario that the
// plan does not have and the clerk did not remove, and returns how many;
// nothing the clerk wrote is replaced.
func (s *Store) AcceptNewUpdates(planID int64) (int, error) {
	offers, err := s.TemplateUpdates(planID)
	if err != nil {
		return 0, err
	}
	n := 0
	err = db.InTx(s.db, func(tx *sql.Tx) error {
		for _, o := range offers {
			if o.Edited || (o.Kind != NewSection && o.Kind != NewScenario) {
				continue
			}
			if err := applyOffer(tx, planID, o); err != nil {
				return fmt.Errorf("taking in %q: %w", o.Title, err)
			}
			n++
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}

// DeclineUpdate keeps the plan as it is and stops offering this version
// of the section or scenario.
func (s *Store) DeclineUpdate(planID int64, key string) error {
	o, err := s.offer(planID, key)
	if err != nil {
		return err
	}
	return db.InTx(s.db, func(tx *sql.Tx) error { return recordChoice(tx, planID, o, choiceDeclined) })
}

func (s *Store) offer(planID int64, key string) (Offer, error) {
	offers, err := s.TemplateUpdates(planID)
	if err != nil {
		return Offer{}, err
	}
	for _, o := range offers {
		if o.Key == key {
			return o, nil
		}
	}
	return Offer{}, missing("offered template change %q for plan %d", key, planID)
}

func recordChoice(tx *sql.Tx, planID int64, o Offer, choice string) error {
	_, err := tx.Exec(`INSERT INTO plan_update_choices(uuid, plan_id, item_key, item_hash, choice) VALUES(?, ?, ?, ?, ?)
		ON CONFLICT(plan_id, item_key, item_hash) DO UPDATE SET choice = excluded.choice`,
		uuid.NewString(), planID, o.Key, o.hash, choice)
	return err
}

// putSection makes the plan's section at the path of doc.Sections[i] say
// what doc says, adding it (and missing parents) after its nearest earlier
// sibling when the plan lacks it; it returns the section's id.
func putSection(tx *sql.Tx, planID int64, doc *Document, i int) (int64, error) {
	sec := doc.Sections[i]
	paths := sectionPaths(doc.Sections)
	mine, err := loadSections(tx, planID)
	if err != nil {
		return 0, err
	}
	id, found := sectionAt(mine, paths[i])
	if !found {
		var parentID int64
		if parent := parentPath(paths[i]); parent != "" {
			if parentID, err = putParent(tx, planID, doc, paths, parent, mine); err != nil {
				return 0, err
			}
		}
		after := earlierSibling(doc, paths, i, mine)
		if id, err = addSection(tx, planID, parentID, after, oneLine(sec.Title)); err != nil {
			return 0, err
		}
	}
	_, err = tx.Exec(`UPDATE plan_sections SET body = ?, guidance = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
		WHERE id = ?`, sec.Body, sec.Guidance, id)
	if err != nil {
		return 0, err
	}
	return id, touch(tx, planID)
}

// putParent returns the id of the plan's section at path, adding it from
// doc when the plan lacks it.
func putParent(tx *sql.Tx, planID int64, doc *Document, paths []string, path string, mine []Section) (int64, error) {
	if id, ok := sectionAt(mine, path); ok {
		return id, nil
	}
	return putSection(tx, planID, doc, indexOf(paths, path))
}

// sectionAt finds a plan section by title path.
func sectionAt(sections []Section, path string) (int64, bool) {
	docs := make([]DocSection, len(sections))
	for i, s := range sections {
		docs[i] = DocSection{Depth: s.Depth, Title: s.Title}
	}
	if j := indexOf(sectionPaths(docs), path); j >= 0 {
		return sections[j].ID, true
	}
	return 0, false
}

// earlierSibling is the id of the plan section matching the nearest earlier
// sibling of doc.Sections[i] that the plan has, or 0 (at the end).
func earlierSibling(doc *Document, paths []string, i int, mine []Section) int64 {
	parent := parentPath(paths[i])
	for j := i - 1; j >= 0; j-- {
		if parentPath(paths[j]) != parent || doc.Sections[j].Depth != doc.Sections[i].Depth {
			continue
		}
		if id, ok := sectionAt(mine, paths[j]); ok {
			return id
		}
	}
	return 0
}

// putScenario replaces the plan's scenario of the same title, or adds it.
func putScenario(tx *sql.Tx, planID int64, sc Scenario) error {
	list, err := loadScenarios(tx, planID)
	if err != nil {
		return err
	}
	sc = normalizeScenario(portableScenario(sc))
	if j := scenarioIndex(list, sc.Title); j >= 0 {
		sc.ID = list[j].ID
		sc.Response, sc.Communications = withUUIDs(sc.Response), withUUIDs(sc.Communications)
		return updateScenario(tx, sc)
	}
	if _, err := insertScenario(tx, planID, len(list), sc); err != nil {
		return err
	}
	return touch(tx, planID)
}
