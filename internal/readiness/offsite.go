package readiness

import (
	"os"
	"path/filepath"
	"strings"
)

// removableRoots are where Linux and macOS mount removable and network drives.
var removableRoots = []string{"/media/", "/run/media/", "/mnt/", "/Volumes/", "/net/"}

// OffComputer decides from its path whether a backup was written off this
// computer's own disk: to a network folder, another drive letter, a
// removable or network mount, or another file system than the database's.
// where says so in words, such as "on drive E:".
func OffComputer(dbPath, backupPath string) (where string, off bool) {
	if isUNC(backupPath) {
		return "in the network folder " + shareOf(backupPath), true
	}
	if b, d := driveOf(backupPath), driveOf(dbPath); b != "" && d != "" {
		if !strings.EqualFold(b, d) {
			return "on drive " + strings.ToUpper(b), true
		}
		return "", false
	}
	slashed := filepath.ToSlash(backupPath)
	for _, root := range removableRoots {
		if strings.HasPrefix(slashed, root) && !strings.HasPrefix(filepath.ToSlash(dbPath), root) {
			return "on the removable or network drive " + mountOf(slashed, root), true
		}
	}
	if otherDevice(dbPath, backupPath) {
		return "on another drive (" + filepath.Dir(backupPath) + ")", true
	}
	return "", false
}

// isUNC tells a Windows network path such as \\server\share\file.
func isUNC(p string) bool {
	return strings.HasPrefix(p, `\\`) || strings.HasPrefix(p, "//")
}

// shareOf is the \\server\share part of a network path.
func shareOf(p string) string {
	parts := strings.FieldsFunc(p, func(r rune) bool { return r == '\\' || r == '/' })
	if len(parts) >= 2 {
		return `\\` + parts[0] + `\` + parts[1]
	}
	return p
}

// driveOf is the drive letter of a Windows path, such as "C:", or "".
func driveOf(p string) string {
	if len(p) >= 2 && p[1] == ':' && (p[0]|0x20) >= 'a' && (p[0]|0x20) <= 'z' {
		return p[:2]
	}
	return ""
}

// mountOf is the mount point of a path under root, such as /media/usb.
func mountOf(p, root string) string {
	rest := strings.TrimPrefix(p, root)
	first, _, _ := strings.Cut(rest, "/")
	if root == "/run/media/" { // /run/media/USER/LABEL
		user, more, _ := strings.Cut(rest, "/")
		label, _, _ := strings.Cut(more, "/")
		first = user + "/" + label
	}
	return root + first
}

// otherDevice reports whether the nearest existing folders of the two paths
// lie on different file systems; false when either cannot be read.
func otherDevice(a, b string) bool {
	da, okA := deviceOf(existingDir(a))
	db, okB := deviceOf(existingDir(b))
	return okA && okB && da != db
}

// existingDir is the nearest folder of p that exists.
func existingDir(p string) string {
	dir := filepath.Dir(p)
	for {
		if _, err := os.Stat(dir); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return dir
		}
		dir = parent
	}
}
