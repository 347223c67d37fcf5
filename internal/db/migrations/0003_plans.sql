-- Contingency plans: templates, plans, their section tree, structured mock
-- incident scenarios with ordered steps, and the numbered revisions recorded
-- when a plan is approved.

-- A template is a whole plan kept as Markdown in the plan export format, so a
-- county can share its own plan with municipalities as a template.
CREATE TABLE plan_templates (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    version     INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    description TEXT NOT NULL DEFAULT '',
    builtin     INTEGER NOT NULL DEFAULT 0,
    content     TEXT NOT NULL,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) STRICT;

CREATE TABLE plans (
    id               INTEGER PRIMARY KEY,
    uuid             TEXT NOT NULL UNIQUE,
    title            TEXT NOT NULL CHECK (length(trim(title)) > 0),
    template_name    TEXT NOT NULL DEFAULT '',
    template_version INTEGER NOT NULL DEFAULT 0,
    status           TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved')),
    approver         TEXT NOT NULL DEFAULT '',
    approved_on      TEXT NOT NULL DEFAULT '',   -- YYYY-MM-DD, '' when never approved
    next_review      TEXT NOT NULL DEFAULT '',   -- YYYY-MM-DD, '' when not set
    created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

-- Sections form a tree: parent_id NULL for top-level sections, position orders siblings.
CREATE TABLE plan_sections (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    plan_id    INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    parent_id  INTEGER REFERENCES plan_sections(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL DEFAULT 0,
    title      TEXT NOT NULL CHECK (length(trim(title)) > 0),
    guidance   TEXT NOT NULL DEFAULT '',  -- advice for the clerk; not printed
    body       TEXT NOT NULL DEFAULT '',  -- Markdown
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX plan_sections_plan ON plan_sections(plan_id, parent_id, position);
CREATE INDEX plan_sections_parent ON plan_sections(parent_id);

CREATE TABLE plan_scenarios (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    plan_id     INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL DEFAULT 0,
    title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
    level       TEXT NOT NULL DEFAULT 'county'
                CHECK (level IN ('federal', 'state', 'county', 'municipal')),
    severity    TEXT NOT NULL DEFAULT 'moderate'
                CHECK (severity IN ('low', 'moderate', 'high', 'critical')),
    description TEXT NOT NULL DEFAULT '',  -- what it looks like, Markdown
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX plan_scenarios_plan ON plan_scenarios(plan_id, position);

-- Response steps (kind 'response': role does action) and communications steps
-- (kind 'communication': role tells audience, with a holding statement).
CREATE TABLE plan_scenario_steps (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    scenario_id INTEGER NOT NULL REFERENCES plan_scenarios(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('response', 'communication')),
    position    INTEGER NOT NULL DEFAULT 0,
    role_slug   TEXT NOT NULL DEFAULT '',
    action      TEXT NOT NULL DEFAULT '',
    audience    TEXT NOT NULL DEFAULT '',
    statement   TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX plan_scenario_steps_scenario ON plan_scenario_steps(scenario_id, kind, position);

-- A revision is recorded each time a plan is approved; snapshot holds the
-- whole plan as it was approved (JSON), so earlier versions can be shown and compared.
CREATE TABLE plan_revisions (
    id           INTEGER PRIMARY KEY,
    uuid         TEXT NOT NULL UNIQUE,
    plan_id      INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    number       INTEGER NOT NULL CHECK (number >= 1),
    approved_by  TEXT NOT NULL CHECK (length(trim(approved_by)) > 0),
    approved_at  TEXT NOT NULL,              -- RFC 3339, UTC
    summary      TEXT NOT NULL DEFAULT '',
    content_hash TEXT NOT NULL,
    snapshot     TEXT NOT NULL,
    UNIQUE (plan_id, number)
) STRICT;
