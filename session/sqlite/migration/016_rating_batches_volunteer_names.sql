-- The screens show check-in ratings in batches of at least two raters whose rating
-- is new or changed, as the board shows notes: shown_rating is a participant's rating
-- as last released to the screens, 0 before any. A rating that differs from it is
-- held back. Ratings from before were all shown.
ALTER TABLE participants ADD COLUMN shown_rating INTEGER NOT NULL DEFAULT 0;
UPDATE participants SET shown_rating = rating;
CREATE INDEX participants_held_rating ON participants(session_id) WHERE shown_rating != rating;

-- A volunteer's name is kept with their volunteering, on the action point only: it
-- no longer becomes the participant's display name, which the board shows beside
-- their note count. Volunteering from before showed the participant's display name
-- (the pseudonym when they gave none), and closed sessions' findings are frozen, so
-- those rows keep that name. Participants' names are left as they are: a name given
-- when joining cannot be told from one given when volunteering.
ALTER TABLE volunteers ADD COLUMN name TEXT NOT NULL DEFAULT '';
UPDATE volunteers SET name = COALESCE((SELECT CASE WHEN p.name != '' THEN p.name ELSE p.pseudonym END
	FROM participants p WHERE p.id = volunteers.participant_id), '');
