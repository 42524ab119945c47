-- V183's index serves every walk V127's did.
DROP INDEX contact_attempt_latest_due;
