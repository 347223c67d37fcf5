package exchange

import (
	"database/sql"
	"errors"
	"fmt"
	"time"

	"filippo.io/age"
	"github.com/google/uuid"

	"electionbinder/internal/db"
)

// identity is this binder's name and key in exchanges.
type identity struct {
	UUID string
	key  *age.X25519Identity
}

// PublicKey is what a county hands out so status packages reach it alone.
func (id identity) PublicKey() string { return id.key.Recipient().String() }

// ownIdentity returns this binder's identity, making it on first use.
func ownIdentity(conn *sql.DB) (identity, error) {
	var id identity
	err := db.InTx(conn, func(tx *sql.Tx) error {
		var secret string
		err := tx.QueryRow(`SELECT uuid, secret_key FROM exchange_identity WHERE id = 1`).Scan(&id.UUID, &secret)
		if errors.Is(err, sql.ErrNoRows) {
			return newIdentity(tx, &id)
		}
		if err != nil {
			return err
		}
		id.key, err = age.ParseX25519Identity(secret)
		return err
	})
	if err != nil {
		return identity{}, fmt.Errorf("reading this binder's exchange key: %w", err)
	}
	return id, nil
}

func newIdentity(tx *sql.Tx, id *identity) error {
	key, err := age.GenerateX25519Identity()
	if err != nil {
		return err
	}
	id.UUID, id.key = uuid.NewString(), key
	_, err = tx.Exec(`INSERT INTO exchange_identity(id, uuid, secret_key) VALUES(1, ?, ?)`, id.UUID, key.String())
	return err
}

// County is the county a municipality reports to, as its last package said.
type County struct {
	UUID      string
	Name      string
	PublicKey string
	PackageAt time.Time // when the newest county package taken in was written
}

// ReportsTo returns the county this binder reports to, and false when no
// county package has been taken in yet.
func ReportsTo(conn *sql.DB) (County, bool, error) {
	var c County
	var at string
	err := conn.QueryRow(`SELECT uuid, name, public_key, package_at FROM exchange_county WHERE id = 1`).
		Scan(&c.UUID, &c.Name, &c.PublicKey, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return County{}, false, nil
	}
	if err != nil {
		return County{}, false, fmt.Errorf("reading the county this binder reports to: %w", err)
	}
	c.PackageAt, _ = time.Parse(time.RFC3339Nano, at)
	return c, true, nil
}

func saveCounty(tx *sql.Tx, c County) error {
	_, err := tx.Exec(`INSERT INTO exchange_county(id, uuid, name, public_key, package_at) VALUES(1, ?, ?, ?, ?)
		ON CONFLICT(id) DO UPDATE SET uuid = excluded.uuid, name = excluded.name,
			public_key = excluded.public_key, package_at = excluded.package_at`,
		c.UUID, c.Name, c.PublicKey, stamp(c.PackageAt))
	return err
}

// stamp writes a time as the exchange tables keep it.
func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }
