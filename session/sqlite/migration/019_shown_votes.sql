-- The dots the screens and documents count: as last shown. Going back to the vote
-- once the totals were shown, a change of dots waits until at least two people
-- changed theirs, or until the session moves on to a phase it never reached, so
-- that no single person's change can be read off the totals. Votes from before
-- were all shown.
CREATE TABLE shown_votes (
	participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
	theme_id       INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
	count          INTEGER NOT NULL CHECK (count > 0),
	PRIMARY KEY (participant_id, theme_id)
);
CREATE INDEX shown_votes_theme ON shown_votes(theme_id);
INSERT INTO shown_votes (participant_id, theme_id, count) SELECT participant_id, theme_id, count FROM votes;
