package contacts

import (
	"fmt"
	"time"
)

// samplePerson is one fictional person of the sample county.
type samplePerson struct {
	name, title, org, email, office, mobile, afterHours string
	level                                               Level
	verifiedDaysAgo                                     int // -1: never verified
	roles                                               []string
}

// sampleOrgs are the fictional offices of the sample county.
var sampleOrgs = []struct {
	name  string
	level Level
}{
	{"Lakeshore County Clerk (sample)", County},
	{"Lakeshore County IT (sample)", County},
	{"Lakeshore County Sheriff (sample)", County},
	{"Lakeshore County Emergency Management (sample)", County},
	{"Lakeshore County Corporation Counsel (sample)", County},
	{"City of Harbor Point (sample)", Municipal},
	{"Example Voting Systems Inc. (sample)", Vendor},
}

// samplePeople hold the roles, primaries first: a made-up county whose
// names, addresses and 555-01xx numbers belong to no one.
var samplePeople = []samplePerson{
	{"Ana Núñez", "County Clerk", "Lakeshore County Clerk (sample)", "ana.nunez@lakeshore.example.gov", "(920) 555-0140", "(920) 555-0141", "(920) 555-0142", County, 12, []string{"election-security-lead"}},
	{"Pao Xiong", "Deputy County Clerk", "Lakeshore County Clerk (sample)", "pao.xiong@lakeshore.example.gov", "(920) 555-0143", "(920) 555-0144", "", County, 40, []string{"election-security-lead", "public-information-officer"}},
	{"Grace Okafor", "IT Director", "Lakeshore County IT (sample)", "grace.okafor@lakeshore.example.gov", "(920) 555-0150", "(920) 555-0151", "(920) 555-0152", County, 30, []string{"it-support"}},
	{"Tomasz Wiśniewski", "Network Administrator", "Lakeshore County IT (sample)", "tomasz.wisniewski@lakeshore.example.gov", "(920) 555-0153", "(920) 555-0154", "", County, 130, []string{"it-support"}},
	{"Dana Whitecloud", "Help Desk Lead", "Lakeshore County IT (sample)", "dana.whitecloud@lakeshore.example.gov", "(920) 555-0155", "", "", County, -1, []string{"it-support"}},
	{"Luis Ortega", "Patrol Captain", "Lakeshore County Sheriff (sample)", "luis.ortega@lakeshore.example.gov", "(920) 555-0160", "(920) 555-0161", "(920) 555-0162", County, 20, []string{"law-enforcement"}},
	{"Maren Lindqvist", "Sergeant", "Lakeshore County Sheriff (sample)", "maren.lindqvist@lakeshore.example.gov", "(920) 555-0163", "(920) 555-0164", "", County, 95, []string{"law-enforcement"}},
	{"Hannah Schultz", "Emergency Management Director", "Lakeshore County Emergency Management (sample)", "hannah.schultz@lakeshore.example.gov", "(920) 555-0170", "(920) 555-0171", "(920) 555-0172", County, 60, []string{"emergency-management"}},
	{"Ibrahim Haddad", "Planner", "Lakeshore County Emergency Management (sample)", "ibrahim.haddad@lakeshore.example.gov", "(920) 555-0173", "", "", County, 200, []string{"emergency-management"}},
	{"Beatriz Santos", "Communications Manager", "Lakeshore County Clerk (sample)", "beatriz.santos@lakeshore.example.gov", "(920) 555-0145", "(920) 555-0146", "", County, 10, []string{"public-information-officer"}},
	{"Samuel Oyelaran", "Field Technician", "Example Voting Systems Inc. (sample)", "samuel.oyelaran@vendor.example.com", "(920) 555-0180", "(920) 555-0181", "(920) 555-0182", Vendor, 45, []string{"voting-equipment-vendor"}},
	{"Priya Raman", "Support Manager", "Example Voting Systems Inc. (sample)", "priya.raman@vendor.example.com", "(920) 555-0183", "(920) 555-0184", "", Vendor, 100, []string{"voting-equipment-vendor"}},
	{"Keiko Tanaka", "Corporation Counsel", "Lakeshore County Corporation Counsel (sample)", "keiko.tanaka@lakeshore.example.gov", "(920) 555-0185", "", "", County, 70, []string{"legal-counsel"}},
	{"Ruth Amundsen", "Assistant Corporation Counsel", "Lakeshore County Corporation Counsel (sample)", "ruth.amundsen@lakeshore.example.gov", "(920) 555-0186", "", "", County, 150, []string{"legal-counsel"}},
	{"Marcus Bell", "Facilities Supervisor", "Lakeshore County Clerk (sample)", "marcus.bell@lakeshore.example.gov", "(920) 555-0190", "(920) 555-0191", "", County, 25, []string{"facilities"}},
	{"Jolene Red Bird", "City Clerk", "City of Harbor Point (sample)", "jolene.redbird@harborpoint.example.gov", "(920) 555-0120", "(920) 555-0121", "", Municipal, 5, nil},
	{"Chen Wei", "Deputy City Clerk", "City of Harbor Point (sample)", "chen.wei@harborpoint.example.gov", "(920) 555-0122", "", "", Municipal, -1, nil},
	{"Walter Kowalczyk", "Chief Election Inspector, Ward 1–4", "City of Harbor Point (sample)", "", "(920) 555-0125", "(920) 555-0126", "", Municipal, 33, []string{"chief-inspector"}},
	{"Fatima Noor", "Chief Election Inspector, Ward 5–8", "City of Harbor Point (sample)", "", "(920) 555-0127", "(920) 555-0128", "", Municipal, 33, []string{"chief-inspector"}},
}

