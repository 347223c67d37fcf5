package readiness

import (
	"strings"
	"time"
)

// ConfirmNote goes with every computed date: the statutes set the pattern,
// but only the state's calendar is authoritative.
const ConfirmNote = "confirm with the Elections Commission calendar"

// Suggestion is a regular election computed from the state's schedule,
// offered for the clerk to confirm before it goes on the calendar.
type Suggestion struct {
	Election
	Note string
}

// WisconsinRegular computes Wisconsin's regular elections of one year from
// the statutory pattern: the spring primary (third Tuesday in February) and
// spring election (first Tuesday in April) every year; in even years the
// partisan primary (second Tuesday in August) and the general election (the
// Tuesday after the first Monday in November).
func WisconsinRegular(year int) []Suggestion {
	var list []Suggestion
	add := func(name string, kind Kind, d time.Time) {
		list = append(list, Suggestion{Election: Election{Name: name, Day: d, Kind: kind}, Note: ConfirmNote})
	}
	add("Spring primary", Spring, nthWeekday(year, time.February, 3, time.Tuesday))
	add("Spring election", Spring, nthWeekday(year, time.April, 1, time.Tuesday))
	if year%2 == 0 {
		add("Partisan primary", PartisanPrimary, nthWeekday(year, time.August, 2, time.Tuesday))
		add("General election", General, nthWeekday(year, time.November, 1, time.Monday).AddDate(0, 0, 1))
	}
	return list
}

// nthWeekday is the n-th weekday of a month (n from 1).
func nthWeekday(year int, month time.Month, n int, weekday time.Weekday) time.Time {
	first := time.Date(year, month, 1, 0, 0, 0, 0, time.UTC)
	shift := (int(weekday) - int(first.Weekday()) + 7) % 7
	return first.AddDate(0, 0, shift+7*(n-1))
}

// Suggestions offers the regular elections of the jurisdiction's state in
// the two years after asOf that are not yet on the calendar. Only Wisconsin's schedule is known; other states get none.
func (s *Store) Suggestions(state string, asOf time.Time) ([]Suggestion, error) {
	if !isWisconsin(state) {
		return nil, nil
	}
	have, err := s.Elections()
	if err != nil {
		return nil, err
	}
	onCalendar := map[string]bool{}
	for _, e := range have {
		onCalendar[e.Day.Format(dayLayout)] = true
	}
	today := day(asOf)
	horizon := today.AddDate(2, 0, 0)
	var out []Suggestion
	for year := today.Year(); year <= horizon.Year(); year++ {
		for _, sg := range WisconsinRegular(year) {
			if sg.Day.Before(today) || sg.Day.After(horizon) || onCalendar[sg.Day.Format(dayLayout)] {
				continue
			}
			out = append(out, sg)
		}
	}
	return out, nil
}

func isWisconsin(state string) bool {
	s := strings.ToLower(strings.TrimSpace(state))
	return s == "wisconsin" || s == "wi"
}
