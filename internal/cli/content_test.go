package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"electionbinder/internal/plan"
)

// builtinContent exports the core template, the Wisconsin pack and a plan
// made from them (as a clerk gets it on day one) through the commands, and
// returns the three Markdown files and the plan as read back.
func builtinContent(t *testing.T) (core, pack, merged string, doc plan.Document, dbPath string) {
	t.Helper()
	dir := t.TempDir()
	dbPath = filepath.Join(dir, "binder.db")
	files := map[string]string{}
	for _, name := range []string{"contingency-plan", "wisconsin"} {
		out := filepath.Join(dir, name+".md")
		if code, _, errOut := run(t, dbPath, "templates", "export", name, "--out", out); code != ExitOK {
			t.Fatalf("templates export %s: %d %s", name, code, errOut)
		}
		data, _ := os.ReadFile(out)
		files[name] = string(data)
	}
	code, out, errOut := run(t, dbPath, "plans", "new", "--template", "contingency-plan")
	if code != ExitOK {
		t.Fatalf("plans new: %d %s", code, errOut)
	}
	md := filepath.Join(dir, "plan.md")
	if code, _, errOut := run(t, dbPath, "plans", "export", lastLine(out), "--out", md); code != ExitOK {
		t.Fatalf("plans export: %d %s", code, errOut)
	}
	data, _ := os.ReadFile(md)
	doc, err := plan.ReadMarkdown(data)
	if err != nil {
		t.Fatal(err)
	}
	return files["contingency-plan"], files["wisconsin"], string(data), doc, dbPath
}

func sectionText(t *testing.T, d plan.Document, title string) string {
	t.Helper()
	for _, s := range d.Sections {
		if s.Title == title {
			return s.Body
		}
	}
	t.Fatalf("the plan has no section %q", title)
	return ""
}

func scenarioNamed(t *testing.T, d plan.Document, title string) plan.Scenario {
	t.Helper()
	for _, sc := range d.Scenarios {
		if sc.Title == title {
			return sc
		}
	}
	t.Fatalf("the plan has no scenario %q", title)
	return plan.Scenario{}
}

// scenarioWords is every word a scenario prints.
func scenarioWords(sc plan.Scenario) string {
	parts := []string{sc.Title, sc.Description, sc.DoNotSay, sc.StandDown}
	for _, st := range append(append([]plan.Step(nil), sc.Response...), sc.Communications...) {
		parts = append(parts, st.Condition, st.Action, st.Audience, st.Statement)
	}
	return strings.Join(parts, "\n")
}

func TestBuiltinPlanHasSixteenScenariosThatWorkUnderStress(t *testing.T) {
	_, _, _, doc, _ := builtinContent(t)
	if len(doc.Scenarios) < 16 {
		t.Fatalf("%d scenarios, want at least 16", len(doc.Scenarios))
	}
	for _, sc := range doc.Scenarios {
		boxes := map[plan.TimeBox]bool{}
		decisions := 0
		for _, st := range sc.Response {
			boxes[st.TimeBox] = true
			if st.Condition != "" {
				decisions++
			}
		}
		if !boxes[plan.First15Minutes] || !boxes[plan.FirstHour] || boxes[plan.NoTimeBox] || decisions == 0 ||
			sc.DoNotSay == "" || !strings.HasPrefix(sc.StandDown, "Stand down when") || len(sc.Communications) == 0 {
			t.Errorf("scenario %q: time boxes %v, %d decision points, what not to say %q, stand down %q",
				sc.Title, boxes, decisions, sc.DoNotSay, sc.StandDown)
		}
	}
}

