package cli

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"electionbinder/internal/exchange"
	"electionbinder/internal/plural"
)

func init() {
	Register(Command{Name: "package export", Args: "--out FILE.ebpkg [--passphrase-file FILE]",
		Summary: "county: templates, county and state partners, sessions, locked with a passphrase", Run: runPackageExport})
	Register(Command{Name: "package import", Args: "FILE [--dry-run] [--take-county all|UUID,...] [--passphrase-file FILE]",
		Summary: "take in a county package; local edits are kept unless --take-county", Run: runPackageImport})
	Register(Command{Name: "package status", Args: "--out FILE.ebpkg",
		Summary: "municipality: this binder's status, locked for the county", Run: runPackageStatus})
	Register(Command{Name: "rollup import", Args: "FILE|FOLDER...", Summary: "county: take in municipalities' status packages", Run: runRollupImport})
	Register(Command{Name: "rollup list", Args: "[--as-of YYYY-MM-DD]",
		Summary: "county: every municipality, overdue first; exits 3 while any is overdue", Run: runRollupList})
	Register(Command{Name: "rollup report", Args: "--out FILE.pdf [--as-of YYYY-MM-DD]", Summary: "county: the roll-up as a PDF", Run: runRollupReport})
}

// PassphraseVariable is the environment variable a script can give a
// package passphrase in.
const PassphraseVariable = "BINDER_PASSPHRASE"

// passphrase reads the passphrase from --passphrase-file, else from the
// environment.
func passphrase(file string) (string, error) {
	if file != "" {
		data, err := readInput(file)
		if err != nil {
			return "", err
		}
		return strings.TrimRight(string(data), "\r\n"), nil
	}
	if p := os.Getenv(PassphraseVariable); p != "" {
		return p, nil
	}
	return "", UsageError{"give the passphrase with --passphrase-file FILE or the " + PassphraseVariable + " variable"}
}

func runPackageExport(env *Env, args []string) error {
	fs := flag.NewFlagSet("package export", flag.ContinueOnError)
	out := fs.String("out", "", "package file to write")
	passFile := fs.String("passphrase-file", "", "file holding the passphrase")
	if _, err := ParseFlags(fs, args, 0, 0); err != nil {
		return err
	}
	if *out == "" {
		return UsageError{"--out FILE.ebpkg is required"}
	}
	pass, err := passphrase(*passFile)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := exchange.WriteCountyPackage(env.DB, &buf, pass, time.Now()); err != nil {
		return err
	}
	return saveFile(env, *out, buf.Bytes())
}

func runPackageImport(env *Env, args []string) error {
	fs := flag.NewFlagSet("package import", flag.ContinueOnError)
	dryRun := fs.Bool("dry-run", false, "show what would change and write nothing")
	take := fs.String("take-county", "", "conflicts to settle with the county's version: all, or partner UUIDs")
	passFile := fs.String("passphrase-file", "", "file holding the passphrase")
	pos, err := ParseFlags(fs, args, 1, 1)
	if err != nil {
		return err
	}
	pass, err := passphrase(*passFile)
	if err != nil {
		return err
	}
	src, err := readInput(pos[0])
	if err != nil {
		return err
	}
	pkg, err := exchange.ReadCountyPackage(src, pass)
	if err != nil {
		return fmt.Errorf("%s: %w", pos[0], err)
	}
	ci, err := exchange.PlanCountyImport(env.DB, pkg)
	if err != nil {
		return err
	}
	chooseConflicts(ci, *take)
	printChanges(env.Stdout, ci)
	if *dryRun {
		return nil
	}
	n, err := ci.Apply(env.DB)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Took in %d from %s.\n", n, pkg.County.Name)
	return nil
}

// chooseConflicts marks the conflicts to settle with the county's version.
func chooseConflicts(ci *exchange.CountyImport, take string) {
	wanted := map[string]bool{}
	for _, u := range strings.Split(take, ",") {
		wanted[strings.ToLower(strings.TrimSpace(u))] = true
	}
	for i, c := range ci.Changes {
		if c.Kind == exchange.PartnerConflict {
			ci.Changes[i].TakeCounty = wanted["all"] || wanted[strings.ToLower(c.UUID)]
		}
	}
}

