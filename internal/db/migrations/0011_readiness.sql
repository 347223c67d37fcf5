-- The election calendar and the readiness board: the elections a clerk
-- prepares for, and the tasks she marks done by judgement (an exercise held,
-- the go-kit checked, pocket cards handed out), each with who and when.
CREATE TABLE elections (
    id           INTEGER PRIMARY KEY,
    uuid         TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
    election_day TEXT NOT NULL CHECK (length(election_day) = 10),   -- YYYY-MM-DD
    kind         TEXT NOT NULL CHECK (kind IN ('spring', 'partisan-primary', 'general', 'special', 'recall')),
    offices      TEXT NOT NULL DEFAULT '',   -- the offices on the ballot, in the clerk's words
    UNIQUE (election_day, name)
) STRICT;
CREATE INDEX elections_day ON elections(election_day);

CREATE TABLE readiness_ticks (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    election_id INTEGER NOT NULL REFERENCES elections(id) ON DELETE CASCADE,
    task        TEXT NOT NULL CHECK (length(task) > 0),   -- the task's key, such as 'exercise' or 'gokit:Flashlight'
    done_by     TEXT NOT NULL CHECK (length(trim(done_by)) > 0),
    done_on     TEXT NOT NULL CHECK (length(done_on) = 10),   -- YYYY-MM-DD
    UNIQUE (election_id, task)
) STRICT;
