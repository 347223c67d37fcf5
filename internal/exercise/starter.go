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
// calls on and the title of the plan section it touches (see sectionTitled;
// none when empty or when the plan has no section of that title).
type starter struct {
	after   int
	text    string
	roles   []string
	section string
}

// starterSets are the ready-made injects of the built-in scenarios, keyed by
// the scenario's title; titles joined by "|" share a set (the same incident
// in this and earlier versions of the template). A scenario not listed here
// gets the generic set, built from its own steps.
var starterSets = map[string][]starter{
	"Phishing or account takeover|Phishing of a clerk's email account": {
		{10, "The deputy clerk says she typed her password into an email sign-in page this morning. Two municipal clerks have since called about an odd invoice sent from her account.", []string{"it-support", "election-security-lead"}, "Accounts and computers|Office computers and accounts"},
		{25, "IT finds a rule in the account that forwards every message with the word \"ballot\" to an outside address. It was made three days ago.", []string{"it-support"}, "Website, social media and domain|Network, email and websites"},
		{40, "A municipal clerk asks whether she should still open the ballot-order spreadsheet the county emailed yesterday.", []string{"election-security-lead", "public-information-officer"}, "Holding statements"},
		{55, "A reporter has a copy of the odd invoice and asks whether voter data was stolen.", []string{"public-information-officer"}, "Media inquiries|Media-inquiry checklist"},
	},
	"Ransomware|Ransomware on the county network": {
		{10, "It is a Monday morning, two weeks before the election. Staff cannot open files on the shared drive, and a note on every screen demands payment within 72 hours.", []string{"it-support", "election-security-lead"}, "Accounts and computers|Office computers and accounts"},
		{25, "The county executive asks whether paying would be the fastest way to be ready for the election.", []string{"election-security-lead", "legal-counsel"}, "Notification matrix|When and whom to notify"},
		{40, "The absentee ballot log lives on the shared drive. Forty voters are at the counter asking for absentee ballots.", []string{"election-security-lead"}, ""},
		{60, "IT says last week's offline backup is good, but rebuilding the network will take at least four days.", []string{"it-support"}, ""},
	},
	"Voter registration system outage|Statewide voter registration system outage": {
		{10, "Early voting opened an hour ago. Staff at three municipal offices say the statewide registration system shows an error page.", []string{"state-elections-help-desk", "election-security-lead"}, ""},
		{25, "The state help desk line is busy. A clerk asks whether to turn voters away until the system is back.", []string{"state-elections-help-desk", "chief-inspector"}, "Notification matrix|When and whom to notify"},
		{45, "A candidate posts that the county is \"blocking registrations.\" Local radio calls for comment.", []string{"public-information-officer"}, "Holding statements"},
	},
	"Power or utility loss|Power loss at a polling place": {
		{10, "In the early afternoon of election day the lights go out at the Harbor Point community center. The tabulator screen is on battery; the accessible voting device is dark.", []string{"chief-inspector"}, ""},
		{25, "The utility says power should return in three to five hours. Twenty voters are in line and it is getting dark inside.", []string{"facilities", "emergency-management"}, "Physical security"},
		{45, "A voter who needs the accessible device is waiting and asks how she can vote privately.", []string{"chief-inspector", "election-security-lead"}, ""},
		{60, "The local TV station calls: viewers say the polling place is closed.", []string{"public-information-officer"}, "Media inquiries|Media-inquiry checklist"},
	},
	"Suspected tampering|Tampering with voting equipment": {
		{10, "During setup, the chief inspector reads a seal number on a tabulator that does not match the chain-of-custody log.", []string{"chief-inspector"}, "Voting equipment and chain of custody"},
		{25, "The vendor's technician offers to come over and swap the memory card right away.", []string{"voting-equipment-vendor", "law-enforcement"}, "Voting equipment and chain of custody"},
		{45, "A poll watcher has photographed the broken seal and posted it online with the words \"rigged machines.\"", []string{"public-information-officer", "election-security-lead"}, "Holding statements"},
	},
	"False claims and impersonation of the office online|False claims spreading online": {
		{10, "A post shared 4,000 times says voters whose last name starts with A to M vote on Wednesday this year.", []string{"public-information-officer"}, ""},
		{25, "The post now carries a copy of the county's logo and a fake press release.", []string{"election-security-lead", "legal-counsel"}, "Approval chain"},
		{45, "A state legislator shares the post and asks the clerk to \"explain the change.\"", []string{"public-information-officer", "election-security-lead"}, "Spokesperson and backup|Spokesperson"},
	},
	"Threats, doxxing or swatting of election officials|Threat against election workers": {
		{10, "A poll worker forwards a voicemail: the caller names her street and says she will \"regret counting those ballots.\"", []string{"chief-inspector", "law-enforcement"}, ""},
		{25, "Two other poll workers heard about the call and say they will not come in tomorrow.", []string{"election-security-lead"}, "Physical security"},
		{45, "A reporter asks whether the county has received threats and how many.", []string{"public-information-officer"}, "Holding statements"},
	},
	"Results reporting site down or spoofed|Results website down on election night": {
		{10, "On election night, an hour after the polls close, the results page shows a server error. Phones in the clerk's office start ringing.", []string{"it-support"}, "Website, social media and domain|Network, email and websites"},
		{25, "IT says the site is flooded with traffic from abroad. It could be back in two hours, or later.", []string{"it-support", "election-security-lead"}, ""},
		{40, "A candidate's campaign manager arrives at the office and demands the numbers on paper.", []string{"election-security-lead", "public-information-officer"}, "Holding statements"},
		{60, "The local TV station calls about a website outage and asks when results will be posted.", []string{"public-information-officer"}, "Media inquiries|Media-inquiry checklist"},
	},
	"Electronic poll book failure": {
		{10, "At opening, two of the three electronic poll books at the Harbor Point library will not start. Voters are lining up.", []string{"chief-inspector"}, ""},
		{25, "The poll book that works shows a voter as having voted by absentee ballot. She says she never asked for one.", []string{"chief-inspector", "election-security-lead"}, "Ballot chain of custody and reconciliation"},
		{45, "The vendor's help line says a fix will be pushed in about two hours and asks for the poll books to stay online.", []string{"voting-equipment-vendor", "election-security-lead"}, "Access, insiders, removable media and vendor remote access"},
	},
	"Voting equipment malfunction": {
		{10, "A tabulator at Ward 3 rejects every ballot with the message \"paper jam\", though there is no jam.", []string{"chief-inspector"}, "Voting equipment and chain of custody"},
		{25, "Voters are putting their ballots in the emergency bin. A voter asks whether her ballot will really be counted.", []string{"chief-inspector", "public-information-officer"}, "Holding statements"},
		{45, "The vendor's technician can reach the polling place in 90 minutes, or can talk a poll worker through a restart by phone.", []string{"voting-equipment-vendor", "election-security-lead"}, ""},
	},
	"Polling place closed, moved or hours extended": {
		{10, "Before the polls open, the church that hosts Ward 5 calls: a pipe burst overnight and the hall is flooded.", []string{"chief-inspector", "facilities"}, "Alternate facilities"},
		{25, "The only nearby space is the town hall, two miles away. Signs, equipment and poll workers must move before the polls open", []string{"election-security-lead", "facilities"}, "Alternate facilities"},
		{45, "Later in the day, voters who went to the church are calling to say they could not vote. A candidate asks the court to keep the polls open late.", []string{"legal-counsel", "public-information-officer"}, "When to call legal counsel"},
	},
	"Shortage of ballots, supplies or poll workers": {
		{10, "Mid-morning, a chief inspector reports that one ballot style will run out by early afternoon at this rate.", []string{"chief-inspector", "election-security-lead"}, "Ballot chain of custody and reconciliation"},
		{25, "Four poll workers at another site have called in sick. Two sites now have fewer workers than the law requires.", []string{"election-security-lead"}, ""},
		{45, "The printer can deliver more ballots in four hours; a reporter asks whether voters are being turned away.", []string{"public-information-officer"}, "Media inquiries"},
	},
	"Severe weather, disaster or public health emergency": {
		{10, "The weather service warns of a blizzard arriving on election morning, with roads likely closed by noon.", []string{"emergency-management", "election-security-lead"}, "Essential functions and deadlines"},
		{25, "Half of the poll workers at three rural sites say they cannot drive in. One site has lost heat.", []string{"chief-inspector", "facilities"}, "Alternate facilities"},
		{45, "Candidates ask whether the election will be postponed. The office must say what the law allows and what it is doing.", []string{"legal-counsel", "public-information-officer"}, "Holding statements"},
	},
	"Bomb threat, suspicious package or mail": {
		{10, "A caller tells a poll worker that a bomb is hidden in the polling place and hangs up. Forty voters are inside.", []string{"chief-inspector", "law-enforcement"}, "Physical security"},
		{25, "The sheriff asks to clear the building for an hour. Voters in line ask where they can vote now.", []string{"law-enforcement", "election-security-lead"}, "Alternate facilities"},
		{45, "At the clerk's office, an envelope of mailed ballots arrives with white powder leaking from a corner.", []string{"law-enforcement", "emergency-management"}, "Physical security"},
	},
	"Disruption or intimidation at the polls": {
		{10, "Three people with cameras stand at the entrance, asking voters whom they voted for and filming them.", []string{"chief-inspector"}, "Physical security"},
		{25, "An observer inside keeps interrupting poll workers and will not stay in the observer area.", []string{"chief-inspector", "election-security-lead"}, ""},
		{45, "Videos from the entrance are spreading online with the claim that voters are being turned away.", []string{"public-information-officer", "law-enforcement"}, "Holding statements"},
	},
	"Absentee and mail ballot disruption": {
		{10, "The post office finds a tray of 300 absentee ballots from the county that was never delivered to voters.", []string{"election-security-lead"}, "Ballot chain of custody and reconciliation"},
		{25, "Voters who never got their ballots are calling. Some ask to vote in person instead; others are out of state.", []string{"election-security-lead", "public-information-officer"}, "Internal and stakeholder communications"},
		{45, "A reporter asks how many ballots were lost, whether any were opened, and who is to blame.", []string{"public-information-officer", "legal-counsel"}, "Media inquiries"},
	},
}

