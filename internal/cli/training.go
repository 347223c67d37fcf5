package cli

import (
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"electionbinder/internal/binder"
	"electionbinder/internal/training"
)

func init() {
	Register(Command{Name: "training list", Summary: "sessions with their ids, seats taken and capacity", Run: runTrainingList})
	Register(Command{Name: "training import", Args: "FILE...", Summary: ".ics (sessions) or .csv (roster)", Run: runTrainingImport})
	Register(Command{Name: "training export", Args: "--format ics|csv [--out FILE]", Summary: "sessions as iCalendar, or the roster as CSV", Run: runTrainingExport})
	Register(Command{Name: "training report", Args: "--out FILE.pdf|FILE.csv [--as-of YYYY-MM-DD] [--requirement ID]", Summary: "compliance report (one requirement: the grant file)", Run: runTrainingReport})
	Register(Command{Name: "training signin", Args: "EVENT --out FILE.pdf", Summary: "sign-in sheet of a session", Run: runTrainingSignin})
	Register(Command{Name: "training roster", Args: "EVENT", Summary: "who holds a seat, waits or cancelled, with attendance", Run: runTrainingRoster})
	Register(Command{Name: "training register", Args: "EVENT CONTACT", Summary: "sign a person up (a seat, or the waitlist when full)", Run: runTrainingRegister})
	Register(Command{Name: "training cancel", Args: "EVENT CONTACT", Summary: "cancel a sign-up; the first on the waitlist takes the seat", Run: runTrainingCancel})
	Register(Command{Name: "training checkin", Args: "EVENT CONTACT [--no-show]", Summary: "mark a person present (or absent)", Run: runTrainingCheckin})
	Register(Command{Name: "training requirements", Summary: "requirements with their ids and rules", Run: runTrainingRequirements})
}

func runTrainingList(env *Env, args []string) error {
	if _, err := parseArgs("training list", args, 0, 0); err != nil {
		return err
	}
	list, err := training.NewStore(env.DB).Events("")
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, "id\tstart\tkind\ttitle\tregistered\tcapacity\twaitlisted\tattended")
	for _, e := range list {
		capacity := "none"
		if e.Capacity > 0 {
			capacity = strconv.Itoa(e.Capacity)
		}
		fmt.Fprintf(env.Stdout, "%d\t%s\t%s\t%s\t%d\t%s\t%d\t%d\n", e.ID, e.Start.Format("2006-01-02 15:04 MST"),
			e.Kind, oneLine(e.Title), e.Registered, capacity, e.Waitlisted, e.Attended)
	}
	return nil
}

func runTrainingImport(env *Env, args []string) error {
	files, err := parseArgs("training import", args, 1, -1)
	if err != nil {
		return err
	}
	done, err := training.NewStore(env.DB).ImportFiles(files)
	if errors.Is(err, training.ErrUnknownImport) {
		return UsageError{err.Error()}
	}
	if err != nil {
		return err
	}
	for _, f := range done {
		if f.Roster {
			fmt.Fprintf(env.Stdout, "Imported %d roster lines from %s\n", f.RosterLines, f.Name)
			continue
		}
		res := f.Sessions
		fmt.Fprintf(env.Stdout, "Imported %d sessions from %s (%d new, %d updated)\n", res.Created+res.Updated, f.Name, res.Created, res.Updated)
		for _, n := range res.Notes {
			fmt.Fprintln(env.Stdout, "Note: "+n)
		}
	}
	return nil
}

func runTrainingExport(env *Env, args []string) error {
	fs := flag.NewFlagSet("training export", flag.ContinueOnError)
	format := fs.String("format", "", "ics or csv")
	out := fs.String("out", "", "file to write (default: standard output)")
	if _, err := ParseFlags(fs, args, 0, 0); err != nil {
		return err
	}
	store := training.NewStore(env.DB)
	var write func(io.Writer) error
	switch *format {
	case "ics":
		write = store.ExportICS
	case "csv":
		write = store.WriteRosterCSV
	default:
		return UsageError{"--format must be ics or csv"}
	}
	return writeOut(env, *out, write)
}

func runTrainingReport(env *Env, args []string) error {
	fs := flag.NewFlagSet("training report", flag.ContinueOnError)
	out := fs.String("out", "", "FILE.pdf or FILE.csv")
	asOfText := fs.String("as-of", "", "day to check, YYYY-MM-DD (default: today)")
	only := fs.Int64("requirement", 0, "one requirement's id, for a grant file")
	if _, err := ParseFlags(fs, args, 0, 0); err != nil {
		return err
	}
	asOf, err := parseDay(*asOfText, "--as-of must be a date such as 2020-06-30")
	if err != nil {
		return err
	}
	if asOf.IsZero() {
		asOf = time.Now()
	}
	switch strings.ToLower(filepath.Ext(*out)) {
	case ".pdf":
		if err := binder.PrintComplianceReport(env.DB, asOf, *only, *out); err != nil {
			return err
		}
		fmt.Fprintln(env.Stdout, *out)
		return nil
	case ".csv":
		rep, err := training.NewStore(env.DB).Compliance(asOf)
		if err != nil {
			return err
		}
		return writeOut(env, *out, func(w io.Writer) error { return training.WriteComplianceCSV(w, rep, *only) })
	}
	return UsageError{"--out must name a .pdf or .csv file"}
}

