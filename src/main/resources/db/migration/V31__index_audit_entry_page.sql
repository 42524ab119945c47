CREATE INDEX audit_entry_page ON audit_entry (record_page, id);
