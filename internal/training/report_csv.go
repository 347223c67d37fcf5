package training

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// ComplianceColumns are the columns of the compliance CSV.
var ComplianceColumns = []string{"name", "office", "level", "email", "requirement", "standing", "sessions", "hours",
	"due", "missing", "counted_sessions"}

// Standing names a result as the report prints it: met, due or overdue.
func (r Result) Standing() string {
	switch {
	case r.Met:
		return "met"
	case r.Overdue:
		return "overdue"
	}
	return "not met"
}

// CountedText lists the sessions that counted, such as
// "2019-11-11 Milwaukee session (in person, 2 h)".
func (r Result) CountedText() string {
	parts := make([]string, len(r.Counted))
	for i, a := range r.Counted {
		parts[i] = fmt.Sprintf("%s %s (%s, %s h)", formatDate(a.Day), a.Title, strings.ToLower(a.Kind.Label()), FormatHours(a.Hours))
	}
	return strings.Join(parts, "; ")
}

// WriteComplianceCSV writes one row per person and requirement that applies
// to them. With only > 0, just that requirement is written (for a grant file).
func WriteComplianceCSV(w io.Writer, rep Report, only int64) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(ComplianceColumns); err != nil {
		return err
	}
	for _, st := range rep.People {
		for i, res := range st.Results {
			req := rep.Requirements[i]
			if !res.Applies || (only > 0 && req.ID != only) {
				continue
			}
			p := st.Person
			if err := cw.Write(safeCells(p.Name, p.Office, p.Level, p.Email, req.Name, res.Standing(),
				strconv.Itoa(res.Sessions), FormatHours(res.Hours), formatDate(res.Due), res.Missing,
				res.CountedText())); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// formulaStarts are the characters with which a spreadsheet cell becomes a
// formula.
const formulaStarts = "=+-@\t\r"

// safeCells puts an apostrophe before every cell that starts like a
// formula, so that a title or name from an imported calendar or directory
// (=HYPERLINK(…)) is shown by Excel, not run.
func safeCells(cells ...string) []string {
	for i, v := range cells {
		if v != "" && strings.ContainsRune(formulaStarts, rune(v[0])) {
			cells[i] = "'" + v
		}
	}
	return cells
}

// unsafeCell undoes safeCells, so that importing our own export changes nothing.
func unsafeCell(v string) string {
	if len(v) > 1 && v[0] == '\'' && strings.ContainsRune(formulaStarts, rune(v[1])) {
		return v[1:]
	}
	return v
}
