package cli

import (
	"database/sql"
	"flag"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"electionbinder/internal/binder"
	"electionbinder/internal/exercise"
	"electionbinder/internal/plan"
)

func init() {
	Register(Command{Name: "plans new", Args: "--template ID|NAME [--pack NAME|none] [--title TEXT]",
		Summary: "start a plan from a template; prints its id", Run: runPlansNew})
	Register(Command{Name: "plans import", Args: "FILE.md [--title TEXT] | FILE.md --into ID [--dry-run]",
		Summary: "make a plan from Markdown (headings become sections), or bring an edited plan back in as a draft; prints its id",
		Run:     runPlansImport})
	Register(Command{Name: "plans list", Summary: "list the plans with their ids", Run: runPlansList})
	Register(Command{Name: "plans check", Args: "ID",
		Summary: "list what the plan is missing; exits 3 when gaps remain", Run: runPlansCheck})
	Register(Command{Name: "plans export", Args: "ID --out FILE.pdf|FILE.md [--since REV [--list]] [--copy N] [--revision REV]",
		Summary: "write the plan as a binder PDF, replacement pages or Markdown", Run: runPlansExport})
	Register(Command{Name: "plans approve", Args: "ID --by NAME [--summary TEXT] [--next-review YYYY-MM-DD]",
		Summary: "record the plan as approved; prints the new revision number", Run: runPlansApprove})
	Register(Command{Name: "plans revisions", Args: "ID",
		Summary: "list the plan's approved revisions (the record of changes)", Run: runPlansRevisions})
}

func runPlansNew(env *Env, args []string) error {
	fs := flag.NewFlagSet("plans new", flag.ContinueOnError)
	tmpl := fs.String("template", "", "template id or name (see templates list)")
	pack := fs.String("pack", "", "state pack to merge in, or none (default: wisconsin for the built-in template)")
	title := fs.String("title", "", "the plan's title")
	if _, err := ParseFlags(fs, args, 0, 0); err != nil {
		return err
	}
	if *tmpl == "" {
		return UsageError{"--template ID or NAME is required (see binder templates list)"}
	}
	st := plan.NewStore(env.DB)
	name, err := templateName(st, *tmpl)
	if err != nil {
		return err
	}
	id, err := st.CreateFromTemplatePack(name, *pack, *title)
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, id)
	return nil
}

// templateName returns the name of the template that ref names, by its name
// or by the id templates list shows first.
func templateName(st *plan.Store, ref string) (string, error) {
	list, err := st.Templates()
	if err != nil {
		return "", err
	}
	for _, t := range list {
		if t.Name == ref {
			return t.Name, nil
		}
	}
	for _, t := range list {
		if strconv.FormatInt(t.ID, 10) == ref {
			return t.Name, nil
		}
	}
	return ref, nil // CreateFromTemplate says plainly that no such template exists
}

func runPlansImport(env *Env, args []string) error {
	fs := flag.NewFlagSet("plans import", flag.ContinueOnError)
	title := fs.String("title", "", "the plan's title (default: the file's front matter, or its name)")
	into := fs.String("into", "", "bring the file back into this plan as a new draft")
	dryRun := fs.Bool("dry-run", false, "with --into: show what would change and write nothing")
	pos, err := ParseFlags(fs, args, 1, 1)
	if err != nil {
		return err
	}
	src, err := readInput(pos[0])
	if err != nil {
		return err
	}
	if *into != "" || *dryRun {
		if *into == "" || *title != "" {
			return UsageError{"--dry-run goes with --into ID, and --title does not"}
		}
		return reimportPlan(env, pos[0], src, *into, *dryRun)
	}
	st := plan.NewStore(env.DB)
	if *title == "" {
		if doc, err := plan.ReadMarkdown(src); err == nil && doc.Title == "" {
			*title = strings.TrimSuffix(filepath.Base(pos[0]), filepath.Ext(pos[0]))
		}
	}
	id, err := st.ImportMarkdown(src, *title)
	if err != nil {
		return fmt.Errorf("%s: %w", pos[0], err)
	}
	p, err := st.Load(id)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Imported %q: %d sections, %d scenarios.\n", p.Title, len(p.Sections), len(p.Scenarios))
	fmt.Fprintln(env.Stdout, id)
	return nil
}

