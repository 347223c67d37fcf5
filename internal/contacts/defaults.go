package contacts

import (
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"github.com/google/uuid"

	"electionbinder/assets"
)

// DefaultRole is one incident role of the shipped list.
type DefaultRole struct {
	UUID, Slug, Name, Description string
}

// DefaultRoles are the incident roles a new directory starts with; plans
// refer to them by slug as {{role:slug}}.
var DefaultRoles = []DefaultRole{
	{"4b1f0e38-8f0c-4a51-9d2b-3c6d1f0a7e01", "election-security-lead", "Election security lead",
		"Leads the response to an incident and decides when to escalate."},
	{"4b1f0e38-8f0c-4a51-9d2b-3c6d1f0a7e02", "it-support", "IT support",
		"Looks after the office's computers, network and accounts."},
	{"4b1f0e38-8f0c-4a51-9d2b-3c6d1f0a7e03", "law-enforcement", "Law enforcement",
		"Police or sheriff to call for threats, violence or crimes at the office or a polling place."},
	{"4b1f0e38-8f0c-4a51-9d2b-3c6d1f0a7e04", "emergency-management", "Emergency management",
		"Coordinates with emergency services during power cuts, storms and other emergencies."},
	{"4b1f0e38-8f0c-4a51-9d2b-3c6d1f0a7e05", "public-information-officer", "Public information officer",
		"Answers the media and the public, and approves what is said."},
	{"4b1f0e38-8f0c-4a51-9d2b-3c6d1f0a7e06", "voting-equipment-vendor", "Voting-equipment vendor",
		"Supports tabulators, ballot-marking devices and their programming."},
	{"4b1f0e38-8f0c-4a51-9d2b-3c6d1f0a7e07", "legal-counsel", "Legal counsel",
		"Advises on the law, court orders and records requests."},
	{"4b1f0e38-8f0c-4a51-9d2b-3c6d1f0a7e08", "facilities", "Facilities",
		"Keeps buildings, power, locks and polling places usable."},
	{"4b1f0e38-8f0c-4a51-9d2b-3c6d1f0a7e0a", "chief-inspector", "Chief election inspector",
		"Runs a polling place on election day and calls the clerk when something goes wrong there."},
	{"4b1f0e38-8f0c-4a51-9d2b-3c6d1f0a7e09", "state-elections-help-desk", "State elections help desk",
		"The state elections office's line for clerks."},
}

// defaultsVersion is the release of the shipped roles and partner list; a
// database that has received it does not receive it again.
const defaultsVersion = 2

// shippedPartners reads assets/partners.json once.
var shippedPartners = sync.OnceValues(func() (partnerList, error) {
	var list partnerList
	err := json.Unmarshal(assets.PartnersJSON, &list)
	return list, err
})

// partnerList is the shape of assets/partners.json.
type partnerList struct {
	Version  int `json:"version"`
	Partners []struct {
		UUID        string   `json:"uuid"`
		Level       Level    `json:"level"`
		Name        string   `json:"name"`
		Org         string   `json:"org"`
		OfficePhone string   `json:"office_phone"`
		Notes       string   `json:"notes"`
		Source      string   `json:"source"`  // where the facts came from
		Checked     string   `json:"checked"` // YYYY-MM-DD, when they were last checked
		Since       int      `json:"since"`   // the release that added the partner; 0 means the first
		Roles       []string `json:"roles"`
	} `json:"partners"`
}

