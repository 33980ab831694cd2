-- A participant's own notes are read on every save before the reveal.
CREATE INDEX notes_participant ON notes(participant_id, id);