func printChanges(w io.Writer, ci *exchange.CountyImport) {
	fmt.Fprintf(w, "From %s, written %s: %s\n", ci.Package.County.Name,
		ci.Package.CreatedAt.Local().Format("2006-01-02 15:04"), ci.Summary())
	if len(ci.Changes) == 0 {
		return
	}
	fmt.Fprintln(w, "uuid\tchange\tname\tdetail")
	for _, c := range ci.Changes {
		what := c.Kind.Label()
		if c.Kind == exchange.PartnerConflict && !c.TakeCounty {
			what += " (keeping this office's version)"
		} else if c.Kind == exchange.PartnerConflict {
			what += " (taking the county's version)"
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", c.UUID, what, oneLine(c.Name), oneLine(c.Detail))
	}
}

func runPackageStatus(env *Env, args []string) error {
	fs := flag.NewFlagSet("package status", flag.ContinueOnError)
	out := fs.String("out", "", "package file to write")
	if _, err := ParseFlags(fs, args, 0, 0); err != nil {
		return err
	}
	if *out == "" {
		return UsageError{"--out FILE.ebpkg is required"}
	}
	var buf bytes.Buffer
	if err := exchange.WriteStatusPackage(env.DB, &buf, time.Now()); err != nil {
		return err
	}
	return saveFile(env, *out, buf.Bytes())
}

func runRollupImport(env *Env, args []string) error {
	paths, err := parseArgs("rollup import", args, 1, -1)
	if err != nil {
		return err
	}
	res, err := exchange.ImportStatusFiles(env.DB, paths)
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, res.Summary())
	for _, r := range res.Refused {
		fmt.Fprintf(env.Stderr, "refused %s\n", r)
	}
	if len(res.Refused) > 0 {
		return ExitCodeError{Code: ExitError, Msg: fmt.Sprintf("%d package(s) could not be read; the others were taken in", len(res.Refused))}
	}
	return nil
}

// asOfFlag reads --as-of, defaulting to today.
func asOfFlag(text string) (time.Time, error) {
	day, err := parseDay(text, "--as-of must be a date such as 2027-03-01")
	if err != nil || !day.IsZero() {
		return day, err
	}
	return time.Now(), nil
}

func runRollupList(env *Env, args []string) error {
	fs := flag.NewFlagSet("rollup list", flag.ContinueOnError)
	asOfText := fs.String("as-of", "", "day to judge, YYYY-MM-DD (default: today)")
	if _, err := ParseFlags(fs, args, 0, 0); err != nil {
		return err
	}
	today, err := asOfFlag(*asOfText)
	if err != nil {
		return err
	}
	list, err := exchange.Rollup(env.DB, today)
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, "id\tmunicipality\tstanding\tplan\tgaps\troles_without_backup\ttraining_met\tlast_package\twhy")
	overdue := 0
	for _, m := range list {
		standing, why := m.Standing(today)
		if standing == exchange.Overdue {
			overdue++
		}
		met, covered := m.TrainingMet()
		fmt.Fprintf(env.Stdout, "%d\t%s\t%s\t%s\t%d\t%d\t%d/%d\t%s\t%s\n", m.ID, oneLine(m.Name()), standing.Label(),
			m.PlanWords(), m.Gaps(), m.RolesWithoutBackup(), met, covered, m.Report.CreatedAt.Format("2006-01-02"),
			strings.Join(why, "; "))
	}
	if overdue > 0 {
		return ExitCodeError{Code: ExitGaps, Msg: fmt.Sprintf("%d of %s %s overdue", overdue, plural.Count(len(list), "municipality", "municipalities"), plural.Form(overdue, "is", "are"))}
	}
	return nil
}

func runRollupReport(env *Env, args []string) error {
	fs := flag.NewFlagSet("rollup report", flag.ContinueOnError)
	out := fs.String("out", "", "FILE.pdf")
	asOfText := fs.String("as-of", "", "day to judge, YYYY-MM-DD (default: today)")
	if _, err := ParseFlags(fs, args, 0, 0); err != nil {
		return err
	}
	if !strings.HasSuffix(strings.ToLower(*out), ".pdf") {
		return UsageError{"--out must name a .pdf file"}
	}
	today, err := asOfFlag(*asOfText)
	if err != nil {
		return err
	}
	if err := exchange.PrintRollup(env.DB, today, *out); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, *out)
	return nil
}
