package binder

import (
	"strings"
	"unicode"
)

// Hindi (Devanagari) and Bengali write some vowel signs after the consonant
// they are read with but print them before it. A shaping engine moves them;
// gofpdf has none, so reorderIndic does, over the consonant cluster (with
// its viramas) that the sign follows. Conjuncts print with a visible virama.
var (
	preBase = map[rune]bool{0x093F: true, 0x09BF: true, 0x09C7: true, 0x09C8: true}
	// splitVowels are Bengali two-part vowel signs: the part before the
	// consonant and the part after it.
	splitVowels = map[rune][2]rune{0x09CB: {0x09C7, 0x09BE}, 0x09CC: {0x09C7, 0x09D7}}
)

// isIndicConsonant reports whether r is a Devanagari or Bengali consonant.
func isIndicConsonant(r rune) bool {
	return (r >= 0x0915 && r <= 0x0939) || (r >= 0x0958 && r <= 0x095F) ||
		(r >= 0x0995 && r <= 0x09B9) || (r >= 0x09DC && r <= 0x09DF) || r == 0x09CE
}

func isVirama(r rune) bool { return r == 0x094D || r == 0x09CD }

func isNukta(r rune) bool { return r == 0x093C || r == 0x09BC }

// reorderIndic moves pre-base vowel signs before their consonant cluster.
func reorderIndic(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r >= 0x0900 && r <= 0x09FF }) {
		return s
	}
	rs := []rune(s)
	out := make([]rune, 0, len(rs)+4)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		pre, post := rune(0), rune(0)
		if preBase[r] {
			pre = r
		} else if sv, ok := splitVowels[r]; ok {
			pre, post = sv[0], sv[1]
		}
		if pre == 0 {
			out = append(out, r)
			continue
		}
		start := clusterStart(out)
		out = append(out[:start], append([]rune{pre}, out[start:]...)...)
		if post != 0 {
			out = append(out, post)
		}
	}
	return string(out)
}

// clusterStart finds where the consonant cluster ending rs begins:
// consonants joined by viramas, with their nuktas.
func clusterStart(rs []rune) int {
	i := len(rs)
	for i > 0 {
		j := i - 1
		if isNukta(rs[j]) && j > 0 {
			j--
		}
		if !isIndicConsonant(rs[j]) {
			break
		}
		i = j
		if i >= 2 && isVirama(rs[i-1]) && isIndicConsonant(rs[i-2]) {
			i--
			continue
		}
		break
	}
	return i
}

// isRTL reports whether r is a letter of a right-to-left script.
func isRTL(r rune) bool {
	return unicode.Is(unicode.Hebrew, r) || unicode.Is(unicode.Arabic, r)
}

// rtlWord reports whether a word is written right to left.
func rtlWord(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return isRTL(r)
		}
	}
	return false
}

// reverseClusters reverses a word's characters, keeping each combining
// mark after the letter it sits on.
func reverseClusters(s string) string {
	var clusters []string
	for _, r := range s {
		if isMark(r) && len(clusters) > 0 {
			clusters[len(clusters)-1] += string(r)
			continue
		}
		clusters = append(clusters, string(r))
	}
	var b strings.Builder
	for i := len(clusters) - 1; i >= 0; i-- {
		b.WriteString(clusters[i])
	}
	return b.String()
}

// orderRTL lays the right-to-left words of a line out from right to left:
// each run of such words keeps its place in the line, but its words swap
// ends and each word's letters are reversed. Left-to-right text around it
// stays as it is.
func orderRTL(l *textLine) {
	ps := l.pieces
	for i := 0; i < len(ps); {
		if !rtlWord(ps[i].text) {
			i++
			continue
		}
		j := i
		for j+1 < len(ps) && rtlWord(ps[j+1].text) {
			j++
		}
		left, right := ps[i].x, ps[j].x+ps[j].w
		for k := i; k <= j; k++ {
			ps[k].x = left + right - ps[k].x - ps[k].w
			ps[k].text = reverseClusters(ps[k].text)
		}
		for a, b := i, j; a < b; a, b = a+1, b-1 {
			ps[a], ps[b] = ps[b], ps[a]
		}
		i = j + 1
	}
}

// visualOrder lays out a line drawn as one string the way orderRTL lays out
// a paragraph's line: each run of right-to-left words keeps its place, its
// words swap ends and each word's letters are reversed.
func visualOrder(s string) string {
	if !strings.ContainsFunc(s, isRTL) {
		return s
	}
	words := strings.Split(s, " ")
	for i := 0; i < len(words); {
		if !rtlWord(words[i]) {
			i++
			continue
		}
		j := i
		for j+1 < len(words) && rtlWord(words[j+1]) {
			j++
		}
		for k := i; k <= j; k++ {
			words[k] = reverseClusters(words[k])
		}
		for a, b := i, j; a < b; a, b = a+1, b-1 {
			words[a], words[b] = words[b], words[a]
		}
		i = j + 1
	}
	return strings.Join(words, " ")
}
