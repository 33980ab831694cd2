-- Whether the facilitator named the theme (renamed it on the board), rather than its
-- label coming from clustering: campaign reports prefer such names.
ALTER TABLE themes ADD COLUMN named INTEGER NOT NULL DEFAULT 0;
