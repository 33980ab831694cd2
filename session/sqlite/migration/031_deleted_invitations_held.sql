-- Whether the deleted session had been held: its people took part, so a plan of the
-- campaign made again leaves them placed rather than offering them another session.
ALTER TABLE deleted_invitations ADD COLUMN held INTEGER NOT NULL DEFAULT 0;
