package plan

import (
	"strings"
	"testing"
	"time"
)

// A clerk types placeholders the way people type: spaces, capitals, an
// underscore or a space in a role's name. Each either resolves or shows as a
// gap; none may print silently as "{{…}}" without the gap check saying so.
func TestPlaceholderTyposResolveOrShowAsGaps(t *testing.T) {
	s, conn := openStore(t)
	saveProfile(t, conn)
	addRole(t, conn, "it-support", "Dee Xiong", "Sam Ortiz")
	r, err := s.Resolver()
	if err != nil {
		t.Fatal(err)
	}
	call := "Dee Xiong, (920) 555-0100; backup: Sam Ortiz, (920) 555-0101"
	cases := []struct{ in, want, missing string }{
		{"{{ jurisdiction }}", "Lakeshore County", ""},
		{"{{Jurisdiction}}", "Lakeshore County", ""},
		{"{{role:it support}}", call, ""},
		{"{{role:IT_Support}}", call, ""},
		{"{{ role : it-support }}", call, ""},
		{"{{county name}}", "{{county name}}", "{{county name}}"},
		{"{{role:it.support}}", "{{role:it.support}}", "{{role:it.support}}"},
		{"{{}}", "{{}}", "{{}}"},
	}
	for _, c := range cases {
		got, missing := r.Resolve(c.in)
		var m []string
		for _, p := range missing {
			m = append(m, p.Text)
		}
		if got != c.want || strings.Join(m, " ") != c.missing {
			t.Errorf("Resolve(%q) = %q missing %q; want %q missing %q", c.in, got, m, c.want, c.missing)
		}
	}
	p := &Plan{Title: "P", NextReview: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC), Sections: []Section{{ID: 1, Title: "S",
		Body: "Ask {{county name}} and {{role:it.support}}."}}}
	var placeholders []string
	for _, g := range CheckPlan(p, r, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)) {
		if g.Kind == GapPlaceholder {
			placeholders = append(placeholders, g.Message)
		}
	}
	if len(placeholders) != 2 {
		t.Errorf("placeholder gaps = %q; want the two unknown placeholders", placeholders)
	}
}

// The binder resolves placeholders in scenario steps too, so one it cannot
// fill there is a gap like one in a section.
func TestPlaceholdersInScenarioStepsAreGaps(t *testing.T) {
	s, conn := openStore(t)
	saveProfile(t, conn)
	r, err := s.Resolver()
	if err != nil {
		t.Fatal(err)
	}
	p := &Plan{Title: "P", NextReview: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC), Scenarios: []Scenario{{ID: 7, Title: "Flood",
		Response:       []Step{{Action: "Tell {{weather}} to stop."}},
		Communications: []Step{{Audience: "{{press}}", Statement: "We are open in {{jurisdiction}}."}}}}}
	var got []string
	for _, g := range CheckPlan(p, r, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)) {
		if g.Kind == GapPlaceholder && g.ScenarioID == 7 {
			got = append(got, g.Message)
		}
	}
	if len(got) != 2 || !strings.Contains(got[0], "{{weather}}") || !strings.Contains(got[1], "{{press}}") {
		t.Errorf("gaps = %q; want {{weather}} and {{press}}", got)
	}
}