// LoadSample fills the directory with the sample county's people, holding
// every role with a primary and backups, except facilities, which is left
// without a backup so the gap shows. It loads the defaults first.
func (s *Store) LoadSample(today time.Time) error {
	if err := s.EnsureDefaults(); err != nil {
		return err
	}
	var loaded int
	if err := s.db.QueryRow(`SELECT count(*) FROM contacts WHERE name = ?`, sampleOrgs[0].name).Scan(&loaded); err != nil || loaded > 0 {
		return err // already there: loading the sample twice adds nothing
	}
	tx, err := s.db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	orgs := map[string]int64{}
	for _, o := range sampleOrgs {
		id, err := insertContact(tx, Contact{Kind: Organization, Name: o.name, Level: o.level, Active: true, VerifiedOn: today.AddDate(0, 0, -30)})
		if err != nil {
			return err
		}
		orgs[o.name] = id
	}
	holders := map[string][]int64{}
	for _, p := range samplePeople {
		c := Contact{Kind: Person, Name: p.name, Title: p.title, OrgID: orgs[p.org], Level: p.level, Email: p.email,
			OfficePhone: p.office, MobilePhone: p.mobile, AfterHoursPhone: p.afterHours, Active: true}
		if p.verifiedDaysAgo >= 0 {
			c.VerifiedOn = today.AddDate(0, 0, -p.verifiedDaysAgo)
		}
		id, err := insertContact(tx, c)
		if err != nil {
			return fmt.Errorf("adding %s: %w", p.name, err)
		}
		for _, slug := range p.roles {
			holders[slug] = append(holders[slug], id)
		}
	}
	if err := assignBySlug(tx, holders); err != nil {
		return err
	}
	return tx.Commit()
}

// assignBySlug appends holders to the roles named by slug, after any there already.
func assignBySlug(tx execer, holders map[string][]int64) error {
	for slug, ids := range holders {
		var roleID int64
		if err := tx.QueryRow(`SELECT id FROM roles WHERE slug = ?`, slug).Scan(&roleID); err != nil {
			return fmt.Errorf("finding the role %s: %w", slug, err)
		}
		existing, err := holderIDs(tx, roleID)
		if err != nil {
			return err
		}
		if err := setHolders(tx, roleID, append(existing, ids...)); err != nil {
			return err
		}
	}
	return nil
}
