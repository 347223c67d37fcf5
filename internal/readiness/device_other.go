//go:build !unix

package readiness

// deviceOf cannot tell file systems apart here; drive letters and network
// paths decide instead.
func deviceOf(string) (uint64, bool) { return 0, false }
