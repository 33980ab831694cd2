CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

CREATE TABLE sessions (
	id            TEXT PRIMARY KEY,
	title         TEXT NOT NULL,
	audience      TEXT NOT NULL,
	location      TEXT NOT NULL DEFAULT '',
	mode          TEXT NOT NULL,
	campaign      TEXT NOT NULL DEFAULT '',
	code          TEXT NOT NULL UNIQUE,
	phase         TEXT NOT NULL,
	activities    TEXT NOT NULL DEFAULT '[]',
	vote_budget   INTEGER NOT NULL DEFAULT 3,
	ratings_shown INTEGER NOT NULL DEFAULT 0,
	timer_set_ms  INTEGER NOT NULL DEFAULT 0,
	timer_left_ms INTEGER NOT NULL DEFAULT 0,
	timer_running INTEGER NOT NULL DEFAULT 0,
	timer_ends_ms INTEGER NOT NULL DEFAULT 0,
	created_at    INTEGER NOT NULL,
	updated_at    INTEGER NOT NULL
);

CREATE TABLE participants (
	id         INTEGER PRIMARY KEY,
	session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
	key_hash   TEXT NOT NULL DEFAULT '',
	name       TEXT NOT NULL DEFAULT '',
	pseudonym  TEXT NOT NULL,
	rating     INTEGER NOT NULL DEFAULT 0,
	done       INTEGER NOT NULL DEFAULT 0,
	removed    INTEGER NOT NULL DEFAULT 0,
	joined_at  INTEGER NOT NULL
);
CREATE UNIQUE INDEX participants_key ON participants(session_id, key_hash) WHERE key_hash != '';

CREATE TABLE notes (
	id             INTEGER PRIMARY KEY,
	session_id     TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
	participant_id INTEGER NOT NULL REFERENCES participants(id),
	area           TEXT NOT NULL,
	lane           TEXT NOT NULL,
	activity       TEXT NOT NULL DEFAULT '',
	text           TEXT NOT NULL,
	hidden         INTEGER NOT NULL DEFAULT 0,
	created_at     INTEGER NOT NULL,
	updated_at     INTEGER NOT NULL
);
CREATE INDEX notes_session ON notes(session_id, id);
