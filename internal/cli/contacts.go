package cli

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"electionbinder/internal/contacts"
	"electionbinder/internal/settings"
)

func init() {
	Register(Command{Name: "contacts import", Args: "[--dry-run] FILE...",
		Summary: "import contacts from .csv (columns by header name) or .vcf files", Run: runContactsImport})
	Register(Command{Name: "contacts export", Args: "--format csv|vcf [--out FILE]",
		Summary: "export the directory as CSV or vCard", Run: runContactsExport})
	Register(Command{Name: "contacts list", Args: "[--search TEXT] [--level LEVEL] [--role SLUG] [--unverified] [--all]",
		Summary: "list contacts with their ids", Run: runContactsList})
	Register(Command{Name: "contacts calltree", Summary: "print who to call for each role; exits 3 when a role lacks a primary, a backup or a number to call",
		Run: runContactsCallTree})
}

// contactStore opens the directory and makes sure the built-in roles and
// partners are there.
func contactStore(env *Env) (*contacts.Store, error) {
	st := contacts.NewStore(env.DB)
	return st, st.EnsureDefaults()
}

func runContactsImport(env *Env, args []string) error {
	fs := flag.NewFlagSet("contacts import", flag.ContinueOnError)
	dry := fs.Bool("dry-run", false, "show what the import would do without writing")
	files, err := ParseFlags(fs, args, 1, -1)
	if err != nil {
		return err
	}
	st, err := contactStore(env)
	if err != nil {
		return err
	}
	var sources []contacts.Source
	for _, f := range files {
		data, err := readInput(f)
		if err != nil {
			return err
		}
		recs, err := contacts.ReadFile(f, data)
		if err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
		sources = append(sources, contacts.Source{Name: filepath.Base(f), Records: recs})
	}
	plan, err := st.PlanImport(sources...)
	if err != nil {
		return err
	}
	printPlan(env.Stdout, plan)
	if *dry {
		fmt.Fprintln(env.Stdout, "Nothing was written (--dry-run).")
		return nil
	}
	n, err := st.ApplyImport(plan)
	if err != nil {
		return fmt.Errorf("the import failed and nothing was written: %w", err)
	}
	fmt.Fprintf(env.Stdout, "Imported %d contacts.\n", n)
	return nil
}

// printPlan prints the summary, then one line per record that is not new.
func printPlan(w io.Writer, plan *contacts.ImportPlan) {
	fmt.Fprintln(w, plan.Summary())
	for _, it := range plan.Items {
		switch it.Action {
		case contacts.ActionUpdate:
			fmt.Fprintf(w, "%s line %d: updated %s (%s)\n", it.File, it.Line, it.Contact.Name, strings.Join(it.Changes, ", "))
		case contacts.ActionDuplicate:
			fmt.Fprintf(w, "%s line %d: duplicate %s, %s\n", it.File, it.Line, it.Contact.Name, it.Reason)
		case contacts.ActionRejected:
			fmt.Fprintf(w, "%s line %d: rejected: %s\n", it.File, it.Line, it.Reason)
		}
	}
}

func runContactsExport(env *Env, args []string) error {
	fs := flag.NewFlagSet("contacts export", flag.ContinueOnError)
	format := fs.String("format", "", "csv or vcf")
	out := fs.String("out", "", "file to write (default: standard output)")
	if _, err := ParseFlags(fs, args, 0, 0); err != nil {
		return err
	}
	if *format != "csv" && *format != "vcf" {
		return UsageError{"--format must be csv or vcf"}
	}
	st, err := contactStore(env)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := st.Export(&buf, *format); err != nil {
		return err
	}
	if *out == "" {
		_, err := env.Stdout.Write(buf.Bytes())
		return err
	}
	return saveFile(env, *out, buf.Bytes())
}

func runContactsList(env *Env, args []string) error {
	fs := flag.NewFlagSet("contacts list", flag.ContinueOnError)
	search := fs.String("search", "", "words to look for")
	level := fs.String("level", "", "federal, state, county, municipal, vendor or other")
	role := fs.String("role", "", "only holders of the role with this slug")
	unverified := fs.Bool("unverified", false, "only contacts due for verifying")
	all := fs.Bool("all", false, "include retired contacts")
	if _, err := ParseFlags(fs, args, 0, 0); err != nil {
		return err
	}
	st, err := contactStore(env)
	if err != nil {
		return err
	}
	f := contacts.Filter{Search: *search, IncludeRetired: *all, NeedsVerifying: *unverified, Today: time.Now()}
	if *level != "" {
		l, ok := contacts.ParseLevel(*level)
		if !ok {
			return UsageError{fmt.Sprintf("unknown level %q", *level)}
		}
		f.Level = l
	}
	if f.RoleID, err = roleID(st, *role); err != nil {
		return err
	}
	if f.VerifyDays, err = settings.New(env.DB).GetInt(settings.VerifyDaysKey, settings.DefaultVerifyDays); err != nil {
		return err
	}
	list, err := st.List(f)
	if err != nil {
		return err
	}
	holdings, err := st.Holdings()
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, "id\tname\tkind\torganization\tlevel\toffice phone\tmobile phone\tafter-hours phone\temail\tlast verified\troles")
	for _, c := range list {
		fmt.Fprintf(env.Stdout, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", c.ID, oneLine(c.Name), c.Kind, oneLine(c.Organization),
			c.Level, c.OfficePhone, c.MobilePhone, c.AfterHoursPhone, c.Email, verifiedText(c), rolesText(holdings[c.ID]))
	}
	return nil
}

func roleID(st *contacts.Store, slug string) (int64, error) {
	if slug == "" {
		return 0, nil
	}
	roles, err := st.Roles()
	if err != nil {
		return 0, err
	}
	for _, r := range roles {
		if r.Slug == slug {
			return r.ID, nil
		}
	}
	return 0, UsageError{fmt.Sprintf("no role has the slug %q", slug)}
}

func verifiedText(c contacts.Contact) string {
	return dayText(c.VerifiedOn, "never")
}

func rolesText(hs []contacts.Holding) string {
	parts := make([]string, len(hs))
	for i, h := range hs {
		parts[i] = fmt.Sprintf("%s (%s)", h.Role, strings.ToLower(h.Label()))
	}
	return strings.Join(parts, "; ")
}

func runContactsCallTree(env *Env, args []string) error {
	if _, err := parseArgs("contacts calltree", args, 0, 0); err != nil {
		return err
	}
	st, err := contactStore(env)
	if err != nil {
		return err
	}
	tree, err := st.CallTree()
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, "role\tslug\torder\tid\tname\toffice phone\tmobile phone\tafter-hours phone")
	for _, e := range tree {
		for i, c := range e.Holders {
			fmt.Fprintf(env.Stdout, "%s\t%s\t%s\t%d\t%s\t%s\t%s\t%s\n", e.Role.Name, e.Role.Slug,
				strings.ToLower(contacts.Holding{Rank: i}.Label()), c.ID, oneLine(c.Name), c.OfficePhone, c.MobilePhone, c.AfterHoursPhone)
		}
		if gap := e.Gap(); gap != "" {
			fmt.Fprintf(env.Stdout, "%s\t%s\tgap\t\t%s\t\t\t\n", e.Role.Name, e.Role.Slug, gap)
		}
	}
	if gaps := contacts.Gaps(tree); len(gaps) > 0 {
		return ExitCodeError{Code: ExitGaps, Msg: fmt.Sprintf("%d of %d roles lack a primary, a backup or a number to call", len(gaps), len(tree))}
	}
	return nil
}
