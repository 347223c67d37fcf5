package binder

import (
	"database/sql"
	"io"
	"time"

	"electionbinder/internal/atomicfile"
	"electionbinder/internal/settings"
	"electionbinder/internal/training"
)

// trainingSetup reads the paper size and the jurisdiction's name from Settings.
func trainingSetup(conn *sql.DB) (PageSetup, string, error) {
	st := settings.New(conn)
	paper, err := st.Get(settings.PaperKey, settings.DefaultPaper)
	if err != nil {
		return PageSetup{}, "", err
	}
	profile, err := st.LoadProfile()
	if err != nil {
		return PageSetup{}, "", err
	}
	return PageSetup{Paper: paper}, profile.Jurisdiction, nil
}

// PrintSignInSheet writes the sign-in sheet of one session to path, on the
// paper chosen in Settings. The command line and the window both call it.
func PrintSignInSheet(conn *sql.DB, eventID int64, path string) error {
	store := training.NewStore(conn)
	sum, err := store.Summary(eventID)
	if err != nil {
		return err
	}
	roster, err := store.Roster(eventID)
	if err != nil {
		return err
	}
	setup, jurisdiction, err := trainingSetup(conn)
	if err != nil {
		return err
	}
	sheet := SignInSheet{Event: sum, Roster: roster, Jurisdiction: jurisdiction, ExtraLines: 10}
	return atomicfile.Write(path, func(w io.Writer) error { return WriteSignInSheet(w, sheet, setup) })
}

// PrintComplianceReport writes the compliance report as of a day to path;
// with only > 0, the grant-file version for that requirement.
func PrintComplianceReport(conn *sql.DB, asOf time.Time, only int64, path string) error {
	rep, err := training.NewStore(conn).Compliance(asOf)
	if err != nil {
		return err
	}
	setup, jurisdiction, err := trainingSetup(conn)
	if err != nil {
		return err
	}
	opt := ComplianceOptions{Jurisdiction: jurisdiction, Only: only}
	return atomicfile.Write(path, func(w io.Writer) error { return WriteComplianceReport(w, rep, opt, setup) })
}
