package exercise

import (
	"fmt"
	"strings"
	"time"

	"electionbinder/internal/contacts"
	"electionbinder/internal/plan"
)

// starter is one ready-made inject of a scenario: after so many minutes from
// the scenario's opening, the words the facilitator reads, the roles it
// calls on and the title of the plan section it touches (none when empty or
// when the plan has no section of that title).
type starter struct {
	after   int
	text    string
	roles   []string
	section string
}

// starterSets are the ready-made injects of the built-in scenarios, keyed by
// the scenario's title. A scenario not listed here gets the generic set,
// built from its own steps.
var starterSets = map[string][]starter{
	"Phishing or account takeover": {
		{10, "The deputy clerk says she typed her password into an email sign-in page this morning. Two municipal clerks have since called about an odd invoice sent from her account.", []string{"it-support", "election-security-lead"}, "Accounts and computers"},
		{25, "IT finds a rule in the account that forwards every message with the word \"ballot\" to an outside address. It was made three days ago.", []string{"it-support"}, "Website, social media and domain"},
		{40, "A municipal clerk asks whether she should still open the ballot-order spreadsheet the county emailed yesterday.", []string{"election-security-lead", "public-information-officer"}, "Holding statements"},
		{55, "A reporter has a copy of the odd invoice and asks whether voter data was stolen.", []string{"public-information-officer"}, "Media inquiries"},
	},
	"Ransomware": {
		{10, "It is a Monday morning, two weeks before the election. Staff cannot open files on the shared drive, and a note on every screen demands payment within 72 hours.", []string{"it-support", "election-security-lead"}, "Accounts and computers"},
		{25, "The county executive asks whether paying would be the fastest way to be ready for the election.", []string{"election-security-lead", "legal-counsel"}, "Notification matrix"},
		{40, "The absentee ballot log lives on the shared drive. Forty voters are at the counter asking for absentee ballots.", []string{"election-security-lead"}, ""},
		{60, "IT says last week's offline backup is good, but rebuilding the network will take at least four days.", []string{"it-support"}, ""},
	},
	"Voter registration system outage": {
		{10, "Early voting opened an hour ago. Staff at three municipal offices say the statewide registration system shows an error page.", []string{"state-elections-help-desk", "election-security-lead"}, ""},
		{25, "The state help desk line is busy. A clerk asks whether to turn voters away until the system is back.", []string{"state-elections-help-desk", "chief-inspector"}, "Notification matrix"},
		{45, "A candidate posts that the county is \"blocking registrations.\" Local radio calls for comment.", []string{"public-information-officer"}, "Holding statements"},
	},
	"Power or utility loss": {
		{10, "In the early afternoon of election day the lights go out at the Harbor Point community center. The tabulator screen is on battery; the accessible voting device is dark.", []string{"chief-inspector"}, ""},
		{25, "The utility says power should return in three to five hours. Twenty voters are in line and it is getting dark inside.", []string{"facilities", "emergency-management"}, "Physical security"},
		{45, "A voter who needs the accessible device is waiting and asks how she can vote privately.", []string{"chief-inspector", "election-security-lead"}, ""},
		{60, "The local TV station calls: viewers say the polling place is closed.", []string{"public-information-officer"}, "Media inquiries"},
	},
	"Suspected tampering": {
		{10, "During setup, the chief inspector reads a seal number on a tabulator that does not match the chain-of-custody log.", []string{"chief-inspector"}, "Voting equipment and chain of custody"},
		{25, "The vendor's technician offers to come over and swap the memory card right away.", []string{"voting-equipment-vendor", "law-enforcement"}, "Voting equipment and chain of custody"},
		{45, "A poll watcher has photographed the broken seal and posted it online with the words \"rigged machines.\"", []string{"public-information-officer", "election-security-lead"}, "Holding statements"},
	},
	"False claims and impersonation of the office online": {
		{10, "A post shared 4,000 times says voters whose last name starts with A to M vote on Wednesday this year.", []string{"public-information-officer"}, ""},
		{25, "The post now carries a copy of the county's logo and a fake press release.", []string{"election-security-lead", "legal-counsel"}, "Approval chain"},
		{45, "A state legislator shares the post and asks the clerk to \"explain the change.\"", []string{"public-information-officer", "election-security-lead"}, "Spokesperson and backup"},
	},
	"Threats, doxxing or swatting of election officials": {
		{10, "A poll worker forwards a voicemail: the caller names her street and says she will \"regret counting those ballots.\"", []string{"chief-inspector", "law-enforcement"}, ""},
		{25, "Two other poll workers heard about the call and say they will not come in tomorrow.", []string{"election-security-lead"}, "Physical security"},
		{45, "A reporter asks whether the county has received threats and how many.", []string{"public-information-officer"}, "Holding statements"},
	},
	"Results reporting site down or spoofed": {
		{10, "On election night, an hour after the polls close, the results page shows a server error. Phones in the clerk's office start ringing.", []string{"it-support"}, "Website, social media and domain"},
		{25, "IT says the site is flooded with traffic from abroad. It could be back in two hours, or later.", []string{"it-support", "election-security-lead"}, ""},
		{40, "A candidate's campaign manager arrives at the office and demands the numbers on paper.", []string{"election-security-lead", "public-information-officer"}, "Holding statements"},
		{60, "The local TV station calls about a website outage and asks when results will be posted.", []string{"public-information-officer"}, "Media inquiries"},
	},
	"Electronic poll book failure": {
		{10, "Twenty minutes after the polls open, two of the three electronic poll books at the library freeze. The line reaches the parking lot.", []string{"chief-inspector"}, ""},
		{25, "The printed poll list is in the supply box, but nobody has used one since training.", []string{"chief-inspector", "election-security-lead"}, ""},
		{45, "One poll book restarts, but it shows a voter as having voted who says she has not.", []string{"chief-inspector", "state-elections-help-desk"}, "Notification matrix"},
	},
	"Voting equipment malfunction": {
		{10, "The tabulator at the town hall rejects every third ballot with a paper jam message.", []string{"chief-inspector"}, ""},
		{25, "The accessible ballot-marking device at the same site will not print. A voter who is blind is waiting.", []string{"chief-inspector", "election-security-lead"}, ""},
		{45, "The vendor's support line has a 40-minute wait.", []string{"voting-equipment-vendor"}, "Vendors"},
	},
	"Polling place closed, moved or hours extended": {
		{10, "At 2 p.m. a water main breaks and the school gym that serves as a polling place floods. Voters are sent outside.", []string{"chief-inspector"}, ""},
		{25, "The fire chief says the building is closed for the day. The nearest hall that could hold voting is two miles away.", []string{"election-security-lead", "legal-counsel"}, "Delegations of authority"},
		{45, "A candidate asks the clerk to announce that polls will stay open two extra hours.", []string{"legal-counsel", "public-information-officer"}, "Holding statements"},
	},
	"Shortage of ballots, supplies or poll workers": {
		{10, "At 7 a.m. only two of six poll workers have arrived at the Maple Street site.", []string{"chief-inspector"}, ""},
		{25, "By noon the busiest ward has ballots for about 90 more voters; turnout is far above the estimate.", []string{"chief-inspector", "election-security-lead"}, "Ballot chain of custody and reconciliation"},
		{45, "A neighboring clerk offers spare ballots, but they are for a different ward.", []string{"election-security-lead"}, "Mutual aid"},
	},
	"Severe weather, disaster or public health emergency": {
		{10, "The weather service warns of a blizzard that will close roads on election day.", []string{"emergency-management", "election-security-lead"}, ""},
		{25, "Three chief inspectors say they cannot reach their polling places. One site has lost heat.", []string{"election-security-lead"}, "Alternate facilities"},
		{45, "A local official says on the radio that the election will be postponed.", []string{"public-information-officer", "legal-counsel"}, "Holding statements"},
	},
	"Bomb threat, suspicious package or mail": {
		{10, "The office receives an envelope with no return address that leaks a white powder onto the counter.", []string{"law-enforcement"}, "Physical security"},
		{25, "Police order the building cleared. Absentee ballots returned today are on the counter next to the envelope.", []string{"law-enforcement", "election-security-lead"}, "Ballot chain of custody and reconciliation"},
		{45, "A reporter outside asks whether ballots were destroyed.", []string{"public-information-officer"}, "Holding statements"},
	},
	"Disruption or intimidation at the polls": {
		{10, "A group with signs stands at the polling place door and asks voters for proof of citizenship.", []string{"chief-inspector"}, ""},
		{25, "The group refuses to move and films voters as they arrive. Some voters leave the line.", []string{"chief-inspector", "law-enforcement"}, "Working with law enforcement before the election"},
		{45, "A video of the scene is spreading online with the claim that the clerk allowed it.", []string{"public-information-officer"}, "Holding statements"},
	},
	"Absentee and mail ballot disruption": {
		{10, "The post office says a tray of about 300 absentee ballots was sent to the wrong county.", []string{"election-security-lead"}, ""},
		{25, "Voters call to say their ballot tracking shows no progress for a week.", []string{"election-security-lead", "public-information-officer"}, ""},
		{45, "Someone sets fire to the ballot drop box outside the town hall overnight.", []string{"law-enforcement", "election-security-lead"}, "Ballot chain of custody and reconciliation"},
	},
}

