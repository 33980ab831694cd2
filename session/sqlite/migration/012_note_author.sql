-- charter: foreign keys off
-- A note no longer names its participant row: it keeps a keyed hash of the
-- participant's ID (under the secret in DATA/key_secret, outside the database), so
-- that a copy of the database cannot tell who wrote what. The table is rebuilt
-- without participant_id; the hashes are filled in by charter right after this
-- script, in the same transaction, from the placeholder below.
CREATE TABLE notes_new (
	id             INTEGER PRIMARY KEY,
	session_id     TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
	author         TEXT NOT NULL,
	area           TEXT NOT NULL,
	lane           TEXT NOT NULL,
	activity       TEXT NOT NULL DEFAULT '',
	text           TEXT NOT NULL,
	hidden         INTEGER NOT NULL DEFAULT 0,
	created_at     INTEGER NOT NULL,
	updated_at     INTEGER NOT NULL
);
INSERT INTO notes_new (id, session_id, author, area, lane, activity, text, hidden, created_at, updated_at)
	SELECT id, session_id, 'participant:' || participant_id, area, lane, activity, text, hidden, created_at, updated_at
	FROM notes;
DROP TABLE notes;
ALTER TABLE notes_new RENAME TO notes;
CREATE INDEX notes_session ON notes(session_id, id);
CREATE INDEX notes_author ON notes(author, id);
