-- The day a session is held (YYYY-MM-DD), when it was given; sessions are often
-- created ahead of time (for the invitation) or afterwards (for paper notes).
ALTER TABLE sessions ADD COLUMN held_on TEXT NOT NULL DEFAULT '';
