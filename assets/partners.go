package assets

import _ "embed"

// PartnersJSON is the built-in partner list by level of government, loaded
// into a new directory: organisation names, and only the facts we are sure of.
//
//go:embed partners.json
var PartnersJSON []byte
