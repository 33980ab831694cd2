-- The last day a closed session was reopened, YYYY-MM-DD; empty when it never was.
-- The findings say so: results changed after closing are not the results of the day.
ALTER TABLE sessions ADD COLUMN reopened_on TEXT NOT NULL DEFAULT '';

-- Times that could line participants up with a server log are kept to the day, all
-- the documents need.
UPDATE participants SET joined_at = (joined_at / 86400000) * 86400000;
