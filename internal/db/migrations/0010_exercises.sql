-- Tabletop exercises: the exercise with its objectives, the plan scenarios it
-- uses, the people of the directory who took part, the timed script of
-- injects, the facilitator's notes, the hot wash and the improvement plan.
-- Times of day on the exercise clock are kept as HH:MM.
CREATE TABLE exercises (
    id             INTEGER PRIMARY KEY,
    uuid           TEXT NOT NULL UNIQUE,
    name           TEXT NOT NULL CHECK (length(trim(name)) > 0),
    held_on        TEXT NOT NULL,                  -- YYYY-MM-DD
    starts_at      TEXT NOT NULL DEFAULT '09:00',  -- HH:MM, the exercise clock at the start
    hours          REAL NOT NULL DEFAULT 2 CHECK (hours > 0), -- length, credited as training hours
    location       TEXT NOT NULL DEFAULT '',
    facilitator_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
    plan_id        INTEGER REFERENCES plans(id) ON DELETE SET NULL,
    current_inject INTEGER NOT NULL DEFAULT 0,     -- position of the inject in play in facilitator mode
    clock_base     INTEGER NOT NULL DEFAULT -1,    -- clock reading in seconds after midnight when last set; -1: not started
    clock_set_at   TEXT NOT NULL DEFAULT '',       -- UTC instant the running clock was set; '' while paused
    created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) STRICT;
CREATE INDEX exercises_held ON exercises(held_on);
CREATE INDEX exercises_plan ON exercises(plan_id);

-- What the exercise sets out to test; rating and analysis are filled in
-- after the hot wash (HSEEP: P, S, M or U).
CREATE TABLE exercise_objectives (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    exercise_id INTEGER NOT NULL REFERENCES exercises(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL DEFAULT 0,
    text        TEXT NOT NULL CHECK (length(trim(text)) > 0),
    capability  TEXT NOT NULL DEFAULT '',
    rating      TEXT NOT NULL DEFAULT '' CHECK (rating IN ('', 'P', 'S', 'M', 'U')),
    analysis    TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX exercise_objectives_exercise ON exercise_objectives(exercise_id, position);

-- The plan scenarios an exercise uses; the title is kept so the record
-- still reads when the plan later drops the scenario.
CREATE TABLE exercise_scenarios (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    exercise_id INTEGER NOT NULL REFERENCES exercises(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL DEFAULT 0,
    scenario_id INTEGER REFERENCES plan_scenarios(id) ON DELETE SET NULL,
    title       TEXT NOT NULL
) STRICT;
CREATE INDEX exercise_scenarios_exercise ON exercise_scenarios(exercise_id, position);

-- Who took part. Attendance counts as training of the kind "exercise".
CREATE TABLE exercise_participants (
    exercise_id INTEGER NOT NULL REFERENCES exercises(id) ON DELETE CASCADE,
    contact_id  INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    role        TEXT NOT NULL DEFAULT 'player' CHECK (role IN ('player', 'evaluator', 'observer')),
    attended    INTEGER NOT NULL DEFAULT 1 CHECK (attended IN (0, 1)),
    PRIMARY KEY (exercise_id, contact_id)
) STRICT;
CREATE INDEX exercise_participants_contact ON exercise_participants(contact_id);

-- Attendance at an exercise is training on record, like a session's: a
-- person who took part cannot be deleted from the directory (retire them).
CREATE TRIGGER contacts_keep_exercise_attendance BEFORE DELETE ON contacts
WHEN EXISTS (SELECT 1 FROM exercise_participants WHERE contact_id = OLD.id AND attended = 1)
BEGIN
    SELECT RAISE(ABORT, 'contact has training attendance');
END;

-- The timed script: what the facilitator tells the players, and when.
CREATE TABLE exercise_injects (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    exercise_id INTEGER NOT NULL REFERENCES exercises(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL DEFAULT 0,
    at          TEXT NOT NULL,                   -- HH:MM on the exercise clock
    text        TEXT NOT NULL CHECK (length(trim(text)) > 0),
    scenario_id INTEGER REFERENCES plan_scenarios(id) ON DELETE SET NULL,
    section_id  INTEGER REFERENCES plan_sections(id) ON DELETE SET NULL,
    roles       TEXT NOT NULL DEFAULT ''         -- comma-separated role slugs the inject calls on
) STRICT;
CREATE INDEX exercise_injects_exercise ON exercise_injects(exercise_id, position);

-- Decisions and observations noted during play, against the exercise clock.
CREATE TABLE exercise_notes (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    exercise_id INTEGER NOT NULL REFERENCES exercises(id) ON DELETE CASCADE,
    at          TEXT NOT NULL,                   -- HH:MM on the exercise clock
    kind        TEXT NOT NULL DEFAULT 'observation' CHECK (kind IN ('decision', 'observation')),
    text        TEXT NOT NULL CHECK (length(trim(text)) > 0),
    inject_id   INTEGER REFERENCES exercise_injects(id) ON DELETE SET NULL,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) STRICT;
CREATE INDEX exercise_notes_exercise ON exercise_notes(exercise_id, at);

-- The hot wash: strengths and areas for improvement, each about a
-- capability, a plan section or an objective.
CREATE TABLE exercise_findings (
    id           INTEGER PRIMARY KEY,
    uuid         TEXT NOT NULL UNIQUE,
    exercise_id  INTEGER NOT NULL REFERENCES exercises(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('strength', 'improvement')),
    text         TEXT NOT NULL CHECK (length(trim(text)) > 0),
    objective_id INTEGER REFERENCES exercise_objectives(id) ON DELETE SET NULL,
    capability   TEXT NOT NULL DEFAULT '',
    section_id   INTEGER REFERENCES plan_sections(id) ON DELETE SET NULL
) STRICT;
CREATE INDEX exercise_findings_exercise ON exercise_findings(exercise_id);

-- The improvement plan: each open item is a gap of the exercise's plan
-- until it is closed, and closing records who and when.
CREATE TABLE exercise_items (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    exercise_id INTEGER NOT NULL REFERENCES exercises(id) ON DELETE CASCADE,
    issue       TEXT NOT NULL CHECK (length(trim(issue)) > 0),
    action      TEXT NOT NULL DEFAULT '',        -- the corrective action
    capability  TEXT NOT NULL DEFAULT '',
    section_id  INTEGER REFERENCES plan_sections(id) ON DELETE SET NULL,
    owner_id    INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
    due_on      TEXT NOT NULL DEFAULT '',        -- YYYY-MM-DD or ''
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    closed_by   TEXT NOT NULL DEFAULT '',
    closed_at   TEXT NOT NULL DEFAULT '',        -- RFC 3339, UTC; '' while open
    CHECK (status = 'open' OR length(trim(closed_by)) > 0)
) STRICT;
CREATE INDEX exercise_items_exercise ON exercise_items(exercise_id, status);
