// Package sample fills a binder with a fictional county, Lakeshore County,
// so a clerk can try every screen before entering her own data: a profile,
// a directory with its call tree, a plan with controlled copies, training
// sessions, a tabletop exercise and an election on the calendar.
package sample

import (
	"database/sql"
	"fmt"
	"strconv"
	"time"

	"electionbinder/internal/binder"
	"electionbinder/internal/contacts"
	"electionbinder/internal/exercise"
	"electionbinder/internal/plan"
	"electionbinder/internal/readiness"
	"electionbinder/internal/settings"
	"electionbinder/internal/training"
)

// loader fills one part of a database with the sample county.
type loader struct {
	what string
	load func(db *sql.DB) error
}

// loaders run in order; each feature adds its sample data here.
var loaders = []loader{
	{"jurisdiction profile", loadProfile},
	{"contact directory", func(db *sql.DB) error { return contacts.NewStore(db).LoadSample(time.Now()) }},
	{"contingency plan", loadPlan},
	{"distribution list", loadCopies},
	{"training sessions", func(db *sql.DB) error { return training.NewStore(db).LoadSample(time.Now()) }},
	{"tabletop exercise", func(db *sql.DB) error { return exercise.NewStore(db).LoadSample(time.Now()) }},
	{"election calendar", loadElection},
}

// LoadCounty fills db with the sample county, part by part, calling loaded
// with the name of each part once it is in.
func LoadCounty(db *sql.DB, loaded func(what string)) error {
	for _, l := range loaders {
		if err := l.load(db); err != nil {
			return fmt.Errorf("loading the sample %s: %w", l.what, err)
		}
		loaded(l.what)
	}
	return nil
}

// Profile is the fictional jurisdiction of the sample data.
var Profile = settings.Profile{
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

func loadProfile(db *sql.DB) error {
	return settings.New(db).SaveProfile(Profile)
}

// loadPlan starts the sample county's plan from the built-in template,
// unless the database already has a plan.
func loadPlan(db *sql.DB) error {
	st := plan.NewStore(db)
	list, err := st.List()
	if err != nil || len(list) > 0 {
		return err
	}
	_, err = st.CreateFromTemplate(plan.BuiltinTemplate, "")
	return err
}

// loadCopies gives out three controlled copies of the sample plan, unless
// it already has a distribution list.
func loadCopies(db *sql.DB) error {
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

// ElectionDays is how far ahead, at least, the sample election falls.
const ElectionDays = 40

// ElectionDay is the sample election's day seen from now: the first
// Tuesday at least ElectionDays ahead, as elections fall on Tuesdays.
func ElectionDay(now time.Time) time.Time {
	day := now.AddDate(0, 0, ElectionDays)
	return day.AddDate(0, 0, (int(time.Tuesday)-int(day.Weekday())+7)%7)
}

// loadElection puts the sample election on the calendar.
func loadElection(db *sql.DB) error {
	store := readiness.NewStore(db)
	have, err := store.Elections()
	if err != nil || len(have) > 0 {
		return err
	}
	_, err = store.Add(readiness.Election{Name: "Spring election (sample)", Kind: readiness.Spring,
		Day: ElectionDay(time.Now()), Offices: "State Supreme Court justice, county supervisors, school board"})
	return err
}
