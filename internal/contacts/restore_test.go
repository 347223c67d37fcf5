package contacts

import "testing"

func TestRemoveThenRestorePutsTheContactBackInItsPlaces(t *testing.T) {
	s := openStore(t)
	org, _ := s.Create(Contact{Kind: Organization, Name: "Lakeshore County Clerk", Level: County, Active: true})
	var ids []int64
	for _, n := range []string{"Ana Núñez", "Pao Xiong", "Grace Okafor"} {
		c, err := s.Create(Contact{Kind: Person, Name: n, OrgID: org.ID, Level: County, Active: true, MobilePhone: "608-555-0100"})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, c.ID)
	}
	role, err := s.AddRole("IT support", "")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetHolders(role.ID, ids); err != nil {
		t.Fatal(err)
	}

	removed, err := s.Remove(ids[1]) // the first backup
	if err != nil {
		t.Fatal(err)
	}
	back, err := s.Restore(removed)
	if err != nil {
		t.Fatal(err)
	}
	if back.UUID != removed.Contact.UUID || back.Name != "Pao Xiong" || back.OrgID != org.ID || back.MobilePhone != "608-555-0100" {
		t.Errorf("put back as %+v", back)
	}
	holders, _ := s.HolderIDs(role.ID)
	if len(holders) != 3 || holders[1] != back.ID {
		t.Errorf("calling order after undo %v, want Pao Xiong second", holders)
	}

	removedOrg, err := s.Remove(org.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(removedOrg.Members) != 3 {
		t.Fatalf("the organization had %d people", len(removedOrg.Members))
	}
	orgBack, err := s.Restore(removedOrg)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range removedOrg.Members {
		if c, _ := s.Get(id); c.OrgID != orgBack.ID {
			t.Errorf("%s was not given back to the organization", c.Name)
		}
	}
	if n, _ := s.Count(); n != 4 {
		t.Errorf("%d contacts after the undos, want 4", n)
	}
}
