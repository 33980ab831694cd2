-- charter: foreign keys off
-- A theme's ID is never given to another theme once its theme is gone
-- (AUTOINCREMENT): an undo on the board puts a merged or deleted theme back with its
-- ID, so that what refers to it (a campaign's split pairs, a participant's
-- selection) and its place in the list stay, and SQLite gave the highest freed ID
-- to the next new theme, another session's too, which the undo then found taken.
CREATE TABLE themes_new (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
	label      TEXT NOT NULL,
	created_at INTEGER NOT NULL,
	named      INTEGER NOT NULL DEFAULT 0
);
INSERT INTO themes_new (id, session_id, label, created_at, named) SELECT id, session_id, label, created_at, named FROM themes;
DROP TABLE themes;
ALTER TABLE themes_new RENAME TO themes;
CREATE INDEX themes_session ON themes(session_id, id);
