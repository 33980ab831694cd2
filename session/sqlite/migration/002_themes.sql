CREATE TABLE themes (
	id         INTEGER PRIMARY KEY,
	session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
	label      TEXT NOT NULL,
	created_at INTEGER NOT NULL
);
CREATE INDEX themes_session ON themes(session_id, id);

-- The note is the key: a note is in at most one theme.
CREATE TABLE theme_notes (
	note_id  INTEGER PRIMARY KEY REFERENCES notes(id) ON DELETE CASCADE,
	theme_id INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE
);
CREATE INDEX theme_notes_theme ON theme_notes(theme_id, note_id);

CREATE TABLE votes (
	participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
	theme_id       INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
	count          INTEGER NOT NULL CHECK (count > 0),
	PRIMARY KEY (participant_id, theme_id)
);
CREATE INDEX votes_theme ON votes(theme_id);

CREATE TABLE action_points (
	id         INTEGER PRIMARY KEY,
	session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
	-- NULL when the action stands alone or its theme was deleted.
	theme_id   INTEGER REFERENCES themes(id) ON DELETE SET NULL,
	title      TEXT NOT NULL,
	priority   INTEGER NOT NULL,
	owner      TEXT NOT NULL DEFAULT '',
	status     TEXT NOT NULL,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
);
CREATE INDEX action_points_session ON action_points(session_id, id);
CREATE INDEX action_points_theme ON action_points(theme_id);

CREATE TABLE volunteers (
	action_id      INTEGER NOT NULL REFERENCES action_points(id) ON DELETE CASCADE,
	participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
	created_at     INTEGER NOT NULL,
	PRIMARY KEY (action_id, participant_id)
);
