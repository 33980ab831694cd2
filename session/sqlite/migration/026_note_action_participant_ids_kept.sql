-- charter: foreign keys off
-- A note's, an action point's and a participant's ID is never given to another
-- once its row is gone (AUTOINCREMENT), as a theme's is not since migration 024:
-- SQLite gave the highest freed ID to the next new row, so that what held the ID
-- across the deletion (the board's marked and selected notes and its undo steps, a
-- participant's kept edit of a note, a kept board answer, a volunteer's selection,
-- a participant's own screen when their session was deleted) then named another
-- row. The tables are rebuilt as they were, rows and IDs kept; the INSERTs with
-- explicit IDs start sqlite_sequence at each table's highest ID.
CREATE TABLE notes_new (
	id             INTEGER PRIMARY KEY AUTOINCREMENT,
	session_id     TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
	author         TEXT NOT NULL,
	area           TEXT NOT NULL,
	lane           TEXT NOT NULL,
	activity       TEXT NOT NULL DEFAULT '',
	text           TEXT NOT NULL,
	hidden         INTEGER NOT NULL DEFAULT 0,
	created_at     INTEGER NOT NULL,
	updated_at     INTEGER NOT NULL,
	batch          INTEGER NOT NULL DEFAULT 1
);
INSERT INTO notes_new (id, session_id, author, area, lane, activity, text, hidden, created_at, updated_at, batch)
	SELECT id, session_id, author, area, lane, activity, text, hidden, created_at, updated_at, batch FROM notes;
DROP TABLE notes;
ALTER TABLE notes_new RENAME TO notes;
CREATE INDEX notes_session ON notes(session_id, id);
CREATE INDEX notes_author ON notes(author, id);
CREATE INDEX notes_held ON notes(session_id) WHERE batch = 0;
CREATE INDEX notes_batch ON notes(session_id, batch);

CREATE TABLE action_points_new (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
	-- NULL when the action stands alone or its theme was deleted.
	theme_id   INTEGER REFERENCES themes(id) ON DELETE SET NULL,
	title      TEXT NOT NULL,
	priority   INTEGER NOT NULL,
	owner      TEXT NOT NULL DEFAULT '',
	status     TEXT NOT NULL,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL,
	due        TEXT NOT NULL DEFAULT ''
);
INSERT INTO action_points_new (id, session_id, theme_id, title, priority, owner, status, created_at, updated_at, due)
	SELECT id, session_id, theme_id, title, priority, owner, status, created_at, updated_at, due FROM action_points;
DROP TABLE action_points;
ALTER TABLE action_points_new RENAME TO action_points;
CREATE INDEX action_points_session ON action_points(session_id, id);
CREATE INDEX action_points_theme ON action_points(theme_id);

CREATE TABLE participants_new (
	id          INTEGER PRIMARY KEY AUTOINCREMENT,
	session_id  TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
	key_hash    TEXT NOT NULL DEFAULT '',
	name        TEXT NOT NULL DEFAULT '',
	pseudonym   TEXT NOT NULL,
	done        INTEGER NOT NULL DEFAULT 0,
	removed     INTEGER NOT NULL DEFAULT 0,
	joined_at   INTEGER NOT NULL,
	tenure      TEXT NOT NULL DEFAULT '',
	appointment TEXT NOT NULL DEFAULT '',
	level       TEXT NOT NULL DEFAULT '',
	paper       INTEGER NOT NULL DEFAULT 0,
	rejoin_hash TEXT NOT NULL DEFAULT ''
);
INSERT INTO participants_new (id, session_id, key_hash, name, pseudonym, done, removed, joined_at, tenure, appointment, level, paper, rejoin_hash)
	SELECT id, session_id, key_hash, name, pseudonym, done, removed, joined_at, tenure, appointment, level, paper, rejoin_hash FROM participants;
DROP TABLE participants;
ALTER TABLE participants_new RENAME TO participants;
CREATE UNIQUE INDEX participants_key ON participants(session_id, key_hash) WHERE key_hash != '';
CREATE UNIQUE INDEX participants_rejoin ON participants(rejoin_hash) WHERE rejoin_hash != '';
CREATE INDEX participants_session ON participants(session_id, id);
CREATE INDEX participants_by_key ON participants(key_hash, id);
