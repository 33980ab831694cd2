-- A session's participants are read on every view of it, and a key's on every join;
-- without these every one of them read the participants of every session ever held
-- (the only index on the table, participants_key, leaves out the people without a
-- key, so SQLite could use it for neither).
CREATE INDEX participants_session ON participants(session_id, id);
CREATE INDEX participants_by_key ON participants(key_hash, id);
