-- Participants created by an import of paper notes: they are in the session's
-- figures but never connect, vote or mark themselves done.
ALTER TABLE participants ADD COLUMN paper INTEGER NOT NULL DEFAULT 0;
