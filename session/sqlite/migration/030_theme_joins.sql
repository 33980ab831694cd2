-- Pairs of session themes a facilitator joined into one campaign theme, which
-- matching had left apart: later campaign reports keep them together. The lower
-- theme ID comes first. As with theme_splits since migration 025, a pair stays
-- while one of its themes is merged or deleted on the board, whose undo puts the
-- theme back with its ID; ThemeJoins reads the pairs of themes that exist.
CREATE TABLE theme_joins (
	theme_a    INTEGER NOT NULL,
	theme_b    INTEGER NOT NULL,
	created_at INTEGER NOT NULL,
	PRIMARY KEY (theme_a, theme_b),
	CHECK (theme_a < theme_b)
);
CREATE INDEX theme_joins_b ON theme_joins (theme_b);
