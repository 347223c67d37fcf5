package sample

import (
	"path/filepath"
	"testing"
	"time"

	"electionbinder/internal/db"
	"electionbinder/internal/readiness"
)

// The sample election falls on a Tuesday, 40 to 46 days ahead, whatever
// the day of the week today is.
func TestElectionDayIsATuesdayAboutFortyDaysAhead(t *testing.T) {
	start := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	for i := range 7 {
		now := start.AddDate(0, 0, i)
		day := ElectionDay(now)
		ahead := int(day.Sub(now).Hours() / 24)
		if day.Weekday() != time.Tuesday || ahead < ElectionDays || ahead > ElectionDays+6 {
			t.Errorf("from %s the sample election is %s, %d days ahead", now.Format("Mon Jan 2"), day.Format("Mon Jan 2"), ahead)
		}
	}
}

// Loading the sample county into a real database file puts that election
// on its calendar.
func TestLoadCountyPutsTheElectionOnATuesday(t *testing.T) {
	conn, err := db.Open(filepath.Join(t.TempDir(), "binder.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if err := LoadCounty(conn, func(string) {}); err != nil {
		t.Fatal(err)
	}
	elections, err := readiness.NewStore(conn).Elections()
	if err != nil || len(elections) != 1 {
		t.Fatalf("elections %v, %v", elections, err)
	}
	if wd := elections[0].Day.Weekday(); wd != time.Tuesday {
		t.Errorf("the sample election falls on a %s", wd)
	}
}