// The known errors of the first template, each read from the exported files.
func TestBuiltinPlanHasNoKnownErrors(t *testing.T) {
	core, pack, merged, doc, dbPath := builtinContent(t)

	t.Run("EI-ISAC is not federal", func(t *testing.T) {
		if strings.Contains(sectionText(t, doc, "Federal partners"), "EI-ISAC") {
			t.Error("the federal partners list the EI-ISAC")
		}
		isac := sectionText(t, doc, "Nonprofit and information-sharing partners")
		for _, want := range []string{"Center for Internet Security", "nonprofit", "not a federal agency", "Verify before relying"} {
			if !strings.Contains(isac, want) {
				t.Errorf("the EI-ISAC entry lacks %q", want)
			}
		}
		_, out, _ := run(t, dbPath, "contacts", "list", "--level", "federal", "--all")
		if strings.Contains(out, "EI-ISAC") {
			t.Errorf("the directory lists the EI-ISAC as federal:\n%s", out)
		}
	})

	t.Run("CISA services are marked verify", func(t *testing.T) {
		for _, line := range strings.Split(merged, "\n") {
			if strings.Contains(line, "CISA") && !strings.Contains(line, "guides") && !strings.Contains(strings.ToLower(line), "verify") {
				t.Errorf("a line relies on CISA without \"verify\": %s", line)
			}
		}
	})

	t.Run("results go on the county's website within 2 hours", func(t *testing.T) {
		words := scenarioWords(scenarioNamed(t, doc, "Results reporting site down or spoofed"))
		for _, want := range []string{"no statewide unofficial-results website", "county's website", "within 2 hours",
			"§ 7.60(1)", "§ 7.51(4)(c)", "county's backup channel"} {
			if !strings.Contains(words, want) {
				t.Errorf("the results scenario lacks %q", want)
			}
		}
		if strings.Contains(words, "state results page") {
			t.Error("the results scenario points to a state results page")
		}
	})

	t.Run("polling places move by the municipality's decision, hours by a court", func(t *testing.T) {
		sc := scenarioNamed(t, doc, "Polling place closed, moved or hours extended")
		words := scenarioWords(sc)
		for _, want := range []string{"municipal governing body and clerk", "§ 5.25(3)", "notices", "court", "§ 6.96"} {
			if !strings.Contains(words, want) {
				t.Errorf("the polling place scenario lacks %q", want)
			}
		}
		for _, st := range sc.Response {
			if st.Role == "emergency-management" && !strings.Contains(st.Action, "does not decide") {
				t.Errorf("emergency management acts as if it decides: %q", st.Action)
			}
		}
	})

	t.Run("the Cyber Response Team is reached through Wisconsin Emergency Management", func(t *testing.T) {
		found := 0
		for _, line := range strings.Split(merged, "\n") {
			if strings.Contains(line, "Cyber Response Team") {
				found++
				if !strings.Contains(line, "WEM") && !strings.Contains(line, "Wisconsin Emergency Management") {
					t.Errorf("a path to the Cyber Response Team skips WEM: %s", line)
				}
			}
		}
		state := sectionText(t, doc, "State partners")
		if found == 0 || !strings.Contains(state, "county emergency manager") || !strings.Contains(state, "Confirm the numbers") ||
			!strings.Contains(state, "Division of Enterprise Technology") || !strings.Contains(state, "state agencies") {
			t.Errorf("the state partners do not say how to reach the Cyber Response Team:\n%s", state)
		}
	})

	t.Run("holding statements state only what is confirmed", func(t *testing.T) {
		asserts := regexp.MustCompile(`(?i)not affected|no data|are secure|is secure|nothing was|no impact`)
		quoted := regexp.MustCompile(`"[^"\n]+"`)
		statements, _, _ := strings.Cut(sectionText(t, doc, "Holding statements"), "Do not say until it is confirmed")
		for _, q := range quoted.FindAllString(statements, -1) {
			if asserts.MatchString(q) {
				t.Errorf("a holding statement asserts what is not known: %s", q)
			}
		}
		if !strings.Contains(sectionText(t, doc, "Holding statements"), "Do not say until it is confirmed") {
			t.Error("the holding statements lack the list of what not to say until confirmed")
		}
		for _, sc := range doc.Scenarios {
			for _, st := range sc.Communications {
				if asserts.MatchString(st.Statement) {
					t.Errorf("scenario %q tells %s: %s", sc.Title, st.Audience, st.Statement)
				}
			}
		}
	})

	t.Run("the memory-device rule is for voting equipment media", func(t *testing.T) {
		for _, line := range strings.Split(merged, "\n") {
			if strings.Contains(strings.ToLower(line), "memory") && !strings.Contains(line, "voting equipment media") {
				t.Errorf("a memory-device rule is not scoped to voting equipment media: %s", line)
			}
		}
	})

	t.Run("American spelling", func(t *testing.T) {
		british := regexp.MustCompile(`(?i)\b\w*(organis|recognis|prioritis|minimis|authoris|summaris|apologis|utilis|realis|emphasis(e|ing)|centre|colour|behaviour|favour|honour|licence|cancell|travell|defence|offence|programme|catalogue|analys(e|ing)\b|practis|enrol\b|whilst|learnt)\w*`)
		partners, _ := os.ReadFile("../../assets/partners.json")
		for name, text := range map[string]string{"core": core, "pack": pack, "partners": string(partners)} {
			for _, w := range british.FindAllString(text, -1) {
				t.Errorf("%s uses the British spelling %q", name, w)
			}
		}
	})
}

