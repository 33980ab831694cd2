-- charter: foreign keys off
-- A campaign's split pair (two themes of different sessions that are not one
-- campaign theme) no longer goes with a theme merged or deleted on the board: the
-- board's undo puts the theme back with its ID (never given to another theme since
-- migration 024), and the pair with it. A pair whose theme is gone is kept and not
-- read (ThemeSplits reads the pairs of themes that exist).
CREATE TABLE theme_splits_new (
	theme_a    INTEGER NOT NULL,
	theme_b    INTEGER NOT NULL,
	created_at INTEGER NOT NULL,
	PRIMARY KEY (theme_a, theme_b),
	CHECK (theme_a < theme_b)
);
INSERT INTO theme_splits_new (theme_a, theme_b, created_at) SELECT theme_a, theme_b, created_at FROM theme_splits;
DROP TABLE theme_splits;
ALTER TABLE theme_splits_new RENAME TO theme_splits;
CREATE INDEX theme_splits_b ON theme_splits (theme_b);
