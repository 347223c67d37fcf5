package readiness

import (
	"fmt"
	"regexp"
	"strings"

	"electionbinder/internal/plan"
	"electionbinder/internal/plural"
)

// goKitWords find the plan's go-kit section by its title, whatever the
// template calls it.
var goKitWords = []string{"go-kit", "go kit", "gokit", "go-bag", "go bag", "grab-and-go", "grab and go", "jump kit",
	"emergency kit", "supply kit"}

// defaultGoKit is the checklist used when the plan has no go-kit section.
var defaultGoKit = []string{
	"Printed binder and the latest replacement pages",
	"Pocket cards and the printed call tree",
	"Charged phone, charger and a power bank",
	"Flashlight and spare batteries",
	"Blank incident log and chain-of-custody forms",
	"Spare seals, keys and labels",
	"An encrypted USB drive with the latest backup",
}

// listItem matches a Markdown list line and captures its text, without a task box.
var listItem = regexp.MustCompile(`^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?(.+)$`)

// goKitList returns the go-kit checklist from the plan's go-kit section (and
// the sections under it), with the section's title; the built-in list when
// the plan has none or it lists nothing.
func goKitList(p *plan.Plan) (items []string, source string) {
	if p != nil {
		for i, s := range p.Sections {
			if !isGoKitTitle(s.Title) {
				continue
			}
			items = listLines(s.Body)
			for _, sub := range p.Sections[i+1:] {
				if sub.Depth <= s.Depth {
					break
				}
				items = append(items, listLines(sub.Body)...)
			}
			if len(items) > 0 {
				return dedupe(items), fmt.Sprintf("the plan's section %q", s.Title)
			}
		}
	}
	return defaultGoKit, "the built-in list (the plan has no go-kit section)"
}

func isGoKitTitle(title string) bool {
	t := strings.ToLower(title)
	for _, w := range goKitWords {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// listLines returns the text of each list line of a Markdown body.
func listLines(body string) []string {
	var out []string
	for _, line := range strings.Split(body, "\n") {
		m := listItem.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		text := strings.TrimSpace(strings.NewReplacer("**", "", "__", "", "`", "").Replace(m[1]))
		if text != "" {
			out = append(out, text)
		}
	}
	return out
}

func dedupe(items []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, it := range items {
		if !seen[strings.ToLower(it)] {
			seen[strings.ToLower(it)] = true
			out = append(out, it)
		}
	}
	return out
}

// GoKitItemKey is the tick key of one go-kit item.
func GoKitItemKey(text string) string {
	const max = 200
	key := TaskGoKit + ":" + text
	if len(key) > max {
		key = strings.ToValidUTF8(key[:max], "")
	}
	return key
}

func checkGoKit(c *check) ([]Task, error) {
	t := c.task(TaskGoKit, "Go-kit and supplies checked", AtBoard)
	t.Tickable = true
	p, err := c.currentPlan()
	if err != nil {
		return nil, err
	}
	list, source := goKitList(p)
	var open []string
	for _, text := range list {
		it := Item{Key: GoKitItemKey(text), Text: text}
		if tick, ok := c.tick(it.Key); ok {
			it.Tick = &tick
		} else {
			open = append(open, text)
		}
		t.Items = append(t.Items, it)
	}
	if len(open) == 0 {
		done(&t, fmt.Sprintf("All %s from %s checked.", plural.Count(len(list), "item", "items"), source))
	} else {
		t.Why = fmt.Sprintf("%d of %d items from %s still to check: %s", len(open), len(list), source, listed(open, 3))
	}
	return []Task{t}, nil
}
