package cli

import (
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"os/user"
	"strconv"
	"strings"
	"time"

	"electionbinder/internal/binder"
	"electionbinder/internal/exercise"
	"electionbinder/internal/plan"
	"electionbinder/internal/settings"
)

func init() {
	Register(Command{Name: "exercises new", Args: "NAME --date YYYY-MM-DD --scenario ID... [--start HH:MM] [--facilitator CONTACT] [--objective TEXT]...",
		Summary: "plan a tabletop exercise on plan scenarios, with its script of injects; prints its id", Run: runExercisesNew})
	Register(Command{Name: "exercises list", Args: "[--items]",
		Summary: "list the exercises, or with --items their improvement items", Run: runExercisesList})
	Register(Command{Name: "exercises participants", Args: "ID CONTACT...",
		Summary: "add people of the directory to an exercise (attendance counts as training)", Run: runExercisesParticipants})
	Register(Command{Name: "exercises note", Args: "ID TEXT [--at HH:MM] [--decision]",
		Summary: "note an observation (or a decision) against the exercise clock", Run: runExercisesNote})
	Register(Command{Name: "exercises improve", Args: "ID --issue TEXT --owner CONTACT --due YYYY-MM-DD [--action TEXT] [--section ID]",
		Summary: "add an item to the improvement plan; it is a gap of the plan until closed; prints its id", Run: runExercisesImprove})
	Register(Command{Name: "exercises report", Args: "ID --out FILE.pdf",
		Summary: "write the after-action report and improvement plan", Run: runExercisesReport})
	Register(Command{Name: "exercises close-item", Args: "ITEM [--by NAME]",
		Summary: "close an improvement item, recording who and when", Run: runExercisesCloseItem})
}

// listFlag collects a flag given several times, or once with commas.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

func (l *listFlag) Set(s string) error {
	for _, x := range strings.Split(s, ",") {
		if x = strings.TrimSpace(x); x != "" {
			*l = append(*l, x)
		}
	}
	return nil
}

func exerciseID(arg string) (int64, error) {
	return parseID(arg, fmt.Sprintf("%q is not an exercise id (see binder exercises list)", arg))
}

func contactArg(arg string) (int64, error) {
	return parseID(arg, fmt.Sprintf("CONTACT must be a contact id from binder contacts list, not %q", arg))
}

func runExercisesNew(env *Env, args []string) error {
	fs := flag.NewFlagSet("exercises new", flag.ContinueOnError)
	date := fs.String("date", "", "the day of the exercise, YYYY-MM-DD")
	start := fs.String("start", "09:00", "when the exercise clock starts, HH:MM")
	facilitator := fs.String("facilitator", "", "the facilitator's contact id")
	var scenarios, objectives listFlag
	fs.Var(&scenarios, "scenario", "a plan scenario id (repeat for more)")
	fs.Var(&objectives, "objective", "an objective (repeat for more)")
	pos, err := ParseFlags(fs, args, 1, 1)
	if err != nil {
		return err
	}
	d := exercise.Draft{Name: pos[0], Objectives: objectives}
	if *date == "" {
		return UsageError{"--date YYYY-MM-DD is required"}
	}
	if d.HeldOn, err = parseDay(*date, fmt.Sprintf("--date %q is not a date like 2027-03-01", *date)); err != nil {
		return err
	}
	if d.StartsAt, err = exercise.ParseClock(*start); err != nil {
		return UsageError{"--start: " + err.Error()}
	}
	if len(scenarios) == 0 {
		return UsageError{"--scenario ID is required; the plans' scenarios are:\n" + scenarioChoices(env.DB)}
	}
	for _, s := range scenarios {
		id, err := parseID(s, fmt.Sprintf("--scenario %q is not a scenario id", s))
		if err != nil {
			return err
		}
		d.ScenarioIDs = append(d.ScenarioIDs, id)
	}
	if *facilitator != "" {
		if d.FacilitatorID, err = contactArg(*facilitator); err != nil {
			return err
		}
	}
	id, err := exercise.NewStore(env.DB).Create(d)
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, id)
	return nil
}

