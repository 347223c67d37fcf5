package plan

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// GapKind says what is missing from a plan.
type GapKind string

// The kinds of gap the check finds.
const (
	GapEmptySection   GapKind = "empty-section"
	GapPlaceholder    GapKind = "unresolved-placeholder"
	GapNoPrimary      GapKind = "role-without-primary"
	GapNoBackup       GapKind = "role-without-backup"
	GapUnknownRole    GapKind = "unknown-role"
	GapReviewOverdue  GapKind = "review-overdue"
	GapNoReviewDate   GapKind = "no-review-date"
	GapScenarioNoStep GapKind = "scenario-without-steps"
	GapNoTimeBox      GapKind = "step-without-time-box"
	GapNoDecision     GapKind = "scenario-without-decision-point"
	GapNoDoNotSay     GapKind = "scenario-without-what-not-to-say"
	GapNoStandDown    GapKind = "scenario-without-stand-down"
)

// Gap is one thing to finish in a plan, with where to go to fix it: a
// section, a scenario, or neither (the plan's own details).
type Gap struct {
	Kind       GapKind
	Message    string
	SectionID  int64 // 0 when the gap is not in a section
	ScenarioID int64 // 0 when the gap is not in a scenario
	Role       string
	Field      string // of an unfilled placeholder: its name ("county", "clerk", "role"…)
}

// GapSource lists gaps of a plan that another package keeps, such as the
// open improvement items of its exercises. Packages that build on plans
// provide one; the plan package knows none of them, so it imports none.
type GapSource func(planID int64) ([]Gap, error)

// Check loads a plan with the profile and the call tree and lists its gaps,
// then the gaps each of the extra sources reports for it.
func (s *Store) Check(planID int64, today time.Time, extra ...GapSource) ([]Gap, error) {
	p, err := s.Load(planID)
	if err != nil {
		return nil, err
	}
	r, err := s.Resolver()
	if err != nil {
		return nil, err
	}
	missing, err := s.missingImages(p)
	if err != nil {
		return nil, err
	}
	gaps := append(CheckPlan(p, r, today), missing...)
	for _, source := range extra {
		more, err := source(planID)
		if err != nil {
			return nil, err
		}
		gaps = append(gaps, more...)
	}
	return gaps, nil
}

// CheckPlan lists the gaps of a loaded plan, in reading order: the review
// date, then sections, then scenarios, then the roles the plan names.
func CheckPlan(p *Plan, r *Resolver, today time.Time) []Gap {
	var gaps []Gap
	switch {
	case p.NextReview.IsZero():
		gaps = append(gaps, Gap{Kind: GapNoReviewDate, Message: "The plan has no next review date."})
	case p.NextReview.Before(dateOnly(today)):
		gaps = append(gaps, Gap{Kind: GapReviewOverdue,
			Message: fmt.Sprintf("The review due on %s has passed.", formatDate(p.NextReview))})
	}
	if g, ok := unprintableGap("The plan's title", p.Title); ok {
		gaps = append(gaps, g)
	}
	roles := roleUses{}
	for _, s := range p.Sections {
		gaps = append(gaps, sectionGaps(p, s, r, roles)...)
	}
	for _, sc := range p.Scenarios {
		gaps = append(gaps, scenarioGaps(sc, r, roles)...)
	}
	return append(gaps, roles.gaps(r)...)
}

