package plan

import (
	"bytes"
	"html"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// markdown is the one goldmark configuration of the binder: CommonMark with
// the GFM table, task-list and strikethrough extensions, and footnotes.
var markdown = goldmark.New(goldmark.WithExtensions(extension.Table, extension.TaskList, extension.Strikethrough, extension.Footnote))

// ParseMarkdown parses Markdown source into a goldmark syntax tree. It is the
// one parse of section bodies: the editor's preview (app/) and the printed
// binder (binder/) both render from the tree it returns. Text nodes refer to
// src by offsets, so keep src to read them (node.Text(src), segment.Value(src)).
func ParseMarkdown(src []byte) ast.Node {
	return markdown.Parser().Parse(text.NewReader(src))
}

// heading is a top-level heading found in a Markdown file.
type heading struct {
	level      int
	title      string
	start, end int // byte offsets of the heading's lines, end past its newline
}

// topHeadings returns the headings at the top level of src, in order;
// headings inside lists, quotes and code blocks are not sections.
func topHeadings(src []byte) []heading {
	doc := ParseMarkdown(src)
	var list []heading
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		h, ok := n.(*ast.Heading)
		if !ok || h.Pos() < 0 {
			continue
		}
		list = append(list, headingAt(src, h))
	}
	return list
}

func headingAt(src []byte, h *ast.Heading) heading {
	start := lineStart(src, h.Pos())
	end := lineEnd(src, h.Pos())
	var title bytes.Buffer
	lines := h.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		if title.Len() > 0 {
			title.WriteByte(' ')
		}
		title.Write(bytes.TrimSpace(seg.Value(src)))
		end = max(end, lineEnd(src, seg.Start))
	}
	if src[h.Pos()] != '#' { // a setext heading: skip its underline
		end = lineEnd(src, end)
	}
	return heading{level: h.Level, title: cleanTitle(title.String()), start: start, end: end}
}

var (
	// pandocAttributes is a heading's trailing "{#id .class}" block.
	pandocAttributes = regexp.MustCompile(`(^|[^\\])\{[#.-][^{}]*\}\s*$`)
	// pandocAnchor is the empty bookmark span pandoc writes for Word's "_Toc" anchors.
	pandocAnchor = regexp.MustCompile(`(^|[^\\])\[\]\{#[^{}]*\}`)
	// escapedPunct is a backslash escape of ASCII punctuation.
	escapedPunct = regexp.MustCompile("\\\\([!-/:-@\\[-`{-~])")
)

// cleanTitle returns the words of a heading as a clerk reads them: without
// pandoc's attributes and bookmark spans, and with backslash escapes undone.
// escapeTitle is its inverse.
func cleanTitle(raw string) string {
	t := strings.TrimSpace(raw)
	for pandocAttributes.MatchString(t) {
		t = strings.TrimSpace(pandocAttributes.ReplaceAllString(t, "$1"))
	}
	for pandocAnchor.MatchString(t) {
		t = pandocAnchor.ReplaceAllString(t, "$1")
	}
	return strings.TrimSpace(escapedPunct.ReplaceAllString(t, "$1"))
}

// escapeTitle writes a title so that cleanTitle reads it back unchanged.
func escapeTitle(title string) string {
	t := strings.ReplaceAll(escapedPunct.ReplaceAllString(title, "\\$0"), "{", "\\{")
	if strings.HasSuffix(t, "#") { // else Markdown reads it as a closing sequence
		t = t[:len(t)-1] + "\\#"
	}
	return t
}

// lineStart returns the offset of the start of the line holding offset i.
func lineStart(src []byte, i int) int {
	return bytes.LastIndexByte(src[:min(i, len(src))], '\n') + 1
}

// lineEnd returns the offset just past the newline ending the line holding
// offset i (or len(src) on the last line).
func lineEnd(src []byte, i int) int {
	if i >= len(src) {
		return len(src)
	}
	if j := bytes.IndexByte(src[i:], '\n'); j >= 0 {
		return i + j + 1
	}
	return len(src)
}

// htmlTag is an HTML tag, or the start or end of a comment.
var htmlTag = regexp.MustCompile(`<!--|-->|<[^<>]*>`)

// HTMLWords returns the words of a block of HTML without its tags, with
// entities such as &amp; decoded: how the preview and the binder show HTML
// a clerk left in a body.
func HTMLWords(raw string) string {
	return strings.Join(strings.Fields(html.UnescapeString(htmlTag.ReplaceAllString(raw, " "))), " ")
}
