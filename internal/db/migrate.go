package db

import (
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migration is one numbered .sql file.
type migration struct {
	version int
	name    string
	sql     string
}

var migrations = loadMigrations()

func loadMigrations() []migration {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		panic(err)
	}
	var list []migration
	for _, e := range entries {
		number, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(number)
		if !ok || err != nil {
			panic("migration file without a number: " + e.Name())
		}
		body, err := migrationFiles.ReadFile("migrations/" + e.Name())
		if err != nil {
			panic(err)
		}
		list = append(list, migration{version: v, name: e.Name(), sql: string(body)})
	}
	sort.Slice(list, func(i, j int) bool { return list[i].version < list[j].version })
	for i, m := range list {
		if m.version != i+1 {
			panic(fmt.Sprintf("migrations must be numbered 1, 2, 3…; found %s", m.name))
		}
	}
	return list
}

// LatestVersion is the schema version this build writes.
func LatestVersion() int {
	return len(migrations)
}

// SchemaVersion reports the PRAGMA user_version of an open database.
func SchemaVersion(conn *sql.DB) (int, error) {
	var v int
	err := conn.QueryRow("PRAGMA user_version").Scan(&v)
	return v, err
}

func migrate(conn *sql.DB) error {
	current, err := SchemaVersion(conn)
	if err != nil {
		return fmt.Errorf("reading the schema version: %w", err)
	}
	for _, m := range migrations[current:] {
		if err := apply(conn, m); err != nil {
			return fmt.Errorf("upgrading the database (%s): %w", m.name, err)
		}
	}
	return nil
}

func apply(conn *sql.DB, m migration) error {
	tx, err := conn.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.Exec(m.sql); err != nil {
		return err
	}
	if _, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", m.version)); err != nil {
		return err
	}
	return tx.Commit()
}
