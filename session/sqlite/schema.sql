-- charter: the schema after migration/032_note_activity_filed.sql
-- charter: migrations sha256 e048f2a4c544554e0cce2588e55bc9656ddfbbddecc9c8ef1fefc58f83c03324
-- Written by `go test ./session/sqlite/ -run TestSchemaFileIsTheMigrations -update`
-- from the migrations, which stay the source: a new database is made from this
-- file in one transaction rather than by replaying them all, when the digest
-- above is that of the migrations charter was built with.
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
, held_on TEXT NOT NULL DEFAULT '', reopened_on TEXT NOT NULL DEFAULT '', reached TEXT NOT NULL DEFAULT '');
CREATE TABLE theme_notes (
	note_id  INTEGER PRIMARY KEY REFERENCES notes(id) ON DELETE CASCADE,
	theme_id INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE
);
CREATE TABLE roster_teams (
	id       INTEGER PRIMARY KEY,
	name     TEXT NOT NULL UNIQUE COLLATE NOCASE,
	location TEXT NOT NULL,
	cluster  TEXT NOT NULL DEFAULT '',
	level    TEXT NOT NULL
);
CREATE TABLE roster_people (
	id         INTEGER PRIMARY KEY,
	team_id    INTEGER NOT NULL REFERENCES roster_teams(id),
	name       TEXT NOT NULL,
	email      TEXT NOT NULL UNIQUE COLLATE NOCASE,
	role       TEXT NOT NULL,
	experience TEXT NOT NULL
);
CREATE TABLE invitations (
	session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
	person_id  INTEGER NOT NULL REFERENCES roster_people(id),
	team_id    INTEGER NOT NULL REFERENCES roster_teams(id),
	position   INTEGER NOT NULL,
	PRIMARY KEY (session_id, person_id)
);
CREATE TABLE note_deletions (
	session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
	author     TEXT NOT NULL,
	batch      INTEGER NOT NULL
);
CREATE TABLE "volunteers" (
	action_id  INTEGER NOT NULL REFERENCES action_points(id) ON DELETE CASCADE,
	volunteer  TEXT NOT NULL,
	name       TEXT NOT NULL DEFAULT '',
	created_at INTEGER NOT NULL,
	PRIMARY KEY (action_id, volunteer)
);
CREATE TABLE ratings (
	session_id   TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
	rater        TEXT NOT NULL,
	rating       INTEGER NOT NULL,
	shown_rating INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (session_id, rater)
) WITHOUT ROWID;
CREATE TABLE "votes" (
	voter    TEXT NOT NULL,
	theme_id INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
	count    INTEGER NOT NULL CHECK (count > 0),
	PRIMARY KEY (voter, theme_id)
) WITHOUT ROWID;
CREATE TABLE "shown_votes" (
	voter    TEXT NOT NULL,
	theme_id INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
	count    INTEGER NOT NULL CHECK (count > 0),
	PRIMARY KEY (voter, theme_id)
) WITHOUT ROWID;
CREATE TABLE "themes" (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
	label      TEXT NOT NULL,
	created_at INTEGER NOT NULL,
	named      INTEGER NOT NULL DEFAULT 0
, name_note_id INTEGER NOT NULL DEFAULT 0);
CREATE TABLE "theme_splits" (
	theme_a    INTEGER NOT NULL,
	theme_b    INTEGER NOT NULL,
	created_at INTEGER NOT NULL,
	PRIMARY KEY (theme_a, theme_b),
	CHECK (theme_a < theme_b)
);
CREATE TABLE "notes" (
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
, activity_filed INTEGER NOT NULL DEFAULT 0);
CREATE TABLE "action_points" (
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
CREATE TABLE "participants" (
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
CREATE TABLE "hypotheses" (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	campaign   TEXT NOT NULL,
	text       TEXT NOT NULL,
	verdict    TEXT NOT NULL DEFAULT '',
	why        TEXT NOT NULL DEFAULT '',
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
);
CREATE TABLE deleted_invitations (
	campaign   TEXT NOT NULL,
	title      TEXT NOT NULL,
	person_id  INTEGER NOT NULL REFERENCES roster_people(id),
	deleted_at INTEGER NOT NULL
, held INTEGER NOT NULL DEFAULT 0);
CREATE TABLE theme_joins (
	theme_a    INTEGER NOT NULL,
	theme_b    INTEGER NOT NULL,
	created_at INTEGER NOT NULL,
	PRIMARY KEY (theme_a, theme_b),
	CHECK (theme_a < theme_b)
);
CREATE INDEX theme_notes_theme ON theme_notes(theme_id, note_id);
CREATE INDEX note_deletions_session ON note_deletions(session_id, batch);
CREATE INDEX invitations_person ON invitations(person_id);
CREATE INDEX invitations_team ON invitations(team_id);
CREATE INDEX votes_theme ON votes(theme_id);
CREATE INDEX shown_votes_theme ON shown_votes(theme_id);
CREATE INDEX themes_session ON themes(session_id, id);
CREATE INDEX theme_splits_b ON theme_splits (theme_b);
CREATE INDEX notes_session ON notes(session_id, id);
CREATE INDEX notes_author ON notes(author, id);
CREATE INDEX notes_held ON notes(session_id) WHERE batch = 0;
CREATE INDEX notes_batch ON notes(session_id, batch);
CREATE INDEX action_points_session ON action_points(session_id, id);
CREATE INDEX action_points_theme ON action_points(theme_id);
CREATE UNIQUE INDEX participants_key ON participants(session_id, key_hash) WHERE key_hash != '';
CREATE UNIQUE INDEX participants_rejoin ON participants(rejoin_hash) WHERE rejoin_hash != '';
CREATE INDEX participants_session ON participants(session_id, id);
CREATE INDEX participants_by_key ON participants(key_hash, id);
CREATE INDEX hypotheses_campaign ON hypotheses(campaign COLLATE NOCASE, id);
CREATE INDEX deleted_invitations_person ON deleted_invitations(person_id);
CREATE INDEX theme_joins_b ON theme_joins (theme_b);
