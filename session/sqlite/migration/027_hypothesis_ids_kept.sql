-- A hypothesis's ID is never given to another once it is deleted (AUTOINCREMENT),
-- as a note's, an action point's and a participant's are not since migration 026:
-- SQLite gave the highest freed ID to the next new hypothesis, of any campaign, so
-- that an ID kept across the deletion named another hypothesis, which a verdict or
-- a deletion by that ID then changed. No table refers to hypotheses: the table is
-- rebuilt as it was, rows and IDs kept, and the INSERT with explicit IDs starts
-- sqlite_sequence at its highest ID.
CREATE TABLE hypotheses_new (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	campaign   TEXT NOT NULL,
	text       TEXT NOT NULL,
	verdict    TEXT NOT NULL DEFAULT '',
	why        TEXT NOT NULL DEFAULT '',
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
);
INSERT INTO hypotheses_new (id, campaign, text, verdict, why, created_at, updated_at)
	SELECT id, campaign, text, verdict, why, created_at, updated_at FROM hypotheses;
DROP TABLE hypotheses;
ALTER TABLE hypotheses_new RENAME TO hypotheses;
CREATE INDEX hypotheses_campaign ON hypotheses(campaign COLLATE NOCASE, id);
