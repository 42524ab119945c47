-- The morning list's order within each group, the refusals apart (V181): something arranged first,
-- then the longest waiting that did not decline.
CREATE INDEX contact_attempt_latest_waiting ON contact_attempt_latest (arranged, declined, attempted_on, organisation_id);
