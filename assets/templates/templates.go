// Package templates carries the built-in contingency-plan content inside
// the binary: the core template, written for any US county or municipal
// election office, and the state packs that add what one state's law and
// partners require. Both are Markdown in the plan export format (see
// plan.WriteMarkdown): sections as headings with guidance quotes, and
// structured mock incident scenarios under "# Scenario: …" headings.
package templates

import _ "embed"

// ContingencyPlan is the current core template.
//
//go:embed contingency-plan.md
var ContingencyPlan []byte

// Wisconsin is the Wisconsin state pack, the default pack.
//
//go:embed wisconsin.md
var Wisconsin []byte

// ContingencyPlanV1 is the first release of the built-in template, kept so
// that plans made from it can be offered what changed since, section by
// section.
//
//go:embed contingency-plan-v1.md
var ContingencyPlanV1 []byte
