-- Whether a note's activity was filed from its words, its writer having chosen
-- none (session.FiledActivity): an edit of the words files it again. Notes stored
-- before are taken as chosen: which of them were filed is not known, and a
-- writer's or facilitator's choice is never changed by an edit.
ALTER TABLE notes ADD COLUMN activity_filed INTEGER NOT NULL DEFAULT 0;
