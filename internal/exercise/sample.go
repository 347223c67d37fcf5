package exercise

import (
	"strings"
	"time"

	"electionbinder/internal/contacts"
	"electionbinder/internal/plan"
)

// SampleName is the name of the sample county's exercise.
const SampleName = "Election night tabletop (sample)"

// LoadSample adds the sample county's exercise, held a month before now, on
// the first plan's results-website and false-claims scenarios (or its first
// two): the people of the directory who hold roles take part, notes were
// taken, the hot wash is done and three improvement items came out of it,
// one of them closed. It adds nothing when there is no plan, or when the
// sample is there already.
func (s *Store) LoadSample(now time.Time) error {
	list, err := s.List()
	if err != nil {
		return err
	}
	for _, x := range list {
		if x.Name == SampleName {
			return nil
		}
	}
	p, err := samplePlan(plan.NewStore(s.db))
	if err != nil || p == nil {
		return err
	}
	people, err := s.samplePeople()
	if err != nil {
		return err
	}
	held := sampleDay(now)
	id, err := s.Create(Draft{Name: SampleName, HeldOn: held, StartsAt: 9 * time.Hour, Hours: 2.5,
		Location: "County board room, 100 Main Street (sample)", FacilitatorID: people["Hannah Schultz"],
		ScenarioIDs: sampleScenarios(p), Objectives: sampleObjectives})
	if err != nil {
		return err
	}
	return s.samplePlay(id, p, people)
}

var sampleObjectives = []string{
	"Reach the primary or backup of every role named in the scenario within 15 minutes.",
	"Issue an approved holding statement within one hour of the first report.",
	"Keep results and the public informed when the results website fails.",
}

// samplePlan returns the first plan, or nil when there is none.
func samplePlan(ps *plan.Store) (*plan.Plan, error) {
	plans, err := ps.List()
	if err != nil || len(plans) == 0 {
		return nil, err
	}
	return ps.Load(plans[len(plans)-1].ID)
}

// sampleScenarios picks the results-website and false-claims scenarios, or
// the plan's first two.
func sampleScenarios(p *plan.Plan) []int64 {
	var ids []int64
	for _, sc := range p.Scenarios {
		t := strings.ToLower(sc.Title)
		if strings.Contains(t, "results") || strings.Contains(t, "false claims") {
			ids = append(ids, sc.ID)
		}
	}
	for i := 0; len(ids) < 2 && i < len(p.Scenarios); i++ {
		ids = append(ids, p.Scenarios[i].ID)
	}
	return ids
}

// samplePeople maps the names of the directory's people to their ids.
func (s *Store) samplePeople() (map[string]int64, error) {
	list, err := contacts.NewStore(s.db).List(contacts.Filter{Kind: contacts.Person})
	if err != nil {
		return nil, err
	}
	m := map[string]int64{}
	for _, c := range list {
		m[c.Name] = c.ID
	}
	return m, nil
}

// samplePlay records who took part, the notes, the hot wash and the
// improvement plan of the sample exercise.
func (s *Store) samplePlay(id int64, p *plan.Plan, people map[string]int64) error {
	var ids []int64
	for _, n := range []string{"Ana Núñez", "Pao Xiong", "Grace Okafor", "Tomasz Wiśniewski", "Beatriz Santos",
		"Luis Ortega", "Keiko Tanaka", "Jolene Red Bird"} {
		if people[n] != 0 {
			ids = append(ids, people[n])
		}
	}
	if err := s.AddParticipants(id, ids...); err != nil {
		return err
	}
	if people["Keiko Tanaka"] != 0 {
		if err := s.SetParticipant(id, Participant{ContactID: people["Keiko Tanaka"], Role: Observer, Attended: true}); err != nil {
			return err
		}
	}
	e, err := s.Load(id)
	if err != nil {
		return err
	}
	if err := s.sampleNotes(e); err != nil {
		return err
	}
	return s.sampleHotWash(e, p, people)
}

