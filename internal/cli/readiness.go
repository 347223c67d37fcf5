package cli

import (
	"database/sql"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"electionbinder/internal/readiness"
	"electionbinder/internal/settings"
)

func init() {
	Register(Command{Name: "elections add", Args: "NAME --date YYYY-MM-DD [--kind KIND] [--offices TEXT]",
		Summary: "put an election on the calendar; prints its id", Run: runElectionsAdd})
	Register(Command{Name: "elections list", Summary: "the election calendar, with ids", Run: runElectionsList})
	Register(Command{Name: "elections remove", Args: "ID", Summary: "take an election off the calendar", Run: runElectionsRemove})
	Register(Command{Name: "elections import", Args: "FILE.ics", Summary: "add the elections of a calendar file; prints their ids", Run: runElectionsImport})
	Register(Command{Name: "elections suggested", Summary: "the state's regular elections of the next two years, to confirm", Run: runElectionsSuggested})
	Register(Command{Name: "readiness", Args: "[--election ID] [--as-of YYYY-MM-DD] [--out FILE.pdf|FILE.ics]",
		Summary: "tasks before the next election; exits 3 while one is overdue", Run: runReadiness})
}

func runElectionsAdd(env *Env, args []string) error {
	fs := flag.NewFlagSet("elections add", flag.ContinueOnError)
	date := fs.String("date", "", "election day, YYYY-MM-DD")
	kind := fs.String("kind", "special", "spring, partisan-primary, general, special or recall")
	offices := fs.String("offices", "", "the offices on the ballot")
	pos, err := ParseFlags(fs, args, 1, 1)
	if err != nil {
		return err
	}
	e := readiness.Election{Name: pos[0], Offices: *offices}
	if *date == "" {
		return UsageError{"--date YYYY-MM-DD is required"}
	}
	if e.Day, err = parseDay(*date, fmt.Sprintf("--date %q is not a date like 2027-04-06", *date)); err != nil {
		return err
	}
	k, ok := readiness.ParseKind(*kind)
	if !ok {
		return UsageError{fmt.Sprintf("--kind %q is not one of spring, partisan-primary, general, special, recall", *kind)}
	}
	e.Kind = k
	if e, err = readiness.NewStore(env.DB).Add(e); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, e.ID)
	return nil
}

func runElectionsList(env *Env, args []string) error {
	if _, err := parseArgs("elections list", args, 0, 0); err != nil {
		return err
	}
	list, err := readiness.NewStore(env.DB).Elections()
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, "id\tdate\tkind\tname\toffices")
	for _, e := range list {
		fmt.Fprintf(env.Stdout, "%d\t%s\t%s\t%s\t%s\n", e.ID, dayText(e.Day, ""), e.Kind, oneLine(e.Name), oneLine(e.Offices))
	}
	return nil
}

func runElectionsRemove(env *Env, args []string) error {
	pos, err := parseArgs("elections remove", args, 1, 1)
	if err != nil {
		return err
	}
	id, err := parseID(pos[0], fmt.Sprintf("%q is not an election id (see binder elections list)", pos[0]))
	if err != nil {
		return err
	}
	return readiness.NewStore(env.DB).Remove(id)
}

func runElectionsImport(env *Env, args []string) error {
	pos, err := parseArgs("elections import", args, 1, 1)
	if err != nil {
		return err
	}
	f, err := os.Open(pos[0])
	if err != nil {
		return err
	}
	defer f.Close()
	zone, err := settings.New(env.DB).Get(readiness.ZoneKey, readiness.DefaultZone)
	if err != nil {
		return err
	}
	list, notes, err := readiness.ReadElectionsICS(f, zone)
	if err != nil {
		return fmt.Errorf("%s: %w", filepath.Base(pos[0]), err)
	}
	for _, n := range notes {
		fmt.Fprintln(env.Stderr, "Note: "+n)
	}
	added, skipped, err := readiness.NewStore(env.DB).Import(list)
	if err != nil {
		return err
	}
	if skipped > 0 {
		fmt.Fprintf(env.Stderr, "%d already on the calendar, left as they are\n", skipped)
	}
	for _, e := range added {
		fmt.Fprintln(env.Stdout, e.ID)
	}
	return nil
}