// starterKey is how a scenario title is looked up among the starter sets:
// case, accents and punctuation do not matter.
func starterKey(title string) string { return contacts.Slugify(title) }

// starterIndex is starterSets by key, one entry for each title of a set.
var starterIndex = func() map[string][]starter {
	m := make(map[string][]starter, 2*len(starterSets))
	for titles, set := range starterSets {
		for _, title := range strings.Split(titles, "|") {
			m[starterKey(title)] = set
		}
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
		starter{last + 15, "A reporter from the local TV station calls and asks what is going on. Their deadline is in 30 minutes.", []string{"public-information-officer"}, "Media inquiries|Media-inquiry checklist"},
		starter{last + 30, "The immediate problem is under control. What must happen before the office stands down, who writes it in the incident log, and when is the after-action review?", []string{"election-security-lead"}, "After-action report and improvement plan|After-action review"},
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

// sectionTitled finds a plan section by title, ignoring case; titles may
// be several joined by "|" (the section's name in this and earlier versions
// of the template), tried in turn; 0 when the plan has none of them.
func sectionTitled(p *plan.Plan, titles string) int64 {
	for _, title := range strings.Split(titles, "|") {
		for _, s := range p.Sections {
			if title != "" && strings.EqualFold(strings.TrimSpace(s.Title), title) {
				return s.ID
			}
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
