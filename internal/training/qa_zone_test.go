package training

import (
	"os/exec"
	"strings"
	"testing"
	"time"
)

// Go on Windows finds no time-zone database on a clerk's PC (it reads one
// from the Go installation), so the binary must carry its own.
func TestBinaryCarriesTimeZoneDatabase(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	if !strings.Contains(string(out), "\ntime/tzdata\n") {
		t.Fatal("the training package does not embed time/tzdata; America/Chicago is unknown on Windows")
	}
}

// "Local" is a different zone on every computer: a session is never kept in it.
func TestEventRefusesLocalTimeZone(t *testing.T) {
	s, _ := openStore(t)
	start := time.Date(2019, 11, 4, 10, 0, 0, 0, central)
	_, err := s.CreateEvent(Event{Title: "x", Kind: InPerson, Start: start, End: start.Add(time.Hour), TimeZone: "Local"})
	if err == nil {
		t.Fatal("a session was saved in the zone \"Local\"")
	}
}