// EnsureDefaults loads the shipped incident roles and partner list into a
// directory that has not received them yet. It is safe to call at every
// start: the load is recorded, so roles and partners a clerk deleted stay
// deleted, and a role or partner already present (same UUID or slug) is kept
// as the clerk left it. A directory that received an earlier release gets
// the partners added since, and the source and checked date of the facts
// it holds from the list (see upgradeDefaults).
func (s *Store) EnsureDefaults() error {
	var loaded int
	if err := s.db.QueryRow(`SELECT coalesce(max(version), 0) FROM contact_defaults`).Scan(&loaded); err != nil {
		return fmt.Errorf("reading the directory's defaults: %w", err)
	}
	if loaded >= defaultsVersion {
		return nil
	}
	list, err := shippedPartners()
	if err != nil {
		return fmt.Errorf("reading the built-in partner list: %w", err)
	}
	tx, err := s.db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if loaded == 0 {
		err = loadDefaults(tx, list)
	} else {
		err = upgradeDefaults(tx, list, loaded)
	}
	if err != nil {
		return fmt.Errorf("loading the built-in partners and roles: %w", err)
	}
	if _, err := tx.Exec(`INSERT OR IGNORE INTO contact_defaults(uuid, version) VALUES(?, ?)`, uuid.NewString(), defaultsVersion); err != nil {
		return err
	}
	return tx.Commit()
}

// upgradeDefaults brings a directory that received release from up to the
// current list: partners added since are loaded; a built-in partner still
// present gets its source, the checked date if nobody verified it since,
// notes where it has none, and the level the list now gives it when the
// clerk left the old one (the EI-ISAC is not a federal body).
func upgradeDefaults(tx execer, list partnerList, from int) error {
	var fresh partnerList
	for _, p := range list.Partners {
		if max(p.Since, 1) > from {
			fresh.Partners = append(fresh.Partners, p)
			continue
		}
		if _, err := tx.Exec(`UPDATE contacts SET source = ?,
			verified_on = CASE WHEN verified_on = '' OR verified_on < ? THEN ? ELSE verified_on END,
			notes = CASE WHEN notes = '' THEN ? ELSE notes END,
			level = CASE WHEN level = 'federal' AND ? = 'other' THEN 'other' ELSE level END,
			updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
			WHERE uuid = ? AND builtin = 1`, p.Source, p.Checked, p.Checked, p.Notes, p.Level, p.UUID); err != nil {
			return err
		}
	}
	return loadPartners(tx, fresh, nil)
}

func loadDefaults(tx execer, list partnerList) error {
	roleIDs := map[string]int64{}
	for _, d := range DefaultRoles {
		r := Role{UUID: d.UUID, Slug: d.Slug, Name: d.Name, Description: d.Description}
		if err := tx.QueryRow(`SELECT id FROM roles WHERE slug = ? OR uuid = ?`, d.Slug, d.UUID).Scan(&r.ID); err == nil {
			roleIDs[d.Slug] = r.ID
			continue
		}
		if err := insertRole(tx, &r); err != nil {
			return err
		}
		roleIDs[d.Slug] = r.ID
	}
	return loadPartners(tx, list, roleIDs)
}

// loadPartners adds the partners of list that are not in the directory,
// each holding the roles it is listed for when roleIDs has them.
func loadPartners(tx execer, list partnerList, roleIDs map[string]int64) error {
	ids := map[string]int64{}
	for _, p := range list.Partners {
		var id int64
		if err := tx.QueryRow(`SELECT id FROM contacts WHERE uuid = ?`, p.UUID).Scan(&id); err == nil {
			ids[p.UUID] = id
			continue
		}
		checked, _ := time.Parse(dateLayout, p.Checked)
		c := Contact{UUID: p.UUID, Kind: Organization, Name: p.Name, Level: p.Level, OrgID: ids[p.Org],
			OfficePhone: p.OfficePhone, Notes: p.Notes, Active: true, Builtin: true, Source: p.Source, VerifiedOn: checked}
		id, err := insertContact(tx, c)
		if err != nil {
			return err
		}
		ids[p.UUID] = id
		for _, slug := range p.Roles {
			roleID, ok := roleIDs[slug]
			if !ok {
				continue
			}
			holders, err := holderIDs(tx, roleID)
			if err != nil {
				return err
			}
			if err := setHolders(tx, roleID, append(holders, id)); err != nil {
				return err
			}
		}
	}
	return nil
}
