-- An organisation's latest attempt (ties on a day go to the later entry) read from the index alone,
-- one organisation at a time, rather than ranking every attempt of the register to find each one.
CREATE INDEX contact_attempt_latest_idx ON contact_attempt (organisation_id, attempted_on, id);
