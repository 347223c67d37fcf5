-- The directory: organisations and people, incident roles, and who holds each role.
CREATE TABLE contacts (
    id                INTEGER PRIMARY KEY,
    uuid              TEXT NOT NULL UNIQUE,
    kind              TEXT NOT NULL CHECK (kind IN ('person', 'organization')),
    name              TEXT NOT NULL CHECK (length(trim(name)) > 0),
    title             TEXT NOT NULL DEFAULT '',
    org_id            INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
    level             TEXT NOT NULL DEFAULT 'other'
                      CHECK (level IN ('federal', 'state', 'county', 'municipal', 'vendor', 'other')),
    office_phone      TEXT NOT NULL DEFAULT '',
    mobile_phone      TEXT NOT NULL DEFAULT '',
    after_hours_phone TEXT NOT NULL DEFAULT '',
    email             TEXT NOT NULL DEFAULT '',
    address           TEXT NOT NULL DEFAULT '',
    notes             TEXT NOT NULL DEFAULT '',
    verified_on       TEXT NOT NULL DEFAULT '',   -- YYYY-MM-DD, '' when never verified
    active            INTEGER NOT NULL DEFAULT 1,
    builtin           INTEGER NOT NULL DEFAULT 0, -- from the shipped partner list
    sort_name         TEXT NOT NULL DEFAULT '',   -- the name folded to lower case without accents
    search_text       TEXT NOT NULL DEFAULT '',   -- folded name, title, organisation, email, phones (also as digits)
    created_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    updated_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) STRICT;
CREATE INDEX contacts_org ON contacts(org_id);
CREATE INDEX contacts_level ON contacts(level);
CREATE INDEX contacts_sort ON contacts(sort_name, id);
CREATE INDEX contacts_email ON contacts(email COLLATE NOCASE) WHERE email <> '';

-- Incident roles; slug is what plans reference as {{role:slug}}.
CREATE TABLE roles (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    slug        TEXT NOT NULL UNIQUE CHECK (slug GLOB '[a-z0-9]*' AND slug NOT GLOB '*[^a-z0-9-]*'),
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    description TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Who holds a role: rank 0 is the primary, 1, 2, … the backups in calling order.
CREATE TABLE role_holders (
    role_id    INTEGER NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    rank       INTEGER NOT NULL CHECK (rank >= 0),
    PRIMARY KEY (role_id, contact_id),
    UNIQUE (role_id, rank)
) STRICT;
CREATE INDEX role_holders_contact ON role_holders(contact_id);

-- Which releases of the built-in partner list and roles this database has
-- received, so that a clerk's deletions are never undone by a later start.
CREATE TABLE contact_defaults (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    version    INTEGER NOT NULL UNIQUE,
    loaded_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) STRICT;
