-- Pairs of session themes a facilitator split apart after campaign matching had put
-- them in one campaign theme: later campaign reports keep them apart. The lower
-- theme ID comes first; a deleted theme takes its splits with it.
CREATE TABLE theme_splits (
	theme_a    INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
	theme_b    INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
	created_at INTEGER NOT NULL,
	PRIMARY KEY (theme_a, theme_b),
	CHECK (theme_a < theme_b)
);
CREATE INDEX theme_splits_b ON theme_splits (theme_b);
