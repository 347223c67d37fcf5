-- Packages exchanged as files between a county and its municipalities.

-- This binder's identity for exchanges: one row, made on first use. Status
-- packages sent to this binder (as a county) are encrypted to its key.
CREATE TABLE exchange_identity (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    uuid       TEXT NOT NULL UNIQUE,
    secret_key TEXT NOT NULL            -- an age X25519 identity
) STRICT;

-- The county this binder (as a municipality) reports to, from the newest
-- county package taken in: one row.
CREATE TABLE exchange_county (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    uuid        TEXT NOT NULL,          -- the county binder's identity
    name        TEXT NOT NULL,
    public_key  TEXT NOT NULL,          -- an age X25519 recipient
    package_at  TEXT NOT NULL           -- when that package was written, RFC 3339 UTC
) STRICT;

-- Each county partner as last taken from a county package, so a later
-- package can tell a partner the municipality changed from one it did not.
CREATE TABLE exchange_partner_base (
    contact_uuid TEXT PRIMARY KEY,
    fingerprint  TEXT NOT NULL
) STRICT;

-- The county's roll-up: the newest status package of each municipality.
CREATE TABLE rollup_status (
    id           INTEGER PRIMARY KEY,
    uuid         TEXT NOT NULL UNIQUE,  -- the municipality binder's identity
    jurisdiction TEXT NOT NULL,
    created_at   TEXT NOT NULL,         -- when the municipality wrote it, RFC 3339 UTC
    received_at  TEXT NOT NULL,
    report       TEXT NOT NULL          -- the status, as JSON
) STRICT;