// scenarioChoices lists the scenarios of every plan, one a line with its
// id, for a usage message.
func scenarioChoices(conn *sql.DB) string {
	ps := plan.NewStore(conn)
	list, err := ps.List()
	if err != nil {
		return err.Error()
	}
	var b strings.Builder
	for _, sum := range list {
		p, err := ps.Load(sum.ID)
		if err != nil {
			return err.Error()
		}
		for _, sc := range p.Scenarios {
			fmt.Fprintf(&b, "%d\t%s (plan %d)\n", sc.ID, sc.Title, p.ID)
		}
	}
	if b.Len() == 0 {
		return "(none: make a plan first with binder plans new)"
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func runExercisesList(env *Env, args []string) error {
	fs := flag.NewFlagSet("exercises list", flag.ContinueOnError)
	items := fs.Bool("items", false, "list the improvement items instead")
	if _, err := ParseFlags(fs, args, 0, 0); err != nil {
		return err
	}
	st := exercise.NewStore(env.DB)
	if *items {
		return printItems(env, st)
	}
	list, err := st.List()
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, "ID\tNAME\tDATE\tPARTICIPANTS\tINJECTS\tOPEN ITEMS\tITEMS")
	for _, x := range list {
		fmt.Fprintf(env.Stdout, "%d\t%s\t%s\t%d\t%d\t%d\t%d\n", x.ID, tabless(x.Name), dayText(x.HeldOn, "-"),
			x.Participants, x.Injects, x.OpenItems, x.Items)
	}
	return nil
}

func printItems(env *Env, st *exercise.Store) error {
	list, err := st.Items()
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, "ID\tEXERCISE\tSTATUS\tDUE\tOWNER\tISSUE\tCORRECTIVE ACTION")
	for _, it := range list {
		fmt.Fprintf(env.Stdout, "%d\t%d\t%s\t%s\t%s\t%s\t%s\n", it.ID, it.ExerciseID, tabless(it.Status()),
			dayText(it.Due, "-"), orDash(it.Owner), tabless(it.Issue), orDash(tabless(it.Action)))
	}
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func runExercisesParticipants(env *Env, args []string) error {
	pos, err := parseArgs("exercises participants", args, 2, -1)
	if err != nil {
		return err
	}
	id, err := exerciseID(pos[0])
	if err != nil {
		return err
	}
	var people []int64
	for _, a := range pos[1:] {
		c, err := contactArg(a)
		if err != nil {
			return err
		}
		people = append(people, c)
	}
	st := exercise.NewStore(env.DB)
	if err := st.AddParticipants(id, people...); err != nil {
		return err
	}
	e, err := st.Load(id)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%d participants\n", len(e.Participants))
	return nil
}

func runExercisesNote(env *Env, args []string) error {
	fs := flag.NewFlagSet("exercises note", flag.ContinueOnError)
	at := fs.String("at", "", "the time on the exercise clock, HH:MM (default: the clock, or the time now)")
	decision := fs.Bool("decision", false, "the note is a decision, not an observation")
	pos, err := ParseFlags(fs, args, 2, -1)
	if err != nil {
		return err
	}
	id, err := exerciseID(pos[0])
	if err != nil {
		return err
	}
	st := exercise.NewStore(env.DB)
	e, err := st.Load(id)
	if err != nil {
		return err
	}
	n := exercise.Note{Text: strings.Join(pos[1:], " "), Kind: exercise.Observation}
	if *decision {
		n.Kind = exercise.Decision
	}
	if n.At, err = noteTime(e, *at); err != nil {
		return err
	}
	n.InjectID = e.InjectIDAt(n.At)
	noteID, err := st.AddNote(id, n)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Noted at %s\n%d\n", exercise.ClockText(n.At), noteID)
	return nil
}

// noteTime is the time given with --at, or the exercise clock when it was
// started, or the time of day now.
func noteTime(e *exercise.Exercise, at string) (time.Duration, error) {
	now := time.Now()
	switch {
	case at != "":
		d, err := exercise.ParseClock(at)
		if err != nil {
			return 0, UsageError{"--at: " + err.Error()}
		}
		return d, nil
	case e.Clock.Started():
		return e.Clock.Read(now), nil
	}
	return time.Duration(now.Hour())*time.Hour + time.Duration(now.Minute())*time.Minute, nil
}

func runExercisesImprove(env *Env, args []string) error {
	fs := flag.NewFlagSet("exercises improve", flag.ContinueOnError)
	issue := fs.String("issue", "", "what went wrong or is missing")
	action := fs.String("action", "", "the corrective action")
	owner := fs.String("owner", "", "the contact id of who owns the fix")
	due := fs.String("due", "", "when the fix is due, YYYY-MM-DD")
	section := fs.String("section", "", "the plan section it concerns (id from binder plans check or the Plans screen)")
	pos, err := ParseFlags(fs, args, 1, 1)
	if err != nil {
		return err
	}
	id, err := exerciseID(pos[0])
	if err != nil {
		return err
	}
	if strings.TrimSpace(*issue) == "" || *owner == "" || *due == "" {
		return UsageError{"--issue TEXT, --owner CONTACT and --due YYYY-MM-DD are required"}
	}
	it := exercise.Item{Issue: *issue, Action: *action}
	if it.OwnerID, err = contactArg(*owner); err != nil {
		return err
	}
	if it.Due, err = parseDay(*due, fmt.Sprintf("--due %q is not a date like 2027-03-01", *due)); err != nil {
		return err
	}
	if *section != "" {
		if it.SectionID, err = parseID(*section, fmt.Sprintf("--section %q is not a section id", *section)); err != nil {
			return err
		}
	}
	itemID, err := exercise.NewStore(env.DB).AddItem(id, it)
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, itemID)
	return nil
}

