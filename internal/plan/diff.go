package plan

import "strings"

// DiffOp says whether a line is in both versions, only the old or only the new.
type DiffOp int

// The kinds of line in a diff.
const (
	Same DiffOp = iota
	Deleted
	Inserted
)

// DiffLine is one line of a line-by-line comparison.
type DiffLine struct {
	Op   DiffOp
	Text string
}

// maxDiffCells bounds the work of DiffLines; larger texts are compared as a
// whole block removed and a whole block added.
const maxDiffCells = 4_000_000

// DiffLines compares two texts line by line (longest common subsequence)
// and returns the lines of both in order, each marked same, deleted or inserted.
func DiffLines(old, new string) []DiffLine {
	a, b := splitLines(old), splitLines(new)
	if len(a)*len(b) > maxDiffCells {
		return wholeDiff(a, b)
	}
	// lcs[i][j] is the length of the longest common subsequence of a[i:] and b[j:].
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []DiffLine
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			out = append(out, DiffLine{Same, a[i]})
			i, j = i+1, j+1
		case lcs[i+1][j] >= lcs[i][j+1]:
			out = append(out, DiffLine{Deleted, a[i]})
			i++
		default:
			out = append(out, DiffLine{Inserted, b[j]})
			j++
		}
	}
	for ; i < len(a); i++ {
		out = append(out, DiffLine{Deleted, a[i]})
	}
	for ; j < len(b); j++ {
		out = append(out, DiffLine{Inserted, b[j]})
	}
	return out
}

func wholeDiff(a, b []string) []DiffLine {
	out := make([]DiffLine, 0, len(a)+len(b))
	for _, l := range a {
		out = append(out, DiffLine{Deleted, l})
	}
	for _, l := range b {
		out = append(out, DiffLine{Inserted, l})
	}
	return out
}

func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(strings.TrimRight(s, "\n"), "\n")
}
