-- The morning list's order within each group: something arranged first, then the longest waiting.
CREATE INDEX contact_attempt_latest_due ON contact_attempt_latest (arranged, attempted_on, organisation_id);
