-- The built-in plan as a core template and state packs, scenarios that work
-- under stress, and partner facts that carry where they came from.

-- A step's time box (first 15 minutes, first hour, first day, later) and an
-- optional condition: "if <condition>, then <action>".
ALTER TABLE plan_scenario_steps ADD COLUMN time_box TEXT NOT NULL DEFAULT ''
    CHECK (time_box IN ('', 'first-15-minutes', 'first-hour', 'first-day', 'later'));
ALTER TABLE plan_scenario_steps ADD COLUMN condition TEXT NOT NULL DEFAULT '';

-- What not to say, and when to stand down, per scenario (Markdown).
ALTER TABLE plan_scenarios ADD COLUMN do_not_say TEXT NOT NULL DEFAULT '';
ALTER TABLE plan_scenarios ADD COLUMN stand_down TEXT NOT NULL DEFAULT '';

-- A state pack is kept beside the templates and shared the same way.
ALTER TABLE plan_templates ADD COLUMN kind TEXT NOT NULL DEFAULT 'template'
    CHECK (kind IN ('template', 'pack'));

-- Which pack a plan was made with, and the template text it started from,
-- so that a later template version can be offered section by section.
ALTER TABLE plans ADD COLUMN pack_name TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN pack_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE plans ADD COLUMN template_base TEXT NOT NULL DEFAULT '';

-- The clerk's answer to each offered template change: item_key names the
-- section (by its title path) or scenario, item_hash the offered text.
CREATE TABLE plan_update_choices (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    plan_id    INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    item_key   TEXT NOT NULL,
    item_hash  TEXT NOT NULL,
    choice     TEXT NOT NULL CHECK (choice IN ('accepted', 'declined')),
    decided_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    UNIQUE (plan_id, item_key, item_hash)
) STRICT;

-- Where a built-in partner fact came from; verified_on is when it was last checked.
ALTER TABLE contacts ADD COLUMN source TEXT NOT NULL DEFAULT '';
