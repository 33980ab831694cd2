-- A person without an SSH key comes back as themselves with a personal rejoin code:
-- the participant keeps a keyed hash of it (under DATA/key_secret), never the code.
ALTER TABLE participants ADD COLUMN rejoin_hash TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX participants_rejoin ON participants(rejoin_hash) WHERE rejoin_hash != '';

-- The facilitator's board gets new notes, and the per-person counts that go with
-- them, in batches holding notes of at least two people: batch is the batch a note
-- was shown in, 0 while it is held back. Notes from before were all shown.
ALTER TABLE notes ADD COLUMN batch INTEGER NOT NULL DEFAULT 1;
CREATE INDEX notes_held ON notes(session_id) WHERE batch = 0;

-- A deleted note still counts for its writer on the board (people are counted by
-- what they wrote), so that a note disappearing and a count going down at once
-- cannot tell whose it was. Only the author's token is kept, as in notes.
CREATE TABLE note_deletions (
	session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
	author     TEXT NOT NULL,
	batch      INTEGER NOT NULL
);
CREATE INDEX note_deletions_session ON note_deletions(session_id, batch);
