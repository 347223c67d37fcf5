package binder

import (
	"database/sql"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"

	"electionbinder/internal/atomicfile"
	"electionbinder/internal/exercise"
	"electionbinder/internal/plan"
	"electionbinder/internal/settings"
)

// ExerciseReport is what the after-action report of an exercise prints.
type ExerciseReport struct {
	Exercise     *exercise.Exercise
	Jurisdiction string
	Marking      string           // handling marking at the top of every page
	Sections     map[int64]string // plan section titles by id, for what findings and items concern
}

// PrintExerciseReport writes the after-action report and improvement plan
// of an exercise to path, on the paper chosen in Settings. The command line
// and the window both call it.
func PrintExerciseReport(conn *sql.DB, exerciseID int64, path string) error {
	rep, setup, err := LoadExerciseReport(conn, exerciseID)
	if err != nil {
		return err
	}
	return atomicfile.Write(path, func(w io.Writer) error { return WriteExerciseReport(w, rep, setup) })
}

// LoadExerciseReport gathers an exercise's report from the database with
// the page setup chosen in Settings.
func LoadExerciseReport(conn *sql.DB, exerciseID int64) (ExerciseReport, PageSetup, error) {
	e, err := exercise.NewStore(conn).Load(exerciseID)
	if err != nil {
		return ExerciseReport{}, PageSetup{}, err
	}
	setup, jurisdiction, err := trainingSetup(conn)
	if err != nil {
		return ExerciseReport{}, setup, err
	}
	marking, err := settings.New(conn).Get(settings.MarkingKey, settings.DefaultMarking)
	if err != nil {
		return ExerciseReport{}, setup, err
	}
	rep := ExerciseReport{Exercise: e, Jurisdiction: jurisdiction, Marking: marking, Sections: map[int64]string{}}
	if e.PlanID != 0 {
		p, err := plan.NewStore(conn).Load(e.PlanID)
		if err != nil {
			return rep, setup, err
		}
		for _, s := range p.Sections {
			rep.Sections[s.ID] = s.Title
		}
	}
	return rep, setup, nil
}

// WriteExerciseReport prints the after-action report and improvement plan
// in the order HSEEP sets out: overview, objectives, participants, the
// timeline of injects and decisions, the analysis of each objective, and
// the improvement plan.
func WriteExerciseReport(w io.Writer, rep ExerciseReport, setup PageSetup) error {
	e := rep.Exercise
	pdf, err := newPDF(setup)
	if err != nil {
		return err
	}
	title := "After-action report and improvement plan"
	pdf.SetTitle(cleanText(title+": "+e.Name), true)
	pdf.SetSubject(cleanText(rep.Jurisdiction), true)
	pdf.AliasNbPages("{nb}")
	pdf.SetHeaderFunc(func() { aarMarking(pdf, rep.Marking, 10) })
	pdf.SetFooterFunc(func() {
		trainingFooter(pdf, rep.Jurisdiction, "After-action report · "+e.Name)
		aarMarking(pdf, rep.Marking, -8)
	})
	pdf.AddPage()
	aarTitle(pdf, title, rep)
	aarOverview(pdf, rep)
	aarObjectives(pdf, e)
	aarParticipants(pdf, e)
	aarTimeline(pdf, e)
	aarAnalysis(pdf, rep)
	aarImprovementPlan(pdf, rep)
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("printing the after-action report: %w", err)
	}
	return pdf.Output(w)
}

// aarMarking prints the handling marking centered at y (negative: from the bottom).
func aarMarking(pdf *gofpdf.Fpdf, marking string, y float64) {
	if marking == "" {
		return
	}
	pdf.SetY(y)
	pdf.SetTextColor(colorMarking.r, colorMarking.g, colorMarking.b)
	writeCell(pdf, 0, 4, marking, "B", 8.5, 1, "C")
	pdf.SetTextColor(0, 0, 0)
	if y > 0 {
		pdf.SetY(18)
	}
}

