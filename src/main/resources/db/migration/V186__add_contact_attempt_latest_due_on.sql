-- The latest attempt's due day (V185), which the morning list reads beside it.
ALTER TABLE contact_attempt_latest ADD COLUMN due_on DATE;
