package training

import (
	"testing"
	"time"
)

func TestLoadSampleIntoEmptyDirectory(t *testing.T) {
	s, _ := openStore(t)
	s.now = func() time.Time { return time.Date(2020, 1, 15, 12, 0, 0, 0, time.UTC) }
	if err := s.LoadSample(s.now()); err != nil {
		t.Fatal(err)
	}
	checkSample(t, s, 6)
	if err := s.LoadSample(s.now()); err != nil { // a second run changes nothing
		t.Fatalf("second load: %v", err)
	}
	checkSample(t, s, 6)
}

func TestLoadSampleUsesTheDirectory(t *testing.T) {
	s, conn := openStore(t)
	people := addPeople(t, conn, "Lakeshore County Clerk", 14)
	s.now = func() time.Time { return time.Date(2020, 1, 15, 12, 0, 0, 0, time.UTC) }
	if err := s.LoadSample(s.now()); err != nil {
		t.Fatal(err)
	}
	checkSample(t, s, len(people))
	list, _ := s.Events("")
	for _, e := range list {
		if e.Title == "Incident tabletop exercise (sample)" && (e.Registered != 10 || e.Waitlisted != 4) {
			t.Fatalf("tabletop %d seated %d waiting, want 10 and 4", e.Registered, e.Waitlisted)
		}
	}
}

func checkSample(t *testing.T, s *Store, people int) {
	t.Helper()
	list, err := s.Events("")
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 5 {
		t.Fatalf("%d sessions, want 5", len(list))
	}
	byTitle := map[string]EventSummary{}
	for _, e := range list {
		byTitle[e.Title] = e
	}
	webinar := byTitle["Election security communications webinar"]
	if webinar.Capacity != 500 || webinar.Kind != LiveWebinar || webinar.Start.Format("2006-01-02 15:04 MST") != "2019-11-04 10:00 CST" {
		t.Fatalf("webinar %+v", webinar.Event)
	}
	for _, city := range []string{"Milwaukee", "La Crosse", "Madison"} {
		e := byTitle["Security communications exercise — "+city]
		if e.Capacity != 50 || e.Kind != InPerson || e.Attended == 0 {
			t.Fatalf("%s: %+v", city, e)
		}
	}
	rep, err := s.Compliance(time.Date(2019, 12, 31, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	sub, hours := 0, 1 // requirements sort by name
	if rep.Requirements[0].Counts(LiveWebinar) {
		sub, hours = 1, 0
	}
	met, webinarOnly := 0, 0
	for _, st := range rep.People {
		if st.Results[sub].Met {
			met++
		} else if st.Results[hours].Hours > 0 {
			webinarOnly++
		}
	}
	if met == 0 || webinarOnly == 0 || len(rep.People) != people {
		t.Fatalf("met %d, webinar only %d, people %d", met, webinarOnly, len(rep.People))
	}
}
