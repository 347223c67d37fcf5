package assets

import _ "embed"

// PartnersJSON is the built-in partner list by level of government, loaded
// into a new directory: organization names, and only facts with a source and the date they were checked.
//
//go:embed partners.json
var PartnersJSON []byte
