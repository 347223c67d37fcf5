package plan

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"electionbinder/internal/growth"
)

// hostileMarkdown builds files whose parse work grows faster than their size.
var hostileMarkdown = map[string]func(n int) []byte{
	"nested quotes":  func(n int) []byte { return []byte(strings.Repeat(">", n) + " deep\n") },
	"unclosed links": func(n int) []byte { return []byte(strings.Repeat("[a](", n)) },
	"nested list":    func(n int) []byte { return []byte(strings.Repeat("- ", n) + "item\n") },
}

func TestHostileMarkdownGrowsLinearly(t *testing.T) {
	for name, make := range hostileMarkdown {
		t.Run(name, func(t *testing.T) {
			growth.CheckLinear(t, make, 1000, func(src []byte) { ReadMarkdown(src) })
		})
	}
}

func TestHostileMarkdownRefusedPlainly(t *testing.T) {
	files := map[string][]byte{"indented list": indentedList(1000)}
	for name, make := range hostileMarkdown {
		files[name] = make(20_000)
	}
	for name, src := range files {
		if _, err := ReadMarkdown(src); !errors.Is(err, ErrTooComplex) {
			t.Errorf("%s: got %v, want a refusal", name, err)
		}
	}
}

// indentedList is a list nested n levels deep by indentation alone.
func indentedList(n int) []byte {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat("  ", i) + "- item\n")
	}
	return []byte(b.String())
}

func TestEveryDayMarkdownWithinShapeLimits(t *testing.T) {
	src := []byte("# A\n\n> > quoted twice\n\n- one\n  - two\n    - three\n\n[link](x) [link](y)\n")
	if err := CheckShape(src); err != nil {
		t.Fatal(err)
	}
}

// A front matter block with nothing in it, even without a newline after the
// closing line, is read without a panic.
func TestEmptyFrontMatter(t *testing.T) {
	for _, src := range []string{"---\n---", "---\n---\n", "---\n---\n# A\n", "---\n\n---\n"} {
		d, err := ReadMarkdown([]byte(src))
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		if len(d.Sections) > 1 {
			t.Errorf("%q: read as %d sections", src, len(d.Sections))
		}
	}
}

func TestGuidanceWithTrailingSpacesIsStable(t *testing.T) {
	d1, _ := ReadMarkdown([]byte("> **Guidance:**00 \n>00"))
	d2, _ := ReadMarkdown(WriteMarkdown(d1))
	d3, _ := ReadMarkdown(WriteMarkdown(d2))
	if !reflect.DeepEqual(d2, d3) {
		t.Fatalf("not stable:\n%#v\n%#v", d2, d3)
	}
}
