-- A note about an import names no single organisation.
ALTER TABLE organisation_search_change ALTER COLUMN organisation_id DROP NOT NULL;
