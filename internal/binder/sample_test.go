package binder

import (
	"fmt"
	"strings"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// sampleDocument is a plan as a county clerk might keep it, with accented
// names, a long table, checklists and scenarios.
func sampleDocument() *Document {
	return &Document{
		Title:        "Election Security Contingency Plan",
		Jurisdiction: "Lakeshore County",
		County:       "Lakeshore County",
		State:        "Wisconsin",
		Revision:     4,
		RevisionDate: day("2026-03-02"),
		ApprovedBy:   "Ana Núñez, County Clerk",
		ApprovedOn:   day("2026-03-05"),
		ReviewBy:     day("2027-03-01"),
		Marking:      "SENSITIVE — FOR OFFICIAL USE ONLY",
		CopyNumber:   "3",
		IssuedTo:     []string{"Hannah Schultz, Emergency Management Director", "Kept at Emergency operations center"},
		PreparedBy:   []string{"Ana Núñez, County Clerk", "100 Main Street, Room 108, Lakeshore, WI 54000", "(920) 555-0140 · clerk@lakeshore.example.gov"},
		Changes: []Change{
			{1, day("2024-02-10"), "Ana Núñez", "First plan, written from the state template.", "All pages (first revision)"},
			{2, day("2024-08-19"), "Ana Núñez", "Added the scenario for a power outage at a polling place.", "B-5 to B-8; ii"},
			{3, day("2025-04-02"), "Ana Núñez", "New vendor contacts; training requirement for the security subgrant.", "A-1 to A-2; 3-4"},
			{4, day("2026-03-02"), "Ana Núñez", "Reviewed after the spring election; the communications guide names who approves statements.", "5-1 to 5-3"},
		},
		Distribution: []CopyHolder{
			{"1", "Ana Núñez", "County Clerk", "Clerk's office safe", day("2026-03-05")},
			{"2", "Tomás Ibáñez", "Deputy Clerk", "Deputy's desk, locked drawer", day("2026-03-05")},
			{"3", "Mai Xiong", "IT Director, Lakeshore County", "IT operations room", day("2026-03-06")},
			{"4", "Zoë Brännström", "Emergency Management Coordinator", "Emergency operations center", day("2026-03-06")},
		},
		Sections: []Section{
			{Title: "Purpose and scope", Body: purposeBody},
			{Title: "Roles and partners", Body: "Who does what, from the federal level down to each municipality.", Children: []Section{
				{Title: "Federal partners", Body: partnersTable(18)},
				{Title: "State partners", Body: "The **Wisconsin Elections Commission** supports county and municipal clerks. Call its help desk first for anything touching the statewide voter registration system."},
				{Title: "County and municipal partners", Body: "Each municipal clerk keeps a copy of the call tree and calls the county clerk's office *before* talking to the media."},
			}},
			{Title: "Preparation and prevention", Body: prepBody, Children: []Section{
				{Title: "Device security", Body: deviceBody},
				{Title: "Training", Body: "Every election official takes the annual security training. Only **in-person** attendance counts toward the in-person requirement of the security subgrant; a recorded webinar does not."},
			}},
			{Title: "Incident response", Body: responseBody},
			{Title: "Communications guide", Body: commsBody},
		},
		CallTree: CallTree{Groups: []CallGroup{
			{Level: "Federal", Roles: []CallRole{
				{Role: "Cybersecurity advisor", Holders: []CallHolder{{Name: "Łukasz Wójcik", Organization: "Federal cybersecurity agency, region 5", Office: "(312) 555-0101", Mobile: "(312) 555-0102", AfterHours: "(888) 555-0103", Verified: day("2026-02-01")}}},
			}},
			{Level: "State", Roles: []CallRole{
				{Role: "State elections help desk", Holders: []CallHolder{{Name: "Elections Commission help desk", Organization: "Wisconsin Elections Commission", Office: "(608) 555-0170", AfterHours: "(608) 555-0171", Verified: day("2026-01-15")}}},
			}},
			{Level: "County", Roles: []CallRole{
				{Role: "Incident lead", Holders: []CallHolder{
					{Name: "Ana Núñez", Organization: "County Clerk", Office: "(920) 555-0140", Mobile: "(920) 555-0141", AfterHours: "(920) 555-0142", Email: "ana.nunez@lakeshore.example.gov", Verified: day("2026-02-20")},
					{Name: "Tomás Ibáñez", Organization: "Deputy Clerk", Office: "(920) 555-0143", Mobile: "(920) 555-0144", Verified: day("2026-02-20")},
				}},
				{Role: "IT support", Holders: []CallHolder{
					{Name: "Mai Xiong", Organization: "IT Director", Office: "(920) 555-0150", Mobile: "(920) 555-0151", AfterHours: "(920) 555-0152", Verified: day("2026-02-21")},
					{Name: "Chidi Okonkwo", Organization: "Network Administrator", Office: "(920) 555-0153", Mobile: "(920) 555-0154"},
					{Name: "Siobhán Ó Briain", Organization: "Help desk lead", Office: "(920) 555-0155"},
				}},
				{Role: "Public information officer"},
			}},
			{Level: "Vendor", Roles: []CallRole{
				{Role: "Voting equipment vendor", Holders: []CallHolder{{Name: "Support line", Organization: "Ballot equipment vendor", Office: "(800) 555-0199", AfterHours: "(800) 555-0198"}}},
			}},
		}},
		Scenarios: []Scenario{
			{Title: "Ransomware locks the voter registration workstation", Description: "A clerk finds a ransom note on the screen of the workstation used for the statewide voter registration system. Files on the shared drive have strange extensions.",
				Steps: []Step{
					{Text: "Unplug the workstation's network cable. Do not switch it off.", Role: "Clerk on duty"},
					{Text: "Call the incident lead, then IT support.", Role: "Clerk on duty"},
					{Text: "Report the incident to the state elections help desk.", Role: "Incident lead"},
					{Text: "Check whether other machines on the network show the same signs.", Role: "IT support"},
					{Text: "Decide whether to use the paper backup of the poll books.", Role: "Incident lead"},
				},
				Communications: []Step{
					{Text: "Tell staff not to discuss the incident outside the office.", Role: "Incident lead"},
					{Text: "Prepare the holding statement from the communications guide.", Role: "Public information officer"},
					{Text: "Approve any statement before it is released.", Role: "County Clerk"},
				}},
			{Title: "Power outage at a polling place on Election Day", Description: "The power fails at a polling place in the middle of the day. Voters are in line.",
				Steps: []Step{
					{Text: "Keep voting: voters mark paper ballots and put them in the emergency bin of the tabulator.", Role: "Chief inspector"},
					{Text: "Call the municipal clerk.", Role: "Chief inspector"},
					{Text: "Ask the utility for an estimate of the repair time.", Role: "Municipal clerk"},
				},
				Communications: []Step{
					{Text: "Post a notice at the door that voting goes on.", Role: "Chief inspector"},
				}},
			{Title: "A false claim about polling hours spreads online", Description: "A post claims that polls close at 6 p.m. this year. It is shared thousands of times.",
				Steps:          []Step{{Text: "Take screenshots of the post with its address and time.", Role: "Public information officer"}, {Text: "Report it to the platform and the state.", Role: "Incident lead"}},
				Communications: []Step{{Text: "Publish the correct hours on every channel the office uses.", Role: "Public information officer"}}},
		},
		Pocket: PocketCard{
			Contacts: []CardContact{
				{Role: "Incident lead", Name: "Ana Núñez", Phone: "(920) 555-0141", Alt: "(920) 555-0142"},
				{Role: "IT support", Name: "Mai Xiong", Phone: "(920) 555-0151"},
				{Role: "State help desk", Name: "Elections Commission", Phone: "(608) 555-0170"},
				{Role: "Cybersecurity advisor", Name: "Łukasz Wójcik", Phone: "(312) 555-0102"},
			},
			Steps: []string{"Stay calm and keep voters voting.", "Do not switch off a machine that looks compromised; unplug its network cable.", "Call the incident lead.", "Write down what you saw and when.", "Say nothing to the media; refer questions to the clerk."},
		},
	}
}

const purposeBody = `This plan tells the staff of Lakeshore County what to do when something threatens an election: a cyber attack, a power cut, a false story that spreads online, or a threat to a polling place.

It covers the **preparation** we do before every election, the **response** when an incident happens, and the **communications** that follow. It is reviewed after every general election and at least once a year.`

const prepBody = `Preparation starts months before Election Day.

1. Keep the call tree current: check every number each quarter.
2. Test the paper backups of the poll books.
3. Run one tabletop exercise a year using the scenarios in this binder.
   - invite the municipal clerks
   - invite IT support and emergency management`

const deviceBody = `Before every election:

- [ ] Apply the security updates to every workstation that touches the voter registration system.
- [ ] Check that multi-factor sign-in works for each user.
- [ ] Seal the tabulators and record the seal numbers.
- [x] Replace the shared passwords of the previous election.

Keep the seal log with this binder.`

const responseBody = `## First hour

When something looks wrong, **write down the time** and what you saw, then follow the scenario that fits. If none fits, call the incident lead.

## Levels of government

| Level | Who leads | When to call |
|---|---|---|
| Municipal | Municipal clerk | Any problem at a polling place |
| County | County clerk | Anything affecting more than one municipality |
| State | Elections Commission | Statewide systems, legal questions |
| Federal | Cybersecurity advisor | Suspected attack by a foreign actor |

> If in doubt, call up one level. Nobody is ever blamed for calling.`

const commsBody = "Only the county clerk approves statements to the media.\n\n" +
	"A holding statement buys time:\n\n" +
	"```\nWe are aware of the reports and are looking into them.\nVoting continues; every valid ballot will be counted.\n```\n\n" +
	"Use `clerk@lakeshore.example.gov` for written questions; see [the state's guidance](https://example.gov/guidance) for more."

// partnersTable is a Markdown table long enough to break across pages.
func partnersTable(rows int) string {
	var b strings.Builder
	b.WriteString("The federal agencies below support election offices on request.\n\n| Partner | What they offer | How to reach them |\n|---|---|---|\n")
	for i := 1; i <= rows; i++ {
		fmt.Fprintf(&b, "| Partner office %d | Advice on securing networks, free vulnerability scans, exercises and incident help for election offices, in person or remotely | Regional office, desk %d |\n", i, i)
	}
	return b.String()
}
