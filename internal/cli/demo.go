package cli

import (
	"database/sql"
	"fmt"

	"electionbinder/internal/settings"
)

func init() {
	Register(Command{Name: "demo", Summary: "load a sample county to try things out", Run: runDemo})
}

// demoLoader fills one part of a database with the sample county.
type demoLoader struct {
	what string
	load func(db *sql.DB) error
}

// demoLoaders run in order; each feature adds its sample data here.
var demoLoaders = []demoLoader{
	{"jurisdiction profile", loadDemoProfile},
	{"contact directory", loadDemoContacts},
	{"contingency plan", loadDemoPlan},
	{"distribution list", loadDemoCopies},
	{"training sessions", loadDemoTraining},
	{"tabletop exercise", loadDemoExercise},
	{"election calendar", loadDemoElection},
}

func runDemo(env *Env, args []string) error {
	if _, err := parseArgs("demo", args, 0, 0); err != nil {
		return err
	}
	for _, l := range demoLoaders {
		if err := l.load(env.DB); err != nil {
			return fmt.Errorf("loading the sample %s: %w", l.what, err)
		}
		fmt.Fprintf(env.Stdout, "Loaded the sample %s\n", l.what)
	}
	return nil
}

// DemoProfile is the fictional jurisdiction of the sample data.
var DemoProfile = settings.Profile{
	Jurisdiction: "Lakeshore County (sample)",
	Kind:         settings.County,
	County:       "Lakeshore County",
	State:        "Wisconsin",
	ClerkName:    "Ana Núñez",
	ClerkTitle:   "County Clerk",
	Phone:        "(920) 555-0140",
	Email:        "clerk@lakeshore.example.gov",
	Address:      "100 Main Street, Room 108\nLakeshore, WI 54000",
}

func loadDemoProfile(db *sql.DB) error {
	return settings.New(db).SaveProfile(DemoProfile)
}