func (s *Store) sampleNotes(e *Exercise) error {
	notes := []struct {
		at   string
		kind NoteKind
		text string
	}{
		{"09:03", Decision, "Beatriz takes screenshots of the posts; Ana decides to post the correct voting day within the hour."},
		{"09:12", Observation, "Only Beatriz knew the password of the office's social media account; Pao, her backup, could not sign in."},
		{"09:21", Decision, "Ana approves a short correction; it goes out at 09:35 without repeating the false claim."},
		{"09:30", Observation, "Nobody knew whom to call at the state to report the fake press release."},
		{"09:48", Decision, "Ana answers the legislator in writing and copies the state elections agency."},
		{"10:04", Decision, "Grace (IT) takes the lead on the website; Ana decides to print tabulator tapes for the counter."},
		{"10:14", Observation, "The IT after-hours number in the call tree rang a desk phone; the backup was reached on her mobile."},
		{"10:30", Observation, "Nobody knew where printed results would be posted for the public."},
		{"10:45", Decision, "Results go to the state results page as the backup channel, with a note on the county website."},
		{"11:05", Observation, "The stand-down was not written in the incident log until the facilitator asked."},
	}
	for _, n := range notes {
		at, _ := ParseClock(n.at)
		if _, err := s.AddNote(e.ID, Note{At: at, Kind: n.kind, Text: n.text, InjectID: e.InjectIDAt(at)}); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) sampleHotWash(e *Exercise, p *plan.Plan, people map[string]int64) error {
	obj := func(i int) int64 {
		if i < len(e.Objectives) {
			return e.Objectives[i].ID
		}
		return 0
	}
	findings := []Finding{
		{Kind: Strength, Text: "Roles were reached quickly; everyone knew who leads.", ObjectiveID: obj(0), Capability: "Operational coordination"},
		{Kind: Strength, Text: "The correction was approved and posted inside 35 minutes, without repeating the false claim.", ObjectiveID: obj(1), Capability: "Public information and warning", SectionID: sectionTitled(p, "Holding statements")},
		{Kind: Improvement, Text: "The after-hours number for IT support is out of date.", ObjectiveID: obj(0), Capability: "Operational communications"},
		{Kind: Improvement, Text: "The plan does not say where printed results are posted when the website is down.", ObjectiveID: obj(2), Capability: "Public information and warning", SectionID: sectionTitled(p, "Website, social media and domain|Network, email and websites")},
		{Kind: Improvement, Text: "Stand-down and the incident log were forgotten.", ObjectiveID: obj(2), Capability: "Operational coordination", SectionID: sectionTitled(p, "After-action report and improvement plan|After-action review")},
	}
	for _, f := range findings {
		if _, err := s.AddFinding(e.ID, f); err != nil {
			return err
		}
	}
	ratings := []Rating{WithoutChallenges, SomeChallenges, MajorChallenges}
	capabilities := []string{"Operational communications", "Public information and warning", "Operational coordination"}
	analysis := []string{
		"Every role in both scenarios was reached within 12 minutes, one of them through the backup.",
		"The correction went out on time, but the approval was given by phone and not written down.",
		"The backup channel for results was chosen only after 50 minutes of discussion.",
	}
	for i, o := range e.Objectives {
		o.Rating, o.Analysis, o.Capability = ratings[i%len(ratings)], analysis[i%len(analysis)], capabilities[i%len(capabilities)]
		if err := s.UpdateObjective(o); err != nil {
			return err
		}
	}
	return s.sampleItems(e, p, people)
}

func (s *Store) sampleItems(e *Exercise, p *plan.Plan, people map[string]int64) error {
	items := []Item{
		{Issue: "The after-hours number for IT support is out of date.", Action: "Verify every IT contact's numbers and mark them verified in the directory.",
			Capability: "Operational communications", OwnerID: people["Grace Okafor"], Due: e.HeldOn.AddDate(0, 0, 14)},
		{Issue: "No place is named for posting printed results when the website is down.", Action: "Add the backup results channel and the posting place to the plan.",
			Capability: "Public information and warning", SectionID: sectionTitled(p, "Website, social media and domain|Network, email and websites"), OwnerID: people["Ana Núñez"], Due: e.HeldOn.AddDate(0, 2, 0)},
		{Issue: "Stand-down is not written in the incident log.", Action: "Add a stand-down line to each scenario's checklist.",
			Capability: "Operational coordination", SectionID: sectionTitled(p, "After-action report and improvement plan|After-action review"), OwnerID: people["Pao Xiong"], Due: e.HeldOn.AddDate(0, 3, 0)},
	}
	for i, it := range items {
		id, err := s.AddItem(e.ID, it)
		if err != nil {
			return err
		}
		if i == 0 {
			if err := s.CloseItem(id, "Grace Okafor"); err != nil {
				return err
			}
		}
	}
	return nil
}

// sampleDay is the day the sample exercise was held: a month before now,
// moved back to the Friday when that falls on a weekend.
func sampleDay(now time.Time) time.Time {
	day := dayOf(now).AddDate(0, -1, 0)
	switch day.Weekday() {
	case time.Saturday:
		return day.AddDate(0, 0, -1)
	case time.Sunday:
		return day.AddDate(0, 0, -2)
	}
	return day
}
