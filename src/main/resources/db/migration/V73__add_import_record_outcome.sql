-- What an import did besides adding rows, and the point in the audit trail it reached: an entry
-- after that point about one of its records means someone has changed it since, so the import can
-- no longer be undone in one step. An undone import stays in the history, marked as undone.
ALTER TABLE import_record ADD COLUMN rows_updated INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE import_record ADD COLUMN rows_skipped INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE import_record ADD COLUMN mapping_name VARCHAR(100);
ALTER TABLE import_record ADD COLUMN audit_mark BIGINT;
ALTER TABLE import_record ADD COLUMN undone_at TIMESTAMP;
ALTER TABLE import_record ADD COLUMN undone_by VARCHAR(320);
