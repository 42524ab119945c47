-- V116's index starts with the same two columns.
DROP INDEX contact_attempt_organisation_idx;
