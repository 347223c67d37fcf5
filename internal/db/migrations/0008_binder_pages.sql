-- Printed binders kept page by page. For each approved revision: the
-- binder as printed at approval (its content with the directory as it
-- stood, the paper and the fingerprint and edition of every page), so the
-- revision can be reprinted exactly and later binders compared with it.
-- For each controlled copy: every print made for it, the last of which says
-- what pages the copy holds now.
CREATE TABLE binder_revisions (
    id             INTEGER PRIMARY KEY,
    uuid           TEXT NOT NULL UNIQUE,
    plan_id        INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    revision       INTEGER NOT NULL CHECK (revision > 0),
    document       TEXT NOT NULL,   -- the binder's content as JSON
    paper          TEXT NOT NULL,
    duplex         INTEGER NOT NULL CHECK (duplex IN (0, 1)),
    pages          TEXT NOT NULL,   -- JSON: label, fingerprints and edition of every page
    pages_affected TEXT NOT NULL DEFAULT '',   -- labels changed since the revision before, as printed in the record of changes
    UNIQUE (plan_id, revision)
) STRICT;

CREATE TABLE binder_copy_prints (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    copy_id    INTEGER NOT NULL REFERENCES binder_copies(id) ON DELETE CASCADE,
    revision   INTEGER NOT NULL CHECK (revision > 0),
    kind       TEXT NOT NULL CHECK (kind IN ('binder', 'packet')),
    pages      TEXT NOT NULL,   -- JSON: the pages the copy holds after this print
    printed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) STRICT;
CREATE INDEX binder_copy_prints_copy ON binder_copy_prints(copy_id);

-- The log of whole prints is replaced by the pages kept above.
DROP TABLE binder_prints;
