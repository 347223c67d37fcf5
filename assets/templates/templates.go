// Package templates carries the built-in contingency-plan template inside
// the binary. The template is Markdown in the plan export format (see
// plan.WriteMarkdown): sections as headings with guidance quotes, and
// structured mock incident scenarios under "# Scenario: …" headings.
package templates

import _ "embed"

// ContingencyPlan is the built-in election-security contingency plan template.
//
//go:embed contingency-plan.md
var ContingencyPlan []byte