// docs/plan-coverage.md maps every checklist item, 1 to 63, to places that
// exist in a plan made from the built-in template.
func TestPlanCoverageMapsEveryChecklistItem(t *testing.T) {
	_, _, _, doc, _ := builtinContent(t)
	data, err := os.ReadFile("../../docs/plan-coverage.md")
	if err != nil {
		t.Fatal(err)
	}
	sections, scenarios := map[string]bool{}, map[string]bool{}
	for _, s := range doc.Sections {
		sections[s.Title] = true
	}
	for _, sc := range doc.Scenarios {
		scenarios[sc.Title] = true
	}
	row := regexp.MustCompile(`(?m)^\| (\d+) \| [^|]+ \| ([^|]+) \|$`)
	seen := map[int]bool{}
	for _, m := range row.FindAllStringSubmatch(string(data), -1) {
		n, _ := strconv.Atoi(m[1])
		seen[n] = true
		_, places, _ := strings.Cut(m[2], ": ")
		for _, place := range strings.Split(places, "; ") {
			place = strings.TrimSpace(place)
			switch {
			case strings.HasPrefix(place, "every "):
			case strings.HasPrefix(place, "Scenario: "):
				if !scenarios[strings.TrimPrefix(place, "Scenario: ")] {
					t.Errorf("item %d names a scenario the plan lacks: %q", n, place)
				}
			default:
				parts := strings.Split(place, " › ")
				for _, title := range parts {
					if !sections[title] {
						t.Errorf("item %d names a section the plan lacks: %q", n, title)
					}
				}
			}
		}
	}
	for n := 1; n <= 63; n++ {
		if !seen[n] {
			t.Errorf("checklist item %d is not in docs/plan-coverage.md", n)
		}
	}
}

// plans check reports a scenario without time boxes, a decision point,
// what not to say or a stand-down line.
func TestPlansCheckReportsAScenarioNotReadyForStress(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "binder.db")
	md := filepath.Join(dir, "plan.md")
	src := "# Purpose\n\nText.\n\n# Scenario: Flood\n\n## Response steps\n\n1. **facilities**: Move the ballots upstairs.\n"
	if err := os.WriteFile(md, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	_, out, _ := run(t, dbPath, "plans", "import", md)
	code, out, _ := run(t, dbPath, "plans", "check", lastLine(out))
	if code != ExitGaps {
		t.Fatalf("plans check exited %d", code)
	}
	for _, want := range []string{"step-without-time-box", "scenario-without-decision-point", "scenario-without-what-not-to-say",
		"scenario-without-stand-down"} {
		if !strings.Contains(out, want+"\tscenario 1\t") {
			t.Errorf("plans check does not report %s:\n%s", want, out)
		}
	}
}

// A state pack is a file: exported, shared, imported under a new name, and
// used to make a plan that records the pack and its version.
func TestStatePackIsSharedLikeATemplate(t *testing.T) {
	dir := t.TempDir()
	county, town := filepath.Join(dir, "county.db"), filepath.Join(dir, "town.db")
	file := filepath.Join(dir, "wisconsin.md")
	if code, _, errOut := run(t, county, "templates", "export", "wisconsin", "--out", file); code != ExitOK {
		t.Fatalf("templates export wisconsin: %d %s", code, errOut)
	}
	if code, _, errOut := run(t, town, "templates", "import", file); code != ExitError || !strings.Contains(errOut, "built-in") {
		t.Errorf("importing over the built-in pack: %d %q", code, errOut)
	}
	code, out, _ := run(t, town, "templates", "import", file, "--name", "lakeshore-wisconsin")
	if code != ExitOK || !strings.Contains(out, `State pack "lakeshore-wisconsin", version 1`) {
		t.Fatalf("templates import of a pack: %d %q", code, out)
	}
	_, out, _ = run(t, town, "templates", "list")
	if !strings.Contains(out, "\tlakeshore-wisconsin\tpack\t1\t") {
		t.Errorf("templates list: %q", out)
	}
	code, out, _ = run(t, town, "plans", "new", "--template", "contingency-plan", "--pack", "lakeshore-wisconsin")
	if code != ExitOK {
		t.Fatalf("plans new with the shared pack: %d %q", code, out)
	}
	md := filepath.Join(dir, "plan.md")
	run(t, town, "plans", "export", lastLine(out), "--out", md)
	data, _ := os.ReadFile(md)
	if !strings.Contains(string(data), "template: contingency-plan\ntemplate-version: 2\npack: lakeshore-wisconsin\npack-version: 1\n") ||
		!strings.Contains(string(data), "WisVote") {
		t.Errorf("the plan does not record its template and pack:\n%.300s", data)
	}
	code, out, _ = run(t, town, "plans", "new", "--template", "contingency-plan", "--pack", "none")
	run(t, town, "plans", "export", lastLine(out), "--out", md)
	if data, _ := os.ReadFile(md); code != ExitOK || strings.Contains(string(data), "pack:") || strings.Contains(string(data), "WisVote") {
		t.Errorf("a plan from the core alone: %d\n%.300s", code, data)
	}
	if code, _, errOut := run(t, town, "plans", "new", "--template", "contingency-plan", "--pack", "ohio"); code != ExitError ||
		!strings.Contains(errOut, `state pack named "ohio"`) {
		t.Errorf("a missing pack: %d %q", code, errOut)
	}
}