func runTrainingSignin(env *Env, args []string) error {
	fs := flag.NewFlagSet("training signin", flag.ContinueOnError)
	out := fs.String("out", "", "FILE.pdf")
	pos, err := ParseFlags(fs, args, 1, 1)
	if err != nil {
		return err
	}
	id, err := trainingID(pos[0], "EVENT")
	if err != nil {
		return err
	}
	if !strings.EqualFold(filepath.Ext(*out), ".pdf") {
		return UsageError{"--out must name a .pdf file"}
	}
	if err := binder.PrintSignInSheet(env.DB, id, *out); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, *out)
	return nil
}

// trainingID reads the id of a session or person; what names the argument.
func trainingID(s, what string) (int64, error) {
	return parseID(s, fmt.Sprintf("%s must be a number from the list, not %q", what, s))
}

func runTrainingRoster(env *Env, args []string) error {
	pos, err := parseArgs("training roster", args, 1, 1)
	if err != nil {
		return err
	}
	id, err := trainingID(pos[0], "EVENT")
	if err != nil {
		return err
	}
	store := training.NewStore(env.DB)
	if _, err := store.Event(id); err != nil {
		return err
	}
	roster, err := store.Roster(id)
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, "contact\tname\toffice\tstatus\tattendance")
	for _, r := range roster {
		fmt.Fprintf(env.Stdout, "%d\t%s\t%s\t%s\t%s\n", r.ContactID, oneLine(r.Name), oneLine(r.Office), r.Status, r.Attendance)
	}
	return nil
}

// trainingEventAndContact reads the EVENT CONTACT pair of arguments.
func trainingEventAndContact(fs *flag.FlagSet, args []string) (int64, int64, error) {
	pos, err := ParseFlags(fs, args, 2, 2)
	if err != nil {
		return 0, 0, err
	}
	event, err := trainingID(pos[0], "EVENT")
	if err != nil {
		return 0, 0, err
	}
	contact, err := trainingID(pos[1], "CONTACT")
	return event, contact, err
}

func runTrainingRegister(env *Env, args []string) error {
	event, contact, err := trainingEventAndContact(flag.NewFlagSet("training register", flag.ContinueOnError), args)
	if err != nil {
		return err
	}
	r, err := training.NewStore(env.DB).Register(event, contact)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%s is %s\n%d\n", r.Name, r.Status, r.ID)
	return nil
}

func runTrainingCancel(env *Env, args []string) error {
	event, contact, err := trainingEventAndContact(flag.NewFlagSet("training cancel", flag.ContinueOnError), args)
	if err != nil {
		return err
	}
	store := training.NewStore(env.DB)
	promoted, err := store.CancelFor(event, contact)
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, "Cancelled")
	if promoted > 0 {
		if r, err := store.Registration(promoted); err == nil {
			fmt.Fprintf(env.Stdout, "%s moved from the waitlist to a seat\n", r.Name)
		}
	}
	return nil
}

func runTrainingCheckin(env *Env, args []string) error {
	fs := flag.NewFlagSet("training checkin", flag.ContinueOnError)
	noShow := fs.Bool("no-show", false, "mark the person absent")
	event, contact, err := trainingEventAndContact(fs, args)
	if err != nil {
		return err
	}
	store := training.NewStore(env.DB)
	if *noShow {
		r, err := store.RegistrationFor(event, contact)
		if err != nil {
			return err
		}
		if err := store.SetAttendance(r.ID, training.NoShow); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "%s marked as a no-show\n", r.Name)
		return nil
	}
	r, err := store.CheckIn(event, contact)
	if errors.Is(err, training.ErrFull) {
		return errors.New("every seat of this session is taken; cancel a seat first or raise the capacity")
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%s checked in\n", r.Name)
	return nil
}

func runTrainingRequirements(env *Env, args []string) error {
	if _, err := parseArgs("training requirements", args, 0, 0); err != nil {
		return err
	}
	reqs, err := training.NewStore(env.DB).Requirements()
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, "id\tname\trule\tapplies to")
	for _, r := range reqs {
		fmt.Fprintf(env.Stdout, "%d\t%s\t%s\t%s\n", r.ID, oneLine(r.Name), r.Rule(), strings.Join(r.Levels, ","))
	}
	return nil
}

// loadDemoTraining loads the announced sessions, sample requirements and
// sign-ups of people already in the sample directory.
func loadDemoTraining(db *sql.DB) error {
	return training.NewStore(db).LoadSample(time.Now())
}
