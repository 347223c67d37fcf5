package plan

import (
	"bytes"
	"fmt"
)

// Limits on the shape of Markdown a plan may have. No plan a clerk writes
// comes near them; a file past them is built to make the Markdown parser's
// work grow faster than the file, and is refused before it is parsed.
const (
	MaxMarkdownBytes = 16 << 20 // 16 MB of text
	MaxNesting       = 32       // quotes and lists within one another
	MaxIndent        = 256      // columns of indentation before a line's text
	MaxLinksPerBlock = 2000     // "](" link openings in one paragraph
)

// ErrTooComplex is wrapped by the error for Markdown past one of the limits.
var ErrTooComplex = fmt.Errorf("this text is nested or linked far deeper than any plan")

// CheckShape refuses Markdown that is past one of the limits above, in one
// pass over src, before anything parses it.
func CheckShape(src []byte) error {
	if len(src) > MaxMarkdownBytes {
		return fmt.Errorf("this file is %d MB, more than the %d MB a plan may have", len(src)>>20, MaxMarkdownBytes>>20)
	}
	links := 0
	for line := 1; len(src) > 0; line++ {
		var text []byte
		text, src, _ = bytes.Cut(src, []byte("\n"))
		if len(bytes.TrimSpace(text)) == 0 {
			links = 0
			continue
		}
		if err := checkLine(text); err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
		if links += bytes.Count(text, []byte("](")); links > MaxLinksPerBlock {
			return fmt.Errorf("line %d: %w (more than %d links in one paragraph)", line, ErrTooComplex, MaxLinksPerBlock)
		}
	}
	return nil
}

// checkLine measures the quote markers, list markers and indentation that
// open a line: each is one level of nesting for the parser.
func checkLine(text []byte) error {
	depth, indent := 0, 0
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c == ' ':
			indent++
		case c == '\t':
			indent += 4
		case c == '>':
			depth++
		case listMarker(text[i:]) > 0:
			depth++
			i += listMarker(text[i:]) - 1
		default:
			i = len(text)
		}
	}
	if depth > MaxNesting {
		return fmt.Errorf("%w (quotes and lists %d deep; the most is %d)", ErrTooComplex, depth, MaxNesting)
	}
	if indent > MaxIndent {
		return fmt.Errorf("%w (%d columns of indentation before the text; the most is %d)", ErrTooComplex, indent, MaxIndent)
	}
	return nil
}

// listMarker returns the length of the list marker ("-", "*", "+", "1." or
// "1)") followed by a space at the start of b, or 0.
func listMarker(b []byte) int {
	n := 0
	for n < len(b) && n < 9 && b[n] >= '0' && b[n] <= '9' {
		n++
	}
	switch {
	case n > 0 && n < len(b) && (b[n] == '.' || b[n] == ')'):
		n++
	case n == 0 && len(b) > 0 && (b[0] == '-' || b[0] == '*' || b[0] == '+'):
		n = 1
	default:
		return 0
	}
	if n < len(b) && (b[n] == ' ' || b[n] == '\t') {
		return n
	}
	return 0
}
