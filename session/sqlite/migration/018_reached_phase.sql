-- The furthest phase a session has been in: notes and ratings waiting for a
-- second person are shown only when the session moves on beyond it, so that
-- going back a phase and forward again shows nothing waiting. Sessions from before
-- count as having reached the phase they are in.
ALTER TABLE sessions ADD COLUMN reached TEXT NOT NULL DEFAULT '';
UPDATE sessions SET reached = phase;