// reimportPlan shows what bringing an edited Markdown file back into a plan
// changes, then, unless dryRun, writes it as a new draft.
func reimportPlan(env *Env, file string, src []byte, into string, dryRun bool) error {
	id, err := parsePlanID(into)
	if err != nil {
		return err
	}
	st := plan.NewStore(env.DB)
	r, err := st.PrepareReimport(id, src)
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	fmt.Fprintln(env.Stdout, "CHANGE\tKIND\tTITLE")
	for _, c := range r.Changes {
		if c.Kind == plan.Unchanged {
			continue
		}
		kind := "section"
		if c.IsScenario {
			kind = "scenario"
		}
		title := c.Title
		if c.OldTitle != "" && c.OldTitle != c.Title {
			title = c.OldTitle + " → " + c.Title
		}
		fmt.Fprintf(env.Stdout, "%s\t%s\t%s\n", c.Kind, kind, tabless(title))
	}
	changed, added, removed := r.Counts()
	if dryRun {
		fmt.Fprintf(env.Stdout, "Nothing written: %d changed, %d added, %d removed.\n", changed, added, removed)
		return nil
	}
	if err := st.ApplyReimport(r); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Brought into plan %d as a draft: %d changed, %d added, %d removed.\n", id, changed, added, removed)
	fmt.Fprintln(env.Stdout, id)
	return nil
}

func runPlansList(env *Env, args []string) error {
	if _, err := parseArgs("plans list", args, 0, 0); err != nil {
		return err
	}
	list, err := plan.NewStore(env.DB).List()
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, "ID\tTITLE\tSTATUS\tAPPROVED\tNEXT REVIEW\tSECTIONS\tSCENARIOS\tREVISIONS")
	for _, p := range list {
		fmt.Fprintf(env.Stdout, "%d\t%s\t%s\t%s\t%s\t%d\t%d\t%d\n", p.ID, p.Title, p.Status,
			dayText(p.ApprovedOn, "-"), dayText(p.NextReview, "-"), p.Sections, p.Scenarios, p.Revisions)
	}
	return nil
}

// planArgument reads the command line of a command whose one argument is a
// plan id and which takes no options.
func planArgument(name string, args []string) (int64, error) {
	return planFlags(flag.NewFlagSet(name, flag.ContinueOnError), args)
}

// planFlags parses fs from the command line of a command whose one argument
// is a plan id, and returns the id.
func planFlags(fs *flag.FlagSet, args []string) (int64, error) {
	pos, err := ParseFlags(fs, args, 1, 1)
	if err != nil {
		return 0, err
	}
	return parsePlanID(pos[0])
}

// parsePlanID reads a plan id argument.
func parsePlanID(arg string) (int64, error) {
	return parseID(arg, fmt.Sprintf("%q is not a plan id (see binder plans list)", arg))
}

func runPlansCheck(env *Env, args []string) error {
	id, err := planArgument("plans check", args)
	if err != nil {
		return err
	}
	gaps, err := plan.NewStore(env.DB).Check(id, time.Now(), exercise.NewStore(env.DB).ItemGaps)
	if err != nil {
		return err
	}
	if len(gaps) == 0 {
		fmt.Fprintln(env.Stdout, "No gaps: the plan is complete.")
		return nil
	}
	fmt.Fprintln(env.Stdout, "KIND\tWHERE\tWHAT")
	for _, g := range gaps {
		fmt.Fprintf(env.Stdout, "%s\t%s\t%s\n", g.Kind, planGapPlace(g), g.Message)
	}
	return ExitCodeError{Code: ExitGaps, Msg: fmt.Sprintf("%d gaps to fill", len(gaps))}
}

func planGapPlace(g plan.Gap) string {
	switch {
	case g.SectionID != 0:
		return fmt.Sprintf("section %d", g.SectionID)
	case g.ScenarioID != 0:
		return fmt.Sprintf("scenario %d", g.ScenarioID)
	}
	return "plan"
}