func runExercisesReport(env *Env, args []string) error {
	fs := flag.NewFlagSet("exercises report", flag.ContinueOnError)
	out := fs.String("out", "", "the PDF file to write")
	pos, err := ParseFlags(fs, args, 1, 1)
	if err != nil {
		return err
	}
	id, err := exerciseID(pos[0])
	if err != nil {
		return err
	}
	if !strings.HasSuffix(strings.ToLower(*out), ".pdf") {
		return UsageError{"--out FILE.pdf is required"}
	}
	if err := binder.PrintExerciseReport(env.DB, id, *out); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, *out)
	return nil
}

func runExercisesCloseItem(env *Env, args []string) error {
	fs := flag.NewFlagSet("exercises close-item", flag.ContinueOnError)
	by := fs.String("by", "", "who closes it (default: the clerk named in Settings)")
	pos, err := ParseFlags(fs, args, 1, 1)
	if err != nil {
		return err
	}
	id, err := parseID(pos[0], fmt.Sprintf("%q is not an item id (see binder exercises list --items)", pos[0]))
	if err != nil {
		return err
	}
	who := strings.TrimSpace(*by)
	if who == "" {
		if who, err = defaultCloser(env.DB); err != nil {
			return err
		}
	}
	st := exercise.NewStore(env.DB)
	if err := st.CloseItem(id, who); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Item %s closed by %s\n", strconv.FormatInt(id, 10), who)
	return nil
}

// defaultCloser is who closes an item when --by is not given: the clerk
// named in Settings, or the computer's user.
func defaultCloser(conn *sql.DB) (string, error) {
	p, err := settings.New(conn).LoadProfile()
	if err != nil {
		return "", err
	}
	if p.ClerkName != "" {
		return p.ClerkName, nil
	}
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username, nil
	}
	return "", errors.New("say who closes the item with --by NAME, or set the clerk's name in Settings")
}

func loadDemoExercise(db *sql.DB) error {
	return exercise.NewStore(db).LoadSample(time.Now())
}
