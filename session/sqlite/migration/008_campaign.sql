-- The roster of a security program (teams, and per team the people it may invite
-- with their contacts), the people each planned session invites, and the
-- hypotheses of a campaign. None of these tables refers to participants, notes or
-- votes, and none of those refers to them: who was invited cannot be tied to who
-- wrote what.
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

-- team_id is the person's team when the session was planned.
CREATE TABLE invitations (
	session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
	person_id  INTEGER NOT NULL REFERENCES roster_people(id),
	team_id    INTEGER NOT NULL REFERENCES roster_teams(id),
	position   INTEGER NOT NULL,
	PRIMARY KEY (session_id, person_id)
);

CREATE TABLE hypotheses (
	id         INTEGER PRIMARY KEY,
	campaign   TEXT NOT NULL,
	text       TEXT NOT NULL,
	verdict    TEXT NOT NULL DEFAULT '',
	why        TEXT NOT NULL DEFAULT '',
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
);
CREATE INDEX hypotheses_campaign ON hypotheses(campaign COLLATE NOCASE, id);
