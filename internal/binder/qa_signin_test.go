package binder

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"electionbinder/internal/training"
)

// From page 2 on, the sheet repeats the session's title and time above the
// table, on a line of its own: not printed over by the table's header, and
// shortened to the page's width when the title is long.
func TestSignInSheetRunningHeaderOnLaterPages(t *testing.T) {
	start := time.Date(2030, 11, 12, 13, 0, 0, 0, trZone(t, "America/Chicago"))
	title := strings.Repeat("Election security communications tabletop exercise ", 3)
	sum := training.EventSummary{Event: training.Event{ID: 1, Title: title, Kind: training.InPerson, Start: start,
		End: start.Add(time.Hour), TimeZone: "America/Chicago", Capacity: 60}}
	var roster []training.Registration
	for i := range 60 {
		roster = append(roster, training.Registration{Name: fmt.Sprintf("Ana Núñez %d", i), Status: training.Registered})
	}
	sum.Registered = len(roster)
	var out bytes.Buffer
	if err := WriteSignInSheet(&out, SignInSheet{Event: sum, Roster: roster}, PageSetup{Paper: "letter"}); err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(trPDFText(t, out.Bytes(), "running-header.pdf"), "\f")
	if len(pages) < 3 {
		t.Fatalf("%d pages", len(pages))
	}
	var first string
	for _, line := range strings.Split(pages[1], "\n") {
		if strings.TrimSpace(line) != "" {
			first = strings.TrimSpace(line)
			break
		}
	}
	if !strings.HasPrefix(first, "Election security communications") || strings.Contains(first, "Printed name") ||
		!strings.Contains(first, "… — Tue 12 Nov 2030, 13:00–14:00 CST") {
		t.Fatalf("page 2 begins %q", first)
	}
}

// The waitlist's heading never stands alone at the foot of a page with its
// people on the next: for every length of the seated list, the page that
// holds the heading also holds the first waiting person.
func TestSignInSheetWaitlistHeadingKeepsWithItsRows(t *testing.T) {
	start := time.Date(2030, 11, 12, 13, 0, 0, 0, trZone(t, "America/Chicago"))
	for seated := 14; seated <= 26; seated++ {
		sum := training.EventSummary{Event: training.Event{ID: 1, Title: "Tabletop", Kind: training.InPerson, Start: start,
			End: start.Add(time.Hour), TimeZone: "America/Chicago", Capacity: seated}, Registered: seated, Waitlisted: 1}
		var roster []training.Registration
		for i := range seated {
			roster = append(roster, training.Registration{Name: fmt.Sprintf("Seated %d", i), Status: training.Registered})
		}
		roster = append(roster, training.Registration{Name: "Waiting Person", Status: training.Waitlisted})
		var out bytes.Buffer
		if err := WriteSignInSheet(&out, SignInSheet{Event: sum, Roster: roster}, PageSetup{Paper: "letter"}); err != nil {
			t.Fatal(err)
		}
		for _, page := range strings.Split(trPDFText(t, out.Bytes(), "waitlist.pdf"), "\f") {
			if strings.Contains(page, "Waitlist (1)") && !strings.Contains(page, "Waiting Person") {
				t.Fatalf("%d seated: the waitlist heading ends a page without its people", seated)
			}
		}
	}
}