func runElectionsSuggested(env *Env, args []string) error {
	if _, err := parseArgs("elections suggested", args, 0, 0); err != nil {
		return err
	}
	profile, err := settings.New(env.DB).LoadProfile()
	if err != nil {
		return err
	}
	list, err := readiness.NewStore(env.DB).Suggestions(profile.State, time.Now())
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, "date\tkind\tname\tnote")
	for _, s := range list {
		fmt.Fprintf(env.Stdout, "%s\t%s\t%s\t%s\n", dayText(s.Day, ""), s.Kind, s.Name, s.Note)
	}
	if len(list) == 0 && !strings.EqualFold(strings.TrimSpace(profile.State), "wisconsin") {
		fmt.Fprintln(env.Stderr, "Regular election dates are known for Wisconsin only; add elections with binder elections add.")
	}
	return nil
}

func runReadiness(env *Env, args []string) error {
	fs := flag.NewFlagSet("readiness", flag.ContinueOnError)
	electionID := fs.Int64("election", 0, "the election (default: the next one)")
	asOfText := fs.String("as-of", "", "the day to check on, YYYY-MM-DD (default: today)")
	out := fs.String("out", "", "write the checklist (.pdf) or the calendar (.ics)")
	if _, err := ParseFlags(fs, args, 0, 0); err != nil {
		return err
	}
	asOf, err := parseDay(*asOfText, fmt.Sprintf("--as-of %q is not a date like 2027-03-01", *asOfText))
	if err != nil {
		return err
	}
	if asOf.IsZero() {
		asOf = time.Now()
	}
	ext := strings.ToLower(filepath.Ext(*out))
	if *out != "" && ext != ".pdf" && ext != ".ics" {
		return UsageError{"--out must name a .pdf or an .ics file"}
	}
	store := readiness.NewStore(env.DB)
	board, err := boardFor(store, *electionID, asOf)
	if err != nil {
		return err
	}
	if *out != "" {
		if err := store.Export(*out, board, time.Now()); err != nil {
			return err
		}
		fmt.Fprintln(env.Stdout, *out)
		return nil
	}
	printBoard(env, board)
	if n := board.Overdue(); n > 0 {
		return ExitCodeError{Code: ExitGaps, Msg: fmt.Sprintf("%s overdue for %s", countOf(n, "task", "tasks"), board.Election.Name)}
	}
	return nil
}

// boardFor computes the board of the election with the given id, or of the
// next election when id is 0.
func boardFor(store *readiness.Store, id int64, asOf time.Time) (readiness.Board, error) {
	if id == 0 {
		next, ok, err := store.Next(asOf)
		if err != nil {
			return readiness.Board{}, err
		}
		if !ok {
			return readiness.Board{}, fmt.Errorf("no election ahead on the calendar: add one with binder elections add NAME --date YYYY-MM-DD")
		}
		id = next.ID
	}
	return store.Board(id, asOf)
}

func printBoard(env *Env, b readiness.Board) {
	fmt.Fprintln(env.Stderr, b.Headline())
	fmt.Fprintln(env.Stdout, "due\tstate\ttask\twhere to fix it\twhy")
	for _, t := range b.Tasks {
		fmt.Fprintf(env.Stdout, "%s\t%s\t%s\t%s\t%s\n", dayText(t.Due, ""), t.State, oneLine(t.Title), t.Fix.Label(), oneLine(t.Why))
	}
}

// DemoElectionDays is how far ahead of the day it is loaded the sample election falls.
const DemoElectionDays = 40

// loadDemoElection puts a sample election 40 days ahead on the calendar.
func loadDemoElection(db *sql.DB) error {
	store := readiness.NewStore(db)
	have, err := store.Elections()
	if err != nil || len(have) > 0 {
		return err
	}
	_, err = store.Add(readiness.Election{Name: "Spring election (sample)", Kind: readiness.Spring,
		Day: time.Now().AddDate(0, 0, DemoElectionDays), Offices: "State Supreme Court justice, county supervisors, school board"})
	return err
}

// countOf writes a count with the right form of a word.
func countOf(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
