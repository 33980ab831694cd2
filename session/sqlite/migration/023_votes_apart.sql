-- A dot no longer names the participant who gave it: a copy of the database (a
-- backup) showed which themes each named participant put their dots on. Votes, and
-- the votes as last shown, keep a keyed hash of the participant's ID under the key
-- secret (DATA/key_secret, outside the database), made for votes only, so that the
-- running server still knows whose dots are whose (each person's budget, their own
-- dots on their screen) while a copy alone does not. The tables have no row IDs:
-- their rows lie in the order of their hashes, not in the order dots were given.
-- The hashes are filled in by charter right after this script, in the same
-- transaction, from the placeholder below.
CREATE TABLE votes_new (
	voter    TEXT NOT NULL,
	theme_id INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
	count    INTEGER NOT NULL CHECK (count > 0),
	PRIMARY KEY (voter, theme_id)
) WITHOUT ROWID;
INSERT INTO votes_new (voter, theme_id, count) SELECT 'participant:' || participant_id, theme_id, count FROM votes;
DROP TABLE votes;
ALTER TABLE votes_new RENAME TO votes;
CREATE INDEX votes_theme ON votes(theme_id);

CREATE TABLE shown_votes_new (
	voter    TEXT NOT NULL,
	theme_id INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
	count    INTEGER NOT NULL CHECK (count > 0),
	PRIMARY KEY (voter, theme_id)
) WITHOUT ROWID;
INSERT INTO shown_votes_new (voter, theme_id, count) SELECT 'participant:' || participant_id, theme_id, count FROM shown_votes;
DROP TABLE shown_votes;
ALTER TABLE shown_votes_new RENAME TO shown_votes;
CREATE INDEX shown_votes_theme ON shown_votes(theme_id);
