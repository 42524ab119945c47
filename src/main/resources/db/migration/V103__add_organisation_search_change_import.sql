-- A large import is noted once, by its id, rather than once for each organisation it adds: H2's
-- search index then takes in the import's organisations by reading them through import_id.
ALTER TABLE organisation_search_change ADD COLUMN import_id BIGINT;