func aarTitle(pdf *gofpdf.Fpdf, title string, rep ExerciseReport) {
	e := rep.Exercise
	writeLines(pdf, 0, 8, title, "B", 18)
	writeLines(pdf, 0, 7, e.Name, "B", 13)
	line := e.HeldOn.Format("Monday, January 2, 2006")
	if rep.Jurisdiction != "" {
		line = rep.Jurisdiction + " · " + line
	}
	writeLines(pdf, 0, 6, line, "", 10)
	pdf.Ln(4)
}

// aarOverview is the exercise overview: a two-column table of facts.
func aarOverview(pdf *gofpdf.Fpdf, rep ExerciseReport) {
	e := rep.Exercise
	trSection(pdf, "Exercise overview")
	var scenarios []string
	for _, sc := range e.Scenarios {
		scenarios = append(scenarios, sc.Title)
	}
	end := e.StartsAt + hoursDuration(e.Hours)
	rows := [][]string{
		{"Exercise name", e.Name},
		{"Date and time", fmt.Sprintf("%s, %s to %s", e.HeldOn.Format("January 2, 2006"), exercise.ClockText(e.StartsAt), exercise.ClockText(end))},
		{"Type", "Discussion-based tabletop exercise"},
		{"Location", orNone(e.Location)},
		{"Scenarios", orNone(strings.Join(scenarios, "; "))},
		{"Capabilities", orNone(strings.Join(aarCapabilities(e), "; "))},
		{"Sponsor", orNone(rep.Jurisdiction)},
		{"Facilitator", orNone(e.Facilitator)},
		{"Participating offices", orNone(strings.Join(aarOffices(e), "; "))},
	}
	trTable(pdf, trSpread(pdf, []float64{1, 3}, 0, 0), nil, rows, aarFirstColumnBold(len(rows), 2))
	pdf.Ln(5)
}

func hoursDuration(h float64) time.Duration { return time.Duration(h * float64(time.Hour)) }

// aarDay writes a day as the report prints it, or a dash when there is none.
func aarDay(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return formatDate(t)
}

func orNone(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

// aarFirstColumnBold marks the first cell of each of n rows of width cols.
func aarFirstColumnBold(n, cols int) [][]bool {
	marks := make([][]bool, n)
	for i := range marks {
		marks[i] = make([]bool, cols)
		marks[i][0] = true
	}
	return marks
}

// aarCapabilities lists the capabilities the objectives and findings name, once each.
func aarCapabilities(e *exercise.Exercise) []string {
	seen := map[string]bool{}
	var out []string
	add := func(c string) {
		if key := strings.ToLower(strings.TrimSpace(c)); key != "" && !seen[key] {
			seen[key] = true
			out = append(out, strings.TrimSpace(c))
		}
	}
	for _, o := range e.Objectives {
		add(o.Capability)
	}
	for _, f := range e.Findings {
		add(f.Capability)
	}
	return out
}

// aarOffices lists the offices of the participants, once each, sorted.
func aarOffices(e *exercise.Exercise) []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range e.Participants {
		if p.Office != "" && !seen[p.Office] {
			seen[p.Office] = true
			out = append(out, p.Office)
		}
	}
	sort.Strings(out)
	return out
}

func aarObjectives(pdf *gofpdf.Fpdf, e *exercise.Exercise) {
	trSection(pdf, "Objectives")
	var rows [][]string
	for i, o := range e.Objectives {
		rows = append(rows, []string{fmt.Sprint(i + 1), o.Text, orNone(o.Capability), o.Rating.Label()})
	}
	if len(rows) == 0 {
		aarNone(pdf, "No objectives were set for this exercise.")
		return
	}
	trTable(pdf, trSpread(pdf, []float64{0.4, 5, 2, 2.2}, 0, 0), []string{"#", "Objective", "Capability", "Rating"}, rows, nil)
	pdf.Ln(5)
}

