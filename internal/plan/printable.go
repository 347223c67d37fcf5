package plan

import (
	"fmt"

	"electionbinder/internal/fonts"
)

// GapUnprintable is text with characters the printed binder has no font
// for (emoji, Arabic): they would print as a replacement mark.
const GapUnprintable GapKind = "unprintable-characters"

// unprintableGap reports the characters of text that cannot print, naming
// where they are ("Section \"Purpose\"").
func unprintableGap(where, text string) (Gap, bool) {
	rs := fonts.Unprintable(text)
	if len(rs) == 0 {
		return Gap{}, false
	}
	return Gap{Kind: GapUnprintable, Message: fmt.Sprintf("%s has characters the printed binder cannot show; "+
		"they print as �: %s.", where, fonts.Describe(rs))}, true
}
