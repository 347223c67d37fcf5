package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"electionbinder/assets/templates"
)

func TestPreviewSegments(t *testing.T) {
	segs := markdownSegments("# Title\n\nSome **bold** and *italic* ~~old~~ text with {{role:nobody}}.\n\n" +
		"- [ ] open task\n- [x] done task\n\n1. first\n2. second\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n> quoted\n\n```\ncode\n```\n")
	var texts []string
	var styles = map[string]widget.RichTextStyle{}
	var table *widget.TableSegment
	var lists int
	var walk func([]widget.RichTextSegment)
	walk = func(list []widget.RichTextSegment) {
		for _, seg := range list {
			switch s := seg.(type) {
			case *widget.TextSegment:
				texts = append(texts, s.Text)
				styles[s.Text] = s.Style
			case *widget.ListSegment:
				lists++
				walk(s.Items)
			case *widget.ParagraphSegment:
				walk(s.Texts)
			case *widget.TableSegment:
				table = s
			}
		}
	}
	walk(segs)
	all := strings.Join(texts, "|")
	for _, want := range []string{"Title", "bold", "italic", "old", "{{role:nobody}}", "☐ ", "open task", "☑ ", "first", "quoted", "code"} {
		if !strings.Contains(all, want) {
			t.Errorf("preview lacks %q: %s", want, all)
		}
	}
	if !styles["bold"].TextStyle.Bold || !styles["italic"].TextStyle.Italic || !styles["old"].TextStyle.Strikethrough {
		t.Error("inline styles lost")
	}
	if styles["{{role:nobody}}"].ColorName != theme.ColorNameError {
		t.Error("an unresolved placeholder is not marked")
	}
	if lists != 2 || table == nil || len(table.Headers) != 2 || len(table.Rows) != 1 {
		t.Errorf("%d lists, table %+v", lists, table)
	}
}

// FuzzPreview renders any text without panicking: the preview runs on
// every keystroke.
func FuzzPreview(f *testing.F) {
	f.Add(string(templates.ContingencyPlan))
	f.Add("- [ ]\n-\n  - [x] *a*\n\n|a|\n|-|\n|*b*|\n> - x\n> > y\n<div>\n\n***\n`c`\nhttps://x.example\n")
	f.Add("1. \n   ```\n   x\n   ```\n* # h\n[link](u) ![img](i)\n")
	f.Fuzz(func(t *testing.T, src string) {
		markdownSegments(src)
	})
}
