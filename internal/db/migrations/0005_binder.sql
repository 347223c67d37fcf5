-- The printed binder: who holds which controlled copy of a plan, and a log
-- of full prints, so a changed-pages export knows whether the call tree
-- printed with a revision still matches the directory.
CREATE TABLE binder_copies (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    plan_id     INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    copy_number TEXT NOT NULL CHECK (length(trim(copy_number)) > 0),
    holder      TEXT NOT NULL CHECK (length(trim(holder)) > 0),
    title       TEXT NOT NULL DEFAULT '',   -- title or organisation of the holder
    location    TEXT NOT NULL DEFAULT '',   -- where the copy is kept
    issued_on   TEXT NOT NULL DEFAULT '',   -- YYYY-MM-DD, '' when not recorded
    UNIQUE (plan_id, copy_number)
) STRICT;
CREATE INDEX binder_copies_plan ON binder_copies(plan_id);

CREATE TABLE binder_prints (
    id             INTEGER PRIMARY KEY,
    uuid           TEXT NOT NULL UNIQUE,
    plan_id        INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    revision       INTEGER NOT NULL CHECK (revision >= 0),
    content_hash   TEXT NOT NULL,   -- the hash printed in the footers
    directory_hash TEXT NOT NULL,   -- fingerprint of the call tree as printed
    pages          INTEGER NOT NULL CHECK (pages >= 0),
    printed_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) STRICT;
CREATE INDEX binder_prints_plan ON binder_prints(plan_id, revision);
