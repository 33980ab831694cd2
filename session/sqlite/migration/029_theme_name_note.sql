-- The note a theme's name was made from when the board split it out of one (S), so
-- that the ★ and the first quote stay on that note when others are moved in: a
-- name's words alone told the wrong note when another began with them, and none
-- when the name came from clustering the note's words. 0 when not known.
ALTER TABLE themes ADD COLUMN name_note_id INTEGER NOT NULL DEFAULT 0;
