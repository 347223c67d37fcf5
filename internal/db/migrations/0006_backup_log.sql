-- Every backup this database has written: when, where, and how, so the
-- window can show the last backup and the readiness board can tell whether a
-- recent one exists. A restored file carries the log of the file it came from.
CREATE TABLE backup_log (
    id        INTEGER PRIMARY KEY,
    uuid      TEXT NOT NULL UNIQUE,
    taken_at  TEXT NOT NULL,                 -- RFC 3339, UTC
    path      TEXT NOT NULL,                 -- the backup file as written
    automatic INTEGER NOT NULL DEFAULT 0 CHECK (automatic IN (0, 1)),
    encrypted INTEGER NOT NULL DEFAULT 0 CHECK (encrypted IN (0, 1))
) STRICT;
CREATE INDEX backup_log_taken ON backup_log(taken_at);
