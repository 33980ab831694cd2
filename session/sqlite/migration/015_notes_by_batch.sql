-- The facilitator's board reads only the batches of notes released since the last
-- one it has (a thousand people writing release hundreds of batches), and the counts
-- that go with them.
CREATE INDEX notes_batch ON notes(session_id, batch);
