-- Schema version 2: planning. When a device became affected starts its isolation deadline; whether matching or a
-- person set its state; a window may carry the planner's note (a slot shortened by a daylight-saving change).
ALTER TABLE device ADD COLUMN affected_at TEXT;
-- 1 while the state is one matching set ("affected" from a confirmed match): only such a state follows the
-- matches back to "not assessed"; a state a person set stays as they set it.
ALTER TABLE device ADD COLUMN state_by_matching INTEGER NOT NULL DEFAULT 0 CHECK (state_by_matching IN (0, 1));
ALTER TABLE planned_window ADD COLUMN note TEXT;
CREATE INDEX planned_window_status ON planned_window (status);
