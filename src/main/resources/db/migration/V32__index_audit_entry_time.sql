CREATE INDEX audit_entry_time ON audit_entry (occurred_at, id);
