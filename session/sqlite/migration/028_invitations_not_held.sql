-- The people a deleted session of a campaign invited, with the session's title: a
-- plan of the campaign made again offers them another session (see
-- session.Placed). Like invitations, it ties a roster person to a campaign, never
-- to a participant, a note or a vote.
CREATE TABLE deleted_invitations (
	campaign   TEXT NOT NULL,
	title      TEXT NOT NULL,
	person_id  INTEGER NOT NULL REFERENCES roster_people(id),
	deleted_at INTEGER NOT NULL
);
CREATE INDEX deleted_invitations_person ON deleted_invitations(person_id);
