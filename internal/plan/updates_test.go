package plan

import (
	"errors"
	"strings"
	"testing"

	"electionbinder/assets/templates"
)

// sectionBody returns the body of the plan's section titled title.
func sectionBody(t *testing.T, p *Plan, title string) (string, bool) {
	t.Helper()
	for _, s := range p.Sections {
		if s.Title == title {
			return s.Body, true
		}
	}
	return "", false
}

func offerKeyed(offers []Offer, title string) (Offer, bool) {
	for _, o := range offers {
		if o.Title == title {
			return o, true
		}
	}
	return Offer{}, false
}

// A plan made from version 1 of a template is offered version 2's new and
// changed sections one by one; nothing changes until the clerk accepts,
// and a declined change keeps the clerk's own words.
func TestTemplateVersionOffersSectionBySection(t *testing.T) {
	s, _ := openStore(t)
	v1 := "---\ntemplate: county-x\ntemplate-version: 1\n---\n\n# A\n\nText a.\n\n# B\n\nText b.\n\n" +
		"# Scenario: Flood\n\n## Response steps\n\n1. [First hour] **facilities**: Move the ballots upstairs.\n"
	if _, err := s.ImportTemplate([]byte(v1), ""); err != nil {
		t.Fatal(err)
	}
	id, err := s.CreateFromTemplate("county-x", "Town plan")
	if err != nil {
		t.Fatal(err)
	}
	if offers, _ := s.TemplateUpdates(id); len(offers) != 0 {
		t.Fatalf("a plan made from the current version is offered %+v", offers)
	}
	p := mustLoad(t, s, id)
	if err := s.SetSectionBody(p.Sections[0].ID, "Our own words for A."); err != nil {
		t.Fatal(err)
	}
	v2 := strings.Replace(v1, "template-version: 1", "template-version: 2", 1)
	v2 = strings.Replace(v2, "Text a.", "Better text a.", 1)
	v2 = strings.Replace(v2, "# Scenario:", "## B2\n\nNew text under B.\n\n# C\n\nText c.\n\n# Scenario:", 1)
	v2 += "\n# Scenario: Fire\n\n## Response steps\n\n1. [First 15 minutes] **chief-inspector**: Get everyone out.\n"
	if _, err := s.ImportTemplate([]byte(v2), ""); err != nil {
		t.Fatal(err)
	}
	offers, err := s.TemplateUpdates(id)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, o := range offers {
		got = append(got, string(o.Kind)+" "+o.Title)
	}
	if strings.Join(got, "; ") != "changed-section A; new-section B2; new-section C; new-scenario Fire" {
		t.Fatalf("offers: %q", got)
	}
	a, _ := offerKeyed(offers, "A")
	if !a.Edited || a.Current != "Our own words for A." || a.Offered != "Better text a." {
		t.Errorf("offer for A: %+v", a)
	}
	if body, _ := sectionBody(t, mustLoad(t, s, id), "A"); body != "Our own words for A." {
		t.Fatalf("offering changed the plan: %q", body)
	}

	if err := s.DeclineUpdate(id, a.Key); err != nil {
		t.Fatal(err)
	}
	b2, _ := offerKeyed(offers, "B2")
	fire, _ := offerKeyed(offers, "Fire")
	for _, key := range []string{b2.Key, fire.Key} {
		if err := s.AcceptUpdate(id, key); err != nil {
			t.Fatal(err)
		}
	}
	p = mustLoad(t, s, id)
	if strings.Join(titles(p), ",") != "A,B,  B2" {
		t.Errorf("sections after accepting B2: %q", titles(p))
	}
	if body, _ := sectionBody(t, p, "A"); body != "Our own words for A." {
		t.Errorf("declining replaced the clerk's words: %q", body)
	}
	if len(p.Scenarios) != 2 || p.Scenarios[1].Title != "Fire" || p.Scenarios[1].Response[0].TimeBox != First15Minutes {
		t.Errorf("scenarios after accepting Fire: %+v", p.Scenarios)
	}
	offers, _ = s.TemplateUpdates(id)
	if len(offers) != 1 || offers[0].Title != "C" {
		t.Errorf("after the choices, still offered: %+v", offers)
	}
	if err := s.AcceptUpdate(id, a.Key); !errors.Is(err, ErrNotFound) {
		t.Errorf("a declined change could still be taken in: %v", err)
	}

	// A third version that words A differently again is offered again.
	v3 := strings.Replace(strings.Replace(v2, "template-version: 2", "template-version: 3", 1), "Better text a.", "Best text a.", 1)
	if _, err := s.ImportTemplate([]byte(v3), ""); err != nil {
		t.Fatal(err)
	}
	offers, _ = s.TemplateUpdates(id)
	if a, ok := offerKeyed(offers, "A"); !ok || a.Offered != "Best text a." {
		t.Errorf("version 3's A is not offered: %+v", offers)
	}
	if err := s.AcceptUpdate(id, a.Key); err != nil {
		t.Fatal(err)
	}
	if body, _ := sectionBody(t, mustLoad(t, s, id), "A"); body != "Best text a." {
		t.Errorf("accepting did not take in the new text: %q", body)
	}
}

