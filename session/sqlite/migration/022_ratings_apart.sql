-- A check-in rating no longer sits in the participant's row, beside the name they
-- joined with and their profile: a copy of the database (a backup) showed who rated
-- their team's security how. Ratings move to a table of their own, under a keyed
-- hash of the participant's ID under the key secret (DATA/key_secret, outside the
-- database), made for ratings only (a note's author and a volunteer have tokens of
-- their own), so that the running server still knows whose rating is whose while a
-- copy alone does not. The table has no row IDs: its rows lie in the order of their
-- tokens, not in the order people rated. The hashes are filled in by charter right
-- after this script, in the same transaction, from the placeholder below.
CREATE TABLE ratings (
	session_id   TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
	rater        TEXT NOT NULL,
	rating       INTEGER NOT NULL,
	shown_rating INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (session_id, rater)
) WITHOUT ROWID;
INSERT INTO ratings (session_id, rater, rating, shown_rating)
	SELECT session_id, 'participant:' || id, rating, shown_rating FROM participants
	WHERE rating != 0 OR shown_rating != 0;
DROP INDEX participants_held_rating;
ALTER TABLE participants DROP COLUMN rating;
ALTER TABLE participants DROP COLUMN shown_rating;
