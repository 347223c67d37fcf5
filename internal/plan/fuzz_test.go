package plan

import (
	"reflect"
	"testing"

	"electionbinder/assets/templates"
)

// FuzzReadMarkdown reads any text without failing, and whatever it reads
// survives being written and read again unchanged.
func FuzzReadMarkdown(f *testing.F) {
	f.Add(templates.ContingencyPlan)
	f.Add([]byte("Title\n=====\n\nBody\n\n## Sub\n\n- [ ] task\n"))
	f.Add([]byte("---\ntitle: x\n---\n# Scenario: S\nLevel: state\n## Response steps\n1. **a**: b\n## Communications\n- **c** tells *d*: e\n"))
	f.Add([]byte("> **Guidance:** g\n> more\n\n# A\n> **Guidance:** h\n\n```\n# code\n```\n"))
	f.Add([]byte("#\n\n# \n##### deep\n###### deeper\n"))
	f.Add([]byte("---\n---"))
	f.Add([]byte("> **Guidance:**00 \n>00"))
	for _, make := range hostileMarkdown {
		f.Add(make(40))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		d1, err := ReadMarkdown(src)
		if err != nil {
			return
		}
		d2, err := ReadMarkdown(WriteMarkdown(d1))
		if err != nil {
			t.Fatalf("reading our own output: %v", err)
		}
		d3, _ := ReadMarkdown(WriteMarkdown(d2))
		if !reflect.DeepEqual(d2, d3) {
			t.Fatalf("not stable after a round trip:\n%#v\n%#v", d2, d3)
		}
	})
}
