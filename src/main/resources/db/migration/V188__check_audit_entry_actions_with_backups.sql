-- Who took the whole register away, and who replaced it, are kept as any change is (V187).
ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_action_known
    CHECK (action IN ('CREATED', 'CHANGED', 'DELETED', 'ERASED', 'DOWNLOADED', 'RESTORED'));