func dateOnly(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func sectionGaps(p *Plan, s Section, r *Resolver, roles roleUses) []Gap {
	var gaps []Gap
	if strings.TrimSpace(s.Body) == "" && !p.HasChildren(s.ID) {
		gaps = append(gaps, Gap{Kind: GapEmptySection, SectionID: s.ID,
			Message: fmt.Sprintf("Section %q is empty.", s.Title)})
	}
	for _, ph := range distinct(FindPlaceholders(s.Body)) {
		if ph.Name == "role" {
			roles.note(ph.Role, s.ID, 0)
		}
		if _, ok := r.Value(ph); !ok {
			gaps = append(gaps, Gap{Kind: GapPlaceholder, SectionID: s.ID, Role: ph.Role, Field: ph.Name,
				Message: fmt.Sprintf("Section %q: %s %s.", s.Title, ph.Text, whyUnresolved(ph, r))})
		}
	}
	if g, ok := unprintableGap(fmt.Sprintf("Section %q", s.Title), s.Title+"\n"+s.Body); ok {
		g.SectionID = s.ID
		gaps = append(gaps, g)
	}
	return gaps
}

func scenarioGaps(sc Scenario, r *Resolver, roles roleUses) []Gap {
	var gaps []Gap
	if len(sc.Response) == 0 {
		gaps = append(gaps, Gap{Kind: GapScenarioNoStep, ScenarioID: sc.ID,
			Message: fmt.Sprintf("Scenario %q has no response steps.", sc.Title)})
	}
	gaps = append(gaps, stressGaps(sc)...)
	for _, st := range append(append([]Step(nil), sc.Response...), sc.Communications...) {
		if st.Role != "" {
			roles.note(st.Role, 0, sc.ID)
		}
	}
	texts := []string{sc.Description}
	for _, st := range append(append([]Step(nil), sc.Response...), sc.Communications...) {
		texts = append(texts, st.Action, st.Audience, st.Statement)
	}
	for _, ph := range distinct(FindPlaceholders(strings.Join(texts, "\n"))) {
		if ph.Name == "role" {
			roles.note(ph.Role, 0, sc.ID)
		}
		if _, ok := r.Value(ph); !ok {
			gaps = append(gaps, Gap{Kind: GapPlaceholder, ScenarioID: sc.ID, Role: ph.Role, Field: ph.Name,
				Message: fmt.Sprintf("Scenario %q: %s %s.", sc.Title, ph.Text, whyUnresolved(ph, r))})
		}
	}
	if g, ok := unprintableGap(fmt.Sprintf("Scenario %q", sc.Title), sc.Title+"\n"+strings.Join(texts, "\n")); ok {
		g.ScenarioID = sc.ID
		gaps = append(gaps, g)
	}
	return gaps
}

// stressGaps lists what a scenario needs to be followed under stress: a
// time box on every response step, an "if … then …" decision point, what
// not to say, and when to stand down.
func stressGaps(sc Scenario) []Gap {
	if len(sc.Response) == 0 {
		return nil
	}
	var gaps []Gap
	add := func(kind GapKind, format string, args ...any) {
		gaps = append(gaps, Gap{Kind: kind, ScenarioID: sc.ID, Message: fmt.Sprintf(format, args...)})
	}
	untimed, decisions := 0, 0
	for _, st := range sc.Response {
		if st.TimeBox == NoTimeBox {
			untimed++
		}
		if strings.TrimSpace(st.Condition) != "" {
			decisions++
		}
	}
	if untimed > 0 {
		add(GapNoTimeBox, "Scenario %q: %d of %d response steps have no time box (first 15 minutes, first hour, first day).",
			sc.Title, untimed, len(sc.Response))
	}
	if decisions == 0 {
		add(GapNoDecision, "Scenario %q has no decision point (a step that starts “If …”).", sc.Title)
	}
	if strings.TrimSpace(sc.DoNotSay) == "" {
		add(GapNoDoNotSay, "Scenario %q does not say what not to say until facts are confirmed.", sc.Title)
	}
	if strings.TrimSpace(sc.StandDown) == "" {
		add(GapNoStandDown, "Scenario %q does not say when to stand down.", sc.Title)
	}
	return gaps
}

// distinct keeps the first of placeholders written the same way, so that a
// section naming {{county}} twenty times has one gap, not twenty.
func distinct(list []Placeholder) []Placeholder {
	seen := map[string]bool{}
	var out []Placeholder
	for _, ph := range list {
		if !seen[ph.Text] {
			seen[ph.Text] = true
			out = append(out, ph)
		}
	}
	return out
}

// whyUnresolved explains in plain words why a placeholder has no value.
func whyUnresolved(ph Placeholder, r *Resolver) string {
	switch ph.Name {
	case "jurisdiction", "county", "state", "clerk":
		return "is blank in Settings"
	case "role":
		if e, ok := r.Role(ph.Role); ok && len(e.Holders) == 0 {
			return "names a role nobody holds yet"
		} else if ok {
			return "cannot be filled"
		}
		return "names a role that is not in the directory"
	}
	return "is not a placeholder the binder knows (use jurisdiction, county, state, clerk or role:…)"
}

// roleUses remembers where the plan first names each role.
type roleUses map[string]Gap

func (u roleUses) note(slug string, sectionID, scenarioID int64) {
	if _, seen := u[slug]; !seen && slug != "" {
		u[slug] = Gap{SectionID: sectionID, ScenarioID: scenarioID, Role: slug}
	}
}

// gaps lists, for each role the plan names, a missing primary or backup,
// or a role the directory does not have.
func (u roleUses) gaps(r *Resolver) []Gap {
	slugs := make([]string, 0, len(u))
	for slug := range u {
		slugs = append(slugs, slug)
	}
	sort.Strings(slugs)
	var gaps []Gap
	for _, slug := range slugs {
		g := u[slug]
		e, ok := r.Role(slug)
		switch {
		case !ok:
			g.Kind, g.Message = GapUnknownRole, fmt.Sprintf("Role %q is not in the directory.", slug)
		case len(e.Holders) == 0:
			g.Kind, g.Message = GapNoPrimary, fmt.Sprintf("Role %q (%s) has no primary contact.", slug, e.Role.Name)
		case len(e.Holders) == 1:
			g.Kind, g.Message = GapNoBackup, fmt.Sprintf("Role %q (%s) has no backup contact.", slug, e.Role.Name)
		default:
			continue
		}
		gaps = append(gaps, g)
	}
	return gaps
}
