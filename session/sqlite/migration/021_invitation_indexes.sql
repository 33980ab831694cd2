-- Changing a roster person or team (an import of the roster) checks that no
-- invitation refers to a row it would orphan: without these, each change read every
-- invitation of every campaign.
CREATE INDEX invitations_person ON invitations(person_id);
CREATE INDEX invitations_team ON invitations(team_id);
