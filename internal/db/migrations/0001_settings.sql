-- Settings: the jurisdiction profile and the app's own preferences, as keys and values.
PRAGMA application_id = 1162166867;

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