// starterKey is how a scenario title is looked up among the starter sets:
// case, accents and punctuation do not matter.
func starterKey(title string) string { return contacts.Slugify(title) }

// starterIndex is starterSets by key.
var starterIndex = func() map[string][]starter {
	m := make(map[string][]starter, len(starterSets))
	for title, set := range starterSets {
		m[starterKey(title)] = set
	}
	return m
}()

// HasStarterSet reports whether a scenario of this title has its own ready-made injects.
func HasStarterSet(title string) bool {
	_, ok := starterIndex[starterKey(title)]
	return ok
}

// genericSet is the starter set of a scenario without its own: a check on
// each of its first response steps, then the press and the stand-down.
func genericSet(sc plan.Scenario) []starter {
	var set []starter
	for i, st := range sc.Response {
		if i == 3 {
			break
		}
		set = append(set, starter{after: 10 * (i + 1),
			text:  fmt.Sprintf("Check: the plan says %s should now %s Who is doing it, and how does the team know it is done?", roleWords(st.Role), lowerFirst(st.Action)),
			roles: nonEmpty(st.Role)})
	}
	last := 10 * len(set)
	return append(set,
		starter{last + 15, "A reporter from the local TV station calls and asks what is going on. Their deadline is in 30 minutes.", []string{"public-information-officer"}, "Media inquiries"},
		starter{last + 30, "The immediate problem is under control. What must happen before the office stands down, who writes it in the incident log, and when is the after-action review?", []string{"election-security-lead"}, "After-action report and improvement plan"},
	)
}