func runPlansExport(env *Env, args []string) error {
	fs := flag.NewFlagSet("plans export", flag.ContinueOnError)
	out := fs.String("out", "", "file to write: .pdf or .md")
	since := fs.Int("since", 0, "only what changed since this revision")
	revision := fs.Int("revision", 0, "the plan as approved in this revision")
	copyNumber := fs.String("copy", "", "print for this controlled copy (PDF only)")
	list := fs.Bool("list", false, "with --since: list the pages to take out and put in instead of printing them")
	id, err := planFlags(fs, args)
	if err != nil {
		return err
	}
	ext := strings.ToLower(filepath.Ext(*out))
	switch {
	case *revision > 0 && (*since > 0 || *copyNumber != "" || *list):
		return UsageError{"--revision reprints a revision as it was approved: not with --since, --copy or --list"}
	case *list:
		return listPacket(env, id, *since, *copyNumber)
	case *copyNumber != "" && ext != ".pdf":
		return UsageError{"--copy prints a PDF: use --out FILE.pdf"}
	}
	switch ext {
	case ".pdf":
		return writeBinder(env, id, *out, binder.ExportOptions{Since: *since, Revision: *revision, Copy: *copyNumber,
			Packet: *copyNumber != "" && *since > 0})
	case ".md", ".markdown":
		return exportPlanMarkdown(env, id, *out, *since, *revision)
	case "":
		return UsageError{"--out FILE.pdf or --out FILE.md is required"}
	}
	return UsageError{fmt.Sprintf("cannot write %s: the file name must end in .pdf or .md", *out)}
}

func exportPlanMarkdown(env *Env, id int64, out string, since, revision int) error {
	st := plan.NewStore(env.DB)
	var data []byte
	var err error
	switch {
	case since > 0:
		data, err = st.ExportMarkdownSince(id, since)
	case revision > 0:
		data, err = st.RevisionMarkdown(id, revision)
	default:
		data, err = st.ExportMarkdown(id)
	}
	if err != nil {
		return err
	}
	return saveFile(env, out, data)
}

// loadDemoPlan starts the sample county's plan from the built-in template,
// unless the database already has a plan.
func loadDemoPlan(db *sql.DB) error {
	st := plan.NewStore(db)
	list, err := st.List()
	if err != nil || len(list) > 0 {
		return err
	}
	_, err = st.CreateFromTemplate(plan.BuiltinTemplate, "")
	return err
}

func runPlansApprove(env *Env, args []string) error {
	fs := flag.NewFlagSet("plans approve", flag.ContinueOnError)
	by := fs.String("by", "", "who approved the plan")
	summary := fs.String("summary", "", "summary of changes (default: counted from the last revision)")
	review := fs.String("next-review", "", "next review date, YYYY-MM-DD (default: a year from today)")
	id, err := planFlags(fs, args)
	if err != nil {
		return err
	}
	if strings.TrimSpace(*by) == "" {
		return UsageError{"--by NAME is required"}
	}
	a := plan.Approval{ApprovedBy: *by, Summary: *summary}
	if a.NextReview, err = parseDay(*review, fmt.Sprintf("--next-review %q is not a date like 2027-03-01", *review)); err != nil {
		return err
	}
	rev, err := binder.NewStore(env.DB).Approve(id, a)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Approved as revision %d: %s\n", rev.Number, rev.Summary)
	fmt.Fprintln(env.Stdout, rev.Number)
	return nil
}

func runPlansRevisions(env *Env, args []string) error {
	id, err := planArgument("plans revisions", args)
	if err != nil {
		return err
	}
	st := plan.NewStore(env.DB)
	if _, err := st.Load(id); err != nil {
		return err
	}
	revs, err := st.Revisions(id)
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, "REVISION\tAPPROVED\tBY\tHASH\tSUMMARY")
	for _, r := range revs {
		fmt.Fprintf(env.Stdout, "%d\t%s\t%s\t%s\t%s\n", r.Number, r.ApprovedAt.Format(time.RFC3339), r.ApprovedBy,
			r.ContentHash[:12], r.Summary)
	}
	return nil
}