func aarNone(pdf *gofpdf.Fpdf, text string) {
	writeLines(pdf, 0, 5.5, text, "I", 9.5)
	pdf.Ln(4)
}

func aarParticipants(pdf *gofpdf.Fpdf, e *exercise.Exercise) {
	trSection(pdf, "Participants")
	var rows [][]string
	if e.Facilitator != "" {
		rows = append(rows, []string{e.Facilitator, "", "", "Facilitator", "Yes"})
	}
	for _, p := range e.Participants {
		attended := "Yes"
		if !p.Attended {
			attended = "No"
		}
		rows = append(rows, []string{p.Name, p.Title, p.Office, aarRoleLabel(p.Role), attended})
	}
	if len(rows) == 0 {
		aarNone(pdf, "No participants were recorded.")
		return
	}
	trTable(pdf, trSpread(pdf, []float64{2.2, 2.4, 3, 1.2, 1}, 0, 0), []string{"Name", "Title", "Office", "Role", "Attended"}, rows, nil)
	pdf.Ln(5)
}

func aarRoleLabel(r exercise.ParticipantRole) string {
	s := string(r)
	if s == "" {
		return ""
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// aarTimeline merges the injects and the notes in clock order.
func aarTimeline(pdf *gofpdf.Fpdf, e *exercise.Exercise) {
	trSection(pdf, "Timeline of injects and decisions")
	type event struct {
		at   int64
		rank int
		row  []string
		bold bool
	}
	var events []event
	for i, in := range e.Injects {
		events = append(events, event{int64(in.At), 0, []string{exercise.ClockText(in.At), fmt.Sprintf("Inject %d", i+1), in.Text}, false})
	}
	for _, n := range e.Notes {
		kind := "Observation"
		if n.Kind == exercise.Decision {
			kind = "Decision"
		}
		events = append(events, event{int64(n.At), 1, []string{exercise.ClockText(n.At), kind, n.Text}, n.Kind == exercise.Decision})
	}
	sort.SliceStable(events, func(i, j int) bool {
		if events[i].at != events[j].at {
			return events[i].at < events[j].at
		}
		return events[i].rank < events[j].rank
	})
	var rows [][]string
	var marks [][]bool
	for _, ev := range events {
		rows = append(rows, ev.row)
		marks = append(marks, []bool{false, ev.bold, false})
	}
	if len(rows) == 0 {
		aarNone(pdf, "No injects or notes were recorded.")
		return
	}
	trTable(pdf, trSpread(pdf, []float64{0.8, 1.3, 7}, 0, 0), []string{"Time", "What", "Details"}, rows, marks)
	pdf.Ln(5)
}

// aarAnalysis prints, for each objective, its rating, the analysis and the
// strengths and areas for improvement of the hot wash about it; then the
// findings about no objective.
func aarAnalysis(pdf *gofpdf.Fpdf, rep ExerciseReport) {
	e := rep.Exercise
	pdf.AddPage()
	trSection(pdf, "Analysis of objectives")
	for i, o := range e.Objectives {
		aarHeading(pdf, fmt.Sprintf("Objective %d: %s", i+1, o.Text))
		aarLine(pdf, "", "Capability: "+orNone(o.Capability)+" · Rating: "+o.Rating.Label())
		if o.Analysis != "" {
			aarLine(pdf, "", o.Analysis)
		}
		aarFindings(pdf, rep, func(f exercise.Finding) bool { return f.ObjectiveID == o.ID })
	}
	known := map[int64]bool{}
	for _, o := range e.Objectives {
		known[o.ID] = true
	}
	other := func(f exercise.Finding) bool { return !known[f.ObjectiveID] }
	if aarCount(e.Findings, other) > 0 {
		aarHeading(pdf, "Other findings of the hot wash")
		aarFindings(pdf, rep, other)
	}
	if len(e.Objectives) == 0 && len(e.Findings) == 0 {
		aarNone(pdf, "The hot wash has not been recorded yet.")
	}
}

func aarCount(list []exercise.Finding, keep func(exercise.Finding) bool) int {
	n := 0
	for _, f := range list {
		if keep(f) {
			n++
		}
	}
	return n
}

func aarHeading(pdf *gofpdf.Fpdf, text string) {
	_, pageHeight := pdf.GetPageSize()
	if pdf.GetY()+24 > pageHeight-20 {
		pdf.AddPage()
	}
	pdf.Ln(1)
	writeLines(pdf, 0, 5.5, text, "B", 10.5)
}

func aarLine(pdf *gofpdf.Fpdf, style, text string) {
	writeLines(pdf, 0, 5, text, style, 9.5)
}

// aarBullet prints one bulleted point with its later lines indented under the first.
func aarBullet(pdf *gofpdf.Fpdf, text string) {
	pdf.SetFont(Font, "", 9.5)
	left, _, _, _ := pdf.GetMargins()
	pdf.SetX(left + 1)
	pdf.CellFormat(4, 5, "•", "", 0, "L", false, 0, "")
	pdf.SetLeftMargin(left + 5)
	writeLines(pdf, 0, 5, text, "", 9.5)
	pdf.SetLeftMargin(left)
	pdf.SetX(left)
}

// aarFindings prints the strengths, then the areas for improvement, kept by keep.
func aarFindings(pdf *gofpdf.Fpdf, rep ExerciseReport, keep func(exercise.Finding) bool) {
	for _, kind := range []struct {
		k     exercise.FindingKind
		title string
	}{{exercise.Strength, "Strengths"}, {exercise.Improvement, "Areas for improvement"}} {
		first := true
		for _, f := range rep.Exercise.Findings {
			if f.Kind != kind.k || !keep(f) {
				continue
			}
			if first {
				aarLine(pdf, "B", kind.title)
				first = false
			}
			aarBullet(pdf, f.Text+aarConcerns(rep, f.Capability, f.SectionID))
		}
	}
	pdf.Ln(3)
}

// aarConcerns says which capability and plan section a finding concerns.
func aarConcerns(rep ExerciseReport, capability string, sectionID int64) string {
	var parts []string
	if capability != "" {
		parts = append(parts, capability)
	}
	if t, ok := rep.Sections[sectionID]; ok {
		parts = append(parts, "plan section “"+t+"”")
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, "; ") + ")"
}

// aarStatus is an item's status, with who closed it and when.
func aarStatus(it exercise.Item) string {
	if !it.Closed {
		return "Open"
	}
	return "Closed " + formatDate(it.ClosedAt) + " by " + it.ClosedBy
}

// aarImprovementPlan prints the improvement plan table, open items in bold status.
func aarImprovementPlan(pdf *gofpdf.Fpdf, rep ExerciseReport) {
	e := rep.Exercise
	pdf.AddPage()
	trSection(pdf, "Improvement plan")
	aarLine(pdf, "", "Each open item is listed as a gap of the plan until it is closed.")
	pdf.Ln(2)
	var rows [][]string
	var marks [][]bool
	for _, it := range e.Items {
		issue := it.Issue + aarConcerns(rep, it.Capability, it.SectionID)
		rows = append(rows, []string{fmt.Sprint(it.ID), issue, orNone(it.Action), orNone(it.Owner), aarDay(it.Due), aarStatus(it)})
		marks = append(marks, []bool{false, false, false, false, false, !it.Closed})
	}
	if len(rows) == 0 {
		aarNone(pdf, "No improvement items were recorded.")
		return
	}
	trTable(pdf, trSpread(pdf, []float64{0.8, 3.2, 3.2, 1.5, 1.4, 1.6}, 0, 0),
		[]string{"Item", "Issue", "Corrective action", "Owner", "Due", "Status"}, rows, marks)
}