func roleWords(slug string) string {
	if slug == "" {
		return "the office"
	}
	return "the " + strings.ReplaceAll(slug, "-", " ")
}

func lowerFirst(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

func nonEmpty(xs ...string) []string {
	var out []string
	for _, x := range xs {
		if x != "" {
			out = append(out, x)
		}
	}
	return out
}

// scenarioScript is the script of one scenario from the clock time from: the
// opening (what it looks like, with the roles of the first response step),
// then its starter set.
func scenarioScript(p *plan.Plan, sc plan.Scenario, r *plan.Resolver, from time.Duration) []Inject {
	opening := Inject{At: from, ScenarioID: sc.ID,
		Text: strings.TrimSpace(sc.Title + ". " + plainText(sc.Description))}
	if len(sc.Response) > 0 {
		opening.Roles = nonEmpty(sc.Response[0].Role)
	}
	script := []Inject{opening}
	set, ok := starterIndex[starterKey(sc.Title)]
	if !ok {
		set = genericSet(sc)
	}
	for _, st := range set {
		script = append(script, Inject{At: from + time.Duration(st.after)*time.Minute, ScenarioID: sc.ID,
			Text: st.text, Roles: st.roles, SectionID: sectionTitled(p, st.section)})
	}
	if r != nil {
		for i := range script {
			script[i].Text, _ = r.Resolve(script[i].Text)
		}
	}
	return script
}

// sectionTitled finds a plan section by title, ignoring case; 0 when none.
func sectionTitled(p *plan.Plan, title string) int64 {
	if title == "" {
		return 0
	}
	for _, s := range p.Sections {
		if strings.EqualFold(strings.TrimSpace(s.Title), title) {
			return s.ID
		}
	}
	return 0
}

// plainText drops the Markdown marks a scenario description may carry, so
// it reads aloud as an inject.
func plainText(md string) string {
	r := strings.NewReplacer("**", "", "__", "", "`", "", "#", "")
	return strings.Join(strings.Fields(r.Replace(md)), " ")
}
