-- Training: sessions (webinars and in-person events), who registered, sat on
-- the waitlist and attended, and the requirements that attendance satisfies.
CREATE TABLE training_events (
    id               INTEGER PRIMARY KEY,
    uuid             TEXT NOT NULL UNIQUE,
    title            TEXT NOT NULL CHECK (length(trim(title)) > 0),
    kind             TEXT NOT NULL CHECK (kind IN ('live_webinar', 'recorded_webinar', 'in_person')),
    starts_at        TEXT NOT NULL,                 -- UTC, YYYY-MM-DDTHH:MM:SSZ
    ends_at          TEXT NOT NULL CHECK (ends_at >= starts_at),
    time_zone        TEXT NOT NULL DEFAULT 'America/Chicago', -- IANA name the times are shown in
    address          TEXT NOT NULL DEFAULT '',
    room             TEXT NOT NULL DEFAULT '',
    directions       TEXT NOT NULL DEFAULT '',
    capacity         INTEGER CHECK (capacity IS NULL OR capacity > 0), -- NULL: no limit
    registration_url TEXT NOT NULL DEFAULT '',
    credit_hours     REAL NOT NULL DEFAULT 0 CHECK (credit_hours >= 0),
    organizer        TEXT NOT NULL DEFAULT '',
    notes            TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) STRICT;
CREATE INDEX training_events_start ON training_events(starts_at);

-- One row per person and event: a person never holds two places in one event.
-- queue orders the waitlist (lowest first) and is renewed on each sign-up.
CREATE TABLE training_registrations (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE,
    event_id      INTEGER NOT NULL REFERENCES training_events(id) ON DELETE CASCADE,
    contact_id    INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    status        TEXT NOT NULL CHECK (status IN ('registered', 'waitlisted', 'cancelled')),
    queue         INTEGER NOT NULL,
    attendance    TEXT NOT NULL DEFAULT '' CHECK (attendance IN ('', 'attended', 'no_show')),
    signed_up_at  TEXT NOT NULL,
    checked_in_at TEXT NOT NULL DEFAULT '',
    UNIQUE (event_id, contact_id),
    CHECK (attendance = '' OR status = 'registered')
) STRICT;
CREATE INDEX training_registrations_event ON training_registrations(event_id, status, queue);
CREATE INDEX training_registrations_contact ON training_registrations(contact_id);

-- A requirement is met by attending enough sessions of the kinds listed, or
-- enough hours of them, inside its window: from starts_on to deadline, or,
-- when term_years > 0, inside the term of that many years (counted from
-- starts_on) that holds the day of the check.
CREATE TABLE training_requirements (
    id           INTEGER PRIMARY KEY,
    uuid         TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    description  TEXT NOT NULL DEFAULT '',
    kinds        TEXT NOT NULL,                    -- comma-separated event kinds that count
    min_sessions INTEGER NOT NULL DEFAULT 0 CHECK (min_sessions >= 0),
    min_hours    REAL NOT NULL DEFAULT 0 CHECK (min_hours >= 0),
    starts_on    TEXT NOT NULL DEFAULT '',         -- YYYY-MM-DD or ''
    deadline     TEXT NOT NULL DEFAULT '',         -- YYYY-MM-DD or ''
    term_years   INTEGER NOT NULL DEFAULT 0 CHECK (term_years >= 0),
    levels       TEXT NOT NULL DEFAULT 'county,municipal', -- directory levels it applies to
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) STRICT;

-- Attendance is what the compliance report and a grant file rest on: a person
-- who attended a session cannot be deleted from the directory (retire them).
CREATE TRIGGER contacts_keep_attendance BEFORE DELETE ON contacts
WHEN EXISTS (SELECT 1 FROM training_registrations WHERE contact_id = OLD.id AND attendance = 'attended')
BEGIN
    SELECT RAISE(ABORT, 'contact has training attendance');
END;
