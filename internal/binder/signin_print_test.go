package binder

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"electionbinder/internal/training"
)

// signInText prints a sheet and returns its pages as pdftotext reads them.
func signInText(t *testing.T, sum training.EventSummary, roster []training.Registration, name string) []string {
	t.Helper()
	var out bytes.Buffer
	if err := WriteSignInSheet(&out, SignInSheet{Event: sum, Roster: roster, ExtraLines: 10}, PageSetup{Paper: "letter"}); err != nil {
		t.Fatal(err)
	}
	keepPDF(t, name, writeTempFile(t, name, out.Bytes()))
	pages := strings.Split(trPDFText(t, out.Bytes(), name), "\f")
	return pages[:len(pages)-1]
}

func people(n int, office string) []training.Registration {
	var r []training.Registration
	for i := range n {
		r = append(r, training.Registration{Name: fmt.Sprintf("Person %d", i+1), Office: office, Status: training.Registered})
	}
	return r
}

// A 500-seat webinar gets a short sheet of those registered; a full room
// still has lines for walk-ins; long offices print whole; one hour is "1 hour".
func TestSignInSheetFitsTheSession(t *testing.T) {
	start := time.Date(2030, 11, 12, 13, 0, 0, 0, time.UTC)
	webinar := training.EventSummary{Event: training.Event{ID: 1, Title: "Phishing webinar", Kind: training.LiveWebinar, Start: start,
		End: start.Add(time.Hour), TimeZone: "UTC", Capacity: 500, CreditHours: 1}, Registered: 3}
	pages := signInText(t, webinar, people(3, "Clerk's office"), "webinar.pdf")
	if len(pages) != 1 {
		t.Errorf("a 500-seat webinar with 3 registered prints %d pages", len(pages))
	}
	if all := strings.Join(pages, "\n"); !strings.Contains(all, "1 hour of training credit") || strings.Contains(all, "1 hours") {
		t.Errorf("the credit reads wrong:\n%s", all)
	}

	office := "Department of Emergency Management and Homeland Security Coordination, Lakeshore County"
	room := training.EventSummary{Event: training.Event{ID: 2, Title: "Tabletop", Kind: training.InPerson, Start: start,
		End: start.Add(time.Hour), TimeZone: "UTC", Capacity: 20}, Registered: 20}
	pages = signInText(t, room, people(20, office), "full-room.pdf")
	all := strings.Join(pages, "\n")
	numbers := regexp.MustCompile(`(?m)^\s*(\d+)\s`).FindAllStringSubmatch(all, -1)
	last := numbers[len(numbers)-1][1]
	if last != "25" {
		t.Errorf("a full 20-seat session's last line is %s, want 25 (five for walk-ins)", last)
	}
	if strings.Contains(all, "…") || !strings.Contains(squash(all), "Homeland Security Coordination, Lakeshore County") {
		t.Errorf("the office is cut short:\n%s", all)
	}
}