// A plan made from the first built-in template, before plans kept the text
// they started from, is offered the current core template and state pack.
func TestPlanFromBuiltinVersionOneIsOfferedVersionTwo(t *testing.T) {
	s, _ := openStore(t)
	id, err := s.ImportMarkdown(templates.ContingencyPlanV1, "Old plan")
	if err != nil {
		t.Fatal(err)
	}
	p := mustLoad(t, s, id)
	if p.TemplateName != BuiltinTemplate || p.TemplateVersion != 1 {
		t.Fatalf("made from %q v%d", p.TemplateName, p.TemplateVersion)
	}
	for _, sec := range p.Sections {
		if sec.Title == "Purpose and scope" {
			if err := s.SetSectionBody(sec.ID, "Our office's own purpose."); err != nil {
				t.Fatal(err)
			}
		}
	}
	offers, err := s.TemplateUpdates(id)
	if err != nil {
		t.Fatal(err)
	}
	succession, ok := offerKeyed(offers, "Orders of succession")
	if !ok || succession.Kind != NewSection {
		t.Fatalf("orders of succession not offered among %d offers", len(offers))
	}
	results, ok := offerKeyed(offers, "Results reporting site down or spoofed")
	if !ok || !strings.Contains(results.Offered, "§ 7.60(1)") {
		t.Errorf("the Wisconsin results scenario is not offered: %+v", results)
	}
	if err := s.AcceptUpdate(id, succession.Key); err != nil {
		t.Fatal(err)
	}
	p = mustLoad(t, s, id)
	if body, _ := sectionBody(t, p, "Purpose and scope"); body != "Our office's own purpose." {
		t.Errorf("the clerk's edit was lost: %q", body)
	}
	if _, ok := sectionBody(t, p, "Orders of succession"); !ok {
		t.Error("accepting did not add the section")
	}
	if _, ok := sectionBody(t, p, "Part 2: People and partners"); !ok {
		t.Error("the new section's new parent was not added with it")
	}
	if again, _ := s.TemplateUpdates(id); len(again) != len(offers)-2 {
		t.Errorf("after accepting one section (and its parent) %d offers remain of %d", len(again), len(offers))
	}
	n, err := s.AcceptNewUpdates(id)
	if err != nil || n < 50 {
		t.Fatalf("accepted %d new parts: %v", n, err)
	}
	p = mustLoad(t, s, id)
	if body, _ := sectionBody(t, p, "Purpose and scope"); body != "Our office's own purpose." {
		t.Errorf("accepting every new part changed the clerk's words: %q", body)
	}
	left, _ := s.TemplateUpdates(id)
	for _, o := range left {
		if (o.Kind == NewSection || o.Kind == NewScenario) && !o.Edited {
			t.Errorf("a new part is still offered: %s", o.Title)
		}
	}
	if len(p.Scenarios) < 16+8 {
		t.Errorf("%d scenarios after taking in the new ones", len(p.Scenarios))
	}
}

// BenchmarkTemplateUpdates lists what version 2 offers a plan made from the
// first built-in template (the Updates button counts them on opening a plan).
func BenchmarkTemplateUpdates(b *testing.B) {
	s, _ := openStore(b)
	id, err := s.ImportMarkdown(templates.ContingencyPlanV1, "Old plan")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if offers, err := s.TemplateUpdates(id); err != nil || len(offers) == 0 {
			b.Fatal(len(offers), err)
		}
	}
}

// A binder where the clerk already kept a template named like the default
// pack still makes plans from the built-in template, without the pack.
func TestDefaultPackNameTakenByTheClerk(t *testing.T) {
	s, conn := openStore(t)
	if _, err := conn.Exec(`INSERT INTO plan_templates(uuid, name, content) VALUES('x', 'wisconsin', '# A\n\nText.\n')`); err != nil {
		t.Fatal(err)
	}
	id, err := s.CreateFromTemplate(BuiltinTemplate, "Plan")
	if err != nil {
		t.Fatal(err)
	}
	if p := mustLoad(t, s, id); p.PackName != "" || len(p.Scenarios) < 16 {
		t.Errorf("plan made with pack %q and %d scenarios", p.PackName, len(p.Scenarios))
	}
}
