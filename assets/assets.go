// Package assets holds what the binary carries inside it: the app icon, and
// later the fonts, the built-in plan template and the partner list.
package assets

import _ "embed"

// IconPNG is the application icon, 512×512.
//
//go:embed icon.png
var IconPNG []byte
