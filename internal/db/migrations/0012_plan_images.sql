-- Pictures stored with a plan (maps, floor plans, evacuation routes), shown
-- in section bodies by name: ![Polling place map](map.png).
CREATE TABLE plan_images (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    plan_id    INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    format     TEXT NOT NULL CHECK (format IN ('png', 'jpeg')),
    width      INTEGER NOT NULL CHECK (width > 0),
    height     INTEGER NOT NULL CHECK (height > 0),
    data       BLOB NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (plan_id, name)
) STRICT;
