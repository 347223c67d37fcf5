//go:build unix

package db

import (
	"os"
	"syscall"
)

// lockFile takes a shared or exclusive lock on f without waiting.
func lockFile(f *os.File, exclusive bool) error {
	how := syscall.LOCK_SH
	if exclusive {
		how = syscall.LOCK_EX
	}
	return syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB)
}
