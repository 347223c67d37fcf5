package binder

import (
	"fmt"

	"electionbinder/internal/fonts"
	"electionbinder/internal/plan"
)

// printWarnings names, part by part, the characters of doc that no
// embedded font prints; they print as U+FFFD, so a clerk is told where.
func printWarnings(doc *Document) []string {
	var out []string
	note := func(where string, texts ...string) {
		var all []rune
		seen := map[rune]bool{}
		for _, t := range texts {
			for _, r := range fonts.Unprintable(t) {
				if !seen[r] {
					seen[r] = true
					all = append(all, r)
				}
			}
		}
		if len(all) > 0 {
			out = append(out, fmt.Sprintf("%s: %s cannot print and shows as �.", where, fonts.Describe(all)))
		}
	}
	note("The cover", doc.Title, doc.Jurisdiction, doc.County, doc.State, doc.Marking, doc.CopyNumber)
	var walk func([]Section)
	walk = func(ss []Section) {
		for _, s := range ss {
			note(fmt.Sprintf("Section %q", s.Title), s.Title, s.Body)
			for _, ref := range plan.ImageRefs(s.Body) {
				if _, ok := doc.Pictures[plan.ImageName(ref)]; !ok {
					out = append(out, fmt.Sprintf("Section %q: the picture %s is not stored with the plan and does not print.", s.Title, ref))
				}
			}
			walk(s.Children)
		}
	}
	walk(doc.Sections)
	var tree []string
	for _, g := range doc.CallTree.Groups {
		for _, r := range g.Roles {
			tree = append(tree, r.Role)
			for _, h := range r.Holders {
				tree = append(tree, h.Name, h.Organization, h.Email, h.Office, h.Mobile, h.AfterHours)
			}
		}
	}
	note("The call tree", tree...)
	for _, s := range doc.Scenarios {
		texts := []string{s.Title, s.Description}
		for _, st := range append(append([]Step(nil), s.Steps...), s.Communications...) {
			texts = append(texts, st.Text, st.Detail, st.Role, st.Who)
		}
		note(fmt.Sprintf("Scenario %q", s.Title), texts...)
	}
	return out
}
