// Package plural writes counts in words with the singular or plural form,
// such as "1 municipality" and "3 municipalities".
package plural

import "strconv"

// Count writes n followed by one when n is 1, and by many otherwise.
func Count(n int, one, many string) string {
	return strconv.Itoa(n) + " " + Form(n, one, many)
}

// Form is one when n is 1, and many otherwise.
func Form(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
