package plan

import (
	"strings"
	"testing"
	"time"
)

// Characters no embedded font prints are gaps, named with their codes;
// scripts with a fallback font (Chinese, Korean, Hindi, symbols) are not.
func TestUnprintableCharactersAreGaps(t *testing.T) {
	s, _ := openStore(t)
	r, err := s.Resolver()
	if err != nil {
		t.Fatal(err)
	}
	p := &Plan{Title: "Plan 🗳️", NextReview: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC),
		Sections: []Section{
			{ID: 1, Title: "Languages", Body: "✓ ≥ 中文 한국어 हिन्दी বাংলা Tiếng Việt עברית"},
			{ID: 2, Title: "Arabic", Body: "بيان صحفي 😀"},
		},
		Scenarios: []Scenario{{ID: 3, Title: "C", Description: "x", Response: []Step{{Action: "Call 📞"}}}}}
	var got []Gap
	for _, g := range CheckPlan(p, r, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)) {
		if g.Kind == GapUnprintable {
			got = append(got, g)
		}
	}
	if len(got) != 3 {
		t.Fatalf("unprintable gaps: %+v, want the title, section 2 and scenario 3", got)
	}
	if !strings.Contains(got[0].Message, "U+1F5F3") || strings.Contains(got[0].Message, "FE0F") {
		t.Errorf("title gap: %s", got[0].Message)
	}
	if got[1].SectionID != 2 || !strings.Contains(got[1].Message, "ب (U+0628)") || !strings.Contains(got[1].Message, "😀 (U+1F600)") {
		t.Errorf("section gap: %+v", got[1])
	}
	if got[2].ScenarioID != 3 || !strings.Contains(got[2].Message, "U+1F4DE") {
		t.Errorf("scenario gap: %+v", got[2])
	}
}
