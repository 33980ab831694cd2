-- The day an action point is due, YYYY-MM-DD, or empty when none was set; the
-- campaign report's follow-up shows it.
ALTER TABLE action_points ADD COLUMN due TEXT NOT NULL DEFAULT '';
