package db

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"time"

	"github.com/google/uuid"
)

// BackupRecord is one backup written from this database.
type BackupRecord struct {
	TakenAt   time.Time
	Path      string
	Automatic bool
	Encrypted bool
}

// RecordBackup notes a backup that was written completely.
func RecordBackup(conn *sql.DB, r BackupRecord) error {
	path := r.Path
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	_, err := conn.Exec(`INSERT INTO backup_log(uuid, taken_at, path, automatic, encrypted)
		VALUES(?, ?, ?, ?, ?)`, uuid.NewString(), r.TakenAt.UTC().Format(time.RFC3339), path,
		boolInt(r.Automatic), boolInt(r.Encrypted))
	if err != nil {
		return fmt.Errorf("noting the backup: %w", err)
	}
	return nil
}

// RecentBackups lists the newest backups first, at most limit of them.
func RecentBackups(conn *sql.DB, limit int) ([]BackupRecord, error) {
	rows, err := conn.Query(`SELECT taken_at, path, automatic, encrypted FROM backup_log
		ORDER BY taken_at DESC, id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("reading the backup log: %w", err)
	}
	defer rows.Close()
	var list []BackupRecord
	for rows.Next() {
		var r BackupRecord
		var taken string
		if err := rows.Scan(&taken, &r.Path, &r.Automatic, &r.Encrypted); err != nil {
			return nil, err
		}
		if r.TakenAt, err = time.Parse(time.RFC3339, taken); err != nil {
			return nil, fmt.Errorf("backup log: bad time %q", taken)
		}
		list = append(list, r)
	}
	return list, rows.Err()
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
