package cli

import (
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"electionbinder/internal/binder"
	"electionbinder/internal/plan"
)

func init() {
	Register(Command{Name: "distribution list", Args: "PLAN", Summary: "who holds which controlled copy, the revision it holds and what it needs",
		Run: runDistributionList})
	Register(Command{Name: "distribution add", Args: "PLAN --copy N --holder NAME [--title T] [--location L] [--issued YYYY-MM-DD]",
		Summary: "record a controlled copy; prints its id", Run: runDistributionAdd})
	Register(Command{Name: "distribution remove", Args: "ID", Summary: "take a controlled copy off the distribution list", Run: runDistributionRemove})
	Register(Command{Name: "distribution print", Args: "PLAN --copy N --out FILE.pdf",
		Summary: "print the latest approved revision as a numbered controlled copy", Run: runDistributionPrint})
}

// writeBinder prints a plan's binder to out, never leaving half a file,
// and prints the file name.
func writeBinder(env *Env, planID int64, out string, opt binder.ExportOptions) error {
	return writeOut(env, out, func(w io.Writer) error {
		res, err := binder.NewStore(env.DB).Export(w, planID, opt)
		for _, warning := range res.Warnings {
			fmt.Fprintln(env.Stderr, "warning: "+warning)
		}
		return err
	})
}

// listPacket prints one row per page of a replacement packet: "remove" or
// "insert", a tab, the page label. A binder that is up to date lists nothing.
func listPacket(env *Env, planID int64, since int, copyNumber string) error {
	if since <= 0 {
		return UsageError{"--list needs --since REV"}
	}
	opt := binder.ExportOptions{Since: since, Copy: copyNumber, Packet: copyNumber != "", DryRun: true}
	res, err := binder.NewStore(env.DB).Export(io.Discard, planID, opt)
	if errors.Is(err, binder.ErrUpToDate) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, row := range res.Packet.Rows() {
		fmt.Fprintln(env.Stdout, row)
	}
	return nil
}

func runDistributionList(env *Env, args []string) error {
	id, err := planArgument("distribution list", args)
	if err != nil {
		return err
	}
	copies, err := binder.NewStore(env.DB).Copies(id)
	if err != nil {
		return err
	}
	st := binder.NewStore(env.DB)
	fmt.Fprintln(env.Stdout, "ID\tCOPY\tHOLDER\tTITLE\tLOCATION\tISSUED\tREVISION\tSTATUS")
	for _, c := range copies {
		state, err := st.CopyState(c)
		if err != nil {
			return err
		}
		held := "-"
		if state.Printed {
			held = strconv.Itoa(state.Revision)
		}
		fmt.Fprintf(env.Stdout, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", c.ID, tabless(c.Number), tabless(c.Holder), tabless(c.Title),
			tabless(c.Location), dayText(c.Issued, ""), held, state.Summary())
	}
	return nil
}

func runDistributionAdd(env *Env, args []string) error {
	fs := flag.NewFlagSet("distribution add", flag.ContinueOnError)
	number := fs.String("copy", "", "copy number")
	holder := fs.String("holder", "", "who holds the copy")
	title := fs.String("title", "", "their title or organisation")
	location := fs.String("location", "", "where the copy is kept")
	issued := fs.String("issued", "", "date the copy was handed out, YYYY-MM-DD")
	planID, err := planFlags(fs, args)
	if err != nil {
		return err
	}
	c := binder.Copy{PlanID: planID, Number: *number, Holder: *holder, Title: *title, Location: *location}
	if c.Issued, err = parseDay(*issued, fmt.Sprintf("--issued %q is not a date like 2026-03-05", *issued)); err != nil {
		return err
	}
	if strings.TrimSpace(c.Number) == "" || strings.TrimSpace(c.Holder) == "" {
		return UsageError{"--copy and --holder are required"}
	}
	id, err := binder.NewStore(env.DB).AddCopy(c)
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, id)
	return nil
}

func runDistributionRemove(env *Env, args []string) error {
	pos, err := parseArgs("distribution remove", args, 1, 1)
	if err != nil {
		return err
	}
	id, err := parseID(pos[0], fmt.Sprintf("%q is not a copy id (see binder distribution list PLAN)", pos[0]))
	if err != nil {
		return err
	}
	return binder.NewStore(env.DB).DeleteCopy(id)
}

func runDistributionPrint(env *Env, args []string) error {
	fs := flag.NewFlagSet("distribution print", flag.ContinueOnError)
	number := fs.String("copy", "", "copy number to print on every page")
	out := fs.String("out", "", "the PDF file to write")
	planID, err := planFlags(fs, args)
	if err != nil {
		return err
	}
	if !strings.HasSuffix(strings.ToLower(*out), ".pdf") {
		return UsageError{"--out FILE.pdf is required"}
	}
	return writeBinder(env, planID, *out, binder.ExportOptions{Copy: *number})
}

// loadDemoCopies gives out three controlled copies of the sample plan,
// unless it already has a distribution list.
func loadDemoCopies(db *sql.DB) error {
	plans, err := plan.NewStore(db).List()
	if err != nil || len(plans) == 0 {
		return err
	}
	st := binder.NewStore(db)
	have, err := st.Copies(plans[0].ID)
	if err != nil || len(have) > 0 {
		return err
	}
	today := time.Now().UTC().Truncate(24 * time.Hour)
	for i, h := range [][3]string{
		{"Ana Núñez", "County Clerk", "Clerk's office safe"},
		{"Pao Xiong", "Deputy County Clerk", "Deputy clerk's desk, locked drawer"},
		{"Hannah Schultz", "Emergency Management Director", "Emergency operations center"},
	} {
		c := binder.Copy{PlanID: plans[0].ID, Number: strconv.Itoa(i + 1), Holder: h[0], Title: h[1], Location: h[2], Issued: today}
		if _, err := st.AddCopy(c); err != nil {
			return err
		}
	}
	return nil
}

// tabless keeps a value on one tab-separated line.
func tabless(s string) string {
	return strings.NewReplacer("\t", " ", "\n", " ").Replace(s)
}
