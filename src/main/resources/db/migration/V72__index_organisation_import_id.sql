CREATE INDEX organisation_import_id ON organisation (import_id, id);