// Word's "Save as Plain Text" writes bullets as "•", "o" and "§" followed by
// a tab, in Windows-1252 with CRLF; they import as Markdown lists, not as
// one run-on paragraph.
func TestReadMarkdownWordPlainTextBullets(t *testing.T) {
	src := "Purpose\r\n=======\r\n\r\nThe clerk\x92s office will:\r\n\x95\tCheck the \x93poll books\x94\r\n" +
		"o\tweekly\r\n\xa7\tby noon\r\n\x95\tCall IT\r\n\r\nTo do so, a plan is kept.\r\n"
	d, err := ReadMarkdown([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := "The clerk’s office will:\n- Check the “poll books”\n  - weekly\n    - by noon\n- Call IT\n\nTo do so, a plan is kept."
	if len(d.Sections) != 1 || d.Sections[0].Body != want {
		t.Errorf("sections = %#v\nwant body %q", d.Sections, want)
	}
}

// pandoc, converting a .docx, writes heading attributes ("{#id .unnumbered}"),
// empty bookmark spans ("[]{#_Toc123 .anchor}") and backslash escapes into
// headings; a section's title is the words alone.
func TestReadMarkdownPandocHeadingTitles(t *testing.T) {
	src := "# []{#_Toc494123 .anchor}Purpose and Scope {#purpose-and-scope .unnumbered}\n\nText.\n\n" +
		"## Plan \\#2 for the \\*main\\* office\n\nMore.\n\n### Keep {braces} here\n\nEnd.\n"
	d, err := ReadMarkdown([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range d.Sections {
		got = append(got, s.Title)
	}
	want := []string{"Purpose and Scope", "Plan #2 for the *main* office", "Keep {braces} here"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("titles = %q; want %q", got, want)
	}
}

// Titles with characters Markdown gives meaning to survive export and import.
func TestMarkdownRoundTripOfAwkwardTitles(t *testing.T) {
	titles := []string{`Plan \#2`, `C:\Elections\`, `Keep {#id} and {braces}`, `Room C#`, `[]{#x} anchors`, `a \\ b`, `50% * 2`}
	var d Document
	for _, title := range titles {
		d.Sections = append(d.Sections, DocSection{Title: title, Body: "x"})
	}
	got, err := ReadMarkdown(WriteMarkdown(d))
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range got.Sections {
		if i >= len(titles) || s.Title != titles[i] {
			t.Errorf("section %d: title %q", i, s.Title)
		}
	}
}

// Moving the first section up or the last one down changes nothing, so an
// approved plan stays approved.
func TestMovingPastTheEndsKeepsThePlanApproved(t *testing.T) {
	s, _ := openStore(t)
	id, _ := s.Create(Document{Title: "P", Sections: []DocSection{{Title: "A", Body: "x"}, {Title: "B", Body: "y"}}})
	if _, err := s.Approve(id, Approval{ApprovedBy: "Board"}); err != nil {
		t.Fatal(err)
	}
	p := mustLoad(t, s, id)
	if err := s.MoveSection(p.Sections[0].ID, -1); err != nil {
		t.Fatal(err)
	}
	if err := s.MoveSection(p.Sections[1].ID, 5); err != nil {
		t.Fatal(err)
	}
	if p := mustLoad(t, s, id); p.Status != Approved || strings.Join(titles(p), ",") != "A,B" {
		t.Errorf("status %q, order %q after moves that change nothing", p.Status, titles(p))
	}
	if err := s.MoveSection(p.Sections[1].ID, -1); err != nil {
		t.Fatal(err)
	}
	if p := mustLoad(t, s, id); p.Status != Draft || strings.Join(titles(p), ",") != "B,A" {
		t.Errorf("status %q, order %q after a real move", p.Status, titles(p))
	}
}

// A placeholder repeated in one section or scenario is one gap to fill, not
// one per use (an imported 2 MB section once gave 35,000).
func TestRepeatedPlaceholderIsOneGap(t *testing.T) {
	s, _ := openStore(t)
	r, err := s.Resolver()
	if err != nil {
		t.Fatal(err)
	}
	p := &Plan{Title: "P", NextReview: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC),
		Sections: []Section{{ID: 1, Title: "S", Body: strings.Repeat("{{county}} and {{clerk}}. ", 50)}},
		Scenarios: []Scenario{{ID: 2, Title: "C", Description: "{{county}}", DoNotSay: "Nothing unconfirmed.", StandDown: "When done.",
			Response: []Step{{Action: "Tell {{county}}", TimeBox: FirstHour, Condition: "asked"}}}}}
	var got []string
	for _, g := range CheckPlan(p, r, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)) {
		got = append(got, g.Message)
	}
	if len(got) != 3 {
		t.Errorf("gaps:\n%s\nwant {{county}} and {{clerk}} in S, {{county}} in C", strings.Join(got, "\n"))
	}
}
