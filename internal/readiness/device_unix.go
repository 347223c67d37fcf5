//go:build unix

package readiness

import (
	"os"
	"syscall"
)

// deviceOf returns the file system a folder lies on.
func deviceOf(dir string) (uint64, bool) {
	st, err := os.Stat(dir)
	if err != nil {
		return 0, false
	}
	sys, ok := st.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, false
	}
	return uint64(sys.Dev), true
}
