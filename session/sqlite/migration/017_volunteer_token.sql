-- A volunteer's row no longer names the participant: it keeps a keyed hash of the
-- participant's ID under the key secret (DATA/key_secret, outside the database),
-- made for volunteering only (a note's author token is another), so that a copy of
-- the database cannot tie the name someone gave for an action point to their row
-- (check-in rating, profile) or to their notes. The table is rebuilt without
-- participant_id, in the order people volunteered; the hashes are filled in by
-- charter right after this script, in the same transaction, from the placeholder
-- below.
CREATE TABLE volunteers_new (
	action_id  INTEGER NOT NULL REFERENCES action_points(id) ON DELETE CASCADE,
	volunteer  TEXT NOT NULL,
	name       TEXT NOT NULL DEFAULT '',
	created_at INTEGER NOT NULL,
	PRIMARY KEY (action_id, volunteer)
);
INSERT INTO volunteers_new (action_id, volunteer, name, created_at)
	SELECT action_id, 'participant:' || participant_id, name, created_at FROM volunteers ORDER BY created_at, rowid;
DROP TABLE volunteers;
ALTER TABLE volunteers_new RENAME TO volunteers;
