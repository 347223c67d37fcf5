//go:build !unix

package growth

import "time"

var origin = time.Now()

// cpuTime stands in for processor time where the system does not report it.
func cpuTime() time.Duration {
	return time.Since(origin)
}
