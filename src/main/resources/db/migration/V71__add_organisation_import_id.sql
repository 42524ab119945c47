-- The import that added an organisation, so that an import can be undone in one step. No foreign
-- key: the import history belongs to the imports module, and a record outlives the history row.
ALTER TABLE organisation ADD COLUMN import_id BIGINT;
