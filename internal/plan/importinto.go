package plan

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"electionbinder/internal/db"
)

// Reimport is what bringing an edited Markdown file back into a plan will
// do: the plan as it will read, with each section and scenario matched to
// the one it was (by its place and title), and the changes that makes.
type Reimport struct {
	PlanID  int64
	Changes []Change // every section and scenario, as Compare lists them
	doc     Document
	next    *Plan // the plan as it will read, with the matched UUIDs
}

// Counts returns how many sections and scenarios change, are added and are removed.
func (r *Reimport) Counts() (changed, added, removed int) {
	for _, c := range r.Changes {
		switch c.Kind {
		case Changed:
			changed++
		case Added:
			added++
		case Removed:
			removed++
		}
	}
	return
}

// PrepareReimport reads a plan's Markdown, exported from here or edited in
// Word and converted with pandoc, and matches it with plan planID: a
// section is the same section when it has the same title under the same
// headings, else when it stands at the same place (a renamed section); a
// scenario when it has the same title, else the same place. Nothing is
// written.
func (s *Store) PrepareReimport(planID int64, src []byte) (*Reimport, error) {
	doc, err := ReadMarkdown(src)
	if err != nil {
		return nil, err
	}
	if len(doc.Sections) == 0 && len(doc.Scenarios) == 0 {
		return nil, errors.New("the file has no text to bring into the plan")
	}
	old, err := s.Load(planID)
	if err != nil {
		return nil, err
	}
	next := &Plan{ID: planID, Title: old.Title}
	sectionUUIDs := matchSections(old.Sections, doc.Sections)
	for i, ds := range doc.Sections {
		next.Sections = append(next.Sections, Section{UUID: sectionUUIDs[i], Depth: ds.Depth, Title: ds.Title, Body: ds.Body, Guidance: ds.Guidance})
	}
	scenarioUUIDs := matchScenarios(old.Scenarios, doc.Scenarios)
	for i, sc := range doc.Scenarios {
		sc.UUID = scenarioUUIDs[i]
		next.Scenarios = append(next.Scenarios, sc)
	}
	return &Reimport{PlanID: planID, Changes: Compare(old, next), doc: doc, next: next}, nil
}

// matchSections returns, for each imported section, the UUID of the
// section it is, or "" for a new one.
func matchSections(old []Section, imported []DocSection) []string {
	out := make([]string, len(imported))
	used := map[int]bool{}
	oldPaths, newPaths := titlePaths(len(old), func(i int) (int, string) { return old[i].Depth, old[i].Title }),
		titlePaths(len(imported), func(i int) (int, string) { return imported[i].Depth, imported[i].Title })
	byPath := map[string][]int{}
	for i, p := range oldPaths {
		byPath[p] = append(byPath[p], i)
	}
	for i, p := range newPaths {
		if cands := byPath[p]; len(cands) > 0 {
			out[i], used[cands[0]] = old[cands[0]].UUID, true
			byPath[p] = cands[1:]
		}
	}
	for i := range imported {
		if out[i] == "" && i < len(old) && !used[i] && old[i].Depth == imported[i].Depth {
			out[i], used[i] = old[i].UUID, true
		}
	}
	return out
}

// titlePaths names each section of a reading-order list by the titles of
// its headings from the top, so that two sections of one title under
// different headings stay apart.
func titlePaths(n int, at func(i int) (depth int, title string)) []string {
	var stack []string
	paths := make([]string, n)
	for i := 0; i < n; i++ {
		depth, title := at(i)
		depth = min(max(depth, 0), len(stack))
		stack = append(stack[:depth], strings.ToLower(strings.Join(strings.Fields(title), " ")))
		paths[i] = strings.Join(stack, "\x00")
	}
	return paths
}

// matchScenarios returns, for each imported scenario, the UUID of the
// scenario it is, or "" for a new one.
func matchScenarios(old, imported []Scenario) []string {
	out := make([]string, len(imported))
	used := map[int]bool{}
	for i, sc := range imported {
		for j, o := range old {
			if !used[j] && strings.EqualFold(strings.TrimSpace(o.Title), strings.TrimSpace(sc.Title)) {
				out[i], used[j] = o.UUID, true
				break
			}
		}
	}
	for i := range imported {
		if out[i] == "" && i < len(old) && !used[i] {
			out[i], used[i] = old[i].UUID, true
		}
	}
	return out
}

// ApplyReimport writes the prepared plan as a new draft in one
// transaction: sections and scenarios keep their identity where they were
// matched, so the next revision lists what really changed. When the file
// carries no guidance at all, as when it went through a word processor
// that dropped it, the sections keep the guidance they had.
func (s *Store) ApplyReimport(r *Reimport) error {
	guidance := map[string]string{}
	old, err := s.Load(r.PlanID)
	if err != nil {
		return err
	}
	for _, sec := range old.Sections {
		guidance[sec.UUID] = sec.Guidance
	}
	sections := make([]DocSection, len(r.doc.Sections))
	uuids := make([]string, len(r.next.Sections))
	keepGuidance := true
	for _, sec := range r.doc.Sections {
		keepGuidance = keepGuidance && sec.Guidance == ""
	}
	for i, sec := range r.next.Sections {
		sections[i] = r.doc.Sections[i]
		if keepGuidance {
			sections[i].Guidance = guidance[sec.UUID]
		}
		uuids[i] = sec.UUID
	}
	err = db.InTx(s.db, func(tx *sql.Tx) error {
		for _, q := range []string{`DELETE FROM plan_sections WHERE plan_id = ?`, `DELETE FROM plan_scenarios WHERE plan_id = ?`} {
			if _, err := tx.Exec(q, r.PlanID); err != nil {
				return err
			}
		}
		if err := insertSections(tx, r.PlanID, sections, uuids); err != nil {
			return err
		}
		for i, sc := range r.next.Scenarios {
			if _, err := insertScenario(tx, r.PlanID, i, sc); err != nil {
				return err
			}
		}
		return touch(tx, r.PlanID)
	})
	if err != nil {
		return fmt.Errorf("bringing the file into the plan: %w", err)
	}
	return nil
}
